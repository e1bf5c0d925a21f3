// --output FILE: written whole, never over a plan, never into a folder that does not exist; import replaces a plan only with --force.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPlan, ROOT, scratch, SHIPPED, tthc } from './due/helpers.js';

let dir: string;
let remove: () => void;
let plan: string;
beforeAll(() => {
  ({ dir, remove } = scratch('output'));
  plan = copyPlan(SHIPPED, dir);
});
afterAll(() => remove());

const run = (args: string[]) => tthc([...args, '--as-of', '2023-07-20', '--plan', plan], { cwd: dir });

describe('--output', () => {
  it('writes the report and says so on stderr', async () => {
    const r = await run(['status', '--format', 'csv', '--output', 'q.csv']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toBe('q.csv: đã ghi.\n');
    expect(readFileSync(join(dir, 'q.csv'), 'utf8').startsWith('\uFEFFMã,')).toBe(true);
    expect((await run(['status', '--format', 'csv', '--output', 'q.csv', '--lang', 'en'])).err).toBe('q.csv: written.\n');
  });

  it('replaces a report written before', async () => {
    writeFileSync(join(dir, 'old.md'), 'old');
    const r = await run(['due', '--format', 'md', '--output', 'old.md']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'old.md'), 'utf8')).toContain('| Mã |');
  });

  it.each([['status'], ['due'], ['ics']])('never replaces a plan (%s --output the plan itself): exit 2, the plan unchanged', async (cmd) => {
    const before = readFileSync(plan);
    const r = await tthc([cmd, '--plan', plan, '--output', plan, '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain('is a plan file; --output will not replace it');
    expect(readFileSync(plan).equals(before)).toBe(true);
  });

  it('nor another plan file', async () => {
    const other = copyPlan(SHIPPED, dir, 'other.yaml');
    const before = readFileSync(other);
    const r = await run(['status', '--output', 'other.yaml']);
    expect(r.code).toBe(2);
    expect(readFileSync(other).equals(before)).toBe(true);
  });

  it('a folder that does not exist is a usage error, and is not made', async () => {
    const r = await run(['status', '--format', 'csv', '--output', 'nowhere/q.csv', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('the folder nowhere does not exist');
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('a folder as the output is a usage error', async () => {
    mkdirSync(join(dir, 'reports'), { recursive: true });
    const r = await run(['status', '--output', 'reports', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('it is a folder');
  });
});

describe('tthc import --output', () => {
  const source = join(ROOT, 'tests/import/fixtures');
  it('does not replace an existing plan without --force, and does with it', async () => {
    const { readdirSync } = await import('node:fs');
    const doc = readdirSync(source).find((n) => n.endsWith('.txt'))!;
    const target = copyPlan(SHIPPED, dir, 'target.yaml');
    const before = readFileSync(target);
    const refused = await tthc(['import', join(source, doc), '--year', '2023', '--output', target], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(readFileSync(target).equals(before)).toBe(true);
    const forced = await tthc(['import', join(source, doc), '--year', '2023', '--output', target, '--force'], { cwd: dir });
    expect(forced.code, forced.err).toBe(0);
    expect(readFileSync(target).equals(before)).toBe(false);
  });

  it.each([['1900'], ['2200'], ['20x6']])('--year %s is a usage error', async (year) => {
    const r = await tthc(['import', 'plan-text.txt', '--year', year], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain('--year');
  });
});
