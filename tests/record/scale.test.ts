// `tthc done` on a generated plan of 10 000 tasks, as a clerk runs it (the built bundle, its plan cache): the record
// lands as added lines only, the plan checks clean and as a fresh reading says, the cache is left warm for the new
// text, and two `done` started at the same moment both succeed. Times are the bench's business, not asserted here.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../built.js';
import { fingerprint } from '../../src/host/cache.js';
import { ROOT, scratch } from '../due/helpers.js';

const BIN = join(ROOT, 'bin/tthc.js');

let dir: string;
let remove: () => void;
let cache: string;
let plan: string;
beforeAll(() => {
  ensureBuilt();
  ({ dir, remove } = scratch('scale'));
  cache = join(dir, 'cache');
  plan = join(dir, 'plan.yaml');
  execFileSync(process.execPath, [join(ROOT, 'scripts/gen-plan.mjs'), '10000', plan]);
}, 120_000);
afterAll(() => remove());

interface Exit {
  code: number | null;
  out: string;
  err: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', TTHC_CACHE_DIR: cache, TTHC_LANG: 'en', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** `after` is `before` with `lines` inserted right after the line `anchor` and its task's lines: nothing else changed. */
function insertedAfter(before: string, after: string): string {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  // Back to the start of the line where they part, then the inserted text is what `after` has more.
  i = before.lastIndexOf('\n', i - 1) + 1;
  const inserted = after.slice(i, i + after.length - before.length);
  expect(after.slice(0, i) + after.slice(i + inserted.length), 'only lines were added').toBe(before);
  return inserted;
}

/** Continuous tasks (Thường xuyên) of the generated plan: they take an activity on any day. */
function continuous(text: string): string[] {
  return [...text.matchAll(/- id: (\S+)\n(?:\s{8}\w+:.*\n)*?\s{8}when: Thường xuyên/g)].map((m) => m[1]!);
}

describe('done on a plan of 10 000 tasks', () => {
  it('adds the record as lines only, leaves the plan clean and the cache warm for the new text', async () => {
    const tasks = continuous(readFileSync(plan, 'utf8'));
    expect(tasks.length).toBeGreaterThan(1000);
    // The first record of the plan (a `records:` list is laid out like no other yet), then one by the task's lines.
    for (const [n, id] of [tasks[0]!, tasks[tasks.length >> 1]!].entries()) {
      const before = readFileSync(plan, 'utf8');
      const r = await run(['done', id, '--date', '2023-07-01', '--ref', `${n + 1}/BC-UBND`, '--plan', 'plan.yaml']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toBe(`plan.yaml: ${id} — recorded an activity on 1/7/2023, document ${n + 1}/BC-UBND.\n`);
      const after = readFileSync(plan, 'utf8');
      expect(insertedAfter(before, after)).toBe(`        records:\n          - done: 2023-07-01\n            ref: ${n + 1}/BC-UBND\n`);
      const bytes = readFileSync(plan);
      expect(readdirSync(cache).some((f) => f.startsWith(fingerprint(bytes))), 'the analysis of the new text is in the cache').toBe(true);
    }
    // What the cache holds for the edited plan is what a fresh reading finds.
    const warm = await run(['check', 'plan.yaml', '--format', 'json']);
    const fresh = await run(['check', 'plan.yaml', '--format', 'json'], { TTHC_NO_CACHE: '1' });
    expect(warm.code).toBe(0);
    expect(warm.out).toBe(fresh.out);
  }, 600_000);

  it('lets two done started at the same moment both succeed', async () => {
    const tasks = continuous(readFileSync(plan, 'utf8'));
    const before = readFileSync(plan, 'utf8');
    const ids = [tasks[100]!, tasks[tasks.length - 1]!];
    const exits = await Promise.all(ids.map((id, i) => run(['done', id, '--date', '2023-07-02', '--ref', `${i + 10}/BC-UBND`, '--plan', 'plan.yaml'])));
    for (const e of exits) {
      expect(e.err).toBe('');
      expect(e.code).toBe(0);
    }
    const after = readFileSync(plan, 'utf8');
    expect(after.length - before.length).toBe(2 * '        records:\n          - done: 2023-07-02\n            ref: 10/BC-UBND\n'.length);
    for (const [i, id] of ids.entries()) {
      expect(after).toContain(`- id: ${id}\n`);
      expect(after.split(`ref: ${i + 10}/BC-UBND\n`)).toHaveLength(2);
    }
    const check = await run(['check', 'plan.yaml']);
    expect(check.code, check.out + check.err).toBe(0);
  }, 600_000);
});
