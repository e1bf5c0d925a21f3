// Shared checks for the addRecord tests: "only lines were added" at the byte level, and the expected value.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parseDocument } from 'yaml';
import type { RecordFile } from '../../src/model/schema.js';

export const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');

export const shippedPlan = (): string =>
  readFileSync(fileURLToPath(new URL('../../plans/kon-ray-2023.yaml', import.meta.url)), 'utf8');

/** Read the way tthc reads plans, so "the same value" means the same thing as in the checker. */
export function readValue(text: string): unknown {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), {
    schema: 'core',
    resolveKnownTags: false,
    stringKeys: true,
    logLevel: 'error',
  });
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  return doc.toJS();
}

type PlanValue = { sections: { tasks: { id: string; records?: unknown[] | null }[] }[] };

/** The value of `before` with `record` appended to the records of task `id` (undefined keys dropped). */
export function withRecord(before: unknown, id: string, record: RecordFile): unknown {
  const value = structuredClone(before) as PlanValue;
  const clean = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
  for (const section of value.sections) {
    for (const task of section.tasks) {
      if (String(task.id) !== id) continue;
      task.records = [...(task.records ?? []), clean];
      return value;
    }
  }
  throw new Error(`no task ${id}`);
}

/**
 * Every position at which `after` is `before` with one string inserted (an insertion can often slide over
 * equal neighbouring characters). Returns [] when `after` is not `before` plus one insertion.
 */
export function insertions(before: string, after: string): { at: number; inserted: string }[] {
  const k = after.length - before.length;
  if (k <= 0) return [];
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  if (p + s !== before.length) return [];
  const out: { at: number; inserted: string }[] = [];
  // p is the rightmost place; slide left while the block rotates onto equal characters.
  for (let at = p; at >= 0; at--) {
    out.push({ at, inserted: after.slice(at, at + k) });
    if (at === 0 || after[at - 1] !== after[at + k - 1]) break;
  }
  return out;
}

/**
 * Asserts that `after` differs from `before` only by whole added lines, byte for byte, and returns those
 * lines (without line breaks). At the end of a file without a final newline, the added text is a line break
 * and then the lines, and the file still ends without one.
 */
export function addedLines(before: string, after: string): string[] {
  const candidates = insertions(before, after);
  expect(candidates.length, 'the new text is the old one plus one inserted piece').toBeGreaterThan(0);
  const eol = /\r\n/.test(before) ? '\r\n' : '\n';
  const lineAligned = candidates.find(
    ({ at, inserted }) =>
      ((at === 0 || after[at - 1] === '\n') && inserted.endsWith(eol)) ||
      (at === before.length && !before.endsWith('\n') && inserted.startsWith(eol) && !inserted.endsWith('\n')),
  );
  expect(lineAligned, `the insertion is whole lines: ${JSON.stringify(candidates[0]?.inserted)}`).toBeDefined();
  const { at, inserted } = lineAligned!;
  // Removing the inserted lines gives back the original, byte for byte.
  const removed = Buffer.concat([Buffer.from(after.slice(0, at)), Buffer.from(after.slice(at + inserted.length))]);
  expect(removed.equals(Buffer.from(before))).toBe(true);
  // CRLF files get CRLF lines, LF files LF lines.
  if (eol === '\r\n') expect(inserted.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  else expect(inserted).not.toMatch(/\r/);
  const lines = inserted.split(eol);
  return at === before.length && !before.endsWith('\n') ? lines.slice(1) : lines.slice(0, -1);
}

/** The comment lines of a text, in order: an edit must keep every one of them. */
export function commentLines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => /^\s*#/.test(l));
}
