// `tthc ics`: every dated occurrence as an all-day event, for Outlook, Google Calendar or Thunderbird to import.
import type { Command } from 'commander';
import { UsageError } from '../model/io.js';
import { resolveAgency } from '../model/agencies.js';
import { renderIcs } from '../render/ics.js';
import { icsEvents } from '../views/ics.js';
import { loadPlan, planPath, type Ctx } from './context.js';
import { roleOption } from './due.js';
import { writeOutput } from './output.js';

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
  if (!m || days > 366) throw new UsageError(`--remind "${value}" is not a number of days before the due day.`, 'Write days (--remind 3d) or weeks (--remind 1w), up to a year; repeat it for several reminders.');
  return days;
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
      if (role !== 'any' && opts.agency === undefined) throw new UsageError(`--role ${role} needs --agency: a role is an agency's part in a task.`, `For example: tthc ics --agency vp --role ${role}`);
      // Earliest first: Outlook keeps only an event's first reminder, and the earliest leaves time to act.
      const remind = [...new Set((opts.remind ?? []).map(remindOption))].sort((a, b) => b - a);
      const file = planPath(ctx, opts.plan);
      const { plan } = await loadPlan(ctx, file);
      const agency = opts.agency !== undefined ? resolveAgency(plan, opts.agency) : undefined;
      const events = icsEvents(plan, { agency: agency?.id, role, open: opts.open === true });
      const input: Parameters<typeof renderIcs>[0] = { plan, events };
      if (agency) input.agencyName = agency.name;
      if (remind.length) input.remind = remind;
      if (opts.todo) input.todo = true;
      await writeOutput(ctx, renderIcs(input), opts.output);
      done(0);
    });
}
