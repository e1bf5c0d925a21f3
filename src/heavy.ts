// Everything that needs the YAML reader or zod, behind one door: the bundle loads it only when a command needs it.
export { analyze, type Analysis } from './plan/analyze.js';
export { loadBytes, isPlanBytes } from './plan/load.js';
export { checkLoaded } from './plan/check.js';
export { addRecord, EditError } from './plan/edit.js';
export { updateFile, writeSafely, LockError, ConflictError, WriteRefused } from './plan/write.js';
export { importPlan, ImportError } from './import/index.js';
export { docxToText, DocxError } from './import/docx.js';
export { pdfToText, PdfError } from './import/pdf.js';
export { parse as parseYaml } from 'yaml';
export { Plan as PlanSchema } from './plan/schema.js';
export { z } from 'zod';
