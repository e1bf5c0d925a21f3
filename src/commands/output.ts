// --output FILE: write a report through the one safe writer (src/plan/write.ts), since PowerShell's `>` writes UTF-16; never over a plan.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../io.js';
import { heavy } from '../lazy.js';
import type { Ctx } from './context.js';

/**
 * Writes `text` to `file` (or prints it without one). A missing folder is a usage error rather than made, so that a
 * mistyped path is noticed; a plan is never replaced by a report, and `tthc import` replaces one only when told to.
 * How each kind of file is written (atomically, through a link, directly to a device or pipe) is `writeSafely`'s.
 */
export async function writeOutput(ctx: Ctx, text: string, file: string | undefined, opts: { replacePlan?: boolean } = {}): Promise<void> {
  if (!file || file === '-') {
    ctx.io.write(text);
    return;
  }
  const path = ctx.abs(file);
  const dir = dirname(path);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new UsageError(`Cannot write ${file}: the folder ${ctx.display(dir)} does not exist.`, 'Check the path, or make the folder first.');
  const { writeSafely, isPlanBytes } = await heavy();
  const guard = opts.replacePlan ? undefined : (bytes: Buffer) => (isPlanBytes(bytes) ? `${file} is a plan file; --output will not replace it.` : undefined);
  try {
    await writeSafely(path, Buffer.from(text, 'utf8'), guard);
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { hint?: string };
    if (err.code === 'REFUSED') throw new UsageError(err.message.replace(path, file), err.hint);
    throw new UsageError(`Cannot write ${file}: ${err.code ?? err.message}.`, 'Check that you may write to the folder.');
  }
  ctx.io.error(`${ctx.display(file)}: written.\n`);
}
