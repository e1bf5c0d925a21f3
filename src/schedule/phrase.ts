// Reads a task's timeline phrase ("Thời gian thực hiện") into schedule parts, by the small grammar of docs/semantics.md.
//
// This is a grammar rather than a table of known phrases because every office words its plan a
// little differently each year; the forms below are the ones the contract promises to understand.

import {
  type Day,
  type DayRange,
  type Half,
  type Quarter,
  addDays,
  dayParts,
  halfRange,
  isValidYmd,
  makeDay,
  monthRange,
  quarterRange,
  yearRange,
} from './day.js';
import { fm, type FindingText } from '../messages/findings.js';

interface PartBase {
  /** The normalized piece of the phrase this part was read from; '' when only the explicit schedule gave it. */
  text: string;
}

/** `Trước ngày D` (exclusive: due the day before) or `Chậm nhất ngày D` and kin (inclusive). */
export interface DeadlinePart extends PartBase {
  kind: 'deadline';
  /** The date as written. */
  date: Day;
  exclusive: boolean;
  /** The last on-time day: `date`, or the day before it when exclusive, or the explicit schedule's `due`. */
  due: Day;
  /** The window start; null means the plan start. */
  start: Day | null;
}

export interface MonthPart extends PartBase {
  kind: 'month';
  /** null where the phrase gives no year: the plan period decides. */
  year: number | null;
  month: number;
  /** An explicit due day that replaces the month end. */
  due: Day | null;
}

export interface QuarterPart extends PartBase {
  kind: 'quarter';
  year: number | null;
  quarter: Quarter;
  due: Day | null;
}

export interface HalfYearPart extends PartBase {
  kind: 'half-year';
  year: number | null;
  half: Half;
  due: Day | null;
}

export interface YearPart extends PartBase {
  kind: 'year';
  /** null for `Cả năm`, `Cuối năm`, `Trong năm`: the whole plan period. */
  year: number | null;
  due: Day | null;
}

export type RecurringKind = 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';

export interface RecurringPart extends PartBase {
  kind: RecurringKind;
  /** Due on day N of each period's last month (clamped to the month's length); null: the period's last day. */
  day: number | null;
}

export interface ContinuousPart extends PartBase {
  kind: 'continuous';
}

export interface EventPart extends PartBase {
  kind: 'event';
  /** The phrase says the task follows another task ("Sau khi kết thúc kiểm tra …"). */
  followsTask: boolean;
  /** The id of the task it follows, from the explicit schedule. */
  follows: string | null;
  /** Due this many days after the trigger; null: open-ended. */
  after: number | null;
}

/** `đột xuất (khi có yêu cầu)`: done on request, so there is nothing to schedule. */
export interface AdhocPart extends PartBase {
  kind: 'adhoc';
}

export type SingleDatedPart = DeadlinePart | MonthPart | QuarterPart | HalfYearPart | YearPart;
export type Part = SingleDatedPart | RecurringPart | ContinuousPart | EventPart | AdhocPart;
export type PartKind = Part['kind'];

export const SINGLE_KINDS: readonly SingleDatedPart['kind'][] = ['deadline', 'month', 'quarter', 'half-year', 'year'];
export const RECURRING_KINDS: readonly RecurringKind[] = ['monthly', 'quarterly', 'half-yearly', 'yearly'];

export function isSingleDated(p: Part): p is SingleDatedPart {
  return (SINGLE_KINDS as readonly string[]).includes(p.kind);
}

export function isRecurring(p: Part): p is RecurringPart {
  return (RECURRING_KINDS as readonly string[]).includes(p.kind);
}

export type WhenParse =
  | { ok: true; parts: Part[] }
  | {
      ok: false;
      /** `unknown-form`: fits no form; `invalid-date`: fits a form but names a day that does not exist. */
      reason: 'unknown-form' | 'invalid-date';
      /** A sentence of the findings catalogue; the caller says it in the run's language. */
      message: FindingText;
      /** The known forms, as a person would write them. */
      forms: string[];
      /** The piece of the phrase that failed (normalized). */
      part: string;
    };

/** The forms `parseWhen` understands, for messages and documentation. */
export const KNOWN_FORMS: readonly string[] = [
  'Trước ngày D/M/YYYY (or D/M: the plan year)',
  'Chậm nhất (vào) ngày D/M/YYYY',
  'YYYY-YYYY, Giai đoạn YYYY-YYYY, Quý IV/YYYY - Quý II/YYYY (a span)',
  'Đến năm YYYY, Trước quý III/YYYY',
  'Từ năm YYYY (a start only)',
  'Đến ngày D/M/YYYY',
  'Trong ngày D/M/YYYY',
  'Tháng M/YYYY',
  'Quý I–IV/YYYY (or Quý 1–4 năm YYYY)',
  '6 tháng đầu năm YYYY / 6 tháng cuối năm YYYY',
  'Năm YYYY, YYYY, Cả năm, Cuối năm YYYY',
  'Hàng tháng, Trước ngày 20 hằng tháng',
  'Hàng quý, Chậm nhất ngày 20 tháng cuối quý',
  '6 tháng, Định kỳ 6 tháng',
  'Hàng năm',
  'Thường xuyên',
  'Sau khi …, Khi có …, Theo văn bản/Quyết định/Kế hoạch … (an event)',
  'Đột xuất (khi có yêu cầu)',
];

const FORMS_SUMMARY = fm('when.forms');

/** Leading words that do not change the meaning; stripped repeatedly, longest first. */
const LEADING_WORDS = ['hoàn thành', 'triển khai thực hiện', 'triển khai', 'thực hiện', 'trong', 'giai đoạn'];
const TRAILING_PUNCT_CHARS = new Set('.,;:!?…/-–—');

/**
 * `s` without trailing spaces and punctuation. A loop from the end, not `/[…]+$/`: that expression, tried at each
 * position of a long run of "- - - …" not at the end, is quadratic (a 40 KB phrase took twelve seconds).
 */
function trimTrailingPunct(s: string): string {
  let end = s.length;
  while (end > 0 && (TRAILING_PUNCT_CHARS.has(s[end - 1]!) || /\s/u.test(s[end - 1]!))) end--;
  return s.slice(0, end);
}
const LEADING_PUNCT = /^[\s\-–—•*+]+/u;

/**
 * NFC, lower case, one space between words, "hằng" read as "hàng", no trailing punctuation.
 * Leading filler words are left for `stripLeading`, which also runs on each part of a compound.
 */
export function normalizePhrase(phrase: string): string {
  let s = phrase.normalize('NFC').toLowerCase();
  s = s.replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ');
  // Both spellings are standard Vietnamese for "every"; some texts also write "qúy" for "quý".
  s = s.replace(/(^|[^\p{L}])hằng(?=$|[^\p{L}])/gu, '$1hàng');
  s = s.replace(/(^|[^\p{L}])(?:qúy|quí)(?=$|[^\p{L}])/gu, '$1quý');
  // "(trước ngày 15/12)": a parenthesis adds a part, as a comma does.
  s = s.replace(/\s*\(\s*/gu, ', ').replace(/\s*\)\s*/gu, ', ');
  s = s.replace(/(^|[^\p{L}])định kì(?=$|[^\p{L}])/gu, '$1định kỳ');
  s = s.replace(/\s*\/\s*/gu, '/');
  return trimTrailingPunct(s.replace(LEADING_PUNCT, '')).trim();
}

function stripLeading(s: string): string {
  let out = s.replace(LEADING_PUNCT, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of LEADING_WORDS) {
      if (out.startsWith(w + ' ')) {
        out = out.slice(w.length + 1).trimStart();
        changed = true;
        break;
      }
    }
  }
  return trimTrailingPunct(out).trim();
}

// ---------------------------------------------------------------------------------------------
// Events and ad-hoc parts swallow the rest of the phrase: their text is prose ("Khi có phản ánh,
// kiến nghị của cá nhân, tổ chức và doanh nghiệp …", "Theo Quyết định số … ngày 15/9/2022 …; Kế
// hoạch số …") whose commas, "và" and dates are not schedule structure.

const EVENT_START = /^(?:ngay )?(?:sau khi|khi|ngay khi)(?: |$)/u;
/** `Theo …` is an event when it names a document, an instruction or an issuer; "Theo quy định" alone says nothing about time. */
const THEO_EVENT =
  /^theo (?:.* )?(?:văn bản|quyết định|kế hoạch|công văn|hướng dẫn|chỉ đạo|yêu cầu|thông báo|đề nghị|nghị quyết|nghị định|thông tư|chỉ thị|lịch|tiến độ|của)(?: |$)/u;
/** `Triển khai … theo/sau khi có văn bản …`: the leading verb phrase may carry an object before the event. */
const TRIEN_KHAI_EVENT = /^triển khai (?:.* )?(?:theo|sau khi|khi có) /u;
/** "Sau khi kết thúc kiểm tra": the trigger is the end of another task of the plan, not an outside document. */
const FOLLOWS_TASK = /^(?:ngay )?sau khi (?:kết thúc|hoàn thành|hoàn tất|xong|có kết quả|thực hiện|tổ chức)(?: |$)/u;
const ADHOC_START = /^đột xuất(?: |$)/u;

/** Whether the part starting at `segment` opens an event or an ad-hoc part; if so, that part is all of `rest`. */
function eventOrAdhoc(segment: string, rest: string): Part | null {
  const head = stripLeading(segment);
  const text = stripLeading(rest);
  if (ADHOC_START.test(head)) return { kind: 'adhoc', text };
  if (EVENT_START.test(head) || THEO_EVENT.test(head) || TRIEN_KHAI_EVENT.test(segment.replace(LEADING_PUNCT, ''))) {
    return { kind: 'event', text, followsTask: FOLLOWS_TASK.test(head), follows: null, after: null };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Dated and recurring forms, one part at a time.

type Recognised = { part: Part } | { badDate: string } | null;

/** What a phrase is read against: the plan period gives the year of a date written without one ("Trước ngày 15/12"). */
export interface PhraseContext {
  period?: DayRange;
}

const DATE_SHORT = String.raw`(\d{1,2})/(\d{1,2})/(\d{4})`;
const DATE_LONG = String.raw`(\d{1,2}) tháng (\d{1,2}) năm (\d{4})`;
/** `[keyword] [ngày] D/M/YYYY` or `[keyword] ngày D tháng M năm YYYY`. */
const DEADLINE_RE = new RegExp(
  String.raw`^(trước|chậm nhất(?: là)?(?: vào)?|đến(?: hết)?|hạn chót|)\s*(?:(?:ngày )?${DATE_SHORT}|ngày ${DATE_LONG})$`,
  'u',
);
/** `Trước ngày 15/12`, `Chậm nhất ngày 15 tháng 12`: a day of the plan year. */
const DEADLINE_YEARLESS_RE = /^(trước|chậm nhất(?: là)?(?: vào)?|đến(?: hết)?|hạn chót|)\s*(?:ngày )?(\d{1,2})(?:\/| tháng )(\d{1,2})$/u;
/** `Trước ngày 20 hằng tháng`, `Chậm nhất ngày 20 tháng cuối quý`, `trước ngày 20` after a recurring part. */
const RECURRING_DAY_RE =
  /^(trước|chậm nhất(?: là)?(?: vào)?|đến(?: hết)?|hạn chót|)\s*(?:ngày )?(\d{1,2})(?: (?:của )?(hàng tháng|tháng cuối quý|tháng cuối kỳ|tháng cuối năm|tháng 12 hàng năm))?$/u;
const MONTH_RE = /^tháng (\d{1,2})(?:(?:\/|-| năm )(\d{4}))?$/u;
const QUARTER_RE = /^quý (iv|iii|ii|i|[1-4])(?:(?:\/|-| năm | )(\d{4}))?$/u;
const HALF_RE = /^(?:6|06|sáu) tháng (đầu|cuối)(?: năm)?(?: (\d{4}))?$/u;
const YEAR_RE = /^(?:(?:(?:cả|cuối) )?năm(?: (\d{4}))?|(\d{4}))$/u;
const RECURRING_RE = /^(?:(?:định kỳ|hàng|mỗi|định kỳ hàng|định kỳ mỗi) )(tháng|quý|(?:6|06|sáu) tháng|năm)(?: ?(?:\/ ?lần|một lần|1 lần))?$/u;
const HALF_YEARLY_BARE = /^(?:6|06|sáu) tháng(?: ?(?:\/ ?lần|một lần|1 lần))?$/u;
/** After a recurring part, a bare unit repeats the "hàng": "Hàng quý, năm" is quarterly and yearly. */
const BARE_UNIT_RE = /^(tháng|quý|năm)$/u;
/** "Năm 2026 và các năm tiếp theo": every year of the period. */
const NEXT_YEARS_RE = /^(?:các|những) năm (?:tiếp theo|sau)$/u;
const CONTINUOUS_RE = /^(?:thường xuyên|liên tục)(?: (?:và )?liên tục)?$/u;
/** "Bắt đầu triển khai từ năm 2026", "Từ năm 2026": a start and no end. */
const START_ONLY_RE = /^(?:bắt đầu (?:(?:triển khai|thực hiện) )?)?(?:kể )?từ (.+)$/u;
/** Where a span's two ends meet: "2026-2030", "Quý IV/2025 - Quý II/2026", "từ tháng 3 đến tháng 6/2026". */
const SPAN_JOIN = /\s*[-–—]\s*|\s+(?:đến(?: hết)?|tới)\s+/gu;
/** "Đến năm 2030", "Trước quý III/2026": a deadline at a period's end (inclusive) or before its start. */
const BY_PERIOD_RE = /^(trước|chậm nhất(?: là)?(?: vào)?|đến(?: hết)?|hạn chót)\s+(.+)$/u;

const ROMAN: Record<string, Quarter> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function unitToRecurring(unit: string): RecurringKind {
  if (unit === 'tháng') return 'monthly';
  if (unit === 'quý') return 'quarterly';
  if (unit === 'năm') return 'yearly';
  return 'half-yearly';
}

/** null when the phrase gives no year; undefined when it gives one no calendar has (year 0). */
function optionalYear(digits: string | undefined): number | null | undefined {
  if (digits === undefined) return null;
  const year = Number(digits);
  return isValidYmd(year, 1, 1) && year >= 1900 && year <= 2200 ? year : undefined;
}

const isExclusive = (word: string | undefined): boolean => word === 'trước';

/** The year of a day written without one: the first year of the plan period in which that day falls inside it. */
function yearOfDay(month: number, day: number, period: DayRange): number {
  const first = dayParts(period.start).year;
  const last = dayParts(period.end).year;
  for (let y = first; y <= last; y++) if (isValidYmd(y, month, day) && makeDay(y, month, day) >= period.start) return y;
  return first;
}

/** The days a month, quarter, half-year or year part covers, with `year` standing in where it names none. */
function rangeOf(part: SingleDatedPart, year: number): DayRange {
  switch (part.kind) {
    case 'deadline':
      return { start: part.start ?? part.due, end: part.due };
    case 'month':
      return monthRange(part.year ?? year, part.month);
    case 'quarter':
      return quarterRange(part.year ?? year, part.quarter);
    case 'half-year':
      return halfRange(part.year ?? year, part.half);
    case 'year':
      return yearRange(part.year ?? year);
  }
}

function yearOf(part: SingleDatedPart): number | null {
  return part.kind === 'deadline' ? dayParts(part.due).year : part.year;
}

function deadline(text: string, date: Day, exclusive: boolean, start: Day | null = null): DeadlinePart {
  return { kind: 'deadline', text, date, exclusive, due: exclusive ? addDays(date, -1) : date, start };
}

/**
 * A span: two dated ends joined by "-" or "đến" ("2026-2030", "Quý IV/2025 - Quý II/2026"). It is read as
 * a deadline at the end of the later one with its window from the start of the earlier one; an end
 * without a year takes the other end's.
 */
function recogniseSpan(text: string, ctx: PhraseContext): Recognised {
  const body = text.replace(/^(?:kể )?từ /u, '');
  for (const m of body.matchAll(SPAN_JOIN)) {
    const left = body.slice(0, m.index);
    const right = body.slice(m.index + m[0].length);
    if (left === '' || right === '') continue;
    const a = recogniseOne(left, undefined, ctx);
    const b = recogniseOne(right, undefined, ctx);
    if (!a || !b || 'badDate' in a || 'badDate' in b || !isSingleDated(a.part) || !isSingleDated(b.part)) continue;
    const ya = yearOf(a.part);
    const yb = yearOf(b.part);
    if (ya === null && yb === null) continue;
    let from = rangeOf(a.part, ya ?? yb!);
    const to = rangeOf(b.part, yb ?? ya!);
    // "Tháng 11 - tháng 3/2026" runs over the turn of the year.
    if (ya === null && from.start > to.end) from = rangeOf(a.part, (yb ?? 0) - 1);
    if (from.start > to.end) return { badDate: text };
    return { part: deadline(text, to.end, false, from.start) };
  }
  return null;
}

function recogniseOne(text: string, previous: Part | undefined, ctx: PhraseContext): Recognised {
  let m = DEADLINE_RE.exec(text);
  if (m) {
    const [d, mo, y] = m[2] !== undefined ? [m[2], m[3], m[4]] : [m[5], m[6], m[7]];
    const day = Number(d);
    const month = Number(mo);
    const year = Number(y);
    if (!isValidYmd(year, month, day)) return { badDate: `${day}/${month}/${year}` };
    const date = makeDay(year, month, day);
    // "Trước ngày 10/3/2023 và 10/9/2023": a bare date after an exclusive deadline is "before" too, as it is read.
    const exclusive = isExclusive(m[1]) || (!m[1] && previous?.kind === 'deadline' && previous.exclusive);
    return { part: deadline(text, date, exclusive) };
  }
  m = RECURRING_DAY_RE.exec(text);
  if (m && (m[3] !== undefined || (previous !== undefined && isRecurring(previous)))) {
    const n = Number(m[2]);
    const day = isExclusive(m[1]) ? n - 1 : n;
    if (n < 1 || n > 31 || day < 1) return { badDate: m[2] ?? '' };
    const unit = m[3];
    const kind: RecurringKind =
      unit === undefined
        ? (previous as RecurringPart).kind
        : unit === 'hàng tháng'
          ? 'monthly'
          : unit === 'tháng cuối quý'
            ? 'quarterly'
            : unit === 'tháng cuối kỳ'
              ? previous && isRecurring(previous) ? previous.kind : 'half-yearly'
              : 'yearly';
    return { part: { kind, text, day } };
  }
  m = DEADLINE_YEARLESS_RE.exec(text);
  if (m) {
    const day = Number(m[2]);
    const month = Number(m[3]);
    if (!isValidYmd(2024, month, day)) return { badDate: `${day}/${month}` };
    if (!ctx.period) return null;
    const year = yearOfDay(month, day, ctx.period);
    if (!isValidYmd(year, month, day)) return { badDate: `${day}/${month}/${year}` };
    const exclusive = isExclusive(m[1]) || (!m[1] && previous?.kind === 'deadline' && previous.exclusive);
    return { part: deadline(text, makeDay(year, month, day), exclusive) };
  }
  m = MONTH_RE.exec(text);
  if (m) {
    const month = Number(m[1]);
    const year = optionalYear(m[2]);
    if (month < 1 || month > 12 || year === undefined) {
      return { badDate: `${m[1]}${year === null ? '' : `/${year}`}` };
    }
    return { part: { kind: 'month', text, year, month, due: null } };
  }
  m = QUARTER_RE.exec(text);
  if (m) {
    const year = optionalYear(m[2]);
    if (year === undefined) return { badDate: m[2] ?? '' };
    return { part: { kind: 'quarter', text, year, quarter: ROMAN[m[1] ?? ''] as Quarter, due: null } };
  }
  m = HALF_RE.exec(text);
  if (m) {
    const year = optionalYear(m[2]);
    if (year === undefined) return { badDate: m[2] ?? '' };
    return { part: { kind: 'half-year', text, year, half: m[1] === 'đầu' ? 1 : 2, due: null } };
  }
  m = RECURRING_RE.exec(text);
  if (m) return { part: { kind: unitToRecurring(m[1] ?? ''), text, day: null } };
  if (HALF_YEARLY_BARE.test(text)) return { part: { kind: 'half-yearly', text, day: null } };
  m = BARE_UNIT_RE.exec(text);
  if (m && previous && isRecurring(previous)) return { part: { kind: unitToRecurring(m[1] ?? ''), text, day: null } };
  if (NEXT_YEARS_RE.test(text)) return { part: { kind: 'yearly', text, day: null } };
  m = YEAR_RE.exec(text);
  if (m) {
    const year = optionalYear(m[1] ?? m[2]);
    if (year === undefined) return { badDate: m[1] ?? m[2] ?? '' };
    return { part: { kind: 'year', text, year, due: null } };
  }
  if (CONTINUOUS_RE.test(text)) return { part: { kind: 'continuous', text } };
  return null;
}

/** "Quý I, II/2026": after a quarter, a bare numeral is another quarter. */
const BARE_QUARTER_RE = /^(iv|iii|ii|i)(?:(?:\/|-| năm )(\d{4}))?$/u;

function recognise(text: string, previous: Part | undefined, ctx: PhraseContext): Recognised {
  const one = recogniseOne(text, previous, ctx);
  if (one) return one;
  let q = BARE_QUARTER_RE.exec(text);
  if (q && previous?.kind === 'quarter') {
    const year = optionalYear(q[2]);
    if (year === undefined) return { badDate: q[2] ?? '' };
    return { part: { kind: 'quarter', text, year, quarter: ROMAN[q[1] ?? ''] as Quarter, due: null } };
  }
  // "Tháng 6 và tháng 12 hằng năm", "Trước ngày 15/12 hằng năm": a day or period of each year of the plan.
  q = /^(.+) hàng năm$/u.exec(text);
  if (q) {
    const r = recogniseOne(q[1]!, previous, ctx);
    if (r && 'part' in r && r.part.kind === 'deadline' && /(?:\/| tháng )12$/u.test(q[1]!)) {
      return { part: { kind: 'yearly', text, day: dayParts(r.part.due).day } };
    }
    if (r && 'part' in r && isSingleDated(r.part) && (r.part.kind === 'deadline' ? !/\d{4}$/u.test(q[1]!) : yearOf(r.part) === null)) return r;
  }
  const span = recogniseSpan(text, ctx);
  if (span) return span;
  // "Đến năm 2030", "Trước quý III/2026": by the end of a period, or before it starts.
  let m = BY_PERIOD_RE.exec(text);
  if (m) {
    const r = recogniseOne(stripLeading(m[2]!), undefined, ctx);
    if (r && 'part' in r && isSingleDated(r.part) && r.part.kind !== 'deadline') {
      const y = yearOf(r.part) ?? (ctx.period ? dayParts(ctx.period.start).year : null);
      if (y !== null) {
        const range = rangeOf(r.part, y);
        return { part: isExclusive(m[1]) ? deadline(text, range.start, true) : deadline(text, range.end, false) };
      }
    }
  }
  // "Từ năm 2026": the work starts then and goes on, with no due day.
  m = START_ONLY_RE.exec(text);
  if (m) {
    const r = recogniseOne(m[1]!, undefined, ctx);
    if (r && 'part' in r && isSingleDated(r.part)) return { part: { kind: 'continuous', text } };
  }
  return null;
}

const SEPARATOR = /\s*[,;]\s*|\s+và\s+/gu;

/** "Hàng quý, chậm nhất ngày 20 tháng cuối quý": the second part sets the first one's day rather than adding a period. */
function mergeRecurring(parts: Part[], next: Part): boolean {
  if (!isRecurring(next) || next.day === null) return false;
  const i = parts.findIndex((p) => p.kind === next.kind && isRecurring(p) && p.day === null);
  if (i < 0) return false;
  parts[i] = { ...(parts[i] as RecurringPart), day: next.day, text: `${parts[i]!.text}, ${next.text}` };
  return true;
}

/** "Hằng năm, trước ngày 15/12": a day of the plan year after "hằng năm" is the day in each year. */
function yearlyDeadline(parts: Part[], next: Part): boolean {
  if (next.kind !== 'deadline' || !/^[^/]*\d{1,2}(?:\/| tháng )12$/u.test(next.text)) return false;
  const i = parts.findIndex((p) => p.kind === 'yearly' && (p as RecurringPart).day === null);
  if (i < 0) return false;
  parts[i] = { ...(parts[i] as RecurringPart), day: dayParts(next.due).day, text: `${parts[i]!.text}, ${next.text}` };
  return true;
}

/**
 * Reads a timeline phrase. A compound phrase ("Hàng quý, năm và đột xuất khi có yêu cầu") is the
 * union of its parts; one part that fits no form makes the whole phrase fail, because a schedule
 * that silently drops a part would under-report what is due.
 */
export function parseWhen(phrase: string, ctx: PhraseContext = {}): WhenParse {
  // A plan writes the same few phrases for many tasks ("Thường xuyên", "Hằng quý"): each is read once per period.
  // The readings are never changed by their users, so one object serves every task that writes the phrase.
  const key = `${ctx.period?.start ?? ''}|${ctx.period?.end ?? ''}|${phrase}`;
  let read = READINGS.get(key);
  if (read === undefined) {
    if (READINGS.size >= MAX_READINGS) READINGS.clear();
    READINGS.set(key, (read = readWhen(phrase, ctx)));
  }
  return read;
}

/** Phrases already read, by period and text; cleared when full, so that a long run over many plans stays bounded. */
const READINGS = new Map<string, WhenParse>();
const MAX_READINGS = 4096;

function readWhen(phrase: string, ctx: PhraseContext): WhenParse {
  let first = parseNormalized(normalizePhrase(phrase), ctx);
  // "Quý I/2026⏎Quý III/2026": the lines of a cell are its parts, where the phrase read as one line fits no form.
  if (!first.ok && /\S\s*\n\s*\S/u.test(phrase)) {
    const lines = parseNormalized(normalizePhrase(phrase.replace(/\s*\n\s*/gu, '; ')), ctx);
    if (lines.ok) first = lines;
  }
  // "Tháng 6/2026 (báo cáo 6 tháng)": a remark in parentheses that is no part of the timeline is left aside.
  if (!first.ok && /\(.*\)/su.test(phrase)) {
    const again = parseNormalized(normalizePhrase(phrase.replace(/\([^()]*\)/gu, ' ')), ctx);
    if (again.ok) return again;
  }
  if (!first.ok) return first;
  // "Hằng năm, giai đoạn 2026-2030": the span says over which years the task recurs, not one more occurrence.
  const parts = first.parts;
  if (parts.some(isRecurring)) {
    const spans = parts.filter((p) => p.kind === 'deadline' && p.start !== null && !p.exclusive);
    if (spans.length > 0) return { ok: true, parts: parts.filter((p) => !spans.includes(p)) };
  }
  return first;
}

function parseNormalized(norm: string, ctx: PhraseContext): WhenParse {
  const fail = (reason: 'unknown-form' | 'invalid-date', part: string, message: FindingText): WhenParse => ({
    ok: false,
    reason,
    message,
    forms: [...KNOWN_FORMS],
    part,
  });
  if (norm === '') return fail('unknown-form', '', fm('when.empty', { forms: FORMS_SUMMARY }));

  // Segment boundaries, so that an event can take the rest of the phrase verbatim.
  const starts: number[] = [0];
  const ends: number[] = [];
  for (const m of norm.matchAll(SEPARATOR)) {
    ends.push(m.index);
    starts.push(m.index + m[0].length);
  }
  ends.push(norm.length);

  const parts: Part[] = [];
  for (let i = 0; i < starts.length; i++) {
    const segment = norm.slice(starts[i], ends[i]);
    const swallowing = eventOrAdhoc(segment, norm.slice(starts[i]));
    if (swallowing) {
      parts.push(swallowing);
      break;
    }
    const text = stripLeading(segment);
    if (text === '') continue;
    const r = recognise(text, parts[parts.length - 1], ctx);
    if (r === null) {
      return fail('unknown-form', text, fm(starts.length > 1 ? 'when.partUnknown' : 'when.unknown', { text, forms: FORMS_SUMMARY }));
    }
    if ('badDate' in r) {
      return fail('invalid-date', text, fm('when.badDate', { date: r.badDate }));
    }
    if (mergeRecurring(parts, r.part) || yearlyDeadline(parts, r.part)) continue;
    parts.push(r.part);
  }
  if (parts.length === 0) return fail('unknown-form', norm, fm('when.unknown', { text: norm, forms: FORMS_SUMMARY }));
  return { ok: true, parts };
}
