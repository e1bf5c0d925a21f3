// Views across several plans as a terminal table, JSON or CSV: every row names its plan.
import { formatDayVi } from '../schedule/index.js';
import type { PlansDueView, PlansStatusView, PlanRef } from '../views/plans.js';
import type { PlansAgenciesView } from '../views/plans-agencies.js';
import { QUARTERS } from '../views/status.js';
import { renderCsv } from './csv.js';
import { daysText, periodText, statusWord } from './due.js';
import { t, type Lang, type Word } from './i18n.js';
import { plainText } from './markup.js';
import type { Style } from './style.js';
import { dayText } from './day-text.js';
import { drawTable, fitWidths, renderTable, wrapText, type Column } from './table.js';

/** The plan as a row names it: its issuer, and its number where it has one. */
export function planLabel(p: PlanRef): string {
  return p.number ? `${p.issuer} (${p.number})` : p.issuer;
}

function header(view: { asOf: string; agency: { id: string; name: string } | null; plans?: PlanRef[]; matched?: PlanRef[] }, lang: Lang, count: number): string {
  const who = view.agency ? `${view.agency.name} (${view.agency.id})` : t(lang, 'all');
  const matched = view.agency && view.matched ? `, ${t(lang, 'plans.matched', { n: view.matched.length })}` : '';
  return `${t(lang, 'plans.count', { n: count })}${matched}\n${t(lang, 'asOf')}: ${formatDayVi(view.asOf)} · ${t(lang, 'agency')}: ${who}\n`;
}

export function renderPlansDueTable(view: PlansDueView, lang: Lang, style: Style, width: number): string {
  let out = style.bold(wrapText(header(view, lang, view.plans.length), width));
  if (view.agency && view.matched.length === 0) return out + '\n' + t(lang, 'plans.none') + '\n';
  if (view.items.length === 0) return out + '\n' + wrapText(t(lang, 'noItems'), width) + '\n';
  const colour = (status: string, s: string) => (status === 'overdue' ? style.red(s) : status === 'due-soon' ? style.yellow(s) : status === 'done' ? style.green(s) : s);
  // Grouped by status under a heading, as the one-plan table is: the status needs no column of its own.
  const columns: Column[] = [
    { head: t(lang, 'plan'), min: 12 },
    { head: t(lang, 'id') },
    { head: t(lang, 'period') },
    { head: t(lang, 'due') },
    { head: t(lang, 'days') },
    { head: view.agency ? t(lang, 'role') : t(lang, 'shortLead') },
    { head: t(lang, 'task'), flex: 2, min: 16, maxLines: 3 },
  ];
  const cells = (i: PlansDueView['items'][number]) => [
    planLabel(i.plan),
    i.id,
    periodText(lang, i.period),
    i.due ? dayText(i.due) : '',
    daysText(lang, i),
    i.role ? `${t(lang, `role.${i.role}` as Word)}${i.via ? ` (${t(lang, 'via')} ${i.via})` : ''}` : i.lead.join(', '),
    plainText(i.title),
  ];
  const all = view.items.map(cells);
  const groups = new Map<string, string[][]>();
  // Pushed, not copied per row: a province's list runs to thousands of rows.
  view.items.forEach((i, k) => {
    const g = groups.get(i.status);
    if (g) g.push(all[k]!);
    else groups.set(i.status, [all[k]!]);
  });
  // Every group fitted to all rows (so that they line up), once.
  const widths = fitWidths(columns, all, width);
  for (const [status, rows] of groups) {
    const word = statusWord(lang, status);
    out += '\n' + colour(status, style.bold(`${word.charAt(0).toUpperCase()}${word.slice(1)} (${rows.length})`)) + '\n';
    out += drawTable(columns, rows, widths, style);
  }
  const counts = new Map<string, number>();
  for (const i of view.items) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  const who = view.agency ? view.agency.id : t(lang, 'all');
  return out + '\n' + style.bold(wrapText(`${who}: ${[...counts].map(([st, n]) => colour(st, `${n} ${statusWord(lang, st).toLowerCase()}`)).join(' · ')}`, width)) + '\n';
}

export function plansDueJson(view: PlansDueView): string {
  return JSON.stringify(view, null, 2) + '\n';
}

/** As `due --format csv`, with the plan's file, issuer and number first. */
export function renderPlansDueCsv(view: PlansDueView, lang: Lang, sep: string): string {
  return renderCsv(
    [t(lang, 'plans.file'), t(lang, 'plan'), t(lang, 'plans.number'), t(lang, 'id'), t(lang, 'task'), t(lang, 'period'), t(lang, 'due'), t(lang, 'status'), t(lang, 'daysLate'), t(lang, 'role'), t(lang, 'lead'), t(lang, 'when')],
    view.items.map((i) => [
      i.plan.file,
      i.plan.issuer,
      i.plan.number ?? '',
      i.id,
      plainText(i.title),
      periodText(lang, i.period),
      i.due ?? '',
      statusWord(lang, i.status),
      i.daysLate,
      i.role ? t(lang, `role.${i.role}` as Word) : '',
      i.lead.join('; '),
      i.when,
    ]),
    sep,
  );
}

/** A quarter's counts as a cell: "2 quá hạn · 1 đã xong", or "—" where nothing falls due. */
function countsCell(lang: Lang, counts: Partial<Record<string, number>>, style: Style): string {
  const order = ['overdue', 'due-soon', 'open', 'scheduled', 'late', 'done'];
  const parts = order.filter((s) => counts[s]).map((s) => {
    const text = `${counts[s]} ${statusWord(lang, s).toLowerCase()}`;
    return s === 'overdue' ? style.red(text) : s === 'due-soon' ? style.yellow(text) : text;
  });
  return parts.length ? parts.join('\n') : '—';
}

function rate(r: number | null): string {
  return r === null ? '—' : `${Math.round(r * 100)}%`;
}

export function renderPlansStatusTable(view: PlansStatusView, lang: Lang, style: Style, width: number): string {
  let out = style.bold(wrapText(header(view, lang, view.rows.length), width));
  if (view.rows.length === 0) return out + '\n' + t(lang, 'plans.none') + '\n';
  const columns: Column[] = [{ head: t(lang, 'plan'), flex: 1, min: 14 }, ...QUARTERS.map((q) => ({ head: q })), { head: t(lang, 'plans.rate'), align: 'right' as const }];
  const rows = view.rows.map((r) => [planLabel(r.plan), ...QUARTERS.map((q) => countsCell(lang, r.quarters[q].counts, style)), rate(r.onTimeRate)]);
  return out + '\n' + renderTable(columns, rows, width, style);
}

export function plansStatusJson(view: PlansStatusView): string {
  return JSON.stringify(view, null, 2) + '\n';
}

/** A row per plan and quarter: the counts by status as numbers, so that a spreadsheet can add them up. */
export function renderPlansStatusCsv(view: PlansStatusView, lang: Lang, sep: string): string {
  const statuses = ['overdue', 'due-soon', 'open', 'scheduled', 'late', 'done'] as const;
  const rows = view.rows.flatMap((r) =>
    QUARTERS.map((q) => {
      const c = r.quarters[q];
      return [r.plan.file, r.plan.issuer, r.plan.number ?? '', q, ...statuses.map((s) => c.counts[s] ?? 0), c.due, c.onTimeRate === null ? '' : Math.round(c.onTimeRate * 1000) / 10, r.onTimeRate === null ? '' : Math.round(r.onTimeRate * 1000) / 10];
    }),
  );
  return renderCsv([t(lang, 'plans.file'), t(lang, 'plan'), t(lang, 'plans.number'), t(lang, 'plans.quarter'), ...statuses.map((s) => statusWord(lang, s)), t(lang, 'total'), `${t(lang, 'plans.rate')} (%)`, `${t(lang, 'plans.rateYear')} (%)`], rows, sep);
}

/** `agencies` across plans: a row per agency as matched across plans, with the plans that declare it. */
export function renderPlansAgenciesTable(view: PlansAgenciesView, lang: Lang, style: Style, width: number): string {
  const head = style.bold(wrapText(t(lang, 'plans.count', { n: view.plans.length }), width)) + '\n';
  return (
    head +
    renderTable(
      [{ head: t(lang, 'id') }, { head: t(lang, 'name'), flex: 2 }, { head: t(lang, 'plans.countHead'), align: 'right' }, { head: t(lang, 'plan'), flex: 2, maxLines: 3 }],
      view.rows.map((r) => [style.bold(r.ids.join('\n')), r.names.join('\n'), String(r.plans.length), r.plans.length === view.plans.length ? t(lang, 'plans.every') : r.plans.map(planLabel).join('; ')]),
      width,
      style,
    )
  );
}

export function plansAgenciesJson(view: PlansAgenciesView): string {
  return JSON.stringify(view, null, 2) + '\n';
}
