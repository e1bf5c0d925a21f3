// --output FILE: write a report to a file safely (temp file + rename), since PowerShell's `>` writes UTF-16; never over a plan.
import { closeSync, openSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../io.js';
import { heldOpenRefusal, retryHeldOpenSync } from '../plan/held-open.js';
import { pickLang, type Lang } from '../render/i18n.js';
import type { Ctx } from './context.js';

/** Whether a file's first bytes are those of a tthc plan: its format line, or its editor-schema comment. */
function looksLikePlan(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(4096);
    const head = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    return /^format:\s*\d+\s*(#.*)?\r?$/m.test(head) || /\$schema=\S*plan\.schema\.json/.test(head);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Refuses, before any work, to print a binary file (Word, Excel) on a terminal. */
export function refuseBinaryOnTerminal(ctx: Ctx, file: string | undefined, what: string): void {
  if ((!file || file === '-') && (ctx.io.isTTY || !ctx.io.writeBytes)) {
    throw new UsageError(`${what} is not text: tthc will not write it to the terminal.`, `Give --output FILE (e.g. --output ${what.startsWith('A Word') ? 'bao-cao.docx' : 'danh-sach.xlsx'}), or redirect the output to a file.`);
  }
}

/**
 * Writes `text` to `file` (or prints it without one). A missing folder is a usage error rather than made, so that a
 * mistyped path is noticed; a plan is never replaced by a report, and `tthc import` replaces one only when told to.
 */
export function writeOutput(ctx: Ctx, text: string | Uint8Array, file: string | undefined, opts: { replacePlan?: boolean; what?: string; lang?: Lang } = {}): void {
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
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(path);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory()) throw new UsageError(`Cannot write ${file}: it is a folder.`, 'Give a file name inside it.');
  if (existing && !opts.replacePlan && looksLikePlan(path)) {
    throw new UsageError(`${file} is a plan file; --output will not replace it.`, 'Write the output to another file, e.g. report.csv.');
  }
  const tmp = `${path}.tthc-${process.pid}.tmp`;
  try {
    if (typeof text === 'string') writeFileSync(tmp, text, 'utf8');
    else writeFileSync(tmp, text);
    // Windows refuses the rename while Excel or Word has the file open (see held-open.ts).
    retryHeldOpenSync(() => renameSync(tmp, path));
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    throw heldOpenRefusal(e, 'output', file, opts.lang ?? pickLang(undefined, ctx.io.env)) ??
      new UsageError(`Cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`, 'Check that you may write to the folder.');
  }
  ctx.io.error(`${ctx.display(file)}: written.\n`);
}
