// Eight real `node bin/tthc.js done …` processes on one plan at the same moment: every record lands and the plan checks clean.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../built.js';
import { copyPlan, dueJson, ROOT, scratch, SHIPPED, tthc } from '../due/helpers.js';

const BIN = join(ROOT, 'bin/tthc.js');

let dir: string;
let remove: () => void;
beforeAll(() => {
  // The bundle bin/tthc.js runs must be the code under test.
  ensureBuilt();
  expect(execFileSync(process.execPath, [BIN, '--version'], { cwd: ROOT, encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  ({ dir, remove } = scratch('concurrent'));
}, 120_000);
afterAll(() => remove());

/** The lines of `after` that are not in `before`, given that every line of `before` is in `after`, in order. */
function addedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  const added: string[] = [];
  let i = 0;
  for (const line of after.split('\n')) {
    if (i < old.length && line === old[i]) i++;
    else added.push(line);
  }
  expect(i, 'every line of the old plan is still there, in order').toBe(old.length);
  return added;
}

interface Exit {
  args: string[];
  code: number | null;
  out: string;
  err: string;
}

function start(args: string[]): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ args, code, out, err }));
  });
}

describe('eight tthc processes at once on one plan', () => {
  it.each([
    [
      'eight months of X.2 (all appending to one records list)',
      Array.from({ length: 8 }, (_, i) => ['X.2', '--period', `2023-0${i + 1}`, '--date', `2023-0${i + 1}-2${i}`]),
    ],
    [
      'eight different tasks',
      [
        ['I.2', '--date', '2023-03-09'],
        ['IX.3', '--date', '2023-07-25'],
        ['V.1', '--date', '2023-10-20'],
        ['IX.1', '--date', '2023-11-30'],
        ['IX.5', '--date', '2023-12-01'],
        ['II.1', '--date', '2023-02-10'],
        ['VIII.1', '--period', '2023-Q1', '--date', '2023-03-28'],
        ['X.2', '--period', '2023-01', '--date', '2023-01-30'],
      ],
    ],
  ])('%s: all eight records land', async (_name, commands) => {
    const plan = copyPlan(SHIPPED, dir, `plan-${commands[0]![0]}.yaml`);
    const before = readFileSync(plan, 'utf8');
    const exits = await Promise.all(commands.map((c) => start(['done', ...c, '--plan', plan])));
    for (const e of exits) {
      expect(e.err, e.args.join(' ')).toBe('');
      expect(e.code, e.args.join(' ')).toBe(0);
      // A continuous task (II.1) records an activity; the others a completion.
      expect(e.out).toMatch(/đã ghi nhận (hoàn thành|hoạt động) ngày/);
    }
    const after = readFileSync(plan, 'utf8');
    // Every record is in the file once, and the file is the old one plus record lines only.
    for (const c of commands) {
      const date = c[c.indexOf('--date') + 1]!;
      expect(after.split(`- done: ${date}\n`).length - 1, `${c.join(' ')}`).toBe(1);
    }
    const added = addedLines(before, after);
    // One `records:` per task, one `- done:` per command, one `period:` per command that names one.
    expect(added.filter((l) => l.trim() === 'records:')).toHaveLength(new Set(commands.map((c) => c[0])).size);
    expect(added.filter((l) => /^ +- done: \d{4}-\d{2}-\d{2}$/.test(l))).toHaveLength(8);
    expect(added.filter((l) => /^ +period: 2023-[\dQ]+$/.test(l))).toHaveLength(commands.filter((c) => c.includes('--period')).length);
    expect(added.length).toBe(new Set(commands.map((c) => c[0])).size + 8 + commands.filter((c) => c.includes('--period')).length);
    // No lock or temporary file is left; the plan checks clean; each occurrence is done as of the end of 2023.
    expect(readdirSync(dir).filter((n) => n !== '.tthc' && (n.startsWith('.') || n.endsWith('.lock') || n.endsWith('.tmp')))).toEqual([]);
    const check = await tthc(['check', plan]);
    expect(check.code, check.out + check.err).toBe(0);
    const items = (await dueJson(['--plan', plan, '--all', '--as-of', '2023-12-31'])).items;
    for (const c of commands) {
      const period = c.includes('--period') ? c[c.indexOf('--period') + 1]! : null;
      const date = c[c.indexOf('--date') + 1]!;
      if (c[0] === 'II.1') continue; // continuous: its activity is a record, not an occurrence
      const item = items.find((i) => i.id === c[0] && i.period === period)!;
      expect(item, c.join(' ')).toBeDefined();
      expect(item.completed, c.join(' ')).toBe(date);
      expect(['done', 'late']).toContain(item.status);
    }
  }, 60_000);
});
