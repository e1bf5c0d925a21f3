// The heavy half of reading a plan (YAML, zod, every check), loaded only when the plan's cache entry is missing.
import { countBySeverity, makeDiagnostic, MAX_MESSAGE, sortDiagnostics, type Diagnostic } from '../model/diagnostics.js';
import { clipSaid, fm } from '../messages/findings.js';
import { checkLoaded } from './check.js';
import { loadBytes } from '../read/load.js';
import type { Origin } from '../model/model.js';
import type { PlanFile } from '../model/schema.js';
import type { Part, SchedProblem } from '../schedule/index.js';
import { scheduleOf } from '../views/evaluate.js';
import { taskLayouts, type TaskLayout } from '../read/layout.js';
import type { Segments } from '../read/segments.js';
import { segmentsOf } from '../read/segments-of.js';
import { keepModel } from './made-from.js';

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
  /** Where each task stands in the text, in task order: an edit of a large plan reads that task's lines alone. */
  layout?: (TaskLayout | null)[];
  /** The model is what could be salvaged from a file of the wrong shape (see Loaded.partial). */
  partial?: true;
  /** How the text is cut into head, tasks and the rest, for analysing a hand edit from this analysis (reanalyze.ts). */
  segments?: Segments;
  /**
   * With `segments`: the checker that made each finding, one character each ('0'–'7', the index in check.ts'
   * CHECKERS; 'L' the reading's own), in the findings' order, so that a hand edit reuses the unchanged tasks' findings.
   */
  checkers?: string;
}

/** The `checkers` of an analysis's findings, as checkLoaded gave them; undefined where the findings were capped. */
export function checkersOf(by: number[]): string | undefined {
  return by.length > MAX_FINDINGS ? undefined : by.map((i) => (i < 0 ? 'L' : String(i))).join('');
}

/** Findings listed for one file at most: past this a report only buries the first ones, and grows without bound. */
export const MAX_FINDINGS = 500;

const RANK = { error: 0, warning: 1, note: 2 } as const;

export { MAX_MESSAGE };

/** Each finding's message and hint clipped: the quoted values in its parameters, so that the cache stays small too. */
export function clipped(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => {
    const message = clipSaid(d.message);
    const hint = d.hint === undefined ? undefined : clipSaid(d.hint);
    return message === d.message && hint === d.hint ? d : { ...d, message, ...(hint !== undefined ? { hint } : {}) };
  });
}

/**
 * The first MAX_FINDINGS findings, errors first, in file order; one more counts the rest, under the code of the most
 * serious of them (so that the exit code and the counts by severity still say what kind of findings were left out).
 */
export function capped(diagnostics: Diagnostic[], file: string): Diagnostic[] {
  if (diagnostics.length <= MAX_FINDINGS) return diagnostics;
  const ranked = sortDiagnostics(diagnostics.slice()).sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const kept = sortDiagnostics(ranked.slice(0, MAX_FINDINGS));
  const rest = ranked.slice(MAX_FINDINGS);
  const n = countBySeverity(rest);
  const first = rest[0]!;
  kept.push(makeDiagnostic(first.code, file, first.start, fm('report.more', { n: rest.length, errors: n.error, warnings: n.warning, notes: n.note }), fm('report.more.hint')));
  return kept;
}

/** `today` only stands in for a plan year the heading does not give (see loadText): the findings hold for every day. */
export function analyze(bytes: Uint8Array, file: string, today: string): Analysis {
  const loaded = loadBytes(bytes, file, today);
  const by: number[] = [];
  const out: Analysis = { diagnostics: capped(clipped(checkLoaded(loaded, BEFORE_ALL_DAYS, by)), file) };
  // Without findings the lines are not wanted here: checkedOf splits the bytes again if anything asks.
  if (loaded.source && out.diagnostics.length > 0) out.lines = loaded.source.lines;
  if (loaded.plan) {
    out.raw = loaded.plan.raw;
    out.origins = loaded.plan.tasks.map((t) => (t.recordPlaces ? { path: t.path, records: t.recordPlaces } : { path: t.path }));
    out.schedules = loaded.plan.tasks.map((t) => scheduleOf(loaded.plan!, t));
    if (loaded.source) out.layout = taskLayouts(loaded.source.doc, loaded.source.text, loaded.source.lineCounter, loaded.plan.tasks.map((t) => t.path));
    if (loaded.partial) out.partial = true;
    const segments = loaded.valid && loaded.source ? segmentsOf(loaded.source, loaded.plan.tasks.map((t) => t.path)) : undefined;
    if (segments) out.segments = segments;
    const checkers = segments && checkersOf(by);
    if (checkers !== undefined) out.checkers = checkers;
    // Only a model read whole with the right shape: a salvaged one keeps less than `raw` says.
    if (!loaded.partial && loaded.complete) {
      keepModel(out, file, loaded.plan);
    }
  }
  return out;
}
