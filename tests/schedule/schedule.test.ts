// Tests for reading a task's schedule (phrase + explicit schedule) and generating its occurrences.
import { describe, expect, it } from 'vitest';
import type { ScheduleFile } from '../../src/model/schema.js';
import type { DayRange } from '../../src/schedule/day.js';
import { type Occurrence, buildSchedule, occurrences } from '../../src/schedule/schedule.js';
import { sayFinding } from '../../src/messages/findings-say.js';

const Y2023: DayRange = { start: '2023-01-01', end: '2023-12-31' };
const Y2024: DayRange = { start: '2024-01-01', end: '2024-12-31' };

function occ(when: string, schedule?: ScheduleFile, period: DayRange = Y2023, triggers: string[] = []): Occurrence[] {
  const { parts, problems } = buildSchedule(when, schedule, period);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`${when}: ${errors.map((e) => sayFinding('en', e.message)).join('; ')}`);
  return occurrences(parts, period, { triggers });
}

/** Shorthand rows: [period, start, due, kind]. */
function rows(list: Occurrence[]): Array<[string | null, string, string | null, string]> {
  return list.map((o) => [o.period, o.start, o.due, o.kind]);
}

const months2023 = [
  ['2023-01', '2023-01-01', '2023-01-31'],
  ['2023-02', '2023-02-01', '2023-02-28'],
  ['2023-03', '2023-03-01', '2023-03-31'],
  ['2023-04', '2023-04-01', '2023-04-30'],
  ['2023-05', '2023-05-01', '2023-05-31'],
  ['2023-06', '2023-06-01', '2023-06-30'],
  ['2023-07', '2023-07-01', '2023-07-31'],
  ['2023-08', '2023-08-01', '2023-08-31'],
  ['2023-09', '2023-09-01', '2023-09-30'],
  ['2023-10', '2023-10-01', '2023-10-31'],
  ['2023-11', '2023-11-01', '2023-11-30'],
  ['2023-12', '2023-12-01', '2023-12-31'],
].map(([p, s, d]) => [p, s, d, 'monthly']);

const quarters2023 = [
  ['2023-Q1', '2023-01-01', '2023-03-31', 'quarterly'],
  ['2023-Q2', '2023-04-01', '2023-06-30', 'quarterly'],
  ['2023-Q3', '2023-07-01', '2023-09-30', 'quarterly'],
  ['2023-Q4', '2023-10-01', '2023-12-31', 'quarterly'],
];

describe('occurrences of each form (plan year 2023)', () => {
  it.each<[string, unknown[]]>([
    ['Trước ngày 10/3/2023', [[null, '2023-01-01', '2023-03-09', 'deadline']]],
    ['Trước ngày 1/1/2024', [[null, '2023-01-01', '2023-12-31', 'deadline']]],
    ['Chậm nhất ngày 15/12/2023', [[null, '2023-01-01', '2023-12-15', 'deadline']]],
    ['Chậm nhất vào ngày 15 tháng 12 năm 2023', [[null, '2023-01-01', '2023-12-15', 'deadline']]],
    ['Đến ngày 31/12/2023', [[null, '2023-01-01', '2023-12-31', 'deadline']]],
    ['Trong ngày 1/1/2023', [[null, '2023-01-01', '2023-01-01', 'deadline']]],
    ['Tháng 7/2023', [[null, '2023-07-01', '2023-07-31', 'month']]],
    ['Trong tháng 10/2023', [[null, '2023-10-01', '2023-10-31', 'month']]],
    ['Tháng 2/2023', [[null, '2023-02-01', '2023-02-28', 'month']]],
    ['Tháng 7', [[null, '2023-07-01', '2023-07-31', 'month']]],
    ['Quý I/2023', [[null, '2023-01-01', '2023-03-31', 'quarter']]],
    ['Quý 2 năm 2023', [[null, '2023-04-01', '2023-06-30', 'quarter']]],
    ['Trong quý III/2023', [[null, '2023-07-01', '2023-09-30', 'quarter']]],
    ['Quý IV/2023', [[null, '2023-10-01', '2023-12-31', 'quarter']]],
    ['6 tháng đầu năm 2023', [[null, '2023-01-01', '2023-06-30', 'half-year']]],
    ['6 tháng cuối năm 2023', [[null, '2023-07-01', '2023-12-31', 'half-year']]],
    ['Năm 2023', [[null, '2023-01-01', '2023-12-31', 'year']]],
    ['Trong năm 2023', [[null, '2023-01-01', '2023-12-31', 'year']]],
    ['Cả năm', [[null, '2023-01-01', '2023-12-31', 'year']]],
    ['Cuối năm 2023', [[null, '2023-01-01', '2023-12-31', 'year']]],
    ['Hàng tháng', months2023],
    ['Hằng quý', quarters2023],
    ['Định kỳ hàng quý', quarters2023],
    [
      'Định kỳ 6 tháng',
      [
        ['2023-H1', '2023-01-01', '2023-06-30', 'half-yearly'],
        ['2023-H2', '2023-07-01', '2023-12-31', 'half-yearly'],
      ],
    ],
    ['Hằng năm', [['2023', '2023-01-01', '2023-12-31', 'yearly']]],
    ['Thường xuyên', []],
    ['Đột xuất', []],
    ['Sau khi có văn bản của UBND tỉnh', []],
  ])('%j', (when, expected) => {
    expect(rows(occ(when))).toEqual(expected);
  });
});

describe('compound phrases', () => {
  it('Hàng quý, năm và đột xuất khi có yêu cầu: four quarters, the year, nothing for the ad-hoc part', () => {
    expect(rows(occ('Hàng quý, năm và đột xuất khi có yêu cầu'))).toEqual([
      ...quarters2023,
      ['2023', '2023-01-01', '2023-12-31', 'yearly'],
    ]);
  });

  it('labels single parts by their period when the task has several occurrences', () => {
    expect(rows(occ('Tháng 6/2023 và tháng 12/2023'))).toEqual([
      ['2023-06', '2023-06-01', '2023-06-30', 'month'],
      ['2023-12', '2023-12-01', '2023-12-31', 'month'],
    ]);
    expect(rows(occ('Quý II và quý IV/2023'))).toEqual([
      ['2023-Q2', '2023-04-01', '2023-06-30', 'quarter'],
      ['2023-Q4', '2023-10-01', '2023-12-31', 'quarter'],
    ]);
    expect(rows(occ('Trước ngày 10/3/2023 và hàng năm'))).toEqual([
      ['2023-03-09', '2023-01-01', '2023-03-09', 'deadline'],
      ['2023', '2023-01-01', '2023-12-31', 'yearly'],
    ]);
  });

  it('keeps labels unique when two parts name the same period', () => {
    expect(rows(occ('Hàng quý và quý II/2023')).map((r) => r[0])).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4']);
  });

  it('a single dated part keeps the null label beside continuous and ad-hoc parts', () => {
    expect(rows(occ('Thường xuyên và trước ngày 10/3/2023'))).toEqual([[null, '2023-01-01', '2023-03-09', 'deadline']]);
    expect(rows(occ('Năm 2023 và đột xuất'))).toEqual([[null, '2023-01-01', '2023-12-31', 'year']]);
  });
});

describe('events', () => {
  it('has no occurrence until triggered, one per distinct trigger after', () => {
    const when = 'Triển khai thực hiện sau khi có Văn bản của UBND tỉnh';
    expect(occ(when, undefined, Y2023, [])).toEqual([]);
    expect(rows(occ(when, undefined, Y2023, ['2023-04-03']))).toEqual([['2023-04-03', '2023-04-03', null, 'event']]);
    expect(rows(occ(when, undefined, Y2023, ['2023-09-01', '2023-04-03', '2023-04-03']))).toEqual([
      ['2023-04-03', '2023-04-03', null, 'event'],
      ['2023-09-01', '2023-09-01', null, 'event'],
    ]);
  });

  it('is due `after` days after the trigger where the plan sets it', () => {
    expect(rows(occ('Theo văn bản của UBND tỉnh', { after: 30 }, Y2023, ['2023-12-15']))).toEqual([
      ['2023-12-15', '2023-12-15', '2024-01-14', 'event'],
    ]);
    expect(rows(occ('Theo văn bản của UBND tỉnh', { after: 0 }, Y2023, ['2023-04-03']))).toEqual([
      ['2023-04-03', '2023-04-03', '2023-04-03', 'event'],
    ]);
  });

  it('ignores triggers that are not valid days', () => {
    expect(occ('Khi có yêu cầu', undefined, Y2023, ['2023-02-30', 'soon'])).toEqual([]);
  });
});

describe('set due days (`day: N`) and month lengths', () => {
  it('monthly day 31 clamps to each month end; February 2023 has 28 days', () => {
    const dues = occ('Hàng tháng', { day: 31 }).map((o) => o.due);
    expect(dues).toEqual(months2023.map((m) => m[2]));
  });

  it('monthly day 31 in 2024 gives 29 February', () => {
    const feb = occ('Hàng tháng', { day: 31 }, Y2024).find((o) => o.period === '2024-02');
    expect(feb).toEqual({ period: '2024-02', start: '2024-02-01', due: '2024-02-29', kind: 'monthly' });
  });

  it('monthly day 29 and 30 in February', () => {
    expect(occ('Hàng tháng', { day: 29 }).find((o) => o.period === '2023-02')?.due).toBe('2023-02-28');
    expect(occ('Hàng tháng', { day: 29 }, Y2024).find((o) => o.period === '2024-02')?.due).toBe('2024-02-29');
    expect(occ('Hàng tháng', { day: 30 }, Y2024).find((o) => o.period === '2024-02')?.due).toBe('2024-02-29');
  });

  it('quarterly day N falls in the last month of each quarter', () => {
    expect(rows(occ('Hàng quý', { day: 15 }))).toEqual([
      ['2023-Q1', '2023-01-01', '2023-03-15', 'quarterly'],
      ['2023-Q2', '2023-04-01', '2023-06-15', 'quarterly'],
      ['2023-Q3', '2023-07-01', '2023-09-15', 'quarterly'],
      ['2023-Q4', '2023-10-01', '2023-12-15', 'quarterly'],
    ]);
    expect(occ('Hàng quý', { day: 31 }).map((o) => o.due)).toEqual(['2023-03-31', '2023-06-30', '2023-09-30', '2023-12-31']);
  });

  it('half-yearly and yearly take the day in June/December', () => {
    expect(occ('6 tháng', { day: 31 }).map((o) => o.due)).toEqual(['2023-06-30', '2023-12-31']);
    expect(occ('Hàng năm', { day: 20 }).map((o) => o.due)).toEqual(['2023-12-20']);
  });

  it('a compound recurring phrase applies the day to each recurring part', () => {
    expect(occ('Hàng quý, năm và đột xuất khi có yêu cầu', { day: 10 }).map((o) => [o.period, o.due])).toEqual([
      ['2023-Q1', '2023-03-10'],
      ['2023-Q2', '2023-06-10'],
      ['2023-Q3', '2023-09-10'],
      ['2023-Q4', '2023-12-10'],
      ['2023', '2023-12-10'],
    ]);
  });
});

describe('plan periods other than the calendar year', () => {
  const fiscal: DayRange = { start: '2023-07-01', end: '2024-06-30' };

  it('generates recurring occurrences due inside the period only', () => {
    const labels = occ('Hàng tháng', undefined, fiscal).map((o) => o.period);
    expect(labels).toEqual([
      '2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12',
      '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06',
    ]);
    expect(occ('Hàng quý', undefined, fiscal).map((o) => o.period)).toEqual(['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
    expect(occ('Hàng năm', undefined, fiscal).map((o) => o.period)).toEqual(['2023']);
  });

  it('places a month without a year in the period, and "Cả năm" spans the period', () => {
    expect(rows(occ('Tháng 3', undefined, fiscal))).toEqual([[null, '2024-03-01', '2024-03-31', 'month']]);
    expect(rows(occ('Cả năm', undefined, fiscal))).toEqual([[null, '2023-07-01', '2024-06-30', 'year']]);
  });

  it('an exclusive deadline opens at the plan start', () => {
    expect(rows(occ('Trước ngày 10/3/2024', undefined, fiscal))).toEqual([[null, '2023-07-01', '2024-03-09', 'deadline']]);
  });
});

describe('buildSchedule: the 2023 plan', () => {
  it.each([
    ['Triển khai thực hiện sau khi có Văn bản của UBND tỉnh', undefined, ['event']],
    ['Trước ngày 10/3/2023', undefined, ['deadline']],
    ['Thường xuyên', undefined, ['continuous']],
    ['Theo văn bản triển khai của UBND tỉnh', undefined, ['event']],
    [
      'Theo Quyết định số 1085/QĐ-TTg ngày 15/9/2022 của Thủ tướng Chính phủ; Kế hoạch số 175/KH-UBND ngày 14/12/2022 của UBND huyện',
      undefined,
      ['event'],
    ],
    ['Trong tháng 10/2023', undefined, ['month']],
    ['Sau khi kết thúc kiểm tra tại cơ quan, đơn vị', { follows: 'V.1' }, ['event']],
    ['Khi có phản ánh, kiến nghị của cá nhân, tổ chức và doanh nghiệp trong giải quyết TTHC', undefined, ['event']],
    ['Triển khai thực hiện theo Văn bản của UBND tỉnh', undefined, ['event']],
    ['Hàng quý, năm và đột xuất khi có yêu cầu', undefined, ['quarterly', 'yearly', 'adhoc']],
    ['Năm 2023', undefined, ['year']],
    ['Tháng 7/2023', undefined, ['month']],
    ['Hàng tháng', undefined, ['monthly']],
  ] as Array<[string, ScheduleFile | undefined, string[]]>)('%j reads without problems', (when, schedule, kinds) => {
    const r = buildSchedule(when, schedule, Y2023);
    expect(r.problems).toEqual([]);
    expect(r.parts.map((p) => p.kind)).toEqual(kinds);
  });

  it('V.2 follows V.1', () => {
    const r = buildSchedule('Sau khi kết thúc kiểm tra tại cơ quan, đơn vị', { follows: 'V.1' }, Y2023);
    expect(r.parts).toMatchObject([{ kind: 'event', followsTask: true, follows: 'V.1', after: null }]);
  });
});

describe('buildSchedule: problems', () => {
  it('a phrase that fits no form is WHEN_UNKNOWN, listing the forms', () => {
    const r = buildSchedule('Sớm nhất có thể', undefined, Y2023);
    expect(r.parts).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'WHEN_UNKNOWN', severity: 'error', field: 'when' });
    expect(r.problems[0]?.forms?.length).toBeGreaterThan(10);
    expect(sayFinding('en', r.problems[0]!.message)).toContain('Known forms');
  });

  it('an impossible date is WHEN_UNKNOWN saying the date does not exist', () => {
    const r = buildSchedule('Trước ngày 30/2/2023', undefined, Y2023);
    expect(r.problems).toMatchObject([{ code: 'WHEN_UNKNOWN', severity: 'error' }]);
    expect(sayFinding('en', r.problems[0]!.message)).toMatch(/30\/2\/2023.*does not exist|does not exist.*30\/2\/2023/);
  });

  it('an explicit kind stands in for a phrase that fits no form, without a warning', () => {
    const r = buildSchedule('Theo quy định', { kind: 'quarterly', day: 20 }, Y2023);
    expect(r.problems).toEqual([]);
    expect(r.parts).toMatchObject([{ kind: 'quarterly', day: 20 }]);
  });

  it('an impossible date beside an explicit kind is a warning, and the kind is used', () => {
    const r = buildSchedule('Trước ngày 30/2/2023', { kind: 'deadline', due: '2023-02-28' }, Y2023);
    expect(r.problems).toMatchObject([{ code: 'WHEN_UNKNOWN', severity: 'warning', field: 'when' }]);
    expect(occurrences(r.parts, Y2023, { triggers: [] })).toEqual([
      { period: null, start: '2023-01-01', due: '2023-02-28', kind: 'deadline' },
    ]);
  });

  it.each([
    ['Tháng 7/2022', '31/7/2022'],
    ['Trước ngày 10/3/2024', '9/3/2024'],
    ['Trước ngày 1/1/2023', '31/12/2022'],
    ['Quý IV/2024', '31/12/2024'],
    ['Năm 2022', '31/12/2022'],
    ['Hàng quý và tháng 1/2024', '31/1/2024'],
  ])('%j outside the plan year is WHEN_OUTSIDE_PERIOD', (when, shown) => {
    const r = buildSchedule(when, undefined, Y2023);
    expect(r.problems).toMatchObject([{ code: 'WHEN_OUTSIDE_PERIOD', severity: 'warning', field: 'when' }]);
    expect(sayFinding('en', r.problems[0]!.message)).toContain(shown);
  });

  it.each(['Chậm nhất ngày 31/12/2023', 'Trước ngày 1/1/2024', 'Trong ngày 1/1/2023', 'Quý IV/2023'])(
    '%j on the edge of the plan year is inside it',
    (when) => {
      expect(buildSchedule(when, undefined, Y2023).problems).toEqual([]);
    },
  );

  describe('explicit kind', () => {
    it.each<[string, ScheduleFile, boolean]>([
      ['Hàng quý, năm và đột xuất khi có yêu cầu', { kind: 'quarterly' }, true],
      ['Hàng quý và đột xuất', { kind: 'quarterly' }, false],
      ['Thường xuyên', { kind: 'event' }, true],
      ['Thường xuyên', { kind: 'continuous' }, false],
      ['Trước ngày 10/3/2023', { kind: 'deadline', due: '2023-03-09' }, false],
      ['Trước ngày 10/3/2023', { kind: 'deadline', due: '2023-03-10' }, true],
      ['Trước ngày 10/3/2023', { kind: 'month', due: '2023-03-31' }, true],
      ['Tháng 7/2023', { kind: 'month', due: '2023-07-20' }, false],
      ['Tháng 7/2023', { kind: 'month', due: '2023-08-05' }, true],
      ['Sau khi kết thúc kiểm tra tại cơ quan, đơn vị', { kind: 'event', follows: 'V.1' }, false],
    ])('%j with %j: mismatch warning %s', (when, schedule, warns) => {
      const r = buildSchedule(when, schedule, Y2023);
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(r.problems.some((p) => p.code === 'SCHEDULE_MISMATCH' && p.severity === 'warning')).toBe(warns);
      expect(r.parts.map((p) => p.kind)).toEqual([schedule.kind]);
    });

    it('replaces the compound phrase by the kind', () => {
      expect(occ('Hàng quý, năm và đột xuất khi có yêu cầu', { kind: 'quarterly' }).map((o) => o.period)).toEqual([
        '2023-Q1',
        '2023-Q2',
        '2023-Q3',
        '2023-Q4',
      ]);
    });

    it('builds dated kinds from `due`', () => {
      expect(rows(occ('Theo quy định', { kind: 'quarter', due: '2023-06-20' }))).toEqual([
        [null, '2023-04-01', '2023-06-20', 'quarter'],
      ]);
      expect(rows(occ('Theo quy định', { kind: 'half-year', due: '2023-12-15' }))).toEqual([
        [null, '2023-07-01', '2023-12-15', 'half-year'],
      ]);
      expect(rows(occ('Theo quy định', { kind: 'deadline', due: '2023-05-15', start: '2023-04-01' }))).toEqual([
        [null, '2023-04-01', '2023-05-15', 'deadline'],
      ]);
      expect(rows(occ('Theo quy định', { kind: 'deadline', due: '2023-05-15' }))).toEqual([
        [null, '2023-01-01', '2023-05-15', 'deadline'],
      ]);
      expect(rows(occ('Theo quy định', { kind: 'year' }))).toEqual([[null, '2023-01-01', '2023-12-31', 'year']]);
      expect(rows(occ('Theo quy định', { kind: 'month', due: '2024-02-29' }, Y2024))).toEqual([
        [null, '2024-02-01', '2024-02-29', 'month'],
      ]);
    });

    it('a dated kind that neither phrase nor `due` places is a SCHEDULE_FIELD error', () => {
      const r = buildSchedule('Theo quy định', { kind: 'month' }, Y2023);
      expect(r.problems).toMatchObject([{ code: 'SCHEDULE_FIELD', severity: 'error', field: 'schedule.due' }]);
    });
  });

  describe('explicit fields refine the phrase', () => {
    it('due narrows a month', () => {
      expect(rows(occ('Tháng 7/2023', { due: '2023-07-20' }))).toEqual([[null, '2023-07-01', '2023-07-20', 'month']]);
    });

    it('due outside the phrase period is applied with a mismatch warning', () => {
      const r = buildSchedule('Tháng 7/2023', { due: '2023-08-05' }, Y2023);
      expect(r.problems).toMatchObject([{ code: 'SCHEDULE_MISMATCH', severity: 'warning', field: 'schedule.due' }]);
      expect(occurrences(r.parts, Y2023, { triggers: [] })).toEqual([
        { period: null, start: '2023-07-01', due: '2023-08-05', kind: 'month' },
      ]);
    });

    it('start opens a deadline later than the plan start', () => {
      expect(rows(occ('Trước ngày 10/3/2023', { start: '2023-02-15' }))).toEqual([
        [null, '2023-02-15', '2023-03-09', 'deadline'],
      ]);
    });

    it('after and follows shape the event', () => {
      const r = buildSchedule('Sau khi kết thúc kiểm tra tại cơ quan, đơn vị', { follows: 'V.1', after: 15 }, Y2023);
      expect(r.problems).toEqual([]);
      expect(occurrences(r.parts, Y2023, { triggers: ['2023-10-31'] })).toEqual([
        { period: '2023-10-31', start: '2023-10-31', due: '2023-11-15', kind: 'event' },
      ]);
    });

    it.each<[string, ScheduleFile, string]>([
      ['Tháng 7/2023', { day: 15 }, 'schedule.day'],
      ['Hàng tháng', { due: '2023-07-20' }, 'schedule.due'],
      ['Hàng tháng', { after: 3 }, 'schedule.after'],
      ['Hàng quý', { follows: 'V.1' }, 'schedule.follows'],
      ['Tháng 7/2023', { start: '2023-06-01' }, 'schedule.start'],
      ['Thường xuyên', { day: 10 }, 'schedule.day'],
      ['Khi có yêu cầu', { due: '2023-05-01' }, 'schedule.due'],
      ['Tháng 6/2023 và tháng 12/2023', { due: '2023-06-20' }, 'schedule.due'],
      ['Trước ngày 10/3/2023', { start: '2023-04-01' }, 'schedule.start'],
      ['Theo quy định', { kind: 'continuous', day: 10 }, 'schedule.day'],
      ['Theo quy định', { kind: 'monthly', after: 10 }, 'schedule.after'],
      ['Theo quy định', { kind: 'event', due: '2023-05-01' }, 'schedule.due'],
    ])('%j with %j is a SCHEDULE_FIELD error', (when, schedule, field) => {
      const r = buildSchedule(when, schedule, Y2023);
      expect(r.problems).toContainEqual(expect.objectContaining({ code: 'SCHEDULE_FIELD', severity: 'error', field }));
    });
  });
});
