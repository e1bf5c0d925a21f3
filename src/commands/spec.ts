// The options of one run, read once from the flags, TTHC_* and tthc.yaml, each by its one validator (hledger's ReportSpec).
import { Option, type Command } from 'commander';
import type { Role } from '../model/agencies.js';
import type { Setting } from '../host/config.js';
import { UsageError } from '../model/io.js';
import { msg } from '../messages/index.js';
import type { BinaryKind } from '../messages/en.js';
import { csvSeparator } from '../render/csv.js';
import { pickLang, type Lang } from '../render/i18n.js';
import { formatHelp, formatNames, type Registry } from '../render/registry.js';
import { addDays, dayInputParts, lastDayOfMonth, parseDayInput } from '../schedule/index.js';
import { foldName } from '../model/text.js';
import type { QuarterKey } from '../views/status.js';
import type { Ctx } from './context.js';
import { refuseBinaryOnTerminal } from './output.js';

/** Everything a command needs to know about how it was asked, checked before it reads a plan. */
export interface RunSpec {
  command: string;
  /** The day the run answers for: --as-of (or --today), else today in Vietnam. */
  day: string;
  /** --plan as given; the plan itself is chosen by planPath (it may depend on the day). */
  plan?: string;
  /** --agency as typed (an id, alias or part of a name), after tthc.yaml and TTHC_AGENCY; none for every agency. */
  agency?: string;
  role: Role | 'any';
  lang: Lang;
  /** A name in the command's registry of renderers; '' where the command has no --format. */
  format: string;
  /** What the output is when it is not text (docx, xlsx), from the registry. */
  binary?: BinaryKind;
  width: number;
  output?: string;
  /** The warning window in days. */
  within: number;
  quarter?: QuarterKey;
  half?: 1 | 2;
  periods: 'calendar' | 'reporting';
  /** status's rows; `plan` only across several plans. */
  by: 'task' | 'agency' | 'section' | 'plan';
  sep: string;
  failOn?: 'overdue' | 'due-soon';
  /** ics's reminders, in days before the due day: earliest first, each once. */
  remind: number[];
  /** report's --date: the day the report is signed. */
  signDate?: string;
  /** --no-color gives false; undefined lets the terminal decide. */
  color?: boolean;
}

/* ---------- One validator per option; each says what was wrong and what to type instead. ---------- */

/** --width: columns, 20 to 1000. */
export function widthOption(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < 20 || n > 1000) throw new UsageError(msg('width.bad', { value }), msg('width.bad.hint'));
  return n;
}

/** --lang (or tthc.yaml's lang, TTHC_LANG): vi or en. */
export function langOption(value: string | undefined, env: Record<string, string | undefined>): Lang {
  if (value !== undefined && !/^(vi|en)/i.test(value)) throw new UsageError(msg('lang.unknown', { value }), msg('lang.unknown.hint'));
  return pickLang(value, env);
}

/** --format: a name in the view's registry. */
export function formatOf(value: string, registry: Registry<never>): string {
  const names = formatNames(registry);
  if (names.includes(value)) return value;
  throw new UsageError(msg('format.unknown', { value }), msg('format.unknown.hint', { allowed: names.join(', ') }));
}

/** --role: lead (chủ trì, chu-tri), support (phối hợp, phoi-hop) or any, in either language, with or without diacritics. */
export function roleOption(value: string | undefined): Role | 'any' {
  const v = foldName(value ?? 'any').replace(/[\s_]+/g, '-');
  const role = ({ lead: 'lead', 'chu-tri': 'lead', support: 'support', 'phoi-hop': 'support', any: 'any', 'ca-hai': 'any' } as const)[v];
  if (role) return role;
  throw new UsageError(msg('opt.role', { value: value ?? '' }), msg('opt.role.hint'));
}

/** --within: days (14, 14d, "14 ngày"), or weeks (2w, "2 tuần"). */
export function withinOption(value: string | undefined): number {
  if (value === undefined) return 14;
  // Units as a clerk types them too: 14 ngày, 2 tuần (with or without diacritics).
  const m = /^\s*(\d+)\s*(d|w|ngay|tuan)?\s*$/i.exec(foldName(value));
  if (!m) throw new UsageError(msg('within.notDays', { value }), msg('within.notDays.hint'));
  const days = Number(m[1]) * (/^(w|tuan)$/i.test(m[2] ?? '') ? 7 : 1);
  // A window longer than a few years says nothing a plan year needs, and is most likely a typo.
  if (days > 3660) throw new UsageError(msg('within.tooLong', { value: value.trim(), days }), msg('within.tooLong.hint'));
  return days;
}

/** Words for a day relative to today in Vietnam, folded (no case, no diacritics). */
const RELATIVE: Record<string, number> = {
  'hom nay': 0, 'bay gio': 0, today: 0, 'hom qua': -1, yesterday: -1, mai: 1, 'ngay mai': 1, tomorrow: 1,
};

/**
 * The one reader of a day typed on the command line (--as-of, --today, --date, --due …): the forms of
 * parseDayInput, and today/yesterday/tomorrow in Vietnam in either language. A day that does not exist says which
 * days its month has. `option` names the option in the message.
 */
export function parseDayOption(ctx: Ctx, value: string, option = '--as-of'): string {
  const folded = foldName(value).replace(/-/g, ' ');
  const rel = RELATIVE[folded];
  if (rel !== undefined) return addDays(ctx.today(), rel);
  const day = parseDayInput(value);
  if (day) return day;
  const p = dayInputParts(value);
  if (p) {
    if (p.month < 1 || p.month > 12) throw new UsageError(msg('day.noMonth', { option, value: value.trim(), month: p.month }), msg('day.noMonth.hint'));
    if (p.year >= 1 && p.year <= 9999) {
      throw new UsageError(msg('day.monthDays', { option, value: value.trim(), month: p.month, year: p.year, days: lastDayOfMonth(p.year, p.month) }), msg('day.monthDays.hint'));
    }
  }
  throw new UsageError(msg('day.unknown', { option, value: value.trim() }), msg('day.unknown.hint'));
}

/** --as-of / --today (and --date): the day given, or today in Vietnam. */
export function asOfOption(ctx: Ctx, value: string | undefined, option = '--as-of'): string {
  if (value === undefined) return ctx.today();
  return parseDayOption(ctx, value, option);
}

/** --quarter: 1–4, or Q1–Q4. */
export function quarterOption(value: string | undefined): QuarterKey | undefined {
  if (value === undefined) return undefined;
  const m = /^(?:q)?([1-4])$/i.exec(value.trim());
  if (!m) throw new UsageError(msg('opt.quarter', { value }), msg('opt.quarter.hint'));
  return `Q${m[1]}` as QuarterKey;
}

/** --half: 1 or 2, or H1, H2. */
export function halfOption(value: string | undefined): 1 | 2 | undefined {
  if (value === undefined) return undefined;
  const m = /^(?:h)?([12])$/i.exec(value.trim());
  if (!m) throw new UsageError(msg('report.half', { value }), msg('report.half.hint'));
  return Number(m[1]) as 1 | 2;
}

export function periodsOption(value: string | undefined): 'calendar' | 'reporting' {
  const periods = value ?? 'calendar';
  if (periods !== 'calendar' && periods !== 'reporting') throw new UsageError(msg('opt.periods', { value: periods }), msg('opt.periods.hint'));
  return periods;
}

export function byOption(value: string | undefined): 'task' | 'agency' | 'section' | 'plan' {
  const by = value ?? 'task';
  if (by !== 'task' && by !== 'agency' && by !== 'section' && by !== 'plan') throw new UsageError(msg('opt.by', { value: by }), msg('opt.by.hint'));
  return by;
}

export function sepOption(value: string | undefined): string {
  const sep = csvSeparator(value);
  if (!sep) throw new UsageError(msg('opt.sep', { value: value ?? '' }), msg('opt.sep.hint'));
  return sep;
}

/** due's --fail-on (diff's is a list of rules, its own). */
export function failOnOption(value: string | undefined): 'overdue' | 'due-soon' | undefined {
  if (value !== undefined && value !== 'overdue' && value !== 'due-soon') {
    throw new UsageError(msg('opt.failOn', { value }), msg('opt.failOn.hint'));
  }
  return value;
}

/** ics's --remind 3d, 1w, 0d (on the day); up to a year before. */
export function remindOption(value: string): number {
  const m = /^\s*(\d{1,3})\s*([dw]?)\s*$/i.exec(value);
  const days = m ? Number(m[1]) * (m[2]?.toLowerCase() === 'w' ? 7 : 1) : NaN;
  if (!m || days > 366) throw new UsageError(msg('opt.remind', { value }), msg('opt.remind.hint'));
  return days;
}

/** report's --date, the day of signing: a written date only (a document is not signed "hôm nay" by a script). */
export function signingDayOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = parseDayInput(value.trim());
  if (!date) throw new UsageError(msg('day.unknown', { option: '--date', value }), msg('report.date.hint'));
  return date;
}

/* ---------- --format and the registries ---------- */

interface FormatChoice {
  registry: Registry<never>;
  /** The default where it depends on the environment (check: github under GitHub Actions). */
  fallback?: (env: Record<string, string | undefined>) => string;
}

const FORMAT_OPTIONS = new WeakMap<Option, FormatChoice>();

/**
 * The --format option of a command whose view has `registry`: its help lists the registry, and the run's spec checks
 * the value against it. `dflt` is the default format, or a function of the environment (then `note` says which).
 */
export function formatOption(registry: Registry<never>, dflt: string | ((env: Record<string, string | undefined>) => string), note?: string): Option {
  const option = new Option('--format <format>', note ? `${formatHelp(registry)} ${note}` : formatHelp(registry));
  if (typeof dflt === 'string') option.default(dflt);
  FORMAT_OPTIONS.set(option, typeof dflt === 'string' ? { registry } : { registry, fallback: dflt });
  return option;
}

/** The registry behind a command's --format, for completion and for the spec. */
export function formatRegistryOf(cmd: Command): Registry<never> | undefined {
  const option = cmd.options.find((o) => o.long === '--format');
  return option ? FORMAT_OPTIONS.get(option)?.registry : undefined;
}

/* ---------- Reading a run's options once ---------- */

/** The commands whose --within is the warning window that tthc.yaml's `within` sets. */
const WINDOW = new Set(['due', 'report', 'status']);

/** Words that mean "every agency", for overriding a default agency from tthc.yaml or TTHC_AGENCY. */
const ALL_AGENCIES = new Set(['all', '*', 'tat ca', 'tat-ca']);

function has(cmd: Command, long: string): boolean {
  return cmd.options.some((o) => o.long === long);
}

/** Whether the option was given on the command line (not its default). */
function given(cmd: Command, key: string): boolean {
  const src = cmd.getOptionValueSource(key);
  return cmd.getOptionValue(key) !== undefined && src !== 'default' && src !== undefined;
}

/** An option's value: the flag, else the setting (TTHC_* over tthc.yaml, see loadConfig), else the option's default. */
function pick(cmd: Command, key: string, setting: Setting | undefined): string | undefined {
  if (given(cmd, key)) return cmd.getOptionValue(key) as string;
  if (setting) return setting.value;
  return cmd.getOptionValue(key) as string | undefined;
}

/**
 * The day the command is asked about, before it is checked: it chooses among several plans (planPath). A day that
 * cannot be read is left to the command's own check, which says what is wrong with it.
 */
function planDay(ctx: Ctx, cmd: Command): string | undefined {
  const opts = cmd.opts();
  const day = (opts.asOf ?? opts.today ?? opts.date) as string | undefined;
  if (day === undefined) return undefined;
  try {
    return parseDayOption(ctx, day);
  } catch {
    return undefined;
  }
}

/**
 * Reads the options of the run of `cmd` once, in a fixed order, and stores the result on ctx: flags over TTHC_*
 * over tthc.yaml over the defaults. Commands read `specOf(ctx)` and check no option themselves.
 */
export function buildSpec(ctx: Ctx, program: Command, cmd: Command): RunSpec {
  const opts = cmd.opts();
  const width = program.opts().width as string | undefined;
  if (width !== undefined) ctx.widthFlag = widthOption(width);
  // --today and --as-of name the same day.
  if (has(cmd, '--today') && has(cmd, '--as-of') && opts.today !== undefined && opts.asOf !== undefined && opts.asOf !== opts.today) {
    throw new UsageError(msg('asOf.twoDays'), msg('asOf.twoDays.hint'));
  }
  ctx.day = planDay(ctx, cmd);
  const config = ctx.config();
  const command = cmd.name();

  const formatOpt = cmd.options.find((o) => o.long === '--format');
  const choice = formatOpt ? FORMAT_OPTIONS.get(formatOpt) : undefined;
  let format = '';
  let binary: BinaryKind | undefined;
  const output = has(cmd, '--output') ? (opts.output as string | undefined) : undefined;
  if (choice) {
    const value = (opts.format as string | undefined) ?? choice.fallback?.(ctx.io.env) ?? formatNames(choice.registry)[0]!;
    format = formatOf(value, choice.registry);
    binary = choice.registry[format]?.binary;
    if (binary) refuseBinaryOnTerminal(ctx, output, binary);
  }

  // The language was decided once, before commander parsed the options (cli.ts, usageLang), so that usage errors are
  // said in it too; here a --lang that names no language is refused, and the run keeps that one decision.
  const lang = has(cmd, '--lang') ? langOption(pick(cmd, 'lang', config.lang), ctx.io.env) : pickLang(undefined, ctx.io.env);
  if (ctx.lang === undefined) ctx.lang = lang;
  const by = has(cmd, '--by') ? byOption(opts.by as string | undefined) : 'task';

  let agency = has(cmd, '--agency') ? pick(cmd, 'agency', config.agency) : undefined;
  if (agency !== undefined && ALL_AGENCIES.has(foldName(agency))) agency = undefined;
  const role = has(cmd, '--role') ? roleOption(opts.role as string | undefined) : 'any';
  if (role !== 'any' && agency === undefined) {
    if (command === 'status') {
      if (by !== 'agency') throw new UsageError(msg('opt.roleNeedsAgency', { role, by: true }), msg('opt.roleNeedsAgency.hint', { example: `tthc status --by agency --role ${role}` }));
    } else throw new UsageError(msg('opt.roleNeedsAgency', { role, by: false }), msg('opt.roleNeedsAgency.hint', { example: `tthc ${command} --agency vp --role ${role}` }));
  }

  const periods = has(cmd, '--periods') ? periodsOption(opts.periods as string | undefined) : 'calendar';
  const quarter = has(cmd, '--quarter') ? quarterOption(opts.quarter as string | undefined) : undefined;
  const half = has(cmd, '--half') ? halfOption(opts.half as string | undefined) : undefined;
  if (quarter && half) throw new UsageError(msg('report.both'), msg('report.both.hint'));
  // Another command's --within (a trigger's "within N days") is the document's: neither a default nor checked here.
  const within = WINDOW.has(command) && has(cmd, '--within') ? withinOption(pick(cmd, 'within', config.within)) : 14;
  const day = has(cmd, '--as-of') ? asOfOption(ctx, (opts.asOf ?? opts.today) as string | undefined) : ctx.today();
  const sep = has(cmd, '--sep') ? sepOption(opts.sep as string | undefined) : ',';
  const failOn = command === 'due' ? failOnOption(opts.failOn as string | undefined) : undefined;
  // report's --date is the day of signing; done's and trigger's are the record's, checked against the plan.
  const signDate = command === 'report' ? signingDayOption(opts.date as string | undefined) : undefined;

  // Earliest first: Outlook keeps only an event's first reminder, and the earliest leaves time to act.
  const remind = has(cmd, '--remind') ? [...new Set(((opts.remind as string[] | undefined) ?? []).map(remindOption))].sort((a, b) => b - a) : [];

  const spec: RunSpec = { command, day, role, lang: ctx.lang, format, width: ctx.width(), within, periods, by, sep, remind };
  const plan = has(cmd, '--plan') ? (opts.plan as string | undefined) : undefined;
  if (plan !== undefined) spec.plan = plan;
  if (agency !== undefined) spec.agency = agency;
  if (binary) spec.binary = binary;
  if (output !== undefined) spec.output = output;
  if (quarter) spec.quarter = quarter;
  if (half) spec.half = half;
  if (failOn) spec.failOn = failOn;
  if (signDate) spec.signDate = signDate;
  const color = program.opts().color as boolean | undefined;
  if (color !== undefined) spec.color = color;
  return spec;
}

/** The run's options, read before the command's action (cli.ts's preAction hook). */
export function specOf(ctx: Ctx): RunSpec {
  if (!ctx.spec) throw new Error('the run options were not read before the command');
  return ctx.spec;
}
