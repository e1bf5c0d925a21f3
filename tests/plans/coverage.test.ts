// Coverage of a parent plan: a district plan and two commune plans implementing it, one missing a task and one with a later deadline.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { similarity, SIMILAR } from '../../src/checks/coverage.js';
import { ROOT, scratch, tthc } from '../due/helpers.js';

const DIR = join(ROOT, 'tests/plans/fixtures');
const NOW = new Date('2024-07-20T03:00:00Z');

interface Finding {
  code: string;
  file: string;
  line: number;
  col: number;
  message: string;
}

async function findings(argv: string[], cwd = DIR): Promise<{ code: number; list: Finding[] }> {
  const r = await tthc(['check', ...argv, '--format', 'json', '--lang', 'en'], { cwd, now: NOW });
  expect(r.err).toBe('');
  const list = (JSON.parse(r.out) as { diagnostics: Finding[] }).diagnostics.filter((d) => d.code !== 'DUE_NON_WORKING_DAY');
  return { code: r.code, list };
}

const brief = (l: Finding[]) => l.map((d) => `${d.file} ${d.code}@${d.line}:${d.col}`);

let tmp: ReturnType<typeof scratch>;
beforeAll(() => {
  tmp = scratch('coverage');
});
afterAll(() => tmp.remove());

describe('tthc check of plans that implement a parent', () => {
  it('the commune that leaves out a task, and the one whose deadline is later; the district itself has none', async () => {
    const { code, list } = await findings(['huyen/huyen-2024.yaml', 'xa/tan-lap-2024.yaml', 'xa/dak-koi-2024.yaml']);
    // Warnings: exit 0 (--strict makes them count).
    expect(code).toBe(0);
    expect(brief(list)).toEqual(['xa/tan-lap-2024.yaml PARENT_TASK_MISSING@12:15', 'xa/dak-koi-2024.yaml PARENT_DEADLINE_LATER@26:15']);
    const [missing, later] = list;
    // Tân Lập: II.1 is led by "UBND các xã", of which it is a member; its I.2 says `implements: I.2`, its I.1 is I.1 in other words.
    expect(missing!.message).toBe(
      'The parent plan 45/KH-UBND (huyen-2024.yaml) gives task II.1 to this plan\'s unit (lead, as a member of UBND các xã): "Báo cáo tình hình, kết quả thực hiện kiểm soát thủ tục hành chính" (Hàng quý); no task of this plan carries it out.',
    );
    // Đắk Kôi names the parent by its number (found in the folder beside its own), and is "Đắk" where the district writes "Đăk".
    expect(later!.message).toBe("Task I.1 is due 31/7/2024, after the parent plan's deadline for task I.1: 29/6/2024 (Trước ngày 30/6/2024).");
    expect((await tthc(['check', '--strict', 'xa/tan-lap-2024.yaml'], { cwd: DIR, now: NOW })).code).toBe(1);
  });

  it('an explicit `implements:` on a task decides; without it, the closest similar text does', async () => {
    const text = readFileSync(join(DIR, 'xa/tan-lap-2024.yaml'), 'utf8');
    const dir = join(tmp.dir, 'xa');
    mkdirSync(dir, { recursive: true });
    mkdirSync(join(tmp.dir, 'huyen'), { recursive: true });
    writeFileSync(join(tmp.dir, 'huyen', 'huyen-2024.yaml'), readFileSync(join(DIR, 'huyen/huyen-2024.yaml')));
    // Without its `implements: I.2`, "Niêm yết các TTHC …" is too unlike "Công khai thủ tục hành chính …": I.2 is missing too.
    writeFileSync(join(dir, 'a.yaml'), text.replace('        implements: I.2\n', ''));
    let r = await findings([join(dir, 'a.yaml')], tmp.dir);
    expect(r.list.map((d) => d.code)).toEqual(['PARENT_TASK_MISSING', 'PARENT_TASK_MISSING']);
    expect(r.list.map((d) => /task (\S+) to/.exec(d.message)?.[1])).toEqual(['I.2', 'II.1']);
    // A task saying which it carries out: II.1 is covered.
    writeFileSync(join(dir, 'b.yaml'), text.replace('        when: Trước ngày 15/6/2024\n', '        when: Trước ngày 15/6/2024\n        implements: II.1\n'));
    r = await findings([join(dir, 'b.yaml')], tmp.dir);
    // I.1 now carries II.1 (and its single deadline has no period in common with II.1's quarters), so I.1 of the parent is missing.
    expect(r.list.map((d) => /task (\S+) to/.exec(d.message)?.[1])).toEqual(['I.1']);
  });

  it('a parent that cannot be found, or that does not name the unit, says so', async () => {
    const text = readFileSync(join(DIR, 'xa/tan-lap-2024.yaml'), 'utf8');
    writeFileSync(join(tmp.dir, 'lost.yaml'), text.replace('implements: ../huyen/huyen-2024.yaml', 'implements: 88/KH-UBND'));
    let r = await findings([join(tmp.dir, 'lost.yaml')], tmp.dir);
    expect(r.list.map((d) => d.code)).toEqual(['PARENT_NOT_FOUND']);
    expect(r.list[0]!.message).toContain('"88/KH-UBND", is not found');
    writeFileSync(join(tmp.dir, 'xa', 'other.yaml'), text.replace('issuer: Ủy ban nhân dân xã Tân Lập', 'issuer: Ủy ban nhân dân xã Khác').replace('short: UBND xã Tân Lập', 'short: UBND xã Khác'));
    r = await findings([join(tmp.dir, 'xa', 'other.yaml')], tmp.dir);
    expect(r.list.map((d) => d.code)).toEqual(['PARENT_UNIT_UNKNOWN']);
  });
});

describe('similarity of two task texts', () => {
  it('one text containing the other is the same work; sharing "thủ tục hành chính" is not', () => {
    expect(similarity('Rà soát, đánh giá quy định, thủ tục hành chính', 'Rà soát, đánh giá quy định, thủ tục hành chính của UBND xã')).toBe(1);
    expect(similarity('Công khai thủ tục hành chính tại Bộ phận Một cửa', 'Rà soát, đánh giá quy định, thủ tục hành chính')).toBeLessThan(SIMILAR);
    expect(similarity('Công khai TTHC', 'cong khai tthc')).toBe(1);
  });
});
