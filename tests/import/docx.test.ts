// tthc import reads a Word .docx directly: tables cell by cell, merged cells, line breaks inside cells; fixtures are made with the docx library.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';
import { documentXmlToText, docxToText } from '../../src/import/docx.js';
import { importPlan } from '../../src/import/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tthc-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type CellSpec = string | string[] | { text: string | string[]; span?: number; merge?: 'restart' | 'continue' };

function cell(spec: CellSpec): TableCell {
  const s = typeof spec === 'string' || Array.isArray(spec) ? { text: spec } : spec;
  const paras = (Array.isArray(s.text) ? s.text : [s.text]).map((t) => new Paragraph(t));
  return new TableCell({
    children: paras,
    ...(s.span ? { columnSpan: s.span } : {}),
    ...(s.merge ? { verticalMerge: s.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });
}

/** A .docx with paragraphs above a table of the given rows. */
async function docx(above: string[], rows: CellSpec[][], below: string[] = []): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          ...above.map((t) => new Paragraph(t)),
          new Table({ rows: rows.map((r) => new TableRow({ children: r.map(cell) })) }),
          ...below.map((t) => new Paragraph(t)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ env: { COLUMNS: '100', NO_COLOR: '1' }, cwd: dir, now: () => new Date('2026-03-01T03:00:00Z') });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

const HEADING = [
  'PHỤ LỤC',
  'DANH MỤC NHIỆM VỤ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026',
  '(Kèm theo Kế hoạch số 552/KH-UBND ngày 19/11/2025 của Ủy ban nhân dân tỉnh)',
];
const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Sản phẩm', 'Thời hạn hoàn thành', 'Người đứng đầu chịu trách nhiệm'];

describe('a province table in Word, with merged cells and line breaks', async () => {
  const bytes = await docx(HEADING, [
    HEADER,
    [{ text: 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', span: 7 }],
    ['1', 'Ban hành Kế hoạch kiểm soát TTHC năm 2026', 'Văn phòng UBND tỉnh', ['Sở Nội vụ', 'Sở Tư pháp'], 'Kế hoạch', { text: 'Quý I/2026', merge: 'restart' }, 'Chánh Văn phòng'],
    ['2', 'Rà soát, đánh giá thủ tục hành chính', 'Sở Tư pháp', 'Sở, ban, ngành có liên quan', '', { text: '', merge: 'continue' }, 'Giám đốc Sở'],
    [{ text: 'II. CÔNG KHAI THỦ TỤC HÀNH CHÍNH', span: 7 }],
    ['3', 'Công khai TTHC trên Cổng dịch vụ công', 'Các sở, ban, ngành', 'UBND các xã, phường', 'Báo cáo', 'Hằng quý, chậm nhất ngày 20 tháng cuối quý', ''],
  ]);
  const text = docxToText(new Uint8Array(bytes));

  it('reads each row as one line, cells by tabs, a merged-across section row as one cell', () => {
    const lines = text.split('\n');
    expect(lines).toContain('I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\t\t\t\t\t\t');
    expect(lines.find((l) => l.startsWith('1\t'))).toBe(
      '1\tBan hành Kế hoạch kiểm soát TTHC năm 2026\tVăn phòng UBND tỉnh\tSở Nội vụ\u2028Sở Tư pháp\tKế hoạch\tQuý I/2026\tChánh Văn phòng',
    );
  });

  it('imports the tasks: run-on numbers, the merged timeline shared, two agencies from two lines of a cell, extra columns kept', () => {
    const { plan } = importPlan(text);
    expect(plan.plan).toMatchObject({ issuer: 'Ủy ban nhân dân tỉnh', level: 'province', number: '552', symbol: 'KH-UBND', date: '2025-11-19', year: 2026 });
    expect(plan.plan.title).toBeUndefined();
    const tasks = plan.sections.flatMap((s) => s.tasks);
    expect(tasks.map((t) => t.id)).toEqual(['I.1', 'I.2', 'II.3']);
    expect(tasks[0]!.support).toEqual(['so-noi-vu', 'so-tu-phap']);
    expect(tasks[1]!.when).toBe('Quý I/2026');
    expect(tasks[1]!.output).toBeUndefined();
    expect(tasks[0]!.extra).toEqual({ 'Người đứng đầu chịu trách nhiệm': 'Chánh Văn phòng' });
    expect(tasks[2]!.support).toBe('ubnd-xa');
  });

  it('round trips through the CLI: import the .docx → check → due', async () => {
    writeFileSync(join(dir, 'tinh.docx'), bytes);
    const imp = await cli(['import', 'tinh.docx', '--output', 'tinh.yaml']);
    expect(imp.code).toBe(0);
    expect(readFileSync(join(dir, 'tinh.yaml'), 'utf8')).toContain('id: II.3');
    const check = await cli(['check', 'tinh.yaml', '--format', 'json']);
    expect(JSON.parse(check.out).errors).toBe(0);
    const due = await cli(['due', '--plan', 'tinh.yaml', '--as-of', '2026-03-20', '--format', 'json']);
    expect(due.code).toBe(0);
    const items = JSON.parse(due.out).items as { id: string; due: string }[];
    expect(items.map((i) => [i.id, i.due])).toEqual([
      ['II.3', '2026-03-20'],
      ['I.1', '2026-03-31'],
      ['I.2', '2026-03-31'],
    ]);
  });
});

describe('the XML of a document, read by hand', () => {
  it('keeps breaks inside a cell, decodes entities, and reads a header of two rows merged down and across', () => {
    const xml =
      '<w:document><w:body><w:p><w:r><w:t>PHỤ LỤC</w:t></w:r></w:p><w:tbl>' +
      '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>TT</w:t></w:r></w:p></w:tc>' +
      '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Cơ quan</w:t></w:r></w:p></w:tc></w:tr>' +
      '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>Chủ trì</w:t></w:r></w:p></w:tc>' +
      '<w:tc><w:p><w:r><w:t xml:space="preserve">A &amp; B</w:t><w:br/><w:t>C</w:t></w:r></w:p></w:tc></w:tr>' +
      '</w:tbl></w:body></w:document>';
    expect(documentXmlToText(xml).split('\n')).toEqual(['PHỤ LỤC', 'TT\tCơ quan\t', '\tChủ trì\tA & B\u2028C']);
  });
});

describe('files that are not read', () => {
  it('a PDF that cannot be read is refused, naming Word (a scan, naming OCR: see pdf.test.ts)', async () => {
    writeFileSync(join(dir, 'plan.pdf'), '%PDF-1.7\n%âãÏÓ\n');
    const r = await cli(['import', 'plan.pdf']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/PDF/);
    expect(r.err).toMatch(/Word/);
  });

  it('a zip that is no Word document is refused', async () => {
    writeFileSync(join(dir, 'x.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    const r = await cli(['import', 'x.docx']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/docx/);
    expect(r.err).not.toMatch(/^\s{4}at /m);
  });

  it('text copied from a PDF, with cells separated by spaces, is refused with the way to proceed', () => {
    const text = [
      'TT    Nội dung         Cơ quan chủ trì       Thời gian',
      '1     Rà soát TTHC     Sở Tư pháp            Quý I/2026',
      '2     Công khai TTHC   Văn phòng UBND tỉnh   Hằng quý',
    ].join('\n');
    expect(() => importPlan(text)).toThrow(/copied from a PDF/);
  });
});
