// The built `tthc` binary checks the shipped plan as the in-process CLI does: exit 0 with the REF_CONFLICT warning.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from '../built.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SHIPPED } from './helpers.js';

beforeAll(() => {
  ensureBuilt();
}, 120_000);

describe('node bin/tthc.js check', () => {
  it('checks the shipped plan: exit 0, the REF_CONFLICT warning, no stack trace', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '100' };
    delete env.GITHUB_ACTIONS;
    delete env.FORCE_COLOR;
    const r = spawnSync(process.execPath, ['bin/tthc.js', 'check', SHIPPED, '--lang', 'en'], { cwd: ROOT, encoding: 'utf8', env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('plans/kon-ray-2023.yaml:219:98: warning[REF_CONFLICT]');
    expect(r.stdout).toMatch(/0 errors, \d+ warnings/);
    expect(r.stdout).not.toMatch(/^\s{4}at /m);
  });
});

describe('the bundle every command loads', () => {
  it('leaves zod, the YAML reader and the Word/Excel writers to the parts loaded on demand', () => {
    // A value imported from src/model/schema.ts into the model once put all of zod into dist/tthc.js (700 KB
    // parsed on every start); the meta file lists what went into each output.
    const meta = JSON.parse(readFileSync(join(ROOT, 'dist/meta.json'), 'utf8')) as { main: { inputs: Record<string, unknown> } };
    const inputs = Object.keys(meta.main.inputs);
    expect(inputs.filter((f) => /node_modules\/(zod|yaml|docx|exceljs|fflate)\//.test(f))).toEqual([]);
    expect(inputs).not.toContain('src/model/schema.ts');
  });
});
