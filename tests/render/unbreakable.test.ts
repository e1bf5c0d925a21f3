// The room a column keeps for its longest id, date or number: found by one search, as splitting into words found it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unbreakable, type Column } from '../../src/render/table.js';

/** The definition: every whitespace-separated word with a digit or / . - , colour codes stripped, measured composed. */
function reference(rows: string[][], natural: number[]): number[] {
  return natural.map((n, i) => {
    let longest = 0;
    for (const r of rows) {
      for (const word of (r[i] ?? '').replace(/\u001b\[[0-9;]*m/g, '').split(/\s+/)) {
        if (/[\d/.-]/.test(word)) longest = Math.max(longest, [...word.normalize('NFC')].length);
      }
    }
    return Math.min(n, longest + 2);
  });
}

describe('unbreakable', () => {
  it('keeps for each column its longest word with a digit or / . - , as a split into words does', () => {
    const piece = fc.constantFrom('41/KH-UBND', '31/12/2023', 'X.2', 'cqcm-huyen', 'Văn', 'phòng', 'huyê\u0323\u0302n', ' ', '  ', '\t', '\n', '\u00a0', '\u001b[1m', '\u001b[22m', '-', '.', '7', 'a', '\u{1d400}1');
    const cell = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { maxLength: 8 }), fc.tuple(fc.nat(40), fc.nat(40), fc.nat(40)), (rows, natural) => {
        const columns: Column[] = [{ head: 'a' }, { head: 'b' }, { head: 'c' }];
        expect(unbreakable(columns, rows, natural)).toEqual(reference(rows, natural));
      }),
      { numRuns: 2000 },
    );
  });
});
