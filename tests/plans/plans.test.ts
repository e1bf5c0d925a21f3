// Many plans in one run: due and status across plans (--plans DIR, --plan repeated), agencies matched across spellings, a broken plan among good ones, 100 plans.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scratch, tthc, type RunOptions } from '../due/helpers.js';

const DIR = join(ROOT, 'tests/plans/fixtures');
const HUYEN = 'huyen/huyen-2024.yaml';
const TAN_LAP = 'xa/tan-lap-2024.yaml';
const DAK_KOI = 'xa/dak-koi-2024.yaml';
/** 20/7/2024 in Vietnam: after every record of the fixtures. */
const NOW = new Date('2024-07-20T03:00:00Z');
const at: RunOptions = { cwd: DIR, now: NOW };

interface Item {
  plan: { file: string; issuer: string; number: string | null };
  id: string;
  period: string | null;
  status: string;
  due: string | null;
  role: string | null;
  via: string | null;
}
interface Across {
  agency: { id: string; name: string } | null;
  plans: { file: string }[];
  matched: { file: string }[];
  items: Item[];
}

async function across(argv: string[], opts: RunOptions = at): Promise<Across> {
  const r = await tthc(['due', ...argv, '--format', 'json'], opts);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Across;
}

const rows = (v: Across) => v.items.map((i) => `${i.plan.file} ${i.id} ${i.period ?? '-'} ${i.status} ${i.due}`);

let tmp: ReturnType<typeof scratch>;
beforeAll(() => {
  tmp = scratch('plans');
});
afterAll(() => tmp.remove());

describe('due across plans', () => {
  it('--plan repeated answers for every plan, each row naming its plan (file, issuer, number), overdue first by due date', async () => {
    const v = await across(['--plan', HUYEN, '--plan', TAN_LAP, '--plan', DAK_KOI, '--as-of', '2024-06-20']);
    expect(v.plans.map((p) => p.file)).toEqual([HUYEN, TAN_LAP, DAK_KOI]);
    expect(rows(v)).toEqual([
      `${HUYEN} II.1 2024-Q1 overdue 2024-03-10`,
      `${HUYEN} I.2 - overdue 2024-03-31`,
      `${TAN_LAP} I.2 - overdue 2024-03-31`,
      `${DAK_KOI} I.2 - overdue 2024-03-31`,
      `${DAK_KOI} I.3 2024-Q2 overdue 2024-06-05`,
      `${HUYEN} II.1 2024-Q2 overdue 2024-06-10`,
      `${TAN_LAP} I.1 - overdue 2024-06-14`,
      `${HUYEN} I.1 - due-soon 2024-06-29`,
    ]);
    expect(v.items[0]!.plan).toEqual({ file: HUYEN, issuer: 'UBND huyện Thử', number: '45/KH-UBND' });
    // The same items as each plan answered alone.
    let alone = 0;
    for (const f of [HUYEN, TAN_LAP, DAK_KOI]) {
      const r = await tthc(['due', '--plan', f, '--as-of', '2024-06-20', '--format', 'json'], at);
      alone += (JSON.parse(r.out) as { items: unknown[] }).items.length;
    }
    expect(v.items.length).toBe(alone);
  });

  it('--plans DIR answers for the plans in the folder; the same file named twice is answered once', async () => {
    const v = await across(['--plans', 'xa', '--as-of', '2024-06-20']);
    expect(v.plans.map((p) => p.file)).toEqual([DAK_KOI, TAN_LAP]);
    const twice = await tthc(['due', '--plan', TAN_LAP, '--plan', `./${TAN_LAP}`, '--as-of', '2024-06-20', '--format', 'json'], at);
    expect(twice.code).toBe(0);
    // One plan: the one-plan answer, without plan on each item.
    expect((JSON.parse(twice.out) as { items: Item[] }).items.every((i) => i.plan === undefined)).toBe(true);
  });

  it('--plans without a folder: the plans/ folder found from the working directory', async () => {
    const dir = join(tmp.dir, 'office');
    mkdirSync(join(dir, 'plans'), { recursive: true });
    for (const f of [TAN_LAP, DAK_KOI]) copyFileSync(join(DIR, f), join(dir, 'plans', f.replace('xa/', '')));
    const v = await across(['--plans', '--as-of', '2024-06-20'], { cwd: dir, now: NOW });
    expect(v.plans.map((p) => p.file)).toEqual(['plans/dak-koi-2024.yaml', 'plans/tan-lap-2024.yaml']);
    expect(v.items.length).toBe(4);
  });

  it("--plans without a folder: tthc.yaml's plan: where it names a folder", async () => {
    const dir = join(tmp.dir, 'configured');
    mkdirSync(join(dir, 'xa'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    for (const f of [TAN_LAP, DAK_KOI]) copyFileSync(join(DIR, f), join(dir, f));
    writeFileSync(join(dir, 'tthc.yaml'), 'plan: xa\n');
    const v = await across(['--plans', '--as-of', '2024-06-20'], { cwd: dir, now: NOW });
    expect(v.plans.map((p) => p.file)).toEqual(['xa/dak-koi-2024.yaml', 'xa/tan-lap-2024.yaml']);
  });

  it('an agency is matched across plans by id and by name written two ways', async () => {
    // A second district's plan that declares the same commune under another id, its name spelt out in full.
    const other = readFileSync(join(DIR, HUYEN), 'utf8')
      .replace('issuer: Ủy ban nhân dân huyện Thử', 'issuer: Ủy ban nhân dân huyện Khác')
      .replace('short: UBND huyện Thử', 'short: UBND huyện Khác')
      .replace('number: "45"', 'number: "46"')
      .replaceAll('xa-tan-lap', 'tan-lap')
      .replace('name: UBND xã Tân Lập', 'name: Ủy ban nhân dân xã Tân Lập');
    const file = join(tmp.dir, 'huyen-khac.yaml');
    writeFileSync(file, other);
    for (const agency of ['xa-tan-lap', 'UBND xã Tân Lập', 'uy ban nhan dan xa tan lap']) {
      const v = await across(['--plan', HUYEN, '--plan', file, '--agency', agency, '--as-of', '2024-06-20']);
      expect(v.matched.map((p) => p.file), agency).toEqual([HUYEN, file]);
      expect(new Set(v.items.map((i) => i.plan.number))).toEqual(new Set(['45/KH-UBND', '46/KH-UBND']));
      expect(v.items.every((i) => i.role === 'lead' && i.via === 'ubnd-xa')).toBe(true);
    }
    // The communes' plans do not name the commune: they are not in the answer.
    const v = await across(['--plan', HUYEN, '--plan', TAN_LAP, '--agency', 'Ủy ban nhân dân xã Tân Lập', '--as-of', '2024-06-20']);
    expect(v.matched.map((p) => p.file)).toEqual([HUYEN]);
  });

  it('an agency no plan names is a usage error (exit 2) that suggests the closest ids', async () => {
    const r = await tthc(['due', '--plan', HUYEN, '--plan', TAN_LAP, '--agency', 'xa-tan-lapp', '--lang', 'en'], at);
    expect(r.code).toBe(2);
    expect(r.err).toContain('No agency matches "xa-tan-lapp"');
    const vi = await tthc(['due', '--plan', HUYEN, '--plan', TAN_LAP, '--agency', 'xa-tan-lapp'], at);
    expect(vi.code).toBe(2);
    expect(vi.err).toContain('Không có cơ quan nào khớp với "xa-tan-lapp"');
  });

  it('CSV carries the plan (file, issuer, number); the table names the plan on each row', async () => {
    const csv = await tthc(['due', '--plans', 'xa', '--as-of', '2024-06-20', '--format', 'csv', '--lang', 'en'], at);
    expect(csv.code).toBe(0);
    const lines = csv.out.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('File,Plan,Plan number,Id,Task,Period,Due,Status,Days late (negative: days left),Role,Lead,Timeline');
    expect(lines[1]).toMatch(/^xa\/dak-koi-2024\.yaml,UBND xã Đắk Kôi,9\/KH-UBND,I\.2,/);
    const table = await tthc(['due', '--plans', 'xa', '--as-of', '2024-06-20', '--lang', 'en'], { ...at, env: { COLUMNS: '120' } });
    expect(table.code).toBe(0);
    expect(table.out).toContain('Plans: 2');
    expect(table.out).toContain('UBND xã Đắk Kôi (9/KH-UBND)');
    expect(table.out).toContain('UBND xã Tân Lập (7/KH-UBND)');
    expect(table.out).toContain('all agencies: 4 overdue');
  });

  it('--fail-on overdue fails (exit 1) when any plan has an overdue item', async () => {
    expect((await tthc(['due', '--plans', 'xa', '--as-of', '2024-06-20', '--fail-on', 'overdue'], at)).code).toBe(1);
    expect((await tthc(['due', '--plans', 'xa', '--as-of', '2024-01-20', '--fail-on', 'overdue'], at)).code).toBe(0);
  });

  it('refuses what has no meaning across plans: --plans with --plan, a format of one plan (exit 2)', async () => {
    const both = await tthc(['due', '--plans', 'xa', '--plan', HUYEN, '--lang', 'en'], at);
    expect(both.code).toBe(2);
    expect(both.err).toContain('--plans and --plan');
    const md = await tthc(['due', '--plans', 'xa', '--format', 'md', '--lang', 'en'], at);
    expect(md.code).toBe(2);
    expect(md.err).toContain('--format md answers for one plan at a time');
    const missing = await tthc(['due', '--plans', 'nowhere', '--lang', 'en'], at);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nowhere: no such folder');
    // The same refusals in the default language.
    expect((await tthc(['due', '--plans', 'xa', '--plan', HUYEN], at)).err).toContain('--plans và --plan cùng chỉ các kế hoạch');
    expect((await tthc(['due', '--plans', 'xa', '--format', 'md'], at)).err).toContain('--format md chỉ trả lời cho một kế hoạch');
    expect((await tthc(['due', '--plans', 'nowhere'], at)).err).toContain('nowhere: không có thư mục này');
  });
});

describe('a broken plan among good ones', () => {
  it('is named on stderr and left out; the others are answered; exit 1', async () => {
    const dir = join(tmp.dir, 'broken');
    mkdirSync(dir, { recursive: true });
    for (const f of [TAN_LAP, DAK_KOI]) copyFileSync(join(DIR, f), join(dir, f.replace('xa/', '')));
    writeFileSync(join(dir, 'hong.yaml'), readFileSync(join(DIR, TAN_LAP), 'utf8').replace('lead: vp', 'lead: khong-co'));
    const r = await tthc(['due', '--plans', dir, '--as-of', '2024-06-20', '--format', 'json', '--lang', 'en'], at);
    expect(r.code).toBe(1);
    expect(r.err).toContain('hong.yaml has 1 error');
    expect(r.err).toContain('AGENCY_UNKNOWN');
    expect(r.err).toMatch(/hong\.yaml is left out; the other plans are answered/);
    const vi = await tthc(['due', '--plans', dir, '--as-of', '2024-06-20', '--format', 'json'], at);
    expect(vi.code).toBe(1);
    expect(vi.err).toContain('AGENCY_UNKNOWN');
    expect(vi.err).toMatch(/hong\.yaml được bỏ qua; các kế hoạch khác vẫn được trả lời/);
    const v = JSON.parse(r.out) as Across;
    expect(v.plans.map((p) => p.file.replace(/.*\//, ''))).toEqual(['dak-koi-2024.yaml', 'tan-lap-2024.yaml']);
    expect(v.items.length).toBe(4);
    const status = await tthc(['status', '--plans', dir, '--as-of', '2024-06-20', '--format', 'json'], at);
    expect(status.code).toBe(1);
    expect((JSON.parse(status.out) as { rows: unknown[] }).rows).toHaveLength(2);
  });

  it('when every plan is broken: nothing on stdout, exit 1', async () => {
    const dir = join(tmp.dir, 'all-broken');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.yaml'), 'format: 1\nplan: [\n');
    writeFileSync(join(dir, 'b.yaml'), 'format: 1\n');
    const r = await tthc(['due', '--plans', dir, '--lang', 'en'], at);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('None of the 2 plans could be read');
    const vi = await tthc(['due', '--plans', dir], at);
    expect(vi.code).toBe(1);
    expect(vi.err).toContain('Không đọc được kế hoạch nào trong 2 kế hoạch');
  });
});

describe('status across plans', () => {
  it('a row per plan: counts per status per quarter and the on-time rate', async () => {
    const r = await tthc(['status', '--plan', HUYEN, '--plan', DAK_KOI, '--as-of', '2024-07-20', '--format', 'json'], at);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out) as { rows: { plan: { file: string; number: string }; quarters: Record<string, { counts: Record<string, number>; due: number; onTimeRate: number | null }>; onTimeRate: number | null }[] };
    expect(v.rows.map((x) => x.plan.number)).toEqual(['45/KH-UBND', '9/KH-UBND']);
    const [huyen, dakKoi] = v.rows;
    // The district: II.1 and I.2 overdue in Q1; II.1 and I.1 overdue in Q2; nothing done.
    expect(huyen!.quarters.Q1!.counts).toEqual({ overdue: 2 });
    expect(huyen!.quarters.Q2!.counts).toEqual({ overdue: 2 });
    expect(huyen!.onTimeRate).toBe(0);
    // Đắk Kôi: Q1's report done on time, I.2 overdue; Q2's report overdue; Q3 I.1 and the report still to come.
    expect(dakKoi!.quarters.Q1!.counts).toEqual({ done: 1, overdue: 1 });
    expect(dakKoi!.onTimeRate).toBeCloseTo(1 / 3);
    const table = await tthc(['status', '--plans', 'xa', '--as-of', '2024-07-20', '--lang', 'en'], { ...at, env: { COLUMNS: '120' } });
    expect(table.out).toContain('UBND xã Đắk Kôi (9/KH-UBND)');
    expect(table.out).toContain('33%');
    const csv = await tthc(['status', '--plans', 'xa', '--as-of', '2024-07-20', '--format', 'csv', '--lang', 'en'], at);
    const lines = csv.out.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('File,Plan,Plan number,Quarter,overdue,due soon,open,scheduled,done late,done,Total,On-time rate (%),On-time rate year (%)');
    expect(lines[1]).toBe('xa/dak-koi-2024.yaml,UBND xã Đắk Kôi,9/KH-UBND,Q1,1,0,0,0,0,1,2,50,33.3');
  });

  it('--agency counts only that agency\'s tasks, in the plans that name it', async () => {
    const r = await tthc(['status', '--plans', 'xa', '--agency', 'tu-phap', '--as-of', '2024-07-20', '--format', 'json'], at);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out) as { agency: { id: string }; rows: { plan: { number: string }; quarters: Record<string, { counts: Record<string, number> }> }[] };
    expect(v.agency.id).toBe('tu-phap');
    // Its one task in each plan: Đắk Kôi's I.1 (due 31/7, due soon on 20/7), Tân Lập's I.1 (due 14/6, overdue).
    expect(v.rows.map((x) => [x.plan.number, x.quarters.Q2!.counts, x.quarters.Q3!.counts])).toEqual([
      ['9/KH-UBND', {}, { 'due-soon': 1 }],
      ['7/KH-UBND', { overdue: 1 }, {}],
    ]);
  });

  it('--by plan needs several plans; other groupings and --quarter answer for one plan (exit 2)', async () => {
    expect((await tthc(['status', '--plan', HUYEN, '--by', 'plan'], at)).code).toBe(2);
    expect((await tthc(['status', '--plans', 'xa', '--by', 'task'], at)).code).toBe(2);
    expect((await tthc(['status', '--plans', 'xa', '--quarter', '2'], at)).code).toBe(2);
  });
});

describe('ics and report across plans', () => {
  it('ics: one calendar with every plan\'s events, each summary naming its plan, UIDs apart', async () => {
    const r = await tthc(['ics', '--plans', 'xa', '--agency', 'vp'], at);
    expect(r.code).toBe(0);
    const unfolded = r.out.replace(/\r\n /g, '');
    expect(unfolded.match(/^BEGIN:VCALENDAR/gm)).toHaveLength(1);
    expect(unfolded.match(/^END:VCALENDAR/gm)).toHaveLength(1);
    const summaries = [...unfolded.matchAll(/^SUMMARY:(.*)$/gm)].map((m) => m[1]!);
    // Đắk Kôi: I.2 and I.3's four quarters; Tân Lập: I.2.
    expect(summaries).toHaveLength(6);
    expect(summaries.filter((x) => x.includes('[UBND xã Tân Lập (7/KH-UBND)] I.2'))).toHaveLength(1);
    expect(summaries.filter((x) => x.includes('[UBND xã Đắk Kôi (9/KH-UBND)] I.3'))).toHaveLength(4);
    const uids = [...unfolded.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]!);
    expect(new Set(uids).size).toBe(6);
    // The same events, UIDs and all, as each plan's own calendar has.
    for (const f of [TAN_LAP, DAK_KOI]) {
      const one = (await tthc(['ics', '--plan', f, '--agency', 'vp'], at)).out.replace(/\r\n /g, '');
      for (const m of one.matchAll(/^UID:(.*)$/gm)) expect(uids).toContain(m[1]);
    }
  });

  it('report: across plans the summary report of every plan (tests/plans/report-across.test.ts), not one for the last --plan alone', async () => {
    const r = await tthc(['report', '--plan', TAN_LAP, '--plan', DAK_KOI, '--issuer', 'Ủy ban nhân dân huyện Thử', '--format', 'json'], at);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { rows: { plan: { file: string } }[] }).rows.map((x) => x.plan.file)).toEqual([TAN_LAP, DAK_KOI]);
  });
});

describe('a hundred plans in one process', () => {
  it('due --agency across 100 generated plans: every plan answered, each item once, with its plan', async () => {
    const dir = join(tmp.dir, 'hundred');
    mkdirSync(dir, { recursive: true });
    const tasks = (n: number) =>
      Array.from({ length: 10 }, (_, k) => {
        const month = (k % 12) + 1;
        return `      - id: I.${k + 1}\n        content: Nhiệm vụ ${k + 1} của xã ${n}\n        lead: ${k % 2 ? 'vp' : 'tu-phap'}\n        output: Báo cáo\n        when: Tháng ${month}/2024\n`;
      }).join('');
    for (let n = 1; n <= 100; n++) {
      const name = `Ủy ban nhân dân xã Số ${n}`;
      writeFileSync(
        join(dir, `xa-${String(n).padStart(3, '0')}.yaml`),
        `format: 1\nplan:\n  issuer: ${name}\n  number: "${n}"\n  symbol: KH-UBND\n  date: 2024-01-05\n  title: Kế hoạch kiểm soát TTHC năm 2024\n  year: 2024\nagencies:\n  vp:\n    name: Văn phòng HĐND-UBND xã\n  tu-phap:\n    name: Công chức Tư pháp\nsections:\n  - id: I\n    title: Nhiệm vụ\n    tasks:\n${tasks(n)}`,
      );
    }
    const v = await across(['--plans', dir, '--agency', 'vp', '--as-of', '2024-07-20']);
    expect(v.plans).toHaveLength(100);
    expect(v.matched).toHaveLength(100);
    // vp leads I.2, I.4, I.6 (months 2, 4, 6: overdue by 20/7) in each plan; I.8 (August) is not yet due soon.
    expect(v.items).toHaveLength(300);
    expect(v.items.every((i) => i.status === 'overdue')).toBe(true);
    expect(new Set(v.items.map((i) => `${i.plan.number} ${i.id}`)).size).toBe(300);
    // Oldest due first, then in the order of the files.
    expect(v.items.slice(0, 3).map((i) => `${i.plan.number} ${i.id}`)).toEqual(['1/KH-UBND I.2', '2/KH-UBND I.2', '3/KH-UBND I.2']);
    const status = await tthc(['status', '--plans', dir, '--as-of', '2024-07-20', '--format', 'json'], at);
    expect((JSON.parse(status.out) as { rows: unknown[] }).rows).toHaveLength(100);
  });
});
