// `tthc report --format docx`, read back with a zip reader: the decree's header, real tables and headings, fonts, A4
// and margins; and a Word file is never written to a terminal.
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHIPPED = 'plans/kon-ray-2023.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'tthc-docx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(argv: string[], isTTY = false) {
  const io = memoryIo({ now: () => new Date('2023-07-20T03:00:00Z'), cwd: ROOT, env: { NO_COLOR: '1' }, isTTY });
  const code = await main(argv, io);
  return { code, io };
}

/** document.xml's paragraphs as plain text, in order. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).map((t) => t.replace(/&amp;/g, '&'));
}

describe('tthc report --format docx', async () => {
  const file = join(tmp, 'bao-cao.docx');
  const r = await run(['report', '--plan', SHIPPED, '--as-of', '2023-10-05', '--quarter', '3', '--format', 'docx', '--output', file]);
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const text = paragraphs(xml);

  it('is a Word package written through --output', () => {
    expect(r.code).toBe(0);
    expect(r.io.out).toBe('');
    expect(r.io.err).toMatch(/bao-cao\.docx: đã ghi\./);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
  });

  it('opens with the decree\'s header: issuer left, Quốc hiệu and tiêu ngữ right, number, place and date, kind and summary', () => {
    expect(text.slice(0, 8)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'HUYỆN KON RẪY',
      '',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '',
      'Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND',
      'Kon Rẫy, ngày\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0tháng\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0năm \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0',
    ]);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả thực hiện công tác kiểm soát thủ tục hành chính quý III năm 2023');
    // The header is a borderless two-column table, the first element of the body.
    expect(xml.indexOf('<w:tbl>')).toBeLessThan(xml.indexOf('ỦY BAN NHÂN DÂN'));
  });

  it('has real Word tables with a repeated header row, and headings with the Heading styles', () => {
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?I\. KẾT QUẢ THỰC HIỆN/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?3\. Tình hình thực hiện theo quý/);
    for (const head of ['STT', 'Mã', 'Nội dung công việc', 'Kỳ', 'Hạn', 'Trễ (ngày)', 'Cơ quan chủ trì', 'Quý III']) expect(text).toContain(head);
    const overdueRows = text.filter((t) => t === 'X.2');
    expect(overdueRows.length).toBeGreaterThan(0);
  });

  it('uses Times New Roman, 14 pt in the body, on A4 with the decree\'s margins', () => {
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:sz w:val="28"\/>/);
    expect(xml).not.toMatch(/w:ascii="(?!Times New Roman)/);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"[^>]*\/>/);
    const mar = xml.match(/<w:pgMar ([^>]*)\/>/)![1]!;
    const attr = (k: string) => Number(new RegExp(`w:${k}="(\\d+)"`).exec(mar)![1]) / 56.7;
    expect(attr('top')).toBeCloseTo(20, 0);
    expect(attr('bottom')).toBeCloseTo(20, 0);
    expect(attr('left')).toBeCloseTo(30, 0);
    expect(attr('right')).toBeCloseTo(15, 0);
  });

  it('renders the source\'s <i> as italics', () => {
    const run = xml.match(/<w:r>(?:(?!<\/w:r>)[\s\S])*?Vận hành, khai thác Hệ thống phản ánh[\s\S]*?<\/w:r>/)![0];
    expect(run).toContain('<w:i/>');
    expect(xml).not.toContain('&lt;i&gt;');
  });

  it('ends with Nơi nhận and the signature block from the plan', () => {
    const at = text.indexOf('Nơi nhận:');
    expect(at).toBeGreaterThan(0);
    expect(text.slice(at, at + 3)).toEqual(['Nơi nhận:', '- Văn phòng UBND tỉnh (b/c);', '- Thường trực Huyện ủy;']);
    expect(text).toEqual(expect.arrayContaining(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Đinh Thị Hồng Thu']));
  });

  it('says the same as the HTML report', async () => {
    const html = (await run(['report', '--plan', SHIPPED, '--as-of', '2023-10-05', '--quarter', '3'])).io.out;
    for (const t of ['II.1', 'Kết quả thực hiện công tác kiểm soát thủ tục hành chính quý III năm 2023', 'Đinh Thị Hồng Thu', 'Trên đây là báo cáo']) {
      expect(html).toContain(t);
      expect(text.some((p) => p.includes(t))).toBe(true);
    }
  });
});

describe('a Word file and the terminal', () => {
  it('is refused on a terminal, with a hint', async () => {
    const r = await run(['report', '--plan', SHIPPED, '--as-of', '2023-10-05', '--format', 'docx'], true);
    expect(r.code).toBe(2);
    expect(r.io.err).toMatch(/Tệp Word không phải văn bản thuần: tthc không in ra màn hình\.\ngợi ý: Dùng --output TỆP/);
    expect(r.io.bytes).toEqual([]);
  });

  it('goes to a pipe or a redirect as bytes', async () => {
    const r = await run(['report', '--plan', SHIPPED, '--as-of', '2023-10-05', '--format', 'docx']);
    expect(r.code).toBe(0);
    expect(r.io.out).toBe('');
    expect(Buffer.from(r.io.bytes[0]!).subarray(0, 2).toString()).toBe('PK');
  });
});
