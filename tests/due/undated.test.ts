// A task whose timeline is not understood does not make the plan unusable: check reports it, the views show it as "chưa xác định hạn".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';

const dir = mkdtempSync(join(tmpdir(), 'tthc-undated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLAN = (when: string) => `format: 1
plan:
  issuer: Ủy ban nhân dân xã Thử
  level: commune
  year: 2026
agencies:
  vp:
    name: Văn phòng HĐND và UBND xã
sections:
  - id: I
    title: Chỉ đạo
    tasks:
      - id: I.1
        content: Việc một
        lead: vp
        when: ${when}
      - id: I.2
        content: Việc hai
        lead: vp
        when: Quý I/2026
`;

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ env: { COLUMNS: '120', NO_COLOR: '1' }, cwd: dir, now: () => new Date('2026-03-20T03:00:00Z') });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe('a task with a timeline tthc does not understand', () => {
  writeFileSync(join(dir, 'plan.yaml'), PLAN('Tuần đầu tiên của mỗi tháng'));

  it('is an error of check', async () => {
    const r = await run(['check', 'plan.yaml', '--format', 'json']);
    expect(r.code).toBe(1);
    const errors = JSON.parse(r.out).diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    expect(errors.map((d: { code: string }) => d.code)).toEqual(['WHEN_UNKNOWN']);
  });

  it('is listed by due as "chưa xác định hạn", after what is due, and the plan is used', async () => {
    const r = await run(['due', '--plan', 'plan.yaml']);
    expect(r.code).toBe(0);
    expect(r.out.indexOf('Sắp đến hạn (1)')).toBeLessThan(r.out.indexOf('Chưa xác định hạn (1)'));
    expect(r.err).toMatch(/1 nhiệm vụ có thời gian thực hiện mà tthc chưa hiểu/);
    expect((await run(['due', '--plan', 'plan.yaml', '--lang', 'en'])).err).toMatch(/1 task with a timeline tthc does not understand/);
    const json = JSON.parse((await run(['due', '--plan', 'plan.yaml', '--format', 'json'])).out);
    expect(json.items.map((i: { id: string; status: string; due: string | null }) => [i.id, i.status, i.due])).toEqual([
      ['I.2', 'due-soon', '2026-03-31'],
      ['I.1', 'unknown', null],
    ]);
  });

  it('shows in status and show', async () => {
    const s = await run(['status', '--plan', 'plan.yaml', '--format', 'json']);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.out).rows[0].quarters.Q2.status).toBe('unknown');
    const show = await run(['show', 'I.1', '--plan', 'plan.yaml']);
    expect(show.code).toBe(0);
    expect(show.out).toContain('Chưa xác định hạn');
  });

  it('errors that make the plan unreadable still refuse it', async () => {
    writeFileSync(join(dir, 'broken.yaml'), PLAN('Quý I/2026').replace('lead: vp\n        when: Quý I/2026', 'lead: nobody\n        when: Quý I/2026'));
    const r = await run(['due', '--plan', 'broken.yaml']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/AGENCY_UNKNOWN/);
  });
});
