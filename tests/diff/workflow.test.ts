// The workflow's diff step, run as GitHub would (bash -e) with the built binary: each plan's diff in the job summary.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ensureBuilt } from '../built.js';
import { beforeAll, expect, it } from 'vitest';
import { AN, commit, git, historyRepo, ROOT, SHIPPED } from './helpers.js';

beforeAll(() => {
  ensureBuilt();
}, 120_000);

it("the 'plan changes' step writes the Markdown diff of each plan the base had, and names a new one", () => {
  const wf = parse(readFileSync(join(ROOT, '.github/workflows/plans.yml'), 'utf8')) as { jobs: { check: { steps: { name?: string; run?: string }[] } } };
  const script = wf.jobs.check.steps.find((s) => s.name === 'plan changes')!.run!;
  const { dir } = historyRepo();
  const base = git(dir, ['rev-parse', 'HEAD~2']).trim();
  copyFileSync(SHIPPED, join(dir, 'plans', 'xa-tan-lap-2023.yaml'));
  commit(dir, 'plans', 'a second plan', AN, '2023-07-21');
  // `npx tthc …` runs the binary built from this checkout.
  const bin = mkdtempSync(join(tmpdir(), 'tthc-bin-'));
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\nshift\nexec "${process.execPath}" "${join(ROOT, 'bin', 'tthc.js')}" "$@"\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  const summary = join(dir, 'summary.md');
  const r = spawnSync('bash', ['-e', '-c', script], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: `${bin}:${process.env.PATH}`, HOME: dir, BASE: base, GITHUB_STEP_SUMMARY: summary, TTHC_NO_CACHE: '1' },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const md = readFileSync(summary, 'utf8');
  expect(md).toContain(`### Thay đổi của kế hoạch: \`${base}:plans/kon-ray-2023.yaml\` → \`HEAD:plans/kon-ray-2023.yaml\``);
  expect(md).toContain('| VIII.1 | Quý II/2023 | 30/6/2023 | **15/6/2023** |');
  expect(md).toContain('### `plans/xa-tan-lap-2023.yaml`: a new plan');
  expect(r.stdout).toBe(md);
  // A push that opens a branch has no base: the step says so and passes.
  const none = spawnSync('bash', ['-e', '-c', script], { cwd: dir, encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}`, HOME: dir, BASE: '0000000000000000000000000000000000000000', GITHUB_STEP_SUMMARY: summary } });
  expect(none.status).toBe(0);
  expect(none.stdout).toContain('No base commit to compare with');
});
