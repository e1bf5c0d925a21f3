// `tthc` by name: bin/tthc.js finds dist/ through the link npm link or npm install -g makes to it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../built.js';
import { ROOT, SHIPPED } from '../due/helpers.js';

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'tthc-link-'));
  // As npm link lays it out on Linux and macOS: PREFIX/bin/tthc → the package's bin/tthc.js.
  symlinkSync(join(ROOT, 'bin', 'tthc.js'), join(dir, 'tthc'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = { ...process.env, NO_COLOR: '1', COLUMNS: '100', TTHC_NO_CACHE: '1' };
const args = ['due', '--agency', 'vp', '--plan', join(ROOT, SHIPPED), '--as-of', '2023-07-20'];

describe.skipIf(process.platform === 'win32')('a linked tthc', () => {
  it('runs from its link, even when Node keeps the link as the script path', () => {
    for (const node of [[], ['--preserve-symlinks-main', '--preserve-symlinks']]) {
      const r = spawnSync(process.execPath, [...node, join(dir, 'tthc'), ...args], { cwd: tmpdir(), env, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Văn phòng HĐND-UBND huyện (vp)');
    }
  });

  it('runs by name from the PATH, as the shell starts it (shebang)', () => {
    const r = spawnSync('tthc', args, { cwd: tmpdir(), env: { ...env, PATH: `${dir}:${process.env.PATH}` }, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Văn phòng HĐND-UBND huyện (vp)');
  });
});
