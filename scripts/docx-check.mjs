// Opens the shipped plan's Word report in LibreOffice (headless conversion to PDF), renders its pages to PNG and
// checks the PDF's text for the official header, the tables and the signature block; fails when any is missing.
//
// Usage: node scripts/docx-check.mjs [--keep DIR]
// Not part of `npm test`: it needs LibreOffice Writer and poppler-utils (apt-get install -y libreoffice-writer-nogui
// poppler-utils fonts-liberation), which CI installs before running it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOFFICE = process.env.SOFFICE ?? 'soffice';
const PLAN = 'plans/kon-ray-2023.yaml';
const AS_OF = '2023-10-05';
/** A blank A4 page at 60 dpi compresses to a few KB; a page of text and tables is far larger. */
const MIN_PNG_BYTES = 15_000;

function fail(message) {
  process.stderr.write(`docx-check: ${message}\n`);
  process.exit(1);
}

function run(cmd, args, what, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: 300_000, ...opts });
  if (r.error) fail(`${what} could not run: ${r.error.message}`);
  if (r.status !== 0) fail(`${what} failed (exit ${r.status ?? r.signal}):\n${r.stderr || r.stdout}`);
  return r;
}

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

for (const [tool, pkg] of [[SOFFICE, 'libreoffice-writer-nogui'], ['pdftoppm', 'poppler-utils'], ['pdftotext', 'poppler-utils'], ['pdfinfo', 'poppler-utils']]) {
  const r = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
  if (r.status !== 0) fail(`${tool} is missing. Install it first:\n  apt-get update && apt-get install -y ${pkg}`);
}

const bundle = join(ROOT, 'dist/tthc.js');
if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestMtime(join(ROOT, 'src'))) {
  process.stdout.write('building dist/tthc.js …\n');
  run(process.execPath, ['scripts/build.mjs'], 'node scripts/build.mjs');
}

const keepAt = process.argv.indexOf('--keep');
const outDir = keepAt > 0 && process.argv[keepAt + 1] ? resolve(process.argv[keepAt + 1]) : mkdtempSync(join(tmpdir(), 'tthc-docx-'));
mkdirSync(outDir, { recursive: true });
const docx = join(outDir, 'bao-cao.docx');
const pdf = join(outDir, 'bao-cao.pdf');
for (const f of [docx, pdf]) rmSync(f, { force: true });

run(process.execPath, ['bin/tthc.js', 'report', '--plan', PLAN, '--as-of', AS_OF, '--quarter', '3', '--format', 'docx', '--output', docx], 'tthc report --format docx');

// A profile of its own, so that a running LibreOffice (or an earlier run's lock) does not take the job over.
const profile = mkdtempSync(join(tmpdir(), 'tthc-lo-'));
const started = Date.now();
try {
  run(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, docx], 'LibreOffice (soffice --convert-to pdf)');
} finally {
  rmSync(profile, { recursive: true, force: true });
}
if (!existsSync(pdf)) fail(`LibreOffice wrote no PDF at ${pdf}.`);
const seconds = ((Date.now() - started) / 1000).toFixed(1);

const info = run('pdfinfo', [pdf], 'pdfinfo').stdout;
const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
if (pages < 1) fail(`${pdf} has no page.`);
// A4 is 595.3 × 841.9 points.
if (!size || Math.abs(Number(size[1]) - 595.3) > 2 || Math.abs(Number(size[2]) - 841.9) > 2) fail(`the pages are not A4: ${size?.[0] ?? 'no size'}.`);

run('pdftoppm', ['-r', '60', '-png', pdf, join(outDir, 'page')], 'pdftoppm');
const pngs = readdirSync(outDir).filter((f) => /^page-\d+\.png$/.test(f)).sort();
if (pngs.length !== pages) fail(`pdftoppm made ${pngs.length} PNG pages of ${pages}.`);
for (const p of pngs) {
  const bytes = readFileSync(join(outDir, p));
  if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') fail(`${p} is not a PNG file.`);
  if (bytes.length < MIN_PNG_BYTES) fail(`${p} is only ${bytes.length} bytes: the page rendered blank or nearly so.`);
}

// pdftotext splits some words at their combining marks; the checks look at whole lines that come out clean.
const text = run('pdftotext', ['-layout', pdf, '-'], 'pdftotext').stdout;
const first = run('pdftotext', ['-layout', '-l', '1', pdf, '-'], 'pdftotext').stdout;
const last = run('pdftotext', ['-layout', '-f', String(pages), pdf, '-'], 'pdftotext').stdout;
const checks = [
  ['the issuer', first, /ỦY BAN NHÂN DÂN/],
  ['the Quốc hiệu', first, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/],
  ['the tiêu ngữ', first, /Độc lập - Tự do - Hạnh phúc/],
  ['the number line', first, /Số:\s+\/BC-UBND/],
  ['the place and date line', first, /Kon Rẫy, ngày\s+tháng\s+năm/],
  ['the kind of document', first, /BÁO CÁO/],
  ['the status table', text, /Mã\s+Nội dung công việc\s+Quý III/],
  ['the overdue table', text, /STT\s+Mã\s+Nội dung công việc\s+Kỳ\s+Hạn/],
  ['Nơi nhận', last, /Nơi nhận:/],
  ['the signature block', last, /TM\. ỦY BAN NHÂN DÂN[\s\S]*KT\. CHỦ TỊCH[\s\S]*Đinh Thị Hồng Thu/],
];
const missing = checks.filter(([, where, re]) => !re.test(where)).map(([what]) => what);
if (missing.length) fail(`the PDF lacks ${missing.join(', ')}. Its text:\n${text.slice(0, 3000)}`);

process.stdout.write(
  `docx-check: ok (LibreOffice took ${seconds} s)\n` +
    `  docx ${docx}\n` +
    `  pdf  ${pdf} (${pages} A4 page${pages === 1 ? '' : 's'})\n` +
    `  png  ${pngs.map((p) => join(outDir, p)).join(', ')}\n`,
);
