// Findings after a part of the plan left out for its shape still name their own record, task and line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyze } from '../../src/checks/analyze.js';
import { modelOf } from '../../src/checks/checked.js';
import { loadText } from '../../src/read/load.js';
import { checkJson, FIXTURES, ROOT } from './helpers.js';
import { sayFinding } from '../../src/messages/findings-say.js';

/** Plans with records (or a task) of the wrong shape before other findings; each row read off its fixture by hand. */
const fixture = (name: string) => join(FIXTURES, 'positions', `${name}.yaml`);
/** The findings of a fixture, but for the weekend due days that any recurring task has (DUE_NON_WORKING_DAY). */
const findings = async (name: string) => (await checkJson(fixture(name))).report.diagnostics.filter((d) => d.code !== 'DUE_NON_WORKING_DAY');
const at = (ds: { code: string; line: number; col: number }[]) => ds.map((d) => `${d.code}@${d.line}:${d.col}`);

describe('record findings after a record of the wrong shape', () => {
  it('a malformed first record, then a record with neither done nor trigger: the third record, at its line', async () => {
    const ds = await findings('first-bad-then-shape');
    // Line 27: `          - done: 01/04/2023` (the value at col 19); line 31: `          - period: 2023-Q3` (the item at col 13).
    expect(at(ds)).toEqual(['BAD_VALUE@27:19', 'RECORD_SHAPE@31:13']);
    expect(ds[0]!.message).toContain('record 1 of task I.1');
    expect(ds[1]!.message).toBe('Record 3 of task I.1 has neither `done` nor `trigger`.');
  });

  it('a malformed record in one task, then a period the next task does not have: at that record\'s period', async () => {
    const ds = await findings('bad-record-then-period');
    // Line 26: I.1's `done: 5/4/2023`; line 39: the second record of I.2, `            period: 2023-Q1` (col 21).
    expect(at(ds)).toEqual(['BAD_VALUE@26:19', 'RECORD_PERIOD@39:21']);
    expect(ds[1]!.message).toBe('Task I.2 has no period 2023-Q1.');
  });

  it('two malformed records in a row: the records after them keep their numbers and lines', async () => {
    const ds = await findings('two-bad-in-a-row');
    // Line 27: a record that is a date, not a mapping; line 28: a date without its zeros; line 31: the period of the
    // third record; line 32: the fourth record, with a period but no date.
    expect(at(ds)).toEqual(['WRONG_TYPE@27:13', 'BAD_VALUE@28:19', 'RECORD_PERIOD@31:21', 'RECORD_SHAPE@32:13']);
    expect(ds[0]!.message).toBe('Record 1 of task I.1 should be a mapping (key: value lines), not text.');
    expect(ds[0]!.hint).toContain('`- done: YYYY-MM-DD`');
    expect(ds[1]!.message).toContain('record 2 of task I.1');
    expect(ds[2]!.message).toBe('Task I.1 has no period 2023-13.');
    expect(ds[3]!.message).toBe('Record 4 of task I.1 has neither `done` nor `trigger`.');
  });

  it('a task left out for its shape: the findings of the next task, prose and records, stay on that task', async () => {
    const ds = await findings('bad-task-then-period');
    // Line 20: I.1, which lacks `when`; line 25: "Đơn đốc" in I.2's content (col 18); line 30: I.2's first record,
    // unreadable; line 32: the period of its second record.
    expect(at(ds)).toEqual(['MISSING_KEY@20:9', 'SPELLING@25:18', 'BAD_VALUE@30:19', 'RECORD_PERIOD@32:21']);
    expect(ds[3]!.message).toBe('Task I.2 has no period 2023-Q1.');
  });

  it('the places of the records survive the analysis cache (JSON and back)', () => {
    const path = fixture('two-bad-in-a-row');
    const a = JSON.parse(JSON.stringify(analyze(readFileSync(path), path, '2023-10-01'))) as ReturnType<typeof analyze>;
    const task = modelOf(a, path)!.taskById.get('I.1')!;
    expect(task.records.map((r) => r.period)).toEqual(['2023-13', '2023-04']);
    expect(task.recordPlaces).toEqual([2, 3]);
  });
});

describe('a year written as a number in `period`', () => {
  it('is the year\'s occurrence (as "2023"); a number that is no year is reported, with the forms a period has', async () => {
    const ds = await findings('year-unquoted');
    // Line 31: the third record, with neither done nor trigger; line 33: `            period: 12` (col 21; empty: col 20).
    expect(at(ds)).toEqual(['RECORD_SHAPE@31:13', 'WRONG_TYPE@33:21']);
    expect(ds[0]!.message).toBe('Record 3 of task I.1 has neither `done` nor `trigger`.');
    expect(ds[1]!.message).toBe(
      '`period` of record 4 of task I.1 should be a period such as 2023-03 (a month), 2023-Q2, 2023-H1 or 2023 (the year), not a number (written 12).',
    );
    expect(ds[1]!.hint).toContain('YAML reads 12 as a number');
    expect(ds[1]!.hint).toContain('2023-Q2');
  });

  it('completes the year in the model', () => {
    const text = readFileSync(fixture('year-unquoted'), 'utf8').replace(/\n {10}- period: 2023-Q3\n[\s\S]*$/, '\n');
    const loaded = loadText(text, 'plan.yaml', '2023-10-01');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.plan!.taskById.get('I.1')!.records.map((r) => r.period)).toEqual(['2023', '2023-Q2']);
  });

  it('an empty `period:` says so', async () => {
    const text = readFileSync(fixture('year-unquoted'), 'utf8').replace('period: 12', 'period:');
    const ds = loadText(text, 'plan.yaml', '2023-10-01').diagnostics;
    expect(ds.map((d) => `${d.code}@${d.start.line}:${d.start.col}`)).toEqual(['WRONG_TYPE@33:20']);
    expect(sayFinding('en', ds[0]!.message)).toBe('`period` of record 4 of task I.1 is empty.');
    expect(sayFinding('en', ds[0]!.hint!)).toContain('or remove the line');
  });

  it('is accepted by the editor schema too, and a number that is no year is not', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schema/plan.schema.json'), 'utf8')) as object);
    const text = readFileSync(fixture('year-unquoted'), 'utf8');
    const plan = (keep: string) => parse(text.replace(/\n {10}- period: 2023-Q3\n[\s\S]*$/, `\n          - done: 2023-05-01\n            period: ${keep}\n`));
    expect(validate(plan('2023')), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(plan('12'))).toBe(false);
    expect(validate(plan('2023.5'))).toBe(false);
  });
});
