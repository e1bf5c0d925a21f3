// `tthc check [FILE…]`: every problem of each plan at once, as text, JSON or GitHub annotations.
import type { Command } from 'commander';
import { countBySeverity, sortDiagnostics } from '../model/diagnostics.js';
import { UsageError } from '../model/io.js';
import { loadChecked } from '../host/cache.js';
import type { FileReport } from '../render/diagnostics.js';
import { CHECK_FORMATS, renderAs } from '../render/registry.js';
import { defaultPlans, readPlanBytes, type Ctx } from './context.js';
import { writeRendered } from './output.js';
import { formatOption, specOf } from './spec.js';
import { expandWildcards } from '../host/wildcards.js';
import { parentFindings } from './parent.js';
import { say } from '../messages/index.js';
import type { Plan } from '../model/model.js';

export interface CheckOptions {
  strict?: boolean;
}

export async function runCheck(ctx: Ctx, files: string[], opts: CheckOptions): Promise<number> {
  const spec = specOf(ctx);
  const targets = files.length ? expandWildcards(files, ctx.io.cwd) : defaultPlans(ctx);
  // A file that cannot be read (missing, a folder) is a usage error (exit 2), said after the reports of the others,
  // so that one mistyped name does not hide every other plan's problems.
  const unreadable: UsageError[] = [];
  const inputs: { file: string; path: string; bytes: Buffer }[] = [];
  for (const f of targets) {
    try {
      inputs.push({ file: ctx.display(f), path: ctx.abs(f), bytes: readPlanBytes(ctx, f) });
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      unreadable.push(e);
    }
  }
  if (inputs.length === 0 && unreadable.length === 1) throw unreadable[0]!;
  const reports: FileReport[] = [];
  const parents = new Map<string, Plan | undefined>();
  for (const { file, path, bytes } of inputs) {
    const checked = await loadChecked(bytes, file, ctx.today(), ctx.io.env, path);
    const r: FileReport = { file, diagnostics: sortDiagnostics([...checked.diagnostics, ...(await parentFindings(ctx, path, checked, parents))]) };
    if (checked.lines) r.lines = checked.lines;
    reports.push(r);
  }
  await writeRendered(ctx, spec, await renderAs(CHECK_FORMATS, spec.format, { reports, lang: spec.lang, style: ctx.style(spec.color), width: spec.width, sep: spec.sep }));
  for (const e of unreadable) {
    const { message, hint } = e.say(spec.lang);
    ctx.io.error(`tthc: ${message}\n${hint ? `${say(spec.lang, 'cli.hint')}: ${hint}\n` : ''}`);
  }
  if (unreadable.length) return 2;
  const n = countBySeverity(reports.flatMap((r) => r.diagnostics));
  return n.error > 0 || (opts.strict && n.warning > 0) ? 1 : 0;
}

export function registerCheck(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('check')
    .description('check plan files and report every problem (default: the plans under plans/)')
    .argument('[files...]', 'plan files')
    .addOption(formatOption(CHECK_FORMATS, (env) => (env.GITHUB_ACTIONS === 'true' ? 'github' : 'text'), '(default: github under GitHub Actions, else text)'))
    .option('--strict', 'warnings fail too (exit 1)')
    .action(async (files: string[], opts: CheckOptions) => done(await runCheck(ctx, files, opts)));
}
