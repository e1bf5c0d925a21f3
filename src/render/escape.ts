// Text from a plan is data: one function per output language that makes control characters and bidi overrides harmless.
//
// A title, a key or a note may carry ESC sequences (clear the screen, write the clipboard with OSC 52, forge a link
// with OSC 8), C1 controls, BEL, backspace, a bare CR that overwrites the line, or U+202E that reverses what follows;
// in a CI log a newline followed by `::error` forges a workflow command. Each output shows such characters escaped
// and visible instead of obeying them.

import { UNSAFE, visibleEscape } from '../model/unsafe.js';

export { UNSAFE, UNSAFE_IN_VALUE, visibleEscape } from '../model/unsafe.js';

/** For the terminal (and plain-text CI logs): every unsafe character shown as its escape; tab and newline kept. */
export function terminalText(s: string): string {
  return s.replace(UNSAFE, visibleEscape);
}

/** For one line of the terminal (a finding's message, a file name): a newline is shown as \n too, so nothing starts a line. */
export function terminalLine(s: string): string {
  return terminalText(s).replace(/\r?\n/g, '\\n');
}

/**
 * What the process writes to stdout and stderr, as a last safety net: unsafe characters escaped, except the colour
 * (SGR) sequences tthc's own style writes. Plan text reaches the renderers escaped already (terminalText).
 */
export function outputSafe(s: string): string {
  if (!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s)) return s;
  return s.replace(/\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (m) => (m.length > 1 ? m : visibleEscape(m)));
}

/**
 * For Markdown (GitHub, VS Code, a wiki), the one Markdown escaper: unsafe characters escaped, HTML inert
 * (&lt;img onerror&gt;), link, code and table syntax escaped, so that `[x](javascript:…)` is text, and a newline a
 * space, so that no text starts a heading or a list; or, with `lineBreaks`, a `<br>` that keeps the line in a table cell.
 */
export function markdownText(s: string, opts: { lineBreaks?: boolean } = {}): string {
  // `&` stays: an entity (&#60;) shows as text, never as a tag, and "TN&TKQ" stays readable in the raw file.
  const t = terminalText(s)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`[\]|]/g, (c) => `\\${c}`);
  return opts.lineBreaks ? t.replace(/\n/g, '<br>') : t.replace(/\s*\n\s*/g, ' ');
}

/** For GitHub workflow commands: data escapes %, CR and LF (and the unsafe characters are shown escaped first). */
export function githubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(UNSAFE, visibleEscape);
}

/** For a property of a workflow command (file=, title=): also : and ,. */
export function githubProperty(s: string): string {
  return githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** For iCalendar TEXT and CSV cells: the controls RFC 5545 forbids (all but tab; newlines are escaped by the caller) removed. */
export function dataText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}
