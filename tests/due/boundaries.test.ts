// `tthc due` at the edges of every status: the due day, the day after, the warning window, quarters, years, 29/2, events and follows.
import { describe, expect, it } from 'vitest';
import { copyPlan, dueJson, itemOf, scratch, SHIPPED, tthc } from './helpers.js';

const EDGES = 'tests/due/fixtures/edges-2023.yaml';
const LEAP = 'tests/due/fixtures/leap-2024.yaml';
const EVENTS = 'tests/due/fixtures/events-2023.yaml';

/** [as of, task, period, status, days late (negative: days left), --within] */
type Row = [string, string, string | null, string, number | null, string?];

/**
 * edges-2023.yaml: I.1 "Trước ngày 10/3/2023" (due 9/3, window from 1/1), I.2 "Tháng 7/2023" (1/7–31/7),
 * I.3 "Hàng quý", I.4 "Năm 2023", I.5 "Hàng tháng", I.7 "Tháng 12/2023". Default window: 14 days.
 */
const EDGE_ROWS: Row[] = [
  // A deadline: the due day is due soon ("today"), the day after is overdue by one day.
  ['2023-03-09', 'I.1', null, 'due-soon', 0],
  ['2023-03-10', 'I.1', null, 'overdue', 1],
  ['2023-12-31', 'I.1', null, 'overdue', 297],
  // Exactly D + within is still due soon; one day earlier the occurrence is merely open.
  ['2023-02-23', 'I.1', null, 'due-soon', -14],
  ['2023-02-22', 'I.1', null, 'open', -15],
  ['2023-01-01', 'I.1', null, 'open', -67],
  ['2023-03-02', 'I.1', null, 'due-soon', -7, '7'],
  ['2023-03-01', 'I.1', null, 'open', -8, '7'],
  ['2023-02-23', 'I.1', null, 'due-soon', -14, '2w'],
  ['2023-02-22', 'I.1', null, 'open', -15, '2w'],
  ['2023-03-08', 'I.1', null, 'open', -1, '0'],
  ['2023-03-09', 'I.1', null, 'due-soon', 0, '0'],
  // A month: scheduled before its window opens, open inside it, due soon in the last 14 days.
  ['2023-06-30', 'I.2', null, 'scheduled', -31],
  ['2023-07-01', 'I.2', null, 'open', -30],
  ['2023-07-16', 'I.2', null, 'open', -15],
  ['2023-07-17', 'I.2', null, 'due-soon', -14],
  ['2023-07-31', 'I.2', null, 'due-soon', 0],
  ['2023-08-01', 'I.2', null, 'overdue', 1],
  // A wide window reaches a due day whose window has not opened yet: due soon all the same.
  ['2023-06-20', 'I.2', null, 'due-soon', -41, '45'],
  ['2023-06-20', 'I.2', null, 'scheduled', -41, '40'],
  // Quarter edges.
  ['2023-03-31', 'I.3', '2023-Q1', 'due-soon', 0],
  ['2023-03-31', 'I.3', '2023-Q2', 'scheduled', -91],
  ['2023-04-01', 'I.3', '2023-Q1', 'overdue', 1],
  ['2023-04-01', 'I.3', '2023-Q2', 'open', -90],
  ['2023-06-30', 'I.3', '2023-Q2', 'due-soon', 0],
  ['2023-07-01', 'I.3', '2023-Q2', 'overdue', 1],
  ['2023-07-01', 'I.3', '2023-Q3', 'open', -91],
  ['2023-09-16', 'I.3', '2023-Q3', 'due-soon', -14],
  ['2023-09-15', 'I.3', '2023-Q3', 'open', -15],
  ['2023-09-30', 'I.3', '2023-Q4', 'scheduled', -92],
  ['2023-10-01', 'I.3', '2023-Q3', 'overdue', 1],
  ['2023-10-01', 'I.3', '2023-Q4', 'open', -91],
  ['2023-12-31', 'I.3', '2023-Q4', 'due-soon', 0],
  // Year edges: the whole year, the last month, 31 December and the day after the plan.
  ['2023-01-01', 'I.4', null, 'open', -364],
  ['2023-12-16', 'I.4', null, 'open', -15],
  ['2023-12-17', 'I.4', null, 'due-soon', -14],
  ['2023-12-31', 'I.4', null, 'due-soon', 0],
  ['2024-01-01', 'I.4', null, 'overdue', 1],
  ['2023-11-30', 'I.7', null, 'scheduled', -31],
  ['2023-12-01', 'I.7', null, 'open', -30],
  ['2023-12-31', 'I.7', null, 'due-soon', 0],
  ['2024-01-01', 'I.7', null, 'overdue', 1],
  // Monthly: each month is its own occurrence.
  ['2022-12-31', 'I.5', '2023-01', 'scheduled', -31],
  ['2023-01-01', 'I.5', '2023-01', 'open', -30],
  ['2023-01-01', 'I.5', '2023-02', 'scheduled', -58],
  ['2023-01-31', 'I.5', '2023-01', 'due-soon', 0],
  ['2023-01-31', 'I.5', '2023-02', 'scheduled', -28],
  ['2023-02-01', 'I.5', '2023-01', 'overdue', 1],
  ['2023-02-01', 'I.5', '2023-02', 'open', -27],
  ['2023-02-14', 'I.5', '2023-02', 'due-soon', -14],
  ['2023-03-01', 'I.5', '2023-02', 'overdue', 1],
  ['2023-12-31', 'I.5', '2023-11', 'overdue', 31],
  ['2023-12-31', 'I.5', '2023-12', 'due-soon', 0],
];

describe('tthc due: status boundaries (edges-2023.yaml)', () => {
  it.each(EDGE_ROWS)('as of %s, %s %s is %s (%s days)', async (asOf, id, period, status, daysLate, within) => {
    const view = await dueJson(['--plan', EDGES, '--all', '--as-of', asOf, ...(within ? ['--within', within] : [])]);
    const item = itemOf(view.items, id, period);
    expect(item.status).toBe(status);
    expect(item.daysLate).toBe(daysLate);
    // Without --all, the list holds exactly the overdue and due-soon occurrences.
    const short = await dueJson(['--plan', EDGES, '--as-of', asOf, ...(within ? ['--within', within] : [])]);
    const listed = short.items.some((i) => i.id === id && i.period === period);
    expect(listed).toBe(status === 'overdue' || status === 'due-soon');
  });

  it('says "today", "1 day late" and "14 days left" in the table, in both languages', async () => {
    const cases: [string, string, string][] = [
      ['2023-03-09', 'hôm nay', 'today'],
      ['2023-03-10', 'trễ 1 ngày', '1 day late'],
      ['2023-03-11', 'trễ 2 ngày', '2 days late'],
      ['2023-02-23', 'còn 14 ngày', '14 days left'],
      ['2023-03-08', 'còn 1 ngày', '1 day left'],
    ];
    for (const [asOf, vi, en] of cases) {
      const rowOf = (out: string) => out.split('\n').find((l) => l.startsWith('I.1 ')) ?? '';
      const v = await tthc(['due', '--plan', EDGES, '--as-of', asOf, '--agency', 'vp']);
      expect(v.code).toBe(0);
      expect(rowOf(v.out), `${asOf} vi`).toContain(vi);
      const e = await tthc(['due', '--plan', EDGES, '--as-of', asOf, '--agency', 'vp', '--lang', 'en']);
      expect(rowOf(e.out), `${asOf} en`).toContain(en);
      expect(e.out).not.toMatch(/\b1 days\b/);
    }
  });

  it('lists a due day first among the due-soon ones when several fall due, and speaks of the plan period outside it', async () => {
    const view = await dueJson(['--plan', EDGES, '--as-of', '2023-12-31']);
    expect(view.items.filter((i) => i.status === 'due-soon').map((i) => `${i.id}/${i.period}`)).toEqual([
      'I.3/2023-Q4',
      'I.4/null',
      'I.5/2023-12',
      'I.7/null',
    ]);
    expect(view.outsidePeriod).toBe(false);
    expect((await dueJson(['--plan', EDGES, '--as-of', '2024-01-01'])).outsidePeriod).toBe(true);
    expect((await dueJson(['--plan', EDGES, '--as-of', '2022-12-31'])).outsidePeriod).toBe(true);
  });
});

describe('tthc due: 29 February 2024 (leap-2024.yaml)', () => {
  const rows: Row[] = [
    ['2024-02-15', 'I.1', null, 'due-soon', -14],
    ['2024-02-14', 'I.1', null, 'open', -15],
    ['2024-02-28', 'I.1', null, 'due-soon', -1],
    ['2024-02-29', 'I.1', null, 'due-soon', 0],
    ['2024-03-01', 'I.1', null, 'overdue', 1],
    ['2024-02-29', 'I.2', '2024-02', 'due-soon', 0],
    ['2024-03-01', 'I.2', '2024-02', 'overdue', 1],
    ['2024-03-01', 'I.2', '2024-03', 'open', -30],
  ];
  it.each(rows)('as of %s, %s %s is %s (%s days)', async (asOf, id, period, status, daysLate) => {
    const item = itemOf((await dueJson(['--plan', LEAP, '--all', '--as-of', asOf])).items, id, period);
    expect(item.status).toBe(status);
    expect(item.daysLate).toBe(daysLate);
  });

  it('reads "Trước ngày 1/3/2024" as due on 29/2/2024, and accepts 29/2 only in a leap year', async () => {
    const view = await dueJson(['--plan', LEAP, '--as-of', '29/2/2024']);
    expect(view.asOf).toBe('2024-02-29');
    expect(itemOf(view.items, 'I.1').due).toBe('2024-02-29');
    const table = await tthc(['due', '--plan', LEAP, '--as-of', '2024-02-29']);
    expect(table.out).toMatch(/^I\.1 .*29\/2\/2024 +hôm nay /m);
    for (const bad of ['29/2/2023', '2023-02-29', '30/2/2024']) {
      const r = await tthc(['due', '--plan', SHIPPED, '--as-of', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.out).toBe('');
    }
  });
});

describe('tthc due: a monthly task across the year (X.2 of the shipped plan)', () => {
  const months = (n: number) => Array.from({ length: n }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`);
  const rows: [string, number, string | null][] = [
    ['2023-01-01', 0, null],
    ['2023-01-31', 0, '2023-01'],
    ['2023-02-01', 1, null],
    ['2023-02-14', 1, '2023-02'],
    ['2023-02-28', 1, '2023-02'],
    ['2023-03-01', 2, null],
    ['2023-07-20', 6, '2023-07'],
    ['2023-12-25', 11, '2023-12'],
    ['2023-12-31', 11, '2023-12'],
    ['2024-01-01', 12, null],
  ];
  it.each(rows)('as of %s, %i months are overdue, oldest first (due soon: %s)', async (asOf, overdue, dueSoon) => {
    const view = await dueJson(['--plan', SHIPPED, '--as-of', asOf, '--agency', 'vp']);
    const x2 = view.items.filter((i) => i.id === 'X.2');
    expect(x2.filter((i) => i.status === 'overdue').map((i) => i.period)).toEqual(months(overdue));
    expect(x2.filter((i) => i.status === 'due-soon').map((i) => i.period)).toEqual(dueSoon ? [dueSoon] : []);
    for (const i of x2) expect(i.role).toBe('lead');
  });
});

describe('tthc due: events before and after their trigger (events-2023.yaml)', () => {
  // I.1: trigger 3/4, `after: 10` → due 13/4. I.2: trigger 2/5, open-ended. I.3 "Trong tháng 10/2023" done 20/10.
  // I.4 follows I.3 with `after: 10` → opens 20/10, due 30/10. I.5 never triggered.
  const rows: [string, string, string | null, string, string | null][] = [
    ['2023-04-02', 'I.1', null, 'waiting', null],
    ['2023-04-03', 'I.1', '2023-04-03', 'due-soon', '2023-04-13'],
    ['2023-04-13', 'I.1', '2023-04-03', 'due-soon', '2023-04-13'],
    ['2023-04-14', 'I.1', '2023-04-03', 'overdue', '2023-04-13'],
    ['2023-05-01', 'I.2', null, 'waiting', null],
    ['2023-05-02', 'I.2', '2023-05-02', 'open', null],
    ['2023-12-31', 'I.2', '2023-05-02', 'open', null],
    ['2023-10-19', 'I.3', null, 'due-soon', '2023-10-31'],
    ['2023-10-20', 'I.3', null, 'done', '2023-10-31'],
    ['2023-10-19', 'I.4', null, 'waiting', null],
    ['2023-10-20', 'I.4', '2023-10-20', 'due-soon', '2023-10-30'],
    ['2023-10-30', 'I.4', '2023-10-20', 'due-soon', '2023-10-30'],
    ['2023-10-31', 'I.4', '2023-10-20', 'overdue', '2023-10-30'],
    ['2023-12-31', 'I.5', null, 'waiting', null],
  ];
  it.each(rows)('as of %s, %s %s is %s (due %s)', async (asOf, id, period, status, due) => {
    const view = await dueJson(['--plan', EVENTS, '--all', '--as-of', asOf]);
    const item = itemOf(view.items, id, period);
    expect(item.status).toBe(status);
    expect(item.due).toBe(due);
    // Before its trigger the task has no dated occurrence at all.
    if (status === 'waiting') expect(view.items.filter((i) => i.id === id)).toHaveLength(1);
  });

  it('lists an event only once its dated occurrence is due soon or overdue', async () => {
    const ids = async (asOf: string) => (await dueJson(['--plan', EVENTS, '--as-of', asOf])).items.map((i) => `${i.id}:${i.status}`);
    expect(await ids('2023-04-02')).toEqual([]);
    expect(await ids('2023-04-03')).toEqual(['I.1:due-soon']);
    expect(await ids('2023-10-20')).toEqual(['I.1:overdue', 'I.4:due-soon']);
  });
});

describe('tthc due: the event tasks of the shipped plan, before and after their trigger', () => {
  it.each(['I.1', 'III.2', 'III.3', 'VII.3', 'V.3'])('%s waits until triggered, then is open from the trigger day, open-ended', async (id) => {
    const { dir, remove } = scratch('events');
    try {
      const plan = copyPlan(SHIPPED, dir);
      expect(itemOf((await dueJson(['--plan', plan, '--all', '--as-of', '2023-12-31'])).items, id)).toMatchObject({ status: 'waiting', due: null });
      const r = await tthc(['trigger', id, '--plan', plan, '--date', '2023-04-03', '--ref', '1050/UBND-NC']);
      expect(r.code, r.err).toBe(0);
      const at = async (asOf: string) => (await dueJson(['--plan', plan, '--all', '--as-of', asOf])).items.filter((i) => i.id === id);
      expect((await at('2023-04-02')).map((i) => [i.period, i.status])).toEqual([[null, 'waiting']]);
      expect((await at('2023-04-03')).map((i) => [i.period, i.status, i.due])).toEqual([['2023-04-03', 'open', null]]);
      expect((await at('2023-12-31')).map((i) => [i.period, i.status])).toEqual([['2023-04-03', 'open']]);
      // Open-ended: never overdue, so never in the default list.
      expect((await dueJson(['--plan', plan, '--as-of', '2023-12-31'])).items.some((i) => i.id === id)).toBe(false);
      // Done: the occurrence opened by the trigger is done from that day.
      expect((await tthc(['done', id, '--plan', plan, '--date', '2023-05-10'])).code).toBe(0);
      expect((await at('2023-05-09')).map((i) => i.status)).toEqual(['open']);
      expect((await at('2023-05-10')).map((i) => [i.period, i.status, i.completed])).toEqual([['2023-04-03', 'done', '2023-05-10']]);
    } finally {
      remove();
    }
  });
});

describe('tthc due: a task that follows another (V.2 follows V.1 in the shipped plan)', () => {
  it('waits until V.1 is done, then opens on the day V.1 was done', async () => {
    const { dir, remove } = scratch('follows');
    try {
      const plan = copyPlan(SHIPPED, dir);
      const before = itemOf((await dueJson(['--plan', plan, '--all', '--as-of', '2023-10-25'])).items, 'V.2');
      expect(before.status).toBe('waiting');
      const done = await tthc(['done', 'V.1', '--plan', plan, '--date', '2023-10-20']);
      expect(done.code, done.err).toBe(0);
      const day = async (asOf: string) => (await dueJson(['--plan', plan, '--all', '--as-of', asOf])).items.filter((i) => i.id === 'V.2');
      expect((await day('2023-10-19')).map((i) => [i.period, i.status])).toEqual([[null, 'waiting']]);
      expect((await day('2023-10-20')).map((i) => [i.period, i.status, i.due])).toEqual([['2023-10-20', 'open', null]]);
      expect((await day('2023-12-31')).map((i) => [i.period, i.status])).toEqual([['2023-10-20', 'open']]);
      // V.1 itself: due soon before it was done, done from that day.
      expect(itemOf((await dueJson(['--plan', plan, '--all', '--as-of', '2023-10-19'])).items, 'V.1').status).toBe('due-soon');
      expect(itemOf((await dueJson(['--plan', plan, '--all', '--as-of', '2023-10-20'])).items, 'V.1').status).toBe('done');
    } finally {
      remove();
    }
  });
});
