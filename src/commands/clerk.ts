// What every command gets without its own code: short options, --today beside --as-of, --width, and its options read
// once (spec.ts), with the defaults of tthc.yaml and TTHC_* (a flag always wins).
import { Option, type Command } from 'commander';
import type { Ctx } from './context.js';
import { buildSpec } from './spec.js';

/** Short options for the options a clerk types most; none of them is taken by commander (-h, -V). */
export const SHORT: Record<string, string> = { '--agency': '-a', '--plan': '-p', '--format': '-f', '--output': '-o' };

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

export function applyClerkOptions(program: Command, ctx: Ctx): void {
  program.addOption(new Option('--width <columns>', 'the width of tables (default: the terminal\'s, else COLUMNS, else 80)'));
  for (const cmd of program.commands) {
    if (has(cmd, '--as-of') && !has(cmd, '--today')) cmd.addOption(new Option('--today <date>', 'the same as --as-of'));
    // Every command speaks the run's language (its errors and help, src/commands/usage.ts), not only those that print tables.
    if (!has(cmd, '--lang')) cmd.addOption(new Option('--lang <lang>', 'vi or en (default: TTHC_LANG, else vi)'));
    addShort(cmd);
  }
  // The run's options are read once, here, before any command's action: flags over TTHC_* over tthc.yaml.
  program.hook('preAction', (_program, cmd) => {
    ctx.spec = buildSpec(ctx, program, cmd);
  });
}
