// The analysis of a plan after one record was added to one task, made from the analysis before it: the findings that
// a record can change (the task's records and due days) are worked out again for that task alone, from its lines.
import { isNode } from 'yaml';
import { makeDiagnostic, type Diagnostic, type Position } from '../model/diagnostics.js';
import type { Path, Task } from '../model/model.js';
import { Record as RecordShape, type PlanFile, type RecordFile } from '../model/schema.js';
import type { RecordEdit, TaskLines } from '../read/layout.js';
import { cutLike, formatPiece, Lines, type Segments } from '../read/segments.js';
import { nodeAt, type Source } from '../read/locate.js';
import { scheduleOf } from '../views/evaluate.js';
import { BEFORE_ALL_DAYS, MAX_FINDINGS, clipped, type Analysis } from './analyze.js';
import { CHECKER, LEGACY_TELLTALE } from './check.js';
import { checkDueDays, checkRecords } from './check-timeline.js';
import { modelOf } from './checked.js';
import type { CheckContext } from './context.js';

type Found = Omit<Diagnostic, 'file'>;

/** The checkers of the findings made again here, as analyze.ts' `checkers` names them (check.ts' CHECKER). */
const TIMELINES = String(CHECKER.timelines);
const RECORDS = String(CHECKER.records);

/**
 * The findings about one task that its records decide, located in the task's own lines: the first `due` of its due
 * days (check-timeline.ts' checkDueDays, a timeline finding), the rest of its records.
 */
function recordFindings(a: Analysis, plan: NonNullable<ReturnType<typeof modelOf>>, task: Task, lines: TaskLines): { found: Found[]; due: number } | undefined {
  const out: Found[] = [];
  let lost = false;
  const at = (path: Path): Position | undefined => {
    const head = task.path;
    if (path.length < head.length || head.some((k, i) => path[i] !== k)) return undefined;
    const node = nodeAt(lines.doc, [0, ...path.slice(head.length)]);
    if (!isNode(node) || !node.range) return undefined;
    const p = lines.lc.linePos(node.range[0]);
    return { line: lines.first + p.line, col: p.col };
  };
  const ctx: CheckContext = {
    plan: { ...plan, tasks: [task] },
    // Read only for a record with neither `done` nor `trigger`, an error that a plan being edited does not have.
    src: { doc: lines.doc } as unknown as Source,
    today: BEFORE_ALL_DAYS,
    complete: true,
    data: a.raw as unknown as Record<string, unknown>,
    agencyKey: (id) => id,
    add(code, where, message, hint, ifTodayBefore) {
      const start = Array.isArray(where) ? at(where) : undefined;
      if (!start) {
        lost = true;
        return;
      }
      const d = makeDiagnostic(code, '', start, message, hint);
      if (ifTodayBefore !== undefined) d.ifTodayBefore = ifTodayBefore;
      out.push(d);
    },
  };
  checkDueDays(ctx, task, scheduleOf(plan, task).parts);
  const due = out.length;
  checkRecords(ctx);
  return lost ? undefined : { found: out, due };
}

/** A finding's text is a catalogue key with its parameters (a value, not a string): compared by what it holds. */
const sameText = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);
const same = (d: Found, e: Found): boolean =>
  d.code === e.code &&
  d.start.line === e.start.line &&
  d.start.col === e.start.col &&
  sameText(d.message, e.message) &&
  sameText(d.hint, e.hint) &&
  d.ifTodayBefore === e.ifTodayBefore;

/**
 * The analysis of the plan with the record added, or undefined where it cannot be told this way (then the new text is
 * analysed whole): every finding the old analysis holds about the task's records must be found again in it.
 */
export function analysisAfterRecord(a: Analysis, edit: RecordEdit & { text?: string }, written: RecordFile, file: string): Analysis | undefined {
  const { index } = edit;
  const origin = a.origins?.[index];
  if (!a.raw || !a.layout || !a.schedules || a.partial || !origin || origin.records !== undefined) return undefined;
  if (a.diagnostics.length >= MAX_FINDINGS || a.diagnostics.some((d) => d.severity === 'error')) return undefined;
  // A note in a legacy font encoding is a finding of the whole-file check of text values.
  if (Object.values(written).some((v) => typeof v === 'string' && LEGACY_TELLTALE.test(v))) return undefined;
  const parsed = RecordShape.safeParse(written);
  if (!parsed.success) return undefined;
  const [, si, , ti] = origin.path;
  if (typeof si !== 'number' || typeof ti !== 'number') return undefined;

  const plan = modelOf(a, file);
  const task = plan?.tasks[index];
  if (!plan || !task) return undefined;
  const old = recordFindings(a, plan, task, edit.before);
  if (!old) return undefined;

  const raw: PlanFile = {
    ...a.raw,
    sections: a.raw.sections.map((s, i) =>
      i !== si ? s : { ...s, tasks: s.tasks.map((t, j) => (j !== ti ? t : { ...t, records: [...(t.records ?? []), parsed.data] })) },
    ),
  };
  // The lines of the old text must not stand for the new one: they are read again from its bytes when wanted.
  const { lines: _, ...rest } = a;
  const next: Analysis = { ...rest, raw };
  const plan2 = modelOf(next, file);
  const task2 = plan2?.tasks[index];
  if (!plan2 || !task2) return undefined;
  const now = recordFindings(next, plan2, task2, edit.after);
  if (!now) return undefined;

  // Each finding with its checker (analyze.ts' `checkers`), where the old analysis says them.
  const by = a.checkers !== undefined && a.checkers.length === a.diagnostics.length ? a.checkers : undefined;
  const kept = a.diagnostics.map((d, i) => ({ d, k: by?.[i] }));
  for (const [j, d] of old.found.entries()) {
    const k = by !== undefined ? (j < old.due ? TIMELINES : RECORDS) : undefined;
    const i = kept.findIndex((e) => e.k === k && same(d, e.d));
    if (i < 0) return undefined;
    kept.splice(i, 1);
  }
  const move = (p: Position): Position => (p.line - 1 >= edit.shiftFrom ? { line: p.line + edit.added, col: p.col } : p);
  const moved = kept.map(({ d, k }) => ({
    d: d.start.line - 1 >= edit.shiftFrom || (d.end && d.end.line - 1 >= edit.shiftFrom) ? { ...d, start: move(d.start), ...(d.end ? { end: move(d.end) } : {}) } : d,
    k,
    /** Its line in the old text. */
    line: d.start.line - 1,
  }));
  const added = clipped(now.found.map((d) => ({ ...d, file }) as Diagnostic));
  const was = a.layout[index];
  if (by !== undefined && was) {
    // Where the checkers would have made them: after the findings of the same checker about tasks before this one and
    // about this one (its due days come last of its timeline findings), before the rest (loops of follows last).
    for (const [k, list] of [[TIMELINES, added.slice(0, now.due)], [RECORDS, added.slice(now.due)]] as const) {
      let at = 0;
      moved.forEach((e, i) => {
        if (e.k === 'L' || (e.k !== undefined && (e.k < k || (e.k === k && e.d.message.key !== 'tl.followsLoop' && e.line <= was.end)))) at = i + 1;
      });
      moved.splice(at, 0, ...list.map((d) => ({ d, k, line: was.end })));
    }
  } else moved.push(...added.map((d) => ({ d, k: undefined, line: was?.end ?? 0 })));
  const diagnostics = moved.map((e) => e.d);
  if (diagnostics.length > MAX_FINDINGS) return undefined;
  const layout = a.layout.map((l, i) => (i === index ? edit.layout : l && l.line >= edit.shiftFrom ? { ...l, line: l.line + edit.added, end: l.end + edit.added } : l));
  const { segments: cut, checkers: _c, ...out } = next;
  const segments = cut && edit.text !== undefined ? cutAgain(cut, edit.text) : undefined;
  // Without the old checkers (or the task's place) the findings are not in the checkers' order: a later hand edit
  // does not reuse them one by one.
  const checkers = by !== undefined && was ? moved.map((e) => e.k).join('') : undefined;
  return { ...out, diagnostics, layout, ...(segments ? { segments } : {}), ...(checkers !== undefined ? { checkers } : {}) };
}

/** The segments of the edited text (as the checker reads it: no byte-order mark, NFC), cut as the old text was. */
function cutAgain(was: Segments, text: string): Segments | undefined {
  const pieces = cutLike(new Lines((text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).normalize('NFC')), was);
  return pieces && { indent: was.indent, pieces: pieces.map(formatPiece) };
}
