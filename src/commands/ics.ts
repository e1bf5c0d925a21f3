// `tthc ics`: every dated occurrence as an all-day event, for Outlook, Google Calendar or Thunderbird to import.
import type { Command } from 'commander';
import { resolveAgency } from '../model/agencies.js';
import { renderIcs } from '../render/ics.js';
import { icsEvents } from '../views/ics.js';
import { loadPlan, planPath, type Ctx } from './context.js';
import { writeOutput } from './output.js';
import { msg } from '../messages/index.js';
import { specOf } from './spec.js';
import { icsAcross } from './across.js';
import { PLANS_FLAGS, PLANS_HELP, plansAsked, repeated } from './plans.js';

interface Opts {
  open?: boolean;
  todo?: boolean;
  plans?: string | boolean;
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
      const spec = specOf(ctx);
      const role = spec.role;
      const remind = spec.remind;
      const many = plansAsked(ctx, planFlags.values, opts.plans);
      if (many) {
        done(await icsAcross(ctx, many, { agency: spec.agency, role, open: opts.open, todo: opts.todo, remind, output: spec.output }));
        return;
      }
      const file = planPath(ctx, spec.plan);
      const { plan, schedules } = await loadPlan(ctx, file);
      const agency = spec.agency !== undefined ? resolveAgency(plan, spec.agency) : undefined;
      const events = icsEvents(plan, { agency: agency?.id, role, open: opts.open === true, schedules });
      const input: Parameters<typeof renderIcs>[0] = { plan, events };
      if (agency) input.agencyName = agency.name;
      if (remind.length) input.remind = remind;
      if (opts.todo) input.todo = true;
      await writeOutput(ctx, renderIcs(input), spec.output);
      done(0);
    });
}
