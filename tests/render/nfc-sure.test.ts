// The characters whose text the tables measure without normalizing it: NFC leaves them, and any text of them, as they are.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NFC_SURE, nfc } from '../../src/render/table.js';

/** Every character table.ts trusts to be composed already (surrogates stand for astral letters, never trusted). */
const SURE = Array.from({ length: 0xd800 }, (_, i) => String.fromCharCode(i)).filter((c) => NFC_SURE.test(c));

describe('text known to be NFC', () => {
  it('trusts Latin letters, Vietnamese among them, and common punctuation', () => {
    expect(SURE.length).toBeGreaterThan(1000);
    for (const c of 'aZ09 ếươđĐạỹẠỸ–—…“”·') expect(SURE).toContain(c);
    // Combining marks and a singleton (Ω U+2126, which NFC makes U+03A9) are never trusted.
    for (const c of ['\u0301', '\u0323', '\u2126']) expect(SURE).not.toContain(c);
  });

  it('every trusted character is unchanged by NFC, alone and before every other (nothing composes or reorders)', () => {
    const changed: string[] = [];
    for (const a of SURE) {
      if (a.normalize('NFC') !== a) changed.push(a);
      for (const b of SURE) if ((a + b).normalize('NFC') !== a + b) changed.push(a + b);
    }
    expect(changed).toEqual([]);
  });

  it('nfc() is String.prototype.normalize("NFC") for text of trusted and untrusted characters alike', () => {
    // Combining marks, decomposed Vietnamese, a singleton (Ω U+2126), an astral letter, among trusted letters.
    const letter = fc.constantFrom('a', 'ế', 'Đ', ' ', '—', '…', '\n', '\u0301', '\u0323', 'e\u0302\u0301', '\u2126', '\u{1d400}', 'ư', '\u00c5', 'A\u030a');
    fc.assert(
      fc.property(fc.array(letter, { maxLength: 20 }).map((a) => a.join('')), (s) => {
        expect(nfc(s)).toBe(s.normalize('NFC'));
      }),
      { numRuns: 2000 },
    );
    expect(nfc('Văn phòng HĐND-UBND huyện')).toBe('Văn phòng HĐND-UBND huyện');
  });
});
