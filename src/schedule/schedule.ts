// Turns a task's timeline phrase and explicit schedule into schedule parts, and parts into dated occurrences.

import type { ScheduleFile } from '../model/schema.js';
import {
  type Day,
  type DayRange,
  type Half,
  type Quarter,
  addDays,
  dayParts,
  formatDayVi,
  halfRange,
  isValidDay,
  lastDayOfMonth,
  makeDay,
  minDay,
  monthRange,
  quarterOfMonth,
  quarterRange,
  yearRange,
} from './day.js';
import {
  type DeadlinePart,
  type EventPart,
  type Part,
  type RecurringKind,
  type RecurringPart,
  type SingleDatedPart,
  isRecurring,
  isSingleDated,
  parseWhen,
} from './phrase.js';
import { fm, type FindingText } from '../messages/findings.js';

export type SchedProblemCode = 'WHEN_UNKNOWN' | 'WHEN_OUTSIDE_PERIOD' | 'SCHEDULE_MISMATCH' | 'SCHEDULE_FIELD';

export interface SchedProblem {
  code: SchedProblemCode;
  severity: 'error' | 'warning';
  /** A sentence of the findings catalogue; the caller says it in the run's language. */
  message: FindingText;
  /** Where to point: `when`, `schedule`, or `schedule.<field>`. */
  field: string;
  /** For WHEN_UNKNOWN: the forms a phrase may take. */
  forms?: string[];
}

export type OccurrenceKind = Exclude<Part['kind'], 'continuous' | 'adhoc'>;

export interface Occurrence {
  /** `2023-03`, `2023-Q2`, `2023-H1`, `2023`, a trigger date, or null for a task with a single occurrence. */
  period: string | null;
  /** The window start. */
  start: Day;
  /** The last on-time day; null for an open-ended event occurrence. */
  due: Day | null;
  kind: OccurrenceKind;
}

export interface OccurrenceContext {
  /** Days on which the task's event happened (its `trigger` records, or the completion of the task it follows). */
  triggers: readonly Day[];
  /** The due day a trigger's document set, by trigger day; it takes the place of the schedule's `after`. */
  dues?: ReadonlyMap<Day, Day>;
}

type ScheduleField = 'due' | 'start' | 'day' | 'after' | 'follows';
const FIELD_KINDS: Record<ScheduleField, readonly Part['kind'][]> = {
  due: ['deadline', 'month', 'quarter', 'half-year', 'year'],
  start: ['deadline'],
  day: ['monthly', 'quarterly', 'half-yearly', 'yearly'],
  after: ['event'],
  follows: ['event'],
};
const FIELD_ORDER: readonly ScheduleField[] = ['due', 'start', 'day', 'after', 'follows'];

// ---------------------------------------------------------------------------------------------
// Ranges of dated parts.

/** The year in which a part without a year falls: the first one whose range reaches into the plan period. */
function yearFor(period: DayRange, rangeIn: (year: number) => DayRange): number {
  const first = dayParts(period.start).year;
  const last = dayParts(period.end).year;
  for (let y = first; y <= last; y++) if (rangeIn(y).end >= period.start) return y;
  return first;
}

/** The part's range before any explicit `due`: the month, quarter, half-year or year it names. */
export function naturalRange(part: SingleDatedPart, period: DayRange): DayRange {
  switch (part.kind) {
    case 'deadline': {
      const due = part.exclusive ? addDays(part.date, -1) : part.date;
      return { start: minDay(part.start ?? period.start, due), end: due };
    }
    case 'month': {
      const f = (y: number): DayRange => monthRange(y, part.month);
      return f(part.year ?? yearFor(period, f));
    }
    case 'quarter': {
      const f = (y: number): DayRange => quarterRange(y, part.quarter);
      return f(part.year ?? yearFor(period, f));
    }
    case 'half-year': {
      const f = (y: number): DayRange => halfRange(y, part.half);
      return f(part.year ?? yearFor(period, f));
    }
    case 'year':
      // "Cả năm" means the plan's whole period, which is the calendar year unless the plan says otherwise.
      return part.year === null ? { ...period } : yearRange(part.year);
  }
}

/** The single occurrence's window: the natural range, with the explicit due and start applied. */
function singleWindow(part: SingleDatedPart, period: DayRange): DayRange {
  const natural = naturalRange(part, period);
  const due = part.kind === 'deadline' ? part.due : (part.due ?? natural.end);
  // A window that opens after its due day would never be "open"; an early due pulls the start back.
  return { start: minDay(part.kind === 'deadline' ? (part.start ?? period.start) : natural.start, due), end: due };
}

function naturalLabel(part: SingleDatedPart, period: DayRange): string {
  const r = naturalRange(part, period);
  const { year, month } = dayParts(r.end);
  switch (part.kind) {
    case 'deadline':
      return part.due;
    case 'month':
      return `${year}-${String(month).padStart(2, '0')}`;
    case 'quarter':
      return `${year}-Q${part.quarter}`;
    case 'half-year':
      return `${year}-H${part.half}`;
    case 'year':
      return String(dayParts(r.start).year);
  }
}

function describePart(p: Part): FindingText {
  switch (p.kind) {
    case 'deadline':
      return fm('part.deadline', { due: formatDayVi(p.due) });
    case 'month':
      return fm('part.month', { month: p.month, year: p.year === null ? '' : String(p.year) });
    case 'quarter':
      return fm('part.quarter', { quarter: p.quarter, year: p.year === null ? '' : String(p.year) });
    case 'half-year':
      return fm('part.half', { half: p.half, year: p.year === null ? '' : String(p.year) });
    case 'year':
      return p.year === null ? fm('part.wholeYear') : fm('part.year', { year: p.year });
    default:
      return fm('part.kind', { kind: p.kind });
  }
}

function describeParts(parts: readonly Part[]): FindingText {
  if (parts.length === 0) return fm('part.nothing');
  return parts.slice(1).reduce<FindingText>((a, p) => fm('part.plus', { a, b: describePart(p) }), describePart(parts[0]!));
}

// ---------------------------------------------------------------------------------------------
// Building a part from an explicit `kind`.

function partFromDue(kind: SingleDatedPart['kind'], due: Day, start: Day | null): SingleDatedPart {
  const { year, month } = dayParts(due);
  switch (kind) {
    case 'deadline':
      return { kind, text: '', date: due, exclusive: false, due, start };
    case 'month':
      return { kind, text: '', year, month, due };
    case 'quarter':
      return { kind, text: '', year, quarter: quarterOfMonth(month), due };
    case 'half-year':
      return { kind, text: '', year, half: (month <= 6 ? 1 : 2) as Half, due };
    case 'year':
      return { kind, text: '', year, due };
  }
}

/** Whether an explicit due agrees with what the phrase's part says. */
function dueAgrees(part: SingleDatedPart, due: Day, period: DayRange): boolean {
  const r = naturalRange(part, period);
  return part.kind === 'deadline' ? due === r.end : r.start <= due && due <= r.end;
}

function withDue(part: SingleDatedPart, due: Day): SingleDatedPart {
  return { ...part, due };
}

/**
 * Reads a task's schedule: the phrase, refined or replaced by the explicit `schedule` of the plan.
 * Problems are reported, never thrown; the parts returned are the best reading available.
 */
export function buildSchedule(
  when: string,
  explicit: ScheduleFile | undefined,
  period: DayRange,
): { parts: Part[]; problems: SchedProblem[] } {
  // Most tasks have no explicit schedule and share their phrase with many others ("Thường xuyên", "Hằng quý"): the
  // schedule is then worked out once per phrase and period, and one object serves them all, as the tasks of one
  // timeline share one schedule read from the plan cache. Nothing changes a schedule once made.
  if (explicit !== undefined) return readSchedule(when, explicit, period);
  const key = `${period.start}|${period.end}|${when}`;
  let built = BUILT.get(key);
  if (built === undefined) {
    if (BUILT.size >= MAX_BUILT) BUILT.clear();
    BUILT.set(key, (built = readSchedule(when, undefined, period)));
  }
  return built;
}

/** Schedules of phrases without an explicit schedule, by period and phrase; cleared when full (a run over many plans). */
const BUILT = new Map<string, { parts: Part[]; problems: SchedProblem[] }>();
const MAX_BUILT = 4096;

function readSchedule(when: string, explicit: ScheduleFile | undefined, period: DayRange): { parts: Part[]; problems: SchedProblem[] } {
  const problems: SchedProblem[] = [];
  const parsed = parseWhen(when, { period });
  const phraseParts: Part[] | null = parsed.ok ? parsed.parts : null;
  const ex: ScheduleFile = explicit ?? {};

  // Days that do not exist are DATE_INVALID in `tthc check`; here they are simply not used.
  const exDue = ex.due !== undefined && isValidDay(ex.due) ? ex.due : undefined;
  const exStart = ex.start !== undefined && isValidDay(ex.start) ? ex.start : undefined;

  if (!parsed.ok && ex.kind === undefined) {
    problems.push({
      code: 'WHEN_UNKNOWN',
      severity: 'error',
      message: fm(parsed.reason === 'invalid-date' ? 'sched.unknownDate' : 'sched.unknown', { said: parsed.message }),
      field: 'when',
      forms: parsed.forms,
    });
    return { parts: [], problems };
  }

  if (!parsed.ok && parsed.reason === 'invalid-date') {
    // The explicit kind decides the schedule, but a date no calendar has is still a slip worth fixing.
    problems.push({
      code: 'WHEN_UNKNOWN',
      severity: 'warning',
      message: fm('sched.explicitUsed', { said: parsed.message }),
      field: 'when',
    });
  }

  let parts: Part[];
  if (ex.kind !== undefined) {
    const kind = ex.kind;
    const same = (phraseParts ?? []).filter((p) => p.kind === kind);
    const meaningful = (phraseParts ?? []).filter((p) => p.kind !== 'adhoc');
    if (phraseParts !== null && !(meaningful.length === 1 && meaningful[0]?.kind === kind)) {
      problems.push({
        code: 'SCHEDULE_MISMATCH',
        severity: 'warning',
        message: fm('sched.kindMismatch', { kind, reads: describeParts(meaningful) }),
        field: 'schedule.kind',
      });
    }
    const fromPhrase = same.length === 1 ? same[0] : undefined;
    let part: Part | null = null;
    switch (kind) {
      case 'deadline':
      case 'month':
      case 'quarter':
      case 'half-year':
      case 'year': {
        const base = fromPhrase as SingleDatedPart | undefined;
        if (base) part = base;
        else if (exDue !== undefined) part = partFromDue(kind, exDue, null);
        else if (kind === 'year') part = { kind, text: '', year: null, due: null };
        // A due written but no day of any calendar is DATE_INVALID in `tthc check`; saying it is missing would be wrong.
        else if (ex.due === undefined) {
          problems.push({
            code: 'SCHEDULE_FIELD',
            severity: 'error',
            message: fm('sched.needsDue', { kind }),
            field: 'schedule.due',
          });
        }
        break;
      }
      case 'monthly':
      case 'quarterly':
      case 'half-yearly':
      case 'yearly':
        part = { kind, text: fromPhrase?.text ?? '', day: null };
        break;
      case 'continuous':
        part = { kind, text: fromPhrase?.text ?? '' };
        break;
      case 'event':
        part = (fromPhrase as EventPart | undefined) ?? { kind, text: '', followsTask: false, follows: null, after: null };
        break;
    }
    parts = part ? [part] : (phraseParts ?? []);
  } else {
    parts = phraseParts ?? [];
  }

  parts = applyFields(parts, ex, exDue, exStart, period, problems);

  for (const p of parts) {
    if (!isSingleDated(p)) continue;
    const w = singleWindow(p, period);
    if (w.end < period.start || w.end > period.end) {
      problems.push({
        code: 'WHEN_OUTSIDE_PERIOD',
        severity: 'warning',
        message:
          p.kind === 'deadline'
            ? fm('sched.deadlineOutside', { due: formatDayVi(w.end), start: formatDayVi(period.start), end: formatDayVi(period.end) })
            : fm('sched.partOutside', { part: describePart(p), due: formatDayVi(w.end), start: formatDayVi(period.start), end: formatDayVi(period.end) }),
        field: exDue !== undefined && p.due === exDue ? 'schedule.due' : 'when',
      });
    }
  }
  return { parts, problems };
}

/** Applies the explicit fields to the parts they concern, reporting fields that concern none. */
function applyFields(
  input: Part[],
  ex: ScheduleFile,
  exDue: Day | undefined,
  exStart: Day | undefined,
  period: DayRange,
  problems: SchedProblem[],
): Part[] {
  let parts = input;
  // Worded only for a field that concerns no part: most tasks have no explicit field, and wording costs date formatting.
  const kinds = () => describeParts(input.filter((p) => p.kind !== 'adhoc'));
  const present: Record<ScheduleField, boolean> = {
    due: ex.due !== undefined,
    start: ex.start !== undefined,
    day: ex.day !== undefined,
    after: ex.after !== undefined,
    follows: ex.follows !== undefined,
  };
  for (const field of FIELD_ORDER) {
    if (!present[field]) continue;
    const targets = parts.filter((p) => FIELD_KINDS[field].includes(p.kind));
    if (targets.length === 0) {
      if (parts.length > 0) {
        problems.push({
          code: 'SCHEDULE_FIELD',
          severity: 'error',
          message: fm('sched.fieldKinds', { field, kinds: FIELD_KINDS[field].join('/'), is: kinds() }),
          field: `schedule.${field}`,
        });
      }
      continue;
    }
    if ((field === 'due' || field === 'start') && targets.length > 1) {
      problems.push({
        code: 'SCHEDULE_FIELD',
        severity: 'error',
        message: fm('sched.ambiguous', { field, n: targets.length, parts: describeParts(targets) }),
        field: `schedule.${field}`,
      });
      continue;
    }
    parts = parts.map((p) => {
      if (!FIELD_KINDS[field].includes(p.kind)) return p;
      switch (field) {
        case 'due': {
          if (exDue === undefined || !isSingleDated(p)) return p;
          if (p.text !== '' && !dueAgrees(p, exDue, period)) {
            problems.push({
              code: 'SCHEDULE_MISMATCH',
              severity: 'warning',
              message: fm('sched.dueDisagrees', { due: formatDayVi(exDue), part: describePart(p), range: formatRange(naturalRange(p, period)) }),
              field: 'schedule.due',
            });
          }
          return withDue(p, exDue);
        }
        case 'start': {
          if (exStart === undefined || p.kind !== 'deadline') return p;
          const d: DeadlinePart = { ...p, start: exStart };
          if (exStart > d.due) {
            problems.push({
              code: 'SCHEDULE_FIELD',
              severity: 'error',
              message: fm('sched.startAfter', { start: formatDayVi(exStart), due: formatDayVi(d.due) }),
              field: 'schedule.start',
            });
          }
          return d;
        }
        case 'day':
          return isRecurring(p) ? ({ ...p, day: ex.day ?? null } satisfies RecurringPart) : p;
        case 'after':
          return p.kind === 'event' ? { ...p, after: ex.after ?? null } : p;
        case 'follows':
          return p.kind === 'event' ? { ...p, follows: ex.follows ?? null } : p;
      }
    });
  }
  return parts;
}

function formatRange(r: DayRange): string {
  return `${formatDayVi(r.start)} – ${formatDayVi(r.end)}`;
}

// ---------------------------------------------------------------------------------------------
// Occurrences.

interface Unit {
  label: string;
  range: DayRange;
  /** The last month of the unit, where `day: N` puts the due day. */
  year: number;
  lastMonth: number;
}

function unitsOf(kind: RecurringKind, period: DayRange): Unit[] {
  const first = dayParts(period.start).year;
  const last = dayParts(period.end).year;
  const units: Unit[] = [];
  for (let y = first; y <= last; y++) {
    switch (kind) {
      case 'monthly':
        for (let m = 1; m <= 12; m++) {
          units.push({ label: `${y}-${String(m).padStart(2, '0')}`, range: monthRange(y, m), year: y, lastMonth: m });
        }
        break;
      case 'quarterly':
        for (const q of [1, 2, 3, 4] as Quarter[]) {
          units.push({ label: `${y}-Q${q}`, range: quarterRange(y, q), year: y, lastMonth: q * 3 });
        }
        break;
      case 'half-yearly':
        for (const h of [1, 2] as Half[]) units.push({ label: `${y}-H${h}`, range: halfRange(y, h), year: y, lastMonth: h * 6 });
        break;
      case 'yearly':
        units.push({ label: String(y), range: yearRange(y), year: y, lastMonth: 12 });
        break;
    }
  }
  return units;
}

/** Day N of a month, or its last day where the month is shorter (day 31 of April is 30 April). */
export function clampDay(year: number, month: number, day: number): Day {
  return makeDay(year, month, Math.min(day, lastDayOfMonth(year, month)));
}

/**
 * The task's occurrences, ordered by due day (an open-ended event by its trigger). Recurring
 * occurrences are those due inside the plan period; single ones are kept wherever they fall
 * (buildSchedule has warned); event occurrences come one per distinct trigger.
 */
export function occurrences(parts: readonly Part[], period: DayRange, ctx: OccurrenceContext): Occurrence[] {
  const out: Occurrence[] = [];
  const scheduled = parts.filter((p) => p.kind !== 'adhoc' && p.kind !== 'continuous');
  const lone = scheduled.length === 1 && scheduled[0] !== undefined && isSingleDated(scheduled[0]);

  for (const p of parts) {
    if (isSingleDated(p)) {
      const w = singleWindow(p, period);
      out.push({ period: lone ? null : naturalLabel(p, period), start: w.start, due: w.end, kind: p.kind });
    } else if (isRecurring(p)) {
      for (const u of unitsOf(p.kind, period)) {
        const due = p.day === null ? u.range.end : clampDay(u.year, u.lastMonth, p.day);
        if (due < period.start || due > period.end) continue;
        out.push({ period: u.label, start: minDay(u.range.start, due), due, kind: p.kind });
      }
    }
  }

  // Several event parts share the task's triggers: one occurrence per trigger, read by the first.
  const event = parts.find((p): p is EventPart => p.kind === 'event');
  if (event) {
    for (const t of [...new Set(ctx.triggers)].filter(isValidDay).sort()) {
      const set = ctx.dues?.get(t);
      out.push({ period: t, start: t, due: set ?? (event.after === null ? null : addDays(t, event.after)), kind: 'event' });
    }
  }

  // Labels name occurrences in `done --period`, so they must be unique: the first reading wins.
  const seen = new Set<string | null>();
  const unique = out.filter((o) => {
    if (seen.has(o.period)) return false;
    seen.add(o.period);
    return true;
  });
  const key = (o: Occurrence): Day => o.due ?? o.start;
  return unique
    .map((o, i) => ({ o, i }))
    .sort((a, b) => (key(a.o) < key(b.o) ? -1 : key(a.o) > key(b.o) ? 1 : a.i - b.i))
    .map(({ o }) => o);
}
