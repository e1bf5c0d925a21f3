// Rules a progress record must keep beyond its shape: when a year is closed, windows that had not opened, exact copies.
import type { RecordFile } from '../model/schema.js';
import { type Day, type DayRange, dayParts, makeDay } from './day.js';
import type { Occurrence } from './schedule.js';

/**
 * The last day on which work of the plan may still be completed: 31 December of the year after the plan period
 * ends. Offices send the yearly report in January and finish December's work after New Year; a plan's work done
 * later than a whole year after it belongs to no plan a clerk still keeps.
 */
export function closingDay(period: DayRange): Day {
  return makeDay(dayParts(period.end).year + 1, 12, 31);
}

/**
 * Whether a completion dated `day` comes before the window of `occ` opens, in the sense that makes it a mistake:
 * the period of a recurring task had not begun (December's report cannot be made in January), or the event had
 * not happened. A one-off task (a month, a quarter, a deadline) may be finished early: that is on time.
 */
export function beforeWindow(occ: Pick<Occurrence, 'start' | 'kind'>, day: Day): boolean {
  return day < occ.start && occ.kind !== 'deadline' && occ.kind !== 'month' && occ.kind !== 'quarter' && occ.kind !== 'half-year' && occ.kind !== 'year';
}

/** The occurrences whose window holds `day` (events left out: they have no period a clerk would name). */
export function openOn(occs: readonly Occurrence[], day: Day): Occurrence[] {
  return occs.filter((o) => o.kind !== 'event' && o.start <= day && (o.due === null || day <= o.due));
}

/** What makes two records the same record: the same kind and day, the same period and the same document. */
function identity(r: RecordFile): string | undefined {
  const kind = r.done !== undefined ? 'done' : r.trigger !== undefined ? 'trigger' : undefined;
  if (kind === undefined || (r.done !== undefined && r.trigger !== undefined)) return undefined;
  return JSON.stringify([kind, r.done ?? r.trigger, r.period === undefined ? null : String(r.period), r.ref?.trim() ?? null]);
}

/** Records that repeat an earlier one exactly: the index of each repeat, with the index of the record it repeats. */
export function exactRepeats(records: readonly RecordFile[]): Map<number, number> {
  const first = new Map<string, number>();
  const out = new Map<number, number>();
  records.forEach((r, i) => {
    const id = identity(r);
    if (id === undefined) return;
    const seen = first.get(id);
    if (seen === undefined) first.set(id, i);
    else out.set(i, seen);
  });
  return out;
}

/** Whether `record` would repeat one of `records` exactly. */
export function repeats(records: readonly RecordFile[], record: RecordFile): number | undefined {
  const id = identity(record);
  if (id === undefined) return undefined;
  const i = records.findIndex((r) => identity(r) === id);
  return i < 0 ? undefined : i;
}
