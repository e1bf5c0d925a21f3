// One way to name a progress record in words, shared by `tthc diff` and `tthc log` so both say the same of it.
import type { RecordFile } from '../model/schema.js';
import { formatDayVi } from '../schedule/index.js';
import { periodText } from './due.js';
import type { Lang } from './i18n.js';

const WORDS = {
  vi: { done: 'xong', trigger: 'văn bản đến', period: 'kỳ', due: 'hạn' },
  en: { done: 'done', trigger: 'triggered', period: 'period', due: 'due' },
} as const;

/**
 * "xong 14/6/2023, kỳ Quý II/2023, 67/BC-UBND", "văn bản đến 3/4/2023, hạn 3/5/2023, 900/UBND-KSTT". Every field a
 * record keeps is named, so that a record changed in any of them reads differently before and after.
 */
export function recordText(lang: Lang, r: RecordFile): string {
  const w = WORDS[lang];
  const parts = [r.done ? `${w.done} ${formatDayVi(r.done)}` : `${w.trigger} ${r.trigger ? formatDayVi(r.trigger) : '?'}`];
  if (r.period) parts.push(`${w.period} ${periodText(lang, r.period) || r.period}`);
  if (r.due) parts.push(`${w.due} ${formatDayVi(r.due)}`);
  if (r.ref) parts.push(r.ref);
  if (r.note) parts.push(`“${r.note}”`);
  return parts.join(', ');
}
