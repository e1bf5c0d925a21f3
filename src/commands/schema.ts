// `tthc schema`: the JSON Schema of the plan format, generated from the zod schema (editors use it).
import type { Command } from 'commander';
import { heavy } from '../host/lazy.js';
import type { Ctx } from './context.js';

export const SCHEMA_ID = 'https://tthc.invalid/schema/plan.schema.json';

/** Loaded only by this command: zod's JSON Schema generator is large and nothing else needs it. */
export async function planJsonSchema(): Promise<string> {
  const { toJSONSchema, PlanSchema: Plan } = await heavy();
  const schema = toJSONSchema(Plan, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  return JSON.stringify({ $schema: schema.$schema, $id: SCHEMA_ID, title: 'tthc plan', ...schema }, null, 2) + '\n';
}

export function registerSchema(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('schema')
    .description('print the JSON Schema of the plan format (for editors; a copy is in schema/)')
    .action(async () => {
      ctx.io.write(await planJsonSchema());
      done(0);
    });
}
