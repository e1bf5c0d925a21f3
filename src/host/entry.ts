// The bytes of a plan cache entry: a heading line that says where each part lies, then the parts, each read only when asked for.
import type { Analysis } from '../checks/analyze.js';
import { asList, buildModel, periodOf, type Origin, type Plan } from '../model/model.js';
import type { Occurrence } from '../schedule/index.js';
import { dueFrom } from '../views/due.js';
import { followsOf, knownOccurrences, untriggeredOf } from '../views/evaluate.js';

/** The form of an entry: one written in another form (or by a build before this one) is a miss. */
export const ENTRY_FORM = 3;

/** What an entry is for: read only for this build, this real path and these bytes. */
export interface EntryKey {
  build: string;
  where: string;
  bytes: string;
}

interface Head extends EntryKey {
  form: number;
  /** Each part's bytes, from the end of the heading line: [start, end). */
  parts: Record<string, [number, number]>;
}

/** A heading longer than this is not one this build wrote (a real path is far shorter). */
const MAX_HEAD = 65_536;

/** The fields of an analysis that have a part of their own; any other field (another build step's) goes into `rest`. */
const OWN = new Set(['diagnostics', 'raw', 'origins', 'schedules', 'layout', 'segments', 'lines']);

/** Where each task stands when no task or record was left out of the model: what buildModel assumes without origins. */
function defaultOrigins(raw: NonNullable<Analysis['raw']>): Origin[] {
  const out: Origin[] = [];
  raw.sections.forEach((s, si) => s.tasks.forEach((_, ti) => out.push({ path: ['sections', si, 'tasks', ti] })));
  return out;
}

/** Whether `origins` are those defaultOrigins gives, checked in place: 10 000 paths need not be made to be compared. */
function areDefault(origins: Origin[], raw: NonNullable<Analysis['raw']>): boolean {
  let k = 0;
  for (let si = 0; si < raw.sections.length; si++) {
    const n = raw.sections[si]!.tasks.length;
    for (let ti = 0; ti < n; ti++, k++) {
      const o = origins[k];
      if (o === undefined || o.records !== undefined) return false;
      const p = o.path;
      if (p.length !== 4 || p[0] !== 'sections' || p[1] !== si || p[2] !== 'tasks' || p[3] !== ti) return false;
    }
  }
  return k === origins.length;
}

/**
 * The `tasks` part, `[` the tasks' JSON texts joined by commas `]`, encoded straight into one buffer, and each text's
 * length in bytes (for the index): not joined into one string, encoded again and measured a third time.
 */
function taskBytes(raw: NonNullable<Analysis['raw']>): { bytes: Buffer; len: number[] } {
  const texts: string[] = [];
  // A UTF-16 unit takes at most 3 bytes in UTF-8 (a pair of them 4).
  let room = 2;
  for (const sec of raw.sections) {
    for (const t of sec.tasks) {
      const text = JSON.stringify(t);
      texts.push(text);
      room += text.length * 3 + 1;
    }
  }
  const buf = Buffer.allocUnsafe(room);
  const len: number[] = [];
  let at = 0;
  buf[at++] = 0x5b;
  for (let i = 0; i < texts.length; i++) {
    if (i) buf[at++] = 0x2c;
    const n = buf.write(texts[i]!, at, 'utf8');
    len.push(n);
    at += n;
  }
  buf[at++] = 0x5d;
  return { bytes: buf.subarray(0, at), len };
}

/** What the selective reading of an entry needs to know of each task, derived from the plan (the `index` part). */
interface Index {
  /** Each task's text's length in bytes in the `tasks` part (each after the one before and a comma). */
  len: number[];
  /** The tasks (by place in the plan) that name each agency id as lead or support, as gaps: the first, then each from the one before. */
  names: Record<string, number[]>;
  /** dueFrom of each distinct schedule (by its place in the schedules' table). */
  from: string[];
  /** The tasks with a trigger record: they may always be due. */
  triggered: number[];
  /** [task, the task it follows] for each task whose timeline follows another of the plan. */
  follows: [number, number][];
}

/**
 * Which tasks a command needs of a plan, when fewer than all (a warm `due`): those that name one of `names` (an
 * agency and the collectives that hold it; every task where absent) and that may be due by `after` (the last day of
 * the warning window; every task where absent), with the tasks they follow. Given the plan without its tasks, made
 * when asked for (a hundred small plans need not make it); undefined: the whole plan.
 */
export type Pick = (head: () => Plan) => { names?: readonly string[]; after?: string } | undefined;

/**
 * An entry's bytes. Schedules are kept once per distinct schedule (the tasks of one timeline share it: a plan of
 * 10 000 tasks has a few hundred), origins only where some task or record was left out of the model, and the tasks'
 * layout (for `done` alone) and text segments (for a hand edit alone) in parts of their own that other commands
 * never decode. The plan is kept as its head (`raw`, every section's tasks left empty) and its tasks (`tasks`, one
 * JSON array whose items' lengths `index` records), with an index that says which tasks name each agency and from which
 * day each may be due: a warm `due` reads those tasks alone.
 */
export function encodeEntry(key: EntryKey, a: Analysis): Buffer {
  const parts: [string, string | Buffer][] = [];
  // Findings are stored without the file's name: the same plan is shown under another name from another folder.
  parts.push(['diagnostics', JSON.stringify(a.diagnostics.map((d) => ({ ...d, file: '' })))]);
  let len: number[] | undefined;
  if (a.raw !== undefined) {
    // The head keeps every key where it was (a section's `tasks` stays in its place, empty), so that the tasks put
    // back give the same object, key order included.
    const head = { ...a.raw, sections: a.raw.sections.map((sec) => ({ ...sec, tasks: [] })) };
    parts.push(['raw', JSON.stringify({ head, counts: a.raw.sections.map((sec) => sec.tasks.length) })]);
    const tasks = taskBytes(a.raw);
    len = tasks.len;
    parts.push(['tasks', tasks.bytes]);
  }
  if (a.origins !== undefined && !(a.raw !== undefined && areDefault(a.origins, a.raw))) parts.push(['origins', JSON.stringify(a.origins)]);
  let of: number[] | undefined;
  const table: NonNullable<Analysis['schedules']> = [];
  if (a.schedules !== undefined) {
    const index = new Map<string, number>();
    // Tasks of one timeline share one schedule object: each object is written out once, not once per task.
    const seen = new Map<object, number>();
    of = a.schedules.map((sch) => {
      let i = seen.get(sch);
      if (i !== undefined) return i;
      const text = JSON.stringify(sch);
      i = index.get(text);
      if (i === undefined) {
        index.set(text, (i = index.size));
        table.push(sch);
      }
      seen.set(sch, i);
      return i;
    });
    // With each distinct schedule, its occurrences without triggers in the plan period: most of evaluating a task
    // that has no records, and the same on every day.
    const period = a.raw && periodOf(a.raw.plan);
    const occ = period ? `,"occ":${JSON.stringify(table.map((sch) => untriggeredOf(sch.parts, period)))}` : '';
    parts.push(['schedules', `{"table":[${[...index.keys()].join(',')}],"of":${JSON.stringify(of)}${occ}}`]);
  }
  const index = len && of && a.raw && !a.partial ? indexOf(a.raw, len, table, of) : undefined;
  if (index) parts.push(['index', JSON.stringify(index)]);
  if (a.layout !== undefined) parts.push(['layout', JSON.stringify(a.layout)]);
  if (a.segments !== undefined) parts.push(['segments', JSON.stringify(a.segments)]);
  const rest: Record<string, unknown> = {};
  for (const k of Object.keys(a) as (keyof Analysis)[]) {
    if (OWN.has(k)) continue;
    const v = a[k];
    if (v !== undefined) rest[k] = v;
  }
  if (Object.keys(rest).length) parts.push(['rest', JSON.stringify(rest)]);
  const bodies = parts.map(([, text]) => (typeof text === 'string' ? Buffer.from(text, 'utf8') : text));
  const head: Head = { form: ENTRY_FORM, ...key, parts: {} };
  let at = 0;
  parts.forEach(([name], i) => {
    head.parts[name] = [at, (at += bodies[i]!.length)];
  });
  return Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`, 'utf8'), ...bodies]);
}

/**
 * The index of a plan's tasks; none where a selective reading could differ from the whole plan's (two tasks with one
 * id: which one another follows would depend on which were read; such a plan is refused anyway).
 */
function indexOf(raw: NonNullable<Analysis['raw']>, len: number[], table: NonNullable<Analysis['schedules']>, of: number[]): Index | undefined {
  const all = raw.sections.flatMap((sec) => sec.tasks);
  if (all.length !== of.length || all.length !== len.length) return undefined;
  const first = new Map<string, number>();
  for (let i = 0; i < all.length; i++) {
    if (first.has(all[i]!.id)) return undefined;
    first.set(all[i]!.id, i);
  }
  const period = periodOf(raw.plan);
  const names: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
  const last: Record<string, number> = Object.create(null) as Record<string, number>;
  const triggered: number[] = [];
  const follows: [number, number][] = [];
  // As evaluatePlan reads it.
  const followsOfSchedule = table.map((sch) => followsOf(sch.parts));
  all.forEach((t, i) => {
    // Each id once per task, in the order first named (lead, then support): one put in for this task has it as last.
    for (const list of [asList(t.lead), asList(t.support)]) {
      for (const id of list) {
        const before = last[id];
        if (before === i) continue;
        (names[id] ??= []).push(i - (before ?? 0));
        last[id] = i;
      }
    }
    if (t.records?.some((r) => r.trigger !== undefined)) triggered.push(i);
    const f = followsOfSchedule[of[i]!];
    const target = f === null || f === undefined ? undefined : first.get(f);
    if (target !== undefined) follows.push([i, target]);
  });
  const from = table.map((sch) => dueFrom(sch.parts, [], () => untriggeredOf(sch.parts, period)));
  return { len, names, from, triggered, follows };
}

/**
 * The analysis an entry holds, if it is whole and for `key`; undefined for anything else (another form, build, path
 * or bytes; cut short; damaged). The layout and segments are decoded on first use: only `done` and a hand edit ask.
 * With `pick`, only the tasks it asks for (see Pick), where the entry has an index: the analysis of a plan of those
 * tasks alone, in the same order, each with its place in the file; for a command that reads no other.
 */
export function decodeEntry(buf: Buffer, key: EntryKey, anyBytes = false, pick?: Pick): Analysis | undefined {
  try {
    return decode(buf, key, anyBytes, pick);
  } catch {
    return undefined;
  }
}

/** The tasks `pick` asks for, by place in the plan, ascending; undefined where it asks for the whole plan. */
function picked(index: Index, of: number[], n: number, want: { names?: readonly string[]; after?: string }): number[] | undefined {
  const { names, after } = want;
  if (names === undefined && after === undefined) return undefined;
  // This runs before anything is compiled: walk the agencies' lists (an agency names a fraction of a large plan's
  // tasks), not every task, and mark in a byte per task.
  const chosen = new Uint8Array(n);
  const always = new Uint8Array(n);
  for (const i of index.triggered) always[i] = 1;
  const out: number[] = [];
  const take = (i: number): void => {
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError('task index out of range');
    if (chosen[i]) return;
    if (after !== undefined && !always[i]) {
      const from = index.from[of[i]!];
      if (typeof from !== 'string') throw new RangeError('schedule index out of range');
      if (!(from <= after)) return;
    }
    chosen[i] = 1;
    out.push(i);
  };
  if (names === undefined) for (let i = 0; i < n; i++) take(i);
  else {
    for (const id of names) {
      if (!Object.hasOwn(index.names, id)) continue;
      let i = 0;
      for (const gap of index.names[id]!) take((i += gap));
    }
  }
  // The tasks the chosen ones follow (and those they follow), whether or not due: their completions open the chosen
  // ones' occurrences.
  if (index.follows.length) {
    const followed = new Map(index.follows);
    for (let k = 0; k < out.length; k++) {
      const f = followed.get(out[k]!);
      if (f === undefined || chosen[f]) continue;
      if (!Number.isInteger(f) || f < 0 || f >= n) throw new RangeError('task index out of range');
      chosen[f] = 1;
      out.push(f);
    }
  }
  return out.sort((x, y) => x - y);
}

function decode(buf: Buffer, key: EntryKey, anyBytes: boolean, pick: Pick | undefined): Analysis | undefined {
  const nl = buf.indexOf(10);
  if (nl < 0 || nl > MAX_HEAD) return undefined;
  const head = JSON.parse(buf.toString('utf8', 0, nl)) as Partial<Head>;
  if (head.form !== ENTRY_FORM || head.build !== key.build || head.where !== key.where || (head.bytes !== key.bytes && !anyBytes) || typeof head.parts !== 'object' || head.parts === null) return undefined;
  const body = nl + 1;
  const size = buf.length - body;
  let end = 0;
  for (const r of Object.values(head.parts)) {
    if (!Array.isArray(r) || !Number.isInteger(r[0]) || !Number.isInteger(r[1]) || r[0] < 0 || r[1] < r[0] || r[1] > size) return undefined;
    end = Math.max(end, r[1]);
  }
  // A file longer or shorter than its heading says was not written whole by this build.
  if (end !== size || !head.parts.diagnostics) return undefined;
  const ranges = head.parts;
  const text = (name: string): string | undefined => {
    const r = ranges[name];
    return r && buf.toString('utf8', body + r[0], body + r[1]);
  };
  const part = (name: string): unknown => {
    const t = text(name);
    return t === undefined ? undefined : JSON.parse(t);
  };
  const diagnostics = part('diagnostics');
  if (!Array.isArray(diagnostics)) return undefined;
  const a: Analysis = { ...(part('rest') as Partial<Analysis> | undefined), diagnostics };
  const schedules = part('schedules') as { table: NonNullable<Analysis['schedules']>; of: number[]; occ?: Occurrence[][] } | undefined;
  if (schedules !== undefined && (!Array.isArray(schedules.table) || !Array.isArray(schedules.of))) return undefined;
  const scheduleOf = (i: number) => {
    const s = schedules!.table[i];
    if (s === undefined) throw new RangeError('schedule index out of range');
    return s;
  };
  const plan = part('raw') as { head: NonNullable<Analysis['raw']>; counts: number[] } | undefined;
  let only: number[] | undefined;
  if (plan !== undefined) {
    const { head: raw, counts } = plan;
    if (!Array.isArray(counts) || counts.length !== raw.sections.length) return undefined;
    const n = counts.reduce((x, y) => x + y, 0);
    const want = pick && ranges.index && schedules ? pick(() => buildModel(raw, '')) : undefined;
    const index = want && (part('index') as Index);
    only = index ? picked(index, schedules!.of, n, want) : undefined;
    let tasks: NonNullable<Analysis['raw']>['sections'][number]['tasks'];
    if (only === undefined || !index) tasks = part('tasks') as typeof tasks;
    else {
      // The chosen tasks' texts alone, joined into one array: one parse, not one per task.
      const t = ranges.tasks!;
      const { len } = index;
      if (len.length !== n) return undefined;
      const pieces: Buffer[] = [Buffer.from('[')];
      const comma = Buffer.from(',');
      let at = body + t[0] + 1;
      let k = 0;
      for (let i = 0; k < only.length; i++) {
        const size = len[i]!;
        if (i === only[k]) {
          if (k++) pieces.push(comma);
          pieces.push(buf.subarray(at, at + size));
        }
        at += size + 1;
      }
      if (at > body + t[1] + 1) throw new RangeError('task text out of range');
      pieces.push(Buffer.from(']'));
      tasks = JSON.parse(Buffer.concat(pieces).toString('utf8')) as typeof tasks;
    }
    if (!Array.isArray(tasks) || tasks.length !== (only?.length ?? n)) return undefined;
    // Each section gets its tasks back (only the chosen ones, with a selection), in order.
    let next = 0;
    let first = 0;
    raw.sections.forEach((sec, si) => {
      const last = first + counts[si]!;
      let k = next;
      if (only === undefined) k = next + counts[si]!;
      else while (k < only.length && only[k]! < last) k++;
      sec.tasks = tasks.slice(next, k);
      next = k;
      first = last;
    });
    a.raw = raw;
    const occ = schedules?.occ;
    if (occ !== undefined) {
      if (!Array.isArray(occ) || occ.length !== schedules!.table.length || !occ.every(Array.isArray)) return undefined;
      const period = periodOf(raw.plan);
      schedules!.table.forEach((sch, i) => knownOccurrences(sch.parts, period, occ[i]!));
    }
    const origins = part('origins') as Origin[] | undefined;
    if (only === undefined) a.origins = origins ?? defaultOrigins(raw);
    else {
      // Each chosen task's place in the file: as stored, or its place among all the tasks of its section.
      const out: Origin[] = [];
      let si = 0;
      let first = 0;
      for (const i of only) {
        while (i >= first + counts[si]!) first += counts[si++]!;
        out.push(origins?.[i] ?? { path: ['sections', si, 'tasks', i - first] });
      }
      a.origins = out;
    }
  } else if (ranges.origins) a.origins = part('origins') as Origin[];
  if (schedules !== undefined) {
    const { of } = schedules;
    a.schedules = only === undefined ? of.map(scheduleOf) : only.map((i) => scheduleOf(of[i]!));
  }
  lazily(a, 'layout', buf, body, ranges.layout);
  lazily(a, 'segments', buf, body, ranges.segments);
  return a;
}

/** A part decoded on first use (`done` reads the layout, a hand edit the segments); a damaged one is none. */
function lazily(a: Analysis, name: 'layout' | 'segments', buf: Buffer, body: number, range: [number, number] | undefined): void {
  if (!range) return;
  // A copy of the part's bytes alone: the entry's buffer can go once read.
  const bytes = Buffer.from(buf.subarray(body + range[0], body + range[1]));
  let value: unknown;
  let read = false;
  Object.defineProperty(a, name, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!read) {
        read = true;
        try {
          value = JSON.parse(bytes.toString('utf8'));
        } catch {
          // a damaged part: `done` then reads the whole plan, a hand edit analyses the text whole
        }
      }
      return value;
    },
    set: (v: unknown) => {
      [value, read] = [v, true];
    },
  });
}
