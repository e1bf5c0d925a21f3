// The meaning of a loaded plan: ids, agencies, dates, document symbols and citations, each problem located.
import { makeDiagnostic, type Code, type Diagnostic, type Position } from '../model/diagnostics.js';
import { fm } from '../messages/findings.js';
import { foldName, nearest } from '../model/text.js';
import { isMap, isSeq, visit } from 'yaml';
import type { Loaded } from '../read/load.js';
import { keyAt, locate, locateInside, nodeAt, position } from '../read/locate.js';
import type { Path } from '../model/model.js';
import { checkRecords, checkTimelines } from './check-timeline.js';
import { dateHint } from './dates.js';
import { detectLegacyText } from '../read/decode.js';
import type { CheckContext, Checker } from './context.js';
import { findCitations, parseSymbol } from '../model/symbols.js';
import { yearsOf } from '../model/schema.js';
import { isValidDay } from '../schedule/day.js';
import { checkPartList, checkPartSections, sectionOfTaskId } from './parts.js';

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

export function romanValue(s: string): number | undefined {
  if (!/^[IVXLC]+$/.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return toRoman(total) === s ? total : undefined;
}

export function toRoman(n: number): string {
  const table: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, r] of table) while (n >= v) ((out += r), (n -= v));
  return out;
}

/** Likely typos seen in real plans, as (written, meant). Reported as notes: the official wording stays. */
export const SPELLING: [RegExp, string, string][] = [
  [/chuyên đổi số/u, 'chuyên đổi số', 'chuyển đổi số'],
  [/UBNDTTQ/u, 'UBNDTTQ', 'UBMTTQ'],
  [/UBND\s+tính\b/u, 'UBND tính', 'UBND tỉnh'],
  [/Phòng Nội Vụ/u, 'Phòng Nội Vụ', 'Phòng Nội vụ'],
  [/Đơn đốc/u, 'Đơn đốc', 'Đôn đốc'],
  [/thủ tục hành chánh/u, 'thủ tục hành chánh', 'thủ tục hành chính'],
];

/** A tag of HTML or XML pasted into a text. */
const HTML_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?>/i;

/**
 * Whatever a pattern of SPELLING can find: a text this does not match has none of their findings. Made from them with
 * their own flags (each is `u` alone), so that it cannot lose one.
 */
export const SPELLING_ANY = new RegExp(SPELLING.map(([re]) => `(?:${re.source})`).join('|'), 'u');

function checkHeading(ctx: CheckContext): void {
  const { plan } = ctx;
  const h = plan.raw.plan;
  // Blank as written in the file (the model of a plan with shape errors may have left a malformed value out).
  const blank = (key: string) => {
    const v: unknown = ctx.src.doc.getIn(['plan', key]);
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  };
  const blankNumber = blank('number');
  const blankDate = blank('date');
  if (blankNumber || blankDate) {
    const which = blankNumber && blankDate ? 'both' : blankNumber ? 'number' : 'date';
    const written = String(ctx.src.doc.getIn(['plan', 'date']) ?? '');
    const shown = blankDate ? '…' : isValidDay(written) ? written.split('-').reverse().map((x, i) => (i < 2 ? String(Number(x)) : x)).join('/') : written;
    ctx.add(
      'PLAN_NUMBER_BLANK',
      keyAt(ctx.src.doc, ['plan'], blankNumber ? 'number' : 'date') ? ['plan', blankNumber ? 'number' : 'date'] : ['plan'],
      fm('plan.blank', { which, number: blankNumber || typeof h.number !== 'string' ? '…' : h.number, symbol: h.symbol ?? 'KH-UBND', date: shown }),
      fm('plan.blank.hint', { which }),
    );
  }
  if (h.date && !isValidDay(h.date)) ctx.add('DATE_INVALID', ['plan', 'date'], fm('plan.dateInvalid', { date: h.date }), dateHint(h.date));
  if (typeof h.period === 'string') {
    const { first, last } = yearsOf(h.period);
    if (first > last) {
      ctx.add('PERIOD_INVALID', ['plan', 'period'], fm('plan.periodBackwards', { period: h.period }), fm('plan.periodBackwards.hint', { first, last }));
    } else if (h.year < first || h.year > last) {
      ctx.add(
        'PERIOD_INVALID',
        ['plan', 'year'],
        fm('plan.yearOutside', { year: h.year, period: h.period }),
        fm('plan.yearOutside.hint', { first }),
      );
    }
  } else if (h.period) {
    const { start, end } = h.period;
    for (const k of ['start', 'end'] as const) {
      if (!isValidDay(h.period[k])) ctx.add('DATE_INVALID', ['plan', 'period', k], fm('plan.periodDay', { which: k, date: h.period[k] }), dateHint(h.period[k]));
    }
    if (isValidDay(start) && isValidDay(end) && start > end) {
      ctx.add('PERIOD_INVALID', ['plan', 'period', 'end'], fm('plan.periodSwapped', { start, end }), fm('plan.periodSwapped.hint'));
    } else if (isValidDay(start) && isValidDay(end) && (end < `${h.year}-01-01` || start > `${h.year}-12-31`)) {
      ctx.add(
        'PERIOD_INVALID',
        ['plan', 'period', end < `${h.year}-01-01` ? 'end' : 'start'],
        fm('plan.periodOutside', { start, end, year: h.year }),
        fm('plan.periodOutside.hint', { year: h.year }),
      );
    }
  }
}


/** Where each section of the model stands in the file (sections left out for their shape shift the indices). */
function sectionPaths(ctx: CheckContext): Path[] {
  const { plan, src } = ctx;
  const inFile = src.doc.getIn(['sections'], true);
  const items = isSeq(inFile) ? inFile.items : [];
  let next = 0;
  return plan.raw.sections.map((s, si) => {
    const fromTask = plan.sections[si]?.tasks[0]?.path.slice(0, 2);
    if (fromTask) {
      next = Number(fromTask[1]) + 1;
      return fromTask;
    }
    for (let i = next; i < items.length; i++) {
      const item = items[i];
      if (isMap(item) && String(item.get('id')) === s.id) {
        next = i + 1;
        return ['sections', i];
      }
    }
    return ['sections', si];
  });
}

/** How checkSectionsAndIds reads a task's id: its last component, what comes before it, the section it names. */
export interface TaskIdReading {
  last: string;
  head: string;
  numeral: string | undefined;
  wellFormed: boolean;
  scoped: boolean;
}

/** The reading of a task's id under the section `sectionId`, from its components. */
export function readTaskIdPlain(id: string, sectionId: string, partIds: readonly string[], subs: ReadonlySet<string>): TaskIdReading {
  const parts = id.split('.');
  const last = parts[parts.length - 1] ?? '';
  const head = parts.slice(0, -1).join('.');
  const split = sectionOfTaskId(id, partIds);
  const numeral = sectionId === '' ? '' : (split?.numeral ?? parts[0]);
  const wellFormed = /^(?:[1-9]\d*|[a-zđ])$/u.test(last) && (sectionId === '' ? parts.length === 1 || subs.has(head) : split !== undefined);
  const scoped = sectionId === '' || head === numeral || subs.has(head) || /^\d+(?:\.\d+)*$/.test((split?.middle ?? []).join('.'));
  return { last, head, numeral, wellFormed, scoped };
}

/** Whether a section's tasks may take readTaskId's short way: its id is Roman digits and the plan has no parts. */
export function isRomanSection(sectionId: string, partIds: readonly string[]): boolean {
  return partIds.length === 0 && /^[IVXLC]+$/.test(sectionId);
}

/**
 * readTaskIdPlain, where the id is what nearly every task of a large plan has, its section's numeral and a row number
 * (III.12), read without splitting it; `romanSection`: isRomanSection of the section.
 */
export function readTaskId(id: string, sectionId: string, partIds: readonly string[], subs: ReadonlySet<string>, romanSection: boolean): TaskIdReading {
  const n = sectionId.length;
  if (romanSection && id.length > n + 1 && id.charCodeAt(n) === 46 && id.startsWith(sectionId) && isRowNumber(id, n + 1)) {
    return { last: id.slice(n + 1), head: sectionId, numeral: sectionId, wellFormed: true, scoped: true };
  }
  return readTaskIdPlain(id, sectionId, partIds, subs);
}

/** Whether `id` from `from` on is a row number: ASCII digits, the first not 0. */
function isRowNumber(id: string, from: number): boolean {
  const first = id.charCodeAt(from);
  if (first < 49 || first > 57) return false;
  for (let i = from + 1; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function checkSectionsAndIds(ctx: CheckContext): void {
  const { plan } = ctx;
  const seenSections = new Map<string, number>();
  const seenTasks = new Map<string, string>();
  const paths = sectionPaths(ctx);
  /** Sections whose own id is wrong: their tasks are not also reported for not matching it. */
  const badSection = new Set<number>();
  /** Sections whose numeral another section has: their tasks' ids (III.1 twice) are echoes of that, not said again. */
  const twice = new Set<number>();
  /** The numeral of the section before, for the one a duplicate was meant to have (III after III is IV). */
  let before: number | undefined;
  /** Whether that section is written with that numeral (not a duplicate, renumbered in the hint). */
  let beforeWritten = true;
  // A plan whose sections are grouped in parts numbers them from I in each part (A.I, B.I): its own rules.
  const partIds = (plan.raw.parts ?? []).map((p) => p.id);
  for (const f of checkPartList(plan.raw.parts ?? [])) ctx.add('SECTION_ID', f.path, f.message, f.hint);
  if (partIds.length > 0) {
    for (const f of checkPartSections(plan.raw.sections.map((s) => s.id), partIds, romanValue, toRoman)) {
      badSection.add(f.si);
      if (f.twice) twice.add(f.si);
      ctx.add('SECTION_ID', [...paths[f.si]!, 'id'], f.message, f.hint);
    }
  }
  plan.raw.sections.forEach((s, si) => {
    if (partIds.length > 0) return;
    const path = paths[si]!;
    const place = Number(path[1]);
    const value = romanValue(s.id);
    // A table without section rows is one section without a numeral; its tasks' ids are their row numbers.
    if (s.id === '' && plan.raw.sections.length === 1) return;
    if (value === undefined) {
      badSection.add(si);
      ctx.add('SECTION_ID', [...path, 'id'], fm('section.notRoman', { id: s.id }), fm('section.notRoman.hint', { meant: toRoman(place + 1) }));
    } else if (seenSections.has(s.id)) {
      badSection.add(si);
      twice.add(si);
      const meant = toRoman(before !== undefined ? before + 1 : place + 1);
      ctx.add(
        'SECTION_ID',
        [...path, 'id'],
        fm('section.twice', { id: s.id }),
        fm('section.twice.hint', { after: before !== undefined && beforeWritten ? toRoman(before) : '', meant }),
      );
    } else if (value !== place + 1) {
      badSection.add(si);
      ctx.add('SECTION_ID', [...path, 'id'], fm('section.place', { id: s.id, meant: toRoman(place + 1) }), fm('section.place.hint'));
    }
    seenSections.set(s.id, si);
    if (value !== undefined) before = twice.has(si) ? (before ?? place) + 1 : value;
    beforeWritten = value !== undefined && !twice.has(si);
  });
  /** The last row number printed in each scope (section or sub-section), and in the plan: numbers restart or run on. */
  const lastIn = new Map<string, number>();
  let lastNumber = 0;
  plan.sections.forEach((section, si) => {
    const subs = new Set((plan.raw.sections[si]?.subsections ?? []).map((x) => x.id));
    const romanSection = isRomanSection(section.id, partIds);
    for (const t of section.tasks) {
      // The row in the file, not in the model: a task left out for its shape does not renumber the ones after it.
      // (The id's path is made only for a finding, which a clean plan of 10 000 tasks has none of.)
      const row = Number(t.path[3]);
      const { last, head, numeral, wellFormed, scoped } = readTaskId(t.id, section.id, partIds, subs, romanSection);
      if (!wellFormed || !scoped) {
        const written = section.id === '' ? `${row + 1}` : `${section.id}.${row + 1}`;
        ctx.add(
          'TASK_ID_MALFORMED',
          [...t.path, 'id'],
          fm('task.malformed', { id: t.id }),
          fm('task.malformed.hint', { written, section: section.id, row: row + 1 }),
        );
      } else if (seenTasks.has(t.id) && !(twice.has(si) && numeral === section.id)) {
        ctx.add('TASK_ID_DUPLICATE', [...t.path, 'id'], fm('task.duplicate', { id: t.id, first: seenTasks.get(t.id)! }), fm('task.duplicate.hint', { meant: `${section.id}.${row + 1}` }));
      } else if (section.id !== '' && numeral !== section.id && !badSection.has(si)) {
        ctx.add('TASK_ID_SECTION', [...t.path, 'id'], fm('task.section', { id: t.id, section: section.id }), fm('task.section.hint', { numeral: numeral ?? '', meant: `${section.id}.${row + 1}` }));
      } else if (/^\d+$/.test(last)) {
        // Rows are numbered 1, 2, 3 … in each section or sub-section, or run on from the row before (1–11 over four sections).
        const n = Number(last);
        const prev = lastIn.get(head);
        if (n !== (prev ?? 0) + 1 && n !== lastNumber + 1 && n !== row + 1 && !twice.has(si) && !badSection.has(si)) {
          const expected = `${head === '' ? '' : `${head}.`}${(prev ?? 0) + 1}`;
          ctx.add('TASK_ID_SECTION', [...t.path, 'id'], fm('task.row', { id: t.id, row: row + 1, section: section.id }), fm('task.row.hint', { meant: expected }));
        }
        lastIn.set(head, n);
        lastNumber = n;
      }
      if (!seenTasks.has(t.id)) seenTasks.set(t.id, section.id);
    }
  });
}

/** The value at `path` in the file's values as read. */
function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

const ROLES = ['lead', 'support'] as const;

/**
 * Where a task's `i`th agency of `role` is written. t.path is the task's place in the file; whether the role is written
 * as a list is read from the file too (its values as read: a task's node is not looked up, so that a re-analysis need
 * not read every task's lines), and only for a finding: looking it up for every reference of a large plan costs more
 * than the check.
 */
function rolePath(ctx: CheckContext, at: Path, role: 'lead' | 'support', i: number): Path {
  return Array.isArray(valueAt(ctx.data, [...at, role])) ? [...at, role, i] : [...at, role];
}

export function checkAgencies(ctx: CheckContext): void {
  const { plan } = ctx;
  const ids = [...plan.agencies.keys()];
  const used = new Set<string>();
  const unknown = (id: string, path: Path, what: { task: string } | { collective: string }) => {
    const near = nearest(id, ids);
    ctx.add(
      'AGENCY_UNKNOWN',
      path,
      'task' in what ? fm('agency.unknownInTask', { task: what.task, id }) : fm('agency.unknownInCollective', { collective: what.collective, id }),
      near.length ? fm('agency.unknown.near', { near: near.map((x) => `\`${x}\``).join(', ') }) : fm('agency.unknown.hint'),
    );
  };
  // One map for every task, emptied for each: a map and a closure per task and per reference were most of this loop.
  const seen = new Map<string, string>();
  for (const t of plan.tasks) {
    seen.clear();
    for (const role of ROLES) {
      const list = t[role];
      for (let i = 0; i < list.length; i++) {
        const id = list[i]!;
        used.add(id);
        if (!plan.agencies.has(id)) unknown(id, rolePath(ctx, t.path, role, i), { task: t.id });
        const before = seen.get(id);
        if (before) {
          ctx.add(
            'AGENCY_REPEATED',
            rolePath(ctx, t.path, role, i),
            before === role ? fm('agency.twice', { task: t.id, id, role }) : fm('agency.bothRoles', { task: t.id, id }),
            before === role ? fm('agency.twice.hint') : fm('agency.bothRoles.hint'),
          );
        }
        seen.set(id, role);
      }
    }
  }
  // Members must exist and collectives must not contain themselves.
  for (const a of plan.agencies.values()) {
    (a.members ?? []).forEach((m, i) => {
      used.add(m);
      if (!plan.agencies.has(m)) unknown(m, ['agencies', ctx.agencyKey(a.id), 'members', i], { collective: a.id });
    });
  }
  // Depth first with a stack of our own: a chain of thousands of collectives must not exhaust the call stack.
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const loopAt = (id: string, trail: string[]): void => {
    const loop = [...trail.slice(trail.indexOf(id)), id];
    const key = [...loop].sort().join(',');
    if (reported.has(key)) return;
    reported.add(key);
    // Point at the member that closes the loop: `id` in the members of the last collective on the trail.
    const last = trail[trail.length - 1]!;
    const i = plan.agencies.get(last)?.members?.indexOf(id) ?? -1;
    ctx.add(
      'AGENCY_CYCLE',
      i >= 0 ? ['agencies', ctx.agencyKey(last), 'members', i] : ['agencies', ctx.agencyKey(id), 'members'],
      fm('agency.cycle', { loop: loop.join(' → ') }),
      last === id ? fm('agency.cycleSelf.hint', { id }) : fm('agency.cycle.hint', { id, last, long: loop.length > 3 }),
    );
  };
  for (const root of ids) {
    if (state.has(root)) continue;
    const trail: string[] = [root];
    const next: number[] = [0];
    state.set(root, 'visiting');
    while (trail.length) {
      const top = trail[trail.length - 1]!;
      const members = plan.agencies.get(top)?.members ?? [];
      const k = next[next.length - 1]!;
      if (k >= members.length) {
        state.set(top, 'done');
        trail.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = k + 1;
      const m = members[k]!;
      if (!plan.agencies.has(m) || state.get(m) === 'done') continue;
      if (state.get(m) === 'visiting') {
        loopAt(m, trail);
        continue;
      }
      state.set(m, 'visiting');
      trail.push(m);
      next.push(0);
    }
  }
  // Names and aliases must tell agencies apart, as --agency matches them without case or diacritics.
  const names = new Map<string, string>();
  for (const a of plan.agencies.values()) {
    const own = new Set<string>();
    [a.name, ...(a.aliases ?? [])].forEach((n, i) => {
      const f = foldName(n);
      if (own.has(f)) return;
      own.add(f);
      const other = names.get(f);
      if (other && other !== a.id) {
        ctx.add(
          'AGENCY_NAME_CLASH',
          i === 0 ? ['agencies', ctx.agencyKey(a.id), 'name'] : ['agencies', ctx.agencyKey(a.id), 'aliases', i - 1],
          fm('agency.nameClash', { name: n, other, id: a.id }),
          fm('agency.nameClash.hint'),
        );
      } else names.set(f, a.id);
    });
    for (const f of foldName(a.id) === a.id ? [a.id] : []) {
      const other = names.get(f);
      if (other && other !== a.id) {
        ctx.add('AGENCY_NAME_CLASH', ['agencies', ctx.agencyKey(a.id)], fm('agency.idClash', { id: a.id, other }), fm('agency.idClash.hint'));
      }
    }
  }
  // Only when every task made it into the model: a task left out for its shape may be the one that names the agency.
  if (ctx.complete) {
    for (const id of ids) {
      if (!used.has(id)) {
        const k = keyAt(ctx.src.doc, ['agencies'], ctx.agencyKey(id));
        ctx.add(
          'AGENCY_UNUSED',
          k?.range ? position(ctx.src, k.range[0]) : ['agencies', id],
          fm('agency.unused', { id }),
          fm('agency.unused.hint'),
        );
      }
    }
  }
}

/** Each legal basis as written in the file, so that one with a shape fault (no `ref`, no `date`) hides none of the others. */
function checkBases(ctx: CheckContext): void {
  const bases = ctx.data.bases;
  if (!Array.isArray(bases)) return;
  bases.forEach((b: unknown, i) => {
    if (b === null || typeof b !== 'object' || Array.isArray(b)) return;
    const { ref, date } = b as { ref?: unknown; date?: unknown };
    if (typeof ref === 'string') {
      const p = parseSymbol(ref);
      if (!p.ok) {
        ctx.add('SYMBOL_MALFORMED', ['bases', i, 'ref'], fm('symbol.malformed', { ref, reason: p.said }), p.suggestion ? fm('symbol.near', { suggestion: p.suggestion }) : fm('symbol.malformed.hint'));
      }
    }
    // A date not written YYYY-MM-DD is a shape fault, reported as such.
    if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !isValidDay(date)) {
      ctx.add('DATE_INVALID', ['bases', i, 'date'], fm('basis.dateInvalid', { date, of: typeof ref === 'string' ? ref : fm('where.basis', { n: i + 1 }) }), dateHint(date));
    }
  });
}

/** Whether the text at `path` is prose (not an id, a reference, a date, a schedule's field or a record's); `under`: the path passes a record or a schedule. */
function isProse(path: Path, under = path.includes('records') || path.includes('schedule')): boolean {
  const last = path[path.length - 1];
  if (last === 'ref' || last === 'id' || under || last === 'lead' || last === 'support' || (path[0] === 'sections' && path[2] === 'tasks' && typeof last === 'number')) return false;
  return !(path[0] === 'bases' && last !== 'text');
}

/**
 * Calls `fn` with every text of the plan that is prose and its path, in file order, for the checks that read prose;
 * the path is the walk's own (see eachProse).
 */
function eachText(ctx: CheckContext, fn: (path: Path, text: string) => void): void {
  // Read from the file as written, every part where it stands: a part left out of the model for its shape (a task
  // without its timeline, a basis without its date) keeps its prose checked, and shifts nothing onto its neighbours.
  for (const key of ['agencies', 'bases', 'intro', 'purposes', 'content', 'content_note', 'funding', 'organisation', 'closing', 'sections']) {
    if (key in ctx.data) eachProse(ctx.data[key], [key], fn);
  }
}

/** The prose texts in the value at `at`, in file order, added to `out`. */
export function proseOf(value: unknown, at: Path, out: { path: Path; text: string }[] = []): { path: Path; text: string }[] {
  eachProse(value, at, (path, text) => out.push({ path: path.slice(), text }));
  return out;
}

/**
 * Calls `fn` with each prose text in the value at `at`, in file order, and its path: one array, grown and shrunk as
 * the walk goes, which `fn` copies if it keeps it (a copy and an object per text of a large plan were most of the walk).
 */
function eachProse(value: unknown, at: Path, fn: (path: Path, text: string) => void): void {
  const path: Path = [...at];
  // The walk goes under no record or schedule: the path has one only where `at` has, found once for every text.
  const under = at.includes('records') || at.includes('schedule');
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (isProse(path, under)) fn(path, v);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i]);
        path.pop();
      }
    } else if (v && typeof v === 'object') {
      // Nothing under a record or a schedule is prose: their lists are not walked (most of a large plan's values).
      for (const k of Object.keys(v)) {
        if (k === 'records' || k === 'schedule') continue;
        path.push(k);
        walk((v as Record<string, unknown>)[k]);
        path.pop();
      }
    }
  };
  walk(value);
}

/** Whether a text cites a document with its date and issuer: such citations are compared across the whole plan. */
export function citesDated(text: string): boolean {
  return findCitations(text).some((c) => c.date !== undefined && c.issuer !== undefined);
}

export function checkProse(ctx: CheckContext): void {
  const cited = new Map<string, { number: string; symbol: string; path: Path; at: Position }>();
  // The path is the walk's own: copied where kept.
  eachText(ctx, (path, text) => {
    for (const c of findCitations(text)) {
      const at = locateInside(ctx.src, path, c.symbol);
      const p = parseSymbol(c.symbol);
      if (!p.ok) {
        ctx.add('SYMBOL_MALFORMED', at, fm('cited.malformed', { kind: c.kind, symbol: c.symbol, reason: p.said }), p.suggestion ? fm('cited.near', { suggestion: p.suggestion }) : fm('cited.malformed.hint'));
        continue;
      }
      if (!c.date || !c.issuer) continue;
      const key = `${foldName(c.issuer)}|${c.date}|${c.kind}|${p.symbol.code}`;
      const before = cited.get(key);
      if (!before) cited.set(key, { number: p.symbol.number, symbol: c.symbol, path: path.slice(), at });
      else if (before.number !== p.symbol.number) {
        ctx.add(
          'REF_CONFLICT',
          at,
          fm('cited.conflict', { kind: c.kind, symbol: c.symbol, date: c.date.split('-').reverse().join('/'), issuer: c.issuer, before: before.symbol, line: before.at.line }),
          fm('cited.conflict.hint', { a: before.number, b: p.symbol.number }),
        );
      }
    }
    // Two passes over the text for the seven patterns below (a tag has its '<'): nearly every text has none of them.
    if (!text.includes('<') && !SPELLING_ANY.test(text)) return;
    if (HTML_TAG.test(text)) {
      const tag = HTML_TAG.exec(text)![0];
      ctx.add('HTML_IN_TEXT', locateInside(ctx.src, path, tag), fm('prose.html', { tag }), fm('prose.html.hint'));
    }
    for (const [re, written, meant] of SPELLING) {
      if (re.test(text)) {
        ctx.add('SPELLING', locateInside(ctx.src, path, written), fm('prose.spelling', { written, meant }), fm('prose.spelling.hint'));
      }
    }
  });
}

/**
 * What detectLegacyText needs to find anything, over the whole file: a Latin-1 character Vietnamese never uses (or a
 * symbol, or the soft hyphen), one of VNI's vowel pairs, a Latin-1 capital vowel after a lower-case letter, or a
 * backslash (a double-quoted escape can write any of these). Without one, no value of the file can be legacy text.
 */
export const LEGACY_TELLTALE =
  /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d0\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f0\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff\\]|[aAeE][âáàãêéèùõúÂÁÀÃÊÉÈÙÕÚ]|[oO][âùõÂÙÕ]|[uUyY][ùõÙÕ]|\p{Ll}[ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]/u;

/**
 * LEGACY_TELLTALE but its last branch, which the engine would try at every lower-case letter of a whole plan; not
 * `u`: each of its characters is one UTF-16 unit.
 */
const TELLTALE_BUT_CAPITALS =
  /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d0\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f0\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff\\]|[aAeE][âáàãêéèùõúÂÁÀÃÊÉÈÙÕÚ]|[oO][âùõÂÙÕ]|[uUyY][ùõÙÕ]/;
const CAPITAL_VOWEL = /[ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]/g;
const LOWER = /^\p{Ll}$/u;

/**
 * LEGACY_TELLTALE.test(text), for a whole plan: its last branch (a lower-case letter, then a Latin-1 capital vowel)
 * is looked for from the capital, which Vietnamese text seldom has, back to the letter before it (a code point).
 */
export function hasLegacyTelltale(text: string): boolean {
  if (TELLTALE_BUT_CAPITALS.test(text)) return true;
  CAPITAL_VOWEL.lastIndex = 0;
  for (let m = CAPITAL_VOWEL.exec(text); m; m = CAPITAL_VOWEL.exec(text)) {
    const i = m.index;
    const low = text.charCodeAt(i - 1);
    const high = text.charCodeAt(i - 2);
    const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
    if (i > 0 && LOWER.test(pair ? text.slice(i - 2, i) : text.charAt(i - 1))) return true;
  }
  return false;
}

/** Values of legacy text reported one by one; a file pasted whole from a legacy font says the rest in one more finding. */
const MAX_LEGACY_FINDINGS = 10;

/**
 * Each text value of the file (any key, any shape) that is Vietnamese in a legacy font encoding, pasted into an
 * otherwise Unicode plan; a file in such an encoding throughout is refused whole before YAML is read (decode.ts).
 */
function checkLegacyText(ctx: CheckContext): void {
  const { src } = ctx;
  // Nearly every plan is plain Unicode: one pass over the file settles it before any value is visited.
  if (!hasLegacyTelltale(src.text)) return;
  let found = 0;
  let firstOmitted: Position | undefined;
  visit(src.doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
      const legacy = detectLegacyText(node.value);
      if (!legacy) return;
      const source = src.text.slice(node.range[0], node.range[1]);
      const at = position(src, node.range[0] + Math.max(0, source.indexOf(legacy.word)));
      if (++found > MAX_LEGACY_FINDINGS) {
        firstOmitted ??= at;
        return;
      }
      const name = legacy.encoding === 'TCVN3' ? 'TCVN3 (ABC)' : 'VNI Windows';
      const shown = [...node.value.slice(legacy.index)];
      ctx.add(
        'ENCODING_LEGACY',
        at,
        fm('prose.legacy', { encoding: name, text: `${shown.slice(0, 40).join('')}${shown.length > 40 ? '…' : ''}` }),
        fm('prose.legacy.hint', { encoding: name }),
      );
    },
  });
  if (firstOmitted) {
    ctx.add(
      'ENCODING_LEGACY',
      firstOmitted,
      fm('prose.moreLegacy', { n: found - MAX_LEGACY_FINDINGS }),
      fm('prose.moreLegacy.hint'),
    );
  }
}

/** Each checker, and what it needs of the heading: its own fields, or the plan year (records). In this order (see CHECKER). */
const CHECKERS: [Checker, 'heading' | 'year' | undefined][] = [
  [checkHeading, 'heading'],
  [checkSectionsAndIds, undefined],
  [checkAgencies, undefined],
  [checkBases, undefined],
  [checkProse, undefined],
  [checkLegacyText, undefined],
  [checkTimelines, undefined],
  [checkRecords, 'year'],
];

/** Each checker's index in CHECKERS: the analysis keeps, per finding, the checker that made it (analyze.ts). */
export const CHECKER = { heading: 0, ids: 1, agencies: 2, bases: 3, prose: 4, legacy: 5, timelines: 6, records: 7 } as const;

/** Findings of the timeline checks that are about the plan period, so not made while the plan year is unknown. */
const NEEDS_YEAR = new Set<Code>(['WHEN_OUTSIDE_PERIOD', 'DUE_NON_WORKING_DAY']);

/**
 * Runs every check of meaning on a loaded plan and returns the loaded plan's findings with them; `by`, where given,
 * gets the checker of each finding (its index in CHECKERS, -1 for the reading's own), in the same order.
 */
export function checkLoaded(loaded: Loaded, today: string, by?: number[]): Diagnostic[] {
  const out = [...loaded.diagnostics];
  by?.push(...out.map(() => -1));
  let current = -1;
  const { plan, source: src } = loaded;
  if (!plan || !src) return out;
  // A value already reported for its shape (a number where an id belongs) is not reported again for its meaning.
  const shapeErrors = new Set(loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.start.line}:${d.start.col}`));
  const keys = loaded.agencyKeys ?? {};
  // Without the plan year (no readable heading) the period is a placeholder: what depends on it is not checked.
  const heading = loaded.heading ?? { read: true, year: true };
  const ctx: CheckContext = {
    plan,
    src,
    today,
    complete: loaded.complete === true,
    data: loaded.data ?? (plan.raw as unknown as Record<string, unknown>),
    agencyKey: (id) => keys[id] ?? id,
    add(code, where, message, hint, ifTodayBefore) {
      if (!heading.year && NEEDS_YEAR.has(code)) return;
      const at = Array.isArray(where) ? locate(src, where) : where;
      if (shapeErrors.has(`${at.line}:${at.col}`)) return;
      const d = makeDiagnostic(code, src.file, at, message, hint);
      if (ifTodayBefore !== undefined) d.ifTodayBefore = ifTodayBefore;
      out.push(d);
      by?.push(current);
    },
  };
  CHECKERS.forEach(([check, needs], i) => {
    current = i;
    if (needs === undefined || (needs === 'heading' ? heading.read : heading.year)) check(ctx);
  });
  return out;
}

export { nodeAt, position };
