// tthc.yaml and TTHC_*: found by walking up like git, flags over variables over the file, and the plan chosen by day.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUp, parseConfig } from '../../src/host/config.js';
import { SHIPPED, ROOT, tthc } from '../due/helpers.js';

let repo: string;
beforeAll(() => {
  // A repository with two plans (2023 and 2024) and a folder inside plans/.
  repo = mkdtempSync(join(tmpdir(), 'tthc-config-'));
  mkdirSync(join(repo, '.git'));
  mkdirSync(join(repo, 'plans', 'cu'), { recursive: true });
  const text = readFileSync(join(ROOT, SHIPPED), 'utf8');
  copyFileSync(join(ROOT, SHIPPED), join(repo, 'plans', 'kon-ray-2023.yaml'));
  writeFileSync(join(repo, 'plans', 'kon-ray-2024.yaml'), text.replace(/^ {2}year: 2023/m, '  year: 2024'));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const json = async (argv: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) => {
  const r = await tthc([...argv, '--format', 'json'], { cwd: opts.cwd ?? repo, env: opts.env ?? {} });
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as { plan: { year: number; file: string }; agency: { id: string } | null; within: number; asOf: string };
};

const config = (text: string) => writeFileSync(join(repo, 'tthc.yaml'), text);

describe('the plan, among several in plans/', () => {
  it('is the one whose period holds the day asked about', async () => {
    rmSync(join(repo, 'tthc.yaml'), { force: true });
    expect((await json(['due', '--as-of', '10/3/2023'])).plan.year).toBe(2023);
    expect((await json(['due', '--as-of', '10/3/2024'])).plan.year).toBe(2024);
    // Today (31/12/2023 in these tests) when no day is given.
    expect((await json(['due'])).plan.year).toBe(2023);
  });

  it('is found from any folder inside the repository', async () => {
    const v = await json(['due', '--today', '2024-05-01'], { cwd: join(repo, 'plans', 'cu') });
    expect(v.plan.year).toBe(2024);
    expect(v.plan.file).toBe('../kon-ray-2024.yaml');
    expect((await json(['due', '--as-of', '2023-05-01'], { cwd: join(repo, 'plans') })).plan.file).toBe('kon-ray-2023.yaml');
  });

  it('--plan takes a year', async () => {
    expect((await json(['due', '--plan', '2024'])).plan.year).toBe(2024);
    expect((await json(['due', '-p', '2023', '--as-of', '2024-02-01'])).plan.year).toBe(2023);
  });

  it('a day no plan covers is a usage error that lists the plans and their periods', async () => {
    const r = await tthc(['due', '--as-of', '2025-01-02', '--lang', 'en'], { cwd: repo, env: {} });
    expect(r.code).toBe(2);
    expect(r.err).toContain('No plan in plans/ is for 2/1/2025');
    const vi = await tthc(['due', '--as-of', '2025-01-02'], { cwd: repo, env: {} });
    expect(vi.err).toContain('Không có kế hoạch nào trong plans/ cho 2/1/2025');
    expect(r.err).toContain('plans/kon-ray-2024.yaml (1/1/2024 – 31/12/2024)');
    expect(r.err).toContain('--plan YEAR');
  });

  it('--plan 2030 names a year no plan has', async () => {
    const r = await tthc(['due', '--plan', '2030', '--lang', 'en'], { cwd: repo, env: {} });
    expect(r.code).toBe(2);
    expect(r.err).toContain('is for the year 2030');
  });
});

describe('tthc.yaml', () => {
  it('is found by walking up, and the walk stops at the repository root', () => {
    const outer = mkdtempSync(join(tmpdir(), 'tthc-config-outer-'));
    try {
      writeFileSync(join(outer, 'tthc.yaml'), 'agency: vp\n');
      mkdirSync(join(outer, 'repo', '.git'), { recursive: true });
      mkdirSync(join(outer, 'repo', 'a', 'b'), { recursive: true });
      mkdirSync(join(outer, 'loose', 'c'), { recursive: true });
      expect(findUp(join(outer, 'loose', 'c'), 'tthc.yaml')).toBe(join(outer, 'tthc.yaml'));
      expect(findUp(join(outer, 'repo', 'a', 'b'), 'tthc.yaml')).toBeUndefined();
      writeFileSync(join(outer, 'repo', 'tthc.yaml'), 'agency: tu-phap\n');
      expect(findUp(join(outer, 'repo', 'a', 'b'), 'tthc.yaml')).toBe(join(outer, 'repo', 'tthc.yaml'));
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });

  it('gives the default agency, window and language; TTHC_* override it; flags override both', async () => {
    config('# the office\nagency: vp\nwithin: 3w\nlang: en\n');
    const sub = join(repo, 'plans', 'cu');
    let v = await json(['due', '--as-of', '2023-07-20'], { cwd: sub });
    expect(v.agency?.id).toBe('vp');
    expect(v.within).toBe(21);
    v = await json(['due', '--as-of', '2023-07-20'], { cwd: sub, env: { TTHC_AGENCY: 'tu-phap', TTHC_WITHIN: '5' } });
    expect(v.agency?.id).toBe('tu-phap');
    expect(v.within).toBe(5);
    v = await json(['due', '--as-of', '2023-07-20', '-a', 'ubnd-xa', '--within', '1'], { cwd: sub, env: { TTHC_AGENCY: 'tu-phap', TTHC_WITHIN: '5' } });
    expect(v.agency?.id).toBe('ubnd-xa');
    expect(v.within).toBe(1);
    // --agency all: every agency, over a default one.
    expect((await json(['due', '--as-of', '2023-07-20', '--agency', 'all'], { cwd: sub })).agency).toBeNull();
    // The language of tables.
    const r = await tthc(['due', '--as-of', '2023-07-20'], { cwd: sub, env: {} });
    expect(r.out).toContain('As of: 20/7/2023');
    expect((await tthc(['due', '--as-of', '2023-07-20', '--lang', 'vi'], { cwd: sub, env: {} })).out).toContain('Ngày: 20/7/2023');
  });

  it('names a plan or a year relative to its own folder', async () => {
    config('plan: plans/kon-ray-2024.yaml\n');
    expect((await json(['due'], { cwd: join(repo, 'plans', 'cu') })).plan.year).toBe(2024);
    config('plan: 2024\n');
    expect((await json(['due'], { cwd: join(repo, 'plans', 'cu') })).plan.year).toBe(2024);
    expect((await json(['due'], { cwd: join(repo, 'plans', 'cu'), env: { TTHC_PLAN: '2023' } })).plan.year).toBe(2023);
    expect((await json(['due', '--plan', join(repo, 'plans', 'kon-ray-2023.yaml')], { cwd: repo, env: { TTHC_PLAN: '2024' } })).plan.year).toBe(2023);
    config('plan: plans/missing.yaml\n');
    const r = await tthc(['due', '--lang', 'en'], { cwd: repo, env: {} });
    expect(r.code).toBe(2);
    expect(r.err).toContain('plans/missing.yaml: no such file (the plan named by tthc.yaml:1)');
  });

  it.each([
    ['agency: vp\nwithn: 2w\n', 'tthc.yaml:2: unknown setting "withn"', 'Did you mean "within"?'],
    ['agency: vp\n  plan: x\n', 'tthc.yaml:2:', 'one setting a line'],
    ['lang: fr\n', 'tthc.yaml:1: lang "fr"', 'lang: vi'],
    ['within: soon\n', 'tthc.yaml:1: within "soon"', 'within: 7'],
    ['agency: vp\nagency: tu-phap\n', 'tthc.yaml:2: agency is set twice (first on line 1)', 'Keep one'],
    ['agency:\n', 'tthc.yaml:1: agency has no value', 'after the colon'],
    ['just words\n', 'tthc.yaml:1: "just words" is not a "key: value" line', 'agency: vp'],
  ])('a bad file (%j) is a located usage error', async (text, message, hint) => {
    config(text);
    const r = await tthc(['due', '--lang', 'en'], { cwd: join(repo, 'plans'), env: {} });
    expect(r.code).toBe(2);
    expect(r.err).toContain(`../${message}`);
    expect(r.err).toContain(hint);
  });

  it('reads quotes, comments and a byte-order mark', () => {
    expect(parseConfig('\uFEFFagency: "van phong" # ours\nplan: \'plans/a b.yaml\'\n', 'tthc.yaml')).toEqual({
      agency: { value: 'van phong', line: 1 },
      plan: { value: 'plans/a b.yaml', line: 2 },
    });
  });

  it('tthc config says where each setting comes from', async () => {
    config('agency: vp\nwithin: 2w\n');
    const r = await tthc(['config'], { cwd: join(repo, 'plans'), env: { TTHC_LANG: 'en' } });
    expect(r.code).toBe(0);
    expect(r.out).toContain('tthc.yaml: ../tthc.yaml');
    expect(r.out).toContain('agency: vp   ← ../tthc.yaml:1');
    expect(r.out).toContain('lang:   en   ← TTHC_LANG');
    expect(r.out).toContain('within: 2w   ← ../tthc.yaml:2');
    expect(r.out).toContain('plan:   kon-ray-2023.yaml');
  });
});
