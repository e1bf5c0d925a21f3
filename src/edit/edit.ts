// Adds a progress record to one task of a plan's YAML text, changing nothing but the lines it adds.
//
// Why text insertion and not `doc.toString()`: re-serialising rewrites the whole file (drops the BOM, turns
// CRLF into LF, re-spaces comments, folds long Vietnamese lines), and a clerk's diff must show one record.
// So the task is located through the parsed document (node ranges + LineCounter), the new lines are built in
// the file's own layout and inserted at one offset, and the result is parsed again and compared with the
// intended value before it is returned.
//
// Rules (the README's "Recording progress" relies on them):
// - Every edit is ONE insertion at ONE offset; nothing in the original text is changed or removed.
// - The task's mapping must be a block mapping; a task written `{ id: …, … }` is refused (UNEDITABLE)
//   rather than converted.
// - `records:` absent → a `records:` key is added as the task's last key, at the column of its other keys,
//   with the item indented the way the file indents block sequences under keys elsewhere (another task's
//   `records`, else the most common offset among the file's block sequences: 0 for `- ` at the key's column,
//   2, 4 …), and written in the style of the task items (`- id:` → `- done:`, `-   id:` → `-   done:`).
// - `records:` with an empty value → the items are added on the lines after the key (the value becomes the
//   list). `records: ~`/`null` is refused: that would need changing the `~`.
// - `records:` a block sequence → the item is appended after the last item, at the same column and in the
//   style of the last item: a block mapping with the same gap after `-` (`-   done:` stays `-   done:`),
//   a dash on a line of its own if that item has one, or a flow mapping `- {done: …}` (with the same
//   padding inside the braces) if that item is one.
// - `records:` a flow sequence (`[]`, `[{done: 2023-01-02}]`) → the record is inserted INTO that sequence as
//   a flow mapping (`[{done: 2023-01-02}, {done: 2023-07-28}]`): the one edit that is not whole lines, but
//   the smallest one, and nothing else is converted to block style.
// - Where new lines go relative to comments: they go after the last line of the task (or of its last
//   record), plus the comment lines that follow it directly (no blank line in between) at the collection's
//   own column or deeper (for a new `records:` key: the task's key column; for a new item: the `-` column).
//   Those comments belong to the task or list (a note under the last key, a commented-out record). A blank
//   line, or a comment further left (at the task's `-` or a section's column), belongs to what follows — the
//   next task or section — and stays right above it, below the new lines. Comments that end a run directly
//   above a line at that line's column (e.g. above the next key of the task) are its heading and stay with it.
// - Line endings: the inserted lines end like the line they follow (CRLF stays CRLF); if that line is the
//   last one and has no line break, one is added before the new lines and the file still ends without one.
//   A leading U+FEFF is kept.
// - Scalars are written with `yaml`'s own stringifier (core schema, as the plan is read), so they are quoted
//   only where YAML needs it, on one line (a line break in a note becomes `\n` inside double quotes).
import { isDeepStrictEqual } from 'node:util';
import {
  Document,
  LineCounter,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  stringify,
  visit,
  type CST,
  type Node,
  type DocumentOptions,
  type SchemaOptions,
  type ToStringOptions,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { RecordFile } from '../model/schema.js';
import { EDIT_YAML } from '../read/yaml.js';
import { english, msg, render, say, type Lang, type Msg } from '../messages/index.js';
import { layoutOf, type RecordEdit, type TaskLayout } from '../read/layout.js';

export type EditErrorCode = 'PARSE_ERROR' | 'TASK_NOT_FOUND' | 'DUPLICATE_TASK' | 'BAD_RECORD' | 'UNEDITABLE';

/** An edit that was refused; the text was not changed. `line` (1-based) points at the place concerned. */
export class EditError extends Error {
  override readonly name = 'EditError';
  readonly code: EditErrorCode;
  readonly line: number | undefined;
  /** The reason as a catalogue message; `message` is its English (with the line), for logs and tests. */
  readonly text: Msg;
  constructor(code: EditErrorCode, text: Msg, line?: number) {
    super();
    english(this, 'message', text, line === undefined ? '' : `line ${line}: `);
    this.code = code;
    this.line = line;
    this.text = text;
  }
  /** The reason (with its line) in `lang`. */
  say(lang: Lang): string {
    const text = render(lang, this.text);
    return this.line === undefined ? text : say(lang, 'edit.atLine', { line: this.line, text });
  }
}

/** The order in which a record's keys are written: what happened and when first, then the evidence. */
const RECORD_KEYS = ['done', 'trigger', 'period', 'due', 'ref', 'note'] as const;
type RecordKey = (typeof RECORD_KEYS)[number];


/** One line per scalar, never folded: a fold would add lines in the wrong style and indentation. */
const STRINGIFY_OPTIONS: DocumentOptions & SchemaOptions & ToStringOptions = {
  schema: 'core',
  lineWidth: 0,
  minContentWidth: 0,
  blockQuote: false,
  doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Returns `text` with `record` appended to the records of the task whose id is `taskId`. The only change is
 * added lines (or, for a flow `records: [...]`, one inserted flow mapping); see the rules at the top of this file.
 * Throws EditError: PARSE_ERROR (not readable YAML), TASK_NOT_FOUND, DUPLICATE_TASK, BAD_RECORD, UNEDITABLE.
 */
export function addRecord(text: string, taskId: string, record: RecordFile): string {
  const entries = recordEntries(record);
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const src = new Source(body);
  const doc = parseDocument(body, { ...EDIT_YAML, lineCounter: src.lc });
  const firstError = doc.errors[0];
  if (firstError) {
    throw new EditError(
      'PARSE_ERROR',
      msg('edit.parse', { detail: firstError.message.split('\n')[0] ?? '' }),
      firstError.linePos?.[0].line,
    );
  }
  const found = findTask(doc, taskId, src);
  const insertion = planInsertion(doc, found, entries, src);
  const result = body.slice(0, insertion.at) + insertion.text + body.slice(insertion.at);
  verify(doc, result, found, entries, taskId);
  return bom + result;
}

/** What addRecordToTask made: the new text, and what the edit did, for the plan's analysis (checks/recheck.ts). */
export interface TaskEdit extends RecordEdit {
  text: string;
}

/** The nearest task (in lines) whose records are a block list cannot be found in the layout: read the whole plan. */
class NoStyle extends Error {}

/**
 * addRecord for a plan whose layout is known (from its analysis): only the task's own lines are read, edited and
 * read again, so a plan of 10 000 tasks is not parsed to add one record. The same rules, the same result: the lines
 * are those of the task's item (its `-` line to its last value, with the blank and comment lines after it, up to the
 * next line of content, which must stand at the `-`'s column or left of it); read on their own they are a sequence
 * of that one task, and read again after the edit they must be that task with exactly this record added. As nothing
 * outside those lines changes and the line that follows them closes the item in both texts, the whole new text reads
 * as the old plan with the record added. Undefined where the task's lines cannot be taken alone (the caller then
 * uses addRecord, which judges the edit on the whole text and says why it is refused). `wholeStyle`: the layout of a
 * plan's first records list, which only the whole file tells (newListStyle).
 */
export function addRecordToTask(
  text: string,
  layout: readonly (TaskLayout | null)[],
  index: number,
  taskId: string,
  record: RecordFile,
  wholeStyle?: () => NewListStyle | undefined,
): TaskEdit | undefined {
  const here = layout[index];
  if (!here) return undefined;
  let entries: [RecordKey, string][];
  try {
    entries = recordEntries(record);
  } catch {
    return undefined;
  }
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const starts = [0];
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineEnd = (n: number) => (n + 1 < starts.length ? starts[n + 1]! : body.length);
  const lineAt = (n: number) => body.slice(starts[n]!, lineEnd(n)).replace(/\r?\n$/, '');
  if (here.end < here.line || here.end >= starts.length) return undefined;
  const dash = /^( *)- +\S/.exec(lineAt(here.line));
  if (!dash) return undefined;
  const dashCol = dash[1]!.length;
  let end = here.end + 1;
  while (end < starts.length && /^[ \t]*(#.*)?$/.test(lineAt(end))) end++;
  let after: number | undefined;
  if (end < starts.length) {
    after = /^[ \t]*/.exec(lineAt(end))![0].length;
    if (after > dashCol) return undefined;
  }
  const from = starts[here.line]!;
  const to = end < starts.length ? starts[end]! : body.length;
  const slice = body.slice(from, to);
  const src = new Source(slice, after);
  const doc = parseDocument(slice, { ...EDIT_YAML, lineCounter: src.lc });
  const root = doc.contents;
  if (doc.errors.length || doc.warnings.length || !isSeq(root) || root.items.length !== 1 || !isMap(root.items[0])) return undefined;
  const map = root.items[0];
  if (idText(getPairValue(map, 'id')) !== taskId) return undefined;
  const found: FoundTask = { section: 0, task: 0, map, tasks: root };
  // Like detectNewListStyle: the records of the nearest task that has some, nearness in lines.
  const styleOf = (): NewListStyle => {
    let best: { distance: number; style: NewListStyle } | undefined;
    for (const t of layout) {
      if (!t?.records) continue;
      const distance = Math.abs(t.line - here.line);
      if (!best || distance < best.distance) best = { distance, style: t.records };
    }
    const style = best?.style ?? wholeStyle?.();
    if (!style) throw new NoStyle();
    return style;
  };
  try {
    const insertion = planInsertion(doc, found, entries, src, styleOf);
    const edited = slice.slice(0, insertion.at) + insertion.text + slice.slice(insertion.at);
    const lc = new LineCounter();
    const after2 = verify(doc, edited, found, entries, taskId, (v) => (v as Record<string, unknown>[])[0]!, lc);
    const newMap = (after2.contents as YAMLSeq).items[0];
    const lines = layoutOf(newMap, edited, lc);
    if (!lines) return undefined;
    const before = slice.slice(0, insertion.at);
    const atLine = here.line + (before.match(/\n/g)?.length ?? 0);
    const added = insertion.text.match(/\n/g)?.length ?? 0;
    // New whole lines push down the line they are put before; text put inside a line, or after the last, moves none.
    const startOfLine = insertion.at === 0 || slice[insertion.at - 1] === '\n';
    const shiftFrom = insertion.at === slice.length && !startOfLine ? Number.MAX_SAFE_INTEGER : startOfLine ? atLine : atLine + 1;
    return {
      text: bom + body.slice(0, from) + edited + body.slice(to),
      index,
      before: { doc, lc: src.lc, first: here.line },
      after: { doc: after2, lc, first: here.line },
      shiftFrom,
      added,
      layout: { ...lines, line: lines.line + here.line, end: lines.end + here.line },
    };
  } catch (e) {
    if (e instanceof EditError || e instanceof NoStyle) return undefined;
    throw e;
  }
}

/**
 * How a new `records:` list of the task is laid out, read from the whole text (one reading, without the checks): for
 * a plan's first records list, whose layout the plan's analysis cannot tell. Undefined where addRecord would refuse.
 */
export function newListStyle(text: string, taskId: string): NewListStyle | undefined {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const src = new Source(body);
  const doc = parseDocument(body, { ...EDIT_YAML, lineCounter: src.lc });
  if (doc.errors.length) return undefined;
  try {
    return detectNewListStyle(doc, findTask(doc, taskId, src), src);
  } catch (e) {
    if (e instanceof EditError) return undefined;
    throw e;
  }
}

/** The record as [key, value] pairs in writing order, refusing what would make an invalid plan. */
function recordEntries(record: RecordFile): [RecordKey, string][] {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new EditError('BAD_RECORD', msg('edit.notObject'));
  }
  const unknown = Object.keys(record).filter(
    (k) => !(RECORD_KEYS as readonly string[]).includes(k) && (record as Record<string, unknown>)[k] !== undefined,
  );
  if (unknown.length > 0) {
    throw new EditError('BAD_RECORD', msg('edit.unknownKeys', { keys: unknown.map((k) => `"${k}"`).join(', '), known: RECORD_KEYS.join(', ') }));
  }
  const entries: [RecordKey, string][] = [];
  for (const key of RECORD_KEYS) {
    const value: unknown = record[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new EditError('BAD_RECORD', msg('edit.notText', { key, type: typeof value }));
    if ((key === 'done' || key === 'trigger' || key === 'due') && !DAY.test(value)) {
      throw new EditError('BAD_RECORD', msg('edit.notDay', { key, value }));
    }
    entries.push([key, value]);
  }
  if ((record.done === undefined) === (record.trigger === undefined)) {
    throw new EditError('BAD_RECORD', msg('edit.doneOrTrigger'));
  }
  return entries;
}

/** The text split into lines, with positions; lines are what the insertion rules talk about. */
class Source {
  readonly lc = new LineCounter();
  private readonly starts: number[] = [0];
  /**
   * `after`: for the lines of one task taken out of a plan, the indentation of the first line of content that follows
   * them in the plan (undefined: the plan ends there), which the placement of new lines looks at.
   */
  constructor(
    readonly text: string,
    readonly after?: number,
  ) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    // A final line break opens no line of its own.
    if (this.starts.length > 1 && this.starts[this.starts.length - 1] === text.length) this.starts.pop();
  }
  get lineCount(): number {
    return this.starts.length;
  }
  /** 0-based line index of an offset, through the parser's LineCounter (filled by parseDocument). */
  lineOf(offset: number): number {
    return this.lc.linePos(offset).line - 1;
  }
  /** 0-based column of an offset. */
  colOf(offset: number): number {
    return this.lc.linePos(offset).col - 1;
  }
  start(line: number): number {
    return this.starts[line]!;
  }
  /** Offset just past the line's line break (or the end of the text). */
  next(line: number): number {
    return this.starts[line + 1] ?? this.text.length;
  }
  /** The line's content without its line break. */
  content(line: number): string {
    return this.text.slice(this.start(line), this.next(line)).replace(/\r?\n$/, '');
  }
  /** The line break that ends the line: '\r\n', '\n', or '' for a last line without one. */
  eol(line: number): string {
    return this.text.slice(this.start(line), this.next(line)).match(/\r?\n$/)?.[0] ?? '';
  }
  /** The file's own line break, for a last line that has none: the first one the file uses. */
  fileEol(): string {
    return this.text.match(/\r?\n/)?.[0] ?? '\n';
  }
}

interface FoundTask {
  section: number;
  task: number;
  map: YAMLMap;
  tasks: YAMLSeq;
}

function idText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
  return String(node.value);
}

function getPairValue(map: YAMLMap, key: string): unknown {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
}

/** Every task under sections[*].tasks[*], with its place; the walk tolerates an invalid plan's odd shapes. */
function allTasks(doc: Document.Parsed): FoundTask[] {
  const out: FoundTask[] = [];
  const root = doc.contents;
  if (!isMap(root)) return out;
  const sections = getPairValue(root, 'sections');
  if (!isSeq(sections)) return out;
  sections.items.forEach((section, si) => {
    if (!isMap(section)) return;
    const tasks = getPairValue(section, 'tasks');
    if (!isSeq(tasks)) return;
    tasks.items.forEach((task, ti) => {
      if (isMap(task)) out.push({ section: si, task: ti, map: task, tasks });
    });
  });
  return out;
}

function findTask(doc: Document.Parsed, taskId: string, src: Source): FoundTask {
  const tasks = allTasks(doc);
  const matches = tasks.filter((t) => idText(getPairValue(t.map, 'id')) === taskId);
  if (matches.length === 0) {
    const squash = (s: string) => s.replace(/\s+/g, '').toUpperCase();
    const near = tasks.map((t) => idText(getPairValue(t.map, 'id'))).filter((id) => id !== undefined && squash(id) === squash(taskId));
    throw new EditError(
      'TASK_NOT_FOUND',
      msg('edit.noTask', { id: taskId, ...(near[0] !== undefined ? { near: near[0] } : {}) }),
    );
  }
  if (matches.length > 1) {
    const lines = matches.map((m) => src.lineOf(m.map.range![0]) + 1);
    throw new EditError('DUPLICATE_TASK', msg('edit.duplicate', { n: matches.length, id: taskId, lines: lines.join(', ') }));
  }
  return matches[0]!;
}

interface Insertion {
  at: number;
  text: string;
}

/** How a new `records:` list is laid out; the whole document's reader by default. */
type StyleOf = () => NewListStyle;

function planInsertion(doc: Document.Parsed, found: FoundTask, entries: [RecordKey, string][], src: Source, styleOf: StyleOf = () => detectNewListStyle(doc, found, src)): Insertion {
  const { map } = found;
  const line = src.lineOf(map.range![0]) + 1;
  if (map.flow || map.srcToken?.type !== 'block-map') {
    throw new EditError('UNEDITABLE', msg('edit.flow'), line);
  }
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === 'records');
  if (!pair) return addRecordsKey(found, entries, src, styleOf);
  const value = pair.value;
  const keyLine = src.lineOf((pair.key as Node).range![0]);
  if (isSeq(value) && value.srcToken?.type === 'block-seq' && value.items.length > 0) return appendToBlockSeq(value, entries, src);
  if (isSeq(value) && value.srcToken?.type === 'flow-collection') return insertIntoFlowSeq(value, entries, src);
  if (isScalar(value) && value.value === null && value.range![0] === value.range![1] && !value.tag && !value.anchor) {
    // `records:` with nothing after it: the items go on the lines right after the key line, as for a new key.
    const keyCol = src.colOf((pair.key as Node).range![0]);
    const style = styleOf();
    const lines = blockItemLines(entries, keyCol + style.offset, style.gap, undefined);
    return linesAfter(src, keyLine, lines);
  }
  throw new EditError(
    'UNEDITABLE',
    msg('edit.recordsNotList'),
    keyLine + 1,
  );
}

/** Insert whole lines after line `after` (0-based), ending them like that line. */
function linesAfter(src: Source, after: number, lines: string[]): Insertion {
  const eol = src.eol(after);
  if (eol) return { at: src.next(after), text: lines.map((l) => l + eol).join('') };
  // The last line has no line break: give it one, and keep the file ending without one.
  const fileEol = src.fileEol();
  return { at: src.text.length, text: lines.map((l) => fileEol + l).join('') };
}

const COMMENT = /^([ \t]*)#/;

/**
 * The line after which new content of a collection goes: its last content line (the one holding offset
 * `lastEnd - 1`), extended over the comment lines that follow it directly at column `threshold` or deeper,
 * minus a trailing run of them that heads the next line at its own column (see the rules at the top).
 */
function lastLineOf(src: Source, lastEnd: number, threshold: number): number {
  let last = src.lineOf(Math.max(0, lastEnd - 1));
  const run: { line: number; indent: number }[] = [];
  let next = last + 1;
  for (; next < src.lineCount; next++) {
    const content = src.content(next);
    const m = COMMENT.exec(content);
    if (!m || m[1]!.length < threshold) break;
    run.push({ line: next, indent: m[1]!.length });
  }
  const heading = (indent: number) => {
    while (run.length > 0 && run[run.length - 1]!.indent <= indent) run.pop();
  };
  if (next < src.lineCount) {
    const content = src.content(next);
    if (content.trim() !== '' && !COMMENT.test(content)) heading(/^[ \t]*/.exec(content)![0].length);
  } else if (src.after !== undefined) heading(src.after);
  if (run.length > 0) last = run[run.length - 1]!.line;
  return last;
}

export interface NewListStyle {
  /** Columns from the key to the `-` of its items. */
  offset: number;
  /** What follows the `-` before the item's first key. */
  gap: string;
}

function seqDashOffsets(seq: YAMLSeq): number[] {
  const token = seq.srcToken as CST.BlockSequence | undefined;
  if (token?.type !== 'block-seq') return [];
  const out: number[] = [];
  for (const item of token.items) {
    const ind = item.start.find((t) => t.type === 'seq-item-ind');
    if (ind) out.push(ind.offset);
  }
  return out;
}

/** The gap between the `-` and the first key of a block-mapping item, if it is plain spaces on one line. */
function itemGap(seq: YAMLSeq, src: Source): string | undefined {
  const dashes = seqDashOffsets(seq);
  for (let i = seq.items.length - 1; i >= 0; i--) {
    const item = seq.items[i];
    const dash = dashes[i];
    if (!isMap(item) || item.flow || dash === undefined) continue;
    const first = item.items[0]?.key as Node | undefined;
    if (!first?.range) continue;
    const gap = src.text.slice(dash + 1, first.range[0]);
    if (/^ +$/.test(gap)) return gap;
  }
  return undefined;
}

/** How a new `records:` list is laid out: like other tasks' records, else like the file's other lists. */
function detectNewListStyle(doc: Document.Parsed, found: FoundTask, src: Source): NewListStyle {
  // Nearness in lines, as the layout kept with a plan's analysis gives it (see addRecordToTask).
  const here = src.lineOf(found.map.range![0]);
  let best: { distance: number; style: NewListStyle } | undefined;
  for (const t of allTasks(doc)) {
    const pair = t.map.items.find((p) => isScalar(p.key) && p.key.value === 'records');
    const value = pair?.value;
    if (!pair || !isSeq(value) || value.srcToken?.type !== 'block-seq') continue;
    const dash = seqDashOffsets(value)[0];
    if (dash === undefined) continue;
    const offset = src.colOf(dash) - src.colOf((pair.key as Node).range![0]);
    const distance = Math.abs(src.lineOf(t.map.range![0]) - here);
    if (offset >= 0 && (!best || distance < best.distance)) best = { distance, style: { offset, gap: itemGap(value, src) ?? ' ' } };
  }
  if (best) return best.style;

  // No records anywhere yet: the most common offset of block sequences under keys, ties going to the
  // offset of this section's `tasks` list; the item gap of the task items themselves.
  const counts = new Map<number, number>();
  visit(doc, {
    Pair(_, pair) {
      const value = pair.value;
      if (!isScalar(pair.key) || !isSeq(value) || value.srcToken?.type !== 'block-seq') return;
      const dash = seqDashOffsets(value)[0];
      if (dash === undefined) return;
      const offset = src.colOf(dash) - src.colOf(pair.key.range![0]);
      if (offset >= 0) counts.set(offset, (counts.get(offset) ?? 0) + 1);
    },
  });
  const tasksOffset = (() => {
    const dash = seqDashOffsets(found.tasks)[0];
    const sectionMap = doc.getIn(['sections', found.section], true);
    const tasksPair = isMap(sectionMap) ? sectionMap.items.find((p) => isScalar(p.key) && p.key.value === 'tasks') : undefined;
    if (dash === undefined || !tasksPair) return undefined;
    return src.colOf(dash) - src.colOf((tasksPair.key as Node).range![0]);
  })();
  let offset = tasksOffset ?? 2;
  let top = -1;
  for (const [o, n] of counts) {
    if (n > top || (n === top && o === tasksOffset)) {
      offset = o;
      top = n;
    }
  }
  return { offset, gap: itemGap(found.tasks, src) ?? ' ' };
}

/**
 * Single quotes cannot hold a line break on one line (it is written as a line break), so text with one is
 * double-quoted, where it becomes `\n`.
 */
function oneLine(values: string[]): typeof STRINGIFY_OPTIONS {
  return values.some((v) => /[\r\n]/.test(v)) ? { ...STRINGIFY_OPTIONS, singleQuote: false } : STRINGIFY_OPTIONS;
}

/** A record value as YAML writes it in a block mapping, on one line. */
function blockEntry(key: RecordKey, value: string): string {
  const out = stringify({ [key]: value }, oneLine([value])).replace(/\n$/, '');
  if (out.includes('\n') || !out.startsWith(`${key}: `)) {
    throw new EditError('BAD_RECORD', msg('edit.oneLineKey', { key, value: JSON.stringify(value) }));
  }
  return out;
}

/** The record as a one-line flow mapping, quoted for flow context (where `,` `[` `]` `{` `}` matter). */
function flowMapping(entries: [RecordKey, string][], padding: boolean): string {
  const options = oneLine(entries.map(([, v]) => v));
  const doc = new Document(Object.fromEntries(entries), options);
  if (isMap(doc.contents)) doc.contents.flow = true;
  const out = doc.toString({ ...options, flowCollectionPadding: padding }).replace(/\n$/, '');
  if (out.includes('\n')) throw new EditError('BAD_RECORD', msg('edit.oneLine'));
  return out;
}

/**
 * The lines of a block-mapping item: `-` at column `dashCol`, then `gap`, then the first key; the other keys
 * at the first key's column. With `ownLine`, the `-` stands alone and every key is at column `ownLine`.
 */
function blockItemLines(entries: [RecordKey, string][], dashCol: number, gap: string, ownLine: number | undefined): string[] {
  const body = entries.map(([k, v]) => blockEntry(k, v));
  const dash = ' '.repeat(dashCol) + '-';
  if (ownLine !== undefined) return [dash, ...body.map((l) => ' '.repeat(ownLine) + l)];
  const keyIndent = ' '.repeat(dashCol + 1 + gap.length);
  return body.map((l, i) => (i === 0 ? dash + gap + l : keyIndent + l));
}

function addRecordsKey(found: FoundTask, entries: [RecordKey, string][], src: Source, styleOf: StyleOf): Insertion {
  const pairs = found.map.items;
  const lastPair = pairs[pairs.length - 1];
  const key = lastPair?.key as Node | undefined;
  if (!lastPair || !key?.range) throw new EditError('UNEDITABLE', msg('edit.emptyTask'), src.lineOf(found.map.range![0]) + 1);
  const keyCol = src.colOf(key.range[0]);
  const value = lastPair.value as Node | null;
  const lastEnd = value?.range ? Math.max(value.range[1], key.range[1]) : key.range[1];
  const after = lastLineOf(src, lastEnd, keyCol);
  const style = styleOf();
  const lines = [' '.repeat(keyCol) + 'records:', ...blockItemLines(entries, keyCol + style.offset, style.gap, undefined)];
  return linesAfter(src, after, lines);
}

function appendToBlockSeq(seq: YAMLSeq, entries: [RecordKey, string][], src: Source): Insertion {
  const dashes = seqDashOffsets(seq);
  const lastIndex = seq.items.length - 1;
  const last = seq.items[lastIndex] as Node | null | undefined;
  const lastDash = dashes[lastIndex];
  if (!last?.range || lastDash === undefined || dashes.length !== seq.items.length) {
    throw new EditError('UNEDITABLE', msg('edit.layout'), src.lineOf(seq.range![0]) + 1);
  }
  const dashCol = src.colOf(lastDash);
  const after = lastLineOf(src, last.range[1], dashCol);

  let lines: string[];
  // Mirror the last item that is a mapping (the newest convention in the list).
  const model = [...seq.items].reverse().find((i) => isMap(i)) as YAMLMap | undefined;
  const modelDash = model ? dashes[seq.items.indexOf(model)] : undefined;
  if (model && modelDash !== undefined && model.flow) {
    const start = model.range![0];
    const gap = src.text.slice(modelDash + 1, start);
    const padding = src.text[start + 1] === ' ';
    lines = [' '.repeat(dashCol) + '-' + (/^[ ]+$/.test(gap) ? gap : ' ') + flowMapping(entries, padding)];
  } else if (model && modelDash !== undefined && (model.items[0]?.key as Node | undefined)?.range) {
    const firstKey = (model.items[0]!.key as Node).range![0];
    const keyCol = src.colOf(firstKey);
    if (src.lineOf(firstKey) !== src.lineOf(modelDash)) {
      lines = blockItemLines(entries, dashCol, '', keyCol);
    } else {
      const gap = src.text.slice(modelDash + 1, firstKey);
      lines = blockItemLines(entries, dashCol, /^ +$/.test(gap) ? gap : ' '.repeat(Math.max(1, keyCol - dashCol - 1)), undefined);
    }
  } else {
    lines = blockItemLines(entries, dashCol, ' ', undefined);
  }
  return linesAfter(src, after, lines);
}

/**
 * `records: [ … ]`: the one case that is not whole lines. The record goes into the sequence as a flow
 * mapping, after its last item (`, {…}`) or, when it is empty, just before its `]`; the brackets, other
 * items, comments and line breaks inside stay as they are, and nothing is converted to block style.
 */
function insertIntoFlowSeq(seq: YAMLSeq, entries: [RecordKey, string][], src: Source): Insertion {
  const last = seq.items[seq.items.length - 1] as Node | null | undefined;
  const model = [...seq.items].reverse().find((i) => isMap(i) && i.flow) as YAMLMap | undefined;
  const padding = model?.range ? src.text[model.range[0] + 1] === ' ' : false;
  const mapping = flowMapping(entries, padding);
  if (last?.range) return { at: last.range[1], text: `, ${mapping}` };
  if (seq.items.length > 0) {
    throw new EditError('UNEDITABLE', msg('edit.item'), src.lineOf(seq.range![0]) + 1);
  }
  const close = seq.range![1] - 1;
  const open = seq.range![0];
  if (src.text[close] !== ']' || src.text[open] !== '[') {
    throw new EditError('UNEDITABLE', msg('edit.emptyFlow'), src.lineOf(open) + 1);
  }
  // `[ ]` reads as "padded": keep the space on both sides of the new item.
  const inner = src.text.slice(open + 1, close);
  const text = inner.length > 0 && /^ +$/.test(inner) ? `${mapping} ` : mapping;
  return { at: close, text };
}

/** The re-parsed result must be the old value with exactly this record appended; anything else is refused. */
function verify(
  old: Document.Parsed,
  result: string,
  found: FoundTask,
  entries: [RecordKey, string][],
  taskId: string,
  taskIn = (v: unknown) => (v as { sections: { tasks: Record<string, unknown>[] }[] }).sections[found.section]!.tasks[found.task]!,
  lineCounter?: LineCounter,
): Document.Parsed {
  const fail = (why: 'uncheckable' | 'noList' | 'invalid' | 'other', detail?: string): never => {
    throw new EditError('UNEDITABLE', msg('edit.verify', { id: taskId, why, ...(detail !== undefined ? { detail } : {}) }));
  };
  // Copied without sharing: an alias resolves to the same JS object, and appending to a list that another
  // task reaches through an alias would change that task too — which the comparison must catch.
  const value = (d: Document.Parsed): unknown => {
    try {
      return d.toJS();
    } catch (e) {
      // toJS refuses alias bombs (a plan needs no aliases at all).
      return fail('uncheckable', e instanceof Error ? e.message : String(e));
    }
  };
  const expected = unshared(value(old));
  const task = taskIn(expected);
  const records = task['records'];
  if (records === null || records === undefined) task['records'] = [Object.fromEntries(entries)];
  else if (Array.isArray(records)) records.push(Object.fromEntries(entries));
  else fail('noList');
  const doc = parseDocument(result, { ...EDIT_YAML, keepSourceTokens: false, ...(lineCounter ? { lineCounter } : {}) });
  if (doc.errors.length > 0) fail('invalid', doc.errors[0]!.message.split('\n')[0]);
  if (!isDeepStrictEqual(value(doc), expected)) fail('other');
  return doc;
}

function unshared(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unshared);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unshared(v)]));
  }
  return value;
}
