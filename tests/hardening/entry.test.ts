// A plan cache entry's bytes: what goes in comes out, and anything not written whole by this form is a miss.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/checks/analyze.js';
import { decodeEntry, encodeEntry, ENTRY_FORM } from '../../src/host/entry.js';
import { generatePlan } from '../../scripts/gen-plan.mjs';
import { ROOT, SHIPPED } from '../due/helpers.js';
import { planText } from './helpers.js';

const KEY = { build: 'b1', where: '/plans/plan.yaml', bytes: 'f00d' };

/** The analysis as an entry keeps it: no lines, findings without the file's name. */
function stored(a: Analysis): Analysis {
  const { lines: _, ...rest } = a;
  return { ...rest, diagnostics: a.diagnostics.map((d) => ({ ...d, file: '' })) };
}

/** The entry's parts, by name, as the heading places them. */
function partsOf(buf: Buffer): { head: { parts: Record<string, [number, number]> } & Record<string, unknown>; body: Buffer } {
  const nl = buf.indexOf(10);
  return { head: JSON.parse(buf.toString('utf8', 0, nl)), body: buf.subarray(nl + 1) };
}

function rebuild(head: object, parts: [string, Buffer][]): Buffer {
  const ranges: Record<string, [number, number]> = {};
  let at = 0;
  for (const [name, b] of parts) ranges[name] = [at, (at += b.length)];
  return Buffer.concat([Buffer.from(`${JSON.stringify({ ...head, parts: ranges })}\n`), ...parts.map(([, b]) => b)]);
}

const shipped = readFileSync(join(ROOT, SHIPPED));
const broken = Buffer.from(planText().replace('support: noi-vu', 'support: ma-quy'));

describe('a cache entry', () => {
  it('gives back the analysis it was made from: the shipped plan, a plan with findings, a plan of the wrong shape', () => {
    for (const bytes of [shipped, broken, Buffer.from('format: 1\nplan: [1, 2]\n'), Buffer.from('\u0000\u0001')]) {
      const a = analyze(bytes, 'plan.yaml', '2024-02-20');
      const back = decodeEntry(encodeEntry(KEY, a), KEY);
      expect(back).toBeDefined();
      expect({ ...back }).toEqual(stored(a));
    }
  });

  it('keeps origins where tasks were left out of the model, and rebuilds them where none was', () => {
    const good = '      - id: I.1\n        content: Kế hoạch\n        lead: vp\n        output: Kế hoạch\n        when: Trước ngày 1/3/2024';
    const withBad = Buffer.from(planText({ tasks: `      - id: I.0\n        lead: [1, 2]\n${good}` }));
    const a = analyze(withBad, 'plan.yaml', '2024-02-20');
    expect(a.origins?.[0]?.path).not.toEqual(['sections', 0, 'tasks', 0]);
    const buf = encodeEntry(KEY, a);
    expect(partsOf(buf).head.parts.origins).toBeDefined();
    expect(decodeEntry(buf, KEY)?.origins).toEqual(a.origins);
    const clean = analyze(shipped, 'plan.yaml', '2024-02-20');
    const cleanBuf = encodeEntry(KEY, clean);
    expect(partsOf(cleanBuf).head.parts.origins).toBeUndefined();
    expect(decodeEntry(cleanBuf, KEY)?.origins).toEqual(clean.origins);
  });

  it('carries fields it does not know (another step of the analysis may add some)', () => {
    const a = { ...analyze(shipped, 'plan.yaml', '2024-02-20'), laterStep: { head: 'abc', spans: [[0, 3]] } } as unknown as Analysis;
    expect((decodeEntry(encodeEntry(KEY, a), KEY) as Analysis & { laterStep?: unknown }).laterStep).toEqual({ head: 'abc', spans: [[0, 3]] });
  });

  it('keeps each distinct schedule once, and tasks of one timeline share it', () => {
    const plan = Buffer.from(generatePlan(600));
    const a = analyze(plan, 'plan.yaml', '2023-07-20');
    const buf = encodeEntry(KEY, a);
    const back = decodeEntry(buf, KEY)!;
    expect(back.schedules).toEqual(a.schedules);
    const { head, body } = partsOf(buf);
    const [s, e] = head.parts.schedules!;
    const table = (JSON.parse(body.toString('utf8', s, e)) as { table: unknown[] }).table;
    expect(table.length).toBeLessThan(a.schedules!.length / 3);
    expect(new Set(back.schedules).size).toBe(table.length);
    // Holds what views need, small: about the plan's own size (the text's lines are not in it), with an index of the
    // tasks by agency and due day and each timeline's occurrences, which add a few hundredths.
    expect(buf.length).toBeLessThan(plan.length * 1.3);
  });

  it('reads the layout only when asked for it, and a damaged layout is none', () => {
    const a = analyze(shipped, 'plan.yaml', '2024-02-20');
    const buf = encodeEntry(KEY, a);
    expect(decodeEntry(buf, KEY)!.layout).toEqual(a.layout);
    const { head, body } = partsOf(buf);
    const parts = Object.entries(head.parts).map(([name, [s, e]]) => [name, name === 'layout' ? Buffer.from('[{"line":') : body.subarray(s, e)] as [string, Buffer]);
    const damaged = decodeEntry(rebuild(head, parts), KEY)!;
    expect(damaged.raw).toEqual(a.raw);
    expect(damaged.layout).toBeUndefined();
  });

  it('is a miss for another build, path or bytes, another form, the old one-line form, cut short, or damaged', () => {
    const a = analyze(broken, 'plan.yaml', '2024-02-20');
    const buf = encodeEntry(KEY, a);
    expect(decodeEntry(buf, KEY)).toBeDefined();
    for (const k of ['build', 'where', 'bytes'] as const) expect(decodeEntry(buf, { ...KEY, [k]: 'other' })).toBeUndefined();
    const { head, body } = partsOf(buf);
    const parts = Object.entries(head.parts).map(([name, [s, e]]) => [name, body.subarray(s, e)] as [string, Buffer]);
    expect(decodeEntry(rebuild(head, parts), KEY)).toBeDefined();
    expect(decodeEntry(rebuild({ ...head, form: ENTRY_FORM + 1 }, parts), KEY)).toBeUndefined();
    // The form before this one: the analysis and its key in one JSON object, on one line.
    expect(decodeEntry(Buffer.from(JSON.stringify({ ...KEY, ...stored(a) })), KEY)).toBeUndefined();
    expect(decodeEntry(Buffer.from(`${JSON.stringify({ ...KEY, ...stored(a) })}\n`), KEY)).toBeUndefined();
    for (const n of [1, 10, buf.indexOf(10) + 1, buf.length - 1]) expect(decodeEntry(buf.subarray(0, n), KEY)).toBeUndefined();
    expect(decodeEntry(Buffer.concat([buf, Buffer.from(' ')]), KEY)).toBeUndefined();
    const bad = parts.map(([name, b]) => [name, name === 'raw' ? Buffer.from('{"plan":') : b] as [string, Buffer]);
    expect(decodeEntry(rebuild(head, bad), KEY)).toBeUndefined();
    const badIndex = parts.map(([name, b]) => [name, name === 'schedules' ? Buffer.from('{"table":[],"of":[0]}') : b] as [string, Buffer]);
    expect(decodeEntry(rebuild(head, badIndex), KEY)).toBeUndefined();
    expect(decodeEntry(Buffer.from(''), KEY)).toBeUndefined();
  });
});
