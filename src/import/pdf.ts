// Reads the text layer of a PDF as the importer's text: the task table's rows rebuilt from where the text stands on the page.
//
// A PDF keeps no cells, only pieces of text at positions. pdfjs-dist (Mozilla's PDF reader, its legacy build
// for Node) gives those pieces; they are gathered into lines by their baseline, and a line's pieces into runs
// where a gap wider than a space separates them. The table's header row ("TT", "Nội dung", "Cơ quan chủ trì",
// "Thời gian thực hiện" …) gives the columns: each column ends where its header's text ends, since a cell's
// text, left-aligned or centred, starts before the end of its header's (centred or left-aligned) and after the
// end of the header of the column before. A line with text in the first column (a row number, a section's
// numeral, a part's letter) starts a row; a line without continues the cells of the row above it (a cell
// wrapped over lines, or over a page break). The rows are written as the .docx reader writes them: cells
// separated by tabs, a cell's lines by U+2028; the lines outside the table as lines of text. A repeated
// header at the top of a page and page numbers are left out. The table ends at "Nơi nhận", the signature or
// another part of the document (see closingPart), or where the lines stop following each other closely.
import { msg, render, type Msg } from '../messages/index.js';
import { closingPart } from './document.js';
import { roleOf } from './table.js';
import { squash } from './text.js';

/** Why a PDF cannot be read: `text`/`hintText` in the run's language when printed, `message`/`hint` in English. */
export class PdfError extends Error {
  readonly hint: string;
  readonly text: Msg;
  readonly hintText: Msg;

  constructor(message: Msg, hint: Msg) {
    super(render('en', message));
    this.name = 'PdfError';
    this.hint = render('en', hint);
    this.text = message;
    this.hintText = hint;
  }
}

/** A piece of text on a page, in the page's coordinates (points, y downwards from the top). */
interface Piece {
  page: number;
  x: number;
  end: number;
  y: number;
  size: number;
  str: string;
}

/** Text of one line with no gap wider than a space in it. */
interface Run {
  x: number;
  end: number;
  text: string;
}

interface Line {
  page: number;
  y: number;
  size: number;
  /** The page's height, to tell its top and bottom margins. */
  height: number;
  runs: Run[];
}

interface PdfjsItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/** The pieces of text of every page, through pdfjs-dist, loaded here only: no other command needs it. */
async function readPieces(bytes: Uint8Array): Promise<{ pieces: Piece[]; heights: number[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: pdfjs.VerbosityLevel.ERRORS, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    if ((e as { name?: string }).name === 'PasswordException') {
      throw new PdfError(msg('imp.pdf.password'), msg('imp.pdf.password.hint'));
    }
    throw new PdfError(msg('imp.pdf.damaged'), msg('imp.pdf.damaged.hint'));
  }
  const pieces: Piece[] = [];
  const heights: number[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const view = page.getViewport({ scale: 1 });
      heights.push(view.height);
      const content = await page.getTextContent();
      for (const item of content.items as PdfjsItem[]) {
        if (!item.str || !item.transform || squash(item.str) === '') continue;
        const m = pdfjs.Util.transform(view.transform, item.transform) as number[];
        const size = Math.hypot(m[2]!, m[3]!) || item.height || 10;
        const x = m[4]!;
        pieces.push({ page: p - 1, x, end: x + (item.width ?? 0), y: m[5]!, size, str: item.str });
      }
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return { pieces, heights };
}

/**
 * Letters' widths in thousandths of an em in Times (Nghị định 30/2020/NĐ-CP has official documents set in Times New
 * Roman): where a piece's letters stand is estimated from them. A Vietnamese letter is as wide as its base letter.
 */
const TIMES: Record<string, number> = Object.fromEntries(
  [
    'a444 b500 c444 d500 e444 f333 g500 h500 i278 j278 k500 l278 m778 n500 o500 p500 q500 r333 s389 t278 u500 v500 w722 x500 y500 z444',
    'A722 B667 C667 D722 E611 F556 G722 H722 I333 J389 K722 L611 M889 N722 O722 P556 Q722 R667 S556 T611 U722 V722 W944 X722 Y722 Z611',
    '.250 ,250 :278 ;278 /278 -333 (333 )333 &778 %833',
  ]
    .join(' ')
    .split(' ')
    .map((e) => [e[0]!, Number(e.slice(1)) / 1000]),
);

function ems(ch: string): number {
  if (/\s/u.test(ch)) return 0.25;
  const c = (ch.normalize('NFD')[0] ?? ch).replace('đ', 'd').replace('Đ', 'D');
  return TIMES[c] ?? (/\d/u.test(c) ? 0.5 : 0.5);
}

/** A word of a piece, where it stands (estimated inside the piece, exact at its ends). */
interface Word {
  x: number;
  end: number;
  text: string;
  piece: number;
  /** Its place among the words of its piece. */
  k: number;
  /** The white space after it in its piece, in characters. */
  after: number;
}

/** A piece's words, placed by the widths of their letters scaled to the piece's width. */
function wordsOf(p: Piece, piece: number): Word[] {
  const chars = [...p.str];
  const total = chars.reduce((n, c) => n + ems(c), 0) || 1;
  const scale = (p.end - p.x) / total;
  const out: Word[] = [];
  let at = p.x;
  let word: Word | undefined;
  for (const c of chars) {
    const w = ems(c) * scale;
    if (/\s/u.test(c)) {
      if (out.length > 0) out[out.length - 1]!.after++;
      word = undefined;
    } else if (word) {
      word.text += c;
      word.end = at + w;
    } else {
      word = { x: at, end: at + w, text: c, piece, k: out.length, after: 0 };
      out.push(word);
    }
    at += w;
  }
  return out;
}

/**
 * A piece of one word drawn inside another piece's span (a letter of a second font subset) goes into the gap of
 * that piece nearest to it: the words on either side are moved clear of it, since their places are estimates
 * and its place is exact.
 */
function fitSingles(byPiece: Word[][]): void {
  for (const single of byPiece) {
    const g = single.length === 1 ? single[0]! : undefined;
    if (!g) continue;
    const mid = (g.x + g.end) / 2;
    for (const words of byPiece) {
      if (words.length < 2 || words === single || mid < words[0]!.x || mid > words[words.length - 1]!.end) continue;
      let best = -1;
      let distance = Infinity;
      for (let k = 0; k + 1 < words.length; k++) {
        const d = Math.abs((words[k]!.end + words[k + 1]!.x) / 2 - mid);
        if (d < distance) [best, distance] = [k, d];
      }
      for (let k = 0; k < words.length; k++) {
        const w = words[k]!;
        const width = w.end - w.x;
        if (k <= best && w.end > g.x) [w.x, w.end] = [g.x - width, g.x];
        if (k > best && w.x < g.end) [w.x, w.end] = [g.end, g.end + width];
      }
    }
  }
}

/**
 * Pieces → lines: the same page and a baseline within half a letter's height. A line's words are put in order
 * by where they stand, since a PDF may draw a line's letters in several passes (LibreOffice draws the letters of
 * a second font subset, ệ, ỉ, ả …, after the others, leaving gaps for them); a space goes between two words of
 * one piece that a space separates, and between words of different pieces that stand apart. Runs split at gaps
 * wider than two spaces, which only the margins between cells make.
 */
function toLines(pieces: Piece[], heights: number[]): Line[] {
  const sorted = [...pieces].sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
  const lines: { page: number; y: number; size: number; pieces: Piece[] }[] = [];
  for (const p of sorted) {
    const last = lines[lines.length - 1];
    if (last && last.page === p.page && Math.abs(p.y - last.y) <= 0.5 * Math.max(last.size, p.size)) {
      last.pieces.push(p);
      last.size = Math.max(last.size, p.size);
    } else lines.push({ page: p.page, y: p.y, size: p.size, pieces: [p] });
  }
  return lines.map((l) => {
    const byPiece = l.pieces.map((p, i) => wordsOf(p, i));
    fitSingles(byPiece);
    const words = byPiece.flat().sort((a, b) => a.x - b.x);
    const runs: Run[] = [];
    let prev: Word | undefined;
    for (const w of words) {
      const run = runs[runs.length - 1];
      const gap = prev ? w.x - prev.end : Infinity;
      const sameSpace = prev !== undefined && prev.piece === w.piece && prev.k + 1 === w.k;
      // Cells stand apart by their margins, two of at least a fifth of a centimetre (about 0.6 em at 12 pt).
      if (run && prev && gap <= 0.6 * l.size) {
        run.text += (sameSpace || gap > 0.2 * l.size ? ' ' : '') + w.text;
        run.end = Math.max(run.end, w.end);
      } else runs.push({ x: w.x, end: w.end, text: w.text });
      prev = w;
    }
    for (const r of runs) r.text = fixSpacing(r.text);
    return { page: l.page, y: l.y, size: l.size, height: heights[l.page] ?? 842, runs };
  });
}

const VOWEL = /[aeiouy]/u;
const base = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase();
const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'kh', 'ph', 'th', 'tr', 'b', 'c', 'd', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x'];
const CODAS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);

/** Splits a word of Vietnamese letters glued from two syllables ("thủtục" → "thủ tục"): a syllable has one vowel group. */
function splitSyllables(word: string): string {
  if (!/[^\x00-\x7f]/u.test(word) || !/^\p{L}+$/u.test(word)) return word;
  const b = base(word);
  const groups = [...b.matchAll(/[aeiouy]+/gu)];
  if (groups.length < 2) return word;
  const out: string[] = [];
  let from = 0;
  for (let g = 1; g < groups.length; g++) {
    const prevEnd = groups[g - 1]!.index! + groups[g - 1]![0].length;
    const cluster = b.slice(prevEnd, groups[g]!.index!);
    // The longest onset that leaves a coda a syllable may end with; "qu", "gi" open with a vowel letter already.
    const onset = ONSETS.find((o) => cluster.endsWith(o) && CODAS.has(cluster.slice(0, cluster.length - o.length)));
    if (onset === undefined) return word;
    const at = groups[g]!.index! - onset.length;
    out.push(word.slice(from, at));
    from = at;
  }
  out.push(word.slice(from));
  return out.join(' ');
}

/**
 * Spacing where a PDF drew a line's letters in passes (LibreOffice draws ệ, ỉ, ả … of a second font subset after
 * the others): a Vietnamese word glued from two syllables is split, and a piece of lower-case consonants alone
 * ("tỉ nh") is joined to the word before it where that one ends in a vowel. Words without Vietnamese letters
 * (UBND, KSTT, Internet) are left as they are.
 */
export function fixSpacing(text: string): string {
  const words = text.split(' ').map(splitSyllables).join(' ').split(' ');
  const out: string[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /^\p{Ll}{1,3}$/u.test(w) && !VOWEL.test(base(w)) && /[aeiouy]$/u.test(base(prev)) && /[^\x00-\x7f]/u.test(prev + w)) out[out.length - 1] = prev + w;
    else out.push(w);
  }
  return out.join(' ');
}

const textOf = (l: Line): string => l.runs.map((r) => r.text).join(' ');

/** A line of text outside the table: runs far apart (a letterhead's two columns) are separated by a tab. */
function plainLine(l: Line): string {
  let out = '';
  l.runs.forEach((r, i) => {
    if (i > 0) out += r.x - l.runs[i - 1]!.end > 1.5 * l.size ? '\t' : ' ';
    out += r.text;
  });
  return out;
}

/** A page number ("2", "- 2 -", "Trang 2") alone on a line in the top or bottom tenth of its page. */
function isPageNumber(l: Line): boolean {
  const t = textOf(l);
  return /^(?:[-–]?\s*\d{1,3}\s*[-–]?|Trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?)$/iu.test(t) && (l.y < 0.1 * l.height || l.y > 0.9 * l.height);
}

/** The header row: a line whose runs (with the line below, for headers of two lines) name the work and a lead or a timeline. */
function findHeader(lines: Line[]): number | undefined {
  for (let i = 0; i < lines.length; i++) {
    const roles = new Set([...lines[i]!.runs, ...(lines[i + 1]?.page === lines[i]!.page ? lines[i + 1]!.runs : [])].map((r) => roleOf(r.text)));
    if (lines[i]!.runs.length >= 3 && roles.has('content') && (roles.has('lead') || roles.has('when'))) return i;
  }
  return undefined;
}

interface Column {
  x: number;
  end: number;
  /** The header's pieces, top to bottom. */
  names: string[];
}

/**
 * The columns from the header's runs over its lines: runs that overlap are one column; a run over two or more
 * others ("Cơ quan" above "Chủ trì | Phối hợp") names a group, not a column.
 */
function columnsOf(header: Line[]): Column[] {
  const runs = header.flatMap((l) => l.runs);
  const spanning = (r: Run) => runs.filter((o) => o !== r && o.x >= r.x - 1 && o.end <= r.end + 1 && (o.x + o.end) / 2 > r.x && (o.x + o.end) / 2 < r.end).length >= 2;
  const cols: Column[] = [];
  for (const r of runs.filter((x) => !spanning(x)).sort((a, b) => a.x - b.x)) {
    const col = cols.find((c) => r.x < c.end && r.end > c.x);
    if (col) {
      col.x = Math.min(col.x, r.x);
      col.end = Math.max(col.end, r.end);
      col.names.push(r.text);
    } else cols.push({ x: r.x, end: r.end, names: [r.text] });
  }
  return cols.sort((a, b) => a.x - b.x);
}

/** The column a run belongs to: the first whose header ends after the run starts. */
function columnAt(cols: Column[], x: number): number {
  const i = cols.findIndex((c) => x < c.end + 1);
  return i < 0 ? cols.length - 1 : i;
}

/** The PDF's text as the importer reads it: lines of text, the table's rows as tab-separated cells. */
export function layout(lines: Line[]): string {
  const at = findHeader(lines);
  if (at === undefined) return lines.map(plainLine).join('\n');
  const first = lines[at]!;
  // The header goes on below with its cells' second lines: the first column empty, or going on with the number's
  // header ("ST" over "T").
  const goesOn = (l: Line): boolean => {
    const head = l.runs[0]!;
    if (head.x > first.runs[0]!.end) return true;
    return roleOf(first.runs[0]!.text) !== 'n' && roleOf(`${first.runs[0]!.text}${head.text}`) === 'n';
  };
  let next = at + 1;
  while (next < lines.length && lines[next]!.page === first.page && goesOn(lines[next]!) && next - at < 4) next++;
  const header = lines.slice(at, next);
  const cols = columnsOf(header);
  const headerTexts = new Set(header.map(textOf));
  const out: string[] = lines.slice(0, at).map(plainLine);
  // A header's word broken in a narrow column ("ST" over "T") is one word again.
  const name = (c: Column) => (roleOf(c.names.join(' ')) === undefined && roleOf(c.names.join('')) !== undefined ? c.names.join('') : c.names.join(' '));
  out.push(cols.map(name).join('\t'));

  let row: string[][] | undefined;
  const rows: string[][][] = [];
  let previous: Line = header[header.length - 1]!;
  let pitch = 0;
  let i = next;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (isPageNumber(line) || (line.page !== previous.page && headerTexts.has(textOf(line)))) continue;
    if (closingPart(plainLine(line))) break;
    // Rows follow each other closely; a gap of more than two lines ends the table (the plan's text goes on below it).
    if (line.page === previous.page) {
      const step = line.y - previous.y;
      if (pitch > 0 && step > 2.5 * pitch) break;
      if (step >= 0.8 * line.size) pitch = pitch === 0 ? step : Math.min(pitch, step);
    }
    previous = line;
    const cells: string[][] = cols.map(() => []);
    for (const r of line.runs) cells[columnAt(cols, r.x)]!.push(r.text);
    if (cells[0]!.length > 0 || !row) {
      row = cols.map(() => []);
      rows.push(row);
    }
    cells.forEach((c, k) => {
      if (c.length > 0) row![k]!.push(c.join(' '));
    });
  }
  // In an agency cell, a line break separates agencies; the page's wrapping does not, so those lines are joined,
  // except where a line opens a list item ("- …"). Other cells keep their lines: the importer joins them where
  // they read as one phrase ("Quý I/2026" over "Quý III/2026" reads as two).
  const agencies = cols.map((c) => ['lead', 'support'].includes(roleOf(name(c)) ?? ''));
  const joinCell = (c: string[], k: number) =>
    c.reduce((a, b) => (a === '' ? b : `${a}${!agencies[k] || /^[-–+•]\s/u.test(b) ? '\u2028' : ' '}${b}`), '');
  for (const r of rows) out.push(r.map(joinCell).join('\t'));
  out.push('', ...lines.slice(i).filter((l) => !isPageNumber(l)).map(plainLine));
  return out.join('\n');
}

/** The text of a PDF for the importer, or a PdfError saying why it cannot be read (a scan has no text). */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const { pieces, heights } = await readPieces(bytes);
  const letters = pieces.reduce((n, p) => n + p.str.replace(/\s/gu, '').length, 0);
  if (letters < 20) {
    throw new PdfError(msg('imp.pdf.scan'), msg('imp.pdf.scan.hint'));
  }
  return layout(toLines(pieces, heights));
}
