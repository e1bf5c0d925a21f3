// Bytes of a plan file → NFC text, refusing what is not UTF-8 with a located, named reason.
import { makeDiagnostic, type Diagnostic } from '../diagnostics.js';

/** A real plan is tens of kilobytes; past this we refuse instead of spending the user's memory. */
export const MAX_PLAN_BYTES = 8 * 1024 * 1024;

export interface Decoded {
  /** The text, NFC, without a byte-order mark; undefined when the bytes could not be read as a plan. */
  text?: string;
  bom: boolean;
  crlf: boolean;
  diagnostics: Diagnostic[];
}

function lineColAt(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Count characters, not bytes, up to the offset: decode the valid prefix of the line.
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, col: [...prefix].length + 1 };
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export type LegacyEncoding = 'TCVN3' | 'VNI' | 'Windows-1258';

/**
 * Names the legacy Vietnamese encoding a text seems to be in, from characters that Vietnamese written in
 * Unicode never uses but that these encodings produce when read as Latin-1 (or converted byte for byte).
 */
export function detectLegacy(text: string): LegacyEncoding | undefined {
  let tcvn3 = 0;
  let vni = 0;
  let cp1258 = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0xa0 || c > 0xff) continue;
    // TCVN3 (ABC) puts lower-case accented letters on the Latin-1 symbol range.
    if (c >= 0xa1 && c <= 0xbf && c !== 0xab && c !== 0xbb && c !== 0xb0 && c !== 0xb7) tcvn3++;
    // VNI writes the tone as a second byte after the vowel: ø ù û õ ï, and đ as ñ, ư as ö.
    if ('øûïñöëäåÿÖÑ'.includes(ch)) vni++;
    // Windows-1258 keeps the tilde as a combining byte (Þ) and đ as ð; its other tone bytes read as real letters.
    if ('ÞÐðþ'.includes(ch)) cp1258++;
  }
  const best = Math.max(tcvn3, vni, cp1258);
  if (best < 3) return undefined;
  if (best === vni && vni >= tcvn3) return 'VNI';
  if (best === cp1258) return 'Windows-1258';
  return 'TCVN3';
}

function legacyHint(enc: LegacyEncoding): string {
  return `Convert it to Unicode (UTF-8) with Unikey's converter (Công cụ → Chuyển mã, source ${
    enc === 'TCVN3' ? 'TCVN3 (ABC)' : enc === 'VNI' ? 'VNI Windows' : 'Vietnamese locale CP 1258'
  }, destination Unicode), or save it as "UTF-8" from your editor, then run tthc again.`;
}

/** Where in a text the first character typical of a legacy encoding stands. */
function firstLegacyChar(text: string): { line: number; col: number } {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /[\u00a1-\u00bf\u00d0\u00de\u00f0\u00f8\u00fb\u00ef\u00f1\u00f6]/.exec(lines[i]!);
    if (m) return { line: i + 1, col: [...lines[i]!.slice(0, m.index)].length + 1 };
  }
  return { line: 1, col: 1 };
}

export function decodePlanBytes(bytes: Uint8Array, file: string): Decoded {
  const out: Decoded = { bom: false, crlf: false, diagnostics: [] };
  const at = (line: number, col: number) => ({ line, col });
  if (bytes.length > MAX_PLAN_BYTES) {
    out.diagnostics.push(
      makeDiagnostic(
        'TOO_LARGE',
        file,
        at(1, 1),
        `The file is ${(bytes.length / 1048576).toFixed(1)} MiB; a plan is at most ${MAX_PLAN_BYTES / 1048576} MiB.`,
        'Check that this is the plan file and not an export or a binary; split the plan by year if it really is this large.',
      ),
    );
    return out;
  }
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (
    (b0 === 0xff && b1 === 0xfe) ||
    (b0 === 0xfe && b1 === 0xff) ||
    (b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) ||
    (bytes.length >= 4 && (b0 === 0) !== (b1 === 0) && (bytes[2] === 0) !== (bytes[3] === 0) && (b0 === 0 || b1 === 0))
  ) {
    out.diagnostics.push(
      makeDiagnostic(
        'ENCODING_UTF16',
        file,
        at(1, 1),
        'The file is encoded as UTF-16 (or UTF-32), not UTF-8.',
        'Save it again as "UTF-8" (in Notepad: Save As → Encoding: UTF-8). PowerShell\'s `>` writes UTF-16: use `--output FILE` instead.',
      ),
    );
    return out;
  }
  let start = 0;
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    out.bom = true;
    start = 3;
  }
  const body = bytes.subarray(start);
  const nul = body.indexOf(0);
  if (nul >= 0) {
    out.diagnostics.push(
      makeDiagnostic(
        'NUL_BYTE',
        file,
        lineColAt(body, nul),
        'The file contains a NUL byte: it is binary or damaged, not a plan.',
        'Open the file in a text editor to see what it is; restore it from git (`git checkout -- FILE`) if it was damaged.',
      ),
    );
    return out;
  }
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    const latin = new TextDecoder('latin1').decode(body);
    const legacy = detectLegacy(latin);
    const pos = lineColAt(body, bad);
    if (legacy) {
      out.diagnostics.push(
        makeDiagnostic(
          'ENCODING_LEGACY',
          file,
          pos,
          `The file is not UTF-8: it looks like Vietnamese in the legacy ${legacy} encoding (line ${pos.line}).`,
          legacyHint(legacy),
        ),
      );
    } else {
      out.diagnostics.push(
        makeDiagnostic(
          'ENCODING_INVALID',
          file,
          pos,
          `Line ${pos.line} has a byte (0x${body[bad]!.toString(16).toUpperCase().padStart(2, '0')}) that is not valid UTF-8.`,
          'Save the file as UTF-8; if it came from an old Word file or a legacy font, convert it to Unicode with Unikey first.',
        ),
      );
    }
    return out;
  }
  let text = new TextDecoder('utf-8').decode(body);
  // A converted legacy file is valid UTF-8 but full of Latin-1 symbols no Vietnamese text has.
  const legacy = detectLegacy(text);
  if (legacy) {
    out.diagnostics.push(
      makeDiagnostic(
        'ENCODING_LEGACY',
        file,
        firstLegacyChar(text),
        `The text looks like Vietnamese typed in the legacy ${legacy} font encoding, not Unicode.`,
        legacyHint(legacy),
      ),
    );
    return out;
  }
  out.crlf = text.includes('\r\n');
  text = text.normalize('NFC');
  if (text.trim() === '') {
    out.diagnostics.push(
      makeDiagnostic('EMPTY_FILE', file, at(1, 1), 'The file is empty.', 'Start from a shipped plan (`plans/`), or import one with `tthc import`.'),
    );
    return out;
  }
  out.text = text;
  return out;
}
