// --output FILE: write a report to a file safely (temp file + rename), since PowerShell's `>` writes UTF-16.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../io.js';
import type { Ctx } from './context.js';

export function writeOutput(ctx: Ctx, text: string, file: string | undefined): void {
  if (!file || file === '-') {
    ctx.io.write(text);
    return;
  }
  const path = ctx.abs(file);
  const tmp = `${path}.tthc-${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, path);
  } catch (e) {
    throw new UsageError(`Cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`, 'Check the folder exists and you may write to it.');
  }
  ctx.io.error(`${ctx.display(file)}: written.\n`);
}
