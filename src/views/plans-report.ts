// The data of a report across plans (a province's summary of its units' plans): each plan's report data, counted per plan, and their overdue and due-soon items with the plan named.
import type { Role } from '../model/agencies.js';
import type { Plan } from '../model/model.js';
import type { QuarterKey } from './status.js';
import { evaluatePlan, type ReadSchedules } from './evaluate.js';
import { planRef, type AgencyAcross, type PlanRef } from './plans.js';
import { reportData, type ReportCounts, type ReportOccurrence, type ReportScope } from './report.js';

export interface PlanReportRow {
  plan: PlanRef;
  counts: ReportCounts;
  /** Occurrences due soon as of the day (not counted in `counts`, which are of what fell due). */
  dueSoon: number;
  /** The continuous tasks with no activity recorded in the last ended quarter of the scope (see ReportData.gaps). */
  gaps: string[];
}

export interface PlansReportItem extends ReportOccurrence {
  plan: PlanRef;
}

export interface PlansReportData {
  asOf: string;
  within: number;
  year: number;
  scope: ReportScope;
  quarters: QuarterKey[];
  /** The agency the report is narrowed to, as the first plan that has it names it; only the plans it stands in. */
  agency: { id: string; name: string; role: Role | 'any' } | null;
  /** A row per plan reported on, in the order of the files. */
  rows: PlanReportRow[];
  /** The rows' counts added up; the on-time rate over all of them. */
  total: ReportCounts & { dueSoon: number };
  /** The last quarter of the scope that has ended by the day, where a plan has a continuous task without activity in it. */
  gapQuarter: QuarterKey | null;
  /** Every plan's overdue occurrences, oldest due date first, then in the order of the plans. */
  overdue: PlansReportItem[];
  dueSoon: PlansReportItem[];
}

/**
 * The report across plans. Every plan must be of one year (the caller refuses others: a report is of one year); for
 * an agency, only the plans it stands in are reported on, each for the agency as that plan declares it.
 */
export function plansReportData(
  plans: Plan[],
  opts: { asOf: string; within: number; scope: ReportScope; agency?: AgencyAcross; role?: Role | 'any'; periods?: 'calendar' | 'reporting'; schedules?: ReadonlyMap<Plan, ReadSchedules> },
): PlansReportData {
  const role = opts.role ?? 'any';
  const rows: PlanReportRow[] = [];
  const overdue: (PlansReportItem & { rank: number })[] = [];
  const dueSoon: (PlansReportItem & { rank: number })[] = [];
  const total = { due: 0, done: 0, late: 0, overdue: 0, open: 0, onTimeRate: null as number | null, dueSoon: 0 };
  let quarters: QuarterKey[] = [];
  let gapQuarter: QuarterKey | null = null;
  plans.forEach((plan, p) => {
    const agency = opts.agency ? opts.agency.inPlan.get(plan) : undefined;
    if (opts.agency && !agency) return;
    const data = reportData(evaluatePlan(plan, opts.asOf, opts.within, opts.schedules?.get(plan)), { scope: opts.scope, agency, role, periods: opts.periods ?? 'calendar' });
    const ref = planRef(plan);
    quarters = data.quarters;
    const gaps = data.gaps?.tasks ?? [];
    if (data.gaps && gaps.length) gapQuarter = data.gaps.quarter;
    rows.push({ plan: ref, counts: data.counts, dueSoon: data.dueSoon.length, gaps });
    for (const k of ['due', 'done', 'late', 'overdue', 'open'] as const) total[k] += data.counts[k];
    total.dueSoon += data.dueSoon.length;
    // Each plan's list is already in its order (due date, then the plan's tasks): the rank keeps it among equal days.
    data.overdue.forEach((o, k) => overdue.push({ ...o, plan: ref, rank: p * 1e7 + k }));
    data.dueSoon.forEach((o, k) => dueSoon.push({ ...o, plan: ref, rank: p * 1e7 + k }));
  });
  const judged = total.done + total.late + total.overdue;
  total.onTimeRate = judged ? total.done / judged : null;
  const byDue = (a: { due: string | null; rank: number }, b: { due: string | null; rank: number }) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.rank - b.rank;
  const strip = ({ rank: _, ...i }: PlansReportItem & { rank: number }): PlansReportItem => i;
  return {
    asOf: opts.asOf,
    within: opts.within,
    year: plans[0]?.year ?? 0,
    scope: opts.scope,
    quarters,
    agency: opts.agency ? { id: opts.agency.id, name: opts.agency.name, role } : null,
    rows,
    total,
    gapQuarter,
    overdue: overdue.sort(byDue).map(strip),
    dueSoon: dueSoon.sort(byDue).map(strip),
  };
}
