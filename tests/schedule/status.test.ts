// Tests for occurrence and task statuses as of a day, record matching, and the reporting periods of NĐ 09/2019.
import { describe, expect, it } from 'vitest';
import type { RecordFile } from '../../src/model/schema.js';
import type { DayRange } from '../../src/schedule/day.js';
import { addDays } from '../../src/schedule/day.js';
import { buildSchedule, occurrences } from '../../src/schedule/schedule.js';
import {
  type OccurrenceStatus,
  calendarQuarterRange,
  evaluateTask,
  matchRecords,
  occurrenceStatus,
  quarterRanges,
  reportingHalfRange,
  reportingMonth,
  reportingMonthRange,
  reportingQuarter,
  reportingQuarterRange,
  reportingYearRange,
  summariseStatuses,
  taskStatus,
} from '../../src/schedule/status.js';

const Y2023: DayRange = { start: '2023-01-01', end: '2023-12-31' };

function partsOf(when: string, schedule?: Parameters<typeof buildSchedule>[1]) {
  const r = buildSchedule(when, schedule, Y2023);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.parts;
}

describe('occurrenceStatus: boundaries (window 1/10 – 31/10/2023, within 14)', () => {
  const oct = { start: '2023-10-01', due: '2023-10-31' };
  it.each<[string, string | undefined, OccurrenceStatus]>([
    ['2023-09-01', undefined, 'scheduled'],
    ['2023-09-30', undefined, 'scheduled'], // the day before the window
    ['2023-10-01', undefined, 'open'], // window start
    ['2023-10-16', undefined, 'open'], // due = D + 15
    ['2023-10-17', undefined, 'due-soon'], // due = D + within exactly
    ['2023-10-30', undefined, 'due-soon'],
    ['2023-10-31', undefined, 'due-soon'], // the due day
    ['2023-11-01', undefined, 'overdue'], // the day after
    ['2024-06-01', undefined, 'overdue'],
    ['2023-11-01', '2023-10-31', 'done'], // completed on the due day
    ['2023-10-31', '2023-10-31', 'done'],
    ['2023-10-20', '2023-10-05', 'done'],
    ['2023-11-01', '2023-11-01', 'late'], // completed the day after
    ['2023-12-31', '2023-11-15', 'late'],
    ['2023-11-01', '2023-11-02', 'overdue'], // a completion after D does not count as of D
    ['2023-10-15', '2023-10-20', 'open'],
    ['2023-10-20', '2023-10-21', 'due-soon'],
    ['2023-09-15', '2023-09-10', 'done'], // done before the window opened still counts
  ])('as of %s, completed %s → %s', (asOf, completion, status) => {
    expect(occurrenceStatus(oct, asOf, 14, completion)).toBe(status);
  });

  it('is due-soon before the window starts when the due day is near', () => {
    expect(occurrenceStatus({ start: '2023-10-01', due: '2023-10-10' }, '2023-09-28', 14, undefined)).toBe('due-soon');
  });

  it.each<[number, string, OccurrenceStatus]>([
    [0, '2023-10-31', 'due-soon'],
    [0, '2023-10-30', 'open'],
    [1, '2023-10-30', 'due-soon'],
    [30, '2023-10-01', 'due-soon'],
    [30, '2023-09-30', 'scheduled'],
    [31, '2023-09-30', 'due-soon'],
  ])('within %i days, as of %s → %s', (within, asOf, status) => {
    expect(occurrenceStatus(oct, asOf, within, undefined)).toBe(status);
  });

  it('an open-ended event occurrence is open from its trigger until done', () => {
    const ev = { start: '2023-04-03', due: null };
    expect(occurrenceStatus(ev, '2023-04-02', 14, undefined)).toBe('scheduled');
    expect(occurrenceStatus(ev, '2023-04-03', 14, undefined)).toBe('open');
    expect(occurrenceStatus(ev, '2024-12-31', 14, undefined)).toBe('open');
    expect(occurrenceStatus(ev, '2023-05-01', 14, '2023-04-20')).toBe('done');
    expect(occurrenceStatus(ev, '2023-04-19', 14, '2023-04-20')).toBe('open');
  });
});

describe('occurrenceStatus on real schedules', () => {
  const statusOf = (when: string, asOf: string, completion?: string, period = Y2023) => {
    const [o] = occurrences(buildSchedule(when, undefined, period).parts, period, { triggers: [] });
    if (!o) throw new Error('no occurrence');
    return occurrenceStatus(o, asOf, 14, completion);
  };

  it.each<[string, string, string | undefined, OccurrenceStatus]>([
    // "Trước ngày 10/3/2023": the last on-time day is 9/3.
    ['Trước ngày 10/3/2023', '2023-02-22', undefined, 'open'],
    ['Trước ngày 10/3/2023', '2023-02-23', undefined, 'due-soon'], // 9/3 = D + 14
    ['Trước ngày 10/3/2023', '2023-03-09', undefined, 'due-soon'],
    ['Trước ngày 10/3/2023', '2023-03-10', undefined, 'overdue'],
    ['Trước ngày 10/3/2023', '2023-03-10', '2023-03-09', 'done'],
    ['Trước ngày 10/3/2023', '2023-03-10', '2023-03-10', 'late'],
    ['Trước ngày 10/3/2023', '2023-01-01', undefined, 'open'],
    // "Chậm nhất ngày 15/12/2023": inclusive.
    ['Chậm nhất ngày 15/12/2023', '2023-12-15', undefined, 'due-soon'],
    ['Chậm nhất ngày 15/12/2023', '2023-12-16', undefined, 'overdue'],
    ['Chậm nhất ngày 15/12/2023', '2023-12-16', '2023-12-15', 'done'],
    // Quarter edges.
    ['Quý I/2023', '2023-03-31', undefined, 'due-soon'],
    ['Quý I/2023', '2023-04-01', undefined, 'overdue'],
    ['Quý II/2023', '2023-03-31', undefined, 'scheduled'],
    ['Quý II/2023', '2023-04-01', undefined, 'open'],
    ['Quý II/2023', '2023-06-16', undefined, 'due-soon'],
    ['Quý II/2023', '2023-06-15', undefined, 'open'],
    // 31 December and the turn of the year.
    ['Năm 2023', '2023-12-16', undefined, 'open'],
    ['Năm 2023', '2023-12-17', undefined, 'due-soon'],
    ['Năm 2023', '2023-12-31', undefined, 'due-soon'],
    ['Năm 2023', '2024-01-01', undefined, 'overdue'],
    ['Năm 2023', '2024-01-01', '2023-12-31', 'done'],
    ['Năm 2023', '2024-01-02', '2024-01-01', 'late'],
    ['Năm 2023', '2022-12-31', undefined, 'scheduled'],
  ])('%j as of %s, completed %s → %s', (when, asOf, completion, status) => {
    expect(statusOf(when, asOf, completion)).toBe(status);
  });

  it('29 February 2024 is a due day like any other', () => {
    const Y2024 = { start: '2024-01-01', end: '2024-12-31' };
    expect(statusOf('Tháng 2/2024', '2024-02-29', undefined, Y2024)).toBe('due-soon');
    expect(statusOf('Tháng 2/2024', '2024-03-01', undefined, Y2024)).toBe('overdue');
    expect(statusOf('Tháng 2/2024', '2024-03-01', '2024-02-29', Y2024)).toBe('done');
    expect(statusOf('Tháng 2/2024', '2024-02-15', undefined, Y2024)).toBe('due-soon');
    expect(statusOf('Tháng 2/2024', '2024-02-14', undefined, Y2024)).toBe('open');
  });
});

describe('taskStatus (tasks without occurrences)', () => {
  it.each<[string, string[], string[], string, string]>([
    ['Thường xuyên', [], [], '2023-05-01', 'ongoing'],
    ['Thường xuyên', [], ['2023-04-01'], '2023-05-01', 'ongoing'],
    ['Sau khi có văn bản của UBND tỉnh', [], [], '2023-05-01', 'waiting'],
    ['Sau khi có văn bản của UBND tỉnh', ['2023-04-03'], [], '2023-04-02', 'waiting'],
    ['Sau khi có văn bản của UBND tỉnh', ['2023-04-03'], [], '2023-04-03', 'open'],
    ['Sau khi có văn bản của UBND tỉnh', ['2023-04-03'], ['2023-04-20'], '2023-04-19', 'open'],
    ['Sau khi có văn bản của UBND tỉnh', ['2023-04-03'], ['2023-04-20'], '2023-04-20', 'done'],
    ['Sau khi có văn bản của UBND tỉnh', [], ['2023-04-20'], '2023-05-01', 'done'],
    ['Sau khi có văn bản của UBND tỉnh', ['2023-04-03', '2023-09-01'], ['2023-04-20'], '2023-09-02', 'open'],
    ['Đột xuất khi có yêu cầu', [], [], '2023-05-01', 'waiting'],
  ])('%j, triggers %j, completions %j, as of %s → %s', (when, triggers, completions, asOf, status) => {
    expect(taskStatus({ parts: partsOf(when), asOf, triggers, completions })).toBe(status);
  });

  it('a task without a readable schedule is unknown', () => {
    expect(taskStatus({ parts: [], asOf: '2023-05-01' })).toBe('unknown');
  });
});

describe('matchRecords', () => {
  const quarterly = occurrences(partsOf('Hàng quý'), Y2023, { triggers: [] });
  const single = occurrences(partsOf('Năm 2023'), Y2023, { triggers: [] });

  it('a done with a period completes that occurrence', () => {
    const m = matchRecords(quarterly, [{ done: '2023-07-05', period: '2023-Q2' }]);
    expect([...m.completions]).toEqual([['2023-Q2', '2023-07-05']]);
    expect(m.unmatched).toEqual([]);
  });

  it('a done without a period completes the single occurrence', () => {
    const m = matchRecords(single, [{ done: '2023-11-20' }]);
    expect([...m.completions]).toEqual([[null, '2023-11-20']]);
  });

  it('a done without a period completes the only occurrence whose window has opened', () => {
    const m = matchRecords(quarterly, [{ done: '2023-02-10' }]);
    expect([...m.completions]).toEqual([['2023-Q1', '2023-02-10']]);
  });

  it('a done without a period completes the only occurrence not yet done', () => {
    const recs: RecordFile[] = [
      { done: '2023-03-20', period: '2023-Q1' },
      { done: '2023-06-20', period: '2023-Q2' },
      { done: '2023-09-20', period: '2023-Q3' },
      { done: '2023-09-25' },
    ];
    expect(matchRecords(quarterly, recs).completions.get('2023-Q4')).toBe('2023-09-25');
  });

  it('reports ambiguous, unknown and duplicate completions', () => {
    const recs: RecordFile[] = [
      { done: '2023-05-01' },
      { done: '2023-05-01', period: '2023-Q5' },
      { done: '2023-03-20', period: '2023-Q1' },
      { done: '2023-03-25', period: '2023-Q1' },
      { trigger: '2023-03-01' },
    ];
    const m = matchRecords(quarterly, recs);
    expect(m.unmatched.map((u) => [u.index, u.reason])).toEqual([
      [0, 'ambiguous'],
      [1, 'unknown-period'],
      [3, 'duplicate'],
    ]);
    expect(m.completions.get('2023-Q1')).toBe('2023-03-20');
  });

  it('completions of a continuous task are its activities', () => {
    const m = matchRecords([], [{ done: '2023-02-01' }, { done: '2023-05-01', period: '2023-Q2' }], { continuous: true });
    expect(m.activities).toEqual(['2023-02-01', '2023-05-01']);
    expect(m.unmatched).toEqual([]);
  });
});

describe('evaluateTask', () => {
  const base = { period: Y2023, within: 14 };

  it('an event task waits, opens on its trigger, and is done after', () => {
    const parts = partsOf('Triển khai thực hiện sau khi có Văn bản của UBND tỉnh');
    const records: RecordFile[] = [{ trigger: '2023-04-03', ref: '123/UBND-VP' }, { done: '2023-05-10' }];
    const at = (asOf: string) => evaluateTask({ ...base, parts, records, asOf });

    expect(at('2023-04-02')).toMatchObject({ occurrences: [], status: 'waiting', triggers: [] });
    expect(at('2023-04-03')).toMatchObject({
      occurrences: [{ period: '2023-04-03', start: '2023-04-03', due: null, kind: 'event', status: 'open', completion: null }],
      status: null,
      triggers: ['2023-04-03'],
    });
    expect(at('2023-05-09').occurrences[0]?.status).toBe('open');
    expect(at('2023-05-10').occurrences[0]).toMatchObject({ status: 'done', completion: '2023-05-10' });
    expect(at('2023-05-10').unmatched).toEqual([]);
    expect(evaluateTask({ ...base, parts, records: [], asOf: '2023-12-31' }).status).toBe('waiting');
  });

  it('an event with `after` becomes overdue', () => {
    const parts = partsOf('Theo văn bản triển khai của UBND tỉnh', { after: 30 });
    const records: RecordFile[] = [{ trigger: '2023-04-03' }];
    expect(evaluateTask({ ...base, parts, records, asOf: '2023-04-18' }).occurrences[0]?.status).toBe('open');
    expect(evaluateTask({ ...base, parts, records, asOf: '2023-04-18' }).occurrences[0]?.due).toBe('2023-05-03');
    expect(evaluateTask({ ...base, parts, records, asOf: '2023-04-19' }).occurrences[0]?.status).toBe('due-soon');
    expect(evaluateTask({ ...base, parts, records, asOf: '2023-05-03' }).occurrences[0]?.status).toBe('due-soon');
    expect(evaluateTask({ ...base, parts, records, asOf: '2023-05-04' }).occurrences[0]?.status).toBe('overdue');
  });

  it('a task that follows another opens when that task is done (passed in as a trigger)', () => {
    const parts = partsOf('Sau khi kết thúc kiểm tra tại cơ quan, đơn vị', { follows: 'V.1' });
    expect(evaluateTask({ ...base, parts, asOf: '2023-11-01' }).status).toBe('waiting');
    const after = evaluateTask({ ...base, parts, asOf: '2023-11-01', extraTriggers: ['2023-10-25'] });
    expect(after.occurrences).toMatchObject([{ period: '2023-10-25', status: 'open' }]);
    expect(evaluateTask({ ...base, parts, asOf: '2023-10-24', extraTriggers: ['2023-10-25'] }).status).toBe('waiting');
  });

  it('a done record on an untriggered event task makes it done', () => {
    const parts = partsOf('Khi có phản ánh, kiến nghị của cá nhân, tổ chức và doanh nghiệp trong giải quyết TTHC');
    const r = evaluateTask({ ...base, parts, records: [{ done: '2023-06-01' }], asOf: '2023-07-01' });
    expect(r.status).toBe('done');
    expect(r.unmatched.map((u) => u.reason)).toEqual(['no-occurrence']);
  });

  it('the report task (quarterly and yearly) as of 10/4/2023', () => {
    const parts = partsOf('Hàng quý, năm và đột xuất khi có yêu cầu');
    const r = evaluateTask({ ...base, parts, records: [{ done: '2023-03-20', period: '2023-Q1' }], asOf: '2023-04-10' });
    expect(r.occurrences.map((o) => [o.period, o.status])).toEqual([
      ['2023-Q1', 'done'],
      ['2023-Q2', 'open'],
      ['2023-Q3', 'scheduled'],
      ['2023-Q4', 'scheduled'],
      ['2023', 'open'],
    ]);
    expect(r.status).toBeNull();
  });

  it('a completion after the day asked about is not shown', () => {
    const parts = partsOf('Trước ngày 10/3/2023');
    const r = evaluateTask({ ...base, parts, records: [{ done: '2023-03-08' }], asOf: '2023-03-01' });
    expect(r.occurrences).toMatchObject([{ period: null, status: 'due-soon', completion: null }]);
    const later = evaluateTask({ ...base, parts, records: [{ done: '2023-03-08' }], asOf: '2023-03-08' });
    expect(later.occurrences).toMatchObject([{ status: 'done', completion: '2023-03-08' }]);
  });

  it('a continuous task is ongoing and lists its activities up to the day', () => {
    const parts = partsOf('Thường xuyên');
    const r = evaluateTask({
      ...base,
      parts,
      records: [{ done: '2023-05-01' }, { done: '2023-02-01' }, { done: '2023-09-01' }],
      asOf: '2023-06-30',
    });
    expect(r).toMatchObject({ occurrences: [], status: 'ongoing', continuous: true, activities: ['2023-02-01', '2023-05-01'] });
  });

  it('monthly with day 31 as of the end of February', () => {
    const parts = partsOf('Hàng tháng', { day: 31 });
    const r = evaluateTask({ ...base, parts, asOf: '2023-02-28' });
    expect(r.occurrences.slice(0, 4).map((o) => [o.period, o.due, o.status])).toEqual([
      ['2023-01', '2023-01-31', 'overdue'],
      ['2023-02', '2023-02-28', 'due-soon'],
      ['2023-03', '2023-03-31', 'scheduled'],
      ['2023-04', '2023-04-30', 'scheduled'],
    ]);
  });
});

describe('summariseStatuses', () => {
  it.each<[OccurrenceStatus[], string]>([
    [[], 'none'],
    [['done', 'late'], 'late'],
    [['done', 'scheduled', 'overdue'], 'overdue'],
    [['open', 'due-soon'], 'due-soon'],
    [['scheduled', 'open'], 'open'],
    [['done'], 'done'],
  ])('%j → %s', (statuses, out) => {
    expect(summariseStatuses(statuses)).toBe(out);
  });
});

describe('reporting periods (Nghị định 09/2019/NĐ-CP)', () => {
  it.each([
    [2023, 1, '2022-12-15', '2023-03-14'],
    [2023, 2, '2023-03-15', '2023-06-14'],
    [2023, 3, '2023-06-15', '2023-09-14'],
    [2023, 4, '2023-09-15', '2023-12-14'],
    [2024, 1, '2023-12-15', '2024-03-14'],
  ] as const)('Q%2$i %1$i runs %3$s – %4$s', (year, q, start, end) => {
    expect(reportingQuarterRange(year, q)).toEqual({ start, end });
  });

  it.each([
    ['2022-12-14', 2022, 4],
    ['2022-12-15', 2023, 1],
    ['2023-01-01', 2023, 1],
    ['2023-03-14', 2023, 1],
    ['2023-03-15', 2023, 2],
    ['2023-03-31', 2023, 2],
    ['2023-06-14', 2023, 2],
    ['2023-06-15', 2023, 3],
    ['2023-09-14', 2023, 3],
    ['2023-09-15', 2023, 4],
    ['2023-12-14', 2023, 4],
    ['2023-12-15', 2024, 1],
    ['2023-12-31', 2024, 1],
  ])('reportingQuarter(%s) = %i Q%i', (day, year, quarter) => {
    expect(reportingQuarter(day)).toEqual({ year, quarter });
  });

  it('every day of a reporting year falls in the quarter whose range holds it', () => {
    const wrong: string[] = [];
    for (let d = '2022-12-15'; d <= '2024-12-14'; d = addDays(d, 1)) {
      const { year, quarter } = reportingQuarter(d);
      const r = reportingQuarterRange(year, quarter);
      if (!(r.start <= d && d <= r.end)) wrong.push(d);
    }
    expect(wrong).toEqual([]);
  });

  it('months, halves and years', () => {
    expect(reportingMonthRange(2023, 1)).toEqual({ start: '2022-12-15', end: '2023-01-14' });
    expect(reportingMonthRange(2024, 3)).toEqual({ start: '2024-02-15', end: '2024-03-14' });
    expect(reportingMonth('2023-01-15')).toEqual({ year: 2023, month: 2 });
    expect(reportingMonth('2023-12-15')).toEqual({ year: 2024, month: 1 });
    expect(reportingHalfRange(2023, 1)).toEqual({ start: '2022-12-15', end: '2023-06-14' });
    expect(reportingHalfRange(2023, 2)).toEqual({ start: '2023-06-15', end: '2023-12-14' });
    expect(reportingYearRange(2023)).toEqual({ start: '2022-12-15', end: '2023-12-14' });
  });

  it('calendar quarters for the status table', () => {
    expect(calendarQuarterRange(2024, 1)).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(quarterRanges(2023, 'calendar').map((r) => `${r.start}..${r.end}`)).toEqual([
      '2023-01-01..2023-03-31',
      '2023-04-01..2023-06-30',
      '2023-07-01..2023-09-30',
      '2023-10-01..2023-12-31',
    ]);
    expect(quarterRanges(2023, 'reporting')[0]).toEqual({ start: '2022-12-15', end: '2023-03-14' });
  });
});
