// The plan's text around the appendix table: heading, "Căn cứ", sections I–IV, recipients, signature, appendix caption.
import { warning, type ImportMessage } from './errors.js';
import { msg } from '../messages/index.js';
import { isUpperText, parseViDate, placeFromUpper, squash, startsLowerCase } from './text.js';

export interface Para {
  text: string;
  /** 1-based line where the paragraph starts. */
  line: number;
  /** 0-based index of the line after its last. */
  end: number;
}

export interface BasisPart {
  text: string;
  ref: string;
  date: string;
  issuer: string;
}

export type OrgItem = string | { text: string; items?: string[] };

export interface PlanNumber {
  number: string | null;
  symbol?: string;
  date: string | null;
  line: number;
}

export interface DocParts {
  /** Who issues the plan, with where it was read. */
  issuer?: { text: string; line: number };
  number?: PlanNumber;
  /** The kind of document the caption names: Kế hoạch, Quyết định, Chương trình … */
  kind?: string;
  /** The caption writes the number as the Party does: 02-KH/BCĐTW. */
  partySymbol?: boolean;
  title?: Para;
  bases: BasisPart[];
  intro?: string;
  purposes?: { aims: string[]; requirements: string[] };
  content?: string[];
  contentNote?: string;
  funding?: string;
  organisation?: OrgItem[];
  closing?: string;
  recipients?: string[];
  signature?: { for: string[]; name: string };
  appendix?: { title: string; caption?: string; line: number };
  /** Where a year was written in the title, the caption or the appendix title, in that order of trust. */
  years: { year: number; line: number }[];
  warnings: ImportMessage[];
}

const BULLET = /^[-–+•]\s*(\S.*)$/u;
const NUMBERED = /^(\d+)[.)]\s*(\S.*)$/u;
const BODY_HEADING = /^([IVX]+)\.\s*(\S.*)$/u;
const LIST_LETTER = /^\p{Ll}\)\s/u;

/**
 * The paragraphs of lines [from, to): one per line, tabs read as spaces. A PDF page break leaves a
 * blank line inside a sentence; a line starting in lower case (other than "a) …") therefore
 * continues the paragraph before it, joined with a space.
 */
export function paragraphs(lines: string[], from: number, to: number): Para[] {
  const out: Para[] = [];
  for (let i = from; i < to; i++) {
    const t = squash(lines[i]!);
    if (t === '' || /^[\s_\-–—=*.]+$/u.test(t)) continue;
    const last = out[out.length - 1];
    if (last && startsLowerCase(t) && !LIST_LETTER.test(t)) {
      last.text = `${last.text} ${t}`;
      last.end = i + 1;
    } else out.push({ text: t, line: i + 1, end: i + 1 });
  }
  return out;
}

function stripBullet(s: string): string {
  return BULLET.exec(s)?.[1] ?? s;
}

const ISSUER_OF_SYMBOL: [RegExp, string][] = [
  [/-TTg$/u, 'Thủ tướng Chính phủ'],
  [/-VPCP$|\/VPCP-/u, 'Văn phòng Chính phủ'],
  [/-CP$/u, 'Chính phủ'],
  [/\/QH\d*$/u, 'Quốc hội'],
];

const DATE_IN_TEXT = /ngày\s+(\d{1,2})\s*(?:[/.-]\s*(\d{1,2})\s*[/.-]|\s+tháng\s+(\d{1,2})\s+năm)\s*(\d{4})/u;
const REF_IN_TEXT = /(?<![\p{L}\d])số\s*:?\s*(\d+[\p{L}\d]*(?:\/[\p{L}\d]+(?:[-–][\p{L}\d]+)*)+)/u;
const ISSUER_AFTER_DATE =
  /^\s*(?:của|do)\s+(.+?)(?=\s+(?:về|ban hành|quy định|hướng dẫn|sửa đổi|phê duyệt|triển khai|thực hiện|công bố|tại)(?![\p{L}])|\s*[,;.]?\s*$)/u;

/** One citation of "Căn cứ": its number and symbol, date and issuer as written. */
export function parseBasis(text: string): { basis?: BasisPart; problem?: string; why?: 'noDate' | 'noIssuer' } {
  const refM = REF_IN_TEXT.exec(text);
  const ref = refM?.[1] ?? '';
  const after = refM ? text.slice(refM.index + refM[0].length) : text;
  const dm = DATE_IN_TEXT.exec(after);
  if (!dm) return { problem: 'it has no date, and the plan format needs one', why: 'noDate' };
  const [, d, m1, m2, y] = dm;
  const date = `${y}-${(m1 ?? m2)!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const rest = after.slice(dm.index + dm[0].length);
  let issuer = ISSUER_AFTER_DATE.exec(rest)?.[1]?.trim();
  if (!issuer && /^(Bộ\s+)?Luật(?![\p{L}])/u.test(text)) issuer = 'Quốc hội';
  if (!issuer && ref) issuer = ISSUER_OF_SYMBOL.find(([re]) => re.test(ref))?.[1] ?? ref.split('-').pop();
  if (!issuer) return { problem: 'it names no issuer ("của …")', why: 'noIssuer' };
  return { basis: { text, ref, date, issuer } };
}

/** "(… Kế hoạch số 12/KH-UBND ngày 15/01/2026 của …)": the plan's number, symbol and date, each possibly blank. */
const PLAN_REF =
  /(Kế hoạch|Quyết định|Chương trình|Nghị quyết|Chỉ thị|Đề án|Công văn|Thông báo|Kết luận)\s+số\s*:?\s*(\d*)\s*([/-])\s*([\p{L}\d]+(?:[-–/][\p{L}\d]+)*)\s*(?:ngày\s*(.*?)\s*)?(?:của\s.*)?\)?\s*$/u;

function expandUbnd(s: string): string {
  return s.replace(/^UBND(?=\s)/u, 'Ủy ban nhân dân');
}

function cellsOf(line: string): string[] {
  return line.split('\t').map(squash).filter((c) => c !== '');
}

/** The years a title names ("năm 2026"), not those of a date in it ("ngày 27 tháng 11 năm 2025"). */
function yearsIn(s: string): number[] {
  return [...s.matchAll(/(?<!tháng\s*\d{1,2}\s*)năm\s+(\d{4})/giu)].map((m) => Number(m[1]));
}

/** "giai đoạn 2026-2030", "2026 – 2030" in a title: a plan over several years. */
export function spanIn(s: string): { first: number; last: number } | undefined {
  const m = /(?<![\d/])((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?![\d/])/u.exec(s);
  if (!m) return undefined;
  const first = Number(m[1]);
  const last = Number(m[2]);
  return first < last ? { first, last } : undefined;
}

/** The lines of the signature block above the name: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH" … */
const SIGNATURE_LINE =
  /^(?:(?:TM|T\/M|KT|TL|TUQ|Q)\.\s*\S.*|(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|TRƯỞNG PHÒNG|BÍ THƯ))$/u;

/**
 * What starts a part of the document that no table cell starts: "Nơi nhận", a line of the signature
 * block (in any column: Word puts it beside the recipients), or the heading of another part
 * ("PHỤ LỤC …", "KẾ HOẠCH").
 */
export function closingPart(line: string): 'recipients' | 'signature' | 'heading' | undefined {
  const cells = cellsOf(line);
  const first = cells[0];
  if (first === undefined) return undefined;
  if (/^Nơi nhận(?![\p{L}])/iu.test(first)) return 'recipients';
  if (cells.some((c) => isUpperText(c) && SIGNATURE_LINE.test(c))) return 'signature';
  if (cells.length === 1 && (/^PHỤ LỤC(?![\p{L}])/u.test(first) || /^KẾ HOẠCH$/u.test(first))) return 'heading';
  return undefined;
}

function excerpt(s: string): string {
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

/**
 * Parses the plan's text: lines [0, end) above the table and, where the table ends before the input
 * does, lines [after, …) below it. Below the table, the text up to "Nơi nhận" or the signature goes on
 * with the body when the table stands in it (II. Nội dung … III. Kinh phí …), and is left out with a
 * warning when the table is an appendix; "Nơi nhận" and the signature are read where the text above
 * the table has none; another part ("PHỤ LỤC II") is left out with a warning.
 */
export function parseDocument(lines: string[], end: number, after = lines.length): DocParts {
  const out: DocParts = { bases: [], years: [], warnings: [] };
  const first = (re: RegExp, from = 0) => {
    for (let i = from; i < end; i++) if (re.test(cellsOf(lines[i]!)[0] ?? '')) return i;
    return -1;
  };
  const iPlan = first(/^KẾ HOẠCH$/u);
  const iRecipients = first(/^Nơi nhận\s*:?/iu, Math.max(iPlan, 0));
  const iAppendix = first(/^PHỤ LỤC(\s+[\dIVX]+)?\s*:?$/u, Math.max(iPlan, 0));
  const bodyEnd = Math.min(...[iRecipients, iAppendix, end].filter((i) => i >= 0));

  // Below the table: its text, then the closing parts, then maybe another part of the document.
  let iNext = -1;
  let iClose = -1;
  for (let i = after; i < lines.length && iNext < 0; i++) {
    const part = closingPart(lines[i]!);
    if (part === 'heading') iNext = i;
    else if (part && iClose < 0) iClose = i;
  }
  const textEnd = Math.min(...[iClose, iNext, lines.length].filter((i) => i >= 0));
  const below = paragraphs(lines, after, textEnd);

  if (iPlan > 0) readLetterhead(lines, iPlan, out);
  let bodyStart = 0;
  if (iPlan >= 0) bodyStart = readTitle(lines, iPlan + 1, bodyEnd, out);
  const inBody = iPlan >= 0 && bodyEnd === end;
  readBody([...paragraphs(lines, bodyStart, bodyEnd), ...(inBody ? below : [])], iPlan >= 0, out);
  if (!inBody && below.length > 0) {
    const last = below[below.length - 1]!;
    out.warnings.push(warning(below[0]!.line, msg('imp.w.after', { from: below[0]!.line, to: last.end, text: excerpt(below[0]!.text) }), msg('imp.w.after.hint')));
  }
  if (iRecipients >= 0) readRecipients(lines, iRecipients, iAppendix >= 0 ? iAppendix : end, out);
  if (iClose >= 0) {
    // Above the table they come first ("Nơi nhận" before the appendix); an appendix often repeats the signature.
    const closing: DocParts = { bases: [], years: [], warnings: [] };
    readRecipients(lines, iClose, iNext >= 0 ? iNext : lines.length, closing);
    if (!out.recipients && closing.recipients) out.recipients = closing.recipients;
    if (!out.signature) {
      if (closing.signature) out.signature = closing.signature;
      out.warnings.push(...closing.warnings);
    }
  }
  if (iNext >= 0) {
    out.warnings.push(warning(iNext + 1, msg('imp.w.otherPart', { text: excerpt(squash(lines[iNext]!)) }), msg('imp.w.otherPart.hint')));
  }
  if (iAppendix >= 0) readAppendix(lines, iAppendix, end, out);
  else if (iPlan < 0) readAppendix(lines, -1, end, out, true);

  if (out.title) for (const y of yearsIn(out.title.text)) out.years.push({ year: y, line: out.title.line });
  if (out.appendix) {
    for (const y of yearsIn(out.appendix.caption ?? '')) out.years.push({ year: y, line: out.appendix.line });
    for (const y of yearsIn(out.appendix.title)) out.years.push({ year: y, line: out.appendix.line });
  }
  return out;
}

/** The block above "KẾ HOẠCH": "ỦY BAN NHÂN DÂN / HUYỆN KON RẪY", "Số: 12/KH-UBND", "…, ngày 15 tháng 01 năm 2026". */
function readLetterhead(lines: string[], end: number, out: DocParts): void {
  let issuer: { text: string; line: number } | undefined;
  let number: PlanNumber | undefined;
  let date: string | undefined;
  for (let i = 0; i < end; i++) {
    const cells = cellsOf(lines[i]!);
    cells.forEach((cell, k) => {
      // The issuer is under its parent body ("UBND TỈNH KON TUM / UBND HUYỆN KON RẪY"): the last one wins.
      const oneLine = /^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)\s+(\S.*)$/u.exec(cell);
      if (oneLine && isUpperText(cell)) issuer = { text: `Ủy ban nhân dân ${placeFromUpper(oneLine[1]!)}`, line: i + 1 };
      if (/^(ỦY|UỶ) BAN NHÂN DÂN$/u.test(cell)) {
        for (let j = i + 1; j < end; j++) {
          const next = cellsOf(lines[j]!);
          if (next.length === 0) continue;
          const place = next[k] ?? next[0]!;
          if (isUpperText(place) && !/CỘNG HÒA|CỘNG HOÀ/u.test(place)) {
            issuer = { text: `Ủy ban nhân dân ${placeFromUpper(place)}`, line: j + 1 };
          }
          break;
        }
      }
      const sm = /^Số\s*:?\s*([^\s/]*)\s*\/\s*([\p{L}\d]+(?:[-–][\p{L}\d]+)*)/u.exec(cell);
      if (sm && !number) number = { number: sm[1] || null, symbol: sm[2]!, date: null, line: i + 1 };
      if (/ngày\s.*năm\s*\d{4}/u.test(cell) && !date) date = parseViDate(cell);
    });
  }
  if (issuer) out.issuer = issuer;
  if (number) out.number = { ...number, date: date ?? null };
}

/** The title: the paragraph after "KẾ HOẠCH" (a wrapped or page-broken title goes on in lower case); returns where the body starts. */
function readTitle(lines: string[], from: number, to: number, out: DocParts): number {
  const title = paragraphs(lines, from, to)[0];
  if (!title || /^Căn cứ(?![\p{L}])/u.test(title.text) || BODY_HEADING.test(title.text)) return from;
  out.title = title;
  return title.end;
}

type Part = 'purposes' | 'content' | 'funding' | 'organisation';

function partOf(heading: string): Part | undefined {
  if (/MỤC ĐÍCH|YÊU CẦU/u.test(heading)) return 'purposes';
  if (/NỘI DUNG/u.test(heading)) return 'content';
  if (/KINH PHÍ/u.test(heading)) return 'funding';
  if (/TỔ CHỨC THỰC HIỆN/u.test(heading)) return 'organisation';
  return undefined;
}

/** `headed`: the text has its "KẾ HOẠCH" heading, so what precedes section I is the introduction, not stray text. */
function readBody(paras: Para[], headed: boolean, out: DocParts): void {
  let part: Part | 'preamble' | 'skip' = 'preamble';
  const bases: Para[] = [];
  const intro: string[] = [];
  let target: 'aims' | 'requirements' = 'aims';
  const org: { text: string; items: string[] }[] = [];
  let numberedSeen = false;
  const closing: string[] = [];
  const funding: string[] = [];

  for (const p of paras) {
    const h = BODY_HEADING.exec(p.text);
    if (h && isUpperText(h[2]!)) {
      const next = partOf(h[2]!);
      if (!next) {
        out.warnings.push(warning(p.line, msg('imp.w.section', { text: p.text }), msg('imp.w.section.hint')));
      }
      part = next ?? 'skip';
      numberedSeen = false;
      continue;
    }
    // The closing sentence ends the text with "./." whatever section it stands in.
    if (/\/\.\s*$/u.test(p.text) && part !== 'preamble') {
      closing.push(p.text);
      continue;
    }
    switch (part) {
      case 'preamble':
        if (/^Căn cứ(?![\p{L}])/u.test(p.text)) bases.push(p);
        else intro.push(p.text);
        break;
      case 'purposes': {
        // "1. Mục đích" and "2. Yêu cầu" switch lists; every other paragraph is an item of the current one.
        const purposes = (out.purposes ??= { aims: [], requirements: [] });
        const sub = /^(?:\d+|\p{Ll})[.)]\s*(.{1,40})$/u.exec(p.text);
        if (sub && /mục đích/iu.test(sub[1]!)) target = 'aims';
        else if (sub && /yêu cầu/iu.test(sub[1]!)) target = 'requirements';
        else purposes[target].push(stripBullet(p.text));
        break;
      }
      case 'content': {
        const content = (out.content ??= []);
        const n = NUMBERED.exec(p.text);
        if (n) content.push(n[2]!);
        else if (/^\(.*\)$/u.test(p.text)) out.contentNote = p.text;
        else if (BULLET.test(p.text) && content.length > 0) content[content.length - 1] += `\n${p.text}`;
        else content.push(p.text);
        break;
      }
      case 'funding':
        funding.push(p.text);
        break;
      case 'organisation': {
        const n = NUMBERED.exec(p.text);
        const last = org[org.length - 1];
        if (n) {
          org.push({ text: n[2]!, items: [] });
          numberedSeen = true;
        } else if (BULLET.test(p.text) && last) last.items.push(stripBullet(p.text));
        else if (numberedSeen) closing.push(p.text);
        else org.push({ text: stripBullet(p.text), items: [] });
        break;
      }
      case 'skip':
        break;
    }
  }

  for (const b of bases) {
    for (const piece of b.text.split(';')) {
      const text = piece.replace(/^\s*Căn cứ\s+/u, '').replace(/[\s.;,]+$/u, '').trim();
      if (!text) continue;
      const { basis, why } = parseBasis(text);
      if (basis) out.bases.push(basis);
      else {
        out.warnings.push(warning(b.line, msg('imp.w.basis', { text, why: why ?? 'noIssuer' }), msg('imp.w.basis.hint')));
      }
    }
  }
  if (intro.length > 0 && (headed || bases.length > 0)) out.intro = intro.join('\n');
  if (!out.issuer) {
    const m = /^((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+.+?)\s+ban hành(?![\p{L}])/u.exec(
      intro[0] ?? '',
    );
    if (m) out.issuer = { text: expandUbnd(m[1]!), line: paras.find((p) => p.text === intro[0])?.line ?? 1 };
  }
  if (funding.length > 0) out.funding = funding.join('\n');
  if (org.length > 0) out.organisation = org.map((o) => (o.items.length > 0 ? { text: o.text, items: o.items } : o.text));
  if (closing.length > 0) out.closing = closing.join('\n');
}

/**
 * "Nơi nhận:" and the signature. Word puts them side by side, so a line may hold a recipient and a
 * signature line separated by a tab; on their own, a bulleted line is a recipient, an upper-case line
 * is above the signature (TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH …) and the last other line is the name.
 */
function readRecipients(lines: string[], from: number, to: number, out: DocParts): void {
  const recipients: string[] = [];
  const sign: string[] = [];
  let name: string | undefined;
  const signLine = (s: string) => {
    if (/^[([].*[)\]]$/u.test(s)) return; // "(Đã ký)", "[daky]"
    if (isUpperText(s) && name === undefined) sign.push(s);
    else if (!isUpperText(s)) name = s;
  };
  for (let i = from; i < to; i++) {
    const cells = cellsOf(lines[i]!);
    if (cells.length === 0) continue;
    // "Nơi nhận" opens the block, or follows a signature block written above it.
    const rest = cells[0]!.replace(/^Nơi nhận\s*:?\s*/iu, '');
    if (rest !== cells[0]) {
      cells[0] = rest;
      if (rest === '') {
        for (const c of cells.slice(1)) signLine(c);
        continue;
      }
    }
    if (cells.length > 1) {
      recipients.push(stripBullet(cells[0]!));
      for (const c of cells.slice(1)) signLine(c);
    } else if (BULLET.test(cells[0]!)) recipients.push(stripBullet(cells[0]!));
    else signLine(cells[0]!);
  }
  if (recipients.length > 0) out.recipients = recipients;
  if (sign.length > 0 && name) out.signature = { for: sign, name };
  else if (sign.length > 0) {
    out.warnings.push(warning(from + 1, msg('imp.w.signer'), msg('imp.w.signer.hint')));
  }
}

/** "PHỤ LỤC", its title in capitals and the caption "(Ban hành kèm theo Kế hoạch số …)". */
function readAppendix(lines: string[], from: number, to: number, out: DocParts, bare = false): void {
  const title: string[] = [];
  const caption: string[] = [];
  let inCaption = false;
  let paren = false;
  let captionLine = from + 1;
  for (let i = from + 1; i < to; i++) {
    const t = squash(lines[i]!);
    if (t === '') continue;
    if (!inCaption && caption.length === 0 && (t.startsWith('(') || /^(?:Ban hành )?kèm theo\s/iu.test(t))) {
      inCaption = true;
      paren = t.startsWith('(');
      captionLine = i + 1;
    }
    if (inCaption) {
      caption.push(t);
      if (!paren || t.endsWith(')')) inCaption = false;
    } else if (caption.length === 0) title.push(t);
  }
  // Without "PHỤ LỤC", the lines above the table are its heading only where a caption ("Kèm theo …") says so.
  if (title.length === 0 || (bare && caption.length === 0)) return;
  out.appendix = { title: title.join(' '), line: Math.max(from + 1, 1) };
  if (caption.length === 0) return;
  const cap = caption.join(' ');
  out.appendix.caption = cap;
  const by = /kèm theo.*?\scủa\s+(.+?)\s*\)?\s*$/iu.exec(cap);
  if (by) out.issuer = { text: expandUbnd(by[1]!.trim()), line: captionLine };
  const m = PLAN_REF.exec(cap);
  if (!m) return;
  const [, kind, num, sep, code, dateText] = m;
  out.kind = kind!;
  // A Party document's symbol follows its number with "-" (02-KH/BCĐTW); the plan keeps it whole as the number's symbol.
  const symbol = code!;
  if (sep === '-') out.partySymbol = true;
  const fromCaption: PlanNumber = {
    number: num ? num : null,
    symbol,
    date: (dateText && parseViDate(dateText)) || null,
    line: captionLine,
  };
  // The caption states the plan's own number; the letterhead fills in what the caption leaves blank.
  const head = out.number;
  out.number = {
    number: fromCaption.number ?? head?.number ?? null,
    symbol: fromCaption.symbol,
    date: fromCaption.date ?? head?.date ?? null,
    line: captionLine,
  };
}
