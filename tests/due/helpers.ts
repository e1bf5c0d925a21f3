// Shared by the due, status and record tests: tthc run in-process with a fixed clock, scratch copies, golden files, and the recorded progress.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The shipped plan, relative to ROOT (the working directory of in-process runs unless told otherwise). */
export const SHIPPED = 'plans/kon-ray-2023.yaml';
export const FIXTURES = join(ROOT, 'tests/due/fixtures');

/** 31/12/2023 at 10:00 in Vietnam: late enough that every 2023 record has happened, so no RECORD_FUTURE. */
export const END_OF_2023 = new Date('2023-12-31T03:00:00Z');

export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
  now?: Date;
  isTTY?: boolean;
  columns?: number;
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs `tthc ARGV` in-process. Defaults: working directory ROOT, clock END_OF_2023, not a terminal, COLUMNS=100,
 * and nothing else in the environment (so neither the developer's TTHC_LANG nor NO_COLOR leaks in).
 */
export async function tthc(argv: string[], opts: RunOptions = {}): Promise<Run> {
  const now = opts.now ?? END_OF_2023;
  const io = memoryIo({
    env: { COLUMNS: '100', ...opts.env },
    cwd: opts.cwd ?? ROOT,
    now: () => now,
    isTTY: opts.isTTY ?? false,
    ...(opts.columns !== undefined ? { columns: opts.columns } : {}),
  });
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

export interface DueItemJson {
  id: string;
  period: string | null;
  status: string;
  due: string | null;
  daysLate: number | null;
  role: 'lead' | 'support' | null;
  via: string | null;
  title: string;
  completed: string | null;
}

export interface DueJson {
  asOf: string;
  within: number;
  agency: { id: string; name: string } | null;
  role: string;
  all: boolean;
  outsidePeriod: boolean;
  items: DueItemJson[];
}

/** `tthc due … --format json`, which must succeed; returns the parsed document. */
export async function dueJson(argv: string[], opts: RunOptions = {}): Promise<DueJson> {
  const r = await tthc(['due', ...argv, '--format', 'json'], opts);
  expect(r.err, `tthc due ${argv.join(' ')} wrote to stderr`).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as DueJson;
}

/** The one item with this id and period; fails when there is none or several. */
export function itemOf(items: DueItemJson[], id: string, period: string | null = null): DueItemJson {
  const found = items.filter((i) => i.id === id && i.period === period);
  expect(found, `${id} ${period ?? '(single)'} in ${items.map((i) => `${i.id}/${i.period}`).join(', ')}`).toHaveLength(1);
  return found[0]!;
}

/** A scratch folder under the system temp folder; `remove` deletes it. */
export function scratch(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `tthc-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies a plan (a path relative to ROOT) into `dir` under `name`; returns the new file's absolute path. */
export function copyPlan(from: string, dir: string, name = 'plan.yaml'): string {
  const to = join(dir, name);
  copyFileSync(join(ROOT, from), to);
  return to;
}

/** Every line of `text`, in characters (code points after NFC, ANSI colour codes removed). */
export function lineWidths(text: string): number[] {
  return text
    .replace(/\u001b\[[0-9;]*m/g, '')
    .normalize('NFC')
    .split('\n')
    .map((l) => [...l].length);
}

export const ANSI = /\u001b\[[0-9;]*m/;

/**
 * Compares `actual` with the golden file byte for byte; `UPDATE_GOLDEN=1` rewrites the file instead.
 * A missing golden fails with the command that writes it.
 */
export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual, 'utf8');
    return;
  }
  if (!existsSync(file)) throw new Error(`${file} does not exist; write it with UPDATE_GOLDEN=1 npx vitest run, then read it and check it by the contract.`);
  const expected = readFileSync(file, 'utf8');
  expect(actual, `${file} (UPDATE_GOLDEN=1 rewrites it; review the diff before committing)`).toBe(expected);
}

/** One progress command: `tthc done|trigger ID [--period P] --date D [--ref R] [--note N]`. */
export interface Step {
  cmd: 'done' | 'trigger';
  id: string;
  period?: string;
  date: string;
  ref?: string;
  note?: string;
}

/**
 * The progress recorded on a copy of the shipped plan for the golden outputs, chosen to reach the edges:
 * X.2 months on time (January; March on its due day; July) and late (February, April, August), May, June and
 * September left overdue; VIII.1 Q1 on time; I.2 on its due day (9/3); IX.3 in its month; II.1 activities on
 * either side of the reporting-period boundaries (14/3–15/3, 14/6, 14/9–15/9); the trigger of I.1 on 3/4;
 * V.1 on 20/10, after the 1/10 status report (so it counts there as not done yet) and opening V.2.
 */
export const PROGRESS: Step[] = [
  { cmd: 'done', id: 'X.2', period: '2023-01', date: '2023-01-30', ref: '12/BC-UBND' },
  { cmd: 'done', id: 'II.1', date: '2023-02-10', note: 'Góp ý quy trình nội bộ lĩnh vực hộ tịch' },
  { cmd: 'done', id: 'X.2', period: '2023-02', date: '2023-03-06' },
  { cmd: 'done', id: 'I.2', date: '2023-03-09', ref: '25/KH-UBND' },
  { cmd: 'done', id: 'II.1', date: '2023-03-20' },
  { cmd: 'done', id: 'VIII.1', period: '2023-Q1', date: '2023-03-28', ref: '45/BC-UBND' },
  { cmd: 'done', id: 'X.2', period: '2023-03', date: '2023-03-31' },
  { cmd: 'trigger', id: 'I.1', date: '2023-04-03', ref: '1050/UBND-NC' },
  { cmd: 'done', id: 'X.2', period: '2023-04', date: '2023-05-03' },
  { cmd: 'done', id: 'II.1', date: '2023-05-20' },
  { cmd: 'done', id: 'II.1', date: '2023-06-14' },
  { cmd: 'done', id: 'IX.3', date: '2023-07-25', ref: '130/BC-UBND' },
  { cmd: 'done', id: 'X.2', period: '2023-07', date: '2023-07-28' },
  { cmd: 'done', id: 'X.2', period: '2023-08', date: '2023-09-05' },
  { cmd: 'done', id: 'II.1', date: '2023-09-20' },
  { cmd: 'done', id: 'V.1', date: '2023-10-20', ref: '210/BC-UBND' },
];

export function stepArgs(s: Step, plan: string): string[] {
  return [
    s.cmd,
    s.id,
    '--plan',
    plan,
    ...(s.period ? ['--period', s.period] : []),
    '--date',
    s.date,
    ...(s.ref ? ['--ref', s.ref] : []),
    ...(s.note ? ['--note', s.note] : []),
  ];
}

/**
 * Copies the shipped plan into `dir` as kon-ray-2023.yaml and records PROGRESS with real `tthc done`/`tthc trigger`
 * commands run through main(), each of which must succeed. Returns the file name, relative to `dir` (run the
 * reports with `cwd: dir`, so that the plan's name in them does not depend on the temp folder).
 */
export async function recordProgress(dir: string): Promise<string> {
  const name = 'kon-ray-2023.yaml';
  copyPlan(SHIPPED, dir, name);
  for (const s of PROGRESS) {
    const r = await tthc(stepArgs(s, name), { cwd: dir });
    if (r.code !== 0) throw new Error(`tthc ${stepArgs(s, name).join(' ')} exited ${r.code}: ${r.err}`);
  }
  return name;
}
