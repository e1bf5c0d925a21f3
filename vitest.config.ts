// Test setup: the whole suite once, and the date-sensitive suites again under three more time zones.
import { defineConfig } from 'vitest/config';

/** Vietnam's own zone, one far west (a day behind at Vietnam's midnight) and one far east (UTC+14). */
const OTHER_ZONES = ['Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Pacific/Kiritimati'];
const DATE_SENSITIVE = ['tests/tz.test.ts', 'tests/schedule/**/*.test.ts', 'tests/due/**/*.test.ts', 'tests/status/**/*.test.ts', 'tests/ics/**/*.test.ts', 'tests/render/xlsx.test.ts', 'tests/plans/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'UTC', include: ['tests/**/*.test.ts'], env: { TZ: 'UTC' } } },
      ...OTHER_ZONES.map((tz) => ({ extends: true, test: { name: tz, include: DATE_SENSITIVE, env: { TZ: tz } } })),
    ],
  },
});
