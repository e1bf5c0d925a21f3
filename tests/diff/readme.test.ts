// Keeps the README's diff and log examples true: each is the real output of its command in a repository built here.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { amend, edit, historyRepo, newRepo, ROOT, tthc } from './helpers.js';

const README = join(ROOT, 'README.md');

/** `amended`: the shipped plan committed, the amendment in the working file; `history`: the five commits of the tests. */
function repo(kind: string): { dir: string } {
  if (kind === 'history') return historyRepo();
  const r = newRepo();
  edit(r.dir, r.file, amend);
  return r;
}

test('README diff and log examples are real output (UPDATE_README=1 rewrites them)', async () => {
  let text = readFileSync(README, 'utf8');
  const blocks = [...text.matchAll(/<!-- history-example: (\w+): (.+?) -->\n```(\w+)\n[\s\S]*?```/g)];
  expect(blocks.length).toBeGreaterThan(2);
  const repos = new Map<string, { dir: string }>();
  let out = '';
  let last = 0;
  for (const m of blocks) {
    const [, kind, line, lang] = m as unknown as [string, string, string, string];
    if (!repos.has(kind)) repos.set(kind, repo(kind));
    const argv = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((x) => x[1] ?? x[2]!);
    const r = await tthc(repos.get(kind)!.dir, argv);
    const body = lang === 'markdown' ? r.out : `$ tthc ${line}\n${r.out}${r.err}${r.code ? `(exit ${r.code})\n` : ''}`;
    out += text.slice(last, m.index) + `<!-- history-example: ${kind}: ${line} -->\n\`\`\`${lang}\n${body}\`\`\``;
    last = m.index! + m[0].length;
  }
  text = out + text.slice(last);
  if (process.env.UPDATE_README) writeFileSync(README, text);
  expect(readFileSync(README, 'utf8')).toBe(text);
});
