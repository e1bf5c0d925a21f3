// The Windows smoke test's driver: runs the clerk's commands under node.exe (Wine) and under Linux's node, and compares their bytes.
//
// Usage: node scripts/windows-smoke.mjs PATH/TO/node.exe   (scripts/windows-smoke.sh installs Wine and node.exe first)
//
// Each side works in its own copy of a plan saved as Windows editors save it (CRLF, byte-order mark) and runs the
// same commands in the same order; stdout, stderr, exit codes and the files written must be the same bytes, with the
// scratch folder and (where a path was typed with backslashes on Windows only) the separator as the one allowed
// difference. Output goes to files: under Wine, node.exe cannot write to a Unix pipe. Then Windows alone: a plan and
// a CSV held open by another program (with no sharing, as Excel holds a file; and the plan shared for reading only,
// as Word holds it, with TTHC_SMOKE_HOLD_EXE) are refused kindly.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_EXE = process.argv[2];
if (!NODE_EXE) {
  console.error('usage: node scripts/windows-smoke.mjs PATH/TO/node.exe');
  process.exit(2);
}
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TTHC = join(ROOT, 'bin', 'tthc.js');
const work = mkdtempSync(join(tmpdir(), 'tthc-windows-smoke-'));
/** A Unix path as Windows programs under Wine see it (drive Z: is the Unix root). */
const win = (p) => `Z:${p.replace(/\//g, '\\')}`;

const SIDES = ['linux', 'windows'];
const dirs = {};
for (const side of SIDES) {
  const dir = join(work, side);
  mkdirSync(join(dir, 'plans'), { recursive: true });
  mkdirSync(join(dir, 'báo cáo'));
  // The shipped plan as Notepad or Word would save it: CRLF line ends and a UTF-8 byte-order mark.
  const lf = readFileSync(join(ROOT, 'plans', 'kon-ray-2023.yaml'), 'utf8').replace(/\r\n/g, '\n');
  writeFileSync(join(dir, 'plans', 'p.yaml'), `\uFEFF${lf.replace(/\n/g, '\r\n')}`);
  dirs[side] = dir;
}

function env(side) {
  const e = { PATH: process.env.PATH, HOME: process.env.HOME, COLUMNS: '100', NO_COLOR: '1', TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  if (side === 'windows') {
    Object.assign(e, { WINEDEBUG: '-all', TTHC_CACHE_DIR: win(join(work, 'cache-windows')) });
    if (process.env.WINEPREFIX) e.WINEPREFIX = process.env.WINEPREFIX;
  } else e.TTHC_CACHE_DIR = join(work, 'cache-linux');
  return Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined));
}

/** The command line that runs `tthc ARGS` (or another script, or node itself with null) on a side. */
function command(side, args, script = TTHC) {
  const head = script === null ? [] : [side === 'linux' ? script : win(script)];
  return side === 'linux' ? [process.execPath, [...head, ...args]] : ['wine', [NODE_EXE, ...head, ...args]];
}

let counter = 0;
function outFiles() {
  const n = ++counter;
  return [join(work, `${n}.out`), join(work, `${n}.err`)];
}
const readOut = ([o, e], code) => ({ code, out: readFileSync(o), err: readFileSync(e) });

function run(side, args, script) {
  const files = outFiles();
  const fds = files.map((f) => openSync(f, 'w'));
  const [cmd, argv] = command(side, args, script);
  const r = spawnSync(cmd, argv, { cwd: dirs[side], env: env(side), stdio: ['ignore', ...fds], timeout: 120_000 });
  fds.forEach((fd) => closeSync(fd));
  return readOut(files, r.status ?? `signal ${r.signal}`);
}

function runAsync(side, args) {
  const files = outFiles();
  const fds = files.map((f) => openSync(f, 'w'));
  const [cmd, argv] = command(side, args);
  const child = spawn(cmd, argv, { cwd: dirs[side], env: env(side), stdio: ['ignore', ...fds] });
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      fds.forEach((fd) => closeSync(fd));
      resolve(readOut(files, code ?? `signal ${signal}`));
    }),
  );
}

/** The scratch folder in either spelling becomes <DIR>; with `anySep`, backslashes become '/'. */
function normalise(text, side, anySep) {
  let s = text.split(dirs[side]).join('<DIR>').split(win(dirs[side])).join('<DIR>');
  if (anySep) s = s.replace(/\\/g, '/');
  return s;
}

const failures = [];
let passed = 0;
function same(name, what, a, b) {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b) ? a.equals(b) : a === b) return true;
  const show = (v) => JSON.stringify(String(v)).slice(0, 600);
  failures.push(`${name}: ${what} differs\n  linux:   ${show(a)}\n  windows: ${show(b)}`);
  return false;
}

/**
 * One command on both sides. `win` replaces the arguments on Windows (a path typed with backslashes, a wildcard
 * cmd leaves to the program); `files` are compared after it ran, by their paths relative to the side's folder.
 */
function both(name, args, { win: winArgs, files = [], anySep = Boolean(winArgs) } = {}) {
  const t0 = Date.now();
  const l = run('linux', args);
  const t1 = Date.now();
  const w = run('windows', winArgs ?? args);
  const t2 = Date.now();
  let ok = same(name, 'exit code', l.code, w.code);
  for (const k of ['out', 'err']) ok = same(name, k === 'out' ? 'stdout' : 'stderr', normalise(l[k].toString('utf8'), 'linux', anySep), normalise(w[k].toString('utf8'), 'windows', anySep)) && ok;
  for (const f of files) ok = same(name, f, readFileSync(join(dirs.linux, f)), readFileSync(join(dirs.windows, f))) && ok;
  if (ok) passed++;
  console.log(`${ok ? 'same' : 'DIFFERENT'}  ${name}  (exit ${l.code}; linux ${t1 - t0} ms, windows ${t2 - t1} ms)`);
}

function expect(name, ok, detail) {
  if (ok) passed++;
  else failures.push(`${name}: ${detail}`);
  console.log(`${ok ? 'ok' : 'FAILED'}  ${name}`);
}

const started = Date.now();
console.log(`node.exe ${run('windows', ['--version'], null).out.toString().trim()} under Wine, node ${process.version} on Linux; scratch ${work}`);

const AS_OF = ['--as-of', '2023-07-20'];
const PLAN = ['--plan', 'plans/p.yaml'];
both('due', ['due', ...AS_OF, ...PLAN]);
both('due --agency vp --lang en', ['due', '--agency', 'vp', '--lang', 'en', ...AS_OF, ...PLAN]);
both('status', ['status', ...AS_OF, ...PLAN]);
both('check', ['check', 'plans/p.yaml']);
both('check plans\\*.yaml (a wildcard tthc expands on Windows)', ['check', 'plans/p.yaml'], { win: ['check', 'plans\\*.yaml'] });
both('check of a missing file', ['check', 'plans/nowhere.yaml']);
both('show', ['show', 'IX.3', 'X.2', ...PLAN]);
both('agencies', ['agencies', ...PLAN]);
both('due --output to a folder with Vietnamese letters, typed with backslashes', ['due', '--format', 'csv', ...AS_OF, ...PLAN, '--output', 'báo cáo/hạn.csv'], {
  win: ['due', '--format', 'csv', ...AS_OF, ...PLAN, '--output', 'báo cáo\\hạn.csv'],
  files: ['báo cáo/hạn.csv'],
});
both('status --format md --output', ['status', '--format', 'md', ...AS_OF, ...PLAN, '--output', 'báo cáo/tình hình.md'], { files: ['báo cáo/tình hình.md'] });
both('ics --output', ['ics', ...PLAN, '--output', 'báo cáo/lịch.ics'], { win: ['ics', ...PLAN, '--output', 'báo cáo\\lịch.ics'], files: ['báo cáo/lịch.ics'] });
both('report --output', ['report', ...AS_OF, ...PLAN, '--output', 'báo cáo/báo cáo.html'], { files: ['báo cáo/báo cáo.html'] });
both('--output into a folder that does not exist', ['due', ...AS_OF, ...PLAN, '--output', 'khong-co/x.csv']);
both('done on a CRLF + BOM plan', ['done', 'IX.3', '--date', '2023-07-31', '--ref', '123/BC-UBND', '--note', 'Đã gửi báo cáo', ...PLAN], { files: ['plans/p.yaml'] });
both('done refused: a second completion', ['done', 'IX.3', '--date', '2023-07-31', ...PLAN], { files: ['plans/p.yaml'] });

{
  // Two clerks record at the same moment: both land, whichever goes first.
  const name = 'two concurrent done';
  const results = {};
  for (const side of SIDES) {
    results[side] = await Promise.all([runAsync(side, ['done', 'X.2', '--period', '2023-02', '--date', '2023-03-01', ...PLAN]), runAsync(side, ['done', 'II.1', '--date', '2023-03-01', ...PLAN])]);
  }
  let ok = same(name, 'exit codes', results.linux.map((r) => r.code).join(), results.windows.map((r) => r.code).join());
  if (results.linux.some((r) => r.code !== 0)) ok = same(name, 'exit codes (both must land)', '0,0', results.linux.map((r) => r.code).join()) && false;
  for (const i of [0, 1]) ok = same(name, `stdout ${i}`, results.linux[i].out.toString(), results.windows[i].out.toString()) && ok;
  ok = same(name, 'plans/p.yaml', readFileSync(join(dirs.linux, 'plans/p.yaml')), readFileSync(join(dirs.windows, 'plans/p.yaml'))) && ok;
  if (ok) passed++;
  console.log(`${ok ? 'same' : 'DIFFERENT'}  ${name}`);
}

{
  // Another tthc's lock, fresh and from another machine: the edit waits its turn (10 s), then is refused.
  const time = new Date().toISOString();
  for (const side of SIDES) writeFileSync(join(dirs[side], 'plans', 'p.yaml.lock'), `pid=4242\nhost=may-khac\ntime=${time}\n`);
  both('done while another tthc holds the lock', ['done', 'VIII.1', '--period', '2023-Q1', '--date', '2023-03-14', ...PLAN], { files: ['plans/p.yaml'], anySep: true });
  for (const side of SIDES) rmSync(join(dirs[side], 'plans', 'p.yaml.lock'));
}

// Windows alone: a file that another program holds open. Node opens files sharing them with everyone, except with
// libuv's UV_FS_O_EXLOCK flag, which opens with no sharing at all, as Excel opens a CSV; Word's sharing for reading
// only cannot be had from Node, so the plan is held the same way (reading it is then refused too).
const UV_FS_O_EXLOCK = 0x10000000;
const HOLDER = join(work, 'hold-open.cjs');
writeFileSync(
  HOLDER,
  `// Holds argv[2] open with no sharing while tthc (argv[3]…) runs, as Excel does with a CSV.
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const fd = fs.openSync(process.argv[2], fs.constants.O_RDWR | ${UV_FS_O_EXLOCK});
const r = spawnSync(process.execPath, process.argv.slice(3), { stdio: 'inherit' });
fs.closeSync(fd);
process.exitCode = r.status ?? 99;
`,
);
function heldOpen(name, file, args, expectErr) {
  const before = readFileSync(join(dirs.windows, file));
  const t0 = Date.now();
  const r = run('windows', [file.replace(/\//g, '\\'), win(TTHC), ...args], HOLDER);
  const err = r.err.toString('utf8');
  const after = readFileSync(join(dirs.windows, file));
  const problems = [];
  if (r.code !== 1) problems.push(`exit ${r.code}, not 1`);
  if (err !== expectErr) problems.push(`stderr ${JSON.stringify(err)}`);
  if (!after.equals(before)) problems.push(`${file} changed`);
  expect(`${name} (${Date.now() - t0} ms)`, problems.length === 0, problems.join('; '));
}
writeFileSync(join(dirs.windows, 'han.csv'), 'bản cũ\r\n');
heldOpen('--output to a CSV open in Excel', 'han.csv', ['due', '--format', 'csv', ...AS_OF, ...PLAN, '--output', 'han.csv'], [
  'tthc: Không ghi được han.csv: tệp đang được mở trong một chương trình khác (Excel, Word, chương trình đồng bộ hoặc diệt virus); tệp cũ vẫn giữ nguyên.',
  'gợi ý: Đóng tệp trong chương trình đó rồi chạy lại lệnh, hoặc ghi ra tệp khác với --output.',
  '',
].join('\n'));
heldOpen('done on a plan another program holds open', 'plans/p.yaml', ['done', 'VIII.1', '--period', '2023-Q1', '--date', '2023-03-14', ...PLAN], [
  'tthc: Không đọc được plans/p.yaml: tệp đang bị một chương trình khác khoá (Word, Excel, chương trình đồng bộ hoặc diệt virus).',
  'gợi ý: Đóng tệp trong chương trình đó rồi chạy lại lệnh.',
  '',
].join('\n'));

{
  // The plan open in Word: shared for reading only, so it can be read (due works) but not replaced (done is refused).
  const name = 'done while the plan is open in Word (shared for reading only)';
  const holdExe = process.env.TTHC_SMOKE_HOLD_EXE;
  if (!holdExe) console.log(`skipped  ${name}: no hold-shared-read.exe (mingw-w64 was not at hand to build it)`);
  else {
    const [ready, release] = [join(work, 'word-ready'), join(work, 'word-release')];
    const holder = spawn('wine', [holdExe, win(join(dirs.windows, 'plans', 'p.yaml')), win(ready), win(release)], { env: env('windows'), stdio: 'ignore' });
    const held = new Promise((resolve) => holder.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 300 && !existsSync(ready); i++) await new Promise((r) => setTimeout(r, 100));
    const before = readFileSync(join(dirs.windows, 'plans', 'p.yaml'));
    const t0 = Date.now();
    const done = run('windows', ['done', 'VIII.1', '--period', '2023-Q1', '--date', '2023-03-14', ...PLAN, '--lang', 'en']);
    const ms = Date.now() - t0;
    const due = run('windows', ['due', ...AS_OF, ...PLAN]);
    writeFileSync(release, '');
    const holderCode = await held;
    const problems = [];
    if (!existsSync(ready)) problems.push(`the holder did not start (exit ${holderCode})`);
    if (done.code !== 1) problems.push(`done exit ${done.code}, not 1`);
    const want = 'tthc: plans/p.yaml is open in another program (Word, Excel, a sync or antivirus program); nothing was recorded.\nhint: Close it there and run the command again.\n';
    if (done.err.toString() !== want) problems.push(`done stderr ${JSON.stringify(done.err.toString())}`);
    if (due.code !== 0) problems.push(`due (reading) exit ${due.code}: ${due.err}`);
    if (!readFileSync(join(dirs.windows, 'plans', 'p.yaml')).equals(before)) problems.push('the plan changed');
    expect(`${name} (${ms} ms)`, problems.length === 0, problems.join('; '));
  }
}

{
  // Nothing left behind on either side: no lock, no temp file.
  const names = (side) => {
    const all = [];
    const walk = (d, rel) => {
      for (const n of readdirSync(d).sort()) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p, `${rel}${n}/`);
        else all.push(`${rel}${n}`);
      }
    };
    walk(dirs[side], '');
    return all.filter((n) => n !== 'han.csv').join(', ');
  };
  expect('no lock or temp file left', names('linux') === names('windows') && !/\.lock|\.tmp/.test(names('windows')), `linux: ${names('linux')}; windows: ${names('windows')}`);
}

const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (failures.length) {
  console.log(`\n${failures.join('\n\n')}\n\nwindows smoke test: ${failures.length} of ${passed + failures.length} checks FAILED (${seconds} s); scratch kept in ${work}`);
  process.exit(1);
}
rmSync(work, { recursive: true, force: true });
console.log(`windows smoke test: all ${passed} checks passed, every command giving the same bytes as on Linux (${seconds} s)`);
