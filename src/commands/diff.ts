// `tthc diff [A [B]]`: what a change to a plan means — between git revisions of the plan file, the index, or two files.
import { join } from 'node:path';
import { isFile as isFileAt } from '../host/files.js';
import type { Command } from 'commander';
import { sortDiagnostics } from '../model/diagnostics.js';
import { RefusedError, UsageError } from '../model/io.js';
import { loadChecked } from '../host/cache.js';
import type { Plan } from '../model/model.js';
import { renderText } from '../render/diagnostics.js';
import { DIFF_FORMATS, renderAs } from '../render/registry.js';
import { diffPlans, type PlanDiff } from '../views/diff.js';
import { planPath, readPlanBytes, runLang, type Ctx } from './context.js';
import { hasCommits, repositoryOf, showFile, verifyRevision, type Tracked } from './git.js';
import { msg, say } from '../messages/index.js';
import { writeRendered } from './output.js';
import { formatOption, specOf } from './spec.js';
import { sayFinding } from '../messages/findings-say.js';

interface Opts {
  staged?: boolean;
  failOn?: string[];
}

export const FAIL_ON = ['removed-record', 'moved-deadline', 'removed-task'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** One side of a comparison: a file on disk, the plan file at a revision, or the plan file in the index. */
export type Side = { kind: 'file'; file: string } | { kind: 'rev'; rev: string; path?: string } | { kind: 'index' };

/** --fail-on: repeatable, or a comma list. */
export function failOnOption(values: string[] | undefined): FailOn[] {
  const out: FailOn[] = [];
  for (const v of (values ?? []).flatMap((x) => x.split(','))) {
    const s = v.trim();
    if (!s) continue;
    if (!(FAIL_ON as readonly string[]).includes(s)) throw new UsageError(msg('diff.failOnBad', { value: s, rules: FAIL_ON.join(', ') }), msg('diff.failOnBad.hint', { rules: FAIL_ON.join(', ') }));
    if (!out.includes(s as FailOn)) out.push(s as FailOn);
  }
  return out;
}

/** The rules of --fail-on that a diff breaks. */
export function failures(d: PlanDiff, rules: FailOn[]): FailOn[] {
  return rules.filter((r) =>
    r === 'removed-record' ? d.summary.recordsRemoved > 0 : r === 'moved-deadline' ? d.summary.movedDeadlines > 0 : d.summary.removed > 0,
  );
}

/** A side's name in messages and in the output: the file as given, or REV:path as git writes it. */
function label(ctx: Ctx, side: Side, tracked: Tracked | undefined, planFile: string | undefined): string {
  if (side.kind === 'file') return ctx.display(side.file);
  const path = (side.kind === 'rev' ? side.path : undefined) ?? tracked?.path ?? planFile ?? '';
  return side.kind === 'index' ? `${path} (staged)` : `${side.rev}:${path}`;
}


/** Reads one side's plan; a side that is not a readable plan is a usage error that names it. */
async function loadSide(ctx: Ctx, which: 'old' | 'new', side: Side, tracked: Tracked | undefined, planFile: string | undefined): Promise<{ plan: Plan; label: string }> {
  const name = label(ctx, side, tracked, planFile);
  let bytes: Buffer;
  if (side.kind === 'file') bytes = readPlanBytes(ctx, side.file);
  else {
    if (!tracked) throw new UsageError(msg('diff.noGitRev', { file: planFile ?? '', rev: side.kind === 'rev' ? side.rev : '', staged: side.kind !== 'rev' }), msg('diff.compareFiles'));
    const env = ctx.io.env;
    let rev = '';
    if (side.kind === 'rev') {
      if (side.rev === 'HEAD' && !(await hasCommits(tracked.root, env))) {
        throw new UsageError(msg('diff.noCommit', { file: ctx.display(planFile!) }), msg('diff.noCommit.hint'));
      }
      await verifyRevision(tracked.root, side.rev, env);
      rev = side.rev;
    }
    const path = (side.kind === 'rev' ? side.path : undefined) ?? tracked.path;
    const got = await showFile(tracked.root, rev, path, env);
    if (!got) {
      throw side.kind === 'index'
        ? new UsageError(msg('diff.notStaged', { path }), msg('diff.notStaged.hint'))
        : new UsageError(msg('diff.notInRev', { path, rev: side.rev }), msg('diff.notInRev.hint'));
    }
    bytes = got;
  }
  const checked = await loadChecked(bytes, name, ctx.today(), ctx.io.env);
  if (!checked.plan) {
    const first = sortDiagnostics(checked.diagnostics).find((d) => d.severity === 'error');
    const at = first ? ` ${first.file}:${first.start.line}:${first.start.col}: ${first.code}: ${sayFinding(runLang(ctx), first.message)}` : '';
    const show = side.kind === 'file' ? undefined : `git show ${side.kind === 'rev' ? side.rev : ''}:${(side.kind === 'rev' ? side.path : undefined) ?? tracked?.path ?? ''} > version.yaml`;
    throw new UsageError(msg('diff.unreadable', { which, name, at }), msg('diff.unreadable.hint', show !== undefined ? { show } : {}));
  }
  // A plan of the wrong shape is read in part (its legal bases and prose are left out): compared as it is, they would
  // show as removed under "nothing changed". Errors of meaning (a row numbered out of order) do not hide anything.
  const errors = sortDiagnostics(checked.diagnostics).filter((d) => d.severity === 'error');
  if (checked.partial) {
    const report = renderText([{ file: checked.file, diagnostics: errors.slice(0, 5), lines: checked.lines }], ctx.style(), undefined, runLang(ctx));
    throw new RefusedError(
      msg('diff.partial', { which, name, n: errors.length, report: report.trimEnd() }),
      msg('diff.partial.hint', { n: errors.length, file: side.kind === 'file' }),
    );
  }
  return { plan: checked.plan, label: name };
}

function isFile(ctx: Ctx, arg: string): boolean {
  return isFileAt(ctx.abs(arg));
}

/** Compares two sides and returns the diff with both plans. */
export async function compare(ctx: Ctx, oldSide: Side, newSide: Side, planFile: string | undefined): Promise<{ diff: PlanDiff; a: Plan; b: Plan }> {
  const needsGit = oldSide.kind !== 'file' || newSide.kind !== 'file';
  let tracked: Tracked | undefined;
  if (needsGit) {
    // Without a plan file (every revision is REV:PATH), the repository is the one around the working folder.
    tracked = await repositoryOf(planFile ? ctx.abs(planFile) : join(ctx.io.cwd, 'any-file'), ctx.io.env);
    if (!tracked) {
      throw new UsageError(msg('diff.noGit', planFile ? { file: ctx.display(planFile) } : {}), msg('diff.noGit.hint'));
    }
  }
  // The new side first: a plan file that is not on disk is "no such file", before any question of its history.
  const b = await loadSide(ctx, 'new', newSide, tracked, planFile);
  const a = await loadSide(ctx, 'old', oldSide, tracked, planFile);
  return { diff: diffPlans(a.plan, b.plan, { old: a.label, new: b.label }), a: a.plan, b: b.plan };
}

export function registerDiff(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('diff')
    .description('what changed between two versions of a plan: tasks, due dates, agencies, records (default: the working file against HEAD)')
    .argument('[versions...]', 'A, the old version: a git revision of the plan file (default HEAD) or a file; B, the new one (default: the file on disk). With --staged: plan files')
    .option('--plan <file>', 'the plan file whose revisions are compared (default: the plan in plans/, or TTHC_PLAN)')
    .option('--staged', 'compare what is staged for the next commit (git index) with HEAD; arguments are then plan files')
    .addOption(formatOption(DIFF_FORMATS, 'text'))
    .option('--lang <lang>', 'vi or en (default: TTHC_LANG, else vi)')
    .option('--fail-on <rules>', `exit 1 when the change has any of: ${FAIL_ON.join(', ')} (repeatable, or a comma list)`, (v: string, prev: string[] = []) => [...prev, v])
    .action(async (versions: string[], opts: Opts) => {
      const spec = specOf(ctx);
      const rules = failOnOption(opts.failOn);
      const results: { diff: PlanDiff; a: Plan; b: Plan }[] = [];
      if (opts.staged) {
        const files = versions.length ? versions : [planPath(ctx, spec.plan)];
        for (const file of files) {
          const r = await stagedDiff(ctx, file);
          if (r) results.push(r);
        }
      } else {
        if (versions.length > 2) throw new UsageError(msg('diff.tooMany', { n: versions.length }), msg('diff.tooMany.hint'));
        const [a, b] = versions;
        // A file, else REV:PATH (a file at a revision, its path from the repository's top, as git writes it), else a
        // revision of the plan file. A single letter before ":" is a Windows drive, not a revision.
        const parse = (arg: string): Side => {
          if (isFile(ctx, arg)) return { kind: 'file', file: arg };
          const m = /^([^:]{2,}):(.+)$/.exec(arg);
          return m ? { kind: 'rev', rev: m[1]!, path: m[2]!.replace(/^\.?\//, '') } : { kind: 'rev', rev: arg };
        };
        const oldSide = a === undefined ? ({ kind: 'rev', rev: 'HEAD' } as Side) : parse(a);
        const given = b === undefined ? undefined : parse(b);
        // A plan file's name that is not there is a missing file, not an unknown revision: said before any question
        // of which plan file the revisions would be of.
        for (const s of [oldSide, given]) if (s?.kind === 'rev' && /\.ya?ml$/i.test(s.rev)) throw new UsageError(msg('file.missing', { file: s.rev }), msg('diff.missing.hint'));
        const needsPlan = given === undefined || [oldSide, given].some((s) => s.kind === 'rev' && s.path === undefined);
        const file = needsPlan ? planPath(ctx, spec.plan) : undefined;
        const newSide: Side = given ?? { kind: 'file', file: file! };
        results.push(await compare(ctx, oldSide, newSide, file));
      }
      await writeRendered(ctx, spec, await renderAs(DIFF_FORMATS, spec.format, { results, lang: spec.lang, style: ctx.style(spec.color), width: spec.width, sep: spec.sep }));
      const broken = [...new Set(results.flatMap((r) => failures(r.diff, rules)))];
      if (broken.length) ctx.io.error(`${say(spec.lang, 'diff.broken', { rules: broken.join(', ') })}\n`);
      done(broken.length ? 1 : 0);
    });
}

/** The staged version of one plan against HEAD; a plan new in this commit has nothing to compare with. */
async function stagedDiff(ctx: Ctx, file: string): Promise<{ diff: PlanDiff; a: Plan; b: Plan } | undefined> {
  const tracked = await repositoryOf(ctx.abs(file), ctx.io.env);
  if (!tracked) throw new UsageError(msg('diff.noGitStaged', { file: ctx.display(file) }), msg('diff.noGitStaged.hint'));
  const env = ctx.io.env;
  if (!(await hasCommits(tracked.root, env)) || !(await showFile(tracked.root, 'HEAD', tracked.path, env))) {
    ctx.io.error(`${say(specOf(ctx).lang, 'diff.newPlan', { file: tracked.path })}\n`);
    return undefined;
  }
  return compare(ctx, { kind: 'rev', rev: 'HEAD' }, { kind: 'index' }, file);
}

