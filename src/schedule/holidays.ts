// Public holidays of Vietnam for any year, for warning about due dates that fall on a day off.
//
// The law (Bộ luật Lao động 2019, from 2021) gives 11 days (Điều 112 khoản 1): Tết Dương lịch 1/1; Tết Âm lịch,
// 5 days; Giỗ Tổ Hùng Vương, 10/3 lunar; Ngày Chiến thắng 30/4; Ngày Quốc tế lao động 1/5; Quốc khánh, 2/9 and one
// day next to it, before or after. The Prime Minister fixes each year which days of Tết and which day next to 2/9
// (khoản 3), and a holiday on a weekly rest day is made up on the next working day (Điều 111 khoản 3). The
// government also swaps working days to join holidays to weekends. So: a year the government has announced is
// read from holidays.json (data, updated as announcements come); any other year is computed from the law, with
// Tết as the last day of the lunar year and mùng 1–4, and the day next to 2/9 that joins it to a weekend.
import data from './holidays.json' with { type: 'json' };
import { type Day, addDays, dayOfWeek, dayParts, makeDay } from './day.js';
import { hungKingsDay, tetDay } from './lunar.js';

interface YearData {
  off: string[];
  work?: string[];
}

const ANNOUNCED: Readonly<Record<string, YearData>> = (data as { years: Record<string, YearData> }).years;

export type HolidayName = 'new-year' | 'tet' | 'hung-kings' | 'reunification' | 'labour' | 'national' | 'compensatory' | 'announced';

export interface YearHolidays {
  /** Days off beyond Saturdays and Sundays' rest (weekend days inside a holiday included), with what they are. */
  off: Map<Day, HolidayName>;
  /** Saturdays and Sundays that are working days (a swap). */
  work: Set<Day>;
  /** Whether the year is the government's announcement (holidays.json) rather than the law's default. */
  announced: boolean;
}

/** The day of the week, Sunday = 0 … Saturday = 6. */
export function weekday(day: Day): number {
  return dayOfWeek(day);
}

export function isWeekend(day: Day): boolean {
  const dow = weekday(day);
  return dow === 0 || dow === 6;
}

/** The legal holidays of `year` by the Labour Code, before compensatory days. */
export function legalHolidays(year: number): Map<Day, HolidayName> {
  const out = new Map<Day, HolidayName>();
  out.set(makeDay(year, 1, 1), 'new-year');
  const tet = tetDay(year);
  for (let i = -1; i <= 3; i++) out.set(addDays(tet, i), 'tet');
  out.set(hungKingsDay(year), 'hung-kings');
  out.set(makeDay(year, 4, 30), 'reunification');
  out.set(makeDay(year, 5, 1), 'labour');
  const national = makeDay(year, 9, 2);
  out.set(national, 'national');
  if (year >= 2021) out.set(nextToNationalDay(national), 'national');
  return out;
}

/**
 * The day next to 2/9 that the government picks in practice: a weekday that joins the holiday to a weekend
 * (2024: Monday 2/9 with Tuesday 3/9; 2025: Tuesday 2/9 with Monday 1/9), else the day before.
 */
function nextToNationalDay(national: Day): Day {
  const before = addDays(national, -1);
  const after = addDays(national, 1);
  const joins = (d: Day, outward: Day): boolean => !isWeekend(d) && isWeekend(outward);
  if (isWeekend(before)) return after;
  if (isWeekend(after)) return before;
  if (joins(after, addDays(national, 2)) && !joins(before, addDays(national, -2))) return after;
  return before;
}

/** The law's days off for `year`: the legal holidays and a working day made up for each that falls on a weekend. */
function computed(year: number): YearHolidays {
  const off = legalHolidays(year);
  for (const day of [...off.keys()].sort()) {
    if (!isWeekend(day)) continue;
    let next = addDays(day, 1);
    while (isWeekend(next) || off.has(next)) next = addDays(next, 1);
    off.set(next, 'compensatory');
  }
  return { off, work: new Set(), announced: false };
}

function announced(year: number, y: YearData): YearHolidays {
  const legal = computed(year).off;
  const off = new Map<Day, HolidayName>();
  for (const md of y.off) {
    const day = `${year}-${md}`;
    off.set(day, legal.get(day) ?? 'announced');
  }
  return { off, work: new Set((y.work ?? []).map((md) => `${year}-${md}`)), announced: true };
}

const cache = new Map<number, YearHolidays>();

/** The days off of a year: announced where holidays.json has the year, else computed from the law. */
export function holidaysOf(year: number): YearHolidays {
  let h = cache.get(year);
  if (!h) {
    const y = ANNOUNCED[String(year)];
    h = y ? announced(year, y) : computed(year);
    cache.set(year, h);
  }
  return h;
}

/** The years holidays.json knows. */
export function announcedYears(): number[] {
  return Object.keys(ANNOUNCED).map(Number).sort();
}

export function isHoliday(day: Day): boolean {
  return holidaysOf(dayParts(day).year).off.has(day);
}

/** Why a day is not a working day, or undefined for a working day (a Saturday worked for a swap is one). */
export function dayOff(day: Day): 'weekend' | 'holiday' | undefined {
  const h = holidaysOf(dayParts(day).year);
  if (h.off.has(day)) return 'holiday';
  if (isWeekend(day) && !h.work.has(day)) return 'weekend';
  return undefined;
}
