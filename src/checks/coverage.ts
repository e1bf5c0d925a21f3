// Coverage of a parent plan: the parent's tasks led by this plan's unit that it does not carry, and its deadlines later than the parent's.
import { involvement } from '../model/agencies.js';
import { makeDiagnostic, type Diagnostic, type Position } from '../model/diagnostics.js';
import { matchKey } from '../model/names.js';
import { formatDayVi } from '../schedule/index.js';
import { asciiSlug, foldCompact, foldName } from '../model/text.js';
import { evaluatePlan } from '../views/evaluate.js';
import type { Agency, Plan, Task } from '../model/model.js';
import { fm } from '../messages/findings.js';

/** Two task texts are the same work when this share of the shorter one's word pairs is in the other. */
export const SIMILAR = 0.6;

function key(name: string): string {
  return foldCompact(matchKey(name));
}

/**
 * The parent's agencies that are this plan's unit: its issuer (or short name) by name, as agency names meet across
 * plans (UBND = Ủy ban nhân dân, Đắk = Đăk, diacritics), or by id ("UBND xã Tân Lập" is `xa-tan-lap` or
 * `ubnd-xa-tan-lap`).
 */
export function unitIn(parent: Plan, unit: Plan): Agency[] {
  const names = [unit.issuer, unit.raw.plan.short].filter((n): n is string => Boolean(n));
  const keys = new Set(names.map(key));
  const slugs = new Set(names.flatMap((n) => {
    const s = asciiSlug(matchKey(n));
    return [s, s.replace(/^ubnd-/, '')];
  }));
  return [...parent.agencies.values()].filter((a) => slugs.has(a.id) || [a.name, ...(a.aliases ?? [])].some((n) => keys.has(key(n))));
}

/** The word pairs of a text, without case or diacritics: what the similarity of two tasks is measured on. */
function pairs(text: string): Set<string> {
  const words = foldName(text.replace(/<[^>]*>/g, ' ')).split(/[^a-z0-9]+/).filter(Boolean);
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  if (words.length === 1) out.add(words[0]!);
  return out;
}

/** The share of the smaller set's pairs that the other has (1: one text contains the other). */
export function similarity(a: string, b: string): number {
  const x = pairs(a);
  const y = pairs(b);
  const [small, big] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return 0;
  let n = 0;
  for (const p of small) if (big.has(p)) n++;
  return n / small.size;
}

export interface CoverageInput {
  unit: Plan;
  parent: Plan;
  /** How findings name the parent: "45/KH-UBND (huyen-2024.yaml)". */
  parentName: string;
  /** Where the plan's `implements:` stands, and where each task's `id:` and `when:` stand. */
  at: { implements: Position; task(id: string, key: 'id' | 'when' | 'implements'): Position };
}

/** The due days of a task's dated occurrences, by period label ('' for a task with a single occurrence). */
function dueByPeriod(task: Task, state: ReturnType<typeof evaluatePlan>): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of state.byId.get(task.id)?.eval.occurrences ?? []) if (o.due) out.set(o.period ?? '', o.due);
  return out;
}

/**
 * The findings of coverage. A unit task carries a parent task where it says so (`implements: I.2`), else where their
 * texts are similar (SIMILAR) — each unit task the parent task it is most like, among those the unit leads. A parent
 * task the unit leads (named, or through a leading collective) that no unit task carries is PARENT_TASK_MISSING; a
 * unit task due after the parent task it carries (the same period, or both single) is PARENT_DEADLINE_LATER.
 */
export function coverage(input: CoverageInput): Diagnostic[] {
  const { unit, parent, parentName, at } = input;
  const file = unit.file;
  const out: Diagnostic[] = [];
  const units = unitIn(parent, unit);
  if (units.length === 0) {
    out.push(
      makeDiagnostic(
        'PARENT_UNIT_UNKNOWN',
        file,
        at.implements,
        fm('parent.unit', { parent: parentName, issuer: unit.issuer }),
        fm('parent.unit.hint', { issuer: unit.issuer }),
      ),
    );
    return out;
  }
  const assigned = parent.tasks
    .map((task) => ({ task, inv: units.map((u) => involvement(parent, task, u.id)).find((i) => i?.role === 'lead') }))
    .filter((x): x is { task: Task; inv: NonNullable<typeof x.inv> } => x.inv !== undefined);
  const carried = new Map<string, Task>();
  for (const task of unit.tasks) {
    if (task.implements !== undefined) {
      const target = parent.taskById.get(task.implements);
      if (target) {
        carried.set(target.id, carried.get(target.id) ?? task);
        continue;
      }
      out.push(
        makeDiagnostic(
          'PARENT_TASK_UNKNOWN',
          file,
          at.task(task.id, 'implements'),
          fm('parent.taskUnknown', { id: task.id, implements: task.implements, parent: parentName }),
          fm('parent.taskUnknown.hint', { ids: parent.tasks.slice(0, 12).map((t) => t.id).join(', '), more: parent.tasks.length > 12 }),
        ),
      );
      // An id the parent does not have says nothing of which task it meant: the text still may.
    }
    let best: { task: Task; score: number } | undefined;
    for (const { task: p } of assigned) {
      const score = similarity(task.content, p.content);
      if (score >= SIMILAR && (!best || score > best.score)) best = { task: p, score };
    }
    if (best && !carried.has(best.task.id)) carried.set(best.task.id, task);
  }
  for (const { task, inv } of assigned) {
    if (carried.has(task.id)) continue;
    const how = inv.via ? fm('parent.viaMember', { name: parent.agencies.get(inv.via)?.name ?? inv.via }) : fm('parent.byName');
    const text = [...task.content];
    out.push(
      makeDiagnostic(
        'PARENT_TASK_MISSING',
        file,
        at.implements,
        fm('parent.missing', { parent: parentName, id: task.id, how, text: `${text.slice(0, 80).join('')}${text.length > 80 ? '…' : ''}`, when: task.when }),
        fm('parent.missing.hint', { id: task.id }),
      ),
    );
  }
  const unitState = evaluatePlan(unit, unit.period.end, 0);
  const parentState = evaluatePlan(parent, parent.period.end, 0);
  for (const [parentId, task] of carried) {
    const p = parent.taskById.get(parentId)!;
    const mine = dueByPeriod(task, unitState);
    const theirs = dueByPeriod(p, parentState);
    for (const [period, due] of mine) {
      const limit = theirs.get(period);
      if (limit === undefined || due <= limit) continue;
      out.push(
        makeDiagnostic(
          'PARENT_DEADLINE_LATER',
          file,
          at.task(task.id, 'when'),
          fm('parent.later', { id: task.id, due: formatDayVi(due), period, parentTask: p.id, limit: formatDayVi(limit), when: p.when }),
          fm('parent.later.hint'),
        ),
      );
      break;
    }
  }
  return out;
}
