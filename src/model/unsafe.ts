// Which characters of a plan's text could act on a terminal or a log rather than show, and how one is shown instead.

/** C0 controls but tab and newline, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates. */
export const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The same set as one test (no /g state), with the newline too: what `check` reports in a value (TEXT_CONTROL). */
export const UNSAFE_IN_VALUE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** How an unsafe character is shown: \x1B, \u202E. */
export function visibleEscape(c: string): string {
  const n = c.codePointAt(0)!;
  return n < 0x100 ? `\\x${n.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${n.toString(16).toUpperCase().padStart(4, '0')}`;
}
