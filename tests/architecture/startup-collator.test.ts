// Start-up: no module builds an Intl.Collator when it is loaded (ICU's Vietnamese collation took 20–60 ms of every command, for nothing).
import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => vi.restoreAllMocks());

it('loading the model and the everyday commands creates no Intl.Collator', async () => {
  vi.resetModules();
  const made = vi.spyOn(Intl, 'Collator');
  await import('../../src/model/text.js');
  await import('../../src/cli/cli.js');
  expect(made).not.toHaveBeenCalled();
});
