// "Today" is the date in Vietnam whatever TZ says: `tthc due` and `tthc done` around Vietnam's midnight (run under four zones).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPlan, dueJson, itemOf, scratch, SHIPPED, tthc } from './helpers.js';

/** 19/7/2023 23:59:59 and 20/7/2023 00:00:00 in Vietnam (UTC+7). */
const LAST_SECOND_OF_19 = new Date('2023-07-19T16:59:59Z');
const FIRST_SECOND_OF_20 = new Date('2023-07-19T17:00:00Z');

let dir: string;
let remove: () => void;
beforeAll(() => {
  ({ dir, remove } = scratch('clock'));
});
afterAll(() => remove());

describe(`today in Vietnam (this process: TZ=${process.env.TZ ?? '(unset)'})`, () => {
  it.each([
    [LAST_SECOND_OF_19, '2023-07-19', 12],
    [FIRST_SECOND_OF_20, '2023-07-20', 11],
  ])('at %s, tthc due without --as-of answers for %s', async (now, day, left) => {
    const view = await dueJson(['--plan', SHIPPED, '--agency', 'vp'], { now });
    expect(view.asOf).toBe(day);
    // IX.3 ("Tháng 7/2023") is due 31/7: 12 days left on the 19th, 11 on the 20th.
    expect(itemOf(view.items, 'IX.3').daysLate).toBe(-left);
    const table = await tthc(['due', '--plan', SHIPPED, '--agency', 'vp'], { now });
    expect(table.out).toContain(`Ngày: ${Number(day.slice(8))}/7/2023`);
    expect(table.out).toMatch(new RegExp(`^IX\\.3 .*còn ${left} ngày`, 'm'));
  });

  it('tthc status without --as-of answers for the same day', async () => {
    for (const [now, day] of [
      [LAST_SECOND_OF_19, '2023-07-19'],
      [FIRST_SECOND_OF_20, '2023-07-20'],
    ] as const) {
      const r = await tthc(['status', '--plan', SHIPPED, '--format', 'json'], { now });
      expect(JSON.parse(r.out).asOf).toBe(day);
    }
  });

  it.each([
    [LAST_SECOND_OF_19, '2023-07-19', 'IX.3'],
    [FIRST_SECOND_OF_20, '2023-07-20', 'I.2'],
  ])('at %s, tthc done without --date records %s', async (now, day, id) => {
    const plan = copyPlan(SHIPPED, dir, `done-${day}.yaml`);
    const r = await tthc(['done', id, '--plan', plan], { now });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`đã ghi nhận hoàn thành ngày ${Number(day.slice(8))}/7/2023`);
    expect(readFileSync(plan, 'utf8')).toContain(`records:\n          - done: ${day}\n`);
    expect(itemOf((await dueJson(['--plan', plan, '--all', '--as-of', day], { now })).items, id).completed).toBe(day);
  });

  it('a completion dated the 20th is "after today" one second before Vietnam\'s midnight, and fine one second later', async () => {
    const plan = copyPlan(SHIPPED, dir, 'midnight.yaml');
    const before = readFileSync(plan);
    const early = await tthc(['done', 'IX.3', '--plan', plan, '--date', '20/7/2023', '--lang', 'en'], { now: LAST_SECOND_OF_19 });
    expect(early.code).toBe(1);
    expect(early.err).toContain('after today (19/7/2023)');
    expect(readFileSync(plan).equals(before)).toBe(true);
    const onTime = await tthc(['done', 'IX.3', '--plan', plan, '--date', '20/7/2023'], { now: FIRST_SECOND_OF_20 });
    expect(onTime.code).toBe(0);
    expect(readFileSync(plan, 'utf8')).toContain('- done: 2023-07-20');
  });
});
