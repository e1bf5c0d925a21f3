// The `cached` project really runs the commands through the plan cache, and the other projects really do not.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/memory-io.js';
import { run, SHIPPED } from './helpers.js';

describe('the test projects', () => {
  it.runIf(process.env.TTHC_TEST_CACHED === '1')('cached: an in-process run reads and writes the plan cache', async () => {
    const dir = memoryIo().env.TTHC_CACHE_DIR;
    expect(dir).toBeDefined();
    expect((await run(['check', SHIPPED])).code).toBe(0);
    expect(readdirSync(dir!).filter((n) => n.endsWith('.json')).length).toBeGreaterThan(0);
    // A test that turns it off is obeyed.
    expect(memoryIo({ env: { TTHC_NO_CACHE: '1' } }).env.TTHC_CACHE_DIR).toBeUndefined();
  });

  it.runIf(process.env.TTHC_TEST_CACHED !== '1')('the others: no cache unless a test asks for one', () => {
    expect(memoryIo().env.TTHC_CACHE_DIR).toBeUndefined();
  });
});
