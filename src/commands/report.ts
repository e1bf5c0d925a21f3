// `tthc report`: the progress report of a quarter, a half or the year, as an official document (Nghị định
// 30/2020/NĐ-CP) in HTML or Word; both draw one set of report data (src/views/report.ts).
import type { Command } from 'commander';
import { basename } from 'node:path';
import { resolveAgency } from '../model/agencies.js';
import { UsageError } from '../model/io.js';
import { renderReport } from '../render/report.js';
import { reportDoc, scopeName, type ReportMeta } from '../render/report-doc.js';
import { formatDayVi, parseDayInput } from '../schedule/index.js';
import { evaluatePlan } from '../views/evaluate.js';
import { reportData, type ReportScope } from '../views/report.js';
import type { QuarterKey } from '../views/status.js';
import { roleOption } from './due.js';
import { asOfOption, loadPlan, pickFormat, planPath, withinOption, type Ctx } from './context.js';
import { refuseBinaryOnTerminal, writeOutput } from './output.js';
import { msg } from '../messages/index.js';

interface Opts {
  plan?: string;
  agency?: string;
  role?: string;
  quarter?: string;
  half?: string;
  periods?: string;
  asOf?: string;
  today?: string;
  within?: string;
  format?: string;
  output?: string;
  superior?: string;
  issuer?: string;
  place?: string;
  number?: string;
  date?: string;
  symbol?: string;
  recipient?: string[];
  signFor?: string[];
  signer?: string;
}

export function quarterOption(value: string | undefined): QuarterKey | undefined {
  if (value === undefined) return undefined;
  const m = /^(?:q)?([1-4])$/i.exec(value.trim());
  if (!m) throw new UsageError(msg('opt.quarter', { value }), msg('opt.quarter.hint'));
  return `Q${m[1]}` as QuarterKey;
}

function halfOption(value: string | undefined): 1 | 2 | undefined {
  if (value === undefined) return undefined;
  const m = /^(?:h)?([12])$/i.exec(value.trim());
  if (!m) throw new UsageError(msg('report.half', { value }), msg('report.half.hint'));
  return Number(m[1]) as 1 | 2;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function registerReport(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('report')
    .description('the progress report of a quarter, a half or the year as an official document (HTML that prints on A4, or Word)')
    .option('--quarter <n>', 'the report of this quarter (1–4)')
    .option('--half <n>', 'the report of this half of the year (1 or 2)')
    .option('--periods <kind>', 'calendar quarters, or the reporting periods of Nghị định 09/2019/NĐ-CP', 'calendar')
    .option('--agency <agency>', 'only the tasks of this agency (id, alias or part of a name)')
    .option('--role <role>', 'with --agency: lead, support or any', 'any')
    .option('--as-of <date>', 'the day to report on (default: today in Vietnam)')
    .option('--today <date>', 'the same as --as-of')
    .option('--within <days>', 'the warning window for "due soon": days, or weeks as 2w', '14')
    .option('--format <format>', 'html or docx', 'html')
    .option('--output <file>', 'write to a file instead of the screen, e.g. bao-cao.docx')
    .option('--superior <name>', 'the issuing body\'s superior, above its name (cơ quan chủ quản)')
    .option('--issuer <name>', 'the issuing body (default: the plan\'s issuer)')
    .option('--place <name>', 'the place of the date line (default: from the issuer\'s name)')
    .option('--number <n>', 'the document\'s number (default: left blank for the clerk)')
    .option('--date <date>', 'the day of signing (default: left blank)')
    .option('--symbol <symbol>', 'the symbol after the number (default: BC- and the plan\'s, e.g. BC-UBND)')
    .option('--recipient <text>', 'a line of "Nơi nhận" (repeat; default: the plan\'s recipients)', collect)
    .option('--sign-for <line>', 'a line above the signature, e.g. "KT. CHỦ TỊCH" (repeat; default: the plan\'s)', collect)
    .option('--signer <name>', 'the name under the signature (default: the plan\'s)')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)')
    .action(async (opts: Opts) => {
      const format = pickFormat(opts.format, ['html', 'docx'] as const, 'html');
      if (format === 'docx') refuseBinaryOnTerminal(ctx, opts.output, 'docx');
      const quarter = quarterOption(opts.quarter);
      const half = halfOption(opts.half);
      if (quarter && half) throw new UsageError(msg('report.both'), msg('report.both.hint'));
      const scope: ReportScope = quarter ? { kind: 'quarter', quarter } : half ? { kind: 'half', half } : { kind: 'year' };
      const periods = opts.periods ?? 'calendar';
      if (periods !== 'calendar' && periods !== 'reporting') throw new UsageError(msg('opt.periods', { value: periods }), msg('opt.periods.hint'));
      const role = roleOption(opts.role);
      if (role !== 'any' && opts.agency === undefined) throw new UsageError(msg('opt.roleNeedsAgency', { role, by: false }), msg('opt.roleNeedsAgency.hint', { example: `tthc report --agency vp --role ${role}` }));
      const within = withinOption(opts.within);
      if (opts.asOf && opts.today && opts.asOf !== opts.today) throw new UsageError(msg('asOf.twoDays'), msg('asOf.twoDays.hint'));
      const asOf = asOfOption(ctx, opts.asOf ?? opts.today);
      let date: string | undefined;
      if (opts.date !== undefined) {
        date = parseDayInput(opts.date.trim()) ?? undefined;
        if (!date) throw new UsageError(msg('day.unknown', { option: '--date', value: opts.date }), msg('report.date.hint'));
      }
      const file = planPath(ctx, opts.plan);
      const { plan } = await loadPlan(ctx, file);
      const agency = opts.agency !== undefined ? resolveAgency(plan, opts.agency) : undefined;
      const data = reportData(evaluatePlan(plan, asOf, within), { scope, agency, role, periods });
      const meta: ReportMeta = { source: basename(file) };
      for (const k of ['superior', 'issuer', 'place', 'number', 'symbol', 'signer'] as const) if (opts[k] !== undefined) meta[k] = opts[k];
      if (date) meta.date = date;
      if (opts.recipient) meta.recipients = opts.recipient;
      if (opts.signFor) meta.signFor = opts.signFor;
      const doc = reportDoc(plan, data, meta);
      if (format === 'docx') {
        // The Word writer is loaded only here: the clerk's everyday commands never pay for it.
        const { renderReportDocx } = await import('../render/report-docx.js');
        await writeOutput(ctx, await renderReportDocx(doc), opts.output, { what: 'docx' });
      } else {
        await writeOutput(ctx, renderReport(doc, `Báo cáo kết quả thực hiện công tác kiểm soát TTHC ${scopeName(data)} — số liệu đến ngày ${formatDayVi(data.asOf)}`), opts.output);
      }
      done(0);
    });
}
