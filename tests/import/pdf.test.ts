// tthc import reads a PDF's text layer: the table's rows rebuilt from where the text stands; a scan is refused naming OCR.
// The PDFs were made from the text fixtures by make-pdf.mjs (a .docx through LibreOffice), as an office would print one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';
import { importPlan } from '../../src/import/index.js';
import { fixSpacing, PdfError, pdfToText } from '../../src/import/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'tthc-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ env: { COLUMNS: '120', NO_COLOR: '1' }, cwd: dir, now: () => new Date('2026-06-01T03:00:00Z') });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

/** A PDF of one page and no text: what a scanner writes, less the picture. */
function emptyPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

// The large one is the same plan in 20-point type: three pages, the table broken twice, its header of two lines repeated.
describe.each([
  ['province-parts-2026', 'province-parts-2026.txt'],
  ['commune-parts-2026', 'commune-parts-2026.txt'],
  ['province-parts-2026-large', 'province-parts-2026.txt'],
])('%s.pdf', (base, source) => {
  it('imports the same plan as the text it was made from', async () => {
    const fromPdf = importPlan(await pdfToText(new Uint8Array(fixture(`${base}.pdf`))));
    const fromText = importPlan(fixture(source).toString('utf8'));
    expect(fromPdf.plan).toEqual(fromText.plan);
  });

  it('round trips through the CLI: import the PDF → check → due', async () => {
    writeFileSync(join(dir, `${base}.pdf`), fixture(`${base}.pdf`));
    const imp = await cli(['import', `${base}.pdf`, '--output', `${base}.yaml`]);
    expect(imp.code, imp.err).toBe(0);
    const check = await cli(['check', `${base}.yaml`, '--format', 'json']);
    expect(JSON.parse(check.out).errors, check.out).toBe(0);
    const due = await cli(['due', '--plan', `${base}.yaml`, '--as-of', '2026-06-10', '--format', 'json']);
    expect(due.code).toBe(0);
    expect((JSON.parse(due.out).items as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('what is refused', () => {
  it('a scan (no text layer): exit 1, naming OCR and the .docx', async () => {
    writeFileSync(join(dir, 'scan.pdf'), emptyPdf());
    await expect(pdfToText(new Uint8Array(emptyPdf()))).rejects.toBeInstanceOf(PdfError);
    const r = await cli(['import', 'scan.pdf', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/scan\.pdf: The PDF has no text layer/);
    expect(r.err).toMatch(/OCR/);
    expect(r.err).not.toMatch(/^\s{4}at /m);
    const vi = await cli(['import', 'scan.pdf']);
    expect(vi.code).toBe(1);
    expect(vi.err).toMatch(/scan\.pdf: Tệp PDF không có lớp chữ/);
    expect(vi.err).toMatch(/gợi ý: .*OCR/);
  });

  it('a damaged PDF: exit 1, with what to do', async () => {
    writeFileSync(join(dir, 'broken.pdf'), Buffer.from('%PDF-1.7\nnothing here\n'));
    const r = await cli(['import', 'broken.pdf', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/broken\.pdf: The PDF cannot be read/);
    expect((await cli(['import', 'broken.pdf'])).err).toMatch(/broken\.pdf: Không đọc được tệp PDF/);
    expect(r.err).not.toMatch(/^\s{4}at /m);
  });
});

describe('spacing of text drawn in several passes', () => {
  it.each([
    ['thủtục hành chính', 'thủ tục hành chính'],
    ['QUẢNGNGÃI', 'QUẢNG NGÃI'],
    ['Ủy ban nhân dân tỉ nh', 'Ủy ban nhân dân tỉnh'],
    ['UBND KSTT Internet', 'UBND KSTT Internet'],
    ['dài 5 km đường', 'dài 5 km đường'],
    ['Nghị định 63/2010/NĐ-CP', 'Nghị định 63/2010/NĐ-CP'],
  ])('%s → %s', (input, expected) => {
    expect(fixSpacing(input)).toBe(expected);
  });
});
