// Deadlines set by a document: `tthc trigger --due/--within`, the `due` of a trigger record, and what due, status and check make of them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPlan, type DueItemJson, ROOT, scratch, SHIPPED, tthc } from '../due/helpers.js';

let dir: string;
let remove: () => void;
beforeAll(() => {
  ({ dir, remove } = scratch('trigger-due'));
});
afterAll(() => remove());

const at = (day: string): Date => new Date(`${day}T03:00:00Z`);

async function dueItems(plan: string, asOf: string): Promise<DueItemJson[]> {
  const r = await tthc(['due', '--plan', plan, '--all', '--format', 'json', '--as-of', asOf], { cwd: dir, now: at('2023-12-31') });
  expect(r.code).toBe(0);
  return (JSON.parse(r.out) as { items: DueItemJson[] }).items;
}

describe('tthc trigger --due', () => {
  let plan: string;
  beforeAll(() => {
    plan = copyPlan(SHIPPED, dir, 'due.yaml');
  });
  const run = (args: string[]) => tthc([...args, '--plan', plan], { cwd: dir, now: at('2023-12-31') });

  it('records the due day the document sets, after the trigger and before the document', async () => {
    const r = await run(['trigger', 'III.2', '--date', '2023-04-03', '--ref', '900/UBND-KSTT', '--due', '3/5/2023']);
    expect(r.err).toBe('');
    expect(r.out).toBe('due.yaml: III.2 — đã ghi nhận văn bản/sự kiện ngày 3/4/2023, văn bản 900/UBND-KSTT; hạn thực hiện 3/5/2023.\n');
    expect(readFileSync(plan, 'utf8')).toContain('        records:\n          - trigger: 2023-04-03\n            due: 2023-05-03\n            ref: 900/UBND-KSTT\n');
  });

  it('gives the event a dated occurrence: open, due soon, overdue, then late once done', async () => {
    const item = async (asOf: string) => (await dueItems(plan, asOf)).find((i) => i.id === 'III.2')!;
    expect(await item('2023-04-10')).toMatchObject({ period: '2023-04-03', status: 'open', due: '2023-05-03' });
    expect(await item('2023-04-25')).toMatchObject({ status: 'due-soon', due: '2023-05-03' });
    expect(await item('2023-05-04')).toMatchObject({ status: 'overdue', daysLate: 1 });
    const soon = await tthc(['due', '--plan', plan, '--format', 'json', '--as-of', '2023-04-25'], { cwd: dir, now: at('2023-12-31') });
    expect((JSON.parse(soon.out) as { items: DueItemJson[] }).items.some((i) => i.id === 'III.2' && i.status === 'due-soon')).toBe(true);
    const done = await run(['done', 'III.2', '--date', '2023-05-05']);
    expect(done.out).toBe('due.yaml: III.2 (2023-04-03) — đã ghi nhận hoàn thành ngày 5/5/2023: muộn 2 ngày (hạn 3/5/2023).\n');
    expect(await item('2023-06-01')).toMatchObject({ status: 'late', completed: '2023-05-05' });
  });

  it('status shows the quarter of the due day overdue before it is done', async () => {
    const r = await tthc(['status', '--plan', plan, '--format', 'json', '--as-of', '2023-05-04'], { cwd: dir, now: at('2023-12-31') });
    const rows = (JSON.parse(r.out) as { rows: { id: string; quarters: Record<string, { status: string }> }[] }).rows;
    expect(rows.find((row) => row.id === 'III.2')!.quarters['Q2']!.status).toBe('overdue');
  });

  it('check accepts the record', async () => {
    const r = await tthc(['check', plan, '--format', 'json'], { cwd: dir, now: at('2023-12-31') });
    expect(r.code).toBe(0);
  });
});

describe('tthc trigger --within', () => {
  let plan: string;
  beforeAll(() => {
    plan = copyPlan(SHIPPED, dir, 'within.yaml');
  });
  const run = (args: string[]) => tthc([...args, '--plan', plan], { cwd: dir, now: at('2023-12-31') });

  it('counts days (or weeks) from the trigger', async () => {
    const r = await run(['trigger', 'I.1', '--date', '2023-04-03', '--within', '2w', '--lang', 'en']);
    expect(r.out).toBe('within.yaml: I.1 — recorded the trigger on 3/4/2023; due 17/4/2023.\n');
    expect(readFileSync(plan, 'utf8')).toContain('- trigger: 2023-04-03\n            due: 2023-04-17\n');
    const r2 = await run(['trigger', 'VII.3', '--date', '2023-06-01', '--within', '30']);
    expect(r2.out).toContain('hạn thực hiện 1/7/2023');
    const items = await dueItems(plan, '2023-07-02');
    expect(items.find((i) => i.id === 'VII.3')).toMatchObject({ status: 'overdue', due: '2023-07-01' });
  });

  it('refuses --due with --within, a due before the trigger, or a day that is no date, as usage errors', async () => {
    const before = readFileSync(plan);
    const both = await run(['trigger', 'V.3', '--date', '2023-04-03', '--within', '10', '--due', '2023-05-01', '--lang', 'en']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('--due and --within');
    const early = await run(['trigger', 'V.3', '--date', '2023-04-03', '--due', '2023-04-02', '--lang', 'en']);
    expect(early.code).toBe(2);
    expect(early.err).toBe('tthc: --due 2/4/2023 is before the trigger date 3/4/2023.\nhint: The due day is the last on-time day the document sets, on or after the day it came.\n');
    const bad = await run(['trigger', 'V.3', '--date', '2023-04-03', '--due', '2023-02-30']);
    expect(bad.code).toBe(2);
    const weeks = await run(['trigger', 'V.3', '--date', '2023-04-03', '--within', 'soon']);
    expect(weeks.code).toBe(2);
    const onDone = await run(['done', 'II.1', '--date', '2023-04-03', '--due', '2023-05-01']);
    expect(onDone.code).toBe(2);
    expect(readFileSync(plan).equals(before)).toBe(true);
  });

  it('refuses a due day after the last day work of the plan may be completed (exit 1), by --due or --within', async () => {
    const before = readFileSync(plan);
    const far = await run(['trigger', 'V.3', '--date', '2023-04-03', '--due', '2099-01-01', '--lang', 'en']);
    expect(far.code).toBe(1);
    expect(far.err).toBe('tthc: Task V.3: the due day 1/1/2099 is after 31/12/2024, the last day on which work of this plan may be completed.\nhint: Check the year of --due.\n');
    const long = await run(['trigger', 'V.3', '--date', '2023-04-03', '--within', '1000', '--lang', 'en']);
    expect(long.code).toBe(1);
    expect(long.err).toContain('the due day 28/12/2025 is after 31/12/2024');
    expect(long.err).toContain('hint: Check --within');
    expect(readFileSync(plan).equals(before)).toBe(true);
    // The next year is fine: a document of December may set a day in January.
    const january = await run(['trigger', 'V.3', '--date', '2023-12-20', '--due', '2024-01-15']);
    expect(january.code).toBe(0);
    expect(january.out).toContain('hạn thực hiện 15/1/2024');
  });
});

/** A one-task plan written by hand, from the minimal valid plan of the check fixtures. */
function handWritten(name: string, task: string): string {
  const base = readFileSync(join(ROOT, 'tests/check/fixtures/VALID.yaml'), 'utf8');
  const file = join(dir, name);
  writeFileSync(file, base.replace('        when: Thường xuyên\n', task));
  return file;
}

describe('a trigger with `due:` written by hand', () => {
  const check = async (file: string) => {
    const r = await tthc(['check', file, '--format', 'json'], { cwd: dir, now: at('2023-12-31') });
    return { code: r.code, codes: (JSON.parse(r.out) as { diagnostics: { code: string; line: number }[] }).diagnostics.map((d) => `${d.code}@${d.line}`) };
  };

  it('sets the occurrence due day, in place of the schedule\'s `after`; the working-day finding sees both', async () => {
    const file = handWritten(
      'after.yaml',
      '        when: Sau khi có văn bản của UBND tỉnh\n        schedule:\n          after: 10\n        records:\n          - trigger: 2023-04-03\n            due: 2023-05-04\n          - trigger: 2023-06-01\n',
    );
    // 11/6/2023, ten days after the second trigger, is a Sunday: the schedule's `after` set it.
    expect(await check(file)).toEqual({ code: 0, codes: ['DUE_NON_WORKING_DAY@27'] });
    const items = await dueItems(file, '2023-07-01');
    expect(items.filter((i) => i.id === 'I.1').map((i) => [i.period, i.due])).toEqual([
      ['2023-04-03', '2023-05-04'],
      ['2023-06-01', '2023-06-11'],
    ]);
  });

  it('a due before its trigger, or on a completion, is RECORD_DUE; a day that does not exist is DATE_INVALID', async () => {
    const file = handWritten(
      'bad.yaml',
      '        when: Sau khi có văn bản của UBND tỉnh\n        records:\n          - trigger: 2023-04-03\n            due: 2023-04-02\n          - done: 2023-04-20\n            due: 2023-04-30\n          - trigger: 2023-06-01\n            due: 2023-06-31\n',
    );
    expect(await check(file)).toEqual({ code: 1, codes: ['RECORD_DUE@28', 'RECORD_DUE@30', 'DATE_INVALID@32'] });
  });

  it('a due after 31/12 of the year after the plan is RECORD_DUE; one in that year is accepted', async () => {
    const file = handWritten(
      'far.yaml',
      '        when: Sau khi có văn bản của UBND tỉnh\n        records:\n          - trigger: 2023-04-03\n            due: 2033-05-04\n          - trigger: 2023-12-20\n            due: 2024-01-15\n',
    );
    expect(await check(file)).toEqual({ code: 1, codes: ['RECORD_DUE@28'] });
  });

  it('the same trigger written twice is RECORD_DUPLICATE, at the second', async () => {
    const file = handWritten(
      'twice.yaml',
      '        when: Sau khi có văn bản của UBND tỉnh\n        records:\n          - trigger: 2023-04-03\n            due: 2023-05-04\n          - trigger: 2023-04-03\n            due: 2023-05-04\n',
    );
    expect(await check(file)).toEqual({ code: 1, codes: ['RECORD_DUPLICATE@29'] });
  });
});
