// `tthc ics`: every dated occurrence as an all-day event, for Outlook, Google Calendar or Thunderbird to import.
import type { Command } from 'commander';
import { UsageError } from '../model/io.js';
import { involvement, resolveAgency } from '../model/agencies.js';
import type { Plan } from '../model/model.js';
import { renderIcs, type IcsEvent } from '../render/ics.js';
import { evaluatePlan } from '../views/evaluate.js';
import { taskOrder } from '../views/due.js';
import { refOf } from '../views/report.js';
import { loadPlan, planPath, type Ctx } from './context.js';
import { roleOption } from './due.js';
import { writeOutput } from './output.js';
import { msg } from '../messages/index.js';

interface Opts {
  plan?: string;
  agency?: string;
  role?: string;
  output?: string;
  remind?: string[];
  open?: boolean;
  todo?: boolean;
}

/** --remind 3d, 1w, 0d (on the day); up to a year before. */
export function remindOption(value: string): number {
  const m = /^\s*(\d{1,3})\s*([dw]?)\s*$/i.exec(value);
  const days = m ? Number(m[1]) * (m[2]?.toLowerCase() === 'w' ? 7 : 1) : NaN;
  if (!m || days > 366) throw new UsageError(msg('opt.remind', { value }), msg('opt.remind.hint'));
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

export function registerIcs(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('ics')
    .description('an iCalendar file with an all-day event on each due date, to import into a calendar')
    .option('--agency <agency>', 'only the tasks of this agency (id, alias or part of a name)')
    .option('--role <role>', 'with --agency: lead, support or any', 'any')
    .option('--remind <days>', 'a reminder this many days before each due day: 3d, 1w (repeat for several)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--open', 'leave out the occurrences already completed (default: kept, marked as done)')
    .option('--todo', 'to-do items (VTODO with DUE and COMPLETED) instead of calendar events')
    .option('--output <file>', 'write to a file instead of the screen (e.g. ke-hoach.ics)')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)')
    .action(async (opts: Opts) => {
      const role = roleOption(opts.role);
      if (role !== 'any' && opts.agency === undefined) throw new UsageError(msg('opt.roleNeedsAgency', { role, by: false }), msg('opt.roleNeedsAgency.hint', { example: `tthc ics --agency vp --role ${role}` }));
      // Earliest first: Outlook keeps only an event's first reminder, and the earliest leaves time to act.
      const remind = [...new Set((opts.remind ?? []).map(remindOption))].sort((a, b) => b - a);
      const file = planPath(ctx, opts.plan);
      const { plan } = await loadPlan(ctx, file);
      const agency = opts.agency !== undefined ? resolveAgency(plan, opts.agency) : undefined;
      const state = evaluatePlan(plan, icsHorizon(plan), 0);
      const events: IcsEvent[] = [];
      for (const s of state.tasks) {
        if (agency) {
          const inv = involvement(plan, s.task, agency.id);
          if (!inv || (role !== 'any' && inv.role !== role)) continue;
        }
        for (const o of s.eval.occurrences) {
          if (o.due === null || (opts.open && o.completion)) continue;
          events.push({ task: s.task, period: o.period, due: o.due, start: o.start, completion: o.completion, late: o.status === 'late', ref: refOf(s.task, o.period, o.completion) });
        }
      }
      events.sort((a, b) => a.due.localeCompare(b.due) || taskOrder(plan, a.task.id) - taskOrder(plan, b.task.id) || (a.period ?? '').localeCompare(b.period ?? ''));
      const input: Parameters<typeof renderIcs>[0] = { plan, events };
      if (agency) input.agencyName = agency.name;
      if (remind.length) input.remind = remind;
      if (opts.todo) input.todo = true;
      await writeOutput(ctx, renderIcs(input), opts.output);
      done(0);
    });
}
