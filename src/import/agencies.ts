// Agency cells → agency ids: longest dictionary or collective-grammar match over the cell's pieces, new ids for unknown names, declarations.
import type { AgencyFile } from '../model/schema.js';
import { isBelow, parseCollective } from './collectives.js';
import { buildIndex, communeEntries, COLLECTIVE_IDS, type DictEntry, type DictIndex, type DistrictData } from './dictionary.js';
import { warning, type ImportMessage } from './errors.js';
import { msg } from '../messages/index.js';
import { asciiSlug } from '../model/text.js';
import { foldAscii, matchKey, startsLowerCase, squash, type LocalLevel } from './text.js';
import VOCABULARY from './vocabulary.json' with { type: 'json' };

type Sep = ';' | ',' | '\n' | 'và' | '';

interface Piece {
  text: string;
  /** The separator after the piece; '' after the last. */
  sep: Sep;
}

const STRENGTH: Record<Sep, number> = { '': 0, và: 1, '\n': 2, ',': 3, ';': 4 };

/** The cell cut at every separator: ";", ",", a line break (a Word paragraph inside the cell) and "và". */
function pieces(cell: string): Piece[] {
  const parts = cell.split(/(\s*;\s*|\s*,\s*|\s*\n\s*|\s+và\s+)/u);
  const out: Piece[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const raw = parts[i + 1] ?? '';
    const sep: Sep = raw.includes(';') ? ';' : raw.includes(',') ? ',' : raw.includes('\n') ? '\n' : raw ? 'và' : '';
    const text = squash(parts[i]!).replace(/^[-–+•]\s+/u, '');
    if (text === '') {
      // An empty piece ("a, , b"): keep the stronger of the two separators around it.
      const prev = out[out.length - 1];
      if (prev && STRENGTH[sep] > STRENGTH[prev.sep]) prev.sep = sep;
      continue;
    }
    out.push({ text, sep });
  }
  const last = out[out.length - 1];
  if (last) last.sep = '';
  return out;
}

/** Pieces i…j as one name; a line break between pieces is a space, or kept where `breaks` (the grammar reads it). */
function join(ps: Piece[], i: number, j: number, breaks = false): string {
  let s = ps[i]!.text;
  for (let k = i; k < j; k++) {
    const sep = ps[k]!.sep;
    s += (sep === ',' ? ', ' : sep === 'và' ? ' và ' : sep === '\n' && breaks ? '\n' : ' ') + ps[k + 1]!.text;
  }
  return s;
}

export interface NamePart {
  /** The name as the cell writes it (pieces of a split cell joined with a space). */
  name: string;
  entry?: DictEntry;
  /** A collective name without an entry at the plan's level ("Các cơ quan, đơn vị liên quan"): the id the grammar gives it. */
  id?: string;
  /** A collective name that writes no level ("Các cơ quan, đơn vị"): read as the plan's own, it says nothing of that level. */
  implied?: boolean;
}

type Match = Omit<NamePart, 'name'>;

/**
 * A collective name as the grammar of collectives.ts reads it: the dictionary's collective of its kind
 * and level; or, kept whole with an id of its own, where the dictionary has none at the plan's level,
 * where it names the ones concerned ("… liên quan": `cq-xa-lien-quan`), or where it names one place
 * below the plan's level ("Các cơ quan, đơn vị thuộc UBND huyện Ba Tơ" in a province's plan: `cq-huyen-ba-to`).
 */
function collective(name: string, index: DictIndex): Match | undefined {
  const c = parseCollective(name, index.level);
  if (!c) return undefined;
  if (c.central) return { id: ['cac', ...c.central.map(asciiSlug), ...(c.related ? ['lien-quan'] : [])].join('-') };
  const base = COLLECTIVE_IDS[c.kind][c.level];
  const implied = c.implied ? { implied: true } : {};
  if (c.related) return { id: `${base}-lien-quan`, ...implied };
  if (c.place !== undefined && isBelow(c.level, index.level)) return { id: `${base}-${asciiSlug(c.place)}` };
  const entry = index.byId.get(base);
  return entry ? { entry, ...implied } : { id: base, ...implied };
}

/**
 * The splitting rule. The cell is cut at ";", ",", line breaks and "và"; from each piece, the longest
 * run of consecutive pieces (never across ";") whose text is a dictionary name or a collective name
 * (the grammar of collectives.ts; the dictionary first for the same run) wins, so "Các cơ quan, đơn vị
 * thuộc huyện, UBND cấp xã" gives two agencies, and "Bộ phận TN&TKQ cấp huyện, các xã" and "Các
 * phòng, ban chuyên môn thuộc UBND xã" one each.
 * A piece that starts no known name is an unknown name; it takes in the pieces joined to it by "và"
 * (or by a line break before a lower-case word) up to the next piece that starts a known name.
 */
/** An alternation of words and phrases from the vocabulary, in its order. */
const anyOf = (words: string[]): string => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const NAMES = VOCABULARY.names;
/** Words that open an office's name: a piece that starts with one is a name of its own, not the tail of the name before. */
const HEADS = new RegExp(`^(?:${anyOf(NAMES.heads)})(?![\\p{L}])`, 'u');
/** The offices whose names may hold a comma ("Vụ Kế hoạch, Tài chính", "Cục Xuất bản, In và Phát hành"). */
const COMMA_NAMED = new RegExp(`^(?:${anyOf(NAMES.commaNamed)})\\s`, 'u');
/** Words after a name that qualify the task rather than name an agency: "… với các tiêu chuẩn, quy chuẩn". */
const QUALIFIER = new RegExp(`\\s+(?:${anyOf(NAMES.qualifiers)})\\s[^;\\n]*`, 'gu');
/** "Các Cục: Di sản văn hóa, Bản quyền tác giả": one kind of office, then its names. */
const ENUMERATION = new RegExp(`(^|[;\\n]\\s*)(?:các\\s+)?(${anyOf(NAMES.enumerated)})\\s*:\\s*([^;\\n]+)`, 'giu');
/**
 * The cell as a list of names: parenthesised remarks and qualifiers dropped, enumerations written out
 * ("Các Cục: A, B" → "Cục A; Cục B"), and a sentence break read as a separator.
 */
export function prepareCell(cell: string): string {
  let s = cell.replace(/\s*\([^()]*\)/gu, ' ');
  s = s.replace(QUALIFIER, '');
  // "Thủ trưởng các sở, ban, ngành", "Sở Nội vụ chủ trì": the agency is named, not its head or its role.
  s = s.replace(/(^|[;,\n]\s*)(?:Thủ trưởng|Người đứng đầu|Lãnh đạo)\s+(?=\p{L})/gu, '$1');
  s = s.replace(/\s+(?:chủ trì|phối hợp|thực hiện|tham mưu|thường trực)(?=\s*(?:[;,.\n]|$))/gu, '');
  s = s.replace(ENUMERATION, (_m, lead: string, kind: string, names: string) => {
    const head = kind[0]!.toLocaleUpperCase('vi') + kind.slice(1).toLocaleLowerCase('vi');
    const list = names
      .split(/\s*,\s*|\s+và\s+/u)
      .map((n) => squash(n).replace(/[.\s]+$/u, ''))
      .filter((n) => n !== '');
    return lead + list.map((n) => `${head} ${n}`).join('; ');
  });
  // "Bộ Nội vụ. Các bộ, ngành …": a full stop before a capital ends a name (not in "TP. Hồ Chí Minh").
  s = s.replace(/(?<!(?:^|\s)(?:TP|Tp|T\.P|TT|Th\.S|TS|ThS))\.\s+(?=\p{Lu})/gu, '; ');
  return s;
}

export function splitAgencies(cell: string, index: DictIndex): NamePart[] {
  const ps = pieces(prepareCell(cell));
  const out: NamePart[] = [];
  const groupEnd = (i: number) => {
    let j = i;
    while (j < ps.length - 1 && ps[j]!.sep !== ';') j++;
    return j;
  };
  const longest = (i: number): { end: number; match: Match } | undefined => {
    for (let j = groupEnd(i); j >= i; j--) {
      const entry = index.byKey.get(matchKey(join(ps, i, j)));
      if (entry) return { end: j, match: { entry } };
      const c = collective(join(ps, i, j, true), index);
      if (c) return { end: j, match: c };
    }
    return undefined;
  };
  let i = 0;
  while (i < ps.length) {
    const found = longest(i);
    if (found) {
      out.push({ name: join(ps, i, found.end), ...found.match });
      i = found.end + 1;
      continue;
    }
    let k = i;
    const end = groupEnd(i);
    while (k < end) {
      const sep = ps[k]!.sep;
      const next = ps[k + 1]!.text;
      // "Vụ Kế hoạch, Tài chính": after a vụ, cục … a piece that opens no name of its own goes on with the name.
      const commaName = sep === ',' && COMMA_NAMED.test(ps[i]!.text) && /^\p{Lu}/u.test(next) && !HEADS.test(next);
      const glued = sep === 'và' || (sep === '\n' && startsLowerCase(next)) || commaName;
      if (!glued || longest(k + 1)) break;
      k++;
    }
    out.push({ name: join(ps, i, k) });
    i = k + 1;
  }
  return out;
}

/** Past this many characters an id spelled out word by word stops being quicker to read than initials. */
const MAX_SPELLED = 20;

const LEVEL_SUFFIXES: string[] = VOCABULARY.levelWords.idSuffixes;

/**
 * A readable ASCII id for a name the dictionary lacks, its level word kept at the end: short names
 * spelled out ("Bưu điện huyện" → buu-dien-huyen), long ones by their initials with abbreviations and
 * numbers kept whole ("Tổ công nghệ số cộng đồng" → tcnscd, "Chi cục Thuế khu vực XIV" → cctkv-xiv).
 */
export function idForName(name: string, taken: ReadonlySet<string>): string {
  let words = squash(name.replace(/[^\p{L}\p{N}&]+/gu, ' ')).split(' ').filter(Boolean);
  let suffix = '';
  const lower = words.map((w) => w.toLocaleLowerCase('vi'));
  for (const w of LEVEL_SUFFIXES) {
    const n = w.split(' ').length;
    if (words.length > n && lower.slice(-n).join(' ') === w) {
      suffix = foldAscii(w).replace(/ /g, '-');
      words = words.slice(0, -n);
      break;
    }
  }
  const slug = (w: string) => foldAscii(w).replace(/[^a-z0-9]+/g, '');
  let core = words.map(slug).filter(Boolean).join('-');
  if (core.length > MAX_SPELLED) {
    const chunks: string[] = [];
    let initials = '';
    for (const w of words) {
      const abbreviation = /\d/u.test(w) || (w.length > 1 && w === w.toLocaleUpperCase('vi') && /\p{L}/u.test(w));
      if (abbreviation) {
        if (initials) chunks.push(initials);
        initials = '';
        chunks.push(slug(w));
      } else initials += slug(w).slice(0, 1);
    }
    if (initials) chunks.push(initials);
    core = chunks.filter(Boolean).join('-');
  }
  let id = [core, suffix].filter(Boolean).join('-') || 'co-quan';
  if (/^\d/.test(id)) id = `cq-${id}`;
  return uniqueId(id, taken);
}

/** `id`, or `id-2`, `id-3` … where it is taken. */
function uniqueId(id: string, taken: ReadonlySet<string>): string {
  let unique = id;
  for (let n = 2; taken.has(unique); n++) unique = `${id}-${n}`;
  return unique;
}

/**
 * The level whose own offices the table names most: a bare table says nothing else about its issuer.
 * A collective that writes no level ("Các cơ quan, đơn vị") does not count. Undefined when no cell
 * names an office of any level.
 */
export function inferLevel(cells: string[]): LocalLevel | undefined {
  let best: { level: LocalLevel; score: number } | undefined;
  for (const level of ['district', 'commune', 'province'] as const) {
    const index = buildIndex(level);
    let score = 0;
    for (const cell of cells) for (const p of splitAgencies(cell, index)) if (p.entry?.home === level && !p.implied) score++;
    if (score > 0 && (!best || score > best.score)) best = { level, score };
  }
  return best?.level;
}

interface Seen {
  id: string;
  entry?: DictEntry;
  spellings: string[];
  line: number;
}

/** Resolves the agency cells of one plan and declares every agency they name, with the collectives' members. */
export class AgencyResolver {
  private readonly index: DictIndex;
  private readonly byName = new Map<string, Seen>();
  private readonly byId = new Map<string, Seen>();
  private readonly taken: Set<string>;

  constructor(
    level: LocalLevel,
    private readonly district: DistrictData | undefined,
    own: DictEntry[] = [],
  ) {
    this.index = buildIndex(level, district, own);
    this.taken = new Set(this.index.entries.map((e) => e.id));
  }

  /** The ids a cell names, in its order. */
  resolve(cell: string, line: number): string[] {
    return splitAgencies(cell, this.index).map((part) => {
      // Spellings of one collective the dictionary lacks ("Các cơ quan, đơn vị (có) liên quan") meet under its id.
      const key = part.entry ? `=${part.entry.id}` : part.id ? `#${part.id}` : matchKey(part.name);
      let seen = this.byName.get(key);
      if (!seen) {
        const id = part.entry?.id ?? (part.id ? uniqueId(part.id, this.taken) : idForName(part.name, this.taken));
        this.taken.add(id);
        seen = this.byId.get(id) ?? { id, spellings: [], line };
        if (part.entry) seen.entry = part.entry;
        this.byName.set(key, seen);
        this.byId.set(id, seen);
      }
      if (!seen.spellings.includes(part.name)) seen.spellings.push(part.name);
      return seen.id;
    });
  }

  /** The `agencies` mapping, in dictionary order then unknown names in order of appearance, and what to review. */
  declarations(): {
    agencies: Record<string, AgencyFile>;
    unknown: { id: string; name: string; line: number }[];
    /** Collectives of communes whose communes the dictionary does not know. */
    memberless: string[];
    warnings: ImportMessage[];
  } {
    const memberless: string[] = [];
    const warnings: ImportMessage[] = [];
    const entryById = new Map<string, DictEntry>();
    for (const e of this.index.entries) if (!entryById.has(e.id)) entryById.set(e.id, e);
    const communes = this.district ? communeEntries(this.district).map((e) => e.id) : undefined;
    const membersOf = (e: DictEntry): string[] | undefined =>
      e.members === 'communes' ? communes : e.members;

    // Everything named, and every member of a collective named, directly or through another collective.
    const declared = new Set<string>();
    const visit = (id: string) => {
      if (declared.has(id)) return;
      declared.add(id);
      const e = this.byId.get(id)?.entry ?? entryById.get(id);
      if (!e) {
        if (!this.byId.has(id)) throw new Error(`agency dictionary: member ${id} has no entry at level ${this.index.level}`);
        return;
      }
      for (const m of membersOf(e) ?? []) visit(m);
    };
    for (const id of this.byId.keys()) visit(id);

    const agencies: Record<string, AgencyFile> = {};
    const known = this.index.entries.filter((e, k, all) => declared.has(e.id) && all.findIndex((x) => x.id === e.id) === k);
    for (const e of known) {
      const seen = this.byId.get(e.id);
      const aliases = [...(e.aliases ?? [])];
      for (const s of seen?.spellings ?? []) if (s !== e.name && !aliases.includes(s)) aliases.push(s);
      const a: AgencyFile = { name: e.name };
      if (aliases.length > 0) a.aliases = aliases;
      const members = membersOf(e);
      if (members) a.members = members;
      else if (e.members === 'communes') {
        memberless.push(e.id);
        warnings.push(warning(seen?.line ?? 1, msg('imp.w.communes', { name: e.name, id: e.id }), msg('imp.w.communes.hint', { id: e.id })));
      }
      agencies[e.id] = a;
    }
    const unknown: { id: string; name: string; line: number }[] = [];
    for (const seen of this.byId.values()) {
      if (seen.entry) continue;
      const [name, ...others] = seen.spellings;
      const a: AgencyFile = { name: name! };
      if (others.length > 0) a.aliases = others;
      agencies[seen.id] = a;
      unknown.push({ id: seen.id, name: name!, line: seen.line });
      warnings.push(warning(seen.line, msg('imp.w.newAgency', { name: name!, id: seen.id }), msg('imp.w.newAgency.hint')));
    }
    return { agencies, unknown, memberless, warnings };
  }
}
