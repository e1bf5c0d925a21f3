// Views across several plans: one agency matched in each plan by id and by name, its due items with the plan named, a status row per plan.
import { resolveAgency, type Role } from '../model/agencies.js';
import { matchKey } from '../model/names.js';
import type { Agency, Plan } from '../model/model.js';
import { foldCompact } from '../model/text.js';
import { compareDays } from '../schedule/index.js';
import { dueTasks, dueView, ORDER, type DueItem } from './due.js';
import { evaluatePlan, type ReadSchedules } from './evaluate.js';
import { QUARTERS, statusView, type QuarterKey, type StatusTotals } from './status.js';

/** A plan as rows name it: its file, its issuer and its number with symbol ("45/KH-UBND"; null where blank). */
export interface PlanRef {
  file: string;
  issuer: string;
  number: string | null;
}

export function planRef(plan: Plan): PlanRef {
  const h = plan.raw.plan;
  const number = h.number ? (h.symbol ? `${h.number}/${h.symbol}` : h.number) : null;
  return { file: plan.file, issuer: h.short ?? plan.issuer, number };
}

/**
 * The key under which agency names meet across plans: matchKey's (old and new tone placement, Đắk/Đăk, "Ủy ban nhân
 * dân" = "UBND", dashes and "và"), then without case, diacritics, spaces or punctuation.
 */
export function agencyKey(name: string): string {
  return foldCompact(matchKey(name));
}

function keysOf(a: Agency): string[] {
  return [a.name, ...(a.aliases ?? [])].map(agencyKey).filter((k) => k !== '');
}

/** In which plans an agency stands, and the one it is in each. */
export interface AgencyAcross {
  /** The id and name of the agency as the first plan that has it declares them. */
  id: string;
  name: string;
  inPlan: Map<Plan, Agency>;
}

/**
 * `--agency X` across plans: resolved in each plan as in one (an exact id or alias, else a part of a name); then the
 * plans where it resolves to nothing (or to several) are searched for the same agency by its id or by its name
 * under agencyKey, so that "UBND xã Tân Lập" in one plan and "Ủy ban nhân dân xã Tân Lập" in another are one agency.
 * A name no plan resolves is also looked up by agencyKey alone. No plan having it is a usage error, the first plan's
 * message.
 */
export function resolveAcross(plans: Plan[], input: string): AgencyAcross {
  const inPlan = new Map<Plan, Agency>();
  let firstError: unknown;
  for (const plan of plans) {
    try {
      inPlan.set(plan, resolveAgency(plan, input));
    } catch (e) {
      firstError ??= e;
    }
  }
  const ids = new Set<string>();
  const keys = new Set<string>();
  // A name written another way than any plan writes it ("Ủy ban nhân dân xã Tân Lập" for "UBND xã Tân Lập").
  if (inPlan.size === 0) keys.add(agencyKey(input));
  for (const a of inPlan.values()) {
    ids.add(a.id);
    for (const k of keysOf(a)) keys.add(k);
  }
  for (const plan of plans) {
    if (inPlan.has(plan)) continue;
    const found = [...plan.agencies.values()].filter((a) => keysOf(a).some((k) => keys.has(k)));
    const byId = [...ids].map((id) => plan.agencies.get(id)).filter((a): a is Agency => a !== undefined);
    const one = found.length === 1 ? found[0] : byId.length === 1 ? byId[0] : undefined;
    if (one) inPlan.set(plan, one);
  }
  const first = plans.map((p) => inPlan.get(p)).find((a): a is Agency => a !== undefined);
  if (!first) throw firstError;
  return { id: first.id, name: first.name, inPlan };
}

export interface PlanDueItem extends DueItem {
  plan: PlanRef;
}

export interface PlansDueView {
  asOf: string;
  within: number;
  agency: { id: string; name: string } | null;
  role: Role | 'any';
  all: boolean;
  /** Every plan answered for, in the order of the files. */
  plans: PlanRef[];
  /** The plans in which the agency stands (all of them when the list is for all agencies). */
  matched: PlanRef[];
  items: PlanDueItem[];
}

/**
 * `due` across plans: each plan's list as `dueView` makes it (for the agency as that plan declares it), every item
 * with its plan; merged overdue first (oldest due date first), then by due date, then in the order of the plans and
 * of each plan's tasks.
 */
export function plansDueView(
  plans: Plan[],
  opts: { asOf: string; within: number; agency?: AgencyAcross; role?: Role | 'any'; all?: boolean; schedules?: ReadonlyMap<Plan, ReadSchedules> },
): PlansDueView {
  const role = opts.role ?? 'any';
  const items: PlanDueItem[] = [];
  const matched: PlanRef[] = [];
  plans.forEach((plan) => {
    const agency = opts.agency ? opts.agency.inPlan.get(plan) : undefined;
    if (opts.agency && !agency) return;
    const ref = planRef(plan);
    matched.push(ref);
    const view = dueView(evaluatePlan(plan, opts.asOf, opts.within, opts.schedules?.get(plan), dueTasks(plan, agency, role, { asOf: opts.asOf, within: opts.within, all: opts.all, schedules: opts.schedules?.get(plan) })), { agency, role, all: opts.all });
    for (const i of view.items) items.push({ ...i, plan: ref });
  });
  // Pushed in the order of the plans and of each plan's list: the sort is stable, so ties keep that order.
  items.sort((a, b) => ORDER[a.status] - ORDER[b.status] || compareDays(a.due ?? '9999', b.due ?? '9999'));
  return {
    asOf: opts.asOf,
    within: opts.within,
    agency: opts.agency ? { id: opts.agency.id, name: opts.agency.name } : null,
    role,
    all: Boolean(opts.all),
    plans: plans.map(planRef),
    matched,
    items,
  };
}

/** One row of `status --by plan`: a plan's occurrences due in each quarter, counted by status, and the on-time rate. */
export interface PlanStatusRow {
  plan: PlanRef;
  year: number;
  quarters: StatusTotals['quarters'];
  /** Over the year: done on time ÷ (done + done late + overdue); null where nothing was judged yet. */
  onTimeRate: number | null;
}

export interface PlansStatusView {
  asOf: string;
  agency: { id: string; name: string } | null;
  role: Role | 'any';
  rows: PlanStatusRow[];
}

/** `status --by plan`: a row per plan (for an agency: per plan it stands in), counted as `status` counts its totals. */
export function plansStatusView(
  plans: Plan[],
  opts: { asOf: string; within?: number; agency?: AgencyAcross; role?: Role | 'any'; periods?: 'calendar' | 'reporting'; schedules?: ReadonlyMap<Plan, ReadSchedules> },
): PlansStatusView {
  const role = opts.role ?? 'any';
  const rows: PlanStatusRow[] = [];
  for (const plan of plans) {
    const agency = opts.agency ? opts.agency.inPlan.get(plan) : undefined;
    if (opts.agency && !agency) continue;
    const view = statusView(evaluatePlan(plan, opts.asOf, opts.within ?? 14, opts.schedules?.get(plan)), { periods: opts.periods ?? 'calendar', by: 'task', agency, role });
    let done = 0;
    let judged = 0;
    for (const q of QUARTERS as readonly QuarterKey[]) {
      const c = view.totals.quarters[q].counts;
      done += c.done ?? 0;
      judged += (c.done ?? 0) + (c.late ?? 0) + (c.overdue ?? 0);
    }
    rows.push({ plan: planRef(plan), year: view.year, quarters: view.totals.quarters, onTimeRate: judged ? done / judged : null });
  }
  return { asOf: opts.asOf, agency: opts.agency ? { id: opts.agency.id, name: opts.agency.name } : null, role, rows };
}
