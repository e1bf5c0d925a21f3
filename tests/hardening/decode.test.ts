// Reading a plan's bytes quickly says the same as reading them letter by letter: UTF-8 checked by the platform's
// decoder, legacy encodings counted by regular expressions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePlanBytes, detectLegacy, firstInvalidUtf8, type LegacyEncoding } from '../../src/read/decode.js';

/** detectLegacy as it was written first: one letter at a time. */
function detectLegacySlow(text: string): LegacyEncoding | undefined {
  let tcvn3 = 0;
  let vni = 0;
  let cp1258 = 0;
  let unicode = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0xa1) continue;
    if (c > 0xff) {
      if (/[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/u.test(ch)) unicode++;
      continue;
    }
    if (/[\u00a1-\u00bf]/u.test(ch)) tcvn3++;
    else if (/[äåæëîïñöøûüÄÅÆËÎÏÑÖØÛÜ]/u.test(ch)) vni++;
    else if (/[ÞþÐð]/u.test(ch)) cp1258++;
  }
  const legacy = tcvn3 + vni + cp1258;
  if (legacy < 3 || unicode >= legacy) return undefined;
  if (tcvn3 * 4 >= legacy) return 'TCVN3';
  if (vni >= cp1258) return 'VNI';
  return 'Windows-1258';
}

/** Letters that decide: ASCII, Latin-1 symbols and letters, Unicode Vietnamese, astral characters. */
const letter = fc.constantFrom(...'ab ,\n§«»°¡¿äöñøÞþÐðàáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ😀'.split(/(?:)/u));

describe('reading bytes quickly', () => {
  it('detectLegacy counts as the letter-by-letter reading does', () => {
    fc.assert(
      fc.property(fc.array(letter, { maxLength: 60 }), (letters) => {
        const text = letters.join('');
        expect(detectLegacy(text)).toBe(detectLegacySlow(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('the decoder refuses exactly the bytes firstInvalidUtf8 finds, at the place it finds', () => {
    // Bytes near UTF-8's edges: lead bytes, continuations, overlong and surrogate forms, truncated sequences.
    const byte = fc.constantFrom(0x41, 0x0a, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x8f, 0x90);
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (bytes) => {
        const body = Uint8Array.from([0x61, ...bytes]);
        const bad = firstInvalidUtf8(body);
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(body);
        } catch {
          valid = false;
        }
        expect(valid).toBe(bad < 0);
        const d = decodePlanBytes(body, 'p.yaml');
        if (bad >= 0) expect(d.diagnostics.map((x) => x.code)).toEqual([expect.stringMatching(/^ENCODING_(INVALID|LEGACY)$/)]);
        else expect(d.diagnostics.map((x) => x.code).filter((c) => c.startsWith('ENCODING'))).toEqual([]);
      }),
      { numRuns: 5000 },
    );
  });
});
