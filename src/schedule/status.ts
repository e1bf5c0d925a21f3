// Status of occurrences and tasks as of a given day, and the matching of a task's records to its occurrences.

import type { RecordFile } from '../model/schema.js';
import { type Day, type DayRange, addDays, isValidDay } from './day.js';
import type { Part } from './phrase.js';
import { type Occurrence, occurrences } from './schedule.js';

export * from './periods.js';

export type OccurrenceStatus = 'done' | 'late' | 'overdue' | 'due-soon' | 'open' | 'scheduled';

/** For tasks without occurrences. `unknown`: the task has no schedule that can be read. */
export type TaskStatus = 'ongoing' | 'waiting' | 'open' | 'done' | 'unknown';

/** The order in which a quarterly cell picks the status that stands for several occurrences. */
export const STATUS_PRECEDENCE: readonly OccurrenceStatus[] = ['overdue', 'due-soon', 'open', 'scheduled', 'late', 'done'];

/** The first status of STATUS_PRECEDENCE that any of `statuses` has; `none` for none. */
export function summariseStatuses(statuses: Iterable<OccurrenceStatus>): OccurrenceStatus | 'none' {
  const have = new Set(statuses);
  return STATUS_PRECEDENCE.find((s) => have.has(s)) ?? 'none';
}

/** The last day of the warning window: asked for every occurrence of every task, always with the run's day and window. */
let lastHorizon: { asOf: Day; within: number; end: Day } | undefined;
function horizon(asOf: Day, within: number): Day {
  if (lastHorizon?.asOf !== asOf || lastHorizon.within !== within) lastHorizon = { asOf, within, end: addDays(asOf, within) };
  return lastHorizon.end;
}

/**
 * The status of one occurrence as of `asOf`, by the contract. A completion dated after `asOf`
 * had not happened yet on that day, so it does not count. An open-ended event occurrence
 * (`due` null) is open until done.
 */
export function occurrenceStatus(
  occ: Pick<Occurrence, 'start' | 'due'>,
  asOf: Day,
  within: number,
  completion: Day | undefined,
): OccurrenceStatus {
  if (completion !== undefined && completion <= asOf) {
    return occ.due === null || completion <= occ.due ? 'done' : 'late';
  }
  if (occ.due === null) return occ.start <= asOf ? 'open' : 'scheduled';
  if (asOf > occ.due) return 'overdue';
  if (occ.due <= horizon(asOf, within)) return 'due-soon';
  return occ.start <= asOf ? 'open' : 'scheduled';
}

/**
 * The status of a task that has no occurrences as of `asOf`: continuous → ongoing; an event →
 * waiting until triggered, then open, then done once a completion follows the latest trigger; a
 * task that is only ad hoc ("đột xuất") waits for a request.
 */
export function taskStatus(input: {
  parts: readonly Part[];
  asOf: Day;
  triggers?: readonly Day[];
  completions?: readonly Day[];
}): TaskStatus {
  const { parts, asOf } = input;
  if (parts.some((p) => p.kind === 'continuous')) return 'ongoing';
  if (parts.some((p) => p.kind === 'event')) {
    const lastTrigger = (input.triggers ?? []).filter((t) => t <= asOf).sort().at(-1);
    const done = (input.completions ?? []).some((c) => c <= asOf && (lastTrigger === undefined || c >= lastTrigger));
    if (done) return 'done';
    return lastTrigger === undefined ? 'waiting' : 'open';
  }
  if (parts.length > 0 && parts.every((p) => p.kind === 'adhoc')) return 'waiting';
  return 'unknown';
}

export type UnmatchedReason =
  /** `period` names no occurrence of the task. */
  | 'unknown-period'
  /** No `period`, and several occurrences could be meant. */
  | 'ambiguous'
  /** A second completion of an occurrence already completed. */
  | 'duplicate'
  /** The task has no occurrence the completion could belong to (an event never triggered, say). */
  | 'no-occurrence';

export interface UnmatchedRecord {
  /** The record's index in the task's `records`. */
  index: number;
  record: RecordFile;
  reason: UnmatchedReason;
}

export interface RecordMatch {
  /** Completion day by occurrence label (null: the single occurrence). */
  completions: Map<string | null, Day>;
  /** Completions of a continuous task: its activities. */
  activities: Day[];
  unmatched: UnmatchedRecord[];
  /** The occurrence (by label) that each record completes, by the record's index in the task's `records`. */
  assigned: Map<number, string | null>;
}

/** The `trigger` days of a task's records, in record order. */
export function triggersOf(records: readonly RecordFile[]): Day[] {
  return records.flatMap((r) => (r.trigger !== undefined && isValidDay(r.trigger) ? [r.trigger] : []));
}

/** The due days that trigger records set (`due`), by trigger day; a due before its trigger is left out (check reports it). */
export function triggerDuesOf(records: readonly RecordFile[]): Map<Day, Day> {
  const out = new Map<Day, Day>();
  for (const r of records) {
    if (r.trigger === undefined || r.due === undefined || !isValidDay(r.trigger) || !isValidDay(r.due) || r.due < r.trigger) continue;
    if (!out.has(r.trigger)) out.set(r.trigger, r.due);
  }
  return out;
}

/**
 * Assigns a task's `done` records to its occurrences. A `done` with a `period` completes that
 * occurrence. Without one it completes the task's only occurrence; else the only not-yet-completed
 * occurrence whose window had opened by the completion day; else the only not-yet-completed one.
 * For a continuous task, completions that fit no occurrence are its activities.
 */
export function matchRecords(
  occs: readonly Occurrence[],
  records: readonly RecordFile[],
  opts: { continuous?: boolean } = {},
): RecordMatch {
  const completions = new Map<string | null, Day>();
  const activities: Day[] = [];
  const unmatched: UnmatchedRecord[] = [];
  const assigned = new Map<number, string | null>();
  const assign = (label: string | null, day: Day, index: number, record: RecordFile): void => {
    if (completions.has(label)) unmatched.push({ index, record, reason: 'duplicate' });
    else {
      completions.set(label, day);
      assigned.set(index, label);
    }
  };

  records.forEach((record, index) => {
    const day = record.done;
    if (day === undefined || !isValidDay(day)) return;
    if (record.period !== undefined) {
      const occ = occs.find((o) => o.period === record.period);
      if (occ) assign(occ.period, day, index, record);
      else if (opts.continuous) activities.push(day);
      else unmatched.push({ index, record, reason: occs.length === 0 ? 'no-occurrence' : 'unknown-period' });
      return;
    }
    const only = occs.length === 1 ? occs[0] : undefined;
    if (only) {
      assign(only.period, day, index, record);
      return;
    }
    const open = occs.filter((o) => !completions.has(o.period));
    const started = open.filter((o) => o.start <= day);
    const pick = started.length === 1 ? started[0] : open.length === 1 ? open[0] : undefined;
    if (pick) assign(pick.period, day, index, record);
    else if (opts.continuous) activities.push(day);
    else unmatched.push({ index, record, reason: occs.length === 0 ? 'no-occurrence' : 'ambiguous' });
  });
  return { completions, activities, unmatched, assigned };
}

export interface EvaluatedOccurrence extends Occurrence {
  status: OccurrenceStatus;
  /** The completion that counts as of the day asked about; null when none does yet. */
  completion: Day | null;
}

export interface TaskEvaluation {
  /** Recurring and single occurrences, and event occurrences triggered on or before `asOf`. */
  occurrences: EvaluatedOccurrence[];
  /** The task-level status, where the task has no occurrences as of `asOf`; otherwise null. */
  status: TaskStatus | null;
  /** The task has a continuous part ("Thường xuyên"). */
  continuous: boolean;
  /** A continuous task's activity days on or before `asOf`. */
  activities: Day[];
  /** The event's trigger days on or before `asOf`, sorted. */
  triggers: Day[];
  /** Records that fit no occurrence: for `tthc check` to report. */
  unmatched: UnmatchedRecord[];
  /** Every occurrence, whatever `asOf` (events triggered later too), for the checks of records. */
  all: Occurrence[];
  /** The occurrence each completing record was matched to, by the record's index. */
  assigned: Map<number, string | null>;
}

export interface EvaluateTaskInput {
  parts: readonly Part[];
  period: DayRange;
  records?: readonly RecordFile[];
  asOf: Day;
  /** The warning window in days. */
  within: number;
  /** Trigger days from outside the task's records: the completion of the task it `follows`. */
  extraTriggers?: readonly Day[];
  /**
   * The occurrences of `parts` in `period` with no trigger, where the caller has them already (the tasks of one
   * timeline share them); used only when the task has no trigger.
   */
  untriggered?: readonly Occurrence[];
}

/**
 * Everything about one task as of `asOf`. Triggers and completions dated after `asOf` had not
 * happened on that day, so they open nothing and complete nothing; they still take part in the
 * matching so that a record is not reported as unmatched only because of the day asked about.
 */
export function evaluateTask(input: EvaluateTaskInput): TaskEvaluation {
  const { parts, period, asOf, within } = input;
  const records = input.records ?? [];
  const allTriggers = [...triggersOf(records), ...(input.extraTriggers ?? []).filter(isValidDay)];
  const continuous = parts.some((p) => p.kind === 'continuous');

  const occs =
    input.untriggered !== undefined && allTriggers.length === 0
      ? (input.untriggered as Occurrence[])
      : occurrences(parts, period, { triggers: allTriggers, dues: triggerDuesOf(records) });
  const match = matchRecords(occs, records, { continuous });

  const evaluated: EvaluatedOccurrence[] = occs
    .filter((o) => o.kind !== 'event' || o.start <= asOf)
    .map((o) => {
      const c = match.completions.get(o.period);
      const completion = c !== undefined && c <= asOf ? c : null;
      return { ...o, status: occurrenceStatus(o, asOf, within, c), completion };
    });

  const triggers = [...new Set(allTriggers.filter((t) => t <= asOf))].sort();
  const completionDays = [
    ...match.completions.values(),
    ...match.unmatched.filter((u) => u.reason === 'no-occurrence').map((u) => u.record.done ?? ''),
  ].filter(isValidDay);
  const status =
    evaluated.length === 0 ? taskStatus({ parts, asOf, triggers, completions: completionDays }) : null;

  return {
    occurrences: evaluated,
    status,
    continuous,
    activities: match.activities.filter((d) => d <= asOf).sort(),
    triggers,
    unmatched: match.unmatched,
    all: occs,
    assigned: match.assigned,
  };
}
