// Colour for terminals only: decided once from flags and environment, applied through one small style object.
import { Chalk } from 'chalk';
import type { Io } from '../io.js';

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

/** chalk 5 ignores NO_COLOR, so we decide: --no-color and NO_COLOR win, then FORCE_COLOR, then a terminal. */
export function colourWanted(io: Io, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.isTTY && io.env.TERM !== 'dumb';
}

export function makeStyle(enabled: boolean): Style {
  const c = new Chalk({ level: enabled ? 1 : 0 });
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
