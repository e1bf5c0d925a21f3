// The progress report's data, computed once: what is overdue and due soon (each occurrence once, and per agency by the
// involvement rules that `tthc due --agency` uses), what was done, the status table and the counts; every format renders it.
import { agencyName, type Role } from '../model/agencies.js';
import type { Agency, Plan, Task } from '../model/model.js';
import { diffDays, type DayRange, type OccurrenceStatus } from '../schedule/index.js';
import { planInfo } from './due.js';
import type { PlanState } from './evaluate.js';
import { entriesFor, roleIn } from './involvement.js';
import { QUARTERS, statusView, type QuarterKey, type StatusView } from './status.js';

/** What the report covers: one quarter, a half (two quarters) or the plan year. */
export type ReportScope = { kind: 'quarter'; quarter: QuarterKey } | { kind: 'half'; half: 1 | 2 } | { kind: 'year' };

export interface AgencyRef {
  id: string;
  name: string;
}

export interface ReportOccurrence {
  id: string;
  /** The task's text as the plan has it (it may hold the source's `<i>`/`<b>` markup: renderers decide). */
  content: string;
  section: string;
  period: string | null;
  start: string;
  due: string | null;
  status: OccurrenceStatus;
  /** Days past the due date as of the day (overdue), at completion (done, late), or negative days left (due soon). */
  daysLate: number | null;
  completion: string | null;
  /** The document that records the completion (số/ký hiệu), where the record gives one. */
  ref: string | null;
  lead: AgencyRef[];
  support: AgencyRef[];
}

export interface AgencyCount {
  agency: AgencyRef;
  /** The agency's overdue and due-soon occurrences, as "ID PERIOD" keys (the period empty for a single occurrence). */
  overdue: string[];
  dueSoon: string[];
}

export function occurrenceKey(o: { id: string; period: string | null }): string {
  return `${o.id} ${o.period ?? ''}`;
}

export interface ContinuousRow {
  id: string;
  content: string;
  lead: AgencyRef[];
  /** Activities recorded in each quarter of the scope (null: the quarter starts after the day). */
  records: Partial<Record<QuarterKey, number | null>>;
}

export interface ReportCounts {
  /** Occurrences due within the scope's days (up to the day), by status. */
  due: number;
  done: number;
  late: number;
  overdue: number;
  open: number;
  /** done / (done + late + overdue) of the occurrences due in the scope; null when none is. */
  onTimeRate: number | null;
}

export interface ReportData {
  plan: ReturnType<typeof planInfo>;
  asOf: string;
  within: number;
  scope: ReportScope;
  /** The quarters the scope covers, and its days. */
  quarters: QuarterKey[];
  range: DayRange;
  /** The agency the report is narrowed to, if any: only the tasks it is involved in. */
  agency: (AgencyRef & { role: Role | 'any' }) | null;
  status: StatusView;
  /** Every occurrence overdue as of the day, once each, oldest due date first. */
  overdue: ReportOccurrence[];
  dueSoon: ReportOccurrence[];
  /** Occurrences completed within the scope's days, up to the day: what was done. */
  completed: ReportOccurrence[];
  /** Per agency of the plan (each involved directly or through a collective): what `tthc due --agency` counts; with `agency`, that one alone. */
  perAgency: AgencyCount[];
  counts: ReportCounts;
  /** Continuous tasks: their activity counts per quarter. */
  continuous: ContinuousRow[];
  /**
   * The last quarter of the scope that has ended by the day, and the continuous tasks with no activity recorded in
   * it: the one gap the office must act on (older gaps are history, shown as 0 without alarm).
   */
  gaps: { quarter: QuarterKey; tasks: string[] } | null;
}

function agencyRefs(plan: Plan, ids: string[]): AgencyRef[] {
  return ids.map((id) => ({ id, name: agencyName(plan, id) }));
}

/** The document (số/ký hiệu) of the record that completed an occurrence, where it names one. */
export function refOf(task: Task, period: string | null, completion: string | null): string | null {
  if (!completion) return null;
  const r = task.records.find((x) => x.done === completion && (x.period === undefined || x.period === period) && x.ref);
  return r?.ref ?? null;
}

export function scopeQuarters(scope: ReportScope): QuarterKey[] {
  if (scope.kind === 'quarter') return [scope.quarter];
  if (scope.kind === 'half') return scope.half === 1 ? ['Q1', 'Q2'] : ['Q3', 'Q4'];
  return [...QUARTERS];
}

/**
 * The report's data as of the state's day. With `agency`, only the tasks it is involved in (directly or through a
 * collective, optionally in one role), as `tthc due --agency` lists them.
 */
export function reportData(state: PlanState, opts: { scope?: ReportScope; agency?: Agency; role?: Role | 'any'; periods?: 'calendar' | 'reporting' } = {}): ReportData {
  const { plan, asOf } = state;
  const scope = opts.scope ?? { kind: 'year' };
  const role = opts.role ?? 'any';
  const status = statusView(state, { periods: opts.periods ?? 'calendar', by: 'task', agency: opts.agency });
  const quarters = scopeQuarters(scope);
  const range: DayRange = { start: status.ranges[quarters[0]!].start, end: status.ranges[quarters[quarters.length - 1]!].end };

  const inScope = (task: Task): boolean => {
    return !opts.agency || roleIn(plan, task, opts.agency.id, role) !== undefined;
  };

  const overdue: ReportOccurrence[] = [];
  const dueSoon: ReportOccurrence[] = [];
  const completed: ReportOccurrence[] = [];
  const counts: ReportCounts = { due: 0, done: 0, late: 0, overdue: 0, open: 0, onTimeRate: null };
  const continuous: ContinuousRow[] = [];

  for (const s of state.tasks) {
    const task = s.task;
    if (!inScope(task)) continue;
    const lead = agencyRefs(plan, task.lead);
    const support = agencyRefs(plan, task.support);
    for (const o of s.eval.occurrences) {
      const item: ReportOccurrence = {
        id: task.id,
        content: task.content,
        section: task.section,
        period: o.period,
        start: o.start,
        due: o.due,
        status: o.status,
        daysLate: o.due === null ? null : diffDays(o.completion ?? asOf, o.due),
        completion: o.completion,
        ref: refOf(task, o.period, o.completion),
        lead,
        support,
      };
      if (o.status === 'overdue') {
        overdue.push(item);
      }
      if (o.status === 'due-soon') {
        dueSoon.push(item);
      }
      if (o.completion && o.completion >= range.start && o.completion <= range.end) completed.push(item);
      if (o.due !== null && o.due >= range.start && o.due <= range.end && o.due <= asOf) {
        counts.due++;
        if (o.status === 'done') counts.done++;
        else if (o.status === 'late') counts.late++;
        else if (o.status === 'overdue') counts.overdue++;
        else counts.open++;
      }
    }
    if (s.eval.continuous) {
      const row = status.rows.find((r) => r.id === task.id);
      const records: ContinuousRow['records'] = {};
      for (const q of quarters) records[q] = status.ranges[q].start > asOf ? null : (row?.quarters[q].records ?? 0);
      continuous.push({ id: task.id, content: task.content, lead, records });
    }
  }
  const judged = counts.done + counts.late + counts.overdue;
  counts.onTimeRate = judged ? counts.done / judged : null;

  const order = new Map(plan.tasks.map((t, i) => [t.id, i]));
  const byDue = (a: ReportOccurrence, b: ReportOccurrence) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || order.get(a.id)! - order.get(b.id)!;
  overdue.sort(byDue);
  dueSoon.sort(byDue);
  completed.sort((a, b) => (a.completion ?? '').localeCompare(b.completion ?? '') || order.get(a.id)! - order.get(b.id)!);

  // Every agency of the plan, counted from the evaluated set as `tthc due --agency X` counts it: the occurrences of the
  // tasks it takes part in, directly or through a collective. Narrowed to one agency (and role), that one alone.
  const perAgency: AgencyCount[] = [];
  for (const a of opts.agency ? [opts.agency] : plan.agencies.values()) {
    const entries = entriesFor(state, a.id, opts.agency ? role : 'any').filter((e) => e.occurrence !== null);
    const keys = (status: string) => entries.filter((e) => e.status === status).map((e) => occurrenceKey({ id: e.task.task.id, period: e.occurrence!.period }));
    perAgency.push({ agency: { id: a.id, name: a.name }, overdue: keys('overdue'), dueSoon: keys('due-soon') });
  }

  const ended = quarters.filter((q) => status.ranges[q].end < asOf);
  const last = ended[ended.length - 1];
  const gaps = last ? { quarter: last, tasks: continuous.filter((c) => c.records[last] === 0).map((c) => c.id) } : null;

  return {
    plan: planInfo(plan),
    asOf,
    within: state.within,
    scope,
    quarters,
    range,
    agency: opts.agency ? { id: opts.agency.id, name: opts.agency.name, role } : null,
    status,
    overdue,
    dueSoon,
    completed,
    perAgency,
    counts,
    continuous,
    gaps,
  };
}
