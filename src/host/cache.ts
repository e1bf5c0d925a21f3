// Reading a plan with a cache of its analysis keyed by its bytes, so that everyday commands skip YAML and zod.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../model/diagnostics.js';
import type { Analysis } from '../checks/analyze.js';
import { fileSize } from '../read/decode.js';
import { buildModel, type Plan } from '../model/model.js';
import { heavy } from './lazy.js';
import { primeSchedule } from '../views/evaluate.js';
import { privateDir, trusted } from '../../bin/trust.js';

declare const __TTHC_BUILD__: string | undefined;

/** The identity of this build: a cache written by another build is never read. Unbundled (tests): no cache. */
const BUILD = typeof __TTHC_BUILD__ === 'string' ? __TTHC_BUILD__ : undefined;
const MAX_ENTRIES = 64;

export interface Checked {
  file: string;
  plan?: Plan;
  diagnostics: Diagnostic[];
  lines?: string[];
  /** The plan was salvaged from a file of the wrong shape: only its heading, agencies and sections are in it. */
  partial?: true;
}

/** Candidate folders for the cache: next to the installed package (npm's convention), else a private one in tmp. */
function cacheDirs(env: Record<string, string | undefined>): string[] {
  if (!BUILD || env.TTHC_NO_CACHE) return [];
  if (env.TTHC_CACHE_DIR) return [env.TTHC_CACHE_DIR];
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return [join(dirname(dirname(fileURLToPath(import.meta.url))), 'node_modules', '.cache', 'tthc'), join(tmpdir(), `tthc-cache-${uid}`)];
}

/**
 * The per-user secret that signs entries, kept in the cache folder itself (made 0600, read only when it passes the
 * trust rule): an entry is used only if it was written by this user for these very bytes.
 */
function secretOf(dir: string): Buffer | undefined {
  const path = join(dir, 'secret');
  try {
    writeFileSync(path, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch {
    // there already (or the folder is not writable: then no cache)
  }
  if (!trusted(path, 'file')) return undefined;
  try {
    const s = readFileSync(path, 'utf8');
    return /^[0-9a-f]{64}$/.test(s) ? Buffer.from(s, 'hex') : undefined;
  } catch {
    return undefined;
  }
}

/** The signature of an entry's body for a plan of these bytes: HMAC-SHA-256 of the plan's SHA-256 and the body. */
function sign(secret: Buffer, bytes: Uint8Array, body: string): string {
  const plan = createHash('sha256').update(bytes).digest('hex');
  return createHmac('sha256', secret).update(`${BUILD}\n${plan}\n`).update(body).digest('hex');
}

/** An entry: its signature on the first line, the analysis as JSON after it. Anything that does not verify is a miss. */
function read(dir: string, path: string, bytes: Uint8Array): Analysis | undefined {
  try {
    if (!trusted(dir, 'dir') || !trusted(path, 'file')) return undefined;
    const secret = secretOf(dir);
    if (!secret) return undefined;
    const text = readFileSync(path, 'utf8');
    const nl = text.indexOf('\n');
    const body = text.slice(nl + 1);
    if (nl !== 64 || text.slice(0, nl) !== sign(secret, bytes, body)) return undefined;
    const v = JSON.parse(body) as Analysis & { build?: string };
    return v.build === BUILD && Array.isArray(v.diagnostics) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Writes an entry into the first folder that is (or can be made) this user's own; a cache that cannot be written only costs time. */
function write(dirs: string[], name: string, a: Analysis, bytes: Uint8Array): void {
  for (const dir of dirs) {
    try {
      if (!privateDir(dir)) continue;
      const secret = secretOf(dir);
      if (!secret) continue;
      writeEntry(dir, join(dir, name), a, secret, bytes);
      return;
    } catch {
      // try the next folder
    }
  }
}

/** Atomic (temp file + rename), and the oldest entries go once there are more than MAX_ENTRIES. */
function writeEntry(dir: string, path: string, a: Analysis, secret: Buffer, bytes: Uint8Array): void {
  const body = JSON.stringify({ build: BUILD, ...a });
  const tmp = `${path}.${randomBytes(8).toString('hex')}.tmp`;
  writeFileSync(tmp, `${sign(secret, bytes, body)}\n${body}`, { flag: 'wx', mode: 0o600 });
  renameSync(tmp, path);
  const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  if (names.length > MAX_ENTRIES) {
    const old = names.map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs })).sort((x, y) => x.t - y.t);
    for (const { n } of old.slice(0, names.length - MAX_ENTRIES)) unlinkSync(join(dir, n));
  }
}

/**
 * Two independent 32-bit hashes (FNV-1a and a multiplicative one) and the length: a cache key, not a defence
 * against someone forging plans (each entry is signed for the plan's bytes, see `sign`).
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

/** The model from an analysis: the tasks and their records keep the places in the file they were read from. */
export function modelOf(a: Analysis, file: string): Plan | undefined {
  if (!a.raw) return undefined;
  const origins = a.origins ?? [];
  const offsets: number[] = [];
  let n = 0;
  for (const s of a.raw.sections) {
    offsets.push(n);
    n += s.tasks.length;
  }
  const plan = buildModel(a.raw, file, (si, ti) => origins[offsets[si]! + ti]);
  if (a.schedules?.length === plan.tasks.length) plan.tasks.forEach((t, i) => primeSchedule(t, a.schedules![i]!));
  return plan;
}

/** Findings that hold on `today` (records dated after it are reported only until that day comes). */
export function diagnosticsFor(a: Analysis, today: string): Diagnostic[] {
  return a.diagnostics
    .filter((d) => d.ifTodayBefore === undefined || today < d.ifTodayBefore)
    .map(({ ifTodayBefore: _, ...d }) => d as Diagnostic);
}

/** Reads and checks a plan's bytes, from the cache when these exact bytes were read before by this build. */
export async function loadChecked(bytes: Uint8Array, file: string, today: string, env: Record<string, string | undefined>): Promise<Checked> {
  const dirs = cacheDirs(env);
  // Only the head of a file too large to read is here: its size on disk is part of what it is (TOO_LARGE says it).
  const size = fileSize(bytes) === bytes.length ? '' : `-${fileSize(bytes).toString(16)}`;
  const name = dirs.length ? `${fingerprint(bytes)}${size}-${fingerprint(new TextEncoder().encode(file))}.json` : '';
  let a: Analysis | undefined;
  for (const dir of dirs) if ((a = read(dir, join(dir, name), bytes))) break;
  if (!a) {
    const { analyze } = await heavy();
    a = analyze(bytes, file);
    write(dirs, name, a, bytes);
  }
  const out: Checked = { file, diagnostics: diagnosticsFor(a, today) };
  const plan = modelOf(a, file);
  if (plan) out.plan = plan;
  if (a.lines) out.lines = a.lines;
  if (a.partial) out.partial = true;
  return out;
}
