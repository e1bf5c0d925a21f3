// The quarterly status table: per task (or agency, or section), a cell per quarter as of a day — plain data.
import { agencyName, type Role } from '../model/agencies.js';
import type { Agency, Plan } from '../model/model.js';
import {
  quarterRanges,
  STATUS_PRECEDENCE,
  type DayRange,
  type OccurrenceStatus,
  type PeriodMode,
} from '../schedule/index.js';
import { outsidePeriod, planInfo } from './due.js';
import type { PlanState, TaskState } from './evaluate.js';
import { involvedAgencies, tasksOf } from './involvement.js';

export type CellStatus = OccurrenceStatus | 'none' | 'ongoing' | 'no-record' | 'waiting' | 'unknown';

export interface CellOccurrence {
  id: string;
  period: string | null;
  due: string | null;
  status: OccurrenceStatus;
  completion: string | null;
}

export interface Cell {
  status: CellStatus;
  /** Occurrences due in the quarter, and how many of them are done (on time or late). */
  due: number;
  done: number;
  late: number;
  overdue: number;
  /** Progress records dated in the quarter (continuous tasks' activities, completions). */
  records: number;
  occurrences: CellOccurrence[];
}

export interface StatusRow {
  id: string;
  title: string;
  kind: 'task' | 'agency' | 'section';
  quarters: Record<'Q1' | 'Q2' | 'Q3' | 'Q4', Cell>;
}

/**
 * The totals row counts one unit: occurrences due in the quarter (an event's occurrence without a due date: completed
 * in it), each once however many rows show it — the same occurrences, with the same statuses, that `due` lists. The
 * on-time rate is over the same set: done on time ÷ (done + done late + overdue).
 */
export interface StatusTotals {
  unit: 'occurrences';
  quarters: Record<'Q1' | 'Q2' | 'Q3' | 'Q4', { counts: Partial<Record<CellStatus, number>>; due: number; onTimeRate: number | null }>;
}

export interface StatusView {
  plan: ReturnType<typeof planInfo>;
  asOf: string;
  year: number;
  periods: PeriodMode;
  ranges: Record<'Q1' | 'Q2' | 'Q3' | 'Q4', DayRange>;
  by: 'task' | 'agency' | 'section';
  agency: { id: string; name: string } | null;
  /** The role the rows' agencies take in the tasks counted (`any`: either). */
  role: Role | 'any';
  /** The day asked about lies outside the plan period (as in `due`). */
  outsidePeriod: boolean;
  rows: StatusRow[];
  totals: StatusTotals;
  /** Occurrences due outside the four quarters (with reporting periods: 15–31 December). */
  outside: number;
  /** Those occurrences, with their status as of the day: no column shows them, so the note under the table does. */
  outsideItems: CellOccurrence[];
}

export const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
export type QuarterKey = (typeof QUARTERS)[number];

/**
 * How a group's cell (an agency's or a section's tasks) picks the status that stands for its tasks' cells: the
 * contract's order for occurrences (overdue, due-soon, open, scheduled, late, done), with a continuous task's quarter
 * without a record ranked as a gap right after due-soon, `ongoing` next to `open`, and `waiting` last but `none`:
 * an untriggered event says nothing about the quarter, so it must not hide what the group's other tasks did in it.
 */
export const CELL_ORDER: CellStatus[] = ['overdue', 'due-soon', 'no-record', 'open', 'ongoing', 'scheduled', 'late', 'done', 'waiting', 'unknown', 'none'];

function emptyCell(status: CellStatus = 'none'): Cell {
  return { status, due: 0, done: 0, late: 0, overdue: 0, records: 0, occurrences: [] };
}

function inRange(d: string, r: DayRange): boolean {
  return d >= r.start && d <= r.end;
}

/** One task's cell in one quarter, by the contract. */
export function taskCell(s: TaskState, range: DayRange, asOf: string): Cell {
  const cell = emptyCell();
  const occs = s.eval.occurrences.filter((o) => o.due !== null && inRange(o.due, range));
  for (const o of occs) {
    cell.occurrences.push({ id: s.task.id, period: o.period, due: o.due, status: o.status, completion: o.completion });
    cell.due++;
    if (o.status === 'done') cell.done++;
    if (o.status === 'late') cell.late++;
    if (o.status === 'overdue') cell.overdue++;
  }
  cell.records = s.task.records.filter((r) => {
    const d = r.done ?? r.trigger;
    return d !== undefined && d <= asOf && inRange(d, range);
  }).length;
  if (occs.length) {
    cell.status = STATUS_PRECEDENCE.find((st) => occs.some((o) => o.status === st)) ?? 'none';
    return cell;
  }
  if (s.eval.continuous) {
    cell.status = range.start > asOf ? 'scheduled' : range.end < asOf && cell.records === 0 ? 'no-record' : 'ongoing';
    return cell;
  }
  if (s.parts.some((p) => p.kind === 'event')) return eventCell(s, range, asOf, cell);
  // A timeline tthc does not understand (WHEN_UNKNOWN): no quarter can be said to be free of it.
  if (s.eval.status === 'unknown' && s.parts.length === 0) {
    cell.status = 'unknown';
    return cell;
  }
  // A timeline with nothing due in this quarter: scheduled if it is still to come, otherwise nothing.
  cell.status = 'none';
  return cell;
}

/**
 * Event tasks: waiting before the trigger, open from its quarter until done (or until the quarter its occurrence falls
 * due in, which shows it like any other occurrence), done in the quarter of completion of an occurrence without a due
 * date — which counts there as an occurrence due and done, having no due date to file it by — and nothing after.
 */
function eventCell(s: TaskState, range: DayRange, asOf: string, cell: Cell): Cell {
  if (range.start > asOf) return { ...cell, status: 'scheduled' };
  const trigger = s.eval.triggers[0];
  if (!trigger || range.end < trigger) return { ...cell, status: 'waiting' };
  const pending = s.eval.occurrences.some(
    (o) => o.start <= range.end && (o.completion === null || o.completion > range.end) && (o.due === null || o.due > range.end),
  );
  if (pending) return { ...cell, status: 'open' };
  const doneHere = s.eval.occurrences.filter((o) => o.due === null && o.completion !== null && inRange(o.completion, range));
  if (doneHere.length) {
    for (const o of doneHere) cell.occurrences.push({ id: s.task.id, period: o.period, due: null, status: o.status, completion: o.completion });
    return { ...cell, status: 'done', due: cell.due + doneHere.length, done: cell.done + doneHere.length };
  }
  // A completion that fits no occurrence (`tthc check` reports it) still shows in the quarter it is dated in.
  if (!s.eval.occurrences.length && s.task.records.some((r) => r.done !== undefined && r.done <= asOf && inRange(r.done, range))) {
    return { ...cell, status: 'done' };
  }
  return { ...cell, status: 'none' };
}

/** Several cells (tasks of an agency or section) summarised: the first status of the contract's order any has. */
function mergeCells(cells: Cell[]): Cell {
  const out = emptyCell();
  for (const c of cells) {
    out.due += c.due;
    out.done += c.done;
    out.late += c.late;
    out.overdue += c.overdue;
    out.records += c.records;
    out.occurrences.push(...c.occurrences);
  }
  out.status = CELL_ORDER.find((st) => cells.some((c) => c.status === st)) ?? 'none';
  return out;
}

export function statusView(
  state: PlanState,
  opts: { periods?: PeriodMode; by?: 'task' | 'agency' | 'section'; agency?: Agency; role?: Role | 'any' },
): StatusView {
  const { plan, asOf } = state;
  const periods = opts.periods ?? 'calendar';
  const by = opts.by ?? 'task';
  const role = opts.role ?? 'any';
  // A plan over several years shows the quarters of the year the day falls in (its first or last year outside it).
  const year = Math.min(Math.max(Number(asOf.slice(0, 4)), Number(plan.period.start.slice(0, 4))), Number(plan.period.end.slice(0, 4)));
  const rs = quarterRanges(plan.period.start.slice(0, 4) === plan.period.end.slice(0, 4) ? plan.year : year, periods);
  const ranges = { Q1: rs[0]!, Q2: rs[1]!, Q3: rs[2]!, Q4: rs[3]! };
  // The same rule as `due` (involvedIn): an agency's tasks include those it takes part in through a collective.
  const tasks = tasksOf(state, opts.agency?.id, role);
  const perTask = new Map<string, Record<QuarterKey, Cell>>();
  const cellsOf = (s: TaskState): Record<QuarterKey, Cell> => {
    let cells = perTask.get(s.task.id);
    if (!cells) {
      cells = Object.fromEntries(QUARTERS.map((q) => [q, taskCell(s, ranges[q], asOf)])) as Record<QuarterKey, Cell>;
      perTask.set(s.task.id, cells);
    }
    return cells;
  };
  let rows: StatusRow[];
  if (by === 'task') {
    rows = tasks.map((s) => ({ id: s.task.id, title: s.task.content, kind: 'task', quarters: cellsOf(s) }));
  } else if (by === 'section') {
    rows = plan.sections
      .filter((sec) => tasks.some((s) => s.task.section === sec.id))
      .map((sec) => ({
        id: sec.id,
        title: sec.title,
        kind: 'section' as const,
        quarters: merged(tasks.filter((s) => s.task.section === sec.id).map(cellsOf)),
      }));
  } else if (opts.agency) {
    // One agency asked about: its one row, over every task it takes part in (directly or through a collective).
    rows = [{ id: opts.agency.id, title: opts.agency.name, kind: 'agency', quarters: merged(tasks.map(cellsOf)) }];
  } else {
    // A row for every agency involved in a task, over every task it takes part in, through collectives too.
    rows = involvedAgencies(state, role).map((id) => ({
      id,
      title: agencyName(plan, id),
      kind: 'agency' as const,
      quarters: merged(tasksOf(state, id, role).map(cellsOf)),
    }));
  }
  const counted = [...perTask.keys()].map((id) => state.byId.get(id)!);
  const outsideItems: CellOccurrence[] = [];
  for (const s of counted) {
    for (const o of s.eval.occurrences) {
      if (o.due && !QUARTERS.some((q) => inRange(o.due!, ranges[q]))) outsideItems.push({ id: s.task.id, period: o.period, due: o.due, status: o.status, completion: o.completion });
    }
  }
  return {
    plan: planInfo(plan),
    asOf,
    year: Number(rs[0]!.end.slice(0, 4)),
    periods,
    ranges,
    by,
    agency: opts.agency ? { id: opts.agency.id, name: opts.agency.name } : null,
    role,
    outsidePeriod: outsidePeriod(plan, asOf),
    rows,
    totals: totals(rows),
    outside: outsideItems.length,
    outsideItems,
  };
}

function merged(list: Record<QuarterKey, Cell>[]): Record<QuarterKey, Cell> {
  return Object.fromEntries(QUARTERS.map((q) => [q, mergeCells(list.map((c) => c[q]))])) as Record<QuarterKey, Cell>;
}

/** The occurrences the rows show in each quarter, each counted once (rows of agencies share tasks). */
function totals(rows: StatusRow[]): StatusTotals {
  const quarters = {} as StatusTotals['quarters'];
  for (const q of QUARTERS) {
    const seen = new Map<string, CellOccurrence>();
    for (const r of rows) for (const o of r.quarters[q].occurrences) seen.set(`${o.id}\u0000${o.period ?? ''}`, o);
    const counts: Partial<Record<CellStatus, number>> = {};
    for (const o of seen.values()) counts[o.status] = (counts[o.status] ?? 0) + 1;
    const judged = (counts.done ?? 0) + (counts.late ?? 0) + (counts.overdue ?? 0);
    quarters[q] = { counts, due: seen.size, onTimeRate: judged ? (counts.done ?? 0) / judged : null };
  }
  return { unit: 'occurrences', quarters };
}

/** One line of `status --quarter N`: an occurrence due in the quarter, a task's quarter status, or a record dated in it. */
export interface DetailLine {
  id: string;
  title: string;
  kind: 'occurrence' | 'quarter' | 'record' | 'trigger';
  period: string | null;
  due: string | null;
  status: CellStatus | null;
  /** The completion day (occurrence), or the record's day. */
  day: string | null;
  ref: string | null;
  note: string | null;
  /** For a quarter line: the progress records dated in the quarter. */
  records: number | null;
}

/**
 * One quarter in detail, task by task: the occurrences due in it (with the record that completed each), the quarter's
 * status where nothing falls due in it, and the other records dated in it up to the day asked about (activities,
 * triggers, late completions of earlier occurrences). Tasks with nothing in the quarter are left out.
 */
export function quarterDetail(view: StatusView, plan: Plan, q: QuarterKey): DetailLine[] {
  const range = view.ranges[q];
  const lines: DetailLine[] = [];
  const tasks = new Map(plan.tasks.map((task) => [task.id, task]));
  for (const row of view.rows) {
    const task = tasks.get(row.id);
    if (!task) continue;
    const cell = row.quarters[q];
    const own = task.records.filter((r) => {
      const d = r.done ?? r.trigger;
      return d !== undefined && d <= view.asOf && inRange(d, range);
    });
    if (cell.status === 'none' && own.length === 0 && cell.occurrences.length === 0) continue;
    const used = new Set<object>();
    const base = { id: task.id, title: task.content };
    for (const o of cell.occurrences) {
      const rec = o.completion
        ? task.records.find((r) => r.done === o.completion && (r.period === undefined || r.period === o.period) && !used.has(r))
        : undefined;
      if (rec) used.add(rec);
      lines.push({ ...base, kind: 'occurrence', period: o.period, due: o.due, status: o.status, day: o.completion, ref: rec?.ref ?? null, note: rec?.note ?? null, records: null });
    }
    if (cell.occurrences.length === 0) lines.push({ ...base, kind: 'quarter', period: null, due: null, status: cell.status, day: null, ref: null, note: null, records: cell.records });
    for (const r of own) {
      if (used.has(r)) continue;
      lines.push({ ...base, kind: r.trigger ? 'trigger' : 'record', period: r.period ?? null, due: null, status: null, day: (r.done ?? r.trigger)!, ref: r.ref ?? null, note: r.note ?? null, records: null });
    }
  }
  return lines;
}
