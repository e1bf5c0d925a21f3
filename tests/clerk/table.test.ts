// The clerk's due table: golden at 60, 80, 100 and 132 columns, piped and on a terminal (a real pseudo-terminal too).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';
import { END_OF_2023, expectGolden, lineWidths, recordProgress, ROOT, scratch, tthc } from '../due/helpers.js';

const GOLDEN = join(ROOT, 'tests/clerk/golden');
const ARGS = ['due', '--agency', 'vp', '--as-of', '2023-12-25'];
let dir: string;
let remove: () => void;
let plan: string;
beforeAll(async () => {
  ({ dir, remove } = scratch('clerk-table'));
  plan = await recordProgress(dir);
});
afterAll(() => remove());

/** As the real process sees it: piped, stdout is no terminal and standard error's width is the user's. */
async function run(width: number, tty: boolean, args = ARGS): Promise<string> {
  const io = memoryIo({ env: {}, cwd: dir, now: () => END_OF_2023, isTTY: tty, ...(tty ? { columns: width } : { errColumns: width }) });
  const code = await main([...args, '--plan', plan], io);
  expect(io.err).toBe('');
  expect(code).toBe(0);
  return io.out;
}

describe.each([60, 80, 100, 132])('%i columns', (width) => {
  it.each([
    ['piped', false],
    ['terminal', true],
  ] as const)('%s', async (how, tty) => {
    const out = await run(width, tty);
    expectGolden(join(GOLDEN, `due-vp-${width}.${how}.txt`), out);
    expect(Math.max(...lineWidths(out))).toBeLessThanOrEqual(width);
    // No borders, and no rule between rows.
    expect(out).not.toMatch(/[│┌├─]/);
    if (!tty) expect(out).not.toContain('\u001b[');
  });
});

describe('rows', () => {
  it('groups the occurrences of a recurring task with the same status, and --each lists them one by one', async () => {
    const grouped = await run(132, false);
    expect(grouped).toMatch(/^X\.2 +Tháng 5–11\/2023 · 5 kỳ +31\/5–30\/11\/2023 +trễ nhất 208 ngày +chủ trì +Đẩy mạnh/m);
    expect(grouped.match(/^X\.2 /gm)).toHaveLength(2);
    const each = await run(132, false, [...ARGS, '--each']);
    expect(each.match(/^X\.2 /gm)).toHaveLength(6);
    expect(each).toMatch(/^X\.2 +Tháng 5\/2023 +31\/5\/2023 +trễ 208 ngày /m);
  });

  it('ends with a summary line that counts occurrences', async () => {
    const out = await run(100, false);
    expect(out.trimEnd().split('\n').pop()).toBe('vp: 7 quá hạn · 6 sắp đến hạn');
    const en = await run(100, false, [...ARGS, '--lang', 'en']);
    expect(en.trimEnd().split('\n').pop()).toBe('vp: 7 overdue · 6 due soon');
  });

  it('never breaks an id, a period or a date, even at 60 columns', async () => {
    const out = await run(60, false, ['due', '--as-of', '2023-12-25', '--all']);
    expect(Math.max(...lineWidths(out))).toBeLessThanOrEqual(60);
    for (const token of ['VIII.1', 'Tháng 5–11/2023', '31/12/2023', 'cq-huyen']) expect(out).toContain(token);
    expect(out).not.toMatch(/31\/12\/202\n|Tháng\n/);
  });

  it('JSON and CSV still have one item per occurrence', async () => {
    const r = await tthc([...ARGS, '--plan', plan, '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.out).items.filter((i: { id: string }) => i.id === 'X.2')).toHaveLength(6);
    const csv = await tthc([...ARGS, '--plan', plan, '--format', 'csv'], { cwd: dir });
    expect(csv.out.split('\n').filter((l) => l.startsWith('X.2,'))).toHaveLength(6);
  });
});

// A real pseudo-terminal, through util-linux's script(1): stdout on the terminal, and piped through cat.
const script = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
describe.skipIf(!script || process.platform !== 'linux')('on a real pseudo-terminal (script -qec)', () => {
  const shell = (width: number, pipe: boolean) => {
    const cmd = `stty cols ${width} rows 50; ${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'bin', 'tthc.js'))} ${ARGS.join(' ')} --plan ${plan}${pipe ? ' | cat' : ''}`;
    const r = spawnSync(script!, ['-qec', cmd, '/dev/null'], { cwd: dir, env: { PATH: process.env.PATH, TTHC_NO_CACHE: '1', TERM: 'xterm' }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    return r.stdout.replace(/\r\n/g, '\n');
  };
  it.each([60, 80, 100, 132])('%i columns, on the terminal and piped, as the goldens say', (width) => {
    if (!existsSync(join(ROOT, 'dist/tthc.js'))) return;
    expect(shell(width, false)).toBe(readGolden(width, 'terminal'));
    expect(shell(width, true)).toBe(readGolden(width, 'piped'));
  });
});

function readGolden(width: number, how: string): string {
  return readFileSync(join(GOLDEN, `due-vp-${width}.${how}.txt`), 'utf8');
}
