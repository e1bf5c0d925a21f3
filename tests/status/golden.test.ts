// Golden outputs of `tthc status` on the shipped plan with progress recorded by real commands (UPDATE_GOLDEN=1 rewrites them).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGolden, recordProgress, ROOT, scratch, tthc } from '../due/helpers.js';

const GOLDEN = join(ROOT, 'tests/status/golden');

let dir: string;
let remove: () => void;
let plan: string;
beforeAll(async () => {
  ({ dir, remove } = scratch('status-golden'));
  plan = await recordProgress(dir);
});
afterAll(() => remove());

/** [golden file, arguments after `tthc status --plan PLAN`] */
const CASES: [string, string[]][] = [
  ['calendar-2023-04-15.txt', ['--as-of', '2023-04-15']],
  ['calendar-2023-10-01.txt', ['--as-of', '2023-10-01']],
  ['calendar-2023-10-01.en.txt', ['--as-of', '2023-10-01', '--lang', 'en']],
  ['reporting-2023-10-01.txt', ['--as-of', '2023-10-01', '--periods', 'reporting']],
  ['by-agency-2023-10-01.txt', ['--as-of', '2023-10-01', '--by', 'agency']],
  ['by-section-2023-10-01.txt', ['--as-of', '2023-10-01', '--by', 'section']],
  ['quarter-3-2023-10-01.txt', ['--as-of', '2023-10-01', '--quarter', '3']],
  ['agency-vp-2023-10-01.txt', ['--as-of', '2023-10-01', '--agency', 'vp']],
  ['calendar-2023-10-01.csv', ['--as-of', '2023-10-01', '--format', 'csv']],
  ['calendar-2023-10-01.semicolon.csv', ['--as-of', '2023-10-01', '--format', 'csv', '--sep', ';']],
  ['calendar-2023-10-01.json', ['--as-of', '2023-10-01', '--format', 'json']],
  ['calendar-2023-10-01.md', ['--as-of', '2023-10-01', '--format', 'md']],
];

describe('golden: tthc status (COLUMNS=100, no colour)', () => {
  it.each(CASES)('%s', async (file, args) => {
    const r = await tthc(['status', '--plan', plan, ...args], { cwd: dir, env: { COLUMNS: '100' } });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expectGolden(join(GOLDEN, file), r.out);
  });
});
