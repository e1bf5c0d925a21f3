// How a file's path is shown back to the user: short (relative to the working folder), and with their separator.
import nodePath, { type PlatformPath } from 'node:path';

/**
 * Relative to `cwd` where the file lies under it, else absolute. On Windows, where either separator works, a path
 * typed with backslashes (`plans\a.yaml`) is answered with backslashes and any other with '/', as on every other
 * system, so that output is the same bytes wherever the same command line runs.
 */
export function showPath(p: string, cwd: string, path: PlatformPath = nodePath): string {
  const a = path.resolve(cwd, p);
  const r = path.relative(cwd, a);
  // A file in a folder above (run from plans/sub) is shown as ../x when that is shorter than the absolute path.
  const above = r.startsWith('..') && !(/^(\.\.[\\/])+[^.]/.test(r) && r.length < a.length);
  if (!r || above || path.isAbsolute(r)) return a;
  return path.sep === '\\' && p.includes('\\') && !p.includes('/') ? r : r.split('\\').join('/');
}
