// A long table is drawn by cli-table3 in chunks of rows; the chunks must join to the bytes of one table.
import { describe, expect, it } from 'vitest';
import { makeStyle } from '../../src/render/style.js';
import { CHUNK_ROWS, renderTable, type Column } from '../../src/render/table.js';

/** The same rows on every run: a small linear congruential generator. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const WORDS = ['Văn', 'phòng', 'HĐND-UBND', 'huyện', 'kiểm', 'soát', 'thủ', 'tục', 'hành', 'chính', '41/KH-UBND', '31/12/2023', 'X.2', 'cqcm-huyen', 'Đồng', 'bộ', 'Tư', 'pháp', 'rấtrấtrấtdàidàidàikhôngcókhoảngtrắng'];

function rows(n: number): string[][] {
  const r = rng(7);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const style = makeStyle(true);
  const paint = [style.red, style.yellow, style.green, style.dim, style.bold, (s: string) => s, (s: string) => s];
  const text = (max: number) =>
    Array.from({ length: 1 + Math.floor(r() * max) }, () => pick(WORDS))
      .join(r() < 0.1 ? '\n' : ' ');
  return Array.from({ length: n }, (_, i) => [
    pick(paint)(String(i + 1)),
    pick(paint)(text(3)),
    pick(paint)(text(40)),
    r() < 0.2 ? '' : pick(paint)(text(2)),
    pick(paint)(text(25)),
  ]);
}

const COLUMNS: Column[] = [
  { head: '#', align: 'right' },
  { head: 'Mã' },
  { head: 'Nội dung', flex: 2, maxLines: 3 },
  { head: 'Hạn', align: 'center' },
  { head: 'Ghi chú', flex: 1 },
];

describe('a table drawn in chunks', () => {
  const data = rows(300);
  it.each([
    [40, true],
    [80, true],
    [132, false],
    [80, false],
  ])('is the same bytes as one table (width %i, colour %s)', { timeout: 60_000 }, (width, colour) => {
    const style = makeStyle(colour);
    // Drawn whole for the comparison: cli-table3's quadratic layout makes this the slow part of the test.
    const whole = renderTable(COLUMNS, data, width, style, data, data.length + 1);
    for (const chunk of [1, 7, CHUNK_ROWS]) expect(renderTable(COLUMNS, data, width, style, data, chunk)).toBe(whole);
    // One top border, one bottom border, a rule under the head and between the rows.
    const lines = whole.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
    expect(lines.filter((l) => l.startsWith('┌'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('└'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('├'))).toHaveLength(data.length);
    expect(lines.filter((l) => l.startsWith('│') && /^│ +\d+ │/.test(l))).toHaveLength(data.length);
  });

  it('draws a table of the head alone', () => {
    const out = renderTable(COLUMNS, [], 80, makeStyle(false));
    expect(out.split('\n').filter(Boolean)).toHaveLength(3);
  });
});
