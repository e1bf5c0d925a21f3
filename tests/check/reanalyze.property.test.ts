// The analysis of a hand edit made from the analysis before it (reanalyze) is the analysis of the new text made whole,
// whenever it is made at all: random edits of the shipped plan and of generated plans, LF and CRLF with a byte-order mark.
// TTHC_REANALYZE_RUNS raises the count of edits per plan (80 in the suite).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { analyze, type Analysis } from '../../src/checks/analyze.js';
import { reanalyze } from '../../src/checks/reanalyze.js';
import { retask } from '../../src/checks/retask.js';
import { generatePlan } from '../../scripts/gen-plan.mjs';
import { SHIPPED } from '../due/helpers.js';

const TODAY = '2023-07-20';
const RUNS = Number(process.env.TTHC_REANALYZE_RUNS) || 80;

// Watched, to tell how many analyses were made without reading the head again (the quick way of retask.ts).
vi.mock('../../src/checks/retask.js', async (original) => {
  const m = await original<typeof import('../../src/checks/retask.js')>();
  return { ...m, retask: vi.fn(m.retask) };
});
const quick = () => vi.mocked(retask).mock.results.filter((r) => r.type === 'return' && r.value !== undefined).length;

/** An analysis as a value: without the text's lines (a cache entry has none), as JSON keeps it. */
export function comparable(a: Analysis): unknown {
  const { lines: _, ...rest } = a;
  return JSON.parse(JSON.stringify(rest));
}

interface Base {
  name: string;
  lines: string[];
  eol: string;
  bom: boolean;
}

const baseOf = (name: string, text: string, crlf = false): Base => ({ name, lines: text.split(/\r?\n/), eol: crlf ? '\r\n' : '\n', bom: crlf });
export const bytesOf = (b: Base, lines: string[]): Buffer => Buffer.concat([Buffer.from(b.bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(lines.join(b.eol), 'utf8')]);

const shipped = readFileSync(SHIPPED, 'utf8');
const generated = generatePlan(40, { perSection: 7 });
const BASES = [baseOf('shipped', shipped), baseOf('shipped, CRLF and BOM', shipped, true), baseOf('generated', generated), baseOf('generated, CRLF and BOM', generated, true)];

const ITEM = /^ {6}- /;
/** Each task item's first line and end (exclusive). */
function items(lines: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!ITEM.test(lines[i]!)) continue;
    let j = i + 1;
    while (j < lines.length && (lines[j]!.trim() === '' || /^ {7,}\S/.test(lines[j]!))) j++;
    while (j - 1 > i && lines[j - 1]!.trim() === '') j--;
    out.push([i, j]);
  }
  return out;
}

const VALUES = ['vp', 'vpx', '[vp, noi-vu]', '[vp, vp]', '5', '"unclosed', '', 'Thường xuyên', 'Hàng quý', 'Hàng tháng', 'Trước ngày 15/6/2023', 'Tháng 7/2023', 'Năm 2023', 'Quý II/2023', 'Trước ngày 31/2/2023', 'không rõ', 'Theo Quyết định số 12/QD-UBND ngày 1/2/2023', 'Báo cáo <b>x</b>', 'chuyên đổi số', 'I.1', '{ follows: I.1 }', '{ kind: deadline, due: 2023-06-03 }',
  // A dated citation (the shipped plan cites 157/KH-UBND of that day), a task followed or not there, a lead that is
  // the only one naming its agency, text in a legacy encoding, another task's id.
  'Theo Kế hoạch số 175/KH-UBND ngày 14/12/2022 của UBND huyện', 'Theo Kế hoạch số 157/KH-UBND ngày 14/12/2022 của UBND huyện', '{ follows: V.1 }', '{ follows: V.9 }', '{ follows: I.2 }', 'doan-kt', 'Baùo caùo', 'V.1', 'I.2'];
const FIELDS = ['content', 'output', 'when', 'lead', 'support', 'schedule', 'id'];
const RECORDS = ['{ done: 2023-05-02 }', '{ done: 2023-07-01, ref: 12/BC-UBND }', '{ done: 2023-03-30, period: 2023-Q1 }', '{ trigger: 2023-04-01 }', '{ done: 2024-05-02 }', '{ done: 2023-02-30 }', '{ done: 2023-05-02, note: "ghi chú # 2" }'];

type Edit = (lines: string[]) => string[];
const pick = <T>(xs: readonly T[], n: number): T => xs[n % xs.length]!;

const edits: fc.Arbitrary<Edit>[] = [
  // A field's value changed, or written where it was not.
  fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([t, f, v]) => (lines: string[]) => {
    const its = items(lines);
    if (!its.length) return lines;
    const [s, e] = pick(its, t);
    const field = pick(FIELDS, f);
    const value = pick(VALUES, v);
    const out = [...lines];
    const at = out.slice(s, e).findIndex((l) => new RegExp(`^( {6}- | {8})${field}:`).test(l));
    if (at >= 0) out[s + at] = out[s + at]!.replace(/:.*$/, `: ${value}`);
    else out.splice(e, 0, `        ${field}: ${value}`);
    return out;
  }),
  // A record added (to the list or as a new list), or the first record removed.
  fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([t, r, remove]) => (lines: string[]) => {
    const its = items(lines);
    if (!its.length) return lines;
    const [s, e] = pick(its, t);
    const out = [...lines];
    const at = out.slice(s, e).findIndex((l) => /^ {8}records:/.test(l));
    if (remove) {
      if (at >= 0 && /^ {10}- /.test(out[s + at + 1] ?? '')) out.splice(s + at + 1, 1);
      return out;
    }
    if (at >= 0 && /^ {8}records:\s*$/.test(out[s + at]!)) out.splice(s + at + 1, 0, `          - ${pick(RECORDS, r)}`);
    else if (at < 0) out.splice(e, 0, '        records:', `          - ${pick(RECORDS, r)}`);
    return out;
  }),
  // A task added (a copy of another, its id kept or changed), removed, duplicated, or two swapped.
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('copy', 'renumber', 'remove', 'duplicate', 'swap')).map(([a, b, how]) => (lines: string[]) => {
    const its = items(lines);
    if (its.length < 2) return lines;
    const [s1, e1] = pick(its, a);
    const [s2, e2] = pick(its, b);
    const one = lines.slice(s1, e1);
    const out = [...lines];
    if (how === 'remove') out.splice(s1, e1 - s1);
    else if (how === 'duplicate') out.splice(e1, 0, ...one);
    else if (how === 'copy') out.splice(s2, 0, ...one);
    else if (how === 'renumber') out.splice(s2, 0, ...one.map((l, i) => (i === 0 ? l.replace(/id: .*/, `id: ${b % 2 ? 'X.9' : 'I.99'}`) : l)));
    else if (s1 !== s2) {
      const [x, y] = s1 < s2 ? [[s1, e1], [s2, e2]] : [[s2, e2], [s1, e1]];
      return [...lines.slice(0, x[0]), ...lines.slice(y[0], y[1]), ...lines.slice(x[1], y[0]), ...lines.slice(x[0], x[1]), ...lines.slice(y[1])];
    }
    return out;
  }),
  // Comments and blank lines anywhere, at any indentation.
  fc.tuple(fc.nat(), fc.constantFrom(0, 2, 4, 6, 8, 10), fc.constantFrom('# sửa tay', '', '   ', '#')).map(([n, indent, text]) => (lines: string[]) => {
    const out = [...lines];
    out.splice(n % (lines.length + 1), 0, text.trim() === '' ? text : `${' '.repeat(indent)}${text}`);
    return out;
  }),
  // A comment at the end (what the bench does).
  fc.constant((lines: string[]) => (lines[lines.length - 1] === '' ? [...lines.slice(0, -1), '# edited by hand', ''] : [...lines, '# edited by hand'])),
  // The YAML broken, the schema broken, an anchor, a tag, an indentation changed, a control character.
  fc.tuple(fc.nat(), fc.constantFrom('      - [unclosed', '  : :', '\t- x', '        bogus: 1', '        lead: &a vp', '        output: !x y', '---', '        content: "a\u0007b"', '    tasks:', '        when: |+', 'closing: x')).map(([n, text]) => (lines: string[]) => {
    const out = [...lines];
    out.splice(n % (lines.length + 1), 0, text);
    return out;
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 3 })).map(([t, by]) => (lines: string[]) => {
    const its = items(lines);
    if (!its.length) return lines;
    const [s, e] = pick(its, t);
    return [...lines.slice(0, s), ...lines.slice(s, e).map((l) => ' '.repeat(by) + l), ...lines.slice(e)];
  }),
  // The head changed (the heading's title).
  fc.constant((lines: string[]) => lines.map((l) => (/^ {2}title: /.test(l) ? `${l} (sửa)` : l))),
];

const anEdit = fc.oneof(...edits);

describe('a hand edit analysed from the analysis before it', () => {
  for (const base of BASES) {
    it(`gives the whole analysis of the new text, or leaves it to it (${base.name})`, () => {
      // As the cache gives it back: through JSON.
      const a = JSON.parse(JSON.stringify(analyze(bytesOf(base, base.lines), 'plan.yaml', TODAY))) as Analysis;
      expect(a.segments, 'the plan is cut into pieces').toBeDefined();
      let made = 0;
      let runs = 0;
      fc.assert(
        fc.property(fc.array(anEdit, { minLength: 1, maxLength: 3 }), anEdit, (es, then) => {
          runs++;
          const lines = es.reduce((ls, e) => e(ls), base.lines);
          const bytes = bytesOf(base, lines);
          const r = reanalyze(a, bytes, 'plan.yaml');
          if (!r) return;
          made++;
          const fresh = analyze(bytes, 'plan.yaml', TODAY);
          expect(comparable(r)).toEqual(comparable(fresh));
          // And from that analysis, the next edit.
          const more = then(lines);
          const bytes2 = bytesOf(base, more);
          const r2 = reanalyze(JSON.parse(JSON.stringify(r)) as Analysis, bytes2, 'plan.yaml');
          if (r2) expect(comparable(r2)).toEqual(comparable(analyze(bytes2, 'plan.yaml', TODAY)));
        }),
        { numRuns: RUNS },
      );
      // Many random edits (up to three at once, half the shipped plan's lines are its head) keep the plan readable
      // piece by piece: the comparison above is not vacuous.
      expect(made).toBeGreaterThan(runs / 8);
    }, 300_000);
  }
  for (const base of BASES.slice(0, 1)) {
    it(`gives the whole analysis after edits of tasks alone, one after another (${base.name})`, () => {
      const a = JSON.parse(JSON.stringify(analyze(bytesOf(base, base.lines), 'plan.yaml', TODAY))) as Analysis;
      const taskEdits = fc.oneof(edits[0]!, edits[1]!, edits[2]!);
      const quickBefore = quick();
      let tried = 0;
      fc.assert(
        fc.property(fc.array(taskEdits, { minLength: 1, maxLength: 4 }), (es) => {
          let last = a;
          let lines = base.lines;
          for (const e of es) {
            lines = e(lines);
            const bytes = bytesOf(base, lines);
            const r = reanalyze(last, bytes, 'plan.yaml');
            tried++;
            const fresh = analyze(bytes, 'plan.yaml', TODAY);
            if (r) expect(comparable(r)).toEqual(comparable(fresh));
            last = JSON.parse(JSON.stringify(r ?? fresh)) as Analysis;
          }
        }),
        { numRuns: Math.ceil(RUNS / 2) },
      );
      // Many without reading the head again: all but edits that leave a task unreadable, move tasks or cite a dated document.
      expect(quick() - quickBefore).toBeGreaterThan(tried / 6);
    }, 300_000);
  }

  it('analyses the common hand edits of a task without reading the head again, as the whole analysis would', () => {
    const base = BASES[0]!;
    const a = JSON.parse(JSON.stringify(analyze(bytesOf(base, base.lines), 'plan.yaml', TODAY))) as Analysis;
    const at = (ls: string[], re: RegExp) => ls.findIndex((l) => re.test(l));
    const its = items(base.lines);
    const [s, e] = its[its.length >> 1]!;
    const common: [string, Edit][] = [
      ['a result retyped', (ls) => ls.map((l, i) => (i > s && i < e && /^ {8}output: /.test(l) ? `${l} (sửa)` : l))],
      ['a deadline changed', (ls) => ls.map((l, i) => (i > s && i < e && /^ {8}when: /.test(l) ? '        when: Trước ngày 15/6/2023' : l))],
      ['the lead changed', (ls) => ls.map((l, i) => (i > s && i < e && /^ {8}lead: /.test(l) ? '        lead: [vp, noi-vu]' : l))],
      ['a record added', (ls) => [...ls.slice(0, e), '        records:', '          - { done: 2023-05-02, ref: 12/BC-UBND }', ...ls.slice(e)]],
      ['a task added', (ls) => [...ls.slice(0, e), '      - id: IV.3', '        content: Rà soát TTHC mới', '        lead: vp', '        output: Báo cáo', '        when: Tháng 7/2023', ...ls.slice(e)]],
      ['a task removed', (ls) => [...ls.slice(0, s), ...ls.slice(e)]],
      ['the task followed removed', (ls) => {
        const v1 = at(ls, /^ {6}- id: V\.1$/);
        const [, end] = items(ls).find(([x]) => x === v1)!;
        return [...ls.slice(0, v1), ...ls.slice(end)];
      }],
    ];
    for (const [what, edit] of common) {
      const lines = edit(base.lines);
      expect(lines, what).not.toEqual(base.lines);
      const bytes = bytesOf(base, lines);
      const before = quick();
      const r = reanalyze(a, bytes, 'plan.yaml');
      expect(quick(), what).toBe(before + 1);
      expect(comparable(r!), what).toEqual(comparable(analyze(bytes, 'plan.yaml', TODAY)));
    }
  });
});
