// The report as an official document (Nghị định 30/2020/NĐ-CP, appendix I), laid out once from the report data:
// the HTML and the Word renderers both draw this, so that the two say the same and look alike.
import type { Plan } from '../model/model.js';
import { formatDayVi } from '../schedule/index.js';
import type { ReportData, ReportOccurrence } from '../views/report.js';
import { QUARTERS, type Cell, type QuarterKey } from '../views/status.js';
import { periodText, statusWord } from './due.js';
import { shorten } from './ics.js';
import { markupRuns, plainText, type Run } from './markup.js';
import { cellText } from './status.js';

/** What the plan does not say about a report and the clerk may give as options. */
export interface ReportMeta {
  /** The issuing body's superior ("cơ quan chủ quản"), above its name; none for a People's Committee. */
  superior?: string;
  /** The issuing body (default: the plan's issuer). */
  issuer?: string;
  /** The place in the date line (default: read from the issuer's name, "Kon Rẫy"). */
  place?: string;
  /** The number, usually left for the clerk to write on the day it is signed. */
  number?: string;
  /** The day of signing, usually left blank likewise. */
  date?: string;
  symbol?: string;
  recipients?: string[];
  signFor?: string[];
  signer?: string;
  /** The plan file's name, for the note at the end. */
  source: string;
}

export type Tone = 'overdue' | 'due-soon' | 'done' | 'late' | 'plain' | 'muted';

export interface DocCell {
  runs: Run[];
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  tone?: Tone;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'para'; runs: Run[]; note?: boolean }
  | { kind: 'table'; name: string; widths: number[]; head: string[]; rows: DocCell[][] };

export interface ReportDoc {
  superior: string | null;
  /** The issuer's lines, upper case as the decree sets them. */
  issuer: string[];
  nation: string;
  motto: string;
  number: string;
  placeDate: string;
  kind: string;
  summary: string;
  blocks: Block[];
  recipients: string[];
  signFor: string[];
  signer: string;
  footnote: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

const plain = (text: string): Run[] => [{ text, italic: false, bold: false }];
const cell = (text: string, more: Omit<DocCell, 'runs'> = {}): DocCell => ({ runs: plain(text), ...more });

/** Vietnamese upper case, as the decree writes names of bodies (ỦY BAN NHÂN DÂN). */
export function upperVi(s: string): string {
  return s.toLocaleUpperCase('vi');
}

const BODY = /^(ủy ban nhân dân|uỷ ban nhân dân|ubnd|hội đồng nhân dân|hđnd)\s+/iu;
const LEVEL = /^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+/iu;

/** "Ủy ban nhân dân huyện Kon Rẫy" → ["ỦY BAN NHÂN DÂN", "HUYỆN KON RẪY"]: the decree's two lines. */
export function issuerLines(issuer: string): string[] {
  const m = BODY.exec(issuer.trim());
  if (m && !/^ubnd|^hđnd/i.test(m[1]!)) return [upperVi(m[1]!), upperVi(issuer.trim().slice(m[0].length))];
  return [upperVi(issuer.trim())];
}

/** The place of the date line from the issuer's name: "Ủy ban nhân dân huyện Kon Rẫy" → "Kon Rẫy". */
export function placeOf(issuer: string): string {
  const rest = issuer.trim().replace(BODY, '');
  return rest.replace(LEVEL, '') || rest;
}

/** The report's symbol from the plan's: KH-UBND → BC-UBND. */
export function reportSymbol(planSymbol: string | undefined): string {
  const m = /^[A-ZĐ]+-(.+)$/u.exec(planSymbol ?? '');
  return m ? `BC-${m[1]}` : 'BC';
}

export function scopeName(data: ReportData): string {
  const y = data.plan.year;
  const s = data.scope;
  if (s.kind === 'quarter') return `quý ${ROMAN[QUARTERS.indexOf(s.quarter)]} năm ${y}`;
  if (s.kind === 'half') return `6 tháng ${s.half === 1 ? 'đầu' : 'cuối'} năm ${y}`;
  return `năm ${y}`;
}

function rate(r: number | null): string {
  return r === null ? '—' : `${Math.round(r * 100)}%`;
}

function leads(o: ReportOccurrence): string {
  return o.lead.map((a) => a.name).join('; ');
}

/** A task row's cell in the report: continuous tasks as their activity counts, never red (see README). */
function statusCell(c: Cell, continuous: boolean, future: boolean): DocCell {
  if (continuous && (c.status === 'ongoing' || c.status === 'no-record')) {
    return future ? cell('Chưa đến kỳ', { align: 'center', tone: 'muted' }) : cell(`${c.records} hoạt động`, { align: 'center', tone: c.records ? 'plain' : 'muted' });
  }
  const tone: Tone = c.status === 'overdue' ? 'overdue' : c.status === 'due-soon' ? 'due-soon' : c.status === 'done' ? 'done' : c.status === 'late' ? 'late' : c.status === 'none' || c.status === 'scheduled' || c.status === 'waiting' ? 'muted' : 'plain';
  return cell(cellText(c, 'vi'), { align: 'center', tone, bold: c.status === 'overdue' });
}

/** A task's text in the lists, where the same task may come back once per month: its first words (the status table has it whole). */
function brief(content: string): string {
  return shorten(plainText(content), 90);
}

function dayOrDash(d: string | null): string {
  return d ? formatDayVi(d) : '—';
}

export function reportDoc(plan: Plan, data: ReportData, meta: ReportMeta): ReportDoc {
  const issuer = meta.issuer ?? plan.issuer;
  const head = plan.raw.plan;
  const scope = scopeName(data);
  const symbol = meta.symbol ?? reportSymbol(head.symbol);
  const blank = '\u00a0'.repeat(6);
  const date = meta.date
    ? (() => {
        // The decree writes a 0 before days under 10 and before months 1 and 2 only.
        const [y, m, d] = meta.date!.split('-').map(Number) as [number, number, number];
        return `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? `0${m}` : m} năm ${y}`;
      })()
    : `ngày${blank}tháng${blank}năm ${blank}`;
  const planRef = `Kế hoạch số ${head.number?.trim() || '…'}/${head.symbol ?? 'KH'}${head.date ? ` ngày ${formatDayVi(head.date)}` : ''}`;
  const c = data.counts;
  const blocks: Block[] = [];
  const qs = data.quarters;
  const asOf = formatDayVi(data.asOf);

  blocks.push({
    kind: 'para',
    runs: [
      ...plain(`Thực hiện ${planRef} của ${issuer} về `),
      ...markupRuns(plan.title.charAt(0).toLowerCase() + plan.title.slice(1)),
      ...plain(`, ${issuer} báo cáo kết quả thực hiện ${scope}${data.agency ? ` của ${data.agency.name}` : ''} (số liệu tính đến ngày ${asOf}) như sau:`),
    ],
  });

  blocks.push({ kind: 'heading', level: 1, text: 'I. KẾT QUẢ THỰC HIỆN' });
  blocks.push({ kind: 'heading', level: 2, text: '1. Tình hình chung' });
  const continuousNote = data.continuous.length ? ` Ngoài ra, ${data.continuous.length} nhiệm vụ thực hiện thường xuyên được theo dõi theo số hoạt động ghi nhận trong từng quý.` : '';
  blocks.push({
    kind: 'para',
    runs: plain(
      c.due
        ? `Trong ${scope} (đến ngày ${asOf}) có ${c.due} lần thực hiện nhiệm vụ đến hạn: ${c.done} lần hoàn thành đúng hạn, ${c.late} lần hoàn thành muộn, ${c.overdue} lần quá hạn chưa hoàn thành${c.open ? `, ${c.open} lần khác` : ''}. Tỉ lệ hoàn thành đúng hạn: ${rate(c.onTimeRate)}.${continuousNote}`
        : `Trong ${scope} (đến ngày ${asOf}) chưa có lần thực hiện nhiệm vụ nào đến hạn.${continuousNote}`,
    ),
  });

  blocks.push({ kind: 'heading', level: 2, text: '2. Các nhiệm vụ đã hoàn thành' });
  if (data.completed.length) {
    blocks.push({
      kind: 'table',
      name: 'completed',
      widths: [6, 8, 34, 16, 12, 12, 12],
      head: ['STT', 'Mã', 'Nội dung công việc', 'Kỳ', 'Hạn', 'Ngày hoàn thành', 'Văn bản'],
      rows: data.completed.map((o, i) => [
        cell(String(i + 1), { align: 'center' }),
        cell(o.id, { bold: true }),
        cell(brief(o.content)),
        cell(periodText('vi', o.period)),
        cell(dayOrDash(o.due), { align: 'center' }),
        cell(dayOrDash(o.completion) + (o.status === 'late' ? ' (muộn)' : ''), { align: 'center', tone: o.status === 'late' ? 'late' : 'plain' }),
        cell(o.ref ?? ''),
      ]),
    });
  } else {
    blocks.push({ kind: 'para', runs: plain(`Chưa ghi nhận lần hoàn thành nào trong ${scope}.`) });
  }

  blocks.push({ kind: 'heading', level: 2, text: '3. Tình hình thực hiện theo quý' });
  const continuousIds = new Set(data.continuous.map((r) => r.id));
  const widthQ = Math.min(18, Math.floor(60 / qs.length));
  blocks.push({
    kind: 'table',
    name: 'status',
    widths: [9, 100 - 9 - widthQ * qs.length, ...qs.map(() => widthQ)],
    head: ['Mã', 'Nội dung công việc', ...qs.map((q) => `Quý ${ROMAN[QUARTERS.indexOf(q)]}`)],
    rows: data.status.rows.map((r) => {
      const task = plan.taskById.get(r.id);
      return [
        cell(r.id, { bold: true }),
        { runs: markupRuns(task?.content ?? r.title) },
        ...qs.map((q) => statusCell(r.quarters[q], continuousIds.has(r.id), data.status.ranges[q].start > data.asOf)),
      ];
    }),
  });
  blocks.push({
    kind: 'para',
    note: true,
    runs: plain(
      'Mỗi ô là trạng thái của nhiệm vụ trong quý (trạng thái cần chú ý nhất trong các lần có hạn trong quý; “x/y”: số lần đã xong trên số lần đến hạn). ' +
        'Nhiệm vụ thường xuyên ghi số hoạt động đã ghi nhận trong quý.',
    ),
  });

  blocks.push({ kind: 'heading', level: 1, text: 'II. NHIỆM VỤ QUÁ HẠN, SẮP ĐẾN HẠN' });
  blocks.push({ kind: 'heading', level: 2, text: `1. Nhiệm vụ quá hạn (tính đến ngày ${asOf})` });
  if (data.overdue.length) {
    blocks.push({
      kind: 'table',
      name: 'overdue',
      widths: [6, 8, 33, 16, 12, 9, 16],
      head: ['STT', 'Mã', 'Nội dung công việc', 'Kỳ', 'Hạn', 'Trễ (ngày)', 'Cơ quan chủ trì'],
      rows: data.overdue.map((o, i) => [
        cell(String(i + 1), { align: 'center' }),
        cell(o.id, { bold: true }),
        cell(brief(o.content)),
        cell(periodText('vi', o.period)),
        cell(dayOrDash(o.due), { align: 'center' }),
        cell(String(o.daysLate ?? ''), { align: 'center', bold: true, tone: 'overdue' }),
        cell(leads(o)),
      ]),
    });
    const agencies = data.perAgency.filter((a) => a.overdue.length > 0);
    blocks.push({
      kind: 'para',
      runs: plain(
        `Số lần quá hạn theo cơ quan (mỗi cơ quan tính các nhiệm vụ mà cơ quan chủ trì hoặc phối hợp, trực tiếp hoặc qua tập thể mà cơ quan là thành viên):`,
      ),
    });
    blocks.push({
      kind: 'table',
      name: 'agencies',
      widths: [8, 62, 15, 15],
      head: ['STT', 'Cơ quan, đơn vị', 'Quá hạn', 'Sắp đến hạn'],
      rows: agencies.map((a, i) => [cell(String(i + 1), { align: 'center' }), cell(a.agency.name), cell(String(a.overdue.length), { align: 'center' }), cell(String(a.dueSoon.length), { align: 'center' })]),
    });
  } else {
    blocks.push({ kind: 'para', runs: plain(`Không có nhiệm vụ nào quá hạn tính đến ngày ${asOf}.`) });
  }
  if (data.gaps && data.gaps.tasks.length) {
    const q = `quý ${ROMAN[QUARTERS.indexOf(data.gaps.quarter as QuarterKey)]}`;
    blocks.push({ kind: 'heading', level: 2, text: `2. Nhiệm vụ thường xuyên chưa ghi nhận hoạt động trong ${q}` });
    blocks.push({
      kind: 'para',
      runs: plain(`${data.gaps.tasks.join(', ')}: đề nghị các cơ quan chủ trì cập nhật kết quả thực hiện để tổng hợp.`),
    });
  }
  blocks.push({ kind: 'heading', level: 2, text: `${data.gaps && data.gaps.tasks.length ? 3 : 2}. Nhiệm vụ sắp đến hạn (trong ${data.within} ngày tới)` });
  if (data.dueSoon.length) {
    blocks.push({
      kind: 'table',
      name: 'due-soon',
      widths: [6, 8, 38, 16, 12, 20],
      head: ['STT', 'Mã', 'Nội dung công việc', 'Kỳ', 'Hạn', 'Cơ quan chủ trì'],
      rows: data.dueSoon.map((o, i) => [
        cell(String(i + 1), { align: 'center' }),
        cell(o.id, { bold: true }),
        cell(brief(o.content)),
        cell(periodText('vi', o.period)),
        cell(dayOrDash(o.due), { align: 'center', tone: 'due-soon' }),
        cell(leads(o)),
      ]),
    });
  } else {
    blocks.push({ kind: 'para', runs: plain('Không có nhiệm vụ nào sắp đến hạn.') });
  }
  blocks.push({ kind: 'para', runs: plain(`Trên đây là báo cáo kết quả thực hiện công tác kiểm soát thủ tục hành chính ${scope} của ${issuer}./.`) });

  const sig = plan.raw.signature;
  return {
    superior: meta.superior ? upperVi(meta.superior) : null,
    issuer: issuerLines(issuer),
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    number: `Số: ${meta.number ?? '\u00a0'.repeat(8)}/${symbol}`,
    placeDate: `${meta.place ?? placeOf(issuer)}, ${date}`,
    kind: 'BÁO CÁO',
    summary: `Kết quả thực hiện công tác kiểm soát thủ tục hành chính ${scope}`,
    blocks,
    recipients: meta.recipients ?? plan.raw.recipients ?? ['Lưu: VT.'],
    signFor: meta.signFor ?? sig?.for ?? [],
    signer: meta.signer ?? sig?.name ?? '',
    footnote: `Lập bằng tthc từ tệp kế hoạch ${meta.source}, số liệu tính đến ngày ${asOf}.`,
  };
}

