// The plan's dated occurrences as an iCalendar file (RFC 5545), written by hand so that it is reproducible and folded by octets.
import { dataText } from './escape.js';
import type { Plan, Task } from '../plan/model.js';
import { addDays, formatDayVi } from '../schedule/index.js';
import { periodText } from './due.js';
import { t } from './i18n.js';
import { asciiSlug } from '../text.js';

export interface IcsEvent {
  task: Task;
  period: string | null;
  due: string;
}

export interface IcsInput {
  plan: Plan;
  events: IcsEvent[];
  /** Shown after the plan title in the calendar's name when the file is for one agency. */
  agencyName?: string;
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

function agencyNames(plan: Plan, ids: string[]): string {
  return ids.map((id) => plan.agencies.get(id)?.name ?? id).join('; ');
}

export function summaryOf(e: IcsEvent): string {
  const label = periodText('vi', e.period);
  return [e.task.id, shorten(e.task.content), ...(e.period !== null ? [label] : [])].join(' — ');
}

export function descriptionOf(plan: Plan, e: IcsEvent): string {
  const task = e.task;
  const lines = [
    `${t('vi', 'output')}: ${task.output}`,
    `${t('vi', 'lead')}: ${agencyNames(plan, task.lead)}`,
    `${t('vi', 'support')}: ${task.support.length ? agencyNames(plan, task.support) : '—'}`,
    `${t('vi', 'when')}: ${task.when}`,
  ];
  if (e.period !== null) lines.push(`${t('vi', 'period')}: ${periodText('vi', e.period)}`);
  lines.push(`${t('vi', 'due')}: ${formatDayVi(e.due)}`, '', `${t('vi', 'content')}: ${task.content}`);
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
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
