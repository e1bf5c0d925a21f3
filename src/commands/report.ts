// `tthc report`: the progress report of a quarter, a half or the year, as an official document (Nghị định
// 30/2020/NĐ-CP) in HTML or Word; both draw one set of report data (src/views/report.ts).
import type { Command } from 'commander';
import { basename } from 'node:path';
import { resolveAgency } from '../model/agencies.js';
import { renderAs, REPORT_FORMATS } from '../render/registry.js';
import { reportDoc, scopeName, type ReportMeta } from '../render/report-doc.js';
import { formatDayVi } from '../schedule/index.js';
import { evaluatePlan } from '../views/evaluate.js';
import { reportData, type ReportScope } from '../views/report.js';
import { reportAcross, type AcrossReportOpts } from './across.js';
import { loadPlan, planPath, type Ctx } from './context.js';
import { PLANS_FLAGS, plansAsked, repeated } from './plans.js';
import { writeRendered } from './output.js';
import { formatOption, specOf } from './spec.js';

/** The document's heading and signature are those of a report across plans, plus which plans. */
interface Opts extends AcrossReportOpts {
  plans?: string | boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function registerReport(program: Command, ctx: Ctx, done: (code: number) => void): void {
  const planFlags = repeated();
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
    .addOption(formatOption(REPORT_FORMATS, 'html'))
    .option('--output <file>', 'write to a file instead of the screen, e.g. bao-cao.docx')
    .option('--superior <name>', 'the issuing body\'s superior, above its name (cơ quan chủ quản)')
    .option('--issuer <name>', 'the issuing body (default: the plan\'s issuer; across plans, the body that sums them up)')
    .option('--place <name>', 'the place of the date line (default: from the issuer\'s name)')
    .option('--number <n>', 'the document\'s number (default: left blank for the clerk)')
    .option('--date <date>', 'the day of signing (default: left blank)')
    .option('--symbol <symbol>', 'the symbol after the number (default: BC- and the plan\'s, e.g. BC-UBND)')
    .option('--recipient <text>', 'a line of "Nơi nhận" (repeat; default: the plan\'s recipients)', collect)
    .option('--sign-for <line>', 'a line above the signature, e.g. "KT. CHỦ TỊCH" (repeat; default: the plan\'s)', collect)
    .option('--signer <name>', 'the name under the signature (default: the plan\'s)')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)', planFlags.parse)
    .option(PLANS_FLAGS, 'the summary report across every plan in a folder (default: the plans folder); --plan may be repeated too')
    .action(async (opts: Opts) => {
      const spec = specOf(ctx);
      const { quarter, half } = spec;
      const scope: ReportScope = quarter ? { kind: 'quarter', quarter } : half ? { kind: 'half', half } : { kind: 'year' };
      // Several plans: the summary report across them, rather than one plan's for the last --plan alone.
      const many = plansAsked(ctx, planFlags.values, opts.plans);
      if (many) {
        done(await reportAcross(ctx, many, spec, scope, opts));
        return;
      }
      const file = planPath(ctx, spec.plan);
      const { plan, schedules } = await loadPlan(ctx, file);
      const agency = spec.agency !== undefined ? resolveAgency(plan, spec.agency) : undefined;
      const data = reportData(evaluatePlan(plan, spec.day, spec.within, schedules), { scope, agency, role: spec.role, periods: spec.periods });
      const meta: ReportMeta = { source: basename(file) };
      for (const k of ['superior', 'issuer', 'place', 'number', 'symbol', 'signer'] as const) if (opts[k] !== undefined) meta[k] = opts[k];
      if (spec.signDate) meta.date = spec.signDate;
      if (opts.recipient) meta.recipients = opts.recipient;
      if (opts.signFor) meta.signFor = opts.signFor;
      const doc = reportDoc(plan, data, meta);
      const title = `Báo cáo kết quả thực hiện công tác kiểm soát TTHC ${scopeName(data)} — số liệu đến ngày ${formatDayVi(data.asOf)}`;
      // The Word writer is loaded by its registry entry only: the clerk's everyday commands never pay for it.
      await writeRendered(ctx, spec, await renderAs(REPORT_FORMATS, spec.format, { doc, title, data, lang: spec.lang, style: ctx.style(false), width: spec.width, sep: spec.sep }));
      done(0);
    });
}
