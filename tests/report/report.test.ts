// Tests for `tthc report`: one self-contained, escaped, deterministic HTML page, checked against a golden file.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryIo } from '../../src/io.js';
import { loadBytes } from '../../src/plan/load.js';
import { escapeHtml } from '../../src/render/report.js';
import { evaluatePlan } from '../../src/views/evaluate.js';
import { statusView } from '../../src/views/status.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHIPPED = 'plans/kon-ray-2023.yaml';
const NOW = new Date('2023-07-20T03:00:00Z');
const GOLDEN = join(ROOT, 'tests/report/golden/kon-ray-2023-07-20.html');

async function run(argv: string[], now = NOW): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ now: () => now, cwd: ROOT, env: { NO_COLOR: '1' } });
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

const report = (...more: string[]) => run(['report', '--plan', SHIPPED, ...more]);

const VOID = new Set(['meta', 'br', 'hr', 'col', 'img', 'input', 'link', 'wbr', 'source']);

/** Open and close tags balance and nest (SVG's self-closing elements included); returns the problems found. */
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
  // Every "<" left is a tag: text has none of its own.
  const stray = body.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(\/?)>/g, '').match(/[<>]/g);
  if (stray) problems.push(`${stray.length} stray angle brackets`);
  return problems;
}

const tmp = mkdtempSync(join(tmpdir(), 'tthc-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('tthc report on the shipped plan, as of 20/7/2023', async () => {
  const r = await report('--as-of', '2023-07-20');
  const html = r.out;
  const loaded = loadBytes(readFileSync(join(ROOT, SHIPPED)), SHIPPED);
  const plan = loaded.plan!;

  it('exits 0 and writes one HTML page', () => {
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html.match(/<html\b/g)).toHaveLength(1);
    expect(html.match(/<body>/g)).toHaveLength(1);
  });

  it('is well nested', () => {
    expect(tagProblems(html)).toEqual([]);
  });

  it('needs nothing from outside: no links, scripts, images, fonts or addresses', () => {
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/\s(?:src|href|srcset|xlink:href)\s*=/i);
    expect(html).not.toMatch(/<(?:script|link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/@import|@font-face/i);
    // url(...) only for the chart's own patterns.
    for (const m of html.matchAll(/url\(([^)]*)\)/g)) expect(m[1]).toMatch(/^#fill-[a-z-]+$/);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it('prints on A4 without cutting rows', () => {
    expect(html).toContain('@page { size: A4; margin: 15mm; }');
    expect(html).toMatch(/tr \{ break-inside: avoid; page-break-inside: avoid; \}/);
    expect(html).toContain('print-color-adjust: exact');
  });

  it('has the plan heading, with the blank number said plainly, and the day', () => {
    expect(html).toContain('<p class="issuer-name">Ủy ban nhân dân huyện Kon Rẫy</p>');
    expect(html).toContain(`<p class="plan-title">${plan.title}</p>`);
    expect(html).toContain('Kế hoạch số …/KH-UBND ngày … <span class="note">(văn bản để trống số và ngày ban hành)</span>');
    expect(html).toContain('Số liệu tính đến ngày <strong>20/7/2023</strong>');
    expect(html).toMatch(/<title>[^<]*20\/7\/2023<\/title>/);
  });

  it('has a row for every task, under its section, with four quarter columns', () => {
    for (const task of plan.tasks) expect(html).toContain(`<tr><td class="id">${task.id}</td>`);
    for (const sec of plan.sections) expect(html).toContain(`scope="rowgroup">${sec.id}. ${escapeHtml(sec.title)}</th>`);
    const thead = html.match(/<table class="status-table">[\s\S]*?<\/thead>/)![0];
    for (const q of ['Quý I<', 'Quý II<', 'Quý III<', 'Quý IV<']) expect(thead).toContain(q);
    expect(html).toContain('<td class="st st-overdue">Quá hạn 0/3</td>');
    expect(html).toContain('<td class="st st-due-soon">Sắp đến hạn</td>');
    expect(html).toContain('<td class="st st-no-record">Chưa ghi nhận</td>');
    expect(html).toMatch(/<tr class="totals"><th colspan="2" scope="row">Tổng \(27 nhiệm vụ\)<\/th><td><ul><li>Quá hạn: 5<\/li>/);
    expect(html).toContain('<li class="rate">Đúng hạn: 0%</li>');
  });

  it('shows the <i>…</i> of task VI.2 as text', () => {
    expect(html).toContain('(&lt;i&gt;Vận hành, khai thác Hệ thống phản ánh, kiến nghị của Chính phủ và Cổng thông tin điện tử của Chính phủ&lt;/i&gt;)');
    expect(html).not.toMatch(/<i>|<\/i>/);
  });

  it('draws the stacked bars from the totals, with a title, a label and a legend', () => {
    const svg = html.match(/<svg [\s\S]*?<\/svg>/)![0];
    expect(svg).toMatch(/^<svg viewBox="0 0 \d+ \d+" width="\d+" height="\d+" role="img" aria-label="Số nhiệm vụ theo trạng thái/);
    expect(svg).toContain('<title>Số nhiệm vụ theo trạng thái trong từng quý</title>');
    const view = statusView(evaluatePlan(plan, '2023-07-20', 14), {});
    const q1 = view.totals.quarters.Q1.counts;
    // The totals count occurrences (status's one unit): Q1's five are all overdue on 20/7 (I.2, VIII.1 Q1, X.2 ×3).
    expect(q1).toEqual({ overdue: 5 });
    expect(svg).toContain(`Quý I: Quá hạn ${q1.overdue};`);
    // One rect per non-empty status and quarter, plus one legend swatch per status shown.
    const segments = (['Q1', 'Q2', 'Q3', 'Q4'] as const).reduce((n, q) => n + Object.entries(view.totals.quarters[q].counts).filter(([s, c]) => s !== 'none' && c).length, 0);
    const shown = new Set((['Q1', 'Q2', 'Q3', 'Q4'] as const).flatMap((q) => Object.keys(view.totals.quarters[q].counts).filter((s) => s !== 'none')));
    expect(svg.match(/<rect x="[\d.]+" y="[\d.]+" width="62"/g)).toHaveLength(segments);
    expect(svg.match(/<rect x="[\d.]+" y="[\d.]+" width="22" height="14"/g)).toHaveLength(shown.size);
    for (const word of ['Quá hạn', 'Sắp đến hạn', 'Đang thực hiện', 'Chưa đến kỳ']) expect(svg).toContain(`font-size="13">${word}</text>`);
  });

  it('lists overdue occurrences by agency named in the tasks, leaving out agencies with none', () => {
    const section = html.slice(html.indexOf('<section id="qua-han">'));
    const heads = [...section.matchAll(/<h3>([^<]*) <span class="note">\(([a-z-]+)\) — (\d+) lần quá hạn<\/span><\/h3>/g)].map((m) => [m[2], m[3]]);
    // vp leads X.2 and I.2 and supports VIII.1; the collectives are named in the same tasks. noi-vu, doan-kt and the
    // others are named only in tasks that are not overdue.
    expect(heads).toEqual([
      ['vp', '9'],
      ['cq-huyen', '9'],
      ['ubnd-xa', '9'],
    ]);
    expect(section).toContain('<tr><td class="id">X.2</td><td>Đẩy mạnh công khai kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp…</td><td>Tháng 1/2023</td><td class="num">31/1/2023</td><td class="num late">170 ngày</td><td>chủ trì</td></tr>');
    expect(section).toContain('<td class="id">I.2</td><td>Kế hoạch hoạt động kiểm soát TTHC năm 2023</td><td></td><td class="num">9/3/2023</td><td class="num late">133 ngày</td>');
  });

  it('is the same page whatever the clock, and matches the golden file', async () => {
    expect((await report('--as-of', '2023-07-20')).out).toBe(html);
    expect((await run(['report', '--plan', SHIPPED, '--as-of', '20/7/2023', '--format', 'html'], new Date('2030-01-01T00:00:00Z'))).out).toBe(html);
    if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) {
      mkdirSync(dirname(GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, html);
    }
    expect(html).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('writes the same page with --output', async () => {
    const file = join(tmp, 'bao-cao.html');
    const w = await report('--as-of', '2023-07-20', '--output', file);
    expect(w.code).toBe(0);
    expect(w.out).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(html);
  });
});

describe('tthc report options', () => {
  it('--quarter 3: one quarter column and the occurrences due in it', async () => {
    const r = await report('--as-of', '2023-07-20', '--quarter', '3');
    expect(r.code).toBe(0);
    const thead = r.out.match(/<table class="status-table one-quarter">[\s\S]*?<\/thead>/)![0];
    expect(thead).toContain('>Quý III</th>');
    expect(thead).not.toMatch(/>Quý (?:I|II|IV)</);
    expect(thead).toContain('Các lần thực hiện có hạn trong quý');
    expect(r.out).toContain('<li>Tháng 7/2023 · hạn 31/7/2023 · Sắp đến hạn</li>');
    expect(r.out).toContain('<li>hạn 31/7/2023 · Sắp đến hạn</li>');
    expect(r.out).toContain('<h1>Báo cáo tình hình thực hiện kế hoạch — Quý III/2023</h1>');
    expect(tagProblems(r.out)).toEqual([]);
  });

  it('--periods reporting heads the quarters with their days', async () => {
    const r = await report('--as-of', '2023-07-20', '--periods', 'reporting');
    expect(r.out).toMatch(/<th scope="col">Quý I<br>15\/12\/2022 ?– ?14\/3\/2023<\/th>/);
    expect(r.out).toContain('kỳ báo cáo của Nghị định số 09/2019/NĐ-CP');
  });

  it('--agency lists what the agency owes, through its collectives too', async () => {
    const r = await report('--as-of', '2023-07-20', '--agency', 'xa-tan-lap');
    expect(r.code).toBe(0);
    const heads = [...r.out.matchAll(/<h3>([^<]*) <span/g)].map((m) => m[1]);
    expect(heads).toEqual(['Xã Tân Lập']);
    expect(r.out).toContain('<td>phối hợp (qua UBND cấp xã)</td>');
    expect(r.out).toContain('<td>chủ trì (qua UBND cấp xã)</td>');
    expect(r.out).toContain('Cơ quan: <strong>Xã Tân Lập</strong> (xa-tan-lap)');
  });

  it('says so when nothing is overdue', async () => {
    const r = await report('--as-of', '2023-01-15');
    expect(r.out).toContain('<p class="none-overdue">Không có nhiệm vụ nào quá hạn tính đến ngày 15/1/2023.</p>');
    expect(r.out).not.toContain('<h3>');
  });

  it('refuses what it cannot do', async () => {
    for (const argv of [['--format', 'pdf'], ['--quarter', '5'], ['--periods', 'fiscal'], ['--as-of', '31/2/2023'], ['--agency', 'nowhere']]) {
      const r = await report(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
    }
  });

  it('escapes every piece of plan text and names the plan by its number when it has one', async () => {
    const text = readFileSync(join(ROOT, SHIPPED), 'utf8')
      .replace('  number: null\n', '  number: "123"\n')
      .replace('  date: null\n', '  date: 2023-03-05\n')
      .replace(/^  title: .*$/m, '  title: "Kế hoạch <b>thử</b> & \\"kiểm tra\\""');
    const file = join(tmp, 'numbered.yaml');
    writeFileSync(file, text);
    const r = await run(['report', '--plan', file, '--as-of', '2023-07-20']);
    expect(r.err).toBe('');
    expect(r.out).toContain('(Kế hoạch số 123/KH-UBND ngày 5/3/2023 của Ủy ban nhân dân huyện Kon Rẫy)');
    expect(r.out).not.toContain('để trống');
    expect(r.out).toContain('<p class="plan-title">Kế hoạch &lt;b&gt;thử&lt;/b&gt; &amp; &quot;kiểm tra&quot;</p>');
    expect(r.out).not.toContain('<b>');
    expect(tagProblems(r.out)).toEqual([]);
    expect(r.out).toContain('tệp kế hoạch numbered.yaml');
  });

  it('escapeHtml covers the five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
