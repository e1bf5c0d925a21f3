// The words tables speak, in Vietnamese (default) and English; JSON keeps the English codes of the contract.
import { say, type Key, type Lang } from '../messages/index.js';

export type { Lang };
export type Word = Key;

/** The words of tables, from the one message catalogue (src/messages/). */
export const t = say;

export function pickLang(flag: string | undefined, env: Record<string, string | undefined>): Lang {
  const v = (flag ?? env.TTHC_LANG ?? 'vi').toLowerCase();
  if (v.startsWith('en')) return 'en';
  if (v.startsWith('vi')) return 'vi';
  return 'vi';
}
