// A warm `due` reads from the plan cache only the tasks its list can hold (duePick, host/entry.ts): the list must be
// the one the whole plan gives, for every agency (by id and by name), role, day, window and --all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/checks/analyze.js';
import { checkedOf } from '../../src/checks/checked.js';
import { decodeEntry, encodeEntry } from '../../src/host/entry.js';
import { resolveAgency } from '../../src/model/agencies.js';
import { duePick, dueTasks, dueView } from '../../src/views/due.js';
import { evaluatePlan } from '../../src/views/evaluate.js';
import { generatePlan } from '../../scripts/gen-plan.mjs';
import { ROOT, SHIPPED } from './helpers.js';

const KEY = { build: 'test', where: '/plan.yaml', bytes: 'x' };

const PLANS: [string, Buffer][] = [
  [SHIPPED, readFileSync(join(ROOT, SHIPPED))],
  ['events', readFileSync(join(ROOT, 'tests/due/fixtures/events-2023.yaml'))],
  ...['huyen/huyen-2024.yaml', 'xa/tan-lap-2024.yaml'].map((f): [string, Buffer] => [f, readFileSync(join(ROOT, 'tests/plans/fixtures', f))]),
  ['generated', Buffer.from(generatePlan(300))],
];

function entryOf(bytes: Buffer): Buffer {
  return encodeEntry(KEY, analyze(bytes, 'plan.yaml', '2024-12-31'));
}

/** The due list from an entry read whole, or read for the list alone (`picked`), as the command computes it. */
function listFrom(entry: Buffer, bytes: Buffer, o: { agency?: string; role: 'any' | 'lead' | 'support'; day: string; within: number; all: boolean }, picked: boolean) {
  const day = { asOf: o.day, within: o.within, all: o.all };
  const a = decodeEntry(entry, KEY, false, picked ? duePick(o.agency, day) : undefined)!;
  const { plan, schedules } = checkedOf(a, bytes, 'plan.yaml', '2024-12-31');
  const agency = o.agency === undefined ? undefined : resolveAgency(plan!, o.agency);
  const view = dueView(evaluatePlan(plan!, o.day, o.within, schedules, dueTasks(plan!, agency, o.role, { ...day, schedules })), { agency, role: o.role, all: o.all });
  return { view, tasks: plan!.tasks.length };
}

describe('due from the tasks of a cache entry it picks', () => {
  for (const [name, bytes] of PLANS) {
    it(`${name}: the same list as from the whole entry`, () => {
      const entry = entryOf(bytes);
      const whole = checkedOf(decodeEntry(entry, KEY)!, bytes, 'plan.yaml', '2024-12-31').plan!;
      const y = whole.year;
      const agencies: (string | undefined)[] = [undefined, ...[...whole.agencies.values()].flatMap((a) => [a.id, a.name])];
      let fewer = 0;
      let items = 0;
      for (const day of [`${y}-01-15`, `${y}-04-03`, `${y}-07-20`, `${y}-12-31`]) {
        for (const within of [0, 14, 60]) {
          for (const agency of agencies) {
            for (const role of agency === undefined ? (['any'] as const) : (['any', 'lead', 'support'] as const)) {
              for (const all of [false, true]) {
                if (within !== 14 && (all || role !== 'any')) continue;
                const o = { agency, role, day, within, all };
                const a = listFrom(entry, bytes, o, false);
                const b = listFrom(entry, bytes, o, true);
                expect(b.view, JSON.stringify(o)).toEqual(a.view);
                if (b.tasks < a.tasks) fewer++;
                items += a.view.items.length;
              }
            }
          }
        }
      }
      expect(items).toBeGreaterThan(0);
      expect(fewer).toBeGreaterThan(0);
    });
  }

  it('reads the tasks a picked one follows, whatever agency they name and whenever they are due', () => {
    const bytes = readFileSync(join(ROOT, SHIPPED));
    const whole = checkedOf(decodeEntry(entryOf(bytes), KEY)!, bytes, 'plan.yaml', '2024-12-31').plan!;
    const followers = whole.tasks.filter((t) => t.schedule?.follows !== undefined);
    expect(followers.length).toBeGreaterThan(0);
    for (const t of followers) {
      const followed = whole.taskById.get(t.schedule!.follows!)!;
      for (const agency of t.lead) {
        const a = decodeEntry(entryOf(bytes), KEY, false, duePick(agency, { asOf: `${whole.year}-12-31`, within: 14, all: true }))!;
        const ids = a.raw!.sections.flatMap((s) => s.tasks.map((x) => x.id));
        expect(ids).toContain(t.id);
        expect(ids).toContain(followed.id);
      }
    }
  });

  it('keeps each picked task\'s place in the file, and its schedule', () => {
    const bytes = Buffer.from(generatePlan(300));
    const entry = entryOf(bytes);
    const whole = decodeEntry(entry, KEY)!;
    const part = decodeEntry(entry, KEY, false, duePick('vp', { asOf: '2023-07-20', within: 14 }))!;
    const byId = new Map<string, number>();
    whole.raw!.sections.forEach((s) => s.tasks.forEach((t) => byId.set(t.id, byId.size)));
    let k = 0;
    for (const s of part.raw!.sections) {
      for (const t of s.tasks) {
        const i = byId.get(t.id)!;
        expect(part.origins![k]).toEqual(whole.origins![i]);
        expect(part.schedules![k]).toEqual(whole.schedules![i]);
        k++;
      }
    }
    expect(k).toBeGreaterThan(0);
    expect(k).toBeLessThan(byId.size / 2);
  });

  it('reads the whole plan for an agency it does not know, and with --all for every agency', () => {
    const bytes = Buffer.from(generatePlan(100));
    const entry = entryOf(bytes);
    const count = (a: Analysis | undefined) => a!.raw!.sections.reduce((n, s) => n + s.tasks.length, 0);
    expect(count(decodeEntry(entry, KEY, false, duePick('ma-quy', { asOf: '2023-07-20', within: 14 })))).toBe(100);
    expect(count(decodeEntry(entry, KEY, false, duePick(undefined, { asOf: '2023-07-20', within: 14, all: true })))).toBe(100);
    expect(count(decodeEntry(entry, KEY, false, duePick(undefined, { asOf: '2023-07-20', within: 14 })))).toBeLessThan(100);
  });

  it('has no index for a plan with two tasks of one id (which one another follows would depend on what is read)', () => {
    const text = generatePlan(20).replace('id: I.2\n', 'id: I.1\n');
    const entry = entryOf(Buffer.from(text));
    const head = JSON.parse(entry.toString('utf8', 0, entry.indexOf(10))) as { parts: Record<string, unknown> };
    expect(head.parts.tasks).toBeDefined();
    expect(head.parts.index).toBeUndefined();
  });

  it('is a miss where the index or a picked task is damaged', () => {
    const entry = entryOf(Buffer.from(generatePlan(100)));
    const nl = entry.indexOf(10);
    const head = JSON.parse(entry.toString('utf8', 0, nl)) as { parts: Record<string, [number, number]> };
    const pick = duePick('vp', { asOf: '2023-07-20', within: 14 });
    const damage = (name: string, at: (s: number, e: number) => number) => {
      const copy = Buffer.from(entry);
      const [s, e] = head.parts[name]!;
      copy[nl + 1 + at(s, e)] = '{'.charCodeAt(0);
      return decodeEntry(copy, KEY, false, pick);
    };
    const good = decodeEntry(entry, KEY, false, pick)!;
    const id = good.raw!.sections.flatMap((s) => s.tasks.map((t) => t.id))[3]!;
    expect(damage('index', (s) => s + 2)).toBeUndefined();
    // A picked task's id, as the tasks' part holds it: `{"id":"…"`; its colon made a brace.
    expect(damage('tasks', (s, e) => s + entry.subarray(nl + 1 + s, nl + 1 + e).indexOf(`"id":${JSON.stringify(id)}`) + 5)).toBeUndefined();
    // A task not picked is not read.
    const other = decodeEntry(entry, KEY)!.raw!.sections.flatMap((s) => s.tasks.map((t) => t.id)).find((x) => !good.raw!.sections.some((s) => s.tasks.some((t) => t.id === x)))!;
    expect(damage('tasks', (s, e) => s + entry.subarray(nl + 1 + s, nl + 1 + e).indexOf(`"id":${JSON.stringify(other)}`) + 5)).toBeDefined();
  });
});
