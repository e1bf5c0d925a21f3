// Findings as text (with the source line and a caret), JSON, or GitHub Actions workflow annotations.
import { countBySeverity, type Diagnostic } from '../model/diagnostics.js';
import { sayFinding } from '../messages/findings-say.js';
import type { FindingKey } from '../messages/findings.js';
import type { Lang } from '../messages/index.js';
import { githubData, githubProperty, terminalLine, terminalText } from './escape.js';
import type { Style } from './style.js';

export type DiagnosticFormat = 'text' | 'json' | 'github';

export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
  /** The file's lines, for excerpts; absent when the file could not be read as text. */
  lines?: string[];
}

/** A window of the line around the column, so that long Vietnamese lines stay readable: at most `width` characters, ellipses included. */
function excerpt(line: string, col: number, width: number): { text: string; caret: number } {
  const chars = [...line.replace(/\t/g, ' ')];
  const max = Math.max(40, width);
  if (chars.length <= max) return { text: chars.join(''), caret: col - 1 };
  let start = Math.max(0, col - 1 - Math.floor(max / 3));
  let end: number;
  if (start === 0) end = max - 1; // "text…"
  else if (start + max - 1 >= chars.length) {
    start = chars.length - (max - 1); // "…text"
    end = chars.length;
  } else end = start + max - 2; // "…text…"
  const text = (start > 0 ? '…' : '') + chars.slice(start, end).join('') + (end < chars.length ? '…' : '');
  return { text, caret: col - 1 - start + (start > 0 ? 1 : 0) };
}

/** Findings are said in the run's language; their codes, severities in JSON, files and positions are the same in every language. */
export function renderText(reports: FileReport[], style: Style, width = 100, lang: Lang = 'en'): string {
  const t = (key: FindingKey) => sayFinding(lang, { key });
  const hintWord = t('report.hint');
  let out = '';
  const total = { error: 0, warning: 0, note: 0 };
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const colour = d.severity === 'error' ? style.red : d.severity === 'warning' ? style.yellow : style.cyan;
      // File names, keys and values in a message are the plan's text: shown on one line, escaped (no forged `::error` line).
      out += `${style.bold(`${terminalLine(d.file)}:${d.start.line}:${d.start.col}`)}: ${colour(`${t(`report.${d.severity}`)}[${d.code}]`)}: ${terminalLine(sayFinding(lang, d.message))}\n`;
      const line = r.lines?.[d.start.line - 1];
      if (line !== undefined && line.trim() !== '') {
        const num = String(d.start.line);
        const pad = ' '.repeat(num.length);
        const ex = excerpt(line, d.start.col, width - num.length - 4);
        out += `${style.dim(`${pad} |`)}\n${style.dim(`${num} |`)} ${terminalText(ex.text)}\n${style.dim(`${pad} |`)} ${' '.repeat(Math.max(0, ex.caret))}${colour('^')}\n`;
        if (d.hint) out += `${pad} ${style.dim('=')} ${style.bold(hintWord)}: ${terminalLine(sayFinding(lang, d.hint))}\n`;
      } else if (d.hint) {
        out += `  ${style.dim('=')} ${style.bold(hintWord)}: ${terminalLine(sayFinding(lang, d.hint))}\n`;
      }
      out += '\n';
    }
    const n = countBySeverity(r.diagnostics);
    total.error += n.error;
    total.warning += n.warning;
    total.note += n.note;
  }
  const files = reports.length === 1 ? reports[0]!.file : sayFinding(lang, { key: 'report.files', params: { n: reports.length } });
  const summary = sayFinding(lang, { key: 'report.summary', params: { files, errors: total.error, warnings: total.warning, notes: total.note } });
  out += total.error ? style.red(summary) : total.warning ? style.yellow(summary) : style.green(summary);
  return out + '\n';
}

/** `message` and `hint` in the run's language; `code` and `severity` are stable English words for programs. */
export function renderJson(reports: FileReport[], lang: Lang = 'en'): string {
  const diagnostics = reports.flatMap((r) => r.diagnostics);
  const n = countBySeverity(diagnostics);
  return (
    JSON.stringify(
      {
        files: reports.map((r) => r.file),
        errors: n.error,
        warnings: n.warning,
        notes: n.note,
        diagnostics: diagnostics.map((d) => ({
          code: d.code,
          severity: d.severity,
          file: d.file,
          line: d.start.line,
          col: d.start.col,
          ...(d.end ? { endLine: d.end.line, endCol: d.end.col } : {}),
          message: sayFinding(lang, d.message),
          ...(d.hint ? { hint: sayFinding(lang, d.hint) } : {}),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

/** Workflow command escaping (src/render/escape.ts): data escapes %, CR, LF; properties also : and ,. */
const escData = githubData;
const escProp = githubProperty;

/** GitHub's workflow commands have no `note`: a note is a `::notice`. */
const WORKFLOW_COMMAND = { error: 'error', warning: 'warning', note: 'notice' } as const;

/** `::error file=…` lines; GitHub shows only ten per step, so the plain report follows them. */
export function renderGithub(reports: FileReport[], style: Style, width = 100, lang: Lang = 'en'): string {
  let out = '';
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const cmd = WORKFLOW_COMMAND[d.severity];
      const message = sayFinding(lang, d.message);
      const msg = d.hint ? `${message}\n${sayFinding(lang, d.hint)}` : message;
      out += `::${cmd} file=${escProp(d.file)},line=${d.start.line},col=${d.start.col},title=${escProp(d.code)}::${escData(msg)}\n`;
    }
  }
  return out + renderText(reports, style, width, lang);
}
