// `tthc done` and `tthc trigger`: add a progress record to a task in the plan file, checked, locked and atomic.
import type { Command } from 'commander';
import { sortDiagnostics } from '../diagnostics.js';
import { RefusedError, UsageError } from '../io.js';
import { recordPlace, type Plan, type Task } from '../plan/model.js';
import type { RecordFile } from '../plan/schema.js';
import { parseSymbol } from '../plan/symbols.js';
import { renderText } from '../render/diagnostics.js';
import { addDays, beforeWindow, closingDay, formatDayVi, isValidDay, openOn, repeats } from '../schedule/index.js';
import { evaluatePlan, type TaskState } from '../views/evaluate.js';
import type { Lang } from '../render/i18n.js';
import { say } from '../messages/index.js';
import { langOption } from './agencies.js';
import { UNSAFE_IN_VALUE, visibleEscape } from '../render/escape.js';
import { asOfOption, parseDayOption, planPath, readPlanBytes, withinOption, type Ctx } from './context.js';
import { remember } from './undo.js';
import { findTasks } from './show.js';
import { heavy, type Heavy } from '../lazy.js';
import { heldOpenRefusal } from '../plan/held-open.js';

interface Opts {
  plan?: string;
  due?: string;
  within?: string;
  period?: string;
  date?: string;
  ref?: string;
  note?: string;
  lang?: string;
}

/** Reads the plan from the bytes the lock holder gave us; errors in it refuse the edit. */
function planOf(ctx: Ctx, h: Heavy, bytes: Buffer, file: string): Plan {
  const { loadBytes, checkLoaded } = h;
  const loaded = loadBytes(bytes, file);
  const errors = checkLoaded(loaded, ctx.today()).filter((d) => d.severity === 'error');
  if (errors.length || !loaded.plan) {
    throw new RefusedError(
      `${file} has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was recorded.\n\n${renderText([{ file, diagnostics: sortDiagnostics(errors).slice(0, 5), lines: loaded.source?.lines }], ctx.style()).trimEnd()}`,
      `Fix the plan first (\`tthc check ${file}\`).`,
    );
  }
  return loaded.plan;
}

/** The occurrence a completion belongs to, by the contract: --period, or the only one not done. */
function choosePeriod(state: TaskState, period: string | undefined, date: string): string | undefined {
  const task = state.task;
  const occs = state.eval.occurrences;
  const label = (p: string | null) => p ?? '(single)';
  if (state.eval.continuous && occs.length === 0) {
    if (period !== undefined) throw new RefusedError(`Task ${task.id} is continuous ("${task.when}"): it has no periods.`, 'Record the activity without --period.');
    return undefined;
  }
  if (period !== undefined) {
    const occ = occs.find((o) => o.period === period);
    if (!occ) {
      const known = occs.map((o) => o.period).filter((p): p is string => p !== null);
      throw new RefusedError(
        `Task ${task.id} has no period ${period}.`,
        known.length ? `Its periods are: ${known.join(', ')}.` : 'This task has a single occurrence: leave out --period.',
      );
    }
    if (occ.completion !== null || occ.status === 'done' || occ.status === 'late') {
      throw new RefusedError(`Task ${task.id}${occ.period ? ` (${occ.period})` : ''} is already recorded as done on ${formatDayVi(occ.completion ?? date)}.`, 'A second completion of the same occurrence is refused; correct the existing record by hand if it is wrong.');
    }
    return occ.period ?? undefined;
  }
  if (occs.length === 0) {
    if (state.eval.status === 'waiting') {
      throw new RefusedError(
        `Task ${task.id} is still waiting for its trigger ("${task.when}").`,
        state.follows ? `It opens when task ${state.follows} is done; record that first.` : `Record the trigger first: tthc trigger ${task.id} --date DATE --ref SỐ/KÝ-HIỆU.`,
      );
    }
    if (state.eval.status === 'done') throw new RefusedError(`Task ${task.id} is already recorded as done.`, 'A second completion is refused; correct the existing record by hand if it is wrong.');
    return undefined;
  }
  const notDone = occs.filter((o) => o.completion === null && o.status !== 'done' && o.status !== 'late');
  if (notDone.length === 0 && occs.length === 1) {
    throw new RefusedError(`Task ${task.id} is already recorded as done on ${formatDayVi(occs[0]!.completion ?? date)}.`, 'A second completion is refused; correct the existing record by hand if it is wrong.');
  }
  if (notDone.length === 0) throw new RefusedError(`Every occurrence of task ${task.id} is already recorded as done.`, 'A second completion is refused; correct the existing record by hand if it is wrong.');
  if (notDone.length === 1) return notDone[0]!.period ?? undefined;
  // Several open: the contract wants the user to say which; list them with their due days.
  throw new RefusedError(
    `Task ${task.id} has ${notDone.length} occurrences not done; say which one with --period:\n${notDone
      .map((o) => `  ${label(o.period).padEnd(12)} due ${o.due ? formatDayVi(o.due) : '—'}  (${o.status})`)
      .join('\n')}`,
    `For example: tthc done ${task.id} --period ${notDone[0]!.period}`,
  );
}

function checkDate(ctx: Ctx, value: string | undefined, what: string): string {
  const date = asOfOption(ctx, value, '--date');
  if (date > ctx.today()) {
    throw new RefusedError(`The ${what} date ${formatDayVi(date)} is after today (${formatDayVi(ctx.today())}).`, 'Record work once it has happened.');
  }
  return date;
}

/** A --period that names no period at all is a usage error (exit 2); one the task does not have is refused later (1). */
function checkPeriod(period: string | undefined): void {
  if (period === undefined) return;
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q[1-4]|-H[12]|-(\d{2})-(\d{2}))?$/.exec(period);
  const ok = m !== null && (m[3] === undefined || isValidDay(period));
  if (!ok) throw new UsageError(`--period "${period}" is not a period.`, 'Write a month 2023-03, a quarter 2023-Q2, a half-year 2023-H1, a year 2023, or a trigger day 2023-03-06.');
}

/**
 * The due day a trigger's document sets: --due DATE, or --within N days (weeks as 2w) after the trigger; never both,
 * and never before the trigger. Without either, the plan's `schedule.after` (if any) sets it.
 */
function dueOption(ctx: Ctx, date: string, opts: Opts): string | undefined {
  if (opts.due !== undefined && opts.within !== undefined) {
    throw new UsageError('--due and --within say the same thing two ways; give one.', 'Use --due DATE for a day the document names, or --within N for "within N days".');
  }
  if (opts.within !== undefined) return addDays(date, withinOption(opts.within));
  if (opts.due === undefined) return undefined;
  const due = parseDayOption(ctx, opts.due, '--due');
  if (due < date) {
    throw new UsageError(`--due ${formatDayVi(due)} is before the trigger date ${formatDayVi(date)}.`, 'The due day is the last on-time day the document sets, on or after the day it came.');
  }
  return due;
}

function checkRef(ref: string | undefined): void {
  if (ref === undefined) return;
  const p = parseSymbol(ref);
  if (!p.ok) throw new UsageError(`--ref "${ref}" is not a document number and symbol: ${p.reason}.`, p.suggestion ? `Did you mean ${p.suggestion}?` : 'Write it as NUMBER/TYPE-ISSUER, e.g. 123/BC-UBND.');
}

/**
 * A completion must fall where the plan can count it: not before the period of a recurring occurrence begins (nor
 * before an event's trigger), and after the plan period only as the completion of one of its occurrences, up to the
 * end of the next year (the yearly report is sent in January).
 */
function checkWindow(plan: Plan, state: TaskState, period: string | undefined, date: string): void {
  const { task } = state;
  // Every occurrence, whatever the day evaluated: events triggered on any day are in it.
  const all = state.eval.all;
  const occ = all.find((o) => o.period === (period ?? null)) ?? (period === undefined && all.length === 1 ? all[0] : undefined);
  const closing = closingDay(plan.period);
  const range = `${formatDayVi(plan.period.start)} – ${formatDayVi(plan.period.end)}`;
  if (date < plan.period.start) {
    throw new RefusedError(`The completion date ${formatDayVi(date)} is before the plan period (${range}).`, 'Check the year; work of another year belongs in that year\'s plan.');
  }
  if (date > plan.period.end && occ === undefined) {
    throw new RefusedError(
      `The date ${formatDayVi(date)} is after the plan period (${range}); task ${task.id} has no occurrence of this plan that it could complete.`,
      'Record it in the plan of the year it was done.',
    );
  }
  if (date > closing) {
    throw new RefusedError(
      `Task ${task.id}${occ?.period ? ` (${occ.period})` : ''}: the completion date ${formatDayVi(date)} is after ${formatDayVi(closing)}, the last day on which work of this plan may be completed.`,
      'Check the year; work finished that late belongs in the report of the year it was done.',
    );
  }
  if (occ === undefined || !beforeWindow(occ, date)) return;
  const name = `Task ${task.id}${occ.period ? ` (${occ.period})` : ''}`;
  if (occ.kind === 'event') {
    throw new RefusedError(`${name} was opened on ${formatDayVi(occ.start)}; a completion on ${formatDayVi(date)} comes before it.`, 'Check the --date, or the --period (the trigger day it completes).');
  }
  const open = openOn(all, date).filter((o) => o.period !== null);
  const then = open.length
    ? ` On ${formatDayVi(date)} the open ${open.length === 1 ? 'occurrence was' : 'occurrences were'} ${open.map((o) => `${o.period} (${formatDayVi(o.start)} – ${o.due ? formatDayVi(o.due) : '…'})`).join(', ')}.`
    : '';
  throw new RefusedError(
    `${name} opens on ${formatDayVi(occ.start)}; a completion on ${formatDayVi(date)} comes before it.${then}`,
    open.length ? `If it was the work of ${open[0]!.period}, record it with --period ${open[0]!.period}; else check the --date.` : 'Check the --date and the --period.',
  );
}

interface Recorded {
  file: string;
  task: Task;
  rec: RecordFile;
  /** The plan as written, to say what the record did. */
  after: Plan;
}

async function record(ctx: Ctx, kind: 'done' | 'trigger', id: string, opts: Opts): Promise<Recorded> {
  const file = planPath(ctx, opts.plan);
  const shown = ctx.display(file);
  readPlanBytes(ctx, file); // a missing file or a folder is a usage error before any lock is taken
  const date = checkDate(ctx, opts.date, kind === 'done' ? 'completion' : 'trigger');
  for (const [flag, v] of [['--note', opts.note], ['--ref', opts.ref]] as const) {
    const c = v === undefined ? undefined : UNSAFE_IN_VALUE.exec(v)?.[0];
    if (c !== undefined) throw new UsageError(`${flag} holds a control character (${visibleEscape(c)}); a plan keeps only printable text.`, 'Retype the text without it.');
  }
  checkRef(opts.ref);
  checkPeriod(opts.period);
  if (opts.note !== undefined && opts.note.trim() === '') throw new UsageError('--note is empty.', 'Leave it out, or write the note.');
  const due = kind === 'trigger' ? dueOption(ctx, date, opts) : undefined;
  let result: Omit<Recorded, 'file'> | undefined;
  const h = await heavy();
  const { addRecord, loadBytes, checkLoaded, updateFile, EditError, LockError, ConflictError } = h;
  try {
    const written = await updateFile(ctx.abs(file), (current) => {
      const plan = planOf(ctx, h, current, shown);
      const task = findTasks(plan, [id])[0]!;
      const rec: RecordFile = kind === 'done' ? { done: date } : { trigger: date };
      if (due !== undefined) rec.due = due;
      // The plan as of today, evaluated once for every rule below.
      const state = evaluatePlan(plan, ctx.today(), 14).byId.get(task.id)!;
      if (kind === 'done') {
        const period = choosePeriod(state, opts.period, date);
        checkWindow(plan, state, period, date);
        if (period !== undefined) rec.period = period;
      } else {
        if (opts.period !== undefined) throw new UsageError('tthc trigger takes no --period: the trigger date names the occurrence it opens.');
        if (state.follows) {
          throw new RefusedError(`Task ${task.id} has no trigger of its own: it opens when task ${state.follows} is done.`, `Record that: tthc done ${state.follows} --date DATE.`);
        }
        if (!state.parts.some((p) => p.kind === 'event')) {
          throw new RefusedError(`Task ${task.id} has no trigger: its timeline "${task.when}" does not wait for an event.`, `Record the work with tthc done ${task.id}.`);
        }
        if (date < plan.period.start || date > plan.period.end) {
          throw new RefusedError(
            `The trigger date ${formatDayVi(date)} is outside the plan period (${formatDayVi(plan.period.start)} – ${formatDayVi(plan.period.end)}).`,
            'An event of another year opens the task in that year\'s plan.',
          );
        }
        const closing = closingDay(plan.period);
        if (due !== undefined && due > closing) {
          throw new RefusedError(
            `Task ${task.id}: the due day ${formatDayVi(due)} is after ${formatDayVi(closing)}, the last day on which work of this plan may be completed.`,
            opts.within !== undefined ? 'Check --within: it counts days from the trigger (weeks as 2w).' : 'Check the year of --due.',
          );
        }
        if (task.records.some((r) => r.trigger === date)) throw new RefusedError(`Task ${task.id} already has a trigger on ${formatDayVi(date)}.`);
      }
      if (opts.ref !== undefined) rec.ref = opts.ref.normalize('NFC');
      if (opts.note !== undefined) rec.note = opts.note.normalize('NFC');
      const same = repeats(task.records, rec);
      if (same !== undefined) {
        throw new RefusedError(
          `Task ${task.id} already has this record (record ${recordPlace(task, same) + 1}: ${kind} ${formatDayVi(date)}${rec.period ? `, period ${rec.period}` : ''}${rec.ref ? `, ${rec.ref}` : ''}).`,
          kind === 'done' && rec.period === undefined ? 'A second activity on the same day is recorded with its own document (--ref).' : 'Nothing was written; it is recorded already.',
        );
      }
      // Edit the text as it is on disk (not normalised), so every other byte stays as it was.
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(current);
      const next = Buffer.from(addRecord(text, task.id, rec), 'utf8');
      // The new plan must check as cleanly as the old one before it may replace it.
      const after = loadBytes(next, shown);
      const errors = checkLoaded(after, ctx.today()).filter((d) => d.severity === 'error');
      if (errors.length) {
        throw new RefusedError(`The plan with this record would have errors: ${errors.map((e) => `${e.code} at line ${e.start.line}: ${e.message}`).join('; ')}`, 'Nothing was written.');
      }
      result = { task, rec, after: after.plan! };
      return next;
    });
    // What `tthc undo` needs to take it back.
    if (result && !written.after.equals(written.before)) remember(ctx.abs(file), written.before, written.after, { kind, task: result.task.id, record: result.rec }, ctx.io.now());
  } catch (e) {
    if (e instanceof EditError) throw new RefusedError(`Cannot add the record: ${e.message}`, 'Nothing was written.');
    // Said with the plan's path as the user typed it, not as resolved for the edit (C:\Users\… on Windows).
    if (e instanceof LockError || e instanceof ConflictError) throw new RefusedError(e.message.split(e.file).join(shown));
    throw heldOpenRefusal(e, 'plan', shown, langOption(ctx, opts.lang)) ?? e;
  }
  return { file: shown, ...result! };
}

/**
 * The confirmation: what was recorded and what it means for the occurrence: on time or how many days late against
 * its due day, an activity of a continuous task, or the due day a trigger set.
 */
export function confirmation(r: Recorded, lang: Lang, today: string): string {
  const state = evaluatePlan(r.after, today, 14).byId.get(r.task.id);
  const head = `${r.file}: ${r.task.id}${r.rec.period ? ` (${r.rec.period})` : ''} — `;
  const ref = r.rec.ref ? say(lang, 'record.document', { ref: r.rec.ref }) : '';
  if (r.rec.trigger) {
    const occ = state?.eval.occurrences.find((o) => o.period === r.rec.trigger);
    const due = occ?.due ? say(lang, 'record.triggerDue', { due: formatDayVi(occ.due) }) : '';
    return `${head}${say(lang, 'record.trigger', { day: formatDayVi(r.rec.trigger) })}${ref}${due}.\n`;
  }
  const day = r.rec.done!;
  if (state?.eval.continuous && !r.rec.period && !state.eval.occurrences.some((o) => o.completion === day)) {
    return `${head}${say(lang, 'record.activity', { day: formatDayVi(day) })}${ref}.\n`;
  }
  const occ = state?.eval.occurrences.find((o) => o.completion === day && (r.rec.period === undefined || o.period === r.rec.period));
  let verdict = '';
  if (occ?.due) {
    const late = Math.round((Date.parse(day) - Date.parse(occ.due)) / 86_400_000);
    verdict = late > 0 ? say(lang, 'record.late', { n: late, due: formatDayVi(occ.due) }) : say(lang, 'record.onTime', { due: formatDayVi(occ.due) });
  }
  return `${head}${say(lang, 'record.done', { day: formatDayVi(day) })}${ref}${verdict}.\n`;
}

export function registerRecord(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('done')
    .description('record that a task (or one occurrence of it) was done')
    .argument('<id>', 'the task id, e.g. IX.3')
    .option('--period <period>', 'the occurrence: 2023-03, 2023-Q2, 2023-H1, 2023 (needed when several are open)')
    .option('--date <date>', 'the day it was done (default: today in Vietnam)')
    .option('--ref <symbol>', 'the document that shows it, e.g. 123/BC-UBND')
    .option('--note <text>', 'a note')
    .option('--lang <lang>', 'vi or en, for the confirmation (default: TTHC_LANG, else vi)')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)')
    .action(async (id: string, opts: Opts) => {
      const lang = langOption(ctx, opts.lang);
      const r = await record(ctx, 'done', id, opts);
      ctx.io.write(confirmation(r, lang, ctx.today()));
      done(0);
    });
  program
    .command('trigger')
    .description('record that the event an event task waits for happened')
    .argument('<id>', 'the task id, e.g. I.1')
    .requiredOption('--date <date>', 'the day it happened')
    .option('--due <date>', 'the last on-time day that the document sets')
    .option('--within <days>', 'or: the document gives N days from the trigger (weeks as 2w)')
    .option('--ref <symbol>', 'the document that triggered it, e.g. 500/KH-UBND')
    .option('--note <text>', 'a note')
    .option('--lang <lang>', 'vi or en, for the confirmation (default: TTHC_LANG, else vi)')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)')
    .action(async (id: string, opts: Opts) => {
      const lang = langOption(ctx, opts.lang);
      const r = await record(ctx, 'trigger', id, opts);
      ctx.io.write(confirmation(r, lang, ctx.today()));
      done(0);
    });
}
