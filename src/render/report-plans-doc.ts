// The summary report across plans as an official document (the same layout as one plan's report, report-doc.ts): a table of counts per plan, then every plan's overdue and due-soon items with the plan named.
import { formatDayVi } from '../schedule/index.js';
import type { PlansReportData, PlansReportItem } from '../views/plans-report.js';
import { QUARTERS } from '../views/status.js';
import { periodText } from './due.js';
import { shorten } from './ics.js';
import { plainText, type Run } from './markup.js';
import { planLabel } from './plans.js';
import { issuerLines, placeOf, upperVi, type Block, type DocCell, type ReportDoc } from './report-doc.js';

/** What the plans do not say about a summary report: the issuing body is the one that sums them up. */
export interface PlansReportMeta {
  issuer: string;
  superior?: string;
  place?: string;
  number?: string;
  date?: string;
  symbol: string;
  recipients?: string[];
  signFor?: string[];
  signer?: string;
  /** The files reported on, as the note at the end names them (a folder, or the files). */
  source: string;
  /** Plans that could not be read, by file: named in the document, since the sums leave them out. */
  leftOut: string[];
}

const ROMAN = ['I', 'II', 'III', 'IV'];

const plain = (text: string): Run[] => [{ text, italic: false, bold: false }];
const cell = (text: string, more: Omit<DocCell, 'runs'> = {}): DocCell => ({ runs: plain(text), ...more });

export function plansScopeName(data: PlansReportData): string {
  const s = data.scope;
  if (s.kind === 'quarter') return `quý ${ROMAN[QUARTERS.indexOf(s.quarter)]} năm ${data.year}`;
  if (s.kind === 'half') return `6 tháng ${s.half === 1 ? 'đầu' : 'cuối'} năm ${data.year}`;
  return `năm ${data.year}`;
}

function rate(r: number | null): string {
  return r === null ? '—' : `${Math.round(r * 100)}%`;
}

function leads(o: PlansReportItem): string {
  return o.lead.map((a) => a.name).join('; ');
}

function dayOrDash(d: string | null): string {
  return d ? formatDayVi(d) : '—';
}

export function plansReportDoc(data: PlansReportData, meta: PlansReportMeta): ReportDoc {
  const scope = plansScopeName(data);
  const asOf = formatDayVi(data.asOf);
  const n = data.rows.length;
  const blank = '\u00a0'.repeat(6);
  const date = meta.date
    ? (() => {
        const [y, m, d] = meta.date!.split('-').map(Number) as [number, number, number];
        return `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? `0${m}` : m} năm ${y}`;
      })()
    : `ngày${blank}tháng${blank}năm ${blank}`;
  const who = data.agency ? ` đối với ${data.agency.name}` : '';
  const t = data.total;
  const blocks: Block[] = [];

  blocks.push({
    kind: 'para',
    runs: plain(`${meta.issuer} tổng hợp kết quả thực hiện kế hoạch kiểm soát thủ tục hành chính ${scope} của ${n} cơ quan, đơn vị${who} (số liệu tính đến ngày ${asOf}) như sau:`),
  });
  blocks.push({ kind: 'heading', level: 1, text: 'I. KẾT QUẢ THỰC HIỆN' });
  blocks.push({ kind: 'heading', level: 2, text: '1. Tình hình chung' });
  const withOverdue = data.rows.filter((r) => r.counts.overdue > 0).length;
  blocks.push({
    kind: 'para',
    runs: plain(
      t.due
        ? `Trong ${scope} (đến ngày ${asOf}), ${n} kế hoạch có ${t.due} lần thực hiện nhiệm vụ đến hạn: ${t.done} lần hoàn thành đúng hạn, ${t.late} lần hoàn thành muộn, ${t.overdue} lần quá hạn chưa hoàn thành${t.open ? `, ${t.open} lần khác` : ''}. Tỉ lệ hoàn thành đúng hạn: ${rate(t.onTimeRate)}. ${withOverdue ? `${withOverdue}/${n} kế hoạch có nhiệm vụ quá hạn.` : 'Không kế hoạch nào có nhiệm vụ quá hạn.'}`
        : `Trong ${scope} (đến ngày ${asOf}), ${n} kế hoạch chưa có lần thực hiện nhiệm vụ nào đến hạn.`,
    ),
  });
  if (meta.leftOut.length) {
    blocks.push({ kind: 'para', runs: plain(`Chưa tổng hợp ${meta.leftOut.length} kế hoạch do tệp có lỗi: ${meta.leftOut.join(', ')}.`) });
  }
  blocks.push({ kind: 'heading', level: 2, text: '2. Kết quả theo từng kế hoạch' });
  blocks.push({
    kind: 'table',
    name: 'plans',
    widths: [6, 38, 9, 9, 8, 9, 11, 10],
    head: ['STT', 'Kế hoạch', 'Đến hạn', 'Đúng hạn', 'Muộn', 'Quá hạn', 'Tỉ lệ đúng hạn', 'Sắp đến hạn'],
    rows: [
      ...data.rows.map((r, i) => [
        cell(String(i + 1), { align: 'center' }),
        cell(planLabel(r.plan)),
        cell(String(r.counts.due), { align: 'center' }),
        cell(String(r.counts.done), { align: 'center', tone: r.counts.done ? 'done' : 'plain' }),
        cell(String(r.counts.late), { align: 'center', tone: r.counts.late ? 'late' : 'plain' }),
        cell(String(r.counts.overdue), { align: 'center', bold: r.counts.overdue > 0, tone: r.counts.overdue ? 'overdue' : 'plain' }),
        cell(rate(r.counts.onTimeRate), { align: 'center' }),
        cell(String(r.dueSoon), { align: 'center', tone: r.dueSoon ? 'due-soon' : 'plain' }),
      ]),
      [
        cell(''),
        cell('Tổng cộng', { bold: true }),
        ...[t.due, t.done, t.late, t.overdue].map((v) => cell(String(v), { align: 'center', bold: true })),
        cell(rate(t.onTimeRate), { align: 'center', bold: true }),
        cell(String(t.dueSoon), { align: 'center', bold: true }),
      ],
    ],
  });
  blocks.push({
    kind: 'para',
    note: true,
    runs: plain('Mỗi kế hoạch tính các lần thực hiện nhiệm vụ có hạn trong kỳ báo cáo, đến ngày lấy số liệu; tỉ lệ đúng hạn = số lần đúng hạn / (đúng hạn + muộn + quá hạn).'),
  });

  blocks.push({ kind: 'heading', level: 1, text: 'II. NHIỆM VỤ QUÁ HẠN, SẮP ĐẾN HẠN' });
  blocks.push({ kind: 'heading', level: 2, text: `1. Nhiệm vụ quá hạn (tính đến ngày ${asOf})` });
  if (data.overdue.length) {
    blocks.push({
      kind: 'table',
      name: 'overdue',
      widths: [5, 15, 6, 26, 10, 11, 7, 20],
      head: ['STT', 'Kế hoạch', 'Mã', 'Nội dung công việc', 'Kỳ', 'Hạn', 'Trễ (ngày)', 'Cơ quan chủ trì'],
      rows: data.overdue.map((o, i) => [
        cell(String(i + 1), { align: 'center' }),
        cell(planLabel(o.plan)),
        cell(o.id, { bold: true }),
        cell(shorten(plainText(o.content), 90)),
        cell(periodText('vi', o.period)),
        cell(dayOrDash(o.due), { align: 'center' }),
        cell(String(o.daysLate ?? ''), { align: 'center', bold: true, tone: 'overdue' }),
        cell(leads(o)),
      ]),
    });
  } else {
    blocks.push({ kind: 'para', runs: plain(`Không có nhiệm vụ nào quá hạn tính đến ngày ${asOf}.`) });
  }
  let k = 2;
  const gaps = data.rows.filter((r) => r.gaps.length);
  if (gaps.length && data.gapQuarter) {
    blocks.push({ kind: 'heading', level: 2, text: `${k++}. Nhiệm vụ thường xuyên chưa ghi nhận hoạt động trong quý ${ROMAN[QUARTERS.indexOf(data.gapQuarter)]}` });
    for (const r of gaps) blocks.push({ kind: 'para', runs: plain(`${planLabel(r.plan)}: ${r.gaps.join(', ')}.`) });
  }
  blocks.push({ kind: 'heading', level: 2, text: `${k}. Nhiệm vụ sắp đến hạn (trong ${data.within} ngày tới)` });
  if (data.dueSoon.length) {
    blocks.push({
      kind: 'table',
      name: 'due-soon',
      widths: [5, 17, 6, 30, 10, 11, 21],
      head: ['STT', 'Kế hoạch', 'Mã', 'Nội dung công việc', 'Kỳ', 'Hạn', 'Cơ quan chủ trì'],
      rows: data.dueSoon.map((o, i) => [
        cell(String(i + 1), { align: 'center' }),
        cell(planLabel(o.plan)),
        cell(o.id, { bold: true }),
        cell(shorten(plainText(o.content), 90)),
        cell(periodText('vi', o.period)),
        cell(dayOrDash(o.due), { align: 'center', tone: 'due-soon' }),
        cell(leads(o)),
      ]),
    });
  } else {
    blocks.push({ kind: 'para', runs: plain('Không có nhiệm vụ nào sắp đến hạn.') });
  }
  blocks.push({ kind: 'para', runs: plain(`Trên đây là báo cáo tổng hợp kết quả thực hiện công tác kiểm soát thủ tục hành chính ${scope} của ${meta.issuer}./.`) });

  return {
    superior: meta.superior ? upperVi(meta.superior) : null,
    issuer: issuerLines(meta.issuer),
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    number: `Số: ${meta.number ?? '\u00a0'.repeat(8)}/${meta.symbol}`,
    placeDate: `${meta.place ?? placeOf(meta.issuer)}, ${date}`,
    kind: 'BÁO CÁO',
    summary: `Tổng hợp kết quả thực hiện công tác kiểm soát thủ tục hành chính ${scope}`,
    blocks,
    recipients: meta.recipients ?? ['Lưu: VT.'],
    signFor: meta.signFor ?? [],
    signer: meta.signer ?? '',
    footnote: `Lập bằng tthc từ ${n} tệp kế hoạch (${meta.source}), số liệu tính đến ngày ${asOf}.`,
  };
}
