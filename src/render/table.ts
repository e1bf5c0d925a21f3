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
  return widths;
}

export function renderTable(columns: Column[], rows: string[][], width: number, style: Style): string {
  const widths = fitWidths(columns, rows, width);
  const table = new Table({
    head: columns.map((c) => style.bold(c.head)),
    colWidths: widths,
    colAligns: columns.map((c) => c.align ?? 'left'),
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: style.enabled ? ['grey'] : [], compact: false },
  });
  for (const r of rows) table.push(r);
  return table.toString() + '\n';
}
