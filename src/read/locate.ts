// Where a node of the YAML stands in the file: a data path → the node → line:col, for every located finding.
import { isMap, isNode, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Position } from '../model/diagnostics.js';
import type { Path } from '../model/model.js';

export interface Source {
  file: string;
  text: string;
  lines: string[];
  bom: boolean;
  crlf: boolean;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export function position(src: Pick<Source, 'lineCounter'>, offset: number): Position {
  const p = src.lineCounter.linePos(offset);
  return { line: p.line, col: p.col };
}

/** Each mapping's pairs by key, built on first use: a lookup per finding must not scan a mapping of 30 000 keys. */
const PAIRS = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The pair of `key` in `map` (the first, where a key is duplicated), in constant time. */
function pairOf(map: YAMLMap, key: string | number): Pair | undefined {
  let index = PAIRS.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items as Pair[]) {
      if (isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    }
    PAIRS.set(map, index);
  }
  return index.get(String(key));
}

/** The deepest node on `path` that exists. */
export function nodeAt(doc: Document.Parsed, path: Path): Node | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = isNode(node) ? node : undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = pairOf(node, key);
      if (!pair) break;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
    } else break;
    if (!isNode(node)) break;
    found = node;
  }
  return found;
}

/** The key node of `key` in the mapping at `path`, if there is one. */
export function keyAt(doc: Document.Parsed, path: Path, key: string | number): Node | undefined {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(map)) return undefined;
  const pair = pairOf(map, key);
  return pair && isNode(pair.key) ? pair.key : undefined;
}

export function locate(src: Source, path: Path): Position {
  const n = nodeAt(src.doc, path);
  return position(src, n?.range?.[0] ?? 0);
}

/** Where `needle` stands inside the source of the node at `path` (for a reference inside a long text). */
export function locateInside(src: Source, path: Path, needle: string): Position {
  const n = nodeAt(src.doc, path);
  const r = n?.range;
  if (!r) return position(src, 0);
  const at = src.text.slice(r[0], r[1]).indexOf(needle);
  return position(src, r[0] + Math.max(0, at));
}
