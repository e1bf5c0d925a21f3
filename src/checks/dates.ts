// The hint for a date that does not exist: the day it was likely meant to be.
import { isValidDay, lastDayOfMonth } from '../schedule/index.js';
import { fm } from '../messages/findings.js';
import type { FindingText } from '../model/diagnostics.js';

const daysIn = lastDayOfMonth;

/**
 * What to write instead of a day that does not exist (written YYYY-MM-DD): the day and month swapped where that makes
 * a real day (2023-13-01 → 2023-01-13), and the nearest real day (2023-12-01; 2023-02-30 → 2023-02-28).
 */
export function dateHint(s: string): FindingText {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return fm('date.check');
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const pad = (n: number) => String(n).padStart(2, '0');
  const mo = Math.min(12, Math.max(1, month));
  const nearest = `${m[1]}-${pad(mo)}-${pad(Math.min(daysIn(year, mo), Math.max(1, day)))}`;
  const swapped = `${m[1]}-${m[3]}-${m[2]}`;
  const fault =
    month < 1 || month > 12
      ? fm('date.noMonth', { month: m[2]! })
      : day < 1
        ? fm('date.noDay')
        : fm('date.monthDays', { month, year, days: daysIn(year, month) });
  const swap = (month < 1 || month > 12) && isValidDay(swapped) ? swapped : '';
  return fm('date.hint', { fault, swapped: swap, nearest });
}
