// What every command gets without its own code: short options, --today beside --as-of, --width, and the defaults of
// tthc.yaml and TTHC_* applied to the options a command has (a flag always wins).
import { Option, type Command } from 'commander';
import { UsageError } from '../model/io.js';
import { foldName } from '../model/text.js';
import { parseDayOption, type Ctx } from './context.js';
import { msg } from '../messages/index.js';

/** Short options for the options a clerk types most; none of them is taken by commander (-h, -V). */
export const SHORT: Record<string, string> = { '--agency': '-a', '--plan': '-p', '--format': '-f', '--output': '-o' };

/** The commands whose --within is the warning window that tthc.yaml's `within` sets. */
const WINDOW = new Set(['due', 'report', 'status']);

/** Words that mean "every agency", for overriding a default agency from tthc.yaml or TTHC_AGENCY. */
const ALL_AGENCIES = new Set(['all', '*', 'tat ca', 'tat-ca']);

function addShort(cmd: Command): void {
  for (const opt of cmd.options) {
    const short = opt.long ? SHORT[opt.long] : undefined;
    if (!short || opt.short || cmd.options.some((o) => o.short === short)) continue;
    opt.short = short;
    opt.flags = `${short}, ${opt.flags}`;
  }
}

function has(cmd: Command, long: string): boolean {
  return cmd.options.some((o) => o.long === long);
}

/** Whether the option was given on the command line (not its default). */
function given(cmd: Command, key: string): boolean {
  const src = cmd.getOptionValueSource(key);
  return cmd.getOptionValue(key) !== undefined && src !== 'default' && src !== undefined;
}

export function applyClerkOptions(program: Command, ctx: Ctx): void {
  program.addOption(new Option('--width <columns>', 'the width of tables (default: the terminal\'s, else COLUMNS, else 80)'));
  for (const cmd of program.commands) {
    if (has(cmd, '--as-of') && !has(cmd, '--today')) cmd.addOption(new Option('--today <date>', 'the same as --as-of'));
    // Every command speaks the run's language (its errors and help, src/commands/usage.ts), not only those that print tables.
    if (!has(cmd, '--lang')) cmd.addOption(new Option('--lang <lang>', 'vi or en (default: TTHC_LANG, else vi)'));
    addShort(cmd);
  }
  program.hook('preAction', (_program, cmd) => {
    const width = program.opts().width as string | undefined;
    if (width !== undefined) {
      const n = Number(width);
      if (!/^\s*\d+\s*$/.test(width) || n < 20 || n > 1000) throw new UsageError(msg('width.bad', { value: width }), msg('width.bad.hint'));
      ctx.widthFlag = n;
    }
    const opts = cmd.opts();
    // --today and --as-of name the same day; the commands read --as-of.
    if (has(cmd, '--today') && has(cmd, '--as-of') && opts.today !== undefined) {
      if (opts.asOf !== undefined && opts.asOf !== opts.today) throw new UsageError(msg('asOf.twoDays'), msg('asOf.twoDays.hint'));
      cmd.setOptionValueWithSource('asOf', opts.today, 'cli');
    }
    // The day asked about chooses among several plans; a day that cannot be read is the command's to report.
    const day = (opts.asOf ?? opts.today ?? opts.date) as string | undefined;
    if (day !== undefined) {
      try {
        ctx.day = parseDayOption(ctx, day);
      } catch {
        ctx.day = undefined;
      }
    }
    const config = ctx.config();
    if (has(cmd, '--agency')) {
      if (!given(cmd, 'agency') && config.agency) cmd.setOptionValueWithSource('agency', config.agency.value, 'config');
      const a = cmd.getOptionValue('agency') as string | undefined;
      if (a !== undefined && ALL_AGENCIES.has(foldName(a))) cmd.setOptionValueWithSource('agency', undefined, 'cli');
    }
    // The warning window only: another command's --within (a trigger's "within N days") is the document's, not a default.
    if (WINDOW.has(cmd.name()) && has(cmd, '--within') && !given(cmd, 'within') && config.within) cmd.setOptionValueWithSource('within', config.within.value, 'config');
    if (has(cmd, '--lang') && !given(cmd, 'lang') && config.lang) cmd.setOptionValueWithSource('lang', config.lang.value, 'config');
  });
}
