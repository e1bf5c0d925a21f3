// bin/tthc.js compiles the bundle from a code cache (Node's own from 22.1; on Node 20 a V8 one kept by hand): written once per command, rejected and rewritten when it does not fit, never read from a folder others may write to.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../built.js';
import { generatePlan } from '../../scripts/gen-plan.mjs';
import { ROOT, SHIPPED } from './helpers.js';
import Module from 'node:module';

/** Node 22.1+ has its own compile cache, which bin/tthc.js uses instead of the one it keeps by hand. */
const BUILT_IN = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'tthc-code-cache-'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string>) {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '100' };
  delete e.TTHC_NO_CACHE;
  delete e.GITHUB_ACTIONS;
  Object.assign(e, env);
  return spawnSync(process.execPath, ['bin/tthc.js', ...args], { cwd: ROOT, encoding: 'utf8', env: e });
}

const codeFiles = (d: string) => (existsSync(d) ? readdirSync(d).filter((n) => n.startsWith('code-')) : []);

describe('the code cache of bin/tthc.js', () => {
  it.skipIf(BUILT_IN)('is written by the first run of a command, per command, and gives the same output after', () => {
    const cache = join(dir, 'a');
    const args = ['due', '--agency', 'vp', '--plan', SHIPPED, '--as-of', '2023-07-20'];
    const first = run(args, { TTHC_CACHE_DIR: cache });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(codeFiles(cache).filter((n) => n.startsWith('code-due-'))).toHaveLength(1);
    const second = run(args, { TTHC_CACHE_DIR: cache });
    expect(second.stdout).toBe(first.stdout);
    expect(second.status).toBe(0);
    run(['show', 'IX.3', '--plan', SHIPPED], { TTHC_CACHE_DIR: cache });
    expect(codeFiles(cache).map((n) => n.split('-')[1]).sort()).toEqual(['due', 'show']);
  });

  it.skipIf(BUILT_IN)('is kept per output format and for a folder of plans, which run other code than the table', () => {
    const cache = join(dir, 'format');
    const args = ['due', '--agency', 'vp', '--plan', SHIPPED, '--as-of', '2023-07-20'];
    const json = run([...args, '--format', 'json'], { TTHC_CACHE_DIR: cache });
    expect(json.status).toBe(0);
    // The table's run does not take the cache the JSON run made (it would draw the table with functions compiled afresh).
    const table = run(args, { TTHC_CACHE_DIR: cache });
    expect(table.status).toBe(0);
    run(['due', '--agency', 'vp', '--format=csv', '--plan', SHIPPED, '--as-of', '2023-07-20'], { TTHC_CACHE_DIR: cache });
    run(['due', '--agency', 'vp', '--plans', 'plans', '--as-of', '2023-07-20'], { TTHC_CACHE_DIR: cache });
    expect(codeFiles(cache).map((n) => n.split('-')[1]).sort()).toEqual(['due', 'due.csv', 'due.json', 'due.plans']);
    expect(run(args, { TTHC_CACHE_DIR: cache }).stdout).toBe(table.stdout);
    expect(run([...args, '--format', 'json'], { TTHC_CACHE_DIR: cache }).stdout).toBe(json.stdout);
  });

  it.skipIf(BUILT_IN)('keeps the cold half of the bundle (dist/heavy.js) too, per command, when a plan is read afresh', () => {
    const cache = join(dir, 'h');
    const args = ['due', '--agency', 'vp', '--plan', SHIPPED, '--as-of', '2023-07-20'];
    const first = run(args, { TTHC_CACHE_DIR: cache });
    expect(first.status).toBe(0);
    const heavy = (d: string) => (existsSync(d) ? readdirSync(d).filter((n) => n.startsWith('heavy-')) : []);
    expect(heavy(cache).filter((n) => n.startsWith('heavy-due-'))).toHaveLength(1);
    // The plan's analysis gone, the code kept: the plan is read again by the cached heavy half, with the same answer.
    for (const n of readdirSync(cache)) if (n.endsWith('.json')) rmSync(join(cache, n));
    const again = run(args, { TTHC_CACHE_DIR: cache });
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(first.stdout);
    expect(heavy(cache)).toHaveLength(1);
    // A warm run reads no plan afresh and loads no heavy half: nothing more is written.
    run(['show', 'IX.3', '--plan', SHIPPED], { TTHC_CACHE_DIR: cache });
    expect(heavy(cache)).toHaveLength(1);
  });

  it.skipIf(BUILT_IN)('is made under the optimiser setting its file was compiled under: cold, warm and hand-edited runs in turn reject none', { timeout: 60_000 }, () => {
    // A reading command that reads many tasks from the plan cache turns TurboFan off, until dist/heavy.js is loaded;
    // a cache made under the other setting would be rejected by V8 and rewritten, run after run.
    const cache = join(dir, 'opt');
    const plan = join(dir, 'opt.yaml');
    writeFileSync(plan, generatePlan(3000));
    const args = ['due', '--agency', 'vp', '--plan', plan, '--as-of', '2023-07-20'];
    const caches = () => Object.fromEntries(readdirSync(cache).filter((n) => n.endsWith('.v8')).map((n) => [n, statSync(join(cache, n)).mtimeMs]));
    const editTask = (n: number) => writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^( +output: .*?)(?: \(sửa \d+\))?$/m, `$1 (sửa ${n})`));
    const first = run(args, { TTHC_CACHE_DIR: cache });
    expect(first.status).toBe(0);
    // Each kind of run once (warm; after a task edited by hand, which loads the heavy half), so that each has its caches.
    run(args, { TTHC_CACHE_DIR: cache });
    editTask(1);
    run(args, { TTHC_CACHE_DIR: cache });
    const made = caches();
    expect(Object.keys(made).some((n) => n.startsWith('heavy-due-'))).toBe(true);
    // Files compiled after TurboFan was turned off have caches of their own.
    expect(Object.keys(made).some((n) => n.endsWith('-q.v8'))).toBe(true);
    let edits = 1;
    for (const step of ['warm', 'edit', 'warm', 'edit', 'warm']) {
      if (step === 'edit') editTask(++edits);
      const r = run(args, { TTHC_CACHE_DIR: cache });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(first.stdout);
      expect(caches()).toEqual(made);
    }
  });

  it.skipIf(BUILT_IN)('a damaged cache is rejected by V8 and rewritten; the command still works', () => {
    const cache = join(dir, 'b');
    run(['agencies', '--plan', SHIPPED], { TTHC_CACHE_DIR: cache });
    const [name] = codeFiles(cache);
    writeFileSync(join(cache, name!), Buffer.alloc(4096, 7));
    const r = run(['agencies', '--plan', SHIPPED], { TTHC_CACHE_DIR: cache });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('vp');
    expect(statSync(join(cache, name!)).size).not.toBe(4096);
  });

  it('TTHC_NO_CACHE writes none', () => {
    const cache = join(dir, 'c');
    const r = run(['show', 'I.1', '--plan', SHIPPED], { TTHC_CACHE_DIR: cache, TTHC_NO_CACHE: '1' });
    expect(r.status).toBe(0);
    expect(codeFiles(cache)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('a folder that others may write to is neither read nor written (skipped on Windows: no POSIX write bits for others)', () => {
    const cache = join(dir, 'd');
    mkdirSync(cache);
    chmodSync(cache, 0o777);
    const r = run(['show', 'I.1', '--plan', SHIPPED], { TTHC_CACHE_DIR: cache });
    expect(r.status).toBe(0);
    expect(codeFiles(cache)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')("uses Node's own compile cache where Node has one (22.1+), in a private folder of the cache, and keeps none by hand", () => {
    const cache = join(dir, 'e');
    // Node 22's module.enableCompileCache, as far as bin/tthc.js sees it: this Node may be older.
    const stub = join(dir, 'stub.cjs');
    writeFileSync(
      stub,
      `const M = require('node:module');
      M.constants = { ...M.constants, compileCacheStatus: { FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 } };
      M.enableCompileCache = (d) => { process.on('exit', () => process.stderr.write('compile cache in ' + d + '\\n')); return { status: 1, directory: d }; };`,
    );
    const r = spawnSync(process.execPath, ['-r', stub, 'bin/tthc.js', 'show', 'I.1', '--plan', SHIPPED], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TTHC_CACHE_DIR: cache, TTHC_NO_CACHE: '' } });
    expect(r.status).toBe(0);
    expect(r.stderr.trim()).toBe(`compile cache in ${join(cache, 'node-compile-cache')}`);
    expect(statSync(join(cache, 'node-compile-cache')).mode & 0o777).toBe(0o700);
    expect(codeFiles(cache)).toEqual([]);
  });
});
