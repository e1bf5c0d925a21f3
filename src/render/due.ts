// The due list as a terminal table (grouped by status, in the user's language), JSON, CSV or Markdown.
import type { Plan } from '../plan/model.js';
import { formatDayVi } from '../schedule/index.js';
import type { DueItem, DueView } from '../views/due.js';
import { renderCsv } from './csv.js';
import { t, type Lang, type Word } from './i18n.js';
import type { Style } from './style.js';
import { renderTable, wrapText } from './table.js';

export function statusWord(lang: Lang, status: string): string {
  return t(lang, `status.${status}` as Word);
}

export function periodText(lang: Lang, period: string | null): string {
  if (period === null) return '';
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return lang === 'vi' ? `Tháng ${Number(m[2])}/${m[1]}` : `${m[1]}-${m[2]}`;
  m = /^(\d{4})-Q(\d)$/.exec(period);
  if (m) return lang === 'vi' ? `Quý ${['I', 'II', 'III', 'IV'][Number(m[2]) - 1]}/${m[1]}` : `Q${m[2]} ${m[1]}`;
  m = /^(\d{4})-H(\d)$/.exec(period);
  if (m) return lang === 'vi' ? `6 tháng ${m[2] === '1' ? 'đầu' : 'cuối'} năm ${m[1]}` : `H${m[2]} ${m[1]}`;
  if (/^\d{4}$/.test(period)) return lang === 'vi' ? `Năm ${period}` : period;
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return (lang === 'vi' ? 'từ ' : 'from ') + formatDayVi(period);
  return period;
}

function daysText(lang: Lang, item: DueItem): string {
  // A completion on time needs no count; a late one says how late it was.
  if (item.daysLate === null || item.status === 'done' || (item.status === 'late' && item.daysLate <= 0)) return '';
  if (item.daysLate === 0) return t(lang, 'today');
  const n = Math.abs(item.daysLate);
  const text = t(lang, item.daysLate > 0 ? 'late' : 'left', { n });
  // English counts one day in the singular ("1 day late"); Vietnamese has no plural form.
  return lang === 'en' && n === 1 ? text.replace('1 days', '1 day') : text;
}

function agencyNames(plan: Plan, ids: string[]): string {
  return ids.map((id) => plan.agencies.get(id)?.name ?? id).join('; ');
}

function roleText(plan: Plan, lang: Lang, item: DueItem): string {
  if (!item.role) return agencyNames(plan, item.lead);
  const r = t(lang, `role.${item.role}` as Word);
  return item.via ? `${r} (${t(lang, 'via')} ${plan.agencies.get(item.via)?.name ?? item.via})` : r;
}

export function dueHeader(view: DueView, lang: Lang): string {
  const who = view.agency ? `${view.agency.name} (${view.agency.id})` : t(lang, 'all');
  return `${t(lang, 'plan')}: ${view.plan.title} — ${view.plan.issuer}\n${t(lang, 'asOf')}: ${formatDayVi(view.asOf)} · ${t(lang, 'agency')}: ${who}\n`;
}

export function renderDueTable(plan: Plan, view: DueView, lang: Lang, style: Style, width: number): string {
  let out = style.bold(wrapText(dueHeader(view, lang), width));
  if (view.outsidePeriod) {
    out += style.yellow(wrapText(t(lang, 'outside', { d: formatDayVi(view.asOf), s: formatDayVi(view.plan.period.start), e: formatDayVi(view.plan.period.end) }), width)) + '\n';
  }
  if (view.items.length === 0) return out + '\n' + wrapText(t(lang, 'noItems'), width) + '\n';
  const colour = (status: string, s: string) =>
    status === 'overdue' ? style.red(s) : status === 'due-soon' ? style.yellow(s) : status === 'done' ? style.green(s) : s;
  const columns = [
    { head: t(lang, 'id') },
    { head: t(lang, 'task'), flex: 3, min: 16, maxLines: 3 },
    { head: t(lang, 'period') },
    { head: t(lang, 'due') },
    { head: view.all ? t(lang, 'status') : t(lang, 'days') },
    { head: view.agency ? t(lang, 'role') : t(lang, 'lead'), flex: view.agency ? 0 : 1, min: 10 },
  ].map((c) => (c.flex === 0 ? { head: c.head } : c));
  const groups = new Map<string, DueItem[]>();
  for (const i of view.items) groups.set(i.status, [...(groups.get(i.status) ?? []), i]);
  out += '\n';
  const rowsOf = (items: DueItem[]) =>
    items.map((i) => [
      style.bold(i.id),
      i.title,
      periodText(lang, i.period),
      i.due ? formatDayVi(i.due) : '',
      colour(i.status, view.all ? [statusWord(lang, i.status), daysText(lang, i)].filter(Boolean).join(', ') : daysText(lang, i)),
      roleText(plan, lang, i),
    ]);
  // Widths are fitted over every row, so that the groups line up.
  const allRows = rowsOf(view.items);
  for (const [status, items] of groups) {
    const word = statusWord(lang, status);
    out += colour(status, style.bold(`${word.charAt(0).toUpperCase()}${word.slice(1)} (${items.length})`)) + '\n';
    out += renderTable(columns, rowsOf(items), width, style, allRows);
  }
  return out;
}

export function dueJson(view: DueView): string {
  return JSON.stringify(view, null, 2) + '\n';
}

/** CSV for Excel: days late as a number (negative: days left), dates as YYYY-MM-DD so that they sort and compute. */
export function renderDueCsv(plan: Plan, view: DueView, lang: Lang, sep: string): string {
  return renderCsv(
    [t(lang, 'id'), t(lang, 'task'), t(lang, 'period'), t(lang, 'due'), t(lang, 'status'), t(lang, 'daysLate'), t(lang, 'role'), t(lang, 'lead'), t(lang, 'when')],
    view.items.map((i) => [
      i.id,
      i.title,
      periodText(lang, i.period),
      // ISO dates: Excel reads them as dates whatever the computer's regional settings (31/1/2023 it may not).
      i.due ?? '',
      statusWord(lang, i.status),
      i.daysLate,
      i.role ? t(lang, `role.${i.role}` as Word) : '',
      agencyNames(plan, i.lead),
      i.when,
    ]),
    sep,
  );
}

export function renderDueMd(plan: Plan, view: DueView, lang: Lang): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ').replace(/</g, '&lt;');
  let out = `**${esc(view.plan.title)}** — ${esc(view.plan.issuer)}  \n${t(lang, 'asOf')}: ${formatDayVi(view.asOf)} · ${t(lang, 'agency')}: ${view.agency ? esc(view.agency.name) : t(lang, 'all')}\n\n`;
  if (view.outsidePeriod) out += `${t(lang, 'outside', { d: formatDayVi(view.asOf), s: formatDayVi(view.plan.period.start), e: formatDayVi(view.plan.period.end) })}\n\n`;
  if (view.items.length === 0) return out + t(lang, 'noItems') + '\n';
  out += `| ${t(lang, 'id')} | ${t(lang, 'task')} | ${t(lang, 'period')} | ${t(lang, 'due')} | ${t(lang, 'status')} | ${t(lang, 'days')} | ${view.agency ? t(lang, 'role') : t(lang, 'lead')} |\n|---|---|---|---|---|---|---|\n`;
  for (const i of view.items) {
    out += `| ${i.id} | ${esc(i.title)} | ${periodText(lang, i.period)} | ${i.due ? formatDayVi(i.due) : ''} | ${statusWord(lang, i.status)} | ${daysText(lang, i)} | ${esc(roleText(plan, lang, i))} |\n`;
  }
  return out;
}
