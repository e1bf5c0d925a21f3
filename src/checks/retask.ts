// The findings of a plan whose tasks alone were edited by hand, made without reading the rest of its text again: those
// about unchanged tasks and the rest move with their lines, changed tasks are checked alone, ids across the plan again.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type LineCounter, type Node } from 'yaml';
import { makeDiagnostic, type Diagnostic, type Position } from '../model/diagnostics.js';
import { asList, type Path, type Plan } from '../model/model.js';
import type { TaskFile } from '../model/schema.js';
import { locate, type Source } from '../read/locate.js';
import { BEFORE_ALL_DAYS, MAX_FINDINGS, clipped, type Analysis } from './analyze.js';
import { CHECKER, checkAgencies, checkProse, checkSectionsAndIds, citesDated, hasLegacyTelltale, proseOf } from './check.js';
import { checkFollowLoops, checkRecords, checkTimeline } from './check-timeline.js';
import type { CheckContext, Checker } from './context.js';
import { lineMover, pieceAt, type Compared } from './reshift.js';

/** A task of the new text, in plan order: where its item stands, and the old task it repeats unchanged, if any. */
export interface TaskRead {
  /** Its piece in the new text's cut. */
  piece: number;
  /** Its task list (the n-th list of the text). */
  list: number;
  old?: { raw: TaskFile; piece: number; index: number; list: number };
  /** Its item's node, read from its own lines (when a finding must be placed in it). */
  node: () => Node | undefined;
  /** Its value as read (of an unchanged task, read again from its lines only when asked for). */
  js: () => unknown;
}

/** A finding and the piece of the new text it is about (its place among the findings of one checker). */
interface Found {
  d: Diagnostic;
  unit: number;
}

const FIRST = -1;
const LAST = Number.MAX_SAFE_INTEGER;
const EVERY = Object.values(CHECKER).length;

/** Raised where a finding falls where this way cannot place it: the edit is analysed the whole way. */
class Unsure extends Error {}

/** Whether any prose of a task cites a dated document (such citations are compared with every other one). */
function citesDatedIn(task: unknown, path: Path): boolean {
  return proseOf(task, path).some((t) => citesDated(t.text));
}

/**
 * The findings (and their checkers) of the plan `plan` read from the text `c` compares with the analysis `a`, or
 * undefined where this cannot be sure of them: text in a legacy font encoding, a changed task that cites a dated document, tasks moved, findings capped, an agency
 * named or no longer named by any task, or findings of the old analysis it cannot place.
 */
export function retask(a: Analysis, c: Compared, file: string, plan: Plan, tasks: TaskRead[], lc: LineCounter): { diagnostics: Diagnostic[]; checkers: string } | undefined {
  const by = a.checkers;
  if (!a.raw || by === undefined || by.length !== a.diagnostics.length || by.includes('L')) return undefined;
  if (hasLegacyTelltale(c.text)) return undefined;
  const oldTasks = a.raw.sections.flatMap((s) => s.tasks);
  if (plan.tasks.length !== tasks.length) return undefined;
  // Checked again: changed tasks, unchanged ones moved or copied (their findings would no longer be in the order the
  // checks make them), and those that follow another (whether it is there, the task before it).
  const changed = new Set<number>();
  const timed = new Set<number>();
  const taskAt = new Map<number, number>();
  const kept = new Set<number>();
  let last = -1;
  tasks.forEach((t, i) => {
    if (t.old && t.old.index > last && t.old.list === t.list) {
      last = t.old.index;
      kept.add(t.old.index);
      taskAt.set(t.piece, i);
    } else changed.add(i);
    if (changed.has(i) || plan.tasks[i]!.schedule?.follows !== undefined) timed.add(i);
  });

  // The tasks not kept (old and new) cite no dated document.
  const origins = a.origins ?? [];
  for (let i = 0; i < oldTasks.length; i++) {
    if (!kept.has(i) && citesDatedIn(oldTasks[i], origins[i]?.path ?? [])) return undefined;
  }
  const values = new Map<number, unknown>();
  for (const i of changed) {
    const js = tasks[i]!.js();
    if (js === undefined || citesDatedIn(js, plan.tasks[i]!.path)) return undefined;
    values.set(i, js);
  }

  // An agency that no task names (AGENCY_UNUSED) is a finding about the whole plan: the same agencies must be named.
  const named = (lists: { lead?: string | string[]; support?: string | string[] }[]) => {
    const out = new Set<string>();
    for (const t of lists) for (const id of [...asList(t.lead), ...asList(t.support)]) out.add(id);
    return out;
  };
  const before = named(oldTasks);
  const now = named(plan.tasks);
  for (const id of plan.agencies.keys()) if (before.has(id) !== now.has(id)) return undefined;

  // The old pieces and their counterparts in the new text: the head, separators and tail, and the unchanged tasks.
  const pairs: (number | undefined)[] = c.before.map(() => undefined);
  const skeleton = (kinds: typeof c.before) => kinds.flatMap((p, i) => (p.kind === 'h' || p.kind === 's' || p.kind === 'e' ? [i] : []));
  const sb = skeleton(c.before);
  const sa = skeleton(c.after);
  if (sb.length !== sa.length) return undefined;
  for (let k = 0; k < sb.length; k++) {
    const p = c.before[sb[k]!]!;
    const q = c.after[sa[k]!]!;
    if (p.kind !== q.kind || p.hash !== q.hash) return undefined;
    pairs[sb[k]!] = sa[k]!;
  }
  for (const t of tasks) if (t.old && taskAt.has(t.piece)) pairs[t.old.piece] = t.piece;
  const move = lineMover(c.before, c.after, pairs);
  const starts = c.before.map((p) => p.line);
  const pieceOf = (line0: number): number => pieceAt(starts, line0);
  const moved = (p: Position): Position => {
    const line = move(p.line - 1);
    if (line === undefined) throw new Unsure();
    return line + 1 === p.line ? p : { line: line + 1, col: p.col };
  };

  const found: Found[][] = Array.from({ length: EVERY }, () => []);
  try {
    // The old findings that still hold: about the rest of the text, and about unchanged tasks.
    a.diagnostics.forEach((d, i) => {
      const k = Number(by[i]);
      if (!(k >= 0 && k < EVERY)) throw new Unsure();
      // No text in a legacy encoding is left (see above); task ids are worked out again for the whole plan.
      if (k === CHECKER.legacy) return;
      const pi = pieceOf(d.start.line - 1);
      const piece = c.before[pi]!;
      if (piece.kind === 'g') throw new Unsure();
      const to = pairs[pi];
      if (piece.kind === 't' && (k === CHECKER.ids || to === undefined || (k === CHECKER.timelines && timed.has(taskAt.get(to)!)))) return;
      // A citation's first mention, cited as found in the tail, is not in the order the checker met them.
      if (k === CHECKER.prose && piece.kind === 'e') throw new Unsure();
      const unit = piece.kind === 't' ? to! : k === CHECKER.ids ? FIRST : k === CHECKER.agencies ? LAST : to!;
      const start = moved(d.start);
      const end = d.end && moved(d.end);
      let message = d.message;
      const line = message.params?.line;
      if (d.code === 'REF_CONFLICT' && typeof line === 'number') {
        const at = move(line - 1);
        if (at === undefined) throw new Unsure();
        message = { ...message, params: { ...message.params, line: at + 1 } };
      }
      const same = start === d.start && end === d.end && message === d.message && d.file === file;
      found[k]!.push({ d: same ? d : { ...d, file, start, ...(end ? { end } : {}), message }, unit });
    });

    // The tasks' nodes, each read from its own lines when a finding is placed in it.
    const index = new Map<string, number>();
    plan.tasks.forEach((t, i) => index.set(`${t.path[1]}/${t.path[3]}`, i));
    const root = new YAMLMap();
    const sections = new YAMLSeq();
    root.items.push(new Pair(new Scalar('sections'), sections));
    const lists = new Map<number, YAMLSeq>();
    plan.tasks.forEach((t, i) => {
      const [, si, , ti] = t.path;
      if (typeof si !== 'number' || typeof ti !== 'number') throw new Unsure();
      let seq = lists.get(si);
      if (!seq) {
        const section = new YAMLMap();
        seq = new YAMLSeq();
        section.items.push(new Pair(new Scalar('tasks'), seq));
        sections.items[si] = section;
        lists.set(si, seq);
      }
      Object.defineProperty(seq.items, ti, { get: tasks[i]!.node, enumerable: true, configurable: true });
    });
    const doc = new Document();
    doc.contents = root;
    const src = { file, text: c.text, doc, lineCounter: lc } as unknown as Source;

    /** Runs `check` on `on`; a finding about a task gets that task's piece (or `unit`), any other is `other`'s to judge. */
    const run = (check: Checker, k: number, on: Plan, data: Record<string, unknown>, only: Set<number> | undefined, other: () => void, unit?: number) => {
      const ctx: CheckContext = {
        plan: on,
        src,
        today: BEFORE_ALL_DAYS,
        complete: false,
        data,
        agencyKey: (id) => id,
        add(code, where, message, hint, ifTodayBefore) {
          if (!Array.isArray(where)) throw new Unsure();
          const [s, si, t, ti] = where;
          const i = s === 'sections' && t === 'tasks' ? index.get(`${si}/${ti}`) : undefined;
          if (i === undefined || (only && !only.has(i))) return other();
          // A task whose lines do not read alone has no node to place a finding in.
          if (!tasks[i]!.node()) throw new Unsure();
          const d = makeDiagnostic(code, file, locate(src, where), message, hint);
          if (ifTodayBefore !== undefined) d.ifTodayBefore = ifTodayBefore;
          found[k]!.push({ d: clipped([d])[0]!, unit: unit ?? tasks[i]!.piece });
        },
      };
      check(ctx);
    };

    // Task ids across the whole plan (duplicates, rows in order); the sections' own findings are kept from before.
    run(checkSectionsAndIds, CHECKER.ids, plan, {}, undefined, () => undefined);
    const unsure = () => {
      throw new Unsure();
    };
    // Timelines task by task, then loops of `follows` across the whole plan (after every task's findings).
    for (const i of timed) run((ctx) => checkTimeline(ctx, plan.tasks[i]!), CHECKER.timelines, plan, {}, timed, unsure);
    run(checkFollowLoops, CHECKER.timelines, plan, {}, undefined, unsure, LAST);
    // The changed tasks alone, by every other check that looks at one task at a time.
    if (changed.size > 0) {
      const subset: Plan = { ...plan, tasks: plan.tasks.filter((_, i) => changed.has(i)) };
      const data: unknown[] = [];
      for (const i of changed) {
        const [, si, , ti] = plan.tasks[i]!.path as [string, number, string, number];
        const section = (data[si] ??= { tasks: [] }) as { tasks: unknown[] };
        section.tasks[ti] = values.get(i);
      }
      // Agencies' own findings (members, loops, names) are about the head, which did not change.
      run(checkAgencies, CHECKER.agencies, subset, { sections: data }, changed, () => undefined);
      run(checkProse, CHECKER.prose, subset, { sections: data }, changed, unsure);
      run(checkRecords, CHECKER.records, subset, { sections: data }, changed, unsure);
    }
  } catch (e) {
    if (e instanceof Unsure) return undefined;
    throw e;
  }

  const diagnostics: Diagnostic[] = [];
  let checkers = '';
  found.forEach((list, k) => {
    // Stable: findings about one piece keep the order their checker made them in.
    list.sort((x, y) => x.unit - y.unit);
    for (const f of list) diagnostics.push(f.d);
    checkers += String(k).repeat(list.length);
  });
  if (diagnostics.length > MAX_FINDINGS) return undefined;
  return { diagnostics, checkers };
}
