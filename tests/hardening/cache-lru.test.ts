// The plan cache in-process: least-recently-used eviction within its budget, a hundred plans kept, and edits by tthc leaving it warm.
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evict, fingerprint } from '../../src/host/cache.js';
import { planText, put, run, scratch } from './helpers.js';

const entries = (d: string) => readdirSync(d).filter((n) => n.endsWith('.json')).sort();
/** The entry of these bytes, whatever plan they are at. */
const entryOf = (d: string, bytes: Uint8Array) => entries(d).find((n) => n.startsWith(`${fingerprint(bytes)}-`));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A plan like planText() whose task reads `word`: same size for the same length of word. */
const planWith = (word: string) => planText().replace('Kế hoạch hoạt động', `Kế hoạch ${word}`);

describe('the plan cache: budget and eviction', () => {
  it('evict removes the least recently used entries until the rest fits, and keeps the newest whatever its size', () => {
    const dir = scratch();
    const t0 = Date.now() / 1000;
    for (const [name, age] of [['a', 30], ['b', 20], ['c', 10], ['d', 0]] as const) {
      writeFileSync(join(dir, `${name}.json`), 'x'.repeat(100));
      utimesSync(join(dir, `${name}.json`), t0 - age, t0 - age);
    }
    writeFileSync(join(dir, 'code-due.v8'), 'x'.repeat(1000));
    evict(dir, 250);
    expect(entries(dir)).toEqual(['c.json', 'd.json']);
    evict(dir, 10);
    expect(entries(dir)).toEqual(['d.json']);
    // Only entries count and go: the code cache beside them is not the plan cache's.
    expect(readdirSync(dir)).toContain('code-due.v8');
  });

  it('a plan read recently stays and the one read longest ago goes, whatever the order they were written in', async () => {
    const dir = scratch();
    const cache = join(dir, 'cache');
    for (const w of ['aaaa', 'bbbb', 'cccc']) put(dir, `${w}.yaml`, planWith(w));
    expect((await run(['check', 'aaaa.yaml'], dir, { TTHC_CACHE_DIR: cache, TTHC_NO_CACHE: '' })).code).toBe(0);
    const size = statSync(join(cache, entries(cache)[0]!)).size;
    // Room for two entries, not three.
    const env = { TTHC_CACHE_DIR: cache, TTHC_NO_CACHE: '', TTHC_CACHE_MB: String((size * 2.5) / 1024 / 1024) };
    await sleep(20);
    await run(['check', 'bbbb.yaml'], dir, env);
    await sleep(20);
    await run(['check', 'aaaa.yaml'], dir, env); // a hit: touched
    await sleep(20);
    await run(['check', 'cccc.yaml'], dir, env);
    const left = entries(cache);
    expect(left).toHaveLength(2);
    expect(left).toContain(entryOf(cache, readFileSync(join(dir, 'aaaa.yaml'))));
    expect(left).toContain(entryOf(cache, readFileSync(join(dir, 'cccc.yaml'))));
  });

  it('a hundred plans all stay in the default budget: a second round over them writes nothing', async () => {
    const dir = scratch();
    const cache = join(dir, 'cache');
    mkdirSync(join(dir, 'plans'));
    const env = { TTHC_CACHE_DIR: cache, TTHC_NO_CACHE: '' };
    for (let i = 0; i < 100; i++) put(join(dir, 'plans'), `xa-${String(i).padStart(3, '0')}.yaml`, planWith(`xã ${i}`));
    for (let i = 0; i < 100; i++) await run(['check', `plans/xa-${String(i).padStart(3, '0')}.yaml`], dir, env);
    const first = entries(cache);
    expect(first).toHaveLength(100);
    const written = new Map(first.map((n) => [n, statSync(join(cache, n)).ino]));
    for (let i = 0; i < 100; i++) expect((await run(['check', `plans/xa-${String(i).padStart(3, '0')}.yaml`], dir, env)).code).toBe(0);
    // Same entries, same files (an entry written again would be a new file renamed into place).
    expect(entries(cache)).toEqual(first);
    for (const n of first) expect(statSync(join(cache, n)).ino).toBe(written.get(n));
  }, 120_000);

  it('an entry holds what views need, not the text: smaller than the plan on the shipped plan', async () => {
    const dir = scratch();
    const cache = join(dir, 'cache');
    const plan = readFileSync(new URL('../../plans/kon-ray-2023.yaml', import.meta.url));
    put(dir, 'plan.yaml', plan);
    await run(['check', 'plan.yaml'], dir, { TTHC_CACHE_DIR: cache, TTHC_NO_CACHE: '' });
    const [name] = entries(cache);
    const entry = readFileSync(join(cache, name!), 'utf8');
    expect(entry).not.toContain('"lines"');
    expect(entry.length).toBeLessThan(plan.length * 1.5);
  });
});

describe('edits by tthc leave the cache warm', () => {
  it('done writes the entry of the text it wrote; due then hits it; undo finds the old text warm', async () => {
    const dir = scratch();
    const cache = join(dir, 'cache');
    const env = { TTHC_CACHE_DIR: cache, TTHC_NO_CACHE: '' };
    const file = put(dir, 'plan.yaml', planText());
    const before = readFileSync(file);
    expect((await run(['due', '--plan', 'plan.yaml'], dir, env)).code).toBe(0);
    const done = await run(['done', 'I.1', '--date', '2024-02-19', '--plan', 'plan.yaml'], dir, env);
    expect(done.code, done.err).toBe(0);
    const after = readFileSync(file);
    const written = entryOf(cache, after);
    expect(written).toBeDefined();
    const ino = statSync(join(cache, written!)).ino;
    const due = await run(['due', '--plan', 'plan.yaml', '--all', '--format', 'json'], dir, env);
    expect(due.code).toBe(0);
    expect(due.out).toContain('"completed": "2024-02-19"');
    // The same entry file was read, not one written again.
    expect(statSync(join(cache, written!)).ino).toBe(ino);
    // And what it answers is what the uncached loader answers.
    expect(due.out).toBe((await run(['due', '--plan', 'plan.yaml', '--all', '--format', 'json'], dir)).out);
    expect((await run(['undo', '--plan', 'plan.yaml'], dir, env)).code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(entryOf(cache, before)).toBeDefined();
  });

  it('two done at the same moment on one plan both land: the one that finds the plan changed makes its edit again', async () => {
    const dir = scratch();
    const cache = join(dir, 'cache');
    const env = { TTHC_CACHE_DIR: cache, TTHC_NO_CACHE: '' };
    const tasks = ['I.1', 'I.2']
      .map((id) => `      - id: ${id}\n        content: Nhiệm vụ ${id}\n        lead: vp\n        output: Báo cáo\n        when: Trước ngày 1/3/2024`)
      .join('\n');
    const file = put(dir, 'plan.yaml', planText({ tasks }));
    await run(['check', 'plan.yaml'], dir, env);
    // Started together in one process: both read the plan before either writes it.
    const [a, b] = await Promise.all([
      run(['done', 'I.1', '--date', '2024-02-19', '--plan', 'plan.yaml'], dir, env),
      run(['done', 'I.2', '--date', '2024-02-16', '--plan', 'plan.yaml'], dir, env),
    ]);
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('- done: 2024-02-19');
    expect(text).toContain('- done: 2024-02-16');
    // The cache holds the analysis of what was written last, and the plan checks clean.
    expect(entryOf(cache, readFileSync(file))).toBeDefined();
    expect((await run(['check', 'plan.yaml'], dir, env)).code).toBe(0);
  });
});
