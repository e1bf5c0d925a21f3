// `tthc schema`: the JSON Schema of the plan format, generated from the zod schema (editors use it).
import type { Command } from 'commander';
import { z } from 'zod';
import { Plan } from '../plan/schema.js';
import type { Ctx } from './context.js';

export const SCHEMA_ID = 'https://tthc.invalid/schema/plan.schema.json';

export function planJsonSchema(): string {
  const schema = z.toJSONSchema(Plan, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  return JSON.stringify({ $schema: schema.$schema, $id: SCHEMA_ID, title: 'tthc plan', ...schema }, null, 2) + '\n';
}

export function registerSchema(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('schema')
    .description('print the JSON Schema of the plan format (for editors; a copy is in schema/)')
    .action(() => {
      ctx.io.write(planJsonSchema());
      done(0);
    });
}
