// Agencies: resolving what a user types for --agency, collectives and their members, and roles in a task.
import { UsageError } from './io.js';
import type { Agency, Plan, Task } from './model.js';
import { foldCompact, foldName, nearest } from './text.js';
import { msg } from '../messages/index.js';

export type Role = 'lead' | 'support';

/** An agency's name as the plan gives it, or its id where the plan names no such agency. */
export function agencyName(plan: Plan, id: string): string {
  return plan.agencies.get(id)?.name ?? id;
}

/** Several agencies' names, as one cell or line: "Văn phòng; Phòng Tư pháp". */
export function agencyNames(plan: Plan, ids: readonly string[]): string {
  return ids.map((id) => agencyName(plan, id)).join('; ');
}

export interface Involvement {
  role: Role;
  /** The collective through which the agency is involved; null where the task names it. */
  via: string | null;
}

/** What each collective contains, by plan (a plan is never changed once built). */
const EXPANDED = new WeakMap<Plan, Map<string, Set<string>>>();

/**
 * Every agency that `id` contains, itself included (members of members too); loops are cut. A worklist, not
 * recursion: a chain of thousands of collectives must not exhaust the stack.
 */
export function expand(plan: Plan, id: string): ReadonlySet<string> {
  // Once per plan and collective: asking it for every agency of a task walked a chain of n collectives n times.
  let memo = EXPANDED.get(plan);
  if (!memo) EXPANDED.set(plan, (memo = new Map()));
  let seen = memo.get(id);
  if (seen) return seen;
  seen = new Set<string>();
  const todo = [id];
  while (todo.length) {
    const next = todo.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const members = plan.agencies.get(next)?.members ?? [];
    for (let i = members.length - 1; i >= 0; i--) todo.push(members[i]!);
  }
  memo.set(id, seen);
  return seen;
}

/** Each agency's direct collectives, built once per plan: looking them up by scanning every agency is cubic on a chain. */
const PARENTS = new WeakMap<Plan, { parents: Map<string, string[]>; order: Map<string, number> }>();

function parentsOf(plan: Plan): { parents: Map<string, string[]>; order: Map<string, number> } {
  let found = PARENTS.get(plan);
  if (!found) {
    const index = new Map<string, string[]>();
    for (const a of plan.agencies.values()) {
      for (const m of new Set(a.members ?? [])) {
        const list = index.get(m);
        if (list) list.push(a.id);
        else index.set(m, [a.id]);
      }
    }
    found = { parents: index, order: new Map([...plan.agencies.keys()].map((k, i) => [k, i])) };
    PARENTS.set(plan, found);
  }
  return found;
}

/** The collectives that `id` belongs to, directly or through another collective, nearest first. */
export function collectivesOf(plan: Plan, id: string): string[] {
  // Declaration order within each level, as the plan lists its agencies.
  const { parents, order } = parentsOf(plan);
  const out: string[] = [];
  let frontier = [id];
  const seen = new Set([id]);
  while (frontier.length) {
    const next: string[] = [];
    for (const f of frontier) {
      for (const p of parents.get(f) ?? []) {
        if (seen.has(p)) continue;
        seen.add(p);
        next.push(p);
      }
    }
    next.sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
    for (const p of next) out.push(p);
    frontier = next;
  }
  return out;
}

/**
 * How an agency takes part in a task: an explicit mention decides the role; otherwise the collectives the task
 * names decide, lead before support, and `via` names the collective.
 */
export function involvement(plan: Plan, task: Task, agency: string): Involvement | undefined {
  if (task.lead.includes(agency)) return { role: 'lead', via: null };
  if (task.support.includes(agency)) return { role: 'support', via: null };
  for (const role of ['lead', 'support'] as const) {
    for (const named of task[role]) {
      if (named !== agency && expand(plan, named).has(agency)) return { role, via: named };
    }
  }
  return undefined;
}

/** Resolves what a user typed: exact id or alias first, then a part of a name; ambiguity is a usage error. */
export function resolveAgency(plan: Plan, input: string): Agency {
  const q = foldName(input);
  const qc = foldCompact(input);
  if (!qc) throw new UsageError(msg('agency.empty'), msg('agency.empty.hint'));
  const all = [...plan.agencies.values()];
  const byId = all.find((a) => a.id === input.trim().toLowerCase());
  if (byId) return byId;
  const exact = all.filter((a) => [a.name, ...(a.aliases ?? [])].some((n) => foldName(n) === q || foldCompact(n) === qc) || foldCompact(a.id) === qc);
  if (exact.length === 1) return exact[0]!;
  const partial = exact.length > 1 ? exact : all.filter((a) => [a.name, ...(a.aliases ?? [])].some((n) => foldCompact(n).includes(qc)));
  if (partial.length === 1) return partial[0]!;
  if (partial.length > 1) {
    throw new UsageError(
      msg('agency.several', { input, n: partial.length, list: partial.map((a) => `  ${a.id.padEnd(16)} ${a.name}`).join('\n') }),
      msg('agency.several.hint', { id: partial[0]!.id }),
    );
  }
  // Closest ids, judged by the ids and by the names and aliases (folded as the input is), so that a misspelt
  // name ("Phong Tu Phapp") still points at its agency.
  const idOf = new Map<string, string>();
  for (const a of all) for (const n of [a.id, a.name, ...(a.aliases ?? [])]) if (!idOf.has(foldCompact(n))) idOf.set(foldCompact(n), a.id);
  const near = [...new Set(nearest(qc, idOf.keys(), 6).map((k) => idOf.get(k)!))].slice(0, 3);
  throw new UsageError(msg('agency.none', { input }), near.length ? msg('agency.none.near', { near: near.map((x) => `\`${x}\``).join(', ') }) : msg('agency.none.hint'));
}
