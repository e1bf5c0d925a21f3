// Reads a task's timeline phrase ("Thời gian thực hiện") into schedule parts, by the small grammar of docs/semantics.md.
//
// This is a grammar rather than a table of known phrases because every office words its plan a
// little differently each year; the forms below are the ones the contract promises to understand.

import { type Day, type Half, type Quarter, addDays, isValidYmd, makeDay } from './day.js';

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
      /** English; the caller localises. */
      message: string;
      /** The known forms, as a person would write them. */
      forms: string[];
      /** The piece of the phrase that failed (normalized). */
      part: string;
    };

/** The forms `parseWhen` understands, for messages and documentation. */
export const KNOWN_FORMS: readonly string[] = [
  'Trước ngày D/M/YYYY',
  'Chậm nhất (vào) ngày D/M/YYYY',
  'Đến ngày D/M/YYYY',
  'Trong ngày D/M/YYYY',
  'Tháng M/YYYY',
  'Quý I–IV/YYYY (or Quý 1–4 năm YYYY)',
  '6 tháng đầu năm YYYY / 6 tháng cuối năm YYYY',
  'Năm YYYY, Cả năm, Cuối năm YYYY',
  'Hàng tháng',
  'Hàng quý',
  '6 tháng, Định kỳ 6 tháng',
  'Hàng năm',
  'Thường xuyên',
  'Sau khi …, Khi có …, Theo văn bản/Quyết định/Kế hoạch … (an event)',
  'Đột xuất (khi có yêu cầu)',
];

const FORMS_SUMMARY =
  'Known forms: a deadline (Trước ngày D/M/YYYY, Chậm nhất ngày D/M/YYYY, Đến ngày D/M/YYYY), a month (Tháng M/YYYY), ' +
  'a quarter (Quý II/YYYY), a half-year (6 tháng đầu/cuối năm YYYY), a year (Năm YYYY, Cả năm), ' +
  'a recurring period (Hàng tháng, Hàng quý, 6 tháng, Hàng năm), Thường xuyên, an event (Sau khi …, Khi có …, Theo văn bản …) ' +
  'or Đột xuất; parts may be joined with ",", ";" or "và".';

/** Leading words that do not change the meaning; stripped repeatedly, longest first. */
const LEADING_WORDS = ['hoàn thành', 'triển khai thực hiện', 'triển khai', 'thực hiện', 'trong'];
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
  s = s.replace(/(^|[^\p{L}])qúy(?=$|[^\p{L}])/gu, '$1quý');
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

const DATE_SHORT = String.raw`(\d{1,2})/(\d{1,2})/(\d{4})`;
const DATE_LONG = String.raw`(\d{1,2}) tháng (\d{1,2}) năm (\d{4})`;
/** `[keyword] [ngày] D/M/YYYY` or `[keyword] ngày D tháng M năm YYYY`. */
const DEADLINE_RE = new RegExp(
  String.raw`^(trước|chậm nhất(?: là)?(?: vào)?|đến(?: hết)?|hạn chót|)\s*(?:(?:ngày )?${DATE_SHORT}|ngày ${DATE_LONG})$`,
  'u',
);
const MONTH_RE = /^tháng (\d{1,2})(?:(?:\/| năm )(\d{4}))?$/u;
const QUARTER_RE = /^quý (iv|iii|ii|i|[1-4])(?:(?:\/| năm )(\d{4}))?$/u;
const HALF_RE = /^(?:6|06|sáu) tháng (đầu|cuối)(?: năm)?(?: (\d{4}))?$/u;
const YEAR_RE = /^(?:(?:cả|cuối) )?năm(?: (\d{4}))?$/u;
const RECURRING_RE = /^(?:(?:định kỳ|hàng|mỗi|định kỳ hàng|định kỳ mỗi) )(tháng|quý|(?:6|06|sáu) tháng|năm)(?: ?(?:\/ ?lần|một lần|1 lần))?$/u;
const HALF_YEARLY_BARE = /^(?:6|06|sáu) tháng(?: ?(?:\/ ?lần|một lần|1 lần))?$/u;
/** After a recurring part, a bare unit repeats the "hàng": "Hàng quý, năm" is quarterly and yearly. */
const BARE_UNIT_RE = /^(tháng|quý|năm)$/u;
const CONTINUOUS_RE = /^(?:thường xuyên|liên tục)(?: (?:và )?liên tục)?$/u;

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
  return isValidYmd(year, 1, 1) ? year : undefined;
}

function recognise(text: string, previous: Part | undefined): Recognised {
  let m = DEADLINE_RE.exec(text);
  if (m) {
    const [d, mo, y] = m[2] !== undefined ? [m[2], m[3], m[4]] : [m[5], m[6], m[7]];
    const day = Number(d);
    const month = Number(mo);
    const year = Number(y);
    if (!isValidYmd(year, month, day)) return { badDate: `${day}/${month}/${year}` };
    const date = makeDay(year, month, day);
    // "Trước ngày 10/3/2023 và 10/9/2023": a bare date after an exclusive deadline is "before" too, as it is read.
    const exclusive = m[1] === 'trước' || (!m[1] && previous?.kind === 'deadline' && previous.exclusive);
    return { part: { kind: 'deadline', text, date, exclusive, due: exclusive ? addDays(date, -1) : date, start: null } };
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
  m = YEAR_RE.exec(text);
  if (m) {
    const year = optionalYear(m[1]);
    if (year === undefined) return { badDate: m[1] ?? '' };
    return { part: { kind: 'year', text, year, due: null } };
  }
  if (CONTINUOUS_RE.test(text)) return { part: { kind: 'continuous', text } };
  return null;
}

const SEPARATOR = /\s*[,;]\s*|\s+và\s+/gu;

/**
 * Reads a timeline phrase. A compound phrase ("Hàng quý, năm và đột xuất khi có yêu cầu") is the
 * union of its parts; one part that fits no form makes the whole phrase fail, because a schedule
 * that silently drops a part would under-report what is due.
 */
export function parseWhen(phrase: string): WhenParse {
  const norm = normalizePhrase(phrase);
  const fail = (reason: 'unknown-form' | 'invalid-date', part: string, message: string): WhenParse => ({
    ok: false,
    reason,
    message,
    forms: [...KNOWN_FORMS],
    part,
  });
  if (norm === '') return fail('unknown-form', '', `The timeline phrase is empty. ${FORMS_SUMMARY}`);

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
    const r = recognise(text, parts[parts.length - 1]);
    if (r === null) {
      const what = starts.length > 1 ? `The part "${text}" of the timeline phrase` : `The timeline phrase "${text}"`;
      return fail('unknown-form', text, `${what} fits no known form. ${FORMS_SUMMARY}`);
    }
    if ('badDate' in r) {
      return fail('invalid-date', text, `The timeline phrase names a date that does not exist: ${r.badDate}.`);
    }
    parts.push(r.part);
  }
  if (parts.length === 0) return fail('unknown-form', norm, `The timeline phrase "${norm}" fits no known form. ${FORMS_SUMMARY}`);
  return { ok: true, parts };
}
