// Where the table ends: "Nơi nhận", the signature block and headings after it are the document's, imported as such, and the plan passes `tthc check`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPlan } from '../../src/import/index.js';
import { scratchDir } from '../check/helpers.js';
import { tthc } from '../due/helpers.js';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const TABLE_ONLY = fixture('hoa-an-2026-table.txt');
const WHOLE = fixture('hoa-an-2026.txt');
const COMMUNE = fixture('commune-2026.txt');

/** 2 February 2026, 10:00 in Vietnam. */
const NOW = new Date('2026-02-02T03:00:00Z');
const scratch = scratchDir('import-closing');
afterAll(() => scratch.remove());

/** `tthc import FILE --output PLAN` then `tthc check PLAN --format json`, in-process, as a user runs them. */
async function importAndCheck(name: string, text: string) {
  const source = join(scratch.dir, `${name}.txt`);
  const plan = join(scratch.dir, `${name}.yaml`);
  writeFileSync(source, text);
  const imported = await tthc(['import', source, '--output', plan], { now: NOW });
  const checked = await tthc(['check', plan, '--format', 'json'], { now: NOW });
  const report = JSON.parse(checked.out) as { errors: number; diagnostics: { code: string; line: number }[] };
  return { imported, checked, report, yaml: readFileSync(plan, 'utf8') };
}

const lastWhen = (text: string) => importPlan(text).plan.sections.at(-1)!.tasks.at(-1)!.when;

describe('a table pasted with the "Nơi nhận" lines and the signature after it', () => {
  const result = importPlan(TABLE_ONLY);

  it('ends the table at "Nơi nhận": the last row keeps its own timeline', () => {
    expect(lastWhen(TABLE_ONLY)).toBe('Quý III/2026');
    expect(result.plan.sections.map((s) => [s.id, s.tasks.length])).toEqual([
      ['I', 2],
      ['II', 4],
      ['III', 2],
    ]);
  });

  it('imports the recipients and the signature', () => {
    expect(result.plan.recipients).toEqual(['Như trên;', 'Lưu: VT.']);
    expect(result.plan.signature).toEqual({ for: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Văn Bình' });
  });

  it('ends it as well without the blank line, in CRLF, and with a signature block beside the recipients', () => {
    const tight = TABLE_ONLY.replace('\n\nNơi nhận:', '\nNơi nhận:');
    expect(lastWhen(tight)).toBe('Quý III/2026');
    expect(importPlan(tight).plan).toEqual(result.plan);
    expect(importPlan(TABLE_ONLY.replace(/\n/g, '\r\n')).plan).toEqual(result.plan);
    const twoColumns = TABLE_ONLY.replace(
      /Nơi nhận:[^]*$/u,
      'Nơi nhận:\tKT. CHỦ TỊCH\n- Như trên;\tPHÓ CHỦ TỊCH\n- Lưu: VT.\n\t(Đã ký)\n\tNguyễn Văn Bình\n',
    );
    expect(importPlan(twoColumns).plan).toEqual(result.plan);
  });

  it('ends it at a signature block without "Nơi nhận"', () => {
    const signed = TABLE_ONLY.replace(/Nơi nhận:\n- Như trên;\n- Lưu: VT.\n/u, '');
    expect(lastWhen(signed)).toBe('Quý III/2026');
    expect(importPlan(signed).plan.signature).toEqual(result.plan.signature);
    expect(importPlan(signed).plan).not.toHaveProperty('recipients');
  });

  it('gives a plan that `tthc check` accepts, through the CLI', async () => {
    const { imported, checked, report, yaml } = await importAndCheck('table-only', TABLE_ONLY);
    expect(imported.code).toBe(0);
    expect(yaml).toContain('when: Quý III/2026\n');
    expect(yaml).not.toMatch(/(when|output|content): .*(Nơi nhận|Như trên|CHỦ TỊCH)/u);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('WHEN_UNKNOWN');
    expect([checked.code, report.errors]).toEqual([0, 0]);
  });
});

describe('a whole document whose table stands in its body, followed by III, IV, "Nơi nhận" and the signature', () => {
  const result = importPlan(WHOLE);
  const plan = result.plan;

  it('ends the table at the next heading and reads the body on after it', () => {
    expect(plan.sections.flatMap((s) => s.tasks.map((t) => [t.id, t.when]))).toEqual([
      ['I.1', 'Trước ngày 31/3/2026'],
      ['I.2', 'Quý I/2026'],
      ['II.1', 'Thường xuyên'],
      ['II.2', 'Thường xuyên'],
      ['II.3', 'Quý I/2026'],
      ['II.4', 'Quý II/2026'],
      ['III.1', 'Hằng quý'],
      ['III.2', 'Quý III/2026'],
    ]);
    expect(plan.content).toEqual(['Các nhiệm vụ kiểm soát thủ tục hành chính năm 2026 như sau:']);
    expect(plan.funding).toBe('Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách xã năm 2026.');
    expect(plan.organisation).toEqual([
      {
        text: 'Văn phòng HĐND và UBND xã có trách nhiệm:',
        items: ['Theo dõi, đôn đốc các cơ quan, đơn vị thực hiện Kế hoạch này;', 'Tổng hợp, báo cáo Chủ tịch UBND xã hằng quý.'],
      },
      'Các cơ quan, đơn vị thuộc UBND xã thực hiện các nhiệm vụ được giao đúng thời hạn.',
    ]);
    expect(plan.closing).toMatch(/^Trong quá trình thực hiện.*\/\.$/u);
  });

  it('imports the heading, the recipients and the two-column signature, with nothing to review', () => {
    expect(plan.plan).toEqual({
      issuer: 'Ủy ban nhân dân xã Hòa An',
      short: 'UBND xã Hòa An',
      level: 'commune',
      number: '08',
      symbol: 'KH-UBND',
      date: '2026-01-12',
      title: 'Kiểm soát thủ tục hành chính trên địa bàn xã Hòa An năm 2026',
      year: 2026,
    });
    expect(plan.recipients).toEqual(['UBND tỉnh (b/c);', 'TT Đảng ủy, HĐND xã;', 'Các cơ quan, đơn vị thuộc UBND xã;', 'Lưu: VT.']);
    expect(plan.signature).toEqual({ for: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Văn Bình' });
    expect(result.warnings).toEqual([]);
  });

  it('gives a plan that `tthc check` accepts without a finding, through the CLI', async () => {
    const { imported, checked, report } = await importAndCheck('whole', WHOLE);
    expect(imported.code).toBe(0);
    expect(imported.err).not.toMatch(/warning/);
    expect([checked.code, report.errors, report.diagnostics]).toEqual([0, 0, []]);
  });
});

describe('an appendix table followed by the signature again', () => {
  it('keeps the signature above it and the last row\'s timeline', async () => {
    const text = `${COMMUNE}\n\tTM. ỦY BAN NHÂN DÂN\n\tCHỦ TỊCH\n\n\tNguyễn Văn An\n`;
    const r = importPlan(text);
    expect(r.plan).toEqual(importPlan(COMMUNE).plan);
    expect(r.warnings).toEqual(importPlan(COMMUNE).warnings);
    const { report } = await importAndCheck('commune-signed', text);
    expect(report.errors).toBe(0);
  });
});

describe('text after the table that is no part of the plan file', () => {
  /** The table's 13 lines, then a blank line: what follows starts at line 15. */
  const table = TABLE_ONLY.replace(/Nơi nhận:[^]*$/u, '');

  it('(the table cut from the fixture ends with a blank line 14)', () => {
    expect(table.split('\n').slice(12)).toEqual([expect.stringMatching(/^2\t.*\tQuý III\/2026$/u), '', '']);
  });

  it.each([
    ['a note after a blank line', `${table}Ghi chú: Các cơ quan, đơn vị báo cáo trước ngày 15/12/2026.\n`, 15, /The text after the table \(line 15\) was left out: "Ghi chú/],
    ['a note right after the last row', `${table.trimEnd()}\nGhi chú: Báo cáo gửi qua Hệ thống.\n`, 14, /\(line 14\) was left out/],
    [
      'a paragraph, then the recipients',
      `${table}Trên đây là các nhiệm vụ năm 2026.\nĐề nghị các cơ quan thực hiện.\n\nNơi nhận:\n- Lưu: VT.\n`,
      15,
      /\(lines 15–16\) was left out/,
    ],
    ['another appendix', `${table}PHỤ LỤC II\nDANH MỤC TTHC\nTT\tTên thủ tục\n1\tĐăng ký khai sinh\n`, 15, /"PHỤ LỤC II" after the table starts another part/],
  ])('%s: the table ends before it, and a warning says what was left out', (_name, text, line, message) => {
    const r = importPlan(text);
    expect(r.plan.sections.at(-1)!.tasks.at(-1)!.when).toBe('Quý III/2026');
    expect(r.warnings).toContainEqual(expect.objectContaining({ line, message: expect.stringMatching(message) }));
  });
});
