// `tthc import FILE`: a plan file from the text of a plan's document (its appendix table, or the whole document).
import type { Command } from 'commander';
import { heavy } from '../lazy.js';
import { existsSync } from 'node:fs';
import { RefusedError, UsageError } from '../io.js';
import { decodePlanBytes } from '../plan/decode.js';
import { readPlanBytes, type Ctx } from './context.js';
import { writeOutput } from './output.js';

interface Opts {
  output?: string;
  year?: string;
  force?: boolean;
}

export function registerImport(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('import')
    .description("make a plan file from the text of a plan's document (its appendix table, or the whole document)")
    .argument('<file>', 'the document as text (copied from Word or PDF, tab-separated table rows)')
    .option('--output <plan.yaml>', 'write the plan to this file (default: print it)')
    .option('--year <year>', "the plan's year, where the document does not say it")
    .option('--force', 'overwrite --output if it exists')
    .action(async (file: string, opts: Opts) => {
      let year: number | undefined;
      if (opts.year !== undefined) {
        if (!/^\d{4}$/.test(opts.year)) throw new UsageError(`--year "${opts.year}" is not a year.`, 'Write it as 2026.');
        year = Number(opts.year);
        if (year < 1990 || year > 2100) throw new UsageError(`--year ${year} is not the year of a plan tthc can read (1990–2100).`, 'Write the plan year, e.g. 2026.');
      }
      if (opts.output && existsSync(ctx.abs(opts.output)) && !opts.force) {
        throw new UsageError(`${opts.output} exists already.`, 'Choose another --output, or add --force to replace it.');
      }
      const shown = ctx.display(file);
      const decoded = decodePlanBytes(readPlanBytes(ctx, file), shown);
      if (decoded.text === undefined) {
        const d = decoded.diagnostics[0]!;
        throw new RefusedError(`${shown}:${d.start.line}:${d.start.col}: ${d.message}`, d.hint);
      }
      const { importPlan, ImportError } = await heavy();
      let result;
      try {
        result = importPlan(decoded.text, { ...(year !== undefined ? { year } : {}), file: shown });
      } catch (e) {
        if (e instanceof ImportError) throw new RefusedError(`${shown}:${e.line}: ${e.message}`, e.hint);
        throw e;
      }
      for (const w of result.warnings) ctx.io.error(`${shown}:${w.line}: warning: ${w.message}${w.hint ? `\n  hint: ${w.hint}` : ''}\n`);
      await writeOutput(ctx, result.yaml, opts.output, { replacePlan: Boolean(opts.force) });
      if (opts.output) {
        const n = result.plan.sections.reduce((s, x) => s + x.tasks.length, 0);
        ctx.io.error(`${result.plan.sections.length} sections, ${n} tasks, ${Object.keys(result.plan.agencies).length} agencies. Next: tthc check ${opts.output}\n`);
      }
      done(0);
    });
}
