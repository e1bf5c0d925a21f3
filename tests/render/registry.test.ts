// The registries of renderers: what --help lists, what completion offers and what a run can render are one list per view.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/memory-io.js';
import { makeCtx } from '../../src/commands/context.js';
import { registerAgencies } from '../../src/commands/agencies.js';
import { registerCheck } from '../../src/commands/check.js';
import { registerDiff } from '../../src/commands/diff.js';
import { registerDue } from '../../src/commands/due.js';
import { registerLog } from '../../src/commands/log.js';
import { registerReport } from '../../src/commands/report.js';
import { registerShow } from '../../src/commands/show.js';
import { registerStatus } from '../../src/commands/status.js';
import { formatRegistryOf } from '../../src/commands/spec.js';
import { formatHelp, formatNames, VIEWS } from '../../src/render/registry.js';
import { END_OF_2023, ROOT, SHIPPED, tthc } from '../due/helpers.js';

let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'tthc-registry-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The commands as cli.ts registers them, without running any. */
function commands(): readonly Command[] {
  const ctx = makeCtx(memoryIo({ env: {}, cwd: ROOT, now: () => END_OF_2023, isTTY: false }));
  const program = new Command('tthc').addOption(new Option('--no-color'));
  for (const r of [registerDue, registerStatus, registerShow, registerAgencies, registerCheck, registerLog, registerDiff, registerReport]) r(program, ctx, () => {});
  return program.commands;
}

const VIEW_NAMES = Object.keys(VIEWS) as (keyof typeof VIEWS)[];

/** How to run each view on the shipped plan; the format is added. */
const RUN: Record<keyof typeof VIEWS, string[] | undefined> = {
  due: ['due', '--plan', SHIPPED, '--as-of', '2023-07-20'],
  status: ['status', '--plan', SHIPPED, '--as-of', '2023-07-20'],
  show: ['show', 'X.2', '--plan', SHIPPED, '--as-of', '2023-07-20'],
  agencies: ['agencies', '--plan', SHIPPED],
  check: ['check', SHIPPED],
  // The history of a plan needs a git repository: tests/diff/log.test.ts runs it.
  log: undefined,
  diff: ['diff', SHIPPED, SHIPPED],
  report: ['report', '--plan', SHIPPED, '--as-of', '2023-07-20', '--quarter', '2'],
};

describe('each view has one list of formats', () => {
  it('every command with --format reads a registry, and the registry of its own view', () => {
    const withFormat = commands().filter((c) => c.options.some((o) => o.long === '--format'));
    expect(withFormat.map((c) => c.name()).sort()).toEqual([...VIEW_NAMES].sort());
    for (const c of withFormat) expect(formatRegistryOf(c), c.name()).toBe(VIEWS[c.name() as keyof typeof VIEWS]);
  });

  it.each(VIEW_NAMES)('%s: --help lists exactly the registry', async (view) => {
    const option = commands()
      .find((c) => c.name() === view)!
      .options.find((o) => o.long === '--format')!;
    expect(option.description.startsWith(formatHelp(VIEWS[view]))).toBe(true);
    // The names in the help, in order, are the registry's keys.
    const listed = formatHelp(VIEWS[view]).replace(/ \([^)]*\)/g, '').split(/, | or /);
    expect(listed).toEqual(formatNames(VIEWS[view]));
  });

  it.each(VIEW_NAMES)('%s: completion offers the registry (binary formats once --output is given)', async (view) => {
    const words = async (...w: string[]) => (await tthc(['__complete', '--cur=', view, ...w, '--format'])).out.split('\n').filter(Boolean);
    const all = formatNames(VIEWS[view]);
    expect(await words('--output', 'x')).toEqual(all);
    expect(await words()).toEqual(all.filter((f) => !VIEWS[view][f]!.binary));
  });

  it.each(VIEW_NAMES.filter((v) => RUN[v]))('%s: every format in the registry is rendered, and only those', async (view) => {
    const argv = RUN[view]!;
    for (const format of formatNames(VIEWS[view])) {
      const binary = VIEWS[view][format]!.binary;
      const file = join(out, `${view}.${format}`);
      const r = await tthc([...argv, '--format', format, ...(binary ? ['--output', file] : [])]);
      expect(r.code, `${view} --format ${format}: ${r.err}`).toBeLessThanOrEqual(1);
      if (binary) expect(statSync(file).size).toBeGreaterThan(0);
      else expect(r.out.length, `${view} --format ${format}`).toBeGreaterThan(0);
    }
    const r = await tthc([...argv, '--format', 'pdf', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Use one of: ${formatNames(VIEWS[view]).join(', ')}.`);
    const vi = await tthc([...argv, '--format', 'pdf']);
    expect(vi.code).toBe(2);
    expect(vi.err).toContain(`Dùng một trong: ${formatNames(VIEWS[view]).join(', ')}.`);
  });

  it('no command chooses a renderer itself: a format named in a command would bypass the registry', () => {
    const dir = join(ROOT, 'src/commands');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/format\s*[!=]==\s*'/);
      expect(text, f).not.toMatch(/import\('\.\.\/render\/(xlsx|report-docx)\.js'\)/);
    }
  });
});
