// The due list: for an agency (or all), what is overdue and due soon as of a day — plain data for any format.
import { involvement, type Role } from '../agencies.js';
import type { Agency, Plan } from '../plan/model.js';
import { diffDays } from '../schedule/index.js';
import type { PlanState } from './evaluate.js';

export type DueStatus = 'overdue' | 'due-soon' | 'open' | 'scheduled' | 'done' | 'late' | 'ongoing' | 'waiting' | 'unknown';

export interface DueItem {
  id: string;
  period: string | null;
  status: DueStatus;
  start: string | null;
  due: string | null;
  /** Days past the due date (overdue), or left until it (negative: that many days left); null without a due date. */
  daysLate: number | null;
  /** The agency's role; null when the list is for all agencies. */
  role: Role | null;
  via: string | null;
  title: string;
  section: string;
  lead: string[];
  support: string[];
  when: string;
  completed: string | null;
}

export interface DueView {
  plan: { title: string; issuer: string; year: number; file: string; period: { start: string; end: string } };
  asOf: string;
  within: number;
  agency: { id: string; name: string } | null;
  role: Role | 'any';
  all: boolean;
  outsidePeriod: boolean;
  items: DueItem[];
}

const ORDER: Record<DueStatus, number> = { overdue: 0, 'due-soon': 1, open: 2, scheduled: 3, waiting: 4, ongoing: 5, late: 6, done: 7, unknown: 8 };

export function planInfo(plan: Plan): DueView['plan'] {
  return { title: plan.title, issuer: plan.issuer, year: plan.year, file: plan.file, period: plan.period };
}

export function dueView(state: PlanState, opts: { agency?: Agency; role?: Role | 'any'; all?: boolean }): DueView {
  const { plan, asOf } = state;
  const role = opts.role ?? 'any';
  const items: DueItem[] = [];
  for (const s of state.tasks) {
    const task = s.task;
    let inv: { role: Role; via: string | null } | null = null;
    if (opts.agency) {
      const found = involvement(plan, task, opts.agency.id);
      if (!found || (role !== 'any' && found.role !== role)) continue;
      inv = found;
    }
    const base = {
      id: task.id,
      role: inv?.role ?? null,
      via: inv?.via ?? null,
      title: task.content,
      section: task.section,
      lead: task.lead,
      support: task.support,
      when: task.when,
    };
    for (const o of s.eval.occurrences) {
      if (!opts.all && o.status !== 'overdue' && o.status !== 'due-soon') continue;
      items.push({
        ...base,
        period: o.period,
        status: o.status,
        start: o.start,
        due: o.due,
        // Days past the due date: at completion for a completed occurrence (≤ 0 when on time), else as of the day asked about.
        daysLate: o.due === null ? null : diffDays(o.completion ?? asOf, o.due),
        completed: o.completion,
      });
    }
    // A timeline not understood is listed too: without a due date, it would otherwise never be.
    if (s.eval.status !== null && (opts.all || (s.eval.status === 'unknown' && s.parts.length === 0))) {
      items.push({ ...base, period: null, status: s.eval.status, start: null, due: null, daysLate: null, completed: null });
    }
  }
  items.sort(
    (a, b) =>
      ORDER[a.status] - ORDER[b.status] ||
      (a.due ?? '9999') .localeCompare(b.due ?? '9999') ||
      taskOrder(plan, a.id) - taskOrder(plan, b.id),
  );
  return {
    plan: planInfo(plan),
    asOf,
    within: state.within,
    agency: opts.agency ? { id: opts.agency.id, name: opts.agency.name } : null,
    role,
    all: Boolean(opts.all),
    outsidePeriod: asOf < plan.period.start || asOf > plan.period.end,
    items,
  };
}

export function taskOrder(plan: Plan, id: string): number {
  return plan.tasks.findIndex((t) => t.id === id);
}
