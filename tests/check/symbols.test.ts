// Document symbols (số, ký hiệu): the types of Nghị định 30/2020/NĐ-CP, công văn without a type, and the symbol each malformed one was meant to be.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSymbol } from '../../src/model/symbols.js';
import { checkJson, readText, scratchDir } from './helpers.js';
import { sayFinding } from '../../src/messages/findings-say.js';

/** The reason a finding gives (in English), which is the reason a refusal of --ref quotes. */
function saidReason(s: string): string | undefined {
  const p = parseSymbol(s);
  return p.ok ? undefined : sayFinding('en', p.said);
}

describe('well-formed symbols stay valid', () => {
  it.each([
    '45/QĐ-VPCP',
    '500/KH-UBND',
    '1085/QĐ-TTg',
    '123/BC-UBND',
    '12/HD-UBND', // hướng dẫn: HD is a type as it is
    '3/DA-UBND', // dự án, beside ĐA (đề án)
    '7/QyĐ-UBND',
    '2/CTr-UBND',
    '9/TTr-VP',
    '107/2021/NĐ-CP',
    '01/2020/TT-VPCP',
    '15/2023/QĐ-UBND',
    '12/2015/TTLT-BTC-BNV',
    '59/2020/QH14', // a law: the National Assembly and its term, no type
    // Công văn: ISSUER-UNIT, no type.
    '1050/UBND-NC',
    '5990/VPCP-KSTT',
    '5/TTg-KSTT',
    '180/VP-UBND', // the office of the People's Committee
    '123/STP-VP',
    '123/CAT-PV01', // công an tỉnh, one letter off CT (chỉ thị), is an issuer
    // The Party's documents: NUMBER-TYPE/ISSUER.
    '02-KH/BCĐTW',
    '57-NQ/TW',
    '15-CT/TU',
    '126-KL/TW',
  ])('%s', (s) => {
    expect(parseSymbol(s)).toMatchObject({ ok: true });
  });
});

describe('a type that is not one', () => {
  it.each([
    ['45/QD-VPCP', '"QD" is not a document type; QĐ is (quyết định)', '45/QĐ-VPCP'],
    ['107/2021/ND-CP', '"ND" is not a document type; NĐ is (nghị định)', '107/2021/NĐ-CP'],
    ['30/CD-UBND', '"CD" is not a document type; CĐ is (công điện)', '30/CĐ-UBND'],
    ['3/QYĐ-UBND', '"QYĐ" is not a document type; QyĐ is (quy định)', '3/QyĐ-UBND'],
    ['12/KHH-UBND', '"KHH" is not a document type; KH is (kế hoạch)', '12/KH-UBND'],
  ])('%s: %s', (s, reason, suggestion) => {
    expect(parseSymbol(s)).toEqual({ ok: false, reason, suggestion, why: expect.anything(), said: expect.anything() });
    expect(saidReason(s)).toBe(reason);
  });

  it('12/XX-UBND: no type is near, so the types are listed, and how a công văn is written', () => {
    const reason =
      '"XX" is not a document type of Nghị định 30/2020/NĐ-CP (QĐ, KH, BC, TB, HD, CT, TTr …; NĐ, TT for legal documents), and a công văn is written ISSUER-UNIT, as 1050/UBND-NC';
    expect(parseSymbol('12/XX-UBND')).toEqual({ ok: false, why: { why: 'notType', type: 'XX' }, reason, said: expect.anything() });
    expect(saidReason('12/XX-UBND')).toBe(reason);
  });

  it('12/2021/XX-CP: a legal document needs a legal type', () => {
    const reason = '"XX" is not the type of a legal document (NĐ, TT, TTLT, QĐ, NQ …)';
    expect(parseSymbol('12/2021/XX-CP')).toEqual({ ok: false, why: { why: 'notLegalType', type: 'XX' }, reason, said: expect.anything() });
    expect(saidReason('12/2021/XX-CP')).toBe(reason);
  });
});

describe('lower case: every part in capitals, and the type as meant', () => {
  it.each([
    ['12/qđ-ubnd', '12/QĐ-UBND'],
    ['12/qd-ubnd', '12/QĐ-UBND'],
    ['12/kh-UBND', '12/KH-UBND'],
    ['45/QĐ-vpcp', '45/QĐ-VPCP'],
    ['1/ttg-kstt', '1/TTg-KSTT'],
    ['3/QyD-UBND', '3/QyĐ-UBND'],
    ['1050/ubnd-nc', '1050/UBND-NC'],
  ])('%s → %s', (s, suggestion) => {
    expect(parseSymbol(s)).toMatchObject({ ok: false, suggestion });
  });
});

describe('in a plan: at the symbol, with the symbol to write', () => {
  let scratch: ReturnType<typeof scratchDir>;
  beforeAll(() => {
    scratch = scratchDir('symbols');
  });
  afterAll(() => scratch.remove());

  it('a basis ref, a citation in prose and a record ref', async () => {
    const text = readText('tests/check/fixtures/VALID.yaml')
      .replace('  year: 2023\n', '  year: 2023\nbases:\n  - text: Nghị định của Chính phủ\n    ref: 107/2021/ND-CP\n    date: 2021-12-06\n    issuer: Chính phủ\n')
      .replace('        when: Thường xuyên', '        when: Theo Quyết định số 12/XX-UBND ngày 10/01/2023 của UBND huyện\n        records:\n          - trigger: 2023-02-01\n            ref: 45/QD-VPCP');
    const path = join(scratch.dir, 'plan.yaml');
    writeFileSync(path, text);
    const { report } = await checkJson(path);
    // Line 13 `    ref: 107/2021/ND-CP` (col 10); line 30 the phrase, "Theo Quyết định số " is 19 characters after col 15;
    // line 33 `            ref: 45/QD-VPCP` (col 18).
    expect(report.diagnostics.map((d) => `${d.code}@${d.line}:${d.col} ${d.hint ?? ''}`)).toEqual([
      'SYMBOL_MALFORMED@13:10 Did you mean 107/2021/NĐ-CP?',
      'SYMBOL_MALFORMED@30:34 Check the symbol against the cited document.',
      'SYMBOL_MALFORMED@33:18 Did you mean 45/QĐ-VPCP?',
    ]);
    expect(report.diagnostics[1]!.message).toContain('"XX" is not a document type of Nghị định 30/2020/NĐ-CP');
  });
});
