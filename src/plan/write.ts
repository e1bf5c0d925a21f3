// Replaces a plan file safely: git-style FILE.lock, write a temp file, check nobody changed the plan, rename.
//
// Why each step:
// - `FILE.lock` created with O_EXCL serialises tthc edits, so two `tthc done` at the same moment both land.
// - The temp file lives in the same directory so the rename is atomic (same file system): a reader sees the
//   old plan or the new one, never half of one, even if the power fails (fsync before rename).
// - Editors and sync tools do not take our lock: re-reading the plan just before the rename and comparing it
//   with what `change` was given catches most of their writes (ConflictError) instead of silently undoing them.
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { open, readFile, realpath, rename, stat, unlink, chmod, link } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { retryHeldOpen } from './held-open.js';

export interface UpdateOptions {
  /** How long to wait for another process's lock before giving up, in ms (default 10 000). */
  waitMs?: number;
}

/** The lock file was held by another live process for longer than we were willing to wait. */
export class LockError extends Error {
  override readonly name = 'LockError';
  readonly code = 'LOCKED';
  constructor(
    readonly file: string,
    readonly lockFile: string,
    holder: string,
  ) {
    super(
      `${file} is being edited by another program: the lock file ${lockFile} exists${holder}. ` +
        `Try again in a moment. If no tthc is running (a crash can leave the lock behind), remove ${lockFile} and try again.`,
    );
  }
}

/** The plan changed on disk (another program wrote it) between reading it and replacing it. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  readonly code = 'CONFLICT';
  constructor(readonly file: string) {
    super(`${file} was changed by another program while tthc was editing it; nothing was written. Run the command again.`);
  }
}

/** A lock older than this is abandoned whatever its pid says (pids are reused; machines are shared). */
export const STALE_LOCK_MS = 10 * 60 * 1000;
const DEFAULT_WAIT_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function errno(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

async function unlinkQuietly(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (e) {
    if (errno(e) !== 'ENOENT') throw e;
  }
}

interface Lock {
  path: string;
  /** What we wrote into it: release removes the lock only if it still says this. */
  content: string;
}

interface LockInfo {
  pid?: number;
  host?: string;
  time?: string;
  ino: number;
  mtimeMs: number;
  raw: string;
}

async function readLock(path: string): Promise<LockInfo | undefined> {
  try {
    const [raw, st] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    const field = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(raw)?.[1];
    const pid = Number(field('pid'));
    const info: LockInfo = { ino: st.ino, mtimeMs: st.mtimeMs, raw };
    if (Number.isInteger(pid) && pid > 0) info.pid = pid;
    const host = field('host');
    if (host !== undefined) info.host = host;
    const time = field('time');
    if (time !== undefined) info.time = time;
    return info;
  } catch (e) {
    if (errno(e) === 'ENOENT') return undefined;
    throw e;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return errno(e) !== 'ESRCH';
  }
}

function isStale(info: LockInfo): boolean {
  if (Date.now() - info.mtimeMs > STALE_LOCK_MS) return true;
  // A pid only means something on the machine that wrote it (the plan may sit on a shared drive).
  if (info.pid !== undefined && (info.host === undefined || info.host === hostname())) return !isRunning(info.pid);
  return false;
}

/**
 * Removes a stale lock without removing a fresh one that replaced it meanwhile: move it aside (atomic), then
 * check that what was moved is the lock judged stale; if not, put it back.
 */
async function removeStale(path: string, info: LockInfo): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (e) {
    if (errno(e) === 'ENOENT') return; // someone else removed it first
    throw e;
  }
  const moved = await readLock(aside);
  if (moved && (moved.ino !== info.ino || moved.raw !== info.raw)) {
    // A live lock was taken in between: restore it unless yet another one exists (then its owner wins).
    try {
      await link(aside, path);
    } catch {
      /* EEXIST: a newer lock is in place */
    }
  }
  await unlinkQuietly(aside);
}

async function acquireLock(file: string, waitMs: number): Promise<Lock> {
  const path = `${file}.lock`;
  const content = `pid=${process.pid}\nhost=${hostname()}\ntime=${new Date().toISOString()}\ntoken=${randomBytes(8).toString('hex')}\n`;
  const deadline = Date.now() + waitMs;
  let delay = 5;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(content);
      } finally {
        await handle.close();
      }
      return { path, content };
    } catch (e) {
      if (errno(e) !== 'EEXIST') throw e;
    }
    const info = await readLock(path);
    if (info === undefined) continue; // released between our open and our read
    if (isStale(info)) {
      await removeStale(path, info);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = [info.pid !== undefined ? `pid ${info.pid}` : '', info.host ? `on ${info.host}` : '', info.time ? `since ${info.time}` : '']
        .filter(Boolean)
        .join(' ');
      throw new LockError(file, path, who ? ` (held by ${who})` : '');
    }
    // Jitter keeps processes that collided once from colliding again in lock step.
    await sleep(Math.min(delay * (0.5 + Math.random()), Math.max(1, deadline - Date.now())));
    delay = Math.min(delay * 2, 250);
  }
}

/**
 * Never throws: it runs in a `finally` and must not replace the error being reported. A lock it fails to
 * remove names our pid, which is dead by the next run, so that run takes it over as stale.
 */
async function releaseLock(lock: Lock): Promise<void> {
  try {
    // Only our own lock: if ours was judged stale and taken over, the new one belongs to someone else.
    if ((await readFile(lock.path, 'utf8')) !== lock.content) return;
    await unlink(lock.path);
  } catch {
    /* ENOENT or worse: see above */
  }
}

/** Windows refuses a rename while Word, a scanner or a sync client holds the file open: see held-open.ts. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  await retryHeldOpen(() => rename(from, to));
}

/** Makes the rename itself durable; not every platform can open or fsync a directory, which is fine. */
async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    /* Windows (EISDIR/EPERM) and some file systems (EINVAL): the rename is still atomic. */
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Replaces `file` with `change(current bytes)` under `file.lock`. Throws LockError when another live process
 * holds the lock past `waitMs`, ConflictError when the file changed on disk while `change` ran; an error from
 * `change` propagates unchanged. In every failure the file is untouched and no lock or temp file remains.
 * When `change` returns the same bytes, nothing is written.
 */
export async function updateFile(
  file: string,
  change: (current: Buffer) => Buffer | Promise<Buffer>,
  opts: UpdateOptions = {},
): Promise<{ before: Buffer; after: Buffer }> {
  // Edit the real file next to its real directory: renaming over a symlink would replace the link itself.
  const target = await realpath(file);
  const lock = await acquireLock(target, opts.waitMs ?? DEFAULT_WAIT_MS);
  let tmp: string | undefined;
  try {
    const before = await readFile(target);
    const mode = (await stat(target)).mode & 0o7777;
    const after = await change(Buffer.from(before));
    if (!Buffer.isBuffer(after)) throw new TypeError('updateFile: change() must return a Buffer.');
    if (after.equals(before)) return { before, after };

    const dir = dirname(target);
    tmp = join(dir, `.${basename(target)}.tthc-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(tmp, 'wx', mode);
    try {
      await handle.writeFile(after);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open()'s mode went through the umask; the plan's own mode must survive exactly.
    await chmod(tmp, mode);

    const now = await readFile(target);
    if (sha256(now) !== sha256(before)) throw new ConflictError(file);

    await renameWithRetry(tmp, target);
    tmp = undefined;
    await fsyncDir(dir);
    return { before, after };
  } finally {
    if (tmp !== undefined) await unlinkQuietly(tmp).catch(() => undefined);
    await releaseLock(lock);
  }
}
