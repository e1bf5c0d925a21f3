// Reads a Word .docx file as the importer's text: one line per paragraph, one per table row with its cells joined by tabs.
//
// A .docx is a zip of XML parts; the text is in word/document.xml. fflate unzips it (small, no
// dependencies, maintained); the XML is read here, since only a few elements matter: paragraphs
// (w:p), their text (w:t), breaks (w:br, w:cr) and tabs (w:tab), tables (w:tbl, w:tr, w:tc) and the
// merges of their cells (w:gridSpan across, w:vMerge down). A line break inside a cell is kept as
// U+2028, which the table reader turns back into a line break of the cell.
import { strFromU8, unzipSync } from 'fflate';
import { msg, render, type Msg } from '../messages/index.js';

/** Why a .docx cannot be read: `text` in the run's language when printed, `message` in English. */
export class DocxError extends Error {
  readonly text: Msg;
  constructor(text: Msg) {
    super(render('en', text));
    this.text = text;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/giu, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? _m;
  });
}

interface Cell {
  text: string;
  span: number;
  /** w:vMerge without val="restart": the cell continues the one above it. */
  continues: boolean;
}

interface Table {
  rows: Cell[][];
}

/** The tables and paragraphs of word/document.xml, in order, as lines. */
export function documentXmlToText(xml: string): string {
  const lines: string[] = [];
  /** Open tables, innermost last; a table inside a cell is read as text of that cell. */
  const tables: Table[] = [];
  let cell: Cell | undefined;
  let para = '';
  let inText = false;
  const cellStack: (Cell | undefined)[] = [];

  const flushTable = (t: Table): string[] => {
    // Grid columns: a cell spanning n columns is followed by n-1 empty ones; a cell merged down takes the text above it.
    const grid: string[][] = [];
    for (const row of t.rows) {
      const out: string[] = [];
      for (const c of row) {
        const col = out.length;
        const above = grid[grid.length - 1]?.[col];
        // The first column holds the row number: a number merged down is not the next row's.
        out.push(c.continues && col > 0 ? (above ?? '') : c.continues ? '' : c.text);
        for (let k = 1; k < c.span; k++) out.push('');
      }
      grid.push(out);
    }
    return grid.map((r) => r.map((c) => c.replace(/\t/g, ' ')).join('\t'));
  };

  for (const m of xml.matchAll(/<(\/?)([\w:]+)((?:\s[^>]*?)?)(\/?)>|([^<]+)/gu)) {
    const [, close, tag, attrs = '', selfClose, text] = m;
    if (text !== undefined) {
      if (inText) para += decodeXml(text);
      continue;
    }
    const opening = !close;
    switch (tag) {
      case 'w:t':
        inText = opening && !selfClose;
        break;
      case 'w:tab':
        if (opening) para += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        if (opening) para += cell ? '\u2028' : '\n';
        break;
      case 'w:p':
        if (opening && !selfClose) para = '';
        else if (cell) cell.text += (cell.text === '' ? '' : '\u2028') + para;
        else if (tables.length === 0) lines.push(...para.split('\n'));
        if (close || selfClose) para = '';
        break;
      case 'w:tbl':
        if (opening) {
          cellStack.push(cell);
          cell = undefined;
          tables.push({ rows: [] });
        } else {
          const t = tables.pop()!;
          const rows = flushTable(t);
          cell = cellStack.pop();
          if (cell) cell.text += (cell.text === '' ? '' : '\u2028') + rows.join('\u2028').replace(/\t/g, ' ');
          else lines.push(...rows);
        }
        break;
      case 'w:tr':
        if (opening) tables[tables.length - 1]?.rows.push([]);
        break;
      case 'w:tc':
        if (opening) {
          cell = { text: '', span: 1, continues: false };
          const rows = tables[tables.length - 1]?.rows;
          rows?.[rows.length - 1]?.push(cell);
        } else cell = undefined;
        break;
      case 'w:gridSpan':
        if (cell) cell.span = Math.max(1, Number(/w:val="(\d+)"/u.exec(attrs)?.[1] ?? 1));
        break;
      case 'w:vMerge':
        if (cell) cell.continues = !/w:val="restart"/u.test(attrs);
        break;
      default:
        break;
    }
  }
  return lines.join('\n');
}

/** The text of a .docx file's main document, or a DocxError saying why it cannot be read. */
export function docxToText(bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  } catch {
    throw new DocxError(msg('imp.docx.zip'));
  }
  const xml = files['word/document.xml'];
  if (!xml) throw new DocxError(msg('imp.docx.notWord'));
  return documentXmlToText(strFromU8(xml));
}
