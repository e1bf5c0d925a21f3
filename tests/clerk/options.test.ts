// The options a clerk types: roles in Vietnamese, short options, --today everywhere --as-of is, --width.
import { describe, expect, it } from 'vitest';
import { dueJson, lineWidths, SHIPPED, tthc } from '../due/helpers.js';

const PLAN = ['--plan', SHIPPED];

describe('--role in either language', () => {
  it.each([
    ['chu-tri', 'lead'],
    ['chủ trì', 'lead'],
    ['Chu tri', 'lead'],
    ['lead', 'lead'],
    ['phoi-hop', 'support'],
    ['phối hợp', 'support'],
    ['support', 'support'],
    ['any', 'any'],
  ])('%j is %s', async (value, role) => {
    const view = await dueJson([...PLAN, '--as-of', '2023-07-20', '--agency', 'vp', '--role', value, '--all']);
    expect(view.role).toBe(role);
    if (role !== 'any') expect(view.items.every((i) => i.role === role)).toBe(true);
  });

  it('an unknown role names the accepted ones', async () => {
    const r = await tthc(['due', ...PLAN, '--agency', 'vp', '--role', 'boss', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--role chu-tri (lead), --role phoi-hop (support) or --role any');
  });
});

describe('short options', () => {
  it('-a, -p and -f are --agency, --plan and --format', async () => {
    const long = await tthc(['due', '--agency', 'vp', '--plan', SHIPPED, '--format', 'json', '--as-of', '2023-07-20']);
    const short = await tthc(['due', '-a', 'vp', '-p', SHIPPED, '-f', 'json', '--as-of', '2023-07-20']);
    expect(short.code).toBe(0);
    expect(short.out).toBe(long.out);
    expect(JSON.parse(short.out).agency.id).toBe('vp');
  });

  it('every command lists them in its help, and no short option is taken twice', async () => {
    for (const cmd of ['due', 'status', 'show', 'agencies', 'report', 'ics', 'done', 'import']) {
      const r = await tthc([cmd, '--help']);
      expect(r.code).toBe(0);
      const shorts = [...r.out.matchAll(/^\s+(-[a-zA-Z]),/gm)].map((m) => m[1]);
      expect(new Set(shorts).size, cmd).toBe(shorts.length);
      if (r.out.includes('--plan')) expect(r.out, cmd).toContain('-p, --plan');
    }
  });
});

describe('--today and --as-of', () => {
  it('show takes --today as well as --as-of', async () => {
    const a = await tthc(['show', 'X.2', ...PLAN, '--today', '20/7/2023', '--format', 'json']);
    const b = await tthc(['show', 'X.2', ...PLAN, '--as-of', '2023-07-20', '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });

  it('two different days are refused', async () => {
    const r = await tthc(['show', 'X.2', ...PLAN, '--today', '20/7/2023', '--as-of', '2023-07-21', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--as-of and --today name different days');
    const vi = await tthc(['show', 'X.2', ...PLAN, '--today', '20/7/2023', '--as-of', '2023-07-21']);
    expect(vi.err).toContain('--as-of và --today nêu hai ngày khác nhau');
  });
});

describe('--width', () => {
  it('forces the width of tables, over COLUMNS', async () => {
    const r = await tthc(['due', ...PLAN, '--as-of', '2023-07-20', '--width', '60'], { env: { COLUMNS: '132' } });
    expect(r.code).toBe(0);
    expect(Math.max(...lineWidths(r.out))).toBeLessThanOrEqual(60);
    expect(Math.max(...lineWidths(r.out))).toBeGreaterThan(50);
  });

  it('piped, the width of the terminal standard error shows, else COLUMNS, else 80', async () => {
    const { main } = await import('../../src/cli/cli.js');
    const { memoryIo } = await import('../../src/cli/memory-io.js');
    const widest = async (io: ReturnType<typeof memoryIo>) => {
      await main(['agencies', ...PLAN], io);
      return Math.max(...lineWidths(io.out));
    };
    expect(await widest(memoryIo({ env: {}, isTTY: false, errColumns: 64 }))).toBeLessThanOrEqual(64);
    expect(await widest(memoryIo({ env: { COLUMNS: '132' }, isTTY: false, errColumns: 64 }))).toBeLessThanOrEqual(64);
    expect(await widest(memoryIo({ env: {}, isTTY: false }))).toBeLessThanOrEqual(80);
    expect(await widest(memoryIo({ env: {}, isTTY: false }))).toBeGreaterThan(64);
  });

  it('a width that is no number is a usage error', async () => {
    const r = await tthc(['due', ...PLAN, '--width', 'wide']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--width "wide"');
  });
});

describe('tables never break ids, dates and document numbers where they can fit', () => {
  it('agencies at 80 columns keeps every agency id whole', async () => {
    const r = await tthc(['agencies', ...PLAN], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    const cells = r.out.split('\n').flatMap((l) => l.split('│').map((c) => c.trim()));
    for (const bad of ['cqcm-huye', 'tt-dak-rv', 'xa-dak-ko', 'thanh-tra\n']) expect(cells).not.toContain(bad);
    expect(r.out).toContain('cqcm-huyen,');
  });
});
