// `agencies` and `show` across plans: the agencies as `--agency` matches them across plans, and a task shown from each plan that has it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, scratch, tthc, type RunOptions } from '../due/helpers.js';

const DIR = join(ROOT, 'tests/plans/fixtures');
const HUYEN = 'huyen/huyen-2024.yaml';
const TAN_LAP = 'xa/tan-lap-2024.yaml';
const DAK_KOI = 'xa/dak-koi-2024.yaml';
const at: RunOptions = { cwd: DIR, now: new Date('2024-07-20T03:00:00Z') };

interface Row {
  id: string;
  ids: string[];
  names: string[];
  plans: { file: string }[];
}

const tmp = scratch('agencies-across');
afterAll(() => tmp.remove());

describe('agencies across plans', () => {
  it('one row per agency as --agency matches it (same id, or same name), with the plans that declare it', async () => {
    const r = await tthc(['agencies', '--plan', HUYEN, '--plan', TAN_LAP, '--plan', DAK_KOI, '--format', 'json'], at);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out) as { plans: unknown[]; rows: Row[] };
    expect(v.plans).toHaveLength(3);
    const vp = v.rows.find((x) => x.id === 'vp')!;
    expect(vp.plans.map((p) => p.file)).toEqual([HUYEN, TAN_LAP, DAK_KOI]);
    expect(vp.names).toEqual(['Văn phòng HĐND-UBND huyện', 'Văn phòng HĐND-UBND xã']);
    // Every agency of every plan is in exactly one row.
    const count = v.rows.reduce((n, x) => n + x.plans.length, 0);
    let declared = 0;
    for (const f of [HUYEN, TAN_LAP, DAK_KOI]) declared += (JSON.parse((await tthc(['agencies', '--plan', f, '--format', 'json'], at)).out) as unknown[]).length;
    expect(count).toBe(declared);
  });

  it('the same agency under another id and another spelling of its name is one row; different names stay apart', async () => {
    const dir = join(tmp.dir, 'spellings');
    mkdirSync(dir, { recursive: true });
    const text = readFileSync(join(DIR, TAN_LAP), 'utf8');
    writeFileSync(join(dir, 'a.yaml'), text);
    writeFileSync(join(dir, 'b.yaml'), text.replace(/tu-phap/g, 'tp').replace('Công chức Tư pháp - Hộ tịch', 'công chức tư pháp – hộ tịch'));
    writeFileSync(join(dir, 'c.yaml'), text.replace(/tu-phap/g, 'tc').replace('Công chức Tư pháp - Hộ tịch', 'Công chức Tài chính - Kế toán'));
    const v = JSON.parse((await tthc(['agencies', '--plans', dir, '--format', 'json'], at)).out) as { rows: Row[] };
    expect(v.rows.map((x) => `${x.ids.join('+')} ${x.plans.length}`)).toEqual(['vp 3', 'tu-phap+tp 2', 'tc 1']);
    // And --agency finds it in both plans, as the table says.
    const due = JSON.parse((await tthc(['due', '--plans', dir, '--agency', 'tu-phap', '--as-of', '2024-07-20', '--format', 'json'], at)).out) as { matched: unknown[] };
    expect(due.matched).toHaveLength(2);
  });

  it('the table says "every plan" where the agency is in all of them; md is for one plan (exit 2)', async () => {
    const r = await tthc(['agencies', '--plans', 'xa', '--lang', 'en'], at);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Plans: 2');
    expect(r.out).toMatch(/│ vp\s+│ Văn phòng HĐND-UBND xã\s+│\s+2 │ \(every plan\)/);
    const md = await tthc(['agencies', '--plans', 'xa', '--format', 'md'], at);
    expect(md.code).toBe(2);
    expect(md.err).toContain('--format md chỉ trả lời cho một kế hoạch');
  });
});

describe('show across plans', () => {
  it('a task id shown from each plan that has it, under the plan\'s name; plans without it left out', async () => {
    const r = await tthc(['show', 'I.3', '--plan', HUYEN, '--plan', TAN_LAP, '--plan', DAK_KOI, '--format', 'json'], at);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out) as { plan: { file: string }; tasks: { id: string }[] }[];
    const has = [];
    for (const f of [HUYEN, TAN_LAP, DAK_KOI]) if ((await tthc(['show', 'I.3', '--plan', f], at)).code === 0) has.push(f);
    expect(v.map((x) => x.plan.file)).toEqual(has);
    expect(has.length).toBeLessThan(3);
    for (const x of v) expect(x.tasks.map((t) => t.id)).toEqual(['I.3']);
    const table = await tthc(['show', 'I.2', '--plans', 'xa'], at);
    expect(table.out).toContain('== UBND xã Đắk Kôi (9/KH-UBND) ==');
    expect(table.out).toContain('== UBND xã Tân Lập (7/KH-UBND) ==');
  });

  it('an id no plan has is a usage error naming the nearest; xlsx is for one plan', async () => {
    const r = await tthc(['show', 'I.9', '--plans', 'xa', '--lang', 'en'], at);
    expect(r.code).toBe(2);
    expect(r.err).toContain('I.9');
    expect(r.out).toBe('');
    const x = await tthc(['show', '--plans', 'xa', '--format', 'xlsx', '--output', 'nowhere.xlsx', '--lang', 'en'], at);
    expect(x.code).toBe(2);
    expect(x.err).toContain('--format xlsx answers for one plan at a time');
  });
});
