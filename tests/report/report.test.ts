// Tests for `tthc report` as HTML: one self-contained official document, each overdue occurrence once with its lead
// agencies, the source's markup as formatting, continuous tasks as counts; checked against golden files.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';
import { escapeHtml } from '../../src/render/report.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHIPPED = 'plans/kon-ray-2023.yaml';
const NOW = new Date('2023-07-20T03:00:00Z');

async function run(argv: string[], now = NOW): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ now: () => now, cwd: ROOT, env: { NO_COLOR: '1' } });
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

const report = (...more: string[]) => run(['report', '--plan', SHIPPED, ...more]);

const VOID = new Set(['meta', 'br', 'hr', 'col', 'img', 'input', 'link', 'wbr', 'source']);

/** Open and close tags balance and nest; returns the problems found. */
function tagProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = html.replace(/^<!DOCTYPE html>\n/, '').replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(\/?)>/g)) {
    const [, close, name, self] = m;
    const tag = name!.toLowerCase();
    if (self || (!close && VOID.has(tag))) continue;
    if (!close) stack.push(tag);
    else if (stack.pop() !== tag) problems.push(`</${tag}> at ${m.index} closes the wrong element`);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' ')}`);
  const stray = body.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(\/?)>/g, '').match(/[<>]/g);
  if (stray) problems.push(`${stray.length} stray angle brackets`);
  return problems;
}

/** The rows of one of the report's tables, as cell texts (tags removed, entities decoded). */
function tableRows(html: string, name: string): string[][] {
  const table = html.match(new RegExp(`<table class="grid ${name}">[\\s\\S]*?</table>`));
  if (!table) return [];
  const body = table[0].slice(table[0].indexOf('<tbody>'));
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')),
  );
}

function golden(name: string, html: string): void {
  const file = join(ROOT, 'tests/report/golden', name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
  }
  expect(html).toBe(readFileSync(file, 'utf8'));
}

const tmp = mkdtempSync(join(tmpdir(), 'tthc-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('tthc report on the shipped plan, for the year as of 31/12/2023', async () => {
  const r = await report('--as-of', '2023-12-31');
  const html = r.out;

  it('is one self-contained, well nested HTML page that prints on A4 with the decree\'s margins', () => {
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(tagProblems(html)).toEqual([]);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<(?:script|link|img|iframe|object|embed)\b/i);
    expect(html).toContain('@page { size: A4; margin: 20mm 15mm 20mm 30mm; }');
    expect(html).toMatch(/font-family: "Times New Roman"/);
    expect(html).toMatch(/tr \{ break-inside: avoid; page-break-inside: avoid; \}/);
  });

  it('has the official header, number line, place and date line, title, Nơi nhận and signature', () => {
    expect(html).toContain('<p class="issuer">ỦY BAN NHÂN DÂN</p><p class="issuer">HUYỆN KON RẪY</p>');
    expect(html).toContain('<p class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p class="motto">Độc lập - Tự do - Hạnh phúc</p>');
    expect(html).toMatch(/<p class="number">Số: \u00a0+\/BC-UBND<\/p>/);
    expect(html).toMatch(/<p class="place-date">Kon Rẫy, ngày\u00a0+tháng\u00a0+năm \u00a0+<\/p>/);
    expect(html).toContain('<p class="kind">BÁO CÁO</p>\n<p class="summary">Kết quả thực hiện công tác kiểm soát thủ tục hành chính năm 2023</p>');
    expect(html).toContain('<p class="to">Nơi nhận:</p>');
    expect(html).toContain('<li>- Văn phòng UBND tỉnh (b/c);</li>');
    expect(html).toContain('<p class="sign-for">TM. ỦY BAN NHÂN DÂN</p><p class="sign-for">KT. CHỦ TỊCH</p><p class="sign-for">PHÓ CHỦ TỊCH</p><div class="sign-space"></div><p class="signer">Đinh Thị Hồng Thu</p>');
  });

  it('lists each overdue occurrence once, with its lead agencies (not once per agency named)', () => {
    const rows = tableRows(html, 'overdue');
    expect(rows).toHaveLength(17);
    const keys = rows.map((c) => `${c[1]} ${c[3]}`);
    expect(new Set(keys).size).toBe(17);
    expect(rows[0]).toEqual(['1', 'X.2', 'Đẩy mạnh công khai kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp trong giải…', 'Tháng 1/2023', '31/1/2023', '334', 'Văn phòng HĐND-UBND huyện']);
    expect(rows[2]).toEqual(['3', 'I.2', 'Kế hoạch hoạt động kiểm soát TTHC năm 2023', '', '9/3/2023', '297', 'Văn phòng HĐND-UBND huyện']);
    expect(rows.filter((c) => c[1] === 'X.2')).toHaveLength(11);
    expect(rows.find((c) => c[1] === 'VIII.1')![6]).toBe('Các cơ quan, đơn vị thuộc huyện; UBND cấp xã');
  });

  it('counts an agency\'s overdue occurrences through its collectives, the same with and without --agency', async () => {
    const agencies = tableRows(html, 'agencies');
    const noiVu = agencies.find((c) => c[1] === 'Phòng Nội vụ');
    expect(noiVu?.[2]).toBe('17');
    const alone = await report('--as-of', '2023-12-31', '--agency', 'noi-vu');
    expect(tableRows(alone.out, 'overdue')).toHaveLength(17);
    expect(tableRows(alone.out, 'agencies')).toEqual([['1', 'Phòng Nội vụ', '17', '6']]);
  });

  it('renders the source\'s <i>…</i> of task VI.2 as italics, never as literal tags', () => {
    expect(html).toContain('(<i>Vận hành, khai thác Hệ thống phản ánh, kiến nghị của Chính phủ và Cổng thông tin điện tử của Chính phủ</i>)');
    expect(html).not.toContain('&lt;i&gt;');
  });

  it('shows continuous tasks as their activity counts, never in red, and names the last quarter\'s gaps once', () => {
    const status = tableRows(html, 'status');
    const ii1 = status.find((c) => c[0] === 'II.1')!;
    expect(ii1.slice(2)).toEqual(['0 hoạt động', '0 hoạt động', '0 hoạt động', '0 hoạt động']);
    const row = html.match(/<tr><td class="bold">II\.1<\/td>[\s\S]*?<\/tr>/)![0];
    expect(row).not.toContain('tone-overdue');
    expect(row).toContain('<td class="center tone-muted">0 hoạt động</td>');
    expect(html).not.toContain('Chưa ghi nhận</td>');
    expect(html).toContain('<h3>2. Nhiệm vụ thường xuyên chưa ghi nhận hoạt động trong quý III</h3>');
  });

  it('matches the golden file, whatever the clock', async () => {
    expect((await run(['report', '--plan', SHIPPED, '--as-of', '31/12/2023'], new Date('2030-01-01T00:00:00Z'))).out).toBe(html);
    golden('kon-ray-2023-12-31.html', html);
  });

  it('writes the same page with --output', async () => {
    const file = join(tmp, 'bao-cao.html');
    const w = await report('--as-of', '2023-12-31', '--output', file);
    expect(w.code).toBe(0);
    expect(w.out).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(html);
  });
});

describe('tthc report options', () => {
  it('--quarter 3: one quarter column, the quarter in the title, what was done in it', async () => {
    const plan = readFileSync(join(ROOT, SHIPPED), 'utf8').replace(
      /(      - id: X\.2\n(?:        .*\n)*?        when: Hàng tháng\n)/,
      '$1        records:\n          - { done: 2023-08-10, period: 2023-07, ref: 15/BC-VP }\n',
    );
    const file = join(tmp, 'with-record.yaml');
    writeFileSync(file, plan);
    const r = await run(['report', '--plan', file, '--as-of', '2023-10-05', '--quarter', '3']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('<p class="summary">Kết quả thực hiện công tác kiểm soát thủ tục hành chính quý III năm 2023</p>');
    const head = r.out.match(/<table class="grid status">[\s\S]*?<\/thead>/)![0];
    expect(head).toContain('<th scope="col">Quý III</th>');
    expect(head).not.toMatch(/>Quý (?:I|II|IV)</);
    expect(tableRows(r.out, 'completed')).toEqual([['1', 'X.2', expect.stringContaining('Đẩy mạnh công khai'), 'Tháng 7/2023', '31/7/2023', '10/8/2023 (muộn)', '15/BC-VP']]);
    expect(tagProblems(r.out)).toEqual([]);
  });

  it('--half 1 covers two quarters; the options fill the header and the signature', async () => {
    const r = await report(
      '--as-of', '2023-07-20', '--half', '1', '--superior', 'UBND tỉnh Kon Tum', '--issuer', 'Văn phòng HĐND-UBND huyện Kon Rẫy', '--place', 'Kon Rẫy',
      '--number', '45', '--date', '2023-07-05', '--recipient', 'UBND huyện (b/c);', '--recipient', 'Lưu: VT.', '--sign-for', 'CHÁNH VĂN PHÒNG', '--signer', 'Nguyễn Văn A',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('Kết quả thực hiện công tác kiểm soát thủ tục hành chính 6 tháng đầu năm 2023');
    expect(r.out).toContain('<p class="superior">UBND TỈNH KON TUM</p><p class="issuer">VĂN PHÒNG HĐND-UBND HUYỆN KON RẪY</p>');
    expect(r.out).toContain('<p class="number">Số: 45/BC-UBND</p>');
    expect(r.out).toContain('<p class="place-date">Kon Rẫy, ngày 05 tháng 7 năm 2023</p>');
    expect(r.out).toContain('<ul class="recipients"><li>- UBND huyện (b/c);</li><li>- Lưu: VT.</li></ul>');
    expect(r.out).toContain('<p class="sign-for">CHÁNH VĂN PHÒNG</p><div class="sign-space"></div><p class="signer">Nguyễn Văn A</p>');
    const head = r.out.match(/<table class="grid status">[\s\S]*?<\/thead>/)![0];
    expect(head.match(/>Quý [IV]+</g)).toEqual(['>Quý I<', '>Quý II<']);
  });

  it('says so when nothing is overdue', async () => {
    const r = await report('--as-of', '2023-01-15');
    expect(r.out).toContain('Không có nhiệm vụ nào quá hạn tính đến ngày 15/1/2023.');
    expect(r.out).not.toContain('<table class="grid overdue">');
  });

  it('refuses what it cannot do', async () => {
    for (const argv of [['--format', 'pdf'], ['--quarter', '5'], ['--half', '3'], ['--quarter', '1', '--half', '1'], ['--periods', 'fiscal'], ['--as-of', '31/2/2023'], ['--agency', 'nowhere'], ['--date', 'soon'], ['--role', 'lead']]) {
      const r = await report(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
    }
  });

  it('escapes every piece of plan text but the <i>/<b> markup, and names the plan by its number when it has one', async () => {
    const text = readFileSync(join(ROOT, SHIPPED), 'utf8')
      .replace('  number: null\n', '  number: "123"\n')
      .replace('  date: null\n', '  date: 2023-03-05\n')
      .replace(/^  title: .*$/m, '  title: "Kế hoạch <b>thử</b> & \\"kiểm <script>tra\\""');
    const file = join(tmp, 'numbered.yaml');
    writeFileSync(file, text);
    const r = await run(['report', '--plan', file, '--as-of', '2023-07-20']);
    expect(r.err).toBe('');
    expect(r.out).toContain('Thực hiện Kế hoạch số 123/KH-UBND ngày 5/3/2023 của Ủy ban nhân dân huyện Kon Rẫy về kế hoạch <b>thử</b> &amp; &quot;kiểm &lt;script&gt;tra&quot;');
    expect(tagProblems(r.out)).toEqual([]);
    expect(r.out).toContain('tệp kế hoạch numbered.yaml');
  });

  it('escapeHtml covers the five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
