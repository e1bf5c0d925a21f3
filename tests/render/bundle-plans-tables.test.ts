// The built bundle draws the tables across plans byte for byte as the sources do: long bordered tables with repeated cells.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';
import { generatePlan } from '../../scripts/gen-plan.mjs';
import { ensureBuilt } from '../built.js';
import { END_OF_2023, ROOT, scratch } from '../due/helpers.js';

let dir: string;
let remove: () => void;
beforeAll(() => {
  ensureBuilt();
  ({ dir, remove } = scratch('bundle-plans-tables'));
  // Plans made alike, as a province's communes are: the same tasks in every plan, so cells repeat down the columns,
  // and enough rows that the table is drawn in several chunks.
  for (let i = 0; i < 12; i++) writeFileSync(join(dir, `xa-${String(i).padStart(2, '0')}.yaml`), generatePlan(30, { commune: `Số ${i}` }));
}, 120_000);
afterAll(() => remove());

const CASES: string[][] = [
  ['due', '--agency', 'vp', '--as-of', '2023-07-20'],
  ['due', '--all', '--as-of', '2023-07-20'],
  ['due', '--agency', 'vp', '--lang', 'en', '--as-of', '2023-12-25'],
  ['status', '--by', 'plan', '--as-of', '2023-07-20'],
  ['agencies'],
];

describe.each([
  { colour: false, width: 120 },
  { colour: true, width: 72 },
  { colour: false, width: 40 },
])('colour $colour, $width columns', ({ colour, width }) => {
  it.each(CASES.map((c) => [c.join(' '), c] as const))('%s --plans', async (_name, args) => {
    const env: Record<string, string> = colour ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' };
    const io = memoryIo({ env: { ...env, COLUMNS: String(width) }, cwd: dir, now: () => END_OF_2023, isTTY: false });
    const code = await main([...args, '--plans', dir], io);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/tthc.js'), ...args, '--plans', dir], {
      cwd: dir,
      env: { PATH: process.env.PATH, TTHC_NO_CACHE: '1', TZ: 'UTC', COLUMNS: String(width), ...env },
      encoding: 'utf8',
    });
    expect(r.status).toBe(code);
    expect(io.out).toMatch(/┌/);
    expect(r.stdout).toBe(io.out);
  }, 60_000);
});
