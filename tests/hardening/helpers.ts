// Shared by the hardening tests: a small valid plan to build hostile variants from, scratch folders, and timing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';

/** 20/2/2024, 10:00 in Vietnam. */
export const NOW = new Date('2024-02-20T03:00:00Z');

/** A minimal valid 2024 plan; `agencies`, `tasks` and `extra` (top-level lines) replace or add parts. */
export function planText(parts: { agencies?: string; tasks?: string; extra?: string; head?: string } = {}): string {
  return [
    'format: 1',
    'plan:',
    '  issuer: Ủy ban nhân dân huyện Thử',
    '  level: district',
    parts.head ?? '  number: "3"',
    '  symbol: KH-UBND',
    '  date: 2024-01-08',
    '  title: Kế hoạch kiểm soát TTHC năm 2024',
    '  year: 2024',
    'agencies:',
    parts.agencies ?? '  vp:\n    name: Văn phòng HĐND-UBND huyện\n  noi-vu:\n    name: Phòng Nội vụ',
    'sections:',
    '  - id: I',
    '    title: Công tác chỉ đạo, điều hành',
    '    tasks:',
    parts.tasks ??
      '      - id: I.1\n        content: Kế hoạch hoạt động kiểm soát TTHC năm 2024\n        lead: vp\n        support: noi-vu\n        output: Kế hoạch\n        when: Trước ngày 1/3/2024',
    ...(parts.extra ? [parts.extra] : []),
    '',
  ].join('\n');
}

export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'tthc-hard-'));
}

export function put(dir: string, name: string, text: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

export interface Run {
  code: number;
  out: string;
  err: string;
  ms: number;
}

/** Runs `tthc ARGV` in-process in `cwd`, without colour, 100 columns wide, and times it. */
export async function run(argv: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  const io = memoryIo({ env: { COLUMNS: '100', NO_COLOR: '1', TTHC_NO_CACHE: '1', ...env }, cwd, now: () => NOW });
  const t = performance.now();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err, ms: performance.now() - t };
}

/** A refusal or a report, never an internal error (exit 70) or a stack trace. */
export function expectLocated(r: Run): void {
  expect(r.code === 0 || r.code === 1 || r.code === 2, `exit ${r.code}: ${r.err.slice(0, 400)}`).toBe(true);
  for (const s of [r.out, r.err]) {
    expect(s).not.toMatch(/^\s{4}at /m);
    expect(s).not.toMatch(/internal error/i);
  }
}
