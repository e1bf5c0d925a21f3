// What every command shares: finding and loading the plan, today in Vietnam, colour, and option parsing.
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { RefusedError, UsageError, type Io } from '../io.js';
import { loadChecked, type Checked } from '../plan/cache.js';
import { headOf, MAX_PLAN_BYTES } from '../plan/decode.js';
import type { Plan } from '../plan/model.js';
import { renderText } from '../render/diagnostics.js';
import { parseDayInput, todayInVietnam } from '../schedule/index.js';
import { colourWanted, makeStyle, type Style } from '../render/style.js';

export interface Ctx {
  io: Io;
  style(flag?: boolean): Style;
  /** Today in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), whatever TZ says. */
  today(): string;
  width(): number;
  /** The path to show for a file: relative to the working directory where that is shorter. */
  display(path: string): string;
  abs(path: string): string;
}

export function makeCtx(io: Io): Ctx {
  return {
    io,
    style: (flag) => makeStyle(colourWanted(io, flag)),
    today: () => todayInVietnam(io.now()),
    width: () => {
      const c = Number(io.env.COLUMNS);
      if (Number.isInteger(c) && c > 0) return c;
      return io.columns && io.columns > 0 ? io.columns : 100;
    },
    display: (p) => {
      const a = resolve(io.cwd, p);
      const r = relative(io.cwd, a);
      return r && !r.startsWith('..') && !isAbsolute(r) ? r.split('\\').join('/') : a;
    },
    abs: (p) => resolve(io.cwd, p),
  };
}

/** The plans under ./plans, for commands given no file. */
export function defaultPlans(ctx: Ctx): string[] {
  const dir = ctx.abs('plans');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new UsageError('No plan file given, and there is no plans/ folder here.', 'Name the plan file (e.g. `--plan plans/ke-hoach-2023.yaml`), or run tthc from the folder that holds plans/.');
  }
  const plans = names.filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.')).sort();
  if (plans.length === 0) throw new UsageError('plans/ holds no .yaml plan.', 'Import one with `tthc import DOCUMENT.txt --output plans/NAME.yaml`.');
  return plans.map((n) => join('plans', n));
}

/**
 * Reads a file for a command; a missing file or a folder is a usage error (exit 2). Only a regular file is read, and
 * never more than a plan may hold: a device (/dev/zero), a named pipe or a socket would make `check` wait or read
 * without end. The file is opened without blocking (a pipe with no writer would hang the open itself), then judged by
 * what was opened (fstat), so that it cannot be swapped between the look and the read.
 */
export function readPlanBytes(ctx: Ctx, file: string): Buffer {
  const path = ctx.abs(file);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(`${file}: no such file.`, 'Check the path; plans usually live in plans/.');
    if (code === 'EISDIR') throw new UsageError(`${file} is a folder, not a plan file.`, `Name a file in it, e.g. ${join(file, '…yaml')}.`);
    throw new UsageError(`${file}: cannot be read (${code ?? 'error'}).`, "Check the file's permissions.");
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new UsageError(`${file} is a folder, not a plan file.`, `Name a file in it, e.g. ${join(file, '…yaml')}.`);
    if (!st.isFile()) {
      const what = st.isFIFO() ? 'a named pipe' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a regular file';
      throw new UsageError(`${file} is ${what}, not a plan file; tthc reads only regular files.`, 'Save the plan to a file and name that file.');
    }
    // At most one byte more than a plan may hold: enough to refuse a larger file (TOO_LARGE) with its real size,
    // and a file that grows while it is read is not followed.
    const cap = MAX_PLAN_BYTES + 1;
    const buf = Buffer.alloc(Math.min(cap, st.size + 1));
    let n = 0;
    for (;;) {
      if (n === buf.length) break;
      const got = readSync(fd, buf, n, buf.length - n, n);
      if (got === 0) break;
      n += got;
    }
    const bytes = buf.subarray(0, n);
    return n > MAX_PLAN_BYTES ? headOf(bytes, Math.max(st.size, n)) : bytes;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, "Check the file's permissions.");
  } finally {
    closeSync(fd);
  }
}

export interface LoadedPlan {
  plan: Plan;
  diagnostics: Diagnostic[];
  bytes: Buffer;
}

/** The one plan a command works on: --plan, else TTHC_PLAN, else the only plan in ./plans. */
export function planPath(ctx: Ctx, flag: string | undefined): string {
  if (flag) return flag;
  if (ctx.io.env.TTHC_PLAN) return ctx.io.env.TTHC_PLAN;
  const plans = defaultPlans(ctx);
  if (plans.length > 1) {
    throw new UsageError(`plans/ holds ${plans.length} plans: ${plans.join(', ')}.`, 'Choose one with `--plan FILE` (or set TTHC_PLAN).');
  }
  return plans[0]!;
}

/** Reads and checks one plan file (through the analysis cache); shared by every command that reads plans. */
export async function checkFile(ctx: Ctx, file: string): Promise<Checked> {
  const bytes = readPlanBytes(ctx, file);
  return loadChecked(bytes, ctx.display(file), ctx.today(), ctx.io.env);
}

/** Loads and checks a plan; a plan with errors is refused (exit 1) with its first findings. */
export async function loadPlan(ctx: Ctx, flag: string | undefined): Promise<LoadedPlan> {
  const file = planPath(ctx, flag);
  const bytes = readPlanBytes(ctx, file);
  const checked = await loadChecked(bytes, ctx.display(file), ctx.today(), ctx.io.env);
  const diagnostics = sortDiagnostics(checked.diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !checked.plan) {
    const shown = errors.slice(0, 5);
    const report = renderText([{ file: checked.file, diagnostics: shown, lines: checked.lines }], ctx.style());
    throw new RefusedError(
      `${checked.file} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} first.\n\n${report.trimEnd()}`,
      `Run \`tthc check ${checked.file}\` to see every finding.`,
    );
  }
  return { plan: checked.plan, diagnostics, bytes };
}

/** Validates a --format value against the formats a command has. */
export function pickFormat<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Unknown format "${value}".`, `Use one of: ${allowed.join(', ')}.`);
}

/** --as-of / --today: 2023-03-10, 10/3/2023 or 10/03/2023; anything else is a usage error. */
export function asOfOption(ctx: Ctx, value: string | undefined): string {
  if (value === undefined) return ctx.today();
  const day = parseDayInput(value.trim());
  if (!day) {
    throw new UsageError(`"${value}" is not a date tthc understands, or the day does not exist.`, 'Write it as 2023-03-10, 10/3/2023 or 10/03/2023.');
  }
  return day;
}

/** --within: days (14), or weeks (2w); days may be written 14d. */
export function withinOption(value: string | undefined): number {
  if (value === undefined) return 14;
  const m = /^\s*(\d+)\s*([dw]?)\s*$/i.exec(value);
  if (!m) throw new UsageError(`--within "${value}" is not a number of days.`, 'Write days (--within 7) or weeks (--within 2w).');
  const days = Number(m[1]) * (m[2]?.toLowerCase() === 'w' ? 7 : 1);
  // A window longer than a few years says nothing a plan year needs, and is most likely a typo.
  if (days > 3660) throw new UsageError(`--within ${value.trim()} is ${days} days; the window can be at most 3660 days (ten years).`, 'Use --all to list every occurrence whatever its date.');
  return days;
}
