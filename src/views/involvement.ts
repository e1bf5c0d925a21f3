// The one evaluated set that due, status, show and the report project: occurrences as of a day, with every agency involved.
import { involvement, type Involvement, type Role } from '../model/agencies.js';
import type { Plan, Task } from '../model/model.js';
import type { EvaluatedOccurrence, OccurrenceStatus, TaskStatus } from '../schedule/index.js';
import type { PlanState, TaskState } from './evaluate.js';

export interface Involved extends Involvement {
  agency: string;
}

/** One line of the set: an occurrence of a task, or the task itself where it has no occurrence as of the day. */
export interface Entry {
  task: TaskState;
  /** null: the task's own status stands (continuous, untriggered event, a schedule that cannot be read). */
  occurrence: EvaluatedOccurrence | null;
  status: OccurrenceStatus | TaskStatus;
  /** Every agency involved in the task, with its role and `via`. */
  involved: Involved[];
}

/** An entry as one agency sees it: its role and `via` in the task (null for both when the set is for all agencies). */
export interface AgencyEntry extends Entry {
  role: Role | null;
  via: string | null;
}

/** Who takes part in a task depends only on the plan: worked out once per task. */
const involvedCache = new WeakMap<Task, Involved[]>();

/**
 * Every agency involved in a task, directly or through a collective, with the role and `via` of the contract (the one
 * rule, `involvement`, asked for each agency the plan declares): the agencies the task names first, in its order, then
 * the others in the order the plan declares them.
 */
export function involvedIn(plan: Plan, task: Task): Involved[] {
  let list = involvedCache.get(task);
  if (list) return list;
  const named = [...task.lead, ...task.support];
  const ids = [...new Set([...named, ...plan.agencies.keys()])];
  list = [];
  for (const agency of ids) {
    const inv = involvement(plan, task, agency);
    if (inv) list.push({ agency, ...inv });
  }
  involvedCache.set(task, list);
  return list;
}

/** How `agency` takes part in the task, if it does in the role asked for (`any`: either). */
export function roleIn(plan: Plan, task: Task, agency: string, role: Role | 'any' = 'any'): Involvement | undefined {
  const found = involvedIn(plan, task).find((i) => i.agency === agency);
  return found && (role === 'any' || found.role === role) ? { role: found.role, via: found.via } : undefined;
}

const setCache = new WeakMap<PlanState, Entry[]>();

/** The whole set as of the state's day: each occurrence once, tasks without occurrences once, in plan order. */
export function evaluatedSet(state: PlanState): Entry[] {
  let set = setCache.get(state);
  if (set) return set;
  set = [];
  for (const s of state.tasks) {
    const involved = involvedIn(state.plan, s.task);
    for (const o of s.eval.occurrences) set.push({ task: s, occurrence: o, status: o.status, involved });
    if (s.eval.status !== null) set.push({ task: s, occurrence: null, status: s.eval.status, involved });
  }
  setCache.set(state, set);
  return set;
}

/** One task's part of the set: its occurrences, or its own status (for `show`). */
export function taskEntries(state: PlanState, taskId: string): Entry[] {
  return evaluatedSet(state).filter((e) => e.task.task.id === taskId);
}

/** The set for one agency (in a role, or any), or for all agencies when `agency` is undefined. */
export function entriesFor(state: PlanState, agency?: string, role: Role | 'any' = 'any'): AgencyEntry[] {
  const out: AgencyEntry[] = [];
  for (const e of evaluatedSet(state)) {
    if (agency === undefined) {
      out.push({ ...e, role: null, via: null });
      continue;
    }
    const inv = e.involved.find((i) => i.agency === agency);
    if (inv && (role === 'any' || inv.role === role)) out.push({ ...e, role: inv.role, via: inv.via });
  }
  return out;
}

/** The tasks an agency takes part in (in a role, or any), in plan order; every task when `agency` is undefined. */
export function tasksOf(state: PlanState, agency?: string, role: Role | 'any' = 'any'): TaskState[] {
  if (agency === undefined) return state.tasks;
  return state.tasks.filter((s) => roleIn(state.plan, s.task, agency, role));
}

/**
 * The agencies that take part in at least one of the tasks (in the role asked for): those the tasks name, in order of
 * first mention, then those involved only through a collective, in the order the plan declares them.
 */
export function involvedAgencies(state: PlanState, role: Role | 'any' = 'any'): string[] {
  const named: string[] = [];
  const through = new Set<string>();
  for (const s of state.tasks) {
    for (const i of involvedIn(state.plan, s.task)) {
      if (role !== 'any' && i.role !== role) continue;
      if (i.via === null) {
        if (!named.includes(i.agency)) named.push(i.agency);
      } else through.add(i.agency);
    }
  }
  return [...named, ...[...state.plan.agencies.keys()].filter((id) => through.has(id) && !named.includes(id))];
}
