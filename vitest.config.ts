// Test setup: the whole suite once, and the date-sensitive suites again under three more time zones.
import { defineConfig } from 'vitest/config';

/** Vietnam's own zone, one far west (a day behind at Vietnam's midnight) and one far east (UTC+14). */
const OTHER_ZONES = ['Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Pacific/Kiritimati'];
const DATE_SENSITIVE = ['tests/tz.test.ts', 'tests/schedule/**/*.test.ts', 'tests/due/**/*.test.ts', 'tests/status/**/*.test.ts', 'tests/ics/**/*.test.ts', 'tests/render/xlsx.test.ts', 'tests/plans/**/*.test.ts'];

/** Tests that run commands in-process; the tests that spawn the built bundle use its cache already. */
const CACHED = ['tests/{due,status,record,report,ics,readme,check,diff,clerk,import}/**/*.test.ts', 'tests/cli.test.ts', 'tests/output.test.ts'];
const CACHED_NOT = ['tests/record/concurrent.test.ts', 'tests/record/scale.test.ts', 'tests/check/bin.test.ts', 'tests/check/code-cache.test.ts', 'tests/clerk/link.test.ts', 'tests/clerk/completion.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'UTC', include: ['tests/**/*.test.ts'], env: { TZ: 'UTC' } } },
      ...OTHER_ZONES.map((tz) => ({ extends: true, test: { name: tz, include: DATE_SENSITIVE, env: { TZ: tz } } })),
      // The command tests again with the plan cache on (a fresh one per file): the path users run is tested too.
      { extends: true, test: { name: 'cached', include: CACHED, exclude: CACHED_NOT, setupFiles: ['tests/cached-setup.ts'], env: { TZ: 'UTC', TTHC_TEST_CACHED: '1' } } },
    ],
  },
});
