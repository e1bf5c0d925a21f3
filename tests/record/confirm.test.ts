// What `tthc done` and `tthc trigger` say once the record is written: on time or days late, an activity, a trigger's due day, in either language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPlan, scratch, SHIPPED, tthc } from '../due/helpers.js';

let dir: string;
let remove: () => void;
let plan: string;
beforeAll(() => {
  ({ dir, remove } = scratch('confirm'));
  plan = copyPlan(SHIPPED, dir);
});
afterAll(() => remove());

const run = (args: string[], env: Record<string, string> = {}) => tthc([...args, '--plan', plan], { cwd: dir, env });

describe('the confirmation of a record', () => {
  it('a completion by its due day is on time, and names the due day', async () => {
    const r = await run(['done', 'IX.3', '--date', '2023-07-31', '--ref', '123/BC-UBND']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('plan.yaml: IX.3 — đã ghi nhận hoàn thành ngày 31/7/2023, văn bản 123/BC-UBND: đúng hạn (hạn 31/7/2023).\n');
  });

  it('a completion the day after the due day is one day late, in English with --lang en', async () => {
    const r = await run(['done', 'X.2', '--period', '2023-02', '--date', '2023-03-01', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('plan.yaml: X.2 (2023-02) — recorded as done on 1/3/2023: 1 day late (due 28/2/2023).\n');
  });

  it('TTHC_LANG=en speaks English too, and counts days late across a month end', async () => {
    const r = await run(['done', 'X.2', '--period', '2023-01', '--date', '2023-02-03'], { TTHC_LANG: 'en' });
    expect(r.out).toBe('plan.yaml: X.2 (2023-01) — recorded as done on 3/2/2023: 3 days late (due 31/1/2023).\n');
  });

  it('a continuous task records an activity, not a completion', async () => {
    const r = await run(['done', 'II.1', '--date', '2023-03-01']);
    expect(r.out).toBe('plan.yaml: II.1 — đã ghi nhận hoạt động ngày 1/3/2023.\n');
    const again = await run(['done', 'II.1', '--date', '2023-04-01', '--lang', 'en']);
    expect(again.out).toBe('plan.yaml: II.1 — recorded an activity on 1/4/2023.\n');
  });

  it('a trigger says its day and document', async () => {
    const r = await run(['trigger', 'I.1', '--date', '2023-02-10', '--ref', '500/KH-UBND']);
    expect(r.out).toBe('plan.yaml: I.1 — đã ghi nhận văn bản/sự kiện ngày 10/2/2023, văn bản 500/KH-UBND.\n');
    const done = await run(['done', 'I.1', '--date', '2023-02-20', '--lang', 'en']);
    expect(done.out).toBe('plan.yaml: I.1 (2023-02-10) — recorded as done on 20/2/2023.\n');
  });

  it('an unknown --lang is a usage error that writes nothing', async () => {
    const r = await run(['done', 'V.1', '--date', '2023-10-20', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Không có ngôn ngữ "fr"');
    const show = await tthc(['show', 'V.1', '--plan', plan, '--format', 'json'], { cwd: dir });
    expect((JSON.parse(show.out) as { records: unknown[] }[])[0]!.records).toEqual([]);
  });
});
