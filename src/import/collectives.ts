// The grammar of collective agency names ("Các cơ quan, đơn vị thuộc UBND xã", "Các sở, ban, ngành của tỉnh"): one name, whatever its commas.
import { matchKey, type LocalLevel } from './text.js';
import VOCABULARY from './vocabulary.json' with { type: 'json' };

/**
 * What a collective gathers: `cq` all of a level's agencies and units (cơ quan, đơn vị, phòng, ban,
 * ngành, sở), `cqcm` its specialised offices ("… chuyên môn"), `bndt` its boards, sectors and mass
 * organisations ("… đoàn thể").
 */
export type CollectiveKind = 'cq' | 'cqcm' | 'bndt';

export interface Collective {
  kind: CollectiveKind;
  /** The level the name is of: its level word, "sở" (a province's), or else the plan's own. */
  level: LocalLevel;
  /** The name says nothing of its level ("Các cơ quan, đơn vị"): the plan's own was taken. */
  implied: boolean;
  /** "… (có) liên quan": the ones a task concerns, which no list of members can say. */
  related: boolean;
  /** The place after the level word, as written ("thuộc UBND huyện Ba Tơ" → "Ba Tơ"). */
  place?: string;
  /** The nouns of a collective above the levels of local government ("Các bộ, ngành, địa phương"), for its id. */
  central?: string[];
}

interface Token {
  /** The word's matching key (lower case, new-style tones), or the separator itself. */
  key: string;
  text: string;
  word: boolean;
  /** A line break stands between this token and the one before. */
  broken: boolean;
}

const NOUNS: string[][] = VOCABULARY.collectives.nouns;
const JOINERS = new Set([',', '-', '&', 'và']);
const LINKS: string[][] = VOCABULARY.collectives.links;
/** Longest first, so that "thị xã" is not read as "xã". */
const LEVEL_WORDS = VOCABULARY.collectives.levelWords as [string[], LocalLevel | 'city'][];
const PLACE_WORD = /^(?:\p{Lu}[\p{L}\p{M}']*|\d+)$/u;

function tokens(name: string): Token[] {
  const s = name
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/(?:ủy|uỷ)[ \t\u00a0]+ban[ \t\u00a0]+nhân[ \t\u00a0]+dân/giu, 'UBND')
    .replace(/^[\s\-+•]+/u, '')
    .replace(/[\s.;:]+$/u, '');
  const out: Token[] = [];
  for (const m of s.matchAll(/(\s*)([,;&-]|[^\s,;&-]+)/gu)) {
    const text = m[2]!;
    const word = !/^[,;&-]$/.test(text);
    const key = word ? matchKey(text) : text;
    out.push({ key, text, word: word && key !== 'và', broken: m[1]!.includes('\n') });
  }
  return out;
}

/**
 * Reads `name` as a collective: "các" (optional where a level is written), one or more of the nouns
 * cơ quan, đơn vị, phòng, ban, ngành, sở, đoàn thể (joined by ",", "-", "&", "và" or nothing),
 * optionally "chuyên môn", optionally "(có) liên quan", then optionally the scope: a link (thuộc,
 * trực thuộc, của, trên địa bàn), "UBND" or "Ủy ban nhân dân", "cấp", and a level word (xã,
 * phường, thị trấn, đặc khu; huyện, quận, thị xã; tỉnh; thành phố, of the district in a district's
 * plan and of the province otherwise), which a place name on the same line may follow. Undefined
 * where the whole name does not fit, so "Các cơ quan, đơn vị thuộc huyện, UBND cấp xã" is two names.
 */
export function parseCollective(name: string, planLevel: LocalLevel): Collective | undefined {
  const t = tokens(name);
  let p = 0;
  const phrase = (words: string[]): boolean => {
    if (!words.every((w, k) => t[p + k]?.word && t[p + k]!.key === w)) return false;
    p += words.length;
    return true;
  };
  const noun = (): string | undefined => NOUNS.find((n) => phrase(n))?.join(' ');

  const les = phrase(['các']);
  const nouns: string[] = [];
  for (let n = noun(); n !== undefined; ) {
    nouns.push(n);
    const back = p;
    if (t[p] && JOINERS.has(t[p]!.key)) p++;
    n = noun();
    if (n === undefined) p = back;
  }
  if (nouns.length === 0) return undefined;

  const back = p;
  if (t[p]?.key === ',') p++;
  const specialised = phrase(['chuyên', 'môn']);
  if (!specialised) p = back;
  phrase(['khác']);
  const related = phrase(['có', 'liên', 'quan']) || phrase(['liên', 'quan']);

  // "Các bộ, ngành, địa phương (khác) (có liên quan)": the ministries and provinces, above any local level.
  if (nouns.some((n) => /bộ|trung ương|chính phủ/u.test(n)) || (nouns.includes('địa phương') && !nouns.includes('sở'))) {
    if (p !== t.length || (!les && !related && nouns.length < 2)) return undefined;
    return { kind: 'cq', level: planLevel, implied: false, related, central: nouns };
  }

  const linked = LINKS.some((l) => phrase(l));
  // "Các cơ quan, đơn vị thuộc Bộ": a ministry's own units, above any local level.
  if (linked && phrase(['bộ']) && p === t.length) return { kind: 'cq', level: planLevel, implied: false, related, central: [...nouns, 'thuộc bộ'] };
  const ubnd = phrase(['ubnd']);
  const grade = phrase(['cấp']);
  let written: LocalLevel | undefined;
  for (const [words, level] of LEVEL_WORDS) {
    if (phrase(words)) {
      written = level === 'city' ? (planLevel === 'district' ? 'district' : 'province') : level;
      break;
    }
  }
  // A link or "cấp" needs its level word; "thuộc UBND" alone is the plan's own committee.
  if ((linked || grade) && !written && !(ubnd && !grade)) return undefined;
  // Without "các", a list of nouns or "liên quan" still says a collective: "Sở, ban, ngành có liên quan", "Cơ quan, đơn vị liên quan".
  if (!les && !written && !ubnd && !(related && nouns.length >= 1 && p === t.length) && !(nouns.length >= 2 && p === t.length)) return undefined;

  let place: string | undefined;
  if (written && p < t.length) {
    const rest = t.slice(p);
    if (rest.length > 5 || !rest.every((x) => x.word && !x.broken && PLACE_WORD.test(x.text))) return undefined;
    place = rest.map((x) => x.text).join(' ');
    p = t.length;
  }
  if (p !== t.length) return undefined;

  if (specialised && nouns.includes('đoàn thể')) return undefined;
  const kind: CollectiveKind = specialised ? 'cqcm' : nouns.includes('đoàn thể') ? 'bndt' : 'cq';
  // Sở are a province's: "Các sở, ban, ngành" in a commune's plan are the province's, and a sở of a commune is no collective.
  if (nouns.includes('sở') && written !== undefined && written !== 'province') return undefined;
  const level = written ?? (nouns.includes('sở') ? 'province' : planLevel);
  const implied = written === undefined && !nouns.includes('sở');
  return { kind, level, implied, related, ...(place !== undefined ? { place } : {}) };
}

const RANK: Record<LocalLevel, number> = { commune: 0, district: 1, province: 2 };

/** The level is below the plan's: a province's plan naming its communes' offices. */
export function isBelow(level: LocalLevel, planLevel: LocalLevel): boolean {
  return RANK[level] < RANK[planLevel];
}
