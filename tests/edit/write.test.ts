// Tests of updateFile: mode kept, no leftovers, conflicts and failures leave the plan alone, real concurrency.
import { spawn, spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { chmod, mkdtemp, readFile, readdir, rm, stat, symlink, utimes, writeFile, lstat } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, LockError, updateFile } from '../../src/edit/write.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const append = (text: string) => (b: Buffer) => Buffer.concat([b, Buffer.from(text)]);

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tthc-write-'));
  file = join(dir, 'plan.yaml');
  await writeFile(file, 'format: 1\n');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The directory must hold the plan and nothing else: no lock, no temp file. */
async function expectOnlyPlan(): Promise<void> {
  expect((await readdir(dir)).sort()).toEqual(['plan.yaml']);
}

/** A pid that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('updateFile', () => {
  it('replaces the file, returns both versions, and keeps the mode', async () => {
    await chmod(file, 0o640);
    const { before, after } = await updateFile(file, append('sections: []\n'));
    expect(before.toString()).toBe('format: 1\n');
    expect(after.toString()).toBe('format: 1\nsections: []\n');
    expect(await readFile(file, 'utf8')).toBe('format: 1\nsections: []\n');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o640);
    await expectOnlyPlan();
  });

  it('throws ConflictError when the file changes between read and rename, and keeps the other write', async () => {
    const err = await updateFile(file, async (b) => {
      await writeFile(file, 'format: 1\n# edited in Notepad\n');
      return append('sections: []\n')(b);
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).message).toContain(file);
    expect(await readFile(file, 'utf8')).toBe('format: 1\n# edited in Notepad\n');
    await expectOnlyPlan();
  });

  it('leaves the file untouched when change throws, and passes the error on unchanged', async () => {
    const mtime = (await stat(file)).mtimeMs;
    const boom = new Error('refused: a second completion of 2023-Q1');
    await expect(
      updateFile(file, () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await readFile(file, 'utf8')).toBe('format: 1\n');
    expect((await stat(file)).mtimeMs).toBe(mtime);
    await expectOnlyPlan();
  });

  it('writes nothing when change returns the same bytes', async () => {
    const mtime = (await stat(file)).mtimeMs;
    await updateFile(file, (b) => b);
    expect((await stat(file)).mtimeMs).toBe(mtime);
    await expectOnlyPlan();
  });

  it('gives up on a live lock after waitMs with a LockError that names the lock and how to remove it', async () => {
    const lock = `${file}.lock`;
    await writeFile(lock, `pid=${process.pid}\nhost=${hostname()}\ntime=${new Date().toISOString()}\n`);
    const started = Date.now();
    const err = await updateFile(file, append('x\n'), { waitMs: 200 }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(err).toBeInstanceOf(LockError);
    expect((err as LockError).lockFile).toBe(lock);
    expect((err as LockError).message).toContain(lock);
    expect((err as LockError).message).toMatch(/remove .*plan\.yaml\.lock/);
    expect(await readFile(lock, 'utf8')).toContain(`pid=${process.pid}`);
    expect(await readFile(file, 'utf8')).toBe('format: 1\n');
  });

  it('waits for a lock that is released meanwhile', async () => {
    const lock = `${file}.lock`;
    await writeFile(lock, `pid=${process.pid}\nhost=${hostname()}\n`);
    setTimeout(() => void rm(lock), 100);
    await updateFile(file, append('x\n'), { waitMs: 5000 });
    expect(await readFile(file, 'utf8')).toBe('format: 1\nx\n');
    await expectOnlyPlan();
  });

  it('takes over a lock whose process is gone', async () => {
    await writeFile(`${file}.lock`, `pid=${deadPid()}\nhost=${hostname()}\ntime=2023-07-28T01:00:00.000Z\n`);
    await updateFile(file, append('x\n'), { waitMs: 0 });
    expect(await readFile(file, 'utf8')).toBe('format: 1\nx\n');
    await expectOnlyPlan();
  });

  it('takes over a lock older than ten minutes, whatever its pid', async () => {
    const lock = `${file}.lock`;
    await writeFile(lock, `pid=${process.pid}\nhost=${hostname()}\n`);
    const old = new Date(Date.now() - 11 * 60 * 1000);
    await utimes(lock, old, old);
    await updateFile(file, append('x\n'), { waitMs: 0 });
    expect(await readFile(file, 'utf8')).toBe('format: 1\nx\n');
    await expectOnlyPlan();
  });

  it.skipIf(process.platform === 'win32')('edits the target of a symlink and keeps the link (skipped on Windows: making a symlink needs an administrator there)', async () => {
    const link = join(dir, 'link.yaml');
    await symlink(file, link);
    await updateFile(link, append('x\n'));
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('format: 1\nx\n');
    expect((await readdir(dir)).sort()).toEqual(['link.yaml', 'plan.yaml']);
  });
});

describe('updateFile across processes', () => {
  let bundleDir: string;
  let bundle: string;

  beforeAll(async () => {
    // The children run plain node: give them write.ts as one ESM file.
    bundleDir = await mkdtemp(join(tmpdir(), 'tthc-write-bundle-'));
    bundle = join(bundleDir, 'write.mjs');
    // esbuild's JavaScript API: Node on Windows refuses to spawn node_modules/.bin/esbuild.cmd without a shell.
    await build({ entryPoints: [join(root, 'src/edit/write.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning' });
  });
  afterAll(async () => {
    await rm(bundleDir, { recursive: true, force: true });
  });

  it('8 processes appending at the same moment all get their line in', async () => {
    const script = `
      const [bundle, file, line, at] = process.argv.slice(1);
      const { pathToFileURL } = await import('node:url');
      const { updateFile } = await import(pathToFileURL(bundle).href);
      while (Date.now() < Number(at)) {}
      await updateFile(file, async (b) => {
        // Widen the read-modify-write window so a missing lock would lose lines.
        await new Promise((r) => setTimeout(r, 5));
        return Buffer.concat([b, Buffer.from(line + '\\n')]);
      });
    `;
    const at = Date.now() + 1500;
    const lines = Array.from({ length: 8 }, (_, i) => `- worker ${i}`);
    const runs = lines.map(
      (line) =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, ['--input-type=module', '-e', script, bundle, file, line, String(at)], {
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          let stderr = '';
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('close', (code) => resolve({ code, stderr }));
        }),
    );
    const results = await Promise.all(runs);
    expect(results).toEqual(lines.map(() => ({ code: 0, stderr: '' })));
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('format: 1\n')).toBe(true);
    expect(text.split('\n').filter((l) => l.startsWith('- worker')).sort()).toEqual(lines);
    await expectOnlyPlan();
  }, 30_000);
});
