// Tables that fit the terminal: natural widths for short columns, the rest shared by the text columns, wrapped.
import Table from 'cli-table3';
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

/** Cuts `s` at a word boundary so that it wraps into at most `lines` lines of `width` columns. */
export function clip(s: string, width: number, lines: number): string {
  const max = width * lines - 1;
  const chars = [...s];
  if (chars.length <= max) return s;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/u, '') + '…';
}

function visibleWidth(s: string): number {
  // Vietnamese letters are one column each once composed; strip colour codes first.
  return Math.max(0, ...s.replace(/\u001b\[[0-9;]*m/g, '').normalize('NFC').split('\n').map((l) => [...l].length));
}

/** Column widths (content only) that make the table at most `width` columns wide, borders included. */
export function fitWidths(columns: Column[], rows: string[][], width: number): number[] {
  const natural = columns.map((c, i) => Math.max(visibleWidth(c.head), ...rows.map((r) => visibleWidth(r[i] ?? ''))) + 2);
  const border = columns.length + 1;
  const fixed = columns.reduce((s, c, i) => s + (c.flex ? 0 : natural[i]!), 0);
  const flexTotal = columns.reduce((s, c) => s + (c.flex ?? 0), 0);
  let room = width - border - fixed;
  const widths = natural.slice();
  if (flexTotal === 0) return widths;
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
  for (const i of pending) widths[i] = Math.max(columns[i]!.min ?? 10, Math.floor((room * columns[i]!.flex!) / Math.max(1, share)));
  return shrinkToFit(widths, width - border);
}

/** Narrows the widest columns, one column at a time, until the table fits; cells then wrap. */
function shrinkToFit(widths: number[], room: number): number[] {
  const w = widths.slice();
  let total = w.reduce((a, b) => a + b, 0);
  while (total > room) {
    let widest = 0;
    for (let i = 1; i < w.length; i++) if (w[i]! > w[widest]!) widest = i;
    if (w[widest]! <= 5) break;
    w[widest]!--;
    total--;
  }
  return w;
}

/** Wraps plain text (a header line) to the terminal width at spaces. */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let cur = '';
      for (const word of line.split(' ')) {
        if (cur && [...cur].length + 1 + [...word].length > width) {
          out.push(cur);
          cur = word;
        } else cur = cur ? `${cur} ${word}` : word;
      }
      out.push(cur);
      return out.join('\n');
    })
    .join('\n');
}

/** `fitRows`: rows to fit the widths to (all groups of a grouped list), when more than those printed. */
export function renderTable(columns: Column[], rows: string[][], width: number, style: Style, fitRows: string[][] = rows): string {
  const widths = fitWidths(columns, fitRows, width);
  const table = new Table({
    head: columns.map((c) => style.bold(c.head)),
    colWidths: widths,
    colAligns: columns.map((c) => c.align ?? 'left'),
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: style.enabled ? ['grey'] : [], compact: false },
  });
  for (const r of rows) {
    table.push(r.map((cell, i) => {
      const c = columns[i];
      return c?.maxLines ? clip(cell, Math.max(4, widths[i]! - 3), c.maxLines) : cell;
    }));
  }
  return table.toString() + '\n';
}
