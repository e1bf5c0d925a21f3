// Excel workbooks of the due list, the quarterly status and the tasks: typed date cells, Vietnamese headers, a frozen
// header row, filters and widths that fit. Loaded only when --format xlsx is asked for (exceljs is large).
import ExcelJS from 'exceljs';
import type { Plan, Task } from '../model/model.js';
import type { DueView } from '../views/due.js';
import type { PlanState } from '../views/evaluate.js';
import { refOf } from '../views/report.js';
import { QUARTERS, type StatusView } from '../views/status.js';
import { periodText, statusWord } from './due.js';
import { t } from './i18n.js';
import { plainText } from './markup.js';
import { cellText, quarterHead } from './status.js';
import { agencyNames } from '../model/agencies.js';

type Kind = 'text' | 'long' | 'date' | 'number';

interface Col {
  head: string;
  kind: Kind;
}

type Value = string | number | null;

/** Excel counts days in local "wall" time; a Date at UTC midnight is the day itself, whatever TZ the program runs in. */
function excelDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

/** Characters, roughly, that a column needs: the widest value, within bounds (long texts wrap at 60). */
function widthOf(col: Col, values: Value[]): number {
  if (col.kind === 'date') return Math.max(12, col.head.length + 2);
  const widest = Math.max(col.head.length, ...values.map((v) => (v === null ? 0 : String(v).length)));
  return Math.min(col.kind === 'long' ? 60 : 40, Math.max(6, widest + 2));
}

function addSheet(wb: ExcelJS.Workbook, name: string, cols: Col[], rows: Value[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }] });
  ws.columns = cols.map((c, i) => ({ header: c.head, width: widthOf(c, rows.map((r) => r[i] ?? null)) }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  head.eachCell((cell) => {
    cell.fill = HEAD_FILL;
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  for (const r of rows) {
    const row = ws.addRow(r.map((v, i) => (v !== null && cols[i]!.kind === 'date' ? excelDay(String(v)) : v)));
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.kind === 'date') cell.numFmt = 'dd/mm/yyyy';
      cell.alignment = { vertical: 'top', wrapText: c.kind === 'long' };
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  return ws;
}

/** Every record of the tasks: the day it was done (or the event happened), its period and document. */
function recordsSheet(wb: ExcelJS.Workbook, tasks: Task[]): void {
  const rows: Value[][] = [];
  for (const task of tasks) for (const r of task.records) rows.push([task.id, r.period ? periodText('vi', r.period) : '', r.done ?? null, r.trigger ?? null, r.ref ?? '', r.note ?? '']);
  addSheet(
    wb,
    'Ghi nhận',
    [
      { head: 'Mã', kind: 'text' },
      { head: 'Kỳ', kind: 'text' },
      { head: 'Ngày hoàn thành', kind: 'date' },
      { head: 'Ngày phát sinh', kind: 'date' },
      { head: 'Văn bản', kind: 'text' },
      { head: 'Ghi chú', kind: 'long' },
    ],
    rows,
  );
}

function workbook(asOf: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tthc';
  // The day the figures are for, not the clock: the same question gives the same workbook.
  wb.created = excelDay(asOf);
  wb.modified = excelDay(asOf);
  return wb;
}

async function bytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** `tthc due --format xlsx`: the list (every occurrence with --all), with completion days and documents. */
export async function dueXlsx(plan: Plan, view: DueView): Promise<Uint8Array> {
  const wb = workbook(view.asOf);
  const withRole = view.agency !== null;
  const cols: Col[] = [
    { head: t('vi', 'id'), kind: 'text' },
    { head: t('vi', 'content'), kind: 'long' },
    { head: t('vi', 'period'), kind: 'text' },
    { head: t('vi', 'start'), kind: 'date' },
    { head: t('vi', 'due'), kind: 'date' },
    { head: t('vi', 'status'), kind: 'text' },
    { head: 'Số ngày trễ', kind: 'number' },
    { head: 'Ngày hoàn thành', kind: 'date' },
    { head: 'Văn bản', kind: 'text' },
    { head: t('vi', 'lead'), kind: 'long' },
    { head: t('vi', 'support'), kind: 'long' },
    ...(withRole ? [{ head: t('vi', 'role'), kind: 'text' as const }] : []),
  ];
  const rows = view.items.map((i) => {
    const task = plan.taskById.get(i.id);
    const late = i.daysLate !== null && (i.status === 'overdue' || i.status === 'late') ? i.daysLate : null;
    const row: Value[] = [
      i.id,
      plainText(i.title),
      periodText('vi', i.period),
      i.start,
      i.due,
      statusWord('vi', i.status),
      late,
      i.completed,
      task ? (refOf(task, i.period, i.completed) ?? '') : '',
      agencyNames(plan, i.lead),
      agencyNames(plan, i.support),
    ];
    if (withRole) row.push(i.role ? `${t('vi', `role.${i.role}`)}${i.via ? ` (${t('vi', 'via')} ${plan.agencies.get(i.via)?.name ?? i.via})` : ''}` : '');
    return row;
  });
  addSheet(wb, view.all ? 'Tất cả' : 'Quá hạn, sắp đến hạn', cols, rows);
  const ids = new Set(view.items.map((i) => i.id));
  recordsSheet(wb, plan.tasks.filter((x) => ids.has(x.id)));
  return bytes(wb);
}

/** `tthc status --format xlsx`: the quarterly table, the occurrences behind its cells, and the records. */
export async function statusXlsx(plan: Plan, view: StatusView): Promise<Uint8Array> {
  const wb = workbook(view.asOf);
  const first = view.by === 'task' ? t('vi', 'id') : view.by === 'agency' ? t('vi', 'agency') : t('vi', 'section');
  addSheet(
    wb,
    'Trạng thái theo quý',
    [{ head: first, kind: 'text' }, { head: view.by === 'task' ? t('vi', 'content') : t('vi', 'name'), kind: 'long' }, ...QUARTERS.map((q) => ({ head: quarterHead(view, q, 'vi').replace('\n', ' '), kind: 'text' as const }))],
    view.rows.map((r) => [r.id, plainText(r.title), ...QUARTERS.map((q) => cellText(r.quarters[q], 'vi'))]),
  );
  const occ: Value[][] = [];
  const seen = new Set<string>();
  for (const r of view.rows) {
    for (const q of QUARTERS) {
      for (const o of r.quarters[q].occurrences) {
        const key = `${o.id} ${o.period ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const task = plan.taskById.get(o.id);
        occ.push([o.id, periodText('vi', o.period), o.due, statusWord('vi', o.status), o.completion, task ? (refOf(task, o.period, o.completion) ?? '') : '']);
      }
    }
  }
  addSheet(
    wb,
    'Các lần thực hiện',
    [
      { head: t('vi', 'id'), kind: 'text' },
      { head: t('vi', 'period'), kind: 'text' },
      { head: t('vi', 'due'), kind: 'date' },
      { head: t('vi', 'status'), kind: 'text' },
      { head: 'Ngày hoàn thành', kind: 'date' },
      { head: 'Văn bản', kind: 'text' },
    ],
    occ,
  );
  const ids = new Set(occ.map((r) => String(r[0])));
  recordsSheet(wb, plan.tasks.filter((x) => ids.has(x.id) || (view.by === 'task' && view.rows.some((r) => r.id === x.id))));
  return bytes(wb);
}

/** `tthc show --format xlsx`: the tasks in full, their occurrences as of the day, and their records. */
export async function showXlsx(plan: Plan, tasks: Task[], state: PlanState): Promise<Uint8Array> {
  const wb = workbook(state.asOf);
  addSheet(
    wb,
    'Nhiệm vụ',
    [
      { head: t('vi', 'section'), kind: 'text' },
      { head: t('vi', 'id'), kind: 'text' },
      { head: t('vi', 'content'), kind: 'long' },
      { head: t('vi', 'lead'), kind: 'long' },
      { head: t('vi', 'support'), kind: 'long' },
      { head: t('vi', 'output'), kind: 'long' },
      { head: t('vi', 'when'), kind: 'text' },
      { head: t('vi', 'status'), kind: 'text' },
    ],
    tasks.map((x) => {
      const ev = state.byId.get(x.id)?.eval;
      return [x.section, x.id, plainText(x.content), agencyNames(plan, x.lead), agencyNames(plan, x.support), plainText(x.output), x.when, ev?.status ? statusWord('vi', ev.status) : ''];
    }),
  );
  const occ: Value[][] = [];
  for (const x of tasks) {
    for (const o of state.byId.get(x.id)?.eval.occurrences ?? []) {
      occ.push([x.id, periodText('vi', o.period), o.start, o.due, statusWord('vi', o.status), o.completion, refOf(x, o.period, o.completion) ?? '']);
    }
  }
  addSheet(
    wb,
    'Các lần thực hiện',
    [
      { head: t('vi', 'id'), kind: 'text' },
      { head: t('vi', 'period'), kind: 'text' },
      { head: t('vi', 'start'), kind: 'date' },
      { head: t('vi', 'due'), kind: 'date' },
      { head: t('vi', 'status'), kind: 'text' },
      { head: 'Ngày hoàn thành', kind: 'date' },
      { head: 'Văn bản', kind: 'text' },
    ],
    occ,
  );
  recordsSheet(wb, tasks);
  return bytes(wb);
}
