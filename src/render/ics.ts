// The plan's dated occurrences as an iCalendar file (RFC 5545), written by hand so that it is reproducible and folded by octets.
//
// Known quirks of the programs offices use, which shape what is written here:
// - Outlook (desktop) imports only the first VALARM of an event and shows all-day events from DTSTART to the
//   exclusive DTEND; it ignores X-WR-CALNAME on "Import" (it names the calendar itself) and does not read VTODO as tasks
//   from a calendar file.
// - Google Calendar ignores VALARM in imported files (it applies the calendar's default notifications) and skips
//   VTODO components silently: to-do lists are for Thunderbird, Apple Reminders, Evolution and the like.
// - Thunderbird honours every VALARM, RELATED=END on a VTODO (relative to DUE), and STATUS/COMPLETED/PERCENT-COMPLETE.
// - RFC 5545 requires DTSTAMP and COMPLETED in UTC; readers unfold at 75 octets, so a fold must not split a character.
import type { Plan } from '../model/model.js';
import { addDays, formatDayVi } from '../schedule/index.js';
import { periodText } from './due.js';
import { t } from './i18n.js';
import { asciiSlug } from '../model/text.js';
import { plainText } from './markup.js';
import { dataText } from './escape.js';
import { agencyNames } from '../model/agencies.js';
import type { IcsEvent } from '../views/ics.js';

export type { IcsEvent };

export interface IcsInput {
  plan: Plan;
  events: IcsEvent[];
  /** Shown after the plan title in the calendar's name when the file is for one agency. */
  agencyName?: string;
  /** Reminders, in days before the due day (0: on the day); none on completed occurrences. */
  remind?: number[];
  /** VTODO (to-do items with DUE and COMPLETED) instead of all-day VEVENTs. */
  todo?: boolean;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** TEXT values (RFC 5545 §3.3.11): backslash first, so that the escapes added after it stay single. */
export function escapeText(s: string): string {
  // RFC 5545 forbids the controls (but tab) in TEXT: the plan's ESC, BEL or NUL are dropped (src/render/escape.ts).
  return dataText(s)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line at 75 octets (§3.1): continuation lines start with a space, which counts.
 * Cuts fall between code points only, since a split UTF-8 sequence is invalid in every reader.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (octets + n > MAX_OCTETS) {
      out.push(cur);
      cur = ' ';
      octets = 1;
    }
    cur += ch;
    octets += n;
  }
  out.push(cur);
  return out.join(CRLF);
}

/** `20230731` from `2023-07-31`. */
function icsDate(day: string): string {
  return day.replace(/-/g, '');
}

/** About `max` characters, cut at a word boundary, so that calendar views show whole words. */
export function shorten(s: string, max = 80): string {
  const text = s.replace(/\s+/g, ' ').trim();
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max).join('');
  const cut = head.lastIndexOf(' ');
  // A single very long word: cut inside it rather than show nothing.
  const kept = cut > max / 2 ? head.slice(0, cut) : head;
  return `${kept.replace(/[\s,;:.\-–—(]+$/u, '')}…`;
}

/** Only letters, digits and `.-_` in UIDs: some calendar programs mishandle anything else. */
function uidPart(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

/** DTSTAMP from the plan, never the clock: the plan's date of issue, else 1 January of its year. */
export function planStamp(plan: Plan): string {
  const date = plan.raw.plan.date;
  return date ? `${icsDate(date)}T000000Z` : `${String(plan.year).padStart(4, '0')}0101T000000Z`;
}

/** The mark a completed occurrence's summary starts with, so that it reads as done in any calendar view. */
export function doneMark(e: IcsEvent): string {
  return e.completion ? (e.late ? '[Xong muộn] ' : '[Đã xong] ') : '';
}

export function summaryOf(e: IcsEvent, mark = true): string {
  const label = periodText('vi', e.period);
  return (mark ? doneMark(e) : '') + (e.source ? `[${e.source}] ` : '') + [e.task.id, shorten(plainText(e.task.content)), ...(e.period !== null ? [label] : [])].join(' — ');
}

export function descriptionOf(plan: Plan, e: IcsEvent): string {
  const task = e.task;
  const lines = [
    `${t('vi', 'output')}: ${plainText(task.output)}`,
    `${t('vi', 'lead')}: ${agencyNames(plan, task.lead)}`,
    `${t('vi', 'support')}: ${task.support.length ? agencyNames(plan, task.support) : '—'}`,
    `${t('vi', 'when')}: ${task.when}`,
  ];
  if (e.period !== null) lines.push(`${t('vi', 'period')}: ${periodText('vi', e.period)}`);
  lines.push(`${t('vi', 'due')}: ${formatDayVi(e.due)}`);
  if (e.completion) lines.push(`${e.late ? 'Hoàn thành muộn' : 'Hoàn thành'} ngày ${formatDayVi(e.completion)}${e.ref ? ` (văn bản ${e.ref})` : ''}`);
  lines.push('', `${t('vi', 'content')}: ${plainText(task.content)}`);
  return lines.join('\n');
}

/**
 * The UIDs' domain part, from what the plan says rather than its file's name (a renamed file must not duplicate every
 * event): the issuer in ASCII, the year, and a short hash of the title, which tells two plans of one office apart.
 */
export function uidDomain(plan: Plan): string {
  const issuer = asciiSlug(plan.issuer) || 'plan';
  let h = 0x811c9dc5;
  for (const ch of plan.title.normalize('NFC')) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193);
  return `${issuer}-${plan.year}-${(h >>> 0).toString(16).padStart(8, '0').slice(0, 6)}.tthc`;
}

export function renderIcs(input: IcsInput): string {
  const { plan } = input;
  const stamp = planStamp(plan);
  const domain = uidDomain(plan);
  const calName = input.agencyName ? `${plan.title} — ${input.agencyName}` : plan.title;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//tthc//tthc 0.1//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calName)}`,
    'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
  ];
  const used = new Set<string>();
  for (const e of input.events) {
    // Ids and periods are unique per plan, but sanitising may merge two: keep UIDs unique regardless.
    const base = `${uidPart(e.task.id)}-${e.period === null ? 'once' : uidPart(e.period)}`;
    let uid = `${base}@${domain}`;
    for (let n = 2; used.has(uid); n++) uid = `${base}-${n}@${domain}`;
    used.add(uid);
    const alarms = e.completion ? [] : (input.remind ?? []).flatMap((days) => alarm(days, e, input.todo === true));
    if (input.todo) {
      // RFC 5545 §3.8.2.3: DUE must be later than DTSTART, so a one-day window has no DTSTART.
      const start = e.start && e.start < e.due ? [`DTSTART;VALUE=DATE:${icsDate(e.start)}`] : [];
      const state = e.completion
        ? // COMPLETED is a UTC date-time; noon in Vietnam (05:00 UTC) keeps the day the same in every zone from UTC-5 to UTC+14.
          ['STATUS:COMPLETED', `COMPLETED:${icsDate(e.completion)}T050000Z`, 'PERCENT-COMPLETE:100']
        : ['STATUS:NEEDS-ACTION'];
      lines.push(
        'BEGIN:VTODO',
        `UID:${uid}`,
        `DTSTAMP:${stamp}`,
        ...start,
        `DUE;VALUE=DATE:${icsDate(e.due)}`,
        `SUMMARY:${escapeText(summaryOf(e, false))}`,
        `DESCRIPTION:${escapeText(descriptionOf(plan, e))}`,
        ...state,
        ...alarms,
        'END:VTODO',
      );
      continue;
    }
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(e.due)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(e.due, 1))}`,
      `SUMMARY:${escapeText(summaryOf(e))}`,
      `DESCRIPTION:${escapeText(descriptionOf(plan, e))}`,
      // A due date is a reminder, not a meeting: it must not show the day as busy.
      'TRANSP:TRANSPARENT',
      ...alarms,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/**
 * A reminder `days` before the due day. On an all-day event it is relative to DTSTART (the due day's midnight, in the
 * user's zone: a floating date); on a to-do, to DUE (RELATED=END, §3.8.6.3). ACTION:DISPLAY requires a DESCRIPTION.
 */
function alarm(days: number, e: IcsEvent, todo: boolean): string[] {
  const trigger = days === 0 ? 'PT0S' : days % 7 === 0 ? `-P${days / 7}W` : `-P${days}D`;
  return [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `TRIGGER;RELATED=${todo ? 'END' : 'START'}:${trigger}`,
    `DESCRIPTION:${escapeText(`${days === 0 ? 'Đến hạn hôm nay' : `Còn ${days} ngày đến hạn`}: ${summaryOf(e, false)}`)}`,
    'END:VALARM',
  ];
}

/**
 * One calendar of several plans: each plan's events as renderIcs writes them (their UIDs carry the plan's issuer,
 * year and title, so that they stay apart), under one calendar named `name`.
 */
export function renderIcsAcross(inputs: IcsInput[], name: string): string {
  const head = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//tthc//tthc 0.1//VI', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(name)}`, 'X-WR-TIMEZONE:Asia/Ho_Chi_Minh'];
  let body = '';
  for (const input of inputs) {
    const one = renderIcs(input);
    const first = one.search(/\r\nBEGIN:V(?:EVENT|TODO)\r\n/);
    if (first >= 0) body += one.slice(first + 2, one.lastIndexOf('END:VCALENDAR'));
  }
  return head.map(foldLine).join(CRLF) + CRLF + body + 'END:VCALENDAR' + CRLF;
}
