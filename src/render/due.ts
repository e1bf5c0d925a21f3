// The due list as a terminal table (grouped by status, in the user's language), JSON, CSV or Markdown.
import { markdownText } from './escape.js';
import { plainText } from './markup.js';
import type { Plan } from '../model/model.js';
import { formatDayVi } from '../schedule/index.js';
import type { DueItem, DueView } from '../views/due.js';
import { renderCsv } from './csv.js';
import { t, type Lang, type Word } from './i18n.js';
import type { Style } from './style.js';
import { letters, nfc, wrapText } from './table.js';
import { agencyName, agencyNames } from '../model/agencies.js';
import { dayText } from './day-text.js';

export function statusWord(lang: Lang, status: string): string {
  return t(lang, `status.${status}` as Word);
}

const periodTexts = new Map<string, string>();

/** "Tháng 7/2023", "Quý III/2023", "Năm 2023": a long list names the same periods again and again, each worked out once. */
export function periodText(lang: Lang, period: string | null): string {
  if (period === null) return '';
  const key = `${lang} ${period}`;
  const known = periodTexts.get(key);
  if (known !== undefined) return known;
  const text = periodTextOf(lang, period);
  periodTexts.set(key, text);
  return text;
}

function periodTextOf(lang: Lang, period: string): string {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return t(lang, 'period.month', { y: m[1]!, m: Number(m[2]) });
  m = /^(\d{4})-Q(\d)$/.exec(period);
  if (m) return t(lang, 'period.quarter', { y: m[1]!, q: Number(m[2]) });
  m = /^(\d{4})-H(\d)$/.exec(period);
  if (m) return t(lang, 'period.half', { y: m[1]!, h: Number(m[2]) });
  if (/^\d{4}$/.test(period)) return t(lang, 'period.year', { y: period });
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return t(lang, 'period.from', { d: dayText(period) });
  return period;
}

export function daysText(lang: Lang, item: DueItem): string {
  // A completion on time needs no count; a late one says how late it was.
  if (item.daysLate === null || item.status === 'done' || (item.status === 'late' && item.daysLate <= 0)) return '';
  if (item.daysLate === 0) return t(lang, 'today');
  const n = Math.abs(item.daysLate);
  return t(lang, item.daysLate > 0 ? 'late' : 'left', { n });
}

function roleText(plan: Plan, lang: Lang, item: DueItem): string {
  if (!item.role) return agencyNames(plan, item.lead);
  const r = t(lang, `role.${item.role}` as Word);
  return item.via ? `${r} (${t(lang, 'via')} ${agencyName(plan, item.via)})` : r;
}

export function dueHeader(view: DueView, lang: Lang): string {
  const who = view.agency ? `${view.agency.name} (${view.agency.id})` : t(lang, 'all');
  return `${t(lang, 'plan')}: ${view.plan.title} — ${view.plan.issuer}\n${t(lang, 'asOf')}: ${formatDayVi(view.asOf)} · ${t(lang, 'agency')}: ${who}\n`;
}

/** One row of the clerk's table: an occurrence, or the occurrences of one task with the same status (grouped). */
interface Row {
  items: DueItem[];
  cells: string[];
  /** Each cell's width in letters, measured once for the column widths and the padding. */
  lens: number[];
}

/**
 * "Tháng 1–6/2023", "Quý I–II/2023", or the first and last period, for a group of occurrences in order: the first
 * and the last, whether or not every period between is in the group (the count beside it says how many are).
 */
function periodRange(lang: Lang, periods: string[]): string {
  const first = periods[0]!;
  const last = periods[periods.length - 1]!;
  const a = /^(\d{4})-(\d{2})$/.exec(first);
  const b = /^(\d{4})-(\d{2})$/.exec(last);
  if (a && b && a[1] === b[1]) return t(lang, 'period.months', { y: a[1]!, a: Number(a[2]), b: Number(b[2]) });
  const qa = /^(\d{4})-Q(\d)$/.exec(first);
  const qb = /^(\d{4})-Q(\d)$/.exec(last);
  if (qa && qb && qa[1] === qb[1]) return t(lang, 'period.quarters', { y: qa[1]!, a: Number(qa[2]), b: Number(qb[2]) });
  return `${periodText(lang, first)} – ${periodText(lang, last)}`;
}

/** "31/1–30/6/2023": two days of one year without repeating it. */
function dayRange(first: string, last: string): string {
  if (first === last) return dayText(first);
  const a = dayText(first);
  const b = dayText(last);
  return first.slice(0, 4) === last.slice(0, 4) ? `${a.replace(/\/\d{4}$/, '')}–${b}` : `${a}–${b}`;
}

function groupRows(view: DueView, each: boolean): DueItem[][] {
  if (each) return view.items.map((i) => [i]);
  const groups = new Map<string, DueItem[]>();
  const out: DueItem[][] = [];
  for (const i of view.items) {
    // Only occurrences of a recurring task (periods of one kind: months, quarters…) are grouped; an event's stand alone.
    const key = i.period !== null && !/^\d{4}-\d{2}-\d{2}$/.test(i.period) ? `${i.id}\u0000${i.status}\u0000${i.role}\u0000${i.via}\u0000${i.period.replace(/\d/g, '')}` : undefined;
    const g = key ? groups.get(key) : undefined;
    if (g) g.push(i);
    else {
      const fresh = [i];
      out.push(fresh);
      if (key) groups.set(key, fresh);
    }
  }
  return out;
}

/** The texts a long table repeats row after row ("trễ 196 ngày", "phối hợp (qua ubnd-xa)"), each made once per run. */
const repeated = new Map<string, string>();
function once(key: string, make: () => string): string {
  let text = repeated.get(key);
  if (text === undefined) repeated.set(key, (text = make()));
  return text;
}

function rowCells(plan: Plan, view: DueView, lang: Lang, items: DueItem[]): string[] {
  const i = items[0]!;
  const n = items.length;
  const who = view.agency ? once(`${lang}\u0000${i.role}\u0000${i.via}`, () => roleCell(lang, i)) : i.lead.join(', ');
  if (n === 1) {
    const days = once(`${lang}\u0001${i.status}\u0001${i.daysLate}`, () => daysText(lang, i));
    return [i.id, periodText(lang, i.period), i.due ? dayText(i.due) : '', days, who, plainText(i.title)];
  }
  const periods = items.map((x) => x.period!);
  const count = t(lang, 'due.count', { n });
  const dues = items.map((x) => x.due).filter((d): d is string => d !== null);
  const worst = Math.max(...items.map((x) => x.daysLate ?? -Infinity));
  let days: string;
  if ((i.status === 'overdue' || i.status === 'late') && worst > 0) days = t(lang, 'due.worst', { n: worst });
  else days = daysText(lang, i);
  return [i.id, `${periodRange(lang, periods)} · ${count}`, dues.length ? dayRange(dues[0]!, dues[dues.length - 1]!) : '', days, who, plainText(i.title)];
}

/** The role, with the collective it comes through by id ("phối hợp (qua ubnd-xa)"): short, and never broken. */
function roleCell(lang: Lang, item: DueItem): string {
  if (!item.role) return '';
  const r = t(lang, `role.${item.role}` as Word);
  return item.via ? `${r} (${t(lang, 'via')} ${item.via})` : r;
}

const len = (s: string) => letters(s);

/** Cuts plain text to `width` columns at a word, with "…". */
function cut(text: string, width: number): string {
  const composed = nfc(text);
  // Without surrogates a letter is a UTF-16 unit: the text is measured and cut as a string, not as an array of letters.
  const n = letters(composed);
  if (n <= width) return composed;
  let s = n === composed.length ? composed.slice(0, Math.max(0, width - 1)) : [...composed].slice(0, Math.max(0, width - 1)).join('');
  const space = s.lastIndexOf(' ');
  if (space > width / 2) s = s.slice(0, space);
  // The punctuation and spaces at the end dropped by hand: a regular expression anchored at the end tries every letter.
  let end = s.length;
  while (end > 0 && TRAILING.has(s.charCodeAt(end - 1))) end--;
  return s.slice(0, end) + '…';
}

/** What `cut` drops before its "…": white space (as \s has it) and , ; : . — - */
const TRAILING = new Set([...' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff,;:.—-'].map((c) => c.charCodeAt(0)));

/**
 * The clerk's table: a line per row where the width allows (no borders, no rule between rows); the id, period, due
 * day, days and agency columns take their natural width and are never broken, and the task's text takes what is
 * left, cut with "…" (`tthc show ID` prints it in full). Narrower than that, the text moves to a line of its own.
 */
export function renderDueTable(plan: Plan, view: DueView, lang: Lang, style: Style, width: number, opts: { each?: boolean } = {}): string {
  let out = style.bold(wrapText(dueHeader(view, lang), width));
  if (view.outsidePeriod) {
    out += style.yellow(wrapText(t(lang, 'outside', { d: formatDayVi(view.asOf), s: formatDayVi(view.plan.period.start), e: formatDayVi(view.plan.period.end) }), width)) + '\n';
  }
  if (view.items.length === 0) return out + '\n' + wrapText(t(lang, 'noItems'), width) + '\n';
  const colour = (status: string, s: string) =>
    status === 'overdue' ? style.red(s) : status === 'due-soon' ? style.yellow(s) : status === 'done' ? style.green(s) : s;
  const head = [t(lang, 'id'), t(lang, 'period'), t(lang, 'due'), t(lang, 'days'), view.agency ? t(lang, 'role') : t(lang, 'shortLead'), t(lang, 'task')];
  const rows: Row[] = groupRows(view, opts.each ?? false).map((items) => {
    const cells = rowCells(plan, view, lang, items);
    return { items, cells, lens: cells.map(len) };
  });
  const headLens = head.map(len);
  // Widths over every row, so that the status groups line up; a column none of whose cells has text is left out.
  const shown = [0, 1, 2, 3, 4].filter((c) => c === 0 || rows.some((r) => r.cells[c] !== ''));
  const widths = shown.map((c) => rows.reduce((m, r) => Math.max(m, r.lens[c]!), headLens[c]!));
  const gap = 2;
  const fixed = widths.reduce((x, y) => x + y, 0) + gap * shown.length;
  // A task cut to fewer letters than this says too little to recognise it: it gets a line of its own instead.
  const oneLine = width - fixed >= 28;
  // Narrower: as many columns as fit stay aligned on the first line; the others, then the task, on a second one.
  let first = shown.length;
  while (!oneLine && first > 1 && widths.slice(0, first).reduce((x, y) => x + y, 0) + gap * (first - 1) > width) first--;
  const indent = Math.min(widths[0]! + gap, 12);
  const space = ' '.repeat(gap);
  const aligned = (cells: string[], lens: number[], paint: (c: number, s: string) => string, upTo: number) => {
    let line = '';
    for (let k = 0; k < upTo; k++) {
      const c = shown[k]!;
      const text = cells[c] ?? '';
      if (k) line += space;
      line += (text ? paint(c, text) : '') + ' '.repeat(widths[k]! - lens[c]!);
    }
    return line;
  };
  const render = (cells: string[], lens: number[], paint: (c: number, s: string) => string, head: boolean): string => {
    if (oneLine) {
      const room = width - fixed;
      return (aligned(cells, lens, paint, shown.length) + space + (head ? cells[5]! : cut(cells[5]!, room))).trimEnd() + '\n';
    }
    let out = aligned(cells, lens, paint, first).trimEnd() + '\n';
    // The rest of the short cells, each whole, then the task cut to what is left of the line.
    const rest = shown.slice(first).filter((c) => cells[c] !== '');
    let line = '';
    let used = indent;
    for (const c of rest) {
      const text = cells[c]!;
      if (line && used + gap + lens[c]! > width) {
        out += ' '.repeat(indent) + line + '\n';
        line = '';
        used = indent;
      }
      line += (line ? ' '.repeat(gap) : '') + paint(c, text);
      used += (used > indent ? gap : 0) + lens[c]!;
    }
    const room = width - used - (line ? gap : 0);
    if (line && room < 16) {
      out += ' '.repeat(indent) + line + '\n';
      line = '';
      used = indent;
    }
    const task = head ? cells[5]! : cut(cells[5]!, width - used - (line ? gap : 0));
    return out + ' '.repeat(indent) + line + (line ? ' '.repeat(gap) : '') + task + '\n';
  };
  const byStatus = new Map<string, Row[]>();
  for (const r of rows) {
    const group = byStatus.get(r.items[0]!.status);
    if (group) group.push(r);
    else byStatus.set(r.items[0]!.status, [r]);
  }
  for (const [status, group] of byStatus) {
    const n = group.reduce((x, r) => x + r.items.length, 0);
    const word = statusWord(lang, status);
    out += '\n' + colour(status, style.bold(`${word.charAt(0).toUpperCase()}${word.slice(1)} (${n})`)) + '\n';
    out += render(head, headLens, (_, x) => x, true)
      .split('\n')
      .map((l) => (l ? style.dim(l) : l))
      .join('\n');
    for (const r of group) out += render(r.cells, r.lens, (c, x) => (c === 0 ? style.bold(x) : c === 3 ? colour(status, x) : x), false);
  }
  // The summary a clerk reads first: how many of each, for whom.
  const counts = new Map<string, number>();
  for (const i of view.items) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  const who = view.agency ? view.agency.id : t(lang, 'all');
  out += '\n' + style.bold(wrapText(`${who}: ${[...counts].map(([st, n]) => colour(st, `${n} ${statusWord(lang, st).toLowerCase()}`)).join(' · ')}`, width)) + '\n';
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
      plainText(i.title),
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
  const esc = (s: string) => markdownText(s);
  let out = `**${esc(view.plan.title)}** — ${esc(view.plan.issuer)}  \n${t(lang, 'asOf')}: ${formatDayVi(view.asOf)} · ${t(lang, 'agency')}: ${view.agency ? esc(view.agency.name) : t(lang, 'all')}\n\n`;
  if (view.outsidePeriod) out += `${t(lang, 'outside', { d: formatDayVi(view.asOf), s: formatDayVi(view.plan.period.start), e: formatDayVi(view.plan.period.end) })}\n\n`;
  if (view.items.length === 0) return out + t(lang, 'noItems') + '\n';
  out += `| ${t(lang, 'id')} | ${t(lang, 'task')} | ${t(lang, 'period')} | ${t(lang, 'due')} | ${t(lang, 'status')} | ${t(lang, 'days')} | ${view.agency ? t(lang, 'role') : t(lang, 'lead')} |\n|---|---|---|---|---|---|---|\n`;
  for (const i of view.items) {
    out += `| ${i.id} | ${esc(plainText(i.title))} | ${periodText(lang, i.period)} | ${i.due ? formatDayVi(i.due) : ''} | ${statusWord(lang, i.status)} | ${daysText(lang, i)} | ${esc(roleText(plan, lang, i))} |\n`;
  }
  return out;
}
