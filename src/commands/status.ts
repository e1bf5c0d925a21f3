// `tthc status`: the quarterly status table for the office's report, by task, agency or section, in any format.
import type { Command } from 'commander';
import { resolveAgency } from '../model/agencies.js';
import { UsageError } from '../model/io.js';
import { csvSeparator } from '../render/csv.js';
import { renderQuarterDetail, renderQuarterDetailCsv, renderQuarterDetailMd, renderStatusCsv, renderStatusJson, renderStatusMd, renderStatusTable } from '../render/status.js';
import { evaluatePlan } from '../views/evaluate.js';
import { quarterDetail, QUARTERS, statusView } from '../views/status.js';
import { langOption } from './agencies.js';
import { roleOption } from './due.js';
import { asOfOption, loadPlan, pickFormat, type Ctx } from './context.js';
import { refuseBinaryOnTerminal, writeOutput } from './output.js';
import { msg } from '../messages/index.js';

interface Opts {
  plan?: string;
  agency?: string;
  role?: string;
  by?: string;
  quarter?: string;
  periods?: string;
  asOf?: string;
  today?: string;
  format?: string;
  sep?: string;
  lang?: string;
  output?: string;
}

export function registerStatus(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('status')
    .description('the quarterly status table: a row per task (or agency, or section), a column per quarter')
    .option('--by <rows>', 'task, agency or section', 'task')
    .option('--agency <agency>', 'only the tasks of this agency (id, alias or part of a name)')
    .option('--role <role>', 'with --agency or --by agency: lead, support or any', 'any')
    .option('--quarter <n>', 'one quarter in detail: its occurrences and records (1–4)')
    .option('--periods <kind>', 'calendar quarters, or the reporting periods of Nghị định 09/2019/NĐ-CP', 'calendar')
    .option('--as-of <date>', 'the day to answer for (default: today in Vietnam)')
    .option('--today <date>', 'the same as --as-of')
    .option('--format <format>', 'table, json, csv, md or xlsx (Excel, with --output)', 'table')
    .option('--sep <sep>', 'CSV separator: , or ;', ',')
    .option('--lang <lang>', 'vi or en (default: TTHC_LANG, else vi)')
    .option('--output <file>', 'write to a file instead of the screen (UTF-8)')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)')
    .action(async (opts: Opts) => {
      const format = pickFormat(opts.format, ['table', 'json', 'csv', 'md', 'xlsx'] as const, 'table');
      if (format === 'xlsx') refuseBinaryOnTerminal(ctx, opts.output, 'xlsx');
      const lang = langOption(ctx, opts.lang);
      const by = opts.by ?? 'task';
      if (by !== 'task' && by !== 'agency' && by !== 'section') throw new UsageError(msg('opt.by', { value: by }), msg('opt.by.hint'));
      const role = roleOption(opts.role);
      if (role !== 'any' && opts.agency === undefined && by !== 'agency') {
        throw new UsageError(msg('opt.roleNeedsAgency', { role, by: true }), msg('opt.roleNeedsAgency.hint', { example: `tthc status --by agency --role ${role}` }));
      }
      const periods = opts.periods ?? 'calendar';
      if (periods !== 'calendar' && periods !== 'reporting') throw new UsageError(msg('opt.periods', { value: periods }), msg('opt.periods.hint'));
      let quarter: (typeof QUARTERS)[number] | undefined;
      if (opts.quarter !== undefined) {
        const m = /^(?:q)?([1-4])$/i.exec(opts.quarter.trim());
        if (!m) throw new UsageError(msg('opt.quarter', { value: String(opts.quarter) }), msg('opt.quarter.hint'));
        quarter = `Q${m[1]}` as (typeof QUARTERS)[number];
      }
      const sep = csvSeparator(opts.sep);
      if (!sep) throw new UsageError(msg('opt.sep', { value: String(opts.sep) }), msg('opt.sep.hint'));
      if (opts.asOf && opts.today && opts.asOf !== opts.today) throw new UsageError(msg('asOf.twoDays'), msg('asOf.twoDays.hint'));
      const asOf = asOfOption(ctx, opts.asOf ?? opts.today);
      const { plan } = await loadPlan(ctx, opts.plan);
      const agency = opts.agency !== undefined ? resolveAgency(plan, opts.agency) : undefined;
      const state = evaluatePlan(plan, asOf, 14);
      const view = statusView(state, { periods, by, agency, role });
      const style = ctx.style(opts.output ? false : program.opts().color);
      let text: string;
      if (format === 'xlsx') {
        // The workbook has every quarter and, on its second sheet, the occurrences behind the cells: --quarter narrows nothing.
        await writeOutput(ctx, await (await import('../render/xlsx.js')).statusXlsx(plan, view), opts.output, { what: 'xlsx' });
        done(0);
        return;
      }
      if (quarter) {
        // The detail is task by task whatever --by says: it lists occurrences and records, which belong to tasks.
        const byTask = by === 'task' ? view : statusView(state, { periods, by: 'task', agency, role });
        const lines = quarterDetail(byTask, plan, quarter);
        if (format === 'json') text = renderStatusJson({ ...view, rows: view.rows.map((r) => ({ ...r, quarters: { [quarter!]: r.quarters[quarter!] } as typeof r.quarters })), quarter, detail: lines });
        else if (format === 'csv') text = renderQuarterDetailCsv(lines, lang, sep);
        else if (format === 'md') text = renderQuarterDetailMd(view, quarter, lines, lang);
        else text = renderQuarterDetail(view, quarter, lines, lang, style, ctx.width());
      } else if (format === 'json') {
        text = renderStatusJson(view);
      } else if (format === 'csv') text = renderStatusCsv(view, lang, sep);
      else if (format === 'md') text = renderStatusMd(view, lang);
      else text = renderStatusTable(view, lang, style, ctx.width());
      await writeOutput(ctx, text, opts.output, { lang });
      done(0);
    });
}
