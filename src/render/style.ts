// Colour for terminals only: decided once from flags and environment (our rules, not chalk's), drawn by chalk.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Io } from '../model/io.js';

export interface Style {
  enabled: boolean;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

/**
 * --no-color and NO_COLOR win, then FORCE_COLOR, then a terminal. Decided here rather than by chalk's own detection:
 * chalk 5 ignores NO_COLOR, and it looks at the process's stdout where a command may be writing to a file or a test.
 */
export function colourWanted(io: Io, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.isTTY && io.env.TERM !== 'dumb';
}

const same = (s: string) => s;

/**
 * The seven plain 16-colour styles tables use. chalk closes a style before each line break and reopens it after, so
 * that a table's borders and the next line never take the colour, and reopens an outer style after a nested one of
 * the same kind ends.
 */
let chalk: ChalkInstance | undefined;

export function makeStyle(enabled: boolean): Style {
  if (!enabled) return { enabled, red: same, yellow: same, green: same, cyan: same, blue: same, dim: same, bold: same };
  // Level 1 (16 colours) whatever the terminal: the only colours used are those, the same codes at every level.
  const c = (chalk ??= new Chalk({ level: 1 }));
  return {
    enabled,
    red: (s) => c.red(s),
    yellow: (s) => c.yellow(s),
    green: (s) => c.green(s),
    cyan: (s) => c.cyan(s),
    blue: (s) => c.blue(s),
    dim: (s) => c.dim(s),
    bold: (s) => c.bold(s),
  };
}

export const plain: Style = makeStyle(false);
