// Problems found in a user's plan, as values: the catalogue of stable codes and the Diagnostic type.
import type { FindingText } from '../messages/findings.js';

export { MAX_MESSAGE, type FindingParam, type FindingText, type Said } from '../messages/findings.js';

/** `note`: worth knowing, never a failure (the word the text report, the JSON and the README all use). */
export type Severity = 'error' | 'warning' | 'note';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in characters (UTF-16 code units of the NFC text). */
  col: number;
}

export interface Diagnostic {
  code: Code;
  severity: Severity;
  /** Every finding's sentence is in the findings catalogue: a plain string does not compile. */
  message: FindingText;
  file: string;
  start: Position;
  end?: Position;
  hint?: FindingText;
  /** A finding that depends on the day (a record dated in the future) holds only while today is before this day. */
  ifTodayBefore?: string;
}

/** Every code `tthc` reports, with its severity and one line for the README's table. */
export const CODES = {
  // Reading the file
  ENCODING_UTF16: ['error', 'The file is UTF-16 or UTF-32; plans are UTF-8.'],
  ENCODING_INVALID: ['error', 'The file has bytes that are not valid UTF-8.'],
  ENCODING_LEGACY: ['error', 'The file, or a text pasted into it, is Vietnamese in a legacy font encoding (TCVN3/ABC, VNI, Windows-1258).'],
  NUL_BYTE: ['error', 'The file contains NUL bytes: it is binary, or damaged.'],
  EMPTY_FILE: ['error', 'The file is empty.'],
  TOO_LARGE: ['error', 'The file is larger than a plan can reasonably be.'],
  // YAML
  YAML_SYNTAX: ['error', 'The YAML cannot be read (bad indentation, an unclosed quote, a truncated file …).'],
  YAML_TAB: ['error', 'A tab is used for indentation; YAML allows only spaces.'],
  DUPLICATE_KEY: ['error', 'The same key appears twice in one mapping.'],
  YAML_ALIAS: ['error', 'An anchor or alias (&name, *name); a plan needs none, so they are refused.'],
  YAML_TAG: ['error', 'An explicit tag (!!str, !foo); a plan needs none.'],
  NOT_A_MAPPING: ['error', 'The top of the file is not a mapping of keys to values.'],
  MULTIPLE_DOCUMENTS: ['error', 'The file holds more than one YAML document.'],
  // Shape
  UNKNOWN_KEY: ['error', 'A key the plan format does not have (often a typo).'],
  MISSING_KEY: ['error', 'A required key is missing.'],
  WRONG_TYPE: ['error', 'A value of the wrong type (a list where text is expected, a number that should be text …).'],
  BAD_VALUE: ['error', 'A value outside what the format allows (an unknown kind, an empty text, a malformed id …).'],
  FORMAT_VERSION: ['error', 'The file is of a plan format version this build does not read.'],
  // Meaning
  DATE_INVALID: ['error', 'A date that does not exist, such as 2023-02-30.'],
  PERIOD_INVALID: ['error', 'The plan period ends before it starts, or lies outside the plan year.'],
  TASK_ID_MALFORMED: ['error', 'A task id that is not the section numeral, a dot and the row number.'],
  TASK_ID_DUPLICATE: ['error', 'Two tasks with the same id.'],
  TASK_ID_SECTION: ['error', 'A task id whose numeral is not that of its section, or rows out of order.'],
  SECTION_ID: ['error', 'A section id that is not a Roman numeral in order (from I in each part, as A.I, of a plan with `parts`), or is used twice.'],
  AGENCY_UNKNOWN: ['error', 'A task names an agency id that `agencies` does not declare.'],
  AGENCY_CYCLE: ['error', 'Collectives whose membership loops back on itself.'],
  AGENCY_REPEATED: ['warning', 'A task names the same agency twice, or as both lead and support.'],
  AGENCY_UNUSED: ['note', 'An agency is declared but no task or collective names it.'],
  AGENCY_NAME_CLASH: ['error', 'Two agencies share a name or alias, so `--agency` could not tell them apart.'],
  SYMBOL_MALFORMED: ['error', 'A document number and symbol (số, ký hiệu) that is not of the form 45/QĐ-VPCP, 107/2021/NĐ-CP or, for a công văn, 1050/UBND-NC, or whose type is none of Nghị định 30/2020/NĐ-CP (QD for QĐ).'],
  REF_CONFLICT: ['warning', 'The same issuer and date cited under two different numbers.'],
  PLAN_NUMBER_BLANK: ['warning', 'The plan\'s own number or date is blank (the document was copied as a draft).'],
  WHEN_UNKNOWN: ['error', 'A timeline phrase that fits no form `tthc` knows, and no explicit schedule.'],
  WHEN_OUTSIDE_PERIOD: ['warning', 'A timeline falls outside the plan period.'],
  SCHEDULE_MISMATCH: ['warning', 'The explicit schedule and the timeline phrase disagree.'],
  SCHEDULE_FIELD: ['error', 'An explicit schedule field that does not fit its kind.'],
  FOLLOWS_UNKNOWN: ['error', 'A task follows a task id that the plan does not have, or itself.'],
  DUE_NON_WORKING_DAY: ['warning', 'A due date falls on a weekend or a public holiday; it is not moved.'],
  RECORD_SHAPE: ['error', 'A record has neither or both of `done` and `trigger`.'],
  RECORD_PERIOD: ['error', 'A record names a period the task does not have, or needs one and has none.'],
  RECORD_OUTSIDE_PLAN: ['error', 'A record is dated before the plan period, or after it; only the completion of an occurrence may come later, up to 31/12 of the next year.'],
  RECORD_BEFORE_WINDOW: ['error', 'A completion dated before the period of its recurring occurrence begins (or before its trigger).'],
  RECORD_DUPLICATE: ['error', 'Two completions of one occurrence, or the same record twice (same day, period and document).'],
  RECORD_DUE: ['error', 'A trigger\'s `due` before the trigger or after 31/12 of the year after the plan, or a `due` on a record that is not a trigger.'],
  RECORD_TRIGGER: ['error', 'A trigger recorded for a task that has no trigger.'],
  RECORD_FUTURE: ['warning', 'A record dated after today.'],
  HTML_IN_TEXT: ['note', 'A text carries an HTML fragment copied from the document (kept verbatim).'],
  TEXT_CONTROL: ['error', 'A text or key holds a control character or a bidirectional override (ESC, BEL, a bare CR, U+202E …) that could rewrite a terminal or a CI log.'],
  SPELLING: ['note', 'A likely typo copied from the document (kept verbatim).'],
  // Coverage of a parent plan (plan.implements)
  PARENT_NOT_FOUND: ['warning', 'The plan named by `implements:` is not found (no such file, or no plan with that number nearby), so its coverage is not checked.'],
  PARENT_UNIT_UNKNOWN: ['warning', 'The parent plan names no agency that is this plan\'s issuer, so which of its tasks fall to this plan cannot be told.'],
  PARENT_TASK_MISSING: ['warning', 'A task of the parent plan led by this plan\'s unit (by name, or as a member of a leading collective) that no task of this plan carries out.'],
  PARENT_TASK_UNKNOWN: ['warning', 'A task\'s `implements:` names a task the parent plan does not have.'],
  PARENT_DEADLINE_LATER: ['warning', 'A task is due after the deadline of the parent plan\'s task it carries out.'],
} as const satisfies Record<string, readonly [Severity, string]>;

export type Code = keyof typeof CODES;

export function severityOf(code: Code): Severity {
  return CODES[code][0];
}

export function makeDiagnostic(
  code: Code,
  file: string,
  start: Position,
  message: FindingText,
  hint?: FindingText,
  end?: Position,
): Diagnostic {
  const d: Diagnostic = { code, severity: severityOf(code), message, file, start };
  if (end) d.end = end;
  if (hint) d.hint = hint;
  return d;
}

export function countBySeverity(diags: readonly Diagnostic[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const d of diags) n[d.severity]++;
  return n;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** File order, then position, then severity: the order a reader walks the file. */
export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return diags.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.start.line - b.start.line ||
      a.start.col - b.start.col ||
      ORDER[a.severity] - ORDER[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
