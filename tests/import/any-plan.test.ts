// Tables in the styles of other offices (a ministry, a province, a commune, a Prime Minister's decision), as text and as .docx: import → check → due.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';
import { docxToText } from '../../src/import/docx.js';
import { importPlan } from '../../src/import/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tthc-any-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/**
 * The same document as a .docx: the lines with tabs become the rows of one table (a row of one cell spans
 * the table, as a section row does in Word), the others paragraphs above or below it.
 */
async function asDocx(text: string): Promise<Buffer> {
  const lines = text.replace(/\n$/, '').split('\n');
  const first = lines.findIndex((l) => l.includes('\t'));
  let last = first;
  while (last + 1 < lines.length && (lines[last + 1]!.includes('\t') || /^[IVX]+\. /.test(lines[last + 1]!))) last++;
  const width = lines[first]!.split('\t').length;
  const rows = lines.slice(first, last + 1).map((l) => {
    const cells = l.split('\t');
    if (cells.length === 1) return new TableRow({ children: [new TableCell({ children: [new Paragraph(cells[0]!)], columnSpan: width })] });
    while (cells.length < width) cells.push('');
    return new TableRow({ children: cells.map((c) => new TableCell({ children: c.split(' | ').map((p) => new Paragraph(p)) })) });
  });
  const para = (ls: string[]) => ls.map((l) => new Paragraph(l));
  const doc = new Document({ sections: [{ children: [...para(lines.slice(0, first)), new Table({ rows }), ...para(lines.slice(last + 1))] }] });
  return Packer.toBuffer(doc);
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ env: { COLUMNS: '120', NO_COLOR: '1' }, cwd: dir, now: () => new Date('2026-06-01T03:00:00Z') });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

interface Expect {
  file: string;
  heading: Record<string, unknown>;
  ids: string[];
  /** Task id → agencies (lead then support). */
  agencies: Record<string, string[]>;
  /** (id, period, due) of every dated occurrence, as `due --all` lists them. */
  dues: [string, string | null, string | null][];
}

const CASES: Expect[] = [
  {
    file: 'ministry-2026.txt',
    heading: { issuer: 'Bộ Văn hóa, Thể thao và Du lịch', level: 'central', kind: 'Quyết định', number: '3120', symbol: 'QĐ-BVHTTDL', date: '2025-12-15', year: 2026 },
    ids: ['I.1', 'I.2', 'II.1.1', 'II.1.2', 'II.2.1', 'III.1', 'III.2'],
    agencies: {
      'I.1': ['vp-bo', 'cuc-dsvh', 'cuc-bqtg'],
      'II.1.1': ['cuc-xbinph', 'vu-pc', 'vu-khtc'],
      'II.2.1': ['vu-pc', 'cac-co-quan-don-vi-thuoc-bo'],
      'III.2': ['vp-bo', 'trung-tam-cntt'],
    },
    dues: [
      ['I.1', null, '2026-01-14'],
      ['I.2', null, '2026-03-31'],
      ['III.1', '2026-Q1', '2026-03-20'],
      ['II.1.1', null, '2026-06-30'],
      ['II.2.1', null, '2026-06-30'],
      ['III.1', '2026-Q2', '2026-06-20'],
      ['II.1.2', null, '2026-09-30'],
      ['III.1', '2026-Q3', '2026-09-20'],
      ['III.1', '2026-Q4', '2026-12-20'],
    ],
  },
  {
    file: 'province-2026.txt',
    heading: { issuer: 'Ủy ban nhân dân tỉnh', level: 'province', number: '552', symbol: 'KH-UBND', date: '2025-11-19', year: 2026 },
    ids: ['1', '2', '3', '4', '5', '6'],
    agencies: {
      '1': ['vp', 'so-nganh-lien-quan'],
      '2': ['so-tu-phap', 'so-noi-vu', 'so-tc'],
      '4': ['vp', 'so-noi-vu', 'so-tu-phap'],
      '5': ['vp', 'ubnd-xa'],
    },
    dues: [
      ['1', null, '2026-01-31'],
      ['2', null, '2026-06-30'],
      ['6', '2026-06', '2026-06-30'],
      ['5', null, '2026-12-14'],
      ['4', null, '2026-09-30'],
      ['6', '2026-12', '2026-12-31'],
    ],
  },
  {
    file: 'commune-dak-rve-2026.txt',
    heading: { issuer: 'Ủy ban nhân dân xã Đăk Rve', level: 'commune', number: '12', date: '2026-01-08', year: 2026 },
    ids: ['I.1', 'II.1', 'III.1', 'IV.1', 'IV.2', 'IV.3'],
    agencies: { 'I.1': ['vp', 'cq-xa'], 'III.1': ['vp', 'cq-xa-lien-quan'], 'IV.2': ['vp'] },
    dues: [], // checked below: twelve monthly reports and more
  },
  {
    file: 'pm-2026-2030.txt',
    heading: { issuer: 'Thủ tướng Chính phủ', level: 'central', kind: 'Quyết định', number: '2597', symbol: 'QĐ-TTg', date: '2025-11-27', year: 2026, period: '2026-2030' },
    ids: ['I.1', 'I.2', 'II.3', 'II.4', 'III.5', 'III.6', 'III.7'],
    agencies: {
      'I.1': ['bo-tp', 'cac-bo-nganh-dia-phuong'],
      'I.2': ['vpcp', 'bo-ca', 'bo-khcn'],
      'II.3': ['bo-ca', 'bo-nv', 'cac-bo-nganh-dia-phuong-lien-quan'],
      'III.5': ['cac-bo-nganh-lien-quan', 'vpcp'],
    },
    dues: [
      ['I.2', null, '2026-06-30'],
      ['III.5', '2026', '2026-12-14'],
      ['II.3', null, '2026-12-31'],
      ['I.1', null, '2030-12-31'],
      ['II.4', null, '2030-12-31'],
      ['III.5', '2027', '2027-12-14'],
      ['III.5', '2028', '2028-12-14'],
      ['III.6', null, '2028-12-31'],
      ['III.5', '2029', '2029-12-14'],
      ['III.5', '2030', '2030-12-14'],
    ],
  },
];

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe.each(CASES)('$file', (c) => {
  const text = fixture(c.file);

  it.each(['text', 'docx'] as const)('as %s: the heading, ids and agencies', async (form) => {
    const input = form === 'text' ? text : docxToText(new Uint8Array(await asDocx(text)));
    const { plan, warnings } = importPlan(input);
    expect(plan.plan).toMatchObject(c.heading);
    expect(plan.plan.title).toBeUndefined();
    expect(warnings.map((w) => w.message).join('\n')).not.toMatch(/blank|guessed|was set to/);
    const tasks = plan.sections.flatMap((s) => s.tasks);
    expect(tasks.map((t) => t.id)).toEqual(c.ids);
    for (const [id, ids] of Object.entries(c.agencies)) {
      const t = tasks.find((x) => x.id === id)!;
      expect([...asList(t.lead), ...asList(t.support)], id).toEqual(ids);
    }
  });

  it('round trips: import → check (no errors) → due', async () => {
    const base = c.file.replace(/\.txt$/, '');
    writeFileSync(join(dir, `${base}.docx`), await asDocx(text));
    const imp = await cli(['import', `${base}.docx`, '--output', `${base}.yaml`]);
    expect(imp.code, imp.err).toBe(0);
    const check = await cli(['check', `${base}.yaml`, '--format', 'json']);
    expect(JSON.parse(check.out).errors, check.out).toBe(0);
    const due = await cli(['due', '--plan', `${base}.yaml`, '--all', '--format', 'json']);
    expect(due.code).toBe(0);
    const items = (JSON.parse(due.out).items as { id: string; period: string | null; due: string | null }[]).filter((i) => i.due !== null);
    const byDue = (a: (string | null)[], b: (string | null)[]) => `${a[2]}${a[0]}${a[1]}`.localeCompare(`${b[2]}${b[0]}${b[1]}`);
    if (c.dues.length > 0) expect(items.map((i) => [i.id, i.period, i.due]).sort(byDue)).toEqual([...c.dues].sort(byDue));
    else {
      expect(items.filter((i) => i.id === 'IV.1').map((i) => i.due)).toEqual(
        ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2026-${m}-19`),
      );
      expect(items.filter((i) => i.id === 'IV.2').map((i) => [i.period, i.due])).toEqual([
        ['2026-H1', '2026-06-30'],
        ['2026', '2026-12-31'],
        ['2026-H2', '2026-12-31'],
      ]);
    }
  });
});

describe('an office adds its own names (--agencies)', () => {
  const own = 'format: 1\nagencies:\n  p-tu-phap:\n    name: Phòng Tư pháp - Hộ tịch\n    aliases: [Bộ phận Tư pháp]\n';
  const table = 'TT\tNội dung\tChủ trì\tPhối hợp\tThời gian\n1\tViệc\tBộ phận Tư pháp\tVăn phòng HĐND và UBND xã\tQuý I/2026\n';

  it('recognises them under their ids, before the shipped names', () => {
    const { plan } = importPlan(table, { agencies: { 'p-tu-phap': { name: 'Phòng Tư pháp - Hộ tịch', aliases: ['Bộ phận Tư pháp'] } } });
    expect(plan.sections[0]!.tasks[0]!.lead).toBe('p-tu-phap');
    expect(plan.agencies['p-tu-phap']).toEqual({ name: 'Phòng Tư pháp - Hộ tịch', aliases: ['Bộ phận Tư pháp'] });
  });

  it('reads them from a file, and refuses a file without agencies (exit 2)', async () => {
    writeFileSync(join(dir, 'own.yaml'), own);
    writeFileSync(join(dir, 't.txt'), table);
    const ok = await cli(['import', 't.txt', '--agencies', 'own.yaml']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('lead: p-tu-phap');
    const bad = await cli(['import', 't.txt', '--agencies', 't.txt', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/no readable `agencies:`/);
  });
});

describe('table structures, each on its own', () => {
  const ids = (text: string) => importPlan(text).plan.sections.flatMap((s) => s.tasks.map((t) => t.id));
  const task = (n: string, when = 'Quý I/2026') => `${n}\tViệc ${n}\tSở Tư pháp\t${when}`;
  const HEAD = 'TT\tNội dung\tCơ quan chủ trì\tThời gian thực hiện';

  it.each<[string, string[], string[]]>([
    ['no section rows', [HEAD, task('1'), task('2')], ['1', '2']],
    ['a section row in one cell', [HEAD, 'I. NHÓM GIẢI PHÁP VỀ THỂ CHẾ', task('1'), 'II. NHÓM GIẢI PHÁP KHÁC', task('1')], ['I.1', 'II.1']],
    ['numbers running on across sections', [HEAD, 'I\tA', task('1'), task('2'), 'II\tB', task('3')], ['I.1', 'I.2', 'II.3']],
    ['sub-sections III.1, III.2', [HEAD, 'I\tA', 'I.1\tNhóm một', task('1'), 'I.2\tNhóm hai', task('1')], ['I.1.1', 'I.2.1']],
    ['sub-sections a, b', [HEAD, 'I\tA', 'a\tNhóm a', task('1'), 'b\tNhóm b', task('2')], ['I.a.1', 'I.b.2']],
    ['sub-sections written a) in one cell', [HEAD, 'I\tA', 'a) Nhóm a\t\t\t', task('1')], ['I.a.1']],
    ['row numbers with leading zeros', [HEAD, 'I\tA', task('01'), task('02')], ['I.1', 'I.2']],
    ['numbered headings in capitals, tasks numbered under each', [HEAD, '1\tNHÓM NHIỆM VỤ MỘT\t\t', task('1'), task('2'), '2\tNHÓM NHIỆM VỤ HAI\t\t', task('1')], ['1.1', '1.2', '2.1']],
    ['rows marked "-" instead of a number', [HEAD, 'I\tA', '-\tViệc một\tSở Tư pháp\tQuý I/2026', '-\tViệc hai\tSở Tư pháp\tQuý I/2026'], ['I.1', 'I.2']],
    ['a header of two rows', ['TT\tNội dung\tCơ quan\t\tThời gian', '\t\tChủ trì\tPhối hợp\t', 'I\tA', '1\tViệc\tSở Tư pháp\tSở Nội vụ\tQuý I/2026'], ['I.1']],
  ])('%s', (_name, lines, expected) => {
    expect(ids(lines.join('\n'))).toEqual(expected);
  });

  it('keeps sub-sections with their titles, and reads a table without a result column', () => {
    const { plan } = importPlan([HEAD, 'I\tA', 'I.1\tNhóm một', task('1')].join('\n'));
    expect(plan.sections[0]!.subsections).toEqual([{ id: 'I.1', title: 'Nhóm một' }]);
    expect(plan.sections[0]!.tasks[0]!.output).toBeUndefined();
  });

  it('a timeline cell of two lines that only read as lines keeps them as two parts', () => {
    const r = importPlan([HEAD, 'I\tA', '1\tViệc\tSở Tư pháp\tQuý I/2026', 'Quý III/2026'].join('\n'));
    expect(r.plan.sections[0]!.tasks[0]!.when).toBe('Quý I/2026\nQuý III/2026');
  });

  it('a timeline cell left empty below a filled one is the one above (a merged cell), with a warning', () => {
    const r = importPlan([HEAD, 'I\tA', task('1', 'Quý II/2026'), '2\tViệc 2\tSở Tư pháp\t'].join('\n'));
    expect(r.plan.sections[0]!.tasks[1]!.when).toBe('Quý II/2026');
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/row above's/);
  });
});
