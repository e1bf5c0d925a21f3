// The appendix table as copied from Word or PDF: tab-separated rows → sections and task rows with their cells, up to where the table ends.
import { closingPart } from './document.js';
import { ImportError } from './errors.js';
import { msg } from '../messages/index.js';
import { fromRoman, isBlank, isUpperText, squash, startsLowerCase, toRoman } from './text.js';

/** The six columns of the appendix, in order: the columns of a table copied without its header row. */
export const COLUMNS = [
  'TT',
  'Nội dung công việc',
  'Cơ quan thực hiện',
  'Cơ quan phối hợp',
  'Kết quả công việc',
  'Thời gian thực hiện',
] as const;

/** What a column holds; `extra` is a column the plan format has no key for, kept on the task by its header. */
export type Role = 'n' | 'content' | 'lead' | 'support' | 'output' | 'when' | 'extra';

export interface Column {
  role: Role;
  /** The header as written (one line). */
  name: string;
}

export const DEFAULT_COLUMNS: Column[] = (['n', 'content', 'lead', 'support', 'output', 'when'] as const).map((role, i) => ({
  role,
  name: COLUMNS[i]!,
}));

/**
 * The role of a column from its header, by the words offices use: "STT"/"TT"; "Thời gian thực hiện",
 * "Thời hạn hoàn thành", "Tiến độ"; "Kết quả …", "Sản phẩm"; "… phối hợp"; "… chủ trì", "Cơ quan thực
 * hiện"; "Nội dung", "Nhiệm vụ", "Giải pháp", "Tên nhiệm vụ/dự án". Tested in that order, since "Thời
 * gian thực hiện" and "Kết quả thực hiện" also say "thực hiện".
 */
export function roleOf(header: string): Role | undefined {
  const h = squash(header).toLocaleLowerCase('vi').replace(/[.:]+$/u, '');
  if (h === '') return undefined;
  if (/^(?:s\s?tt|tt|số tt|số thứ tự)$/u.test(h)) return 'n';
  if (/thời gian|thời hạn|tiến độ|thời điểm|mốc thời gian/u.test(h)) return 'when';
  if (/kết quả|sản phẩm/u.test(h)) return 'output';
  if (/phối hợp/u.test(h)) return 'support';
  if (/chủ trì/u.test(h) || /^(?:cơ quan|đơn vị)(?:,? (?:cơ quan|đơn vị))?(?: thực hiện)?$/u.test(h)) return 'lead';
  if (/nội dung|nhiệm vụ|giải pháp|công việc|đề án|dự án|hoạt động/u.test(h)) return 'content';
  return undefined;
}

/** The columns of a header row: each known role once (a second one is kept as an extra column). */
export function mapColumns(cells: string[]): Column[] {
  const seen = new Set<Role>();
  return cells.map((c, i) => {
    const name = squash(c);
    let role = roleOf(c) ?? 'extra';
    if (i === 0 && role === 'extra' && name === '') role = 'n';
    if (role !== 'extra' && seen.has(role)) role = 'extra';
    seen.add(role);
    return { role, name: name || `Cột ${i + 1}` };
  });
}

export interface RawCell {
  /** The cell's pieces as copied, joined by "\n" where Word or the PDF split the cell over lines. */
  text: string;
  /** 1-based line where the cell starts. */
  line: number;
}

export interface RawTask {
  /** The number (or label) printed in the first column: "3", "1.2", "b". */
  label: string;
  /** The task's id: section numeral, sub-section, printed label ("III.1.2"); the label alone without sections. */
  id: string;
  line: number;
  endLine: number;
  /** The cells after the first, one per column of `columns` after the first. */
  cells: RawCell[];
}

export interface RawSubsection {
  id: string;
  title: string;
  line: number;
}

export interface RawSection {
  /**
   * The section's id: its Roman numeral, with its part's label in front where the table groups its sections in
   * parts (A.I, B.II); a part's label alone for the tasks written directly under the part; "" for the one section
   * of a table without section rows.
   */
  numeral: string;
  /** The Roman numeral as printed, where the section has one. */
  roman?: string;
  /** The label of the part the section belongs to (A, B, or I, II of "Phần I"). */
  part?: string;
  /** The section stands for the part itself: the rows written under the part row before any section row. */
  partOnly?: boolean;
  line: number;
  title: string;
  subsections: RawSubsection[];
  tasks: RawTask[];
}

/** A top-level group of sections ("A. NHIỆM VỤ CHUNG", "PHẦN II: …"), whose sections are numbered I, II … again. */
export interface RawPart {
  id: string;
  title: string;
  line: number;
}

export interface TableLocation {
  /** 0-based index of the header row, or of the first row where there is no header. */
  start: number;
  header: boolean;
}

export interface ParsedTable {
  sections: RawSection[];
  /** The table's parts, where it groups its sections in parts; empty otherwise. */
  parts: RawPart[];
  /** The columns, from the header row (or the six of the appendix where there is none). */
  columns: Column[];
  /** 0-based index of the first line after the table (the input's length where nothing follows it). */
  end: number;
}

const SECTION_CELL = /^([IVX]+)\.?$/u;
const SECTION_INLINE = /^([IVX]+)[.)]?\s+(\p{Lu}.*)$/u;
/** A printed row number or sub-section label: 3, 3., 1.2, III.1, III.1.1, a, b) … */
const LABEL = String.raw`(?:\d{1,3}(?:\.\d{1,3})*|[IVX]+(?:\.\d{1,3})+|[a-zđ])`;
const LABEL_CELL = new RegExp(`^(${LABEL})[.)]?$`, 'u');
const TASK_INLINE = /^(\d{1,3})[.)]?\s+(\S.*)$/u;
/** "a) Nhóm nhiệm vụ …", "1.1. Rà soát …" in one cell, the rest of the row empty: a sub-section. */
const LABEL_INLINE = new RegExp(`^(${LABEL})[.)]\\s+(\\S.*)$`, 'u');
/** "PHẦN A", "Phần I", "Phần 2", then the title after ".", ":", "-" or in the next cell. */
const PART_WORD = /^(?:PHẦN|Phần|phần)\s+([A-Z]|[IVX]+|\d{1,2})(?:\s*[.:)\-–—]\s*|\s+|$)(.*)$/u;
/** "A", "B." in the number's cell with the title in the next; a part's letter is never a Roman digit (I, V, X). */
const PART_LETTER = /^([A-HJ-UWYZ])[.)]?$/u;
/** "A. NHIỆM VỤ CHUNG" in one cell, the title in capitals. */
const PART_LETTER_INLINE = /^([A-HJ-UWYZ])[.)]\s+(\p{Lu}.*)$/u;
const NOTE = /^(?:\*\s*)?Ghi chú\s*:/iu;
const BULLET = /^[-–+•*]$/u;

/** Cells of a line: tabs separate them; a line break kept inside a cell (read from .docx) is U+2028. */
function cellsOf(line: string): string[] {
  return line.split('\t').map((c) => c.replace(/\u2028/gu, '\n'));
}

function isHeader(cells: string[]): boolean {
  if (cells.length < 3) return false;
  const roles = cells.map(roleOf);
  return roles.includes('content') && (roles.includes('lead') || roles.includes('when'));
}

/** "1 2 3 4 5 6" or "(1) (2) …" under the header: the columns' numbers, not a task. */
function isColumnNumbers(cells: string[]): boolean {
  const c = cells.map(squash).filter((x) => x !== '');
  return c.length >= 3 && c.every((x, i) => x === String(i + 1) || x === `(${i + 1})`);
}

function filledCount(cells: string[]): number {
  return cells.filter((c) => !isBlank(c)).length;
}

function restEmpty(cells: string[], from: number): boolean {
  return cells.slice(from).every(isBlank);
}

type Start =
  | { kind: 'part'; label: string; value: number; title: string }
  | { kind: 'section'; numeral: string; value: number; title: string; extra: boolean }
  | { kind: 'task'; label: string; cells: string[] };

/** The place of a part's label in its series: A = 1, B = 2; I = 1, II = 2; 1, 2. */
function partValue(label: string): number | undefined {
  if (/^\d+$/u.test(label)) return Number(label);
  return fromRoman(label) ?? (/^[A-Z]$/u.test(label) ? label.charCodeAt(0) - 64 : undefined);
}

/**
 * A part row: "PHẦN A" / "Phần I: …" (the title in the same cell or the next), or a letter "A", "B." with its
 * title, the rest of the row empty. A line of a wrapped cell may start with "Phần 2 của …": in one cell without
 * tabs, "Phần …" starts a part only in capitals ("PHẦN II: NHIỆM VỤ CỤ THỂ").
 */
function partStart(cells: string[], c0: string): Start | undefined {
  const word = PART_WORD.exec(c0);
  const value = word ? partValue(word[1]!) : undefined;
  if (word && value !== undefined) {
    const inline = squash(word[2] ?? '');
    const tabbed = cells.length >= 2;
    if (inline !== '' && restEmpty(cells, 1) && (tabbed || isUpperText(c0))) return { kind: 'part', label: word[1]!, value, title: inline };
    if (inline === '' && tabbed && !isBlank(cells[1]!) && restEmpty(cells, 2)) return { kind: 'part', label: word[1]!, value, title: cells[1]! };
    if (inline === '' && restEmpty(cells, 1) && isUpperText(c0)) return { kind: 'part', label: word[1]!, value, title: '' };
  }
  const letter = PART_LETTER.exec(c0);
  if (letter && cells.length >= 2 && !isBlank(cells[1]!) && restEmpty(cells, 2)) return { kind: 'part', label: letter[1]!, value: partValue(letter[1]!)!, title: cells[1]! };
  const inline = PART_LETTER_INLINE.exec(c0);
  if (inline && restEmpty(cells, 1)) return { kind: 'part', label: inline[1]!, value: partValue(inline[1]!)!, title: inline[2]! };
  return undefined;
}

/** What a line starts, if it starts a row; undefined for a line that continues the open row. */
function rowStart(cells: string[], width: number): Start | undefined {
  const c0 = squash(cells[0] ?? '');
  const part = partStart(cells, c0);
  if (part) return part;
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
  m = LABEL_CELL.exec(c0);
  if (m && cells.length >= 2) return { kind: 'task', label: m[1]!, cells: cells.slice(1) };
  // "-" or "+" in the number's cell, with the row's other cells: a row the table does not number.
  if (BULLET.test(c0) && cells.length >= width - 1 && filledCount(cells) >= 3) return { kind: 'task', label: c0, cells: cells.slice(1) };
  // "1 Kế hoạch…<tab>…": the number followed by a space; only with the row's other cells present.
  m = TASK_INLINE.exec(c0);
  if (m && cells.length >= width - 1) return { kind: 'task', label: m[1]!, cells: [m[2]!, ...cells.slice(1)] };
  m = LABEL_INLINE.exec(c0);
  if (m && cells.length >= 2 && restEmpty(cells, 1)) return { kind: 'task', label: m[1]!, cells: [m[2]!] };
  return undefined;
}

/**
 * Where the table is: its header row (a row that names a content column and a lead or timeline
 * column), or else the first row of at least three tab-separated cells numbered as a section or a
 * task (with the section row just above it when that one was copied without tabs).
 */
export function findTable(lines: string[]): TableLocation | undefined {
  for (let i = 0; i < lines.length; i++) if (isHeader(cellsOf(lines[i]!))) return { start: i, header: true };
  for (let i = 0; i < lines.length; i++) {
    const cells = cellsOf(lines[i]!);
    if (cells.length < 3) continue;
    if (!rowStart(cells, COLUMNS.length)) continue;
    // The section row, and the part row above it, copied without tabs: the table starts there.
    let start = i;
    for (let j = i - 1; j >= 0; j--) {
      if (isBlank(lines[j]!)) continue;
      const above = rowStart(cellsOf(lines[j]!), COLUMNS.length);
      if (above?.kind !== 'section' && above?.kind !== 'part') break;
      start = j;
    }
    return { start, header: false };
  }
  return undefined;
}

/**
 * The header row and the lines that continue it, up to the first row: a second line with as many
 * cells (a header of two rows, "Cơ quan" over "Chủ trì | Phối hợp") is joined column by column; a
 * line with fewer cells continues the header's cells as a row does.
 */
function readHeader(lines: string[], start: number): { columns: Column[]; next: number } {
  const cells = cellsOf(lines[start]!).map((c) => squash(c));
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    const more = cellsOf(line);
    if (isColumnNumbers(more) || rowStart(more, cells.length) || closingPart(line)) break;
    if (more.length === cells.length) {
      more.forEach((c, k) => {
        const t = squash(c);
        if (t !== '' && !cells[k]!.includes(t)) cells[k] = squash(`${cells[k]} ${t}`);
      });
      continue;
    }
    const [first, ...rest] = more;
    let last = cells.length - 1;
    while (last > 0 && cells[last] === '') last--;
    if (first !== undefined && !isBlank(first)) cells[last] = squash(`${cells[last]} ${first}`);
    cells.push(...rest.map(squash));
  }
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return { columns: mapColumns(cells), next: i };
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
function rowAfter(lines: string[], from: number, width: number): number | undefined {
  for (let k = from; k < lines.length; k++) {
    if (isHeading(lines[k]!)) return undefined;
    const cells = cellsOf(lines[k]!);
    if (cells.length >= 2 && rowStart(cells, width)) return k;
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

function cellCountError(id: string, task: RawTask, found: number, columns: Column[]): ImportError {
  const width = columns.length;
  return new ImportError(
    task.line,
    msg('imp.cells', { id, from: task.line, to: task.endLine, found, width, columns: columns.map((c) => c.name).join(', ') }),
    found < width ? msg('imp.cells.few', { width }) : msg('imp.cells.many'),
  );
}

/** The label without the section's numeral in front ("III.1" under III, or under A.III, → "1"). */
function localLabel(label: string, section: RawSection): string {
  for (const numeral of [section.numeral, section.roman ?? '']) {
    if (numeral !== '' && label.startsWith(`${numeral}.`)) return label.slice(numeral.length + 1);
  }
  return label;
}

const isNumber = (s: string): boolean => /^\d+$/u.test(s);

/**
 * The sections and rows of the table starting at `loc`, with the numbering checked: sections I, II,
 * III … in order; in each, rows numbered 1, 2, 3 … again, or running on from the row before across
 * sections (1–11 over four sections); the printed number is the last part of the task's id.
 *
 * A part row ("A. NHIỆM VỤ CHUNG", "PHẦN II: …") groups the sections below it, which are numbered I, II …
 * again in each part: their ids carry the part's label (A.I, B.II), and so do their tasks' (A.I.2); rows
 * under a part row before any section row belong to the part itself (A.1).
 *
 * A numbered row with nothing but its content cell is a sub-section ("III.1", "1.1", "a", "a) …"); the
 * tasks under it take its label into their ids (III.1.2). A table without section rows is one section
 * without a numeral, whose task ids are the printed numbers.
 *
 * Where the table ends: at "Nơi nhận", a line of the signature block, or "PHỤ LỤC"/"KẾ HOẠCH" (no
 * table row may follow these before another "PHỤ LỤC"); and, where no table row follows, at a heading
 * of the plan's text in capitals ("III. KINH PHÍ THỰC HIỆN") or at a line that cannot continue the
 * row above it (below). The lines from there on are the document's, not the table's.
 *
 * A line that starts no row continues the open row (see continueRow), except where it cannot belong
 * to a cell, which is an error at that line: one that would give a row more cells than the table
 * has columns, or a section row more than its title; and one that follows a complete row after a
 * blank line and does not go on in lower case (a cell broken by a PDF page goes on in lower case),
 * where table rows follow it.
 */
export function parseTable(lines: string[], loc: TableLocation): ParsedTable {
  const head = loc.header ? readHeader(lines, loc.start) : { columns: DEFAULT_COLUMNS, next: loc.start };
  const columns = head.columns;
  const width = columns.length;
  const sections: RawSection[] = [];
  const parts: RawPart[] = [];
  let sectionRow: (OpenRow & { section: RawSection }) | undefined;
  let taskRow: (OpenRow & { task: RawTask; scope: string; prevLast: number | undefined }) | undefined;
  /** The sub-section path under the current section ("1", "1.a"), and the last number printed in each scope. */
  let subPath: string[] = [];
  const lastInScope = new Map<string, number>();
  /** The last number of a heading "1. NHÓM …" in each section: the next heading takes the next one. */
  const headingIn = new Map<string, number>();
  let lastNumber = 0;
  const ids = new Map<string, number>();

  const scopeOf = (section: RawSection): string => [section.numeral, ...subPath].filter((x) => x !== '').join('.');

  const closeTask = () => {
    if (!taskRow) return;
    const section = sections[sections.length - 1]!;
    /** The cells the copy wrote, empty ones at the end included (a trailing tab is an empty cell). */
    const written = taskRow.cells.length;
    dropTrailingEmpty(taskRow.cells);
    const task = taskRow.task;
    const { scope: openScope, prevLast } = taskRow;
    task.cells = taskRow.cells;
    task.endLine = taskRow.endLine;
    taskRow = undefined;
    // A numbered row with its content alone is a sub-section heading.
    if (task.cells.length === 1 && !isBlank(task.cells[0]!.text) && !isNumber(task.label) && width > 2) {
      section.tasks.pop();
      const local = localLabel(task.label, section);
      if (/\./u.test(local) || isNumber(local)) subPath = local.split('.');
      else if (subPath.length > 0 && !isNumber(subPath[subPath.length - 1]!)) subPath = [...subPath.slice(0, -1), local];
      else subPath = [...subPath, local];
      const id = scopeOf(section);
      section.subsections.push({ id, title: squash(task.cells[0]!.text.replace(/\n/g, ' ')), line: task.line });
      return;
    }
    if (task.cells.length === 1 && !isBlank(task.cells[0]!.text) && width > 2 && isNumber(task.label) && isUpperText(task.cells[0]!.text)) {
      // "1. NHÓM NHIỆM VỤ …" in capitals: a numbered sub-section; its number was not a task's.
      section.tasks.pop();
      if (prevLast === undefined) lastInScope.delete(openScope);
      else lastInScope.set(openScope, prevLast);
      headingIn.set(section.numeral, Number(task.label));
      subPath = [task.label];
      section.subsections.push({ id: scopeOf(section), title: squash(task.cells[0]!.text.replace(/\n/g, ' ')), line: task.line });
      return;
    }
    // Empty cells at the row's end are dropped by the copy; where those columns may be empty, they are empty.
    const optional = columns.slice(task.cells.length + 1).every((c) => c.role === 'extra' || c.role === 'output' || c.role === 'support');
    if (task.cells.length < width - 1 && (optional || written >= width - 1)) {
      while (task.cells.length < width - 1) task.cells.push({ text: '', line: task.endLine });
    }
    if (task.cells.length !== width - 1) throw cellCountError(task.id, task, task.cells.length + 1, columns);
    const seenAt = ids.get(task.id);
    if (seenAt !== undefined) {
      throw new ImportError(task.line, msg('imp.dupId', { label: task.label, id: task.id, line: seenAt }), msg('imp.dupId.hint'));
    }
    ids.set(task.id, task.line);
    if (isNumber(task.label)) lastNumber = Number(task.label);
  };
  const closeSection = () => {
    if (!sectionRow) return;
    dropTrailingEmpty(sectionRow.cells);
    if (sectionRow.cells.length > 1) {
      throw new ImportError(
        sectionRow.line,
        msg('imp.sectionText', { numeral: sectionRow.section.numeral }),
        msg('imp.sectionText.hint'),
      );
    }
    sectionRow.section.title = sectionRow.cells.map((c) => c.text).join('\n');
    if (sectionRow.section.partOnly) parts[parts.length - 1]!.title = squash(sectionRow.section.title.replace(/\n/g, ' '));
    sectionRow = undefined;
  };

  let end = lines.length;
  let afterBlank = false;
  for (let i = head.next; i < lines.length; i++) {
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
    const start = rowStart(cells, width);
    const open = taskRow ?? sectionRow;
    const current = sections[sections.length - 1];
    /** The row a line would continue, for messages. */
    const rowName = taskRow ? { task: taskRow.task.id } : { section: current?.numeral ?? '' };

    if (sections.length > 0 && !start) {
      const part = closingPart(text);
      if (part === 'heading' && /^PHỤ LỤC/u.test(squash(text))) {
        end = i; // another appendix
        break;
      }
      if (part) {
        const k = rowAfter(lines, i + 1, width);
        if (k !== undefined) {
          throw new ImportError(
            ln,
            msg('imp.stray', { line: ln, text: squash(text), part, next: k + 1 }),
            msg('imp.stray.hint'),
          );
        }
        end = i;
        break;
      }
    }
    if (isColumnNumbers(cells)) continue;

    // A heading of the plan's text ("III. KINH PHÍ THỰC HIỆN") where the table stands in its body.
    if (start?.kind === 'section' && cells.length === 1 && isUpperText(start.title) && sections.length > 0 && rowAfter(lines, i + 1, width) === undefined) {
      end = i;
      break;
    }

    // A line after a blank one that does not go on in lower case cannot continue a complete row; a note
    // ("Ghi chú: …") after the last row ends the table even without the blank line.
    const complete = sectionRow !== undefined || (taskRow !== undefined && filled(taskRow.cells) >= width - 1);
    const alone = !start && open !== undefined && complete && given === 1 ? squash(cells[0]!) : undefined;
    if (alone && !gap && NOTE.test(alone) && rowAfter(lines, i + 1, width) === undefined) {
      end = i;
      break;
    }
    if (alone && gap && !startsLowerCase(alone)) {
      const k = rowAfter(lines, i + 1, width);
      if (k === undefined) {
        end = i;
        break;
      }
      throw new ImportError(
        ln,
        msg('imp.alone', { line: ln, text: squash(text), ...rowName, next: k + 1 }),
        msg('imp.alone.hint'),
      );
    }

    if (start?.kind === 'part') {
      const part = parts[parts.length - 1];
      const expected = parts.length + 1;
      if (parts.length === 0 && sections.length > 0) {
        throw new ImportError(
          ln,
          msg('imp.partLate', { text: squash(text), ...(current!.numeral === '' ? {} : { section: current!.numeral }) }),
          msg('imp.partLate.hint'),
        );
      }
      if (start.value !== expected) {
        throw new ImportError(
          ln,
          msg('imp.partOrder', { label: start.label, ...(part ? { after: part.id } : {}) }),
          msg('imp.partOrder.hint'),
        );
      }
      closeTask();
      closeSection();
      subPath = [];
      parts.push({ id: start.label, title: squash(start.title) || `Phần ${start.label}`, line: ln });
      // The part stands as a section of its own until a section row opens under it: tasks may sit right under it.
      const section: RawSection = { numeral: start.label, part: start.label, partOnly: true, line: ln, title: '', subsections: [], tasks: [] };
      sections.push(section);
      sectionRow = { section, line: ln, endLine: ln, cells: [{ text: start.title, line: ln }] };
      continue;
    }

    if (start?.kind === 'section') {
      const part = parts[parts.length - 1];
      const real = sections.filter((s) => s.roman !== undefined && s.part === part?.id);
      const implicit = sections.find((s) => s.numeral === '');
      if (implicit) {
        const first = implicit.tasks[0] ?? { label: '?', line: implicit.line };
        throw new ImportError(
          first.line,
          msg('imp.taskFirst', { label: first.label }),
          msg('imp.taskFirst.hint'),
        );
      }
      const expected = real.length + 1;
      if (start.value !== expected) {
        const last = real[real.length - 1];
        throw new ImportError(
          ln,
          msg('imp.sectionOrder', { numeral: start.numeral, ...(last ? { last: last.roman } : {}), ...(part ? { part: part.id } : {}), expected: toRoman(expected) }),
          msg('imp.sectionOrder.hint', { parts: part !== undefined }),
        );
      }
      if (start.extra) {
        throw new ImportError(
          ln,
          msg('imp.sectionText', { numeral: start.numeral }),
          msg('imp.sectionText.hint'),
        );
      }
      closeTask();
      closeSection();
      subPath = [];
      // A part row followed by its first section row: the part held no tasks of its own.
      const top = sections[sections.length - 1];
      if (top?.partOnly && top.tasks.length === 0 && top.subsections.length === 0) sections.pop();
      const id = part ? `${part.id}.${start.numeral}` : start.numeral;
      const section: RawSection = { numeral: id, roman: start.numeral, ...(part ? { part: part.id } : {}), line: ln, title: '', subsections: [], tasks: [] };
      sections.push(section);
      sectionRow = { section, line: ln, endLine: ln, cells: [{ text: start.title, line: ln }] };
      continue;
    }

    if (start?.kind === 'task') {
      // The open row closes first: it may turn out to be a sub-section, which changes this row's scope.
      // "01", "1.01": the number, as an id writes it.
      let label = start.label
        .split('.')
        .map((x) => (/^\d+$/u.test(x) ? String(Number(x)) : x))
        .join('.');
      const acceptable = (): { ok: boolean; expected: number; first: boolean } => {
        const sec = sections[sections.length - 1];
        const scope = sec ? scopeOf(sec) : '';
        const last = lastInScope.get(scope);
        const expected = (last ?? 0) + 1;
        if (!isNumber(label)) return { ok: true, expected, first: last === undefined };
        const n = Number(label);
        const heading = (headingIn.get(sec?.numeral ?? '') ?? 0) + 1;
        return { ok: n === expected || n === lastNumber + 1 || (n === heading && subPath.length > 0), expected, first: last === undefined };
      };
      const wouldBeTail = (): boolean => {
        if (!taskRow) return false;
        let openCells = taskRow.cells.length + 1;
        while (openCells > 1 && isBlank(taskRow.cells[openCells - 2]!.text)) openCells--;
        return cells.length < width && openCells < width;
      };
      const before = acceptable();
      if (before.ok || !wouldBeTail()) {
        closeTask();
        closeSection();
        if (sections.length === 0) sections.push({ numeral: '', line: ln, title: '', subsections: [], tasks: [] });
        const section = sections[sections.length - 1]!;
        const after = acceptable();
        if (!after.ok) {

          throw new ImportError(
            ln,
            msg('imp.rowOrder', { first: after.first, label, ...(section.numeral === '' ? {} : { section: section.numeral }), last: lastNumber, expected: after.expected }),
            msg('imp.rowOrder.hint'),
          );
        }
        const scope = scopeOf(section);
        // A row marked "-" or "+" instead of a number is the next row of its section or sub-section.
        if (BULLET.test(label)) label = String((lastInScope.get(scope) ?? 0) + 1);
        const local = localLabel(label, section);
        // A label written in full ("II.2", "1.2") is a path from the section; a bare one ("2", "b") is under the open sub-section.
        const full = local !== label || /\./u.test(local);
        const id = full ? [section.numeral, local].filter((x) => x !== '').join('.') : [scope, local].filter((x) => x !== '').join('.');
        const prevLast = lastInScope.get(scope);
        if (isNumber(label)) lastInScope.set(scope, Number(label));
        const task: RawTask = { label, id, line: ln, endLine: ln, cells: [] };
        section.tasks.push(task);
        taskRow = { task, scope, prevLast, line: ln, endLine: ln, cells: start.cells.map((t) => ({ text: t, line: ln })) };
        continue;
      }
    }

    if (!open) continue; // the header's own second line, before the first row
    if (sectionRow && given > 1) {
      throw new ImportError(
        ln,
        msg('imp.sectionMore', { line: ln, numeral: current!.numeral }),
        msg('imp.sectionMore.hint'),
      );
    }
    continueRow(open, cells, ln);
    if (taskRow && given > 1 && filled(taskRow.cells) > width - 1) {
      throw new ImportError(
        ln,
        msg('imp.noRoom', { line: ln, ...rowName, n: filled(taskRow.cells) + 1, width }),
        msg('imp.cells.many'),
      );
    }
  }
  closeTask();
  closeSection();
  return { sections, parts, columns, end };
}
