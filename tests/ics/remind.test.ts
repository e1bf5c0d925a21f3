// tthc ics --remind, --open and --todo, parsed with ical.js: alarms on open occurrences only, completed occurrences
// marked (or left out), to-do items with DUE and COMPLETED.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'tthc-ics-remind-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// X.2 with February done on time and March done late, each with its document.
const PLAN = join(tmp, 'plan.yaml');
writeFileSync(
  PLAN,
  readFileSync(join(ROOT, 'plans/kon-ray-2023.yaml'), 'utf8').replace(
    /(      - id: X\.2\n(?:        .*\n)*?        when: Hàng tháng\n)/,
    '$1        records:\n          - { done: 2023-02-20, period: 2023-02, ref: 12/BC-VP }\n          - { done: 2023-04-03, period: 2023-03, ref: 31/BC-VP }\n',
  ),
);

async function ics(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ now: () => new Date('2023-07-20T03:00:00Z'), cwd: ROOT, env: { NO_COLOR: '1' } });
  const code = await main(['ics', '--plan', PLAN, ...args], io);
  return { code, out: io.out, err: io.err };
}

function components(text: string, kind: 'vevent' | 'vtodo'): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents(kind);
}

const byPeriod = (cs: ICAL.Component[], period: string) => cs.find((c) => String(c.getFirstPropertyValue('uid')).startsWith(`X.2-${period}@`))!;

describe('tthc ics --remind', async () => {
  const r = await ics('--agency', 'vp', '--remind', '1d', '--remind', '7d');
  const events = components(r.out, 'vevent');

  it('adds one display alarm per reminder to each open occurrence, earliest first, relative to the all-day start', () => {
    expect(r.code).toBe(0);
    const apr = byPeriod(events, '2023-04');
    const alarms = apr.getAllSubcomponents('valarm');
    expect(alarms).toHaveLength(2);
    expect(alarms.map((a) => a.getFirstPropertyValue('action'))).toEqual(['DISPLAY', 'DISPLAY']);
    expect(alarms.map((a) => String(a.getFirstPropertyValue('trigger')))).toEqual(['-P1W', '-P1D']);
    expect(alarms.map((a) => a.getFirstProperty('trigger')!.getParameter('related'))).toEqual(['START', 'START']);
    expect(String(alarms[0]!.getFirstPropertyValue('description'))).toMatch(/^Còn 7 ngày đến hạn: X\.2 — /);
    expect(r.out).toContain('TRIGGER;RELATED=START:-P1D\r\n');
  });

  it('marks completed occurrences as done (late or not), with their day and document, and sets them no alarm', () => {
    const feb = byPeriod(events, '2023-02');
    expect(String(feb.getFirstPropertyValue('summary'))).toMatch(/^\[Đã xong\] X\.2 — /);
    expect(String(feb.getFirstPropertyValue('description'))).toContain('Hoàn thành ngày 20/2/2023 (văn bản 12/BC-VP)');
    expect(feb.getAllSubcomponents('valarm')).toHaveLength(0);
    const mar = byPeriod(events, '2023-03');
    expect(String(mar.getFirstPropertyValue('summary'))).toMatch(/^\[Xong muộn\] X\.2 — /);
    expect(String(mar.getFirstPropertyValue('description'))).toContain('Hoàn thành muộn ngày 3/4/2023 (văn bản 31/BC-VP)');
  });

  it('--open leaves the completed occurrences out', async () => {
    const open = components((await ics('--agency', 'vp', '--open')).out, 'vevent');
    expect(open).toHaveLength(events.length - 2);
    expect(byPeriod(open, '2023-02')).toBeUndefined();
  });

  it('--remind 0d reminds on the day; a bad value is a usage error', async () => {
    const onDay = await ics('--remind', '0d');
    expect(onDay.out).toContain('TRIGGER;RELATED=START:PT0S\r\n');
    for (const bad of ['soon', '3h', '-1d', '400d']) {
      const b = await ics('--remind', bad);
      expect(b.code, bad).toBe(2);
      expect(b.err).toMatch(/--remind/);
    }
  });

  it('writes the source\'s markup as plain text', async () => {
    const all = await ics();
    expect(all.out).not.toMatch(/<\/?i>/);
  });
});

describe('tthc ics --todo', async () => {
  const r = await ics('--agency', 'vp', '--todo', '--remind', '3d');
  const todos = components(r.out, 'vtodo');

  it('writes to-do items with DUE, a start where the window is longer than a day, and no events', () => {
    expect(r.code).toBe(0);
    expect(components(r.out, 'vevent')).toHaveLength(0);
    const apr = byPeriod(todos, '2023-04');
    expect(String(apr.getFirstPropertyValue('due'))).toBe('2023-04-30');
    expect(String(apr.getFirstPropertyValue('dtstart'))).toBe('2023-04-01');
    expect(apr.getFirstPropertyValue('status')).toBe('NEEDS-ACTION');
    const alarm = apr.getFirstSubcomponent('valarm')!;
    expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-P3D');
    expect(alarm.getFirstProperty('trigger')!.getParameter('related')).toBe('END');
  });

  it('marks completed items COMPLETED with the day, 100 percent, and no alarm', () => {
    const feb = byPeriod(todos, '2023-02');
    expect(feb.getFirstPropertyValue('status')).toBe('COMPLETED');
    const completed = feb.getFirstPropertyValue('completed') as ICAL.Time;
    expect(completed.isDate).toBe(false);
    expect(completed.toString()).toBe('2023-02-20T05:00:00Z');
    expect(feb.getFirstPropertyValue('percent-complete')).toBe(100);
    expect(feb.getAllSubcomponents('valarm')).toHaveLength(0);
    // A to-do program shows its own check box: the summary carries no "[Đã xong]".
    expect(String(feb.getFirstPropertyValue('summary'))).toMatch(/^X\.2 — /);
  });

  it('keeps every line within 75 octets and CRLF-terminated', () => {
    expect(r.out.endsWith('\r\n')).toBe(true);
    for (const line of r.out.slice(0, -2).split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(r.out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});
