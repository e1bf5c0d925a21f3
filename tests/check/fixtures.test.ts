// One reproducer per diagnostic code of `tthc check`: each fixture is a minimal plan with exactly one defect, found at the expected line:col.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES, type Code } from '../../src/model/diagnostics.js';
import { checkLoaded } from '../../src/checks/check.js';
import { MAX_PLAN_BYTES } from '../../src/read/decode.js';
import { loadBytes } from '../../src/read/load.js';
import { checkJson, encodeTcvn3, FIXTURES, readText, scratchDir, SHIPPED, where } from './helpers.js';

/**
 * A fixture is named after its code: `CODE.yaml`, or `CODE.variant.yaml` for a second way to meet the same code
 * (DATE_INVALID in a record, FOLLOWS_UNKNOWN in a loop …). The code is the name up to the first dot.
 */
type Fixture = Code | `${Code}.${string}`;
const codeOf = (name: string): string => name.split('.')[0]!;

/** Codes in the catalogue that nothing emits, with the reason (none today: every code has a reproducer). */
const NOT_EMITTED = new Set<Code>([]);

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

/** Fixture, expected severity, and where the finding must point (line:col, read off the fixture by hand). */
const TABLE: [Fixture, 'error' | 'warning' | 'note', string][] = [
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
  ['AGENCY_UNUSED', 'note', '16:3'],
  ['AGENCY_NAME_CLASH', 'error', '16:15'],
  ['SYMBOL_MALFORMED', 'error', '13:10'],
  ['REF_CONFLICT', 'warning', '26:32'],
  ['PLAN_NUMBER_BLANK', 'warning', '6:11'],
  ['HTML_IN_TEXT', 'note', '21:62'],
  ['SPELLING', 'note', '21:47'],
  ['TEXT_CONTROL', 'error', '21:18'],
  // Timelines and schedules: the `when` scalar (`        when: ` is 14 characters, so col 15), or the value of the
  // `schedule` field at fault (`        schedule: { ` puts the first key at col 21).
  ['WHEN_UNKNOWN', 'error', '25:15'],
  ['WHEN_OUTSIDE_PERIOD', 'warning', '25:15'],
  ['SCHEDULE_MISMATCH', 'warning', '26:27'],
  ['SCHEDULE_FIELD', 'error', '26:28'],
  ['DATE_INVALID.schedule-due', 'error', '26:26'],
  ['FOLLOWS_UNKNOWN', 'error', '26:30'],
  // The loop I.1 → I.2 → I.1 is reported once, at the `follows` of its first task.
  ['FOLLOWS_UNKNOWN.loop', 'error', '26:30'],
  // A deadline in the phrase on a Sunday; an explicit due on a holiday (2/5/2023); an explicit day 25 that is a
  // Saturday in March and a Sunday in June (two occurrences, both at the `day`).
  ['DUE_NON_WORKING_DAY', 'warning', '25:15'],
  ['DUE_NON_WORKING_DAY.holiday', 'warning', '26:26'],
  ['DUE_NON_WORKING_DAY.day', 'warning', '26:26'],
  // Records: the value of `done` (`          - done: ` is 18 characters), `trigger` or `period` (`            period: `
  // is 20) that is at fault.
  ['RECORD_SHAPE', 'error', '28:22'],
  ['RECORD_PERIOD', 'error', '28:21'],
  ['RECORD_PERIOD.ambiguous', 'error', '27:19'],
  ['RECORD_OUTSIDE_PLAN', 'error', '27:19'],
  ['RECORD_DUPLICATE', 'error', '30:21'],
  ['RECORD_DUPLICATE.exact', 'error', '29:19'],
  ['RECORD_BEFORE_WINDOW', 'error', '27:19'],
  ['RECORD_TRIGGER', 'error', '27:22'],
  ['RECORD_DUE', 'error', '28:18'],
  ['RECORD_FUTURE', 'warning', '27:19'],
  ['DATE_INVALID.record', 'error', '27:19'],
  // Coverage of a parent plan (the plans in parent/): at the value of the plan's `implements:` (`  implements: ` is 14
  // characters), or of the task's `when` or `implements` at fault.
  ['PARENT_NOT_FOUND', 'warning', '11:15'],
  ['PARENT_UNIT_UNKNOWN', 'warning', '11:15'],
  ['PARENT_TASK_MISSING', 'warning', '11:15'],
  ['PARENT_TASK_UNKNOWN', 'warning', '27:21'],
  ['PARENT_DEADLINE_LATER', 'warning', '26:15'],
];

let scratch: ReturnType<typeof scratchDir>;
const fixtureFile = (name: Fixture) => (name in BYTES ? join(scratch.dir, `${name}.bin`) : join(FIXTURES, `${name}.yaml`));

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

  it.each(TABLE)('%s (%s) at %s', async (name, severity, at) => {
    const code = codeOf(name);
    const r = await checkJson(fixtureFile(name));
    // A monthly or quarterly task falls due on a weekend in every year (30/9/2023 is a Saturday): that warning
    // comes with every recurring fixture, and is looked at in its own fixtures only.
    if (code !== 'DUE_NON_WORKING_DAY') r.report.diagnostics = r.report.diagnostics.filter((d) => d.code !== 'DUE_NON_WORKING_DAY');
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
    const names = [...yaml, ...Object.keys(BYTES)];
    const covered = new Set<string>(names.map(codeOf));
    const tabled = new Set<string>(TABLE.map(([name]) => codeOf(name)));
    const wanted = (Object.keys(CODES) as Code[]).filter((c) => !NOT_EMITTED.has(c));
    expect(wanted.filter((c) => !covered.has(c)), 'codes without a fixture').toEqual([]);
    expect(wanted.filter((c) => !tabled.has(c)), 'codes without a row in TABLE').toEqual([]);
    // And no stray fixture: each is named after a code that exists, and each has its row.
    expect([...covered].filter((c) => !(c in CODES)), 'fixtures for no code').toEqual([]);
    expect(names.filter((n) => !TABLE.some(([name]) => name === n)), 'fixtures without a row in TABLE').toEqual([]);
  });

  it('the codes listed as not emitted are indeed not emitted by any fixture or by the shipped plan', async () => {
    const files = [...TABLE.map(([name]) => fixtureFile(name)), SHIPPED];
    for (const f of files) {
      const { report } = await checkJson(f);
      for (const d of report.diagnostics) expect(NOT_EMITTED.has(d.code as Code), `${f}: ${d.code}`).toBe(false);
    }
  });
});

/** What the table cannot say: the wording of some findings, and a finding that holds only until a day. */
describe('timeline and record findings, more closely', () => {
  const first = async (name: Fixture) => (await checkJson(fixtureFile(name))).report.diagnostics.find((d) => d.code === codeOf(name))!;

  it('WHEN_UNKNOWN names the known forms, in the message and in the hint', async () => {
    const d = await first('WHEN_UNKNOWN');
    expect(d.message).toContain('tuần đầu tiên của mỗi tháng');
    expect(d.message).toContain('Known forms');
    for (const form of ['Trước ngày D/M/YYYY', 'Quý II/YYYY', 'Hàng tháng', 'Thường xuyên']) expect(d.message).toContain(form);
    expect(d.hint).toContain('schedule: { kind: monthly, day: 20 }');
  });

  it('WHEN_OUTSIDE_PERIOD says the day and the plan period', async () => {
    const d = await first('WHEN_OUTSIDE_PERIOD');
    expect(d.message).toContain('9/3/2022');
    expect(d.message).toContain('1/1/2023 – 31/12/2023');
  });

  it('FOLLOWS_UNKNOWN names the missing id, and the loop in order', async () => {
    expect((await first('FOLLOWS_UNKNOWN')).message).toContain('I.5');
    expect((await first('FOLLOWS_UNKNOWN.loop')).message).toContain('I.1 → I.2 → I.1');
  });

  it('DUE_NON_WORKING_DAY says whether the day is a weekend or a holiday', async () => {
    expect((await first('DUE_NON_WORKING_DAY')).message).toBe('Task I.1 falls due on a day off: 16/4/2023 (Sunday).');
    expect((await first('DUE_NON_WORKING_DAY.holiday')).message).toContain('2/5/2023 (Tuesday, public holiday)');
  });

  it('DUE_NON_WORKING_DAY lists every day of the task in one finding, with the periods due on it', async () => {
    expect((await first('DUE_NON_WORKING_DAY.day')).message).toBe('Task I.1 falls due on 2 days off: 25/3/2023 (2023-Q1: Saturday), 25/6/2023 (2023-Q2: Sunday).');
  });

  it('RECORD_PERIOD lists the periods the task has', async () => {
    expect((await first('RECORD_PERIOD')).hint).toContain('2023-01, 2023-02');
    expect((await first('RECORD_PERIOD.ambiguous')).hint).toContain('period:');
  });

  describe('RECORD_FUTURE depends on today', () => {
    const loaded = () => loadBytes(readFileSync(fixtureFile('RECORD_FUTURE')), 'RECORD_FUTURE.yaml', '2023-06-15');
    const future = (today: string) => checkLoaded(loaded(), today).filter((d) => d.code === 'RECORD_FUTURE');

    it('holds only until the day of the record (ifTodayBefore), so that a cached check stays true', () => {
      expect(future('2023-06-15')).toMatchObject([{ severity: 'warning', start: { line: 27, col: 19 }, ifTodayBefore: '2023-07-03' }]);
      expect(future('2023-07-02')).toHaveLength(1);
    });

    it('is not made on the day of the record or after it', () => {
      expect(future('2023-07-03')).toEqual([]);
      expect(future('2023-12-31')).toEqual([]);
    });
  });

  it('the shipped plan has no timeline or record errors, and only due-day warnings among those codes', async () => {
    const timeline = new Set<string>(TABLE.map(([name]) => codeOf(name)).filter((c) => /^(WHEN|SCHEDULE|FOLLOWS|DUE|RECORD)_/.test(c)));
    const { report } = await checkJson(SHIPPED);
    const found = report.diagnostics.filter((d) => timeline.has(d.code));
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    expect([...new Set(found.map((d) => d.code))]).toEqual(['DUE_NON_WORKING_DAY']);
  });
});
