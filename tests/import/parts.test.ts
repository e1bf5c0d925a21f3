// Tables whose sections are grouped in parts (A, B … or Phần I, II …), numbered from I again in each: import → check → due.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';
import { docxToText } from '../../src/import/docx.js';
import { ImportError, importPlan } from '../../src/import/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tthc-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/**
 * The document as a .docx: the lines from the header row to the first blank line become one table (a line of one
 * cell spans the table, as a part or section row does in Word), the others paragraphs.
 */
async function asDocx(text: string): Promise<Buffer> {
  const lines = text.replace(/\n$/, '').split('\n');
  const first = lines.findIndex((l) => l.includes('\t'));
  let last = first;
  while (last + 1 < lines.length && lines[last + 1]!.trim() !== '') last++;
  const width = lines[first]!.split('\t').length;
  const rows = lines.slice(first, last + 1).map((l) => {
    const cells = l.split('\t');
    if (cells.length === 1) return new TableRow({ children: [new TableCell({ children: [new Paragraph(cells[0]!)], columnSpan: width })] });
    while (cells.length < width) cells.push('');
    return new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });
  });
  const para = (ls: string[]) => ls.map((l) => new Paragraph(l));
  const doc = new Document({ sections: [{ children: [...para(lines.slice(0, first)), new Table({ rows }), ...para(lines.slice(last + 1))] }] });
  return Packer.toBuffer(doc);
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ env: { COLUMNS: '120', NO_COLOR: '1' }, cwd: dir, now: () => new Date('2026-06-01T03:00:00Z') });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

const CASES = [
  {
    file: 'province-parts-2026.txt',
    parts: [
      { id: 'A', title: 'NHIỆM VỤ CHUNG' },
      { id: 'B', title: 'NHIỆM VỤ CỤ THỂ' },
    ],
    sections: ['A.I', 'A.II', 'B.I', 'B.II'],
    ids: ['A.I.1', 'A.I.2', 'A.II.1', 'B.I.1', 'B.I.2', 'B.II.1', 'B.II.2'],
    dues: [
      ['A.I.1', null, '2026-01-31'],
      ['A.I.2', null, '2026-03-31'],
      ['A.II.1', '2026-Q1', '2026-03-20'],
      ['A.II.1', '2026-Q2', '2026-06-20'],
      ['A.II.1', '2026-Q3', '2026-09-20'],
      ['A.II.1', '2026-Q4', '2026-12-20'],
      ['B.I.1', null, '2026-06-30'],
      ['B.I.2', null, '2026-09-30'],
      ['B.II.1', '2026-06', '2026-06-30'],
      ['B.II.1', '2026-12', '2026-12-31'],
      ['B.II.2', null, '2026-11-14'],
    ],
  },
  {
    // "PHẦN I: …" in one cell; part I holds its tasks itself, part II numbers its sections from I.
    file: 'commune-parts-2026.txt',
    parts: [
      { id: 'I', title: 'NHIỆM VỤ THƯỜNG XUYÊN' },
      { id: 'II', title: 'NHIỆM VỤ THEO KỲ' },
    ],
    sections: ['I', 'II.I', 'II.II'],
    ids: ['I.1', 'I.2', 'II.I.1', 'II.I.2', 'II.II.1'],
    dues: [
      ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => ['II.I.1', `2026-${m}`, `2026-${m}-19`]),
      ['II.I.2', '2026-H1', '2026-06-30'],
      ['II.I.2', '2026-H2', '2026-12-31'],
      ['II.I.2', '2026', '2026-12-31'],
      ['II.II.1', null, '2026-09-30'],
    ],
  },
] as const;

describe.each(CASES)('$file', (c) => {
  const text = fixture(c.file);

  it.each(['text', 'docx'] as const)('as %s: parts, section ids and task ids', async (form) => {
    const input = form === 'text' ? text : docxToText(new Uint8Array(await asDocx(text)));
    const { plan } = importPlan(input);
    expect(plan.parts).toEqual(c.parts);
    expect(plan.sections.map((s) => s.id)).toEqual(c.sections);
    expect(plan.sections.flatMap((s) => s.tasks.map((t) => t.id))).toEqual(c.ids);
  });

  it('round trips: import the .docx → check (no errors) → due → done', async () => {
    const base = c.file.replace(/\.txt$/, '');
    writeFileSync(join(dir, `${base}.docx`), await asDocx(text));
    const imp = await cli(['import', `${base}.docx`, '--output', `${base}.yaml`]);
    expect(imp.code, imp.err).toBe(0);
    const check = await cli(['check', `${base}.yaml`, '--format', 'json']);
    expect(JSON.parse(check.out).errors, check.out).toBe(0);
    const due = await cli(['due', '--plan', `${base}.yaml`, '--all', '--format', 'json']);
    expect(due.code).toBe(0);
    const items = (JSON.parse(due.out).items as { id: string; period: string | null; due: string | null }[]).filter((i) => i.due !== null);
    const key = (x: readonly (string | null)[]) => `${x[0]} ${x[1]} ${x[2]}`;
    expect(items.map((i) => key([i.id, i.period, i.due])).sort()).toEqual(c.dues.map(key).sort());
    const last = c.ids[c.ids.length - 1]!;
    const done = await cli(['done', last, '--plan', `${base}.yaml`, '--date', '2026-05-20']);
    expect(done.code, done.err).toBe(0);
    expect(readFileSync(join(dir, `${base}.yaml`), 'utf8')).toMatch(/records:\n\s+- done: 2026-05-20/);
  });
});

describe('part rows, each form on its own', () => {
  const HEAD = 'TT\tNội dung\tCơ quan chủ trì\tThời gian thực hiện';
  const task = (n: string) => `${n}\tViệc ${n}\tSở Tư pháp\tQuý I/2026`;
  const read = (lines: string[]) => {
    const { plan } = importPlan(lines.join('\n'));
    return { parts: (plan.parts ?? []).map((p) => `${p.id} ${p.title}`), ids: plan.sections.flatMap((s) => s.tasks.map((t) => t.id)) };
  };

  it.each<[string, string[], string[], string[]]>([
    ['a letter with its title in the next cell', [HEAD, 'A\tNHIỆM VỤ CHUNG', 'I\tMột', task('1'), 'B\tNHIỆM VỤ RIÊNG', 'I\tHai', task('1')], ['A NHIỆM VỤ CHUNG', 'B NHIỆM VỤ RIÊNG'], ['A.I.1', 'B.I.1']],
    ['"A. …" in one cell', [HEAD, 'A. NHIỆM VỤ CHUNG', 'I. MỘT', task('1'), 'II. HAI', task('1'), 'B. NHIỆM VỤ RIÊNG', 'I. BA', task('1')], ['A NHIỆM VỤ CHUNG', 'B NHIỆM VỤ RIÊNG'], ['A.I.1', 'A.II.1', 'B.I.1']],
    ['"PHẦN A" with its title in the next cell', [HEAD, 'PHẦN A\tChung', 'I\tMột', task('1'), 'PHẦN B\tRiêng', 'I\tHai', task('1')], ['A Chung', 'B Riêng'], ['A.I.1', 'B.I.1']],
    ['"Phần I. …" with tabs, numbers running on', [HEAD, 'Phần I. Chung\t\t\t', 'I\tMột', task('1'), task('2'), 'Phần II. Riêng\t\t\t', 'I\tHai', task('3')], ['I Chung', 'II Riêng'], ['I.I.1', 'I.I.2', 'II.I.3']],
    ['tasks right under a part, then sections', [HEAD, 'A\tChung', task('1'), task('2'), 'B\tRiêng', 'I\tMột', task('1')], ['A Chung', 'B Riêng'], ['A.1', 'A.2', 'B.I.1']],
    ['sub-sections under a part\'s section', [HEAD, 'A\tChung', 'I\tMột', 'I.1\tNhóm', task('1')], ['A Chung'], ['A.I.1.1']],
  ])('%s', (_name, lines, parts, ids) => {
    expect(read(lines)).toEqual({ parts, ids });
  });

  it('a line of a wrapped cell that starts "Phần 2 …" in lower case goes on with the cell', () => {
    for (const lines of [
      ['1\tRà soát theo', 'Phần 2 của Kế hoạch\tSở Tư pháp\tQuý I/2026'],
      ['1\tRà soát theo\tSở Tư pháp\tQuý I/2026', 'Phần 2 của Kế hoạch'],
    ]) {
      const r = importPlan([HEAD, 'I\tMột', ...lines].join('\n'));
      expect(r.plan.parts).toBeUndefined();
      expect(r.plan.sections[0]!.tasks.map((t) => `${t.content} | ${t.when}`).join('')).toContain('Phần 2 của Kế hoạch');
    }
  });

  it.each<[string, string[], RegExp]>([
    ['parts out of order', [HEAD, 'A\tChung', 'I\tMột', task('1'), 'C\tRiêng', 'I\tHai', task('1')], /Part C comes after part A/],
    ['a first part that is not A', [HEAD, 'B\tChung', 'I\tMột', task('1')], /first part is numbered B; expected A, I or 1/],
    ['sections out of order in a part', [HEAD, 'A\tChung', 'I\tMột', task('1'), 'III\tBa', task('1')], /Section III comes after section I in part A; expected section II/],
    ['a part row after sections', [HEAD, 'I\tMột', task('1'), 'A\tChung', 'I\tHai', task('1')], /part row "A Chung" comes after section I/],
  ])('refuses %s, at its line', (_name, lines, message) => {
    let error: unknown;
    try {
      importPlan(lines.join('\n'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(message);
    expect((error as ImportError).line).toBeGreaterThan(1);
  });
});
