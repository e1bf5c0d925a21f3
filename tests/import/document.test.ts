// The text around the table: citations of "Căn cứ", paragraphs joined across PDF page breaks.
import { describe, expect, it } from 'vitest';
import { paragraphs, parseBasis } from '../../src/import/document.js';

describe('a "Căn cứ" citation', () => {
  it.each([
    [
      'Quyết định số 45/QĐ-VPCP ngày 15 tháng 02 năm 2023 của Văn phòng Chính phủ về việc ban hành Kế hoạch',
      { ref: '45/QĐ-VPCP', date: '2023-02-15', issuer: 'Văn phòng Chính phủ' },
    ],
    [
      'Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung một số điều',
      { ref: '107/2021/NĐ-CP', date: '2021-12-06', issuer: 'Chính phủ' },
    ],
    [
      'Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính',
      { ref: '02/2017/TT-VPCP', date: '2017-10-31', issuer: 'Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ' },
    ],
    ['Quyết định số 1085/QĐ-TTg ngày 15/9/2022', { ref: '1085/QĐ-TTg', date: '2022-09-15', issuer: 'Thủ tướng Chính phủ' }],
    ['Công văn số 5990/VPCP-KSTT ngày 02/10/2023', { ref: '5990/VPCP-KSTT', date: '2023-10-02', issuer: 'Văn phòng Chính phủ' }],
    [
      'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015',
      { ref: '', date: '2015-06-19', issuer: 'Quốc hội' },
    ],
  ])('%j', (text, expected) => {
    expect(parseBasis(text).basis).toEqual({ text, ...expected });
  });

  it('without a date cannot be kept, and says why', () => {
    expect(parseBasis('Luật Tổ chức chính quyền địa phương năm 2025').problem).toMatch(/no date/);
  });
});

describe('paragraphs', () => {
  it('join a line that goes on in lower case after a page break, and keep "a) …" items apart', () => {
    const lines = ['- Rà soát … trên địa', '', 'bàn huyện.', 'a) Một việc', 'b) Việc khác', '\t', '___', 'Trong quá trình thực hiện'];
    expect(paragraphs(lines, 0, lines.length).map((p) => [p.text, p.line])).toEqual([
      ['- Rà soát … trên địa bàn huyện.', 1],
      ['a) Một việc', 4],
      ['b) Việc khác', 5],
      ['Trong quá trình thực hiện', 8],
    ]);
  });
});
