// The plan cache: a wrapper around loading that keeps each plan's analysis on disk, keyed by the plan's real path and
// its bytes, so that everyday commands skip YAML, zod and the checks. The pipeline does not know it exists.
import { readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis } from '../checks/analyze.js';
import { checkedOf, type Checked } from '../checks/checked.js';
import { fileSize } from '../read/decode.js';
import { decodeEntry, encodeEntry, type EntryKey, type Pick } from './entry.js';
import { compare, reshift } from '../checks/reshift.js';
import { heavy } from './lazy.js';
import { privateDir, trusted } from '../../bin/trust.js';
import { stampOf, statPlanFile, type FileStamp } from './files.js';

export type { Checked } from '../checks/checked.js';
export type { Pick } from './entry.js';

declare const __TTHC_BUILD__: string | undefined;

/**
 * The identity of this build: an entry written by another build is never read. Unbundled (the in-process tests), the
 * cache is used only where TTHC_CACHE_DIR names a folder, which the tests make afresh for each file.
 */
const BUILD = typeof __TTHC_BUILD__ === 'string' ? __TTHC_BUILD__ : undefined;

/** The cache's size budget: past it the least recently used entries go. 64 MB keeps thousands of commune plans. */
const DEFAULT_BUDGET_MB = 64;

type Env = Record<string, string | undefined>;

/** Candidate folders for the cache: next to the installed package (npm's convention), else a private one in tmp. */
function cacheDirs(env: Env): string[] {
  if (env.TTHC_NO_CACHE) return [];
  if (env.TTHC_CACHE_DIR) return [env.TTHC_CACHE_DIR];
  if (!BUILD) return [];
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return [join(dirname(dirname(fileURLToPath(import.meta.url))), 'node_modules', '.cache', 'tthc'), join(tmpdir(), `tthc-cache-${uid}`)];
}

function budget(env: Env): number {
  const mb = Number(env.TTHC_CACHE_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_BUDGET_MB) * 1024 * 1024;
}

/**
 * Two independent 32-bit hashes (FNV-1a and a multiplicative one) and the length. Not a defence against forgery: none
 * is needed, since only the user's own files are read (see `read`).
 */
export function fingerprint(bytes: Uint8Array): string {
  // Word by word: this runs cold in the interpreter on every command, so a quarter of the steps matters.
  const words = bytes.length >>> 2;
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const view = new Uint32Array(aligned.buffer, aligned.byteOffset, words);
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < words; i++) {
    const w = view[i]!;
    a = Math.imul(a ^ w, 0x01000193);
    b = Math.imul(b ^ (w + (b << 5)), 0x5bd1e995) ^ (b >>> 15);
  }
  for (let i = words << 2; i < bytes.length; i++) a = Math.imul(a ^ bytes[i]!, 0x01000193);
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}${bytes.length.toString(16)}`;
}

/** Where a plan is, for the key: its real path (the same plan through a link or from another folder is one entry). */
function whereOf(path: string | undefined, file: string): string {
  if (path === undefined) return `name:${file}`;
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

interface Key extends Omit<EntryKey, 'build'> {
  name: string;
  /** The file that names the entry last written for this real path (what a hand edit is analysed from). */
  last: string;
  /** The file that keeps the plan file's stamp when its bytes were last read (see `stamped`). */
  stamp: string;
}

function keyOf(bytes: Uint8Array, file: string, path: string | undefined): Key {
  // Only the head of a file too large to read is here: its size on disk is part of what it is (TOO_LARGE says it).
  const size = fileSize(bytes) === bytes.length ? '' : `-${fileSize(bytes).toString(16)}`;
  return keyAt(whereOf(path, file), `${fingerprint(bytes)}${size}`);
}

function keyAt(where: string, content: string): Key {
  const place = fingerprint(new TextEncoder().encode(where));
  return { name: `${content}-${place}.json`, where, bytes: content, last: `${place}.last`, stamp: `${place}.stamp` };
}

/**
 * An entry, used only when its folder and file pass the trust rule (bin/trust.js: this user's own, not a link,
 * writable by no one else) and it names this build, this real path and these bytes. No signature is checked: an
 * account that could write a trusted entry could as well edit the plan itself or tthc's own code, so a signature
 * would stop no one the trust rule lets through, and computing it loaded node:crypto on every command. The names
 * inside guard against mistakes (an entry copied or renamed by hand, a partial write): such an entry is a miss.
 * A hit is touched, so that eviction takes the least recently used entries.
 */
function read(dir: string, key: Key, anyBytes = false, pick?: Pick): Analysis | undefined {
  const path = join(dir, key.name);
  try {
    if (!trustedDir(dir) || !trusted(path, 'file')) return undefined;
    const a = decodeEntry(readFileSync(path), { build: BUILD ?? 'source', where: key.where, bytes: key.bytes }, anyBytes, pick);
    if (!a) return undefined;
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // an entry that cannot be touched is evicted a little early
    }
    return a;
  } catch {
    return undefined;
  }
}

/**
 * Tasks read in this run from entries that answer the command (hits; not the last entry of a plan edited by hand,
 * from which the new analysis is worked out), and how many make a run long enough to turn V8's optimising compiler off.
 */
let tasksRead = 0;
const MANY_TASKS = 500;

/**
 * Past MANY_TASKS, tells bin/tthc.js (through a registered hook it sets for the commands that read plans) that this
 * run will evaluate and draw many tasks: such a run ends before optimised code repays its compiling (see there).
 */
function counted(a: Analysis): Analysis {
  if (tasksRead >= MANY_TASKS || !a.raw) return a;
  for (const s of a.raw.sections) tasksRead += s.tasks.length;
  if (tasksRead < MANY_TASKS) return a;
  const hook = (globalThis as Record<symbol, unknown>)[Symbol.for('tthc.manyTasks')];
  if (typeof hook === 'function') hook();
  return a;
}

/** Folders judged trusted in this run: a run across a hundred plans asks about the same folder a hundred times. */
const TRUSTED_DIRS = new Set<string>();
function trustedDir(dir: string): boolean {
  if (TRUSTED_DIRS.has(dir)) return true;
  if (!trusted(dir, 'dir')) return false;
  TRUSTED_DIRS.add(dir);
  return true;
}

/** Writes a file of the cache so that it appears whole or not at all; throws where it cannot. */
function writeWhole(path: string, data: string | Uint8Array): void {
  // Unique enough to never meet another writer's (and 'wx' refuses if it did); the rename makes the file appear whole.
  const tmp = `${path}.${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, data, { flag: 'wx', mode: 0o600 });
  renameSync(tmp, path);
}

/** Writes an entry into the first folder that is (or can be made) this user's own (that folder); a cache that cannot be written only costs time. */
function write(dirs: string[], key: Key, a: Analysis, env: Env): string | undefined {
  const body = encodeEntry({ build: BUILD ?? 'source', where: key.where, bytes: key.bytes }, a);
  for (const dir of dirs) {
    try {
      if (!privateDir(dir)) continue;
      writeWhole(join(dir, key.name), body);
      writeWhole(join(dir, key.last), key.name);
      evict(dir, budget(env));
      return dir;
    } catch {
      // try the next folder
    }
  }
  return undefined;
}

/** The least recently used entries go until the entries fit the budget (the newest entry always stays). */
export function evict(dir: string, limit: number): void {
  const entries: { path: string; size: number; t: number }[] = [];
  let total = 0;
  for (const n of readdirSync(dir)) {
    if (!n.endsWith('.json')) continue;
    try {
      const st = statSync(join(dir, n));
      entries.push({ path: join(dir, n), size: st.size, t: st.mtimeMs });
      total += st.size;
    } catch {
      // removed meanwhile by another tthc
    }
  }
  if (total <= limit) return;
  entries.sort((x, y) => x.t - y.t);
  for (const e of entries.slice(0, -1)) {
    if (total <= limit) break;
    try {
      unlinkSync(e.path);
    } catch {
      // removed meanwhile
    }
    total -= e.size;
  }
}

/**
 * Reads and checks a plan's bytes, from the cache when these exact bytes at this real path were analysed before by
 * this build. `path` is where the bytes were read on disk (absent for a version from git: then the name keys it).
 * `pick`: the command reads only some tasks (a warm `due`); a plan read from the cache may then hold those alone.
 */
export async function loadChecked(bytes: Uint8Array, file: string, today: string, env: Env, path?: string, pick?: Pick): Promise<Checked> {
  return checkedOf(await loadAnalysis(bytes, file, today, env, path, pick), bytes, file, today);
}

/** The analysis itself, as loadChecked finds or makes it: an edit builds the analysis of its result from it (never with `pick`). */
export async function loadAnalysis(bytes: Uint8Array, file: string, today: string, env: Env, path?: string, pick?: Pick): Promise<Analysis> {
  const dirs = cacheDirs(env);
  let a: Analysis | undefined;
  const key = dirs.length ? keyOf(bytes, file, path) : undefined;
  let at: string | undefined;
  if (key) {
    for (const dir of dirs) {
      if ((a = read(dir, key, false, pick))) {
        at = dir;
        counted(a);
        break;
      }
    }
  }
  if (!a) {
    a = (key && (await fromLast(dirs, key, bytes, file))) || (await heavy()).analyze(bytes, file, today);
    if (key) at = write(dirs, key, a, env);
  }
  const stamp = stampOf(bytes);
  if (at && key && path !== undefined && stamp) keepStamp(at, key, stamp);
  return a;
}

/**
 * A file's content is taken as unchanged since its bytes were read when its stamp is the same now, as git's index
 * does: size, mtime, ctime (which no program can set back: putting the mtime back with `utimes` changes it), file
 * number and device. A stamp is kept only when those times were at least RACY_NS older than the moment it was taken:
 * a file written in the same tick of a coarse clock (FAT keeps mtimes to 2 s) just before or during the read could
 * otherwise change again without its times changing. A system that gives no ctime or file number (0) gets no stamp.
 */
const RACY_NS = 3_000_000_000n;

export function vouches(s: FileStamp): boolean {
  return s.ino !== 0n && s.ctime !== 0n && s.mtime !== 0n && s.mtime <= s.taken - RACY_NS && s.ctime <= s.taken - RACY_NS;
}

const FIELDS = ['size', 'mtime', 'ctime', 'ino', 'dev'] as const;

/** Keeps beside the entry the stamp of the file its bytes were read from (written whole, or not at all). */
function keepStamp(dir: string, key: Key, s: FileStamp): void {
  if (!vouches(s)) return;
  const text = JSON.stringify({ build: BUILD ?? 'source', where: key.where, bytes: key.bytes, taken: String(s.taken), ...Object.fromEntries(FIELDS.map((f) => [f, String(s[f])])) });
  const path = join(dir, key.stamp);
  try {
    if (readFileSync(path, 'utf8') === text) return;
  } catch {
    // none yet
  }
  try {
    writeWhole(path, text);
  } catch {
    // the next run reads the plan again
  }
}

/**
 * The analysis of the plan file at `path` without reading it: where a stamp kept by an earlier run is the file's
 * stamp now and names an entry of this build for this real path (the entry then checks itself as always).
 */
function stamped(dirs: string[], path: string, pick: Pick | undefined): Analysis | undefined {
  const now = statPlanFile(path);
  if (!now) return undefined;
  const where = whereOf(path, path);
  for (const dir of dirs) {
    let kept: Record<string, unknown>;
    const key = keyAt(where, '');
    try {
      const file = join(dir, key.stamp);
      if (!trustedDir(dir) || !trusted(file, 'file')) continue;
      kept = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (kept.build !== (BUILD ?? 'source') || kept.where !== where || typeof kept.bytes !== 'string' || !/^[0-9a-f]+(?:-[0-9a-f]+)?$/.test(kept.bytes)) continue;
    if (typeof kept.taken !== 'string' || !/^\d+$/.test(kept.taken)) continue;
    const then = { ...now, taken: BigInt(kept.taken) };
    if (!vouches(then) || FIELDS.some((f) => kept[f] !== String(now[f]))) continue;
    const a = read(dir, keyAt(where, kept.bytes), false, pick);
    if (a) return counted(a);
  }
  return undefined;
}

/**
 * loadChecked for a plan file on disk: the bytes are read (by `readBytes`, which says what is wrong with the file)
 * only where no stamp vouches for an entry; then only if a finding's line is shown.
 */
export async function loadCheckedFile(path: string, readBytes: () => Uint8Array, file: string, today: string, env: Env, pick?: Pick): Promise<Checked> {
  const dirs = cacheDirs(env);
  const a = dirs.length ? stamped(dirs, path, pick) : undefined;
  if (a) return checkedOf(a, readBytes, file, today);
  return loadChecked(readBytes(), file, today, env, path, pick);
}

/**
 * The analysis of bytes this path had not held before (a hand edit), made from the last analysis of the same path:
 * moved findings where only comments and blank lines between tasks changed (without loading the YAML reader and
 * zod), else the changed tasks read alone (src/checks/reanalyze.ts); undefined where that cannot be trusted.
 */
async function fromLast(dirs: string[], key: Key, bytes: Uint8Array, file: string): Promise<Analysis | undefined> {
  for (const dir of dirs) {
    let name: string;
    try {
      const pointer = join(dir, key.last);
      if (!trustedDir(dir) || !trusted(pointer, 'file')) continue;
      name = readFileSync(pointer, 'utf8');
    } catch {
      continue;
    }
    if (!/^[0-9a-f]+(?:-[0-9a-f]+)?-[0-9a-f]+\.json$/.test(name) || name === key.name) continue;
    const old = read(dir, { ...key, name }, true);
    if (!old) continue;
    try {
      const c = compare(old, bytes);
      return c && (reshift(old, bytes, c) ?? (await heavy()).reanalyze(old, bytes, file, c));
    } catch {
      // An entry of unexpected content can only cost time: the text is analysed whole.
      return undefined;
    }
  }
  return undefined;
}

/**
 * Keeps the analysis of bytes tthc has just written to `path` (an edit analyses its result before writing it), so
 * that the next command is warm; or, with no analysis at hand, makes one when the bytes have no entry yet.
 */
export async function keepWarm(bytes: Uint8Array, file: string, path: string, env: Env, today: string, a?: Analysis): Promise<void> {
  const dirs = cacheDirs(env);
  if (!dirs.length) return;
  const key = keyOf(bytes, file, path);
  if (!a) {
    for (const dir of dirs) if (read(dir, key)) return;
    a = (await heavy()).analyze(bytes, file, today);
  }
  write(dirs, key, a, env);
}
