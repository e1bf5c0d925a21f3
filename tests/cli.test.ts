// The command line itself: no arguments, unknown commands and options, --help and --version, and where each points the user.
import { describe, expect, it } from 'vitest';
import { tthc } from './due/helpers.js';

describe('usage', () => {
  it('no arguments print the list of commands, exit 0', async () => {
    const r = await tthc([]);
    expect(r.code).toBe(0);
    for (const c of ['check', 'show', 'agencies', 'due', 'status', 'done', 'trigger', 'import', 'ics', 'report', 'schema']) expect(r.out).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
  });

  it('an unknown command is exit 2, suggests the nearest and points at the list of commands', async () => {
    const vi = await tthc(['dne', 'IX.3']);
    expect(vi.code).toBe(2);
    expect(vi.err).toBe('tthc: không có lệnh "dne"\n(Có phải ý bạn là một trong: done, due?)\nXem `tthc --help` để biết các lệnh.\n');
    const r = await tthc(['dne', 'IX.3'], { env: { TTHC_LANG: 'en' } });
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown command 'dne'");
    expect(r.err).toContain('(Did you mean one of done, due?)');
    expect(r.err).toContain('Run `tthc --help` for the commands.');
    expect(r.err).not.toContain('tthc dne --help');
  });

  it("an unknown option of a known command points at that command's help", async () => {
    const vi = await tthc(['due', '--agnecy', 'vp']);
    expect(vi.code).toBe(2);
    expect(vi.err).toBe('tthc: không có tùy chọn --agnecy cho lệnh due\n(Có phải ý bạn là --agency?)\nXem `tthc due --help` để biết các tùy chọn.\n');
    const r = await tthc(['due', '--agnecy', 'vp', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown option '--agnecy'");
    expect(r.err).toContain('(Did you mean --agency?)');
    expect(r.err).toContain('Run `tthc due --help` for the options.');
  });

  it('--help and --version exit 0', async () => {
    const h = await tthc(['due', '--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('--within');
    const v = await tthc(['--version']);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
