// Calendar periods and the reporting periods of Nghị định 09/2019/NĐ-CP, for counting records by quarter.
//
// Periodic reports count data over periods that end on the 14th (Điều 12): a quarter runs from the
// 15th of the month before it to the 14th of its last month, so Q1 2023 is 15/12/2022 – 14/3/2023.

import { type Day, type DayRange, type Half, type Quarter, dayParts, makeDay, quarterOfMonth, quarterRange } from './day.js';

export type PeriodMode = 'calendar' | 'reporting';

export interface QuarterId {
  year: number;
  quarter: Quarter;
}

/** The calendar quarter a day falls in. */
export function calendarQuarter(day: Day): QuarterId {
  const { year, month } = dayParts(day);
  return { year, quarter: quarterOfMonth(month) };
}

/** The reporting month (15th of the previous month – 14th) a day falls in, named by the month it ends in. */
export function reportingMonth(day: Day): { year: number; month: number } {
  const { year, month, day: d } = dayParts(day);
  if (d < 15) return { year, month };
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

/** The reporting quarter a day falls in: 15/12/2022 and 14/3/2023 are both in Q1 2023. */
export function reportingQuarter(day: Day): QuarterId {
  const { year, month } = reportingMonth(day);
  return { year, quarter: quarterOfMonth(month) };
}

export function quarterOfDay(day: Day, mode: PeriodMode): QuarterId {
  return mode === 'calendar' ? calendarQuarter(day) : reportingQuarter(day);
}

/** 15th of the month before – 14th of the month. */
export function reportingMonthRange(year: number, month: number): DayRange {
  const start = month === 1 ? makeDay(year - 1, 12, 15) : makeDay(year, month - 1, 15);
  return { start, end: makeDay(year, month, 14) };
}

export function calendarQuarterRange(year: number, quarter: Quarter): DayRange {
  return quarterRange(year, quarter);
}

/** Q1 2023 = 15/12/2022 – 14/3/2023, Q2 = 15/3 – 14/6, Q3 = 15/6 – 14/9, Q4 = 15/9 – 14/12. */
export function reportingQuarterRange(year: number, quarter: Quarter): DayRange {
  const first = (quarter - 1) * 3 + 1;
  return { start: reportingMonthRange(year, first).start, end: makeDay(year, first + 2, 14) };
}

/** H1 = 15/12 of the previous year – 14/6, H2 = 15/6 – 14/12. */
export function reportingHalfRange(year: number, half: Half): DayRange {
  return half === 1
    ? { start: makeDay(year - 1, 12, 15), end: makeDay(year, 6, 14) }
    : { start: makeDay(year, 6, 15), end: makeDay(year, 12, 14) };
}

/** 15/12 of the previous year – 14/12. */
export function reportingYearRange(year: number): DayRange {
  return { start: makeDay(year - 1, 12, 15), end: makeDay(year, 12, 14) };
}

export function quarterRangeFor(year: number, quarter: Quarter, mode: PeriodMode): DayRange {
  return mode === 'calendar' ? calendarQuarterRange(year, quarter) : reportingQuarterRange(year, quarter);
}

/** The four quarters of a year, Q1 first. */
export function quarterRanges(year: number, mode: PeriodMode): DayRange[] {
  return ([1, 2, 3, 4] as Quarter[]).map((q) => quarterRangeFor(year, q, mode));
}
