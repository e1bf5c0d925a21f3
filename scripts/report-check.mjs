// Renders the shipped plan's HTML report in headless Chromium (screenshot and A4 PDF) and fails if either comes out empty.
//
// Usage: node scripts/report-check.mjs [--keep DIR]
// Not part of `npm test`: it needs Chromium (apt-get install -y chromium), which CI installs before running it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const PLAN = 'plans/kon-ray-2023.yaml';
const AS_OF = '2023-07-20';
/** A blank white A4-sized PNG compresses to a few KB; a page with text and a chart is far larger. */
const MIN_PNG_BYTES = 30_000;

function fail(message) {
  process.stderr.write(`report-check: ${message}\n`);
  process.exit(1);
}

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  if (r.error) fail(`${what} could not run: ${r.error.message}`);
  if (r.status !== 0) fail(`${what} failed (exit ${r.status ?? r.signal}):\n${r.stderr || r.stdout}`);
  return r;
}

if (!existsSync(CHROMIUM)) {
  fail(`${CHROMIUM} is missing. Install Chromium first:\n  apt-get update && apt-get install -y chromium\n(or set CHROMIUM=/path/to/chromium).`);
}

// A stale bundle would not know `tthc report`: rebuild when it is missing or older than the sources.
const bundle = join(ROOT, 'dist/tthc.js');
if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestMtime(join(ROOT, 'src'))) {
  process.stdout.write('building dist/tthc.js …\n');
  run(process.execPath, ['scripts/build.mjs'], 'node scripts/build.mjs');
}

const keepAt = process.argv.indexOf('--keep');
const outDir = keepAt > 0 && process.argv[keepAt + 1] ? resolve(process.argv[keepAt + 1]) : mkdtempSync(join(tmpdir(), 'tthc-report-'));
mkdirSync(outDir, { recursive: true });
const html = join(outDir, `kon-ray-2023-${AS_OF}.html`);
const png = join(outDir, 'report.png');
const pdf = join(outDir, 'report.pdf');
for (const f of [png, pdf]) rmSync(f, { force: true });

run(process.execPath, ['bin/tthc.js', 'report', '--plan', PLAN, '--as-of', AS_OF, '--output', html], 'tthc report');
if (!existsSync(html)) fail(`tthc report wrote no file at ${html}.`);

/** Each run gets a fresh profile, so that nothing from an earlier run (or a user's browser) leaks in. */
function chromium(extra) {
  const profile = mkdtempSync(join(tmpdir(), 'tthc-chromium-'));
  try {
    run(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        ...extra,
        pathToFileURL(html).href,
      ],
      `chromium ${extra[0]}`,
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

chromium([`--screenshot=${png}`, '--window-size=1240,1754']);
chromium([`--print-to-pdf=${pdf}`, '--no-pdf-header-footer']);

if (!existsSync(png)) fail(`Chromium wrote no screenshot at ${png}.`);
const pngBytes = readFileSync(png);
if (pngBytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') fail(`${png} is not a PNG file.`);
const width = pngBytes.readUInt32BE(16);
const height = pngBytes.readUInt32BE(20);
if (pngBytes.length < MIN_PNG_BYTES) {
  fail(`the screenshot ${png} is only ${pngBytes.length} bytes (${width}×${height}): the page rendered blank or nearly so.`);
}

if (!existsSync(pdf)) fail(`Chromium wrote no PDF at ${pdf}.`);
const pdfText = readFileSync(pdf).toString('latin1');
if (!pdfText.startsWith('%PDF-')) fail(`${pdf} is not a PDF file.`);
const pages = (pdfText.match(/\/Type\s*\/Page(?!s)\b/g) ?? []).length;
if (pages < 1) fail(`${pdf} has no page.`);

process.stdout.write(
  `report-check: ok\n` +
    `  html ${html}\n` +
    `  png  ${png} (${width}×${height}, ${Math.round(pngBytes.length / 1024)} KB)\n` +
    `  pdf  ${pdf} (${pages} A4 page${pages === 1 ? '' : 's'}, ${Math.round(pdfText.length / 1024)} KB)\n`,
);
