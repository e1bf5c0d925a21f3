// Keeps the README true: every example block is the real output of its command, and the code table is complete.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { CODES } from '../../src/model/diagnostics.js';
import { memoryIo } from '../../src/cli/memory-io.js';

const ROOT = join(import.meta.dirname, '..', '..');
const README = join(ROOT, 'README.md');
/** 10:00 on 20 July 2023 in Vietnam. */
const NOW = new Date('2023-07-20T03:00:00Z');

/** The records behind the manual's examples, added with the real commands. */
export const SETUP = [
  'trigger I.1 --date 2023-03-06 --ref 500/KH-UBND --note "Kế hoạch của UBND tỉnh đã đến"',
  'done I.1 --date 2023-03-20 --ref 38/KH-UBND',
  'done I.2 --date 2023-03-08 --ref 41/KH-UBND',
  'done X.2 --period 2023-01 --date 2023-01-30',
  'done X.2 --period 2023-02 --date 2023-03-02',
  'done X.2 --period 2023-03 --date 2023-03-31',
  'done X.2 --period 2023-04 --date 2023-04-28',
  'done X.2 --period 2023-05 --date 2023-05-31',
  'done VIII.1 --period 2023-Q1 --date 2023-03-14 --ref 25/BC-UBND',
  'done VIII.1 --period 2023-Q2 --date 2023-06-14 --ref 67/BC-UBND',
  'done II.2 --date 2023-05-10 --note "Niêm yết tại Bộ phận Một cửa"',
  'done IX.3 --date 2023-07-18 --ref 123/BC-UBND',
];

/** Splits a command line as a shell would for these simple cases: spaces, and double quotes. */
export function argv(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

async function run(dir: string, line: string): Promise<string> {
  const [cmd, head] = line.split(' | head ');
  const io = memoryIo({ now: () => NOW, cwd: dir, env: { COLUMNS: '100' } });
  const code = await main(argv(cmd!), io);
  let out = io.out + io.err;
  if (head) out = out.split('\n').slice(0, Number(head)).join('\n') + '\n…\n';
  return `$ tthc ${cmd}\n${out}${code ? `(exit ${code})\n` : ''}`;
}

function codesTable(): string {
  const rows = Object.entries(CODES).map(([code, [severity, text]]) => `| \`${code}\` | ${severity} | ${text.replace(/\|/g, '\\|')} |`);
  return ['| code | severity | what it means |', '|---|---|---|', ...rows].join('\n');
}

async function render(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-readme-'));
  mkdirSync(join(dir, 'plans'));
  copyFileSync(join(ROOT, 'plans', 'kon-ray-2023.yaml'), join(dir, 'plans', 'kon-ray-2023.yaml'));
  copyFileSync(join(ROOT, 'plans', 'kon-ray-2023.yaml'), join(dir, 'pristine.yaml'));
  withPlansOfADistrict(dir);
  let setup = '';
  for (const line of SETUP) setup += await run(dir, line);
  let text = readFileSync(README, 'utf8');
  const blocks = [...text.matchAll(/<!-- example: (.+?) -->\n```text\n[\s\S]*?```/g)];
  let out = '';
  let last = 0;
  for (const m of blocks) {
    const line = m[1]!;
    // The check example shows the shipped plan as it is, without the records of the setup.
    const body = line === 'setup' ? setup : line.startsWith('check ') ? await runPristine(dir, line) : await run(dir, line);
    out += text.slice(last, m.index) + `<!-- example: ${line} -->\n\`\`\`text\n${body}\`\`\``;
    last = m.index! + m[0].length;
  }
  text = out + text.slice(last);
  return text.replace(/<!-- codes -->[\s\S]*?<!-- \/codes -->/, `<!-- codes -->\n${codesTable()}\n<!-- /codes -->`);
}

/** A district's plan and two of its communes' (tests/plans/fixtures), for the examples across plans and of coverage. */
function withPlansOfADistrict(dir: string): void {
  cpSync(join(ROOT, 'tests', 'plans', 'fixtures'), join(dir, 'ke-hoach'), { recursive: true });
}

async function runPristine(dir: string, line: string): Promise<string> {
  const clean = mkdtempSync(join(tmpdir(), 'tthc-readme-check-'));
  mkdirSync(join(clean, 'plans'));
  withPlansOfADistrict(clean);
  copyFileSync(join(dir, 'pristine.yaml'), join(clean, 'plans', 'kon-ray-2023.yaml'));
  return run(clean, line);
}

test('README examples are the real output of their commands (UPDATE_README=1 rewrites them)', async () => {
  const fresh = await render();
  if (process.env.UPDATE_README) writeFileSync(README, fresh);
  expect(readFileSync(README, 'utf8')).toBe(fresh);
});

test('README names every diagnostic code and every command', async () => {
  const text = readFileSync(README, 'utf8');
  for (const code of Object.keys(CODES)) expect(text).toContain(`\`${code}\``);
  const io = memoryIo({ now: () => NOW });
  await main(['--help'], io);
  const commands = [...io.out.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
  expect(commands.length).toBeGreaterThan(5);
  for (const c of commands) expect(text).toMatch(new RegExp(`^### .*\`tthc ${c}\``, 'm'));
});
