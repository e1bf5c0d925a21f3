// Commander's own usage errors and help speak Vietnamese by default, English with --lang en or TTHC_LANG=en.
import { describe, expect, it } from 'vitest';
import { SHIPPED, tthc } from '../due/helpers.js';

const PLAN = ['--plan', SHIPPED];

describe('usage errors in Vietnamese (the default) and English', () => {
  it.each([
    [['trigger'], 'tthc: thiếu đối số <id> (mã nhiệm vụ, ví dụ I.1) và tùy chọn bắt buộc --date <date>', "error: required option '--date <date>' not specified, and the argument <id> is missing"],
    [['trigger', 'I.1'], 'tthc: thiếu tùy chọn bắt buộc --date <date>', "error: required option '--date <date>' not specified"],
    [['done'], 'tthc: thiếu đối số <id> của lệnh done (mã nhiệm vụ, ví dụ IX.3)', "error: missing required argument 'id'"],
    [['due', '--agency'], 'tthc: tùy chọn -a, --agency <agency> cần một giá trị', "error: option '-a, --agency <agency>' argument missing"],
    [['due', '--agnecy', 'vp'], 'tthc: không có tùy chọn --agnecy cho lệnh due\n(Có phải ý bạn là --agency?)', "error: unknown option '--agnecy'"],
    [['due', '--within', '2', 'tuần'], 'tthc: thừa đối số cho lệnh due: "tuần" (lệnh nhận 0 đối số).', 'error: too many arguments'],
    [['dua'], 'tthc: không có lệnh "dua"\n(Có phải ý bạn là due?)', "error: unknown command 'dua'"],
  ])('%j', async (argv, vi, en) => {
    const v = await tthc([...argv]);
    expect(v.code).toBe(2);
    expect(v.err).toContain(vi);
    expect(v.err).toMatch(/Xem `tthc (\S+ )?--help` để biết các (tùy chọn|lệnh)\.\n$/);
    // No English sentence of commander's in a Vietnamese run.
    expect(v.err).not.toMatch(/error:|missing|unknown|required|too many|Did you mean|Run `/);
    const ways: [string[], Record<string, string>][] = [
      [argv, { TTHC_LANG: 'en' }],
      [[argv[0]!, '--lang', 'en', ...argv.slice(1)], {}],
    ];
    for (const [args, env] of ways) {
      const e = await tthc(args, { env });
      expect(e.code).toBe(2);
      expect(e.err).toContain(en);
      expect(e.err).toMatch(/Run `tthc (\S+ )?--help` for the (options|commands)\.\n$/);
    }
  });

  it('a quoted "2 tuần" is a window of two weeks', async () => {
    const r = await tthc(['due', ...PLAN, '--as-of', '2023-03-01', '--within', '2 tuần', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).within).toBe(14);
    expect(JSON.parse((await tthc(['due', ...PLAN, '--within', '10 ngày', '--format', 'json'])).out).within).toBe(10);
  });
});

describe('help', () => {
  it('has Vietnamese headings by default, English with --lang en', async () => {
    const vi = await tthc(['due', '--help']);
    expect(vi.code).toBe(0);
    for (const w of ['Cách dùng: tthc due [tùy chọn]', 'Tùy chọn:', '-h, --help', 'xem trợ giúp của lệnh', '(mặc định: "table")']) expect(vi.out).toContain(w);
    expect(vi.out).not.toMatch(/Usage:|Options:|display help|\(default:/);
    const en = await tthc(['due', '--help', '--lang', 'en']);
    expect(en.out).toContain('Usage: tthc due [options]');
    expect(en.out).toContain('display help for command');
    const top = await tthc([]);
    expect(top.out).toContain('Lệnh:');
    expect(top.out).toContain('in số phiên bản');
  });
});
