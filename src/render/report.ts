// The progress report as one self-contained HTML page (inline CSS, nothing fetched), laid out as the Word document
// is (Nghị định 30/2020/NĐ-CP): the same blocks from src/render/report-doc.ts, printed on the same A4 pages.
import type { Run } from './markup.js';
import type { Block, DocCell, ReportDoc } from './report-doc.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const esc = escapeHtml;

/** The decree's page: A4, top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 pt in the body. */
export const PAGE = { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 } as const;

const STYLE = `
@page { size: A4; margin: ${PAGE.topMm}mm ${PAGE.rightMm}mm ${PAGE.bottomMm}mm ${PAGE.leftMm}mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; background: #eee; }
body { margin: 0; color: #000; font-family: "Times New Roman", "Liberation Serif", "Noto Serif", "DejaVu Serif", serif; font-size: 14pt; line-height: 1.3; }
main { width: 210mm; min-height: 297mm; margin: 1rem auto; padding: ${PAGE.topMm}mm ${PAGE.rightMm}mm ${PAGE.bottomMm}mm ${PAGE.leftMm}mm; background: #fff; box-shadow: 0 0 0.4rem #999; }
table.head, table.foot { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.head td, table.foot td { border: 0; padding: 0; vertical-align: top; text-align: center; }
table.head td.left { width: 40%; font-size: 13pt; }
table.head td.right { width: 60%; font-size: 13pt; }
.superior { margin: 0; }
.issuer { margin: 0; font-weight: bold; }
.nation { margin: 0; font-weight: bold; font-size: 12.5pt; }
.motto { margin: 0; font-weight: bold; font-size: 13.5pt; }
.rule { display: block; margin: 1pt auto 0; border: 0; border-top: 0.75pt solid #000; }
.rule.short { width: 30%; }
.rule.motto-rule { width: 58%; }
.number { margin: 6pt 0 0; }
.place-date { margin: 6pt 0 0; font-style: italic; }
.kind { margin: 18pt 0 0; text-align: center; font-weight: bold; font-size: 14pt; }
.summary { margin: 0; text-align: center; font-weight: bold; font-size: 14pt; }
.summary + .rule { width: 25%; margin-bottom: 12pt; }
h2 { font-size: 14pt; font-weight: bold; margin: 8pt 0 3pt; text-indent: 1cm; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 14pt; font-weight: bold; margin: 6pt 0 3pt; text-indent: 1cm; break-after: avoid; page-break-after: avoid; }
p.body { margin: 0 0 6pt; text-indent: 1cm; text-align: justify; }
p.note { margin: 3pt 0 6pt; font-size: 11pt; font-style: italic; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 11pt; line-height: 1.2; margin: 3pt 0 6pt; }
table.grid th, table.grid td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: top; text-align: left; }
table.grid thead th { font-weight: bold; text-align: center; vertical-align: middle; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.grid td.center { text-align: center; }
table.grid td.right { text-align: right; }
td.bold { font-weight: bold; }
td.tone-overdue { background: #f4cccc; }
td.tone-due-soon { background: #fce5cd; }
td.tone-done { background: #d9ead3; }
td.tone-late { background: #fff2cc; }
td.tone-muted { color: #555; font-style: italic; }
table.foot { margin-top: 12pt; break-inside: avoid; page-break-inside: avoid; }
table.foot td.left { width: 50%; text-align: left; }
table.foot td.right { width: 50%; }
.to { margin: 0; font-size: 12pt; font-weight: bold; font-style: italic; }
ul.recipients { margin: 0; padding: 0; list-style: none; font-size: 11pt; }
.sign-for { margin: 0; font-weight: bold; }
.sign-space { height: 60pt; }
.signer { margin: 0; font-weight: bold; }
footer { margin-top: 18pt; font-size: 9pt; color: #555; }
@media print {
  html { background: #fff; }
  main { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
`;

function runsHtml(runs: Run[]): string {
  return runs
    .map((r) => {
      let s = esc(r.text);
      if (r.italic) s = `<i>${s}</i>`;
      if (r.bold) s = `<b>${s}</b>`;
      return s;
    })
    .join('');
}

function cellHtml(c: DocCell): string {
  const cls = [c.align && c.align !== 'left' ? c.align : null, c.bold ? 'bold' : null, c.tone && c.tone !== 'plain' ? `tone-${c.tone}` : null].filter(Boolean);
  return `<td${cls.length ? ` class="${cls.join(' ')}"` : ''}>${runsHtml(c.runs)}</td>`;
}

function blockHtml(b: Block): string {
  if (b.kind === 'heading') return b.level === 1 ? `<h2>${esc(b.text)}</h2>` : `<h3>${esc(b.text)}</h3>`;
  if (b.kind === 'para') return `<p class="${b.note ? 'note' : 'body'}">${runsHtml(b.runs)}</p>`;
  const cols = b.widths.map((w) => `<col style="width:${w}%">`).join('');
  const head = `<tr>${b.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr>`;
  const rows = b.rows.map((r) => `<tr>${r.map(cellHtml).join('')}</tr>`).join('\n');
  return `<table class="grid ${b.name}">\n<colgroup>${cols}</colgroup>\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

export function renderReport(doc: ReportDoc, title: string): string {
  const issuer = doc.issuer.map((l) => `<p class="issuer">${esc(l)}</p>`).join('');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<table class="head">
<tr><td class="left">${doc.superior ? `<p class="superior">${esc(doc.superior)}</p>` : ''}${issuer}<hr class="rule short"></td>
<td class="right"><p class="nation">${esc(doc.nation)}</p><p class="motto">${esc(doc.motto)}</p><hr class="rule motto-rule"></td></tr>
<tr><td class="left"><p class="number">${esc(doc.number)}</p></td><td class="right"><p class="place-date">${esc(doc.placeDate)}</p></td></tr>
</table>
<p class="kind">${esc(doc.kind)}</p>
<p class="summary">${esc(doc.summary)}</p>
<hr class="rule">
${doc.blocks.map(blockHtml).join('\n')}
<table class="foot">
<tr><td class="left"><p class="to">Nơi nhận:</p><ul class="recipients">${doc.recipients.map((r) => `<li>- ${esc(r)}</li>`).join('')}</ul></td>
<td class="right">${doc.signFor.map((l) => `<p class="sign-for">${esc(l)}</p>`).join('')}<div class="sign-space"></div><p class="signer">${esc(doc.signer)}</p></td></tr>
</table>
<footer>${esc(doc.footnote)}</footer>
</main>
</body>
</html>
`;
}
