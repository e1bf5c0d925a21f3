// The message catalogue: every sentence tthc prints, by typed key, in Vietnamese (the default) and English.
import type { en } from './en.js';
import { helpOf, messagesOf } from './catalogues.js';

export type Lang = 'vi' | 'en';

export { helpOf };

/** English defines the keys and the parameters of each; vi.ts is typed by it, so a key missing in either fails to compile. */
export type Catalogue = typeof en;
export type Key = keyof Catalogue;
export type Params<K extends Key> = Catalogue[K] extends (p: infer P) => string ? P : undefined;
type Args<K extends Key> = Catalogue[K] extends (p: infer P) => string ? [params: P] : [];

/** Help texts (`help.*`) are a catalogue apart (src/messages/help-en.ts), read by help and usage errors only. */
export const CATALOGUES: Record<Lang, Catalogue> = {
  get vi() {
    return messagesOf('vi');
  },
  get en() {
    return messagesOf('en');
  },
};

/**
 * A sentence not yet put into words: its key and parameters. Findings and refusals carry one, so that they are said
 * in the language of the run that prints them (a cached finding is printed in whatever language is asked for later).
 * Parameters are plain strings and numbers, so that a message survives JSON (the plan cache).
 */
export interface Msg<K extends Key = Key> {
  key: K;
  params?: Params<K>;
}

export function msg<K extends Key>(key: K, ...args: Args<K>): Msg<K> {
  return args.length ? { key, params: args[0] as Params<K> } : { key };
}

/** The sentence of `key` in `lang`. */
export function say<K extends Key>(lang: Lang, key: K, ...args: Args<K>): string {
  const entry = messagesOf(lang)[key] as string | ((p: unknown) => string);
  return typeof entry === 'function' ? entry(args[0]) : entry;
}

/** A message (or a text that was never in the catalogue, such as the plan's own words) in `lang`. */
export function render(lang: Lang, m: Msg | string): string {
  if (typeof m === 'string') return m;
  const entry = messagesOf(lang)[m.key] as string | ((p: unknown) => string) | undefined;
  // A key from another build (an old cache) is shown as its key rather than failing.
  if (entry === undefined) return m.key;
  return typeof entry === 'function' ? entry(m.params) : entry;
}

/** `error[name]` as the English of `m`, said when first read (a log, a test, a stack trace). */
export function english(error: Error, name: 'message' | 'hint', m: Msg | string, prefix = ''): void {
  Object.defineProperty(error, name, { get: () => prefix + render('en', m), configurable: true, enumerable: name !== 'message' });
}

export function isMsg(v: unknown): v is Msg {
  return typeof v === 'object' && v !== null && typeof (v as Msg).key === 'string' && (v as Msg).key in messagesOf('vi');
}

/** The message with a path in its parameters shown as another (the absolute path a writer saw, as the user typed it). */
export function withPath(m: Msg | string, from: string, to: string): Msg | string {
  if (typeof m === 'string') return m.split(from).join(to);
  const params = Object.fromEntries(Object.entries(m.params ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v.split(from).join(to) : v]));
  return { key: m.key, params } as unknown as Msg;
}
