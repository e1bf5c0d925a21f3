// The quarterly status table as a terminal table, JSON, CSV for Excel or Markdown, and one quarter in detail.
import { markdownText } from './escape.js';
import { plainText } from './markup.js';
import { formatDayVi, STATUS_PRECEDENCE } from '../schedule/index.js';
import { QUARTERS, type Cell, type DetailLine, type QuarterKey, type StatusView } from '../views/status.js';
import { renderCsv } from './csv.js';
import { periodText, statusWord } from './due.js';
import { t, type Lang } from './i18n.js';
import type { Style } from './style.js';
import { renderTable, wrapText } from './table.js';

export function quarterHead(view: StatusView, q: QuarterKey, lang: Lang): string {
  const i = QUARTERS.indexOf(q);
  const r = view.ranges[q];
  const name = t(lang, 'period.quarterName', { q: i + 1 });
  // Spaces around the dash let a narrow column wrap the range instead of cutting it.
  return view.periods === 'reporting' ? `${name}\n${formatDayVi(r.start)} – ${formatDayVi(r.end)}` : name;
}

/** The statuses of occurrences, which a count of done / due can follow directly. */
const OCCURRENCE_WORDS = new Set(['overdue', 'due-soon', 'open', 'scheduled', 'late', 'done']);

/** "Đã xong 3/3", "Thường xuyên (2 ghi nhận)": the status word and, where it helps, counts. */
export function cellText(cell: Cell, lang: Lang): string {
  const word = statusWord(lang, cell.status);
  if (cell.status === 'none') return word;
  const counts = `${cell.done + cell.late}/${cell.due}`;
  if (OCCURRENCE_WORDS.has(cell.status)) {
    if (cell.due > 1) return `${word} ${counts}`;
  } else if (cell.due > 0) {
    // A group whose first status is not about occurrences ("no record", a task's gap): the count is of the others'
    // occurrences, so it says what it counts rather than seeming to count the status.
    return `${word}; ${counts} ${t(lang, 'status.doneCount')}`;
  }
  // A task's "no record" quarter has none; a group's counts other tasks' records, which would read as a contradiction.
  if (cell.status === 'ongoing' && cell.records > 0) {
    return `${word} (${t(lang, 'status.records', { n: cell.records })})`;
  }
  return word;
}

function rate(r: number | null): string {
  return r === null ? '—' : `${Math.round(r * 100)}%`;
}

/** The totals count occurrences, listed in the order a cell ranks their statuses (what needs attention first). */
const TOTALS_ORDER = STATUS_PRECEDENCE;

/** The totals row's label says what it counts. */
function totalsLabel(lang: Lang): string {
  return t(lang, 'status.totalsLabel');
}

/** What the cells and the totals mean, under the table (its lines; the caller wraps or lists them). */
export function legendLines(view: StatusView, lang: Lang): string[] {
  const group = view.by !== 'task';
  return [
    t(lang, 'status.legend.cell'),
    t(lang, 'status.legend.words'),
    ...(group ? [t(lang, 'status.legend.group')] : []),
    ...(view.by === 'agency' || view.agency ? [t(lang, 'status.legend.agency')] : []),
    t(lang, 'status.legend.total'),
  ];
}

/**
 * Occurrences due outside the four quarters are in no column and no total: the note under the table counts them by
 * status and names those that need attention, so that status says of them what `due` says.
 */
function outsideNote(view: StatusView, lang: Lang): string {
  const n = view.outside;
  const why = view.periods === 'reporting';
  const byStatus = TOTALS_ORDER.flatMap((st) => {
    const these = view.outsideItems.filter((o) => o.status === st);
    if (!these.length) return [];
    const named = st === 'overdue' || st === 'due-soon' ? ` (${these.map((o) => `${[o.id, periodText(lang, o.period)].filter(Boolean).join(' ')}, ${t(lang, 'due').toLowerCase()} ${formatDayVi(o.due!)}`).join('; ')})` : '';
    return [`${statusWord(lang, st)} ${these.length}${named}`];
  });
  const list = byStatus.length ? `: ${byStatus.join(', ')}` : '';
  return t(lang, 'status.outside', { n, reporting: why, list });
}

function outsideLine(view: StatusView, lang: Lang): string {
  return t(lang, 'outside', { d: formatDayVi(view.asOf), s: formatDayVi(view.plan.period.start), e: formatDayVi(view.plan.period.end) });
}

function totalsText(view: StatusView, q: QuarterKey, lang: Lang): string {
  const tq = view.totals.quarters[q];
  const parts = TOTALS_ORDER.filter((s) => tq.counts[s]).map((s) => `${statusWord(lang, s)}: ${tq.counts[s]}`);
  return [...parts, `${t(lang, 'onTime')}: ${rate(tq.onTimeRate)}`].join('\n');
}

function header(view: StatusView, lang: Lang): string {
  const who = view.agency ? ` · ${t(lang, 'agency')}: ${view.agency.name} (${view.agency.id})` : '';
  const kind = view.periods === 'reporting' ? t(lang, 'status.reporting') : '';
  const role = view.role !== 'any' ? ` · ${t(lang, 'role')}: ${t(lang, `role.${view.role}`)}` : '';
  return `${t(lang, 'plan')}: ${view.plan.title} — ${view.plan.issuer}\n${t(lang, 'asOf')}: ${formatDayVi(view.asOf)}${who}${role}${kind}\n`;
}

/** The header, and the warning that the day lies outside the plan period where it does (as `due` prints it). */
function heading(view: StatusView, lang: Lang, style: Style, width: number): string {
  let out = style.bold(wrapText(header(view, lang), width));
  if (view.outsidePeriod) out += style.yellow(wrapText(outsideLine(view, lang), width)) + '\n';
  return out;
}

export function renderStatusTable(view: StatusView, lang: Lang, style: Style, width: number): string {
  const colour = (status: string, s: string) =>
    status === 'overdue' || status === 'no-record' ? style.red(s) : status === 'due-soon' ? style.yellow(s) : status === 'done' ? style.green(s) : s;
  const firstHead = view.by === 'agency' ? t(lang, 'agency') : view.by === 'section' ? t(lang, 'section') : t(lang, 'task');
  const columns = [
    { head: t(lang, 'id') },
    { head: firstHead, flex: 1, min: 14, maxLines: 2 },
    ...QUARTERS.map((q) => ({ head: quarterHead(view, q, lang) })),
  ];
  const rows = view.rows.map((r) => [style.bold(r.id), plainText(r.title), ...QUARTERS.map((q) => colour(r.quarters[q].status, cellText(r.quarters[q], lang)))]);
  rows.push([style.bold(t(lang, 'total')), totalsLabel(lang), ...QUARTERS.map((q) => totalsText(view, q, lang))]);
  let out = heading(view, lang, style, width) + '\n' + renderTable(columns, rows, width, style);
  if (view.outside) out += wrapText(outsideNote(view, lang), width) + '\n';
  out += t(lang, 'status.legend') + '\n';
  for (const line of legendLines(view, lang)) out += '- ' + wrapText(line, Math.max(20, width - 2)).replace(/\n/g, '\n  ') + '\n';
  return out;
}

export function renderStatusJson(view: StatusView | (StatusView & { quarter: QuarterKey; detail: DetailLine[] })): string {
  return JSON.stringify(view, null, 2) + '\n';
}

export function renderStatusCsv(view: StatusView, lang: Lang, sep: string): string {
  const head = [t(lang, 'id'), view.by === 'agency' ? t(lang, 'agency') : view.by === 'section' ? t(lang, 'section') : t(lang, 'task'), ...QUARTERS.map((q) => quarterHead(view, q, lang).replace('\n', ' '))];
  const rows = view.rows.map((r) => [r.id, plainText(r.title), ...QUARTERS.map((q) => cellText(r.quarters[q], lang))]);
  rows.push([t(lang, 'total'), totalsLabel(lang), ...QUARTERS.map((q) => totalsText(view, q, lang).replace(/\n/g, '; '))]);
  return renderCsv(head, rows, sep);
}

export function renderStatusMd(view: StatusView, lang: Lang): string {
  const esc = (s: string) => markdownText(s, { lineBreaks: true });
  let out = header(view, lang).split('\n').filter(Boolean).map((l) => `${esc(l)}  `).join('\n') + '\n\n';
  if (view.outsidePeriod) out += `${esc(outsideLine(view, lang))}\n\n`;
  out += `| ${t(lang, 'id')} | ${view.by === 'agency' ? t(lang, 'agency') : view.by === 'section' ? t(lang, 'section') : t(lang, 'task')} | ${QUARTERS.map((q) => esc(quarterHead(view, q, lang))).join(' | ')} |\n`;
  out += `|---|---|${QUARTERS.map(() => '---').join('|')}|\n`;
  for (const r of view.rows) out += `| ${r.id} | ${esc(plainText(r.title))} | ${QUARTERS.map((q) => cellText(r.quarters[q], lang)).join(' | ')} |\n`;
  out += `| **${t(lang, 'total')}** | ${totalsLabel(lang)} | ${QUARTERS.map((q) => esc(totalsText(view, q, lang))).join(' | ')} |\n`;
  if (view.outside) out += `\n${esc(outsideNote(view, lang))}\n`;
  // The legend is tthc's own Markdown (its `tthc due` are code), not plan text.
  out += `\n${t(lang, 'status.legend')}\n\n${legendLines(view, lang).map((l) => `- ${l}`).join('\n')}\n`;
  return out;
}

function detailCells(line: DetailLine, lang: Lang): string[] {
  const what =
    line.kind === 'trigger' ? t(lang, 'status.triggered') : line.kind === 'record' ? t(lang, 'status.record') : line.kind === 'quarter' ? cellText({ status: line.status!, due: 0, done: 0, late: 0, overdue: 0, records: line.records ?? 0, occurrences: [] }, lang) : statusWord(lang, line.status!);
  return [
    line.id,
    plainText(line.title),
    periodText(lang, line.period),
    line.due ? formatDayVi(line.due) : '',
    what,
    line.day ? formatDayVi(line.day) : '',
    [line.ref, line.note].filter(Boolean).join(' — '),
  ];
}

function detailHead(lang: Lang): string[] {
  return [t(lang, 'id'), t(lang, 'task'), t(lang, 'period'), t(lang, 'due'), t(lang, 'status'), t(lang, 'doneOn'), t(lang, 'docNote')];
}

function quarterLine(view: StatusView, q: QuarterKey, lang: Lang): string {
  const r = view.ranges[q];
  return `${quarterHead(view, q, lang).split('\n')[0]!}: ${formatDayVi(r.start)} – ${formatDayVi(r.end)}`;
}

/**
 * `--quarter N` as a table: task by task, the occurrences due in the quarter (with the document and note of the record
 * that completed each), the quarter's status where nothing falls due in it, and the other records dated in the quarter
 * (activities, triggers, late completions of earlier occurrences). A task's title shows on its first line only.
 */
export function renderQuarterDetail(view: StatusView, q: QuarterKey, lines: DetailLine[], lang: Lang, style: Style, width: number): string {
  let out = heading(view, lang, style, width) + wrapText(quarterLine(view, q, lang), width) + '\n\n';
  if (!lines.length) return out + t(lang, 'status.quarterEmpty') + '\n';
  const colour = (status: string | null, s: string) =>
    status === 'overdue' || status === 'no-record' ? style.red(s) : status === 'due-soon' ? style.yellow(s) : status === 'done' ? style.green(s) : s;
  const rows = lines.map((line, i) => {
    const cells = detailCells(line, lang);
    const first = i === 0 || lines[i - 1]!.id !== line.id;
    return [style.bold(cells[0]!), first ? cells[1]! : '', cells[2]!, cells[3]!, colour(line.status, cells[4]!), cells[5]!, cells[6]!];
  });
  const head = detailHead(lang);
  const columns = [
    { head: head[0]! },
    { head: head[1]!, flex: 2, min: 14, maxLines: 2 },
    { head: head[2]! },
    { head: head[3]! },
    { head: head[4]! },
    { head: head[5]! },
    { head: head[6]!, flex: 1, min: 12 },
  ];
  return out + renderTable(columns, rows, width, style);
}

/** `--quarter N --format csv`: a line per occurrence or record, the task's title on each, for Excel to sort and filter. */
export function renderQuarterDetailCsv(lines: DetailLine[], lang: Lang, sep: string): string {
  // ISO dates, as in `due`: Excel reads them as dates whatever the regional settings.
  return renderCsv(detailHead(lang), lines.map((line) => {
    const cells = detailCells(line, lang);
    cells[3] = line.due ?? '';
    cells[5] = line.day ?? '';
    return cells;
  }), sep);
}

export function renderQuarterDetailMd(view: StatusView, q: QuarterKey, lines: DetailLine[], lang: Lang): string {
  const esc = (s: string) => markdownText(s, { lineBreaks: true });
  let out = [...header(view, lang).split('\n').filter(Boolean), quarterLine(view, q, lang)].map((l) => `${esc(l)}  `).join('\n') + '\n\n';
  if (view.outsidePeriod) out += `${esc(outsideLine(view, lang))}\n\n`;
  out += `| ${detailHead(lang).join(' | ')} |\n|${detailHead(lang).map(() => '---').join('|')}|\n`;
  for (const line of lines) out += `| ${detailCells(line, lang).map(esc).join(' | ')} |\n`;
  return out;
}
