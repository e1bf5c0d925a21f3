// The clock and the process are read only at the edge (cli/, host/, edit/'s writers), never in commands/ or below: a
// rule dependency-cruiser cannot state, since neither is imported.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** The layers that face the machine: they turn the clock and the process into values for the layers below. */
const EDGE = /^src\/(cli|host|edit)\//;

/** What reads the clock or the process: `new Date()` with no day given, Date.now(), process.* (env, cwd, argv …). */
const OUTSIDE_WORLD = [/\bDate\.now\s*\(/, /\bnew Date\s*\(\s*\)/, /\bprocess\s*\.|\bprocess\s*\[/];


function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Each line of `text` that reads the outside world, comments left out. */
function readers(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, ''))
    .filter((l) => OUTSIDE_WORLD.some((re) => re.test(l)))
    .map((l) => l.trim());
}

describe('the clock and the process', () => {
  it('are read only in cli/, host/ and edit/', () => {
    const found: string[] = [];
    for (const file of sources(join(ROOT, 'src'))) {
      const name = relative(ROOT, file).split('\\').join('/');
      if (EDGE.test(name)) continue;
      for (const line of readers(readFileSync(file, 'utf8'))) found.push(`${name}: ${line}`);
    }
    expect(found).toEqual([]);
  });

  it('are not read by commands/, which get the day, the environment and the working folder from their context', () => {
    const commands = sources(join(ROOT, 'src/commands')).map((f) => relative(ROOT, f).split('\\').join('/'));
    expect(commands.length).toBeGreaterThan(10);
    expect(commands.filter((name) => EDGE.test(name))).toEqual([]);
    // A command that reached for the process itself would be found, wherever in commands/ it stood.
    const planted = readers("const cwd = process.cwd();\nconst lang = process.env.TTHC_LANG;\nconst today = new Date();");
    expect(planted).toHaveLength(3);
  });

  it('are found where they are read, and not in comments', () => {
    expect(readers('const t = new Date();\nconst n = Date.now();\nconst e = process.env.X;')).toHaveLength(3);
    expect(readers("const d = new Date(Date.UTC(2023, 0, 1));\n// new Date() here\n * process.env in a doc comment")).toEqual([]);
  });
});
