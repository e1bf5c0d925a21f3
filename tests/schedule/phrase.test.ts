// Tests for the timeline-phrase grammar: every form of the contract, in the spellings clerks use.
import { describe, expect, it } from 'vitest';
import { KNOWN_FORMS, type Part, normalizePhrase, parseWhen } from '../../src/schedule/phrase.js';
import { sayFinding } from '../../src/messages/findings-say.js';

/** The parts of a phrase that must parse, without their `text`, to compare meaning only. */
function meaning(phrase: string): Array<Omit<Part, 'text'>> {
  const r = parseWhen(phrase);
  if (!r.ok) throw new Error(`"${phrase}" did not parse: ${sayFinding('en', r.message)}`);
  return r.parts.map(({ text: _text, ...rest }) => rest);
}

const exclusive = (date: string, due: string) => ({ kind: 'deadline', date, exclusive: true, due, start: null });
const inclusive = (date: string) => ({ kind: 'deadline', date, exclusive: false, due: date, start: null });
const month = (m: number, year: number | null) => ({ kind: 'month', year, month: m, due: null });
const quarter = (q: number, year: number | null) => ({ kind: 'quarter', year, quarter: q, due: null });
const half = (h: number, year: number | null) => ({ kind: 'half-year', year, half: h, due: null });
const year = (y: number | null) => ({ kind: 'year', year: y, due: null });
const every = (kind: string) => ({ kind, day: null });
const event = (followsTask = false) => ({ kind: 'event', followsTask, follows: null, after: null });
const continuous = { kind: 'continuous' };
const adhoc = { kind: 'adhoc' };

describe('normalizePhrase', () => {
  it.each([
    ['  Hằng   Quý. ', 'hàng quý'],
    ['HẰNG THÁNG', 'hàng tháng'],
    ['Trước ngày 10 / 3 / 2023./.', 'trước ngày 10/3/2023'],
    ['- Thường xuyên;', 'thường xuyên'],
    ['Qúy II/2023', 'quý ii/2023'],
    ['Định kì hàng quý', 'định kỳ hàng quý'],
    ['Thường\u00a0xuyên', 'thường xuyên'],
    // NFD input (typed on macOS, copied from PDF) reads the same as NFC.
    ['Hằng quý'.normalize('NFD'), 'hàng quý'],
    // "hằng" inside another word is left alone.
    ['Thằng', 'thằng'],
  ])('%j → %j', (input, out) => {
    expect(normalizePhrase(input)).toBe(out);
  });
});

describe('parseWhen: single forms', () => {
  it.each<[string, object[]]>([
    // deadline, exclusive
    ['Trước ngày 10/3/2023', [exclusive('2023-03-10', '2023-03-09')]],
    ['trước ngày 10/03/2023', [exclusive('2023-03-10', '2023-03-09')]],
    ['TRƯỚC NGÀY 10/3/2023.', [exclusive('2023-03-10', '2023-03-09')]],
    ['Hoàn thành trước ngày 10/3/2023', [exclusive('2023-03-10', '2023-03-09')]],
    ['Trước ngày 10 tháng 3 năm 2023', [exclusive('2023-03-10', '2023-03-09')]],
    ['Trước ngày 01 tháng 01 năm 2024', [exclusive('2024-01-01', '2023-12-31')]],
    ['Trước ngày 1/3/2024', [exclusive('2024-03-01', '2024-02-29')]],
    ['Trước 10/3/2023', [exclusive('2023-03-10', '2023-03-09')]],
    // deadline, inclusive
    ['Chậm nhất ngày 15/12/2023', [inclusive('2023-12-15')]],
    ['Chậm nhất vào ngày 15/12/2023', [inclusive('2023-12-15')]],
    ['chậm nhất là ngày 15 tháng 12 năm 2023;', [inclusive('2023-12-15')]],
    ['Đến ngày 31/12/2023', [inclusive('2023-12-31')]],
    ['Đến hết ngày 29/02/2024', [inclusive('2024-02-29')]],
    ['Trong ngày 15/12/2023', [inclusive('2023-12-15')]],
    ['Hoàn thành trong ngày 15/12/2023.', [inclusive('2023-12-15')]],
    ['Ngày 15/12/2023', [inclusive('2023-12-15')]],
    // month
    ['Tháng 7/2023', [month(7, 2023)]],
    ['tháng 07/2023', [month(7, 2023)]],
    ['Trong tháng 10/2023', [month(10, 2023)]],
    ['Trong tháng 10 năm 2023.', [month(10, 2023)]],
    ['tháng 7 năm 2023', [month(7, 2023)]],
    ['Hoàn thành trong tháng 12/2023', [month(12, 2023)]],
    ['Tháng 2/2024', [month(2, 2024)]],
    ['Tháng 7', [month(7, null)]],
    // quarter
    ['Quý II/2023', [quarter(2, 2023)]],
    ['Quý 2 năm 2023', [quarter(2, 2023)]],
    ['Trong quý III/2023', [quarter(3, 2023)]],
    ['quý I/2023', [quarter(1, 2023)]],
    ['QUÝ IV/2023', [quarter(4, 2023)]],
    ['Quý 4/2023', [quarter(4, 2023)]],
    ['Quý IV năm 2023', [quarter(4, 2023)]],
    ['Qúy II/2023', [quarter(2, 2023)]],
    ['Quý III', [quarter(3, null)]],
    // half-year
    ['6 tháng đầu năm 2023', [half(1, 2023)]],
    ['6 tháng cuối năm 2023', [half(2, 2023)]],
    ['Trong 6 tháng đầu năm 2023.', [half(1, 2023)]],
    ['Sáu tháng cuối năm 2023', [half(2, 2023)]],
    ['6 tháng đầu năm', [half(1, null)]],
    // year
    ['Năm 2023', [year(2023)]],
    ['Trong năm 2023', [year(2023)]],
    ['Hoàn thành trong năm 2023.', [year(2023)]],
    ['Cả năm', [year(null)]],
    ['Cuối năm 2023', [year(2023)]],
    ['Cuối năm', [year(null)]],
    ['Trong năm', [year(null)]],
    // monthly
    ['Hàng tháng', [every('monthly')]],
    ['Hằng tháng', [every('monthly')]],
    ['hằng tháng.', [every('monthly')]],
    ['Định kỳ hàng tháng', [every('monthly')]],
    ['Định kỳ hằng tháng', [every('monthly')]],
    ['Mỗi tháng', [every('monthly')]],
    // quarterly
    ['Hàng quý', [every('quarterly')]],
    ['HẰNG QUÝ', [every('quarterly')]],
    ['Định kỳ hàng quý', [every('quarterly')]],
    ['Định kỳ hằng quý;', [every('quarterly')]],
    ['Thực hiện hàng quý', [every('quarterly')]],
    // half-yearly
    ['6 tháng', [every('half-yearly')]],
    ['Định kỳ 6 tháng', [every('half-yearly')]],
    ['Hàng 6 tháng', [every('half-yearly')]],
    ['Định kỳ 6 tháng/lần', [every('half-yearly')]],
    ['06 tháng một lần', [every('half-yearly')]],
    // yearly
    ['Hàng năm', [every('yearly')]],
    ['Hằng năm', [every('yearly')]],
    ['Định kỳ hàng năm.', [every('yearly')]],
    // continuous
    ['Thường xuyên', [continuous]],
    ['thường xuyên.', [continuous]],
    ['Thường xuyên, liên tục', [continuous, continuous]],
    ['Triển khai thực hiện thường xuyên', [continuous]],
    // event
    ['Sau khi có văn bản của UBND tỉnh', [event()]],
    ['Khi có yêu cầu', [event()]],
    ['Khi có Quyết định công bố TTHC của Chủ tịch UBND tỉnh', [event()]],
    ['Theo văn bản của UBND tỉnh', [event()]],
    ['Theo Văn bản của UBND tỉnh', [event()]],
    ['Theo Quyết định số 1085/QĐ-TTg', [event()]],
    ['Theo kế hoạch của UBND tỉnh', [event()]],
    ['Theo chỉ đạo của UBND tỉnh', [event()]],
    ['Theo hướng dẫn của Văn phòng UBND tỉnh', [event()]],
    ['Triển khai kế hoạch theo văn bản của UBND tỉnh', [event()]],
    ['Triển khai sau khi có văn bản hướng dẫn', [event()]],
    ['Ngay sau khi có văn bản', [event()]],
    ['Sau khi hoàn thành kiểm tra', [event(true)]],
    // ad hoc
    ['Đột xuất', [adhoc]],
    ['Đột xuất khi có yêu cầu', [adhoc]],
  ])('%j', (phrase, parts) => {
    expect(meaning(phrase)).toEqual(parts);
  });
});

describe('parseWhen: compound phrases', () => {
  it.each<[string, object[]]>([
    ['Hàng quý, năm và đột xuất khi có yêu cầu', [every('quarterly'), every('yearly'), adhoc]],
    ['Hằng quý, năm và đột xuất khi có yêu cầu.', [every('quarterly'), every('yearly'), adhoc]],
    ['Định kỳ hàng quý, 6 tháng, năm', [every('quarterly'), every('half-yearly'), every('yearly')]],
    ['Hàng tháng, quý', [every('monthly'), every('quarterly')]],
    ['Hàng quý; hàng năm', [every('quarterly'), every('yearly')]],
    ['Hàng quý và đột xuất', [every('quarterly'), adhoc]],
    ['Quý II và quý IV/2023', [quarter(2, null), quarter(4, 2023)]],
    ['Tháng 6/2023 và tháng 12/2023', [month(6, 2023), month(12, 2023)]],
    ['Trước ngày 10/3/2023 và hàng quý', [exclusive('2023-03-10', '2023-03-09'), every('quarterly')]],
    // A bare date after "trước" is "before" too; after an inclusive deadline, inclusive.
    ['Trước ngày 10/3/2023 và 10/9/2023', [exclusive('2023-03-10', '2023-03-09'), exclusive('2023-09-10', '2023-09-09')]],
    ['Trước ngày 10/3/2023 và ngày 10/9/2023', [exclusive('2023-03-10', '2023-03-09'), exclusive('2023-09-10', '2023-09-09')]],
    ['Trước ngày 10/3/2023, chậm nhất ngày 10/9/2023', [exclusive('2023-03-10', '2023-03-09'), inclusive('2023-09-10')]],
    ['Đến ngày 10/3/2023 và 10/9/2023', [inclusive('2023-03-10'), inclusive('2023-09-10')]],
    ['Thường xuyên và khi có yêu cầu', [continuous, event()]],
    ['Hàng năm, khi có văn bản của UBND tỉnh, đột xuất', [every('yearly'), event()]],
    ['Năm 2023, hàng quý', [year(2023), every('quarterly')]],
  ])('%j', (phrase, parts) => {
    expect(meaning(phrase)).toEqual(parts);
  });
});

describe('parseWhen: the 13 phrases of the 2023 Kon Rẫy plan', () => {
  it.each<[string, object[]]>([
    ['Triển khai thực hiện sau khi có Văn bản của UBND tỉnh', [event()]],
    ['Trước ngày 10/3/2023', [exclusive('2023-03-10', '2023-03-09')]],
    ['Thường xuyên', [continuous]],
    ['Theo văn bản triển khai của UBND tỉnh', [event()]],
    [
      'Theo Quyết định số 1085/QĐ-TTg ngày 15/9/2022 của Thủ tướng Chính phủ; Kế hoạch số 175/KH-UBND ngày 14/12/2022 của UBND huyện',
      [event()],
    ],
    ['Trong tháng 10/2023', [month(10, 2023)]],
    ['Sau khi kết thúc kiểm tra tại cơ quan, đơn vị', [event(true)]],
    ['Khi có phản ánh, kiến nghị của cá nhân, tổ chức và doanh nghiệp trong giải quyết TTHC', [event()]],
    ['Triển khai thực hiện theo Văn bản của UBND tỉnh', [event()]],
    ['Hàng quý, năm và đột xuất khi có yêu cầu', [every('quarterly'), every('yearly'), adhoc]],
    ['Năm 2023', [year(2023)]],
    ['Tháng 7/2023', [month(7, 2023)]],
    ['Hàng tháng', [every('monthly')]],
  ])('%j', (phrase, parts) => {
    expect(meaning(phrase)).toEqual(parts);
  });

  it('keeps the whole of an event phrase as its text, commas, "và" and citation dates included', () => {
    const r = parseWhen(
      'Theo Quyết định số 1085/QĐ-TTg ngày 15/9/2022 của Thủ tướng Chính phủ; Kế hoạch số 175/KH-UBND ngày 14/12/2022 của UBND huyện',
    );
    expect(r).toMatchObject({
      ok: true,
      parts: [
        {
          kind: 'event',
          text: 'theo quyết định số 1085/qđ-ttg ngày 15/9/2022 của thủ tướng chính phủ; kế hoạch số 175/kh-ubnd ngày 14/12/2022 của ubnd huyện',
        },
      ],
    });
    expect(parseWhen('Khi có phản ánh, kiến nghị của cá nhân, tổ chức và doanh nghiệp trong giải quyết TTHC')).toMatchObject({
      ok: true,
      parts: [{ kind: 'event', text: 'khi có phản ánh, kiến nghị của cá nhân, tổ chức và doanh nghiệp trong giải quyết tthc' }],
    });
  });
});

describe('parseWhen: phrases that fit no form', () => {
  it.each([
    ['Sớm'],
    [''],
    ['   '],
    ['Theo quy định'],
    ['Quý'],
    ['Tháng'],
    ['Quý V/2023'],
    ['Trước ngày 10/3'],
    ['Trước ngày 10-3-2023'],
    ['Hàng tuần'],
    ['Hàng quý, báo cáo sớm'],
    ['Tháng 7/2023, sớm nhất có thể'],
    ['Theo qui định'],
    ['Từ khi nào'],
    ['2026 - sớm'],
  ])('%j', (phrase) => {
    const r = parseWhen(phrase);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('unknown-form');
    expect(r.forms).toEqual([...KNOWN_FORMS]);
    expect(sayFinding('en', r.message)).toMatch(/fits no known form|empty/);
    expect(sayFinding('en', r.message)).toContain('Known forms');
  });

  it('names the part that failed in a compound phrase', () => {
    const r = parseWhen('Hàng quý, báo cáo sớm');
    expect(r).toMatchObject({ ok: false, part: 'báo cáo sớm' });
    if (!r.ok) expect(sayFinding('en', r.message)).toContain('"báo cáo sớm"');
  });
});

describe('parseWhen: dates that do not exist', () => {
  it.each([
    ['Trước ngày 30/2/2023', '30/2/2023'],
    ['Chậm nhất ngày 29/02/2023', '29/2/2023'],
    ['Đến ngày 31/4/2023', '31/4/2023'],
    ['Trước ngày 31 tháng 6 năm 2023', '31/6/2023'],
    ['Trước ngày 0/3/2023', '0/3/2023'],
    ['Tháng 13/2023', '13/2023'],
    ['Tháng 0/2023', '0/2023'],
    ['Hàng quý và trước ngày 32/12/2023', '32/12/2023'],
  ])('%j', (phrase, shown) => {
    const r = parseWhen(phrase);
    expect(r).toMatchObject({ ok: false, reason: 'invalid-date' });
    if (!r.ok) {
      expect(sayFinding('en', r.message)).toContain('does not exist');
      expect(sayFinding('en', r.message)).toContain(shown);
    }
  });

  it('accepts 29 February in a leap year', () => {
    expect(meaning('Chậm nhất ngày 29/2/2024')).toEqual([inclusive('2024-02-29')]);
  });
});

describe('parseWhen: forms of other offices and of plans over several years', () => {
  const period2026 = { start: '2026-01-01', end: '2026-12-31' };
  const span = (start: string, due: string) => ({ kind: 'deadline', date: due, exclusive: false, due, start });
  const everyDay = (kind: string, day: number) => ({ kind, day });
  it.each<[string, object[]]>([
    ['2026', [year(2026)]],
    ['Năm 2026.', [year(2026)]],
    ['2026-2030', [span('2026-01-01', '2030-12-31')]],
    ['2025 - 2035', [span('2025-01-01', '2035-12-31')]],
    ['Năm 2025-2026', [span('2025-01-01', '2026-12-31')]],
    ['Giai đoạn 2026-2030', [span('2026-01-01', '2030-12-31')]],
    ['Giai đoạn 2026 – 2030', [span('2026-01-01', '2030-12-31')]],
    ['Từ năm 2026 đến năm 2030', [span('2026-01-01', '2030-12-31')]],
    ['Quý IV/2025 - Quý II/2026', [span('2025-10-01', '2026-06-30')]],
    ['Từ quý IV/2025 đến quý II/2026', [span('2025-10-01', '2026-06-30')]],
    ['Quí IV-2025 - Quí II-2026', [span('2025-10-01', '2026-06-30')]],
    ['Từ tháng 3 đến tháng 6/2026', [span('2026-03-01', '2026-06-30')]],
    ['Tháng 11 - tháng 3/2026', [span('2025-11-01', '2026-03-31')]],
    ['Từ ngày 01/3/2026 đến ngày 30/6/2026', [span('2026-03-01', '2026-06-30')]],
    ['Đến năm 2030', [inclusive('2030-12-31')]],
    ['Đến hết năm 2026', [inclusive('2026-12-31')]],
    ['Trước quý III/2026', [exclusive('2026-07-01', '2026-06-30')]],
    ['Chậm nhất tháng 6/2026', [inclusive('2026-06-30')]],
    ['Quí IV-2025', [quarter(4, 2025)]],
    ['Quý IV-2025', [quarter(4, 2025)]],
    ['Quí II/2026', [quarter(2, 2026)]],
    ['Tháng 12-2025', [month(12, 2025)]],
    ['Bắt đầu triển khai từ năm 2026', [continuous]],
    ['Từ năm 2026', [continuous]],
    ['Từ quý II/2026', [continuous]],
    ['Trước ngày 15/12', [exclusive('2026-12-15', '2026-12-14')]],
    ['Chậm nhất ngày 15 tháng 12', [inclusive('2026-12-15')]],
    ['Chậm nhất ngày 20 tháng cuối quý', [everyDay('quarterly', 20)]],
    ['Trước ngày 20 tháng cuối quý', [everyDay('quarterly', 19)]],
    ['Hằng quý, chậm nhất ngày 20 tháng cuối quý', [everyDay('quarterly', 20)]],
    ['6 tháng đầu năm', [half(1, null)]],
    ['Cuối năm', [year(null)]],
    ['Tháng 6 và tháng 12', [month(6, null), month(12, null)]],
    ['Trước ngày 20 hằng tháng', [everyDay('monthly', 19)]],
    ['Chậm nhất ngày 25 hằng tháng', [everyDay('monthly', 25)]],
    ['Hằng tháng, trước ngày 25', [everyDay('monthly', 24)]],
    ['Định kỳ 6 tháng, năm', [every('half-yearly'), every('yearly')]],
    ['Hằng năm (trước ngày 15/12)', [everyDay('yearly', 14)]],
    ['Hằng năm, trước ngày 15 tháng 12 hằng năm', [everyDay('yearly', 14)]],
    ['Năm 2026 và các năm tiếp theo', [year(2026), every('yearly')]],
    ['Quý I, II/2026', [quarter(1, null), quarter(2, 2026)]],
    ['Tháng 6 và tháng 12 hằng năm', [month(6, null), month(12, null)]],
    ['Trước ngày 15/12 hằng năm', [everyDay('yearly', 14)]],
    ['Chậm nhất trong tháng 6/2026', [inclusive('2026-06-30')]],
    ['Trước ngày 20/6 và 20/12', [exclusive('2026-06-20', '2026-06-19'), exclusive('2026-12-20', '2026-12-19')]],
    ['Tháng 6/2026 (báo cáo 6 tháng); tháng 12/2026 (báo cáo năm)', [month(6, 2026), month(12, 2026)]],
    ['Hằng năm, giai đoạn 2026-2030', [every('yearly')]],
    ['Hằng quý (trước ngày 15 của tháng cuối quý)', [everyDay('quarterly', 14)]],
    ['Ngày 20 hằng tháng', [everyDay('monthly', 20)]],
    ['Quý I/2026\nQuý III/2026', [quarter(1, 2026), quarter(3, 2026)]],
    ['Trước ngày\n15/12/2026', [exclusive('2026-12-15', '2026-12-14')]],
  ])('%j', (phrase, parts) => {
    const r = parseWhen(phrase, { period: period2026 });
    if (!r.ok) throw new Error(`"${phrase}" did not parse: ${sayFinding('en', r.message)}`);
    expect(r.parts.map(({ text: _text, ...rest }) => rest)).toEqual(parts);
  });

  it('takes a day written without its year from the plan period: the first such day inside it', () => {
    const r = parseWhen('Trước ngày 15/3', { period: { start: '2026-07-01', end: '2027-06-30' } });
    expect(r).toMatchObject({ ok: true, parts: [{ kind: 'deadline', due: '2027-03-14' }] });
  });

  it('refuses a day without a year where no plan period is given', () => {
    expect(parseWhen('Trước ngày 15/12').ok).toBe(false);
  });

  it('refuses a span that ends before it starts, and a yearless day that no calendar has', () => {
    expect(parseWhen('2030-2026')).toMatchObject({ ok: false, reason: 'invalid-date' });
    expect(parseWhen('Trước ngày 31/2', { period: period2026 })).toMatchObject({ ok: false, reason: 'invalid-date' });
  });
});
