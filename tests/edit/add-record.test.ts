// Byte-level tests of addRecord: the only change to a plan's text is the lines that carry the new record.
import { describe, expect, it } from 'vitest';
import { EditError, addRecord } from '../../src/edit/edit.js';
import type { RecordFile } from '../../src/model/schema.js';
import { addedLines, commentLines, fixture, insertions, readValue, shippedPlan, withRecord } from './helpers.js';

/** Adds the record, checks "only added lines" and the value, and returns the added lines. */
function add(text: string, id: string, record: RecordFile): { out: string; lines: string[] } {
  const out = addRecord(text, id, record);
  const lines = addedLines(text, out);
  expect(readValue(out)).toEqual(withRecord(readValue(text), id, record));
  expect(commentLines(out)).toEqual(commentLines(text));
  return { out, lines };
}

function refused(fn: () => unknown, code: EditError['code']): EditError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(EditError);
    expect((e as EditError).code).toBe(code);
    return e as EditError;
  }
  throw new Error('expected an EditError');
}

const Q2: RecordFile = { done: '2023-07-28', period: '2023-Q2', ref: '123/BC-UBND', note: 'Đã gửi báo cáo' };

describe('addRecord on the shipped plan', () => {
  const plan = shippedPlan();

  it('adds records: as the last key of a task, before the comment that heads the next task', () => {
    const { out, lines } = add(plan, 'III.2', Q2);
    expect(lines).toEqual([
      '        records:',
      '          - done: 2023-07-28',
      '            period: 2023-Q2',
      '            ref: 123/BC-UBND',
      '            note: Đã gửi báo cáo',
    ]);
    expect(out).toContain(
      '        when: Theo văn bản triển khai của UBND tỉnh\n        records:\n' +
        '          - done: 2023-07-28\n            period: 2023-Q2\n            ref: 123/BC-UBND\n' +
        '            note: Đã gửi báo cáo\n      # Cites plan 175/KH-UBND',
    );
  });

  it('appends to the list it created, in the same layout', () => {
    const first = addRecord(plan, 'VIII.1', { done: '2023-03-14', period: '2023-Q1' });
    const { lines } = add(first, 'VIII.1', { done: '2023-06-14', period: '2023-Q2', ref: '45/BC-UBND' });
    expect(lines).toEqual(['          - done: 2023-06-14', '            period: 2023-Q2', '            ref: 45/BC-UBND']);
  });

  it('handles a task with a comment between its keys and one whose last line ends with a comment', () => {
    expect(add(plan, 'IV.2', { done: '2023-05-02' }).out).toContain(
      '        when: Thường xuyên\n        records:\n          - done: 2023-05-02\n  - id: V\n',
    );
    expect(add(plan, 'V.2', { trigger: '2023-10-31', ref: 'Biên bản kiểm tra' }).out).toContain(
      '        schedule: { follows: V.1 }  # starts when the inspection (V.1) is over\n        records:\n' +
        '          - trigger: 2023-10-31\n            ref: Biên bản kiểm tra\n',
    );
  });

  it('adds to the last task of the file', () => {
    const { out } = add(plan, 'X.2', { done: '2023-01-31', period: '2023-01' });
    expect(out.endsWith('        when: Hàng tháng\n        records:\n          - done: 2023-01-31\n            period: 2023-01\n')).toBe(true);
  });

  it('quotes exactly what YAML needs quoted', () => {
    const { lines } = add(plan, 'I.1', {
      done: '2023-04-03',
      period: '2023',
      ref: '- 7/UBND',
      note: 'Ghi chú: có dấu hai chấm',
    });
    expect(lines).toEqual([
      '        records:',
      '          - done: 2023-04-03',
      '            period: "2023"',
      '            ref: "- 7/UBND"',
      '            note: "Ghi chú: có dấu hai chấm"',
    ]);
    const more = add(plan, 'I.1', { done: '2023-04-03', note: '[bản nháp] # chưa ký' }).lines;
    expect(more.at(-1)).toBe('            note: "[bản nháp] # chưa ký"');
    const plain = add(plan, 'I.1', { done: '2023-04-03', note: 'Đã triển khai, có văn bản (số 12)' }).lines;
    expect(plain.at(-1)).toBe('            note: Đã triển khai, có văn bản (số 12)');
    const broken = add(plan, 'I.1', { done: '2023-04-03', note: 'dòng 1\ndòng 2' }).lines;
    expect(broken.at(-1)).toBe('            note: "dòng 1\\ndòng 2"');
  });

  it('keeps CRLF line endings, including on the added lines', () => {
    const crlf = plan.replace(/\n/g, '\r\n');
    const { out } = add(crlf, 'II.2', { done: '2023-02-01' });
    expect(out).toBe(addRecord(plan, 'II.2', { done: '2023-02-01' }).replace(/\n/g, '\r\n'));
  });

  it('keeps a byte-order mark', () => {
    const { out } = add('\uFEFF' + plan, 'II.2', { done: '2023-02-01' });
    expect(out).toBe('\uFEFF' + addRecord(plan, 'II.2', { done: '2023-02-01' }));
  });

  it('keeps a missing final newline missing, without gluing lines together', () => {
    const bare = plan.replace(/\n$/, '');
    const { out, lines } = add(bare, 'X.2', { done: '2023-01-31' });
    expect(lines).toEqual(['        records:', '          - done: 2023-01-31']);
    expect(out.endsWith('        when: Hàng tháng\n        records:\n          - done: 2023-01-31')).toBe(true);
    const crlf = add(bare.replace(/\n/g, '\r\n'), 'X.2', { done: '2023-01-31' }).out;
    expect(crlf.endsWith('Hàng tháng\r\n        records:\r\n          - done: 2023-01-31')).toBe(true);
  });
});

describe('addRecord on hand-commented plans', () => {
  const text = fixture('commented.yaml');

  it('finds quoted ids and keeps a comment under the last key inside the task', () => {
    const { out } = add(text, 'I.1', { done: '2023-03-09' });
    expect(out).toContain(
      '        # Ask vp for the number of the plan once it is signed.\n        records:\n' +
        '          - done: 2023-03-09\n      # The next task is quarterly.\n',
    );
    expect(add(text, 'I.2', { done: '2023-03-31', period: '2023-Q1' }).out).toContain(
      '        when: Hàng quý\n        records:\n          - done: 2023-03-31\n            period: 2023-Q1\n\n      # Continuous',
    );
  });

  it('appends after a commented-out record at the list column', () => {
    const { out } = add(text, 'I.3', { done: '2023-03-01', note: 'Cập nhật danh mục' });
    expect(out).toContain(
      '          # - done: 2023-02-01  (not yet confirmed)\n          - done: 2023-03-01\n            note: Cập nhật danh mục\n  - id: II\n',
    );
  });

  it('adds to a task that ends the file with a comment, with and without a final newline', () => {
    const { out } = add(text, 'II.1', { done: '2023-10-20' });
    expect(out.endsWith('        # Done in the same month as the inspection.\n        records:\n          - done: 2023-10-20\n')).toBe(true);
    const bare = text.replace(/\n$/, '');
    const lines = add(bare, 'II.1', { done: '2023-10-20' }).lines;
    expect(lines).toEqual(['        records:', '          - done: 2023-10-20']);
  });

  it('gives the same bytes for LF, CRLF and BOM+CRLF apart from those', () => {
    const lf = addRecord(text, 'I.3', Q2);
    expect(add(text.replace(/\n/g, '\r\n'), 'I.3', Q2).out).toBe(lf.replace(/\n/g, '\r\n'));
    expect(add('\uFEFF' + text.replace(/\n/g, '\r\n'), 'I.3', Q2).out).toBe('\uFEFF' + lf.replace(/\n/g, '\r\n'));
  });
});

describe('addRecord follows the file\'s indentation', () => {
  it('four-space indentation with `-   ` items', () => {
    const { out, lines } = add(fixture('indent4.yaml'), 'I.1', { done: '2023-03-09', ref: '5/KH-UBND' });
    expect(lines).toEqual(['                records:', '                    -   done: 2023-03-09', '                        ref: 5/KH-UBND']);
    expect(out).toContain('when: Trước ngày 10/3/2023\n                records:');
    expect(out).toContain('ref: 5/KH-UBND\n            -   id: I.2\n');
    // And a second record in the list the first one made.
    expect(add(out, 'I.1', { done: '2023-03-10' }).lines).toEqual(['                    -   done: 2023-03-10']);
  });

  it('sequences written at their key\'s column', () => {
    const text = fixture('flush.yaml');
    const { out } = add(text, 'I.1', { done: '2023-03-09' });
    expect(out).toContain('    when: Trước ngày 10/3/2023\n    records:\n    - done: 2023-03-09\n  # I.2 is the quarterly report.\n');
    const second = add(text, 'I.2', { done: '2023-06-20', period: '2023-Q2' }).out;
    expect(second).toContain('      period: 2023-Q1\n    - done: 2023-06-20\n      period: 2023-Q2\n    schedule:\n');
  });
});

describe('addRecord on records written by hand', () => {
  const text = fixture('records-layouts.yaml');
  const R = { done: '2023-03-03', period: '2023-03' };

  it('flow mapping items stay flow mappings, with their padding', () => {
    expect(add(text, 'I.1', R).lines).toEqual(['          - {done: 2023-03-03, period: 2023-03}']);
    expect(add(text, 'I.2', R).lines).toEqual(['          - { done: 2023-03-03, period: 2023-03 }']);
    expect(add(text, 'I.1', { done: '2023-03-03', note: 'a, b: c' }).lines).toEqual(['          - {done: 2023-03-03, note: "a, b: c"}']);
  });

  it('a trigger with the due day its document sets: trigger, due, then the evidence, in the list\'s own layout', () => {
    const T: RecordFile = { trigger: '2023-04-03', due: '2023-05-03', ref: '900/UBND-KSTT' };
    expect(add(text, 'I.1', T).lines).toEqual(['          - {trigger: 2023-04-03, due: 2023-05-03, ref: 900/UBND-KSTT}']);
    expect(add(text, 'I.3', T).lines).toEqual(['          -   trigger: 2023-04-03', '              due: 2023-05-03', '              ref: 900/UBND-KSTT']);
    refused(() => addRecord(text, 'I.3', { trigger: '2023-04-03', due: '3/5/2023' }), 'BAD_RECORD');
  });

  it('extra spaces after the dash, and a dash on a line of its own', () => {
    const Q = { done: '2023-06-30', period: '2023-Q2' };
    expect(add(text, 'I.3', Q).lines).toEqual(['          -   done: 2023-06-30', '              period: 2023-Q2']);
    expect(add(text, 'I.4', Q).lines).toEqual(['          -', '            done: 2023-06-30', '            period: 2023-Q2']);
  });

  it('flow sequences get one flow mapping inserted and nothing converted', () => {
    const cases: [string, string, string][] = [
      ['I.5', '        records: []', '        records: [{done: 2023-03-03, period: 2023-03}]'],
      ['I.10', '        records: [ ]', '        records: [ {done: 2023-03-03, period: 2023-03} ]'],
      [
        'I.6',
        '        records: [{done: 2023-01-02}]  # first activity',
        '        records: [{done: 2023-01-02}, {done: 2023-03-03, period: 2023-03}]  # first activity',
      ],
      ['I.7', '          { done: 2023-01-02 },', '          { done: 2023-01-02 }, { done: 2023-03-03, period: 2023-03 },'],
    ];
    for (const [id, oldLine, newLine] of cases) {
      const out = addRecord(text, id, R);
      const [only] = insertions(text, out);
      expect(only, id).toBeDefined();
      expect(only!.inserted, id).not.toMatch(/[\r\n]/);
      expect(out.split('\n').filter((l) => !text.split('\n').includes(l)), id).toEqual([newLine]);
      expect(text.split('\n').filter((l) => !out.split('\n').includes(l)), id).toEqual([oldLine]);
      expect(readValue(out), id).toEqual(withRecord(readValue(text), id, R));
      expect(commentLines(out)).toEqual(commentLines(text));
    }
  });

  it('an empty records key gets its first item on the next line', () => {
    expect(add(text, 'I.8', R).lines).toEqual(['          - done: 2023-03-03', '            period: 2023-03']);
  });

  it('a records list followed by another key, its last item a block scalar', () => {
    const { out } = add(text, 'I.9', R);
    expect(out).toContain('              bản điện tử gửi sau.\n          - done: 2023-03-03\n            period: 2023-03\n        schedule:\n');
  });

  it('refuses what it cannot edit by adding lines', () => {
    expect(refused(() => addRecord(text, 'I.11', R), 'UNEDITABLE').message).toMatch(/flow mapping/);
    expect(refused(() => addRecord(text, 'I.12', R), 'UNEDITABLE').message).toMatch(/records/);
  });
});

describe('addRecord refuses', () => {
  const plan = shippedPlan();

  it('an unknown task, suggesting a near id', () => {
    expect(refused(() => addRecord(plan, 'XI.1', Q2), 'TASK_NOT_FOUND').message).toMatch(/XI\.1/);
    expect(refused(() => addRecord(plan, 'ix.6', Q2), 'TASK_NOT_FOUND').message).toMatch(/did you mean "IX\.6"/);
  });

  it('a duplicated id', () => {
    const text = 'format: 1\nsections:\n  - id: I\n    tasks:\n      - id: I.1\n        when: a\n      - id: I.1\n        when: b\n';
    expect(refused(() => addRecord(text, 'I.1', Q2), 'DUPLICATE_TASK').message).toMatch(/lines 5, 7/);
  });

  it('text that is not YAML', () => {
    refused(() => addRecord('format: 1\nsections: [\n', 'I.1', Q2), 'PARSE_ERROR');
    refused(() => addRecord('a: 1\na: 2\n', 'I.1', Q2), 'PARSE_ERROR');
  });

  it('records that would make an invalid plan', () => {
    refused(() => addRecord(plan, 'I.1', { done: '28/7/2023' }), 'BAD_RECORD');
    refused(() => addRecord(plan, 'I.1', { done: '2023-07-28', trigger: '2023-07-01' }), 'BAD_RECORD');
    refused(() => addRecord(plan, 'I.1', { note: 'no date' }), 'BAD_RECORD');
    refused(() => addRecord(plan, 'I.1', { done: '2023-07-28', by: 'vp' } as RecordFile), 'BAD_RECORD');
  });

  it('a layout where the inserted lines would mean something else (the re-parse check)', () => {
    // The anchored list is shared with I.2 through an alias: appending to it would change I.2 as well.
    const text =
      'format: 1\nsections:\n  - id: I\n    tasks:\n      - id: I.1\n        records: &r\n          - done: 2023-01-05\n' +
      '      - id: I.2\n        records: *r\n';
    expect(refused(() => addRecord(text, 'I.1', { done: '2023-02-01' }), 'UNEDITABLE').message).toMatch(/nothing was changed/);
    refused(() => addRecord(text, 'I.2', { done: '2023-02-01' }), 'UNEDITABLE');
  });
});
