// The whole plan as of a day: each task's schedule, occurrences and statuses, with `follows` resolved.
import type { Plan, Task } from '../model/model.js';
import { buildSchedule, evaluateTask, type Part, type SchedProblem, type TaskEvaluation } from '../schedule/index.js';

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

function followsOf(parts: Part[]): string | null {
  for (const p of parts) if (p.kind === 'event' && p.follows) return p.follows;
  return null;
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
    const ev = evaluateTask({ parts, period: plan.period, records: task.records, asOf, within, extraTriggers });
    const state: TaskState = { task, parts, problems, eval: ev, follows };
    if (!byId.has(task.id)) byId.set(task.id, state);
    return state;
  };
  // `only`: the tasks a view will read (an agency's, for `due --agency`); a task they follow is still evaluated for
  // its completions, but the state lists these alone. At 10 000 tasks this is most of a warm `due --agency`.
  const wanted = only === undefined ? plan.tasks : typeof only === 'function' ? plan.tasks.filter(only) : only;
  // A long chain of `follows` is evaluated from its far end, so that the recursion above stays one level deep.
  for (const t of wanted) {
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
