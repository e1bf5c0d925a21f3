// How a plan's text is cut into pieces (segments.ts), worked out once from a whole reading of it: kept only where the
// YAML reader agrees with the cut, each task's node within its own item's lines, so that a later cut can be trusted.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Path } from '../model/model.js';
import type { Source } from './locate.js';
import { cut, formatPiece, isItemStart, keepsTrailing, Lines, type Segments } from './segments.js';

/** The offset of the `-` before an item that starts at `at`: only spaces and line breaks may stand between them. */
function dashBefore(text: string, at: number): number | undefined {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r')) i--;
  return text[i] === '-' ? i : undefined;
}

/** Where line `line` (0-based, from lineFinder) starts, so that the offset less it is linePos's `col - 1` (before the first start linePos gives col = offset, hence 1). */
export function lineStartAt(starts: readonly number[], line: number): number {
  return line < 0 ? 1 : starts[line]!;
}

/**
 * The 0-based line of an offset, as `LineCounter.linePos(offset).line - 1` gives it from the same starts, without an
 * object per call: the offsets asked for mostly grow (tasks in file order), so a cursor walks on from the last line
 * found, and searches as linePos does where an offset lies before it.
 */
export function lineFinder(starts: readonly number[]): (offset: number) => number {
  let at = 0;
  return (offset) => {
    if (at >= starts.length || starts[at]! > offset) {
      // linePos's own search: the first start not below the offset.
      let low = 0;
      let high = starts.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (starts[mid]! < offset) low = mid + 1;
        else high = mid;
      }
      if (starts[low] === offset) return (at = low);
      if (low === 0) return -1;
      return (at = low - 1);
    }
    while (at + 1 < starts.length && starts[at + 1]! <= offset) at++;
    return at;
  };
}

/** Each task's node, in file order, where the tasks are those of the sections' `tasks` lists at `paths`. */
function taskNodes(src: Source, paths: Path[]): Node[] | undefined {
  const sections = src.doc.getIn(['sections'], true);
  if (!isSeq(sections)) return undefined;
  const out: Node[] = [];
  sections.items.forEach((s, si) => {
    const tasks = isMap(s) ? s.items.find((p) => isScalar(p.key) && p.key.value === 'tasks')?.value : undefined;
    if (!isSeq(tasks)) return;
    tasks.items.forEach((t, ti) => {
      const p = paths[out.length];
      if (p && p[1] === si && p[3] === ti) out.push(t as Node);
    });
  });
  return out.length === paths.length ? out : undefined;
}

/**
 * The segments of a plan read whole without a fault, its tasks at `paths` (in file order); undefined where the text
 * cannot be cut so that each piece reads the same alone as in the whole (then every edit is analysed whole).
 */
export function segmentsOf(src: Source, paths: Path[]): Segments | undefined {
  if (paths.length === 0 || keepsTrailing(src.text)) return undefined;
  const nodes = taskNodes(src, paths);
  if (!nodes) return undefined;
  const { text } = src;
  const lineOf = lineFinder(src.lineCounter.lineStarts);
  const dashes: number[] = [];
  const ends: number[] = [];
  const listStarts = new Set<number>();
  let indent = -1;
  let section: unknown;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (!isMap(node) || node.flow || !node.range) return undefined;
    const dash = dashBefore(text, node.range[0]);
    if (dash === undefined) return undefined;
    const line = lineOf(dash);
    const col = dash - lineStartAt(src.lineCounter.lineStarts, line);
    if (indent < 0) indent = col;
    if (col !== indent) return undefined;
    dashes.push(line);
    ends.push(lineOf(Math.max(node.range[0], node.range[1] - 1)));
    if (paths[i]![1] !== section) listStarts.add(line);
    section = paths[i]![1];
  }
  const l = new Lines(text);
  // A mark per line rather than a set of 10 000 numbers.
  const isDash = new Uint8Array(l.count);
  for (const d of dashes) isDash[d] = 1;
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
    (line) => isDash[line] === 1 && isItemStart(l, line, indent),
  );
  if (!pieces) return undefined;
  const items = pieces.filter((p) => p.kind === 't');
  if (items.length !== dashes.length) return undefined;
  for (let i = 0; i < items.length; i++) {
    const p = items[i]!;
    if (p.line !== dashes[i] || ends[i]! >= p.line + p.lines) return undefined;
  }
  // The cut of a new text finds items by their look alone (cutLike): it finds these same pieces in this text as long
  // as no other piece starts with a line that looks like an item.
  if (pieces.some((p) => (p.kind === 's' || p.kind === 'e') && isItemStart(l, p.line, indent))) return undefined;
  return { indent, pieces: pieces.map(formatPiece) };
}
