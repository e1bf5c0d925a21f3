// `tthc due`: what is overdue and due soon for an agency (or all), as of today in Vietnam or --as-of.
import type { Command } from 'commander';
import { resolveAgency } from '../model/agencies.js';
import { DUE_FORMATS, renderAs } from '../render/registry.js';
import { duePick, dueTasks, dueView } from '../views/due.js';
import { evaluatePlan } from '../views/evaluate.js';
import { loadPlan, type Ctx } from './context.js';
import { writeRendered } from './output.js';
import { formatOption, specOf } from './spec.js';
import { dueAcross } from './across.js';
import { PLANS_FLAGS, PLANS_HELP, plansAsked, repeated } from './plans.js';

interface Opts {
  all?: boolean;
  each?: boolean;
  plans?: string | boolean;
}

export function registerDue(program: Command, ctx: Ctx, done: (code: number) => void): void {
  const planFlags = repeated();
  program
    .command('due')
    .description('list what is overdue and due soon, for an agency or for all')
    .option('--agency <agency>', 'an agency id, alias or part of a name (default: all agencies)')
    .option('--role <role>', 'with --agency: chu-tri (lead), phoi-hop (support) or any', 'any')
    .option('--within <days>', 'the warning window: days, or weeks as 2w', '14')
    .option('--all', 'every occurrence and task, with its status')
    .option('--each', 'a row for each occurrence, rather than one for the occurrences of a task with the same status')
    .option('--as-of <date>', 'the day to answer for (default: today in Vietnam)')
    .option('--today <date>', 'the same as --as-of')
    .addOption(formatOption(DUE_FORMATS, 'table'))
    .option('--sep <sep>', 'CSV separator: , or ;', ',')
    .option('--lang <lang>', 'vi or en (default: TTHC_LANG, else vi)')
    .option('--fail-on <status>', 'exit 1 when anything has this status (overdue)')
    .option('--output <file>', 'write to a file instead of the screen')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)', planFlags.parse)
    .option(PLANS_FLAGS, PLANS_HELP)
    .action(async (opts: Opts) => {
      const spec = specOf(ctx);
      const many = plansAsked(ctx, planFlags.values, opts.plans);
      if (many) {
        const style = ctx.style(spec.output ? false : spec.color);
        done(await dueAcross(ctx, many, { format: spec.format, lang: spec.lang, style, sep: spec.sep, asOf: spec.day, within: spec.within, agency: spec.agency, role: spec.role, all: opts.all, failOn: spec.failOn, output: spec.output }));
        return;
      }
      const day = { asOf: spec.day, within: spec.within, all: opts.all };
      const { plan, schedules } = await loadPlan(ctx, spec.plan, duePick(spec.agency, day));
      const agency = spec.agency !== undefined ? resolveAgency(plan, spec.agency) : undefined;
      const view = dueView(evaluatePlan(plan, spec.day, spec.within, schedules, dueTasks(plan, agency, spec.role, { ...day, schedules })), { agency, role: spec.role, all: opts.all });
      const style = ctx.style(spec.output ? false : spec.color);
      const text = await renderAs(DUE_FORMATS, spec.format, { plan, view, each: Boolean(opts.each), lang: spec.lang, style, width: spec.width, sep: spec.sep });
      await writeRendered(ctx, spec, text);
      const failing =
        spec.failOn === 'overdue'
          ? view.items.some((i) => i.status === 'overdue')
          : spec.failOn === 'due-soon'
            ? view.items.some((i) => i.status === 'overdue' || i.status === 'due-soon')
            : false;
      done(failing ? 1 : 0);
    });
}
