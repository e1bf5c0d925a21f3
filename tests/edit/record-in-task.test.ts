// The edit of one task's lines (addRecordToTask) and the analysis made from the old one (analysisAfterRecord) give
// what the whole-text edit and a whole analysis of the new text give: the same bytes, the same findings and model.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/checks/analyze.js';
import { analysisAfterRecord } from '../../src/checks/recheck.js';
import { addRecord, addRecordToTask, newListStyle } from '../../src/edit/edit.js';
import { modelOf } from '../../src/checks/checked.js';
import type { RecordFile } from '../../src/model/schema.js';
import { ROOT, SHIPPED, scratch } from '../due/helpers.js';

const TODAY = '2023-12-31';
const enc = (s: string) => Buffer.from(s, 'utf8');

/**
 * An analysis as the cache would compare it: without the text's lines; findings in the order the checkers make them
 * where the analysis says which checker made each, else in file order.
 */
function comparable(a: Analysis): unknown {
  const { lines: _, ...rest } = a;
  if (a.checkers !== undefined) return { ...rest, diagnostics: a.diagnostics.map((d) => ({ ...d, file: 'f' })) };
  const key = (d: Analysis['diagnostics'][number]) => JSON.stringify([d.start.line, d.start.col, d.code, d.message, d.hint ?? '', d.ifTodayBefore ?? '']);
  return { ...rest, diagnostics: [...a.diagnostics].map((d) => ({ ...d, file: 'f' })).sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0)) };
}

interface Outcome {
  fast: number;
  whole: number;
  /** Of the fast ones, those whose new analysis was made from the old one (and compared). */
  analysed: number;
  /** Of those, the ones where the record brought findings of its own (the number of findings changed). */
  changed: number;
}

/** Adds `record` to every task (one at a time, each on the original text) both ways, and compares. */
function compareEvery(text: string, record: (id: string, i: number) => RecordFile, limit = Infinity, fromWhole = false): Outcome {
  const before = analyze(enc(text), 'plan.yaml', TODAY);
  const plan = modelOf(before, 'plan.yaml');
  expect(plan, 'the plan reads').toBeDefined();
  expect(before.layout).toHaveLength(plan!.tasks.length);
  const out: Outcome = { fast: 0, whole: 0, analysed: 0, changed: 0 };
  plan!.tasks.slice(0, limit).forEach((task, i) => {
    const rec = record(task.id, i);
    let whole: string;
    try {
      whole = addRecord(text, task.id, rec);
    } catch {
      // A layout the editor refuses: the edit of the task's lines must not make it.
      expect(addRecordToTask(text, before.layout!, i, task.id, rec), task.id).toBeUndefined();
      return;
    }
    const edit = addRecordToTask(text, before.layout!, i, task.id, rec, fromWhole ? () => newListStyle(text, task.id) : undefined);
    if (!edit) {
      out.whole++;
      return;
    }
    out.fast++;
    expect(edit.text, `${task.id}: the same bytes as the whole-text edit`).toBe(whole);
    const made = analysisAfterRecord(before, edit, rec, 'plan.yaml');
    if (!made) return;
    out.analysed++;
    if (made.diagnostics.length !== before.diagnostics.length) out.changed++;
    expect(comparable(made), `${task.id}: the analysis of the new text`).toEqual(comparable(analyze(enc(whole), 'plan.yaml', TODAY)));
  });
  return out;
}

const activity = (_: string, i: number): RecordFile => ({ done: '2023-07-28', ref: `${i + 1}/BC-UBND`, note: 'Đã gửi: báo cáo # số 2' });

describe('adding a record by the task\'s lines', () => {
  const original = readFileSync(join(ROOT, SHIPPED), 'utf8');
  // The shipped plan has no records: a first `records:` list takes its layout from the file's other lists, which the
  // layout kept with the analysis does not tell; without the whole file's reading it is left to the whole-text edit.
  it('makes a plan\'s first records list with the layout read from the whole file, or leaves it to the whole-text edit', { timeout: 120_000 }, () => {
    expect(compareEvery(original, activity, 10)).toMatchObject({ fast: 0, whole: 10, analysed: 0 });
    expect(compareEvery(original, activity, Infinity, true)).toMatchObject({ fast: 27, whole: 0, analysed: 27 });
  });
  const shipped = addRecord(original, 'I.2', { done: '2023-03-01' });

  it('gives the whole-text result for every task of the shipped plan, and its analysis', { timeout: 120_000 }, () => {
    const r = compareEvery(shipped, activity);
    expect(r).toMatchObject({ fast: 27, whole: 0, analysed: 27 });
  });

  it('does so with CRLF line ends and a byte-order mark', { timeout: 120_000 }, () => {
    const r = compareEvery(`\uFEFF${shipped.replace(/\n/g, '\r\n')}`, activity);
    expect(r).toMatchObject({ fast: 27, whole: 0, analysed: 27 });
  });

  it('does so for the completion of an occurrence (findings about the record change with it)', { timeout: 120_000 }, () => {
    // A quarterly period on tasks that have none: RECORD_PERIOD findings appear in the new analysis.
    const r = compareEvery(shipped, (_, i) => ({ done: i % 2 ? '2023-07-28' : '2024-02-03', period: '2023-Q2' }));
    expect(r.analysed).toBe(27);
    expect(r.changed).toBeGreaterThan(10);
  });

  it('does so for triggers, whose due day may fall on a day off (a finding of the task\'s due days)', { timeout: 120_000 }, () => {
    // 1/5 is a public holiday: an event task's occurrence falls due on it; a task that waits for no event gets RECORD_TRIGGER.
    const r = compareEvery(shipped, () => ({ trigger: '2023-04-20', due: '2023-05-01', ref: '500/KH-UBND' }));
    expect(r.analysed).toBe(27);
    expect(r.changed).toBeGreaterThan(10);
  });

  it('does so for the hand-written layouts of the editor\'s fixtures, or leaves them to the whole-text edit', { timeout: 120_000 }, () => {
    const dir = join(ROOT, 'tests/edit/fixtures');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) compareEvery(readFileSync(join(dir, f), 'utf8'), activity);
  });

  describe('on a generated plan', () => {
    const { dir, remove } = scratch('record-in-task');
    afterAll(() => remove());
    it('gives the same bytes and analysis, first record and later ones', () => {
      const file = join(dir, 'big.yaml');
      execFileSync(process.execPath, [join(ROOT, 'scripts/gen-plan.mjs'), '300', file]);
      let text = readFileSync(file, 'utf8');
      // No task has records yet: a new `records:` list takes its layout from the file's other lists, read from the
      // whole file; once a task has records, its neighbours take records by their lines alone.
      expect(compareEvery(text, activity, 3).fast).toBe(0);
      expect(compareEvery(text, activity, 3, true)).toMatchObject({ fast: 3, analysed: 3 });
      text = addRecord(text, 'I.1', { done: '2023-03-01' });
      const r = compareEvery(text, activity, 20);
      expect(r).toMatchObject({ fast: 20, whole: 0, analysed: 20 });
    }, 120_000);
  });
});
