// A finding's message as a value: the typed constructor of a key of the findings catalogue with its parameters.
// Only types come from the catalogue here, so that reading and checking a plan loads no sentence of either language.
import type { findingsEn } from './findings-en.js';

/**
 * A finding's sentence not yet put into words: a key of the findings catalogue (src/messages/findings-en.ts) and its
 * parameters, plain values or sentences themselves, so that it survives JSON (the plan cache) and is said in the
 * language of the run that prints it.
 */
export interface FindingText {
  key: string;
  params?: Record<string, FindingParam>;
}
export type FindingParam = string | number | boolean | FindingText;

/** A message in the catalogue, or a text said the same in every language (a value quoted from the plan). */
export type Said = string | FindingText;

/**
 * Characters a finding's message or hint keeps at most: a message quotes the value it is about, and a value can be a
 * hundred kilobytes of pasted text (a report of 500 such findings ran to 4 MB). Far more than any real finding needs.
 */
export const MAX_MESSAGE = 600;

/** English defines the keys and the parameters of each; findings-vi.ts is typed by it. */
export type FindingsCatalogue = typeof findingsEn;
export type FindingKey = keyof FindingsCatalogue;

/** A parameter that is a sentence itself (where a value stands, a task's id …) may be given as a message. */
type Loose<P> = { [K in keyof P]: P[K] extends string ? string | FindingText : P[K] };
type Args<K extends FindingKey> = FindingsCatalogue[K] extends (p: infer P) => string ? [params: Loose<P>] : [];

/** Cuts a text to MAX_MESSAGE characters, never inside a surrogate pair. */
export function clipText(s: string): string {
  if (s.length <= MAX_MESSAGE) return s;
  let end = MAX_MESSAGE - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

function clipParam(v: FindingParam): FindingParam {
  return typeof v === 'string' ? clipText(v) : typeof v === 'object' ? clipSaid(v) : v;
}

/** The message with every quoted value clipped (a value may be a hundred kilobytes of pasted text). */
export function clipSaid<S extends Said>(s: S): S {
  if (typeof s === 'string') return clipText(s) as S;
  if (!s.params) return s;
  let changed = false;
  const params: Record<string, FindingParam> = {};
  for (const [k, v] of Object.entries(s.params)) {
    params[k] = clipParam(v);
    if (params[k] !== v) changed = true;
  }
  return changed ? ({ key: s.key, params } as S) : s;
}

/** The finding's sentence `key` with its parameters, to be said in the language of the run that prints it. */
export function fm<K extends FindingKey>(key: K, ...args: Args<K>): FindingText {
  return args.length ? { key, params: args[0] as Record<string, FindingParam> } : { key };
}
