// The layers of src/ hold: dependency-cruiser finds no crossing in the real tree, and names the rule when one is made.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** Runs the project's rules over `src/` of `dir` exactly as `npm run lint:deps` does: its exit code and report. */
function cruise(dir: string): { code: number | null; report: string } {
  const r = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', '.dependency-cruiser.cjs'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, report: r.stdout + r.stderr };
}

const scratch: string[] = [];
afterAll(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

describe('the dependency rules', () => {
  it('pass on the real tree', { timeout: 120_000 }, () => {
    const r = cruise(ROOT);
    expect(r.report).toContain('no dependency violations found');
    expect(r.code).toBe(0);
  });

  it('fail, naming the rule, when a layer imports one above it, a cycle is made or the pipeline reads a file', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-layers-'));
    scratch.push(dir);
    for (const f of ['src', 'tsconfig.json', '.dependency-cruiser.cjs']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
    // The model reaching up into a view; the schema's years importing the schema back; the schedule reading a file.
    appendFileSync(join(dir, 'src/model/text.ts'), "\nexport { dueItems } from '../views/due.js';\n");
    appendFileSync(join(dir, 'src/model/years.ts'), "\nexport { Plan } from './schema.js';\n");
    appendFileSync(join(dir, 'src/schedule/day.ts'), "\nexport { readFileSync } from 'node:fs';\n");
    const r = cruise(dir);
    expect(r.code).not.toBe(0);
    expect(r.report).toContain('error layer-model: src/model/text.ts → src/views/due.ts');
    expect(r.report).toMatch(/error no-cycle: src\/model\/schema\.ts → \s*src\/model\/years\.ts →\s*src\/model\/schema\.ts/);
    expect(r.report).toContain('error machine-only-at-the-edge: src/schedule/day.ts → fs');
  });

  it('fail when a command reads a file, runs a program or asks the OS itself instead of through host/', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-layers-'));
    scratch.push(dir);
    for (const f of ['src', 'tsconfig.json', '.dependency-cruiser.cjs']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
    appendFileSync(join(dir, 'src/commands/due.ts'), "\nimport 'node:fs';\n");
    appendFileSync(join(dir, 'src/commands/log.ts'), "\nexport const spawn = () => import('node:child_process');\n");
    appendFileSync(join(dir, 'src/commands/show.ts'), "\nexport { tmpdir } from 'os';\n");
    const r = cruise(dir);
    expect(r.code).not.toBe(0);
    expect(r.report).toContain('error machine-only-at-the-edge: src/commands/due.ts → fs');
    expect(r.report).toContain('error machine-only-at-the-edge: src/commands/log.ts → child_process');
    expect(r.report).toContain('error machine-only-at-the-edge: src/commands/show.ts → os');
  });
});
