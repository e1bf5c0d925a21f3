// Tables that fit the terminal: natural widths for short columns, the rest shared by the text columns, wrapped.
// Drawn here rather than with cli-table3 (tried again, with these widths and pre-wrapped cells, byte for byte the same
// output): its layout compares every cell with every other (a 5 000-row agencies table took 45 s), it measures each
// cell many times through string-width, and `tthc status` took 50–80 ms more CPU, over the start-up budget.
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

function visibleWidth(s: string): number {
  // Vietnamese letters are one column each once composed; strip colour codes first.
  let max = 0;
  for (const l of s.replace(/\u001b\[[0-9;]*m/g, '').normalize('NFC').split('\n')) max = Math.max(max, [...l].length);
  return max;
}

/** Column widths (content only) that make the table at most `width` columns wide, borders included. */
export function fitWidths(columns: Column[], rows: string[][], width: number): number[] {
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
function unbreakable(columns: Column[], rows: string[][], natural: number[]): number[] {
  return columns.map((_, i) => {
    let longest = 0;
    for (const r of rows) {
      for (const word of (r[i] ?? '').replace(ANSI, '').split(/[\s]+/)) if (TOKEN.test(word)) longest = Math.max(longest, [...word.normalize('NFC')].length);
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

function cellLines(cell: string, width: number, maxLines?: number): string[] {
  const { pre, text, post } = splitStyle(cell.normalize('NFC'));
  let lines = text.split('\n').flatMap((l) => wrapLine(l, width));
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
  const room = width - [...line.replace(ANSI, '')].length;
  if (room <= 0) return line;
  if (align === 'right') return ' '.repeat(room) + line;
  if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + line + ' '.repeat(Math.ceil(room / 2));
  return line + ' '.repeat(room);
}

/** `fitRows`: rows to fit the widths to (all groups of a grouped list), when more than those printed. */
export function renderTable(columns: Column[], rows: string[][], width: number, style: Style, fitRows: string[][] = rows): string {
  const widths = fitWidths(columns, fitRows, width);
  const b = (s: string) => (style.enabled ? style.dim(s) : s);
  const rule = (l: string, m: string, r: string) => b(l + widths.map((w) => '─'.repeat(w)).join(m) + r) + '\n';
  const draw = (cells: string[], head: boolean): string => {
    const parts = widths.map((w, i) => {
      const c = columns[i];
      return cellLines(head ? cells[i] ?? '' : cells[i] ?? '', Math.max(1, w - 2), head ? undefined : c?.maxLines);
    });
    const height = Math.max(1, ...parts.map((p) => p.length));
    let out = '';
    for (let k = 0; k < height; k++) {
      out += b('│') + parts.map((p, i) => ` ${pad(p[k] ?? '', widths[i]! - 2, columns[i]?.align)} `).join(b('│')) + b('│') + '\n';
    }
    return out;
  };
  let out = rule('┌', '┬', '┐') + draw(columns.map((c) => style.bold(c.head)), true);
  for (const r of rows) out += rule('├', '┼', '┤') + draw(r, false);
  return out + rule('└', '┴', '┘');
}
