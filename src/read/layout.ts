// Where each task stands in a plan's text, by lines, and how its records list is laid out: kept with a plan's analysis
// so that `tthc done` can add a record to a task of a large plan by reading that task's lines alone.
import { isMap, isNode, isSeq, isScalar, type Document, type LineCounter, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Path } from '../model/model.js';
import { nodeAt } from './locate.js';
import { lineFinder, lineStartAt } from './segments-of.js';

/**
 * One task's place. Lines, not offsets: the checker reads the text normalised to NFC, the editor the bytes as they
 * are, and only line numbers and the (ASCII) indentation are the same in both.
 */
export interface TaskLayout {
  /** 0-based line where the task's mapping starts (its first key). */
  line: number;
  /** 0-based line where the task's last value ends. */
  end: number;
  /** The task's `records` as a block list: columns from the key to the items' `-`, and the gap after the `-`. */
  records?: { offset: number; gap: string };
}

/**
 * The offset of the `-` before an item that starts at `at`, found in the text (the checker's reading keeps no source
 * tokens): only spaces and line breaks may stand between them.
 */
function dashBefore(text: string, at: number): number | undefined {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r')) i--;
  return text[i] === '-' ? i : undefined;
}

/** The gap between the `-` and the first key of a block-mapping item of `seq`, the last one written with plain spaces (as the editor reads it). */
function itemGap(seq: YAMLSeq, text: string): string | undefined {
  for (let i = seq.items.length - 1; i >= 0; i--) {
    const item = seq.items[i];
    if (!isMap(item) || item.flow || !item.range) continue;
    const first = item.items[0]?.key as Node | undefined;
    const dash = dashBefore(text, item.range[0]);
    if (!first?.range || dash === undefined) continue;
    const gap = text.slice(dash + 1, first.range[0]);
    if (/^ +$/.test(gap)) return gap;
  }
  return undefined;
}

/** The layout of one task mapping, or undefined where it is not a block mapping with a place in the text. */
export function layoutOf(map: unknown, text: string, lc: LineCounter): TaskLayout | undefined {
  return layoutAt(map, text, lc.lineStarts, lineFinder(lc.lineStarts));
}

/** layoutOf, with lines found as linePos finds them (`lineOf` from lineFinder on the same starts): one finder for all tasks. */
function layoutAt(map: unknown, text: string, starts: readonly number[], lineOf: (offset: number) => number): TaskLayout | undefined {
  if (!isMap(map) || map.flow || !map.range) return undefined;
  const line = lineOf(map.range[0]);
  let records: TaskLayout['records'];
  const pair = (map as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === 'records');
  const value = pair?.value;
  if (pair && isSeq(value) && !value.flow && value.items.length > 0) {
    const first = value.items[0];
    const dash = isNode(first) && first.range ? dashBefore(text, first.range[0]) : undefined;
    const key = (pair.key as Node).range?.[0];
    if (dash !== undefined && key !== undefined) {
      // The columns' difference, as linePos gives each (key before dash, both before the task's end: in order).
      const keyCol = key - lineStartAt(starts, lineOf(key));
      const offset = dash - lineStartAt(starts, lineOf(dash)) - keyCol;
      if (offset >= 0) records = { offset, gap: itemGap(value, text) ?? ' ' };
    }
  }
  const out: TaskLayout = { line, end: lineOf(Math.max(map.range[0], map.range[1] - 1)) };
  if (records) out.records = records;
  return out;
}

/** The layout of the task at each path (undefined where a task has none: the edit then reads the whole file). */
export function taskLayouts(doc: Document.Parsed, text: string, lc: LineCounter, paths: Path[]): (TaskLayout | null)[] {
  // A task's node by its section's list, found once per section: the general walk from the root for each of 10 000
  // tasks was a tenth of the cold run's work past the YAML. Any other path takes the general walk.
  let section: unknown;
  let tasks: Node | undefined;
  const lineOf = lineFinder(lc.lineStarts);
  return paths.map((p) => {
    let node: Node | undefined;
    if (p.length === 4 && p[0] === 'sections' && p[2] === 'tasks' && typeof p[3] === 'number') {
      if (p[1] !== section) {
        section = p[1];
        tasks = nodeAt(doc, ['sections', p[1]!, 'tasks']);
      }
      const item: unknown = isSeq(tasks) ? tasks.items[p[3]] : undefined;
      if (isNode(item)) node = item;
    }
    return layoutAt(node ?? nodeAt(doc, p), text, lc.lineStarts, lineOf) ?? null;
  });
}

/** One task's lines as read on their own: a sequence of that one task, and where its first line stands in the plan. */
export interface TaskLines {
  doc: Document.Parsed;
  lc: LineCounter;
  first: number;
}

/** What the edit did to the plan's text. */
export interface RecordEdit {
  /** The task, by its place in the plan's task order. */
  index: number;
  /** The task's lines before and after the edit. */
  before: TaskLines;
  after: TaskLines;
  /** Lines of the plan from this one (0-based) moved down by `added`. */
  shiftFrom: number;
  added: number;
  /** The task's layout after the edit. */
  layout: TaskLayout;
}
