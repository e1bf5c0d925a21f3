// The command-line program: arguments, global options, exit codes and the one place errors are caught.
import { Command, CommanderError, Option } from 'commander';
import { RefusedError, UsageError, type Io } from './io.js';
import { makeCtx, type Ctx } from './commands/context.js';
import { registerCheck } from './commands/check.js';
import { registerSchema } from './commands/schema.js';
import { registerAgencies } from './commands/agencies.js';
import { registerShow } from './commands/show.js';
import { registerDue } from './commands/due.js';
import { registerStatus } from './commands/status.js';
import { registerRecord } from './commands/record.js';
import { registerIcs } from './commands/ics.js';
import { registerReport } from './commands/report.js';
import { registerImport } from './commands/import.js';

export const VERSION = '0.1.0';

type Register = (program: Command, ctx: Ctx, done: (code: number) => void) => void;

/** One table of commands; each registers its options and action. */
const COMMANDS: Register[] = [registerDue, registerStatus, registerRecord, registerCheck, registerShow, registerAgencies, registerSchema, registerImport, registerIcs, registerReport];

export function addCommands(...more: Register[]): void {
  for (const r of more) if (!COMMANDS.includes(r)) COMMANDS.push(r);
}

/** Runs tthc with `argv` (without node and script) and returns the exit code; prints only through `io`. */
export async function main(argv: string[], io: Io): Promise<number> {
  const ctx = makeCtx(io);
  let code = 0;
  const done = (c: number) => {
    code = c;
  };
  const program = new Command('tthc')
    .description('Kế hoạch kiểm soát TTHC: keep the yearly plan as YAML, see what is due, record what is done.')
    .version(VERSION, '-V, --version')
    .addOption(new Option('--no-color', 'no colours, even on a terminal'))
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.write(s), writeErr: (s) => io.error(s), outputError: (s, write) => write(s) })
    .exitOverride();
  program.configureHelp({ sortSubcommands: false });
  for (const r of COMMANDS) {
    r(program, ctx, done);
  }
  for (const c of program.commands) c.exitOverride().configureOutput(program.configureOutput());
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
      const first = argv.find((a) => !a.startsWith('-'));
      const known = first !== undefined && program.commands.some((c) => c.name() === first);
      io.error(known ? `Run \`tthc ${first} --help\` for the options.\n` : 'Run `tthc --help` for the commands.\n');
      return 2;
    }
    return reportError(io, e);
  }
}

export function reportError(io: Io, e: unknown): number {
  if (e instanceof UsageError || e instanceof RefusedError) {
    io.error(`tthc: ${e.message}\n${e.hint ? `hint: ${e.hint}\n` : ''}`);
    return e instanceof UsageError ? 2 : 1;
  }
  const err = e as NodeJS.ErrnoException & { hint?: string };
  // A write the safe writer refused (src/plan/write.ts, loaded apart, so not an instance of RefusedError here).
  if (err && err.code === 'REFUSED' && typeof err.message === 'string') {
    io.error(`tthc: ${err.message}\n${err.hint ? `hint: ${err.hint}\n` : ''}`);
    return 1;
  }
  if (err && typeof err.code === 'string' && typeof err.message === 'string') {
    io.error(`tthc: ${err.message}\n`);
    return 2;
  }
  // A bug: say so plainly, without a stack trace unless asked for.
  io.error(`tthc: internal error: ${(e as Error)?.message ?? String(e)}\nPlease report it with the command you ran${io.env.TTHC_DEBUG ? '' : ' (set TTHC_DEBUG=1 for details)'}.\n`);
  if (io.env.TTHC_DEBUG) io.error(`${(e as Error)?.stack ?? ''}\n`);
  return 70;
}
