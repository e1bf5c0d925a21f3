// --format xlsx for due, status and show, read back with exceljs: headers, date cells, frozen header, filter, widths,
// completion days and documents; never written to a terminal.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'tthc-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The shipped plan with two completions of X.2 (one on time, one late) and a document for each.
const PLAN = join(tmp, 'plan.yaml');
writeFileSync(
  PLAN,
  readFileSync(join(ROOT, 'plans/kon-ray-2023.yaml'), 'utf8').replace(
    /(      - id: X\.2\n(?:        .*\n)*?        when: Hàng tháng\n)/,
    '$1        records:\n          - { done: 2023-02-20, period: 2023-02, ref: 12/BC-VP }\n          - { done: 2023-04-03, period: 2023-03, ref: 31/BC-VP, note: gửi muộn }\n',
  ),
);

async function run(argv: string[], isTTY = false) {
  const io = memoryIo({ now: () => new Date('2023-07-20T03:00:00Z'), cwd: ROOT, env: { NO_COLOR: '1' }, isTTY });
  const code = await main(argv, io);
  return { code, io };
}

async function workbook(argv: string[]): Promise<ExcelJS.Workbook> {
  const file = join(tmp, `${argv[0]}.xlsx`);
  const r = await run([...argv, '--plan', PLAN, '--format', 'xlsx', '--output', file]);
  expect(r.io.err).toMatch(/đã ghi/);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

function heads(ws: ExcelJS.Worksheet): string[] {
  return (ws.getRow(1).values as unknown[]).slice(1).map(String);
}

function rowsOf(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const h = heads(ws);
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const o: Record<string, unknown> = {};
    h.forEach((k, i) => (o[k] = row.getCell(i + 1).value));
    out.push(o);
  });
  return out;
}

function checkSheetShape(ws: ExcelJS.Worksheet): void {
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(ws.autoFilter).toBeTruthy();
  expect(ws.getRow(1).font?.bold).toBe(true);
  for (let i = 1; i <= ws.columnCount; i++) {
    const col = ws.getColumn(i);
    let longest = 0;
    col.eachCell((c) => {
      longest = Math.max(longest, c.value instanceof Date ? 10 : String(c.value ?? '').length);
    });
    // Wide enough for its header and values, up to 40 characters; longer texts wrap in a column of at most 60.
    expect(col.width, `${ws.name} column ${i}`).toBeGreaterThanOrEqual(Math.min(longest, 40));
    expect(col.width!).toBeLessThanOrEqual(60);
  }
}

describe('tthc due --all --format xlsx', async () => {
  const wb = await workbook(['due', '--all', '--agency', 'noi-vu', '--as-of', '2023-07-20']);
  const ws = wb.worksheets[0]!;

  it('has Vietnamese headers, a frozen header row, a filter and widths that fit', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tất cả', 'Ghi nhận']);
    expect(heads(ws)).toEqual(['Mã', 'Nội dung công việc', 'Kỳ', 'Bắt đầu', 'Hạn', 'Trạng thái', 'Số ngày trễ', 'Ngày hoàn thành', 'Văn bản', 'Cơ quan thực hiện', 'Cơ quan phối hợp', 'Vai trò']);
    for (const w of wb.worksheets) checkSheetShape(w);
  });

  it('writes dates as date cells, with the completion day and document of each completed occurrence', () => {
    const rows = rowsOf(ws);
    const feb = rows.find((r) => r['Mã'] === 'X.2' && r['Kỳ'] === 'Tháng 2/2023')!;
    expect(feb['Hạn']).toEqual(new Date(Date.UTC(2023, 1, 28)));
    expect(feb['Ngày hoàn thành']).toEqual(new Date(Date.UTC(2023, 1, 20)));
    expect(feb['Văn bản']).toBe('12/BC-VP');
    expect(feb['Trạng thái']).toBe('Đã xong');
    const mar = rows.find((r) => r['Mã'] === 'X.2' && r['Kỳ'] === 'Tháng 3/2023')!;
    expect(mar['Trạng thái']).toBe('Xong muộn');
    expect(mar['Số ngày trễ']).toBe(3);
    expect(mar['Văn bản']).toBe('31/BC-VP');
    expect(mar['Vai trò']).toBe('phối hợp (qua Các cơ quan, đơn vị thuộc huyện)');
    let dateCells = 0;
    ws.getColumn(5).eachCell((c, n) => {
      if (n > 1 && c.value !== null) {
        expect(c.type).toBe(ExcelJS.ValueType.Date);
        expect(c.numFmt).toBe('dd/mm/yyyy');
        dateCells++;
      }
    });
    expect(dateCells).toBeGreaterThan(10);
  });

  it('lists the records with their days and documents', () => {
    const recs = rowsOf(wb.getWorksheet('Ghi nhận')!);
    expect(recs).toContainEqual({ 'Mã': 'X.2', 'Kỳ': 'Tháng 3/2023', 'Ngày hoàn thành': new Date(Date.UTC(2023, 3, 3)), 'Ngày phát sinh': null, 'Văn bản': '31/BC-VP', 'Ghi chú': 'gửi muộn' });
  });

  it('removes the source\'s markup from texts', () => {
    const vi2 = rowsOf(ws).find((r) => r['Mã'] === 'VI.2');
    if (vi2) expect(String(vi2['Nội dung công việc'])).not.toMatch(/<\/?i>/);
  });
});

describe('tthc status and show --format xlsx', () => {
  it('status: the quarter table, the occurrences behind it with dates and documents, the records', async () => {
    const wb = await workbook(['status', '--as-of', '2023-07-20']);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Trạng thái theo quý', 'Các lần thực hiện', 'Ghi nhận']);
    for (const w of wb.worksheets) checkSheetShape(w);
    const table = rowsOf(wb.worksheets[0]!);
    expect(heads(wb.worksheets[0]!)).toEqual(['Mã', 'Nội dung công việc', 'Quý I', 'Quý II', 'Quý III', 'Quý IV']);
    expect(table.find((r) => r['Mã'] === 'VI.2')!['Nội dung công việc']).toContain('(Vận hành, khai thác');
    const occ = rowsOf(wb.worksheets[1]!).find((r) => r['Mã'] === 'X.2' && r['Kỳ'] === 'Tháng 3/2023')!;
    expect(occ).toEqual({ 'Mã': 'X.2', 'Kỳ': 'Tháng 3/2023', 'Hạn': new Date(Date.UTC(2023, 2, 31)), 'Trạng thái': 'Xong muộn', 'Ngày hoàn thành': new Date(Date.UTC(2023, 3, 3)), 'Văn bản': '31/BC-VP' });
  });

  it('show: the tasks in full, their occurrences and records', async () => {
    const wb = await workbook(['show', 'X.2', 'VI.2', '--as-of', '2023-07-20']);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Nhiệm vụ', 'Các lần thực hiện', 'Ghi nhận']);
    const tasks = rowsOf(wb.worksheets[0]!);
    expect(tasks.map((r) => r['Mã'])).toEqual(['X.2', 'VI.2']);
    expect(tasks[1]!['Nội dung công việc']).not.toMatch(/<\/?i>/);
    expect(rowsOf(wb.worksheets[1]!).filter((r) => r['Mã'] === 'X.2')).toHaveLength(12);
  });

  it('is refused on a terminal before anything is read, and goes to a pipe as bytes', async () => {
    for (const cmd of [['due', '--all'], ['status'], ['show']]) {
      const r = await run([...cmd, '--plan', PLAN, '--format', 'xlsx', '--lang', 'en'], true);
      expect(r.code, cmd[0]).toBe(2);
      expect(r.io.err).toMatch(/An Excel workbook is not text: tthc will not write it to the terminal\.\nhint: Give --output FILE/);
      const vi = await run([...cmd, '--plan', PLAN, '--format', 'xlsx'], true);
      expect(vi.io.err).toMatch(/Tệp Excel không phải văn bản thuần: tthc không in ra màn hình\.\ngợi ý: Dùng --output TỆP/);
      const p = await run([...cmd, '--plan', PLAN, '--format', 'xlsx', '--as-of', '2023-07-20']);
      expect(p.code).toBe(0);
      expect(Buffer.from(p.io.bytes[0]!).subarray(0, 2).toString()).toBe('PK');
    }
  });
});
