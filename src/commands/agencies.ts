// `tthc agencies`: the agencies a plan declares, with ids, names, aliases and members.
import type { Command } from 'commander';
import { AGENCIES_FORMATS, renderAs } from '../render/registry.js';
import { loadPlan, type Ctx } from './context.js';
import { writeRendered } from './output.js';
import { formatOption, specOf } from './spec.js';

export function registerAgencies(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('agencies')
    .description('list the agencies of the plan: ids, names, aliases, members')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)')
    .addOption(formatOption(AGENCIES_FORMATS, 'table'))
    .option('--lang <lang>', 'vi or en (default: TTHC_LANG, else vi)')
    .action(async () => {
      const spec = specOf(ctx);
      const { plan } = await loadPlan(ctx, spec.plan);
      const out = await renderAs(AGENCIES_FORMATS, spec.format, { plan, lang: spec.lang, style: ctx.style(spec.color), width: spec.width, sep: spec.sep });
      await writeRendered(ctx, spec, out);
      done(0);
    });
}
