// Document numbers and symbols ("số, ký hiệu", Nghị định 30/2020/NĐ-CP) and the citations that carry them.
import { editDistance } from './text.js';
import { symbolReasonEn, type SymbolWhy } from '../messages/symbol-reasons.js';
import { fm, type FindingText } from '../messages/findings.js';

/**
 * Type abbreviations of administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục III): nghị quyết, quyết định,
 * chỉ thị, quy chế, quy định, thông cáo, thông báo, hướng dẫn, chương trình, kế hoạch, phương án, đề án, dự án, báo
 * cáo, biên bản, tờ trình, hợp đồng, công điện, bản ghi nhớ, bản thỏa thuận, giấy ủy quyền, giấy mời, giấy giới
 * thiệu, giấy nghỉ phép, phiếu gửi, phiếu chuyển, phiếu báo. A công văn has none.
 */
export const ADMIN_TYPES = [
  'NQ', 'QĐ', 'CT', 'QC', 'QyĐ', 'TC', 'TB', 'HD', 'CTr', 'KH', 'PA', 'ĐA', 'DA', 'BC', 'BB', 'TTr', 'HĐ', 'CĐ',
  'BGN', 'BTT', 'GUQ', 'GM', 'GGT', 'GNP', 'PG', 'PC', 'PB',
];
/** Types of legal normative documents: nghị định, thông tư (liên tịch), nghị quyết liên tịch, pháp lệnh, luật, lệnh, sắc lệnh. */
export const LEGAL_TYPES = ['NĐ', 'TT', 'TTLT', 'NQLT', 'PL', 'L', 'SL', 'QĐ', 'NQ', 'CT'];
const TYPES = new Set([...ADMIN_TYPES, ...LEGAL_TYPES]);
const TYPE_BY_UPPER = new Map([...TYPES].map((t) => [t.toUpperCase(), t]));
/** Mixed-case tokens that are correct as written. */
const MIXED = ['QyĐ', 'CTr', 'TTr', 'TTg'];
/**
 * Issuers that stand last in a typed symbol (QĐ-UBND, NĐ-CP, QĐ-TTg) and first in a công văn's (UBND-NC, VPCP-KSTT,
 * TTg-KSTT), never as the drafting unit: after a first part that is no type, they show a type that is unknown.
 */
const ISSUERS = new Set([
  'CP', 'TTg', 'VPCP', 'UBND', 'HĐND', 'QH', 'UBTVQH', 'CTN', 'TANDTC', 'VKSNDTC', 'KTNN', 'NHNN', 'TTCP', 'UBDT',
  'BNV', 'BTC', 'BTP', 'BYT', 'BCA', 'BQP', 'BNG', 'BKHĐT', 'BTTTT', 'BGDĐT', 'BNNPTNT', 'BLĐTBXH', 'BXD', 'BGTVT',
  'BCT', 'BTNMT', 'BVHTTDL', 'BKHCN',
]);
/** Whether a first part names an issuer, as a công văn's does: one of ISSUERS, or an office (VP-UBND: Văn phòng UBND). */
function issuerFirst(part: string): boolean {
  return ISSUERS.has(part) || /^VP/u.test(part);
}

/** Laws, and resolutions of the National Assembly or its Standing Committee, are numbered by the issuer and its term alone: 59/2020/QH14. */
const ASSEMBLY = /^(?:QH|UBTVQH)\d{1,2}$/u;

export interface Symbol {
  number: string;
  year?: string;
  /** The part after the number (and year): KH-UBND, NĐ-CP, VPCP-KSTT. */
  code: string;
  type?: string;
}

const SEGMENT = /^(?:[A-ZĐ0-9&]+|QyĐ|CTr|TTr|TTg)$/u;

/** A part as a symbol writes it: capitals, but for the few mixed-case tokens (ttg → TTg, qyđ → QyĐ). */
function capitalised(part: string): string {
  const upper = part.toUpperCase();
  return MIXED.find((x) => x.toUpperCase() === upper) ?? upper;
}

/**
 * The type a first part was meant to be: QD → QĐ, ND → NĐ (a D for Đ); with `near`, also a type one letter off (KHH →
 * KH), which is only a guess for a part already known not to be an issuer (CAT, công an tỉnh, is one letter off CT).
 */
function meantType(part: string, near = false): string | undefined {
  if (TYPES.has(part)) return part;
  // Đ typed as D: every D of the part that, turned into Đ, makes a known type (in any case: QYD → QyĐ).
  const upper = part.toUpperCase();
  const variants = [upper, ...[...upper].flatMap((ch, i) => (ch === 'D' ? [upper.slice(0, i) + 'Đ' + upper.slice(i + 1)] : [])), upper.replace(/D/g, 'Đ')];
  const dj = variants.map((v) => TYPE_BY_UPPER.get(v)).find((t) => t !== undefined);
  if (dj || !near) return dj;
  const close = [...TYPES].filter((t) => t.length >= 2 && part.length >= 2 && editDistance(t.toUpperCase(), part) === 1);
  return close.length === 1 ? close[0] : undefined;
}

/** `reason` is English, `why` the reason as data (a refusal of `--ref` says it), `said` the same for a finding of check. */
type Parsed = { ok: true; symbol: Symbol } | { ok: false; reason: string; why: SymbolWhy; said: FindingText; suggestion?: string };

/** The reason as a finding's catalogue entry. */
function saidOf(w: SymbolWhy): FindingText {
  switch (w.why) {
    case 'noSlash': return fm('reason.noSlash');
    case 'noNumber': return fm('reason.noNumber');
    case 'notNumber': return fm('reason.notWhole');
    case 'noCode': return fm('reason.noSymbol');
    case 'emptyPart': return fm('reason.emptyPart');
    case 'legalNeedsType': return fm('reason.legalParts');
    case 'notWritten': return fm('reason.case', { parts: w.parts.map((p) => `"${p}"`).join(' and '), n: w.parts.length });
    case 'typeMeant': return fm('reason.typeMeant', { type: w.type, meant: w.meant, name: w.name });
    case 'notLegalType': return fm('reason.notLegalType', { type: w.type });
    case 'notType': return fm('reason.notType', { type: w.type });
  }
}

function malformed(why: SymbolWhy, suggestion?: string): Parsed {
  return { ok: false, reason: symbolReasonEn(why), why, said: saidOf(why), ...(suggestion !== undefined ? { suggestion } : {}) };
}

/** Parses a symbol; returns a reason instead when it is malformed, and the symbol it was likely meant to be. */
export function parseSymbol(s: string): Parsed {
  const text = s.normalize('NFC').trim();
  // The Party's documents write NUMBER-TYPE/ISSUER (Hướng dẫn 36-HD/VPTW): 57-NQ/TW, 02-KH/BCĐTW, 15-CT/TU.
  const party = /^(\d+)-([\p{L}]+)\/([\p{L}\d]+(?:-[\p{L}\d]+)*)$/u.exec(text);
  if (party) {
    const [, number = '', type = '', issuer = ''] = party;
    if ([type, ...issuer.split('-')].every((p) => SEGMENT.test(p))) {
      const sym: Symbol = { number, code: `${type}/${issuer}` };
      if (TYPES.has(type) || type === 'KL') sym.type = type;
      return { ok: true, symbol: sym };
    }
  }
  const m = /^(\d*)\/(?:(\d{4})\/)?(.*)$/u.exec(text);
  if (!m) return malformed({ why: 'noSlash' });
  const [, number = '', year, code = ''] = m;
  if (number === '') return malformed({ why: 'noNumber' });
  if (!/^[1-9]\d*$|^0\d+$/.test(number)) return malformed({ why: 'notNumber' });
  if (code === '') return malformed({ why: 'noCode' });
  const parts = code.split('-');
  if (parts.some((p) => p === '')) return malformed({ why: 'emptyPart' });
  const head = `${number}/${year ? year + '/' : ''}`;
  const bad = parts.filter((p) => !SEGMENT.test(p));
  if (bad.length) {
    // Every part in capitals (12/qđ-ubnd → 12/QĐ-UBND), and the type as it was meant (12/qd-ubnd → 12/QĐ-UBND).
    const fixed = parts.map(capitalised);
    const first = meantType(fixed[0]!);
    if (first && (year || parts.length > 1) && !issuerFirst(fixed[0]!)) fixed[0] = first;
    return malformed({ why: 'notWritten', parts: bad }, head + fixed.join('-'));
  }
  const type = parts[0]!;
  if (year) {
    if (parts.length === 1) {
      if (ASSEMBLY.test(type)) return { ok: true, symbol: { number, year, code } };
      return malformed({ why: 'legalNeedsType' });
    }
    if (!TYPES.has(type)) return unknownType(type, parts, head, true);
  } else if (parts.length > 1 && !TYPES.has(type) && !issuerFirst(type)) {
    // A công văn is ISSUER-UNIT (1050/UBND-NC); an issuer after a part that is no type is a type gone wrong (12/XX-UBND).
    if (meantType(type) !== undefined || parts.slice(1).some((p) => ISSUERS.has(p))) return unknownType(type, parts, head, false);
  }
  const sym: Symbol = { number, code };
  if (year) sym.year = year;
  if (TYPES.has(type)) sym.type = type;
  return { ok: true, symbol: sym };
}

function unknownType(type: string, parts: string[], head: string, legal: boolean): Parsed {
  const meant = meantType(type, true);
  if (meant) return malformed({ why: 'typeMeant', type, meant, name: describeType(meant) }, head + [meant, ...parts.slice(1)].join('-'));
  return malformed({ why: legal ? 'notLegalType' : 'notType', type });
}

const TYPE_NAMES: Record<string, string> = {
  NQ: 'nghị quyết', QĐ: 'quyết định', CT: 'chỉ thị', QC: 'quy chế', QyĐ: 'quy định', TC: 'thông cáo', TB: 'thông báo',
  HD: 'hướng dẫn', CTr: 'chương trình', KH: 'kế hoạch', PA: 'phương án', ĐA: 'đề án', DA: 'dự án', BC: 'báo cáo',
  BB: 'biên bản', TTr: 'tờ trình', HĐ: 'hợp đồng', CĐ: 'công điện', BGN: 'bản ghi nhớ', BTT: 'bản thỏa thuận',
  GUQ: 'giấy ủy quyền', GM: 'giấy mời', GGT: 'giấy giới thiệu', GNP: 'giấy nghỉ phép', PG: 'phiếu gửi',
  PC: 'phiếu chuyển', PB: 'phiếu báo', NĐ: 'nghị định', TT: 'thông tư', TTLT: 'thông tư liên tịch',
  NQLT: 'nghị quyết liên tịch', PL: 'pháp lệnh', L: 'lệnh', SL: 'sắc lệnh',
};

function describeType(t: string): string {
  return TYPE_NAMES[t] ?? 'a document type';
}

export interface Citation {
  /** The whole citation as written. */
  text: string;
  kind: string;
  symbol: string;
  /** ISO date, where the citation gives a valid one. */
  date?: string;
  issuer?: string;
  /** Offset of the symbol in the text searched. */
  offset: number;
}

const KINDS = 'Quyết định|Kế hoạch|Nghị định|Nghị quyết|Thông tư liên tịch|Thông tư|Chỉ thị|Công văn|Văn bản|Hướng dẫn|Thông báo|Báo cáo|Luật|Chương trình|Đề án|Phương án|Tờ trình';
const DATE = String.raw`(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`;
const CITATION = new RegExp(
  String.raw`(${KINDS})\s+số\s+([^\s,;()]*\/[^\s,;()]*?)(?=[\s,;()]|\.(?:\s|$)|$)(?:\s+ngày\s+(?:${DATE}))?(?:\s+của\s+((?:(?!\s+(?:về|năm|tại|theo|và|đến)(?:\s|$))[^,;.()\n\t])+))?`,
  'giu',
);

/** The word the pattern needs after a kind of document, as it matches it (any case). */
const SO = /số\s/iu;

function pad(n: string): string {
  return n.padStart(2, '0');
}

/** Finds "Kế hoạch số 157/KH-UBND ngày 14/12/2022 của UBND huyện" and the like in a text. */
export function findCitations(text: string): Citation[] {
  const out: Citation[] = [];
  // Every citation has a symbol with a '/' (no composition makes or takes one) and the word "số": most of a plan's
  // texts have neither, and the full pattern, tried at each letter, is the costliest part of checking them.
  if (!text.includes('/')) return out;
  const nfc = text.normalize('NFC');
  if (!SO.test(nfc)) return out;
  for (const m of nfc.matchAll(CITATION)) {
    const [whole, kind = '', symbol = '', d1, m1, y1, d2, m2, y2, issuer] = m;
    const c: Citation = { text: whole.trim(), kind, symbol, offset: (m.index ?? 0) + whole.indexOf(symbol) };
    const d = d1 ?? d2;
    const mo = m1 ?? m2;
    const y = y1 ?? y2;
    if (d && mo && y) c.date = `${y}-${pad(mo)}-${pad(d)}`;
    if (issuer) c.issuer = issuer.trim();
    out.push(c);
  }
  return out;
}
