// Public holidays of Vietnam on weekdays and weekends, for warning about due dates that fall on a day off.
import { dayParts, toDayNumber, type Day } from './day.js';

/**
 * Days off announced for each year (Tết and the Hùng Kings' day follow the lunar calendar, and the government
 * moves days around them each year). Years not listed fall back to the solar holidays only.
 */
const ANNOUNCED: Record<number, string[]> = {
  2023: ['01-01', '01-02', '01-20', '01-21', '01-22', '01-23', '01-24', '01-25', '01-26', '04-29', '04-30', '05-01', '05-02', '05-03', '09-01', '09-02', '09-03', '09-04'],
  2024: ['01-01', '02-08', '02-09', '02-10', '02-11', '02-12', '02-13', '02-14', '04-18', '04-27', '04-28', '04-29', '04-30', '05-01', '08-31', '09-01', '09-02', '09-03'],
  2025: ['01-01', '01-25', '01-26', '01-27', '01-28', '01-29', '01-30', '01-31', '02-01', '02-02', '04-07', '04-30', '05-01', '05-02', '05-03', '05-04', '08-30', '08-31', '09-01', '09-02'],
};
const SOLAR = ['01-01', '04-30', '05-01', '09-02'];

export function isHoliday(day: Day): boolean {
  const { year } = dayParts(day);
  return (ANNOUNCED[year] ?? SOLAR).includes(day.slice(5));
}

export function isWeekend(day: Day): boolean {
  // 1970-01-01 was a Thursday: day number 0 → 4 (Sunday = 0).
  const dow = (((toDayNumber(day) + 4) % 7) + 7) % 7;
  return dow === 0 || dow === 6;
}

/** Why a day is not a working day, or undefined for a working day. */
export function dayOff(day: Day): 'weekend' | 'holiday' | undefined {
  if (isHoliday(day)) return 'holiday';
  if (isWeekend(day)) return 'weekend';
  return undefined;
}
