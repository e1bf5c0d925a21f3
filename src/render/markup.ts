// The source's inline markup (<i>…</i>, <b>…</b>, as the plan keeps it verbatim): runs for documents, plain text for the rest.

export interface Run {
  text: string;
  italic: boolean;
  bold: boolean;
}

const TAG = /<(\/?)([ib]|em|strong)\s*>/gi;

/**
 * Splits text at the tags <i>, <b> (and <em>, <strong>) into runs. Anything else that looks like a tag stays text:
 * the plan is not HTML, and an unmatched closing tag only ends what is open.
 */
export function markupRuns(text: string): Run[] {
  const runs: Run[] = [];
  let italic = 0;
  let bold = 0;
  let last = 0;
  const push = (s: string) => {
    if (!s) return;
    const prev = runs[runs.length - 1];
    if (prev && prev.italic === italic > 0 && prev.bold === bold > 0) prev.text += s;
    else runs.push({ text: s, italic: italic > 0, bold: bold > 0 });
  };
  for (const m of text.matchAll(TAG)) {
    push(text.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[2]!.toLowerCase();
    const isItalic = name === 'i' || name === 'em';
    const delta = m[1] ? -1 : 1;
    if (isItalic) italic = Math.max(0, italic + delta);
    else bold = Math.max(0, bold + delta);
  }
  push(text.slice(last));
  return runs;
}

/** The text without its markup: what text outputs (tables, CSV, calendars) show. */
export function plainText(text: string): string {
  // Without a '<' there is no tag: the text is its own plain text (most cells, drawn by the hundred).
  if (!text.includes('<')) return text;
  return markupRuns(text)
    .map((r) => r.text)
    .join('');
}

/** HTML with the text escaped and the markup as <i>/<b> elements, always balanced. */
export function markupHtml(text: string, escape: (s: string) => string): string {
  return markupRuns(text)
    .map((r) => {
      let s = escape(r.text);
      if (r.italic) s = `<i>${s}</i>`;
      if (r.bold) s = `<b>${s}</b>`;
      return s;
    })
    .join('');
}
