// The heavy half of reading a plan (YAML, zod, every check), loaded only when the plan's cache entry is missing.
import type { Diagnostic } from '../diagnostics.js';
import { checkLoaded } from './check.js';
import { loadBytes } from './load.js';
import type { Origin } from './model.js';
import type { PlanFile } from './schema.js';
import type { Part, SchedProblem } from '../schedule/index.js';
import { scheduleOf } from '../views/evaluate.js';

/** A day before any real date: every date-dependent finding is produced, marked with the day it stops holding. */
export const BEFORE_ALL_DAYS = '0000-01-01';

/** What a plan's bytes mean, in a form that can be stored as JSON and turned back into the model quickly. */
export interface Analysis {
  raw?: PlanFile;
  /**
   * Where each task of `raw` stands in the file, in order, and its records where some were left out (tasks and
   * records with the wrong shape are left out of `raw`).
   */
  origins?: Origin[];
  diagnostics: Diagnostic[];
  /** The decoded lines, for excerpts; absent when the bytes are not text. */
  lines?: string[];
  /** Each task's schedule as read from its phrase, in task order (reading phrases is most of evaluating a plan). */
  schedules?: { parts: Part[]; problems: SchedProblem[] }[];
  /** The model is what could be salvaged from a file of the wrong shape (see Loaded.partial). */
  partial?: true;
}

export function analyze(bytes: Uint8Array, file: string): Analysis {
  const loaded = loadBytes(bytes, file);
  const out: Analysis = { diagnostics: checkLoaded(loaded, BEFORE_ALL_DAYS) };
  if (loaded.source) out.lines = loaded.source.lines;
  if (loaded.plan) {
    out.raw = loaded.plan.raw;
    out.origins = loaded.plan.tasks.map((t) => (t.recordPlaces ? { path: t.path, records: t.recordPlaces } : { path: t.path }));
    out.schedules = loaded.plan.tasks.map((t) => scheduleOf(loaded.plan!, t));
    if (loaded.partial) out.partial = true;
  }
  return out;
}
