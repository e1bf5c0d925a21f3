// The built bundle's files: no module in two of them, and a run reads only the files of its language and its needs
// (messages of one language, help texts for help and usage errors only, check's findings where findings are printed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../built.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SHIPPED } from './helpers.js';

let dir: string;
let spy: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'tthc-chunks-'));
  // Loaded before bin/tthc.js: notes every file of dist/ the run reads, whichever loader reads it (Node's require or
  // the code cache's), and writes the list where the test finds it.
  spy = join(dir, 'spy.cjs');
  writeFileSync(
    spy,
    `const fs = require('node:fs'); const path = require('node:path');
    const dist = path.join(${JSON.stringify(ROOT)}, 'dist') + path.sep; const seen = new Set(); const read = fs.readFileSync;
    fs.readFileSync = function (p, ...rest) { if (typeof p === 'string' && p.startsWith(dist) && p.endsWith('.js')) seen.add(path.basename(p)); return read.call(this, p, ...rest); };
    process.on('exit', () => fs.writeFileSync(process.env.TTHC_TEST_SEEN, [...seen].sort().join('\\n')));`,
  );
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Runs the built tthc and says which files of dist/ it read, with and without the code cache. */
function run(args: string[], env: Record<string, string> = {}, cache = true) {
  const seenFile = join(dir, `seen-${++n}`);
  const cacheDir = join(dir, 'cache');
  mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '100', TTHC_CACHE_DIR: cacheDir, TTHC_TEST_SEEN: seenFile };
  delete e.TTHC_LANG;
  delete e.TTHC_NO_CACHE;
  delete e.GITHUB_ACTIONS;
  if (!cache) e.TTHC_NO_CACHE = '1';
  Object.assign(e, env);
  const r = spawnSync(process.execPath, ['-r', spy, 'bin/tthc.js', ...args], { cwd: ROOT, encoding: 'utf8', env: e });
  return { ...r, read: readFileSync(seenFile, 'utf8').split('\n') };
}

describe('the files of the build', () => {
  it('hold each module once', () => {
    const meta = JSON.parse(readFileSync(join(ROOT, 'dist/meta.json'), 'utf8')) as { build: { outputs: Record<string, { inputs: Record<string, unknown> }> } };
    const where = new Map<string, string[]>();
    for (const [out, o] of Object.entries(meta.build.outputs)) for (const input of Object.keys(o.inputs)) where.set(input, [...(where.get(input) ?? []), out]);
    expect([...where].filter(([, outs]) => outs.length > 1)).toEqual([]);
    // Each catalogue is a file of its own, outside what every command loads.
    for (const f of ['messages-vi', 'messages-en', 'help-vi', 'help-en', 'findings-vi', 'findings-en']) expect(existsSync(join(ROOT, 'dist', `${f}.js`)), f).toBe(true);
  });

  it("leave out yaml's per-token lookup of its debugging switch (LOG_TOKENS), and keep the parser itself", () => {
    const files = readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.js'));
    const texts = files.map((f) => readFileSync(join(ROOT, 'dist', f), 'utf8'));
    expect(texts.filter((t) => t.includes('LOG_TOKENS'))).toEqual([]);
    // The parser is still in the build (its message for a stray character), so the test above is not passing on an
    // empty bundle.
    expect(texts.filter((t) => t.includes('Not a YAML token')).length).toBe(1);
  });
});

describe.each([
  { cache: true, name: 'with the code cache' },
  { cache: false, name: 'without it' },
])('a run reads the files it needs, $name', ({ cache }) => {
  const due = ['due', '--agency', 'vp', '--plan', SHIPPED, '--as-of', '2023-07-20'];

  it('Vietnamese: the Vietnamese messages only, no help, no findings', () => {
    run(due, {}, cache);
    const r = run(due, {}, cache);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Quá hạn');
    expect(r.read).toContain('tthc.js');
    expect(r.read).toContain('messages-vi.js');
    expect(r.read.filter((f) => /^(messages-en|help-|findings-)/.test(f))).toEqual([]);
  });

  it('--lang en and TTHC_LANG=en: the English messages only, everything said in English', () => {
    for (const r of [run([...due, '--lang', 'en'], {}, cache), run(due, { TTHC_LANG: 'en' }, cache)]) {
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Overdue');
      expect(r.stdout).not.toContain('Quá hạn');
      expect(r.read).toContain('messages-en.js');
      expect(r.read.filter((f) => /^(messages-vi|help-|findings-)/.test(f))).toEqual([]);
    }
  });

  it('help and usage errors read the help texts of their language', () => {
    const vi = run(['due', '--help'], {}, cache);
    expect(vi.status).toBe(0);
    expect(vi.stdout).toContain('Cách dùng:');
    expect(vi.read).toContain('help-vi.js');
    expect(vi.read).not.toContain('help-en.js');
    const en = run(['due', '--help', '--lang', 'en'], {}, cache);
    expect(en.stdout).toContain('Usage:');
    expect(en.stdout).toContain('vi or en (default: TTHC_LANG, else vi)');
    expect(en.read).toContain('help-en.js');
    expect(en.read.filter((f) => /^(help-vi|messages-vi)/.test(f))).toEqual([]);
    // A missing argument names it with its help text, in English.
    const missing = run(['show', '--lang', 'en', '--plan', SHIPPED, '--bogus'], {}, cache);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("error: unknown option '--bogus'");
    expect(missing.stderr).toContain('tthc show --help');
    expect(missing.read.filter((f) => /-vi\.js$/.test(f))).toEqual([]);
  });

  it("check reads the findings of the run's language, and says them in it", () => {
    const vi = run(['check', SHIPPED], {}, cache);
    expect(vi.status).toBe(0);
    expect(vi.stdout).toContain('cảnh báo[REF_CONFLICT]');
    expect(vi.read).toContain('findings-vi.js');
    expect(vi.read).not.toContain('findings-en.js');
    const en = run(['check', SHIPPED, '--lang', 'en'], {}, cache);
    expect(en.stdout).toContain('warning[REF_CONFLICT]');
    expect(en.read).toContain('findings-en.js');
    expect(en.read.filter((f) => /-vi\.js$/.test(f))).toEqual([]);
  });

  it("tthc import of a PDF: pdfjs-dist, an ES module, is imported whether the importer's file came from the code cache or not", () => {
    for (let i = 0; i < 2; i++) {
      const r = run(['import', 'tests/import/fixtures/commune-parts-2026.pdf', '--lang', 'en'], {}, cache);
      expect(r.stderr).not.toContain('dynamic import');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('# yaml-language-server: $schema=');
    }
  });

  it('a refusal is said in English when English is asked for, in Vietnamese otherwise', () => {
    const en = run(['due', '--plan', 'no-such-plan.yaml', '--lang', 'en'], {}, cache);
    expect(en.status).toBe(2);
    expect(en.stderr).toMatch(/^tthc: .*no-such-plan\.yaml/);
    expect(en.stderr).toContain('hint:');
    expect(en.read.filter((f) => /-vi\.js$/.test(f))).toEqual([]);
    const vi = run(['due', '--plan', 'no-such-plan.yaml'], {}, cache);
    expect(vi.status).toBe(2);
    expect(vi.stderr).toContain('gợi ý:');
    expect(vi.read.filter((f) => /-en\.js$/.test(f))).toEqual([]);
  });
});
