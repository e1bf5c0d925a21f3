// Text helpers for the importer: input normalisation, ASCII folding, name matching keys, numerals, levels.

import type { z } from 'zod';
import type { Level as LevelEnum } from '../model/schema.js';
import { matchKey, squash } from '../model/names.js';

// Name keys live in the model: views and checks match agencies across plans by them too.
export { matchKey, squash };
import VOCABULARY from './vocabulary.json' with { type: 'json' };

/** The levels a plan's issuer can have. */
export type Level = z.infer<typeof LevelEnum>;
/** The levels of local government whose plans name offices by a level word (huyện, xã, tỉnh). */
export type LocalLevel = 'province' | 'district' | 'commune';

/**
 * Input as lines: NFC (PDF copies and macOS text are often NFD), without a BOM, every line ending
 * (CRLF, CR, LF) counted as one so that line numbers stay those of the user's file.
 */
export function toLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').normalize('NFC').split(/\r\n|\r|\n/);
}

export function isBlank(s: string): boolean {
  return squash(s) === '';
}

/** ASCII for ids: diacritics dropped by NFD, đ → d, lower case. */
export function foldAscii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(n: number): string {
  let out = '';
  let rest = n;
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** The value of a Roman numeral written the canonical way (I … XXXIX), else undefined. */
export function fromRoman(s: string): number | undefined {
  if (!/^[IVX]+$/.test(s)) return undefined;
  for (let n = 1; n < 40; n++) if (toRoman(n) === s) return n;
  return undefined;
}

export function isUpperText(s: string): boolean {
  return /\p{Lu}/u.test(s) && s === s.toLocaleUpperCase('vi');
}

export function startsLowerCase(s: string): boolean {
  return /^\p{Ll}/u.test(s);
}

/** "HUYỆN KON RẪY" → "huyện Kon Rẫy": the level word lower case, the place name capitalised. */
export function placeFromUpper(s: string): string {
  const words = squash(s).toLocaleLowerCase('vi').split(' ');
  const level = levelWordAt(words);
  const rest = words.slice(level).map((w) => (w ? w[0]!.toLocaleUpperCase('vi') + w.slice(1) : w));
  return [...words.slice(0, level), ...rest].join(' ');
}

const LEVEL_WORDS = VOCABULARY.levelWords.words as [string, LocalLevel][];

/** The words that name an administrative unit of each level; the first is the usual one. */
export const WORDS_OF_LEVEL: Record<LocalLevel, string[]> = VOCABULARY.levelWords.wordsOfLevel;

/** How many of the leading words form a level word ("thị xã" is two). */
function levelWordAt(words: string[]): number {
  for (const [w] of LEVEL_WORDS) {
    const n = w.split(' ').length;
    if (words.slice(0, n).join(' ') === w) return n;
  }
  return 0;
}

/**
 * The level of an issuer from the first level word in its name: tỉnh/thành phố → province,
 * huyện/quận/thị xã → district, xã/phường/thị trấn/đặc khu → commune; a Sở or Bộ is an agency.
 */
export function levelOfIssuer(issuer: string): Level | undefined {
  const s = issuer.toLocaleLowerCase('vi');
  let best: { at: number; len: number; level: LocalLevel } | undefined;
  for (const [w, level] of LEVEL_WORDS) {
    const m = new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'u').exec(s);
    if (m && (!best || m.index < best.at || (m.index === best.at && w.length > best.len))) {
      best = { at: m.index, len: w.length, level };
    }
  }
  if (/^(?:thủ tướng|chính phủ|văn phòng chính phủ|bộ\s|ban chỉ đạo trung ương|ban bí thư|bộ chính trị)/u.test(s) || /trung ương$/u.test(s)) return 'central';
  if (/^(sở|ban|văn phòng|trung tâm)\s/u.test(s) && !/^(ủy ban nhân dân|ubnd)/u.test(s)) return 'agency';
  return best?.level;
}

/** A date from "15/01/2026", "15-01-2026" or "15 tháng 01 năm 2026" as YYYY-MM-DD; blank parts give undefined. */
export function parseViDate(s: string): string | undefined {
  const m =
    /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(s) ??
    /(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu.exec(s);
  if (!m) return undefined;
  const [, d, mo, y] = m;
  return `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}
