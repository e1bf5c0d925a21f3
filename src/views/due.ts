// The due list: for an agency (or all), what is overdue and due soon as of a day — plain data for any format.
import { collectivesOf, involvement, resolveAgency, type Involvement, type Role } from '../model/agencies.js';
import type { Agency, Plan, Task } from '../model/model.js';
import { addDays, compareDays, maxDay, toDayNumber, type EvaluatedOccurrence, type Occurrence, type Part } from '../schedule/index.js';
import { scheduleOf, untriggeredOccurrences, type PlanState, type ReadSchedules } from './evaluate.js';

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

/** The order of the due list: overdue first, then due soon, … done last. */
export const ORDER: Record<DueStatus, number> = { overdue: 0, 'due-soon': 1, open: 2, scheduled: 3, waiting: 4, ongoing: 5, late: 6, done: 7, unknown: 8 };

export function planInfo(plan: Plan): DueView['plan'] {
  return { title: plan.title, issuer: plan.issuer, year: plan.year, file: plan.file, period: plan.period };
}

/** Whether the day asked about lies outside the plan period (the views say so, and answer all the same). */
export function outsidePeriod(plan: Plan, asOf: string): boolean {
  return asOf < plan.period.start || asOf > plan.period.end;
}

/**
 * What needs attention as of the state's day: every overdue and due-soon occurrence (with `all`, every occurrence and
 * every task without occurrences), each once, overdue first (oldest due date first), then by due date. For an agency
 * (in a role, or any), the tasks it takes part in directly or through a collective, with its role and `via`; for all
 * agencies (`agency` undefined), each occurrence once with its task's lead agencies in `lead`. Pure: the report and
 * any other view call it on the same evaluated plan.
 */
export function dueItems(state: PlanState, opts: { agency?: string; role?: Role | 'any'; all?: boolean } = {}): DueItem[] {
  const { plan, asOf } = state;
  const role = opts.role ?? 'any';
  // Day numbers by day: the items of a large plan share a few hundred due days.
  const numbers = new Map<string, number>();
  const dayNumber = (day: string): number => {
    let n = numbers.get(day);
    if (n === undefined) numbers.set(day, (n = toDayNumber(day)));
    return n;
  };
  // The items with their sort keys: the task's place is looked up once per item, not in every comparison.
  const keyed: { item: DueItem; rank: number; due: string; order: number }[] = [];
  // entriesFor's set, walked without building it: at 10 000 tasks the set's entries and their copies were most of a
  // warm `due`, and only the overdue and due-soon ones are kept. The same agency rule (involvement) and the same order.
  for (const s of state.tasks) {
    const task = s.task;
    let inv: Involvement | undefined;
    if (opts.agency !== undefined) {
      inv = involvement(plan, task, opts.agency);
      if (!inv || (role !== 'any' && inv.role !== role)) continue;
    }
    const add = (o: EvaluatedOccurrence | null, status: DueStatus): void => {
      // A timeline not understood is listed too: without a due date, it would otherwise never be.
      const undated = status === 'unknown' && o === null && s.parts.length === 0;
      if (!opts.all && status !== 'overdue' && status !== 'due-soon' && !undated) return;
      const item: DueItem = {
        id: task.id,
        role: inv ? inv.role : null,
        via: inv ? inv.via : null,
        title: task.content,
        section: task.section,
        lead: task.lead,
        support: task.support,
        when: task.when,
        period: o ? o.period : null,
        status,
        start: o ? o.start : null,
        due: o ? o.due : null,
        // Days past the due date: at completion for a completed occurrence (≤ 0 when on time), else as of the day asked about.
        daysLate: o === null || o.due === null ? null : dayNumber(o.completion ?? asOf) - dayNumber(o.due),
        completed: o ? o.completion : null,
      };
      keyed.push({ item, rank: ORDER[status], due: item.due ?? '9999', order: taskOrder(plan, task.id) });
    };
    for (const o of s.eval.occurrences) add(o, o.status);
    if (s.eval.status !== null) add(null, s.eval.status);
  }
  return sortedItems(keyed, dayNumber);
}

/** Sort keys packed in one number: the rank, the due day and the item's place, in bits (see sortedItems). */
const PLACE_BITS = 2 ** 22;
const DAY_BITS = 2 ** 20;
const DAY_OFFSET = 2 ** 19;

/**
 * The items by rank, then due day, then the task's place in the plan (the items of one task in the order made).
 * Where the tasks come in plan order (every list but a hand-picked one), the task's place follows the item's, and
 * the three keys fit one number: a typed array sorts those natively, where a comparison function run 20 000 times
 * (2 000 items) before anything is compiled was a tenth of a warm `due`. Otherwise, or out of range, the comparisons.
 */
function sortedItems(keyed: { item: DueItem; rank: number; due: string; order: number }[], dayNumber: (day: string) => number): DueItem[] {
  let packable = keyed.length < PLACE_BITS;
  const keys = new Float64Array(keyed.length);
  for (let k = 0; k < keyed.length && packable; k++) {
    const e = keyed[k]!;
    if (k > 0 && e.order < keyed[k - 1]!.order) packable = false;
    const day = e.item.due === null ? DAY_BITS - 1 : dayNumber(e.item.due) + DAY_OFFSET;
    if (!(day >= 0 && day < DAY_BITS - 1) && e.item.due !== null) packable = false;
    keys[k] = (e.rank * DAY_BITS + day) * PLACE_BITS + k;
  }
  if (!packable) {
    keyed.sort((a, b) => a.rank - b.rank || compareDays(a.due, b.due) || a.order - b.order);
    return keyed.map((k) => k.item);
  }
  keys.sort();
  const out: DueItem[] = new Array(keyed.length);
  for (let k = 0; k < keys.length; k++) out[k] = keyed[keys[k]! % PLACE_BITS]!.item;
  return out;
}

/** The day a due list is for, when the tasks to evaluate may be chosen by it (not with `all`, which lists every task). */
export interface DueDay {
  asOf: string;
  within: number;
  all?: boolean;
  schedules?: ReadSchedules;
}

/**
 * Whether a task can be in the due list (overdue, due soon, or a timeline not understood) as of the day: false only
 * where that is sure without evaluating it, i.e. a task with no trigger (no event part, no trigger record) whose every
 * occurrence falls due after the warning window and after `asOf` (or that has none, but a timeline understood). At
 * 10 000 tasks most tasks are due later in the year or continuous. `after`: the later of the two days.
 */
function mayBeDue(plan: Plan, task: Task, after: string, read: ReadSchedules | undefined): boolean {
  return dueFrom(scheduleOf(plan, task, read).parts, task.records, () => untriggeredOccurrences(plan, task, read)) <= after;
}

/** What dueFrom gives a task that can never be due by the test of mayBeDue: after any day written YYYY-MM-DD. */
export const NEVER_DUE = '~';

/**
 * mayBeDue's test as a day: a task may be due as of any day whose warning window ends on or after it. '' where it
 * always may (a trigger, an event part, a timeline not understood, an occurrence without a due day), NEVER_DUE where
 * it never does (no occurrence), else the earliest due day of its occurrences. The plan cache keeps it per task, so
 * that a warm `due` leaves out a task it cannot list without reading it.
 */
export function dueFrom(parts: readonly Part[], records: readonly { trigger?: string }[], untriggered: () => readonly Occurrence[]): string {
  if (parts.length === 0 || parts.some((p) => p.kind === 'event') || records.some((r) => r.trigger !== undefined)) return '';
  let first = NEVER_DUE;
  for (const o of untriggered()) {
    if (o.due === null) return '';
    if (o.due < first) first = o.due;
  }
  return first;
}

/** The last day of the warning window that dueTasks tests tasks against (undefined with `all`: every task is read). */
export function dueWindowEnd(day: DueDay): string | undefined {
  return day.all ? undefined : maxDay(day.asOf, addDays(day.asOf, day.within));
}

/**
 * The tasks `dueView` reads for an agency (in a role): what `evaluatePlan(…, only)` needs to evaluate. Every task
 * without an agency. The list is the same either way: an agency's entries come from the tasks it takes part in.
 */
export function dueTasks(plan: Plan, agency: Agency | undefined, role: Role | 'any' = 'any', day?: DueDay): ((task: Task) => boolean) | undefined {
  // The warning window's last day, once: date-fns is slow enough to count at 10 000 tasks.
  const after = day ? dueWindowEnd(day) : undefined;
  const may = day && after !== undefined ? (task: Task) => mayBeDue(plan, task, after, day.schedules) : undefined;
  if (!agency) return may;
  // The one agency's involvement, not involvedIn's list of every agency's: this runs on every task of the plan. A
  // task takes part through the agency or a collective that holds it, so a task that names none of these is out
  // without asking involvement (most tasks of a large plan).
  const names = new Set([agency.id, ...collectivesOf(plan, agency.id)]);
  const named = (ids: string[]): boolean => {
    for (const id of ids) if (names.has(id)) return true;
    return false;
  };
  return (task) => {
    if (!named(task.lead) && !named(task.support)) return false;
    const inv = involvement(plan, task, agency.id);
    return inv !== undefined && (role === 'any' || inv.role === role) && (may === undefined || may(task));
  };
}

/**
 * The tasks a `due` list can hold, asked of a plan without its tasks (the plan cache then reads those alone): those
 * that name the agency or a collective holding it (dueTasks' first test) and may be due by the window's end
 * (mayBeDue's). An agency not found: the whole plan (the command then says so, as without the cache).
 */
export function duePick(agency: string | undefined, day: DueDay): (head: () => Plan) => { names?: string[]; after?: string } | undefined {
  const after = dueWindowEnd(day);
  return (headOf) => {
    if (agency === undefined) return after === undefined ? undefined : { after };
    const head = headOf();
    let a: Agency;
    try {
      a = resolveAgency(head, agency);
    } catch {
      return undefined;
    }
    return { names: [a.id, ...collectivesOf(head, a.id)], ...(after !== undefined ? { after } : {}) };
  };
}

export function dueView(state: PlanState, opts: { agency?: Agency; role?: Role | 'any'; all?: boolean }): DueView {
  const { plan, asOf } = state;
  const role = opts.role ?? 'any';
  return {
    plan: planInfo(plan),
    asOf,
    within: state.within,
    agency: opts.agency ? { id: opts.agency.id, name: opts.agency.name } : null,
    role,
    all: Boolean(opts.all),
    outsidePeriod: outsidePeriod(plan, asOf),
    items: dueItems(state, { agency: opts.agency?.id, role, all: opts.all }),
  };
}

/** Each task's place in the plan, built once per plan: a sort that looked it up in the task list would scan it per comparison. */
const ORDERS = new WeakMap<Plan, Map<string, number>>();

export function taskOrder(plan: Plan, id: string): number {
  let order = ORDERS.get(plan);
  if (!order) {
    order = new Map();
    plan.tasks.forEach((t, i) => order!.has(t.id) || order!.set(t.id, i));
    ORDERS.set(plan, order);
  }
  return order.get(id) ?? -1;
}
