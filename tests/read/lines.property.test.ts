// The quick line tables of the text cut (Lines, lineFinder) agree with the plain ways they stand in for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { loadBytes } from '../../src/read/load.js';
import { taskLayouts } from '../../src/read/layout.js';
import { lineFinder } from '../../src/read/segments-of.js';
import { base36, Lines } from '../../src/read/segments.js';
import { generatePlan } from '../../scripts/gen-plan.mjs';
import { ROOT, SHIPPED } from '../due/helpers.js';

/** Each line's indentation (-1: blank) and first character after it, the plain way: split, then look. */
function plainLines(text: string): { indent: number; first: string }[] {
  return text.split('\n').map((raw) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const body = line.replace(/^ +/, '');
    return body === '' ? { indent: -1, first: '' } : { indent: line.length - body.length, first: body[0]! };
  });
}

/** Texts of the characters that matter to the cut: spaces, line breaks, CR, `#`, `-`, letters of 1, 2 and 4 UTF-16 units. */
const texts = fc.array(fc.constantFrom(' ', ' ', '\n', '\n', '\r\n', '\r', '#', '-', 'a', 'ạ', '😀', '\t'), { maxLength: 80 }).map((a) => a.join(''));

describe('Lines', () => {
  it('gives each line the indentation and first character that splitting the text gives', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const l = new Lines(text);
        const plain = plainLines(text);
        expect(l.count).toBe(plain.length);
        plain.forEach((p, i) => {
          expect(l.indent(i)).toBe(p.indent);
          expect(l.first(i)).toBe(p.first);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('lineFinder', () => {
  it('gives the line and column LineCounter.linePos gives, for offsets in order, out of order and at the edges', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.nat(), { maxLength: 30 }), fc.boolean(), (text, picks, sorted) => {
        const lc = new LineCounter();
        parseDocument(text, { lineCounter: lc });
        const offsets = picks.map((p) => p % (text.length + 2));
        if (sorted) offsets.sort((a, b) => a - b);
        const lineOf = lineFinder(lc.lineStarts);
        for (const at of [...offsets, 0, text.length, ...lc.lineStarts]) {
          const line = lineOf(at);
          expect(line).toBe(lc.linePos(at).line - 1);
          const start = line < 0 ? 1 : lc.lineStarts[line]!;
          expect(at - start).toBe(lc.linePos(at).col - 1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the plain line before the first start a LineCounter keeps', () => {
    const lineOf = lineFinder([5, 9]);
    const lc = new LineCounter();
    lc.addNewLine(5);
    lc.addNewLine(9);
    for (const at of [0, 3, 5, 7, 9, 12, 2]) expect(lineOf(at)).toBe(lc.linePos(at).line - 1);
  });
});

describe('taskLayouts', () => {
  it('gives each task the lines and records column that LineCounter.linePos gives', () => {
    const withRecords = readFileSync(join(ROOT, SHIPPED), 'utf8').replace(/\n(\s+)when: ([^\n]*)\n/, '\n$1when: $2\n$1records:\n$1    -   date: 2023-02-01\n$1        note: x\n');
    let withOffset = 0;
    for (const text of [withRecords, generatePlan(200)]) {
      const loaded = loadBytes(Buffer.from(text), 'plan.yaml', '2023-06-01');
      const src = loaded.source!;
      const lc = src.lineCounter;
      const paths = loaded.plan!.tasks.map((t) => t.path);
      const layouts = taskLayouts(src.doc, src.text, lc, paths);
      paths.forEach((p, i) => {
        const map = src.doc.getIn(p, true) as YAMLMap;
        expect(isMap(map)).toBe(true);
        const r = map.range!;
        const got = layouts[i]!;
        expect(got.line).toBe(lc.linePos(r[0]).line - 1);
        expect(got.end).toBe(lc.linePos(Math.max(r[0], r[1] - 1)).line - 1);
        const pair = map.items.find((x) => isScalar(x.key) && x.key.value === 'records');
        if (got.records && pair && isSeq(pair.value)) {
          let dash = (pair.value.items[0] as Node).range![0] - 1;
          while (src.text[dash] !== '-') dash--;
          expect(got.records.offset).toBe(lc.linePos(dash).col - lc.linePos((pair.key as Node).range![0]).col);
          withOffset++;
        }
      });
    }
    expect(withOffset).toBeGreaterThan(0);
  });
});

describe('base36', () => {
  it('writes a number as toString(36) does, at the edges of each digit and on random 32-bit numbers', () => {
    const edges = [0, 1, 35, 36, 37, 1295, 1296, 1297, 46655, 46656, 36 ** 4 - 1, 36 ** 4, 36 ** 5, 36 ** 6 - 1, 36 ** 6, 0xffffffff];
    for (const n of edges) expect(base36(n)).toBe(n.toString(36));
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), (n) => {
        expect(base36(n)).toBe(n.toString(36));
      }),
      { numRuns: 5000 },
    );
    for (const n of [-1, 0.5, 2 ** 32, 2 ** 40, NaN]) expect(base36(n)).toBe(n.toString(36));
  });
});
