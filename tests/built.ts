// The built bundle for the tests that run bin/tthc.js: rebuilt when a source file or the build script is newer.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(ROOT, 'dist/tthc.js');

/** The newest modification time among the files that go into the bundle. */
function newestSource(dir = join(ROOT, 'src')): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ with `node scripts/build.mjs` unless it is newer than every source; a failed build fails the test file. */
export function ensureBuilt(): void {
  const stale = !existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < Math.max(newestSource(), statSync(join(ROOT, 'scripts/build.mjs')).mtimeMs);
  if (!stale) return;
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`node scripts/build.mjs failed:\n${b.stdout}\n${b.stderr}`);
}
