// `tthc status`: the quarterly status table for the office's report, by task, agency or section, in any format.
import type { Command } from 'commander';
import { resolveAgency } from '../model/agencies.js';
import { renderAs, STATUS_FORMATS, type StatusInput } from '../render/registry.js';
import { evaluatePlan } from '../views/evaluate.js';
import { quarterDetail, statusView } from '../views/status.js';
import { loadPlan, type Ctx } from './context.js';
import { writeRendered } from './output.js';
import { formatOption, specOf } from './spec.js';
import { UsageError } from '../model/io.js';
import { msg } from '../messages/index.js';
import { statusAcross } from './across.js';
import { PLANS_FLAGS, PLANS_HELP, plansAsked, repeated } from './plans.js';

interface Opts {
  by?: string;
  quarter?: string;
  plans?: string | boolean;
}

export function registerStatus(program: Command, ctx: Ctx, done: (code: number) => void): void {
  const planFlags = repeated();
  program
    .command('status')
    .description('the quarterly status table: a row per task (or agency, or section), a column per quarter')
    .option('--by <rows>', 'task (default), agency or section; plan: a row per plan (the default across several plans)')
    .option('--agency <agency>', 'only the tasks of this agency (id, alias or part of a name)')
    .option('--role <role>', 'with --agency or --by agency: lead, support or any', 'any')
    .option('--quarter <n>', 'one quarter in detail: its occurrences and records (1–4)')
    .option('--periods <kind>', 'calendar quarters, or the reporting periods of Nghị định 09/2019/NĐ-CP', 'calendar')
    .option('--as-of <date>', 'the day to answer for (default: today in Vietnam)')
    .option('--today <date>', 'the same as --as-of')
    .addOption(formatOption(STATUS_FORMATS, 'table'))
    .option('--sep <sep>', 'CSV separator: , or ;', ',')
    .option('--lang <lang>', 'vi or en (default: TTHC_LANG, else vi)')
    .option('--output <file>', 'write to a file instead of the screen (UTF-8)')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)', planFlags.parse)
    .option(PLANS_FLAGS, PLANS_HELP)
    .action(async (opts: Opts) => {
      const spec = specOf(ctx);
      const many = plansAsked(ctx, planFlags.values, opts.plans);
      const by = opts.by === undefined ? (many ? 'plan' : 'task') : spec.by;
      if (by === 'plan' || many) {
        if (by !== 'plan') throw new UsageError(msg('status.byAcross', { by }), msg('status.byAcross.hint'));
        if (!many) throw new UsageError(msg('status.byPlanOne'), msg('status.byPlanOne.hint'));
        if (opts.quarter !== undefined) throw new UsageError(msg('status.quarterAcross'), msg('status.quarterAcross.hint'));
        const style = ctx.style(spec.output ? false : spec.color);
        done(await statusAcross(ctx, many, { format: spec.format, lang: spec.lang, style, sep: spec.sep, asOf: spec.day, agency: spec.agency, role: spec.role, periods: spec.periods, output: spec.output }));
        return;
      }
      const { plan, schedules } = await loadPlan(ctx, spec.plan);
      const agency = spec.agency !== undefined ? resolveAgency(plan, spec.agency) : undefined;
      const { periods, role, quarter } = spec;
      const state = evaluatePlan(plan, spec.day, 14, schedules);
      const view = statusView(state, { periods, by, agency, role });
      const style = ctx.style(spec.output ? false : spec.color);
      const input: StatusInput = { plan, view, lang: spec.lang, style, width: spec.width, sep: spec.sep };
      // The detail is task by task whatever --by says: it lists occurrences and records, which belong to tasks.
      if (quarter) input.detail = { quarter, lines: quarterDetail(by === 'task' ? view : statusView(state, { periods, by: 'task', agency, role }), plan, quarter) };
      await writeRendered(ctx, spec, await renderAs(STATUS_FORMATS, spec.format, input));
      done(0);
    });
}
