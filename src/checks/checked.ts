// A plan as the commands receive it (model, findings as of today, schedules), made from an analysis: the one value
// the uncached loader and the cache wrapper both return.
import type { Diagnostic } from '../model/diagnostics.js';
import type { Part, SchedProblem } from '../schedule/index.js';
import type { Analysis } from './analyze.js';
import { madeFrom } from './made-from.js';
import { decodePlanBytes } from '../read/decode.js';
import { buildModel, type Plan, type Task } from '../model/model.js';

/** A task's schedule as read from its timeline phrase; it depends on the plan alone, not on the day asked about. */
export interface TaskSchedule {
  parts: Part[];
  problems: SchedProblem[];
}

export interface Checked {
  file: string;
  plan?: Plan;
  /** Each task's schedule, read once with the plan: the views take it from here instead of reading phrases again. */
  schedules?: ReadonlyMap<Task, TaskSchedule>;
  diagnostics: Diagnostic[];
  lines?: string[];
  /** The plan was salvaged from a file of the wrong shape: only its heading, agencies and sections are in it. */
  partial?: true;
}

/** The model from an analysis: the tasks and their records keep the places in the file they were read from. */
export function modelOf(a: Analysis, file: string): Plan | undefined {
  if (!a.raw) return undefined;
  const made = madeFrom(a, file);
  if (made) return made;
  const origins = a.origins ?? [];
  const offsets: number[] = [];
  let n = 0;
  for (const s of a.raw.sections) {
    offsets.push(n);
    n += s.tasks.length;
  }
  return buildModel(a.raw, file, (si, ti) => origins[offsets[si]! + ti]);
}

/** Findings that hold on `today` (records dated after it are reported only until that day comes), named `file`. */
export function diagnosticsFor(a: Analysis, today: string, file: string): Diagnostic[] {
  return a.diagnostics
    .filter((d) => d.ifTodayBefore === undefined || today < d.ifTodayBefore)
    .map(({ ifTodayBefore: _, ...d }) => (d.file === file ? d : { ...d, file }) as Diagnostic);
}

/** The decoded lines of a plan's bytes, for excerpts under findings (as the analysis holds them). */
export function linesOf(bytes: Uint8Array): string[] | undefined {
  return decodePlanBytes(bytes, '').text?.split(/\r?\n/);
}

/**
 * What the commands get from an analysis of `bytes`. An analysis without its lines (a cache entry) gets them from
 * the bytes, and only when something asks: a clean plan never needs them. `bytes` may be a function that reads
 * them (a plan the cache vouched for without reading it); lines it cannot read are none.
 */
export function checkedOf(a: Analysis, bytes: Uint8Array | (() => Uint8Array), file: string, today: string): Checked {
  const out: Checked = { file, diagnostics: diagnosticsFor(a, today, file) };
  const plan = modelOf(a, file);
  if (plan) {
    out.plan = plan;
    const read = a.schedules;
    if (read?.length === plan.tasks.length) {
      // Set one by one: a pair array per task was most of this at 10 000 tasks.
      const schedules = new Map<Task, TaskSchedule>();
      plan.tasks.forEach((t, i) => schedules.set(t, read[i]!));
      out.schedules = schedules;
    }
  }
  if (a.lines) out.lines = a.lines;
  else if (a.raw !== undefined || a.diagnostics.length > 0) {
    let lines: string[] | undefined;
    let read = false;
    Object.defineProperty(out, 'lines', {
      enumerable: true,
      get: () => {
        if (!read) {
          read = true;
          try {
            lines = linesOf(typeof bytes === 'function' ? bytes() : bytes);
          } catch {
            lines = undefined;
          }
        }
        return lines;
      },
    });
  }
  if (a.partial) out.partial = true;
  return out;
}
