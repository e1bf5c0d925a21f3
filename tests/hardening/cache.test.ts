// The plan cache is trusted only when it is the user's own, and each entry only for the real path and bytes it names.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../built.js';
import { planText, put, scratch } from './helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const posix = process.platform !== 'win32';

beforeAll(() => {
  // The bundle must be the code under test.
  ensureBuilt();
}, 120_000);

function tthc(args: string[], cwd: string, cache: string) {
  // In English, as the findings these tests look for are written here.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '100', TTHC_CACHE_DIR: cache, TTHC_LANG: 'en' };
  delete env.TTHC_NO_CACHE;
  delete env.GITHUB_ACTIONS;
  return spawnSync(process.execPath, [join(ROOT, 'bin/tthc.js'), ...args], { cwd, encoding: 'utf8', env });
}

/** A plan with one error (an unknown agency) and the same plan made clean. */
const broken = planText().replace('support: noi-vu', 'support: ma-quy');
const entries = (d: string) => readdirSync(d).filter((n) => n.endsWith('.json'));

/** Rewrites every entry of `cache` as another account would: no findings (the heading says where each part lies). */
function forge(cache: string): void {
  for (const n of entries(cache)) {
    const bytes = readFileSync(join(cache, n));
    const nl = bytes.indexOf(10);
    const head = JSON.parse(bytes.toString('utf8', 0, nl)) as { parts: Record<string, [number, number]> };
    const body = bytes.subarray(nl + 1);
    const parts = Object.entries(head.parts).map(([name, [s, e]]) => [name, name === 'diagnostics' ? Buffer.from('[]') : body.subarray(s, e)] as const);
    let at = 0;
    for (const [name, b] of parts) head.parts[name] = [at, (at += b.length)];
    writeFileSync(join(cache, n), Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), ...parts.map(([, b]) => b)]));
  }
}

describe('the plan cache', () => {
  it('is made private (0700 folder, 0600 files) and gives the same answer from the cache as without', () => {
    const dir = scratch();
    const cache = join(dir, 'cache');
    put(dir, 'plan.yaml', broken);
    const first = tthc(['check', 'plan.yaml'], dir, cache);
    expect(first.status).toBe(1);
    expect(entries(cache)).toHaveLength(1);
    if (posix) {
      expect(statSync(cache).mode & 0o777).toBe(0o700);
      expect(statSync(join(cache, entries(cache)[0]!)).mode & 0o777).toBe(0o600);
    }
    const second = tthc(['check', 'plan.yaml'], dir, cache);
    expect(second.stdout).toBe(first.stdout);
  });

  it.skipIf(!posix)('a 0777 cache folder with a forged entry is not used: check still finds the error', () => {
    const dir = scratch();
    const cache = join(dir, 'cache');
    put(dir, 'plan.yaml', broken);
    expect(tthc(['check', 'plan.yaml'], dir, cache).status).toBe(1);
    // Another account that may write the folder rewrites the entry.
    chmodSync(cache, 0o777);
    forge(cache);
    const r = tthc(['check', 'plan.yaml'], dir, cache);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('error[AGENCY_UNKNOWN]');
    // A forged entry file that others may write is refused even in a private folder.
    chmodSync(cache, 0o700);
    for (const n of entries(cache)) chmodSync(join(cache, n), 0o666);
    expect(tthc(['check', 'plan.yaml'], dir, cache).status).toBe(1);
    // The same entry, the user's own in the user's own folder, is used: the trust rule is what keeps others out.
    for (const n of entries(cache)) chmodSync(join(cache, n), 0o600);
    forge(cache);
    expect(tthc(['check', 'plan.yaml'], dir, cache).status).toBe(0);
  });

  it("an entry of other bytes or another plan, moved under this plan's name, or cut short, is not used", () => {
    const dir = scratch();
    const cache = join(dir, 'cache');
    put(dir, 'plan.yaml', planText());
    expect(tthc(['check', 'plan.yaml'], dir, cache).status).toBe(0);
    const [clean] = entries(cache);
    put(dir, 'plan.yaml', broken);
    expect(tthc(['check', 'plan.yaml'], dir, cache).status).toBe(1);
    const brokenEntry = entries(cache).find((n) => n !== clean)!;
    // The clean plan's entry put where the broken plan's is looked for: it names other bytes.
    renameSync(join(cache, clean!), join(cache, brokenEntry));
    expect(tthc(['check', 'plan.yaml'], dir, cache).status).toBe(1);
    // The same bytes in another plan file: its entry names another real path.
    put(dir, 'other.yaml', broken);
    expect(tthc(['check', 'other.yaml'], dir, cache).status).toBe(1);
    const otherEntry = entries(cache).find((n) => n !== brokenEntry)!;
    forge(cache);
    renameSync(join(cache, otherEntry), join(cache, brokenEntry));
    expect(tthc(['check', 'plan.yaml'], dir, cache).status).toBe(1);
    // A half-written entry is a miss, and is written again whole.
    writeFileSync(join(cache, entries(cache)[0]!), '{"build":');
    const r = tthc(['check', 'plan.yaml'], dir, cache);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('error[AGENCY_UNKNOWN]');
  });

  it.skipIf(!posix)('one entry per real file: the same plan through a link or from another folder is a hit, and named as typed', () => {
    const dir = scratch();
    const cache = join(dir, 'cache');
    mkdirSync(join(dir, 'plans'));
    put(join(dir, 'plans'), 'plan.yaml', broken);
    symlinkSync(join(dir, 'plans', 'plan.yaml'), join(dir, 'link.yaml'));
    const first = tthc(['check', 'plans/plan.yaml'], dir, cache);
    expect(entries(cache)).toHaveLength(1);
    const [name] = entries(cache);
    const mtime = statSync(join(cache, name!)).mtimeMs;
    const fromInside = tthc(['check', 'plan.yaml'], join(dir, 'plans'), cache);
    const throughLink = tthc(['check', 'link.yaml'], dir, cache);
    expect(entries(cache)).toEqual([name]);
    // The findings name the file as it was typed each time, as a run without the cache does.
    expect(fromInside.stdout).toBe(first.stdout.split('plans/plan.yaml').join('plan.yaml'));
    expect(throughLink.stdout).toBe(first.stdout.split('plans/plan.yaml').join('link.yaml'));
    const uncached = spawnSync(process.execPath, [join(ROOT, 'bin/tthc.js'), 'check', 'link.yaml'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '100', TTHC_NO_CACHE: '1', TTHC_LANG: 'en' } });
    expect(throughLink.stdout).toBe(uncached.stdout);
    // A hit is touched: the entry is the most recently used.
    expect(statSync(join(cache, name!)).mtimeMs).toBeGreaterThanOrEqual(mtime);
  });

  it.skipIf(!posix)('a cache folder that is a symbolic link is ignored, and the command still answers', () => {
    const dir = scratch();
    const cache = join(dir, 'cache');
    put(dir, 'plan.yaml', broken);
    spawnSync('ln', ['-s', dir, cache]);
    const r = tthc(['check', 'plan.yaml'], dir, cache);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('error[AGENCY_UNKNOWN]');
    expect(entries(dir)).toHaveLength(0);
  });
});
