// Property: for any day and agency, due and status give one answer — the same overdue and due-soon occurrences, cells and totals that agree — on the shipped plan and on generated plans with collectives.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan, Task } from '../../src/model/model.js';
import { loadBytes } from '../../src/read/load.js';
import { addDays, fromDayNumber, STATUS_PRECEDENCE, toDayNumber } from '../../src/schedule/index.js';
import { dueItems, dueView } from '../../src/views/due.js';
import { evaluatePlan } from '../../src/views/evaluate.js';
import { QUARTERS, statusView, type StatusView } from '../../src/views/status.js';
import { ROOT, SHIPPED, tthc } from '../due/helpers.js';

type Role = 'lead' | 'support';

function load(text: string, file: string): Plan {
  const loaded = loadBytes(Buffer.from(text, 'utf8'), file, '2023-10-01');
  expect(loaded.valid, loaded.diagnostics.map((d) => d.message).join('\n')).toBe(true);
  return loaded.plan!;
}

const shipped = load(readFileSync(join(ROOT, SHIPPED), 'utf8'), SHIPPED);

/** Days from mid-November 2022 to the end of February 2024: the 2023 plan period and either side of it. */
const START = toDayNumber('2022-11-15');
const dayArb = fc.integer({ min: 0, max: toDayNumber('2024-02-29') - START }).map((n) => fromDayNumber(START + n));
const roleArb = fc.constantFrom<Role | 'any'>('any', 'any', 'lead', 'support');
const withinArb = fc.constantFrom(0, 7, 14, 30);
const periodsArb = fc.constantFrom<'calendar' | 'reporting'>('calendar', 'calendar', 'reporting');

/**
 * The contract's rule ("Agencies"), written here again on purpose so that a change to the program's rule shows: an
 * explicit mention decides the role; otherwise the collectives the task names that contain the agency (directly or
 * through another collective), lead before support, and `via` names the collective.
 */
function contains(plan: Plan, collective: string, agency: string, seen = new Set<string>()): boolean {
  if (seen.has(collective)) return false;
  seen.add(collective);
  return (plan.agencies.get(collective)?.members ?? []).some((m) => m === agency || contains(plan, m, agency, seen));
}
function expectedRole(plan: Plan, task: Task, agency: string): { role: Role; via: string | null } | undefined {
  if (task.lead.includes(agency)) return { role: 'lead', via: null };
  if (task.support.includes(agency)) return { role: 'support', via: null };
  for (const role of ['lead', 'support'] as const) for (const named of task[role]) if (contains(plan, named, agency)) return { role, via: named };
  return undefined;
}

const key = (id: string, period: string | null) => `${id} ${period ?? '-'}`;

/** Every check of one answer: plan, day, warning window, agency (or all), role, kind of quarters. */
function checkAgreement(plan: Plan, asOf: string, within: number, agency: string | undefined, role: Role | 'any', periods: 'calendar' | 'reporting'): void {
  const state = evaluatePlan(plan, asOf, within);
  const where = `${plan.file} as of ${asOf}, within ${within}, ${agency ?? 'all'} ${role} ${periods}`;

  // The oracle: the occurrences of the agency's tasks that are overdue or due soon by the contract's definitions.
  const expected = new Map<string, { status: string; due: string; role: Role | null; via: string | null }>();
  for (const s of state.tasks) {
    const inv = agency === undefined ? null : expectedRole(plan, s.task, agency);
    if (agency !== undefined && (!inv || (role !== 'any' && inv.role !== role))) continue;
    for (const o of s.eval.occurrences) {
      if (o.due === null || o.completion !== null) continue;
      const status = asOf > o.due ? 'overdue' : o.due <= addDays(asOf, within) ? 'due-soon' : null;
      if (status) expected.set(key(s.task.id, o.period), { status, due: o.due, role: inv?.role ?? null, via: inv?.via ?? null });
    }
  }

  // due: exactly those, each once, with the role and via of the contract.
  const items = dueItems(state, { agency, role });
  expect(items.length, `${where}: due lists an occurrence twice`).toBe(new Set(items.map((i) => key(i.id, i.period))).size);
  expect(new Map(items.map((i) => [key(i.id, i.period), { status: i.status, due: i.due!, role: i.role, via: i.via }])), where).toEqual(expected);

  const agencyObj = agency === undefined ? undefined : plan.agencies.get(agency)!;
  const byTask = statusView(state, { by: 'task', agency: agencyObj, role, periods });
  const views: [string, StatusView][] = [
    ['by task', byTask],
    ['by section', statusView(state, { by: 'section', agency: agencyObj, role, periods })],
  ];
  if (agencyObj) views.push(['by agency, one', statusView(state, { by: 'agency', agency: agencyObj, role, periods })]);
  else if (role === 'any') views.push(['by agency', statusView(state, { by: 'agency', role, periods })]);
  const dueView1 = dueView(state, { agency: agencyObj, role });
  for (const [name, view] of views) {
    const w = `${where}, status ${name}`;
    expect(view.outsidePeriod, w).toBe(dueView1.outsidePeriod);
    expect(view.totals.unit).toBe('occurrences');
    for (const q of QUARTERS) {
      const range = view.ranges[q];
      const inQ = [...expected].filter(([, e]) => e.due >= range.start && e.due <= range.end);
      // Totals: due's counts for the quarter.
      for (const st of ['overdue', 'due-soon'] as const) {
        expect(view.totals.quarters[q].counts[st] ?? 0, `${w} ${q} totals ${st}`).toBe(inQ.filter(([, e]) => e.status === st).length);
      }
      // The rows show the same occurrences with the same statuses (each once within a row).
      const shown = new Map<string, string>();
      for (const r of view.rows) {
        const cell = r.quarters[q];
        for (const o of cell.occurrences) if (o.status === 'overdue' || o.status === 'due-soon') shown.set(key(o.id, o.period), o.status);
        // A cell's status agrees with its occurrences: overdue, then due soon, come first, and only from them.
        const has = (st: string) => cell.occurrences.some((o) => o.status === st);
        if (has('overdue')) expect(cell.status, `${w} ${r.id} ${q}`).toBe('overdue');
        else if (has('due-soon')) expect(cell.status, `${w} ${r.id} ${q}`).toBe('due-soon');
        else expect(['overdue', 'due-soon'], `${w} ${r.id} ${q}: ${cell.status} with no such occurrence`).not.toContain(cell.status);
        if (r.kind === 'task' && cell.occurrences.length) {
          expect(cell.status, `${w} ${r.id} ${q}`).toBe(STATUS_PRECEDENCE.find((st) => has(st)));
        }
        expect(cell.overdue, `${w} ${r.id} ${q}`).toBe(cell.occurrences.filter((o) => o.status === 'overdue').length);
      }
      expect(shown, `${w} ${q}`).toEqual(new Map(inQ.map(([k, e]) => [k, e.status])));
      // The on-time rate is over the same occurrences as the counts.
      const c = view.totals.quarters[q].counts;
      const judged = (c.done ?? 0) + (c.late ?? 0) + (c.overdue ?? 0);
      expect(view.totals.quarters[q].onTimeRate, w).toBe(judged ? (c.done ?? 0) / judged : null);
      expect(Object.values(c).reduce((a, b) => a + b, 0), w).toBe(view.totals.quarters[q].due);
    }
    expect(view.totals, `${w}: totals differ from the task table's`).toEqual(byTask.totals);
  }

  // For all agencies, every agency's row of --by agency is that agency's own answer.
  if (agency === undefined && role === 'any') {
    const all = statusView(state, { by: 'agency', role, periods });
    for (const r of all.rows) {
      const own = statusView(state, { by: 'agency', agency: plan.agencies.get(r.id)!, role, periods });
      expect(r.quarters, `${where}: the row of ${r.id}`).toEqual(own.rows[0]!.quarters);
    }
    const involved = [...plan.agencies.keys()].filter((id) => plan.tasks.some((t) => expectedRole(plan, t, id)));
    expect(new Set(all.rows.map((r) => r.id)), `${where}: rows of --by agency`).toEqual(new Set(involved));
  }
}

// Generated plans: a few agencies, collectives that contain agencies and earlier collectives, and tasks of every kind
// of timeline with completions and triggers on any day of the year.
const WHEN: [string, string[] | null][] = [
  ['Hàng tháng', Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`)],
  ['Hàng quý', ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4']],
  ['Định kỳ 6 tháng', ['2023-H1', '2023-H2']],
  ['Hàng năm', ['2023']],
  ['Quý II/2023', []],
  ['Tháng 7/2023', []],
  ['Trước ngày 10/3/2023', []],
  ['Chậm nhất ngày 15/12/2023', []],
  ['Thường xuyên', []],
  ['Sau khi có văn bản của UBND tỉnh', null],
];
const day2023 = fc.integer({ min: 0, max: 364 }).map((n) => fromDayNumber(toDayNumber('2023-01-01') + n));

const planArb = fc
  .record({
    plain: fc.integer({ min: 2, max: 5 }),
    collectives: fc.array(fc.array(fc.nat(20), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    tasks: fc.array(
      fc.record({
        lead: fc.array(fc.nat(20), { minLength: 1, maxLength: 2 }),
        support: fc.array(fc.nat(20), { maxLength: 2 }),
        when: fc.nat(WHEN.length - 1),
        after: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
        records: fc.array(fc.record({ day: day2023, pick: fc.nat(20), trigger: fc.boolean() }), { maxLength: 5 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ plain, collectives, tasks }) => {
    const plainIds = Array.from({ length: plain }, (_, i) => `a${i}`);
    const colIds = collectives.map((_, i) => `c${i}`);
    const all = [...colIds, ...plainIds];
    let y = `format: 1\nplan:\n  issuer: Ủy ban nhân dân huyện Thử\n  level: district\n  number: "1"\n  symbol: KH-UBND\n  date: 2023-01-10\n  title: Kế hoạch thử\n  year: 2023\nagencies:\n`;
    collectives.forEach((m, i) => {
      // Members: plain agencies, and collectives declared before this one (no loops).
      const pool = [...plainIds, ...colIds.slice(0, i)];
      const members = [...new Set(m.map((n) => pool[n % pool.length]!))];
      y += `  c${i}:\n    name: Tập thể ${i}\n    members: [${members.join(', ')}]\n`;
    });
    for (const id of plainIds) y += `  ${id}:\n    name: Cơ quan ${id}\n`;
    y += `sections:\n  - id: I\n    title: Nhiệm vụ\n    tasks:\n`;
    tasks.forEach((t, i) => {
      const lead = [...new Set(t.lead.map((n) => all[n % all.length]!))];
      const support = [...new Set(t.support.map((n) => all[n % all.length]!))].filter((a) => !lead.includes(a));
      const [when, periods] = WHEN[t.when]!;
      y += `      - id: I.${i + 1}\n        content: Nhiệm vụ ${i + 1}\n        lead: [${lead.join(', ')}]\n`;
      if (support.length) y += `        support: [${support.join(', ')}]\n`;
      y += `        output: Báo cáo\n        when: ${when}\n`;
      if (periods === null && t.after !== undefined) y += `        schedule: { after: ${t.after} }\n`;
      const recs: string[] = [];
      const triggers: string[] = [];
      for (const r of [...t.records].sort((a, b) => a.day.localeCompare(b.day))) {
        if (periods === null) {
          if (r.trigger || triggers.length === 0) {
            triggers.push(r.day);
            recs.push(`          - trigger: ${r.day}`);
          } else recs.push(`          - done: ${r.day}\n            period: ${triggers[r.pick % triggers.length]}`);
        } else if (periods.length) recs.push(`          - done: ${r.day}\n            period: ${periods[r.pick % periods.length]}`);
        else recs.push(`          - done: ${r.day}`);
      }
      if (recs.length) y += `        records:\n${recs.join('\n')}\n`;
    });
    return y;
  });

describe('due and status agree (property)', () => {
  const agencies = [...shipped.agencies.keys()];

  it('on the shipped plan, for any day, agency (or all), role, window and kind of quarters', () => {
    fc.assert(
      fc.property(dayArb, fc.option(fc.constantFrom(...agencies), { nil: undefined }), roleArb, withinArb, periodsArb, (asOf, agency, role, within, periods) => {
        checkAgreement(shipped, asOf, within, agency, agency === undefined ? 'any' : role, periods);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('on generated plans with collectives, completions and triggers', () => {
    fc.assert(
      fc.property(planArb, dayArb, fc.nat(20), fc.boolean(), roleArb, withinArb, periodsArb, (text, asOf, pick, forAll, role, within, periods) => {
        const plan = load(text, 'generated.yaml');
        const ids = [...plan.agencies.keys()];
        const agency = forAll ? undefined : ids[pick % ids.length]!;
        checkAgreement(plan, asOf, within, agency, agency === undefined ? 'any' : role, periods);
      }),
      { numRuns: 80 },
    );
  }, 120_000);

  it('through the commands: status --agency --role --format json totals are due --format json counts', async () => {
    const samples = fc.sample(fc.tuple(dayArb, fc.constantFrom(...agencies), roleArb), { numRuns: 6, seed: 9 });
    for (const [asOf, agency, role] of samples) {
      const args = ['--plan', SHIPPED, '--agency', agency, '--role', role, '--as-of', asOf, '--format', 'json'];
      const due = JSON.parse((await tthc(['due', ...args])).out) as { items: { status: string; due: string }[] };
      const status = JSON.parse((await tthc(['status', ...args])).out) as ReturnType<typeof statusView>;
      for (const q of QUARTERS) {
        const r = status.ranges[q];
        for (const st of ['overdue', 'due-soon']) {
          const n = due.items.filter((i) => i.status === st && i.due >= r.start && i.due <= r.end).length;
          expect(status.totals.quarters[q].counts[st as 'overdue'] ?? 0, `${agency} ${role} ${asOf} ${q} ${st}`).toBe(n);
        }
      }
    }
  }, 120_000);
});
