// A plan over several years (`period: 2026-2030`): checked, and its recurring tasks recur in every year of it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson, run, scratchDir } from './helpers.js';

const PLAN = (period: string, year = 2026) => `format: 1
plan:
  issuer: Thủ tướng Chính phủ
  level: central
  number: "2597"
  symbol: QĐ-TTg
  date: 2025-11-27
  title: Chương trình cải cách thủ tục hành chính giai đoạn 2026-2030
  year: ${year}
  period: ${period}
agencies:
  bo-noi-vu:
    name: Bộ Nội vụ
sections:
  - id: I
    title: Nhóm giải pháp
    tasks:
      - id: I.1
        content: Báo cáo kết quả thực hiện
        lead: bo-noi-vu
        output: Báo cáo
        when: Hằng năm
      - id: I.2
        content: Hoàn thiện thể chế
        lead: bo-noi-vu
        output: Nghị định
        when: Giai đoạn 2026-2030
`;

let scratch: ReturnType<typeof scratchDir>;
let n = 0;
function plan(text: string): string {
  const path = join(scratch.dir, `plan-${++n}.yaml`);
  writeFileSync(path, text);
  return path;
}
beforeAll(() => {
  scratch = scratchDir('period-years');
});
afterAll(() => scratch.remove());

describe('period: 2026-2030', () => {
  it('is a clean plan, and "Hằng năm" recurs in each of its five years', async () => {
    const file = plan(PLAN('2026-2030'));
    const c = await checkJson(file);
    // Only warnings (a due day on a Sunday, in 2028): no error.
    expect(c.report.diagnostics.filter((d) => d.severity !== 'warning')).toEqual([]);
    const r = await run(['due', '--plan', file, '--all', '--as-of', '2027-03-01', '--format', 'json']);
    expect(r.code).toBe(0);
    const items = (JSON.parse(r.out) as { items: { id: string; period: string | null; due: string | null }[] }).items;
    expect(items.filter((i) => i.id === 'I.1').map((i) => i.period)).toEqual(['2026', '2027', '2028', '2029', '2030']);
    expect(items.find((i) => i.id === 'I.2')).toMatchObject({ period: null, due: '2030-12-31' });
  });

  it('shows the quarters of the year the day falls in', async () => {
    const r = await run(['status', '--plan', plan(PLAN('2026-2030')), '--as-of', '2028-05-01', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ year: 2028 });
  });

  it('reports years written last to first, and a plan year outside the period', async () => {
    const reversed = await checkJson(plan(PLAN('2030-2026')));
    expect(reversed.report.diagnostics.map((d) => d.code)).toContain('PERIOD_INVALID');
    const outside = await checkJson(plan(PLAN('2026-2030', 2025)));
    expect(outside.report.diagnostics.map((d) => [d.code, d.line])).toContainEqual(['PERIOD_INVALID', 9]);
  });

  it('refuses a period that is neither { start, end } nor years', async () => {
    const bad = await checkJson(plan(PLAN('2026 đến 2030')));
    expect(bad.code).toBe(1);
    expect(bad.report.diagnostics.map((d) => d.code)).toContain('BAD_VALUE');
  });
});

describe('years whose days off the government has not announced (not in holidays.json)', () => {
  it('check says a holiday of such a year is reckoned from the Labour Code; an announced year says nothing more', async () => {
    const text = (year: number, day: string) =>
      PLAN(String(year), year).replace('period: ' + String(year) + '\n', '').replace('when: Hằng năm', `when: Trước ngày ${day}/${year}`).replace('when: Giai đoạn 2026-2030', `when: Năm ${year}`);
    // 2/9/2027 is a Thursday, Quốc khánh: a holiday of the law in any year; 2027 is not announced.
    const reckoned = (await checkJson(plan(text(2027, '03/9')))).report.diagnostics.find((d) => d.code === 'DUE_NON_WORKING_DAY');
    expect(reckoned?.message).toMatch(/2\/9\/2027 \(Thursday, public holiday\)\. The public holidays of 2027 are reckoned from the Labour Code; the government's announcement of that year is not in tthc's data yet\./);
    // 2/9/2025 is a Tuesday, in the announcement of 2025.
    const announced = (await checkJson(plan(text(2025, '03/9')))).report.diagnostics.find((d) => d.code === 'DUE_NON_WORKING_DAY');
    expect(announced?.message).toMatch(/2\/9\/2025 \(Tuesday, public holiday\)\.$/);
  });
});
