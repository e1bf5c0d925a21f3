// The analysis of a plan edited by hand, made from the analysis of its text before the edit: tasks whose lines did not
// change are reused, changed and new ones are read alone (YAML of the item's lines, the same zod schema), then every
// check runs on the new model. Whatever it cannot be sure of gives undefined, and the new text is analysed whole.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, YAMLSeq, type Document, type Node, type Pair } from 'yaml';
import { UNSAFE_IN_VALUE } from '../model/unsafe.js';
import { buildModel } from '../model/model.js';
import { Task as TaskShape, type PlanFile, type TaskFile } from '../model/schema.js';
import { tooDeepAt } from '../read/depth.js';
import { layoutOf } from '../read/layout.js';
import type { Loaded } from '../read/load.js';
import type { Source } from '../read/locate.js';
import { keepsTrailing, type Piece } from '../read/segments.js';
import { LOAD_YAML } from '../read/yaml.js';
import { knownSchedule, scheduleOf } from '../views/evaluate.js';
import type { Diagnostic } from '../model/diagnostics.js';
import { BEFORE_ALL_DAYS, capped, checkersOf, clipped, type Analysis } from './analyze.js';
import { checkLoaded } from './check.js';
import { compare, reshift, type Compared } from './reshift.js';
import { retask, type TaskRead } from './retask.js';

/** Moves every node's range by `by` characters (a piece read alone → its place in the whole text). */
function shiftRanges(node: unknown, by: number): void {
  if (by === 0) return;
  visit(node as Node, {
    Node(_k, n) {
      if (n.range) n.range = [n.range[0] + by, n.range[1] + by, n.range[2] + by];
    },
  });
}

/** Whether a document read alone is what it would be inside the plan: no error, anchor, alias, tag, repeated key or control character. */
function clean(doc: Document.Parsed): boolean {
  if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
  let ok = true;
  visit(doc, {
    Node(_k, n) {
      if (isAlias(n) || n.anchor || n.tag) ok = false;
      else if (isScalar(n) && typeof n.value === 'string' && UNSAFE_IN_VALUE.test(n.value)) ok = false;
      else if (isScalar(n) && (n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED') && /^[|>][^\n#]*\+/.test(String(n.source ?? ''))) ok = false;
      else if (isMap(n)) {
        const seen = new Set<string>();
        for (const p of n.items) {
          if (!isScalar(p.key)) continue;
          const k = String(p.key.value);
          if (seen.has(k)) ok = false;
          seen.add(k);
        }
      }
      return ok ? undefined : visit.BREAK;
    },
  });
  return ok;
}

/** One task item read alone: its node (moved to `from`) and its value; undefined where it does not read as one clean task. */
function readItem(text: string, from: number, to: number): { node: Node; js: unknown } | undefined {
  const own = text.slice(from, to);
  if (keepsTrailing(own)) return undefined;
  let doc: Document.Parsed;
  try {
    doc = parseDocument(own, LOAD_YAML);
  } catch {
    return undefined;
  }
  if (!clean(doc) || !isSeq(doc.contents) || doc.contents.flow || doc.contents.items.length !== 1) return undefined;
  const node = doc.contents.items[0];
  if (!isMap(node) || node.flow) return undefined;
  const js = (doc.toJS({ maxAliasCount: 0 }) as unknown[])[0];
  shiftRanges(node, from);
  return { node: node as Node, js };
}

/** The analysis of `bytes` made from `a`, the analysis of the same plan's text before a hand edit; undefined where unsure. */
export function reanalyze(a: Analysis, bytes: Uint8Array, file: string, c: Compared | undefined = compare(a, bytes)): Analysis | undefined {
  const shifted = reshift(a, bytes, c);
  if (shifted) return { ...shifted, diagnostics: shifted.diagnostics.map((d) => (d.file === file ? d : { ...d, file })) };
  if (!c || !a.raw || !a.layout || a.layout.length === 0) return undefined;
  const { text, lines: l, before, after } = c;
  // Nested past what any plan needs: the whole analysis says so (and the YAML reader must not be let near it).
  if (tooDeepAt(text) >= 0) return undefined;

  // The old tasks, in order, with their pieces; and the task lists (items between two separators) of both texts.
  const lists = (ps: Piece[]) => {
    const out: number[][] = [[]];
    ps.forEach((p, i) => {
      if (p.kind === 't') out[out.length - 1]!.push(i);
      else if (p.kind === 's') out.push([]);
    });
    return out;
  };
  const oldLists = lists(before);
  const newLists = lists(after);
  const sectionsWithTasks = a.raw.sections.map((s, si) => [s, si] as const).filter(([s]) => s.tasks.length > 0);
  if (oldLists.length !== newLists.length || sectionsWithTasks.length !== oldLists.length) return undefined;
  const oldTasks: { raw: TaskFile; piece: number; index: number; list: number }[] = [];
  for (let j = 0; j < oldLists.length; j++) {
    const [s] = sectionsWithTasks[j]!;
    if (s.tasks.length !== oldLists[j]!.length) return undefined;
    oldLists[j]!.forEach((pi, ti) => oldTasks.push({ raw: s.tasks[ti]!, piece: pi, index: oldTasks.length, list: j }));
    // A list emptied reads as `tasks:` with no value (a shape error); a list that was empty is written `[]`.
    if (newLists[j]!.length === 0) return undefined;
  }
  if (oldTasks.length !== a.layout.length) return undefined;
  const byHash = new Map<string, (typeof oldTasks)[number]>();
  for (const t of oldTasks) if (!byHash.has(before[t.piece]!.hash)) byHash.set(before[t.piece]!.hash, t);

  // Each task: the old one where its lines are unchanged, else read alone and checked against the schema.
  const newTasks: TaskFile[][] = [];
  const layout: Analysis['layout'] = [];
  const read: TaskRead[] = [];
  const lc = new LineCounter();
  for (const s of l.starts) lc.addNewLine(s);
  for (let j = 0; j < newLists.length; j++) {
    const tasks: TaskFile[] = [];
    for (const pi of newLists[j]!) {
      const p = after[pi]!;
      const from = l.start(p.line);
      const to = l.start(p.line + p.lines);
      const old = byHash.get(p.hash);
      if (old) {
        let again: ReturnType<typeof readItem> | null = null;
        const item = () => (again === null ? (again = readItem(text, from, to)) : again);
        read.push({ piece: pi, list: j, old, node: () => item()?.node, js: () => item()?.js });
        tasks.push(old.raw);
        const was = a.layout[old.index];
        const shift = p.line - before[old.piece]!.line;
        layout.push(was ? (shift === 0 ? was : { ...was, line: was.line + shift, end: was.end + shift }) : null);
        continue;
      }
      const item = readItem(text, from, to);
      if (!item) return undefined;
      const parsed = TaskShape.safeParse(item.js);
      if (!parsed.success) return undefined;
      read.push({ piece: pi, list: j, node: () => item.node, js: () => item.js });
      tasks.push(parsed.data);
      layout.push(layoutOf(item.node, text, lc) ?? null);
    }
    newTasks.push(tasks);
  }

  const raw: PlanFile = { ...a.raw, sections: a.raw.sections.map((s, si) => {
    const j = sectionsWithTasks.findIndex(([, i]) => i === si);
    return j < 0 ? s : { ...s, tasks: newTasks[j]! };
  }) };
  const plan = buildModel(raw, file);
  // An unchanged task's phrase and schedule are read as before: reading phrases is most of checking a plan.
  if (a.schedules?.length === oldTasks.length) {
    read.forEach(({ old }, i) => {
      const s = old && a.schedules![old.index];
      if (s && plan.tasks[i]) knownSchedule(plan.tasks[i], s);
    });
  }
  const done = (diagnostics: Diagnostic[], checkers: string | undefined): Analysis => ({
    raw,
    origins: plan.tasks.map((t) => ({ path: t.path })),
    diagnostics,
    ...(checkers !== undefined ? { checkers } : {}),
    schedules: plan.tasks.map((t) => scheduleOf(plan, t)),
    layout,
    segments: c.segments,
  });
  // Only tasks changed (the rest of the text is as it was, by the cut): their findings, without reading the rest again.
  const quick = retask(a, c, file, plan, read, lc);
  if (quick) return done(quick.diagnostics, quick.checkers);

  // Else the text apart from the tasks (head, separators, tail), read as one document, its nodes moved to their
  // places, each task list's items read from their own lines when a check asks for them; and every check run.
  const rest = after.filter((p) => p.kind === 'h' || p.kind === 's' || p.kind === 'e');
  let skeleton = '';
  const marks: { at: number; to: number; len: number }[] = [];
  for (const p of rest) {
    const from = l.start(p.line);
    const to = l.start(p.line + p.lines);
    marks.push({ at: skeleton.length, to: from, len: to - from });
    skeleton += text.slice(from, to);
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(skeleton, LOAD_YAML);
  } catch {
    return undefined;
  }
  if (!clean(doc)) return undefined;
  const data = doc.toJS({ maxAliasCount: 0 }) as { sections?: { tasks?: unknown }[] };
  const place = (x: number, end: boolean): number => {
    let m = marks[0]!;
    for (const k of marks) {
      if (k.at < x || (k.at === x && !end)) m = k;
      else break;
    }
    return m.to + (x - m.at);
  };
  visit(doc, {
    Node(_k, n) {
      if (n.range) n.range = [place(n.range[0], false), place(n.range[1], true), place(n.range[2], true)];
    },
  });
  const sections = doc.getIn(['sections'], true);
  if (!isSeq(sections) || !Array.isArray(data.sections)) return undefined;
  let first = 0;
  for (let j = 0; j < newLists.length; j++) {
    const count = newTasks[j]!.length;
    const [, si] = sectionsWithTasks[j]!;
    const sectionNode = sections.items[si];
    const sectionData = data.sections[si];
    if (!isMap(sectionNode) || !sectionData) return undefined;
    const pair = sectionNode.items.find((x) => isScalar(x.key) && x.key.value === 'tasks') as Pair<unknown, unknown> | undefined;
    if (!pair) return undefined;
    const seq = new YAMLSeq();
    for (let i = 0; i < count; i++) {
      const item = read[first + i]!;
      let set: unknown;
      Object.defineProperty(seq.items, i, {
        get: () => set ?? item.node(),
        set: (v: unknown) => (set = v),
        enumerable: true,
        configurable: true,
      });
    }
    pair.value = seq;
    sectionData.tasks = read.slice(first, first + count).map((t) => (t.old ? t.old.raw : t.js()));
    first += count;
  }

  const src: Source = { file, text, lines: text.split(/\r?\n/), bom: c.bom, crlf: c.crlf, doc, lineCounter: lc };
  const loaded: Loaded = { file, source: src, plan, valid: true, complete: true, diagnostics: [], data: data as Record<string, unknown>, heading: { read: true, year: true } };
  const by: number[] = [];
  const diagnostics = capped(clipped(checkLoaded(loaded, BEFORE_ALL_DAYS, by)), file);
  return done(diagnostics, checkersOf(by));
}
