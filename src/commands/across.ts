// The actions of due, status, ics and report when they answer across several plans (see plans.ts for which plans).
import type { Role } from '../model/agencies.js';
import { UsageError } from '../model/io.js';
import type { Lang } from '../render/i18n.js';
import { formatNames, PLANS_AGENCIES_FORMATS, PLANS_DUE_FORMATS, PLANS_SHOW_FORMATS, PLANS_STATUS_FORMATS, renderAs, REPORT_FORMATS, type Registry } from '../render/registry.js';
import { plansAgenciesView } from '../views/plans-agencies.js';
import { duePick } from '../views/due.js';
import { evaluatePlan } from '../views/evaluate.js';
import { nearest } from '../model/text.js';
import type { Task } from '../model/model.js';
import type { Style } from '../render/style.js';
import { plansDueView, plansStatusView, planRef, resolveAcross } from '../views/plans.js';
import { planLabel } from '../render/plans.js';
import { renderIcsAcross, type IcsInput } from '../render/ics.js';
import { icsEvents } from '../views/ics.js';
import { runLang, type Ctx } from './context.js';
import { msg, say } from '../messages/index.js';
import { loadPlans } from './plans.js';
import { writeOutput, writeRendered } from './output.js';
import { dirname } from 'node:path';
import { formatDayVi } from '../schedule/index.js';
import { plansReportData } from '../views/plans-report.js';
import type { ReportScope } from '../views/report.js';
import { reportSymbol } from '../render/report-doc.js';
import { plansReportDoc, plansScopeName, type PlansReportMeta } from '../render/report-plans-doc.js';
import type { RunSpec } from './spec.js';

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
  // The tasks that may be due, of the agency as each plan's own head resolves it (resolveAcross takes that same agency
  // wherever a plan resolves it); a plan where it resolves to nothing is read whole, for the match across plans by name.
  const { plans, schedules, broken } = await loadPlans(ctx, files, duePick(o.agency, { asOf: o.asOf, within: o.within, all: o.all }));
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

/** What a report across plans takes besides the run's options: the document's heading and signature. */
export interface AcrossReportOpts {
  superior?: string;
  issuer?: string;
  place?: string;
  number?: string;
  symbol?: string;
  recipient?: string[];
  signFor?: string[];
  signer?: string;
}

/**
 * `report` across plans: the summary report of the body that sums them up (--issuer, or the plans' one issuer where
 * they share it), of one year; 1 where a plan was left out (named on standard error and in the document).
 */
export async function reportAcross(ctx: Ctx, files: string[], spec: RunSpec, scope: ReportScope, o: AcrossReportOpts): Promise<number> {
  const { plans, schedules, broken } = await loadPlans(ctx, files);
  const years = [...new Set(plans.map((p) => p.year))].sort();
  if (years.length > 1) throw new UsageError(msg('report.acrossYears', { years: years.join(', ') }), msg('report.acrossYears.hint'));
  const issuers = new Set(plans.map((p) => p.issuer));
  const issuer = o.issuer ?? (issuers.size === 1 ? plans[0]!.issuer : undefined);
  if (issuer === undefined) throw new UsageError(msg('report.acrossIssuer', { n: plans.length }), msg('report.acrossIssuer.hint'));
  const agency = spec.agency !== undefined ? resolveAcross(plans, spec.agency) : undefined;
  const data = plansReportData(plans, { asOf: spec.day, within: spec.within, scope, agency, role: spec.role, periods: spec.periods, schedules });
  const symbols = new Set(plans.map((p) => p.raw.plan.symbol));
  const dirs = new Set(files.map((f) => dirname(ctx.abs(f))));
  const meta: PlansReportMeta = {
    issuer,
    symbol: o.symbol ?? (symbols.size === 1 ? reportSymbol(plans[0]!.raw.plan.symbol) : 'BC'),
    // The folder the plans are in, else each file: where the sums came from.
    source: dirs.size === 1 ? ctx.display([...dirs][0]!) : files.map((f) => ctx.display(f)).join(', '),
    leftOut: broken.map((b) => b.file),
  };
  for (const k of ['superior', 'place', 'number', 'signer'] as const) if (o[k] !== undefined) meta[k] = o[k];
  if (spec.signDate) meta.date = spec.signDate;
  if (o.recipient) meta.recipients = o.recipient;
  if (o.signFor) meta.signFor = o.signFor;
  const doc = plansReportDoc(data, meta);
  const title = `Báo cáo tổng hợp kết quả thực hiện công tác kiểm soát TTHC ${plansScopeName(data)} — ${data.rows.length} kế hoạch — số liệu đến ngày ${formatDayVi(data.asOf)}`;
  await writeRendered(ctx, spec, await renderAs(REPORT_FORMATS, spec.format, { doc, title, data, lang: spec.lang, style: ctx.style(false), width: spec.width, sep: spec.sep }));
  return broken.length ? 1 : 0;
}

/** `agencies` across plans: a row per agency as `--agency` matches it across them; 1 where a plan was left out. */
export async function agenciesAcross(ctx: Ctx, files: string[], spec: RunSpec): Promise<number> {
  const format = formatAcross(ctx, spec.format, 'agencies', PLANS_AGENCIES_FORMATS);
  const { plans, broken } = await loadPlans(ctx, files);
  const view = plansAgenciesView(plans);
  await writeRendered(ctx, spec, await renderAs(PLANS_AGENCIES_FORMATS, format, { view, lang: spec.lang, style: ctx.style(spec.color), width: spec.width, sep: spec.sep }));
  return broken.length ? 1 : 0;
}

/**
 * `show` across plans: each plan that has the tasks asked for (every task without ids), under its name. An id no
 * plan has is a usage error, as in one plan; a plan that has none of the ids is left out.
 */
export async function showAcross(ctx: Ctx, files: string[], spec: RunSpec, ids: string[]): Promise<number> {
  const format = formatAcross(ctx, spec.format, 'show', PLANS_SHOW_FORMATS);
  const { plans, schedules, broken } = await loadPlans(ctx, files);
  const wanted = ids.map((raw) => ({ raw, id: raw.trim().toUpperCase() }));
  for (const w of wanted) {
    if (plans.some((p) => p.taskById.has(w.id))) continue;
    const near = nearest(w.id, new Set(plans.flatMap((p) => [...p.taskById.keys()])));
    throw new UsageError(msg('task.none', { id: w.raw }), near.length ? msg('task.none.near', { near: near.join(', ') }) : msg('task.none.hint'));
  }
  const sections = [];
  for (const plan of plans) {
    const tasks = ids.length ? wanted.map((w) => plan.taskById.get(w.id)).filter((t): t is Task => t !== undefined) : plan.tasks;
    if (!tasks.length) continue;
    const state = evaluatePlan(plan, spec.day, 14, schedules.get(plan));
    sections.push({ ref: planRef(plan), plan, tasks, state, occurrences: ids.length > 0, lang: spec.lang, style: ctx.style(spec.color), width: spec.width, sep: spec.sep });
  }
  await writeRendered(ctx, spec, await renderAs(PLANS_SHOW_FORMATS, format, { sections, lang: spec.lang, style: ctx.style(spec.color), width: spec.width, sep: spec.sep }));
  return broken.length ? 1 : 0;
}
