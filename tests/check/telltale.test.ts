// hasLegacyTelltale (the whole-plan test that decides whether any value may be legacy-font text) says what
// LEGACY_TELLTALE.test says, on random text made of the characters that matter: letters before and after Latin-1
// vowels, capitals, surrogate pairs (a lower-case letter outside the BMP, lone halves), backslashes.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLegacyTelltale, LEGACY_TELLTALE } from '../../src/checks/check.js';
import { generatePlan } from '../../scripts/gen-plan.mjs';
import { SHIPPED } from './helpers.js';

const pieces = [
  'a', 'e', 'o', 'u', 'y', 'A', 'O', 'U', 'x', 'Z', ' ', '\n', 'đ', 'ư', 'ạ', 'ế', 'ô', 'ơ',
  'â', 'á', 'à', 'ã', 'ê', 'é', 'è', 'ù', 'õ', 'ú', 'Â', 'Á', 'À', 'Ã', 'Ê', 'É', 'È', 'Ù', 'Õ', 'Ú', 'Ì', 'Í', 'Ò', 'Ó', 'Ô', 'Ý',
  '«', '§', 'ñ', 'ö', '\\', 'ß', '\u00ad',
  '\u{1d41a}', // a mathematical lower-case a: \p{Ll} outside the BMP
  '\u{1d400}', // its capital
  '\ud835', '\udc1a', // the halves of it, alone
];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join(''));

describe('the legacy-text telltale of a whole plan', () => {
  it('is LEGACY_TELLTALE.test, on random texts', () => {
    let yes = 0;
    fc.assert(
      fc.property(texts, (t) => {
        const want = LEGACY_TELLTALE.test(t);
        if (want) yes++;
        expect(hasLegacyTelltale(t)).toBe(want);
      }),
      { numRuns: 20000, seed: 16 },
    );
    // Both answers are met often enough to mean something.
    expect(yes).toBeGreaterThan(2000);
    expect(yes).toBeLessThan(18000);
  });

  it('is LEGACY_TELLTALE.test where only the last branch decides, and on real plans', () => {
    for (const t of ['hoÀ', 'Ì', ' À', '\u{1d41a}À', '\udc1aÀ', 'NĂMÀ', 'năÀ', readFileSync(SHIPPED, 'utf8'), generatePlan(200)]) {
      expect(hasLegacyTelltale(t)).toBe(LEGACY_TELLTALE.test(t));
    }
    expect(hasLegacyTelltale('hoÀ')).toBe(true);
    expect(hasLegacyTelltale('\u{1d41a}À')).toBe(true);
    expect(hasLegacyTelltale('\udc1aÀ')).toBe(false);
  });
});
