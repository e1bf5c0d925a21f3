// checkFollowLoops walks chains of `follows` only from tasks that follow another: on random graphs of follows (ids
// written twice, unknown ids, chains, loops) it finds the same loops, in the same order, as a walk from every task.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFollowLoops } from '../../src/checks/check-timeline.js';
import type { CheckContext } from '../../src/checks/context.js';
import type { Plan, Task } from '../../src/model/model.js';
import { fm } from '../../src/messages/findings.js';

interface Found {
  path: unknown;
  message: unknown;
}

/** A plan of just what the check reads: the tasks in order, each id's first task, and each task's `follows`. */
function planOf(graph: { id: string; follows?: string }[]): Plan {
  const tasks = graph.map((g, i) => ({ id: g.id, path: ['sections', 0, 'tasks', i], ...(g.follows !== undefined ? { schedule: { follows: g.follows } } : {}) }) as unknown as Task);
  const taskById = new Map<string, Task>();
  for (const t of tasks) if (!taskById.has(t.id)) taskById.set(t.id, t);
  return { tasks, taskById } as unknown as Plan;
}

function found(plan: Plan, check: (ctx: CheckContext) => void): Found[] {
  const out: Found[] = [];
  const add: CheckContext['add'] = (_code, path, message) => {
    out.push({ path, message });
  };
  check({ plan, add } as unknown as CheckContext);
  return out;
}

/** The walk as it was: from every task, whether or not it follows another. */
function everyTask(ctx: CheckContext): void {
  const { plan } = ctx;
  const state = new Map<string, 'path' | 'done'>();
  for (const start of plan.tasks) {
    const path: string[] = [];
    let cur: string | undefined = start.id;
    while (cur !== undefined && plan.taskById.has(cur) && !state.has(cur)) {
      state.set(cur, 'path');
      path.push(cur);
      cur = plan.taskById.get(cur)?.schedule?.follows;
    }
    if (cur !== undefined && state.get(cur) === 'path') {
      const loop = path.slice(path.indexOf(cur));
      if (loop.length > 1) {
        const first = [...loop].sort()[0]!;
        const at = loop.indexOf(first);
        const order = [...loop.slice(at), ...loop.slice(0, at)];
        const task = plan.taskById.get(first)!;
        ctx.add('FOLLOWS_UNKNOWN', [...task.path, 'schedule', 'follows'], fm('tl.followsLoop', { loop: [...order, first].join(' → ') }), fm('tl.followsLoop.hint'));
      }
    }
    for (const id of path) state.set(id, 'done');
  }
}

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const graphs = fc.array(fc.record({ id: fc.constantFrom(...ids), follows: fc.option(fc.constantFrom(...ids, 'zz'), { nil: undefined }) }), { minLength: 1, maxLength: 12 });

describe('loops of follows', () => {
  it('are found as a walk from every task finds them, in order', () => {
    let loops = 0;
    fc.assert(
      fc.property(graphs, (graph) => {
        const plan = planOf(graph);
        const got = found(plan, checkFollowLoops);
        const want = found(plan, everyTask);
        loops += want.length;
        expect(JSON.parse(JSON.stringify(got))).toEqual(JSON.parse(JSON.stringify(want)));
      }),
      { numRuns: 2000, seed: 16 },
    );
    // The graphs do hold loops (else the comparison says little).
    expect(loops).toBeGreaterThan(200);
  });

  it('a loop behind a task that follows none, with an id written twice, is reported once at its smallest id', () => {
    const plan = planOf([{ id: 'x' }, { id: 'c', follows: 'b' }, { id: 'x', follows: 'c' }, { id: 'b', follows: 'c' }]);
    const got = found(plan, checkFollowLoops);
    expect(got).toHaveLength(1);
    expect(got[0]!.path).toEqual(['sections', 0, 'tasks', 3, 'schedule', 'follows']);
    expect(JSON.stringify(got[0]!.message)).toContain('b → c → b');
  });
});
