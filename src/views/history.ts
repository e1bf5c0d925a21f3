// A plan's history, version after version: when each task, timeline and record appeared, changed or went (no I/O).
import type { Plan } from '../model/model.js';
import type { RecordFile } from '../model/schema.js';
import { diffDue, diffRecords, dueDates, matchTasks } from './diff.js';

/** A commit, or the working file where it differs from the last commit (`working`). */
export interface CommitInfo {
  hash: string;
  short: string;
  /** The author's date, YYYY-MM-DD. */
  date: string;
  author: string;
  email: string;
  subject: string;
  working?: boolean;
}

export interface Version {
  commit: CommitInfo;
  /** Undefined where this version of the file is not a readable plan. */
  plan?: Plan;
}

export interface RecordHistory {
  /** The record as it now stands (or stood last, when removed). */
  record: RecordFile;
  added: CommitInfo;
  changed: { commit: CommitInfo; old: RecordFile }[];
  removed: CommitInfo | null;
}

export interface TimelineEntry {
  commit: CommitInfo;
  when: string;
  due: { period: string | null; due: string | null }[];
}

export interface TaskHistory {
  /** The task's id in the last version that has it. */
  id: string;
  /** Every id it had, oldest first. */
  ids: string[];
  content: string;
  added: CommitInfo;
  removed: CommitInfo | null;
  renumbered: { commit: CommitInfo; from: string; to: string }[];
  /** The timeline phrase and due dates, each time they changed (the first entry is where the task appeared). */
  timeline: TimelineEntry[];
  records: RecordHistory[];
}

export interface PlanHistory {
  commits: CommitInfo[];
  /** Versions that could not be read as a plan: their changes are seen in the next readable one. */
  unreadable: CommitInfo[];
  tasks: TaskHistory[];
}

/** Follows every task through the versions (oldest first), pairing tasks as `tthc diff` does. */
export function planHistory(versions: Version[]): PlanHistory {
  const out: PlanHistory = { commits: versions.map((v) => v.commit), unreadable: [], tasks: [] };
  let prev: Plan | undefined;
  let live = new Map<string, TaskHistory>();
  let prevDue = new Map<Plan['tasks'][number], TimelineEntry['due']>();
  const open = (h: TaskHistory, r: RecordFile) => h.records.find((x) => x.removed === null && JSON.stringify(x.record) === JSON.stringify(r));
  for (const v of versions) {
    const plan = v.plan;
    if (!plan) {
      out.unreadable.push(v.commit);
      continue;
    }
    const due = dueDates(plan);
    const before = prevDue;
    prevDue = due;
    const next = new Map<string, TaskHistory>();
    const fresh = (t: Plan['tasks'][number]) => {
      const h: TaskHistory = {
        id: t.id,
        ids: [t.id],
        content: t.content,
        added: v.commit,
        removed: null,
        renumbered: [],
        timeline: [{ commit: v.commit, when: t.when, due: due.get(t) ?? [] }],
        records: t.records.map((r) => ({ record: r, added: v.commit, changed: [], removed: null })),
      };
      out.tasks.push(h);
      next.set(t.id, h);
    };
    if (!prev) {
      plan.tasks.forEach(fresh);
    } else {
      const m = matchTasks(prev, plan);
      for (const { a, b } of m.pairs) {
        const h = live.get(a.id);
        if (!h) {
          fresh(b);
          continue;
        }
        if (a.id !== b.id) {
          h.renumbered.push({ commit: v.commit, from: a.id, to: b.id });
          h.ids.push(b.id);
          h.id = b.id;
        }
        h.content = b.content;
        const last = h.timeline[h.timeline.length - 1]!;
        const d = due.get(b) ?? [];
        // Due dates change as `tthc diff` says they do: an event's occurrence comes and goes with its trigger record
        // (told under the records), so recording a trigger is not a change of the timeline.
        if (last.when !== b.when || diffDue(before.get(a) ?? [], d).length) h.timeline.push({ commit: v.commit, when: b.when, due: d });
        const rc = diffRecords(a.records, b.records);
        for (const c of rc.changed) {
          const rh = open(h, c.old);
          if (rh) {
            rh.changed.push({ commit: v.commit, old: c.old });
            rh.record = c.new;
          } else h.records.push({ record: c.new, added: v.commit, changed: [], removed: null });
        }
        for (const r of rc.removed) {
          const rh = open(h, r);
          if (rh) rh.removed = v.commit;
        }
        for (const r of rc.added) h.records.push({ record: r, added: v.commit, changed: [], removed: null });
        next.set(b.id, h);
      }
      for (const a of m.removed) {
        const h = live.get(a.id);
        if (h) {
          h.removed = v.commit;
          for (const rh of h.records) rh.removed ??= v.commit;
        }
      }
      m.added.forEach(fresh);
    }
    prev = plan;
    live = next;
  }
  // Tasks in the order of the last version, then those removed, in the order they first appeared.
  const order = new Map((prev?.tasks ?? []).map((t, i) => [t.id, i]));
  out.tasks = out.tasks
    .map((h, i) => ({ h, i }))
    .sort((x, y) => (x.h.removed ? 1e6 + x.i : (order.get(x.h.id) ?? 1e5)) - (y.h.removed ? 1e6 + y.i : (order.get(y.h.id) ?? 1e5)))
    .map(({ h }) => h);
  return out;
}
