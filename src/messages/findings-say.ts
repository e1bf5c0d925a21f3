// Puts findings into words in the run's language; loaded by the renderers of findings only.
import { findingsOf } from './catalogues.js';
import { clipText, type Said } from './findings.js';
import type { Lang } from './index.js';

/** The sentence in `lang`, its sentence parameters said first; clipped like the values it quotes. */
export function sayFinding(lang: Lang, s: Said): string {
  if (typeof s === 'string') return s;
  const entry = (findingsOf(lang) as Record<string, string | ((p: unknown) => string) | undefined>)[s.key];
  // A key from another build (an old cache) is shown as its key rather than failing.
  if (entry === undefined) return s.key;
  if (typeof entry === 'string') return entry;
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s.params ?? {})) params[k] = typeof v === 'object' ? sayFinding(lang, v) : v;
  return clipText(entry(params));
}
