// Inputs `tthc import` refuses: each case with the line the error points at and what the message must say.
import { describe, expect, it } from 'vitest';
import { ImportError, importPlan } from '../../src/import/index.js';

const HEADER = 'TT\tNội dung công việc\tCơ quan thực hiện\tCơ quan phối hợp\tKết quả công việc\tThời gian thực hiện';
const row = (n: number | string, content = 'Việc') =>
  `${n}\t${content}\tVăn phòng HĐND-UBND huyện\tPhòng Nội vụ\tBáo cáo\tTrước ngày 31/3/2023`;

interface Case {
  name: string;
  lines: string[];
  line: number;
  message: RegExp;
}

const CASES: Case[] = [
  {
    name: 'text without a table',
    lines: ['KẾ HOẠCH', '', 'Kiểm soát thủ tục hành chính năm 2023', '', 'Căn cứ Quyết định số 45/QĐ-VPCP ngày 15/02/2023.'],
    line: 1,
    message: /No task table found/,
  },
  {
    name: 'a header row and no rows',
    lines: ['PHỤ LỤC', HEADER, '', 'Ghi chú: không có'],
    line: 2,
    message: /no section or task rows/,
  },
  {
    name: 'a row with five cells',
    lines: [HEADER, 'I\tChỉ đạo\t\t\t\t', row(1), '2\tViệc\tVăn phòng HĐND-UBND huyện\tBáo cáo\tThường xuyên'],
    line: 4,
    message: /Row I\.2 has 5 cells; expected 6/,
  },
  {
    name: 'a row with seven cells',
    lines: [HEADER, 'I\tChỉ đạo', row(1), `${row(2)}\tGhi chú`],
    line: 4,
    message: /Row I\.2 has 7 cells; expected 6/,
  },
  {
    name: 'a short row continued over lines, counted after the continuation',
    lines: [HEADER, 'I\tChỉ đạo', '1\tViệc\tVăn phòng HĐND-UBND huyện', 'đến cuối năm\tBáo cáo\tThường xuyên', row(2)],
    line: 3,
    message: /Row I\.1 \(lines 3–4\) has 5 cells; expected 6/,
  },
  {
    name: 'row 3 after row 1',
    lines: [HEADER, 'I\tChỉ đạo', row(1), '', row(3)],
    line: 5,
    message: /Row 3 comes after row 1 in section I; expected row 2/,
  },
  {
    name: 'a section that starts neither at row 1 nor on from the row before',
    lines: [HEADER, 'I\tChỉ đạo', row(1), 'II\tCông khai', row(5)],
    line: 5,
    message: /first row of section II is numbered 5; expected 1 or 2/,
  },
  {
    name: 'section III after section I',
    lines: [HEADER, 'I\tChỉ đạo\t\t\t\t', row(1), 'III Kiểm tra\t\t\t\t\t', row(1)],
    line: 4,
    message: /Section III comes after section I; expected section II/,
  },
  {
    name: 'a first section numbered II',
    lines: [HEADER, 'II\tChỉ đạo', row(1)],
    line: 2,
    message: /first section is numbered II; expected I/,
  },
  {
    name: 'a task row before any section',
    lines: [HEADER, row(1), 'I\tChỉ đạo', row(1)],
    line: 2,
    message: /Task row 1 comes before any section row/,
  },
  {
    name: 'a task row before any section, without a header',
    lines: ['Bảng nhiệm vụ', '', row(1), row(2), 'I\tChỉ đạo', row(1)],
    line: 3,
    message: /Task row 1 comes before any section row/,
  },
  {
    name: 'a row number given twice under run-on numbering',
    lines: [HEADER, 'I\tChỉ đạo', row(1), row(2), 'II\tCông khai', row(2)],
    line: 6,
    message: /first row of section II is numbered 2; expected 1 or 3/,
  },
  {
    name: 'a table without its lead column',
    lines: ['STT\tNội dung\tThời gian thực hiện', '1\tViệc\tQuý I/2026'],
    line: 1,
    message: /names no lead column/,
  },
  {
    name: 'an empty Cơ quan thực hiện',
    lines: [HEADER, 'I\tChỉ đạo', '1\tViệc\t\tPhòng Nội vụ\tBáo cáo\tTrước ngày 31/3/2023'],
    line: 3,
    message: /Row I\.1 has an empty Cơ quan thực hiện cell/,
  },
  {
    name: 'a line between rows that cannot continue a cell: after a complete row and a blank line, not in lower case',
    lines: [HEADER, 'I\tChỉ đạo', row(1), '', 'Trang 2', row(2)],
    line: 5,
    message: /Line 5 \("Trang 2"\) cannot belong to a cell: it follows row I\.1, which is complete.*rows follow at line 6/,
  },
  {
    name: 'a line between a section row and its rows, after a blank line',
    lines: [HEADER, 'I\tChỉ đạo', '', 'KIỂM SOÁT TTHC', row(1)],
    line: 4,
    message: /Line 4 \("KIỂM SOÁT TTHC"\) cannot belong to a cell: it follows section row I/,
  },
  {
    name: '"Nơi nhận" with table rows after it',
    lines: [HEADER, 'I\tChỉ đạo', row(1), 'Nơi nhận:', '- Lưu: VT.', row(2)],
    line: 4,
    message: /Line 4 \("Nơi nhận:"\) is not part of the table: it starts the recipients.*row follows at line 6/,
  },
  {
    name: 'a signature line with table rows after it',
    lines: [HEADER, 'I\tChỉ đạo', row(1), '\tKT. CHỦ TỊCH', row(2)],
    line: 4,
    message: /Line 4 \("KT\. CHỦ TỊCH"\) is not part of the table: it starts the signature block/,
  },
  {
    name: 'a continuation line with cells the row has no room for',
    lines: [HEADER, 'I\tChỉ đạo', row(1), 'của UBND tỉnh\tGhi chú', row(2)],
    line: 4,
    message: /Line 4 continues row I\.1 with cells it has no room for: the row would have 7 cells/,
  },
  {
    name: 'a continuation of a section row with more cells than its title',
    lines: [HEADER, 'I\tChỉ đạo,', 'điều hành\tVăn phòng HĐND-UBND huyện', row(1)],
    line: 3,
    message: /Line 3 continues section row I with more cells than its title/,
  },
  {
    name: 'no year anywhere',
    lines: [HEADER, 'I\tChỉ đạo', '1\tViệc\tPhòng Tư pháp\t\tBáo cáo\tThường xuyên'],
    line: 1,
    message: /plan year cannot be found/,
  },
];

describe('ImportError', () => {
  it.each(CASES)('$name → line $line', ({ lines, line, message }) => {
    let error: unknown;
    try {
      importPlan(lines.join('\n'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    const e = error as ImportError;
    expect(e.message).toMatch(message);
    expect(e.line).toBe(line);
    expect(e.hint).toBeTruthy();
  });

  it('counts lines the same in CRLF input', () => {
    const lines = CASES.find((c) => c.name === 'row 3 after row 1')!.lines;
    expect(() => importPlan(lines.join('\r\n'))).toThrowError(expect.objectContaining({ line: 5 }));
  });

  it('refuses a --year that is not a year', () => {
    expect(() => importPlan([HEADER, 'I\tChỉ đạo', row(1)].join('\n'), { year: 23 })).toThrowError(ImportError);
  });
});
