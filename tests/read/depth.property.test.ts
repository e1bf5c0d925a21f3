// The depth scan's quick search for the end of a plain value gives what the regular expression it replaced gave.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_COMPACT_RUN, MAX_DEPTH, tooDeepAt } from '../../src/read/depth.js';
import { generatePlan } from '../../scripts/gen-plan.mjs';

const PLAIN_STOP = /[#:\n]/g;

/** The scan as it was, with a regular expression to find where plain text stops (`runs`: MAX_COMPACT_RUN). */
function plainTooDeepAt(text: string, max: number, runs: number): number {
  const n = text.length;
  /** Indentation of the open block levels. */
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  /** Inside a block scalar (`|`, `>`): lines indented more than this belong to it. */
  let blockParent = -1;
  /** Lines of `key: text:` since the indentation last dropped below `runIndent`. */
  let run = 0;
  let runIndent = 0;
  let i = 0;
  while (i < n) {
    // One line: [i, end).
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    let j = i;
    let extra = 0;
    if (!quote && flow === 0) {
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      const indent = j - i;
      const blank = j >= end || text[j] === '#' || text[j] === '\r';
      if (blockParent >= 0) {
        if (blank || indent > blockParent) {
          i = end + 1;
          continue;
        }
        blockParent = -1;
      }
      if (blank) {
        i = end + 1;
        continue;
      }
      if (indent < runIndent) run = 0;
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      if (indents.length > max) return j;
    }
    const lineIndent = indents.length ? indents[indents.length - 1]! : 0;
    let valueStart = !quote && flow === 0;
    let colons = 0;
    for (; j < end; j++) {
      if (!quote && flow === 0 && !valueStart) {
        // Inside a plain value only a comment or another `key:` matters: the rest of the text is passed over at once.
        // test, not exec: the match's place is lastIndex - 1, and no match array is made for each of 60 000 lines.
        PLAIN_STOP.lastIndex = j;
        const stop = PLAIN_STOP.test(text) ? PLAIN_STOP.lastIndex - 1 : end;
        if (stop >= end) {
          j = end;
          break;
        }
        j = stop;
      }
      const c = text[j]!;
      if (quote === '"') {
        if (c === '\\') j++;
        else if (c === '"') quote = undefined;
        continue;
      }
      if (quote === "'") {
        if (c === "'") {
          if (text[j + 1] === "'") j++;
          else quote = undefined;
        }
        continue;
      }
      const prev = j > 0 ? text[j - 1]! : '\n';
      if (c === '#' && (prev === ' ' || prev === '\t' || prev === '\n')) break;
      if (flow > 0) {
        if (c === '[' || c === '{') {
          flow++;
          if (indents.length + extra + flow > max) return j;
        } else if (c === ']' || c === '}') flow--;
        else if ((c === '"' || c === "'") && ' \t\n,[{:'.includes(prev)) quote = c;
        continue;
      }
      if (valueStart) {
        if (c === ' ' || c === '\t') continue;
        const next = text[j + 1];
        const separated = next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
        if ((c === '-' || c === '?') && separated) {
          extra++;
          if (indents.length + extra > max) return j;
          continue;
        }
        valueStart = false;
        if (c === '[' || c === '{') {
          flow = 1;
          if (indents.length + extra + flow > max) return j;
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '|' || c === '>') {
          blockParent = lineIndent;
          break;
        }
        continue;
      }
      if (c === ':') {
        const next = text[j + 1];
        if (next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r') {
          valueStart = true;
          colons++;
        }
      }
    }
    if (colons >= 2) {
      if (run === 0) runIndent = lineIndent;
      if (++run > runs) return i + lineIndent;
    }
    i = end + 1;
  }
  return -1;
}

/** Texts of the characters the scan tells apart, nested deep enough to pass small limits. */
const texts = fc
  .array(fc.constantFrom(' ', ' ', ' ', '\n', '\n', ':', ': ', '#', ' #', '- ', '? ', '[', ']', '{', '}', '"', "'", '\\', '|', '>', 'a', 'bc', '\t', '\r', ',', ' # k: [', 'v #c: {', 'k: v: '), { maxLength: 120 })
  .map((a) => a.join(''));

describe('tooDeepAt', () => {
  it('finds the place the regular-expression scan finds, on texts of YAML signs, at small limits', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 6 }), (text, max) => {
        expect(tooDeepAt(text, max)).toBe(plainTooDeepAt(text, max, MAX_COMPACT_RUN));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same on a plan, and on a plan nested too deep or with a long run of `key: text:` lines', () => {
    const plan = generatePlan(50);
    const deep = `${plan}x:\n${Array.from({ length: 45 }, (_, k) => `${' '.repeat(k + 1)}k${k}: # c\n`).join('')}`;
    const run = `${plan}${'a: b: c\n'.repeat(MAX_COMPACT_RUN + 2)}`;
    for (const text of [plan, deep, run]) expect(tooDeepAt(text)).toBe(plainTooDeepAt(text, MAX_DEPTH, MAX_COMPACT_RUN));
    expect(tooDeepAt(deep)).toBeGreaterThan(0);
    expect(tooDeepAt(run)).toBeGreaterThan(0);
  });
});
