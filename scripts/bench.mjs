// `npm run bench`: times tthc commands on the shipped plan against `node -e 0`, side by side in one run, and prints ratios.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const GOAL = 1.5;
const runs = Number(process.env.BENCH_RUNS ?? 25);
const plan = process.env.BENCH_PLAN ?? `plans/${readdirSync('plans').filter((f) => f.endsWith('.yaml')).sort()[0]}`;
if (!existsSync('dist/tthc.js') || !existsSync('dist/heavy.js')) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

const cases = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'tthc check', args: ['bin/tthc.js', 'check', plan] },
  { name: 'tthc show', args: ['bin/tthc.js', 'show', '--plan', plan] },
  { name: 'tthc due --agency vp', args: ['bin/tthc.js', 'due', '--agency', 'vp', '--plan', plan, '--as-of', '2023-07-20'] },
  { name: 'tthc status', args: ['bin/tthc.js', 'status', '--plan', plan, '--as-of', '2023-07-20'] },
];

const env = { ...process.env, NO_COLOR: '1', COLUMNS: '120' };
function once(c) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, c.args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, ok: r.status === 0, stderr: String(r.stderr) };
}

// Which commands exist in this build: a command not built yet is reported, not timed.
const active = cases.filter((c) => {
  const r = once(c);
  if (!r.ok) console.log(`(skipped ${c.name}: ${r.stderr.split('\n')[0]})`);
  return r.ok;
});
// Interleave the runs so that machine noise falls on every case alike.
const times = new Map(active.map((c) => [c.name, []]));
for (let i = 0; i < runs; i++) for (const c of active) times.get(c.name).push(once(c).ms);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const base = median(times.get('node -e 0'));
console.log(`${runs} interleaved runs each, plan ${plan}, Node ${process.version}`);
console.log(`${'command'.padEnd(24)} ${'median ms'.padStart(10)} ${'ratio'.padStart(7)}  goal ≤ ${GOAL}`);
let worst = 0;
for (const c of active) {
  const m = median(times.get(c.name));
  const ratio = m / base;
  if (c.name !== 'node -e 0') worst = Math.max(worst, ratio);
  console.log(`${c.name.padEnd(24)} ${m.toFixed(1).padStart(10)} ${ratio.toFixed(2).padStart(7)}  ${c.name === 'node -e 0' ? '' : ratio <= GOAL ? 'ok' : 'OVER'}`);
}
if (process.argv.includes('--enforce') && worst > GOAL) process.exitCode = 1;
