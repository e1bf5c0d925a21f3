// Small git repositories with a history of amendments to the shipped plan, for the diff and log tests and the README.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SHIPPED = join(ROOT, 'plans', 'kon-ray-2023.yaml');
/** 10:00 on 20 July 2023 in Vietnam. */
export const NOW = new Date('2023-07-20T03:00:00Z');

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** tthc in-process, in `cwd`, with a fixed clock and a clean environment. */
export async function tthc(cwd: string, argv: string[], env: Record<string, string> = {}): Promise<Run> {
  const io = memoryIo({ now: () => NOW, cwd, env: { COLUMNS: '100', PATH: process.env.PATH ?? '', HOME: cwd, ...env } });
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

/** Replaces `from` by `to` exactly once: an amendment that no longer applies fails loudly. */
function once(text: string, from: string | RegExp, to: string): string {
  const n = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, 'g')) ?? []).length;
  if (n !== 1) throw new Error(`amendment: ${String(from)} found ${n} times`);
  return text.replace(from, to);
}

/** Adds records to a task, after its `when:` line (and its schedule, if any). */
export function addRecords(text: string, id: string, records: string[]): string {
  const re = new RegExp(`(      - id: ${id.replace('.', '\\.')}\\n(?:        .*\\n)*?        when: .*\\n(?:        schedule: .*\\n)?)`);
  const block = `        records:\n${records.map((r) => `          - ${r}\n`).join('')}`;
  return once(text, re, `$1${block}`);
}

/**
 * A "kế hoạch sửa đổi, bổ sung": VIII.1's reports due on the 15th, IX.3 moved to August, a new task IX.2 (the
 * later ones renumbered), V.3 dropped, Phòng Tư pháp supporting V.1, a new agency, the inspection team renamed,
 * the communes' one-stop shops out of the collective that leads VI.1, and the amending decision as a legal basis.
 */
export function amend(text: string): string {
  let s = text;
  s = once(s, 'when: Hàng quý, năm và đột xuất khi có yêu cầu\n', 'when: Hàng quý, năm và đột xuất khi có yêu cầu\n        schedule: { day: 15 }\n');
  s = once(s, 'when: Tháng 7/2023', 'when: Tháng 8/2023');
  for (const n of [6, 5, 4, 3, 2]) s = once(s, `      - id: IX.${n}\n`, `      - id: IX.${n + 1}\n`);
  s = once(
    s,
    '      - id: IX.3\n',
    [
      '      - id: IX.2',
      '        content: Thành lập Trung tâm Phục vụ hành chính công huyện và chuyển Bộ phận Một cửa cấp huyện về Trung tâm',
      '        lead: ttpvhcc',
      '        support: [vp, noi-vu]',
      '        output: Quyết định thành lập; quy chế hoạt động',
      '        when: Trước ngày 01/10/2023',
      '      - id: IX.3',
      '',
    ].join('\n'),
  );
  s = once(s, /      - id: V\.3\n(?:        .*\n)+?        when: .*\n/, '');
  s = once(s, /(      - id: V\.1\n(?:        .*\n)*?        support: )\[cq-huyen, ubnd-xa\]/, '$1[cq-huyen, ubnd-xa, tu-phap]');
  s = once(s, '    name: Đoàn kiểm tra\n', '    name: Đoàn kiểm tra liên ngành\n  ttpvhcc:\n    name: Trung tâm Phục vụ hành chính công huyện\n');
  s = once(s, 'members: [mot-cua-huyen, mot-cua-xa]', 'members: [mot-cua-huyen]');
  s = once(
    s,
    'intro: ',
    '  - text: Quyết định số 1234/QĐ-UBND ngày 20 tháng 6 năm 2023 của UBND tỉnh về việc thành lập Trung tâm Phục vụ hành chính công cấp huyện\n    ref: 1234/QĐ-UBND\n    date: 2023-06-20\n    issuer: UBND tỉnh\nintro: ',
  );
  return s;
}

export function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync('git', args, { cwd, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Commits everything staged and unstaged under `file` as `author` on `date` (10:00 Vietnam time). */
export function commit(dir: string, file: string, message: string, author: [string, string], date: string): void {
  const when = `${date}T10:00:00+07:00`;
  git(dir, ['add', '--', file]);
  git(dir, ['-c', `user.name=${author[0]}`, '-c', `user.email=${author[1]}`, 'commit', '-q', '-m', message], { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
}

export const AN: [string, string] = ['Nguyễn Văn An', 'an@konray.example'];
export const BINH: [string, string] = ['Trần Thị Bình', 'binh@konray.example'];
export const CUONG: [string, string] = ['Lê Văn Cường', 'cuong@konray.example'];

/** A fresh repository whose `plans/` holds the shipped plan, committed once; `name` is the plan's file name. */
export function newRepo(name = 'kon-ray-2023.yaml'): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-history-'));
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'user.name', AN[0]]);
  git(dir, ['config', 'user.email', AN[1]]);
  mkdirSync(join(dir, 'plans'));
  const file = join('plans', name);
  copyFileSync(SHIPPED, join(dir, file));
  commit(dir, file, 'Kế hoạch kiểm soát TTHC năm 2023', AN, '2023-01-05');
  return { dir, file };
}

export function edit(dir: string, file: string, f: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, f(readFileSync(path, 'utf8')));
}

/**
 * The history the tests read: the plan (An, 5/1), records of March (Bình, 20/3), records of June (Bình, 14/6),
 * the amendment (Cường, 1/7), and a correction that removes a record and changes another (Bình, 20/7).
 */
export function historyRepo(name?: string): { dir: string; file: string } {
  const { dir, file } = newRepo(name);
  edit(dir, file, (s) => addRecords(addRecords(s, 'I.2', ['{ done: 2023-03-08, ref: 41/KH-UBND }']), 'VIII.1', ['{ done: 2023-03-14, period: 2023-Q1, ref: 25/BC-UBND }']));
  commit(dir, file, 'Ghi nhận tháng 3', BINH, '2023-03-20');
  edit(dir, file, (s) =>
    addRecords(
      s.replace('{ done: 2023-03-14, period: 2023-Q1, ref: 25/BC-UBND }\n', '{ done: 2023-03-14, period: 2023-Q1, ref: 25/BC-UBND }\n          - { done: 2023-06-14, period: 2023-Q2, ref: 67/BC-UBND }\n'),
      'I.1',
      ['{ trigger: 2023-03-06, ref: 500/KH-UBND }'],
    ),
  );
  commit(dir, file, 'Ghi nhận tháng 6', BINH, '2023-06-14');
  edit(dir, file, amend);
  commit(dir, file, 'Kế hoạch sửa đổi, bổ sung', CUONG, '2023-07-01');
  edit(dir, file, (s) => s.replace('        records:\n          - { done: 2023-03-08, ref: 41/KH-UBND }\n', '').replace('ref: 67/BC-UBND', 'ref: 68/BC-UBND'));
  commit(dir, file, 'Sửa ghi nhận', BINH, '2023-07-20');
  return { dir, file };
}
