// A cold read hands the commands the model its checks were made on (checks/made-from.ts) instead of building a second
// one from the analysis: on every fixture, the shipped plan and a generated one, that model equals the one modelOf
// builds from the analysis alone, after every check has run, and it is handed out once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/checks/analyze.js';
import { checkedOf, modelOf } from '../../src/checks/checked.js';
import { madeFrom } from '../../src/checks/made-from.js';
import { generatePlan } from '../../scripts/gen-plan.mjs';
import { FIXTURES, SHIPPED } from './helpers.js';

const TODAY = '2023-07-20';
const plans: [string, Buffer][] = [
  ...readdirSync(FIXTURES)
    .filter((n) => n.endsWith('.yaml'))
    .map((n): [string, Buffer] => [n, readFileSync(join(FIXTURES, n))]),
  ['shipped', readFileSync(SHIPPED)],
  ['generated', Buffer.from(generatePlan(300), 'utf8')],
];

describe('the model a cold read hands over', () => {
  it.each(plans)('%s: equals the model built from the analysis, once', (name, bytes) => {
    const a = analyze(bytes, name, TODAY);
    // A spread leaves the kept model behind: this builds the model from the analysis alone, as a cached read does.
    const built = modelOf({ ...a }, name);
    if (built === undefined || a.partial) {
      expect(madeFrom(a, name)).toBeUndefined();
      return;
    }
    expect(madeFrom(a, 'another name.yaml')).toBeUndefined();
    const handed = madeFrom(a, name);
    expect(handed).toBeDefined();
    expect(handed).toEqual(built);
    expect(madeFrom(a, name)).toBeUndefined();
  });

  it('checkedOf takes it, and a second checkedOf of the same analysis gets a model of its own', () => {
    const bytes = readFileSync(SHIPPED);
    const a = analyze(bytes, 'plan.yaml', TODAY);
    const first = checkedOf(a, bytes, 'plan.yaml', TODAY);
    const second = checkedOf(a, bytes, 'plan.yaml', TODAY);
    expect(first.plan).toBeDefined();
    expect(second.plan).not.toBe(first.plan);
    expect(second.plan).toEqual(first.plan);
  });
});
