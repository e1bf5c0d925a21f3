// `npm run bench`: times tthc against `node -e 0` and the naive floor (reading the file + yaml.parse), cold, warm
// and after an edit, on the shipped plan, generated plans of 3 000 and 10 000 tasks and a folder of 100 plans.
// BENCH_RUNS=N rounds (default 9), BENCH_QUICK=1 a CI-sized run (3 rounds, 300 tasks, 20 plans), BENCH_SIZES=10000
// the sizes of the generated plans (comma-separated), --enforce fails when the shipped plan misses its goals;
// BENCH_ONLY=shipped,sizes,folder,taskwarrior runs only those parts, BENCH_FOLDER=N sets the number of plans in the
// folder. The plan cache lives in a scratch folder: the user's is not touched.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePlan } from './gen-plan.mjs';

const QUICK = Boolean(process.env.BENCH_QUICK);
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 3 : 9));
/** The big plans take seconds a run: at most this many rounds of them. */
const BIG_RUNS = Math.min(RUNS, QUICK ? 2 : 5);
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : QUICK ? [300] : [3000, 10000];
const FOLDER = Number(process.env.BENCH_FOLDER ?? (QUICK ? 20 : 100));
/** BENCH_ONLY=shipped,sizes,folder,taskwarrior: only those parts (e.g. the 100-plan case alone). */
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((s) => s.trim()) : undefined;
const part = (name) => !ONLY || ONLY.includes(name);
const AS_OF = '2023-07-20';
if (!existsSync('dist/tthc.js') || !existsSync('dist/heavy.js')) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

const work = mkdtempSync(join(tmpdir(), 'tthc-bench-'));
const cache = join(work, 'cache');
const env = { ...process.env, NO_COLOR: '1', COLUMNS: '120', TTHC_CACHE_DIR: cache };
delete env.TTHC_NO_CACHE;
// The cold case has a cache folder of its own, emptied before each of its runs: emptying the shared one would also
// drop the code caches of the commands timed after it, and their "warm" runs would compile the bundle afresh.
const coldCache = join(work, 'cold-cache');
const coldEnv = { ...env, TTHC_CACHE_DIR: coldCache };
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** One run: wall time, and the peak memory where /usr/bin/time can tell it. */
function once(args, opts = {}) {
  // A string is a shell command line (several tthc at once).
  const run = typeof args === 'string' ? ['/bin/sh', ['-c', args]] : [process.execPath, args];
  const argv = TIME && opts.memory ? [TIME, ['-f', '%M', run[0], ...run[1]]] : run;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv[1], { env: opts.env ?? env, cwd: opts.cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const err = String(r.stderr);
  const kb = TIME && opts.memory ? Number(/(\d+)\s*$/.exec(err)?.[1]) : undefined;
  return { ms, ok: r.status === 0 || r.status === 1, status: r.status, err, kb };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const tthc = (...a) => ['bin/tthc.js', ...a];
const floorCase = (file) => ({ name: 'read + yaml.parse (floor)', args: ['-e', `require('yaml').parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`] });
const clearCache = () => rmSync(cache, { recursive: true, force: true });
const clearCold = () => rmSync(coldCache, { recursive: true, force: true });
const clearPlans = () => {
  if (existsSync(cache)) for (const n of readdirSync(cache)) if (n.endsWith('.json')) rmSync(join(cache, n));
};

/** A continuous task (Thường xuyên) of the plan: it takes an activity record on any day, so `done` can run again and again. */
function continuousTask(file, nth = 0) {
  const text = readFileSync(file, 'utf8');
  const m = [...text.matchAll(/- id: (\S+)\n(?:\s{8}\w+:.*\n)*?\s{8}when: Thường xuyên/g)][nth];
  if (!m) throw new Error(`no continuous task in ${file}`);
  return m[1];
}

/** A hand edit of one task: the result line of the plan's middle task gets a new ending, as a clerk would retype it. */
function editTask(file, n) {
  const text = readFileSync(file, 'utf8');
  const outputs = [...text.matchAll(/^( +output: )(.*?)(?: \(sửa \d+\))?$/gm)];
  const m = outputs[outputs.length >> 1];
  if (!m) throw new Error(`no task with a result line in ${file}`);
  writeFileSync(file, `${text.slice(0, m.index)}${m[1]}${m[2]} (sửa ${n})${text.slice(m.index + m[0].length)}`);
}

/** Two `done` started at the same moment, on two tasks of one plan, as one shell command that fails if either does. */
function doneTwice(file, tasks, n) {
  const one = (task, ref) => [process.execPath, ...tthc('done', task, '--date', '2023-07-01', '--ref', ref, '--plan', file)].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return `${one(tasks[0], `${n}/BC-UBND`)} & a=$!; ${one(tasks[1], `${n}/BC-VP`)} & b=$!; wait $a && wait $b`;
}

/**
 * The cases of one plan. Each has `before` (what to do, untimed, before each run) and may be memory-measured.
 * cold: a cache folder of its own, emptied before each run (no plan cache, no code cache); after a hand edit: the plan changed by hand (a comment added;
 * or one task's result line retyped),
 * the code cache warm; warm: nothing changed since the last command; after done: `done` +1 record, then `due`.
 */
function planCases(file, big) {
  const due = tthc('due', '--agency', 'vp', '--plan', file, '--as-of', AS_OF);
  const task = continuousTask(file);
  let n = 0;
  const cases = [
    { name: 'node -e 0', args: ['-e', '0'] },
    floorCase(file),
    { name: 'due --agency vp, cold', args: due, before: clearCold, env: coldEnv },
    { name: 'due --agency vp, after a hand edit', args: due, before: () => appendFileSync(file, `# edited by hand ${n++}\n`) },
    { name: 'due --agency vp, after a task edited by hand', args: due, before: () => editTask(file, n++) },
    { name: 'due --agency vp, warm', args: due },
  ];
  if (!big) {
    cases.push(
      { name: 'status, warm', args: tthc('status', '--plan', file, '--as-of', AS_OF) },
      { name: 'show, warm', args: tthc('show', '--plan', file) },
      { name: 'check, warm', args: tthc('check', file) },
      { name: 'agencies, warm', args: tthc('agencies', '--plan', file) },
    );
  }
  cases.push(
    { name: 'done (+1 record)', args: null, memory: true, make: () => tthc('done', task, '--date', '2023-07-01', '--ref', `${++n}/BC-UBND`, '--plan', file) },
    { name: 'due --agency vp, after done', args: due },
    { name: 'two done at once (wall, both)', args: null, make: () => doneTwice(file, [task, continuousTask(file, 1)], ++n) },
  );
  return cases;
}

function measure(cases, runs) {
  // A first run of each, untimed: it fills the caches the warm cases read, and finds commands this build lacks.
  const active = cases.filter((c) => {
    c.before?.();
    const r = once(c.args ?? c.make(), { env: c.env });
    if (!r.ok) console.log(`  (skipped ${c.name}: ${r.err.split('\n')[0]})`);
    return r.ok;
  });
  const times = new Map(active.map((c) => [c, { ms: [], kb: [] }]));
  // Interleaved, so that the machine's noise falls on every case alike.
  for (let i = 0; i < runs; i++) {
    for (const c of active) {
      c.before?.();
      const r = once(c.args ?? c.make(), { memory: c.memory, env: c.env });
      times.get(c).ms.push(r.ms);
      if (r.kb) times.get(c).kb.push(r.kb);
    }
  }
  return new Map([...times].map(([c, t]) => [c.name, { ms: median(t.ms), kb: t.kb.length ? Math.max(...t.kb) : undefined }]));
}

const results = [];
function report(title, runs, m, goals = {}) {
  const base = m.get('node -e 0').ms;
  const floor = m.get('read + yaml.parse (floor)')?.ms;
  console.log(`\n${title} (${runs} interleaved runs, medians)`);
  console.log(`${'case'.padEnd(46)} ${'ms'.padStart(8)} ${'÷ node -e 0'.padStart(12)} ${'÷ floor'.padStart(8)} ${'peak MB'.padStart(8)}  goal`);
  let fail = false;
  for (const [name, { ms, kb }] of m) {
    const ratio = ms / base;
    const goal = goals[name];
    const verdict = goal === undefined ? '' : `≤ ${goal}: ${ratio <= goal ? 'ok' : 'OVER'}`;
    if (goal !== undefined && ratio > goal) fail = true;
    console.log(`${name.padEnd(46)} ${ms.toFixed(0).padStart(8)} ${ratio.toFixed(2).padStart(12)} ${(floor ? (ms / floor).toFixed(2) : '').padStart(8)} ${(kb ? (kb / 1024).toFixed(0) : '').padStart(8)}  ${verdict}`);
    results.push({ title, name, ms, ratio, kb });
  }
  return fail;
}

console.log(`tthc bench: Node ${process.version}, ${QUICK ? 'quick' : 'full'} run; plan cache in a scratch folder`);
let failed = false;
try {
  // The shipped plan, copied: done edits it.
  const shipped = join(work, 'shipped.yaml');
  copyFileSync(`plans/${readdirSync('plans').filter((f) => f.endsWith('.yaml')).sort()[0]}`, shipped);
  const goals = { 'due --agency vp, warm': 1.5, 'status, warm': 1.5, 'show, warm': 1.5, 'check, warm': 1.5, 'agencies, warm': 1.5, 'due --agency vp, after done': 2, 'due --agency vp, after a hand edit': 2, 'due --agency vp, after a task edited by hand': 2 };
  if (part('shipped')) failed = report('The shipped plan (29 KB, 50 tasks)', RUNS, measure(planCases(shipped, false), RUNS), goals) || failed;

  for (const size of part('sizes') ? SIZES : []) {
    const file = join(work, `plan-${size}.yaml`);
    writeFileSync(file, generatePlan(size));
    clearCache();
    report(`A generated plan of ${size} tasks`, BIG_RUNS, measure(planCases(file, true), BIG_RUNS));
  }

  if (part('folder')) folderBench();
  if (part('taskwarrior')) taskwarriorBench();
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** A province's folder of commune plans: `due --plans DIR` in one process, and one `due` per plan in a loop. */
function folderBench() {
  const dir = join(work, 'plans');
  mkdirSync(dir);
  for (let i = 0; i < FOLDER; i++) writeFileSync(join(dir, `xa-${String(i).padStart(3, '0')}.yaml`), generatePlan(30, { commune: `Số ${i}` }));
  const files = readdirSync(dir).map((f) => join(dir, f));
  const hasPlans = spawnSync(process.execPath, tthc('due', '--help'), { env, encoding: 'utf8' }).stdout.includes('--plans');
  const folderCases = [{ name: 'node -e 0', args: ['-e', '0'] }];
  if (hasPlans) folderCases.push({ name: `due --plans (${FOLDER} plans), warm`, args: tthc('due', '--agency', 'vp', '--plans', dir, '--as-of', AS_OF) });
  else console.log(`\n(skipped due --plans DIR: this build has no --plans; timing one due per plan instead)`);
  const m = measure(folderCases, RUNS);
  // One `due` per plan, warm, as a loop: the mean per plan, and whether each hits (the cache keeps all of them).
  for (const f of files) once(tthc('due', '--agency', 'vp', '--plan', f, '--as-of', AS_OF));
  const per = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const t0 = process.hrtime.bigint();
    for (const f of files) once(tthc('due', '--agency', 'vp', '--plan', f, '--as-of', AS_OF));
    per.push(Number(process.hrtime.bigint() - t0) / 1e6 / files.length);
  }
  m.set(`due --plan, each of ${FOLDER} plans, warm`, { ms: median(per) });
  report(`A folder of ${FOLDER} plans of 30 tasks`, RUNS, m, hasPlans ? { [`due --plans (${FOLDER} plans), warm`]: 3 } : {});
}

/** One run of any program (Taskwarrior's `task`), timed as `once` times node. */
function onceOf(cmd, args, extraEnv) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, ok: r.status === 0, out: String(r.stdout), err: String(r.stderr) };
}

/**
 * Taskwarrior on the same tasks: every row of `tthc due --all` of a generated plan becomes a Taskwarrior task (project:
 * its first lead agency, due: its due day moved by today − AS_OF, so that Taskwarrior's "overdue", which is always as
 * of now, falls where tthc's as of AS_OF does; completed where tthc has it done), imported into a scratch
 * TASKDATA/TASKRC (no confirmation, no hooks, no gc). Then `task project:vp overdue` and warm `tthc due --agency vp`,
 * interleaved with `node -e 0`.
 */
function taskwarriorBench() {
  const version = spawnSync('task', ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) {
    console.log('\n(skipped Taskwarrior: `task` is not installed)');
    return;
  }
  const today = new Date();
  const shift = Math.round((Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - Date.parse(`${AS_OF}T00:00:00Z`)) / 86_400_000);
  const twDay = (day) => new Date(Date.parse(`${day}T00:00:00Z`) + shift * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '') + 'T000000Z';
  for (const size of QUICK ? [300] : [3000, 10000]) {
    const file = join(work, `tw-plan-${size}.yaml`);
    writeFileSync(file, generatePlan(size));
    const all = spawnSync(process.execPath, tthc('due', '--all', '--plan', file, '--as-of', AS_OF, '--format', 'json'), { env, encoding: 'utf8', maxBuffer: 1 << 28 });
    const items = JSON.parse(all.stdout).items;
    const tasks = items.map((i) => {
      const t = { description: `${i.id} ${i.title}`, project: i.lead[0] ?? 'none', status: 'pending', entry: '20230101T000000Z' };
      if (i.due) t.due = twDay(i.due);
      if (i.completed) Object.assign(t, { status: 'completed', end: twDay(i.completed) });
      return t;
    });
    const data = join(work, `taskdata-${size}`);
    mkdirSync(data);
    const rc = join(work, `taskrc-${size}`);
    writeFileSync(rc, `data.location=${data}\nconfirmation=off\nverbose=nothing\nhooks=off\ngc=off\nnews.version=${version.stdout.trim()}\n`);
    const json = join(work, `tasks-${size}.json`);
    writeFileSync(json, JSON.stringify(tasks));
    const twEnv = { TASKRC: rc, TASKDATA: data };
    const imported = onceOf('task', ['import', json], twEnv);
    if (!imported.ok) {
      console.log(`\n(skipped Taskwarrior at ${size} tasks: import failed: ${imported.err.split('\n')[0]})`);
      continue;
    }
    const due = tthc('due', '--agency', 'vp', '--plan', file, '--as-of', AS_OF);
    const cases = [
      { name: 'node -e 0', run: () => onceOf(process.execPath, ['-e', '0']) },
      { name: 'tthc due --agency vp, warm', run: () => onceOf(process.execPath, due) },
      { name: 'task project:vp overdue', run: () => onceOf('task', ['project:vp', 'overdue'], twEnv) },
    ];
    // Untimed first runs: the plan cache filled, Taskwarrior's files read once; and the two lists' lengths told.
    const vpOverdue = JSON.parse(spawnSync(process.execPath, [...due, '--format', 'json'], { env, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout).items.filter((i) => i.status === 'overdue' && i.role === 'lead').length;
    const twLines = cases[2].run().out.split('\n').filter((l) => /^\s*\d+\s/.test(l)).length;
    const ms = new Map(cases.map((c) => [c.name, []]));
    for (let i = 0; i < RUNS; i++) for (const c of cases) ms.get(c.name).push(c.run().ms);
    const m = new Map([...ms].map(([k, v]) => [k, { ms: median(v) }]));
    report(`Taskwarrior ${version.stdout.trim()} on the same ${tasks.length} tasks (${size}-task plan; overdue led by vp: tthc ${vpOverdue}, task ${twLines})`, RUNS, m);
    const t = m.get('tthc due --agency vp, warm').ms;
    const w = m.get('task project:vp overdue').ms;
    console.log(`tthc ÷ Taskwarrior: ${(t / w).toFixed(2)} (${t <= w ? 'tthc faster' : 'Taskwarrior faster'})`);
    results.push({ title: `taskwarrior-${size}`, name: 'tthc ÷ task', ms: t, ratio: t / w });
  }
}
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, 2));
if (process.argv.includes('--enforce') && failed) process.exitCode = 1;
