// The `cached` test project: every in-process run of tthc gets a plan cache (fresh for each test file) unless the test sets its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, vi } from 'vitest';

const cache = vi.hoisted(() => ({ dir: '' }));
cache.dir = mkdtempSync(join(tmpdir(), 'tthc-test-cache-'));
afterAll(() => rmSync(cache.dir, { recursive: true, force: true }));

vi.mock('../src/cli/memory-io.js', async (original) => {
  const io = await original<typeof import('../src/cli/memory-io.js')>();
  return {
    ...io,
    memoryIo: (opts: Parameters<typeof io.memoryIo>[0] = {}) => {
      const env = opts.env ?? {};
      // A test that turns the cache off or points it elsewhere means it.
      const cached = env.TTHC_NO_CACHE || env.TTHC_CACHE_DIR ? env : { ...env, TTHC_CACHE_DIR: cache.dir };
      return io.memoryIo({ ...opts, env: cached });
    },
  };
});
