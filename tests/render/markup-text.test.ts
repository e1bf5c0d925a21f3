// The source's inline markup (<i>…</i> in task VI.2) never shows as literal tags in text outputs; JSON keeps the plan's words.
import { describe, expect, it } from 'vitest';
import { SHIPPED, tthc } from '../due/helpers.js';

const ASOF = ['--as-of', '2023-12-31', '--plan', SHIPPED];
const TAG = /<\/?(i|b|em|strong)>/i;

describe('inline markup of the plan in text outputs', () => {
  const cases: [string, string[]][] = [
    ['due --all (table)', ['due', '--all', '--each', '--width', '400', ...ASOF]],
    ['due --all --format csv', ['due', '--all', '--format', 'csv', ...ASOF]],
    ['due --all --format md', ['due', '--all', '--format', 'md', ...ASOF]],
    ['status (table)', ['status', '--width', '400', ...ASOF]],
    ['status --format csv', ['status', '--format', 'csv', ...ASOF]],
    ['status --format md', ['status', '--format', 'md', ...ASOF]],
    ['status --quarter 4 --format csv', ['status', '--quarter', '4', '--format', 'csv', ...ASOF]],
    ['show VI.2 (text)', ['show', 'VI.2', '--width', '400', ...ASOF]],
    ['show VI.2 --format md', ['show', 'VI.2', '--format', 'md', ...ASOF]],
  ];
  for (const [name, argv] of cases) {
    it(`${name}: the words of VI.2 without the tags`, async () => {
      const r = await tthc(argv);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('Vận hành, khai thác Hệ thống phản ánh');
      expect(r.out).not.toMatch(TAG);
    });
  }

  it('JSON carries the plan\'s text as it is written (data, not a view)', async () => {
    const r = await tthc(['show', 'VI.2', '--format', 'json', ...ASOF]);
    expect(r.out).toMatch(TAG);
  });
});
