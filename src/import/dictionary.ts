// The agency names offices write in their plans (loaded from offices.json), with the ids `tthc import` gives them.
import type { CollectiveKind } from './collectives.js';
import { asciiSlug } from '../model/text.js';
import OFFICES from './offices.json' with { type: 'json' };
import VOCABULARY from './vocabulary.json' with { type: 'json' };
import { matchKey, WORDS_OF_LEVEL, type LocalLevel } from './text.js';

export interface DictEntry {
  /** The id the plan file uses; the same id may stand for different names at different levels (`vp`). */
  id: string;
  /** The name declared in the plan. */
  name: string;
  /** Other spellings declared in the plan, so that `--agency` finds them. */
  aliases?: string[];
  /** Further spellings recognised in tables but not declared. */
  match?: string[];
  /** The plan levels where the entry applies; all when absent. */
  levels?: LocalLevel[];
  /**
   * The level whose plans have this office as one of their own: it guesses the level of a bare table,
   * and a trailing level word of that level may be any of its synonyms (huyện/quận/thị xã/thành phố).
   */
  home?: LocalLevel;
  /** The name may be followed by its home level word: "Phòng Nội vụ huyện", "Phòng Nội vụ cấp huyện". */
  suffix?: boolean;
  /** A collective's members, by id; `communes` stands for the communes of the issuing district. */
  members?: string[] | 'communes';
}

const D: LocalLevel[] = ['district'];

/**
 * The collective each kind of collective name stands for, by the level it names (see collectives.ts; the ids are
 * data, in vocabulary.json):
 * "Các phòng, ban, đơn vị thuộc UBND huyện" is `cq-huyen`, "Các cơ quan, đơn vị thuộc tỉnh" the
 * province's sở, ban, ngành. An id without an entry at the plan's level is declared as a new agency.
 */
export const COLLECTIVE_IDS = VOCABULARY.collectives.ids as Record<CollectiveKind, Record<LocalLevel, string>>;

/**
 * The names offices write, in the order the plan file declares them: collectives first, then offices;
 * the ids of a district's entries are those of plans/kon-ray-2023.yaml. The list is data (offices.json),
 * so that offices and spellings are added without touching the code: ministries and their departments,
 * provinces' departments after the 2025 reorganisation, communes' offices of the two-level government
 * and the former districts'. Collective names of the grammar in collectives.ts ("Các phòng, ban, ngành
 * thuộc UBND huyện", "Các bộ, ngành liên quan") need no spelling there.
 */
export const DICTIONARY: DictEntry[] = OFFICES.offices as DictEntry[];

export interface CommuneData {
  kind: 'xã' | 'phường' | 'thị trấn';
  name: string;
  /** Other spellings of the name ("Đắk" for "Đăk"). */
  also?: string[];
}

export interface DistrictData {
  province: string;
  /** With its level word, as the issuer names it: "huyện Kon Rẫy". */
  district: string;
  communes: CommuneData[];
}

/** Districts whose communes the dictionary knows (they stand for `UBND cấp xã` in a district plan). */
export const DISTRICTS: DistrictData[] = OFFICES.districts as DistrictData[];

/** The district of an issuer ("Ủy ban nhân dân huyện Kon Rẫy") among those the dictionary knows. */
export function findDistrict(issuer: string): DistrictData | undefined {
  const key = matchKey(issuer);
  return DISTRICTS.find((d) => key.includes(matchKey(d.district)));
}

function capitalise(s: string): string {
  return s[0]!.toLocaleUpperCase('vi') + s.slice(1);
}

/** The dictionary entries of a district's communes: `xa-tan-lap` "Xã Tân Lập", `tt-dak-rve` "Thị trấn Đăk Rve". */
export function communeEntries(d: DistrictData): DictEntry[] {
  return d.communes.map((c) => {
    const prefix = c.kind === 'thị trấn' ? 'tt' : c.kind === 'phường' ? 'phuong' : 'xa';
    const id = `${prefix}-${asciiSlug(c.name)}`;
    return {
      id,
      name: `${capitalise(c.kind)} ${c.name}`,
      aliases: [...(c.also ?? []).map((n) => `${capitalise(c.kind)} ${n}`), `UBND ${c.kind} ${c.name}`],
      match: (c.also ?? []).map((n) => `UBND ${c.kind} ${n}`),
      levels: D,
    };
  });
}

export interface DictIndex {
  level: LocalLevel;
  byKey: Map<string, DictEntry>;
  /** The entry of each id at this level. */
  byId: Map<string, DictEntry>;
  /** The entries that can be declared, in declaration order. */
  entries: DictEntry[];
}

function spellings(e: DictEntry): string[] {
  return [e.name, ...(e.aliases ?? []), ...(e.match ?? [])];
}

/** Spellings made by rule: the home level word's synonyms, and the level word after an office's name. */
function variants(e: DictEntry): string[] {
  if (!e.home) return [];
  const words = WORDS_OF_LEVEL[e.home];
  const out: string[] = [];
  for (const s of spellings(e)) {
    for (const w of words) {
      if (s.endsWith(` ${w}`)) for (const o of words) if (o !== w) out.push(s.slice(0, s.length - w.length) + o);
    }
    if (e.suffix) for (const w of words) out.push(`${s} ${w}`, `${s} cấp ${w}`);
  }
  return out;
}

/**
 * The lookup table for a plan of `level`: written spellings before rule-made ones, and entries of the
 * level's own offices before outside ones, so the first claim on a key is the most specific.
 */
export function buildIndex(level: LocalLevel, district?: DistrictData, own: DictEntry[] = []): DictIndex {
  // A plan's own agencies (tthc import --agencies) come first: the office's own names win over the shipped ones.
  const applicable = [...own, ...DICTIONARY.filter((e) => !e.levels || e.levels.includes(level))];
  const home = [...own, ...applicable.filter((e) => e.home === level && !own.includes(e))];
  const other = applicable.filter((e) => e.home !== level && !own.includes(e));
  const communes = level === 'district' && district ? communeEntries(district) : [];
  const byKey = new Map<string, DictEntry>();
  const claim = (e: DictEntry, s: string) => {
    const k = matchKey(s);
    if (k && !byKey.has(k)) byKey.set(k, e);
  };
  for (const e of [...home, ...other, ...communes]) for (const s of spellings(e)) claim(e, s);
  for (const e of [...home, ...other]) for (const s of variants(e)) claim(e, s);
  const entries = [...applicable, ...communes];
  const byId = new Map<string, DictEntry>();
  for (const e of entries) if (!byId.has(e.id)) byId.set(e.id, e);
  return { level, byKey, byId, entries };
}
