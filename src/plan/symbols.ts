// Document numbers and symbols ("số, ký hiệu", Nghị định 30/2020/NĐ-CP) and the citations that carry them.

/** Type abbreviations of administrative documents, and those of legal normative documents. */
export const ADMIN_TYPES = [
  'NQ', 'QĐ', 'CT', 'QC', 'QyĐ', 'TC', 'TB', 'HD', 'CTr', 'KH', 'PA', 'ĐA', 'DA', 'BC', 'BB', 'TTr', 'HĐ', 'CĐ',
  'BGN', 'BTT', 'GUQ', 'GM', 'GGT', 'GNP', 'PG', 'PC', 'PB',
];
export const LEGAL_TYPES = ['NĐ', 'TT', 'TTLT', 'NQLT', 'PL', 'L', 'QĐ', 'NQ', 'CT', 'QH', 'UBTVQH', 'NQ-HĐND', 'QĐ-UBND'];
/** Mixed-case tokens that are correct as written. */
const MIXED = new Set(['QyĐ', 'CTr', 'TTr', 'TTg']);

export interface Symbol {
  number: string;
  year?: string;
  /** The part after the number (and year): KH-UBND, NĐ-CP, VPCP-KSTT. */
  code: string;
  type?: string;
}

const SEGMENT = /^(?:[A-ZĐ0-9&]+|QyĐ|CTr|TTr|TTg)$/u;

/** Parses a symbol; returns a reason instead when it is malformed. */
export function parseSymbol(s: string): { ok: true; symbol: Symbol } | { ok: false; reason: string; suggestion?: string } {
  const text = s.normalize('NFC').trim();
  const m = /^(\d*)\/(?:(\d{4})\/)?(.*)$/u.exec(text);
  if (!m) return { ok: false, reason: 'it has no "/" between the number and the symbol' };
  const [, number = '', year, code = ''] = m;
  if (number === '') return { ok: false, reason: 'the number before "/" is missing' };
  if (!/^[1-9]\d*$|^0\d+$/.test(number)) return { ok: false, reason: 'the number is not a whole number' };
  if (code === '') return { ok: false, reason: 'the symbol after "/" is missing' };
  const parts = code.split('-');
  if (parts.some((p) => p === '')) return { ok: false, reason: 'it has an empty part between dashes' };
  const bad = parts.find((p) => !SEGMENT.test(p));
  if (bad) {
    const upper = bad.toUpperCase();
    const fixed = [...MIXED].find((x) => x.toUpperCase() === upper) ?? upper;
    return {
      ok: false,
      reason: `"${bad}" is not written as a symbol is (capital letters, with only QyĐ, CTr, TTr and TTg in mixed case)`,
      suggestion: `${number}/${year ? year + '/' : ''}${parts.map((p) => (p === bad ? fixed : p)).join('-')}`,
    };
  }
  const type = parts[0]!;
  if (year && parts.length < 2) return { ok: false, reason: 'a legal document\'s symbol needs a type and an issuer, e.g. 107/2021/NĐ-CP' };
  const sym: Symbol = { number, code };
  if (year) sym.year = year;
  if (ADMIN_TYPES.includes(type) || LEGAL_TYPES.includes(type)) sym.type = type;
  return { ok: true, symbol: sym };
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

function pad(n: string): string {
  return n.padStart(2, '0');
}

/** Finds "Kế hoạch số 157/KH-UBND ngày 14/12/2022 của UBND huyện" and the like in a text. */
export function findCitations(text: string): Citation[] {
  const out: Citation[] = [];
  for (const m of text.normalize('NFC').matchAll(CITATION)) {
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
