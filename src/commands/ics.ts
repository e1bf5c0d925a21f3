// `tthc ics`: every dated occurrence as an all-day event, for Outlook, Google Calendar or Thunderbird to import.
import type { Command } from 'commander';
import { UsageError } from '../model/io.js';
import { involvement, resolveAgency, type Role } from '../model/agencies.js';
import type { Plan } from '../model/model.js';
import { renderIcs, type IcsEvent } from '../render/ics.js';
import { evaluatePlan } from '../views/evaluate.js';
import { taskOrder } from '../views/due.js';
import { refOf } from '../views/report.js';
import { loadPlan, planPath, type Ctx } from './context.js';
import { roleOption } from './due.js';
import { writeOutput } from './output.js';
import { icsAcross } from './across.js';
import { PLANS_FLAGS, PLANS_HELP, plansAsked, repeated } from './plans.js';

interface Opts {
  plan?: string;
  agency?: string;
  role?: string;
  output?: string;
  remind?: string[];
  open?: boolean;
  todo?: boolean;
  plans?: string | boolean;
}

/** --remind 3d, 1w, 0d (on the day); up to a year before. */
export function remindOption(value: string): number {
  const m = /^\s*(\d{1,3})\s*([dw]?)\s*$/i.exec(value);
  const days = m ? Number(m[1]) * (m[2]?.toLowerCase() === 'w' ? 7 : 1) : NaN;
  if (!m || days > 366) throw new UsageError(`--remind "${value}" is not a number of days before the due day.`, 'Write days (--remind 3d) or weeks (--remind 1w), up to a year; repeat it for several reminders.');
  return days;
}

/**
 * The day to evaluate at: the plan's end, or its latest record if later. Not today, so that the file does
 * not change with the clock; records cannot be dated in the future, so every recorded trigger counts.
 */
export function icsHorizon(plan: Plan): string {
  let last = plan.period.end;
  for (const task of plan.tasks) {
    for (const r of task.records) for (const d of [r.done, r.trigger]) if (d && d > last) last = d;
  }
  return last;
}

/** The plan's dated occurrences (for an agency in a role, or all; without the completed ones with `open`), by due day. */
export function icsEvents(plan: Plan, agency: string | undefined, role: Role | 'any', open?: boolean): IcsEvent[] {
  const state = evaluatePlan(plan, icsHorizon(plan), 0);
  const events: IcsEvent[] = [];
  for (const s of state.tasks) {
    if (agency) {
      const inv = involvement(plan, s.task, agency);
      if (!inv || (role !== 'any' && inv.role !== role)) continue;
    }
    for (const o of s.eval.occurrences) {
      if (o.due === null || (open && o.completion)) continue;
      events.push({ task: s.task, period: o.period, due: o.due, start: o.start, completion: o.completion, late: o.status === 'late', ref: refOf(s.task, o.period, o.completion) });
    }
  }
  return events.sort((a, b) => a.due.localeCompare(b.due) || taskOrder(plan, a.task.id) - taskOrder(plan, b.task.id) || (a.period ?? '').localeCompare(b.period ?? ''));
}

export function registerIcs(program: Command, ctx: Ctx, done: (code: number) => void): void {
  const planFlags = repeated();
  program
    .command('ics')
    .description('an iCalendar file with an all-day event on each due date, to import into a calendar')
    .option('--agency <agency>', 'only the tasks of this agency (id, alias or part of a name)')
    .option('--role <role>', 'with --agency: lead, support or any', 'any')
    .option('--remind <days>', 'a reminder this many days before each due day: 3d, 1w (repeat for several)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--open', 'leave out the occurrences already completed (default: kept, marked as done)')
    .option('--todo', 'to-do items (VTODO with DUE and COMPLETED) instead of calendar events')
    .option('--output <file>', 'write to a file instead of the screen (e.g. ke-hoach.ics)')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)', planFlags.parse)
    .option(PLANS_FLAGS, PLANS_HELP)
    .action(async (opts: Opts) => {
      const role = roleOption(opts.role);
      if (role !== 'any' && opts.agency === undefined) throw new UsageError(`--role ${role} needs --agency: a role is an agency's part in a task.`, `For example: tthc ics --agency vp --role ${role}`);
      // Earliest first: Outlook keeps only an event's first reminder, and the earliest leaves time to act.
      const remind = [...new Set((opts.remind ?? []).map(remindOption))].sort((a, b) => b - a);
      const many = plansAsked(ctx, planFlags.values, opts.plans);
      if (many) {
        done(await icsAcross(ctx, many, { agency: opts.agency, role, open: opts.open, todo: opts.todo, remind, output: opts.output }));
        return;
      }
      const file = planPath(ctx, opts.plan);
      const { plan } = await loadPlan(ctx, file);
      const agency = opts.agency !== undefined ? resolveAgency(plan, opts.agency) : undefined;
      const events = icsEvents(plan, agency?.id, role, opts.open);
      const input: Parameters<typeof renderIcs>[0] = { plan, events };
      if (agency) input.agencyName = agency.name;
      if (remind.length) input.remind = remind;
      if (opts.todo) input.todo = true;
      await writeOutput(ctx, renderIcs(input), opts.output);
      done(0);
    });
}
