// The process entry of the bundled CLI: wires the real process to main() and sets the exit code.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { main, reportError } from './cli.js';
import type { Io } from '../model/io.js';
import { outputSafe } from '../render/escape.js';

/**
 * Whether `fd` may be a terminal: a character device other than /dev/null. Only a terminal needs Node's stream for
 * standard output (its width, whether it is one); a file, a pipe or /dev/null is written directly: setting up
 * process.stdout loads Node's streams (and, for a pipe, its sockets), a few milliseconds of every run. Unknown: as a
 * terminal.
 */
function maybeTerminal(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return st.isCharacterDevice() && !(process.platform !== 'win32' && st.rdev === statSync('/dev/null').rdev);
  } catch {
    return true;
  }
}

const terminal = maybeTerminal(1);
let stream: NodeJS.WriteStream | undefined;

function stdout(): NodeJS.WriteStream {
  if (!stream) {
    stream = process.stdout;
    // A closed pipe (`tthc due | head`) is not an error worth a trace.
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
    });
  }
  return stream;
}

/** Standard output, written whole before the next line of tthc runs, as Node's stream does for files and pipes on Linux. */
function out(data: string | Uint8Array): void {
  if (terminal || stream) {
    stdout().write(data);
    return;
  }
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done, bytes.length - done);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') process.exit(0);
    // A pipe another program left non-blocking, and full: Node's stream waits for it.
    if (code === 'EAGAIN') stdout().write(bytes.subarray(done));
    else throw e;
  }
}

const io: Io = {
  // The last safety net for text from a plan: no control sequence reaches the terminal or a CI log raw.
  write: (s) => out(outputSafe(s)),
  writeBytes: (b) => out(b),
  error: (s) => void process.stderr.write(outputSafe(s)),
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
  isTTY: terminal && Boolean(process.stdout.isTTY),
  columns: terminal ? process.stdout.columns : undefined,
  // Read only when output is piped and a table is drawn: the width of the terminal the user looks at, if any.
  get errColumns() {
    return maybeTerminal(2) && process.stderr.isTTY ? process.stderr.columns : undefined;
  },
};
if (terminal) stdout();

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.exitCode = reportError(io, e);
  },
);
