// Golden outputs of `tthc due --agency vp` on the shipped plan with recorded progress (UPDATE_GOLDEN=1 rewrites them).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGolden, recordProgress, ROOT, scratch, tthc } from './helpers.js';

const GOLDEN = join(ROOT, 'tests/due/golden');

let dir: string;
let remove: () => void;
let plan: string;
beforeAll(async () => {
  ({ dir, remove } = scratch('due-golden'));
  plan = await recordProgress(dir);
});
afterAll(() => remove());

const run = (argv: string[]) => tthc(['due', '--plan', plan, '--agency', 'vp', ...argv], { cwd: dir, env: { COLUMNS: '100' } });

describe('golden: tthc due --agency vp (COLUMNS=100, no colour)', () => {
  for (const asOf of ['2023-03-01', '2023-07-20', '2023-12-25']) {
    for (const lang of ['vi', 'en']) {
      it(`as of ${asOf}, ${lang}`, async () => {
        const r = await run(['--as-of', asOf, '--lang', lang]);
        expect(r.code).toBe(0);
        expect(r.err).toBe('');
        expectGolden(join(GOLDEN, `vp-${asOf}.${lang}.txt`), r.out);
      });
    }
  }

  for (const format of ['json', 'csv', 'md']) {
    it(`as of 2023-07-20, --format ${format}`, async () => {
      const r = await run(['--as-of', '2023-07-20', '--format', format]);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expectGolden(join(GOLDEN, `vp-2023-07-20.${format}`), r.out);
    });
  }
});

/** What the goldens must say, checked by the contract independently of the files (so a wrong golden cannot pass). */
describe('the golden outputs say what the contract says', () => {
  it('1/3/2023: X.2 February overdue 1 day (January was done on time), I.2 due 9/3 with 8 days left', async () => {
    const out = (await run(['--as-of', '2023-03-01'])).out;
    expect(out).toContain('Quá hạn (1)');
    expect(out).toMatch(/^X\.2 +Tháng 2\/2023 +28\/2\/2023 +trễ 1 ngày +chủ trì /m);
    expect(out).not.toContain('Tháng 1/2023');
    expect(out).toContain('Sắp đến hạn (1)');
    // I.2 was done on 9/3, after the day asked about: it is still due then.
    expect(out).toMatch(/^I\.2 +9\/3\/2023 +còn 8 ngày +chủ trì /m);
  });

  it('20/7/2023: May and June of X.2 and VIII.1 Q2 overdue; July and IX.3 (done 25/7, not yet) due soon', async () => {
    const r = await run(['--as-of', '2023-07-20', '--format', 'json']);
    const items = (JSON.parse(r.out) as { items: { id: string; period: string | null; status: string; due: string }[] }).items;
    expect(items.map((i) => `${i.status} ${i.id} ${i.period ?? '-'} ${i.due}`)).toEqual([
      'overdue X.2 2023-05 2023-05-31',
      'overdue VIII.1 2023-Q2 2023-06-30',
      'overdue X.2 2023-06 2023-06-30',
      'due-soon IX.3 - 2023-07-31',
      'due-soon X.2 2023-07 2023-07-31',
    ]);
  });

  it('25/12/2023: September–November of X.2 and VIII.1 Q2–Q3 overdue; the year-end items due soon; V.1 (done 20/10) gone', async () => {
    const r = await run(['--as-of', '2023-12-25', '--format', 'json']);
    const items = (JSON.parse(r.out) as { items: { id: string; period: string | null; status: string; role: string }[] }).items;
    expect(items.filter((i) => i.status === 'overdue').map((i) => `${i.id} ${i.period}`)).toEqual([
      'X.2 2023-05',
      'VIII.1 2023-Q2',
      'X.2 2023-06',
      'VIII.1 2023-Q3',
      'X.2 2023-09',
      'X.2 2023-10',
      'X.2 2023-11',
    ]);
    expect(items.filter((i) => i.status === 'due-soon').map((i) => `${i.id} ${i.period} ${i.role}`)).toEqual([
      'VIII.1 2023-Q4 support',
      'VIII.1 2023 support',
      'IX.1 null support',
      'IX.5 null lead',
      'IX.6 null lead',
      'X.2 2023-12 lead',
    ]);
    expect(items.some((i) => i.id === 'V.1')).toBe(false);
  });

  it('CSV is for Excel: BOM, CRLF, one row per item', async () => {
    const csv = (await run(['--as-of', '2023-07-20', '--format', 'csv'])).out;
    expect(csv.startsWith('\uFEFFMã,Nhiệm vụ,Kỳ,Hạn,Trạng thái,Số ngày trễ (âm: số ngày còn lại),Vai trò,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + 5);
  });
});
