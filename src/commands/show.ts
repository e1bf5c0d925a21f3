// `tthc show [ID…]`: tasks in full — work, agencies by role, output, timeline — as a table, JSON or Markdown.
import type { Command } from 'commander';
import { UsageError } from '../model/io.js';
import { nearest } from '../model/text.js';
import type { Plan, Task } from '../model/model.js';
import { renderAs, SHOW_FORMATS } from '../render/registry.js';
import { evaluatePlan } from '../views/evaluate.js';
import { loadPlan, type Ctx } from './context.js';
import { writeRendered } from './output.js';
import { formatOption, specOf } from './spec.js';
import { msg } from '../messages/index.js';
import { showAcross } from './across.js';
import { PLANS_FLAGS, PLANS_HELP, plansAsked, repeated } from './plans.js';

export function findTasks(plan: Plan, ids: string[]): Task[] {
  if (ids.length === 0) return plan.tasks;
  return ids.map((raw) => {
    const id = raw.trim().toUpperCase();
    const task = plan.taskById.get(id);
    if (!task) {
      const near = nearest(id, plan.taskById.keys());
      throw new UsageError(msg('task.none', { id: raw }), near.length ? msg('task.none.near', { near: near.join(', ') }) : msg('task.none.hint'));
    }
    return task;
  });
}

export function registerShow(program: Command, ctx: Ctx, done: (code: number) => void): void {
  const planFlags = repeated();
  program
    .command('show')
    .description('print tasks in full (all tasks when no id is given)')
    .argument('[ids...]', 'task ids such as I.2 or IX.6')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)', planFlags.parse)
    .option(PLANS_FLAGS, PLANS_HELP)
    .addOption(formatOption(SHOW_FORMATS, 'table'))
    .option('--output <file>', 'with --format xlsx: the workbook to write')
    .option('--lang <lang>', 'vi or en (default: TTHC_LANG, else vi)')
    .option('--as-of <date>', 'the day for occurrence statuses (default: today in Vietnam)')
    .action(async (ids: string[], opts: { plans?: string | boolean }) => {
      const spec = specOf(ctx);
      if (spec.output !== undefined && !spec.binary) throw new UsageError(msg('show.outputXlsx'), msg('show.outputXlsx.hint'));
      const many = plansAsked(ctx, planFlags.values, opts.plans);
      if (many) {
        done(await showAcross(ctx, many, spec, ids));
        return;
      }
      const { plan, schedules } = await loadPlan(ctx, spec.plan);
      const tasks = findTasks(plan, ids);
      const state = evaluatePlan(plan, spec.day, 14, schedules);
      const input = { plan, tasks, state, occurrences: ids.length > 0, lang: spec.lang, style: ctx.style(spec.color), width: spec.width, sep: spec.sep };
      await writeRendered(ctx, spec, await renderAs(SHOW_FORMATS, spec.format, input));
      done(0);
    });
}
