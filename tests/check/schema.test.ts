// The committed editor schema (schema/plan.schema.json) is the one the code generates, and it accepts the shipped plan and rejects unknown keys.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planJsonSchema } from '../../src/commands/schema.js';
import { ROOT, SHIPPED } from './helpers.js';

const COMMITTED = join(ROOT, 'schema/plan.schema.json');
const REGENERATE = 'npm run build && node bin/tthc.js schema > schema/plan.schema.json';

function shippedPlan(): Record<string, unknown> {
  return parse(readFileSync(join(ROOT, SHIPPED), 'utf8'), { schema: 'core' }) as Record<string, unknown>;
}

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  return ajv.compile(JSON.parse(readFileSync(COMMITTED, 'utf8')) as object);
}

describe('schema/plan.schema.json', () => {
  it('is what `tthc schema` prints today', async () => {
    const committed = readFileSync(COMMITTED, 'utf8');
    expect(committed, `schema/plan.schema.json is stale: run \`${REGENERATE}\``).toBe(await planJsonSchema());
  });

  it('is a draft-07 schema', () => {
    const schema = JSON.parse(readFileSync(COMMITTED, 'utf8')) as { $schema?: string };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('accepts the shipped plan', () => {
    const validate = validator();
    const ok = validate(shippedPlan());
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a task with an unknown key, naming the key', () => {
    const plan = shippedPlan() as { sections: { tasks: Record<string, unknown>[] }[] };
    plan.sections[0]!.tasks[0]!.deadline = '2023-03-10';
    const validate = validator();
    expect(validate(plan)).toBe(false);
    const extra = (validate.errors ?? []).filter((e) => e.keyword === 'additionalProperties');
    expect(extra.map((e) => [e.instancePath, (e.params as { additionalProperty?: string }).additionalProperty])).toContainEqual([
      '/sections/0/tasks/0',
      'deadline',
    ]);
  });

  it('rejects a task whose lead is an empty list, as tthc check does', () => {
    const plan = shippedPlan() as { sections: { tasks: Record<string, unknown>[] }[] };
    plan.sections[0]!.tasks[0]!.lead = [];
    expect(validator()(plan)).toBe(false);
  });

  it('rejects an agency id that is not lower-case ASCII', () => {
    const plan = shippedPlan() as { agencies: Record<string, unknown> };
    plan.agencies['Phòng-Tư-pháp'] = { name: 'Phòng Tư pháp' };
    expect(validator()(plan)).toBe(false);
  });
});
