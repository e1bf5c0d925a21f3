// `tthc status` by the contract: quarter cells, records on either side of the day asked about, reporting periods, groups, totals, CSV for Excel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordProgress, scratch, SHIPPED, tthc } from '../due/helpers.js';

interface CellJson {
  status: string;
  due: number;
  done: number;
  late: number;
  overdue: number;
  records: number;
}
type Q = 'Q1' | 'Q2' | 'Q3' | 'Q4';
interface StatusJson {
  asOf: string;
  year: number;
  periods: string;
  ranges: Record<Q, { start: string; end: string }>;
  rows: { id: string; title: string; kind: string; quarters: Record<Q, CellJson> }[];
  totals: { unit: string; quarters: Record<Q, { counts: Record<string, number>; due: number; onTimeRate: number | null }> };
  outside: number;
}

let dir: string;
let remove: () => void;
let plan: string;
beforeAll(async () => {
  ({ dir, remove } = scratch('status'));
  plan = await recordProgress(dir);
});
afterAll(() => remove());

async function status(args: string[]): Promise<StatusJson> {
  const r = await tthc(['status', '--plan', plan, '--format', 'json', ...args], { cwd: dir });
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as StatusJson;
}

function row(view: StatusJson, id: string) {
  const r = view.rows.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r.quarters;
}

const statuses = (view: StatusJson, id: string) => (['Q1', 'Q2', 'Q3', 'Q4'] as const).map((q) => row(view, id)[q].status);

describe('calendar quarters as of 1/10/2023, with the recorded progress', () => {
  let view: StatusJson;
  beforeAll(async () => {
    view = await status(['--as-of', '2023-10-01']);
  });

  it('has the shape the contract names: asOf, year, rows of id/title/quarters, totals', () => {
    expect(view.asOf).toBe('2023-10-01');
    expect(view.year).toBe(2023);
    expect(view.rows).toHaveLength(27);
    expect(view.ranges.Q1).toEqual({ start: '2023-01-01', end: '2023-03-31' });
    expect(view.ranges.Q4).toEqual({ start: '2023-10-01', end: '2023-12-31' });
    for (const r of view.rows) {
      expect(typeof r.title).toBe('string');
      for (const q of ['Q1', 'Q2', 'Q3', 'Q4'] as const) expect(r.quarters[q]).toHaveProperty('status');
    }
  });

  it('X.2 (monthly): Q1 late 3/3, Q2 overdue with 1 of 3 done, Q3 overdue with July on time, August late, September overdue', () => {
    expect(row(view, 'X.2').Q1).toMatchObject({ status: 'late', due: 3, done: 2, late: 1, overdue: 0 });
    expect(row(view, 'X.2').Q2).toMatchObject({ status: 'overdue', due: 3, done: 0, late: 1, overdue: 2 });
    expect(row(view, 'X.2').Q3).toMatchObject({ status: 'overdue', due: 3, done: 1, late: 1, overdue: 1 });
    expect(row(view, 'X.2').Q4).toMatchObject({ status: 'open', due: 3, done: 0, late: 0, overdue: 0 });
  });

  it('single occurrences: I.2 done on its due day (9/3) in Q1, IX.3 done in Q3, V.1 (done 20/10, after the day) still open', () => {
    expect(statuses(view, 'I.2')).toEqual(['done', 'none', 'none', 'none']);
    expect(statuses(view, 'IX.3')).toEqual(['none', 'none', 'done', 'none']);
    expect(statuses(view, 'V.1')).toEqual(['none', 'none', 'none', 'open']);
    expect(statuses(view, 'IX.1')).toEqual(['none', 'none', 'none', 'open']);
  });

  it('VIII.1: Q1 done, Q2 and Q3 overdue, Q4 open with the quarter and the year both due in it', () => {
    expect(statuses(view, 'VIII.1')).toEqual(['done', 'overdue', 'overdue', 'open']);
    expect(row(view, 'VIII.1').Q4).toMatchObject({ due: 2, done: 0 });
  });

  it('events: I.1 waits in Q1, opens with its trigger (3/4) in Q2; V.2 waits for V.1, and so do untriggered ones', () => {
    expect(statuses(view, 'I.1')).toEqual(['waiting', 'open', 'open', 'open']);
    expect(statuses(view, 'V.2')).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);
    expect(statuses(view, 'III.2')).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);
    expect(row(view, 'I.1').Q2.records).toBe(1);
  });

  it('continuous: II.1 counts its activities per quarter; a past quarter without one is "no-record"', () => {
    expect(statuses(view, 'II.1')).toEqual(['ongoing', 'ongoing', 'ongoing', 'ongoing']);
    expect((['Q1', 'Q2', 'Q3', 'Q4'] as const).map((q) => row(view, 'II.1')[q].records)).toEqual([2, 2, 1, 0]);
    expect(statuses(view, 'II.2')).toEqual(['no-record', 'no-record', 'no-record', 'ongoing']);
  });

  it('totals: the on-time rate is done / (done + late + overdue) over the occurrences due in the quarter', () => {
    // Q1: I.2, VIII.1 Q1, X.2 January and March on time; X.2 February late.
    expect(view.totals.quarters.Q1.onTimeRate).toBeCloseTo(4 / 5);
    // Q2: X.2 April late; X.2 May, June and VIII.1 Q2 overdue.
    expect(view.totals.quarters.Q2.onTimeRate).toBe(0);
    // Q3: X.2 July and IX.3 on time; X.2 August late; X.2 September and VIII.1 Q3 overdue.
    expect(view.totals.quarters.Q3.onTimeRate).toBeCloseTo(2 / 5);
    expect(view.totals.quarters.Q4.onTimeRate).toBeNull();
    // The totals count occurrences (one unit, as `due` does), not tasks: Q1 has 5 due, 4 done on time and 1 late.
    expect(view.totals.unit).toBe('occurrences');
    expect(view.totals.quarters.Q1.counts).toEqual({ done: 4, late: 1 });
    expect(view.totals.quarters.Q2.counts).toEqual({ late: 1, overdue: 3 });
    const sum = (q: Q) => Object.values(view.totals.quarters[q].counts).reduce((a, b) => a + b, 0);
    for (const q of ['Q1', 'Q2', 'Q3', 'Q4'] as const) {
      expect(sum(q)).toBe(view.totals.quarters[q].due);
      expect(view.totals.quarters[q].due).toBe(view.rows.reduce((n, r) => n + r.quarters[q].due, 0));
    }
  });

  it('the table shows the counts and the rates', async () => {
    const r = await tthc(['status', '--plan', plan, '--as-of', '2023-10-01'], { cwd: dir });
    expect(r.out).toMatch(/│ X\.2 .*│ Xong muộn 3\/3 +│ Quá hạn 1\/3 +│ Quá hạn 2\/3 +│/);
    expect(r.out).toContain('Đúng hạn: 80%');
    expect(r.out).toContain('Đúng hạn: 40%');
  });
});

describe('as of 15/4/2023: what happened later does not count yet', () => {
  it('April of X.2 (done 3/5) is open, II.1 has no Q2 activity yet, I.1 is open since 3/4, later quarters are scheduled', async () => {
    const view = await status(['--as-of', '2023-04-15']);
    expect(row(view, 'X.2').Q1).toMatchObject({ status: 'late', done: 2, late: 1 });
    expect(row(view, 'X.2').Q2).toMatchObject({ status: 'open', done: 0, late: 0 });
    expect(row(view, 'II.1').Q2).toMatchObject({ status: 'ongoing', records: 0 });
    expect(statuses(view, 'I.1')).toEqual(['waiting', 'open', 'scheduled', 'scheduled']);
    expect(statuses(view, 'IX.3')).toEqual(['none', 'none', 'scheduled', 'none']);
    expect(statuses(view, 'II.2')).toEqual(['no-record', 'ongoing', 'scheduled', 'scheduled']);
    // Q3's occurrences (X.2 ×3, VIII.1 Q3, IX.3) are all still to come.
    expect(view.totals.quarters.Q3.counts).toEqual({ scheduled: 5 });
  });
});

describe('--periods reporting (Nghị định 09/2019: 15th of the month before to the 14th of the last month)', () => {
  let view: StatusJson;
  beforeAll(async () => {
    view = await status(['--as-of', '2023-10-01', '--periods', 'reporting']);
  });

  it('has the reporting ranges, Q1 starting in December of the year before', () => {
    expect(view.periods).toBe('reporting');
    expect(view.ranges).toEqual({
      Q1: { start: '2022-12-15', end: '2023-03-14' },
      Q2: { start: '2023-03-15', end: '2023-06-14' },
      Q3: { start: '2023-06-15', end: '2023-09-14' },
      Q4: { start: '2023-09-15', end: '2023-12-14' },
    });
  });

  it('counts II.1 activities by them: 20/3 moves to Q2, 14/6 stays in Q2, 20/9 moves to Q4; Q3 is left without one', () => {
    expect((['Q1', 'Q2', 'Q3', 'Q4'] as const).map((q) => row(view, 'II.1')[q].records)).toEqual([1, 3, 0, 1]);
    expect(statuses(view, 'II.1')).toEqual(['ongoing', 'ongoing', 'no-record', 'ongoing']);
  });

  it('files occurrences by due date: X.2 March and VIII.1 Q1 fall in reporting Q2; what is due 15–31/12 is outside', () => {
    expect(row(view, 'X.2').Q1).toMatchObject({ status: 'late', due: 2, done: 1, late: 1 });
    expect(row(view, 'X.2').Q2).toMatchObject({ status: 'overdue', due: 3, done: 1, late: 1, overdue: 1 });
    expect(row(view, 'X.2').Q4).toMatchObject({ status: 'overdue', due: 3, overdue: 1 });
    expect(statuses(view, 'VIII.1')).toEqual(['none', 'done', 'overdue', 'overdue']);
    // X.2 December, VIII.1 Q4 and year, IX.1, IX.5, IX.6: all due 31/12.
    expect(view.outside).toBe(6);
    expect(view.totals.quarters.Q1.onTimeRate).toBeCloseTo(2 / 3);
    expect(view.totals.quarters.Q2.onTimeRate).toBeCloseTo(2 / 4);
  });

  it('the table heads each quarter with its range and says how many fall outside', async () => {
    const r = await tthc(['status', '--plan', plan, '--as-of', '2023-10-01', '--periods', 'reporting'], { cwd: dir });
    expect(r.out).toMatch(/│ Quý I +│[\s\S]*15\/12\/2022 –/);
    expect(r.out).toContain('6 lần thực hiện có hạn ngoài bốn quý');
  });
});

describe('--by agency, --by section, --agency, --quarter', () => {
  it('--by agency: a row per agency involved, the named ones first; vp\'s Q3 sums X.2 ×3, VIII.1 Q3 and IX.3', async () => {
    const view = await status(['--as-of', '2023-10-01', '--by', 'agency']);
    // The agencies the tasks name, in order of first mention, then those involved only through a collective.
    expect(view.rows.map((r) => r.id).slice(0, 9)).toEqual(['vp', 'cq-huyen', 'ubnd-xa', 'cqcm-huyen', 'noi-vu', 'doan-kt', 'mot-cua', 'ttvh', 'tu-phap']);
    expect(view.rows.map((r) => r.id).slice(-2)).toEqual(['xa-dak-to-lung', 'xa-dak-to-re']);
    expect(row(view, 'vp').Q3).toMatchObject({ status: 'overdue', due: 5, done: 2, late: 1, overdue: 2 });
    // A past quarter: a continuous task without a record outranks a waiting event.
    expect(row(view, 'vp').Q1.status).toBe('no-record');
    // noi-vu, named only in V.1–V.3, takes part in every task through "Các cơ quan, đơn vị thuộc huyện", as vp does.
    expect(row(view, 'noi-vu')).toEqual(row(view, 'vp'));
    // doan-kt belongs to no collective: only the tasks that name it count (V.1, due in Q4; V.2 and V.3, waiting).
    expect(statuses(view, 'doan-kt')).toEqual(['waiting', 'waiting', 'waiting', 'open']);
    // The totals count each occurrence once, however many agencies' rows show it.
    const byTask = await status(['--as-of', '2023-10-01']);
    expect(view.totals).toEqual(byTask.totals);
  });

  it('--by section: sections in plan order, each summarising its tasks', async () => {
    const view = await status(['--as-of', '2023-10-01', '--by', 'section']);
    expect(view.rows.map((r) => r.id)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']);
    expect(statuses(view, 'I')).toEqual(['done', 'open', 'open', 'open']);
    expect(statuses(view, 'VIII')).toEqual(['done', 'overdue', 'overdue', 'open']);
    expect(row(view, 'X').Q3).toMatchObject({ status: 'overdue', due: 3, done: 1, late: 1, overdue: 1 });
  });

  it('--agency keeps the tasks the agency takes part in: mot-cua-xa only in VI.1', async () => {
    expect((await status(['--as-of', '2023-10-01', '--agency', 'mot-cua-xa'])).rows.map((r) => r.id)).toEqual(['VI.1']);
    expect((await status(['--as-of', '2023-10-01', '--agency', 'vp'])).rows).toHaveLength(27);
  });

  it('a group never counts more done than due, as of any day and however grouped', async () => {
    for (const day of ['2023-03-31', '2023-04-15', '2023-07-20', '2023-10-01', '2023-12-31']) {
      for (const by of ['task', 'agency', 'section']) {
        for (const periods of ['calendar', 'reporting']) {
          const view = await status(['--as-of', day, '--by', by, '--periods', periods]);
          for (const r of view.rows) for (const q of ['Q1', 'Q2', 'Q3', 'Q4'] as const) expect(r.quarters[q].done + r.quarters[q].late, `${day} ${by} ${r.id} ${q}`).toBeLessThanOrEqual(r.quarters[q].due);
        }
      }
    }
  });

  it('--by agency --agency vp is vp\'s one row, over every task vp takes part in', async () => {
    const one = await status(['--as-of', '2023-10-01', '--by', 'agency', '--agency', 'vp']);
    expect(one.rows.map((r) => r.id)).toEqual(['vp']);
    const all = await status(['--as-of', '2023-10-01', '--agency', 'vp']);
    const due = (v: StatusJson) => v.rows.reduce((n, r) => n + r.quarters.Q3.due, 0);
    expect(one.rows[0]!.quarters.Q3.due).toBe(due(all));
  });

  it('a group whose first status is a gap says what its count counts', async () => {
    const r = await tthc(['status', '--plan', plan, '--as-of', '2023-10-01', '--by', 'section', '--format', 'csv'], { cwd: dir });
    expect(r.out).toMatch(/Chưa ghi nhận; \d+\/\d+ lần đã xong/);
    expect(r.out).not.toMatch(/Chưa ghi nhận \d/);
  });

  it('--quarter 3 lists Q3 task by task with dates and documents', async () => {
    const r = await tthc(['status', '--plan', plan, '--as-of', '2023-10-01', '--quarter', '3'], { cwd: dir, env: { COLUMNS: '160' } });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Quý III: 1/7/2023 – 30/9/2023');
    expect(r.out).toMatch(/│ IX\.3 +│ Phối hợp đánh giá việc triển khai[^│]*│ +│ 31\/7\/2023 │ Đã xong +│ 25\/7\/2023 +│ 130\/BC-UBND +│/);
    expect(r.out).toMatch(/│ X\.2 +│ [^│]*│ Tháng 8\/2023 │ 31\/8\/2023 │ Xong muộn +│ 5\/9\/2023 +│/);
    expect(r.out).toMatch(/│ X\.2 +│ +│ Tháng 9\/2023 │ 30\/9\/2023 │ Quá hạn +│/);
    expect(r.out).toMatch(/│ II\.1 +│ +│ +│ +│ Ghi nhận +│ 20\/9\/2023 +│/);
    // The completion is on the occurrence's line, not repeated as a record of its own.
    expect(r.out).not.toMatch(/│ IX\.3 +│[^\n]*Ghi nhận/);
    // A task with nothing in the quarter (I.2 was due in March) is left out.
    expect(r.out).not.toMatch(/│ I\.2 /);
  });

  it('--quarter 3 --format json adds the lines of the detail to the Q3 column', async () => {
    const json = (await status(['--as-of', '2023-10-01', '--quarter', 'Q3'])) as StatusJson & {
      quarter: string;
      detail: { id: string; kind: string; period: string | null; due: string | null; status: string | null; day: string | null; ref: string | null }[];
    };
    expect(Object.keys(json.rows[0]!.quarters)).toEqual(['Q3']);
    expect(json.quarter).toBe('Q3');
    expect(json.detail.find((l) => l.id === 'IX.3')).toMatchObject({ kind: 'occurrence', due: '2023-07-31', status: 'done', day: '2023-07-25', ref: '130/BC-UBND' });
    expect(json.detail.filter((l) => l.id === 'X.2').map((l) => [l.period, l.status])).toEqual([
      ['2023-07', 'done'],
      ['2023-08', 'late'],
      ['2023-09', 'overdue'],
    ]);
    expect(json.detail.find((l) => l.id === 'II.1' && l.kind === 'record')).toMatchObject({ day: '2023-09-20' });
    expect(json.detail.some((l) => l.id === 'I.2')).toBe(false);
  });

  it('--quarter 3 --format csv and md give the same lines, for Excel and for a report', async () => {
    const csv = await tthc(['status', '--plan', plan, '--as-of', '2023-10-01', '--quarter', '3', '--format', 'csv', '--sep', ';'], { cwd: dir });
    expect(csv.code).toBe(0);
    const lines = csv.out.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Mã;Nhiệm vụ;Kỳ;Hạn;Trạng thái;Ngày thực hiện;Văn bản, ghi chú');
    expect(lines.find((l) => l.startsWith('IX.3;'))).toMatch(/;;2023-07-31;Đã xong;2023-07-25;130\/BC-UBND$/);
    expect(lines.filter((l) => l.startsWith('X.2;'))).toHaveLength(3);
    const md = await tthc(['status', '--plan', plan, '--as-of', '2023-10-01', '--quarter', '3', '--format', 'md', '--lang', 'en'], { cwd: dir });
    expect(md.out).toContain('Q3: 1/7/2023 – 30/9/2023');
    expect(md.out).toContain('| Id | Task | Period | Due | Status | Done on | Document, note |');
    expect(md.out).toMatch(/\| X\.2 \| [^|]+ \| 2023-08 \| 31\/8\/2023 \| done late \| 5\/9\/2023 \|/);
  });

  it('--quarter with --by agency still lists tasks, under the agency filter', async () => {
    const json = (await status(['--as-of', '2023-10-01', '--quarter', '3', '--by', 'agency', '--agency', 'mot-cua-xa'])) as StatusJson & { detail: { id: string }[] };
    expect(new Set(json.detail.map((l) => l.id))).toEqual(new Set(['VI.1']));
  });

  it.each([
    ['--quarter', '5'],
    ['--by', 'month'],
    ['--periods', 'fiscal'],
    ['--format', 'xlsx'],
    ['--sep', '|'],
    ['--as-of', '31/9/2023'],
  ])('%s %s is a usage error', async (flag, value) => {
    const r = await tthc(['status', '--plan', SHIPPED, flag, value]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).not.toBe('');
  });
});

/** A minimal CSV reader (RFC 4180 quoting), to look at cells as Excel would. */
function readCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) throw new Error('the CSV does not end with CRLF');
  return rows;
}

describe('CSV for Excel', () => {
  const FORMULA = 'tests/status/fixtures/formula.yaml';

  it.each([',', ';'])('BOM, CRLF line ends only, separator %j, every row as wide as the header', async (sep) => {
    const r = await tthc(['status', '--plan', plan, '--as-of', '2023-10-01', '--format', 'csv', '--sep', sep], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out.startsWith('\uFEFF')).toBe(true);
    expect(r.out.endsWith('\r\n')).toBe(true);
    expect(r.out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = readCsv(r.out.slice(1), sep);
    expect(rows[0]).toEqual(['Mã', 'Nhiệm vụ', 'Quý I', 'Quý II', 'Quý III', 'Quý IV']);
    expect(rows).toHaveLength(1 + 27 + 1);
    for (const x of rows) expect(x).toHaveLength(6);
    expect(rows.find((x) => x[0] === 'X.2')!.slice(2)).toEqual(['Xong muộn 3/3', 'Quá hạn 1/3', 'Quá hạn 2/3', 'Đang thực hiện 0/3']);
    // Titles with the separator in them are quoted, not split.
    expect(rows.find((x) => x[0] === 'I.1')![1]).toBe('Kế hoạch rà soát, đánh giá TTHC năm 2023');
  });

  const TASK_TEXTS = ["'- Rà soát, đánh giá TTHC năm 2023", '\'=HYPERLINK("http://example.invalid","Báo cáo")', "'+Tăng cường kiểm tra; @Công khai kết quả"];
  it.each([
    ['status', ['--by', 'task'], TASK_TEXTS],
    ['status', ['--by', 'section'], ["'- Công tác chỉ đạo, điều hành"]],
    ['due', ['--all'], TASK_TEXTS],
  ] as [string, string[], string[]][])('no cell of `tthc %s %j` can run as a formula', async (cmd, extra, kept) => {
    for (const sep of [',', ';']) {
      const r = await tthc([cmd, '--plan', FORMULA, '--as-of', '2023-10-01', '--format', 'csv', '--sep', sep, ...extra]);
      expect(r.code).toBe(0);
      const cells = readCsv(r.out.replace(/^\uFEFF/, ''), sep).flat();
      // Numbers (days late, negative for days left) are numbers to Excel, not formulas.
      for (const c of cells.filter((x) => !/^-?\d+$/.test(x))) expect(c, c).not.toMatch(/^[=+\-@\t\r]/);
      // The texts themselves are kept, behind one apostrophe.
      expect(cells).toEqual(expect.arrayContaining(kept));
    }
  });

  it('Markdown escapes "|" so that a title does not split its row', async () => {
    const r = await tthc(['status', '--plan', FORMULA, '--as-of', '2023-10-01', '--format', 'md']);
    const line = r.out.split('\n').find((l) => l.startsWith('| I.4 '))!;
    expect(line).toContain('Báo cáo \\| tổng hợp');
    expect(line.split(/(?<!\\)\|/).length - 2).toBe(6);
  });
});
