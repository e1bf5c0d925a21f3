// `tthc import` end to end: the Kon Rẫy 2023 document gives the shipped plan, a bare table gives its tasks, a 2026 commune plan its level.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importPlan, type ImportResult } from '../../src/import/index.js';
import { Plan, type PlanFile, type SectionFile } from '../../src/model/schema.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const SOURCE = fixture('kon-ray-2023.txt');
const SHIPPED = Plan.parse(parse(readFileSync(new URL('../../plans/kon-ray-2023.yaml', import.meta.url), 'utf8')));

/** The shipped plan's sections without what a person added by hand after transcribing (explicit schedules). */
function tasksOf(sections: SectionFile[]) {
  return sections.map((s) => ({
    id: s.id,
    title: s.title,
    tasks: s.tasks.map(({ schedule: _schedule, records: _records, ...t }) => t),
  }));
}

/** The source's appendix table alone: from its header row to the end. */
function tableOnly(text: string): string {
  const lines = text.split('\n');
  return lines.slice(lines.findIndex((l) => l.startsWith('TT\t'))).join('\n');
}

describe('the Kon Rẫy 2023 source document', () => {
  const result = importPlan(SOURCE, { file: 'ke-hoach-kiem-soat-tthc-2023-kon-ray.txt' });
  const plan = result.plan;

  it('gives the 10 sections and 27 tasks of the shipped plan: ids, texts, lead and support in order', () => {
    expect(plan.sections).toHaveLength(10);
    expect(plan.sections.flatMap((s) => s.tasks)).toHaveLength(27);
    expect(tasksOf(plan.sections)).toEqual(tasksOf(SHIPPED.sections));
  });

  it('gives the heading, bases, recipients and signature of the shipped plan', () => {
    expect(plan.plan).toEqual(SHIPPED.plan);
    expect(plan.plan.number).toBeNull();
    expect(plan.plan.date).toBeNull();
    expect(plan.plan.level).toBe('district');
    expect(plan.bases?.map((b) => [b.ref, b.date, b.issuer])).toEqual([
      ['45/QĐ-VPCP', '2023-02-15', 'Văn phòng Chính phủ'],
      ['500/KH-UBND', '2023-02-28', 'UBND tỉnh'],
    ]);
    expect(plan.bases).toEqual(SHIPPED.bases);
    expect(plan.recipients).toEqual(SHIPPED.recipients);
    expect(plan.signature).toEqual(SHIPPED.signature);
  });

  it('gives the rest of the text, page breaks joined, and the same agencies with the same ids', () => {
    const { sections: _s, ...rest } = plan;
    const { sections: _t, ...shippedRest } = SHIPPED;
    expect(rest).toEqual(shippedRest);
  });

  it('writes a readable file: schema line first, flow lists of ids, no folded lines, support left out where empty', () => {
    const lines = result.yaml.split('\n');
    expect(lines[0]).toBe('# yaml-language-server: $schema=../schema/plan.schema.json');
    expect(lines.slice(0, 4).join('\n')).toMatch(/tthc import/);
    expect(lines.find((l) => !l.startsWith('#'))).toBe('format: 1');
    expect(result.yaml).toContain('        lead: [vp, noi-vu, doan-kt]\n');
    expect(result.yaml).toContain('    members: [cqcm-huyen, ttvh]\n');
    expect(result.yaml).toContain('  for: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]\n');
    for (const t of plan.sections.flatMap((s) => s.tasks)) {
      expect(lines.some((l) => l.trim() === `content: ${t.content}`)).toBe(true);
    }
    const iv2 = plan.sections[3]!.tasks[1]!;
    expect(iv2.id).toBe('IV.2');
    expect(iv2).not.toHaveProperty('support');
    // Top-level keys in the shipped plan's order.
    const keys = lines.filter((l) => /^[a-z_]+:/.test(l)).map((l) => l.split(':')[0]);
    expect(keys).toEqual(Object.keys(SHIPPED));
  });

  it('warns that the plan number and date are blank, at the caption', () => {
    expect(result.warnings).toEqual([expect.objectContaining({ line: 101, message: expect.stringMatching(/blank/) })]);
  });

  it('reads back from its own YAML as the plan it returns', () => {
    expect(Plan.parse(parse(result.yaml))).toEqual(plan);
  });
});

describe('the table alone, cut from the source', () => {
  it('gives the same tasks, the issuer left to fill in', () => {
    const result = importPlan(tableOnly(SOURCE));
    expect(tasksOf(result.plan.sections)).toEqual(tasksOf(SHIPPED.sections));
    expect(result.plan.plan.year).toBe(2023);
    // No caption, no letterhead: the level is not guessed (the offices named only choose the dictionary).
    expect(result.plan.plan.level).toBeUndefined();
    expect(result.plan.plan.issuer).toBe('Ủy ban nhân dân huyện');
    expect(result.warnings.map((w) => w.message).join('\n')).toMatch(/does not name the issuer/);
  });

  it('with its "PHỤ LỤC" heading and caption, gives the issuer and the same agencies too', () => {
    const lines = SOURCE.split('\n');
    const result = importPlan(lines.slice(lines.indexOf('PHỤ LỤC')).join('\n'));
    expect(tasksOf(result.plan.sections)).toEqual(tasksOf(SHIPPED.sections));
    expect(result.plan.plan.issuer).toBe('Ủy ban nhân dân huyện Kon Rẫy');
    expect(result.plan.agencies).toEqual(SHIPPED.agencies);
    expect(result.plan.appendix).toEqual(SHIPPED.appendix);
  });

  it('without a header row, still finds the rows', () => {
    const rows = tableOnly(SOURCE).split('\n').slice(1).join('\n');
    expect(tasksOf(importPlan(rows).plan.sections)).toEqual(tasksOf(SHIPPED.sections));
  });
});

describe('cells that Word split over several lines', () => {
  it('are glued back: the row continues on the next line, a line without tabs continues the cell', () => {
    const result = importPlan(fixture('word-split.txt'), { year: 2023 });
    const byId = new Map(tasksOf(SHIPPED.sections).flatMap((s) => s.tasks).map((t) => [t.id, t]));
    const got = tasksOf(result.plan.sections);
    expect(got.map((s) => s.id)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(got.map((s) => s.title)).toEqual(SHIPPED.sections.slice(0, 5).map((s) => s.title));
    for (const t of got.flatMap((s) => s.tasks)) expect(t).toEqual(byId.get(t.id));
    expect(got.flatMap((s) => s.tasks.map((t) => t.id))).toEqual(['I.1', 'I.2', 'II.1', 'II.2', 'II.3', 'III.1', 'IV.1', 'IV.2', 'V.1']);
  });
});

describe('a 2026 commune plan', () => {
  const result = importPlan(fixture('commune-2026.txt'));
  const plan = result.plan;

  it('has the year, the commune level, the number and date of its caption', () => {
    expect(plan.plan).toEqual({
      issuer: 'Ủy ban nhân dân xã Tân Lập',
      short: 'UBND xã Tân Lập',
      level: 'commune',
      number: '12',
      symbol: 'KH-UBND',
      date: '2026-01-15',
      title: 'Kiểm soát thủ tục hành chính trên địa bàn xã năm 2026',
      year: 2026,
    });
  });

  it('has its sections, tasks and agencies from the commune dictionary', () => {
    expect(plan.sections.map((s) => [s.id, s.tasks.length])).toEqual([
      ['I', 2],
      ['II', 3],
      ['III', 3],
    ]);
    const tasks = plan.sections.flatMap((s) => s.tasks);
    expect(tasks.map((t) => [t.id, t.lead, t.support, t.when])).toEqual([
      ['I.1', 'vp-tk', 'bndt-xa', 'Trước ngày 31/3/2026'],
      ['I.2', 'vp-tk', 'mot-cua-xa', 'Quý II/2026'],
      ['II.1', 'mot-cua-xa', ['tp-ht', 'vp-tk'], 'Thường xuyên'],
      ['II.2', 'mot-cua-xa', 'bndt-xa', 'Thường xuyên'],
      ['II.3', 'mot-cua-xa', 'tcnscd', 'Thường xuyên'],
      ['III.1', 'bndt-xa', 'vp-tk', 'Hằng quý'],
      ['III.2', ['vp-tk', 'tp-ht'], 'mot-cua-xa', 'Trước ngày 15/11/2026'],
      ['III.3', 'vp-tk', 'mot-cua-xa', 'Hằng quý'],
    ]);
    expect(plan.agencies['bndt-xa']).toEqual({
      name: 'Các ban, ngành, đoàn thể xã',
      members: ['ca-xa', 'bchqs-xa', 'mttq-xa', 'doan-tn-xa', 'hoi-pn-xa', 'hoi-nd-xa', 'hoi-ccb-xa'],
    });
    for (const id of ['ca-xa', 'mttq-xa', 'hoi-ccb-xa', 'vp-tk', 'tp-ht', 'mot-cua-xa']) expect(plan.agencies).toHaveProperty(id);
    expect(plan.agencies).not.toHaveProperty('ubnd-xa');
  });

  it('declares the unknown agency with a readable id and warns, naming it', () => {
    expect(plan.agencies['tcnscd']).toEqual({ name: 'Tổ công nghệ số cộng đồng' });
    expect(result.warnings).toEqual([
      expect.objectContaining({ line: 56, message: expect.stringContaining('"Tổ công nghệ số cộng đồng"') }),
    ]);
    expect(result.yaml).toMatch(/# Not in the dictionary[^\n]*\n {2}tcnscd:/);
  });

  it('reads the text around the table: bases, purposes, organisation, two-column signature', () => {
    expect(plan.bases?.map((b) => [b.ref, b.date, b.issuer])).toEqual([
      ['63/2010/NĐ-CP', '2010-06-08', 'Chính phủ'],
      ['61/2018/NĐ-CP', '2018-04-23', 'Chính phủ'],
      ['45/KH-UBND', '2026-01-05', 'UBND tỉnh'],
    ]);
    expect(plan.purposes?.aims).toHaveLength(2);
    expect(plan.purposes?.requirements).toHaveLength(1);
    expect(plan.content_note).toBe('(Chi tiết tại Phụ lục kèm theo)');
    expect(plan.organisation?.[1]).toBe(
      'Các ban, ngành, đoàn thể xã phối hợp tuyên truyền, giám sát việc giải quyết TTHC trên địa bàn xã.',
    );
    expect(plan.closing).toMatch(/\/\.$/);
    expect(plan.recipients).toEqual(['Văn phòng UBND tỉnh (b/c);', 'TT Đảng ủy, HĐND xã;', 'Các ban, ngành, đoàn thể xã;', 'Lưu: VT.']);
    expect(plan.signature).toEqual({ for: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Nguyễn Văn An' });
  });

  it('takes --year over the text, with a warning', () => {
    const r = importPlan(fixture('commune-2026.txt'), { year: 2027 });
    expect(r.plan.plan.year).toBe(2027);
    expect(r.warnings.some((w) => /2026/.test(w.message) && /--year 2027/.test(w.message))).toBe(true);
  });
});

describe('variants of the text around the table', () => {
  const TABLE = [
    'TT\tNội dung công việc\tCơ quan thực hiện\tCơ quan phối hợp\tKết quả công việc\tThời gian thực hiện',
    'I\tChỉ đạo, điều hành\t\t\t\t',
    '1\tKế hoạch năm\tVăn phòng HĐND-UBND huyện\tPhòng Nội vụ\tKế hoạch\tTrước ngày 31/3/2024',
  ];

  it('takes the number and date from the letterhead when there is no caption, and the issuer from a one-line letterhead', () => {
    const text = [
      'UBND TỈNH KON TUM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'UBND HUYỆN KON RẪY\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 35/KH-UBND\tKon Rẫy, ngày 02 tháng 3 năm 2024',
      'KẾ HOẠCH',
      'Kiểm soát thủ tục hành chính năm 2024',
      '',
      ...TABLE,
    ].join('\n');
    const { plan, warnings } = importPlan(text);
    expect(plan.plan).toEqual({
      issuer: 'Ủy ban nhân dân huyện Kon Rẫy',
      short: 'UBND huyện Kon Rẫy',
      level: 'district',
      number: '35',
      symbol: 'KH-UBND',
      date: '2024-03-02',
      title: 'Kiểm soát thủ tục hành chính năm 2024',
      year: 2024,
    });
    expect(warnings).toEqual([]);
  });

  it('reads a whole document whose table has no header row', () => {
    const text = fixture('commune-2026.txt').replace(/^TT\t.*\n/m, '');
    const r = importPlan(text);
    expect(r.plan).toEqual(importPlan(fixture('commune-2026.txt')).plan);
  });

  it('notes a collective of communes it cannot enumerate, in a warning and in the file', () => {
    const r = importPlan([...TABLE, '2\tViệc\tUBND cấp xã\t\tBáo cáo\tThường xuyên'].join('\n'));
    expect(r.plan.agencies['ubnd-xa']).toEqual({ name: 'UBND cấp xã', aliases: ['UBND các xã, thị trấn', 'Ủy ban nhân dân cấp xã'] });
    expect(r.warnings.some((w) => w.line === 4 && /communes/.test(w.message))).toBe(true);
    expect(r.yaml).toMatch(/# Its communes are not in the dictionary[^\n]*\n {2}ubnd-xa:/);
  });
});

describe('line endings and Unicode forms', () => {
  const lf = importPlan(SOURCE);
  const same = (r: ImportResult) => {
    expect(r.plan).toEqual(lf.plan);
    expect(r.yaml).toBe(lf.yaml);
    expect(r.warnings).toEqual(lf.warnings);
  };

  it('CRLF input gives the same result as LF', () => same(importPlan(SOURCE.replace(/\n/g, '\r\n'))));
  it('NFD input gives the same result as NFC', () => same(importPlan(SOURCE.normalize('NFD'))));
  it('a BOM, CRLF and NFD together give the same result', () => same(importPlan(`\uFEFF${SOURCE.normalize('NFD').replace(/\n/g, '\r\n')}`)));
  it('the commune fixture in NFD with CRLF gives the same result', () => {
    const text = fixture('commune-2026.txt');
    expect(importPlan(text.normalize('NFD').replace(/\n/g, '\r\n')).yaml).toBe(importPlan(text).yaml);
  });
});

describe('the plan year', () => {
  const table = (when: string) =>
    ['TT\tNội dung công việc\tCơ quan thực hiện\tCơ quan phối hợp\tKết quả công việc\tThời gian thực hiện', 'I\tChỉ đạo\t\t\t\t', `1\tViệc\tPhòng Tư pháp\t\tBáo cáo\t${when}`].join('\n');

  it('comes from the timeline column where nothing else says it', () => {
    expect(importPlan(table('Trước ngày 15/6/2024')).plan.plan.year).toBe(2024);
  });

  it('comes from --year', () => {
    expect(importPlan(table('Thường xuyên'), { year: 2025 }).plan.plan.year).toBe(2025);
  });

  it('is asked for when nothing gives it', () => {
    expect(() => importPlan(table('Thường xuyên'))).toThrowError(/--year/);
  });
});

describe('the output is a valid plan', () => {
  it('for every input here', () => {
    for (const r of [importPlan(SOURCE), importPlan(fixture('commune-2026.txt')), importPlan(fixture('word-split.txt'), { year: 2023 })]) {
      expect(Plan.safeParse(parse(r.yaml)).success).toBe(true);
      const p: PlanFile = r.plan;
      const ids = new Set(Object.keys(p.agencies));
      for (const t of p.sections.flatMap((s) => s.tasks)) {
        for (const id of [t.lead, t.support ?? []].flat()) expect(ids).toContain(id);
      }
      for (const a of Object.values(p.agencies)) for (const m of a.members ?? []) expect(ids).toContain(m);
    }
  });
});
