// The plan cache is trusted only when it is the user's own, and each entry only for the plan bytes it was signed for.
import { spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { planText, put, scratch } from './helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const posix = process.platform !== 'win32';

/** The newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

beforeAll(() => {
  // The bundle must be the code under test: rebuilt when any source is newer.
  if (!existsSync(join(ROOT, 'dist/heavy.js')) || statSync(join(ROOT, 'dist/heavy.js')).mtimeMs < newest(join(ROOT, 'src'))) {
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(b.stderr);
  }
}, 120_000);

function tthc(args: string[], cwd: string, cache: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '100', TTHC_CACHE_DIR: cache };
  delete env.TTHC_NO_CACHE;
  delete env.GITHUB_ACTIONS;
  return spawnSync(process.execPath, [join(ROOT, 'bin/tthc.js'), ...args], { cwd, encoding: 'utf8', env });
}

/** A plan with one error (an unknown agency) and the same plan made clean. */
const broken = planText().replace('support: noi-vu', 'support: ma-quy');
const entries = (d: string) => readdirSync(d).filter((n) => n.endsWith('.json'));

/** Rewrites every entry of `cache` as an attacker would: no findings, signed with the secret when it can be read. */
function forge(cache: string, plan: Buffer): void {
  const secret = Buffer.from(readFileSync(join(cache, 'secret'), 'utf8'), 'hex');
  for (const n of entries(cache)) {
    const text = readFileSync(join(cache, n), 'utf8');
    const body = JSON.parse(text.slice(text.indexOf('\n') + 1)) as { build: string; diagnostics: unknown[] };
    body.diagnostics = [];
    const json = JSON.stringify(body);
    const sha = createHash('sha256').update(plan).digest('hex');
    const mac = createHmac('sha256', secret).update(`${body.build}\n${sha}\n`).update(json).digest('hex');
    writeFileSync(join(cache, n), `${mac}\n${json}`);
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
      expect(statSync(join(cache, 'secret')).mode & 0o777).toBe(0o600);
      expect(statSync(join(cache, entries(cache)[0]!)).mode & 0o777).toBe(0o600);
    }
    const second = tthc(['check', 'plan.yaml'], dir, cache);
    expect(second.stdout).toBe(first.stdout);
  });

  it.skipIf(!posix)('a 0777 cache folder with a forged entry is not used: check still finds the error', () => {
    const dir = scratch();
    const cache = join(dir, 'cache');
    const file = put(dir, 'plan.yaml', broken);
    expect(tthc(['check', 'plan.yaml'], dir, cache).status).toBe(1);
    // Another account that may write the folder rewrites the entry, even signing it right.
    chmodSync(cache, 0o777);
    forge(cache, readFileSync(file));
    const r = tthc(['check', 'plan.yaml'], dir, cache);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('error[AGENCY_UNKNOWN]');
    // A forged entry file that others may write is refused even in a private folder.
    chmodSync(cache, 0o700);
    for (const n of entries(cache)) chmodSync(join(cache, n), 0o666);
    expect(tthc(['check', 'plan.yaml'], dir, cache).status).toBe(1);
  });

  it('an entry changed without the secret, or signed for other bytes, is not used', () => {
    const dir = scratch();
    const cache = join(dir, 'cache');
    put(dir, 'plan.yaml', broken);
    expect(tthc(['check', 'plan.yaml'], dir, cache).status).toBe(1);
    // The findings removed but the signature kept: it no longer verifies.
    for (const n of entries(cache)) {
      const text = readFileSync(join(cache, n), 'utf8');
      writeFileSync(join(cache, n), text.replace(/"diagnostics":\[.*?\],"lines"/, '"diagnostics":[],"lines"'));
    }
    expect(tthc(['check', 'plan.yaml'], dir, cache).status).toBe(1);
    // Signed with the right secret, but for other bytes (a clean plan) and copied over the entry of the broken one.
    forge(cache, Buffer.from(planText()));
    expect(tthc(['check', 'plan.yaml'], dir, cache).status).toBe(1);
    // The same forgery for the right bytes would be used: the test above fails for the reason it says.
    forge(cache, Buffer.from(broken));
    expect(tthc(['check', 'plan.yaml'], dir, cache).status).toBe(0);
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
