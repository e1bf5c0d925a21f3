// An Io that keeps what a command writes in memory, so that tests run commands in-process (the real one is entry.ts's).
import type { Io } from '../model/io.js';

/** Collects output in memory, for tests and for --output. */
export function memoryIo(opts: Partial<Io> & { now?: () => Date } = {}): Io & { out: string; err: string; bytes: Uint8Array[] } {
  const io = {
    out: '',
    err: '',
    bytes: [] as Uint8Array[],
    write(s: string) {
      io.out += s;
    },
    writeBytes(b: Uint8Array) {
      io.bytes.push(b);
    },
    error(s: string) {
      io.err += s;
    },
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    now: opts.now ?? (() => new Date()),
    isTTY: opts.isTTY ?? false,
    columns: opts.columns,
    errColumns: opts.errColumns,
  };
  return io as Io & { out: string; err: string; bytes: Uint8Array[] };
}
