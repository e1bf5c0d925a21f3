// A cached plan's tasks of one timeline share their schedule, and evaluatePlan works their occurrences out once: the
// lists and statuses must be those of the plan read afresh, triggers and `follows` included.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/checks/analyze.js';
import { checkedOf } from '../../src/checks/checked.js';
import { decodeEntry, encodeEntry } from '../../src/host/entry.js';
import { dueView } from '../../src/views/due.js';
import { evaluatePlan } from '../../src/views/evaluate.js';
import { statusView } from '../../src/views/status.js';
import { generatePlan } from '../../scripts/gen-plan.mjs';
import { ROOT, SHIPPED } from './helpers.js';

const KEY = { build: 'test', where: '/plan.yaml', bytes: 'x' };

const PLANS: [string, Buffer][] = [
  [SHIPPED, readFileSync(join(ROOT, SHIPPED))],
  ...['huyen/huyen-2024.yaml', 'xa/tan-lap-2024.yaml'].map((f): [string, Buffer] => [f, readFileSync(join(ROOT, 'tests/plans/fixtures', f))]),
  ['generated', Buffer.from(generatePlan(400))],
];

describe('evaluation with schedules shared by the tasks of one timeline', () => {
  for (const [name, bytes] of PLANS) {
    it(`${name}: due --all and status as read afresh, on five days`, () => {
      const fresh = checkedOf(analyze(bytes, 'plan.yaml', '2024-12-31'), bytes, 'plan.yaml', '2024-12-31');
      const cached = checkedOf(decodeEntry(encodeEntry(KEY, analyze(bytes, 'plan.yaml', '2024-12-31')), KEY)!, bytes, 'plan.yaml', '2024-12-31');
      const shared = new Set([...cached.schedules!.values()].map((s) => s.parts)).size;
      expect(shared).toBeLessThanOrEqual(cached.plan!.tasks.length);
      if (name === 'generated') expect(shared).toBeLessThan(cached.plan!.tasks.length / 3);
      const y = fresh.plan!.year;
      for (const day of [`${y}-01-15`, `${y}-04-03`, `${y}-07-20`, `${y}-10-05`, `${y}-12-31`]) {
        const a = evaluatePlan(fresh.plan!, day, 14, fresh.schedules);
        const b = evaluatePlan(cached.plan!, day, 14, cached.schedules);
        expect(b.tasks.map((t) => t.eval)).toEqual(a.tasks.map((t) => t.eval));
        expect(dueView(b, { all: true })).toEqual(dueView(a, { all: true }));
        expect(statusView(b, { periods: 'calendar', by: 'task' })).toEqual(statusView(a, { periods: 'calendar', by: 'task' }));
      }
    });
  }
});
