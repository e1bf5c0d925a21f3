// The bytes of a plan cache entry: a heading line that says where each part lies, then the parts, each read only when asked for.
import type { Analysis } from '../checks/analyze.js';
import type { Origin } from '../model/model.js';

/** The form of an entry: one written in another form (or by a build before this one) is a miss. */
export const ENTRY_FORM = 2;

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
const OWN = new Set(['diagnostics', 'raw', 'origins', 'schedules', 'layout', 'lines']);

/** Where each task stands when no task or record was left out of the model: what buildModel assumes without origins. */
function defaultOrigins(raw: NonNullable<Analysis['raw']>): Origin[] {
  const out: Origin[] = [];
  raw.sections.forEach((s, si) => s.tasks.forEach((_, ti) => out.push({ path: ['sections', si, 'tasks', ti] })));
  return out;
}

function sameOrigins(a: Origin[], b: Origin[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.records !== undefined || x.path.length !== y.path.length || x.path.some((p, k) => p !== y.path[k])) return false;
  }
  return true;
}

/**
 * An entry's bytes. Schedules are kept once per distinct schedule (the tasks of one timeline share it: a plan of
 * 10 000 tasks has a few hundred), origins only where some task or record was left out of the model, and the tasks'
 * layout (for `done` alone) in a part of its own that other commands never decode.
 */
export function encodeEntry(key: EntryKey, a: Analysis): Buffer {
  const parts: [string, string][] = [];
  // Findings are stored without the file's name: the same plan is shown under another name from another folder.
  parts.push(['diagnostics', JSON.stringify(a.diagnostics.map((d) => ({ ...d, file: '' })))]);
  if (a.raw !== undefined) parts.push(['raw', JSON.stringify(a.raw)]);
  if (a.origins !== undefined && !(a.raw !== undefined && sameOrigins(a.origins, defaultOrigins(a.raw)))) parts.push(['origins', JSON.stringify(a.origins)]);
  if (a.schedules !== undefined) {
    const index = new Map<string, number>();
    const of = a.schedules.map((s) => {
      const text = JSON.stringify(s);
      let i = index.get(text);
      if (i === undefined) index.set(text, (i = index.size));
      return i;
    });
    parts.push(['schedules', `{"table":[${[...index.keys()].join(',')}],"of":${JSON.stringify(of)}}`]);
  }
  if (a.layout !== undefined) parts.push(['layout', JSON.stringify(a.layout)]);
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a)) if (!OWN.has(k) && v !== undefined) rest[k] = v;
  if (Object.keys(rest).length) parts.push(['rest', JSON.stringify(rest)]);
  const bodies = parts.map(([, text]) => Buffer.from(text, 'utf8'));
  const head: Head = { form: ENTRY_FORM, ...key, parts: {} };
  let at = 0;
  parts.forEach(([name], i) => {
    head.parts[name] = [at, (at += bodies[i]!.length)];
  });
  return Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`, 'utf8'), ...bodies]);
}

/**
 * The analysis an entry holds, if it is whole and for `key`; undefined for anything else (another form, build, path
 * or bytes; cut short; damaged). The layout is decoded on first use: only `done` asks for it.
 */
export function decodeEntry(buf: Buffer, key: EntryKey, anyBytes = false): Analysis | undefined {
  try {
    return decode(buf, key, anyBytes);
  } catch {
    return undefined;
  }
}

function decode(buf: Buffer, key: EntryKey, anyBytes: boolean): Analysis | undefined {
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
  const raw = part('raw') as Analysis['raw'];
  if (raw !== undefined) {
    a.raw = raw;
    a.origins = (part('origins') as Origin[] | undefined) ?? defaultOrigins(raw);
  } else if (ranges.origins) a.origins = part('origins') as Origin[];
  const schedules = part('schedules') as { table: NonNullable<Analysis['schedules']>; of: number[] } | undefined;
  if (schedules !== undefined) {
    const { table, of } = schedules;
    if (!Array.isArray(table) || !Array.isArray(of)) return undefined;
    a.schedules = of.map((i) => {
      const s = table[i];
      if (s === undefined) throw new RangeError('schedule index out of range');
      return s;
    });
  }
  const layout = ranges.layout;
  if (layout) {
    // A copy of the layout's bytes alone: the entry's buffer can go once read.
    const bytes = Buffer.from(buf.subarray(body + layout[0], body + layout[1]));
    let value: Analysis['layout'];
    let read = false;
    Object.defineProperty(a, 'layout', {
      enumerable: true,
      configurable: true,
      get: () => {
        if (!read) {
          read = true;
          try {
            value = JSON.parse(bytes.toString('utf8')) as Analysis['layout'];
          } catch {
            // a damaged layout: `done` then reads the whole plan, as without one
          }
        }
        return value;
      },
      set: (v: Analysis['layout']) => {
        [value, read] = [v, true];
      },
    });
  }
  return a;
}
