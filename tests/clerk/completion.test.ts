// Shell completion: the printed scripts are valid for their shells, and `tthc __complete` answers from the plan.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tthc } from '../due/helpers.js';

const complete = async (...words: string[]) => {
  const r = await tthc(['__complete', ...words]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return r.out.split('\n').filter(Boolean);
};

describe('tthc __complete', () => {
  it('completes commands, and options of a command', async () => {
    const d = await complete('--cur=d');
    expect(d).toEqual(expect.arrayContaining(['due', 'done']));
    expect(d.every((c) => c.startsWith('d'))).toBe(true);
    expect(await complete('--cur=')).toContain('completion');
    expect(await complete('--cur=--a', 'due')).toEqual(['--agency', '--all', '--as-of']);
    expect(await complete('--cur=-', 'show')).toContain('--today');
  });

  it('completes task ids, agency ids and aliases, and the periods of a task', async () => {
    expect(await complete('--cur=IX.', 'show')).toEqual(['IX.1', 'IX.2', 'IX.3', 'IX.4', 'IX.5', 'IX.6']);
    expect(await complete('--cur=X', 'done')).toEqual(['X.1', 'X.2']);
    const agencies = await complete('--cur=v', 'due', '--agency');
    expect(agencies).toContain('vp');
    expect(agencies).toContain('Văn phòng HĐND và UBND huyện');
    expect(await complete('--cur=tu', 'status', '-a')).toEqual(['tu-phap']);
    expect(await complete('--cur=2023-1', 'done', 'X.2', '--period')).toEqual(['2023-10', '2023-11', '2023-12']);
    expect(await complete('--cur=2023-Q', 'done', 'VIII.1', '--period')).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4']);
  });

  it('completes fixed values, and leaves files to the shell', async () => {
    expect(await complete('--cur=', 'due', '--format')).toEqual(['table', 'json', 'csv', 'md']);
    expect(await complete('--cur=c', 'due', '--role')).toEqual(['chu-tri']);
    expect(await complete('--cur=', 'completion')).toEqual(['bash', 'zsh', 'fish', 'powershell']);
    expect(await complete('--cur=', 'due', '--plan')).toEqual([]);
    expect(await complete('--cur=', 'due', '--output')).toEqual([]);
  });

  it('answers nothing, and no error, where there is no plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-complete-'));
    try {
      const r = await tthc(['__complete', '--cur=', 'show'], { cwd: dir });
      expect([r.code, r.out, r.err]).toEqual([0, '', '']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not listed among the commands', async () => {
    expect((await tthc(['--help'])).out).not.toContain('__complete');
  });
});

describe('tthc completion SHELL', () => {
  it('refuses a shell it does not know', async () => {
    const r = await tthc(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bash, zsh, fish, powershell');
  });

  it.each(['bash', 'zsh', 'fish', 'powershell'])('prints a script for %s that calls tthc __complete', async (shell) => {
    const r = await tthc(['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('tthc __complete "--cur=');
  });

  const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
  const PARSE: [string, string, string[]][] = [
    ['bash', 'bash', ['-n']],
    ['zsh', 'zsh', ['-n']],
    ['fish', 'fish', ['-n']],
    ['powershell', 'pwsh', ['-NoProfile', '-Command', '$e=$null; [System.Management.Automation.Language.Parser]::ParseFile($args[0],[ref]$null,[ref]$e) | Out-Null; if ($e) { exit 1 }']],
  ];
  for (const [shell, exe, flags] of PARSE) {
    // A shell that is not installed here is skipped (and says so): its script is parsed where it is.
    it.skipIf(!has(exe))(`the ${shell} script parses (${exe} ${flags[0]})`, async () => {
      const r = await tthc(['completion', shell]);
      const dir = mkdtempSync(join(tmpdir(), 'tthc-completion-'));
      try {
        const file = join(dir, shell === 'powershell' ? 'c.ps1' : `c.${shell}`);
        writeFileSync(file, r.out);
        const p = spawnSync(exe, [...flags, file], { encoding: 'utf8' });
        expect(p.stderr).toBe('');
        expect(p.status).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

// bash, for real: the script loaded, COMP_WORDS set as bash sets them on Tab, and tthc on the PATH.
describe.skipIf(process.platform === 'win32')('bash completes through the script', () => {
  let bin: string;
  beforeAll(() => {
    bin = mkdtempSync(join(tmpdir(), 'tthc-completion-bin-'));
    writeFileSync(join(bin, 'tthc'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'bin', 'tthc.js'))} "$@"\n`);
    chmodSync(join(bin, 'tthc'), 0o755);
  });
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  it.each([
    ['tthc sh', ['show']],
    ['tthc show IX.', ['IX.1', 'IX.2', 'IX.3', 'IX.4', 'IX.5', 'IX.6']],
    ['tthc due --role p', ['phoi-hop']],
  ])('%j', (line, expected) => {
    if (!existsSync(join(ROOT, 'dist', 'tthc.js'))) return;
    const words = line.split(' ');
    const sh = `eval "$(tthc completion bash)"; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _tthc_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync('bash', ['-c', sh], { cwd: ROOT, encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}`, TTHC_NO_CACHE: '1', HOME: bin } });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(expected);
  });
});

// fish, for real, where it is installed: `complete -C` asks fish what Tab would offer.
describe.skipIf(process.platform === 'win32' || spawnSync('sh', ['-c', 'command -v fish']).status !== 0)('fish completes through the script', () => {
  it('task ids and agency ids', () => {
    const bin = mkdtempSync(join(tmpdir(), 'tthc-completion-fish-'));
    try {
      writeFileSync(join(bin, 'tthc'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'bin', 'tthc.js'))} "$@"\n`);
      chmodSync(join(bin, 'tthc'), 0o755);
      const ask = (line: string) =>
        spawnSync('fish', ['--no-config', '-c', `tthc completion fish | source; complete -C ${JSON.stringify(line)}`], { cwd: ROOT, encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}`, TTHC_NO_CACHE: '1', HOME: bin } }).stdout.split('\n').filter(Boolean);
      expect(ask('tthc show IX.')).toEqual(['IX.1', 'IX.2', 'IX.3', 'IX.4', 'IX.5', 'IX.6']);
      expect(ask('tthc due --agency tu')).toEqual(['tu-phap']);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
