// Tests for the calendar-day arithmetic: it must not depend on the machine's time zone.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  diffDays,
  formatDayVi,
  fromDayNumber,
  isValidDay,
  lastDayOfMonth,
  parseDayInput,
  quarterOf,
  toDayNumber,
  todayInVietnam,
} from '../../src/schedule/day.js';

describe('isValidDay', () => {
  it.each([
    ['2023-03-10', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2023-04-31', false],
    ['2023-12-31', true],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-01-00', false],
    ['2023-3-10', false],
    ['10/3/2023', false],
    ['', false],
    [' 2023-03-10', false],
  ])('%s → %s', (s, ok) => {
    expect(isValidDay(s)).toBe(ok);
  });
  it('rejects non-strings', () => {
    expect(isValidDay(20230310)).toBe(false);
    expect(isValidDay(undefined)).toBe(false);
  });
});

describe('parseDayInput', () => {
  it.each([
    ['2023-03-10', '2023-03-10'],
    ['10/3/2023', '2023-03-10'],
    ['10/03/2023', '2023-03-10'],
    ['1/1/2024', '2024-01-01'],
    ['29/2/2024', '2024-02-29'],
    ['31/12/2023', '2023-12-31'],
    ['  10/3/2023 ', '2023-03-10'],
    ['30/2/2023', null],
    ['29/2/2023', null],
    ['31/4/2023', null],
    ['2023-02-30', null],
    ['3/10/23', null],
    ['10-3-2023', '2023-03-10'],
    ['10.3.2023', '2023-03-10'],
    ['2023-3-10', '2023-03-10'],
    ['ngày 10 tháng 3 năm 2023', '2023-03-10'],
    ['Ngày 05 tháng 02 năm 2024', '2024-02-05'],
    ['ngay 10 thang 3 nam 2023', '2023-03-10'],
    ['10 tháng 3 năm 2023', '2023-03-10'],
    ['ngày 30 tháng 2 năm 2023', null],
    ['10-3/2023', null],
    ['2023/03/10', null],
    ['today', null],
    ['', null],
    ['10/3/2023x', null],
    ['100/3/2023', null],
  ])('%j → %j', (s, day) => {
    expect(parseDayInput(s)).toBe(day);
  });
});

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2023-03-10', 19426],
    ['2024-02-29', 19782],
  ])('%s is day %i', (day, n) => {
    expect(toDayNumber(day)).toBe(n);
    expect(fromDayNumber(n)).toBe(day);
  });

  it('round-trips every day from 1899 to 2101 and agrees with Date.UTC', () => {
    const wrong: string[] = [];
    for (let n = toDayNumber('1899-01-01'); n <= toDayNumber('2101-12-31'); n++) {
      const day = fromDayNumber(n);
      if (toDayNumber(day) !== n || new Date(n * 86_400_000).toISOString().slice(0, 10) !== day) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['2023-12-31', 1, '2024-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2023-03-10', -1, '2023-03-09'],
    ['2023-01-01', -1, '2022-12-31'],
    ['2023-03-10', 14, '2023-03-24'],
    ['2023-03-10', 0, '2023-03-10'],
    ['2023-01-01', 365, '2024-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('addDays(%s, %i) = %s', (day, n, out) => {
    expect(addDays(day, n)).toBe(out);
  });

  it.each([
    ['2023-03-10', '2023-03-09', 1],
    ['2023-03-09', '2023-03-10', -1],
    ['2024-03-01', '2024-02-28', 2],
    ['2023-03-01', '2023-02-28', 1],
    ['2024-01-01', '2023-01-01', 365],
    ['2023-03-10', '2023-03-10', 0],
  ])('diffDays(%s, %s) = %i', (a, b, n) => {
    expect(diffDays(a, b)).toBe(n);
  });

  it('refuses malformed days rather than guessing', () => {
    expect(() => toDayNumber('2023-02-30')).toThrow(RangeError);
    expect(() => addDays('10/3/2023', 1)).toThrow(RangeError);
  });
});

describe('month and quarter helpers', () => {
  it.each([
    [2023, 1, 31],
    [2023, 2, 28],
    [2024, 2, 29],
    [2100, 2, 28],
    [2000, 2, 29],
    [2023, 4, 30],
    [2023, 6, 30],
    [2023, 9, 30],
    [2023, 11, 30],
    [2023, 12, 31],
  ])('lastDayOfMonth(%i, %i) = %i', (y, m, d) => {
    expect(lastDayOfMonth(y, m)).toBe(d);
  });

  it.each([
    ['2023-01-01', 1],
    ['2023-03-31', 1],
    ['2023-04-01', 2],
    ['2023-06-30', 2],
    ['2023-07-01', 3],
    ['2023-09-30', 3],
    ['2023-10-01', 4],
    ['2023-12-31', 4],
  ])('quarterOf(%s) = %i', (day, q) => {
    expect(quarterOf(day)).toBe(q);
  });

  it.each([
    ['2023-03-10', '10/3/2023'],
    ['2023-12-31', '31/12/2023'],
    ['2024-02-29', '29/2/2024'],
    ['2023-01-01', '1/1/2023'],
  ])('formatDayVi(%s) = %s', (day, out) => {
    expect(formatDayVi(day)).toBe(out);
  });
});

describe('todayInVietnam', () => {
  it.each([
    ['2023-03-09T16:59:59.999Z', '2023-03-09'],
    ['2023-03-09T16:59:59Z', '2023-03-09'],
    ['2023-03-09T17:00:00Z', '2023-03-10'],
    ['2023-03-10T00:00:00Z', '2023-03-10'],
    ['2023-03-10T16:59:59Z', '2023-03-10'],
    ['2023-12-31T16:59:59Z', '2023-12-31'],
    ['2023-12-31T17:00:00Z', '2024-01-01'],
    ['2024-02-28T17:00:00Z', '2024-02-29'],
    ['2024-02-29T17:00:00Z', '2024-03-01'],
    ['1969-12-31T17:00:00Z', '1970-01-01'],
    ['1969-12-31T16:59:59Z', '1969-12-31'],
    // The same instant written with an offset is the same Vietnamese day.
    ['2023-03-10T00:30:00+07:00', '2023-03-10'],
    ['2023-03-09T10:00:00-07:00', '2023-03-10'],
  ])('%s → %s', (iso, day) => {
    expect(todayInVietnam(new Date(iso))).toBe(day);
  });

  it('refuses an invalid Date', () => {
    expect(() => todayInVietnam(new Date('nonsense'))).toThrow(RangeError);
  });
});
