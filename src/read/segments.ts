// A plan's text cut into pieces that can be compared without reading the YAML: the head (everything before the first
// task), each task item, the blank and comment lines between them, the text between two task lists (a section's
// heading) and the tail. Kept with an analysis, so that the analysis of a hand-edited plan can reuse what did not change.

/**
 * How a text was cut. `pieces`, in order, each `<kind><lines>` and, but for gaps, `:<hash>` of its text: `h` the
 * head, `t` a task item, `g` blank lines and comments (at most as indented as the items' `-`), `s` the text between
 * two task lists, `e` the tail after the last task. Hashes and line counts, not the text: a cache entry stays small.
 */
export interface Segments {
  /** The column of every task item's `-`. */
  indent: number;
  pieces: string[];
}

export type PieceKind = 'h' | 't' | 'g' | 's' | 'e';

export interface Piece {
  kind: PieceKind;
  /** 0-based line where it starts. */
  line: number;
  lines: number;
  hash: string;
}

/** Two independent 32-bit hashes of a stretch of text and its length: enough to tell an edited piece from its old self. */
export function textHash(text: string, from = 0, to = text.length): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ (c + (b << 5)), 0x5bd1e995) ^ (b >>> 15);
  }
  return `${base36(a >>> 0)}${base36(b >>> 0)}.${base36(to - from)}`;
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Every base-36 numeral of two digits, made on first use. */
let pairs: string[] | undefined;

/**
 * `n.toString(36)` for a whole number below 2^32, two digits at a time: Number's own, a call into the runtime each
 * time, was a sixth of cutting a plan of 10 000 tasks (three numbers for each of 20 000 pieces).
 */
export function base36(n: number): string {
  if (!(n >= 0 && n <= 0xffffffff && Number.isInteger(n))) return n.toString(36);
  if (n < 36) return DIGITS[n]!;
  if (!pairs) {
    pairs = [];
    for (let i = 0; i < 1296; i++) pairs.push(DIGITS[Math.floor(i / 36)]! + DIGITS[i % 36]!);
  }
  let out = '';
  while (n >= 1296) {
    const r = n % 1296;
    out = pairs[r]! + out;
    n = (n - r) / 1296;
  }
  return (n < 36 ? DIGITS[n]! : pairs[n]!) + out;
}

/** The text's lines, by the offset where each starts (the last line runs to the end of the text). */
export class Lines {
  readonly starts: number[] = [0];
  /** Each line's indentation (-1: blank) and the code of its first character after it (0: none), worked out once. */
  readonly indents: Int32Array;
  readonly firsts: Uint16Array;
  constructor(readonly text: string) {
    const starts = this.starts;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    const n = starts.length;
    const indents = (this.indents = new Int32Array(n));
    const firsts = (this.firsts = new Uint16Array(n));
    // As end() says, inline: this runs over every line of a plan read afresh (60 000 at 10 000 tasks).
    for (let line = 0; line < n; line++) {
      const s = starts[line]!;
      let e = line + 1 < n ? starts[line + 1]! - 1 : text.length;
      if (e > s && text.charCodeAt(e - 1) === 13) e--;
      let i = s;
      let c = 0;
      while (i < e && (c = text.charCodeAt(i)) === 32) i++;
      indents[line] = i === e ? -1 : i - s;
      firsts[line] = i === e ? 0 : c;
    }
  }
  get count(): number {
    return this.starts.length;
  }
  start(line: number): number {
    return line < this.starts.length ? this.starts[line]! : this.text.length;
  }
  /** The offset where the line's own text ends (before its line break). */
  end(line: number): number {
    let e = line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.text.length;
    if (e > this.start(line) && this.text.charCodeAt(e - 1) === 13) e--;
    return e;
  }
  /** Leading spaces, or -1 for a line of spaces alone (blank). */
  indent(line: number): number {
    return line < this.indents.length ? this.indents[line]! : -1;
  }
  /** The first character after the indentation. */
  first(line: number): string {
    const c = line < this.firsts.length ? this.firsts[line]! : 0;
    return c === 0 ? '' : String.fromCharCode(c);
  }
  hash(line: number, lines: number): string {
    return textHash(this.text, this.start(line), this.start(line + lines));
  }
}

export function formatPiece(p: Piece): string {
  return p.kind === 'g' ? `g${p.lines}` : `${p.kind}${p.lines}:${p.hash}`;
}

/** The pieces of a Segments, with the lines where they start. */
export function readPieces(s: Segments): Piece[] | undefined {
  const out: Piece[] = [];
  let line = 0;
  for (const p of s.pieces) {
    const m = /^([htgse])(\d+)(?::(.+))?$/.exec(p);
    if (!m) return undefined;
    const lines = Number(m[2]);
    out.push({ kind: m[1] as PieceKind, line, lines, hash: m[3] ?? '' });
    line += lines;
  }
  return out;
}

/** Blank, or a comment no more indented than the items' `-` (so not a line of a block text inside an item). */
function isGap(l: Lines, line: number, indent: number): boolean {
  const n = l.indent(line);
  return n < 0 || (n <= indent && l.firsts[line] === HASH);
}

const HASH = 35;

/** A line that starts a task item: `-` at the items' column, followed by a space or the end of the line. */
export function isItemStart(l: Lines, line: number, indent: number): boolean {
  if (l.indent(line) !== indent) return false;
  const at = l.start(line) + indent;
  if (l.text[at] !== '-') return false;
  const next = at + 1;
  return next >= l.end(line) || l.text[next] === ' ';
}

/**
 * Where the item that starts at `line` ends (exclusive): its lines are those indented more than its `-`, blank or
 * comments; blank lines and comments no more indented than the `-` at its end are the gap after it.
 */
function itemEnd(l: Lines, line: number, indent: number): number {
  const { indents, firsts } = l;
  const count = indents.length;
  let j = line + 1;
  while (j < count) {
    const n = indents[j]!;
    if (n < 0 || n > indent || firsts[j] === HASH) j++;
    else break;
  }
  while (j - 1 > line && isGap(l, j - 1, indent)) j--;
  return j;
}

/** A block text kept with its trailing blank lines (`|+`, `>+`): the gap after its item would be part of its value. */
export function keepsTrailing(text: string): boolean {
  return /(?:^|[\s:-])[|>](?:[1-9]?\+|\+[1-9])[ \t]*(?:#.*)?\r?$/m.test(text);
}

/** How the scan tells what is not an item: the length of the text between two task lists that starts at a line. */
export type SeparatorAt = (line: number, lines: Lines) => number | undefined;

/**
 * Cuts the text after a head of `head` lines: items, gaps, separators (as `separatorAt` recognises them) and a
 * tail. `itemAt` says whether a line starts an item (by default, by its look). Undefined where a line fits none.
 */
export function cut(
  l: Lines,
  indent: number,
  head: number,
  separatorAt: SeparatorAt,
  itemAt: (line: number) => boolean = (line) => isItemStart(l, line, indent),
): Piece[] | undefined {
  if (head > l.count || head <= 0) return undefined;
  const out: Piece[] = [{ kind: 'h', line: 0, lines: head, hash: l.hash(0, head) }];
  const push = (kind: PieceKind, line: number, lines: number) => out.push({ kind, line, lines, hash: kind === 'g' ? '' : l.hash(line, lines) });
  let i = head;
  if (i >= l.count || !itemAt(i)) return undefined;
  while (i < l.count) {
    if (itemAt(i)) {
      const j = itemEnd(l, i, indent);
      push('t', i, j - i);
      i = j;
      continue;
    }
    if (isGap(l, i, indent)) {
      let j = i + 1;
      while (j < l.count && isGap(l, j, indent) && !itemAt(j)) j++;
      push('g', i, j - i);
      i = j;
      continue;
    }
    const sep = separatorAt(i, l);
    if (sep !== undefined) {
      if (sep <= 0 || i + sep > l.count) return undefined;
      push('s', i, sep);
      i += sep;
      continue;
    }
    // The tail: the rest, but for blank lines and comments at the margin after it.
    let j = l.count;
    while (j > i && (l.indent(j - 1) < 0 || (l.indent(j - 1) === 0 && l.first(j - 1) === '#'))) j--;
    push('e', i, j - i);
    if (j < l.count) push('g', j, l.count - j);
    i = l.count;
  }
  return out;
}

/** The pieces of a new text, cut as the old one was: its head and separators must be found unchanged, in order. */
export function cutLike(l: Lines, old: Segments): Piece[] | undefined {
  const before = readPieces(old);
  const head = before?.[0];
  if (!before || head?.kind !== 'h') return undefined;
  if (l.hash(0, head.lines) !== head.hash) return undefined;
  const seps = before.filter((p) => p.kind === 's');
  let next = 0;
  const out = cut(l, old.indent, head.lines, (line) => {
    const s = seps[next];
    if (!s || line + s.lines > l.count || l.hash(line, s.lines) !== s.hash) return undefined;
    next++;
    return s.lines;
  });
  if (!out || next !== seps.length) return undefined;
  const tail = before.find((p) => p.kind === 'e');
  const now = out.find((p) => p.kind === 'e');
  if ((tail === undefined) !== (now === undefined) || (tail && now && tail.hash !== now.hash)) return undefined;
  return out;
}
