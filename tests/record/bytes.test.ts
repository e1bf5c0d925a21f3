// `tthc done`/`tthc trigger` through main() on temp copies: only the added lines differ (LF, CRLF, BOM, hand-commented), the mode stays, refusals change nothing.
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scratch, SHIPPED, tthc, type Run } from '../due/helpers.js';

/** 20/7/2023, 10:00 in Vietnam. */
const NOW = new Date('2023-07-20T03:00:00Z');
const PLAN = 'plan.yaml';

let dir: string;
let remove: () => void;
beforeAll(() => {
  ({ dir, remove } = scratch('record'));
});
afterAll(() => remove());

const shipped = readFileSync(join(ROOT, SHIPPED), 'utf8');
const file = () => join(dir, PLAN);
const bytes = () => readFileSync(file());
const run = (argv: string[]): Promise<Run> => tthc([...argv, '--plan', PLAN], { cwd: dir, now: NOW });

/**
 * `after` must be `before` with one piece inserted; returns the piece. Removing it gives `before` back byte for byte.
 * With `wholeLines`, the piece must start at a line start and end with `eol` — or, at the end of a file without a
 * final line break, start with `eol` and not end with one.
 */
function insertion(before: Buffer, after: Buffer, eol: string, wholeLines: boolean): string {
  const k = after.length - before.length;
  expect(k, 'the file grew').toBeGreaterThan(0);
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  const fits = (at: number) => after.subarray(0, at).equals(before.subarray(0, at)) && after.subarray(at + k).equals(before.subarray(at));
  const candidates: number[] = [];
  for (let at = p; at >= Math.max(0, p - k); at--) if (fits(at)) candidates.push(at);
  expect(candidates.length, 'the new file is the old one with one piece inserted').toBeGreaterThan(0);
  const E = Buffer.from(eol);
  const aligned = candidates.find((at) => {
    const piece = after.subarray(at, at + k);
    const atLineStart = at === 0 || after[at - 1] === 0x0a;
    if (atLineStart && piece.subarray(piece.length - E.length).equals(E)) return true;
    return at === before.length && before[before.length - 1] !== 0x0a && piece.subarray(0, E.length).equals(E) && piece[piece.length - 1] !== 0x0a;
  });
  const at = wholeLines ? aligned : (aligned ?? candidates[0]);
  expect(at, `whole lines were added: ${JSON.stringify(after.subarray(candidates[0]!, candidates[0]! + k).toString())}`).toBeDefined();
  const removed = Buffer.concat([after.subarray(0, at!), after.subarray(at! + k)]);
  expect(removed.equals(before), 'removing the added lines gives back the old file').toBe(true);
  const piece = after.subarray(at!, at! + k).toString('utf8');
  // The added lines end like the file's own lines: no LF alone in a CRLF file, no CR in an LF file.
  if (eol === '\r\n') expect(piece.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  else expect(piece).not.toContain('\r');
  return piece;
}

/** A record command and what its inserted text must contain. */
const STEPS: [string[], RegExp][] = [
  [['done', 'I.2', '--date', '2023-03-09', '--ref', '25/KH-UBND'], /records:(\r?\n) +- done: 2023-03-09\1 +ref: 25\/KH-UBND\1$/],
  // X.2 is the plan's last task: in a file without a final line break its lines come after one.
  [['done', 'X.2', '--period', '2023-01', '--date', '30/1/2023'], /records:(\r?\n) +- done: 2023-01-30\1 +period: 2023-01/],
  [['done', 'X.2', '--period', '2023-02', '--date', '06/03/2023', '--note', 'Chậm: chờ số liệu "Cổng DVC"'], /^(?:\r?\n)? +- done: 2023-03-06(\r?\n) +period: 2023-02\1 +note: 'Chậm: chờ số liệu "Cổng DVC"'(?:\1)?$/],
  [['trigger', 'I.1', '--date', '2023-04-03', '--ref', '1050/UBND-NC'], /records:(\r?\n) +- trigger: 2023-04-03\1 +ref: 1050\/UBND-NC\1$/],
  [['done', 'I.1', '--date', '2023-05-15'], /^ +- done: 2023-05-15(\r?\n) +period: 2023-04-03\1$/],
  [['done', 'II.1', '--date', '2023-02-10'], /records:(\r?\n) +- done: 2023-02-10\1$/],
  [['done', 'II.1', '--date', '2023-02-13'], /^ +- done: 2023-02-13(\r?\n)$/],
];

describe('only the added lines differ, byte for byte', () => {
  const variants: [string, (s: string) => string, string][] = [
    ['LF', (s) => s, '\n'],
    ['CRLF', (s) => s.replace(/\n/g, '\r\n'), '\r\n'],
    ['BOM', (s) => '\uFEFF' + s, '\n'],
    ['BOM + CRLF', (s) => '\uFEFF' + s.replace(/\n/g, '\r\n'), '\r\n'],
    ['no final line break', (s) => s.replace(/\n+$/, ''), '\n'],
    ['CRLF, no final line break', (s) => s.replace(/\n+$/, '').replace(/\n/g, '\r\n'), '\r\n'],
  ];
  it.each(variants)('%s', async (_name, shape, eol) => {
    writeFileSync(file(), shape(shipped), 'utf8');
    const bom = bytes().subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
    for (const [argv, expected] of STEPS) {
      const before = bytes();
      const r = await run(argv);
      expect(r.err, argv.join(' ')).toBe('');
      expect(r.code).toBe(0);
      const after = bytes();
      const piece = insertion(before, after, eol, true);
      expect(piece, argv.join(' ')).toMatch(expected);
      expect(after.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(bom);
    }
    // The whole run left nothing else behind, and the plan checks clean.
    expect(readdirSync(dir).filter((n) => n !== '.tthc')).toEqual([PLAN]); // .tthc: the undo journal
    const check = await tthc(['check', PLAN], { cwd: dir, now: NOW });
    expect(check.code, check.out).toBe(0);
    const text = bytes().toString('utf8');
    if (eol === '\r\n') expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    if (_name.includes('no final')) expect(text.endsWith('\n')).toBe(false);
  });

  it('a hand-commented plan (4-space indents, dashes at the key column, comments, a flow list)', async () => {
    const original = readFileSync(join(ROOT, 'tests/record/fixtures/hand-commented.yaml'));
    writeFileSync(file(), original);
    const steps: [string[], string, boolean][] = [
      // After the task's trailing comment (it belongs to the task), before the blank line and the next task's comment.
      [['done', 'I.1', '--date', '2023-03-01'], '    records:\n    -   done: 2023-03-01\n', true],
      // Into the flow list, in its own style: the one edit that is a piece of a line.
      [['done', 'I.2', '--period', '2023-02', '--date', '2023-03-01'], ', {done: 2023-03-01, period: 2023-02}', false],
      // After the last item, in its style ("-   done:"); the commented-out record at the dash column belongs to the
      // list, so the new item goes after it, and the section banner at column 0 stays below.
      [['done', 'I.3', '--date', '2023-03-02', '--note', 'Cập nhật: 5 TTHC'], '    -   done: 2023-03-02\n        note: "Cập nhật: 5 TTHC"\n', true],
      [['trigger', 'II.1', '--date', '2023-04-01', '--ref', '12/BC-UBND'], '    records:\n    -   trigger: 2023-04-01\n        ref: 12/BC-UBND\n', true],
      [['done', 'II.1', '--date', '2023-04-05'], '    -   done: 2023-04-05\n        period: 2023-04-01\n', true],
    ];
    for (const [argv, added, wholeLines] of steps) {
      const before = bytes();
      const r = await run(argv);
      expect(r.err, argv.join(' ')).toBe('');
      expect(r.code).toBe(0);
      expect(insertion(before, bytes(), '\n', wholeLines)).toBe(added);
    }
    const text = bytes().toString('utf8');
    // Every comment and blank line of the original is still there, in order.
    const keep = (s: string) => s.split('\n').filter((l) => /^\s*#|#|^\s*$/.test(l));
    expect(keep(text)).toEqual(keep(original.toString('utf8')));
    expect(text).toContain('    # Ask vp for the number once it is signed.\n    records:\n    -   done: 2023-03-01\n\n  # Monthly;');
    expect(text).toContain('    # - done: 2023-02-01  (not yet confirmed)\n    -   done: 2023-03-02\n        note: "Cập nhật: 5 TTHC"\n# ── Section II');
    expect(text).toContain('    # Opens with each complaint.\n    records:\n    -   trigger: 2023-04-01\n');
    expect((await tthc(['check', PLAN], { cwd: dir, now: NOW })).code).toBe(0);
  });
});

describe('the file mode is kept', () => {
  it.skipIf(process.platform === 'win32').each([
    ['0600', 0o600],
    ['0640', 0o640],
    ['0664', 0o664],
    ['0644', 0o644],
  ])('mode %s (skipped on Windows: it has no POSIX file modes)', async (_octal, mode) => {
    writeFileSync(file(), shipped);
    chmodSync(file(), mode);
    const r = await run(['done', 'IX.3', '--date', '2023-07-19']);
    expect(r.code, r.err).toBe(0);
    expect(statSync(file()).mode & 0o7777).toBe(mode);
    expect(readdirSync(dir).filter((n) => n !== '.tthc')).toEqual([PLAN]); // .tthc: the undo journal
  });
});

describe('refusals leave the file byte for byte as it was', () => {
  /** [what, command, exit code, words the message must have] — each run on a plan where I.2 and X.2 2023-01 are done. */
  const REFUSED: [string, string[], number, string[]][] = [
    ['a completion after today', ['done', 'IX.3', '--date', '2023-07-21'], 1, ['after today (20/7/2023)', '21/7/2023']],
    ['a second completion of a single occurrence', ['done', 'I.2', '--date', '2023-03-10'], 1, ['I.2', 'already recorded as done on 9/3/2023']],
    ['a second completion of a period', ['done', 'X.2', '--period', '2023-01', '--date', '2023-02-02'], 1, ['X.2 (2023-01)', 'already recorded as done on 30/1/2023']],
    [
      'a recurring task without --period when several are open',
      ['done', 'X.2', '--date', '2023-07-19'],
      1,
      ['--period', '11 occurrences not done', '2023-02', '2023-06', '2023-07', '2023-12', 'tthc done X.2 --period 2023-02'],
    ],
    ['VIII.1 without --period: the quarters and the year', ['done', 'VIII.1', '--date', '2023-07-19'], 1, ['2023-Q1', '2023-Q4', '2023 ', '--period']],
    ['trigger on a task without a trigger', ['trigger', 'I.2', '--date', '2023-03-01'], 1, ['I.2 has no trigger', 'Trước ngày 10/3/2023', 'tthc done I.2']],
    ['trigger on a continuous task', ['trigger', 'II.1', '--date', '2023-03-01'], 1, ['II.1 has no trigger']],
    ['a period the task does not have', ['done', 'X.2', '--period', '2023-Q1', '--date', '2023-03-01'], 1, ['no period 2023-Q1', '2023-01, 2023-02']],
    ['a period that is no period', ['done', 'X.2', '--period', '2023-13', '--date', '2023-03-01'], 2, ['--period "2023-13" is not a period']],
    ['a trigger day that does not exist', ['done', 'I.1', '--period', '2023-02-30', '--date', '2023-03-01'], 2, ['is not a period']],
    ['trigger on a task that follows another', ['trigger', 'V.2', '--date', '2023-03-01'], 1, ['V.2 has no trigger of its own', 'task V.1', 'tthc done V.1']],
    ['a period on a continuous task', ['done', 'II.1', '--period', '2023-Q1', '--date', '2023-03-01'], 1, ['continuous']],
    ['an event task still waiting for its trigger', ['done', 'I.1', '--date', '2023-03-01'], 1, ['waiting for its trigger', 'tthc trigger I.1']],
    ['a task that follows one not done yet', ['done', 'V.2', '--date', '2023-03-01'], 1, ['V.1']],
    ['a completion before the plan period', ['done', 'IX.3', '--date', '2022-12-30'], 1, ['30/12/2022', 'before the plan period']],
    ['an unknown task id', ['done', 'Z.9', '--date', '2023-03-01'], 2, ['no task Z.9']],
    ['an unknown task id (trigger)', ['trigger', 'XI.1', '--date', '2023-03-01'], 2, ['no task XI.1']],
    ['a day that does not exist', ['done', 'IX.3', '--date', '30/2/2023'], 2, ['--date "30/2/2023"', 'month 2 of 2023 has 28 days']],
    ['a malformed document symbol', ['done', 'IX.3', '--date', '2023-07-01', '--ref', 'BC-UBND'], 2, ['--ref']],
    ['an empty note', ['done', 'IX.3', '--date', '2023-07-01', '--note', ' '], 2, ['--note is empty']],
    ['trigger without --date', ['trigger', 'I.1'], 2, ['--date']],
    ['trigger with --period', ['trigger', 'I.1', '--date', '2023-03-01', '--period', '2023-Q1'], 2, ['--period']],
  ];

  it.each(REFUSED)('%s (%j): exit %i', async (_what, argv, code, words) => {
    writeFileSync(file(), shipped);
    expect((await run(['done', 'I.2', '--date', '2023-03-09'])).code).toBe(0);
    expect((await run(['done', 'X.2', '--period', '2023-01', '--date', '2023-01-30'])).code).toBe(0);
    chmodSync(file(), 0o640);
    const before = bytes();
    const mtime = statSync(file()).mtimeMs;
    const r = await run([...argv, '--lang', 'en']);
    expect(r.code).toBe(code);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^tthc: |error: /);
    for (const w of words) expect(r.err).toContain(w);
    expect(r.err).not.toMatch(/^\s{4}at /m);
    expect(bytes().equals(before)).toBe(true);
    expect(statSync(file()).mtimeMs).toBe(mtime);
    // Windows has no POSIX modes (it reports 0o666 or 0o444), so only elsewhere is the mode kept to check.
    if (process.platform !== 'win32') expect(statSync(file()).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((n) => n !== '.tthc')).toEqual([PLAN]); // .tthc: the undo journal
  });

  it('a plan with errors is refused before anything is written', async () => {
    const broken = shipped.replace('when: Hàng tháng', 'when: Tùy tình hình');
    writeFileSync(file(), broken);
    const r = await run(['done', 'IX.3', '--date', '2023-07-01', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('nothing was recorded');
    expect(r.err).toContain('WHEN_UNKNOWN');
    expect(bytes().toString('utf8')).toBe(broken);
    expect(readdirSync(dir).filter((n) => n !== '.tthc')).toEqual([PLAN]); // .tthc: the undo journal
  });

  it('a missing plan file is a usage error', async () => {
    const r = await tthc(['done', 'IX.3', '--plan', 'nowhere.yaml', '--lang', 'en'], { cwd: dir, now: NOW });
    expect(r.code).toBe(2);
    expect(r.err).toContain('nowhere.yaml: no such file');
  });
});
