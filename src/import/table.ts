// The appendix table as copied from Word or PDF: tab-separated rows → sections and task rows with their cells, up to where the table ends.
import { closingPart } from './document.js';
import { ImportError } from './errors.js';
import { fromRoman, isBlank, isUpperText, squash, startsLowerCase, toRoman } from './text.js';

/** The six columns of the appendix, in order. */
export const COLUMNS = [
  'TT',
  'Nội dung công việc',
  'Cơ quan thực hiện',
  'Cơ quan phối hợp',
  'Kết quả công việc',
  'Thời gian thực hiện',
] as const;

export interface RawCell {
  /** The cell's pieces as copied, joined by "\n" where Word or the PDF split the cell over lines. */
  text: string;
  /** 1-based line where the cell starts. */
  line: number;
}

export interface RawTask {
  n: number;
  line: number;
  endLine: number;
  cells: RawCell[];
}

export interface RawSection {
  numeral: string;
  line: number;
  title: string;
  tasks: RawTask[];
}

export interface TableLocation {
  /** 0-based index of the header row, or of the first row where there is no header. */
  start: number;
  header: boolean;
}

export interface ParsedTable {
  sections: RawSection[];
  /** 0-based index of the first line after the table (the input's length where nothing follows it). */
  end: number;
}

const HEADER_FIRST = /^(S?TT|Số\s*TT)$/iu;
const SECTION_CELL = /^([IVX]+)\.?$/u;
const SECTION_INLINE = /^([IVX]+)[.)]?\s+(\p{Lu}.*)$/u;
const TASK_CELL = /^(\d{1,3})[.)]?$/u;
const TASK_INLINE = /^(\d{1,3})[.)]?\s+(\S.*)$/u;
const NOTE = /^(?:\*\s*)?Ghi chú\s*:/iu;

function cellsOf(line: string): string[] {
  return line.split('\t');
}

function isHeader(cells: string[]): boolean {
  return HEADER_FIRST.test(squash(cells[0] ?? '')) && cells.slice(1).some((c) => /nội dung/iu.test(c));
}

/** "1 2 3 4 5 6" or "(1) (2) …" under the header: the columns' numbers, not a task. */
function isColumnNumbers(cells: string[]): boolean {
  const c = cells.map(squash).filter((x) => x !== '');
  return c.length >= 3 && c.every((x, i) => x === String(i + 1) || x === `(${i + 1})`);
}

function restEmpty(cells: string[], from: number): boolean {
  return cells.slice(from).every(isBlank);
}

type Start =
  | { kind: 'section'; numeral: string; value: number; title: string; extra: boolean }
  | { kind: 'task'; n: number; cells: string[] };

/** What a line starts, if it starts a row; undefined for a line that continues the open row. */
function rowStart(cells: string[]): Start | undefined {
  const c0 = squash(cells[0] ?? '');
  let m = SECTION_CELL.exec(c0);
  if (m && cells.length >= 2 && !isBlank(cells[1]!)) {
    const value = fromRoman(m[1]!);
    if (value !== undefined) return { kind: 'section', numeral: m[1]!, value, title: cells[1]!, extra: !restEmpty(cells, 2) };
  }
  m = SECTION_INLINE.exec(c0);
  if (m && restEmpty(cells, 1)) {
    const value = fromRoman(m[1]!);
    if (value !== undefined) return { kind: 'section', numeral: m[1]!, value, title: m[2]!, extra: false };
  }
  m = TASK_CELL.exec(c0);
  if (m && cells.length >= 2) return { kind: 'task', n: Number(m[1]), cells: cells.slice(1) };
  // "1 Kế hoạch…<tab>…": the number followed by a space; only with the row's other cells present.
  m = TASK_INLINE.exec(c0);
  if (m && cells.length >= COLUMNS.length - 1) return { kind: 'task', n: Number(m[1]), cells: [m[2]!, ...cells.slice(1)] };
  return undefined;
}

/**
 * Where the table is: its header row ("TT<tab>Nội dung công việc<tab>…"), or else the first row of at
 * least three tab-separated cells numbered as a section or a task (with the section row just above it
 * when that one was copied without tabs).
 */
export function findTable(lines: string[]): TableLocation | undefined {
  for (let i = 0; i < lines.length; i++) if (isHeader(cellsOf(lines[i]!))) return { start: i, header: true };
  for (let i = 0; i < lines.length; i++) {
    const cells = cellsOf(lines[i]!);
    if (cells.length < 3) continue;
    if (!rowStart(cells)) continue;
    let j = i - 1;
    while (j >= 0 && isBlank(lines[j]!)) j--;
    if (j >= 0) {
      const above = rowStart(cellsOf(lines[j]!));
      if (above?.kind === 'section') return { start: j, header: false };
    }
    return { start: i, header: false };
  }
  return undefined;
}

interface OpenRow {
  cells: RawCell[];
  line: number;
  endLine: number;
}

function dropTrailingEmpty(cells: RawCell[]): void {
  while (cells.length > 0 && isBlank(cells[cells.length - 1]!.text)) cells.pop();
}

/** How many cells there are once the empty ones at the end are dropped. */
function filled(cells: (string | RawCell)[]): number {
  let n = cells.length;
  while (n > 0) {
    const c = cells[n - 1]!;
    if (!isBlank(typeof c === 'string' ? c : c.text)) break;
    n--;
  }
  return n;
}

/** Another part of the document starts at a line: "PHỤ LỤC …" or "KẾ HOẠCH". */
function isHeading(line: string): boolean {
  return closingPart(line) === 'heading';
}

/** The first line from `from` on that is a table row with tab-separated cells, before another part of the document starts. */
function rowAfter(lines: string[], from: number): number | undefined {
  for (let k = from; k < lines.length; k++) {
    if (isHeading(lines[k]!)) return undefined;
    const cells = cellsOf(lines[k]!);
    if (cells.length >= 2 && rowStart(cells)) return k;
  }
  return undefined;
}

/**
 * The continuation rule: a line that starts no row continues the open row. Its first tab-separated
 * piece is appended to the open row's last non-empty cell (after a "\n"), and each further piece
 * starts the row's next cell. So a line without tabs continues a cell, and a row that Word cut
 * inside a cell ("…huyện,⏎UBND cấp xã<tab>Kế hoạch<tab>…") is glued back together.
 */
function continueRow(row: OpenRow, pieces: string[], line: number): void {
  dropTrailingEmpty(row.cells);
  const [first, ...rest] = pieces;
  const last = row.cells[row.cells.length - 1];
  if (first !== undefined && !isBlank(first)) {
    if (last) last.text = `${last.text}\n${first}`;
    else row.cells.push({ text: first, line });
  }
  for (const p of rest) row.cells.push({ text: p, line });
  row.endLine = line;
}

function cellCountError(sectionId: string, task: RawTask, found: number): ImportError {
  const span = task.endLine > task.line ? ` (lines ${task.line}–${task.endLine})` : '';
  return new ImportError(
    task.line,
    `Row ${sectionId}.${task.n}${span} has ${found} cells; expected ${COLUMNS.length}: ${COLUMNS.join(', ')}.`,
    found < COLUMNS.length
      ? 'Each row needs all six cells separated by tabs; an empty Cơ quan phối hợp is still a cell (two tabs in a row). ' +
        'A line that starts no row continues the previous cell, so a missing tab shows up here.'
      : 'A cell has a tab inside it, or a line that continues a cell split by Word starts with a tab; join the pieces of that cell.',
  );
}

/**
 * The sections and task rows of the table starting at `loc`, with the numbering checked: sections
 * I, II, III … and rows 1, 2, 3 … in each section, each row with its six cells.
 *
 * Where the table ends: at "Nơi nhận", a line of the signature block, or "PHỤ LỤC"/"KẾ HOẠCH" (no
 * table row may follow these before another "PHỤ LỤC"); and, where no table row follows, at a heading
 * of the plan's text in capitals ("III. KINH PHÍ THỰC HIỆN") or at a line that cannot continue the
 * row above it (below). The lines from there on are the document's, not the table's.
 *
 * A line that starts no row continues the open row (see continueRow), except where it cannot belong
 * to a cell, which is an error at that line: one that would give a row more than six cells, or a
 * section row more than its title; and one that follows a complete row after a blank line and does
 * not go on in lower case (a cell broken by a PDF page goes on in lower case), where table rows
 * follow it.
 */
export function parseTable(lines: string[], loc: TableLocation): ParsedTable {
  const sections: RawSection[] = [];
  let sectionRow: (OpenRow & { section: RawSection }) | undefined;
  let taskRow: (OpenRow & { task: RawTask }) | undefined;

  const closeTask = () => {
    if (!taskRow) return;
    const section = sections[sections.length - 1]!;
    dropTrailingEmpty(taskRow.cells);
    const task = taskRow.task;
    task.cells = taskRow.cells;
    task.endLine = taskRow.endLine;
    if (task.cells.length !== COLUMNS.length - 1) throw cellCountError(section.numeral, task, task.cells.length + 1);
    taskRow = undefined;
  };
  const closeSection = () => {
    if (!sectionRow) return;
    dropTrailingEmpty(sectionRow.cells);
    if (sectionRow.cells.length > 1) {
      throw new ImportError(
        sectionRow.line,
        `Section row ${sectionRow.section.numeral} has text in more than its title cell.`,
        'A section row holds its numeral and its title only; if this is a task, number it 1, 2, 3 … under its section.',
      );
    }
    sectionRow.section.title = sectionRow.cells.map((c) => c.text).join('\n');
    sectionRow = undefined;
  };

  let end = lines.length;
  let afterBlank = false;
  for (let i = loc.header ? loc.start + 1 : loc.start; i < lines.length; i++) {
    const text = lines[i]!;
    const ln = i + 1;
    if (isBlank(text)) {
      afterBlank = true;
      continue;
    }
    const gap = afterBlank;
    afterBlank = false;
    const cells = cellsOf(text);
    const given = filled(cells);
    const start = rowStart(cells);
    const open = taskRow ?? sectionRow;
    const current = sections[sections.length - 1];
    const rowName = taskRow ? `row ${current!.numeral}.${taskRow.task.n}` : `section row ${current?.numeral}`;

    if (sections.length > 0 && !start) {
      const part = closingPart(text);
      if (part === 'heading' && /^PHỤ LỤC/u.test(squash(text))) {
        end = i; // another appendix
        break;
      }
      if (part) {
        const k = rowAfter(lines, i + 1);
        if (k !== undefined) {
          throw new ImportError(
            ln,
            `Line ${ln} ("${squash(text)}") is not part of the table: it starts the ${part === 'heading' ? 'next part' : part === 'recipients' ? 'recipients' : 'signature block'} of the document, but a table row follows at line ${k + 1}.`,
            'Move the recipients and the signature below the table, or delete the stray line.',
          );
        }
        end = i;
        break;
      }
    }
    if (isColumnNumbers(cells)) continue;

    // A heading of the plan's text ("III. KINH PHÍ THỰC HIỆN") where the table stands in its body.
    if (start?.kind === 'section' && cells.length === 1 && isUpperText(start.title) && sections.length > 0 && rowAfter(lines, i + 1) === undefined) {
      end = i;
      break;
    }

    // A line after a blank one that does not go on in lower case cannot continue a complete row; a note
    // ("Ghi chú: …") after the last row ends the table even without the blank line.
    const complete = sectionRow !== undefined || (taskRow !== undefined && filled(taskRow.cells) >= COLUMNS.length - 1);
    const alone = !start && open !== undefined && complete && given === 1 ? squash(cells[0]!) : undefined;
    if (alone && !gap && NOTE.test(alone) && rowAfter(lines, i + 1) === undefined) {
      end = i;
      break;
    }
    if (alone && gap && !startsLowerCase(alone)) {
      const k = rowAfter(lines, i + 1);
      if (k === undefined) {
        end = i;
        break;
      }
      throw new ImportError(
        ln,
        `Line ${ln} ("${squash(text)}") cannot belong to a cell: it follows ${rowName}, which is complete, after a blank line, and does not go on in lower case; table rows follow at line ${k + 1}.`,
        'If it continues the last cell of the row above, join it to that cell; if it is a note, a page header or a page number copied with the table, delete it.',
      );
    }

    if (start?.kind === 'section') {
      const expected = sections.length + 1;
      if (start.value !== expected) {
        throw new ImportError(
          ln,
          current
            ? `Section ${start.numeral} comes after section ${current.numeral}; expected section ${toRoman(expected)}.`
            : `The first section is numbered ${start.numeral}; expected I.`,
          'Sections are numbered I, II, III … in order; check for a missing or repeated section row.',
        );
      }
      if (start.extra) {
        throw new ImportError(
          ln,
          `Section row ${start.numeral} has text in more than its title cell.`,
          'A section row holds its numeral and its title only; if this is a task, number it 1, 2, 3 … under its section.',
        );
      }
      closeTask();
      closeSection();
      const section: RawSection = { numeral: start.numeral, line: ln, title: '', tasks: [] };
      sections.push(section);
      sectionRow = { section, line: ln, endLine: ln, cells: [{ text: start.title, line: ln }] };
      continue;
    }

    if (start?.kind === 'task') {
      if (!current) {
        throw new ImportError(
          ln,
          `Task row ${start.n} comes before any section row.`,
          'The table groups its tasks under Roman-numbered section rows (I, II, …); copy the section row above it too.',
        );
      }
      const expected = current.tasks.length + 1;
      if (start.n === expected) {
        closeTask();
        closeSection();
        const task: RawTask = { n: start.n, line: ln, endLine: ln, cells: [] };
        current.tasks.push(task);
        taskRow = { task, line: ln, endLine: ln, cells: start.cells.map((t) => ({ text: t, line: ln })) };
        continue;
      }
      // A numbered line is a misnumbered row unless it can only be the tail of an unfinished row.
      let openCells = 0;
      if (taskRow) {
        openCells = taskRow.cells.length + 1;
        while (openCells > 1 && isBlank(taskRow.cells[openCells - 2]!.text)) openCells--;
      }
      if (!taskRow || cells.length >= COLUMNS.length || openCells >= COLUMNS.length) {
        throw new ImportError(
          ln,
          current.tasks.length === 0
            ? `The first row of section ${current.numeral} is numbered ${start.n}; expected 1.`
            : `Row ${start.n} comes after row ${expected - 1} in section ${current.numeral}; expected row ${expected}.`,
          'Rows are numbered 1, 2, 3 … again in each section; check for a missing, repeated or misnumbered row.',
        );
      }
    }

    if (!open) continue; // the header's own second line, before the first row
    if (sectionRow && given > 1) {
      throw new ImportError(
        ln,
        `Line ${ln} continues section row ${current!.numeral} with more cells than its title.`,
        'A section row holds its numeral and its title only; if this line is a task, number it 1, 2, 3 … under its section.',
      );
    }
    continueRow(open, cells, ln);
    if (taskRow && given > 1 && filled(taskRow.cells) > COLUMNS.length - 1) {
      throw new ImportError(
        ln,
        `Line ${ln} continues ${rowName} with cells it has no room for: the row would have ${filled(taskRow.cells) + 1} cells; expected ${COLUMNS.length}.`,
        'A cell has a tab inside it, or a line that continues a cell split by Word starts with a tab; join the pieces of that cell.',
      );
    }
  }
  closeTask();
  closeSection();
  return { sections, end };
}
