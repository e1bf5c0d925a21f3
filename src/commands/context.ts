// What every command shares: finding and loading the plan, today in Vietnam, colour; the options are spec.ts's.
import { dirname, join, resolve } from 'node:path';
import { exists, isFolder, listNames, pathKind, readHead, readPlanFile } from '../host/files.js';
import { CONFIG_NAME, findUp, loadConfig, type Config } from '../host/config.js';
import { sortDiagnostics, type Diagnostic } from '../model/diagnostics.js';
import { RefusedError, UsageError, type Io } from '../model/io.js';
import { loadChecked, loadCheckedFile, type Checked, type Pick } from '../host/cache.js';
import type { Plan } from '../model/model.js';
import { renderText } from '../render/diagnostics.js';
import { showPath } from '../host/paths.js';
import { pickLang } from '../render/i18n.js';
import { formatDayVi, todayInVietnam } from '../schedule/index.js';
import { colourWanted, makeStyle, type Style } from '../render/style.js';
import { msg, say } from '../messages/index.js';
import type { Lang } from '../messages/index.js';
import type { RunSpec } from './spec.js';

export interface Ctx {
  io: Io;
  style(flag?: boolean): Style;
  /** Today in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), whatever TZ says. */
  today(): string;
  width(): number;
  /** The path to show for a file: relative to the working directory where that is shorter. */
  display(path: string): string;
  abs(path: string): string;
  /** tthc.yaml and TTHC_* (read once, on first use). */
  config(): Config;
  /** --width, when given. */
  widthFlag?: number;
  /** The day the command answers for (--as-of, --today, --date), which chooses among several plans. */
  day?: string;
  /** The language of the run (--lang, else TTHC_LANG or tthc.yaml, else vi), decided once by the CLI before the
   * command's options are parsed, so that usage errors are said in it too; the options object repeats it. */
  lang?: Lang;
  /** The run's options, read once before the command runs (spec.ts). */
  spec?: RunSpec;
}

/** The run's language, for words said outside a thrown message. */
export function runLang(ctx: Ctx): Lang {
  return ctx.lang ?? pickLang(undefined, ctx.io.env);
}

export function makeCtx(io: Io): Ctx {
  let config: Config | undefined;
  const ctx: Ctx = {
    io,
    style: (flag) => makeStyle(colourWanted(io, flag)),
    today: () => todayInVietnam(io.now()),
    width: () => {
      if (ctx.widthFlag) return ctx.widthFlag;
      const c = Number(io.env.COLUMNS);
      const env = Number.isInteger(c) && c > 0 ? c : undefined;
      // On a terminal, COLUMNS (when set) or the terminal's width. Piped (`| less`), the width of the terminal the
      // user looks at: standard error's when that is one (bash does not export COLUMNS), else COLUMNS, else 80.
      if (io.isTTY) return env ?? (io.columns && io.columns > 0 ? io.columns : 80);
      return io.errColumns && io.errColumns > 0 ? io.errColumns : env ?? 80;
    },
    display: (p) => showPath(p, io.cwd),
    abs: (p) => resolve(io.cwd, p),
    config: () => (config ??= loadConfig(io.cwd, io.env, ctx.display)),
  };
  return ctx;
}

/** The folder that holds the plans: tthc.yaml's folder's plans/, else the nearest plans/ in the working directory or above. */
export function plansFolder(ctx: Ctx): string | undefined {
  const file = ctx.config().file;
  if (file && exists(join(dirname(file), 'plans'))) return join(dirname(file), 'plans');
  const found = findUp(ctx.io.cwd, 'plans');
  return found && isFolder(found) ? found : undefined;
}

/** The plans under plans/ (found as plansFolder says), for commands given no file. */
export function defaultPlans(ctx: Ctx): string[] {
  const dir = plansFolder(ctx);
  if (!dir) {
    throw new UsageError(msg('plan.noFolder'), msg('plan.noFolder.hint'));
  }
  return plansIn(ctx, dir);
}

export function plansIn(ctx: Ctx, dir: string): string[] {
  const plans = listNames(dir).filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.') && n !== CONFIG_NAME).sort();
  if (plans.length === 0) throw new UsageError(msg('plan.emptyFolder', { dir: ctx.display(dir) }), msg('plan.emptyFolder.hint'));
  // Spelled with '/' on every system (Windows takes it too), so that reports are the same bytes everywhere.
  return plans.map((n) => join(dir, n).split('\\').join('/'));
}

/**
 * The indented lines of a plan's `plan:` mapping, read from the first 16 KiB of its file by a pattern: the YAML reader
 * costs start-up time, and choosing among plans (by year, by number) needs only a few heading values.
 */
export function planHeadBlock(path: string): string | undefined {
  const head = readHead(path, 16384);
  if (head === undefined) return undefined;
  // Up to the next top-level key.
  return /^plan:[ \t]*(?:#.*)?\r?\n((?:(?:[ \t]+.*|[ \t]*)(?:\r?\n|$))*)/m.exec(head)?.[1];
}

/** The year and period of a plan, from its heading. */
export function planPeriodOf(path: string): { year: number; start: string; end: string } | undefined {
  const block = planHeadBlock(path);
  if (!block) return undefined;
  const year = /^[ \t]+year:[ \t]*["']?(\d{4})\b/m.exec(block)?.[1];
  const start = /\bstart:[ \t]*["']?(\d{4}-\d{2}-\d{2})/.exec(block)?.[1];
  const end = /\bend:[ \t]*["']?(\d{4}-\d{2}-\d{2})/.exec(block)?.[1];
  if (!year) return undefined;
  return { year: Number(year), start: start ?? `${year}-01-01`, end: end ?? `${year}-12-31` };
}

/** Among several plans: the one of `year`, or the one whose period holds `day`. */
function choosePlan(ctx: Ctx, plans: string[], want: { year?: number; day?: string }, folder: string): string {
  if (plans.length === 1 && want.year === undefined) return plans[0]!;
  const periods = plans.map((p) => ({ p, period: planPeriodOf(p) }));
  const fits = periods.filter(({ period }) => period && (want.year !== undefined ? period.year === want.year : want.day! >= period.start && want.day! <= period.end));
  if (fits.length === 1) return fits[0]!.p;
  const lang = runLang(ctx);
  const list = periods.map(({ p, period }) => `${ctx.display(p)} (${period ? `${formatDayVi(period.start)} – ${formatDayVi(period.end)}` : say(lang, 'plan.noYear')})`).join(', ');
  const what = want.year !== undefined ? say(lang, 'plan.forYear', { year: want.year }) : `${formatDayVi(want.day!)}`;
  throw new UsageError(
    fits.length === 0 ? msg('plan.noneFor', { folder, what, list }) : msg('plan.severalFor', { n: fits.length, folder, what, list: fits.map((f) => ctx.display(f.p)).join(', ') }),
    msg('plan.choose.hint'),
  );
}

/**
 * The one plan a command works on: --plan, else TTHC_PLAN, else tthc.yaml's `plan:` (each a file, a folder of
 * plans, or a year), else plans/ found here or above. Among several plans, the one whose period holds the day asked
 * about (--as-of, --date; else today).
 */
export function planPath(ctx: Ctx, flag: string | undefined): string {
  const setting = flag !== undefined ? { value: flag, source: '--plan', base: ctx.io.cwd } : ctx.config().plan;
  const day = ctx.day ?? ctx.today();
  if (!setting) return choosePlan(ctx, defaultPlans(ctx), { day }, 'plans/');
  const path = resolve(setting.base, setting.value);
  const isYear = /^\d{4}$/.test(setting.value.trim());
  const st = pathKind(path);
  if (isYear && !st) return choosePlan(ctx, defaultPlans(ctx), { year: Number(setting.value.trim()) }, 'plans/');
  if (st === 'folder') return choosePlan(ctx, plansIn(ctx, path), { day }, `${ctx.display(path)}/`);
  if (!st && setting.source !== '--plan') throw new UsageError(msg('plan.settingMissing', { file: ctx.display(path), source: setting.source }), msg('plan.settingMissing.hint', { source: setting.source }));
  return flag !== undefined ? flag : path;
}

/**
 * Reads a plan file for a command; a missing file or a folder is a usage error (exit 2), and only a regular file is
 * read, never more than a plan may hold (host/files.ts says how).
 */
export function readPlanBytes(ctx: Ctx, file: string): Buffer {
  return readPlanFile(ctx.abs(file), file, runLang(ctx));
}

export interface LoadedPlan {
  plan: Plan;
  schedules?: Checked['schedules'];
  diagnostics: Diagnostic[];
}

/** Reads and checks one plan file (through the analysis cache); shared by every command that reads plans. */
export async function checkFile(ctx: Ctx, file: string): Promise<Checked> {
  const bytes = readPlanBytes(ctx, file);
  return loadChecked(bytes, ctx.display(file), ctx.today(), ctx.io.env, ctx.abs(file));
}

/** Errors that concern one task's schedule only: the rest of the plan can still be read and used. */
const TASK_LOCAL: ReadonlySet<string> = new Set(['WHEN_UNKNOWN']);

/**
 * Loads and checks a plan; a plan with errors is refused (exit 1) with its first findings, but for errors of TASK_LOCAL.
 * `pick`: the tasks the command reads, where fewer than all (see host/entry.ts); the plan may then hold those alone.
 */
export async function loadPlan(ctx: Ctx, flag: string | undefined, pick?: Pick): Promise<LoadedPlan> {
  const file = planPath(ctx, flag);
  const checked = await loadCheckedFile(ctx.abs(file), () => readPlanBytes(ctx, file), ctx.display(file), ctx.today(), ctx.io.env, pick);
  const diagnostics = sortDiagnostics(checked.diagnostics);
  // A timeline not understood concerns its task alone: the plan is used, that task shown as "chưa xác định hạn".
  const local = diagnostics.filter((d) => d.severity === 'error' && TASK_LOCAL.has(d.code));
  const errors = diagnostics.filter((d) => d.severity === 'error' && !TASK_LOCAL.has(d.code));
  if (local.length > 0 && errors.length === 0 && checked.plan) {
    ctx.io.error(`${say(runLang(ctx), 'plan.unknownTimelines', { file: checked.file, n: local.length })}\n`);
  }
  if (errors.length || !checked.plan) {
    const shown = errors.slice(0, 5);
    const report = renderText([{ file: checked.file, diagnostics: shown, lines: checked.lines }], ctx.style(), undefined, runLang(ctx));
    throw new RefusedError(msg('plan.hasErrors', { file: checked.file, n: errors.length, report: report.trimEnd() }), msg('plan.hasErrors.hint', { file: checked.file }));
  }
  return { plan: checked.plan, ...(checked.schedules ? { schedules: checked.schedules } : {}), diagnostics };
}
