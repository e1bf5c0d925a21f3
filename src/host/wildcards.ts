// File arguments with * and ? expanded by tthc itself, since cmd and PowerShell pass `plans\*.yaml` to a program as it is.
import { readdirSync, statSync } from 'node:fs';
import nodePath, { type PlatformPath } from 'node:path';
import { UsageError } from '../model/io.js';
import { msg } from '../messages/index.js';

export interface WildcardOptions {
  /** Expand at all: on Windows only, where no shell did it (a Unix shell has, and `*` may be part of a name). */
  enabled?: boolean;
  /** The rules for spelling paths (roots, separators, case); tests pass path.win32 to follow Windows's on any system. */
  path?: PlatformPath;
}

const WILD = /[*?]/;

/** `*` any characters, `?` one character; Windows's names compare without regard to case. */
function matcher(pattern: string, ignoreCase: boolean): RegExp {
  const body = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, ignoreCase ? 'iu' : 'u');
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const byName = (a: string, b: string) => {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/**
 * Expands one argument: each segment with * or ? is matched against the folder's names (hidden names only when the
 * pattern itself starts with a dot), in sorted order, keeping the folders and separators as the user wrote them.
 */
function expandOne(arg: string, cwd: string, p: PlatformPath): string[] {
  const windows = p.sep === '\\';
  const root = p.parse(arg).root;
  // Segments and the separators between them, so that the matches keep the user's spelling (`plans\a.yaml`).
  const parts = arg.slice(root.length).split(windows ? /([\\/]+)/ : /(\/+)/);
  let found: { shown: string; abs: string }[] = [{ shown: root, abs: nodePath.resolve(cwd, root || '.') }];
  for (let i = 0; i < parts.length; i += 2) {
    const seg = parts[i]!;
    const sep = parts[i + 1] ?? '';
    const last = i + 2 >= parts.length;
    const next: typeof found = [];
    for (const f of found) {
      if (!WILD.test(seg)) {
        next.push({ shown: f.shown + seg + sep, abs: nodePath.join(f.abs, seg) });
        continue;
      }
      const re = matcher(seg, windows);
      for (const name of list(f.abs).sort(byName)) {
        if (name.startsWith('.') && !seg.startsWith('.')) continue;
        const abs = nodePath.join(f.abs, name);
        // A folder in the middle of the pattern; at its end, a file (or a folder named with a trailing separator).
        if ((!last || sep !== '') !== isDir(abs)) continue;
        if (re.test(name)) next.push({ shown: f.shown + name + sep, abs });
      }
    }
    found = next;
  }
  return found.map((f) => f.shown);
}

/** The file arguments with their wildcards expanded; a pattern that matches nothing is a usage error (exit 2). */
export function expandWildcards(args: string[], cwd: string, opts: WildcardOptions = {}): string[] {
  const enabled = opts.enabled ?? process.platform === 'win32';
  if (!enabled) return args;
  const p = opts.path ?? nodePath;
  return args.flatMap((arg) => {
    if (!WILD.test(arg)) return [arg];
    const matches = expandOne(arg, cwd, p);
    if (matches.length === 0) {
      throw new UsageError(msg('wildcard.none', { arg }), msg('wildcard.none.hint'));
    }
    return matches;
  });
}
