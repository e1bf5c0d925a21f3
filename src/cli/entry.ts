// The process entry of the bundled CLI: wires the real process to main() and sets the exit code.
import { main, reportError } from './cli.js';
import type { Io } from '../model/io.js';
import { outputSafe } from '../render/escape.js';

const io: Io = {
  // The last safety net for text from a plan: no control sequence reaches the terminal or a CI log raw.
  write: (s) => void process.stdout.write(outputSafe(s)),
  writeBytes: (b) => void process.stdout.write(b),
  error: (s) => void process.stderr.write(outputSafe(s)),
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
  isTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns,
  errColumns: process.stderr.isTTY ? process.stderr.columns : undefined,
};

// A closed pipe (`tthc due | head`) is not an error worth a trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.exitCode = reportError(io, e);
  },
);
