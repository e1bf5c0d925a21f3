// Legacy TCVN3/VNI text pasted into one value of a Unicode plan: found value by value, named, located, and never mistaken in ordinary Vietnamese.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectLegacyText } from '../../src/read/decode.js';
import { checkJson, encodeTcvn3, encodeVni, readText, scratchDir, SHIPPED } from './helpers.js';

const BASE = readText('tests/check/fixtures/VALID.yaml');
/** Vietnamese as a legacy font leaves it once its bytes are read as Latin-1. */
const tcvn3 = (s: string) => Buffer.from(encodeTcvn3(s)).toString('latin1');
const vni = (s: string) => Buffer.from(encodeVni(s)).toString('latin1');

let scratch: ReturnType<typeof scratchDir>;
let n = 0;
beforeAll(() => {
  scratch = scratchDir('legacy-text');
});
afterAll(() => scratch.remove());

async function findings(text: string) {
  const path = join(scratch.dir, `plan-${++n}.yaml`);
  writeFileSync(path, text);
  return checkJson(path);
}

describe('one value in a legacy encoding, in an otherwise Unicode plan', () => {
  it('TCVN3 in a task\'s content: at the value, naming TCVN3 and Unikey\'s converter', async () => {
    expect(tcvn3('Thực hiện công tác kiểm soát')).toBe('Thùc hiÖn c«ng t¸c kiÓm so¸t');
    const { code, report } = await findings(BASE.replace('        content: Kế hoạch hoạt động kiểm soát TTHC năm 2023', '        content: Thùc hiÖn c«ng t¸c kiÓm so¸t'));
    expect(code).toBe(1);
    // Line 21: `        content: ` is 17 characters.
    expect(report.diagnostics.map((d) => `${d.code}@${d.line}:${d.col}`)).toEqual(['ENCODING_LEGACY@21:18']);
    const d = report.diagnostics[0]!;
    expect(d.severity).toBe('error');
    expect(d.message).toBe('This text is Vietnamese typed in the legacy TCVN3 (ABC) font encoding, not Unicode: "Thùc hiÖn c«ng t¸c kiÓm so¸t".');
    expect(d.hint).toBe(
      'Convert it with Unikey\'s converter: copy the text, open Unikey\'s tools (Ctrl+Shift+F6), choose source TCVN3 (ABC) and destination Unicode, tick "Chuyển mã clipboard", press "Chuyển mã", and paste it back here.',
    );
  });

  it('VNI in an agency\'s name: named VNI Windows', async () => {
    expect(vni('Thực hiện')).toBe('Thöïc hieän');
    const { report } = await findings(BASE.replace('    name: Phòng Nội vụ', `    name: ${vni('Phòng Nội vụ')}`));
    // Line 15: `    name: ` is 10 characters.
    expect(report.diagnostics.map((d) => `${d.code}@${d.line}:${d.col}`)).toEqual(['ENCODING_LEGACY@15:11']);
    expect(report.diagnostics[0]!.message).toContain('legacy VNI Windows font encoding');
    expect(report.diagnostics[0]!.hint).toContain('source VNI Windows and destination Unicode');
  });

  it('a legacy phrase inside a Unicode text: at the first word that gives it away', async () => {
    const text = BASE.replace('        content: Kế hoạch hoạt động kiểm soát TTHC năm 2023', `        content: Kế hoạch hoạt động năm 2023 (${tcvn3('thực hiện công tác kiểm soát')})`);
    const { report } = await findings(text);
    // "Kế hoạch hoạt động năm 2023 (thùc " is 34 characters after col 18: "hiÖn" at col 52.
    expect(report.diagnostics.map((d) => `${d.code}@${d.line}:${d.col}`)).toEqual(['ENCODING_LEGACY@21:52']);
    expect(report.diagnostics[0]!.message).toContain('"hiÖn c«ng t¸c kiÓm so¸t)"');
  });

  it('values in a list, a record note and an unknown key are read too; other findings still made', async () => {
    const text = BASE.replace('    name: Phòng Nội vụ', `    name: Phòng Nội vụ\n    aliases: [${tcvn3('Phòng Nội vụ huyện')}]`).replace(
      '        when: Thường xuyên',
      `        when: Thường xuyên\n        ghi-chu: ${vni('Báo cáo')}\n        records:\n          - done: 2023-13-01\n            note: ${tcvn3('đã hoàn thành')}`,
    );
    const { report } = await findings(text);
    expect(report.diagnostics.map((d) => `${d.code}@${d.line}:${d.col}`)).toEqual([
      'ENCODING_LEGACY@16:15',
      'UNKNOWN_KEY@27:9',
      'ENCODING_LEGACY@27:18',
      'DATE_INVALID@29:19',
      'ENCODING_LEGACY@30:19',
    ]);
  });

  it('a plan with many legacy values lists ten, then says how many more from where', async () => {
    const tasks = Array.from({ length: 14 }, (_, i) =>
      [`      - id: I.${i + 2}`, `        content: ${tcvn3('Báo cáo kết quả thực hiện')}`, '        lead: vp', '        output: Báo cáo', '        when: Thường xuyên'].join('\n'),
    );
    const { report } = await findings(`${BASE.trimEnd()}\n${tasks.join('\n')}\n`);
    const legacy = report.diagnostics.filter((d) => d.code === 'ENCODING_LEGACY');
    expect(legacy).toHaveLength(11);
    // Task I.12's content (the eleventh) is at line 26 + 5 × 10 + 1.
    expect(`${legacy[10]!.line}:${legacy[10]!.col}`).toBe('77:18');
    expect(legacy[10]!.message).toBe('4 more values, from here on, are in a legacy font encoding too; they are not listed one by one.');
  });
});

describe('no false alarm on Unicode Vietnamese', () => {
  it('the shipped plan', async () => {
    const { report } = await checkJson(SHIPPED);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('ENCODING_LEGACY');
    expect([report.errors, report.warnings, report.notes]).toEqual([0, 7, 6]);
  });

  it.each([
    'Bộ phận Tiếp nhận và Trả kết quả («Một cửa»)',
    'Diện tích 120 m², nhiệt độ 25°C, tỷ lệ ±5%',
    'Trung tâm VH-TT-DL&TT huyện; Bộ phận TN&TKQ',
    'Đăk Rve, Đắk Tơ Lung, Kon Rẫy',
    '§ 3 · mục 2',
    'Thủ tục hành\u00adchính (gạch nối mềm của Word)',
    'Cà phê của ông Müller', // a foreign name: one such word in Unicode text is not enough
    'hoà, quá, xuân, thuế, khuya, tuỳ',
    'UBND, HĐND, NĐ-CP, QĐ-TTg, TTHC',
  ])('%s', (text) => {
    expect(detectLegacyText(text)).toBeUndefined();
  });

  it('every line of the shipped plan and of the imported document text', () => {
    for (const file of [SHIPPED, 'tests/import/fixtures/kon-ray-2023.txt']) {
      for (const line of readText(file).split('\n')) expect(detectLegacyText(line), line).toBeUndefined();
    }
  });
});

describe('the same lines typed in a legacy font are found, and named right', () => {
  /** Lines with two words of Vietnamese or more, that both legacy encodings can write (TCVN3 has no "Ủ", neither has "–"). */
  const encodable = (l: string) => {
    try {
      return tcvn3(l) !== l && vni(l) !== l;
    } catch {
      return false;
    }
  };
  const lines = readText(SHIPPED)
    .split('\n')
    .filter((l) => (l.match(/[^\x00-\x7f]+/g) ?? []).length >= 2 && encodable(l));

  it('TCVN3', () => {
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) expect(detectLegacyText(tcvn3(line))?.encoding, tcvn3(line)).toBe('TCVN3');
  });

  it('VNI', () => {
    for (const line of lines) expect(detectLegacyText(vni(line))?.encoding, vni(line)).toBe('VNI');
  });
});

describe('the one-pass look at the whole file before any value is read', () => {
  it('a plain Unicode plan has no finding, and legacy text written through double-quoted escapes is still found', async () => {
    expect((await findings(BASE)).report.diagnostics.filter((d) => d.code === 'ENCODING_LEGACY')).toEqual([]);
    // "Thùc hiÖn c«ng t¸c" spelt with \u escapes only: the source text has none of the telltale characters.
    const escaped = [...tcvn3('Thực hiện công tác')].map((ch) => (ch.charCodeAt(0) > 0x7f ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch)).join('');
    const { report } = await findings(BASE.replace('        content: Kế hoạch hoạt động kiểm soát TTHC năm 2023', `        content: "${escaped}"`));
    expect(report.diagnostics.map((d) => d.code)).toContain('ENCODING_LEGACY');
  });
});
