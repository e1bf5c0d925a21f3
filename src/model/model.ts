// The plan as the rest of the program sees it: normalised tasks, agencies by id, the plan period.
import type { AgencyFile, PlanFile, RecordFile, ScheduleFile } from './schema.js';
import { yearsOf } from './years.js';

export type Path = (string | number)[];

export interface Agency extends AgencyFile {
  id: string;
}

export interface Task {
  id: string;
  section: string;
  sectionTitle: string;
  content: string;
  lead: string[];
  support: string[];
  output: string;
  when: string;
  schedule?: ScheduleFile;
  /** Other columns of the table, by header. */
  extra?: Record<string, string>;
  records: RecordFile[];
  /**
   * Where each of `records` stands in the file's `records` list, when records with the wrong shape were left out of
   * `records` (absent when none was: record i is then item i).
   */
  recordPlaces?: number[];
  /** Where the task stands in the file, for locating findings. */
  path: Path;
  /** The parent plan's task this one carries out (`implements:`). */
  implements?: string;
}

/** Where a task of a plan read in part stands in the file: parts with the wrong shape are left out of the model. */
export interface Origin {
  path: Path;
  /** The place in the file's `records` list of each record kept, where some were left out. */
  records?: number[];
}

export interface Plan {
  file: string;
  raw: PlanFile;
  title: string;
  issuer: string;
  year: number;
  period: { start: string; end: string };
  agencies: Map<string, Agency>;
  sections: { id: string; title: string; tasks: Task[] }[];
  tasks: Task[];
  taskById: Map<string, Task>;
}

/** The plan period as days: `period` as written ({ start, end } or years `2026-2030`), else the plan year. */
export function periodOf(h: Pick<PlanFile['plan'], 'year' | 'period'>): { start: string; end: string } {
  const p = h.period;
  if (p === undefined) return { start: `${h.year}-01-01`, end: `${h.year}-12-31` };
  if (typeof p !== 'string') return p;
  const { first, last } = yearsOf(p);
  return { start: `${first}-01-01`, end: `${last}-12-31` };
}

export function asList(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The item of the file's `records` list that record `i` of the task was read from (0-based). */
export function recordPlace(task: Task, i: number): number {
  return task.recordPlaces?.[i] ?? i;
}

/** The path in the file of record `i` of the task, or of its `key`. */
export function recordPath(task: Task, i: number, key?: string): Path {
  const at: Path = [...task.path, 'records', recordPlace(task, i)];
  return key === undefined ? at : [...at, key];
}

/**
 * `origin` maps a task's place in `raw` to its place in the file (and its records' places in the file's list), where
 * invalid tasks or records were left out of `raw`.
 */
export function buildModel(raw: PlanFile, file: string, origin?: (si: number, ti: number) => Origin | undefined): Plan {
  const year = raw.plan.year;
  const period = periodOf(raw.plan);
  const agencies = new Map<string, Agency>();
  for (const [id, a] of Object.entries(raw.agencies)) agencies.set(id, { id, ...a });
  const tasks: Task[] = [];
  const sections = raw.sections.map((s, si) => {
    const st: Task[] = s.tasks.map((t, ti) => {
      const from = origin?.(si, ti);
      const task: Task = {
        id: t.id,
        section: s.id,
        sectionTitle: s.title,
        content: t.content,
        lead: asList(t.lead),
        support: asList(t.support),
        output: t.output ?? '',
        when: t.when,
        records: t.records ?? [],
        path: from?.path ?? ['sections', si, 'tasks', ti],
      };
      if (t.schedule) task.schedule = t.schedule;
      if (t.extra) task.extra = t.extra;
      if (t.implements) task.implements = t.implements;
      if (from?.records) task.recordPlaces = from.records;
      return task;
    });
    tasks.push(...st);
    return { id: s.id, title: s.title, tasks: st };
  });
  const taskById = new Map<string, Task>();
  for (const t of tasks) if (!taskById.has(t.id)) taskById.set(t.id, t);
  return { file, raw, title: raw.plan.title ?? raw.appendix?.title ?? '', issuer: raw.plan.issuer, year, period, agencies, sections, tasks, taskById };
}
