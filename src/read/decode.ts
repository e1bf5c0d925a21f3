// Bytes of a plan file → NFC text, refusing what is not UTF-8 with a located, named reason.
import { makeDiagnostic, type Diagnostic, type FindingText } from '../model/diagnostics.js';
import { fm } from '../messages/findings.js';

/** A real plan is tens of kilobytes; past this we refuse instead of spending the user's memory. */
export const MAX_PLAN_BYTES = 8 * 1024 * 1024;

/**
 * The size on disk of a file of which only the first bytes were read (a file too large to read whole), kept on the
 * bytes themselves under a registered symbol: the CLI and its lazily loaded half are separate bundles, each with its
 * own copy of this module, so a module-level map would not be shared.
 */
const SIZE = Symbol.for('tthc.fileSize');

/** Marks `head` as the first bytes of a file of `size` bytes, so that TOO_LARGE says the file's real size. */
export function headOf<T extends Uint8Array>(head: T, size: number): T {
  Object.defineProperty(head, SIZE, { value: size });
  return head;
}

/** The size of the file `bytes` were read from: their length, unless they are only its head (see `headOf`). */
export function fileSize(bytes: Uint8Array): number {
  const size = (bytes as Uint8Array & { [SIZE]?: unknown })[SIZE];
  return Math.max(typeof size === 'number' ? size : 0, bytes.length);
}

/** A size as people read it: 20,000,000 bytes is "19.1 MiB", 900 KiB is "0.9 MiB". */
function mebibytes(n: number): string {
  return `${(n / 1048576).toFixed(1)} MiB`;
}

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

/** Length of the valid UTF-8 sequence at `i`, or 0 when the byte there breaks UTF-8. */
function utf8Length(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
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
  } else return 0;
  if (i + need >= bytes.length) return 0;
  let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k]!;
    if ((c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return need + 1;
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const n = utf8Length(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

/** The bytes that break UTF-8, read as Latin-1 (at most `max` of them): what a legacy encoding left in the file. */
function strayBytes(bytes: Uint8Array, from: number, max = 65536): string {
  let out = '';
  for (let i = from; i < bytes.length && out.length < max; ) {
    const n = utf8Length(bytes, i);
    if (n === 0) {
      out += String.fromCharCode(bytes[i]!);
      i++;
    } else i += n;
  }
  return out;
}

export type LegacyEncoding = 'TCVN3' | 'VNI' | 'Windows-1258';

/** TCVN3 (ABC) puts the lower-case Vietnamese letters (ă â ê ô ơ ư đ à á ả ạ …) on Latin-1's symbol range ¡ – ¿. */
const TCVN3_SYMBOLS = /[\u00a1-\u00bf]/u;
/** Latin-1 letters Vietnamese never uses, which VNI makes of its tone and vowel bytes (Haø Noäi, ñ = đ, ö = ư). */
const VNI_LETTERS = /[äåæëîïñöøûüÄÅÆËÎÏÑÖØÛÜ]/u;
/** Windows-1258 keeps the tilde as a combining byte (Þ) and writes đ/Đ as ð/Ð. */
const CP1258_LETTERS = /[ÞþÐð]/u;
/** Letters that only real (Unicode) Vietnamese text has: ă đ ĩ ũ ơ ư and the precomposed ạ … ỹ. */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/u;

const TCVN3_ALL = new RegExp(TCVN3_SYMBOLS.source, 'gu');
const VNI_ALL = new RegExp(VNI_LETTERS.source, 'gu');
const CP1258_ALL = new RegExp(CP1258_LETTERS.source, 'gu');
const UNICODE_ALL = new RegExp(UNICODE_VIETNAMESE.source, 'gu');
/** The three sets above in one: the characters of any legacy encoding. */
const LEGACY_ALL = new RegExp(`${TCVN3_SYMBOLS.source}|${VNI_LETTERS.source}|${CP1258_LETTERS.source}`, 'gu');

/** How many times `re` (global) matches in `text`. */
function countOf(text: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text)) n++;
  return n;
}

/**
 * Names the legacy Vietnamese encoding a text seems to be in, from characters that Vietnamese written in Unicode never
 * uses but that these encodings produce when read as Latin-1 (or converted byte for byte). A text with more real
 * Vietnamese letters than such characters is Unicode with a few symbols in it, not a legacy text.
 */
export function detectLegacy(text: string): LegacyEncoding | undefined {
  // Counted by the regular expression engine rather than letter by letter: this runs on every plan read afresh, and
  // a Unicode plan has almost none of these characters, so each count is one quick scan, and one scan for the three
  // sets at once settles most plans (fewer than three such characters).
  if (countOf(text, LEGACY_ALL) < 3) return undefined;
  const tcvn3 = countOf(text, TCVN3_ALL);
  const vni = countOf(text, VNI_ALL);
  const cp1258 = countOf(text, CP1258_ALL);
  const legacy = tcvn3 + vni + cp1258;
  if (legacy < 3 || countOf(text, UNICODE_ALL) >= legacy) return undefined;
  // TCVN3 also makes VNI's letters (ọ = ä, ủ = ñ, ứ = ø …), but VNI and Windows-1258 make none of its symbols,
  // while its commonest letters (à á â ê ư đ) are symbols: a quarter of them is plenty.
  if (tcvn3 * 4 >= legacy) return 'TCVN3';
  if (vni >= cp1258) return 'VNI';
  return 'Windows-1258';
}

/**
 * Inside a word, characters only TCVN3 (ABC) makes when its bytes are read as Latin-1: the symbols ¡ – ¿ (its ă â ê ô
 * ơ đ and the tones of a: "c«ng" is công, "t¸c" tác), but not ° ± ² ³ ´ (units, signs, an acute typed for an
 * apostrophe) nor the soft hyphen (its ư, but also Word's optional hyphen); and the letters Ç ç × ß ÷ þ ÿ.
 */
const TCVN3_IN_WORD = /[\u00a1-\u00ac\u00ae\u00af\u00b5-\u00bf\u00c7\u00d7\u00df\u00e7\u00f7\u00fe\u00ff]/u;
/** Latin-1 letters Vietnamese never uses, which both make: VNI's tone bytes ("hieän", "Thöïc"), TCVN3's ệ ể ọ ù … ("hiÖn"). */
const LEGACY_LETTER = /[äåæëîïñöøûüÄÅÆËÎÏÑÖØÛÜ]/u;
/**
 * VNI writes a toned or capped vowel as the bare vowel and a mark byte, which read as Latin-1 is another vowel: "caùc"
 * (các), "Naêm" (năm), "Yeâu caàu" (yêu cầu). Unicode Vietnamese never has these pairs (it has oà, uá, uâ: hoà, quá,
 * xuân), so each is as telling as a letter Vietnamese never uses.
 */
const VNI_PAIR = /[aAeE][âáàãêéèùõúÂÁÀÃÊÉÈÙÕÚ]|[oO][âùõÂÙÕ]|[uU][ùõÙÕ]|[yY][ùõÙÕ]/u;
/** VNI's mark bytes that stand after the vowel they mark, and the vowels (as VNI writes them) they follow. */
const VNI_MARK = /[øûïäåëØÛÏÄÅË]/u;
const VOWEL = /[aeiouyâêôAEIOUYÂÊÔöÖ]/u;
/** Latin-1's capital vowels with a Vietnamese mark, which TCVN3's lower-case ề ế ể ễ ệ ì … become. */
const UPPER_LATIN1_VOWEL = /[ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]/u;
/** Quotation marks that Unicode text may wrap a word in («Một cửa»), stripped before a word is judged. */
const EDGE = new Set('«»"\'“”‘’()[]{}.,;:!?…-');

/**
 * A word without the quotes and punctuation at its edges. A loop, not a regular expression: `[…]+$` tried at every
 * position of a long run of brackets inside a word is quadratic (a 17 KB title took seconds).
 */
function stripEdges(word: string): string {
  let a = 0;
  let b = word.length;
  while (a < b && EDGE.has(word[a]!)) a++;
  while (b > a && EDGE.has(word[b - 1]!)) b--;
  return word.slice(a, b);
}

export interface LegacyText {
  encoding: 'TCVN3' | 'VNI';
  /** Where the legacy text starts: the first word of a text with no Unicode letter, else the first word that gives it away. */
  word: string;
  index: number;
}

/**
 * Whether one value (a line, a field) of a Unicode file is Vietnamese pasted from a legacy font (TCVN3/ABC or VNI read
 * as Latin-1): two words or more with characters Vietnamese never has inside a word, or one in a text with no letter
 * only Unicode Vietnamese has (ă đ ơ ư ạ … ỹ). Edge quotes, units (m², 25°C) and ordinary text are not such words.
 */
export function detectLegacyText(text: string): LegacyText | undefined {
  let strong: { word: string; index: number } | undefined;
  let weak: { word: string; index: number } | undefined;
  let words = 0;
  let tcvn3 = 0;
  let vni = 0;
  for (const m of text.matchAll(/\S+/gu)) {
    const word = stripEdges(m[0]);
    const chars = [...word];
    let legacy = false;
    for (let i = 1; i < chars.length; i++) {
      if (VNI_PAIR.test(chars[i - 1]! + chars[i]!)) {
        legacy = true;
        vni++;
      }
    }
    chars.forEach((ch, i) => {
      const only = TCVN3_IN_WORD.test(ch);
      if (!only && !LEGACY_LETTER.test(ch)) return;
      // Inside a word: next to a letter or another such character (a lone "§" or "·" is punctuation).
      const near = [chars[i - 1], chars[i + 1]].some((c) => c !== undefined && (/\p{L}/u.test(c) || TCVN3_IN_WORD.test(c)));
      if (!near) return;
      legacy = true;
      const prev = chars[i - 1];
      // VNI writes upper-case words in upper case; an upper-case Ö after a lower-case letter is TCVN3's ệ ("hiÖn").
      if (only || (ch !== ch.toLowerCase() && prev !== undefined && prev !== prev.toUpperCase())) tcvn3++;
      // VNI's tone and vowel-mark bytes follow the vowel they mark ("hieän"); TCVN3's letters follow consonants ("häc").
      else if (VNI_MARK.test(ch) && prev !== undefined) (VOWEL.test(prev) ? vni++ : tcvn3++);
      else vni++;
    });
    // TCVN3's ế ể ệ … read as Latin-1 are capitals, inside lower-case words: "nÕu", "kiÓm".
    for (let i = 1; i < chars.length; i++) {
      if (/\p{Ll}/u.test(chars[i - 1]!) && UPPER_LATIN1_VOWEL.test(chars[i]!)) {
        legacy = true;
        tcvn3++;
      }
    }
    const at = { word, index: (m.index ?? 0) + m[0].indexOf(word) };
    if (legacy) {
      words++;
      strong ??= at;
    } else if (/\p{L}\u00ad\p{L}/u.test(word)) {
      // TCVN3's ư is the soft hyphen ("L\u00adu" is Lưu), which Word also puts inside Unicode words.
      weak ??= at;
    }
  }
  const unicode = UNICODE_VIETNAMESE.test(text);
  const encoding = tcvn3 >= vni ? 'TCVN3' : 'VNI';
  // A text with no Unicode letter is legacy throughout, from its first word; in a Unicode text, the legacy words are.
  const start = { word: stripEdges(/\S+/u.exec(text)?.[0] ?? ''), index: text.search(/\S/u) };
  if (!unicode && (strong || weak)) return { encoding: strong ? encoding : 'TCVN3', ...start };
  if (words >= 2) return { encoding, ...strong! };
  return undefined;
}

/** How wideEncoding says that a byte-order mark named the encoding. */
const BOM_SAID = ' (with a byte-order mark)';

export function legacyHint(enc: LegacyEncoding): FindingText {
  return fm('decode.legacy.hint', { encoding: enc });
}

/** Where in a text the first character typical of a legacy encoding stands. */
function firstLegacyChar(text: string): { line: number; col: number } {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /[\u00a1-\u00bf\u00c4-\u00c6\u00cb\u00ce\u00cf\u00d0\u00d1\u00d6\u00d8\u00db\u00dc\u00de\u00e4-\u00e6\u00eb\u00ee\u00ef\u00f0\u00f1\u00f6\u00f8\u00fb\u00fc\u00fe]/.exec(lines[i]!);
    if (m) return { line: i + 1, col: [...lines[i]!.slice(0, m.index)].length + 1 };
  }
  return { line: 1, col: 1 };
}

/**
 * Names the UTF-16 or UTF-32 encoding of a file, by its byte-order mark or, without one, by the zero bytes that
 * ASCII text has in every other (or three of every four) bytes; undefined for a byte-oriented text.
 */
export function wideEncoding(bytes: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return 'UTF-32 LE (with a byte-order mark)';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'UTF-32 BE (with a byte-order mark)';
  if (b0 === 0xff && b1 === 0xfe) return 'UTF-16 LE (with a byte-order mark)';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16 BE (with a byte-order mark)';
  const n = Math.min(bytes.length, 4096) & ~3;
  if (n < 4) return undefined;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[i & 3]!++;
  const quads = n / 4;
  const [z0, z1, z2, z3] = zeros as [number, number, number, number];
  const most = (z: number) => z >= quads * 0.6;
  const few = (z: number) => z <= quads * 0.05;
  if (most(z1) && most(z2) && most(z3) && few(z0)) return 'UTF-32 LE';
  if (most(z0) && most(z1) && most(z2) && few(z3)) return 'UTF-32 BE';
  if (most(z1) && most(z3) && few(z0) && few(z2)) return 'UTF-16 LE';
  if (most(z0) && most(z2) && few(z1) && few(z3)) return 'UTF-16 BE';
  return undefined;
}

/** `size`: the file's size on disk, where only its first bytes were read (a file too large to read whole, see `headOf`). */
export function decodePlanBytes(bytes: Uint8Array, file: string, size = fileSize(bytes)): Decoded {
  const out: Decoded = { bom: false, crlf: false, diagnostics: [] };
  const at = (line: number, col: number) => ({ line, col });
  const total = Math.max(size, bytes.length);
  if (total > MAX_PLAN_BYTES) {
    out.diagnostics.push(
      makeDiagnostic(
        'TOO_LARGE',
        file,
        at(1, 1),
        fm('decode.tooLarge', { size: mebibytes(total), bytes: total.toLocaleString('en-US'), max: MAX_PLAN_BYTES / 1048576 }),
        fm('decode.tooLarge.hint'),
      ),
    );
    return out;
  }
  const wide = wideEncoding(bytes);
  if (wide) {
    out.diagnostics.push(
      makeDiagnostic(
        'ENCODING_UTF16',
        file,
        at(1, 1),
        fm('decode.wide', { encoding: wide.replace(BOM_SAID, ''), bom: wide.endsWith(BOM_SAID) }),
        fm('decode.wide.hint'),
      ),
    );
    return out;
  }
  const b0 = bytes[0];
  const b1 = bytes[1];
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
        fm('decode.nul'),
        fm('decode.nul.hint'),
      ),
    );
    return out;
  }
  // The decoder checks UTF-8 natively (the same rule as utf8Length); only a file that fails is scanned for where.
  let valid: string | undefined;
  try {
    valid = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    valid = undefined;
  }
  const bad = valid === undefined ? firstInvalidUtf8(body) : -1;
  if (bad >= 0) {
    // Only the bytes that are not UTF-8 say what they are: the Vietnamese letters of a mostly UTF-8 file read as
    // Latin-1 would look like TCVN3 (their continuation bytes fall on the same range).
    const legacy = detectLegacy(strayBytes(body, bad));
    const pos = lineColAt(body, bad);
    if (legacy) {
      out.diagnostics.push(
        makeDiagnostic(
          'ENCODING_LEGACY',
          file,
          pos,
          fm('decode.legacyBytes', { encoding: legacy, line: pos.line }),
          legacyHint(legacy),
        ),
      );
    } else {
      out.diagnostics.push(
        makeDiagnostic(
          'ENCODING_INVALID',
          file,
          pos,
          fm('decode.invalid', { line: pos.line, byte: body[bad]!.toString(16).toUpperCase().padStart(2, '0') }),
          fm('decode.invalid.hint'),
        ),
      );
    }
    return out;
  }
  let text = valid ?? new TextDecoder('utf-8').decode(body);
  // A converted legacy file is valid UTF-8 but full of Latin-1 symbols no Vietnamese text has.
  const legacy = detectLegacy(text);
  if (legacy) {
    out.diagnostics.push(
      makeDiagnostic(
        'ENCODING_LEGACY',
        file,
        firstLegacyChar(text),
        fm('decode.legacyText', { encoding: legacy }),
        legacyHint(legacy),
      ),
    );
    return out;
  }
  out.crlf = text.includes('\r\n');
  text = text.normalize('NFC');
  if (text.trim() === '') {
    out.diagnostics.push(
      makeDiagnostic('EMPTY_FILE', file, at(1, 1), fm('decode.empty'), fm('file.start.hint')),
    );
    return out;
  }
  out.text = text;
  return out;
}
