// The calendar's view of a plan: each dated occurrence as an event, for the iCalendar renderer.
import { involvement, type Role } from '../model/agencies.js';
import type { Plan, Task } from '../model/model.js';
import { taskOrder } from './due.js';
import { evaluatePlan, type ReadSchedules } from './evaluate.js';
import { refOf } from './report.js';

export interface IcsEvent {
  task: Task;
  period: string | null;
  due: string;
  /** The first day of the occurrence's window (DTSTART of a to-do). */
  start?: string;
  /** The day the occurrence was completed, and whether late; the document that shows it. */
  completion?: string | null;
  late?: boolean;
  ref?: string | null;
  /** The plan named before the summary, in a calendar of several plans ("UBND xã Tân Lập (7/KH-UBND)"). */
  source?: string;
}


/**
 * The day to evaluate at: the plan's end, or its latest record if later. Not today, so that the file does
 * not change with the clock; records cannot be dated in the future, so every recorded trigger counts.
 */
export function icsHorizon(plan: Plan): string {
  let last = plan.period.end;
  for (const task of plan.tasks) {
    for (const r of task.records) for (const d of [r.done, r.trigger]) if (d && d > last) last = d;
  }
  return last;
}

/**
 * Every dated occurrence as an event, as of icsHorizon: for one agency (in `role`, or any) when `agency` is given,
 * without the completed ones when `open`; by due day, then task order, then period.
 */
export function icsEvents(plan: Plan, opts: { agency?: string | undefined; role: Role | 'any'; open: boolean; schedules?: ReadSchedules | undefined }): IcsEvent[] {
  const { agency, role } = opts;
  const state = evaluatePlan(plan, icsHorizon(plan), 0, opts.schedules);
  const events: IcsEvent[] = [];
  for (const s of state.tasks) {
    if (agency) {
      const inv = involvement(plan, s.task, agency);
      if (!inv || (role !== 'any' && inv.role !== role)) continue;
    }
    for (const o of s.eval.occurrences) {
      if (o.due === null || (opts.open && o.completion)) continue;
      events.push({ task: s.task, period: o.period, due: o.due, start: o.start, completion: o.completion, late: o.status === 'late', ref: refOf(s.task, o.period, o.completion) });
    }
  }
  events.sort((a, b) => a.due.localeCompare(b.due) || taskOrder(plan, a.task.id) - taskOrder(plan, b.task.id) || (a.period ?? '').localeCompare(b.period ?? ''));
  return events;
}
