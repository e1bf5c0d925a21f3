// --output FILE: write a report through the one safe writer (src/edit/write.ts), since PowerShell's `>` writes UTF-16; never over a plan.
import { dirname } from 'node:path';
import { isFolder } from '../host/files.js';
import { UsageError } from '../model/io.js';
import { heavy } from '../host/lazy.js';
import { heldOpenRefusal } from '../edit/held-open.js';
import type { Lang } from '../render/i18n.js';
import { runLang, type Ctx } from './context.js';
import { msg, say, withPath, type Msg } from '../messages/index.js';
import type { BinaryKind } from '../messages/en.js';

/** Refuses, before any work, to print a binary file (Word, Excel) on a terminal. */
export function refuseBinaryOnTerminal(ctx: Ctx, file: string | undefined, what: BinaryKind): void {
  if ((!file || file === '-') && (ctx.io.isTTY || !ctx.io.writeBytes)) {
    throw new UsageError(msg('output.binary', { what }), msg('output.binary.hint', { example: what === 'docx' ? 'bao-cao.docx' : 'danh-sach.xlsx' }));
  }
}

/**
 * Writes `text` (or the bytes of a Word or Excel file) to `file`, or prints it without one. A missing folder is a
 * usage error rather than made, so that a mistyped path is noticed; a plan is never replaced by a report, and
 * `tthc import` replaces one only when told to. How each kind of file is written (atomically, through a link,
 * directly to a device or pipe) is `writeSafely`'s; a file another program holds open is a refusal (held-open.ts).
 */
export async function writeOutput(ctx: Ctx, text: string | Uint8Array, file: string | undefined, opts: { replacePlan?: boolean; what?: BinaryKind; lang?: Lang } = {}): Promise<void> {
  if (!file || file === '-') {
    if (typeof text === 'string') ctx.io.write(text);
    else {
      // Bytes of a Word or Excel file on a terminal are noise that can upset it; a pipe or a redirect is fine.
      refuseBinaryOnTerminal(ctx, file, opts.what ?? 'file');
      ctx.io.writeBytes!(text);
    }
    return;
  }
  const path = ctx.abs(file);
  const dir = dirname(path);
  if (!isFolder(dir)) throw new UsageError(msg('output.noFolder', { file, dir: ctx.display(dir) }), msg('output.noFolder.hint'));
  const { writeSafely, isPlanBytes } = await heavy();
  const guard = opts.replacePlan ? undefined : (bytes: Buffer) => (isPlanBytes(bytes) ? msg('output.isPlan', { file }) : undefined);
  try {
    await writeSafely(path, typeof text === 'string' ? Buffer.from(text, 'utf8') : text, guard);
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { hint?: string; text?: Msg | string; hintText?: Msg | string };
    // The writer names the absolute path; the user is shown the path as typed.
    if (err.code === 'REFUSED') throw new UsageError(withPath(err.text ?? err.message, path, file), err.hintText ?? err.hint);
    throw heldOpenRefusal(e, 'output', file, opts.lang ?? runLang(ctx)) ??
      new UsageError(msg('output.cannot', { file, why: err.code ?? err.message }), msg('output.cannot.hint'));
  }
  ctx.io.error(`${say(opts.lang ?? runLang(ctx), 'output.written', { file: ctx.display(file) })}\n`);
}

/** Writes a run's rendered output where its --output says, naming a binary format's kind in refusals. */
export async function writeRendered(ctx: Ctx, spec: { output?: string; binary?: BinaryKind; lang: Lang }, out: string | Uint8Array): Promise<void> {
  await writeOutput(ctx, out, spec.output, spec.binary ? { what: spec.binary, lang: spec.lang } : { lang: spec.lang });
}
