// `agencies` across plans: the agencies of every plan, one row for each agency as `--agency` matches it across plans (the same id, or the same name under agencyKey).
import type { Agency, Plan } from '../model/model.js';
import { agencyKey, planRef, type PlanRef } from './plans.js';

export interface AgencyAcrossRow {
  /** The id and name the first plan that declares the agency gives it. */
  id: string;
  name: string;
  /** Every id and every name it has across the plans, the first first. */
  ids: string[];
  names: string[];
  /** The plans that declare it, in the order of the files. */
  plans: PlanRef[];
}

export interface PlansAgenciesView {
  plans: PlanRef[];
  rows: AgencyAcrossRow[];
}

/**
 * Agencies are joined when they share an id or a name key (their name or an alias), as `resolveAcross` joins them
 * for `--agency`; the rows come in the order in which the plans first declare them.
 */
export function plansAgenciesView(plans: Plan[]): PlansAgenciesView {
  // Union-find over groups: a group's representative is the smallest index, so that the first declared stays first.
  const parent: number[] = [];
  const find = (g: number): number => {
    while (parent[g] !== g) g = parent[g] = parent[parent[g]!]!;
    return g;
  };
  const union = (a: number, b: number): number => {
    const [x, y] = [find(a), find(b)].sort((p, q) => p - q) as [number, number];
    parent[y] = x;
    return x;
  };
  const byId = new Map<string, number>();
  const byKey = new Map<string, number>();
  const members: { plan: Plan; agency: Agency; group: number }[] = [];
  for (const plan of plans) {
    for (const a of plan.agencies.values()) {
      const keys = [a.name, ...(a.aliases ?? [])].map(agencyKey).filter((k) => k !== '');
      let g = byId.get(a.id);
      for (const k of keys) {
        const h = byKey.get(k);
        if (h !== undefined) g = g === undefined ? h : union(g, h);
      }
      if (g === undefined) {
        g = parent.length;
        parent.push(g);
      }
      g = find(g);
      byId.set(a.id, g);
      for (const k of keys) byKey.set(k, g);
      members.push({ plan, agency: a, group: g });
    }
  }
  const rows = new Map<number, AgencyAcrossRow>();
  for (const m of members) {
    const g = find(m.group);
    let row = rows.get(g);
    if (!row) rows.set(g, (row = { id: m.agency.id, name: m.agency.name, ids: [], names: [], plans: [] }));
    if (!row.ids.includes(m.agency.id)) row.ids.push(m.agency.id);
    if (!row.names.includes(m.agency.name)) row.names.push(m.agency.name);
    if (row.plans[row.plans.length - 1]?.file !== m.plan.file) row.plans.push(planRef(m.plan));
  }
  return { plans: plans.map(planRef), rows: [...rows.values()] };
}
