// Property: any sequence of done/trigger commands through main() yields a plan that checks clean and whose statuses reflect every record; refusals change no byte.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scratch, SHIPPED, tthc } from '../due/helpers.js';

/** 31/12/2023, 10:00 in Vietnam: every day of 2023 is "up to today". */
const NOW = new Date('2023-12-31T03:00:00Z');
const TODAY = '2023-12-31';

const MONTHS = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`);
const QUARTERS = ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2023'];
/** The tasks the commands pick from, by kind, as the shipped plan has them. */
const RECURRING: Record<string, string[]> = { 'X.2': MONTHS, 'VIII.1': QUARTERS };
const SINGLE = ['I.2', 'IX.3', 'V.1', 'IX.1'];
const CONTINUOUS = ['II.1'];
const EVENTS = ['I.1', 'V.3'];
const FOLLOWS = ['V.2'];
const IDS = [...Object.keys(RECURRING), ...SINGLE, ...CONTINUOUS, ...EVENTS, ...FOLLOWS];

/** A few days used often, so that triggers, periods and completions meet. */
const COMMON_DAYS = ['2023-02-10', '2023-04-03', '2023-06-30', '2023-10-20', TODAY];
const dayOfYear = fc.integer({ min: 0, max: 364 }).map((n) => new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10));
const day = fc.oneof(fc.constantFrom(...COMMON_DAYS), dayOfYear);

interface Cmd {
  kind: 'done' | 'trigger';
  id: string;
  period: string | undefined;
  date: string;
  ref: string | undefined;
}

/** Any period at all: most of these do not belong to the task they are given to. */
const anyPeriod = fc.oneof(fc.constantFrom(...MONTHS, ...QUARTERS), fc.constantFrom(...COMMON_DAYS));

/**
 * A command. The period is mostly absent or one of the task's own (which the contract may accept), and
 * sometimes any period (which it must refuse), so that both halves of the property see plenty of cases.
 */
const cmd: fc.Arbitrary<Cmd> = fc.constantFrom(...IDS).chain((id) =>
  fc.record({
    kind: fc.constantFrom<'done' | 'trigger'>('done', 'done', 'done', 'trigger'),
    id: fc.constant(id),
    period: fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: RECURRING[id] ? 3 : 0, arbitrary: fc.constantFrom(...(RECURRING[id] ?? ['-'])) },
      { weight: 1, arbitrary: anyPeriod },
    ),
    date: day,
    ref: fc.option(fc.constantFrom('12/BC-UBND', '45/KH-UBND', '1050/UBND-NC'), { nil: undefined, freq: 3 }),
  }),
);

const argvOf = (c: Cmd): string[] => [c.kind, c.id, '--date', c.date, ...(c.period ? ['--period', c.period] : []), ...(c.ref ? ['--ref', c.ref] : [])];

/** The first day of a month, quarter or year label of 2023. */
function windowStart(period: string): string {
  const q = /-Q([1-4])$/.exec(period);
  if (q) return `2023-${String((Number(q[1]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return /^\d{4}-\d{2}$/.test(period) ? `${period}-01` : '2023-01-01';
}

/** What the contract makes certain: the exit code of the commands whose outcome does not depend on event history. */
class Model {
  done = new Map<string, Set<string | null>>();
  triggers = new Map<string, Set<string>>();
  activities = new Set<string>();

  expected(c: Cmd): number | undefined {
    const done = this.done.get(c.id) ?? new Set();
    if (c.kind === 'trigger') {
      if (c.period) return 2;
      if (EVENTS.includes(c.id)) return this.triggers.get(c.id)?.has(c.date) ? 1 : 0;
      if (FOLLOWS.includes(c.id)) return 1; // it opens when the task it follows is done, not by a trigger
      return 1; // no trigger to record on a dated or continuous task
    }
    if (RECURRING[c.id]) {
      const periods = RECURRING[c.id]!;
      const open = periods.filter((p) => !done.has(p));
      const period = c.period ?? (open.length === 1 ? open[0] : undefined);
      if (period === undefined || !periods.includes(period) || done.has(period)) return 1;
      // The work of a period cannot be done before the period begins.
      return c.date < windowStart(period) ? 1 : 0;
    }
    if (SINGLE.includes(c.id)) return c.period || done.has(null) ? 1 : 0;
    // The same activity twice (same day, same document) is refused.
    if (CONTINUOUS.includes(c.id)) return c.period || this.activities.has(`${c.date} ${c.ref}`) ? 1 : 0;
    return undefined;
  }

  accept(c: Cmd): void {
    if (c.kind === 'trigger') {
      this.triggers.set(c.id, (this.triggers.get(c.id) ?? new Set()).add(c.date));
      return;
    }
    if (CONTINUOUS.includes(c.id)) this.activities.add(`${c.date} ${c.ref}`);
    const periods = RECURRING[c.id];
    const done = this.done.get(c.id) ?? new Set<string | null>();
    if (periods) done.add(c.period ?? periods.find((p) => !done.has(p))!);
    else if (SINGLE.includes(c.id)) done.add(null);
    this.done.set(c.id, done);
  }
}

interface ShowJson {
  id: string;
  status: string | null;
  records: { done?: string; trigger?: string; period?: string }[];
  occurrences: { period: string | null; due: string | null; status: string; completion: string | null }[];
}

let dir: string;
let remove: () => void;
beforeAll(() => {
  ({ dir, remove } = scratch('property'));
});
afterAll(() => remove());

describe('recording progress, whatever the order', () => {
  it('keeps the plan valid, reflects every record, and leaves refused commands without a trace', async () => {
    const plan = join(dir, 'plan.yaml');
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 1, maxLength: 12 }), async (cmds) => {
        copyFileSync(join(ROOT, SHIPPED), plan);
        const model = new Model();
        const landed = new Map<string, Cmd[]>();
        for (const c of cmds) {
          const before = readFileSync(plan);
          const r = await tthc([...argvOf(c), '--plan', plan], { now: NOW });
          const after = readFileSync(plan);
          const expected = model.expected(c);
          if (expected !== undefined) expect(r.code, `${argvOf(c).join(' ')}\n${r.err}`).toBe(expected);
          if (r.code === 0) {
            accepted++;
            model.accept(c);
            landed.set(c.id, [...(landed.get(c.id) ?? []), c]);
            // The old text is still all there, with the record's lines added.
            const [b, a] = [before.toString('utf8'), after.toString('utf8')];
            expect(a.length).toBeGreaterThan(b.length);
            expect(a).toContain(`- ${c.kind}: ${c.date}\n`);
            let i = 0;
            for (const line of a.split('\n')) if (line === b.split('\n')[i]) i++;
            expect(i).toBe(b.split('\n').length);
          } else {
            refused++;
            expect([1, 2]).toContain(r.code);
            expect(r.err).toMatch(/^(tthc: |error: )/);
            expect(after.equals(before), `${argvOf(c).join(' ')} was refused but changed the file`).toBe(true);
          }
        }
        // The plan checks clean.
        const check = await tthc(['check', plan], { now: NOW });
        expect(check.code, check.out).toBe(0);
        // Every task shows exactly the records that landed, and its occurrences say what they mean.
        for (const id of IDS) {
          const show = await tthc(['show', id, '--plan', plan, '--format', 'json', '--as-of', TODAY], { now: NOW });
          expect(show.code).toBe(0);
          const task = (JSON.parse(show.out) as ShowJson[])[0]!;
          const mine = landed.get(id) ?? [];
          expect(task.records.map((x) => (x.done !== undefined ? `done ${x.done}` : `trigger ${x.trigger}`))).toEqual(mine.map((c) => `${c.kind} ${c.date}`));
          for (const rec of task.records) {
            if (rec.trigger) {
              if (EVENTS.includes(id) || FOLLOWS.includes(id)) expect(task.occurrences.map((o) => o.period)).toContain(rec.trigger);
              continue;
            }
            if (CONTINUOUS.includes(id)) {
              expect(task.status).toBe('ongoing');
              continue;
            }
            const occ = rec.period !== undefined ? task.occurrences.find((o) => o.period === rec.period) : task.occurrences.length === 1 ? task.occurrences[0] : undefined;
            expect(occ, `${id} ${JSON.stringify(rec)} in ${JSON.stringify(task.occurrences)}`).toBeDefined();
            expect(occ!.completion).toBe(rec.done);
            expect(occ!.status).toBe(occ!.due === null || rec.done! <= occ!.due ? 'done' : 'late');
          }
          // A task that follows V.1 opens on the day V.1 was done.
          if (id === 'V.2') {
            const v1 = (landed.get('V.1') ?? []).find((c) => c.kind === 'done');
            if (v1) expect(task.occurrences.map((o) => o.period)).toContain(v1.date);
            else if (!(landed.get('V.2') ?? []).some((c) => c.kind === 'trigger')) expect(task.status).toBe('waiting');
          }
        }
      }),
      // 25 keeps the suite quick; TTHC_PROPERTY_RUNS=500 searches harder.
      { numRuns: Number(process.env.TTHC_PROPERTY_RUNS) || 25 },
    );
    // Neither half of the property was vacuous.
    expect(accepted).toBeGreaterThan(25);
    expect(refused).toBeGreaterThan(10);
  }, 1_800_000);
});
