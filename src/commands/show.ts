// `tthc show [ID…]`: tasks in full — work, agencies by role, output, timeline — as a table, JSON or Markdown.
import { plainText } from '../render/markup.js';
import type { Command } from 'commander';
import { markdownText } from '../render/escape.js';
import { UsageError } from '../model/io.js';
import { nearest } from '../model/text.js';
import type { Plan, Task } from '../model/model.js';
import { t, type Lang } from '../render/i18n.js';
import { renderTable, wrapText } from '../render/table.js';
import { langOption } from './agencies.js';
import { refuseBinaryOnTerminal, writeOutput } from './output.js';
import { asOfOption, loadPlan, pickFormat, type Ctx } from './context.js';
import { evaluatePlan, type PlanState } from '../views/evaluate.js';
import { involvedIn, taskEntries } from '../views/involvement.js';
import { formatDayVi } from '../schedule/index.js';
import { periodText, statusWord } from '../render/due.js';
import type { Style } from '../render/style.js';
import { msg } from '../messages/index.js';

interface Opts {
  plan?: string;
  asOf?: string;
  format?: string;
  lang?: string;
  output?: string;
}

export function findTasks(plan: Plan, ids: string[]): Task[] {
  if (ids.length === 0) return plan.tasks;
  return ids.map((raw) => {
    const id = raw.trim().toUpperCase();
    const task = plan.taskById.get(id);
    if (!task) {
      const near = nearest(id, plan.taskById.keys());
      throw new UsageError(msg('task.none', { id: raw }), near.length ? msg('task.none.near', { near: near.join(', ') }) : msg('task.none.hint'));
    }
    return task;
  });
}

export function agencyRefs(plan: Plan, ids: string[]): { id: string; name: string }[] {
  return ids.map((id) => ({ id, name: plan.agencies.get(id)?.name ?? id }));
}

export function taskJson(plan: Plan, task: Task, state?: PlanState): Record<string, unknown> {
  const entries = state ? taskEntries(state, task.id) : undefined;
  return {
    id: task.id,
    section: task.section,
    sectionTitle: task.sectionTitle,
    content: task.content,
    lead: agencyRefs(plan, task.lead),
    support: agencyRefs(plan, task.support),
    // Every agency involved, through collectives too, with the role and via that due and status use.
    involved: involvedIn(plan, task).map((i) => ({ id: i.agency, role: i.role, via: i.via })),
    output: task.output,
    when: task.when,
    ...(task.schedule ? { schedule: task.schedule } : {}),
    records: task.records,
    ...(entries
      ? {
          status: entries.find((e) => e.occurrence === null)?.status ?? null,
          occurrences: entries.flatMap(({ occurrence: o }) => (o ? [{ period: o.period, start: o.start, due: o.due, status: o.status, completion: o.completion }] : [])),
        }
      : {}),
  };
}

/** The task's occurrences with due dates and statuses as of the day, or its task status. */
function occurrenceTable(state: PlanState, task: Task, lang: Lang, style: Style, width: number): string {
  const entries = taskEntries(state, task.id);
  const occurrences = entries.flatMap((e) => (e.occurrence ? [e.occurrence] : []));
  if (occurrences.length === 0) {
    const activities = state.byId.get(task.id)!.eval.activities.length;
    return `${t(lang, 'status')}: ${statusWord(lang, entries[0]?.status ?? 'unknown')}${activities ? ` (${t(lang, 'status.records', { n: activities })})` : ''}\n`;
  }
  return renderTable(
    [{ head: t(lang, 'period') }, { head: t(lang, 'start') }, { head: t(lang, 'due') }, { head: t(lang, 'status') }, { head: t(lang, 'doneOn') }],
    occurrences.map((o) => [periodText(lang, o.period) || '—', formatDayVi(o.start), o.due ? formatDayVi(o.due) : '—', statusWord(lang, o.status), o.completion ? formatDayVi(o.completion) : '']),
    width,
    style,
  );
}

function names(plan: Plan, ids: string[]): string {
  return ids.map((id) => plan.agencies.get(id)?.name ?? id).join('; ');
}

export function renderShowMd(plan: Plan, tasks: Task[], lang: Lang): string {
  const esc = markdownText;
  let out = `| ${t(lang, 'id')} | ${t(lang, 'content')} | ${t(lang, 'lead')} | ${t(lang, 'support')} | ${t(lang, 'output')} | ${t(lang, 'when')} |\n|---|---|---|---|---|---|\n`;
  for (const task of tasks) {
    out += `| ${task.id} | ${esc(plainText(task.content))} | ${esc(names(plan, task.lead))} | ${esc(names(plan, task.support))} | ${esc(plainText(task.output))} | ${esc(task.when)} |\n`;
  }
  return out;
}

export function registerShow(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('show')
    .description('print tasks in full (all tasks when no id is given)')
    .argument('[ids...]', 'task ids such as I.2 or IX.6')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)')
    .option('--format <format>', 'table, json, md or xlsx (Excel, with --output)', 'table')
    .option('--output <file>', 'with --format xlsx: the workbook to write')
    .option('--lang <lang>', 'vi or en (default: TTHC_LANG, else vi)')
    .option('--as-of <date>', 'the day for occurrence statuses (default: today in Vietnam)')
    .action(async (ids: string[], opts: Opts) => {
      const format = pickFormat(opts.format, ['table', 'json', 'md', 'xlsx'] as const, 'table');
      if (format === 'xlsx') refuseBinaryOnTerminal(ctx, opts.output, 'xlsx');
      else if (opts.output !== undefined) throw new UsageError(msg('show.outputXlsx'), msg('show.outputXlsx.hint'));
      const lang = langOption(ctx, opts.lang);
      const { plan } = await loadPlan(ctx, opts.plan);
      const tasks = findTasks(plan, ids);
      const state = evaluatePlan(plan, asOfOption(ctx, opts.asOf), 14);
      if (format === 'xlsx') await writeOutput(ctx, await (await import('../render/xlsx.js')).showXlsx(plan, tasks, state), opts.output, { what: 'xlsx' });
      else if (format === 'json') ctx.io.write(JSON.stringify(tasks.map((x) => taskJson(plan, x, state)), null, 2) + '\n');
      else if (format === 'md') ctx.io.write(renderShowMd(plan, tasks, lang));
      else {
        const style = ctx.style(program.opts().color);
        let out = '';
        for (const task of tasks) {
          out += `${style.bold(task.id)}  ${wrapText(plainText(task.content), ctx.width() - task.id.length - 2)}\n`;
          out += renderTable(
            [{ head: t(lang, 'section') }, { head: `${task.section}. ${task.sectionTitle}`, flex: 1 }],
            [
              [t(lang, 'lead'), names(plan, task.lead)],
              [t(lang, 'support'), names(plan, task.support) || t(lang, 'none')],
              [t(lang, 'output'), plainText(task.output)],
              [t(lang, 'when'), task.when],
            ],
            ctx.width(),
            style,
          );
          if (ids.length) out += occurrenceTable(state, task, lang, style, ctx.width());
          out += '\n';
        }
        ctx.io.write(out);
      }
      done(0);
    });
}
