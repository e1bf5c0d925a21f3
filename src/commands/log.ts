// `tthc log [ID]`: who recorded what and when, and how a task's timeline changed, from the git history of the plan file.
import type { Command } from 'commander';
import { UsageError } from '../model/io.js';
import { loadChecked } from '../host/cache.js';
import { LOG_FORMATS, renderAs } from '../render/registry.js';
import { planHistory, type Version } from '../views/history.js';
import { nearest } from '../model/text.js';
import { planPath, readPlanBytes, type Ctx } from './context.js';
import { fileHistory, repositoryOf, showFile } from './git.js';
import { writeRendered } from './output.js';
import { formatOption, specOf } from './spec.js';
import { msg } from '../messages/index.js';

export function registerLog(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('log')
    .description("the history of a task's records and timeline across the commits of the plan file (all tasks when no id is given)")
    .argument('[id]', 'a task id such as IX.3 (its earlier ids are accepted too)')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)')
    .addOption(formatOption(LOG_FORMATS, 'text'))
    .option('--lang <lang>', 'vi or en (default: TTHC_LANG, else vi)')
    .action(async (id: string | undefined) => {
      const spec = specOf(ctx);
      const file = planPath(ctx, spec.plan);
      const env = ctx.io.env;
      const tracked = await repositoryOf(ctx.abs(file), env);
      if (!tracked) {
        throw new UsageError(msg('log.noGit', { file: ctx.display(file) }), msg('log.noGit.hint'));
      }
      const commits = await fileHistory(tracked.root, tracked.path, env);
      if (!commits.length) {
        throw new UsageError(msg('log.noCommit', { file: tracked.path }), msg('log.noCommit.hint'));
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
        const plan = (await loadChecked(working, ctx.display(file), ctx.today(), env, ctx.abs(file))).plan;
        if (plan) versions.push({ commit: { hash: '', short: '', date: '', author: '', email: '', subject: '', working: true }, plan });
      }
      if (!versions.some((v) => v.plan)) {
        throw new UsageError(msg('log.noPlan', { file: tracked.path }), msg('log.noPlan.hint', { file: ctx.display(file) }));
      }
      const hist = planHistory(versions);
      let tasks = hist.tasks;
      if (id !== undefined) {
        const want = id.trim().toUpperCase();
        const current = tasks.filter((h) => h.id === want && !h.removed);
        tasks = current.length ? current : tasks.filter((h) => h.ids.includes(want));
        if (!tasks.length) {
          const near = nearest(want, new Set(hist.tasks.flatMap((h) => h.ids)));
          throw new UsageError(msg('log.noTask', { id, file: tracked.path }), near.length ? msg('log.noTask.near', { near: near.join(', ') }) : msg('log.noTask.hint'));
        }
      }
      const shown = ctx.display(file);
      await writeRendered(ctx, spec, await renderAs(LOG_FORMATS, spec.format, { hist, tasks, file: shown, lang: spec.lang, style: ctx.style(spec.color), width: spec.width, sep: spec.sep }));
      done(0);
    });
}
