// The plan as the rest of the program sees it: normalised tasks, agencies by id, the plan period.
import type { AgencyFile, PlanFile, RecordFile, ScheduleFile } from './schema.js';

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
  records: RecordFile[];
  /** Where the task stands in the file, for locating findings. */
  path: Path;
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

export function asList(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** `origin` maps a task's place in `raw` to its place in the file, where invalid tasks were left out of `raw`. */
export function buildModel(raw: PlanFile, file: string, origin?: (si: number, ti: number) => Path): Plan {
  const year = raw.plan.year;
  const period = raw.plan.period ?? { start: `${year}-01-01`, end: `${year}-12-31` };
  const agencies = new Map<string, Agency>();
  for (const [id, a] of Object.entries(raw.agencies)) agencies.set(id, { id, ...a });
  const tasks: Task[] = [];
  const sections = raw.sections.map((s, si) => {
    const st: Task[] = s.tasks.map((t, ti) => {
      const task: Task = {
        id: t.id,
        section: s.id,
        sectionTitle: s.title,
        content: t.content,
        lead: asList(t.lead),
        support: asList(t.support),
        output: t.output,
        when: t.when,
        records: t.records ?? [],
        path: origin ? origin(si, ti) : ['sections', si, 'tasks', ti],
      };
      if (t.schedule) task.schedule = t.schedule;
      return task;
    });
    tasks.push(...st);
    return { id: s.id, title: s.title, tasks: st };
  });
  const taskById = new Map<string, Task>();
  for (const t of tasks) if (!taskById.has(t.id)) taskById.set(t.id, t);
  return { file, raw, title: raw.plan.title, issuer: raw.plan.issuer, year, period, agencies, sections, tasks, taskById };
}
