// The whole plan as of a day: each task's schedule, occurrences and statuses, with `follows` resolved.
import type { Plan, Task } from '../model/model.js';
import { buildSchedule, evaluateTask, occurrences, type Occurrence, type Part, type SchedProblem, type TaskEvaluation } from '../schedule/index.js';

export interface TaskState {
  task: Task;
  parts: Part[];
  problems: SchedProblem[];
  eval: TaskEvaluation;
  /** The task this one follows, if any. */
  follows: string | null;
}

export interface PlanState {
  plan: Plan;
  asOf: string;
  within: number;
  tasks: TaskState[];
  byId: Map<string, TaskState>;
}

/** Each task's schedule as the plan was read with it (the loaded plan's `schedules`). */
export type ReadSchedules = ReadonlyMap<Task, { parts: Part[]; problems: SchedProblem[] }>;

/** Schedules depend only on the plan, not the day: read once per plan. */
const scheduleCache = new WeakMap<Task, { parts: Part[]; problems: SchedProblem[] }>();

export function scheduleOf(plan: Plan, task: Task, read?: ReadSchedules): { parts: Part[]; problems: SchedProblem[] } {
  let s = read?.get(task) ?? scheduleCache.get(task);
  if (!s) {
    s = buildSchedule(task.when, task.schedule, plan.period);
    scheduleCache.set(task, s);
  }
  return s;
}

/** A task's schedule known already (read from the same `when` and `schedule` before a hand edit): not read again. */
export function knownSchedule(task: Task, s: { parts: Part[]; problems: SchedProblem[] }): void {
  scheduleCache.set(task, s);
}

/** The id of the task a timeline follows: its first event part that follows one (null: it follows none). */
export function followsOf(parts: Part[]): string | null {
  for (const p of parts) if (p.kind === 'event' && p.follows) return p.follows;
  return null;
}

/**
 * The occurrences of a timeline without triggers, by its parts and period as written: a hundred commune plans of one
 * province share their timelines ("Tháng 2/2023", "Trước ngày 30/6/2023"), so a run across them works each out
 * once. Kept for the run, up to a bound (a long-lived process must not grow without end).
 */
const SHARED = new Map<string, Occurrence[]>();
const MAX_SHARED = 4096;

/** The same, by the parts list itself: the tasks of one timeline in a cached plan share it, and its text need not be made again. */
const BY_PARTS = new WeakMap<readonly Part[], { start: string; end: string; occurrences: Occurrence[] }>();

function sharedOccurrences(parts: Part[], period: { start: string; end: string }): Occurrence[] {
  const known = BY_PARTS.get(parts);
  if (known && known.start === period.start && known.end === period.end) return known.occurrences;
  const key = `${period.start} ${period.end} ${JSON.stringify(parts)}`;
  let o = SHARED.get(key);
  if (!o) {
    if (SHARED.size >= MAX_SHARED) SHARED.clear();
    SHARED.set(key, (o = occurrences(parts, period, { triggers: [] })));
  }
  BY_PARTS.set(parts, { start: period.start, end: period.end, occurrences: o });
  return o;
}

/** The occurrences of a timeline without triggers in a plan period, as evaluatePlan works them out (shared by equal parts). */
export function untriggeredOf(parts: Part[], period: { start: string; end: string }): Occurrence[] {
  return sharedOccurrences(parts, period);
}

/**
 * The occurrences of a timeline without triggers, known already (the plan cache keeps them with the schedules they
 * were worked out from, for the same period): not worked out again for these parts.
 */
export function knownOccurrences(parts: Part[], period: { start: string; end: string }, occurrences: Occurrence[]): void {
  BY_PARTS.set(parts, { start: period.start, end: period.end, occurrences });
}

/** The occurrences of a task's timeline without triggers (what evaluatePlan uses for a task that has none). */
export function untriggeredOccurrences(plan: Plan, task: Task, read?: ReadSchedules): Occurrence[] {
  return sharedOccurrences(scheduleOf(plan, task, read).parts, plan.period);
}

/**
 * Evaluates every task as of `asOf`. A task that follows another is triggered by that task's completions
 * (dated on or before `asOf`); loops and unknown ids simply give no trigger (`tthc check` reports them).
 * `only`: these tasks (and those they follow) alone — a list (one task of a large plan, for `done`) or a test (an
 * agency's tasks, for `due --agency`).
 */
export function evaluatePlan(
  plan: Plan,
  asOf: string,
  within: number,
  schedules?: ReadSchedules,
  only?: readonly Task[] | ((task: Task) => boolean),
): PlanState {
  const byId = new Map<string, TaskState>();
  const visiting = new Set<string>();
  // The occurrences of a timeline without triggers depend on its parts and the period alone: tasks that share their
  // parts (a cached plan's tasks of one timeline do) share them, worked out once.
  const occurrencesOf = (parts: Part[]): Occurrence[] => sharedOccurrences(parts, plan.period);
  // A task without records or triggers is evaluated by its timeline alone (its occurrences, as of one day): the tasks
  // of one timeline share that evaluation, worked out once. A large plan's tasks are mostly such (read-only) ones.
  const plain = new Map<Occurrence[], TaskEvaluation>();
  const evalTask = (task: Task): TaskState => {
    const done = byId.get(task.id);
    if (done && done.task === task) return done;
    const { parts, problems } = scheduleOf(plan, task, schedules);
    const follows = followsOf(parts);
    let extraTriggers: string[] = [];
    if (follows && follows !== task.id && !visiting.has(task.id)) {
      const other = plan.taskById.get(follows);
      if (other) {
        visiting.add(task.id);
        const o = evalTask(other);
        visiting.delete(task.id);
        extraTriggers = completionDays(o, asOf);
      }
    }
    const untriggered = extraTriggers.length ? undefined : occurrencesOf(parts);
    const alone = untriggered !== undefined && task.records.length === 0;
    let ev = alone ? plain.get(untriggered) : undefined;
    if (!ev) {
      ev = evaluateTask({ parts, period: plan.period, records: task.records, asOf, within, extraTriggers, untriggered });
      if (alone) plain.set(untriggered, ev);
    }
    const state: TaskState = { task, parts, problems, eval: ev, follows };
    if (!byId.has(task.id)) byId.set(task.id, state);
    return state;
  };
  // `only`: the tasks a view will read (an agency's, for `due --agency`); a task they follow is still evaluated for
  // its completions, but the state lists these alone. At 10 000 tasks this is most of a warm `due --agency`.
  const wanted = only === undefined ? plan.tasks : typeof only === 'function' ? plan.tasks.filter(only) : only;
  // A long chain of `follows` is evaluated from its far end, so that the recursion above stays one level deep.
  for (const t of wanted) {
    // Most tasks follow none: evaluated at once, without a chain to walk.
    if (byId.has(t.id)) continue;
    if (followsOf(scheduleOf(plan, t, schedules).parts) === null) {
      evalTask(t);
      continue;
    }
    const chain: Task[] = [];
    const seen = new Set<Task>();
    for (let cur: Task | undefined = t; cur && !byId.has(cur.id) && !seen.has(cur); ) {
      seen.add(cur);
      chain.push(cur);
      const f = followsOf(scheduleOf(plan, cur, schedules).parts);
      cur = f ? plan.taskById.get(f) : undefined;
    }
    for (let i = chain.length - 1; i >= 0; i--) evalTask(chain[i]!);
  }
  const tasks = wanted.map((t) => evalTask(t));
  return { plan, asOf, within, tasks, byId };
}

/** The days on which a task was completed (any occurrence), on or before the day evaluated. */
export function completionDays(s: TaskState, asOf: string): string[] {
  const days = s.eval.occurrences.flatMap((o) => (o.completion ? [o.completion] : []));
  if (s.eval.status === 'done') for (const r of s.task.records) if (r.done && r.done <= asOf) days.push(r.done);
  return [...new Set(days)].sort();
}
