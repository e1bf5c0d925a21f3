// The edits a clerk makes by hand take the quick path (moved findings, or the changed tasks read alone) and give the
// whole analysis of the new text; what cannot be told piece by piece is left to the whole analysis; and the cache
// makes the analysis of a hand-edited plan from the last one of the same path.
import { mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { analyze, type Analysis } from '../../src/checks/analyze.js';
import { reanalyze } from '../../src/checks/reanalyze.js';
import { reshift } from '../../src/checks/reshift.js';
import { loadAnalysis } from '../../src/host/cache.js';
import { generatePlan } from '../../scripts/gen-plan.mjs';
import { SHIPPED } from '../due/helpers.js';

vi.mock(import('../../src/checks/analyze.js'), async (original) => {
  const m = await original();
  return { ...m, analyze: vi.fn(m.analyze) };
});

const TODAY = '2023-07-20';
const shipped = readFileSync(SHIPPED, 'utf8');
const enc = (s: string) => Buffer.from(s, 'utf8');
/** An analysis as a value, as the cache keeps it: without the text's lines, findings without the file's name. */
const comparable = (a: Analysis) => {
  const { lines: _, ...rest } = a;
  return JSON.parse(JSON.stringify({ ...rest, diagnostics: a.diagnostics.map((d) => ({ ...d, file: '' })) })) as unknown;
};
const before = analyze(enc(shipped), 'plan.yaml', TODAY);
const whole = (text: string) => analyze(enc(text), 'plan.yaml', TODAY);

/** Replaces `from` (which must be there) in the shipped plan. */
const edited = (from: string | RegExp, to: string) => {
  const out = shipped.replace(from, to);
  expect(out).not.toBe(shipped);
  return out;
};

const TASK_IX3 = /      - id: IX\.3\n(?:        .*\n)+/;

describe('a comment or blank lines between tasks', () => {
  it('moves the findings, without reading the YAML', () => {
    for (const text of [
      `${shipped}# sửa tay ngày 20/7\n`,
      edited('      - id: II.2', '      # Sửa: niêm yết\n\n      - id: II.2'),
      edited('  - id: IX\n', '\n  - id: IX\n'),
      edited('      - id: X.2', '# ghi chú\n      - id: X.2'),
    ]) {
      const r = reshift(before, enc(text));
      expect(r).toBeDefined();
      expect(comparable(r!)).toEqual(comparable(whole(text)));
    }
  });

  it('moves a finding below the comment by the lines added', () => {
    const text = edited('      - id: II.2', '      # một\n      # hai\n      - id: II.2');
    const r = reshift(before, enc(text))!;
    const spelling = (a: Analysis) => a.diagnostics.find((d) => d.code === 'SPELLING' && d.start.line > 200)!.start.line;
    expect(spelling(r)).toBe(spelling(before) + 2);
  });
});

describe('a changed, added, removed or moved task', () => {
  const cases: [string, string][] = [
    ['a timeline phrase', edited('when: Tháng 7/2023', 'when: Tháng 8/2023')],
    ['a phrase no schedule reads', edited('when: Tháng 7/2023', 'when: Khi nào rảnh')],
    ['an agency that does not exist', edited('      - id: IX.3\n        content: Phối hợp đánh giá việc triển khai thực hiện tiếp nhận hồ sơ và trả kết quả không phụ thuộc vào địa giới hành chính khi đã đảm bảo các yêu cầu về số hóa hồ sơ đến cấp xã\n        lead: vp', '      - id: IX.3\n        content: Phối hợp đánh giá việc triển khai thực hiện tiếp nhận hồ sơ và trả kết quả không phụ thuộc vào địa giới hành chính khi đã đảm bảo các yêu cầu về số hóa hồ sơ đến cấp xã\n        lead: vpp')],
    ['a record written by hand', edited('        when: Tháng 7/2023\n', '        when: Tháng 7/2023\n        records:\n          - done: 2023-07-14\n            ref: 85/BC-UBND\n')],
    ['a task removed', shipped.replace(TASK_IX3, '')],
    ['a task added, its id a duplicate', edited('      - id: II.2', '      - id: II.1\n        content: Việc mới\n        lead: vp\n        when: Thường xuyên\n      - id: II.2')],
    ['two tasks swapped', edited(/(      - id: I\.1\n(?:        .*\n)+)(      - id: I\.2\n(?:        .*\n)+)/, '$2$1')],
    ['a task moved to another section', shipped.replace(TASK_IX3, '').replace('      - id: X.1', TASK_IX3.exec(shipped)![0] + '      - id: X.1')],
  ];
  for (const [name, text] of cases) {
    it(`reads the changed tasks alone and checks the plan again: ${name}`, () => {
      expect(reshift(before, enc(text))).toBeUndefined();
      const r = reanalyze(before, enc(text), 'plan.yaml');
      expect(r).toBeDefined();
      expect(comparable(r!)).toEqual(comparable(whole(text)));
    });
  }

  it('does so in a generated plan of 600 tasks, whose findings are few', () => {
    const plan = generatePlan(600);
    const a = analyze(enc(plan), 'plan.yaml', TODAY);
    const text = plan.replace(/(\n {6}- id: III\.4\n(?: {8}.*\n)*? {8}when: ).*/, '$1Hàng quý');
    expect(text).not.toBe(plan);
    const r = reanalyze(a, enc(text), 'plan.yaml');
    expect(r).toBeDefined();
    expect(comparable(r!)).toEqual(comparable(whole(text)));
  });
});

describe('what it leaves to the whole analysis', () => {
  const cases: [string, string][] = [
    ['the heading changed', edited('  year: 2023', '  year: 2024')],
    ['a comment in the head', edited('agencies:\n', 'agencies:\n  # thêm\n')],
    ['a section heading changed', edited('    title: Công tác chỉ đạo, điều hành', '    title: Công tác chỉ đạo')],
    ['a top key after the tasks', `${shipped}closing2: x\n`],
    ['the YAML broken inside a task', edited('        when: Tháng 7/2023', '        when: "Tháng 7/2023')],
    ['a key the schema does not know', edited('        when: Tháng 7/2023', '        when: Tháng 7/2023\n        status: done')],
    ['an anchor', edited('        when: Tháng 7/2023', '        when: &w Tháng 7/2023')],
    ['a tag', edited('        when: Tháng 7/2023', '        when: !t Tháng 7/2023')],
    ['a task indented differently', edited('      - id: IX.3\n', '       - id: IX.3\n')],
    ['a text that keeps its trailing lines', edited('        when: Tháng 7/2023', '        when: |+\n          Tháng 7/2023\n')],
    ['a section emptied', shipped.replace(/      - id: VIII\.1\n(?:        .*\n)+/, '')],
    ['a control character', edited('        when: Tháng 7/2023', '        when: "Tháng 7/2023\\u0007"')],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      expect(reanalyze(before, enc(text), 'plan.yaml')).toBeUndefined();
    });
  }

  it('a plan whose shape is wrong keeps no pieces, so every edit of it is analysed whole', () => {
    const broken = edited('        when: Tháng 7/2023', '        when: 7');
    expect(whole(broken).segments).toBeUndefined();
  });
});

describe('the plan cache', () => {
  it('makes the analysis of a hand-edited plan from the last one of the same path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-reanalyze-'));
    const env = { TTHC_CACHE_DIR: join(dir, 'cache') };
    const path = join(dir, 'plan.yaml');
    writeFileSync(path, shipped);
    const calls = vi.mocked(analyze).mock.calls.length;
    await loadAnalysis(readFileSync(path), 'plan.yaml', TODAY, env, path);
    expect(vi.mocked(analyze).mock.calls.length).toBe(calls + 1);
    // A comment at the end, then a changed phrase: neither is analysed whole.
    appendFileSync(path, '# sửa tay\n');
    const one = await loadAnalysis(readFileSync(path), 'plan.yaml', TODAY, env, path);
    writeFileSync(path, readFileSync(path, 'utf8').replace('when: Tháng 7/2023', 'when: Tháng 9/2023'));
    const two = await loadAnalysis(readFileSync(path), 'plan.yaml', TODAY, env, path);
    expect(vi.mocked(analyze).mock.calls.length).toBe(calls + 1);
    expect(comparable(one)).toEqual(comparable(whole(`${shipped}# sửa tay\n`)));
    expect(comparable(two)).toEqual(comparable(whole(readFileSync(path, 'utf8'))));
    // The heading changed: analysed whole.
    writeFileSync(path, readFileSync(path, 'utf8').replace('  year: 2023', '  year: 2024'));
    const now = vi.mocked(analyze).mock.calls.length;
    await loadAnalysis(readFileSync(path), 'plan.yaml', TODAY, env, path);
    expect(vi.mocked(analyze).mock.calls.length).toBe(now + 1);
  });
});
