// The hint for a date that does not exist: the day it was likely meant to be.
import { isValidDay, lastDayOfMonth } from '../schedule/index.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const daysIn = lastDayOfMonth;

/**
 * What to write instead of a day that does not exist (written YYYY-MM-DD): the day and month swapped where that makes
 * a real day (2023-13-01 → 2023-01-13), and the nearest real day (2023-12-01; 2023-02-30 → 2023-02-28).
 */
export function dateHint(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return 'Check the day and month (written YYYY-MM-DD).';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const pad = (n: number) => String(n).padStart(2, '0');
  const mo = Math.min(12, Math.max(1, month));
  const nearest = `${m[1]}-${pad(mo)}-${pad(Math.min(daysIn(year, mo), Math.max(1, day)))}`;
  const swapped = `${m[1]}-${m[3]}-${m[2]}`;
  const fault =
    month < 1 || month > 12
      ? `There is no month ${m[2]}`
      : day < 1
        ? 'There is no day 00'
        : `${MONTHS[month - 1]} ${year} has ${daysIn(year, month)} days`;
  const swap = (month < 1 || month > 12) && isValidDay(swapped) ? `Did you mean ${swapped}, with the day and month swapped? ` : '';
  return `${fault} (dates are written YYYY-MM-DD). ${swap}The nearest real day is ${nearest}.`;
}
