// The part of a plan whose shape is wrong that can still be read, so that one typo does not hide every other finding.
import { buildModel, type Origin, type Plan as PlanModel } from '../model/model.js';
import { Agency, DayText, Heading, Level, PeriodLabel, Record as RecordSchema, Schedule, stripped, Task, YearsText, type PlanFile, type RecordFile } from '../model/schema.js';
import { agencyIds, isAgencyId } from './agency-ids.js';
import { asText, isObj, type Obj } from './values.js';

/** Each schema that keeps what it knows of a mapping, made once on first use (a broken plan salvages every task). */
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
const STRIPPED_AGENCY = once(() => stripped(Agency));
const STRIPPED_HEADING = once(() => stripped(Heading));
const STRIPPED_TASK = once(() => stripped(Task));
const STRIPPED_SCHEDULE = once(() => stripped(Schedule));
const STRIPPED_RECORDSCHEMA = once(() => stripped(RecordSchema));

interface Salvaged {
  plan: PlanModel;
  /** Nothing was left out or cut down: every task, agency and agency reference of the file is in the model. */
  complete: boolean;
  agencyKeys?: Record<string, string>;
  heading: { read: boolean; year: boolean };
}

/**
 * Keeps what can be kept of a plan whose shape is wrong somewhere (each fault is already reported), so that one typo
 * does not hide every other finding: unknown keys are dropped, numbers where text belongs are read as text, malformed
 * agency ids are left out of their lists; a task, section or agency is left out only when too little of it is usable.
 */
export function salvage(raw: Obj, file: string, today: string): Salvaged {
  let complete = true;
  // Without a readable heading the plan's year is a guess: the checks that need it are not made (see `heading`).
  const { heading, year } = salvageHeading(isObj(raw.plan) ? raw.plan : {}, today);
  const agencies: PlanFile['agencies'] = {};
  const agencyKeys: Record<string, string> = {};
  if (isObj(raw.agencies)) {
    const ids = agencyIds(raw.agencies);
    for (const [key, a] of Object.entries(raw.agencies)) {
      const id = ids.get(key);
      if (id === undefined) {
        complete = false;
        continue;
      }
      // A malformed key is already reported; the agency is known by the id it was meant to be, but what names it
      // by the malformed key was left out of its list, so the model is not complete.
      if (id !== key) {
        agencyKeys[id] = key;
        complete = false;
      }
      const ok = STRIPPED_AGENCY().safeParse(a);
      if (ok.success) agencies[id] = ok.data;
      else if (isObj(a) && typeof a.name === 'string') {
        const kept: PlanFile['agencies'][string] = { name: a.name };
        if (Array.isArray(a.aliases)) kept.aliases = a.aliases.filter((x): x is string => typeof x === 'string' && x !== '');
        if (Array.isArray(a.members)) kept.members = a.members.filter(isAgencyId);
        agencies[id] = kept;
        complete = false;
      } else complete = false;
    }
  } else complete = false;
  const origin: Origin[][] = [];
  const sections: PlanFile['sections'] = [];
  if (Array.isArray(raw.sections)) {
    raw.sections.forEach((s, si) => {
      const id = isObj(s) ? asText(s.id) : undefined;
      if (!isObj(s) || id === undefined) {
        complete = false;
        return;
      }
      const tasks: PlanFile['sections'][number]['tasks'] = [];
      const o: Origin[] = [];
      if (Array.isArray(s.tasks)) {
        s.tasks.forEach((t, ti) => {
          const task = salvageTask(t);
          if (!task) complete = false;
          else {
            if (!task.whole) complete = false;
            tasks.push(task.task);
            o.push(task.recordPlaces ? { path: ['sections', si, 'tasks', ti], records: task.recordPlaces } : { path: ['sections', si, 'tasks', ti] });
          }
        });
      }
      origin.push(o);
      sections.push({ id, title: asText(s.title) ?? '', tasks });
    });
  } else complete = false;
  const partial = { format: 1, plan: heading, agencies, sections } as PlanFile;
  const out: Salvaged = { plan: buildModel(partial, file, (si, ti) => origin[si]![ti]), complete, heading: { read: isObj(raw.plan), year } };
  if (Object.keys(agencyKeys).length) out.agencyKeys = agencyKeys;
  return out;
}

/** The heading as far as it can be read, and whether its year could be (else it is today's, a mere placeholder). */
function salvageHeading(h: Obj, today: string): { heading: PlanFile['plan']; year: boolean } {
  const ok = STRIPPED_HEADING().safeParse(h);
  if (ok.success) return { heading: ok.data, year: true };
  const date = DayText.safeParse(h.date);
  const yearOf = (v: unknown) => /\b(19|20)\d\d\b/.exec(typeof v === 'string' ? v : '')?.[0];
  const read =
    typeof h.year === 'number' && Number.isInteger(h.year) && h.year >= 1990 && h.year <= 2100
      ? h.year
      : yearOf(h.year) ?? yearOf(h.title) ?? yearOf(h.date);
  const year = Number(read ?? today.slice(0, 4));
  const out: PlanFile['plan'] = {
    issuer: asText(h.issuer) ?? '',
    level: Level.safeParse(h.level).success ? (h.level as PlanFile['plan']['level']) : 'district',
    title: asText(h.title) ?? '',
    year,
  };
  if (h.short !== undefined) out.short = asText(h.short) ?? '';
  if (h.number === null || typeof h.number === 'string') out.number = h.number;
  else if (asText(h.number) !== undefined) out.number = asText(h.number)!;
  if (typeof h.symbol === 'string') out.symbol = h.symbol;
  if (date.success) out.date = date.data;
  else if (h.date === null) out.date = null;
  if (typeof h.period === 'string' && YearsText.safeParse(h.period).success) out.period = h.period;
  const period = isObj(h.period) ? { start: DayText.safeParse(h.period.start), end: DayText.safeParse(h.period.end) } : undefined;
  if (period?.start.success && period.end.success) out.period = { start: period.start.data, end: period.end.data };
  return { heading: out, year: read !== undefined };
}

interface SalvagedTask {
  task: PlanFile['sections'][number]['tasks'][number];
  whole: boolean;
  /** Where each record kept stands in the file's `records` list, when some were left out. */
  recordPlaces?: number[];
}

function salvageTask(t: unknown): SalvagedTask | undefined {
  const ok = STRIPPED_TASK().safeParse(t);
  // A task that is whole but for an unknown key is kept; it is not whole, though: a misspelt `suport:` named agencies.
  if (ok.success) return { task: ok.data, whole: Task.safeParse(t).success };
  if (!isObj(t)) return undefined;
  const id = asText(t.id);
  const when = asText(t.when);
  // Without its id or its timeline a task would only bring echoes of the finding already made.
  if (id === undefined || when === undefined) return undefined;
  let whole = true;
  const refs = (v: unknown): string[] | undefined => {
    if (v === undefined) return undefined;
    const list = Array.isArray(v) ? v : [v];
    const good = list.filter(isAgencyId);
    if (good.length !== list.length) whole = false;
    return good;
  };
  const lead = refs(t.lead) ?? [];
  // A task without its lead (already reported) may be the one that names an agency nothing else names.
  if (lead.length === 0) whole = false;
  const task: PlanFile['sections'][number]['tasks'][number] = {
    id,
    content: asText(t.content) ?? '',
    lead,
    output: asText(t.output) ?? '',
    when,
  };
  const support = refs(t.support);
  if (support) task.support = support;
  const schedule = STRIPPED_SCHEDULE().safeParse(t.schedule);
  if (t.schedule !== undefined && schedule.success) task.schedule = schedule.data;
  const out: SalvagedTask = { task, whole };
  if (Array.isArray(t.records)) {
    const records: RecordFile[] = [];
    const places: number[] = [];
    t.records.forEach((r, i) => {
      const rec = salvageRecord(r);
      if (rec) {
        records.push(rec);
        places.push(i);
      }
    });
    task.records = records;
    // Later records keep their own place in the file, so that their findings name them and not a neighbour.
    if (records.length < t.records.length) out.recordPlaces = places;
  }
  return out;
}

/**
 * A record as far as it can be read (its faults are already reported): text fields written as numbers are read as
 * text; a record is left out when its date cannot be read, as it would only bring echoes of that finding.
 */
function salvageRecord(r: unknown): RecordFile | undefined {
  const ok = STRIPPED_RECORDSCHEMA().safeParse(r);
  if (ok.success) return ok.data;
  if (!isObj(r)) return undefined;
  const rec: RecordFile = {};
  for (const key of ['done', 'trigger'] as const) {
    if (r[key] === undefined) continue;
    const day = DayText.safeParse(r[key]);
    if (!day.success) return undefined;
    rec[key] = day.data;
  }
  const period = PeriodLabel.safeParse(r.period);
  if (period.success) rec.period = period.data;
  else if (asText(r.period) !== undefined) rec.period = asText(r.period)!;
  for (const key of ['ref', 'note'] as const) if (asText(r[key]) !== undefined) rec[key] = asText(r[key])!;
  return rec;
}
