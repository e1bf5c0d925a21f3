// `due --agency` evaluates only the agency's tasks (evaluatePlan's `only`): the list must be the one the whole plan's evaluation gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/model.js';
import { loadBytes } from '../../src/read/load.js';
import { dueTasks, dueView } from '../../src/views/due.js';
import { evaluatePlan } from '../../src/views/evaluate.js';
import { generatePlan } from '../../scripts/gen-plan.mjs';
import { ROOT, SHIPPED } from './helpers.js';

function load(text: string, file: string): Plan {
  const loaded = loadBytes(Buffer.from(text, 'utf8'), file, '2024-12-31');
  expect(loaded.valid, loaded.diagnostics.map((d) => d.message).join('\n')).toBe(true);
  return loaded.plan!;
}

const PLANS: [string, Plan][] = [
  [SHIPPED, load(readFileSync(join(ROOT, SHIPPED), 'utf8'), SHIPPED)],
  ...['huyen/huyen-2024.yaml', 'xa/tan-lap-2024.yaml', 'xa/dak-koi-2024.yaml'].map((f): [string, Plan] => [f, load(readFileSync(join(ROOT, 'tests/plans/fixtures', f), 'utf8'), f)]),
  ['generated', load(generatePlan(300), 'generated.yaml')],
];

describe('due --agency on the agency\'s tasks alone', () => {
  for (const [name, plan] of PLANS) {
    it(`${name}: the same list for every agency, role, day and --all as on the whole plan`, () => {
      const y = plan.year;
      let compared = 0;
      let nonEmpty = 0;
      for (const day of [`${y}-01-15`, `${y}-04-03`, `${y}-07-20`, `${y}-10-05`, `${y}-12-31`]) {
        const whole = evaluatePlan(plan, day, 14);
        for (const agency of plan.agencies.values()) {
          for (const role of ['any', 'lead', 'support'] as const) {
            for (const all of [false, true]) {
              const part = evaluatePlan(plan, day, 14, undefined, dueTasks(plan, agency, role));
              const a = dueView(whole, { agency, role, all });
              expect(dueView(part, { agency, role, all })).toEqual(a);
              // And on the tasks that may be due as of the day (those of a later due day left out).
              const dated = evaluatePlan(plan, day, 14, undefined, dueTasks(plan, agency, role, { asOf: day, within: 14, all }));
              expect(dueView(dated, { agency, role, all })).toEqual(a);
              compared++;
              if (a.items.length) nonEmpty++;
            }
          }
        }
      }
      expect(compared).toBeGreaterThan(0);
      expect(nonEmpty).toBeGreaterThan(0);
    });
  }

  it('for all agencies, on the tasks that may be due: the same list, for every day and window', () => {
    for (const [, plan] of PLANS) {
      const y = plan.year;
      for (const day of [`${y}-01-01`, `${y}-03-31`, `${y}-07-20`, `${y}-12-31`, `${y + 1}-02-01`]) {
        for (const within of [0, 1, 14, 60]) {
          const whole = dueView(evaluatePlan(plan, day, within), {});
          const only = dueTasks(plan, undefined, 'any', { asOf: day, within });
          expect(only).toBeDefined();
          const part = evaluatePlan(plan, day, within, undefined, only);
          expect(dueView(part, {})).toEqual(whole);
          expect(dueTasks(plan, undefined, 'any', { asOf: day, within, all: true })).toBeUndefined();
        }
      }
    }
  });

  it('fewer tasks are evaluated for the due list of a day than the plan has (later due days are left out)', () => {
    const [, plan] = PLANS.find(([name]) => name === 'generated')!;
    const part = evaluatePlan(plan, `${plan.year}-07-20`, 14, undefined, dueTasks(plan, undefined, 'any', { asOf: `${plan.year}-07-20`, within: 14 }));
    expect(part.tasks.length).toBeLessThan(plan.tasks.length * 0.8);
  });

  it('fewer tasks are evaluated for an agency than the plan has (else the filter saves nothing)', () => {
    for (const [, plan] of PLANS) {
      const sizes = [...plan.agencies.values()].map((a) => evaluatePlan(plan, `${plan.year}-07-20`, 14, undefined, dueTasks(plan, a, 'lead')).tasks.length);
      expect(Math.min(...sizes)).toBeLessThan(plan.tasks.length);
    }
  });
});
