// `tthc report` across plans: the summary report of a province or district over its units' plans, agreeing with each plan's own report.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scratch, tthc, type RunOptions } from '../due/helpers.js';

const DIR = join(ROOT, 'tests/plans/fixtures');
const TAN_LAP = 'xa/tan-lap-2024.yaml';
const DAK_KOI = 'xa/dak-koi-2024.yaml';
const HUYEN = 'huyen/huyen-2024.yaml';
const at: RunOptions = { cwd: DIR, now: new Date('2024-07-20T03:00:00Z') };
const ISSUER = ['--issuer', 'Ủy ban nhân dân huyện Thử'];

interface Counts {
  due: number;
  done: number;
  late: number;
  overdue: number;
  open: number;
  onTimeRate: number | null;
}
interface Occ {
  id: string;
  period: string | null;
  due: string | null;
  plan?: { file: string; issuer: string; number: string | null };
}
interface Across {
  year: number;
  agency: { id: string; name: string } | null;
  rows: { plan: { file: string; issuer: string; number: string | null }; counts: Counts; dueSoon: number }[];
  total: Counts & { dueSoon: number };
  overdue: Occ[];
  dueSoon: Occ[];
}
interface One {
  counts: Counts;
  overdue: Occ[];
  dueSoon: Occ[];
}

async function json<T>(argv: string[]): Promise<T> {
  const r = await tthc(['report', ...argv, '--format', 'json', '--as-of', '2024-07-20'], at);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as T;
}

let tmp: ReturnType<typeof scratch>;
beforeAll(() => {
  tmp = scratch('report-across');
});
afterAll(() => tmp.remove());

describe('report across plans', () => {
  it('a row of counts per plan, equal to each plan\'s own report; totals their sum; every overdue item once, with its plan', async () => {
    const v = await json<Across>(['--plans', 'xa', ...ISSUER]);
    expect(v.year).toBe(2024);
    expect(v.rows.map((r) => r.plan.file)).toEqual([DAK_KOI, TAN_LAP]);
    const own: One[] = [];
    for (const f of [DAK_KOI, TAN_LAP]) own.push(await json<One>(['--plan', f]));
    v.rows.forEach((r, i) => {
      expect(r.counts).toEqual(own[i]!.counts);
      expect(r.dueSoon).toBe(own[i]!.dueSoon.length);
    });
    for (const k of ['due', 'done', 'late', 'overdue', 'open'] as const) expect(v.total[k]).toBe(own[0]!.counts[k] + own[1]!.counts[k]);
    expect(v.total).toMatchObject({ due: 5, done: 1, overdue: 4, onTimeRate: 0.2, dueSoon: 1 });
    // Oldest due date first; on the same day, in the order of the plans.
    expect(v.overdue.map((o) => `${o.plan!.file} ${o.id} ${o.due}`)).toEqual([
      `${DAK_KOI} I.2 2024-03-31`,
      `${TAN_LAP} I.2 2024-03-31`,
      `${DAK_KOI} I.3 2024-06-05`,
      `${TAN_LAP} I.1 2024-06-14`,
    ]);
    const keys = (xs: Occ[]) => xs.map((o) => `${o.id} ${o.period ?? ''}`).sort();
    expect(keys(v.overdue.filter((o) => o.plan!.file === DAK_KOI))).toEqual(keys(own[0]!.overdue));
    expect(keys(v.overdue.filter((o) => o.plan!.file === TAN_LAP))).toEqual(keys(own[1]!.overdue));
  });

  it('--quarter narrows the counts as one plan\'s report does', async () => {
    const v = await json<Across>(['--plans', 'xa', ...ISSUER, '--quarter', '2']);
    for (const [i, f] of [DAK_KOI, TAN_LAP].entries()) expect(v.rows[i]!.counts).toEqual((await json<One>(['--plan', f, '--quarter', '2'])).counts);
  });

  it('--agency: only the plans it stands in, matched by name across spellings, each counted for it', async () => {
    const v = await json<Across>(['--plan', HUYEN, '--plan', TAN_LAP, '--plan', DAK_KOI, ...ISSUER, '--agency', 'vp']);
    expect(v.agency).toMatchObject({ id: 'vp' });
    for (const r of v.rows) {
      const one = await json<One>(['--plan', r.plan.file, '--agency', 'vp']);
      expect(r.counts).toEqual(one.counts);
    }
  });

  it('the HTML document: the summary\'s title, a row per plan with its number, the total, the plans named on overdue rows', async () => {
    const r = await tthc(['report', '--plans', 'xa', ...ISSUER, '--as-of', '2024-07-20'], at);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tổng hợp kết quả thực hiện công tác kiểm soát thủ tục hành chính năm 2024');
    expect(r.out).toContain('HUYỆN THỬ');
    expect(r.out).toContain('UBND xã Đắk Kôi (9/KH-UBND)');
    expect(r.out).toContain('UBND xã Tân Lập (7/KH-UBND)');
    expect(r.out).toContain('Tổng cộng');
    expect(r.out).toContain('2 kế hoạch có 5 lần thực hiện nhiệm vụ đến hạn');
    expect(r.out).toContain('Lập bằng tthc từ 2 tệp kế hoạch (xa)');
  });

  it('the Word document is written to --output (a zip, as Word files are)', async () => {
    const out = join(tmp.dir, 'tong-hop.docx');
    const r = await tthc(['report', '--plans', 'xa', ...ISSUER, '--format', 'docx', '--output', out], at);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('plans of different issuers need --issuer; the plans\' one issuer is the default where they share it', async () => {
    const r = await tthc(['report', '--plans', 'xa', '--lang', 'en'], at);
    expect(r.code).toBe(2);
    expect(r.err).toContain('issued by the body that sums them up');
    expect(r.err).toContain('--issuer');
    expect(r.out).toBe('');
    const vi = await tthc(['report', '--plans', 'xa'], at);
    expect(vi.code).toBe(2);
    expect(vi.err).toContain('gợi ý: Ghi rõ cơ quan đó: --issuer');
    const dir = join(tmp.dir, 'same-issuer');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(DIR, TAN_LAP), join(dir, 'a.yaml'));
    copyFileSync(join(DIR, TAN_LAP), join(dir, 'b.yaml'));
    const same = await tthc(['report', '--plans', dir, '--as-of', '2024-07-20'], at);
    expect(same.code).toBe(0);
    expect(same.out).toContain('XÃ TÂN LẬP');
  });

  it('plans of different years are refused: a report is of one year', async () => {
    const r = await tthc(['report', '--plan', join(ROOT, 'plans/kon-ray-2023.yaml'), '--plan', TAN_LAP, ...ISSUER, '--lang', 'en'], at);
    expect(r.code).toBe(2);
    expect(r.err).toContain('these plans are of 2023, 2024');
    expect(r.out).toBe('');
  });

  it('a broken plan is left out, named on standard error and in the document; exit 1', async () => {
    const dir = join(tmp.dir, 'broken');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(DIR, TAN_LAP), join(dir, 'tan-lap.yaml'));
    writeFileSync(join(dir, 'hong.yaml'), readFileSync(join(DIR, DAK_KOI), 'utf8').replace('lead: vp', 'lead: khong-co'));
    const r = await tthc(['report', '--plans', dir, ...ISSUER, '--as-of', '2024-07-20'], at);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/hong\.yaml được bỏ qua/);
    expect(r.out).toContain('Chưa tổng hợp 1 kế hoạch do tệp có lỗi');
    expect(r.out).toContain('hong.yaml');
    expect(r.out).toContain('UBND xã Tân Lập (7/KH-UBND)');
  });
});
