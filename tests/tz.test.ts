// Guards the test setup itself: each project really runs in the time zone it is named after.
import { expect, test } from 'vitest';

test('the process time zone is the one the project sets', () => {
  const tz = process.env.TZ ?? '';
  expect(tz).not.toBe('');
  // ICU may report Asia/Ho_Chi_Minh by its old name, Asia/Saigon.
  expect([tz, tz === 'Asia/Ho_Chi_Minh' ? 'Asia/Saigon' : tz]).toContain(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const offset = new Date('2023-07-01T00:00:00Z').getTimezoneOffset();
  const expected: Record<string, number> = { UTC: 0, 'Asia/Ho_Chi_Minh': -420, 'America/Los_Angeles': 420, 'Pacific/Kiritimati': -840 };
  expect(offset).toBe(expected[tz]);
});
