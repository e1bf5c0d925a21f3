// `tthc report`: the quarterly progress report as one HTML page, to open in a browser, print on A4 or attach to a mail.
import type { Command } from 'commander';
import { basename } from 'node:path';
import { resolveAgency } from '../agencies.js';
import { UsageError } from '../io.js';
import { renderReport, type ReportInput } from '../render/report.js';
import { evaluatePlan } from '../views/evaluate.js';
import { statusView, type QuarterKey } from '../views/status.js';
import { asOfOption, loadPlan, pickFormat, planPath, withinOption, type Ctx } from './context.js';
import { writeOutput } from './output.js';

interface Opts {
  plan?: string;
  agency?: string;
  quarter?: string;
  periods?: string;
  asOf?: string;
  today?: string;
  within?: string;
  format?: string;
  output?: string;
}

export function quarterOption(value: string | undefined): QuarterKey | undefined {
  if (value === undefined) return undefined;
  const m = /^(?:q)?([1-4])$/i.exec(value.trim());
  if (!m) throw new UsageError(`--quarter "${value}" is not a quarter.`, 'Use --quarter 1, 2, 3 or 4.');
  return `Q${m[1]}` as QuarterKey;
}

export function registerReport(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('report')
    .description('the progress report as one self-contained HTML page (status table, chart, overdue list) that prints on A4')
    .option('--quarter <n>', 'only this quarter (1–4): its column and the occurrences due in it')
    .option('--periods <kind>', 'calendar quarters, or the reporting periods of Nghị định 09/2019/NĐ-CP', 'calendar')
    .option('--agency <agency>', 'only the tasks of this agency (id, alias or part of a name)')
    .option('--as-of <date>', 'the day to report on (default: today in Vietnam)')
    .option('--today <date>', 'the same as --as-of')
    .option('--within <days>', 'the warning window for "due soon": days, or weeks as 2w', '14')
    .option('--format <format>', 'html (the only format)', 'html')
    .option('--output <file>', 'write to a file instead of the screen, e.g. bao-cao.html')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)')
    .action(async (opts: Opts) => {
      pickFormat(opts.format, ['html'] as const, 'html');
      const quarter = quarterOption(opts.quarter);
      const periods = opts.periods ?? 'calendar';
      if (periods !== 'calendar' && periods !== 'reporting') throw new UsageError(`--periods "${periods}" is not a kind of period.`, 'Use --periods calendar or --periods reporting.');
      const within = withinOption(opts.within);
      if (opts.asOf && opts.today && opts.asOf !== opts.today) throw new UsageError('--as-of and --today name different days.', 'Give one of them.');
      const asOf = asOfOption(ctx, opts.asOf ?? opts.today);
      const file = planPath(ctx, opts.plan);
      const { plan } = await loadPlan(ctx, file);
      const agency = opts.agency !== undefined ? resolveAgency(plan, opts.agency) : undefined;
      const state = evaluatePlan(plan, asOf, within);
      const view = statusView(state, { periods, by: 'task', agency });
      const input: ReportInput = { plan, state, view, source: basename(file) };
      if (quarter) input.quarter = quarter;
      if (agency) input.agency = agency;
      await writeOutput(ctx, renderReport(input), opts.output);
      done(0);
    });
}
