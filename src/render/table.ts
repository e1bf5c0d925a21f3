// Tables that fit the terminal: natural widths for short columns, the rest shared by the text columns, wrapped; drawn
// by cli-table3. The widths and the wrapping stay ours (cli-table3's layout compares every cell with every other), so
// cli-table3 is given pre-wrapped, pre-padded cells and draws a long table in chunks of rows: linear in rows.
import Table from 'cli-table3';
import { terminalText } from './escape.js';
import type { Style } from './style.js';

export interface Column {
  head: string;
  /** Text columns take what is left of the width and wrap; others keep their natural width. */
  flex?: number;
  align?: 'left' | 'right' | 'center';
  /** The narrowest a wrapped column may get. */
  min?: number;
  /** Cut longer texts to about this many lines, with "…" (the full text is one `tthc show` away). */
  maxLines?: number;
}

/** Letters (code points) in a text: its length unless it has a surrogate (then spread, as a string iterates). */
const SURROGATE = /[\ud800-\udfff]/;
export function letters(s: string): number {
  return SURROGATE.test(s) ? [...s].length : s.length;
}

/**
 * Text that NFC leaves as it is, so that normalizing it can be skipped: ASCII, Latin letters with Vietnamese's
 * precomposed ones (U+1E00–U+1EFF), and dashes, quotes and the ellipsis. Each of these is a starter that composes
 * with nothing before it (a test checks every one of them, alone and in pairs).
 */
export const NFC_SURE = /^[\u0000-\u02ff\u1e00-\u1eff\u2010-\u2027]*$/;
export function nfc(s: string): string {
  return NFC_SURE.test(s) ? s : s.normalize('NFC');
}

/** A single line of such text without colour codes: its width is its length (the common cell, measured at once). */
const PLAIN_LINE = /^[\u0000-\u0009\u000b-\u001a\u001c-\u02ff\u1e00-\u1eff\u2010-\u2027]*$/;

function visibleWidth(s: string): number {
  if (PLAIN_LINE.test(s)) return s.length;
  // Vietnamese letters are one column each once composed; strip colour codes first.
  let max = 0;
  for (const l of s.replace(/\u001b\[[0-9;]*m/g, '').normalize('NFC').split('\n')) max = Math.max(max, letters(l));
  return max;
}

/**
 * Rows that hold each column's distinct texts once, blank below: every measure fitWidths takes is a column's widest
 * or longest, the same over these as over all rows, and a column's texts repeat (across plans, each row's plan).
 */
function distinctRows(columns: number, rows: string[][]): string[][] {
  const seen = Array.from({ length: columns }, () => new Set<string>());
  for (const r of rows) for (let i = 0; i < columns; i++) seen[i]!.add(r[i] ?? '');
  const texts = seen.map((s) => [...s]);
  const height = texts.reduce((m, t) => Math.max(m, t.length), 0);
  return Array.from({ length: height }, (_, k) => texts.map((t) => t[k] ?? ''));
}

/** Column widths (content only) that make the table at most `width` columns wide, borders included. */
export function fitWidths(columns: Column[], allRows: string[][], width: number): number[] {
  const rows = distinctRows(columns.length, allRows);
  // A loop, not Math.max(...rows): spreading tens of thousands of arguments overflows the stack.
  const natural = columns.map((c, i) => rows.reduce((m, r) => Math.max(m, visibleWidth(r[i] ?? '')), visibleWidth(c.head)) + 2);
  const border = columns.length + 1;
  const fixed = columns.reduce((s, c, i) => s + (c.flex ? 0 : natural[i]!), 0);
  const flexTotal = columns.reduce((s, c) => s + (c.flex ?? 0), 0);
  let room = width - border - fixed;
  const widths = natural.slice();
  if (flexTotal === 0) return shrinkToFit(widths, width - border, unbreakable(columns, rows, natural));
  // Give each text column its share, but never more than it needs; hand the rest to the others.
  const flexIdx = columns.map((c, i) => (c.flex ? i : -1)).filter((i) => i >= 0);
  let pending = flexIdx.slice();
  let share = flexTotal;
  let changed = true;
  while (changed && pending.length) {
    changed = false;
    for (const i of pending) {
      const want = Math.floor((room * columns[i]!.flex!) / share);
      if (natural[i]! <= want) {
        widths[i] = natural[i]!;
        room -= natural[i]!;
        share -= columns[i]!.flex!;
        pending = pending.filter((x) => x !== i);
        changed = true;
      }
    }
  }
  const floors = unbreakable(columns, rows, natural);
  for (const i of pending) widths[i] = Math.max(columns[i]!.min ?? 10, floors[i]!, Math.floor((room * columns[i]!.flex!) / Math.max(1, share)));
  return shrinkToFit(widths, width - border, floors);
}

/**
 * Ids, dates, periods and document numbers ("cqcm-huyen", "41/KH-UBND", "31/12/2023", "X.2": words with a digit or
 * one of / . -) are never broken where the table can still fit: a column keeps room for its longest such word.
 */
const TOKEN = /[\d/.-]/;
const TOKEN_WORD = /\S*[\d/.-]\S*/g;
export function unbreakable(columns: Column[], rows: string[][], natural: number[]): number[] {
  return columns.map((_, i) => {
    let longest = 0;
    for (const r of rows) {
      const cell = r[i] ?? '';
      // A cell with no digit nor / . - anywhere has no such word (colour codes have digits: those cells look closer).
      if (!TOKEN.test(cell)) continue;
      // Only the words with such a character: each match is a whole word (a word without one does not match at all).
      for (const [word] of cell.replace(ANSI, '').matchAll(TOKEN_WORD)) longest = Math.max(longest, letters(nfc(word)));
    }
    return Math.min(natural[i]!, longest + 2);
  });
}

/** Narrows the widest columns, one column at a time, until the table fits; cells then wrap. */
function shrinkToFit(widths: number[], room: number, floors: number[] = []): number[] {
  const w = widths.slice();
  let total = w.reduce((a, b) => a + b, 0);
  // First only where no id or date would be broken; then, if the terminal is too narrow for that, anywhere.
  while (total > room) {
    let widest = -1;
    for (let i = 0; i < w.length; i++) if (w[i]! > Math.max(5, floors[i] ?? 0) && (widest < 0 || w[i]! > w[widest]!)) widest = i;
    if (widest < 0) break;
    w[widest]!--;
    total--;
  }
  // Down to three letters a column first; on a very narrow terminal, down to one.
  for (const floor of [5, 3]) {
    while (total > room) {
      let widest = 0;
      for (let i = 1; i < w.length; i++) if (w[i]! > w[widest]!) widest = i;
      if (w[widest]! <= floor) break;
      w[widest]!--;
      total--;
    }
  }
  return w;
}

/** Wraps plain text (a header line) to the terminal width at spaces; a word longer than the width keeps its line. */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, width, { breakWords: false }).join('\n'))
    .join('\n');
}

/** `fitRows`: rows to fit the widths to (all groups of a grouped list), when more than those printed. */
const ANSI = /\u001b\[[0-9;]*m/g;

/** Colour codes around a whole cell (as Style applies them), so that each wrapped line can wear them again. */
function splitStyle(cell: string): { pre: string; text: string; post: string } {
  if (!cell.includes('\u001b')) return { pre: '', text: terminalText(cell), post: '' };
  const pre = /^(?:\u001b\[[0-9;]*m)+/.exec(cell)?.[0] ?? '';
  const rest = cell.slice(pre.length);
  const post = /(?:\u001b\[[0-9;]*m)+$/.exec(rest)?.[0] ?? '';
  // The text is the plan's: its own escape sequences are shown, not obeyed (the cell's colour is ours).
  return { pre, text: terminalText(rest.slice(0, rest.length - post.length).replace(ANSI, '')), post };
}

/**
 * Word-wraps one line of plain text to `width` columns, the one word-wrapper: a word longer than the width is broken
 * (in table cells) or keeps a line of its own (`breakWords: false`, headings). Linear in the line.
 */
export function wrapLine(line: string, width: number, opts: { breakWords?: boolean } = {}): string[] {
  const breakWords = opts.breakWords ?? true;
  if (!SURROGATE.test(line)) return wrapUnits(line, width, breakWords);
  const out: string[] = [];
  let cur: string[] = [];
  for (const word of line.split(' ')) {
    const w = [...word];
    if (cur.length && cur.length + 1 + w.length > width) {
      out.push(cur.join(''));
      cur = [];
    }
    if (cur.length) cur.push(' ');
    // A word longer than the line is cut into pieces by index: slicing the rest again at each piece is quadratic.
    let from = 0;
    while (breakWords && cur.length + (w.length - from) > width) {
      const room = width - cur.length;
      for (let k = from; k < from + room; k++) cur.push(w[k]!);
      out.push(cur.join(''));
      cur = [];
      from += room;
    }
    for (let k = from; k < w.length; k++) cur.push(w[k]!);
  }
  out.push(cur.join(''));
  return out;
}

/** wrapLine for a line without surrogates, where each UTF-16 unit is one letter: the same cuts, made on the string. */
function wrapUnits(line: string, width: number, breakWords: boolean): string[] {
  // A line that fits is its own single line (leading spaces aside, which the loop drops): no word is looked at.
  if (line.length <= width && line.charCodeAt(0) !== 32) return [line];
  const out: string[] = [];
  let cur = '';
  for (const word of line.split(' ')) {
    if (cur.length && cur.length + 1 + word.length > width) {
      out.push(cur);
      cur = '';
    }
    if (cur.length) cur += ' ';
    let from = 0;
    while (breakWords && cur.length + (word.length - from) > width) {
      const room = width - cur.length;
      out.push(cur + word.slice(from, from + room));
      cur = '';
      from += room;
    }
    cur += word.slice(from);
  }
  out.push(cur);
  return out;
}

function cellLines(cell: string, width: number, maxLines?: number): string[] {
  const { pre, text, post } = splitStyle(nfc(cell));
  let lines = text.includes('\n') ? text.split('\n').flatMap((l) => wrapLine(l, width)) : wrapLine(text, width);
  if (maxLines && lines.length > maxLines) {
    lines = lines.slice(0, maxLines);
    // Room for the ellipsis: drop the last word rather than cut one in the middle.
    let last = lines[maxLines - 1]!.replace(/[\s,;:.]+$/u, '');
    if ([...last].length >= width) {
      const space = last.lastIndexOf(' ');
      last = (space > 0 ? last.slice(0, space) : [...last].slice(0, width - 1).join('')).replace(/[\s,;:.]+$/u, '');
    }
    lines[maxLines - 1] = last + '…';
  }
  return lines.map((l) => (pre || post ? pre + l + post : l));
}

function pad(line: string, width: number, align: Column['align']): string {
  const room = width - letters(line.includes('\u001b') ? line.replace(ANSI, '') : line);
  if (room <= 0) return line;
  if (align === 'right') return ' '.repeat(room) + line;
  if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + line + ' '.repeat(Math.ceil(room / 2));
  return line + ' '.repeat(room);
}

/** Rows per cli-table3 table: its layout is quadratic in the rows it is given, so a long table is drawn in chunks. */
export const CHUNK_ROWS = 64;

const RULE_START = /^[┌├└]/;

/**
 * `fitRows`: rows to fit the widths to (all groups of a grouped list), when more than those printed. `chunkRows`: rows
 * per cli-table3 table (tests draw a table whole to show that the chunks join to the same bytes).
 */
export function renderTable(columns: Column[], rows: string[][], width: number, style: Style, fitRows: string[][] = rows, chunkRows = CHUNK_ROWS): string {
  return drawTable(columns, rows, fitWidths(columns, fitRows, width), style, chunkRows);
}

/** renderTable with the widths already fitted (fitWidths): groups of one long list fitted once, drawn one by one. */
export function drawTable(columns: Column[], rows: string[][], widths: number[], style: Style, chunkRows = CHUNK_ROWS): string {
  const dim = (s: string) => (style.enabled ? style.dim(s) : s);
  // Each cell's lines wrapped and padded here: cli-table3 then only lays them out and draws the borders.
  const cell = (text: string, i: number, head: boolean): string => {
    const w = widths[i]!;
    const c = columns[i];
    return cellLines(text, Math.max(1, w - 2), head ? undefined : c?.maxLines)
      .map((l) => pad(l, w - 2, c?.align))
      .join('\n');
  };
  // A column's cells repeat (the plan of each row across plans, a role, a period, the same task in many plans): each
  // text is wrapped and padded once per column.
  const made = widths.map(() => new Map<string, string>());
  const body = (r: string[]): string[] =>
    widths.map((_, i) => {
      const text = r[i] ?? '';
      const known = made[i]!.get(text);
      if (known !== undefined) return known;
      const drawn = cell(text, i, false);
      made[i]!.set(text, drawn);
      return drawn;
    });
  const all = [widths.map((_, i) => cell(columns[i] ? style.bold(columns[i].head) : '', i, true)), ...rows.map(body)];
  const bar = dim('│');
  let out = '';
  for (let from = 0; from < all.length; from += chunkRows) {
    const first = from === 0;
    const last = from + chunkRows >= all.length;
    // A later chunk's top border is the rule between rows; every chunk but the last leaves its bottom border out.
    const top = first ? { 'top-left': '┌', 'top-mid': '┬', 'top-right': '┐' } : { 'top-left': '├', 'top-mid': '┼', 'top-right': '┤' };
    const table = new Table({
      chars: { ...top, left: bar, middle: bar, right: bar },
      colWidths: widths,
      style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    });
    table.push(...all.slice(from, from + chunkRows));
    const text = table.toString();
    // Without colour there is nothing to dim: the chunk is taken whole, its bottom border cut but for the last.
    if (!style.enabled) {
      out += last ? text + '\n' : text.slice(0, text.lastIndexOf('\n') + 1);
      continue;
    }
    const lines = text.split('\n');
    if (!last) lines.pop();
    // The rules are drawn plain and dimmed whole, as one run of colour; the bars between cells are dimmed one by one.
    for (const l of lines) out += (RULE_START.test(l) ? dim(l) : l) + '\n';
  }
  return out;
}
