// The Vietnamese lunisolar calendar (âm lịch), reckoned at UTC+7: lunar dates to solar days, for Tết and Giỗ Tổ.
//
// The method is the one Hồ Ngọc Đức published for the Vietnamese calendar: months begin on the day (at UTC+7) of
// the astronomical new moon; month 11 is the month that holds the winter solstice; a lunar year with 13 months has
// as its leap month the first month after month 11 in which the sun enters no new zodiac sign (no major solar term).
// New moons and the sun's longitude come from the truncated series in Jean Meeus, "Astronomical Algorithms"; at
// day precision they agree with the published calendars for the years offices plan. Vietnam's calendar is reckoned
// at UTC+7 and China's at UTC+8, which is why Tết and the Chinese New Year differ in some years (1985, 2007).
import { type Day, fromDayNumber, toDayNumber, ymdToDayNumber } from './day.js';

/** Vietnam's time zone, in hours east of Greenwich. */
const ZONE = 7;
/** The Julian day number of 1 January 1970, day number 0 of day.ts. */
const JDN_1970 = 2440588;
/** A mean synodic month, in days. */
const SYNODIC = 29.530588853;
/** The Julian day of the new moon of 1 January 1900 (new moon number 0). */
const NEW_MOON_0 = 2415021.076998695;
const RAD = Math.PI / 180;

function jdnOfYmd(year: number, month: number, day: number): number {
  return ymdToDayNumber(year, month, day) + JDN_1970;
}

/** The local day (Julian day number at UTC+7) of new moon number `k`, counted from January 1900. */
function newMoonDay(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * RAD);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // the sun's mean anomaly
  const Mp = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // the moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // the moon's argument of latitude
  // The periodic terms of the true new moon, one a line.
  const c =
    (0.1734 - 0.000393 * T) * Math.sin(M * RAD) +
    0.0021 * Math.sin(2 * M * RAD) -
    0.4068 * Math.sin(Mp * RAD) +
    0.0161 * Math.sin(2 * Mp * RAD) -
    0.0004 * Math.sin(3 * Mp * RAD) +
    0.0104 * Math.sin(2 * F * RAD) -
    0.0051 * Math.sin((M + Mp) * RAD) -
    0.0074 * Math.sin((M - Mp) * RAD) +
    0.0004 * Math.sin((2 * F + M) * RAD) -
    0.0004 * Math.sin((2 * F - M) * RAD) -
    0.0006 * Math.sin((2 * F + Mp) * RAD) +
    0.001 * Math.sin((2 * F - Mp) * RAD) +
    0.0005 * Math.sin((2 * Mp + M) * RAD);
  // ΔT, the difference between dynamical and universal time, in days.
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return Math.floor(jd + c - deltaT + 0.5 + ZONE / 24);
}

/** Which twelfth of the ecliptic (0 = from the vernal equinox) the sun is in at the start of local day `jdn`. */
function sunSector(jdn: number): number {
  const T = (jdn - 2451545.5 - ZONE / 24) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let dl = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(M * RAD);
  dl += (0.019993 - 0.000101 * T) * Math.sin(2 * M * RAD) + 0.00029 * Math.sin(3 * M * RAD);
  let L = (L0 + dl) * RAD;
  L -= 2 * Math.PI * Math.floor(L / (2 * Math.PI));
  return Math.floor((L / Math.PI) * 6);
}

/** The first day of lunar month 11 of the lunar year that ends in solar year `year`: the month of the solstice. */
function month11(year: number): number {
  const k = Math.floor((jdnOfYmd(year, 12, 31) - 2415021) / SYNODIC);
  const nm = newMoonDay(k);
  // A new moon after the sun has passed 270° (sector 9) begins the month after the solstice's.
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** In a 13-month lunar year starting at month 11 `a11`: how many months after it the leap month comes. */
function leapOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_0) / SYNODIC + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The first day of lunar month `month` (1–12, the regular month where a leap one follows) of lunar year `year`. */
function monthStart(year: number, month: number, leap: boolean): number | undefined {
  const [a11, b11] = month < 11 ? [month11(year - 1), month11(year)] : [month11(year), month11(year + 1)];
  const k = Math.floor(0.5 + (a11 - NEW_MOON_0) / SYNODIC);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return undefined;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return undefined;
  }
  return newMoonDay(k + off);
}

/**
 * The solar day of lunar day `day` of month `month` of lunar year `year` (`leap`: the leap month of that number);
 * undefined where that year has no such leap month.
 */
export function lunarToSolar(year: number, month: number, day: number, leap = false): Day | undefined {
  const start = monthStart(year, month, leap);
  return start === undefined ? undefined : fromDayNumber(start + day - 1 - JDN_1970);
}

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/** The lunar date of a solar day. */
export function solarToLunar(solar: Day): LunarDate {
  const jdn = toDayNumber(solar) + JDN_1970;
  const k = Math.floor((jdn - NEW_MOON_0) / SYNODIC);
  let start = newMoonDay(k + 1);
  if (start > jdn) start = newMoonDay(k);
  const gregorianYear = Number(solar.slice(0, 4));
  let a11 = month11(gregorianYear);
  let b11 = a11;
  let year: number;
  if (a11 >= start) {
    year = gregorianYear;
    a11 = month11(gregorianYear - 1);
  } else {
    year = gregorianYear + 1;
    b11 = month11(gregorianYear + 1);
  }
  const day = jdn - start + 1;
  const diff = Math.floor((start - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { year, month, day, leap };
}

/** Mùng 1 Tết: the first day of the lunar year that begins in solar year `year`. */
export function tetDay(year: number): Day {
  return lunarToSolar(year, 1, 1)!;
}

/** Giỗ Tổ Hùng Vương: the 10th day of the (regular) third lunar month of `year`. */
export function hungKingsDay(year: number): Day {
  return lunarToSolar(year, 3, 10)!;
}
