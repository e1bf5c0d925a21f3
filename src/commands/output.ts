// --output FILE: write a report through the one safe writer (src/plan/write.ts), since PowerShell's `>` writes UTF-16; never over a plan.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../model/io.js';
import { heavy } from '../host/lazy.js';
import { heldOpenRefusal } from '../edit/held-open.js';
import { pickLang, type Lang } from '../render/i18n.js';
import type { Ctx } from './context.js';

/** Refuses, before any work, to print a binary file (Word, Excel) on a terminal. */
export function refuseBinaryOnTerminal(ctx: Ctx, file: string | undefined, what: string): void {
  if ((!file || file === '-') && (ctx.io.isTTY || !ctx.io.writeBytes)) {
    throw new UsageError(`${what} is not text: tthc will not write it to the terminal.`, `Give --output FILE (e.g. --output ${what.startsWith('A Word') ? 'bao-cao.docx' : 'danh-sach.xlsx'}), or redirect the output to a file.`);
  }
}

/**
 * Writes `text` (or the bytes of a Word or Excel file) to `file`, or prints it without one. A missing folder is a
 * usage error rather than made, so that a mistyped path is noticed; a plan is never replaced by a report, and
 * `tthc import` replaces one only when told to. How each kind of file is written (atomically, through a link,
 * directly to a device or pipe) is `writeSafely`'s; a file another program holds open is a refusal (held-open.ts).
 */
export async function writeOutput(ctx: Ctx, text: string | Uint8Array, file: string | undefined, opts: { replacePlan?: boolean; what?: string; lang?: Lang } = {}): Promise<void> {
  if (!file || file === '-') {
    if (typeof text === 'string') ctx.io.write(text);
    else {
      // Bytes of a Word or Excel file on a terminal are noise that can upset it; a pipe or a redirect is fine.
      refuseBinaryOnTerminal(ctx, file, opts.what ?? 'This file');
      ctx.io.writeBytes!(text);
    }
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
    await writeSafely(path, typeof text === 'string' ? Buffer.from(text, 'utf8') : text, guard);
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { hint?: string };
    if (err.code === 'REFUSED') throw new UsageError(err.message.replace(path, file), err.hint);
    throw heldOpenRefusal(e, 'output', file, opts.lang ?? pickLang(undefined, ctx.io.env)) ??
      new UsageError(`Cannot write ${file}: ${err.code ?? err.message}.`, 'Check that you may write to the folder.');
  }
  ctx.io.error(`${ctx.display(file)}: written.\n`);
}
