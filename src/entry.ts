// The process entry of the bundled CLI: wires the real process to main() and sets the exit code.
import { main, reportError } from './cli.js';
import type { Io } from './io.js';

const io: Io = {
  write: (s) => void process.stdout.write(s),
  writeBytes: (b) => void process.stdout.write(b),
  error: (s) => void process.stderr.write(s),
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
