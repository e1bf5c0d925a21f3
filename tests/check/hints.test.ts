// Hints that say something true: the real size of a file too large, a real day for one that does not exist, the numeral a duplicated section was meant to have.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateHint } from '../../src/checks/dates.js';
import { decodePlanBytes, fileSize, headOf, MAX_PLAN_BYTES } from '../../src/read/decode.js';
import { checkJson, readText, scratchDir } from './helpers.js';
import { sayFinding } from '../../src/messages/findings-say.js';

const BASE = readText('tests/check/fixtures/VALID.yaml');

let scratch: ReturnType<typeof scratchDir>;
let n = 0;
beforeAll(() => {
  scratch = scratchDir('hints');
});
afterAll(() => scratch.remove());

function plan(text: string | Buffer): string {
  const path = join(scratch.dir, `plan-${++n}.yaml`);
  writeFileSync(path, text);
  return path;
}

describe('TOO_LARGE says the size of the file, not of the part read', () => {
  it('a 20 MB file: 19.1 MiB, its bytes, and the limit', async () => {
    const { report } = await checkJson(plan(Buffer.alloc(20_000_000, '# padding\n')));
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]!.message).toBe('The file is 19.1 MiB (20,000,000 bytes); a plan is at most 8 MiB.');
  }, 20_000);

  it('the head of a file keeps the size of the whole, for the check run in the lazily loaded half too', () => {
    const head = headOf(new Uint8Array(MAX_PLAN_BYTES + 1), 30_000_000);
    expect(fileSize(head)).toBe(30_000_000);
    expect(fileSize(new Uint8Array(10))).toBe(10);
    expect(sayFinding('en', decodePlanBytes(head, 'big.yaml').diagnostics[0]!.message)).toBe('The file is 28.6 MiB (30,000,000 bytes); a plan is at most 8 MiB.');
  });
});

describe('DATE_INVALID suggests a day that exists', () => {
  it.each([
    ['2023-13-01', 'There is no month 13 (dates are written YYYY-MM-DD). Did you mean 2023-01-13, with the day and month swapped? The nearest real day is 2023-12-01.'],
    ['2023-14-15', 'There is no month 14 (dates are written YYYY-MM-DD). The nearest real day is 2023-12-15.'],
    ['2023-00-10', 'There is no month 00 (dates are written YYYY-MM-DD). The nearest real day is 2023-01-10.'],
    ['2023-02-30', 'February 2023 has 28 days (dates are written YYYY-MM-DD). The nearest real day is 2023-02-28.'],
    ['2024-02-30', 'February 2024 has 29 days (dates are written YYYY-MM-DD). The nearest real day is 2024-02-29.'],
    ['2023-04-31', 'April 2023 has 30 days (dates are written YYYY-MM-DD). The nearest real day is 2023-04-30.'],
    ['2023-04-00', 'There is no day 00 (dates are written YYYY-MM-DD). The nearest real day is 2023-04-01.'],
  ])('%s', (day, hint) => {
    expect(sayFinding('en', dateHint(day))).toBe(hint);
  });

  it('in a legal basis, at the date, with the hint', async () => {
    const text = BASE.replace('  year: 2023\n', '  year: 2023\nbases:\n  - text: Quyết định số 45/QĐ-VPCP\n    ref: 45/QĐ-VPCP\n    date: 2023-13-01\n    issuer: Văn phòng Chính phủ\n');
    const { report } = await checkJson(plan(text));
    expect(report.diagnostics.map((d) => `${d.code}@${d.line}:${d.col}`)).toEqual(['DATE_INVALID@14:11']);
    expect(report.diagnostics[0]!.hint).toContain('The nearest real day is 2023-12-01.');
  });

  it('in a record, the same hint', async () => {
    const text = BASE.replace('        when: Thường xuyên', '        when: Thường xuyên\n        records:\n          - done: 2023-06-31');
    const { report } = await checkJson(plan(text));
    expect(report.diagnostics.map((d) => `${d.code}@${d.line}:${d.col}`)).toEqual(['DATE_INVALID@27:19']);
    expect(report.diagnostics[0]!.hint).toBe('June 2023 has 30 days (dates are written YYYY-MM-DD). The nearest real day is 2023-06-30.');
  });
});

describe('SECTION_ID: a duplicated numeral is told the one after the section before it', () => {
  const section = (id: string) =>
    `  - id: ${id}\n    title: Mục ${id}\n    tasks:\n      - id: ${id}.1\n        content: Việc\n        lead: vp\n        output: Báo cáo\n        when: Thường xuyên\n`;

  it('III after III is IV, and the tasks of the duplicate are not reported again', async () => {
    const { report } = await checkJson(plan(BASE + section('II') + section('III') + section('III')));
    // Line 42 is the second `  - id: III`.
    expect(report.diagnostics.map((d) => `${d.code}@${d.line}:${d.col}`)).toEqual(['SECTION_ID@42:9']);
    expect(report.diagnostics[0]!.hint).toBe('Renumber the sections in order: this one, after section III, is IV (and its tasks IV.1, IV.2 …).');
  });

  it('where II is missing (I, III, III), still IV: the numeral after the one before', async () => {
    const { report } = await checkJson(plan(BASE + section('III') + section('III')));
    expect(report.diagnostics.map((d) => `${d.code}@${d.line}:${d.col}`)).toEqual(['SECTION_ID@26:9', 'SECTION_ID@34:9']);
    expect(report.diagnostics[1]!.hint).toBe('Renumber the sections in order: this one, after section III, is IV (and its tasks IV.1, IV.2 …).');
  });

  it('three in a row: IV, then V', async () => {
    const { report } = await checkJson(plan(BASE + section('II') + section('III') + section('III') + section('III')));
    expect(report.diagnostics.map((d) => d.hint)).toEqual([
      'Renumber the sections in order: this one, after section III, is IV (and its tasks IV.1, IV.2 …).',
      'Renumber the sections in order: this one is V (and its tasks V.1, V.2 …).',
    ]);
  });
});
