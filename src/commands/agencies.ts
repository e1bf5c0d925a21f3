// `tthc agencies`: the agencies a plan declares, with ids, names, aliases and members.
import type { Command } from 'commander';
import { collectivesOf } from '../model/agencies.js';
import { UsageError } from '../model/io.js';
import { pickLang, t, type Lang } from '../render/i18n.js';
import { renderTable } from '../render/table.js';
import { markdownText } from '../render/escape.js';
import { loadPlan, pickFormat, type Ctx } from './context.js';
import { msg } from '../messages/index.js';

interface Opts {
  plan?: string;
  format?: string;
  lang?: string;
}

export function langOption(ctx: Ctx, flag: string | undefined): Lang {
  if (flag !== undefined && !/^(vi|en)/i.test(flag)) throw new UsageError(msg('lang.unknown', { value: flag }), msg('lang.unknown.hint'));
  return pickLang(flag, ctx.io.env);
}

export function registerAgencies(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('agencies')
    .description('list the agencies of the plan: ids, names, aliases, members')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)')
    .option('--format <format>', 'table, json or md', 'table')
    .option('--lang <lang>', 'vi or en (default: TTHC_LANG, else vi)')
    .action(async (opts: Opts) => {
      const format = pickFormat(opts.format, ['table', 'json', 'md'] as const, 'table');
      const lang = langOption(ctx, opts.lang);
      const { plan } = await loadPlan(ctx, opts.plan);
      const list = [...plan.agencies.values()].map((a) => ({
        id: a.id,
        name: a.name,
        aliases: a.aliases ?? [],
        members: a.members ?? [],
        // Only the JSON lists them: on a long chain of collectives the lists grow with the square of its length.
        memberOf: format === 'json' ? collectivesOf(plan, a.id) : [],
      }));
      if (format === 'json') {
        ctx.io.write(JSON.stringify(list, null, 2) + '\n');
      } else if (format === 'md') {
        const esc = markdownText;
        ctx.io.write(
          `| ${t(lang, 'id')} | ${t(lang, 'name')} | ${t(lang, 'aliases')} | ${t(lang, 'members')} |\n|---|---|---|---|\n` +
            list.map((a) => `| \`${a.id}\` | ${esc(a.name)} | ${esc(a.aliases.join('; '))} | ${a.members.join(', ')} |`).join('\n') +
            '\n',
        );
      } else {
        const style = ctx.style(program.opts().color);
        ctx.io.write(
          renderTable(
            [{ head: t(lang, 'id') }, { head: t(lang, 'name'), flex: 2 }, { head: t(lang, 'aliases'), flex: 2 }, { head: t(lang, 'members'), flex: 1 }],
            list.map((a) => [style.bold(a.id), a.name, a.aliases.join('\n'), a.members.join(', ')]),
            ctx.width(),
            style,
          ),
        );
      }
      done(0);
    });
}
