// The Vietnamese lunar calendar and the public holidays of any year, against published dates.
import { describe, expect, it } from 'vitest';
import { announcedYears, dayOff, holidaysOf, isWeekend, legalHolidays } from '../../src/schedule/holidays.js';
import { hungKingsDay, lunarToSolar, solarToLunar, tetDay } from '../../src/schedule/lunar.js';
import { addDays } from '../../src/schedule/day.js';

/**
 * Mùng 1 Tết and Giỗ Tổ Hùng Vương (10/3 âm lịch) as the published Vietnamese calendars (lịch vạn niên, the
 * government's holiday announcements) give them. 2030 is one of the years where Vietnam (UTC+7) and China (UTC+8)
 * differ: the new moon falls at 23:07 Hanoi time on 2 February, so Tết Canh Tuất is 2/2/2030 (3/2 in China).
 */
const PUBLISHED: [year: number, tet: string, hungKings: string][] = [
  [2020, '2020-01-25', '2020-04-02'],
  [2021, '2021-02-12', '2021-04-21'],
  [2022, '2022-02-01', '2022-04-10'],
  [2023, '2023-01-22', '2023-04-29'],
  [2024, '2024-02-10', '2024-04-18'],
  [2025, '2025-01-29', '2025-04-07'],
  [2026, '2026-02-17', '2026-04-26'],
  [2027, '2027-02-06', '2027-04-16'],
  [2028, '2028-01-26', '2028-04-04'],
  [2029, '2029-02-13', '2029-04-23'],
  [2030, '2030-02-02', '2030-04-12'],
];

describe('the lunar calendar', () => {
  it.each(PUBLISHED)('%i: Tết on %s, Giỗ Tổ on %s', (year, tet, hung) => {
    expect(tetDay(year)).toBe(tet);
    expect(hungKingsDay(year)).toBe(hung);
  });

  it('differs from the Chinese calendar where the new moon falls between 23:00 and 24:00 Hanoi time', () => {
    // Tết 1985 was 21/1 in Vietnam (20/2 in China); Tết 2007 was 17/2 (18/2 in China).
    expect(tetDay(1985)).toBe('1985-01-21');
    expect(tetDay(2007)).toBe('2007-02-17');
  });

  it('knows leap months: 2023 had a leap second month (nhuận tháng 2), so Giỗ Tổ came late', () => {
    expect(lunarToSolar(2023, 2, 1, true)).toBe('2023-03-22');
    expect(lunarToSolar(2023, 3, 1)).toBe('2023-04-20');
    expect(lunarToSolar(2024, 2, 1, true)).toBeUndefined();
    // 2020 had a leap fourth month, from 23/5/2020.
    expect(lunarToSolar(2020, 4, 1, true)).toBe('2020-05-23');
    expect(solarToLunar('2020-05-23')).toEqual({ year: 2020, month: 4, day: 1, leap: true });
  });

  it('reads back every day of 2019–2031 as the lunar date it came from', () => {
    for (let d = '2019-01-01'; d <= '2031-12-31'; d = addDays(d, 1)) {
      const l = solarToLunar(d);
      expect(lunarToSolar(l.year, l.month, l.day, l.leap), `${d} → ${JSON.stringify(l)}`).toBe(d);
    }
  });

  it('the last day of the lunar year is the eve of Tết', () => {
    const eve = solarToLunar(addDays(tetDay(2023), -1));
    expect(eve).toMatchObject({ year: 2022, month: 12 });
    expect(eve.day === 29 || eve.day === 30).toBe(true);
  });
});

describe('public holidays', () => {
  const off = (year: number) => [...holidaysOf(year).off.keys()].sort();

  it('the law: 11 days a year from 2021 (Bộ luật Lao động 2019, Điều 112)', () => {
    for (let y = 2021; y <= 2040; y++) expect(legalHolidays(y).size, String(y)).toBe(11);
    expect(legalHolidays(2020).size).toBe(10);
  });

  it('a year without an announcement: Tết as the eve and mùng 1–4, and a made-up day for each on a weekend', () => {
    // 2026: Tết on Tuesday 17/2, eve Monday 16/2 → 16–20/2; Giỗ Tổ on Sunday 26/4 → Monday 27/4;
    // 30/4 Thursday, 1/5 Friday; 2/9 Wednesday and the day before.
    expect(off(2026)).toEqual([
      '2026-01-01',
      '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-26', '2026-04-27', '2026-04-30', '2026-05-01',
      '2026-09-01', '2026-09-02',
    ]);
    // 2028: 1/1 Saturday → Monday 3/1; 2/9 Saturday with Friday 1/9, made up on Monday 4/9.
    expect(off(2028)).toContain('2028-01-03');
    expect(off(2028).filter((d) => d.startsWith('2028-09'))).toEqual(['2028-09-01', '2028-09-02', '2028-09-04']);
    // 2030: 2/9 Monday goes with Tuesday 3/9; 2029: 2/9 Sunday goes with Monday 3/9, made up on Tuesday 4/9.
    expect(off(2030).filter((d) => d.startsWith('2030-09'))).toEqual(['2030-09-02', '2030-09-03']);
    expect(off(2029).filter((d) => d.startsWith('2029-09'))).toEqual(['2029-09-02', '2029-09-03', '2029-09-04']);
  });

  it('the computed rule gives the announced days of 2024 and 2025 for 2/9 and the made-up days', () => {
    expect(off(2024)).toEqual(expect.arrayContaining(['2024-09-02', '2024-09-03']));
    expect(off(2025)).toEqual(expect.arrayContaining(['2025-09-01', '2025-09-02']));
  });

  it('every announced year holds the legal holidays that fall on working days', () => {
    expect(announcedYears()).toEqual(expect.arrayContaining([2023, 2024, 2025]));
    for (const y of announcedYears()) {
      const announced = holidaysOf(y);
      expect(announced.announced).toBe(true);
      for (const d of legalHolidays(y).keys()) if (!isWeekend(d)) expect(announced.off.has(d), `${y}: ${d}`).toBe(true);
      for (const d of announced.work) expect(isWeekend(d), `${y}: ${d} is worked, so it must be a weekend day`).toBe(true);
    }
  });

  it('dayOff: holidays, weekends, and a Saturday worked for a swap', () => {
    expect(dayOff('2023-04-30')).toBe('holiday'); // a Sunday and Ngày Chiến thắng
    expect(dayOff('2023-05-02')).toBe('holiday'); // made up for Giỗ Tổ on Saturday 29/4
    expect(dayOff('2023-09-30')).toBe('weekend');
    expect(dayOff('2023-01-20')).toBe('holiday'); // Friday before Tết: a day made up for Tết's weekend days
    expect(dayOff('2023-01-14')).toBe('weekend'); // 2023 announced no swapped working Saturday
    expect(dayOff('2024-05-04')).toBeUndefined(); // the Saturday worked for the swap of Monday 29/4/2024
    expect(dayOff('2023-10-31')).toBeUndefined();
    expect(dayOff('2031-01-23')).toBe('holiday'); // Tết 2031, computed
  });
});
