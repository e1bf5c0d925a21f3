// Closing the year: completions after the plan period, before an occurrence's window, and exact repeats, through `done` and through hand-written records.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPlan, type DueItemJson, ROOT, scratch, SHIPPED, tthc } from '../due/helpers.js';

let dir: string;
let remove: () => void;
beforeAll(() => {
  ({ dir, remove } = scratch('close-year'));
});
afterAll(() => remove());

/** 10:00 in Vietnam on the given day. */
const at = (day: string): Date => new Date(`${day}T03:00:00Z`);

interface CheckJson {
  diagnostics: { code: string; severity: string; message: string; hint?: string; line: number }[];
}

async function check(file: string, now: Date): Promise<{ code: number; findings: CheckJson['diagnostics'] }> {
  const r = await tthc(['check', file, '--format', 'json', '--lang', 'en'], { cwd: dir, now });
  // Due days on a weekend are another matter (DUE_NON_WORKING_DAY, a warning); these tests are about records.
  const findings = (JSON.parse(r.out) as CheckJson).diagnostics.filter((d) => d.code !== 'DUE_NON_WORKING_DAY');
  return { code: r.code, findings };
}

const errorsOf = (f: CheckJson['diagnostics']): string[] => f.filter((d) => d.severity === 'error').map((d) => d.code);

describe('tthc done after the plan year', () => {
  let plan: string;
  beforeAll(() => {
    plan = copyPlan(SHIPPED, dir, 'after.yaml');
  });
  const run = (args: string[], now: Date) => tthc([...args, '--plan', plan], { cwd: dir, now });

  it('accepts the yearly report sent in January, late by its days, and check agrees', async () => {
    const r = await run(['done', 'VIII.1', '--period', '2023', '--date', '2024-01-10', '--ref', '5/BC-UBND'], at('2024-01-15'));
    expect(r.err).toBe('');
    expect(r.out).toBe('after.yaml: VIII.1 (2023) — đã ghi nhận hoàn thành ngày 10/1/2024, văn bản 5/BC-UBND: muộn 10 ngày (hạn 31/12/2023).\n');
    const x = await run(['done', 'X.2', '--period', '2023-11', '--date', '2024-01-03', '--lang', 'en'], at('2024-01-15'));
    expect(x.out).toBe('after.yaml: X.2 (2023-11) — recorded as done on 3/1/2024: 34 days late (due 30/11/2023).\n');
    const c = await check(plan, at('2024-01-15'));
    expect(errorsOf(c.findings)).toEqual([]);
    expect(c.code).toBe(0);
  });

  it('due no longer lists them overdue once done, and shows them late', async () => {
    const r = await tthc(['due', '--plan', plan, '--all', '--format', 'json', '--as-of', '2024-01-15'], { cwd: dir, now: at('2024-01-15') });
    const items = (JSON.parse(r.out) as { items: DueItemJson[] }).items;
    const find = (id: string, period: string) => items.find((i) => i.id === id && i.period === period);
    expect(find('VIII.1', '2023')?.status).toBe('late');
    expect(find('X.2', '2023-11')?.status).toBe('late');
    expect(find('X.2', '2023-12')?.status).toBe('overdue');
  });

  it('accepts a completion on 31/12 of the next year, and refuses one a day later', async () => {
    const late = await run(['done', 'X.2', '--period', '2023-12', '--date', '2025-01-01', '--lang', 'en'], at('2025-02-01'));
    expect(late.code).toBe(1);
    expect(late.err).toContain('after 31/12/2024, the last day on which work of this plan may be completed');
    const before = readFileSync(plan);
    const ok = await run(['done', 'X.2', '--period', '2023-12', '--date', '2024-12-31'], at('2025-02-01'));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('muộn 366 ngày (hạn 31/12/2023)');
    expect(readFileSync(plan).length).toBeGreaterThan(before.length);
  });

  it('refuses an activity of a continuous task, or a trigger, dated after the plan period', async () => {
    const before = readFileSync(plan);
    const a = await run(['done', 'II.2', '--date', '2024-02-01', '--lang', 'en'], at('2024-03-01'));
    expect(a.code).toBe(1);
    expect(a.err).toContain('after the plan period (1/1/2023 – 31/12/2023)');
    const t = await run(['trigger', 'III.2', '--date', '2024-02-01', '--lang', 'en'], at('2024-03-01'));
    expect(t.code).toBe(1);
    expect(t.err).toContain('outside the plan period');
    expect(readFileSync(plan).equals(before)).toBe(true);
  });
});

describe('tthc done before the window of its occurrence', () => {
  let plan: string;
  beforeAll(() => {
    plan = copyPlan(SHIPPED, dir, 'before.yaml');
  });
  const run = (args: string[]) => tthc([...args, '--plan', plan], { cwd: dir, now: at('2023-12-31') });

  it("refuses December's report dated in January, naming the month that was open", async () => {
    const before = readFileSync(plan);
    const r = await run(['done', 'X.2', '--period', '2023-12', '--date', '2023-01-05', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'tthc: Task X.2 (2023-12) opens on 1/12/2023; a completion on 5/1/2023 comes before it. On 5/1/2023 the open occurrence was 2023-01 (1/1/2023 – 31/1/2023).\n' +
        'hint: If it was the work of 2023-01, record it with --period 2023-01; else check the --date.\n',
    );
    expect(readFileSync(plan).equals(before)).toBe(true);
  });

  it('names every occurrence open that day: the quarter and the year', async () => {
    const r = await run(['done', 'VIII.1', '--period', '2023-Q4', '--date', '2023-09-30', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('On 30/9/2023 the open occurrences were 2023-Q3 (1/7/2023 – 30/9/2023), 2023 (1/1/2023 – 31/12/2023).');
  });

  it('accepts a one-off task finished before its month: early is on time', async () => {
    const r = await run(['done', 'IX.3', '--date', '2023-06-20']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('đúng hạn (hạn 31/7/2023)');
  });

  it('accepts the period on its first day', async () => {
    const r = await run(['done', 'X.2', '--period', '2023-12', '--date', '2023-12-01']);
    expect(r.code).toBe(0);
  });
});

describe('tthc done twice with the same record', () => {
  let plan: string;
  beforeAll(() => {
    plan = copyPlan(SHIPPED, dir, 'twice.yaml');
  });
  const run = (args: string[]) => tthc([...args, '--plan', plan], { cwd: dir, now: at('2023-12-31') });

  it('refuses the same activity of a continuous task, and accepts another document that day', async () => {
    expect((await run(['done', 'II.2', '--date', '2023-05-10'])).code).toBe(0);
    const before = readFileSync(plan);
    const again = await run(['done', 'II.2', '--date', '2023-05-10', '--lang', 'en']);
    expect(again.code).toBe(1);
    expect(again.err).toBe(
      'tthc: Task II.2 already has this record (record 1: done 10/5/2023).\nhint: A second activity on the same day is recorded with its own document (--ref).\n',
    );
    expect(readFileSync(plan).equals(before)).toBe(true);
    expect((await run(['done', 'II.2', '--date', '2023-05-10', '--ref', '12/TB-UBND'])).code).toBe(0);
    expect((await run(['done', 'II.2', '--date', '2023-05-10', '--ref', '12/TB-UBND'])).code).toBe(1);
  });

  it('refuses the same trigger twice', async () => {
    expect((await run(['trigger', 'III.2', '--date', '2023-04-03', '--ref', '900/UBND-KSTT'])).code).toBe(0);
    const again = await run(['trigger', 'III.2', '--date', '2023-04-03', '--ref', '900/UBND-KSTT']);
    expect(again.code).toBe(1);
  });
});

/** A one-task plan written by hand: the task's timeline and its records, as YAML lines at the records' indentation. */
function handWritten(name: string, when: string, records: string[]): string {
  const base = readFileSync(join(ROOT, 'tests/check/fixtures/VALID.yaml'), 'utf8');
  const file = join(dir, name);
  writeFileSync(file, base.replace('when: Thường xuyên', `when: ${when}\n        records:\n${records.map((l) => `          ${l}`).join('\n')}`));
  return file;
}

describe('hand-written records, checked', () => {
  it('a completion in the next year is accepted; one after it is RECORD_OUTSIDE_PLAN', async () => {
    const ok = handWritten('next-year.yaml', 'Hàng tháng', ['- done: 2024-01-03', '  period: 2023-11', '- done: 2024-12-31', '  period: 2023-12']);
    expect(await check(ok, at('2025-01-15'))).toEqual({ code: 0, findings: [] });
    const bad = handWritten('closed.yaml', 'Hàng tháng', ['- done: 2025-01-02', '  period: 2023-12']);
    const c = await check(bad, at('2025-01-15'));
    expect(c.code).toBe(1);
    expect(c.findings.map((d) => d.code)).toEqual(['RECORD_OUTSIDE_PLAN']);
    expect(c.findings[0]!.message).toBe('Task I.1: the completion of 2023-12 is dated 2/1/2025, after 31/12/2024, the last day on which work of this plan may be completed.');
    expect(c.findings[0]!.line).toBe(27);
  });

  it('a yearly occurrence completed without a period in January is matched and accepted', async () => {
    const ok = handWritten('yearly.yaml', 'Năm 2023', ['- done: 2024-01-10']);
    expect(await check(ok, at('2024-02-01'))).toEqual({ code: 0, findings: [] });
  });

  it('an activity of a continuous task in the next year is RECORD_OUTSIDE_PLAN', async () => {
    const bad = handWritten('activity.yaml', 'Thường xuyên', ['- done: 2024-02-01']);
    const c = await check(bad, at('2024-03-01'));
    expect(c.findings.map((d) => d.code)).toEqual(['RECORD_OUTSIDE_PLAN']);
    expect(c.findings[0]!.hint).toContain('only the completion of an occurrence of this plan may come after it (up to 31/12/2024)');
  });

  it('a completion before its window is RECORD_BEFORE_WINDOW, naming the period open that day', async () => {
    const bad = handWritten('window.yaml', 'Hàng quý', ['- done: 2023-09-30', '  period: 2023-Q4']);
    const c = await check(bad, at('2023-12-31'));
    expect(c.code).toBe(1);
    expect(c.findings.map((d) => d.code)).toEqual(['RECORD_BEFORE_WINDOW']);
    expect(c.findings[0]!.message).toBe('Task I.1: the completion of 2023-Q4 is dated 30/9/2023, before its window opens on 1/10/2023; on that day 2023-Q3 was open.');
    expect(c.findings[0]!.hint).toBe('Give the record the period it completes (`period: 2023-Q3`), or correct the date.');
  });

  it('an event done before its trigger is RECORD_BEFORE_WINDOW', async () => {
    const bad = handWritten('event.yaml', 'Sau khi có văn bản của UBND tỉnh', ['- trigger: 2023-04-03', '- done: 2023-04-01', '  period: 2023-04-03']);
    const c = await check(bad, at('2023-12-31'));
    expect(c.findings.map((d) => d.code)).toEqual(['RECORD_BEFORE_WINDOW']);
    expect(c.findings[0]!.message).toContain('before its trigger');
  });

  it('the same record twice is RECORD_DUPLICATE once, at the second; a different document is another record', async () => {
    const bad = handWritten('dup.yaml', 'Hàng tháng', ['- done: 2023-04-05', '  period: 2023-03', '- done: 2023-04-05', '  period: 2023-03']);
    const c = await check(bad, at('2023-12-31'));
    expect(c.findings.map((d) => [d.code, d.line])).toEqual([['RECORD_DUPLICATE', 29]]);
    expect(c.findings[0]!.message).toBe('Task I.1: record 2 repeats record 1 (the same completion day, period and document).');
    const ok = handWritten('two-docs.yaml', 'Thường xuyên', ['- done: 2023-05-10', '  ref: 12/TB-UBND', '- done: 2023-05-10', '  ref: 13/TB-UBND']);
    expect(await check(ok, at('2023-12-31'))).toEqual({ code: 0, findings: [] });
  });
});
