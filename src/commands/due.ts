// `tthc due`: what is overdue and due soon for an agency (or all), as of today in Vietnam or --as-of.
import type { Command } from 'commander';
import { resolveAgency, type Role } from '../model/agencies.js';
import { UsageError } from '../model/io.js';
import { foldName } from '../model/text.js';
import { csvSeparator } from '../render/csv.js';
import { dueJson, renderDueCsv, renderDueMd, renderDueTable } from '../render/due.js';
import { dueView } from '../views/due.js';
import { evaluatePlan } from '../views/evaluate.js';
import { langOption } from './agencies.js';
import { asOfOption, loadPlan, pickFormat, withinOption, type Ctx } from './context.js';
import { refuseBinaryOnTerminal, writeOutput } from './output.js';
import { msg } from '../messages/index.js';

interface Opts {
  plan?: string;
  agency?: string;
  role?: string;
  within?: string;
  all?: boolean;
  asOf?: string;
  today?: string;
  format?: string;
  lang?: string;
  failOn?: string;
  sep?: string;
  output?: string;
  each?: boolean;
}

/** --role: lead (chủ trì, chu-tri), support (phối hợp, phoi-hop) or any, in either language, with or without diacritics. */
export function roleOption(value: string | undefined): Role | 'any' {
  const v = foldName(value ?? 'any').replace(/[\s_]+/g, '-');
  const role = ({ lead: 'lead', 'chu-tri': 'lead', support: 'support', 'phoi-hop': 'support', any: 'any', 'ca-hai': 'any' } as const)[v];
  if (role) return role;
  throw new UsageError(msg('opt.role', { value: String(value) }), msg('opt.role.hint'));
}

export function registerDue(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('due')
    .description('list what is overdue and due soon, for an agency or for all')
    .option('--agency <agency>', 'an agency id, alias or part of a name (default: all agencies)')
    .option('--role <role>', 'with --agency: chu-tri (lead), phoi-hop (support) or any', 'any')
    .option('--within <days>', 'the warning window: days, or weeks as 2w', '14')
    .option('--all', 'every occurrence and task, with its status')
    .option('--each', 'a row for each occurrence, rather than one for the occurrences of a task with the same status')
    .option('--as-of <date>', 'the day to answer for (default: today in Vietnam)')
    .option('--today <date>', 'the same as --as-of')
    .option('--format <format>', 'table, json, csv, md or xlsx (Excel, with --output)', 'table')
    .option('--sep <sep>', 'CSV separator: , or ;', ',')
    .option('--lang <lang>', 'vi or en (default: TTHC_LANG, else vi)')
    .option('--fail-on <status>', 'exit 1 when anything has this status (overdue)')
    .option('--output <file>', 'write to a file instead of the screen')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)')
    .action(async (opts: Opts) => {
      const format = pickFormat(opts.format, ['table', 'json', 'csv', 'md', 'xlsx'] as const, 'table');
      if (format === 'xlsx') refuseBinaryOnTerminal(ctx, opts.output, 'xlsx');
      const lang = langOption(ctx, opts.lang);
      const role = roleOption(opts.role);
      if (role !== 'any' && opts.agency === undefined) throw new UsageError(msg('opt.roleNeedsAgency', { role, by: false }), msg('opt.roleNeedsAgency.hint', { example: `tthc due --agency vp --role ${role}` }));
      const within = withinOption(opts.within);
      if (opts.asOf && opts.today && opts.asOf !== opts.today) throw new UsageError(msg('asOf.twoDays'), msg('asOf.twoDays.hint'));
      const asOf = asOfOption(ctx, opts.asOf ?? opts.today);
      const sep = csvSeparator(opts.sep);
      if (!sep) throw new UsageError(msg('opt.sep', { value: String(opts.sep) }), msg('opt.sep.hint'));
      if (opts.failOn !== undefined && opts.failOn !== 'overdue' && opts.failOn !== 'due-soon') {
        throw new UsageError(msg('opt.failOn', { value: String(opts.failOn) }), msg('opt.failOn.hint'));
      }
      const { plan } = await loadPlan(ctx, opts.plan);
      const agency = opts.agency !== undefined ? resolveAgency(plan, opts.agency) : undefined;
      const view = dueView(evaluatePlan(plan, asOf, within), { agency, role, all: opts.all });
      const style = ctx.style(opts.output ? false : program.opts().color);
      const text =
        format === 'xlsx'
          ? await (await import('../render/xlsx.js')).dueXlsx(plan, view)
          : format === 'json'
          ? dueJson(view)
          : format === 'csv'
            ? renderDueCsv(plan, view, lang, sep)
            : format === 'md'
              ? renderDueMd(plan, view, lang)
              : renderDueTable(plan, view, lang, style, ctx.width(), { each: opts.each });
      await writeOutput(ctx, text, opts.output, { what: 'xlsx', lang });
      const failing =
        opts.failOn === 'overdue'
          ? view.items.some((i) => i.status === 'overdue')
          : opts.failOn === 'due-soon'
            ? view.items.some((i) => i.status === 'overdue' || i.status === 'due-soon')
            : false;
      done(failing ? 1 : 0);
    });
}
