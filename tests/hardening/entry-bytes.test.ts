// The bytes of a cache entry, written the quick way (encodeEntry), are those of the plain way it replaced, byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/checks/analyze.js';
import { encodeEntry, ENTRY_FORM, type EntryKey } from '../../src/host/entry.js';
import { asList, periodOf, type Origin } from '../../src/model/model.js';
import { dueFrom } from '../../src/views/due.js';
import { followsOf, untriggeredOf } from '../../src/views/evaluate.js';
import { generatePlan } from '../../scripts/gen-plan.mjs';
import { ROOT, SHIPPED } from '../due/helpers.js';
import { planText } from './helpers.js';

const KEY: EntryKey = { build: 'b1', where: '/plans/plan.yaml', bytes: 'f00d' };
const OWN = new Set(['diagnostics', 'raw', 'origins', 'schedules', 'layout', 'segments', 'lines']);

/** The entry as it was written before: each task's text measured, joined, encoded; origins made and compared; ids by Set. */
function plainEntry(key: EntryKey, a: Analysis): Buffer {
  const parts: [string, string][] = [];
  parts.push(['diagnostics', JSON.stringify(a.diagnostics.map((d) => ({ ...d, file: '' })))]);
  let tasks: string[] | undefined;
  if (a.raw !== undefined) {
    const head = { ...a.raw, sections: a.raw.sections.map((sec) => ({ ...sec, tasks: [] })) };
    parts.push(['raw', JSON.stringify({ head, counts: a.raw.sections.map((sec) => sec.tasks.length) })]);
    tasks = a.raw.sections.flatMap((sec) => sec.tasks.map((t) => JSON.stringify(t)));
    parts.push(['tasks', `[${tasks.join(',')}]`]);
  }
  const raw = a.raw;
  const defaults: Origin[] = [];
  raw?.sections.forEach((s, si) => s.tasks.forEach((_, ti) => defaults.push({ path: ['sections', si, 'tasks', ti] })));
  const same =
    a.origins !== undefined &&
    a.origins.length === defaults.length &&
    a.origins.every((x, i) => x.records === undefined && x.path.length === defaults[i]!.path.length && x.path.every((p, k) => p === defaults[i]!.path[k]));
  if (a.origins !== undefined && !(raw !== undefined && same)) parts.push(['origins', JSON.stringify(a.origins)]);
  let of: number[] | undefined;
  const table: NonNullable<Analysis['schedules']> = [];
  if (a.schedules !== undefined) {
    const index = new Map<string, number>();
    of = a.schedules.map((sch) => {
      const text = JSON.stringify(sch);
      let i = index.get(text);
      if (i === undefined) {
        index.set(text, (i = index.size));
        table.push(sch);
      }
      return i;
    });
    const period = raw && periodOf(raw.plan);
    const occ = period ? `,"occ":${JSON.stringify(table.map((sch) => untriggeredOf(sch.parts, period)))}` : '';
    parts.push(['schedules', `{"table":[${[...index.keys()].join(',')}],"of":${JSON.stringify(of)}${occ}}`]);
  }
  if (tasks && of && raw && !a.partial) {
    const all = raw.sections.flatMap((sec) => sec.tasks);
    const first = new Map<string, number>();
    let unique = all.length === of.length;
    for (let i = 0; i < all.length && unique; i++) {
      if (first.has(all[i]!.id)) unique = false;
      first.set(all[i]!.id, i);
    }
    if (unique) {
      const period = periodOf(raw.plan);
      const len = tasks.map((t) => Buffer.byteLength(t, 'utf8'));
      const names: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
      const last: Record<string, number> = Object.create(null) as Record<string, number>;
      const triggered: number[] = [];
      const follows: [number, number][] = [];
      all.forEach((t, i) => {
        for (const id of new Set([...asList(t.lead), ...asList(t.support)])) {
          (names[id] ??= []).push(i - (last[id] ?? 0));
          last[id] = i;
        }
        if (t.records?.some((r) => r.trigger !== undefined)) triggered.push(i);
        const f = followsOf(table[of![i]!]!.parts);
        const target = f === null || f === undefined ? undefined : first.get(f);
        if (target !== undefined) follows.push([i, target]);
      });
      const from = table.map((sch) => dueFrom(sch.parts, [], () => untriggeredOf(sch.parts, period)));
      parts.push(['index', JSON.stringify({ len, names, from, triggered, follows })]);
    }
  }
  if (a.layout !== undefined) parts.push(['layout', JSON.stringify(a.layout)]);
  if (a.segments !== undefined) parts.push(['segments', JSON.stringify(a.segments)]);
  const rest = Object.fromEntries(Object.entries(a).filter(([k, v]) => !OWN.has(k) && v !== undefined));
  if (Object.keys(rest).length) parts.push(['rest', JSON.stringify(rest)]);
  const bodies = parts.map(([, text]) => Buffer.from(text, 'utf8'));
  const head = { form: ENTRY_FORM, ...key, parts: {} as Record<string, [number, number]> };
  let at = 0;
  parts.forEach(([name], i) => {
    head.parts[name] = [at, (at += bodies[i]!.length)];
  });
  return Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`, 'utf8'), ...bodies]);
}

const task = (id: string, lines: string) => `      - id: ${id}\n${lines}`;

/** Plans that exercise each part: ids named twice in a task, letters of 2, 3 and 4 bytes, left-out tasks, findings, no plan. */
const PLANS: [string, string | Buffer][] = [
  ['the shipped plan', readFileSync(join(ROOT, SHIPPED))],
  ['a generated plan of 300 tasks', generatePlan(300)],
  ['a generated plan of 1 000 tasks', generatePlan(1000)],
  [
    'ids named twice, as lead and support and twice as support',
    planText({
      tasks: [
        task('I.1', '        content: Rà soát 𝔸 thủ tục 😀\n        lead: vp\n        support: [vp, noi-vu, noi-vu]\n        output: Báo cáo «x»\n        when: Hằng quý'),
        task('I.2', '        content: Công khai\n        lead: [noi-vu, vp]\n        support: vp\n        output: Văn bản\n        when: Sau khi hoàn thành nhiệm vụ I.1'),
        task('I.3', '        content: Café ñ ü\n        lead: noi-vu\n        output: Kế hoạch\n        when: Thường xuyên\n        records:\n          - date: 2024-03-01\n            trigger: x'),
      ].join('\n'),
    }),
  ],
  ['a task left out of the model', planText({ tasks: `${task('I.0', '        lead: [1, 2]')}\n${task('I.1', '        content: A\n        lead: vp\n        output: B\n        when: Trước ngày 1/3/2024')}` })],
  ['a plan with findings', planText().replace('support: noi-vu', 'support: ma-quy')],
  ['two tasks with one id', planText({ tasks: `${task('I.1', '        content: A\n        lead: vp\n        output: B\n        when: Hằng tháng')}\n${task('I.1', '        content: C\n        lead: vp\n        output: D\n        when: Hằng quý')}` })],
  ['the wrong shape', 'format: 1\nplan: [1, 2]\n'],
  ['not text', Buffer.from([0, 1, 2])],
];

describe('a cache entry, written the quick way', () => {
  for (const [name, plan] of PLANS) {
    it(`has the bytes of the plain way: ${name}`, () => {
      const a = analyze(typeof plan === 'string' ? Buffer.from(plan) : plan, 'plan.yaml', '2024-02-20');
      expect(encodeEntry(KEY, a).equals(plainEntry(KEY, a))).toBe(true);
    });
  }

  it('has the bytes of the plain way where a task names one id twice (a model the reader would not make, but an entry can hold)', () => {
    const a = analyze(Buffer.from(generatePlan(40)), 'plan.yaml', '2024-02-20');
    const tasks = a.raw!.sections.flatMap((s) => s.tasks);
    tasks[3]!.support = [...asList(tasks[3]!.support), ...asList(tasks[3]!.lead), ...asList(tasks[3]!.lead)];
    tasks[7]!.lead = [...asList(tasks[7]!.lead), ...asList(tasks[7]!.lead)];
    expect(encodeEntry(KEY, a).equals(plainEntry(KEY, a))).toBe(true);
  });
});
