// The actions of due, status and ics when they answer across several plans (see plans.ts for which plans).
import type { Role } from '../model/agencies.js';
import { UsageError } from '../model/io.js';
import type { Lang } from '../render/i18n.js';
import { formatNames, PLANS_DUE_FORMATS, PLANS_STATUS_FORMATS, renderAs, type Registry } from '../render/registry.js';
import type { Style } from '../render/style.js';
import { plansDueView, plansStatusView, planRef, resolveAcross } from '../views/plans.js';
import { planLabel } from '../render/plans.js';
import { renderIcsAcross, type IcsInput } from '../render/ics.js';
import { icsEvents } from '../views/ics.js';
import { runLang, type Ctx } from './context.js';
import { msg, say } from '../messages/index.js';
import { loadPlans } from './plans.js';
import { writeOutput } from './output.js';

function formatAcross(ctx: Ctx, format: string, command: string, registry: Registry<never>): string {
  if (formatNames(registry).includes(format)) return format;
  const names = formatNames(registry);
  const list = `${names.slice(0, -1).join(', ')} ${say(runLang(ctx), 'or')} ${names[names.length - 1]}`;
  throw new UsageError(msg('across.format', { format, command, list }), msg('across.format.hint', { list }));
}

/**
 * `due` across plans; the exit code: 1 where a plan was left out (named on standard error) or `failOn` is met, else 0.
 */
export async function dueAcross(
  ctx: Ctx,
  files: string[],
  o: { format: string; lang: Lang; style: Style; sep: string; asOf: string; within: number; agency?: string; role: Role | 'any'; all?: boolean; failOn?: string; output?: string },
): Promise<number> {
  const format = formatAcross(ctx, o.format, 'due', PLANS_DUE_FORMATS);
  const { plans, schedules, broken } = await loadPlans(ctx, files);
  const agency = o.agency !== undefined ? resolveAcross(plans, o.agency) : undefined;
  const view = plansDueView(plans, { asOf: o.asOf, within: o.within, agency, role: o.role, all: o.all, schedules });
  const text = await renderAs(PLANS_DUE_FORMATS, format, { view, lang: o.lang, style: o.style, width: ctx.width(), sep: o.sep });
  await writeOutput(ctx, text, o.output, { lang: o.lang });
  const failing =
    o.failOn === 'overdue'
      ? view.items.some((i) => i.status === 'overdue')
      : o.failOn === 'due-soon'
        ? view.items.some((i) => i.status === 'overdue' || i.status === 'due-soon')
        : false;
  return failing || broken.length ? 1 : 0;
}

/** `status --by plan` across plans: a row per plan; 1 where a plan was left out. */
export async function statusAcross(
  ctx: Ctx,
  files: string[],
  o: { format: string; lang: Lang; style: Style; sep: string; asOf: string; agency?: string; role: Role | 'any'; periods: 'calendar' | 'reporting'; output?: string },
): Promise<number> {
  const format = formatAcross(ctx, o.format, 'status', PLANS_STATUS_FORMATS);
  const { plans, schedules, broken } = await loadPlans(ctx, files);
  const agency = o.agency !== undefined ? resolveAcross(plans, o.agency) : undefined;
  const view = plansStatusView(plans, { asOf: o.asOf, agency, role: o.role, periods: o.periods, schedules });
  const text = await renderAs(PLANS_STATUS_FORMATS, format, { view, lang: o.lang, style: o.style, width: ctx.width(), sep: o.sep });
  await writeOutput(ctx, text, o.output, { lang: o.lang });
  return broken.length ? 1 : 0;
}

/** `ics` across plans: one calendar, each event's summary starting with its plan; 1 where a plan was left out. */
export async function icsAcross(ctx: Ctx, files: string[], o: { agency?: string; role: Role | 'any'; open?: boolean; todo?: boolean; remind: number[]; output?: string }): Promise<number> {
  const { plans, schedules, broken } = await loadPlans(ctx, files);
  const agency = o.agency !== undefined ? resolveAcross(plans, o.agency) : undefined;
  const inputs: IcsInput[] = [];
  for (const plan of plans) {
    const a = agency?.inPlan.get(plan);
    if (agency && !a) continue;
    const source = planLabel(planRef(plan));
    const input: IcsInput = { plan, events: icsEvents(plan, { agency: a?.id, role: o.role, open: o.open === true, schedules: schedules.get(plan) }).map((e) => ({ ...e, source })) };
    if (o.remind.length) input.remind = o.remind;
    if (o.todo) input.todo = true;
    inputs.push(input);
  }
  const name = `Kế hoạch kiểm soát TTHC — ${inputs.length} kế hoạch${agency ? ` — ${agency.name}` : ''}`;
  await writeOutput(ctx, renderIcsAcross(inputs, name), o.output);
  return broken.length ? 1 : 0;
}
