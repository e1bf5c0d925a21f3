// The report as a Word document in the form of Nghị định 30/2020/NĐ-CP (appendix I), drawn from the same blocks as the
// HTML: Times New Roman, A4, the decree's margins, real Word tables and headings. Loaded only by `tthc report --format docx`.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
} from 'docx';
import type { Run } from './markup.js';
import { PAGE } from './report.js';
import type { Block, DocCell, ReportDoc, Tone } from './report-doc.js';

const FONT = 'Times New Roman';
/** Millimetres to twips, rounded (the library's helper truncates: A4 would be 11905 × 16837, not Word's 11906 × 16838). */
const mm = (n: number) => Math.round((n * 1440) / 25.4);
/** Half-points: 14 pt body, 13 pt header lines, 11 pt tables and the recipients' list (the decree's sizes). */
const PT = (n: number) => n * 2;
const A4 = { width: mm(210), height: mm(297) };
const TEXT_WIDTH = A4.width - mm(PAGE.leftMm + PAGE.rightMm);

const SHADE: Partial<Record<Tone, string>> = { overdue: 'F4CCCC', 'due-soon': 'FCE5CD', done: 'D9EAD3', late: 'FFF2CC' };

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function text(s: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text: s, font: FONT, bold: o.bold, italics: o.italics, size: o.size });
}

function runs(rs: Run[], o: { bold?: boolean; size?: number; italics?: boolean } = {}): TextRun[] {
  return rs.map((r) => text(r.text, { bold: o.bold || r.bold, italics: o.italics || r.italic, size: o.size }));
}

function para(children: TextRun[], o: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ children, spacing: { before: 0, after: 0 }, ...o });
}

/**
 * The short rule the decree draws under the issuer, the motto and the summary: the top border of an empty, tiny
 * paragraph indented to the rule's length (a border on the text's own paragraph would squeeze the text instead).
 */
function rule(lengthTwips: number, columnTwips: number): Paragraph {
  const side = Math.max(0, Math.round((columnTwips - lengthTwips) / 2));
  return new Paragraph({
    children: [text('', { size: 2 })],
    spacing: { before: 20, after: 0, line: 240 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    indent: { left: side, right: side },
  });
}

function widthsTwips(percents: number[]): number[] {
  return percents.map((p) => Math.round((TEXT_WIDTH * p) / 100));
}

function gridCell(c: DocCell, width: number, head = false): TableCell {
  const shade = !head && c.tone ? SHADE[c.tone] : undefined;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: head ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    shading: shade ? { type: ShadingType.CLEAR, fill: shade, color: 'auto' } : undefined,
    children: [
      para(runs(c.runs, { bold: head || c.bold, size: PT(11), italics: !head && c.tone === 'muted' }), {
        alignment: head || c.align === 'center' ? AlignmentType.CENTER : c.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      }),
    ],
  });
}

function gridTable(b: Extract<Block, { kind: 'table' }>): Table {
  const widths = widthsTwips(b.widths);
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: b.head.map((h, i) => gridCell({ runs: [{ text: h, bold: true, italic: false }] }, widths[i]!, true)),
  });
  const rows = b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => gridCell(c, widths[i]!)) }));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: [head, ...rows],
  });
}

function blockParts(b: Block): (Paragraph | Table)[] {
  if (b.kind === 'heading') {
    return [
      new Paragraph({
        heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        children: [text(b.text, { bold: true, size: PT(14) })],
        spacing: { before: 120, after: 60 },
        indent: { firstLine: mm(10) },
        keepNext: true,
      }),
    ];
  }
  if (b.kind === 'para') {
    return [
      para(runs(b.runs, { size: PT(b.note ? 11 : 14), italics: b.note }), {
        alignment: AlignmentType.JUSTIFIED,
        indent: b.note ? undefined : { firstLine: mm(10) },
        spacing: { before: b.note ? 40 : 0, after: 120, line: 288 },
      }),
    ];
  }
  // A table is followed by an empty line, so that two tables do not merge and the text after it breathes.
  return [gridTable(b), para([text('', { size: PT(6) })])];
}

/** The two-column block at the top: issuer left, Quốc hiệu and tiêu ngữ right; the number and the date line under them. */
function header(doc: ReportDoc): Table {
  const [left, right] = widthsTwips([38, 62]) as [number, number];
  const leftLines: Paragraph[] = [];
  if (doc.superior) leftLines.push(para([text(doc.superior, { size: PT(13) })], { alignment: AlignmentType.CENTER }));
  for (const l of doc.issuer) leftLines.push(para([text(l, { bold: true, size: PT(13) })], { alignment: AlignmentType.CENTER }));
  leftLines.push(rule(mm(22), left));
  const rightLines = [
    para([text(doc.nation, { bold: true, size: PT(12) })], { alignment: AlignmentType.CENTER }),
    para([text(doc.motto, { bold: true, size: PT(13) })], { alignment: AlignmentType.CENTER }),
    rule(mm(58), right),
  ];
  const cellOf = (children: Paragraph[], width: number) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: [cellOf(leftLines, left), cellOf(rightLines, right)] }),
      new TableRow({
        children: [
          cellOf([para([text(doc.number, { size: PT(13) })], { alignment: AlignmentType.CENTER })], left),
          cellOf([para([text(doc.placeDate, { italics: true, size: PT(14) })], { alignment: AlignmentType.CENTER })], right),
        ],
      }),
    ],
  });
}

/** "Nơi nhận" left, the signature block right, as the decree places them at the end. */
function footer(doc: ReportDoc): Table {
  const [left, right] = widthsTwips([50, 50]) as [number, number];
  const to = [
    para([text('Nơi nhận:', { bold: true, italics: true, size: PT(12) })]),
    ...doc.recipients.map((r) => para([text(`- ${r}`, { size: PT(11) })])),
  ];
  const sign = [
    ...doc.signFor.map((l) => para([text(l, { bold: true, size: PT(14) })], { alignment: AlignmentType.CENTER })),
    ...[0, 1, 2, 3].map(() => para([text('', { size: PT(14) })])),
    para([text(doc.signer, { bold: true, size: PT(14) })], { alignment: AlignmentType.CENTER }),
  ];
  const cellOf = (children: Paragraph[], width: number) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cellOf(to, left), cellOf(sign, right)] })],
  });
}

export async function renderReportDocx(doc: ReportDoc): Promise<Uint8Array> {
  const body: (Paragraph | Table)[] = [
    header(doc),
    para([text(doc.kind, { bold: true, size: PT(14) })], { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 } }),
    para([text(doc.summary, { bold: true, size: PT(14) })], { alignment: AlignmentType.CENTER }),
    rule(mm(40), TEXT_WIDTH),
    para([text('', { size: PT(6) })]),
    ...doc.blocks.flatMap(blockParts),
    footer(doc),
    para([text(doc.footnote, { italics: true, size: PT(9) })], { spacing: { before: 240 } }),
  ];
  const document = new Document({
    creator: 'tthc',
    title: `${doc.kind} ${doc.summary}`,
    styles: {
      default: { document: { run: { font: FONT, size: PT(14) } } },
      paragraphStyles: [
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: PT(14), bold: true, color: '000000' } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: PT(14), bold: true, color: '000000' } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: {
              top: mm(PAGE.topMm),
              bottom: mm(PAGE.bottomMm),
              left: mm(PAGE.leftMm),
              right: mm(PAGE.rightMm),
            },
          },
        },
        children: body,
      },
    ],
  });
  const buf = await Packer.toBuffer(document);
  return new Uint8Array(buf);
}
