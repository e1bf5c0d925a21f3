// One reproducer per diagnostic code of `tthc check`: each fixture is a minimal plan with exactly one defect, found at the expected line:col.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES, type Code } from '../../src/diagnostics.js';
import { MAX_PLAN_BYTES } from '../../src/plan/decode.js';
import { checkJson, encodeTcvn3, FIXTURES, readText, scratchDir, where } from './helpers.js';

/** Codes another part of the checker owns (timelines, schedules, records); their fixtures live with that work. */
const ELSEWHERE = new Set<Code>([
  'WHEN_UNKNOWN',
  'WHEN_OUTSIDE_PERIOD',
  'SCHEDULE_MISMATCH',
  'SCHEDULE_FIELD',
  'FOLLOWS_UNKNOWN',
  'DUE_NON_WORKING_DAY',
  'RECORD_SHAPE',
  'RECORD_PERIOD',
  'RECORD_OUTSIDE_PLAN',
  'RECORD_DUPLICATE',
  'RECORD_TRIGGER',
  'RECORD_FUTURE',
]);

/**
 * Codes in the catalogue that nothing emits today, with the reason. NOT_NFC: NFD text is read as NFC without a word,
 * so that an NFD copy of a plan gives exactly the findings of the plain file (see survival.test.ts).
 */
const NOT_EMITTED = new Set<Code>(['NOT_NFC']);

/** The minimal valid plan every fixture starts from. */
const BASE = readText('tests/check/fixtures/VALID.yaml');

/** Fixtures that only bytes can express; the test writes them to a scratch folder as CODE.bin. */
const BYTES: Partial<Record<Code, () => Uint8Array>> = {
  // Line 1 is "# …" in UTF-16 LE with its byte-order mark.
  ENCODING_UTF16: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BASE, 'utf16le')]),
  // Line 7 ("  symbol: KH-UBND") gets a lone 0xFF after "  symbol: " (10 characters), at 7:11.
  ENCODING_INVALID: () => {
    const lines = BASE.split('\n');
    return Buffer.concat([
      Buffer.from(lines.slice(0, 6).join('\n') + '\n  symbol: ', 'utf8'),
      Buffer.from([0xff]),
      Buffer.from('KH-UBND\n' + lines.slice(7).join('\n'), 'utf8'),
    ]);
  },
  // The whole plan typed in TCVN3 (an old Word file saved as text). TCVN3 has no "Ủ", so the issuer is spelt "Uỷ", as
  // then; lines 1–3 are ASCII and the first byte that is not UTF-8 is the "ỷ" of line 4 ("  issuer: Uỷ"), at 4:12.
  ENCODING_LEGACY: () => encodeTcvn3(BASE.replace('Ủy ban', 'Uỷ ban')),
  // A NUL byte in place of the space after "format:" on line 2, at 2:8.
  NUL_BYTE: () => Buffer.from(BASE.replace('format: 1', 'format:\x001'), 'utf8'),
  // One byte more than a plan may have.
  TOO_LARGE: () => Buffer.concat([Buffer.from(BASE, 'utf8'), Buffer.alloc(MAX_PLAN_BYTES + 1 - Buffer.byteLength(BASE), 0x23)]),
};

/** Code, expected severity, and where the finding must point (line:col, read off the fixture by hand). */
const TABLE: [Code, 'error' | 'warning' | 'info', string][] = [
  // Bytes
  ['ENCODING_UTF16', 'error', '1:1'],
  ['ENCODING_INVALID', 'error', '7:11'],
  ['ENCODING_LEGACY', 'error', '4:12'],
  ['NUL_BYTE', 'error', '2:8'],
  ['EMPTY_FILE', 'error', '1:1'],
  ['TOO_LARGE', 'error', '1:1'],
  // YAML: the opening quote on line 21; the tab at the start of line 23; the second `output` key; the anchor and
  // the alias (two findings); the tag itself, not the value after it; the list on line 2; the `---` line.
  ['YAML_SYNTAX', 'error', '21:18'],
  ['YAML_TAB', 'error', '23:1'],
  ['DUPLICATE_KEY', 'error', '25:9'],
  ['YAML_ALIAS', 'error', '22:15 23:18'],
  ['YAML_TAG', 'error', '24:17'],
  ['NOT_A_MAPPING', 'error', '2:1'],
  ['MULTIPLE_DOCUMENTS', 'error', '26:1'],
  // Shape: the misspelt key itself; the task that lacks `output` (its first key); the values.
  ['UNKNOWN_KEY', 'error', '23:9'],
  ['MISSING_KEY', 'error', '20:9'],
  ['WRONG_TYPE', 'error', '24:17'],
  ['BAD_VALUE', 'error', '5:10'],
  ['FORMAT_VERSION', 'error', '2:9'],
  // Meaning
  ['DATE_INVALID', 'error', '8:9'],
  ['PERIOD_INVALID', 'error', '13:10'],
  ['TASK_ID_MALFORMED', 'error', '20:13'],
  ['TASK_ID_DUPLICATE', 'error', '26:13'],
  ['TASK_ID_SECTION', 'error', '20:13'],
  ['SECTION_ID', 'error', '26:9'],
  ['AGENCY_UNKNOWN', 'error', '23:27'],
  ['AGENCY_CYCLE', 'error', '21:19'],
  ['AGENCY_REPEATED', 'warning', '23:27'],
  ['AGENCY_UNUSED', 'info', '16:3'],
  ['AGENCY_NAME_CLASH', 'error', '16:15'],
  ['SYMBOL_MALFORMED', 'error', '13:10'],
  ['REF_CONFLICT', 'warning', '26:32'],
  ['PLAN_NUMBER_BLANK', 'warning', '6:11'],
  ['HTML_IN_TEXT', 'info', '21:62'],
  ['SPELLING', 'info', '21:47'],
];

let scratch: ReturnType<typeof scratchDir>;
const fixtureFile = (code: Code) => (BYTES[code] ? join(scratch.dir, `${code}.bin`) : join(FIXTURES, `${code}.yaml`));

beforeAll(() => {
  scratch = scratchDir('fixtures');
  for (const [code, make] of Object.entries(BYTES)) writeFileSync(join(scratch.dir, `${code}.bin`), make());
});
afterAll(() => scratch.remove());

describe('one fixture per code', () => {
  it('the base plan is clean', async () => {
    const { code, report } = await checkJson(join(FIXTURES, 'VALID.yaml'));
    expect(report.diagnostics).toEqual([]);
    expect(code).toBe(0);
  });

  it.each(TABLE)('%s (%s) at %s', async (code, severity, at) => {
    const r = await checkJson(fixtureFile(code));
    // Exactly the defect: every finding has the code, and they stand where the table says.
    expect(where(r.report)).toEqual(at.split(' ').map((p) => `${code}@${p}`));
    for (const d of r.report.diagnostics) {
      expect(d.severity).toBe(severity);
      expect(d.message.length).toBeGreaterThan(10);
    }
    expect(r.code).toBe(severity === 'error' ? 1 : 0);
  });

  it('every code the checker emits has a fixture', () => {
    const yaml = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.yaml') && f !== 'VALID.yaml')
      .map((f) => f.replace(/\.yaml$/, ''));
    const covered = new Set<string>([...yaml, ...Object.keys(BYTES)]);
    const tabled = new Set<string>(TABLE.map(([c]) => c));
    const wanted = (Object.keys(CODES) as Code[]).filter((c) => !ELSEWHERE.has(c) && !NOT_EMITTED.has(c));
    expect(wanted.filter((c) => !covered.has(c)), 'codes without a fixture').toEqual([]);
    expect(wanted.filter((c) => !tabled.has(c)), 'codes without a row in TABLE').toEqual([]);
    // And no stray fixture for a code that does not exist.
    expect([...covered].filter((c) => !(c in CODES))).toEqual([]);
  });

  it('the codes listed as not emitted are indeed not emitted by any fixture or by the shipped plan', async () => {
    const files = [...TABLE.map(([c]) => fixtureFile(c)), 'plans/kon-ray-2023.yaml'];
    for (const f of files) {
      const { report } = await checkJson(f);
      for (const d of report.diagnostics) expect(NOT_EMITTED.has(d.code as Code), `${f}: ${d.code}`).toBe(false);
    }
  });
});
