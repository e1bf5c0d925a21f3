// The word-wrapper's quick path (a line without surrogates, cut on the string) cuts where its letter-by-letter path does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapLine } from '../../src/render/table.js';

/** Each letter but the space made astral (a surrogate pair), so that wrapLine takes its letter-by-letter path. */
const ASTRAL = 0x1f300;
const toAstral = (s: string) => [...s].map((c) => (c === ' ' ? c : String.fromCodePoint(ASTRAL + c.charCodeAt(0)))).join('');
const fromAstral = (s: string) => [...s].map((c) => (c === ' ' ? c : String.fromCharCode(c.codePointAt(0)! - ASTRAL))).join('');

describe('wrapLine', () => {
  it('cuts a line of one-unit letters as the letter-by-letter path cuts the same letters', () => {
    const line = fc.array(fc.constantFrom('a', 'b', 'ế', ' ', ' ', '-', '/', '1'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(line, fc.integer({ min: 1, max: 12 }), fc.boolean(), (text, width, breakWords) => {
        const quick = wrapLine(text, width, { breakWords });
        const slow = wrapLine(toAstral(text), width, { breakWords }).map(fromAstral);
        expect(quick).toEqual(slow);
      }),
      { numRuns: 3000 },
    );
  });
});
