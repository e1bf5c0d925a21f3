// readTaskId (the short way through a task id under a Roman-numbered section) reads every id as readTaskIdPlain does,
// on random ids made of numerals, row numbers, letters, dots and zeros, under sections with and without parts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRomanSection, readTaskId, readTaskIdPlain } from '../../src/checks/check.js';

const pieces = ['I', 'II', 'V', 'IX', 'X', 'A', 'B', '.', '.', '1', '2', '0', '10', '09', 'a', 'đ', 'z', '٣', ' ', ''];
const ids = fc.array(fc.constantFrom(...pieces), { maxLength: 7 }).map((a) => a.join(''));
const rows = fc.oneof(fc.nat({ max: 120 }).map(String), fc.constantFrom('0', '01', '1.2', '1a', '٣', '1 ', '2.'));
const tails = fc.oneof(ids, rows);
const sections = fc.constantFrom('I', 'II', 'IV', 'X', 'A', '', 'I.1', 'iv', 'A.I');
const partLists = fc.constantFrom<string[]>([], ['A', 'B'], ['I', 'II']);
const subLists = fc.constantFrom<string[]>([], ['I.1'], ['II.a', 'I.2']);

describe("the reading of a task's id", () => {
  it('is the plain reading, on random ids and sections', () => {
    let short = 0;
    fc.assert(
      fc.property(fc.constantFrom('', '.', '..', 'none'), tails, sections, partLists, subLists, (sep, tail, section, partIds, subList) => {
        // Most ids begin with their section's numeral, as a plan's do.
        const id = sep === 'none' ? tail : `${section}${sep}${tail}`;
        const subs = new Set(subList);
        const roman = isRomanSection(section, partIds);
        const plain = readTaskIdPlain(id, section, partIds, subs);
        if (roman && id.startsWith(`${section}.`) && /^[1-9]\d*$/.test(id.slice(section.length + 1))) short++;
        expect(readTaskId(id, section, partIds, subs, roman)).toEqual(plain);
      }),
      { numRuns: 30000, seed: 16 },
    );
    // The short way is taken often enough to mean something.
    expect(short).toBeGreaterThan(200);
  });

  it('is the plain reading for the ids a plan has', () => {
    for (const [id, section] of [['III.12', 'III'], ['I.1', 'I'], ['I.01', 'I'], ['I.1.2', 'I'], ['II.1', 'I'], ['I.', 'I'], ['I.a', 'I'], ['IV.10', 'IV'], ['I.1', ''], ['12', '']] as const) {
      const subs = new Set<string>();
      expect(readTaskId(id, section, [], subs, isRomanSection(section, []))).toEqual(readTaskIdPlain(id, section, [], subs));
    }
  });
});
