// Input `tthc check` must survive: bad bytes, wrong encodings, truncated and huge files, alias bombs; each gives a located, readable error and never a stack trace.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showPath } from '../../src/host/paths.js';
import { encodeTcvn3, encodeVni, expectNoStackTrace, checkJson, readText, ROOT, run, scratchDir, SHIPPED, where } from './helpers.js';

const BASE = readText('tests/check/fixtures/VALID.yaml');
const PLAN = readText(SHIPPED);

let scratch: ReturnType<typeof scratchDir>;
/** Writes `bytes` to a scratch file and returns its path. */
function file(name: string, bytes: string | Uint8Array): string {
  const path = join(scratch.dir, name);
  writeFileSync(path, bytes);
  return path;
}

beforeAll(() => {
  scratch = scratchDir('survival');
});
afterAll(() => scratch.remove());

/** `tthc check PATH` in text form: exit 1, no stack trace, and a finding with `code` (returned with the output). */
async function refused(path: string, code: string): Promise<{ text: string; json: Awaited<ReturnType<typeof checkJson>> }> {
  const r = await run(['check', path]);
  expectNoStackTrace(r);
  expect(r.code).toBe(1);
  expect(r.out).toContain(`error[${code}]`);
  const json = await checkJson(path);
  expect(json.code).toBe(1);
  expect(json.report.diagnostics.map((d) => d.code)).toContain(code);
  return { text: r.out, json };
}

/** Lines of a small plan in Vietnamese, the kind of text an old Word file in a legacy font holds. */
const LEGACY_LINES = [
  '# kế hoạch kiểm soát thủ tục hành chính năm 2023',
  'format: 1',
  'plan:',
  '  issuer: uỷ ban nhân dân huyện kon rẫy',
  '  level: district',
  '  title: thực hiện công tác kiểm soát thủ tục hành chính trên địa bàn huyện năm 2023',
  '  year: 2023',
  'agencies:',
  '  vp:',
  '    name: văn phòng hđnd-ubnd huyện',
  'sections:',
  '  - id: I',
  '    title: công tác chỉ đạo, điều hành',
  '    tasks:',
  '      - id: I.1',
  '        content: kế hoạch rà soát, đánh giá thủ tục hành chính năm 2023',
  '        lead: vp',
  '        output: kế hoạch',
  '        when: thường xuyên',
  '',
].join('\n');

describe('files that are not a plan at all', () => {
  it('an empty file', async () => {
    const { json } = await refused(file('empty.yaml', ''), 'EMPTY_FILE');
    expect(where(json.report)).toEqual(['EMPTY_FILE@1:1']);
  });

  it('a file of only comments and blank lines', async () => {
    const { json } = await refused(file('comments.yaml', '# plan\n\n# to be written\n'), 'EMPTY_FILE');
    expect(where(json.report)).toEqual(['EMPTY_FILE@1:1']);
  });

  it('a YAML list at the top', async () => {
    const { text, json } = await refused(file('list.yaml', '# a list\n- format: 1\n- plan: x\n'), 'NOT_A_MAPPING');
    expect(where(json.report)).toEqual(['NOT_A_MAPPING@2:1']);
    expect(text).toContain('a list');
  });

  it('a scalar at the top', async () => {
    const { text, json } = await refused(file('scalar.yaml', 'Kế hoạch kiểm soát TTHC năm 2023\n'), 'NOT_A_MAPPING');
    expect(where(json.report)).toEqual(['NOT_A_MAPPING@1:1']);
    expect(text).toContain('text');
  });

  it('a bare null at the top is not called empty', async () => {
    const { json } = await refused(file('null.yaml', '# nothing\nnull\n'), 'NOT_A_MAPPING');
    expect(where(json.report)).toEqual(['NOT_A_MAPPING@2:1']);
  });
});

describe('bytes that are not UTF-8', () => {
  it('an invalid UTF-8 byte on line 7 is located and the message names line 7', async () => {
    const lines = BASE.split('\n');
    // Line 7 is "  symbol: KH-UBND"; "KH" becomes "K", a lone 0xC3 (a lead byte with no continuation) and "H".
    const bytes = Buffer.concat([
      Buffer.from(lines.slice(0, 6).join('\n') + '\n  symbol: K'),
      Buffer.from([0xc3]),
      Buffer.from('H-UBND\n' + lines.slice(7).join('\n')),
    ]);
    const { json } = await refused(file('bad-utf8.yaml', bytes), 'ENCODING_INVALID');
    expect(where(json.report)).toEqual(['ENCODING_INVALID@7:12']);
    expect(json.report.diagnostics[0]!.message).toMatch(/\bLine 7\b/);
    expect(json.report.diagnostics[0]!.message).toContain('0xC3');
  });

  it.each([
    ['UTF-16 LE with a BOM', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BASE, 'utf16le')]), /UTF-16 LE/],
    ['UTF-16 BE with a BOM', () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(BASE, 'utf16le').swap16()]), /UTF-16 BE/],
    ['UTF-16 LE without a BOM', () => Buffer.from(BASE, 'utf16le'), /UTF-16 LE/],
    ['UTF-16 BE without a BOM', () => Buffer.from(BASE, 'utf16le').swap16(), /UTF-16 BE/],
    [
      'UTF-16 LE without a BOM, starting with Vietnamese',
      () => Buffer.from('Đơn vị: ' + BASE, 'utf16le'),
      /UTF-16 LE/,
    ],
  ])('%s', async (name, make, said) => {
    const { text, json } = await refused(file(`${name.replace(/\W+/g, '-')}.yaml`, make()), 'ENCODING_UTF16');
    expect(where(json.report)).toEqual(['ENCODING_UTF16@1:1']);
    expect(json.report.diagnostics[0]!.message).toMatch(said);
    expect(text).toContain('UTF-8');
  });

  it('NUL bytes (a file damaged by a crash) are refused at the first one', async () => {
    // Line 12 ("  vp:") and what follows turned to zeros.
    const cut = BASE.indexOf('  vp:');
    const bytes = Buffer.concat([Buffer.from(BASE.slice(0, cut)), Buffer.alloc(64)]);
    const { json } = await refused(file('nul.yaml', bytes), 'NUL_BYTE');
    expect(where(json.report)).toEqual(['NUL_BYTE@12:1']);
  });

  it('a plan typed in TCVN3 (ABC) is named as such, with Unikey in the hint', async () => {
    const bytes = encodeTcvn3(LEGACY_LINES);
    // Spot-check the table: "ế" is 0xD5, "ạ" 0xB9, "ư" 0xAD, "đ" 0xAE, "ỷ" 0xFB.
    expect([...encodeTcvn3('ếạưđỷ')]).toEqual([0xd5, 0xb9, 0xad, 0xae, 0xfb]);
    const { text, json } = await refused(file('tcvn3.yaml', bytes), 'ENCODING_LEGACY');
    // Line 1 is "# kế …": "ế" is its 4th character.
    expect(where(json.report)).toEqual(['ENCODING_LEGACY@1:4']);
    const d = json.report.diagnostics[0]!;
    expect(d.message).toContain('TCVN3');
    expect(d.message).not.toContain('VNI');
    expect(d.hint).toContain('Unikey');
    expect(text).toContain('Unikey');
  });

  it('a plan typed in VNI Windows is named as such, with Unikey in the hint', async () => {
    const bytes = encodeVni(LEGACY_LINES);
    // Spot-check: "Việt Nam" is the classic "Vieät Nam", "người" is "ngöôøi", "đ" is "ñ".
    expect(Buffer.from(encodeVni('Việt Nam người đ')).toString('latin1')).toBe('Vieät Nam ngöôøi ñ');
    const { json } = await refused(file('vni.yaml', bytes), 'ENCODING_LEGACY');
    // Line 1 is "# keá …": the tone byte "á" after "ke" is the 5th character.
    expect(where(json.report)).toEqual(['ENCODING_LEGACY@1:5']);
    const d = json.report.diagnostics[0]!;
    expect(d.message).toContain('VNI');
    expect(d.message).not.toContain('TCVN3');
    expect(d.hint).toContain('Unikey');
  });

  it('TCVN3 text that was already converted byte for byte to UTF-8 (opened as Latin-1, saved as UTF-8) is named too', async () => {
    const garbled = Buffer.from(encodeTcvn3(LEGACY_LINES)).toString('latin1');
    const { json } = await refused(file('tcvn3-as-utf8.yaml', garbled), 'ENCODING_LEGACY');
    expect(json.report.diagnostics[0]!.message).toContain('TCVN3');
    expect(json.report.diagnostics[0]!.hint).toContain('Unikey');
  });

  it('a UTF-8 plan with a single stray byte is not mistaken for a legacy encoding', async () => {
    const bytes = Buffer.concat([Buffer.from(PLAN.slice(0, 2000)), Buffer.from([0xa9]), Buffer.from(PLAN.slice(2000))]);
    const { json } = await refused(file('stray.yaml', bytes), 'ENCODING_INVALID');
    expect(json.report.diagnostics).toHaveLength(1);
  });
});

describe('truncated files', () => {
  it('cut in the middle of a quoted string: the finding is on the line where the quote opens', async () => {
    // Line 27 of the shipped plan is `intro: "UBND huyện Kon Rẫy ban hành …`; cut after 30 characters of it.
    const cut = PLAN.indexOf('intro: "') + 30;
    expect(PLAN.slice(0, cut).split('\n')).toHaveLength(27);
    const { text, json } = await refused(file('cut-quote.yaml', PLAN.slice(0, cut)), 'YAML_SYNTAX');
    expect(where(json.report)).toEqual(['YAML_SYNTAX@27:8']);
    expect(text).toContain('never closed');
  });

  it('cut in the middle of a mapping key: the finding is on the last line', async () => {
    // Cut inside "  level: district" on line 9, leaving "  le".
    const cut = PLAN.indexOf('  level: district') + 4;
    const { json } = await refused(file('cut-key.yaml', PLAN.slice(0, cut)), 'YAML_SYNTAX');
    expect(where(json.report)).toEqual(['YAML_SYNTAX@9:3']);
    expect(json.report.diagnostics[0]!.message).toContain('`le`');
  });

  it('cut in the middle of a [ … ] list: the finding is at its opening bracket', async () => {
    const task = PLAN.indexOf('      - id: I.2');
    const cut = PLAN.indexOf('support: [cq-huyen, ubnd-', task) + 'support: [cq-huyen, ubnd-'.length;
    const line = PLAN.slice(0, cut).split('\n').length;
    const { json } = await refused(file('cut-list.yaml', PLAN.slice(0, cut)), 'YAML_SYNTAX');
    expect(where(json.report)).toEqual([`YAML_SYNTAX@${line}:18`]);
  });

  it('cut between the keys of a task: what is missing is reported at the task', async () => {
    const task = PLAN.indexOf('      - id: I.2');
    const cut = PLAN.indexOf('        support:', task);
    const line = PLAN.slice(0, task).split('\n').length;
    const { json } = await refused(file('cut-task.yaml', PLAN.slice(0, cut)), 'MISSING_KEY');
    const missing = json.report.diagnostics.filter((d) => d.code === 'MISSING_KEY');
    expect(missing.map((d) => `${d.line}:${d.col}`)).toEqual([`${line}:9`]);
    expect(missing.map((d) => d.message).join(' ')).toMatch(/`when`/);
    // The agencies task I.2 would have named are not called unused: the task was left out, not absent.
    expect(json.report.diagnostics.map((d) => d.code)).not.toContain('AGENCY_UNUSED');
  });
});

describe('huge and hostile files', () => {
  it('a 30 MB file is refused at once as TOO_LARGE', async () => {
    const path = file('huge.yaml', Buffer.alloc(30 * 1024 * 1024, '# padding\n'));
    const { json } = await refused(path, 'TOO_LARGE');
    expect(where(json.report)).toEqual(['TOO_LARGE@1:1']);
  }, 20_000);

  it('a 5 MB plan with thousands of tasks is checked in bounded time and memory', async () => {
    const parts = [BASE.slice(0, BASE.indexOf('sections:')), 'sections:\n'];
    let size = 0;
    let tasks = 0;
    for (let s = 1; size < 5 * 1024 * 1024; s++) {
      const id = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][(s - 1) % 10]!;
      if (s > 10) break;
      parts.push(`  - id: ${id}\n    title: Phần ${id} của kế hoạch kiểm soát thủ tục hành chính\n    tasks:\n`);
      for (let row = 1; row <= 3000 && size < 5 * 1024 * 1024; row++) {
        const t =
          `      - id: ${id}.${row}\n` +
          `        content: Rà soát, đánh giá thủ tục hành chính thuộc lĩnh vực số ${row} của phần ${id} trên địa bàn huyện\n` +
          `        lead: vp\n        support: [noi-vu]\n        output: Báo cáo kết quả rà soát\n        when: Thường xuyên\n`;
        parts.push(t);
        size += Buffer.byteLength(t);
        tasks++;
      }
    }
    const path = file('big.yaml', parts.join(''));
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const r = await run(['check', path, '--format', 'json']);
    const ms = performance.now() - t0;
    const heapMb = (process.memoryUsage().heapUsed - before) / 1048576;
    // Measured, not asserted: about 2 s and a few hundred MB of short-lived heap on a laptop.
    console.log(`5 MB plan, ${tasks} tasks: ${ms.toFixed(0)} ms, heap +${heapMb.toFixed(0)} MB after the run`);
    expectNoStackTrace(r);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).errors).toBe(0);
  }, 120_000);

  it('an alias bomb (billion laughs) is refused quickly with YAML_ALIAS, without expanding it', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    let prev = 'a';
    for (const n of 'bcdefghi') {
      lines.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]`);
      prev = n;
    }
    const { json } = await refused(file('bomb.yaml', lines.join('\n') + '\n'), 'YAML_ALIAS');
    const aliases = json.report.diagnostics.filter((d) => d.code === 'YAML_ALIAS');
    // Ten listed one by one, then one line for the rest; the first is the anchor &a at 1:4.
    expect(aliases).toHaveLength(11);
    expect(`${aliases[0]!.line}:${aliases[0]!.col}`).toBe('1:4');
    expect(aliases[10]!.message).toMatch(/^\d+ more/);
  }, 10_000);
});

describe('deeply nested input', () => {
  it('lists nested a hundred thousand deep are refused as unreadable, not with a stack overflow', async () => {
    const { json } = await refused(file('deep-flow.yaml', `sections: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`), 'YAML_SYNTAX');
    expect(json.report.diagnostics[0]!.message).toContain('nested too deeply');
  }, 20_000);

  it('mappings indented two thousand levels deep', async () => {
    const text = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + '\n';
    const { json } = await refused(file('deep-block.yaml', text), 'YAML_SYNTAX');
    expect(json.report.diagnostics).toHaveLength(1);
  }, 20_000);
});

describe('CRLF, a byte-order mark and NFD text mean the same as the plain file', () => {
  const variants: [string, (s: string) => string | Buffer][] = [
    ['CRLF line endings', (s) => s.replace(/\n/g, '\r\n')],
    ['a UTF-8 byte-order mark', (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)])],
    ['NFD (decomposed) text', (s) => s.normalize('NFD')],
    ['all three at once', (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s.normalize('NFD').replace(/\n/g, '\r\n'))])],
  ];

  it.each(variants)('the shipped plan with %s', async (name, transform) => {
    const plain = await checkJson(SHIPPED);
    const path = file(`variant-${name.replace(/\W+/g, '-')}.yaml`, transform(PLAN));
    const variant = await checkJson(path);
    expect(where(variant.report)).toEqual(where(plain.report));
    expect(variant.report.diagnostics.map((d) => d.message)).toEqual(plain.report.diagnostics.map((d) => d.message));
    expect(variant.code).toBe(plain.code);
    // And the text report shows the same excerpts (no stray \r, no split accents).
    const a = await run(['check', SHIPPED]);
    const b = await run(['check', path]);
    // The scratch path as tthc shows it (relative where that is shorter: ../x when the scratch folder is next to
    // the checkout), and in either spelling: Windows shows it with backslashes.
    const shown = showPath(path, ROOT);
    expect(b.out.replaceAll(shown, SHIPPED).replaceAll(path, SHIPPED).replaceAll(path.replace(/\\/g, '/'), SHIPPED)).toBe(a.out);
  });
});

describe('usage errors (exit 2)', () => {
  it('a missing file', async () => {
    const r = await run(['check', join(scratch.dir, 'no-such-plan.yaml'), '--lang', 'en']);
    expectNoStackTrace(r);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no such file');
    expect(r.out).toBe('');
  });

  it('a directory', async () => {
    const dir = join(scratch.dir, 'a-folder.yaml');
    mkdirSync(dir, { recursive: true });
    const r = await run(['check', dir]);
    expectNoStackTrace(r);
    expect(r.code).toBe(2);
    expect(r.err).toContain('folder');
  });

  it('a missing file among good ones: the others are still reported, then the usage error, exit 2', async () => {
    const r = await run(['check', SHIPPED, join(scratch.dir, 'missing.yaml')]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('warning[REF_CONFLICT]');
    expect(r.err).toMatch(/^tthc: .*missing\.yaml/);
  });

  it('two missing files: both are named, exit 2', async () => {
    const r = await run(['check', join(scratch.dir, 'gone-1.yaml'), join(scratch.dir, 'gone-2.yaml')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('gone-1.yaml');
    expect(r.err).toContain('gone-2.yaml');
  });
});
