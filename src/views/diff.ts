// The meaning of a change between two versions of a plan (tasks, due dates, agencies, records, heading): plain data, no I/O.
import { expand, involvement, type Role } from '../model/agencies.js';
import type { Plan, Task } from '../model/model.js';
import type { RecordFile } from '../model/schema.js';
import { foldName } from '../model/text.js';
import { evaluatePlan } from './evaluate.js';

/** An old and a new value of one field; `null` where a side has none. */
export interface Change<T = string | null> {
  old: T;
  new: T;
}

export interface TaskBrief {
  id: string;
  section: string;
  content: string;
  lead: string[];
  support: string[];
  when: string;
  /** Each occurrence's due date, as computed from the timeline. */
  due: { period: string | null; due: string | null }[];
  records: RecordFile[];
}

/** An agency whose part in a task changed: its role on each side (null: not involved), and the collective it came through. */
export interface RoleChange {
  agency: string;
  name: string;
  old: Role | null;
  new: Role | null;
  /** The collective through which the agency is (or was) involved, where the task does not name it itself. */
  via: Change<string | null>;
}

export interface DueChange {
  period: string | null;
  old: string | null;
  new: string | null;
  /** `moved`: the occurrence exists on both sides with another due date; `added`/`removed`: only on one side. */
  kind: 'moved' | 'added' | 'removed';
}

export interface RecordChanges {
  added: RecordFile[];
  removed: RecordFile[];
  changed: Change<RecordFile>[];
}

export interface TaskChange {
  /** The task's id in the new version. */
  id: string;
  /** Its id in the old version (differs where it was renumbered). */
  from: string;
  content: string;
  /** How the old and new tasks were paired: same id and content, same content, or similar content/lead/timeline. */
  match: 'same' | 'content' | 'similar';
  section?: Change<string>;
  fields: { field: 'content' | 'output' | 'when' | 'schedule'; old: string | null; new: string | null }[];
  /** Agencies named in the task (lead/support), as written. */
  named: RoleChange[];
  /** Every agency whose effective part changed, collectives' members included. */
  involved: RoleChange[];
  due: DueChange[];
  records: RecordChanges;
}

export interface AgencyChange {
  id: string;
  name: Change<string | null>;
  aliases: { added: string[]; removed: string[] };
  members: { added: string[]; removed: string[] };
  /** Tasks that name this agency (or a collective holding it) on either side, whose agencies therefore change. */
  tasks: string[];
  /** Where members came or went: which tasks that gives to whom, or takes from whom (by the new ids). */
  moves: { agency: string; name: string; old: Role | null; new: Role | null; tasks: string[] }[];
}

export interface BasisDiff {
  added: { ref: string; text: string; date: string }[];
  removed: { ref: string; text: string; date: string }[];
  changed: { ref: string; fields: { field: string; old: string; new: string }[] }[];
}

export interface PlanDiff {
  old: { label: string; title: string; year: number };
  new: { label: string; title: string; year: number };
  heading: { field: string; old: string | null; new: string | null }[];
  bases: BasisDiff;
  /** Other parts of the document (intro, purposes, funding …) whose text changed, by key. */
  text: string[];
  sections: { id: string; old: string | null; new: string | null }[];
  agencies: { added: { id: string; name: string }[]; removed: { id: string; name: string }[]; changed: AgencyChange[] };
  tasks: { added: TaskBrief[]; removed: TaskBrief[]; changed: TaskChange[] };
  summary: {
    added: number;
    removed: number;
    renumbered: number;
    changed: number;
    movedDeadlines: number;
    recordsAdded: number;
    recordsChanged: number;
    recordsRemoved: number;
    agencies: number;
  };
}

/** Far enough ahead that every recorded trigger counts: due dates are compared, not statuses. */
const EVERY_DAY = '9999-12-31';

function norm(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function words(s: string): Set<string> {
  return new Set(foldName(s).split(/[^a-z0-9]+/).filter(Boolean));
}

function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

/**
 * How alike two tasks are, from 0 to 1: mostly their work, then their lead and their timeline, so that a task
 * renumbered and lightly reworded is still recognised.
 */
export function similarity(a: Task, b: Task): number {
  return 0.6 * jaccard(words(a.content), words(b.content)) + 0.2 * jaccard(new Set(a.lead), new Set(b.lead)) + 0.2 * jaccard(words(a.when), words(b.when));
}

/** A task of the same id is taken as the same task from this likeness on; a task under another id needs more. */
const SAME_ID_THRESHOLD = 0.5;
const OTHER_ID_THRESHOLD = 0.6;

type Pair = { a: Task; b: Task; match: TaskChange['match'] };

/** Pairs old and new tasks: same id and content, then same content, then same id and alike, then alike. */
export function matchTasks(oldPlan: Plan, newPlan: Plan): { pairs: Pair[]; removed: Task[]; added: Task[] } {
  const olds = [...oldPlan.tasks];
  const news = [...newPlan.tasks];
  const usedA = new Set<Task>();
  const usedB = new Set<Task>();
  const pairs: Pair[] = [];
  const take = (a: Task, b: Task, match: Pair['match']) => {
    usedA.add(a);
    usedB.add(b);
    pairs.push({ a, b, match });
  };
  for (const a of olds) {
    const b = news.find((x) => !usedB.has(x) && x.id === a.id && norm(x.content) === norm(a.content));
    if (b) take(a, b, 'same');
  }
  for (const a of olds) {
    if (usedA.has(a)) continue;
    const b = news.find((x) => !usedB.has(x) && norm(x.content) === norm(a.content));
    if (b) take(a, b, 'content');
  }
  for (const a of olds) {
    if (usedA.has(a)) continue;
    const b = news.find((x) => !usedB.has(x) && x.id === a.id);
    if (b && similarity(a, b) >= SAME_ID_THRESHOLD) take(a, b, 'similar');
  }
  // The rest, best pairs first.
  const cands: { a: Task; b: Task; s: number }[] = [];
  for (const a of olds) {
    if (usedA.has(a)) continue;
    for (const b of news) {
      if (usedB.has(b)) continue;
      const s = similarity(a, b);
      if (s >= OTHER_ID_THRESHOLD) cands.push({ a, b, s });
    }
  }
  cands.sort((x, y) => y.s - x.s);
  for (const c of cands) if (!usedA.has(c.a) && !usedB.has(c.b)) take(c.a, c.b, 'similar');
  const order = new Map(news.map((t, i) => [t, i]));
  pairs.sort((x, y) => order.get(x.b)! - order.get(y.b)!);
  return { pairs, removed: olds.filter((t) => !usedA.has(t)), added: news.filter((t) => !usedB.has(t)) };
}

/** Each task's occurrences with their due dates, every recorded trigger counted. */
export function dueDates(plan: Plan): Map<Task, { period: string | null; due: string | null }[]> {
  const state = evaluatePlan(plan, EVERY_DAY, 0);
  const out = new Map<Task, { period: string | null; due: string | null }[]>();
  for (const s of state.tasks) out.set(s.task, s.eval.occurrences.map((o) => ({ period: o.period, due: o.due })));
  return out;
}

function brief(t: Task, due: Map<Task, { period: string | null; due: string | null }[]>): TaskBrief {
  return { id: t.id, section: t.section, content: t.content, lead: t.lead, support: t.support, when: t.when, due: due.get(t) ?? [], records: t.records };
}

export function diffDue(a: { period: string | null; due: string | null }[], b: { period: string | null; due: string | null }[]): DueChange[] {
  const out: DueChange[] = [];
  // A task with one occurrence has no label on one side and one on the other when its timeline gains a part: still
  // the same deadline where each side has exactly one.
  if (a.length === 1 && b.length === 1 && a[0]!.period !== b[0]!.period) {
    if (a[0]!.due !== b[0]!.due) out.push({ period: b[0]!.period ?? a[0]!.period, old: a[0]!.due, new: b[0]!.due, kind: 'moved' });
    return out;
  }
  const olds = new Map(a.map((o) => [o.period, o.due]));
  const news = new Map(b.map((o) => [o.period, o.due]));
  // An event's occurrence comes and goes with its trigger record, which the records part tells already.
  const event = (p: string | null) => p !== null && /^\d{4}-\d{2}-\d{2}$/.test(p);
  for (const o of b) {
    if (!olds.has(o.period)) {
      if (!event(o.period)) out.push({ period: o.period, old: null, new: o.due, kind: 'added' });
    } else if (olds.get(o.period) !== o.due) out.push({ period: o.period, old: olds.get(o.period)!, new: o.due, kind: 'moved' });
  }
  for (const o of a) if (!news.has(o.period) && !event(o.period)) out.push({ period: o.period, old: o.due, new: null, kind: 'removed' });
  return out;
}

function recordKey(r: RecordFile): string {
  return `${r.done ? 'done' : 'trigger'}|${r.done ?? r.trigger ?? ''}|${r.period ?? ''}`;
}

/** Records paired by kind, date and period; then by kind and period, or kind and date (a corrected date or period). */
export function diffRecords(a: RecordFile[], b: RecordFile[]): RecordChanges {
  const out: RecordChanges = { added: [], removed: [], changed: [] };
  const restA = [...a];
  const restB: RecordFile[] = [];
  const same = (x: RecordFile, y: RecordFile) => JSON.stringify(x) === JSON.stringify(y);
  for (const r of b) {
    const i = restA.findIndex((x) => recordKey(x) === recordKey(r));
    if (i < 0) {
      restB.push(r);
      continue;
    }
    const old = restA.splice(i, 1)[0]!;
    if (!same(old, r)) out.changed.push({ old, new: r });
  }
  const kind = (r: RecordFile) => (r.done ? 'done' : 'trigger');
  for (const r of restB) {
    let i = restA.findIndex((x) => kind(x) === kind(r) && x.period !== undefined && x.period === r.period);
    if (i < 0) i = restA.findIndex((x) => kind(x) === kind(r) && (x.done ?? x.trigger) === (r.done ?? r.trigger));
    if (i < 0) out.added.push(r);
    else out.changed.push({ old: restA.splice(i, 1)[0]!, new: r });
  }
  out.removed.push(...restA);
  return out;
}

function namedRoles(t: Task): Map<string, Role> {
  const m = new Map<string, Role>();
  for (const id of t.support) m.set(id, 'support');
  for (const id of t.lead) m.set(id, 'lead');
  return m;
}

function roleChanges(oldPlan: Plan, newPlan: Plan, a: Task, b: Task): { named: RoleChange[]; involved: RoleChange[] } {
  const name = (id: string) => newPlan.agencies.get(id)?.name ?? oldPlan.agencies.get(id)?.name ?? id;
  const named: RoleChange[] = [];
  const ra = namedRoles(a);
  const rb = namedRoles(b);
  for (const id of new Set([...b.lead, ...b.support, ...a.lead, ...a.support])) {
    const o = ra.get(id) ?? null;
    const n = rb.get(id) ?? null;
    if (o !== n) named.push({ agency: id, name: name(id), old: o, new: n, via: { old: null, new: null } });
  }
  const involved: RoleChange[] = [];
  const everyone = (plan: Plan, t: Task) => {
    const s = new Set<string>();
    for (const id of [...t.lead, ...t.support]) for (const x of expand(plan, id)) s.add(x);
    return s;
  };
  const ids = [...new Set([...everyone(newPlan, b), ...everyone(oldPlan, a)])];
  for (const id of ids) {
    const o = involvement(oldPlan, a, id);
    const n = involvement(newPlan, b, id);
    if ((o?.role ?? null) !== (n?.role ?? null) || (o?.via ?? null) !== (n?.via ?? null)) {
      involved.push({ agency: id, name: name(id), old: o?.role ?? null, new: n?.role ?? null, via: { old: o?.via ?? null, new: n?.via ?? null } });
    }
  }
  return { named, involved };
}

/** The explicit schedule as the plan writes it, `day: 15, after: 10`, for comparing and showing. */
function scheduleText(t: Task): string | null {
  const entries = Object.entries(t.schedule ?? {}).filter(([, v]) => v !== undefined);
  return entries.length ? entries.map(([k, v]) => `${k}: ${String(v)}`).join(', ') : null;
}

function diffTask(oldPlan: Plan, newPlan: Plan, p: Pair, dueA: Map<Task, TaskBrief['due']>, dueB: Map<Task, TaskBrief['due']>): TaskChange {
  const { a, b } = p;
  const fields: TaskChange['fields'] = [];
  if (norm(a.content) !== norm(b.content)) fields.push({ field: 'content', old: a.content, new: b.content });
  if (norm(a.output) !== norm(b.output)) fields.push({ field: 'output', old: a.output, new: b.output });
  if (norm(a.when) !== norm(b.when)) fields.push({ field: 'when', old: a.when, new: b.when });
  if (scheduleText(a) !== scheduleText(b)) fields.push({ field: 'schedule', old: scheduleText(a), new: scheduleText(b) });
  const out: TaskChange = {
    id: b.id,
    from: a.id,
    content: b.content,
    match: p.match,
    fields,
    ...roleChanges(oldPlan, newPlan, a, b),
    due: diffDue(dueA.get(a) ?? [], dueB.get(b) ?? []),
    records: diffRecords(a.records, b.records),
  };
  if (a.section !== b.section) out.section = { old: a.section, new: b.section };
  return out;
}

/** Whether nothing changed in the task (`placeOnly`: nothing but its id or section). */
function isEmpty(c: TaskChange, placeOnly = false): boolean {
  return (
    (placeOnly || (c.id === c.from && !c.section)) &&
    c.fields.length === 0 &&
    c.named.length === 0 &&
    c.due.length === 0 &&
    c.records.added.length + c.records.removed.length + c.records.changed.length === 0
  );
}

const HEADING_FIELDS = ['issuer', 'short', 'level', 'number', 'symbol', 'date', 'title', 'year', 'period'] as const;
/** Parts of the document kept as prose: a change in them is named, not spelt out. */
const TEXT_KEYS = ['intro', 'purposes', 'content', 'content_note', 'funding', 'organisation', 'closing', 'recipients', 'signature', 'appendix'] as const;

function show(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v);
}

function diffBases(a: Plan, b: Plan): BasisDiff {
  const out: BasisDiff = { added: [], removed: [], changed: [] };
  const olds = [...(a.raw.bases ?? [])];
  for (const nb of b.raw.bases ?? []) {
    let i = olds.findIndex((x) => x.ref === nb.ref && x.date === nb.date);
    if (i < 0) i = olds.findIndex((x) => x.ref === nb.ref);
    if (i < 0) {
      out.added.push({ ref: nb.ref, text: nb.text, date: nb.date });
      continue;
    }
    const ob = olds.splice(i, 1)[0]!;
    const fields = (['text', 'date', 'issuer'] as const).filter((f) => norm(ob[f]) !== norm(nb[f])).map((f) => ({ field: f, old: ob[f], new: nb[f] }));
    if (fields.length) out.changed.push({ ref: nb.ref, fields });
  }
  out.removed.push(...olds.map((x) => ({ ref: x.ref, text: x.text, date: x.date })));
  return out;
}

/** Tasks of `plan` that name `id`, or a collective that holds it. */
function tasksReaching(plan: Plan, id: string): string[] {
  return plan.tasks.filter((t) => [...t.lead, ...t.support].some((n) => expand(plan, n).has(id))).map((t) => t.id);
}

function diffAgencies(a: Plan, b: Plan, pairs: Pair[]): PlanDiff['agencies'] {
  const out: PlanDiff['agencies'] = { added: [], removed: [], changed: [] };
  for (const [id, ag] of b.agencies) if (!a.agencies.has(id)) out.added.push({ id, name: ag.name });
  for (const [id, ag] of a.agencies) if (!b.agencies.has(id)) out.removed.push({ id, name: ag.name });
  for (const [id, nb] of b.agencies) {
    const ob = a.agencies.get(id);
    if (!ob) continue;
    const minus = (x: string[] = [], y: string[] = []) => x.filter((v) => !y.includes(v));
    const aliases = { added: minus(nb.aliases, ob.aliases), removed: minus(ob.aliases, nb.aliases) };
    const members = { added: minus(nb.members, ob.members), removed: minus(ob.members, nb.members) };
    const renamed = norm(ob.name) !== norm(nb.name);
    if (!renamed && !aliases.added.length && !aliases.removed.length && !members.added.length && !members.removed.length) continue;
    const tasks = members.added.length || members.removed.length ? [...new Set([...tasksReaching(b, id), ...tasksReaching(a, id)])] : [];
    out.changed.push({ id, name: { old: ob.name, new: nb.name }, aliases, members, tasks: sortIds(b, tasks), moves: moves(a, b, pairs, [...members.added.flatMap((m) => [...expand(b, m)]), ...members.removed.flatMap((m) => [...expand(a, m)])]) });
  }
  return out;
}

/** For the agencies that joined or left a collective: the tasks whose role for them changed, grouped by change. */
function moves(a: Plan, b: Plan, pairs: Pair[], agencies: string[]): AgencyChange['moves'] {
  const out: AgencyChange['moves'] = [];
  for (const x of [...new Set(agencies)]) {
    for (const p of pairs) {
      const o = involvement(a, p.a, x)?.role ?? null;
      const n = involvement(b, p.b, x)?.role ?? null;
      if (o === n) continue;
      const g = out.find((m) => m.agency === x && m.old === o && m.new === n);
      if (g) g.tasks.push(p.b.id);
      else out.push({ agency: x, name: b.agencies.get(x)?.name ?? a.agencies.get(x)?.name ?? x, old: o, new: n, tasks: [p.b.id] });
    }
  }
  return out;
}

function sortIds(plan: Plan, ids: string[]): string[] {
  const order = new Map(plan.tasks.map((t, i) => [t.id, i]));
  return [...ids].sort((x, y) => (order.get(x) ?? 1e9) - (order.get(y) ?? 1e9));
}

/** Compares two versions of a plan; `labels` name the sides (a revision or a file) for the reader. */
export function diffPlans(oldPlan: Plan, newPlan: Plan, labels: { old: string; new: string }): PlanDiff {
  const dueA = dueDates(oldPlan);
  const dueB = dueDates(newPlan);
  const m = matchTasks(oldPlan, newPlan);
  const changed = m.pairs.map((p) => diffTask(oldPlan, newPlan, p, dueA, dueB)).filter((c) => !isEmpty(c));
  const heading: PlanDiff['heading'] = [];
  for (const f of HEADING_FIELDS) {
    const o = show((oldPlan.raw.plan as Record<string, unknown>)[f]);
    const n = show((newPlan.raw.plan as Record<string, unknown>)[f]);
    if (o !== n) heading.push({ field: f, old: o, new: n });
  }
  const text = TEXT_KEYS.filter((k) => JSON.stringify(oldPlan.raw[k] ?? null) !== JSON.stringify(newPlan.raw[k] ?? null));
  const sections: PlanDiff['sections'] = [];
  for (const s of newPlan.sections) {
    const o = oldPlan.sections.find((x) => x.id === s.id);
    if (!o || norm(o.title) !== norm(s.title)) sections.push({ id: s.id, old: o?.title ?? null, new: s.title });
  }
  for (const s of oldPlan.sections) if (!newPlan.sections.some((x) => x.id === s.id)) sections.push({ id: s.id, old: s.title, new: null });
  const agencies = diffAgencies(oldPlan, newPlan, m.pairs);
  const removed = m.removed.map((t) => brief(t, dueA));
  const added = m.added.map((t) => brief(t, dueB));
  const sum = (f: (c: TaskChange) => number) => changed.reduce((n, c) => n + f(c), 0);
  return {
    old: { label: labels.old, title: oldPlan.title, year: oldPlan.year },
    new: { label: labels.new, title: newPlan.title, year: newPlan.year },
    heading,
    bases: diffBases(oldPlan, newPlan),
    text,
    sections,
    agencies,
    tasks: { added, removed, changed },
    summary: {
      added: added.length,
      removed: removed.length,
      renumbered: changed.filter((c) => c.id !== c.from).length,
      changed: changed.filter((c) => !isEmpty(c, true)).length,
      movedDeadlines: sum((c) => c.due.filter((d) => d.kind === 'moved').length),
      recordsAdded: sum((c) => c.records.added.length) + added.reduce((n, t) => n + t.records.length, 0),
      recordsChanged: sum((c) => c.records.changed.length),
      recordsRemoved: sum((c) => c.records.removed.length) + removed.reduce((n, t) => n + t.records.length, 0),
      agencies: agencies.added.length + agencies.removed.length + agencies.changed.length,
    },
  };
}

/** Whether the two versions mean the same plan. */
export function isUnchanged(d: PlanDiff): boolean {
  return (
    d.heading.length + d.bases.added.length + d.bases.removed.length + d.bases.changed.length + d.text.length + d.sections.length + d.summary.agencies === 0 &&
    d.tasks.added.length + d.tasks.removed.length + d.tasks.changed.length === 0
  );
}
