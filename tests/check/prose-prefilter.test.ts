// The one pattern that lets checkProse pass over a text (SPELLING_ANY) matches exactly where one of the spellings does,
// on random texts made of the spellings' pieces, their neighbours and the characters that bend `\b` and `\s`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPELLING, SPELLING_ANY } from '../../src/checks/check.js';

const pieces = [
  'chuyên', 'chuyển', 'đổi', 'số', 'UBND', 'UBNDTTQ', 'TTQ', 'tính', 'tỉnh', 'Phòng', 'Nội', 'Vụ', 'vụ', 'Đơn', 'đốc',
  'thủ', 'tục', 'hành', 'chánh', 'chính', 'h', 'a', '1', '_', 'ſ', '\u212a', 'é', ' ', ' ', '\n', '\t', '\u00a0', '<b>', '.',
];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((a) => a.join(''));
const plain = (t: string) => SPELLING.some(([re]) => re.test(t));

describe('the prose pre-check of the spellings', () => {
  it('is some spelling’s test, on random texts', () => {
    let yes = 0;
    fc.assert(
      fc.property(texts, (t) => {
        const want = plain(t);
        if (want) yes++;
        expect(SPELLING_ANY.test(t)).toBe(want);
      }),
      { numRuns: 20000, seed: 16 },
    );
    // Both answers are met often enough to mean something.
    expect(yes).toBeGreaterThan(500);
    expect(yes).toBeLessThan(19500);
  });

  it('finds each spelling as written, and none where a word runs on', () => {
    for (const [, written] of SPELLING) expect(SPELLING_ANY.test(`Về ${written} năm 2023`)).toBe(true);
    for (const t of ['UBND tínhh', 'UBND tính_', 'UBND\ttính\u212a', 'UBND\n tính.', 'chuyên  đổi số']) expect(SPELLING_ANY.test(t)).toBe(plain(t));
  });
});
