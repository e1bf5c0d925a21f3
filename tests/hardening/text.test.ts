// Text from the plan is data: control characters and bidi overrides are reported by check and never obeyed by an output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRow } from '../../src/render/csv.js';
import { escapeText } from '../../src/render/ics.js';
import { markdownText, outputSafe, terminalText } from '../../src/render/escape.js';
import { expectLocated, planText, put, run, scratch } from './helpers.js';

const ESC = '\u001b';
/** Any control but tab and newline, or a bidi override, raw in an output. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('check reports control characters and bidi overrides (TEXT_CONTROL)', () => {
  it('in a title, an agency name, a note and a key, each located, and shows them escaped', async () => {
    const dir = scratch();
    const text = planText()
      .replace('title: Kế hoạch kiểm soát TTHC năm 2024', 'title: "Kế hoạch\\e]52;c;cm0gLXJmIH4=\\a năm 2024"')
      .replace('name: Phòng Nội vụ', 'name: "Phòng \u202eụv iộN"')
      .replace('when: Trước ngày 1/3/2024', 'when: Trước ngày 1/3/2024\n        records:\n          - done: 2024-02-10\n            note: "xong\\rĐÃ HỦY\\b"')
      .replace('format: 1', `format: 1\n"k${ESC}[2J": 1`);
    put(dir, 'plan.yaml', text);
    const r = await run(['check', 'plan.yaml', '--lang', 'en'], dir);
    expectLocated(r);
    expect(r.code).toBe(1);
    const found = r.out.split('\n').filter((l) => l.includes('error[TEXT_CONTROL]'));
    expect(found.map((l) => l.split(': error')[0])).toEqual(['plan.yaml:2:3', 'plan.yaml:9:10', 'plan.yaml:15:18', 'plan.yaml:28:19']);
    expect(r.out).toContain('ESC (a terminal escape sequence), \\x1B');
    expect(r.out).toContain('a bidirectional override or isolate, \\u202E');
    expect(r.out).toContain('a carriage return, \\x0D');
    expect(r.out).not.toMatch(RAW);
    for (const argv of [['due', '--plan', 'plan.yaml'], ['show', 'I.1', '--plan', 'plan.yaml'], ['agencies', '--plan', 'plan.yaml'], ['status', '--plan', 'plan.yaml']]) {
      const o = await run(argv, dir);
      expectLocated(o);
      expect(o.out + o.err).not.toMatch(RAW);
    }
  });

  it('done --note and --ref refuse control characters, and the plan is left as it was', async () => {
    const dir = scratch();
    const file = put(dir, 'plan.yaml', planText());
    for (const flag of ['--note', '--ref']) {
      const r = await run(['done', 'I.1', '--plan', 'plan.yaml', '--date', '2024-02-15', flag, `ok${ESC}[2J\u0007`], dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${flag} chứa ký tự điều khiển (\\x1B)`);
    }
    expect(readFileSync(file, 'utf8')).toBe(planText());
  });
});

describe('no output obeys the text', () => {
  it('a key or a file name with "\\n::error file=…::" cannot forge a workflow command in --format github', async () => {
    const dir = scratch();
    put(dir, 'plan.yaml', planText().replace('format: 1', 'format: 1\n"x\\n::error file=README.md,line=1::forged": 1'));
    const names = ['plan.yaml'];
    if (process.platform !== 'win32') {
      const odd = 'odd\n::error file=a.md::forged.yaml';
      put(dir, odd, planText().replace('support: noi-vu', 'support: ma'));
      names.push(odd);
    }
    const r = await run(['check', ...names, '--format', 'github'], dir);
    expectLocated(r);
    const commands = r.out.split('\n').filter((l) => l.startsWith('::'));
    expect(commands.length).toBeGreaterThan(1);
    for (const l of commands) expect(l).toMatch(/^::(error|warning|notice) file=[^:,\n]*,line=\d+,col=\d+,title=[A-Z_]+::/);
    expect(commands.some((l) => l.includes('forged') && l.startsWith('::error file=README'))).toBe(false);
    expect(r.out).toContain('x\\n::error file=README.md,line=1::forged');
  });

  it('Markdown of show and agencies keeps HTML, links and headings inert', async () => {
    const dir = scratch();
    put(
      dir,
      'plan.yaml',
      planText()
        .replace('content: Kế hoạch hoạt động kiểm soát TTHC năm 2024', 'content: "Kế hoạch <img src=x onerror=alert(1)> [bấm](javascript:alert(1))\\n# Tiêu đề giả"')
        .replace('name: Phòng Nội vụ', 'name: "Phòng <script>alert(1)</script> | [x](javascript:y)"'),
    );
    const show = await run(['show', 'I.1', '--plan', 'plan.yaml', '--format', 'md'], dir);
    const agencies = await run(['agencies', '--plan', 'plan.yaml', '--format', 'md'], dir);
    for (const r of [show, agencies]) {
      expectLocated(r);
      expect(r.code).toBe(0);
      expect(r.out).not.toMatch(/<img|<script|(?<!\\)\]\(javascript/);
      expect(r.out).not.toMatch(/^#/m);
    }
    expect(show.out).toContain('&lt;img src=x onerror=alert(1)&gt; \\[bấm\\](javascript:alert(1)) # Tiêu đề giả');
    expect(agencies.out).toContain('Phòng &lt;script&gt;alert(1)&lt;/script&gt; \\| \\[x\\](javascript:y)');
  });

  it('iCalendar and CSV carry no forbidden control, the terminal sees each one escaped', () => {
    const hostile = `a${ESC}[2J${ESC}]8;;http://x${ESC}\\\u0007\u0000\u0008\r\u202eb`;
    expect(escapeText(hostile)).not.toMatch(RAW);
    expect(escapeText(hostile)).toBe('a[2J]8\\;\\;http://x\\\\\\nb');
    expect(csvRow([hostile, 'x'], ',')).not.toMatch(RAW);
    expect(terminalText(hostile)).toBe('a\\x1B[2J\\x1B]8;;http://x\\x1B\\\\x07\\x00\\x08\\x0D\\u202Eb');
    expect(markdownText('a\n# b')).toBe('a # b');
    // The process's own colours pass the last safety net; nothing else does.
    expect(outputSafe(`${ESC}[1mok${ESC}[0m ${ESC}]52;c;x\u0007`)).toBe(`${ESC}[1mok${ESC}[0m \\x1B]52;c;x\\x07`);
  });
});
