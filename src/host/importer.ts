// What `tthc import` alone needs (the readers of text, PDF and Word files, the dictionary of offices): a file of the
// build of its own, so that the runs that read a plan afresh or edit one (src/host/heavy.ts) do not load it.
export { importPlan, ImportError } from '../import/index.js';
export { docxToText, DocxError } from '../import/docx.js';
export { pdfToText, PdfError } from '../import/pdf.js';
