// Several plans in one run (`--plans DIR`, `--plan a --plan b`): which files, and loading each, a broken one named and skipped.
import { resolve } from 'node:path';
import { isFolder } from '../host/files.js';
import type { Pick } from '../host/cache.js';
import { RefusedError, UsageError } from '../model/io.js';
import type { Plan } from '../model/model.js';
import type { ReadSchedules } from '../views/evaluate.js';
import { loadPlan, plansFolder, plansIn, runLang, type Ctx } from './context.js';
import { msg, say } from '../messages/index.js';

/**
 * The values of an option given more than once (`--plan a --plan b`). Commander keeps the last value of a repeated
 * option; this keeps them all, while the option's own value stays the one string the rest of the command expects.
 */
export function repeated(): { parse: (value: string) => string; values: string[] } {
  const values: string[] = [];
  return {
    values,
    parse: (value: string) => {
      values.push(value);
      return value;
    },
  };
}

export const PLANS_FLAGS = '--plans [folder]';
export const PLANS_HELP = 'answer across every plan in a folder (default: the plans folder); --plan may be repeated too';

/**
 * The plan files a command is asked to answer across, or undefined for the one plan of the usual rules: `--plans`
 * (a folder; without one, tthc.yaml's `plan:` where it names a folder, else plans/ here or above), or `--plan`
 * given twice or more (each a file). `--plans` and `--plan` together are a usage error.
 */
export function plansAsked(ctx: Ctx, planFlags: string[], plans: string | boolean | undefined): string[] | undefined {
  if (plans === undefined || plans === false) {
    // The same file named twice is answered once.
    const byPath = new Map<string, string>();
    for (const p of planFlags) if (!byPath.has(resolve(ctx.io.cwd, p))) byPath.set(resolve(ctx.io.cwd, p), p);
    return byPath.size < 2 ? undefined : [...byPath.values()];
  }
  if (planFlags.length) throw new UsageError(msg('plans.both'), msg('plans.both.hint'));
  let dir: string | undefined;
  if (typeof plans === 'string') dir = resolve(ctx.io.cwd, plans);
  else {
    const setting = ctx.config().plan;
    const configured = setting ? resolve(setting.base, setting.value) : undefined;
    dir = configured && isFolder(configured) ? configured : plansFolder(ctx);
    if (!dir) throw new UsageError(msg('plans.noFolder'), msg('plans.noFolder.hint'));
  }
  if (!isFolder(dir)) throw new UsageError(msg('plans.notFolder', { dir: ctx.display(dir) }), msg('plans.notFolder.hint'));
  return plansIn(ctx, dir);
}

export interface ManyPlans {
  plans: Plan[];
  /** Each plan's schedules as read with it: evaluating a plan then parses none of its timelines again. */
  schedules: Map<Plan, ReadSchedules>;
  /** The files that could not be answered for, each with why (already said on standard error). */
  broken: { file: string; message: string }[];
}

/**
 * Loads every plan; one with errors (or unreadable) is named on standard error with its first findings and left out,
 * so that the others are still answered. Throws only when no plan at all could be loaded. `pick`: as loadPlan's.
 */
export async function loadPlans(ctx: Ctx, files: string[], pick?: Pick): Promise<ManyPlans> {
  const out: ManyPlans = { plans: [], schedules: new Map(), broken: [] };
  for (const file of files) {
    try {
      const { plan, schedules } = await loadPlan(ctx, file, pick);
      out.plans.push(plan);
      if (schedules) out.schedules.set(plan, schedules);
    } catch (e) {
      if (!(e instanceof RefusedError || e instanceof UsageError)) throw e;
      out.broken.push({ file: ctx.display(file), message: e.message });
      const lang = runLang(ctx);
      const { message, hint } = e.say(lang);
      ctx.io.error(`tthc: ${message}\n${hint ? `${say(lang, 'cli.hint')}: ${hint}\n` : ''}tthc: ${say(lang, 'plans.leftOut', { file: ctx.display(file) })}\n\n`);
    }
  }
  if (out.plans.length === 0) {
    throw new RefusedError(msg('plans.noneRead', { n: files.length }), msg('plans.noneRead.hint'));
  }
  return out;
}
