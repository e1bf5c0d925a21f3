// The report's per-agency overdue and due-soon occurrences are exactly what `tthc due --agency X --all` says, for every
// agency of the shipped plan on several days: one evaluation, two views, one answer.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';
import { loadBytes } from '../../src/read/load.js';
import { evaluatePlan } from '../../src/views/evaluate.js';
import { occurrenceKey, reportData } from '../../src/views/report.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHIPPED = 'plans/kon-ray-2023.yaml';
const plan = loadBytes(readFileSync(join(ROOT, SHIPPED)), SHIPPED, '2023-10-01').plan!;
const DAYS = ['2023-02-01', '2023-04-03', '2023-07-01', '2023-10-05', '2023-12-31'];

async function due(agency: string, day: string): Promise<{ overdue: string[]; soon: string[] }> {
  const io = memoryIo({ now: () => new Date('2023-07-20T03:00:00Z'), cwd: ROOT, env: { NO_COLOR: '1' } });
  const code = await main(['due', '--plan', SHIPPED, '--agency', agency, '--all', '--as-of', day, '--format', 'json'], io);
  expect(code).toBe(0);
  const items = (JSON.parse(io.out) as { items: { id: string; period: string | null; status: string }[] }).items;
  const keys = (s: string) => items.filter((i) => i.status === s).map(occurrenceKey).sort();
  return { overdue: keys('overdue'), soon: keys('due-soon') };
}

describe('report and due agree, per agency and day', () => {
  it.each(DAYS)('as of %s', async (day) => {
    const data = reportData(evaluatePlan(plan, day, 14));
    expect(data.perAgency.map((a) => a.agency.id).sort()).toEqual([...plan.agencies.keys()].sort());
    let overdueSeen = 0;
    for (const a of data.perAgency) {
      const d = await due(a.agency.id, day);
      expect([...a.overdue].sort(), `${a.agency.id} overdue`).toEqual(d.overdue);
      expect([...a.dueSoon].sort(), `${a.agency.id} due soon`).toEqual(d.soon);
      overdueSeen += d.overdue.length;
    }
    // The whole list names each overdue occurrence once, and every agency's overdue occurrence is in it.
    const all = data.overdue.map(occurrenceKey);
    expect(new Set(all).size).toBe(all.length);
    for (const a of data.perAgency) for (const k of a.overdue) expect(all).toContain(k);
    if (day >= '2023-04-03') expect(overdueSeen).toBeGreaterThan(0);
    // Thirty-odd runs of `due` a day: minutes, not seconds, on a loaded machine.
  }, 180_000);
});
