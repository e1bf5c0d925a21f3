// The analysis of a plan edited by hand only between its tasks (comments, blank lines), made from the analysis before
// the edit by moving its findings: no YAML, no zod, no check, so the command after such an edit stays as quick as warm.
import type { Diagnostic, Position } from '../model/diagnostics.js';
import { decodePlanBytes } from '../read/decode.js';
import { cutLike, formatPiece, Lines, readPieces, type Piece, type Segments } from '../read/segments.js';
import type { Analysis } from './analyze.js';

/** The new text cut as the old one was, with both cuts' pieces: undefined where it cannot be cut that way. */
export interface Compared {
  text: string;
  bom: boolean;
  crlf: boolean;
  lines: Lines;
  before: Piece[];
  after: Piece[];
  segments: Segments;
}

export function compare(a: Analysis, bytes: Uint8Array): Compared | undefined {
  if (!a.segments || !a.raw || a.partial) return undefined;
  const dec = decodePlanBytes(bytes, '');
  if (dec.text === undefined || dec.diagnostics.length > 0) return undefined;
  const text = dec.text;
  const before = readPieces(a.segments);
  const lines = new Lines(text);
  const after = before && cutLike(lines, a.segments);
  if (!before || !after) return undefined;
  return { text, bom: dec.bom, crlf: dec.crlf, lines, before, after, segments: { indent: a.segments.indent, pieces: after.map(formatPiece) } };
}

/** The index of the piece holding 0-based line `line0`, from the pieces' first lines `starts` (ascending). */
export function pieceAt(starts: number[], line0: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= line0) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Moves lines of the old text to the new, piece by piece: `pairs` old piece index → new piece. A line in a piece
 * that has no counterpart (a gap) gives undefined.
 */
export function lineMover(before: Piece[], after: Piece[], pairs: (number | undefined)[]): (line0: number) => number | undefined {
  const starts = before.map((p) => p.line);
  return (line0) => {
    const lo = pieceAt(starts, line0);
    const p = before[lo]!;
    const to = pairs[lo];
    if (p.kind === 'g' || to === undefined || line0 >= p.line + p.lines) return undefined;
    return after[to]!.line + (line0 - p.line);
  };
}

/** Findings moved with their pieces; undefined where one stands on a line that has no counterpart. */
export function movedFindings(diagnostics: Diagnostic[], move: (line0: number) => number | undefined): Diagnostic[] | undefined {
  const out: Diagnostic[] = [];
  const at = (p: Position): Position | undefined => {
    const line = move(p.line - 1);
    return line === undefined ? undefined : line + 1 === p.line ? p : { line: line + 1, col: p.col };
  };
  for (const d of diagnostics) {
    const start = at(d.start);
    const end = d.end && at(d.end);
    if (!start || (d.end && !end)) return undefined;
    out.push(start === d.start && end === d.end ? d : { ...d, start, ...(end ? { end } : {}) });
  }
  return out;
}

/**
 * The analysis of the new bytes where only gaps (blank lines, comments between tasks) changed; else undefined. The
 * new text is not scanned for its depth (read/depth.ts): the old one was, and that scan skips blank lines and comments
 * between closed items.
 */
export function reshift(a: Analysis, bytes: Uint8Array, c = compare(a, bytes)): Analysis | undefined {
  if (!c) return undefined;
  const { before, after } = c;
  const solid = (ps: Piece[]) => ps.map((p, i) => [p, i] as const).filter(([p]) => p.kind !== 'g');
  const b = solid(before);
  const n = solid(after);
  if (b.length !== n.length) return undefined;
  const pairs: (number | undefined)[] = before.map(() => undefined);
  for (let i = 0; i < b.length; i++) {
    const [p, pi] = b[i]!;
    const [q, qi] = n[i]!;
    if (p.kind !== q.kind || p.hash !== q.hash || p.lines !== q.lines) return undefined;
    pairs[pi] = qi;
  }
  const move = lineMover(before, after, pairs);
  const diagnostics = movedFindings(a.diagnostics, move);
  if (!diagnostics) return undefined;
  const { lines: _, ...rest } = a;
  const out: Analysis = { ...rest, diagnostics, segments: c.segments };
  if (a.layout) {
    const layout: Analysis['layout'] = [];
    for (const l of a.layout) {
      if (!l) {
        layout.push(l);
        continue;
      }
      const line = move(l.line);
      if (line === undefined) return undefined;
      layout.push(line === l.line ? l : { ...l, line, end: l.end + (line - l.line) });
    }
    out.layout = layout;
  }
  return out;
}
