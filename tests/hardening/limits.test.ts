// Bounded time and memory for hostile plans up to the size limit: each example of the hardening issue, in every command.
import { mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wrapLine } from '../../src/render/table.js';
import { tooDeepAt } from '../../src/read/depth.js';
import { expectLocated, planText, put, run, scratch } from './helpers.js';

// Generous for a loaded two-core machine: what is tested is linear against quadratic (these took 10–45 s before).
const FAST = 8_000;

describe('nesting is bounded before the YAML reader sees it', () => {
  it('10 KB of nested flow mappings is refused as too deep in check, due and show (it aborted V8 with exit 134)', async () => {
    const dir = scratch();
    for (const depth of [600, 1300, 2500]) {
      put(dir, 'nest.yaml', `format: 1\nx: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`);
      for (const argv of [['check', 'nest.yaml', '--lang', 'en'], ['due', '--plan', 'nest.yaml', '--lang', 'en'], ['show', 'I.1', '--plan', 'nest.yaml', '--lang', 'en']]) {
        const r = await run(argv, dir);
        expectLocated(r);
        expect(r.code).toBe(1);
        expect(r.out + r.err).toContain('nested too deeply');
        expect(r.ms).toBeLessThan(FAST);
      }
    }
  });

  it('a flow sequence nested a million deep is refused at once, at the line and column where it gets too deep', async () => {
    const dir = scratch();
    put(dir, 'deep.yaml', `format: 1\nx: ${'['.repeat(1_000_000)}\n`);
    const r = await run(['check', 'deep.yaml', '--lang', 'en'], dir);
    expectLocated(r);
    expect(r.out).toMatch(/^deep\.yaml:2:\d+: error\[YAML_SYNTAX\]: The lists or mappings here are nested too deeply/m);
    expect(r.ms).toBeLessThan(FAST);
  });

  it('10 000 lines of unclosed `[` are one finding, read in linear time', async () => {
    const dir = scratch();
    put(dir, 'open.yaml', 'format: 1\n' + 'x: [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z, aa, bb\n'.repeat(10_000));
    const r = await run(['check', 'open.yaml', '--format', 'json'], dir);
    expectLocated(r);
    expect(JSON.parse(r.out).diagnostics).toHaveLength(1);
    expect(r.ms).toBeLessThan(FAST);
  });

  it('6 000 lines of `key: text:` then a dedent are refused before the parser unwinds them by recursion (found by the fuzz test)', async () => {
    const dir = scratch();
    const agencies = '  vp:\n    name: Văn phòng\n  noi-vu:\n' + '    name: Phònu:\n    name:ame: Phònu:\n'.repeat(3_000) + ' ame: Phònu:';
    put(dir, 'compact.yaml', planText({ agencies }));
    for (const argv of [['check', 'compact.yaml'], ['due', '--plan', 'compact.yaml']]) {
      const r = await run(argv, dir);
      expectLocated(r);
      expect(r.code).toBe(1);
      expect(r.ms).toBeLessThan(FAST);
    }
  });

  it('the depth scan counts only real nesting: brackets in plain text, quotes, comments and block texts do not count', () => {
    const text = [
      'a: text with [ and { never closed',
      'b: "quoted [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["',
      "c: 'single [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['",
      'd: 1 # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
      'e: |',
      ...Array.from({ length: 60 }, (_, i) => ' '.repeat(i + 2) + '[{'),
      'f: [[[1]]]',
    ].join('\n');
    expect(tooDeepAt(text)).toBe(-1);
    expect(tooDeepAt('x: ' + '['.repeat(41))).toBe(3 + 39);
    expect(tooDeepAt(Array.from({ length: 60 }, (_, i) => ' '.repeat(i) + 'k:').join('\n'))).toBeGreaterThan(0);
    expect(tooDeepAt('- '.repeat(60) + 'x')).toBeGreaterThan(0);
  });
});

describe('findings are bounded', () => {
  it('32 000 unknown keys take seconds, not half a minute, and are reported as 20 and "… and N more"', async () => {
    const dir = scratch();
    let s = planText();
    for (let i = 0; i < 32_000; i++) s += `k${i}: 1\n`;
    put(dir, 'keys.yaml', s);
    const r = await run(['check', 'keys.yaml', '--format', 'json', '--lang', 'en'], dir);
    expectLocated(r);
    const ds = JSON.parse(r.out).diagnostics as { code: string; message: string; line: number }[];
    const unknown = ds.filter((d) => d.code === 'UNKNOWN_KEY');
    expect(unknown).toHaveLength(21);
    expect(unknown.some((d) => d.message.startsWith('… and 31980 more unknown keys in the plan'))).toBe(true);
    expect(r.out.length).toBeLessThan(20_000);
    expect(r.ms).toBeLessThan(FAST);
  });

  it('a word of 17 000 brackets inside a title is read in linear time (found by the fuzz test: it took seconds)', async () => {
    const dir = scratch();
    put(dir, 'brackets.yaml', planText().replace('title: Kế hoạch kiểm soát TTHC năm 2024', `title: K${'['.repeat(100_000)} năm 2024`));
    const r = await run(['check', 'brackets.yaml'], dir);
    expectLocated(r);
    expect(r.ms).toBeLessThan(FAST);
  });

  it('a timeline phrase with 20 000 "- " is read in linear time (found by the fuzz test: it took twelve seconds)', async () => {
    const dir = scratch();
    put(dir, 'phrase.yaml', planText().replace('when: Trước ngày 1/3/2024', `when: Trước ngày ${'- '.repeat(20_000)}x`));
    const r = await run(['check', 'phrase.yaml'], dir);
    expectLocated(r);
    expect(r.ms).toBeLessThan(FAST);
  });

  it('findings that quote a 20 000-character value are clipped: 300 of them make a report of kilobytes, not megabytes (found by the fuzz test: 4 MB)', async () => {
    const dir = scratch();
    const long = 'x'.repeat(20_000);
    const tasks = Array.from({ length: 300 }, (_, i) => `      - id: I.${i + 1}\n        content: Việc ${i + 1}\n        lead: ${long}${i}\n        output: Báo cáo\n        when: Trước ngày 1/3/2024`).join('\n');
    put(dir, 'long.yaml', planText({ tasks }));
    const r = await run(['check', 'long.yaml', '--format', 'json'], dir);
    expectLocated(r);
    const ds = JSON.parse(r.out).diagnostics as { code: string; message: string; hint?: string }[];
    const unknown = ds.filter((d) => d.code === 'AGENCY_UNKNOWN');
    expect(unknown.length).toBeGreaterThanOrEqual(300);
    for (const d of unknown) {
      expect(d.message.length).toBeLessThanOrEqual(600);
      expect(d.message.endsWith('…')).toBe(true);
    }
    expect(r.out.length).toBeLessThan(600_000);
  });

  it('a key written 20 000 times is found in linear time (the YAML reader compared every pair)', async () => {
    const dir = scratch();
    put(dir, 'dup.yaml', planText() + 'k: 1\n'.repeat(20_000));
    const r = await run(['check', 'dup.yaml', '--lang', 'en'], dir);
    expectLocated(r);
    expect(r.out).toContain('error[DUPLICATE_KEY]: The key `k` appears twice in this mapping.');
    expect(r.ms).toBeLessThan(FAST);
  });
});

describe('only regular files are read', () => {
  it.skipIf(process.platform === 'win32')('check, due and import refuse /dev/zero, /dev/urandom and a named pipe before reading them', async () => {
    const dir = scratch();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    for (const f of ['/dev/zero', '/dev/urandom', 'pipe']) {
      for (const argv of [['check', f, '--lang', 'en'], ['due', '--plan', f, '--lang', 'en'], ['import', f, '--lang', 'en']]) {
        const r = await run(argv, dir);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(f === 'pipe' ? /pipe is a named pipe, not a plan file/ : /is a device, not a plan file/);
      }
    }
  });

  it('a folder is refused as a folder', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'plans.yaml'));
    const r = await run(['check', 'plans.yaml', '--lang', 'en'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('plans.yaml is a folder, not a plan file.');
    expect((await run(['check', 'plans.yaml'], dir)).err).toContain('plans.yaml là thư mục, không phải tệp kế hoạch.');
  });

  it('a file larger than the limit is refused with its real size, without reading it whole', async () => {
    const dir = scratch();
    put(dir, 'big.yaml', Buffer.alloc(9 * 1024 * 1024, 0x61));
    const r = await run(['check', 'big.yaml', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('error[TOO_LARGE]: The file is 9.0 MiB (9,437,184 bytes)');
  });
});

describe('rendering and walks are linear', () => {
  it('wrapping a 1 000 000-character word takes well under a second (it was quadratic)', () => {
    const t = performance.now();
    const lines = wrapLine('x'.repeat(1_000_000), 37);
    expect(performance.now() - t).toBeLessThan(2_000);
    expect(lines).toHaveLength(Math.ceil(1_000_000 / 37));
    expect(lines.every((l) => l.length <= 37)).toBe(true);
    expect(wrapLine('ab cdefgh ij', 4)).toEqual(['ab', 'cdef', 'gh', 'ij']);
  });

  it('a task of one 100 000-character word is listed by due in seconds (it took 30 s)', async () => {
    const dir = scratch();
    const tasks = `      - id: I.1\n        content: ${'ư'.repeat(100_000)}\n        lead: vp\n        output: Kế hoạch\n        when: Trước ngày 1/3/2024`;
    put(dir, 'word.yaml', planText({ tasks }));
    for (const argv of [['due', '--plan', 'word.yaml'], ['status', '--plan', 'word.yaml'], ['show', 'I.1', '--plan', 'word.yaml']]) {
      const r = await run(argv, dir);
      expectLocated(r);
      expect(r.code).toBe(0);
      expect(r.ms).toBeLessThan(FAST);
    }
  });

  it('a chain of 5 000 collectives is walked without exhausting the stack (it exited 70)', async () => {
    const dir = scratch();
    const n = 5_000;
    let agencies = '  vp:\n    name: Văn phòng HĐND-UBND huyện\n';
    for (let i = 0; i < n; i++) agencies += `  c${i}:\n    name: Tập thể ${i}\n    members: [${i + 1 < n ? `c${i + 1}` : 'vp'}]\n`;
    const tasks = '      - id: I.1\n        content: Kế hoạch\n        lead: c0\n        output: Kế hoạch\n        when: Trước ngày 1/3/2024';
    put(dir, 'chain.yaml', planText({ agencies: agencies.trimEnd(), tasks }));
    for (const argv of [['check', 'chain.yaml'], ['due', '--plan', 'chain.yaml', '--agency', 'vp'], ['agencies', '--plan', 'chain.yaml'], ['show', 'I.1', '--plan', 'chain.yaml']]) {
      const r = await run(argv, dir);
      expectLocated(r);
      expect(r.code).toBe(0);
      expect(r.ms).toBeLessThan(FAST * 2);
    }
    // The same chain closed into a loop is one finding.
    put(dir, 'loop.yaml', planText({ agencies: agencies.trimEnd().replace(/members: \[vp\]$/, 'members: [c0]'), tasks }));
    const r = await run(['check', 'loop.yaml', '--format', 'json'], dir);
    expectLocated(r);
    const loops = (JSON.parse(r.out).diagnostics as { code: string }[]).filter((d) => d.code === 'AGENCY_CYCLE');
    expect(loops).toHaveLength(1);
  });

  it('a chain of 5 000 tasks each following the one before is evaluated without exhausting the stack', async () => {
    const dir = scratch();
    let tasks = '';
    for (let i = 1; i <= 5_000; i++) {
      tasks += `      - id: I.${i}\n        content: Việc ${i}\n        lead: vp\n        output: Báo cáo\n        when: Sau khi hoàn thành nhiệm vụ trước\n`;
      tasks += i === 1 ? '        schedule: {kind: deadline, due: 2024-03-01}\n' : `        schedule: {kind: event, follows: I.${i - 1}}\n`;
    }
    put(dir, 'follows.yaml', planText({ tasks: tasks.trimEnd() }));
    for (const argv of [['check', 'follows.yaml'], ['due', '--plan', 'follows.yaml'], ['status', '--plan', 'follows.yaml']]) {
      const r = await run(argv, dir);
      expectLocated(r);
      expect(r.ms).toBeLessThan(FAST * 2);
    }
  });
});

describe('import', () => {
  it.each(['1900', '0000', '9999'])('a document dated %s is refused where the year is written, not exit 70', async (year) => {
    const dir = scratch();
    put(dir, 'doc.txt', `ỦY BAN NHÂN DÂN HUYỆN THỬ\nKẾ HOẠCH\nKiểm soát thủ tục hành chính năm ${year}\n\nPHỤ LỤC\nTT\tNội dung công việc\tCơ quan thực hiện\tCơ quan phối hợp\tKết quả công việc\tThời gian thực hiện\nI\tCông tác chỉ đạo\n1\tKế hoạch\tVăn phòng HĐND-UBND huyện\t\tKế hoạch\tTrước ngày 10/3/${year}\n`);
    const r = await run(['import', 'doc.txt', '--lang', 'en'], dir);
    expectLocated(r);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`doc.txt:3: The text gives the plan year as ${year}; a plan year is between 1990 and 2100.`);
  });
});

describe('messages say what the file says', () => {
  it('`number: []` with a blank date does not print "Kế hoạch số undefined"', async () => {
    const dir = scratch();
    put(dir, 'plan.yaml', planText({ head: '  number: []' }).replace('date: 2024-01-08', 'date: null'));
    const r = await run(['check', 'plan.yaml'], dir);
    expectLocated(r);
    expect(r.out).not.toContain('undefined');
    expect(r.out).toContain('("Kế hoạch số …/KH-UBND ngày …")');
  });

  it('a 400-digit id is reported as written, never as "Infinity"', async () => {
    const dir = scratch();
    const big = '9'.repeat(400);
    put(dir, 'plan.yaml', planText().replace('id: I.1', `id: ${big}`).replace('  - id: I\n', `  - id: 1e400\n`));
    for (const argv of [['check', 'plan.yaml'], ['due', '--plan', 'plan.yaml'], ['show', big, '--plan', 'plan.yaml']]) {
      const r = await run(argv, dir);
      expectLocated(r);
      expect(r.out + r.err).not.toContain('Infinity');
    }
  });
});
