// `due --plans` with the plan cache reads from each plan only the tasks its list can hold: the same answer as a whole read.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlan } from '../../scripts/gen-plan.mjs';
import { ROOT, scratch, tthc } from '../due/helpers.js';

const FIXTURES = join(ROOT, 'tests/plans/fixtures');
let tmp: ReturnType<typeof scratch>;
let dir: string;
let cache: string;
beforeAll(async () => {
  tmp = scratch('picked-across');
  dir = join(tmp.dir, 'plans');
  cache = join(tmp.dir, 'cache');
  mkdirSync(dir);
  // A district's plan with a collective of communes, two communes' plans that spell their agencies their own way,
  // and generated plans of another year.
  copyFileSync(join(FIXTURES, 'huyen/huyen-2024.yaml'), join(dir, 'a-huyen.yaml'));
  copyFileSync(join(FIXTURES, 'xa/tan-lap-2024.yaml'), join(dir, 'b-tan-lap.yaml'));
  copyFileSync(join(FIXTURES, 'xa/dak-koi-2024.yaml'), join(dir, 'c-dak-koi.yaml'));
  for (let i = 0; i < 2; i++) writeFileSync(join(dir, `d-gen-${i}.yaml`), generatePlan(40, { commune: `Số ${i}`, year: 2024 }));
  // Every plan analysed once: the runs below read the cache's entries.
  const first = await tthc(['due', '--plans', dir, '--as-of', '2024-06-20'], { env: { TTHC_CACHE_DIR: cache } });
  expect(first.code).toBe(0);
}, 60_000);
afterAll(() => tmp.remove());

const AGENCIES = ['vp', 'tu-phap', 'xa-tan-lap', 'ubnd-xa', 'Tân Lập', 'Tư pháp', 'Văn phòng HĐND-UBND xã', 'no-such-agency'];
const DAYS = ['2024-01-02', '2024-06-20', '2024-12-25'];

describe('due --plans, picked tasks against whole plans', () => {
  it.each(AGENCIES)('--agency %s, every role, day and window', async (agency) => {
    for (const asOf of DAYS) {
      for (const extra of [[], ['--role', 'phoi-hop'], ['--role', 'chu-tri', '--within', '30'], ['--all']]) {
        const argv = ['due', '--plans', dir, '--agency', agency, '--as-of', asOf, '--format', 'json', ...extra];
        const whole = await tthc(argv, { env: { TTHC_NO_CACHE: '1' } });
        const picked = await tthc(argv, { env: { TTHC_CACHE_DIR: cache } });
        expect({ ...picked, argv }).toEqual({ ...whole, argv });
      }
    }
    // The table too (every plan answered, the same rows).
    const table = ['due', '--plans', dir, '--agency', agency, '--as-of', '2024-06-20'];
    expect(await tthc(table, { env: { TTHC_CACHE_DIR: cache } })).toEqual(await tthc(table, { env: { TTHC_NO_CACHE: '1' } }));
  }, 120_000);
});
