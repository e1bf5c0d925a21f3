// The built bundle draws every table byte for byte as the sources do: the build patches cli-table3 for speed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';
import { copyPlan, END_OF_2023, recordProgress, ROOT, scratch, SHIPPED } from '../due/helpers.js';

const built = existsSync(join(ROOT, 'dist/tthc.js'));
let dir: string;
let remove: () => void;
let plan: string;
beforeAll(async () => {
  ({ dir, remove } = scratch('bundle-tables'));
  // A plan with records, so that statuses and the detail of a quarter have every kind of cell.
  plan = built ? await recordProgress(dir) : copyPlan(join(ROOT, SHIPPED), dir);
});
afterAll(() => remove());

const CASES: string[][] = [
  ['due', '--as-of', '2023-12-25'],
  ['due', '--agency', 'vp', '--all', '--as-of', '2023-12-25'],
  ['status', '--as-of', '2023-12-25'],
  ['status', '--by', 'agency', '--quarter', '3', '--as-of', '2023-12-25'],
  ['show', '--as-of', '2023-12-25'],
  ['show', 'I.2', '--lang', 'en', '--as-of', '2023-12-25'],
  ['agencies'],
];

describe.each([
  { colour: false, width: 100 },
  { colour: true, width: 72 },
])('colour $colour, $width columns', ({ colour, width }) => {
  it.each(CASES.map((c) => [c.join(' '), c] as const))('%s', async (_name, args) => {
    if (!built) return;
    const env: Record<string, string> = colour ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' };
    const io = memoryIo({ env: { ...env, COLUMNS: String(width) }, cwd: dir, now: () => END_OF_2023, isTTY: false });
    const code = await main([...args, '--plan', plan], io);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/tthc.js'), ...args, '--plan', plan], {
      cwd: dir,
      env: { PATH: process.env.PATH, TTHC_NO_CACHE: '1', TZ: 'UTC', COLUMNS: String(width), ...env },
      encoding: 'utf8',
    });
    expect(r.status).toBe(code);
    // due draws its bordered table on a terminal only; piped, its plain layout is compared.
    if (args[0] !== 'due') expect(io.out).toMatch(/┌/);
    expect(r.stdout).toBe(io.out);
  });
});
