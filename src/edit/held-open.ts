// Windows: a file that Word, Excel, a sync or antivirus program holds open refuses renames and writes; wait, then refuse kindly.
//
// Windows does not let a file be replaced (renamed over) or written while another program has it open without
// sharing it: Word shares an open document for reading only, Excel locks a CSV it has open, and OneDrive or a virus
// scanner hold a file for a moment after it changes. Node reports that as EPERM, EBUSY or EACCES. A scanner lets go
// within a second or two, so we retry for a few seconds; a clerk's Word does not, so then the edit is refused (exit 1)
// with the likely cause, instead of a raw "EPERM: operation not permitted, rename …" and the usage exit code.
// On other systems the same codes mean a real permission problem and are not retried.
import { RefusedError } from '../model/io.js';
import type { Lang } from '../model/lang.js';
import { say } from '../messages/index.js';

const HELD_OPEN_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** How long to keep retrying, in ms: long enough for a scanner or a sync client, short enough for a clerk. */
export const HELD_OPEN_WAIT_MS = 3_000;

export interface HeldOpenOptions {
  /** The platform whose rules apply; tests pass 'win32' to exercise Windows's on any system. */
  platform?: NodeJS.Platform;
  /** Total time to keep retrying, in ms (default HELD_OPEN_WAIT_MS, or TTHC_HELD_OPEN_MS). */
  waitMs?: number;
}

function code(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/** Whether `e` is Windows's "another program has this file open" (sharing violation or lock). */
export function isHeldOpen(e: unknown, platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'win32' && HELD_OPEN_CODES.has(code(e) ?? '');
}

function waitOf(opts: HeldOpenOptions): number {
  if (opts.waitMs !== undefined) return opts.waitMs;
  const env = Number(process.env.TTHC_HELD_OPEN_MS);
  return Number.isFinite(env) && env >= 0 ? env : HELD_OPEN_WAIT_MS;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Runs `op` (a rename, an open), retrying while the file is held open; the last error is thrown unchanged. */
export async function retryHeldOpen<T>(op: () => Promise<T>, opts: HeldOpenOptions = {}): Promise<T> {
  const deadline = Date.now() + waitOf(opts);
  for (let delay = 20; ; delay = Math.min(delay * 2, 400)) {
    try {
      return await op();
    } catch (e) {
      if (!isHeldOpen(e, opts.platform) || Date.now() >= deadline) throw e;
      await sleep(Math.min(delay, Math.max(1, deadline - Date.now())));
    }
  }
}

/** The same for the synchronous writers (--output). */
export function retryHeldOpenSync<T>(op: () => T, opts: HeldOpenOptions = {}): T {
  const deadline = Date.now() + waitOf(opts);
  for (let delay = 20; ; delay = Math.min(delay * 2, 400)) {
    try {
      return op();
    } catch (e) {
      if (!isHeldOpen(e, opts.platform) || Date.now() >= deadline) throw e;
      sleepSync(Math.min(delay, Math.max(1, deadline - Date.now())));
    }
  }
}

/** What was being done: editing the plan (then nothing is recorded), writing an output file, or reading a plan. */
export type HeldOpenKind = 'plan' | 'output' | 'read';

/** The refusal (exit 1) for a file still held open after the retries; `undefined` when `e` is something else. */
export function heldOpenRefusal(e: unknown, kind: HeldOpenKind, shown: string, lang: Lang, platform?: NodeJS.Platform): RefusedError | undefined {
  if (!isHeldOpen(e, platform)) return undefined;
  return new RefusedError(say(lang, `held.${kind}`, { file: shown }), say(lang, `held.${kind}.hint`));
}
