// `tthc show`'s renderers: tasks in full as a terminal table, JSON or Markdown (the workbook is render/xlsx.ts).
import type { Plan, Task } from '../model/model.js';
import { formatDayVi } from '../schedule/index.js';
import { involvedIn, taskEntries } from '../views/involvement.js';
import type { PlanState } from '../views/evaluate.js';
import { periodText, statusWord } from './due.js';
import { markdownText } from './escape.js';
import { t, type Lang } from './i18n.js';
import { plainText } from './markup.js';
import type { Style } from './style.js';
import { renderTable, wrapText } from './table.js';

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

/** Each task as a two-column table; with `occurrences` (ids were named), its occurrences as of the day too. */
export function renderShowTable(plan: Plan, tasks: Task[], state: PlanState, lang: Lang, style: Style, width: number, occurrences: boolean): string {
  let out = '';
  for (const task of tasks) {
    out += `${style.bold(task.id)}  ${wrapText(plainText(task.content), width - task.id.length - 2)}\n`;
    out += renderTable(
      [{ head: t(lang, 'section') }, { head: `${task.section}. ${task.sectionTitle}`, flex: 1 }],
      [
        [t(lang, 'lead'), names(plan, task.lead)],
        [t(lang, 'support'), names(plan, task.support) || t(lang, 'none')],
        [t(lang, 'output'), plainText(task.output)],
        [t(lang, 'when'), task.when],
      ],
      width,
      style,
    );
    if (occurrences) out += occurrenceTable(state, task, lang, style, width);
    out += '\n';
  }
  return out;
}
