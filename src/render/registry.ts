// Each view's renderers by format name: --format's check, its --help text, shell completion and dispatch read these.
import type { Plan, Task } from '../model/model.js';
import type { DueView } from '../views/due.js';
import type { PlanState } from '../views/evaluate.js';
import type { PlanDiff } from '../views/diff.js';
import type { PlanHistory, TaskHistory } from '../views/history.js';
import type { DetailLine, QuarterKey, StatusView } from '../views/status.js';
import type { PlansDueView, PlansStatusView, PlanRef } from '../views/plans.js';
import type { PlansAgenciesView } from '../views/plans-agencies.js';
import { planLabel, plansAgenciesJson, plansDueJson, plansStatusJson, renderPlansAgenciesTable, renderPlansDueCsv, renderPlansDueTable, renderPlansStatusCsv, renderPlansStatusTable } from './plans.js';
import { markdownText } from './escape.js';
import { agencyRows, renderAgenciesJson, renderAgenciesMd, renderAgenciesTable } from './agencies.js';
import { renderGithub, renderJson, renderText, type FileReport } from './diagnostics.js';
import { renderDiffJson, renderDiffMd, renderDiffText } from './diff.js';
import { dueJson, renderDueCsv, renderDueMd, renderDueTable } from './due.js';
import type { Lang } from './i18n.js';
import { renderLogJson, renderLogMd, renderLogText } from './log.js';
import { renderReport } from './report.js';
import type { ReportDoc } from './report-doc.js';
import { renderShowMd, renderShowTable, taskJson } from './show.js';
import { renderQuarterDetail, renderQuarterDetailCsv, renderQuarterDetailMd, renderStatusCsv, renderStatusJson, renderStatusMd, renderStatusTable } from './status.js';
import type { Style } from './style.js';
import type { BinaryKind } from '../messages/en.js';

export type Rendered = string | Uint8Array;

export interface Renderer<I> {
  render(input: I): Rendered | Promise<Rendered>;
  /** A file that is not text (a Word document, an Excel workbook): written with --output or to a pipe, never to a terminal. */
  binary?: BinaryKind;
  /** Said after the format's name in --help, e.g. "Excel, with --output". */
  note?: string;
}

/** A view's formats in the order --help lists them; the first is not necessarily the default. */
export type Registry<I> = { readonly [format: string]: Renderer<I> };

/** What every renderer may use besides its view: the run's language, colours, width and CSV separator. */
export interface RenderEnv {
  lang: Lang;
  style: Style;
  width: number;
  sep: string;
}

export function formatNames(registry: Registry<never>): string[] {
  return Object.keys(registry);
}

/** "table, json, csv, md or xlsx (Excel, with --output)": the list --help shows for --format. */
export function formatHelp(registry: Registry<never>): string {
  const words = Object.entries(registry).map(([name, r]) => (r.note ? `${name} (${r.note})` : name));
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

export function rendererOf<I>(registry: Registry<I>, format: string): Renderer<I> {
  const r = Object.hasOwn(registry, format) ? registry[format] : undefined;
  // The run's options were checked against this registry: a miss is a bug, not the user's.
  if (!r) throw new Error(`no renderer for the format "${format}"`);
  return r;
}

export async function renderAs<I>(registry: Registry<I>, format: string, input: I): Promise<Rendered> {
  return rendererOf(registry, format).render(input);
}

// The Excel and Word writers are loaded by the entry that needs them only: every other run never reads them.
const xlsx = () => import('./xlsx.js');
const EXCEL = { binary: 'xlsx', note: 'Excel, with --output' } as const;

export interface DueInput extends RenderEnv {
  plan: Plan;
  view: DueView;
  each: boolean;
}

export const DUE_FORMATS: Registry<DueInput> = {
  table: { render: (i) => renderDueTable(i.plan, i.view, i.lang, i.style, i.width, { each: i.each }) },
  json: { render: (i) => dueJson(i.view) },
  csv: { render: (i) => renderDueCsv(i.plan, i.view, i.lang, i.sep) },
  md: { render: (i) => renderDueMd(i.plan, i.view, i.lang) },
  xlsx: { ...EXCEL, render: async (i) => (await xlsx()).dueXlsx(i.plan, i.view) },
};

/** `due` across several plans: a row per occurrence, each naming its plan (table, json and csv only). */
export const PLANS_DUE_FORMATS: Registry<RenderEnv & { view: PlansDueView }> = {
  table: { render: (i) => renderPlansDueTable(i.view, i.lang, i.style, i.width) },
  json: { render: (i) => plansDueJson(i.view) },
  csv: { render: (i) => renderPlansDueCsv(i.view, i.lang, i.sep) },
};

export interface StatusInput extends RenderEnv {
  plan: Plan;
  view: StatusView;
  /** --quarter: that quarter's occurrences and records, task by task. */
  detail?: { quarter: QuarterKey; lines: DetailLine[] };
}

export const STATUS_FORMATS: Registry<StatusInput> = {
  table: { render: (i) => (i.detail ? renderQuarterDetail(i.view, i.detail.quarter, i.detail.lines, i.lang, i.style, i.width) : renderStatusTable(i.view, i.lang, i.style, i.width)) },
  json: {
    render: ({ view, detail }) => {
      if (!detail) return renderStatusJson(view);
      const q = detail.quarter;
      return renderStatusJson({ ...view, rows: view.rows.map((r) => ({ ...r, quarters: { [q]: r.quarters[q] } as typeof r.quarters })), quarter: q, detail: detail.lines });
    },
  },
  csv: { render: (i) => (i.detail ? renderQuarterDetailCsv(i.detail.lines, i.lang, i.sep) : renderStatusCsv(i.view, i.lang, i.sep)) },
  md: { render: (i) => (i.detail ? renderQuarterDetailMd(i.view, i.detail.quarter, i.detail.lines, i.lang) : renderStatusMd(i.view, i.lang)) },
  // The workbook has every quarter and, on its second sheet, the occurrences behind the cells: --quarter narrows nothing.
  xlsx: { ...EXCEL, render: async (i) => (await xlsx()).statusXlsx(i.plan, i.view) },
};

export interface ShowInput extends RenderEnv {
  plan: Plan;
  tasks: Task[];
  state: PlanState;
  /** Ids were named: the table shows each task's occurrences too. */
  occurrences: boolean;
}

export const SHOW_FORMATS: Registry<ShowInput> = {
  table: { render: (i) => renderShowTable(i.plan, i.tasks, i.state, i.lang, i.style, i.width, i.occurrences) },
  json: { render: (i) => JSON.stringify(i.tasks.map((x) => taskJson(i.plan, x, i.state)), null, 2) + '\n' },
  md: { render: (i) => renderShowMd(i.plan, i.tasks, i.lang) },
  xlsx: { ...EXCEL, render: async (i) => (await xlsx()).showXlsx(i.plan, i.tasks, i.state) },
};

export interface AgenciesInput extends RenderEnv {
  plan: Plan;
}

export const AGENCIES_FORMATS: Registry<AgenciesInput> = {
  table: { render: (i) => renderAgenciesTable(agencyRows(i.plan, false), i.lang, i.style, i.width) },
  // Only the JSON lists the collectives each agency is in: on a long chain of them the lists grow with its square.
  json: { render: (i) => renderAgenciesJson(agencyRows(i.plan, true)) },
  md: { render: (i) => renderAgenciesMd(agencyRows(i.plan, false), i.lang) },
};

export interface CheckInput extends RenderEnv {
  reports: FileReport[];
}

export const CHECK_FORMATS: Registry<CheckInput> = {
  text: { render: (i) => renderText(i.reports, i.style, i.width, i.lang) },
  json: { render: (i) => renderJson(i.reports, i.lang) },
  github: { render: (i) => renderGithub(i.reports, i.style, i.width, i.lang) },
};

export interface LogInput extends RenderEnv {
  hist: PlanHistory;
  tasks: TaskHistory[];
  /** The plan file as shown. */
  file: string;
}

export const LOG_FORMATS: Registry<LogInput> = {
  text: { render: (i) => renderLogText(i.hist, i.tasks, i.lang, i.file) },
  md: { render: (i) => renderLogMd(i.hist, i.tasks, i.lang, i.file) },
  json: { render: (i) => renderLogJson(i.hist, i.tasks, i.file) },
};

export interface DiffInput extends RenderEnv {
  results: { diff: PlanDiff; a: Plan; b: Plan }[];
}

/** The names of the agencies of both sides, the new side's where they differ. */
function agencyNames(a: Plan, b: Plan): Map<string, string> {
  const m = new Map<string, string>();
  for (const [id, ag] of a.agencies) m.set(id, ag.name);
  for (const [id, ag] of b.agencies) m.set(id, ag.name);
  return m;
}

export const DIFF_FORMATS: Registry<DiffInput> = {
  text: { render: (i) => i.results.map((r) => renderDiffText(r.diff, i.lang, agencyNames(r.a, r.b))).join('\n') },
  md: { render: (i) => i.results.map((r) => renderDiffMd(r.diff, i.lang, agencyNames(r.a, r.b))).join('\n') },
  // One diff is one object; several (--staged with several plans) an array of them.
  json: { render: (i) => (i.results.length === 1 ? renderDiffJson(i.results[0]!.diff) : JSON.stringify(i.results.map((r) => r.diff), null, 2) + '\n') },
};

export interface ReportInput extends RenderEnv {
  doc: ReportDoc;
  /** The HTML page's title. */
  title: string;
  /** The data the document was laid out from (one plan's ReportData, or the summary's across plans), for --format json. */
  data: unknown;
}

export const REPORT_FORMATS: Registry<ReportInput> = {
  html: { render: (i) => renderReport(i.doc, i.title) },
  docx: { binary: 'docx', render: async (i) => (await import('./report-docx.js')).renderReportDocx(i.doc) },
  json: { render: (i) => JSON.stringify(i.data, null, 2) + '\n' },
};

/** `status` across several plans: a row per plan (table, json and csv only). */
export const PLANS_STATUS_FORMATS: Registry<RenderEnv & { view: PlansStatusView }> = {
  table: { render: (i) => renderPlansStatusTable(i.view, i.lang, i.style, i.width) },
  json: { render: (i) => plansStatusJson(i.view) },
  csv: { render: (i) => renderPlansStatusCsv(i.view, i.lang, i.sep) },
};

/** `agencies` across several plans: a row per agency as matched across plans (table and json only). */
export const PLANS_AGENCIES_FORMATS: Registry<RenderEnv & { view: PlansAgenciesView }> = {
  table: { render: (i) => renderPlansAgenciesTable(i.view, i.lang, i.style, i.width) },
  json: { render: (i) => plansAgenciesJson(i.view) },
};

/** `show` across several plans: each plan that has the tasks, under its name, as `show` prints one plan's. */
export const PLANS_SHOW_FORMATS: Registry<RenderEnv & { sections: (ShowInput & { ref: PlanRef })[] }> = {
  table: { render: (i) => i.sections.map((x) => `${i.style.bold(`== ${planLabel(x.ref)} ==`)}\n\n${renderShowTable(x.plan, x.tasks, x.state, i.lang, i.style, i.width, x.occurrences)}`).join('') },
  json: { render: (i) => JSON.stringify(i.sections.map((x) => ({ plan: x.ref, tasks: x.tasks.map((task) => taskJson(x.plan, task, x.state)) })), null, 2) + '\n' },
  md: { render: (i) => i.sections.map((x) => `## ${markdownText(planLabel(x.ref))}\n\n${renderShowMd(x.plan, x.tasks, i.lang)}`).join('\n') },
};

/** Every view's registry, by the command that shows it. */
export const VIEWS = {
  due: DUE_FORMATS,
  status: STATUS_FORMATS,
  show: SHOW_FORMATS,
  agencies: AGENCIES_FORMATS,
  check: CHECK_FORMATS,
  log: LOG_FORMATS,
  diff: DIFF_FORMATS,
  report: REPORT_FORMATS,
} as const;
