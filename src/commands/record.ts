// `tthc done` and `tthc trigger`: add a progress record to a task in the plan file, checked, locked and atomic.
import type { Command } from 'commander';
import { sortDiagnostics } from '../model/diagnostics.js';
import { RefusedError, UsageError } from '../model/io.js';
import { recordPlace, type Plan, type Task } from '../model/model.js';
import type { RecordFile } from '../model/schema.js';
import { parseSymbol } from '../model/symbols.js';
import { renderText } from '../render/diagnostics.js';
import { addDays, beforeWindow, closingDay, formatDayVi, isValidDay, openOn, repeats } from '../schedule/index.js';
import { evaluatePlan, type ReadSchedules, type TaskState } from '../views/evaluate.js';
import type { Lang } from '../render/i18n.js';
import { choosePeriod } from '../views/completion.js';
import { msg, say, withPath } from '../messages/index.js';
import { UNSAFE_IN_VALUE, visibleEscape } from '../render/escape.js';
import { planPath, readPlanBytes, runLang, type Ctx } from './context.js';
import { asOfOption, parseDayOption, specOf, withinOption } from './spec.js';
import { remember } from './undo.js';
import { findTasks } from './show.js';
import { heavy } from '../host/lazy.js';
import { keepWarm, loadAnalysis } from '../host/cache.js';
import { checkedOf, diagnosticsFor, type Checked } from '../checks/checked.js';
import { MAX_PLAN_BYTES } from '../read/decode.js';
import { heldOpenRefusal } from '../edit/held-open.js';
import { sayFinding } from '../messages/findings-say.js';

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

/** The plan as read (through the cache); errors in it refuse the edit. */
function planOf(ctx: Ctx, checked: Checked, file: string): Plan {
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !checked.plan) {
    const report = renderText([{ file, diagnostics: sortDiagnostics(errors).slice(0, 5), lines: checked.lines }], ctx.style(), undefined, runLang(ctx)).trimEnd();
    throw new RefusedError(msg('rec.planErrors', { file, n: errors.length, report }), msg('rec.planErrors.hint', { file }));
  }
  return checked.plan;
}

/**
 * How many times an edit is made again on what another tthc wrote meanwhile: each round lets at least one of the
 * writers through, so this is more than any number of clerks recording at the same moment.
 */
const MAX_ROUNDS = 50;

function checkDate(ctx: Ctx, value: string | undefined, kind: 'done' | 'trigger'): string {
  const date = asOfOption(ctx, value, '--date');
  if (date > ctx.today()) {
    throw new RefusedError(msg('rec.future', { kind, day: formatDayVi(date), today: formatDayVi(ctx.today()) }), msg('rec.future.hint'));
  }
  return date;
}

/** A --period that names no period at all is a usage error (exit 2); one the task does not have is refused later (1). */
function checkPeriod(period: string | undefined): void {
  if (period === undefined) return;
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q[1-4]|-H[12]|-(\d{2})-(\d{2}))?$/.exec(period);
  const ok = m !== null && (m[3] === undefined || isValidDay(period));
  if (!ok) throw new UsageError(msg('rec.badPeriod', { period }), msg('rec.badPeriod.hint'));
}

/**
 * The due day a trigger's document sets: --due DATE, or --within N days (weeks as 2w) after the trigger; never both,
 * and never before the trigger. Without either, the plan's `schedule.after` (if any) sets it.
 */
function dueOption(ctx: Ctx, date: string, opts: Opts): string | undefined {
  if (opts.due !== undefined && opts.within !== undefined) {
    throw new UsageError(msg('rec.dueAndWithin'), msg('rec.dueAndWithin.hint'));
  }
  if (opts.within !== undefined) return addDays(date, withinOption(opts.within));
  if (opts.due === undefined) return undefined;
  const due = parseDayOption(ctx, opts.due, '--due');
  if (due < date) {
    throw new UsageError(msg('rec.dueBefore', { due: formatDayVi(due), date: formatDayVi(date) }), msg('rec.dueBefore.hint'));
  }
  return due;
}

function checkRef(ref: string | undefined): void {
  if (ref === undefined) return;
  const p = parseSymbol(ref);
  if (!p.ok) throw new UsageError(msg('rec.badRef', { ref, why: p.why }), p.suggestion ? msg('rec.badRef.near', { suggestion: p.suggestion }) : msg('rec.badRef.hint'));
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
    throw new RefusedError(msg('rec.beforePlan', { day: formatDayVi(date), range }), msg('rec.beforePlan.hint'));
  }
  if (date > plan.period.end && occ === undefined) {
    throw new RefusedError(msg('rec.afterPlan', { day: formatDayVi(date), range, id: task.id }), msg('rec.afterPlan.hint'));
  }
  if (date > closing) {
    throw new RefusedError(msg('rec.afterClosing', { id: task.id, period: occ?.period ?? '', day: formatDayVi(date), closing: formatDayVi(closing) }), msg('rec.afterClosing.hint'));
  }
  if (occ === undefined || !beforeWindow(occ, date)) return;
  const where = { id: task.id, period: occ.period ?? '', start: formatDayVi(occ.start), day: formatDayVi(date) };
  if (occ.kind === 'event') throw new RefusedError(msg('rec.beforeEvent', where), msg('rec.beforeEvent.hint'));
  const open = openOn(all, date).filter((o) => o.period !== null);
  const list = open.map((o) => `${o.period} (${formatDayVi(o.start)} – ${o.due ? formatDayVi(o.due) : '…'})`).join(', ');
  throw new RefusedError(
    msg('rec.beforeWindow', { ...where, n: open.length, open: list }),
    open.length ? msg('rec.beforeWindow.open', { period: String(open[0]!.period) }) : msg('rec.beforeWindow.hint'),
  );
}

/** The record to add, after every rule of the contract that concerns it (the plan as of today, evaluated once). */
function edit(ctx: Ctx, kind: 'done' | 'trigger', id: string, opts: Opts, date: string, due: string | undefined, plan: Plan, schedules: ReadSchedules | undefined, lang: Lang): { task: Task; rec: RecordFile } {
  const task = findTasks(plan, [id])[0]!;
  const rec: RecordFile = kind === 'done' ? { done: date } : { trigger: date };
  if (due !== undefined) rec.due = due;
  const state = evaluatePlan(plan, ctx.today(), 14, schedules, [task]).byId.get(task.id)!;
  if (kind === 'done') {
    const period = choosePeriod(state, opts.period, date, lang);
    checkWindow(plan, state, period, date);
    if (period !== undefined) rec.period = period;
  } else {
    if (opts.period !== undefined) throw new UsageError(msg('rec.triggerPeriod'));
    if (state.follows) {
      throw new RefusedError(msg('rec.follows', { id: task.id, follows: state.follows }), msg('rec.follows.hint', { follows: state.follows }));
    }
    if (!state.parts.some((p) => p.kind === 'event')) {
      throw new RefusedError(msg('rec.noTrigger', { id: task.id, when: task.when }), msg('rec.noTrigger.hint', { id: task.id }));
    }
    if (date < plan.period.start || date > plan.period.end) {
      throw new RefusedError(msg('rec.triggerOutside', { day: formatDayVi(date), range: `${formatDayVi(plan.period.start)} – ${formatDayVi(plan.period.end)}` }), msg('rec.triggerOutside.hint'));
    }
    const closing = closingDay(plan.period);
    if (due !== undefined && due > closing) {
      throw new RefusedError(
        msg('rec.dueAfterClosing', { id: task.id, due: formatDayVi(due), closing: formatDayVi(closing) }),
        opts.within !== undefined ? msg('rec.dueAfterClosing.within') : msg('rec.dueAfterClosing.hint'),
      );
    }
    if (task.records.some((r) => r.trigger === date)) throw new RefusedError(msg('rec.triggerTwice', { id: task.id, day: formatDayVi(date) }));
  }
  if (opts.ref !== undefined) rec.ref = opts.ref.normalize('NFC');
  if (opts.note !== undefined) rec.note = opts.note.normalize('NFC');
  const same = repeats(task.records, rec);
  if (same !== undefined) {
    throw new RefusedError(
      msg('rec.repeat', { id: task.id, n: recordPlace(task, same) + 1, kind, day: formatDayVi(date), period: rec.period ?? '', ref: rec.ref ?? '' }),
      kind === 'done' && rec.period === undefined ? msg('rec.repeat.activity') : msg('rec.repeat.hint'),
    );
  }
  return { task, rec };
}

interface Recorded {
  file: string;
  task: Task;
  rec: RecordFile;
  /** The plan as written, to say what the record did. */
  after: Plan;
  schedules?: ReadSchedules;
}

async function record(ctx: Ctx, kind: 'done' | 'trigger', id: string, opts: Opts): Promise<Recorded> {
  const file = planPath(ctx, opts.plan);
  const shown = ctx.display(file);
  readPlanBytes(ctx, file); // a missing file or a folder is a usage error before any lock is taken
  const date = checkDate(ctx, opts.date, kind);
  const lang = specOf(ctx).lang;
  for (const [flag, v] of [['--note', opts.note], ['--ref', opts.ref]] as const) {
    const c = v === undefined ? undefined : UNSAFE_IN_VALUE.exec(v)?.[0];
    if (c !== undefined) throw new UsageError(msg('rec.control', { flag, char: visibleEscape(c) }), msg('rec.control.hint'));
  }
  checkRef(opts.ref);
  checkPeriod(opts.period);
  if (opts.note !== undefined && opts.note.trim() === '') throw new UsageError(msg('rec.emptyNote'), msg('rec.emptyNote.hint'));
  const due = kind === 'trigger' ? dueOption(ctx, date, opts) : undefined;
  const h = await heavy();
  const { addRecord, addRecordToTask, newListStyle, analysisAfterRecord, analyze, replaceIfUnchanged, EditError, LockError, ConflictError } = h;
  const abs = ctx.abs(file);
  const today = ctx.today();
  try {
    // Read and analysed outside the lock; under it only "unchanged since read" is confirmed and the file written. When
    // another tthc wrote the plan in between, the edit is made again on what it wrote.
    for (let round = 1; ; round++) {
      const current = readPlanBytes(ctx, file);
      const was = await loadAnalysis(current, shown, today, ctx.io.env, abs);
      const checked = checkedOf(was, current, shown, today);
      const plan = planOf(ctx, checked, shown);
      const made = edit(ctx, kind, id, opts, date, due, plan, checked.schedules, lang);
      // Edit the text as it is on disk (not normalised), so every other byte stays as it was. Where the plan's
      // analysis tells where the task stands, only the task's lines are read and edited, and the new plan's findings
      // are the old ones with the task's records checked again; else the whole text is edited and checked.
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(current);
      const fast = was.layout ? addRecordToTask(text, was.layout, plan.tasks.indexOf(made.task), made.task.id, made.rec, () => newListStyle(text, made.task.id)) : undefined;
      const next = Buffer.from(fast ? fast.text : addRecord(text, made.task.id, made.rec), 'utf8');
      // The new plan must check as cleanly as the old one before it may replace it, and its analysis is kept in the cache.
      const analysis = (fast && next.length <= MAX_PLAN_BYTES && analysisAfterRecord(was, fast, made.rec, shown)) || analyze(next, shown, today);
      const errors = diagnosticsFor(analysis, today, shown).filter((d) => d.severity === 'error');
      if (errors.length) {
        const list = errors.map((e) => say(lang, 'rec.wouldErr.item', { code: e.code, line: e.start.line, message: sayFinding(lang, e.message) })).join('; ');
        throw new RefusedError(msg('rec.wouldErr', { list }), msg('rec.nothingWritten'));
      }
      // Kept before the write, so that another tthc that reads the new plan the moment it is written finds it warm
      // (a `done` waiting to make its edit again on what this one wrote); an entry of bytes not written is never read.
      await keepWarm(next, shown, abs, ctx.io.env, today, analysis);
      if (!(await replaceIfUnchanged(abs, current, next))) {
        if (round < MAX_ROUNDS) continue;
        throw new ConflictError(abs);
      }
      // What `tthc undo` needs to take it back.
      remember(abs, current, next, { kind, task: made.task.id, record: made.rec }, ctx.io.now());
      const after = checkedOf(analysis, next, shown, today);
      return { file: shown, task: made.task, rec: made.rec, after: after.plan!, ...(after.schedules ? { schedules: after.schedules } : {}) };
    }
  } catch (e) {
    if (e instanceof EditError) throw new RefusedError(say(lang, 'rec.cannotAdd', { why: e.say(lang) }), msg('rec.nothingWritten'));
    // Said with the plan's path as the user typed it, not as resolved for the edit (C:\\Users\\… on Windows).
    if (e instanceof LockError || e instanceof ConflictError) throw new RefusedError(withPath(e.text, e.file, shown));
    throw heldOpenRefusal(e, 'plan', shown, lang) ?? e;
  }
}

/**
 * The confirmation: what was recorded and what it means for the occurrence: on time or how many days late against
 * its due day, an activity of a continuous task, or the due day a trigger set.
 */
export function confirmation(r: Recorded, lang: Lang, today: string): string {
  const task = r.after.taskById.get(r.task.id);
  const state = task && evaluatePlan(r.after, today, 14, r.schedules, [task]).byId.get(r.task.id);
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
      const lang = specOf(ctx).lang;
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
      const lang = specOf(ctx).lang;
      const r = await record(ctx, 'trigger', id, opts);
      ctx.io.write(confirmation(r, lang, ctx.today()));
      done(0);
    });
}
