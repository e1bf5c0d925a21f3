// The run's options object: read once, flag over TTHC_* over tthc.yaml over the default, and each option checked by one validator.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/model/io.js';
import { memoryIo } from '../../src/cli/memory-io.js';
import { makeCtx } from '../../src/commands/context.js';
import { applyClerkOptions } from '../../src/commands/clerk.js';
import { registerDue } from '../../src/commands/due.js';
import { registerStatus } from '../../src/commands/status.js';
import { registerReport } from '../../src/commands/report.js';
import { registerShow } from '../../src/commands/show.js';
import { registerCheck } from '../../src/commands/check.js';
import { registerRecord } from '../../src/commands/record.js';
import { registerIcs } from '../../src/commands/ics.js';
import type { RunSpec } from '../../src/commands/spec.js';
import { END_OF_2023, ROOT } from '../due/helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tthc-spec-'));
  // The walk up for tthc.yaml stops at a repository's root.
  mkdirSync(join(dir, '.git'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Opts {
  env?: Record<string, string>;
  yaml?: string;
  /** Standard output is a terminal. */
  tty?: boolean;
}

/**
 * The options object of `tthc ARGV`, as the command's action would receive it: the real commands' options and the
 * real reading of them, with every action replaced by one that keeps the spec (no plan is read).
 */
async function specOf(argv: string[], opts: Opts = {}): Promise<RunSpec> {
  rmSync(join(dir, 'tthc.yaml'), { force: true });
  if (opts.yaml !== undefined) writeFileSync(join(dir, 'tthc.yaml'), opts.yaml);
  const io = memoryIo({ env: { COLUMNS: '100', ...opts.env }, cwd: dir, now: () => END_OF_2023, isTTY: opts.tty ?? false });
  const ctx = makeCtx(io);
  const program = new Command('tthc').addOption(new Option('--no-color')).exitOverride();
  for (const r of [registerDue, registerStatus, registerReport, registerShow, registerCheck, registerRecord, registerIcs]) r(program, ctx, () => {});
  applyClerkOptions(program, ctx);
  let spec: RunSpec | undefined;
  for (const c of program.commands) c.exitOverride().action(() => void (spec = ctx.spec));
  await program.parseAsync(argv, { from: 'user' });
  if (!spec) throw new Error('no spec');
  return spec;
}

/** The message of the usage error a run's options give. */
async function refusal(argv: string[], opts: Opts = {}): Promise<string> {
  try {
    await specOf(argv, opts);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error(`${argv.join(' ')}: no usage error`);
}

describe('precedence: flag, then TTHC_*, then tthc.yaml, then the default', () => {
  const cases: { option: string; flag: string[]; env: Record<string, string>; yaml: string; read: (s: RunSpec) => unknown; values: [unknown, unknown, unknown, unknown] }[] = [
    { option: 'lang', flag: ['--lang', 'en'], env: { TTHC_LANG: 'vi' }, yaml: 'lang: en\n', read: (s) => s.lang, values: ['en', 'vi', 'en', 'vi'] },
    { option: 'agency', flag: ['--agency', 'vp'], env: { TTHC_AGENCY: 'tu-phap' }, yaml: 'agency: cong-an\n', read: (s) => s.agency, values: ['vp', 'tu-phap', 'cong-an', undefined] },
    { option: 'within', flag: ['--within', '7'], env: { TTHC_WITHIN: '3w' }, yaml: 'within: 30\n', read: (s) => s.within, values: [7, 21, 30, 14] },
  ];
  it.each(cases)('$option', async ({ flag, env, yaml, read, values }) => {
    // Each level set, and every level below it too: the highest one given wins.
    expect(read(await specOf(['due', ...flag], { env, yaml }))).toEqual(values[0]);
    expect(read(await specOf(['due'], { env, yaml }))).toEqual(values[1]);
    expect(read(await specOf(['due'], { yaml }))).toEqual(values[2]);
    expect(read(await specOf(['due']))).toEqual(values[3]);
  });

  it('--agency all (or "tất cả") sets aside the default agency', async () => {
    expect((await specOf(['due', '--agency', 'all'], { env: { TTHC_AGENCY: 'vp' } })).agency).toBeUndefined();
    expect((await specOf(['due', '--agency', 'tất cả'], { yaml: 'agency: vp\n' })).agency).toBeUndefined();
  });

  it("tthc.yaml's within is the warning window only: a trigger's --within is the document's", async () => {
    expect((await specOf(['report'], { yaml: 'within: 30\n' })).within).toBe(30);
    expect((await specOf(['trigger', 'I.1', '--date', '1/3/2023'], { yaml: 'within: 30\n' })).within).toBe(14);
  });

  it('a bad value from TTHC_* is said as the option it stands for', async () => {
    expect(await refusal(['due'], { env: { TTHC_WITHIN: 'soon' } })).toBe('--within "soon" is not a number of days.');
    expect(await refusal(['status'], { env: { TTHC_LANG: 'fr' } })).toBe('Unknown language "fr".');
  });
});

describe('the options object', () => {
  it('holds every option of the run, read and checked', async () => {
    const s = await specOf(['status', '--as-of', '20/7/2023', '--quarter', 'q3', '--periods', 'reporting', '--by', 'agency', '--role', 'phối hợp', '--sep', ';', '--format', 'csv', '--lang', 'en']);
    expect(s).toMatchObject({ command: 'status', day: '2023-07-20', quarter: 'Q3', periods: 'reporting', by: 'agency', role: 'support', sep: ';', format: 'csv', lang: 'en', width: 100 });
  });

  it('has the defaults where nothing is given: today in Vietnam, the view\'s first format', async () => {
    const s = await specOf(['due']);
    expect(s).toMatchObject({ day: '2023-12-31', format: 'table', role: 'any', lang: 'vi', within: 14, sep: ',' });
    expect((await specOf(['report'])).format).toBe('html');
  });

  it("check's default format is github under GitHub Actions", async () => {
    expect((await specOf(['check'])).format).toBe('text');
    expect((await specOf(['check'], { env: { GITHUB_ACTIONS: 'true' } })).format).toBe('github');
  });

  it('--today is --as-of; two different days are refused', async () => {
    expect((await specOf(['show', '--today', 'hôm qua'])).day).toBe('2023-12-30');
    expect(await refusal(['due', '--today', '1/3/2023', '--as-of', '2/3/2023'])).toBe('--as-of and --today name different days.');
  });

  it("ics's reminders: each once, earliest first", async () => {
    expect((await specOf(['ics', '--remind', '1d', '--remind', '1w', '--remind', '1', '--remind', '0d'])).remind).toEqual([7, 1, 0]);
    expect(await refusal(['ics', '--remind', 'soon'])).toBe('--remind "soon" is not a number of days before the due day.');
  });

  it('a binary format is refused before any work where it would reach a terminal', async () => {
    expect(await refusal(['report', '--format', 'docx'], { tty: true })).toBe('A Word document is not text: tthc will not write it to the terminal.');
    const s = await specOf(['due', '--format', 'xlsx', '--output', 'x.xlsx'], { tty: true });
    expect(s.binary).toBe('xlsx');
  });

  it("a validator's refusal carries its catalogue words: English in the message, Vietnamese when said in vi", async () => {
    try {
      await specOf(['due', '--as-of', '31/2/2023']);
      throw new Error('no usage error');
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      expect(e.message).toBe('--as-of "31/2/2023": month 2 of 2023 has 28 days.');
      expect(e.say('vi').message).toBe('--as-of "31/2/2023": tháng 2/2023 có 28 ngày.');
    }
  });
});

describe('each option has one validator', () => {
  // The same bad value gives the same words on every command that has the option.
  it.each([
    [['--role', 'boss'], '--role "boss" is not a role.', ['due', 'status', 'report', 'ics']],
    [['--quarter', '5'], '--quarter "5" is not a quarter.', ['status', 'report']],
    [['--periods', 'weeks'], '--periods "weeks" is not a kind of period.', ['status', 'report']],
    [['--within', 'soon'], '--within "soon" is not a number of days.', ['due', 'report']],
    [['--as-of', '31/2/2023'], '--as-of "31/2/2023": month 2 of 2023 has 28 days.', ['due', 'status', 'report', 'show']],
    [['--sep', '|'], '--sep "|" is not a separator.', ['due', 'status']],
    [['--lang', 'fr'], 'Unknown language "fr".', ['due', 'status', 'show']],
    [['--format', 'pdf'], 'Unknown format "pdf".', ['due', 'status', 'report', 'show', 'check']],
  ])('%j', async (flags, message, commands) => {
    for (const c of commands) expect(await refusal([c, ...flags]), c).toBe(message);
  });

  // A second copy of a check would be a second place to keep in step: each message is written once in the source
  // (its English words, in the catalogue).
  it.each([
    'is not a role.',
    'is not a quarter.',
    'is not a half of the year.',
    'is not a kind of period.',
    // tthc.yaml's own check of its line (src/host/config.ts) says "within …" without the dashes.
    '--within "${p.value}" is not a number of days.',
    'is not a separator.',
    'is not a grouping.',
    'is not a width in columns.',
    'Unknown language',
    'Unknown format',
    'name different days.',
    'is not a status it can fail on.',
    ": a role is an agency's part in a task.",
    'is not a number of days before the due day.',
  ])('"%s" is written once in src/', (words) => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith('.ts')) files.push(join(d, e.name));
      }
    };
    walk(join(ROOT, 'src'));
    const count = files.reduce((n, f) => n + readFileSync(f, 'utf8').split(words).length - 1, 0);
    expect(count).toBe(1);
  });
});
