// The one safe writer: plans (git-style FILE.lock, temp file, check nobody changed the plan, rename) and outputs.
//
// Why each step:
// - `FILE.lock` created with O_EXCL serialises tthc edits, so two `tthc done` at the same moment both land.
// - The temp file lives in the same directory so the rename is atomic (same file system): a reader sees the
//   old plan or the new one, never half of one, even if the power fails (fsync before rename).
// - Editors and sync tools do not take our lock: re-reading the plan just before the rename and comparing it
//   with what `change` was given catches most of their writes (ConflictError) instead of silently undoing them.
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { open, readFile, realpath, rename, stat, lstat, unlink, chmod, chown, link, rmdir, writeFile, type FileHandle } from 'node:fs/promises';
import { renameSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { retryHeldOpen } from './held-open.js';
import { english, msg, render, type Lang, type Msg } from '../messages/index.js';

export interface UpdateOptions {
  /** How long to wait for another process's lock before giving up, in ms (default 10 000). */
  waitMs?: number;
}

/** An error of the writer said in the run's language: `text`/`hintText` for tthc to print, `message` in English. */
class Said extends Error {
  readonly text: Msg | string;
  readonly hintText?: Msg | string;
  readonly hint?: string;
  constructor(text: Msg | string, hint?: Msg | string) {
    super();
    this.text = text;
    english(this, 'message', text);
    if (hint !== undefined) {
      this.hintText = hint;
      english(this, 'hint', hint);
    }
  }
  say(lang: Lang): { message: string; hint?: string } {
    return { message: render(lang, this.text), ...(this.hintText !== undefined ? { hint: render(lang, this.hintText) } : {}) };
  }
}

/** The lock file was held by another live process for longer than we were willing to wait. */
export class LockError extends Said {
  override readonly name = 'LockError';
  readonly code = 'LOCKED';
  constructor(
    readonly file: string,
    readonly lockFile: string,
    holder: string,
  ) {
    super(msg('write.locked', { file, lock: lockFile, holder }));
  }
}

/** The plan changed on disk (another program wrote it) between reading it and replacing it. */
export class ConflictError extends Said {
  override readonly name = 'ConflictError';
  readonly code = 'CONFLICT';
  constructor(readonly file: string) {
    super(msg('write.conflict', { file }));
  }
}

/** A write tthc will not do, with the reason and what to do instead (exit 1 for an edit, 2 for --output). */
export class WriteRefused extends Said {
  override readonly name = 'WriteRefused';
  readonly code = 'REFUSED';
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
  /** The lock is a folder (made by something else, or left by a crash of another tool). */
  dir?: boolean;
}

async function readLock(path: string): Promise<LockInfo | undefined> {
  try {
    let st = await lstat(path);
    // A folder, or anything but a file, where the lock should be: left by something else, never a live tthc lock.
    let raw = '';
    if (st.isFile()) {
      // Content, inode and age from one open file: read apart, a lock released and taken again in between would pair
      // the new lock's empty content (still being written) with the old one's age, and be judged stale.
      const handle = await open(path, 'r');
      try {
        st = await handle.stat();
        raw = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    }
    const field = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(raw)?.[1];
    const pid = Number(field('pid'));
    const info: LockInfo = { ino: st.ino, mtimeMs: st.mtimeMs, raw, dir: st.isDirectory() };
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

/**
 * A lock tthc writes says pid=, host=, time= and token= at once; one without a pid (empty after a full disk or a crash
 * mid-write, garbage, a folder) is not being held once it is older than the moment a live writer needs to fill it.
 */
export const GARBAGE_LOCK_MS = 5_000;

function isStale(info: LockInfo): boolean {
  const age = Date.now() - info.mtimeMs;
  if (age > STALE_LOCK_MS) return true;
  if (info.dir || info.pid === undefined) return age > GARBAGE_LOCK_MS;
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
  if (moved?.dir && moved.ino === info.ino) {
    await rmdir(aside).catch(() => undefined);
    return;
  }
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

/**
 * Creates the lock with its content in one step: written to a file of its own, then hard-linked to the lock's name
 * (which fails with EEXIST when the lock is taken). Opened and then written, a lock was seen empty or half-written by
 * another writer on a loaded machine, judged abandoned and taken over: two writers at once (found by the eight-process
 * test in CI). Where the file system has no hard links (FAT, some shares), the lock is opened and written as before.
 */
async function createLock(path: string, content: string): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content, { flag: 'wx', mode: 0o644 });
  } catch {
    return await openLock(path, content);
  }
  try {
    await link(tmp, path);
  } catch (e) {
    if (errno(e) === 'EEXIST') throw e;
    return await openLock(path, content);
  } finally {
    await unlinkQuietly(tmp);
  }
}

async function openLock(path: string, content: string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
}

async function acquireLock(file: string, waitMs: number): Promise<Lock> {
  const path = `${file}.lock`;
  const content = `pid=${process.pid}\nhost=${hostname()}\ntime=${new Date().toISOString()}\ntoken=${randomBytes(8).toString('hex')}\n`;
  let deadline = Date.now() + waitMs;
  let holder: string | undefined;
  let delay = 5;
  for (;;) {
    try {
      await createLock(path, content);
      return { path, content };
    } catch (e) {
      if (errno(e) !== 'EEXIST') throw e;
    }
    const info = await readLock(path);
    if (info === undefined) continue; // released between our open and our read
    // The wait is for one holder: while the lock passes from writer to writer the queue is moving, and each new
    // holder gets the full wait again (eight edits at once on a loaded machine take longer than one wait).
    if (info.raw !== holder) {
      holder = info.raw;
      deadline = Math.max(deadline, Date.now() + waitMs);
    }
    if (isStale(info)) {
      await removeStale(path, info);
      continue;
    }
    if (Date.now() >= deadline) {
      // Words of no language, so that the message says them in either.
      const who = [info.pid !== undefined ? `pid ${info.pid}` : '', info.host ?? '', info.time ?? ''].filter(Boolean).join(', ');
      throw new LockError(file, path, who);
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
 * Writes `data` to a temporary file beside `target` and renames it over `target`: a reader sees the old file or the
 * new one, never half of one. The temporary name is unpredictable and created exclusively (O_EXCL does not follow a
 * link planted under that name); the old file's mode, owner and group are carried over, or the write is refused when
 * they cannot be (a user other than root replacing another user's file). `beforeRename` runs last, right before
 * the rename, for the check that the file is still what was read.
 */
async function replaceAtomically(target: string, data: Uint8Array, old: Stats | undefined, beforeRename?: () => Promise<void>): Promise<void> {
  const dir = dirname(target);
  let tmp: string | undefined = join(dir, `.${basename(target)}.tthc-${randomBytes(12).toString('hex')}.tmp`);
  try {
    const handle: FileHandle = await open(tmp, 'wx', old ? old.mode & 0o7777 : 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (old) {
      // open()'s mode went through the umask; the file's own mode, owner and group must survive exactly.
      const made = await stat(tmp);
      if (made.uid !== old.uid || made.gid !== old.gid) {
        try {
          await chown(tmp, old.uid, old.gid);
        } catch {
          throw new WriteRefused(msg('write.otherOwner', { file: target, uid: old.uid, gid: old.gid }), msg('write.otherOwner.hint'));
        }
      }
      await chmod(tmp, old.mode & 0o7777);
    }
    if (beforeRename) await beforeRename();
    await renameWithRetry(tmp, target);
    tmp = undefined;
    await fsyncDir(dir);
  } finally {
    if (tmp !== undefined) await unlinkQuietly(tmp).catch(() => undefined);
  }
}

/**
 * Writes an output (`--output FILE`) as the shell's `>` would, but safely: a device, a named pipe or /dev/stdout is
 * written directly; a symbolic link is written through to its target; an existing regular file is replaced
 * atomically with its mode, owner and group kept, unless `guard` (given its bytes) says why not (a plan);
 * a read-only file is refused; a file with several hard links is written in place, so that the links stay one file.
 */
export async function writeSafely(path: string, data: Uint8Array, guard?: (bytes: Buffer) => Msg | string | undefined): Promise<void> {
  let st: Stats | undefined;
  try {
    st = await stat(path);
  } catch (e) {
    if (errno(e) !== 'ENOENT') throw e;
    const l = await lstat(path).catch(() => undefined);
    if (l?.isSymbolicLink()) throw new WriteRefused(msg('write.deadLink', { file: path }), msg('write.deadLink.hint'));
  }
  if (st?.isDirectory()) throw new WriteRefused(msg('write.folder', { file: path }), msg('write.folder.hint'));
  if (st && !st.isFile()) {
    // A terminal, /dev/null, a pipe: what the shell's `>` does. Renaming over it would replace the device itself.
    const handle = await open(path, 'w');
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
    return;
  }
  const target = st ? await realpath(path) : path;
  if (st && guard) {
    const handle = await open(target, 'r');
    let head: Buffer;
    try {
      head = Buffer.alloc(Math.min(st.size, 8 * 1024 * 1024));
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
    const why = guard(head);
    if (why) throw new WriteRefused(why, msg('write.guard.hint'));
  }
  if (st && (st.mode & 0o222) === 0) {
    throw new WriteRefused(msg('write.readOnly', { file: path }), msg('write.readOnly.hint'));
  }
  if (st && st.nlink > 1) {
    // Replacing would cut this name off from the other links; write in place as `>` does.
    const handle = await open(target, 'r+');
    try {
      await handle.truncate(0);
      await handle.write(data, 0, data.length, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return;
  }
  await replaceAtomically(target, data, st);
}


/**
 * The plan refused before any lock is taken: read-only (the user or a sync tool protects it), or hard-linked (a
 * rename would part it from its other names, so the edit would be seen in one of them only).
 */
function refuseUnwritable(file: string, st: { mode: number; nlink: number }): void {
  if ((st.mode & 0o222) === 0) {
    throw new WriteRefused(msg('write.planReadOnly', { file }), msg('write.planReadOnly.hint', { name: basename(file) }));
  }
  if (st.nlink > 1) {
    throw new WriteRefused(msg('write.hardLinks', { file, n: st.nlink }), msg('write.hardLinks.hint'));
  }
}
/**
 * Replaces `file` with `change(current bytes)` under `file.lock`. Throws LockError when another live process
 * holds the lock past `waitMs`, ConflictError when the file changed on disk while `change` ran, WriteRefused when
 * the plan is read-only, has several hard links, or belongs to someone whose ownership could not be kept; an error
 * from `change` propagates unchanged. In every failure the file is untouched and no lock or temp file remains.
 * When `change` returns the same bytes, nothing is written.
 */
export async function updateFile(
  file: string,
  change: (current: Buffer) => Buffer | Promise<Buffer>,
  opts: UpdateOptions = {},
): Promise<{ before: Buffer; after: Buffer }> {
  // Edit the real file next to its real directory: renaming over a symlink would replace the link itself.
  const target = await realpath(file);
  const first = await stat(target);
  refuseUnwritable(file, first);
  // The wait scales with the work done under the lock: a large plan takes longer to check than a small one.
  const waitMs = opts.waitMs ?? DEFAULT_WAIT_MS + Math.round(first.size / 1024) * 20;
  const lock = await acquireLock(target, waitMs);
  try {
    const before = await readFile(target);
    const old = await stat(target);
    const after = await change(Buffer.from(before));
    if (!Buffer.isBuffer(after)) throw new TypeError('updateFile: change() must return a Buffer.');
    if (after.equals(before)) return { before, after };
    await replaceAtomically(target, after, old, async () => {
      // Last, under the lock, right before the rename: a change by an editor or a sync tool is not undone.
      const now = await readFile(target);
      if (sha256(now) !== sha256(before)) throw new ConflictError(file);
    });
    return { before, after };
  } finally {
    await releaseLock(lock);
  }
}

/**
 * Replaces `file` with `after` if it still holds exactly `before`, under `file.lock`; says false (nothing written)
 * when it does not. The caller reads, analyses and builds `after` before calling, outside the lock: under it only the
 * comparison and the write happen, so a second edit of a large plan waits for milliseconds, not for a whole check.
 * The same refusals as `updateFile` (read-only, hard links, ownership); LockError past `waitMs`.
 */
export async function replaceIfUnchanged(file: string, before: Uint8Array, after: Uint8Array, opts: UpdateOptions = {}): Promise<boolean> {
  const target = await realpath(file);
  const first = await stat(target);
  refuseUnwritable(file, first);
  const lock = await acquireLock(target, opts.waitMs ?? DEFAULT_WAIT_MS);
  try {
    const now = await readFile(target);
    if (!now.equals(before)) return false;
    const old = await stat(target);
    await replaceAtomically(target, after, old, async () => {
      // Last, right before the rename: a change by an editor or a sync tool (which take no lock) is not undone.
      if (!(await readFile(target)).equals(before)) throw new ConflictError(file);
    });
    return true;
  } finally {
    await releaseLock(lock);
  }
}

/**
 * Replaces a small file of tthc's own (a cache entry, the undo journal) all at once: a fresh temporary file beside it,
 * then a rename, so that a reader sees the old file or the new one, never half of one. Synchronous, for the writes a
 * command makes on its way out; a user's file (a plan, a report) goes through writeSafely, with its lock and checks.
 */
export function replaceOwnFileSync(path: string, data: string | Uint8Array, mode = 0o600): void {
  const tmp = `${path}.${randomBytes(8).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, data, { flag: 'wx', mode });
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // never made, or already renamed
    }
    throw e;
  }
}
