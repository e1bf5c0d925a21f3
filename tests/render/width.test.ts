// No table is wider than the terminal: every table-drawing command at widths from very narrow to wide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordProgress, scratch, tthc } from '../due/helpers.js';

let dir: string;
let remove: () => void;
let plan: string;
beforeAll(async () => {
  ({ dir, remove } = scratch('width'));
  plan = await recordProgress(dir);
});
afterAll(() => remove());

const COMMANDS = [
  ['due', '--as-of', '2023-07-20'],
  ['due', '--all', '--agency', 'vp', '--as-of', '2023-07-20', '--lang', 'en'],
  ['show', 'VIII.1', '--as-of', '2023-07-20'],
  ['show', 'IX.3'],
  ['show'],
  ['agencies'],
  ['status', '--as-of', '2023-07-20'],
  ['status', '--as-of', '2023-07-20', '--by', 'agency'],
  ['status', '--as-of', '2023-07-20', '--periods', 'reporting'],
  ['status', '--as-of', '2023-10-01', '--quarter', '3'],
];

describe.each([40, 52, 64, 80, 100, 132])('COLUMNS=%i', (width) => {
  it.each(COMMANDS.map((c) => [c.join(' '), c]))('%s fits', async (_name, args) => {
    const r = await tthc([...(args as string[]), '--plan', plan], { cwd: dir, env: { COLUMNS: String(width) } });
    expect(r.code).toBe(0);
    const widest = Math.max(...r.out.split('\n').map((l) => [...l].length));
    expect(widest).toBeLessThanOrEqual(width);
  });
});
