// How deeply a YAML text nests, found in one linear pass before the (recursive) YAML reader is let near it.
//
// Why: the YAML reader composes nested collections by recursion. A few kilobytes of `{a: {a: …` exhaust the stack,
// and when that happens while V8 compiles a regular expression the process aborts ("RegExpCompiler Allocation
// failed", exit 134) instead of throwing; a million `[` costs a gigabyte before it does. A plan nests about eight
// levels (sections → tasks → records → fields), so anything past MAX_DEPTH is refused before it is parsed.

/** Nesting a plan never comes near; far below where the YAML reader's recursion runs out of stack. */
export const MAX_DEPTH = 40;

/**
 * Lines in a row of the form `key: text:` at one indentation (each a mapping inside a compact value, a YAML error
 * already): the reader's parser keeps each one open on its stack until the indentation drops, and unwinds them by
 * recursion (5 000 such lines exhaust it). Far more than an error worth reading one by one.
 */
export const MAX_COMPACT_RUN = 500;


/**
 * The offset of the first character at which the text nests deeper than `max` (block indentation levels, `- `
 * and `? ` items on one line and flow brackets counted together), or -1. It over-counts rather than under-counts
 * where YAML is ambiguous to a line scanner (a plain text continued on more deeply indented lines), which only a
 * text nested far beyond any plan could notice.
 */
export function tooDeepAt(text: string, max = MAX_DEPTH): number {
  const n = text.length;
  /** Indentation of the open block levels. */
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  /** Inside a block scalar (`|`, `>`): lines indented more than this belong to it. */
  let blockParent = -1;
  /** Lines of `key: text:` since the indentation last dropped below `runIndent`. */
  let run = 0;
  let runIndent = 0;
  // What ends a stretch of plain text on a line: a comment, a colon, or the line's end. The next `:` and `#` at or
  // after the scan are kept and looked for again only once passed (the scan only moves on): two searches per line
  // by a regular expression were most of this pass, and one that finds none is never repeated (-1).
  let nextColon = -2;
  let nextHash = -2;
  let i = 0;
  while (i < n) {
    // One line: [i, end).
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    let j = i;
    let extra = 0;
    if (!quote && flow === 0) {
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      const indent = j - i;
      const blank = j >= end || text[j] === '#' || text[j] === '\r';
      if (blockParent >= 0) {
        if (blank || indent > blockParent) {
          i = end + 1;
          continue;
        }
        blockParent = -1;
      }
      if (blank) {
        i = end + 1;
        continue;
      }
      if (indent < runIndent) run = 0;
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      if (indents.length > max) return j;
    }
    const lineIndent = indents.length ? indents[indents.length - 1]! : 0;
    let valueStart = !quote && flow === 0;
    let colons = 0;
    for (; j < end; j++) {
      if (!quote && flow === 0 && !valueStart) {
        // Inside a plain value only a comment or another `key:` matters: the rest of the text is passed over at once.
        if (nextColon !== -1 && nextColon < j) nextColon = text.indexOf(':', j);
        if (nextHash !== -1 && nextHash < j) nextHash = text.indexOf('#', j);
        let stop = end;
        if (nextColon >= 0 && nextColon < stop) stop = nextColon;
        if (nextHash >= 0 && nextHash < stop) stop = nextHash;
        if (stop >= end) {
          j = end;
          break;
        }
        j = stop;
      }
      const c = text[j]!;
      if (quote === '"') {
        if (c === '\\') j++;
        else if (c === '"') quote = undefined;
        continue;
      }
      if (quote === "'") {
        if (c === "'") {
          if (text[j + 1] === "'") j++;
          else quote = undefined;
        }
        continue;
      }
      const prev = j > 0 ? text[j - 1]! : '\n';
      if (c === '#' && (prev === ' ' || prev === '\t' || prev === '\n')) break;
      if (flow > 0) {
        if (c === '[' || c === '{') {
          flow++;
          if (indents.length + extra + flow > max) return j;
        } else if (c === ']' || c === '}') flow--;
        else if ((c === '"' || c === "'") && ' \t\n,[{:'.includes(prev)) quote = c;
        continue;
      }
      if (valueStart) {
        if (c === ' ' || c === '\t') continue;
        const next = text[j + 1];
        const separated = next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
        if ((c === '-' || c === '?') && separated) {
          extra++;
          if (indents.length + extra > max) return j;
          continue;
        }
        valueStart = false;
        if (c === '[' || c === '{') {
          flow = 1;
          if (indents.length + extra + flow > max) return j;
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '|' || c === '>') {
          blockParent = lineIndent;
          break;
        }
        continue;
      }
      if (c === ':') {
        const next = text[j + 1];
        if (next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r') {
          valueStart = true;
          colons++;
        }
      }
    }
    if (colons >= 2) {
      if (run === 0) runIndent = lineIndent;
      if (++run > MAX_COMPACT_RUN) return i + lineIndent;
    }
    i = end + 1;
  }
  return -1;
}
