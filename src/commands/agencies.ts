// `tthc agencies`: the agencies a plan declares, with ids, names, aliases and members (across plans: as matched across them).
import type { Command } from 'commander';
import { AGENCIES_FORMATS, renderAs } from '../render/registry.js';
import { loadPlan, type Ctx } from './context.js';
import { writeRendered } from './output.js';
import { formatOption, specOf } from './spec.js';
import { agenciesAcross } from './across.js';
import { PLANS_FLAGS, PLANS_HELP, plansAsked, repeated } from './plans.js';

export function registerAgencies(program: Command, ctx: Ctx, done: (code: number) => void): void {
  const planFlags = repeated();
  program
    .command('agencies')
    .description('list the agencies of the plan: ids, names, aliases, members')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)', planFlags.parse)
    .option(PLANS_FLAGS, PLANS_HELP)
    .addOption(formatOption(AGENCIES_FORMATS, 'table'))
    .option('--lang <lang>', 'vi or en (default: TTHC_LANG, else vi)')
    .action(async (opts: { plans?: string | boolean }) => {
      const spec = specOf(ctx);
      const many = plansAsked(ctx, planFlags.values, opts.plans);
      if (many) {
        done(await agenciesAcross(ctx, many, spec));
        return;
      }
      const { plan } = await loadPlan(ctx, spec.plan);
      const out = await renderAs(AGENCIES_FORMATS, spec.format, { plan, lang: spec.lang, style: ctx.style(spec.color), width: spec.width, sep: spec.sep });
      await writeRendered(ctx, spec, out);
      done(0);
    });
}
