// The file system as commands use it (a plan's bytes, a plans folder, what a path is, the undo journal): commands/ imports no node:fs.
import { closeSync, constants, type BigIntStats, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../model/io.js';
import { headOf, MAX_PLAN_BYTES } from '../read/decode.js';
import { heldOpenRefusal, retryHeldOpenSync } from '../edit/held-open.js';
import { msg, type Lang } from '../messages/index.js';

/** What `path` is, following links: undefined where nothing can be found there (or it cannot be looked at). */
export function pathKind(path: string): 'file' | 'folder' | 'other' | undefined {
  let st;
  try {
    st = statSync(path);
  } catch {
    return undefined;
  }
  return st.isFile() ? 'file' : st.isDirectory() ? 'folder' : 'other';
}

export const isFolder = (path: string): boolean => pathKind(path) === 'folder';
export const isFile = (path: string): boolean => pathKind(path) === 'file';

/** Whether anything is at `path` (a broken link is nothing). */
export function exists(path: string): boolean {
  return existsSync(path);
}

/** The names in a folder; throws as the system does (missing, not a folder, not readable). */
export function listNames(dir: string): string[] {
  return readdirSync(dir);
}

/** The names of the folders in a folder (a link to a folder is not counted); throws as listNames. */
export function listFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
}

/** The path with every link resolved; throws where it does not exist. */
export function realPath(path: string): string {
  return realpathSync(path);
}

/** The first `bytes` bytes of a file as UTF-8 text, or undefined where it cannot be read. */
export function readHead(path: string, bytes: number): string | undefined {
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(bytes);
      return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** A small file of tthc's own (the undo journal) as text; throws where it cannot be read. */
export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Makes a folder and those above it, where missing. */
export function makeFolder(path: string): void {
  mkdirSync(path, { recursive: true });
}

/** Writes a small file of tthc's own whole, where losing it costs nothing (a folder's .gitignore). */
export function writeText(path: string, text: string): void {
  writeFileSync(path, text);
}

/**
 * A plan's bytes, from the absolute `path` of the file the user named `file`; a missing file or a folder is a usage
 * error (exit 2). Only a regular file is read, and never more than a plan may hold: a device (/dev/zero), a named
 * pipe or a socket would make `check` wait or read without end. The file is opened without blocking (a pipe with no
 * writer would hang the open itself), then judged by what was opened (fstat), so that it cannot be swapped between
 * the look and the read.
 */
export function readPlanFile(path: string, file: string, lang: Lang): Buffer {
  let fd: number;
  try {
    // On Windows a plan another program holds open is waited for a moment (held-open.ts).
    fd = retryHeldOpenSync(() => openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(msg('file.missing', { file }), msg('file.missing.hint'));
    if (code === 'EISDIR') throw new UsageError(msg('file.folder', { file }), msg('file.folder.hint', { example: join(file, '…yaml') }));
    throw heldOpenRefusal(e, 'read', file, lang) ?? new UsageError(msg('file.unreadable', { file, code: code ?? 'error' }), msg('file.unreadable.hint'));
  }
  try {
    // In nanoseconds, before the read: what the plan cache's stamp keeps of the bytes read (see `stampOf`).
    const st = fstatSync(fd, { bigint: true });
    const taken = BigInt(Date.now()) * 1_000_000n;
    if (st.isDirectory()) throw new UsageError(msg('file.folder', { file }), msg('file.folder.hint', { example: join(file, '…yaml') }));
    if (!st.isFile()) {
      const what = st.isFIFO() ? 'pipe' : st.isCharacterDevice() || st.isBlockDevice() ? 'device' : st.isSocket() ? 'socket' : 'other';
      throw new UsageError(msg('file.special', { file, what }), msg('file.special.hint'));
    }
    // At most one byte more than a plan may hold: enough to refuse a larger file (TOO_LARGE) with its real size,
    // and a file that grows while it is read is not followed.
    const cap = MAX_PLAN_BYTES + 1;
    const buf = Buffer.alloc(Math.min(cap, Number(st.size) + 1));
    let n = 0;
    for (;;) {
      if (n === buf.length) break;
      const got = readSync(fd, buf, n, buf.length - n, n);
      if (got === 0) break;
      n += got;
    }
    const bytes = buf.subarray(0, n);
    if (n > MAX_PLAN_BYTES) return headOf(bytes, Math.max(Number(st.size), n));
    Object.defineProperty(bytes, STAMP, { value: { ...stampFields(st), taken } satisfies FileStamp });
    return bytes;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw heldOpenRefusal(e, 'read', file, lang) ?? new UsageError(msg('file.unreadable', { file, code: (e as NodeJS.ErrnoException).code ?? 'error' }), msg('file.unreadable.hint'));
  } finally {
    closeSync(fd);
  }
}

/**
 * What identifies a file's content without reading it, as git's index keeps it: size, times of the last change of
 * content (mtime) and of the file's record (ctime, which no program can set back), file number and device, in
 * nanoseconds and as read from the system; `taken`: the clock when they were read.
 */
export interface FileStamp {
  size: bigint;
  mtime: bigint;
  ctime: bigint;
  ino: bigint;
  dev: bigint;
  taken: bigint;
}

/** The bytes' stamp is kept on them under a registered symbol, as decode.ts keeps a file's size. */
const STAMP = Symbol.for('tthc.fileStamp');

function stampFields(st: BigIntStats): Omit<FileStamp, 'taken'> {
  return { size: st.size, mtime: st.mtimeNs, ctime: st.ctimeNs, ino: st.ino, dev: st.dev };
}

/** The stamp of the file that `bytes` were read from by readPlanFile, taken just before the read; none for other bytes. */
export function stampOf(bytes: Uint8Array): FileStamp | undefined {
  return (bytes as Uint8Array & { [STAMP]?: FileStamp })[STAMP];
}

/** The stamp of the regular file at `path` now (links followed, as readPlanFile opens it); undefined for anything else. */
export function statPlanFile(path: string): FileStamp | undefined {
  let st: BigIntStats | undefined;
  const taken = BigInt(Date.now()) * 1_000_000n;
  try {
    st = statSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  return st?.isFile() ? { ...stampFields(st), taken } : undefined;
}
