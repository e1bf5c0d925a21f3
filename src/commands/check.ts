// `tthc check [FILE…]`: every problem of each plan at once, as text, JSON or GitHub annotations.
import type { Command } from 'commander';
import { countBySeverity, sortDiagnostics } from '../model/diagnostics.js';
import { UsageError } from '../model/io.js';
import { loadChecked } from '../host/cache.js';
import { renderGithub, renderJson, renderText, type FileReport } from '../render/diagnostics.js';
import { defaultPlans, pickFormat, readPlanBytes, type Ctx } from './context.js';
import { expandWildcards } from '../host/wildcards.js';

export interface CheckOptions {
  format?: string;
  strict?: boolean;
  color?: boolean;
}

export async function runCheck(ctx: Ctx, files: string[], opts: CheckOptions): Promise<number> {
  const format = pickFormat(opts.format, ['text', 'json', 'github'] as const, ctx.io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text');
  const targets = files.length ? expandWildcards(files, ctx.io.cwd) : defaultPlans(ctx);
  // A file that cannot be read (missing, a folder) is a usage error (exit 2), said after the reports of the others,
  // so that one mistyped name does not hide every other plan's problems.
  const unreadable: UsageError[] = [];
  const inputs: { file: string; bytes: Buffer }[] = [];
  for (const f of targets) {
    try {
      inputs.push({ file: ctx.display(f), bytes: readPlanBytes(ctx, f) });
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      unreadable.push(e);
    }
  }
  if (inputs.length === 0 && unreadable.length === 1) throw unreadable[0]!;
  const reports: FileReport[] = [];
  for (const { file, bytes } of inputs) {
    const checked = await loadChecked(bytes, file, ctx.today(), ctx.io.env);
    const r: FileReport = { file, diagnostics: sortDiagnostics(checked.diagnostics) };
    if (checked.lines) r.lines = checked.lines;
    reports.push(r);
  }
  const style = ctx.style(opts.color);
  ctx.io.write(format === 'json' ? renderJson(reports) : format === 'github' ? renderGithub(reports, style, ctx.width()) : renderText(reports, style, ctx.width()));
  for (const e of unreadable) ctx.io.error(`tthc: ${e.message}\n${e.hint ? `hint: ${e.hint}\n` : ''}`);
  if (unreadable.length) return 2;
  const n = countBySeverity(reports.flatMap((r) => r.diagnostics));
  return n.error > 0 || (opts.strict && n.warning > 0) ? 1 : 0;
}

export function registerCheck(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('check')
    .description('check plan files and report every problem (default: the plans under plans/)')
    .argument('[files...]', 'plan files')
    .option('--format <format>', 'text, json or github (default: github under GitHub Actions, else text)')
    .option('--strict', 'warnings fail too (exit 1)')
    .action(async (files: string[], opts: CheckOptions) => done(await runCheck(ctx, files, { ...opts, color: program.opts().color })));
}
