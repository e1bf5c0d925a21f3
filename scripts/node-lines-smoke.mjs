// The other Node lines' smoke test: the clerk's commands under each given node and under this one, compared byte for byte.
//
// Usage: node scripts/node-lines-smoke.mjs PATH/TO/node [PATH/TO/node …]   (scripts/node-lines-smoke.sh fetches them)
//
// tthc supports Node 20 and the current LTS lines. The suite runs on one of them; what differs between lines is what
// bin/tthc.js does at start-up (Node's own compile cache from 22.1, a V8 code cache kept by hand on 20, V8's flags)
// and what V8 and Node's libraries answer. So each command runs three times in a row on each side (no cache, then
// the caches each run leaves), in a copy of the shipped plan of its own (and of a generated plan of 3 000 tasks, whose
// warm runs turn V8's optimising compiler off), and stdout, stderr, exit codes and the plan's bytes after each edit
// must be the same as this node's.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePlan } from './gen-plan.mjs';

const others = process.argv.slice(2);
if (others.length === 0) {
  console.error('usage: node scripts/node-lines-smoke.mjs PATH/TO/node [PATH/TO/node …]');
  process.exit(2);
}
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TTHC = join(ROOT, 'bin', 'tthc.js');
const work = mkdtempSync(join(tmpdir(), 'tthc-node-lines-'));
const AS_OF = ['--as-of', '2023-07-20'];
const PLAN = ['--plan', 'p.yaml'];
/** A generated plan of 3 000 tasks: a warm run reads more than 500 of them, and bin/tthc.js then changes V8's flags. */
const BIG = generatePlan(3000);

/** A side: a node, a folder with its own copy of the plan and its own cache. */
function side(name, node) {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'p.yaml'), readFileSync(join(ROOT, 'plans', 'kon-ray-2023.yaml')));
  writeFileSync(join(dir, 'big.yaml'), BIG);
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, COLUMNS: '100', NO_COLOR: '1', TZ: 'UTC', LANG: 'C.UTF-8', TTHC_CACHE_DIR: join(dir, 'cache') };
  return { name, node, dir, env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) };
}

function run(s, args) {
  const r = spawnSync(s.node, [TTHC, ...args], { cwd: s.dir, env: s.env, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });
  const scrub = (t) => String(t ?? '').split(s.dir).join('<DIR>');
  return { code: r.status ?? `signal ${r.signal}`, out: scrub(r.stdout), err: scrub(r.stderr) };
}

/** What a clerk does in a week, edits included; `edit` changes the plan by hand before the command. */
const STEPS = [
  { name: 'due --agency vp', args: ['due', '--agency', 'vp', ...AS_OF, ...PLAN] },
  { name: 'due --format json', args: ['due', '--format', 'json', ...AS_OF, ...PLAN] },
  { name: 'status', args: ['status', ...AS_OF, ...PLAN] },
  { name: 'show', args: ['show', 'IX.3', 'X.2', ...PLAN] },
  { name: 'check', args: ['check', 'p.yaml'] },
  { name: 'agencies --lang en', args: ['agencies', '--lang', 'en', ...PLAN] },
  { name: 'ics', args: ['ics', '--agency', 'vp', ...PLAN] },
  { name: 'report --format json', args: ['report', '--format', 'json', '--quarter', '2', ...AS_OF, ...PLAN] },
  { name: 'report (HTML)', args: ['report', '--quarter', '2', ...AS_OF, ...PLAN] },
  { name: 'done', args: ['done', 'IX.3', '--date', '2023-07-01', '--ref', '12/BC-UBND', ...PLAN], once: true },
  { name: 'due after done', args: ['due', '--agency', 'vp', ...AS_OF, ...PLAN] },
  { name: 'due --agency vp of 3 000 tasks', args: ['due', '--agency', 'vp', ...AS_OF, '--plan', 'big.yaml'] },
  { name: 'status of 3 000 tasks', args: ['status', ...AS_OF, '--plan', 'big.yaml'] },
  { name: 'undo', args: ['undo', ...PLAN], once: true },
  { name: 'due --agency nobody (exit 2)', args: ['due', '--agency', 'nobody', ...AS_OF, ...PLAN] },
  { name: 'due of a missing plan (exit 2)', args: ['due', '--plan', 'nowhere.yaml'] },
  { name: 'due after a comment added by hand', args: ['due', '--agency', 'vp', ...AS_OF, ...PLAN], edit: (t) => `${t}# sửa tay\n` },
  { name: 'check after a task edited by hand (an unknown lead, exit 1)', args: ['check', 'p.yaml'], edit: (t) => t.replace(/(\n\s+lead: )\S+/, '$1khong-co') },
];

/** The two texts around their first difference. */
function around(what, a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const cut = (t) => JSON.stringify(t.slice(Math.max(0, i - 80), i + 160));
  return `  ${what} from character ${i}:\n    want: ${cut(a)}\n    got:  ${cut(b)}`;
}

const failures = [];
let passed = 0;
const base = side('this', process.execPath);
const sides = others.map((node, i) => side(`other-${i}`, node));
const version = (node) => spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`node ${process.version} against ${others.map(version).join(', ')}`);
for (const step of STEPS) {
  for (const s of [base, ...sides]) if (step.edit) writeFileSync(join(s.dir, 'p.yaml'), step.edit(readFileSync(join(s.dir, 'p.yaml'), 'utf8')));
  // Three runs (no cache, then warm) of a reading command; one of an edit.
  for (let round = 0; round < (step.once ? 1 : 3); round++) {
    const want = run(base, step.args);
    const plan = readFileSync(join(base.dir, 'p.yaml'));
    for (const s of sides) {
      const got = run(s, step.args);
      const diff = ['code', 'out', 'err'].filter((k) => want[k] !== got[k]);
      if (!plan.equals(readFileSync(join(s.dir, 'p.yaml')))) diff.push('the plan written');
      const what = `${step.name} (run ${round + 1}) under ${version(s.node)}`;
      if (diff.length) failures.push(`${what}: ${diff.join(', ')} differ\n${['code', 'out', 'err'].filter((k) => want[k] !== got[k]).map((k) => around(k, String(want[k]), String(got[k]))).join('\n')}`);
      else passed++;
      console.log(`${diff.length ? 'DIFFERENT' : 'same'}  ${what}  (exit ${got.code})`);
    }
  }
}
rmSync(work, { recursive: true, force: true });
console.log(`${passed} same, ${failures.length} different`);
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
