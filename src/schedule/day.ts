// Calendar days as `YYYY-MM-DD` strings and integer day numbers, with no time of day and no time zone.
//
// Plan dates are civil dates in Vietnam. A JavaScript `Date` carries a time zone, and local-time arithmetic shifts a
// day west of Greenwich, so the calendar arithmetic here is date-fns working on UTC dates (@date-fns/utc's
// UTCDateMini, whose getters and setters are UTC's): the results are the same whatever TZ says. A day number is the
// count of days from 1970-01-01 to the day's UTC midnight, exactly its time value over a day's milliseconds.
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { addDays as dfAddDays } from 'date-fns/addDays';
import { getDay } from 'date-fns/getDay';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { isLeapYear as dfIsLeapYear } from 'date-fns/isLeapYear';
import { lightFormat } from 'date-fns/lightFormat';

/** A calendar date written `YYYY-MM-DD`. */
export type Day = string;

/** An inclusive range of days, as a person reads "1/10/2023 – 31/10/2023". */
export interface DayRange {
  start: Day;
  end: Day;
}

export type Quarter = 1 | 2 | 3 | 4;
export type Half = 1 | 2;

/** Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of year/month (1–12)/day; setUTCFullYear, because Date.UTC reads the years 0–99 as 1900–1999. */
function utcDate(year: number, month: number, day: number): Date {
  const d = new UTCDateMini(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

/** The UTC date of a Day (assumed valid). */
function dateOf(day: Day): Date {
  return utcDate(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));
}

/** The Day of a UTC date: by its fields rather than date-fns's format, which parses its pattern at every call. */
function dayOf(date: Date): Day {
  return makeDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return dfIsLeapYear(utcDate(year, 1, 1));
}

const MONTH_DAYS = new Map<number, number>();

/** The number of days in month `month` (1–12) of `year`. */
export function lastDayOfMonth(year: number, month: number): number {
  // Asked for every day made or checked (makeDay, isValidYmd): date-fns answers once per month, then the memo does.
  const key = year * 16 + month;
  let n = MONTH_DAYS.get(key);
  if (n === undefined) {
    n = getDaysInMonth(utcDate(year, month, 1));
    if (MONTH_DAYS.size < 4096) MONTH_DAYS.set(key, n);
  }
  return n;
}

/** Whether year/month/day names a day that exists (years 1–9999, so that every day fits `YYYY`). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= lastDayOfMonth(year, month)
  );
}

/** Whether `s` is a `YYYY-MM-DD` string naming a day that exists. */
export function isValidDay(s: unknown): s is Day {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Builds a Day; throws on a day that does not exist, since callers pass computed values. */
export function makeDay(year: number, month: number, day: number): Day {
  if (!isValidYmd(year, month, day)) {
    throw new RangeError(`no such day: ${year}-${month}-${day}`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** Splits a Day into numbers; throws on a malformed or impossible day. */
export function dayParts(day: Day): Ymd {
  const m = ISO_RE.exec(day);
  const ymd = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!ymd || !isValidYmd(ymd.year, ymd.month, ymd.day)) {
    throw new RangeError(`not a valid day: ${JSON.stringify(day)}`);
  }
  return ymd;
}

/** The day, month and year of a day typed by a person, before checking that the day exists; null if not a date's shape. */
export function dayInputParts(s: string): Ymd | null {
  const t = s.normalize('NFC').trim().replace(/\s+/g, ' ');
  // Year first, as ISO writes it, with or without leading zeros: 2023-03-10, 2023-3-10.
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  // Day first, as Vietnamese write it: 10/3/2023, 10-3-2023, 10.3.2023 (one separator throughout).
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(t);
  if (m) return { year: Number(m[4]), month: Number(m[3]), day: Number(m[1]) };
  // In words, as documents write it (diacritics optional): ngày 10 tháng 3 năm 2023.
  m = /^(?:ng[aà]y )?(\d{1,2}) th[aá]ng (\d{1,2}),? n[aă]m (\d{4})$/i.exec(t);
  if (m) return { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  return null;
}

/**
 * Reads a day typed by a person: `2023-03-10`, `2023-3-10`, `10/3/2023`, `10-3-2023`, `10.3.2023` (day first, as
 * Vietnamese write it) or `ngày 10 tháng 3 năm 2023`. Returns null for anything else, including days that do not
 * exist (dayInputParts tells which). Words relative to today (hôm nay, today) are the command line's: see asOfOption.
 */
export function parseDayInput(s: string): Day | null {
  const p = dayInputParts(s);
  return p && isValidYmd(p.year, p.month, p.day) ? makeDay(p.year, p.month, p.day) : null;
}

/** Days since 1970-01-01 (negative before it). */
export function ymdToDayNumber(year: number, month: number, day: number): number {
  return utcDate(year, month, day).getTime() / MS_PER_DAY;
}

export function dayNumberToYmd(n: number): Ymd {
  const d = new UTCDateMini(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Days since 1970-01-01 (negative before it). */
export function toDayNumber(day: Day): number {
  const { year, month, day: d } = dayParts(day);
  return ymdToDayNumber(year, month, d);
}

export function fromDayNumber(n: number): Day {
  if (!Number.isInteger(n)) throw new RangeError(`not a day number: ${n}`);
  return dayOf(new UTCDateMini(n * MS_PER_DAY));
}

export function addDays(day: Day, n: number): Day {
  const { year, month, day: d } = dayParts(day);
  return dayOf(dfAddDays(utcDate(year, month, d), n));
}

/**
 * `a − b` in days, as date-fns `differenceInCalendarDays(a, b)` counts them (positive when a is later), by day numbers:
 * on UTC midnights the two agree, and this one is called for every occurrence of every task.
 */
export function diffDays(a: Day, b: Day): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function compareDays(a: Day, b: Day): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDay(a: Day, b: Day): Day {
  return a <= b ? a : b;
}

export function maxDay(a: Day, b: Day): Day {
  return a >= b ? a : b;
}

/** Whether `day` lies in the range, both ends included. */
export function inRange(day: Day, range: DayRange): boolean {
  return range.start <= day && day <= range.end;
}

/** The day of the week, Sunday = 0 … Saturday = 6. */
export function dayOfWeek(day: Day): number {
  const { year, month, day: d } = dayParts(day);
  return getDay(utcDate(year, month, d));
}

/** The calendar quarter (1–4) of a month number. */
export function quarterOfMonth(month: number): Quarter {
  return (Math.floor((month - 1) / 3) + 1) as Quarter;
}

/** The calendar quarter (1–4) a day falls in. */
export function quarterOf(day: Day): Quarter {
  return quarterOfMonth(dayParts(day).month);
}

/** `10/3/2023`: the way Vietnamese documents write a day (no leading zeros). */
export function formatDayVi(day: Day): string {
  dayParts(day);
  return lightFormat(dateOf(day), 'd/M/y');
}

/** `1/10/2023 – 31/10/2023`: both ends included. */
export function formatRangeVi(range: DayRange): string {
  return `${formatDayVi(range.start)} – ${formatDayVi(range.end)}`;
}

/**
 * Today's date in Vietnam for the instant `now`, whatever the machine's time zone: CI runs in UTC
 * and would otherwise be a day behind between 00:00 and 07:00 Vietnam time.
 */
export function todayInVietnam(now: Date): Day {
  const ms = now.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid Date');
  return fromDayNumber(Math.floor((ms + VIETNAM_OFFSET_MS) / MS_PER_DAY));
}

export function monthRange(year: number, month: number): DayRange {
  return { start: makeDay(year, month, 1), end: makeDay(year, month, lastDayOfMonth(year, month)) };
}

export function quarterRange(year: number, quarter: Quarter): DayRange {
  const first = (quarter - 1) * 3 + 1;
  return { start: makeDay(year, first, 1), end: makeDay(year, first + 2, lastDayOfMonth(year, first + 2)) };
}

export function halfRange(year: number, half: Half): DayRange {
  return half === 1
    ? { start: makeDay(year, 1, 1), end: makeDay(year, 6, 30) }
    : { start: makeDay(year, 7, 1), end: makeDay(year, 12, 31) };
}

export function yearRange(year: number): DayRange {
  return { start: makeDay(year, 1, 1), end: makeDay(year, 12, 31) };
}
