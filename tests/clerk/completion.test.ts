// Shell completion: the printed scripts are valid for their shells, and `tthc __complete` answers from the plan.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

// PowerShell is not installed on Linux CI (Debian has no package), so its script is checked for what it does on Tab:
// the words before the cursor passed unquoted, the word being typed in --cur= without its opening quote, and each
// candidate with a space offered in single quotes (its own quotes doubled). Then `__complete` is asked exactly what
// the script would ask it for a few typed lines, including a quoted plan path with spaces and Vietnamese letters.
describe('PowerShell: the script, and what it asks tthc', () => {
  it('registers a native completer for tthc that passes the words as tthc receives them', async () => {
    const r = await tthc(['completion', 'powershell']);
    expect(r.code).toBe(0);
    const s = r.out;
    expect(s).toContain('Register-ArgumentCompleter -Native -CommandName tthc -ScriptBlock {');
    expect(s).toContain('param($wordToComplete, $commandAst, $cursorPosition)');
    // Only the words that end before the cursor, without `tthc` itself; string constants by their value (unquoted).
    expect(s).toContain('Select-Object -Skip 1');
    expect(s).toContain('$_.Extent.EndOffset -lt $cursorPosition');
    expect(s).toContain('[System.Management.Automation.Language.StringConstantExpressionAst]) { $_.Value }');
    expect(s).toContain(`$cur = $wordToComplete -replace '^[''"]', ''`);
    expect(s).toContain('tthc __complete "--cur=$cur" @before 2>$null');
    expect(s).toContain(`$text = if ($_ -match '\\s') { "'" + ($_ -replace "'", "''") + "'" } else { $_ }`);
    expect(s).toContain("[System.Management.Automation.CompletionResult]::new($text, $_, 'ParameterValue', $_)");
    // Balanced braces and parentheses, and every double-quoted string closed on its line (the PowerShell parser's own
    // check runs where pwsh is installed, above).
    const count = (c: string) => s.split(c).length - 1;
    expect(count('{')).toBe(count('}'));
    expect(count('(')).toBe(count(')'));
    for (const line of s.split('\n').filter((l) => !l.startsWith('#'))) {
      expect(line.replace(/'[^']*'/g, '').split('"').length % 2, line).toBe(1);
    }
  });

  it.each([
    // [the line typed, what the script passes to __complete]
    ['tthc sh', ['--cur=sh']],
    ['tthc show IX.', ['--cur=IX.', 'show']],
    ["tthc due --agency 'tu", ['--cur=tu', 'due', '--agency']],
    ['tthc done VIII.1 --period 2023-Q', ['--cur=2023-Q', 'done', 'VIII.1', '--period']],
  ])('%s', async (_line, args) => {
    const got = await complete(...args);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((c) => c.startsWith(args[0]!.slice('--cur='.length)))).toBe(true);
  });

  it("a plan named in quotes, with spaces and Vietnamese letters, gives that plan's task ids", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-completion-ps-'));
    try {
      mkdirSync(join(dir, 'kế hoạch'));
      copyFileSync(join(ROOT, 'plans', 'kon-ray-2023.yaml'), join(dir, 'kế hoạch', 'kon rẫy.yaml'));
      // tthc show --plan 'kế hoạch/kon rẫy.yaml' IX.<Tab>: the path arrives as one word, without its quotes.
      const plan = join(dir, 'kế hoạch', 'kon rẫy.yaml');
      expect(await complete('--cur=IX.', 'show', '--plan', plan)).toEqual(['IX.1', 'IX.2', 'IX.3', 'IX.4', 'IX.5', 'IX.6']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
