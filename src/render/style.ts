// Colour for terminals only: decided once from flags and environment, applied through one small style object.
// The SGR codes are written here rather than with chalk: chalk loads node:tty and builds its styles at start-up, a
// twentieth of a `tthc due` run (npm run bench), for the seven plain 16-colour styles that tables use.
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

/** --no-color and NO_COLOR win, then FORCE_COLOR, then a terminal. */
export function colourWanted(io: Io, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.isTTY && io.env.TERM !== 'dumb';
}

/**
 * Wraps text in an SGR open/close pair, as chalk does: a close code inside (from a nested style of the same kind)
 * reopens this style, and the style is closed before each line break and reopened after it, so that a table's
 * borders and the next line never take the colour.
 */
function sgr(open: number, close: number): (s: string) => string {
  const o = `\u001b[${open}m`;
  const c = `\u001b[${close}m`;
  return (s) => {
    if (!s) return s;
    let body = s.includes(c) ? s.split(c).join(c + o) : s;
    if (body.includes('\n')) body = body.replace(/(\r?\n)/g, `${c}$1${o}`);
    return o + body + c;
  };
}

const same = (s: string) => s;

export function makeStyle(enabled: boolean): Style {
  if (!enabled) return { enabled, red: same, yellow: same, green: same, cyan: same, blue: same, dim: same, bold: same };
  return { enabled, red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), cyan: sgr(36, 39), blue: sgr(34, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}

export const plain: Style = makeStyle(false);
