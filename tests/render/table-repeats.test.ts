// A text repeated down a column or across columns is drawn as each column wants it (its width, its alignment, its line cap).
import { describe, expect, it } from 'vitest';
import { makeStyle } from '../../src/render/style.js';
import { drawTable, fitWidths, type Column } from '../../src/render/table.js';

const LONG = 'Rà soát, đánh giá thủ tục hành chính thuộc lĩnh vực tư pháp và đề xuất phương án đơn giản hóa';
const COLUMNS: Column[] = [{ head: 'A' }, { head: 'B', align: 'right' }, { head: 'C', maxLines: 2 }];
const WIDTHS = [30, 20, 14];

const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
/** The body lines of a table, colour left out, without its borders' rules. */
const body = (text: string) => strip(text).split('\n').filter((l) => l.startsWith('│'));

describe('repeated cells', () => {
  it.each([false, true])('the same text in three columns is wrapped, aligned and cut for each (colour %s)', (colour) => {
    const style = makeStyle(colour);
    const row = [LONG, LONG, LONG];
    const together = drawTable(COLUMNS, [row, ['x', 'y', 'z'], row], WIDTHS, style);
    // Each column drawn with the text alone in it: what the repeated cell must look like there.
    const alone = COLUMNS.map((c, i) => body(drawTable([c], [[LONG]], [WIDTHS[i]!], style)).slice(1));
    const rows = body(together).slice(1);
    const height = Math.max(...alone.map((a) => a.length));
    for (const start of [0, height + 1]) {
      for (let line = 0; line < height; line++) {
        const cells = rows[start + line]!.split('│').slice(1, -1);
        cells.forEach((cell, i) => expect(cell).toBe((alone[i]![line] ?? `│${' '.repeat(WIDTHS[i]!)}│`).split('│')[1]));
      }
    }
    // The right-aligned column ends at its border; the capped one stops at two lines with an ellipsis.
    expect(alone[1]![0]!).toMatch(/ │$/);
    expect(alone[2]![1]!).toMatch(/… +│$/);
  });
});

describe('widths of columns whose texts repeat', () => {
  // Column A has two texts, B many: the widest text and the one date of each stand once among repeats.
  const rows = Array.from({ length: 40 }, (_, k) => [k % 2 ? 'ngắn' : 'x', `việc ${k}`]);
  rows[17] = ['một ô rất dài ở giữa', 'việc 17'];
  rows.push(['x', 'hạn 31/12/2023']);
  const columns: Column[] = [{ head: 'A' }, { head: 'B', flex: 1 }];

  it('each column is as wide as its widest text, seen once or many times', () => {
    expect(fitWidths(columns, rows, 200)).toEqual(['một ô rất dài ở giữa'.length + 2, 'hạn 31/12/2023'.length + 2]);
  });

  it('a date seen once keeps its room when the table must narrow', () => {
    const widths = fitWidths(columns, rows, 30);
    expect(widths[1]).toBeGreaterThanOrEqual('31/12/2023'.length + 2);
    expect(widths.reduce((a, b) => a + b, 0) + 3).toBeLessThanOrEqual(30);
  });
});
