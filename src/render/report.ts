// The progress report as one self-contained HTML page (inline CSS and SVG, nothing fetched) that prints on A4.
import { involvement, type Role } from '../agencies.js';
import type { Agency, Plan, Task } from '../plan/model.js';
import { diffDays, formatDayVi } from '../schedule/index.js';
import type { PlanState } from '../views/evaluate.js';
import { QUARTERS, type CellStatus, type QuarterKey, type StatusView } from '../views/status.js';
import { periodText, statusWord } from './due.js';
import { shorten } from './ics.js';
import { t } from './i18n.js';
import { cellText, quarterHead } from './status.js';

export interface ReportInput {
  plan: Plan;
  state: PlanState;
  view: StatusView;
  /** The plan file's name, shown in the footer: a name, not a path, so that the page does not depend on the folder. */
  source: string;
  quarter?: QuarterKey;
  agency?: Agency;
}

export interface OverdueItem {
  task: Task;
  period: string | null;
  due: string;
  daysLate: number;
  role: Role;
  via: string | null;
}

export interface OverdueGroup {
  agency: { id: string; name: string };
  items: OverdueItem[];
}

/**
 * Fill and text colours by status. Solid fills step in lightness (L* 37, 66, 78, 86, 94, 100) and the three pale
 * statuses that would still look alike carry a pattern in the chart (a dark bar in the table for "no record"), so
 * that a greyscale print reads; the table always writes the status word besides.
 */
const PALETTE: Record<CellStatus, { bg: string; fg: string; pattern?: { kind: 'hatch' | 'dots' | 'cross'; ink: string } }> = {
  overdue: { bg: '#a4262c', fg: '#ffffff' },
  'no-record': { bg: '#fbe3e1', fg: '#6b1a16', pattern: { kind: 'hatch', ink: '#c0504d' } },
  'due-soon': { bg: '#e0900f', fg: '#1f1600' },
  open: { bg: '#c2d9f2', fg: '#0e2a47' },
  waiting: { bg: '#ece6f5', fg: '#33264d', pattern: { kind: 'dots', ink: '#5b4a80' } },
  ongoing: { bg: '#e9f0f2', fg: '#15393f' },
  scheduled: { bg: '#ffffff', fg: '#4a4a4a' },
  late: { bg: '#f6c99a', fg: '#4a2800', pattern: { kind: 'cross', ink: '#9a5a1c' } },
  done: { bg: '#9ccf97', fg: '#0f2e13' },
  none: { bg: '#ffffff', fg: '#777777' },
  unknown: { bg: '#f2f2f2', fg: '#4a4a4a' },
};

/** SVG pattern definitions for the chart, one per patterned status. */
function svgPatterns(): string {
  const defs = (Object.keys(PALETTE) as CellStatus[]).flatMap((s) => {
    const { bg, pattern } = PALETTE[s];
    if (!pattern) return [];
    const ink =
      pattern.kind === 'hatch'
        ? `<rect width="1.8" height="6" fill="${pattern.ink}"/>`
        : pattern.kind === 'dots'
          ? `<circle cx="3" cy="3" r="1.1" fill="${pattern.ink}"/>`
          : `<path d="M0 0L6 6M6 0L0 6" stroke="${pattern.ink}" stroke-width="0.9"/>`;
    const turn = pattern.kind === 'hatch' ? ' patternTransform="rotate(45)"' : '';
    return [`<pattern id="fill-${s}" patternUnits="userSpaceOnUse" width="6" height="6"${turn}><rect width="6" height="6" fill="${bg}"/>${ink}</pattern>`];
  });
  return `<defs>${defs.join('')}</defs>`;
}

function svgFill(s: CellStatus): string {
  return PALETTE[s].pattern ? `url(#fill-${s})` : PALETTE[s].bg;
}

/** Bottom to top in the chart: what needs attention sits on the axis, where it is easiest to compare. */
const CHART_ORDER: CellStatus[] = ['overdue', 'no-record', 'due-soon', 'open', 'waiting', 'ongoing', 'scheduled', 'late', 'done'];

const ROMAN = ['I', 'II', 'III', 'IV'];

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const esc = escapeHtml;

function agencyName(plan: Plan, id: string): string {
  return plan.agencies.get(id)?.name ?? id;
}

/**
 * Overdue occurrences as of the day, by agency. For all agencies: each agency the tasks name directly (lead or
 * support), in order of first mention, with the tasks that name it. For one agency: every task it takes part in,
 * directly or through a collective, so that the agency sees all it owes.
 */
export function overdueByAgency(state: PlanState, agency?: Agency): OverdueGroup[] {
  const { plan, asOf } = state;
  const itemsFor = (pick: (task: Task) => { role: Role; via: string | null } | undefined): OverdueItem[] => {
    const items: OverdueItem[] = [];
    for (const s of state.tasks) {
      const inv = pick(s.task);
      if (!inv) continue;
      for (const o of s.eval.occurrences) {
        if (o.status !== 'overdue' || o.due === null) continue;
        items.push({ task: s.task, period: o.period, due: o.due, daysLate: diffDays(asOf, o.due), role: inv.role, via: inv.via });
      }
    }
    const order = new Map(plan.tasks.map((task, i) => [task.id, i]));
    return items.sort((a, b) => a.due.localeCompare(b.due) || order.get(a.task.id)! - order.get(b.task.id)!);
  };
  if (agency) {
    const items = itemsFor((task) => involvement(plan, task, agency.id));
    return items.length ? [{ agency: { id: agency.id, name: agency.name }, items }] : [];
  }
  const named: string[] = [];
  for (const s of state.tasks) for (const id of [...s.task.lead, ...s.task.support]) if (!named.includes(id)) named.push(id);
  return named
    .map((id) => ({
      agency: { id, name: agencyName(plan, id) },
      items: itemsFor((task) => (task.lead.includes(id) ? { role: 'lead', via: null } : task.support.includes(id) ? { role: 'support', via: null } : undefined)),
    }))
    .filter((g) => g.items.length > 0);
}

/** "Kế hoạch số 12/KH-UBND ngày 10/3/2023", or the same with the blanks the document left, said plainly. */
export function planReference(plan: Plan): string {
  const head = plan.raw.plan;
  const symbol = head.symbol ?? 'KH';
  const number = head.number?.trim() ? head.number.trim() : null;
  const date = head.date ?? null;
  const ref = `Kế hoạch số ${esc(number ?? '…')}/${esc(symbol)} ngày ${date ? formatDayVi(date) : '…'}`;
  const blanks = !number && !date ? 'số và ngày ban hành' : !number ? 'số' : !date ? 'ngày ban hành' : null;
  return blanks ? `${ref} <span class="note">(văn bản để trống ${blanks})</span>` : ref;
}

const STYLE = `
@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #fff; color: #111; font-family: "Times New Roman", "Liberation Serif", "Noto Serif", "DejaVu Serif", serif; font-size: 15px; line-height: 1.4; }
main { max-width: 64rem; margin: 0 auto; padding: 1.5rem 1.5rem 2rem; }
.doc-head { display: flex; justify-content: space-between; gap: 2rem; align-items: flex-start; margin-bottom: 1.2rem; }
.doc-head .issuer { text-align: center; }
.doc-head .issuer p { margin: 0; }
.issuer-name { font-weight: bold; text-transform: uppercase; }
.rule { width: 6rem; margin: 0.2rem auto 0; border: 0; border-top: 1px solid #111; }
.doc-head .asof { text-align: right; font-style: italic; }
h1 { font-size: 1.45rem; text-align: center; text-transform: uppercase; margin: 0.6rem 0 0.2rem; letter-spacing: 0.02em; }
.plan-title { text-align: center; font-weight: bold; font-size: 1.1rem; margin: 0 0 0.2rem; }
.plan-ref { text-align: center; margin: 0 0 1rem; }
.note { font-style: italic; color: #444; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 0.5rem; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; break-after: avoid; page-break-after: avoid; }
.facts { margin: 0 0 0.6rem; padding-left: 1.2rem; }
.facts li { margin: 0.1rem 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 0.86rem; line-height: 1.3; }
th, td { border: 1px solid #555; padding: 0.25rem 0.35rem; vertical-align: top; text-align: left; }
thead th { background: #e6e6e6; text-align: center; vertical-align: middle; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.id { font-weight: bold; }
col.id { width: 8%; }
col.q { width: 13%; }
.one-quarter col.q { width: 15%; }
col.occ { width: 27%; }
col.period { width: 15%; }
col.due { width: 11%; }
col.late { width: 10%; }
col.role { width: 14%; }
tr.section th { background: #f3f3f3; font-weight: bold; text-align: left; }
/* A section's heading row belongs with its first task, not alone at the foot of a page. */
tr.section { break-after: avoid; page-break-after: avoid; }
td.st { text-align: center; }
td.st-no-record { font-weight: bold; }
td.st-overdue { font-weight: bold; }
td.st-scheduled, td.st-waiting, td.st-none { font-style: italic; }
tr.totals th, tr.totals td { border-top: 2px solid #111; background: #fafafa; }
tr.totals ul { list-style: none; margin: 0; padding: 0; text-align: left; }
tr.totals .rate { font-weight: bold; margin-top: 0.2rem; }
td.occ ul { margin: 0; padding-left: 1rem; }
.num { text-align: right; white-space: nowrap; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; margin: 0.5rem 0 0; padding: 0; list-style: none; font-size: 0.82rem; }
.legend li { display: flex; align-items: center; gap: 0.3rem; }
.swatch { display: inline-block; width: 1.6rem; height: 0.9rem; border: 1px solid #555; }
figure { margin: 0.4rem 0 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; max-width: 44rem; height: auto; margin: 0 auto; }
figcaption { text-align: center; font-style: italic; font-size: 0.85rem; margin-top: 0.3rem; }
svg text { font-family: inherit; }
.overdue-table td.late { font-weight: bold; }
.none-overdue { font-style: italic; }
footer { margin-top: 1.8rem; padding-top: 0.4rem; border-top: 1px solid #999; font-size: 0.8rem; color: #444; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  table { font-size: 8.8pt; }
  .legend { font-size: 8.5pt; }
  h2 { font-size: 12.5pt; }
  h1 { font-size: 15pt; }
}
`;

function statusCss(): string {
  return (Object.keys(PALETTE) as CellStatus[])
    .map((s) => {
      const p = PALETTE[s];
      // Not a CSS gradient: Chromium prints those as large bitmaps that band on paper.
      const bar = p.pattern?.kind === 'hatch' ? ` box-shadow: inset 5px 0 0 ${PALETTE.overdue.bg};` : '';
      return `.st-${s} { background: ${p.bg}; color: ${p.fg};${bar} }`;
    })
    .join('\n');
}

function cellClass(status: CellStatus): string {
  return `st st-${status}`;
}

function quarterLabel(view: StatusView, q: QuarterKey): string {
  return esc(quarterHead(view, q, 'vi')).replace('\n', '<br>');
}

function rateText(r: number | null): string {
  return r === null ? '—' : `${Math.round(r * 100)}%`;
}

function statusTable(input: ReportInput): string {
  const { plan, view, quarter } = input;
  const quarters = quarter ? [quarter] : [...QUARTERS];
  const cols = 2 + quarters.length + (quarter ? 1 : 0);
  const head =
    `<tr><th class="id" scope="col">${t('vi', 'id')}</th><th scope="col">${t('vi', 'task')}</th>` +
    quarters.map((q) => `<th scope="col">${quarterLabel(view, q)}</th>`).join('') +
    (quarter ? `<th scope="col">Các lần thực hiện có hạn trong quý</th>` : '') +
    `</tr>`;
  const body: string[] = [];
  let section: string | null = null;
  for (const row of view.rows) {
    const task = plan.taskById.get(row.id);
    if (task && task.section !== section) {
      section = task.section;
      body.push(`<tr class="section"><th colspan="${cols}" scope="rowgroup">${esc(task.section)}. ${esc(task.sectionTitle)}</th></tr>`);
    }
    const cells = quarters.map((q) => {
      const cell = row.quarters[q];
      return `<td class="${cellClass(cell.status)}">${esc(cellText(cell, 'vi'))}</td>`;
    });
    if (quarter) {
      const occs = row.quarters[quarter].occurrences;
      const list = occs.map((o) => {
        const bits = [o.period !== null ? periodText('vi', o.period) : null, o.due ? `hạn ${formatDayVi(o.due)}` : null, statusWord('vi', o.status), o.completion ? `ngày thực hiện ${formatDayVi(o.completion)}` : null];
        return `<li>${esc(bits.filter(Boolean).join(' · '))}</li>`;
      });
      cells.push(`<td class="occ">${list.length ? `<ul>${list.join('')}</ul>` : '—'}</td>`);
    }
    body.push(`<tr><td class="id">${esc(row.id)}</td><td>${esc(row.title)}</td>${cells.join('')}</tr>`);
  }
  const totals = quarters.map((q) => {
    const tq = view.totals.quarters[q];
    const lines = CHART_ORDER.filter((s) => tq.counts[s]).map((s) => `<li>${esc(statusWord('vi', s))}: ${tq.counts[s]}</li>`);
    return `<td><ul>${lines.join('')}<li class="rate">${t('vi', 'onTime')}: ${rateText(tq.onTimeRate)}</li></ul></td>`;
  });
  body.push(`<tr class="totals"><th colspan="2" scope="row">${t('vi', 'total')} (${view.rows.length} nhiệm vụ)</th>${totals.join('')}${quarter ? '<td></td>' : ''}</tr>`);
  const colgroup = `<colgroup><col class="id"><col class="task">${quarters.map(() => '<col class="q">').join('')}${quarter ? '<col class="occ">' : ''}</colgroup>`;
  let out = `<table class="status-table${quarter ? ' one-quarter' : ''}">\n${colgroup}\n<thead>${head}</thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>\n`;
  out += legend();
  out +=
    `<p class="note">Mỗi ô là trạng thái của nhiệm vụ trong quý: trạng thái cần chú ý nhất trong các lần thực hiện có hạn trong quý, ` +
    `kèm số lần đã xong trên số lần đến hạn khi có nhiều lần; “Đúng hạn” là tỉ lệ lần xong đúng hạn trên số lần đã xong, xong muộn hoặc quá hạn.</p>\n`;
  if (view.outside) out += `<p class="note">${view.outside} lần thực hiện có hạn ngoài bốn quý (thuộc kỳ báo cáo năm sau).</p>\n`;
  return out;
}

function legend(): string {
  const items = [...CHART_ORDER, 'none' as const].map(
    (s) => `<li><span class="swatch st-${s}" aria-hidden="true"></span>${esc(statusWord('vi', s) === '—' ? '— không có hạn trong quý' : statusWord('vi', s))}</li>`,
  );
  return `<ul class="legend" aria-label="Chú giải màu">${items.join('')}</ul>\n`;
}

function niceMax(n: number): number {
  if (n <= 5) return 5;
  const step = n <= 20 ? 5 : 10;
  return Math.ceil(n / step) * step;
}

/** A stacked bar per quarter of the tasks in each status (the totals row), drawn as plain SVG so that it prints. */
function chart(input: ReportInput): string {
  const { view, quarter } = input;
  const W = 720;
  const H = 292;
  const left = 48;
  const top = 16;
  const plotH = 220;
  const plotW = 440;
  const legendX = left + plotW + 28;
  const present = CHART_ORDER.filter((s) => QUARTERS.some((q) => view.totals.quarters[q].counts[s]));
  const totalOf = (q: QuarterKey) => CHART_ORDER.reduce((n, s) => n + (view.totals.quarters[q].counts[s] ?? 0), 0);
  const max = niceMax(Math.max(1, ...QUARTERS.map(totalOf)));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const step = max <= 10 ? 1 : max <= 25 ? 5 : 10;
  const parts: string[] = [];
  parts.push(svgPatterns());
  for (let v = 0; v <= max; v += step) {
    parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="${v === 0 ? '#111' : '#d0d0d0'}" stroke-width="1"/>`);
    parts.push(`<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="12">${v}</text>`);
  }
  parts.push(`<text x="14" y="${top + plotH / 2}" font-size="12" text-anchor="middle" transform="rotate(-90 14 ${top + plotH / 2})">Số nhiệm vụ</text>`);
  const slot = plotW / 4;
  const barW = 62;
  QUARTERS.forEach((q, i) => {
    const x = left + slot * i + (slot - barW) / 2;
    const dim = quarter && quarter !== q;
    const g: string[] = [];
    let acc = 0;
    for (const s of CHART_ORDER) {
      const n = view.totals.quarters[q].counts[s] ?? 0;
      if (!n) continue;
      const y1 = y(acc + n);
      const h = y(acc) - y1;
      const fill = svgFill(s);
      g.push(`<rect x="${x}" y="${y1.toFixed(1)}" width="${barW}" height="${h.toFixed(1)}" fill="${fill}" stroke="#333" stroke-width="0.8"><title>${esc(`${quarterHead(view, q, 'vi').split('\n')[0]}: ${statusWord('vi', s)} ${n}`)}</title></rect>`);
      if (h >= 13) {
        const dark = s === 'overdue';
        g.push(`<text x="${x + barW / 2}" y="${(y1 + h / 2 + 4).toFixed(1)}" text-anchor="middle" font-size="12" font-weight="bold" fill="${dark ? '#fff' : '#111'}"${PALETTE[s].pattern ? ' paint-order="stroke" stroke="#fff" stroke-width="3"' : ''}>${n}</text>`);
      }
      acc += n;
    }
    if (acc) g.push(`<text x="${x + barW / 2}" y="${(y(acc) - 5).toFixed(1)}" text-anchor="middle" font-size="12">${acc}</text>`);
    const label = `Quý ${ROMAN[i]}`;
    g.push(`<text x="${x + barW / 2}" y="${top + plotH + 18}" text-anchor="middle" font-size="13"${quarter === q ? ' font-weight="bold"' : ''}>${label}</text>`);
    g.push(`<text x="${x + barW / 2}" y="${top + plotH + 34}" text-anchor="middle" font-size="11">${t('vi', 'onTime')}: ${rateText(view.totals.quarters[q].onTimeRate)}</text>`);
    parts.push(`<g${dim ? ' opacity="0.4"' : ''}>${g.join('')}</g>`);
  });
  present.forEach((s, i) => {
    const ly = top + 6 + i * 22;
    const fill = svgFill(s);
    parts.push(`<rect x="${legendX}" y="${ly}" width="22" height="14" fill="${fill}" stroke="#333" stroke-width="0.8"/>`);
    parts.push(`<text x="${legendX + 30}" y="${ly + 11.5}" font-size="13">${esc(statusWord('vi', s))}</text>`);
  });
  const desc = QUARTERS.map((q, i) => {
    const c = view.totals.quarters[q].counts;
    const bits = CHART_ORDER.filter((s) => c[s]).map((s) => `${statusWord('vi', s)} ${c[s]}`);
    return `Quý ${ROMAN[i]}: ${bits.length ? bits.join(', ') : 'không có nhiệm vụ có hạn'}`;
  }).join('; ');
  const title = 'Số nhiệm vụ theo trạng thái trong từng quý';
  return (
    `<figure>\n<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(`${title}. ${desc}.`)}">` +
    `<title>${esc(title)}</title><desc>${esc(desc)}.</desc>\n${parts.join('\n')}\n</svg>\n` +
    `<figcaption>Biểu đồ: ${esc(title.charAt(0).toLowerCase() + title.slice(1))}, tính đến ngày ${formatDayVi(view.asOf)} (không tính ô “—”).</figcaption>\n</figure>\n`
  );
}

function overdueSection(input: ReportInput): string {
  const { plan, state, view } = input;
  const groups = overdueByAgency(state, input.agency);
  if (groups.length === 0) {
    return `<p class="none-overdue">Không có nhiệm vụ nào quá hạn tính đến ngày ${formatDayVi(view.asOf)}.</p>\n`;
  }
  const out: string[] = [];
  out.push(
    input.agency
      ? `<p>Các lần thực hiện đã quá hạn mà cơ quan chủ trì hoặc phối hợp (kể cả qua cơ quan, đơn vị mà nó là thành viên), tính đến ngày ${formatDayVi(view.asOf)}.</p>`
      : `<p>Với mỗi cơ quan được nêu tên trong kế hoạch (chủ trì hoặc phối hợp): các lần thực hiện đã quá hạn tính đến ngày ${formatDayVi(view.asOf)}. Cơ quan không có việc quá hạn không được liệt kê.</p>`,
  );
  for (const g of groups) {
    out.push(`<h3>${esc(g.agency.name)} <span class="note">(${esc(g.agency.id)}) — ${g.items.length} lần quá hạn</span></h3>`);
    const rows = g.items.map((i) => {
      const role = t('vi', `role.${i.role}`);
      const roleText = i.via ? `${role} (${t('vi', 'via')} ${agencyName(plan, i.via)})` : role;
      return (
        `<tr><td class="id">${esc(i.task.id)}</td><td>${esc(shorten(i.task.content))}</td><td>${esc(periodText('vi', i.period))}</td>` +
        `<td class="num">${formatDayVi(i.due)}</td><td class="num late">${i.daysLate} ngày</td><td>${esc(roleText)}</td></tr>`
      );
    });
    out.push(
      `<table class="overdue-table">\n<colgroup><col class="id"><col class="task"><col class="period"><col class="due"><col class="late"><col class="role"></colgroup>\n<thead><tr><th class="id" scope="col">${t('vi', 'id')}</th><th scope="col">${t('vi', 'task')}</th><th scope="col">${t('vi', 'period')}</th>` +
        `<th scope="col">${t('vi', 'due')}</th><th scope="col">Trễ</th><th scope="col">${t('vi', 'role')}</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`,
    );
  }
  return out.join('\n') + '\n';
}

function summary(input: ReportInput): string {
  const { view, state, agency } = input;
  const ids = new Set(view.rows.map((r) => r.id));
  let overdue = 0;
  let soon = 0;
  for (const s of state.tasks) {
    if (!ids.has(s.task.id)) continue;
    for (const o of s.eval.occurrences) {
      if (o.status === 'overdue') overdue++;
      if (o.status === 'due-soon') soon++;
    }
  }
  const items = [
    agency ? `Cơ quan: <strong>${esc(agency.name)}</strong> (${esc(agency.id)}) — các nhiệm vụ cơ quan chủ trì hoặc phối hợp.` : 'Phạm vi: tất cả cơ quan, đơn vị.',
    view.periods === 'reporting'
      ? 'Quý tính theo kỳ báo cáo của Nghị định số 09/2019/NĐ-CP (từ ngày 15 tháng trước quý đến ngày 14 tháng cuối quý).'
      : 'Quý tính theo năm dương lịch.',
    `${view.rows.length} nhiệm vụ; ${overdue} lần thực hiện quá hạn; ${soon} lần sắp đến hạn (trong ${state.within} ngày tới).`,
  ];
  if (input.quarter) items.push(`Báo cáo ${esc(quarterHead(view, input.quarter, 'vi').replace('\n', ', '))}: chỉ cột của quý này và các lần thực hiện có hạn trong quý.`);
  return `<ul class="facts">\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</ul>\n`;
}

export function renderReport(input: ReportInput): string {
  const { plan, view } = input;
  const quarterName = input.quarter ? ` — Quý ${ROMAN[QUARTERS.indexOf(input.quarter)]}/${plan.year}` : '';
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tình hình thực hiện kế hoạch kiểm soát TTHC${esc(quarterName)} — ngày ${formatDayVi(view.asOf)}</title>
<style>${STYLE}${statusCss()}
</style>
</head>
<body>
<main>
<header class="doc-head">
<div class="issuer"><p class="issuer-name">${esc(plan.issuer)}</p><hr class="rule"></div>
<p class="asof">Số liệu tính đến ngày <strong>${formatDayVi(view.asOf)}</strong></p>
</header>
<h1>Báo cáo tình hình thực hiện kế hoạch${esc(quarterName)}</h1>
<p class="plan-title">${esc(plan.title)}</p>
<p class="plan-ref">(${planReference(plan)} của ${esc(plan.issuer)})</p>
${summary(input)}<section id="bang-trang-thai">
<h2>1. Tình hình thực hiện theo quý</h2>
${statusTable(input)}</section>
<section id="bieu-do">
<h2>2. Biểu đồ trạng thái theo quý</h2>
${chart(input)}</section>
<section id="qua-han">
<h2>3. Nhiệm vụ quá hạn theo cơ quan</h2>
${overdueSection(input)}</section>
<footer>Lập bằng tthc từ tệp kế hoạch ${esc(input.source)}, tính đến ngày ${formatDayVi(view.asOf)}. Trạng thái tính theo thời gian thực hiện ghi trong kế hoạch và các lần thực hiện đã ghi nhận.</footer>
</main>
</body>
</html>
`;
}
