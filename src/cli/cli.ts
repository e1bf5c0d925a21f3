// The command-line program: arguments, global options, exit codes and the one place errors are caught.
import { Command, CommanderError, Help, Option } from 'commander';
import { RefusedError, UsageError, type Io } from '../model/io.js';
import { makeCtx, type Ctx } from '../commands/context.js';
import { registerCheck } from '../commands/check.js';
import { registerSchema } from '../commands/schema.js';
import { registerAgencies } from '../commands/agencies.js';
import { registerShow } from '../commands/show.js';
import { registerDue } from '../commands/due.js';
import { registerStatus } from '../commands/status.js';
import { registerRecord } from '../commands/record.js';
import { registerIcs } from '../commands/ics.js';
import { registerReport } from '../commands/report.js';
import { registerImport } from '../commands/import.js';
import { applyClerkOptions } from '../commands/clerk.js';
import { registerConfig } from '../commands/config.js';
import { complete, registerCompletion } from '../commands/completion.js';
import { registerUndo } from '../commands/undo.js';
import { translateUsageError, usageLang, vietnameseHelp } from '../commands/usage.js';
import { registerDiff } from '../commands/diff.js';
import { registerLog } from '../commands/log.js';
import { say, type Lang } from '../messages/index.js';
import { pickLang } from '../render/i18n.js';
import { describeCommands } from '../commands/help-text.js';

export const VERSION = '0.1.0';

type Register = (program: Command, ctx: Ctx, done: (code: number) => void) => void;

/** One table of commands; each registers its options and action. */
const COMMANDS: Register[] = [registerDue, registerStatus, registerRecord, registerCheck, registerShow, registerAgencies, registerSchema, registerImport, registerIcs, registerReport, registerConfig, registerCompletion, registerUndo];

export function addCommands(...more: Register[]): void {
  for (const r of more) if (!COMMANDS.includes(r)) COMMANDS.push(r);
}
addCommands(registerDiff);
addCommands(registerLog);

/**
 * The command each name is registered by: a run whose first word names a command builds that command's definition
 * alone (its options, help and usage errors are the same). Anything else (help, `tthc` alone, an unknown command,
 * completion, a global option first, a command added by addCommands and not named here) builds them all.
 */
const BY_NAME: Record<string, Register> = {
  due: registerDue, status: registerStatus, done: registerRecord, trigger: registerRecord, check: registerCheck, show: registerShow,
  agencies: registerAgencies, schema: registerSchema, import: registerImport, ics: registerIcs, report: registerReport,
  config: registerConfig, completion: registerCompletion, undo: registerUndo, diff: registerDiff, log: registerLog,
};

function commandsFor(argv: string[]): Register[] {
  const first = argv[0];
  const one = first !== undefined && Object.hasOwn(BY_NAME, first) ? BY_NAME[first] : undefined;
  return one && COMMANDS.includes(one) ? [one] : COMMANDS;
}

/** Runs tthc with `argv` (without node and script) and returns the exit code; prints only through `io`. */
export async function main(argv: string[], io: Io): Promise<number> {
  const ctx = makeCtx(io);
  let code = 0;
  // Commander's error message, printed in the run's language once its code is known.
  let usageError = '';
  const done = (c: number) => {
    code = c;
  };
  const program = new Command('tthc')
    .description('Kế hoạch kiểm soát TTHC: keep the yearly plan as YAML, see what is due, record what is done.')
    .version(VERSION, '-V, --version')
    .addOption(new Option('--no-color', 'no colours, even on a terminal'))
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.write(s), writeErr: (s) => io.error(s), outputError: (s) => void (usageError += s) })
    .exitOverride();
  // The descriptions come from the help catalogue, a chunk of the build of its own: read only when help is drawn or a
  // usage error names an argument, not by every run.
  let lang: Lang = 'vi';
  let described = false;
  const describe = () => {
    if (!described) describeCommands(program, lang);
    described = true;
  };
  program.configureHelp({
    sortSubcommands: false,
    formatHelp(this: Help, cmd, helper) {
      describe();
      return Help.prototype.formatHelp.call(this, cmd, helper);
    },
  });
  for (const r of commandsFor(argv)) {
    r(program, ctx, done);
  }
  applyClerkOptions(program, ctx);
  lang = usageLang(argv, ctx);
  ctx.lang = lang;
  if (lang === 'vi') vietnameseHelp(program);
  for (const c of program.commands) c.exitOverride().configureOutput(program.configureOutput());
  // The shells' completion scripts call back here: candidates only, never an error.
  if (argv[0] === '__complete') {
    for (const c of await complete(program, ctx, argv.slice(1))) io.write(`${c}\n`);
    return 0;
  }
  try {
    if (argv.length === 0) {
      io.write(program.helpInformation());
      return 0;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      // commander printed its message already; its exit code for usage errors is 1, ours is 2.
      // Point at the command's own help when the command is known, else at the list of commands.
      describe();
      if (usageError) io.error(translateUsageError(usageError, e.code, program, argv, lang));
      const first = argv.find((a) => !a.startsWith('-'));
      const known = first !== undefined && program.commands.some((c) => c.name() === first);
      io.error(`${known ? say(lang, 'cli.seeCommandHelp', { command: first }) : say(lang, 'cli.seeHelp')}\n`);
      return 2;
    }
    return reportError(io, e, lang);
  }
}

/** `tthc: MESSAGE` and `hint: HINT` (gợi ý), in the run's language where the error carries catalogue messages. */
function printRefusal(io: Io, e: { message: string; hint?: string; say?: (lang: Lang) => { message: string; hint?: string } }, lang: Lang): void {
  const { message, hint } = typeof e.say === 'function' ? e.say(lang) : e;
  io.error(`tthc: ${message}\n${hint ? `${say(lang, 'cli.hint')}: ${hint}\n` : ''}`);
}

export function reportError(io: Io, e: unknown, lang: Lang = pickLang(undefined, io.env)): number {
  if (e instanceof UsageError || e instanceof RefusedError) {
    printRefusal(io, e, lang);
    return e instanceof UsageError ? 2 : 1;
  }
  const err = e as NodeJS.ErrnoException & { hint?: string };
  // A write the safe writer refused (src/edit/write.ts, loaded apart, so not an instance of RefusedError here).
  if (err && err.code === 'REFUSED' && typeof err.message === 'string') {
    printRefusal(io, err, lang);
    return 1;
  }
  if (err && typeof err.code === 'string' && typeof err.message === 'string') {
    io.error(`tthc: ${err.message}\n`);
    return 2;
  }
  // A bug: say so plainly, without a stack trace unless asked for.
  io.error(`tthc: ${say(lang, 'cli.internal', { message: (e as Error)?.message ?? String(e), debug: !!io.env.TTHC_DEBUG })}\n`);
  if (io.env.TTHC_DEBUG) io.error(`${(e as Error)?.stack ?? ''}\n`);
  return 70;
}
