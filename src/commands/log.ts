// `tthc log [ID]`: who recorded what and when, and how a task's timeline changed, from the git history of the plan file.
import type { Command } from 'commander';
import { UsageError } from '../model/io.js';
import { loadChecked } from '../host/cache.js';
import { renderLogJson, renderLogMd, renderLogText } from '../render/log.js';
import { planHistory, type Version } from '../views/history.js';
import { nearest } from '../model/text.js';
import { langOption } from './agencies.js';
import { pickFormat, planPath, readPlanBytes, type Ctx } from './context.js';
import { fileHistory, repositoryOf, showFile } from './git.js';

interface Opts {
  plan?: string;
  format?: string;
  lang?: string;
}

export function registerLog(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('log')
    .description("the history of a task's records and timeline across the commits of the plan file (all tasks when no id is given)")
    .argument('[id]', 'a task id such as IX.3 (its earlier ids are accepted too)')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)')
    .option('--format <format>', 'text, md or json', 'text')
    .option('--lang <lang>', 'vi or en (default: TTHC_LANG, else vi)')
    .action(async (id: string | undefined, opts: Opts) => {
      const format = pickFormat(opts.format, ['text', 'md', 'json'] as const, 'text');
      const lang = langOption(ctx, opts.lang);
      const file = planPath(ctx, opts.plan);
      const env = ctx.io.env;
      const tracked = await repositoryOf(ctx.abs(file), env);
      if (!tracked) {
        throw new UsageError(
          `${ctx.display(file)} is not in a git repository, so it has no history to show.`,
          'Keep the plan in git (`git init`, `git add`, `git commit`) and each record will be dated and signed by its commit; `tthc show ID` shows the records as they are.',
        );
      }
      const commits = await fileHistory(tracked.root, tracked.path, env);
      if (!commits.length) {
        throw new UsageError(`${tracked.path} has no commit in its git repository yet (not tracked, or never committed).`, 'Commit it (`git add` and `git commit`) to start its history.');
      }
      const versions: Version[] = [];
      let last: Buffer | undefined;
      for (const c of commits) {
        const bytes = await showFile(tracked.root, c.hash, c.path, env);
        last = bytes;
        const v: Version = { commit: { hash: c.hash, short: c.short, date: c.date, author: c.author, email: c.email, subject: c.subject } };
        if (bytes) {
          const plan = (await loadChecked(bytes, `${c.short}:${c.path}`, ctx.today(), env)).plan;
          if (plan) v.plan = plan;
        }
        versions.push(v);
      }
      // The working file, where it differs from the last commit: records made since are shown as not committed.
      let working: Buffer | undefined;
      try {
        working = readPlanBytes(ctx, file);
      } catch {
        working = undefined;
      }
      if (working && last && !working.equals(last)) {
        const plan = (await loadChecked(working, ctx.display(file), ctx.today(), env)).plan;
        if (plan) versions.push({ commit: { hash: '', short: '', date: '', author: '', email: '', subject: '', working: true }, plan });
      }
      if (!versions.some((v) => v.plan)) {
        throw new UsageError(`No version of ${tracked.path} in its git history is a plan tthc can read.`, `Run \`tthc check ${ctx.display(file)}\` to see what is wrong with it; \`--plan FILE\` names another plan.`);
      }
      const hist = planHistory(versions);
      let tasks = hist.tasks;
      if (id !== undefined) {
        const want = id.trim().toUpperCase();
        const current = tasks.filter((h) => h.id === want && !h.removed);
        tasks = current.length ? current : tasks.filter((h) => h.ids.includes(want));
        if (!tasks.length) {
          const near = nearest(want, new Set(hist.tasks.flatMap((h) => h.ids)));
          throw new UsageError(`No task ${id} in the history of ${tracked.path}.`, near.length ? `Did you mean ${near.join(', ')}?` : '`tthc log` without an id shows every task.');
        }
      }
      const shown = ctx.display(file);
      ctx.io.write(format === 'json' ? renderLogJson(hist, tasks, shown) : format === 'md' ? renderLogMd(hist, tasks, lang, shown) : renderLogText(hist, tasks, lang, shown));
      done(0);
    });
}
