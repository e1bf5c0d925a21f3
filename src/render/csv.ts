// CSV for Excel: UTF-8 with a byte-order mark, CRLF, a choice of separator, and cells that cannot run as formulas.
import { dataText } from './escape.js';

/** Excel runs a cell that starts with = + - @ (or tab/CR) as a formula; a leading apostrophe keeps it text. */
export function safeCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'string' ? dataText(v) : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return s;
}

export function csvRow(cells: (string | number | null | undefined)[], sep: string): string {
  return cells
    .map((c) => {
      const s = safeCell(c);
      return s.includes(sep) || /["\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(sep);
}

export function renderCsv(header: string[], rows: (string | number | null | undefined)[][], sep = ','): string {
  return '\uFEFF' + [header, ...rows].map((r) => csvRow(r, sep)).join('\r\n') + '\r\n';
}

export function csvSeparator(flag: string | undefined): string {
  if (flag === undefined || flag === ',') return ',';
  if (flag === ';' || flag === '\\t' || flag === 'tab' || flag === '\t') return flag === ';' ? ';' : '\t';
  return '';
}
