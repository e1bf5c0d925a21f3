// How a plan's text is cut into pieces (segments.ts), worked out once from a whole reading of it: kept only where the
// YAML reader agrees with the cut, each task's node within its own item's lines, so that a later cut can be trusted.
import { isMap, visit, type LineCounter } from 'yaml';
import type { Path } from '../model/model.js';
import { nodeAt, type Source } from './locate.js';
import { cut, cutLike, formatPiece, isItemStart, Lines, type Segments } from './segments.js';

/** The offset of the `-` before an item that starts at `at`: only spaces and line breaks may stand between them. */
function dashBefore(text: string, at: number): number | undefined {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r')) i--;
  return text[i] === '-' ? i : undefined;
}

/** A block text kept with its trailing blank lines (`|+`, `>+`): the lines after its item would be part of its value. */
function keepsTrailingLines(src: Source): boolean {
  let found = false;
  visit(src.doc, {
    Scalar(_k, node) {
      if ((node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && node.range) {
        const header = /^[|>][^\n#]*/.exec(src.text.slice(node.range[0], node.range[0] + 8))?.[0] ?? '';
        if (header.includes('+')) {
          found = true;
          return visit.BREAK;
        }
      }
      return undefined;
    },
  });
  return found;
}

/** The line (0-based) of an offset. */
const lineOf = (lc: LineCounter, offset: number): number => lc.linePos(offset).line - 1;

/**
 * The segments of a plan read whole without a fault, its tasks at `paths` (in file order); undefined where the text
 * cannot be cut so that each piece reads the same alone as in the whole (then every edit is analysed whole).
 */
export function segmentsOf(src: Source, paths: Path[]): Segments | undefined {
  if (paths.length === 0) return undefined;
  const { text, lineCounter: lc } = src;
  const dashes: number[] = [];
  const ends: number[] = [];
  const listStarts = new Set<number>();
  let indent = -1;
  let section: unknown;
  for (const path of paths) {
    const node = nodeAt(src.doc, path);
    if (!isMap(node) || node.flow || !node.range || node.range.length < 3) return undefined;
    const dash = dashBefore(text, node.range[0]);
    if (dash === undefined) return undefined;
    const pos = lc.linePos(dash);
    if (indent < 0) indent = pos.col - 1;
    if (pos.col - 1 !== indent) return undefined;
    dashes.push(pos.line - 1);
    ends.push(lineOf(lc, Math.max(node.range[0], node.range[1] - 1)));
    if (path[1] !== section) listStarts.add(pos.line - 1);
    section = path[1];
  }
  if (keepsTrailingLines(src)) return undefined;
  const l = new Lines(text);
  const isDash = new Set(dashes);
  let d = 0;
  const pieces = cut(
    l,
    indent,
    dashes[0]!,
    (line) => {
      while (d < dashes.length && dashes[d]! <= line) d++;
      const next = dashes[d];
      if (next === undefined || !listStarts.has(next)) return undefined;
      let last = next - 1;
      while (last >= line && (l.indent(last) < 0 || (l.indent(last) <= indent && l.first(last) === '#'))) last--;
      return last - line + 1;
    },
    (line) => isDash.has(line) && isItemStart(l, line, indent),
  );
  if (!pieces) return undefined;
  const items = pieces.filter((p) => p.kind === 't');
  if (items.length !== dashes.length) return undefined;
  for (let i = 0; i < items.length; i++) {
    const p = items[i]!;
    if (p.line !== dashes[i] || ends[i]! >= p.line + p.lines) return undefined;
  }
  const out: Segments = { indent, pieces: pieces.map(formatPiece) };
  // The cut of a new text finds items by their look alone: it must find these same pieces in this text.
  const again = cutLike(l, out);
  if (!again || again.length !== pieces.length || again.some((p, i) => formatPiece(p) !== out.pieces[i])) return undefined;
  return out;
}
