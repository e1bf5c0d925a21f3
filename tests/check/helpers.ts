// Shared by the `tthc check` tests: running the CLI in-process, reading its JSON report, and legacy Vietnamese encoders.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'tests/check/fixtures');
export const SHIPPED = 'plans/kon-ray-2023.yaml';

/** A fixed clock (15/6/2023, 10:00 in Vietnam), so that nothing depends on the day the tests run. */
export const NOW = new Date('2023-06-15T03:00:00Z');

export interface Run {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs `tthc ARGV` in-process from the repository root, without colour, 100 columns wide, in English (TTHC_LANG=en):
 * these tests assert the English findings; tests/check/vietnamese.test.ts runs the same plans in the default language.
 */
export async function run(argv: string[], env: Record<string, string> = {}): Promise<Run> {
  const io = memoryIo({ env: { COLUMNS: '100', NO_COLOR: '1', TTHC_LANG: 'en', ...env }, cwd: ROOT, now: () => NOW });
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

export interface JsonDiagnostic {
  code: string;
  severity: string;
  file: string;
  line: number;
  col: number;
  message: string;
  hint?: string;
}

export interface JsonReport {
  files: string[];
  errors: number;
  warnings: number;
  notes: number;
  diagnostics: JsonDiagnostic[];
}

/** `tthc check FILE --format json`, parsed; fails the test on a stack trace. */
export async function checkJson(file: string, ...more: string[]): Promise<Run & { report: JsonReport }> {
  const r = await run(['check', file, '--format', 'json', ...more]);
  expectNoStackTrace(r);
  return { ...r, report: JSON.parse(r.out) as JsonReport };
}

/** No "    at f (file:1:2)" lines and no "internal error" anywhere in the output. */
export function expectNoStackTrace(r: Pick<Run, 'out' | 'err'>): void {
  for (const s of [r.out, r.err]) {
    expect(s).not.toMatch(/^\s{4}at /m);
    expect(s).not.toMatch(/internal error/i);
  }
}

/** `code@line:col` for each finding, in report order. */
export function where(report: JsonReport): string[] {
  return report.diagnostics.map((d) => `${d.code}@${d.line}:${d.col}`);
}

/** A scratch folder, removed by the returned function. */
export function scratchDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `tthc-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function readText(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/**
 * TCVN3 (ABC, TCVN 5712:1993 VN3), bytes 0xA0–0xFF: the lower-case letters and the upper-case Ă Â Ê Ô Ơ Ư Đ
 * (upper-case accented letters live in a separate "H" font and are not needed here). From the TCVN 5712 table.
 */
const TCVN3_HIGH =
  '\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ' +
  '\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ' +
  'ẮẦẨẪẤỀặầẩẫấậèỂẻẽ' +
  'éẹềểễếệìỉỄẾỒĩíịò' +
  'Ổỏõóọồổỗốộờởỡớợù' +
  'ỖủũúụừửữứựỳỷỹýỵỐ';

/** Encodes Vietnamese text (NFC) in TCVN3; throws on a character the table lacks, so the tests cannot drift. */
export function encodeTcvn3(text: string): Uint8Array {
  if ([...TCVN3_HIGH].length !== 96) throw new Error('TCVN3 table must have 96 entries');
  const map = new Map<string, number>();
  [...TCVN3_HIGH].forEach((ch, i) => map.set(ch, 0xa0 + i));
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (map.has(ch)) out.push(map.get(ch)!);
    else throw new Error(`no TCVN3 byte for ${ch}`);
  }
  return Uint8Array.from(out);
}

/**
 * VNI Windows writes a letter as its base vowel followed by a byte for the tone (and for â ê ô ă: the combined mark);
 * ơ, ư, đ and the tones of i and y are single bytes. Lower case here (upper case is the same bytes minus 0x20).
 */
const VNI_TONES = { none: '', acute: 'ù', grave: 'ø', hook: 'û', tilde: 'õ', dot: 'ï' } as const;
const VNI_CIRCUMFLEX = { none: 'â', acute: 'á', grave: 'à', hook: 'å', tilde: 'ã', dot: 'ä' } as const;
const VNI_BREVE = { none: 'ê', acute: 'é', grave: 'è', hook: 'ú', tilde: 'ü', dot: 'ë' } as const;
const VNI_I = { none: 'i', acute: 'í', grave: 'ì', hook: 'æ', tilde: 'ó', dot: 'ò' } as const;
type Tone = keyof typeof VNI_TONES;
const TONE_MARKS: Record<string, Tone> = { '\u0301': 'acute', '\u0300': 'grave', '\u0309': 'hook', '\u0303': 'tilde', '\u0323': 'dot' };

/** Encodes Vietnamese text in VNI Windows, as Latin-1 bytes; throws on a character it does not know. */
export function encodeVni(text: string): Uint8Array {
  const out: string[] = [];
  for (const ch of text.normalize('NFC')) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch);
      continue;
    }
    if (ch === 'đ') {
      out.push('ñ');
      continue;
    }
    if (ch === 'Đ') {
      out.push('Ñ');
      continue;
    }
    // Split into base letter, vowel mark (circumflex, breve, horn) and tone.
    const parts = [...ch.normalize('NFD')];
    let base = parts[0]!;
    let tone: Tone = 'none';
    let mark = '';
    for (const p of parts.slice(1)) {
      if (TONE_MARKS[p]) tone = TONE_MARKS[p]!;
      else if (p === '\u0302') mark = 'circumflex';
      else if (p === '\u0306') mark = 'breve';
      else if (p === '\u031b') mark = 'horn';
      else throw new Error(`no VNI for ${ch}`);
    }
    const upper = base !== base.toLowerCase();
    base = base.toLowerCase();
    let enc: string;
    if (mark === 'circumflex') enc = base + VNI_CIRCUMFLEX[tone];
    else if (mark === 'breve') enc = 'a' + VNI_BREVE[tone];
    else if (mark === 'horn') enc = (base === 'o' ? 'ô' : 'ö') + VNI_TONES[tone];
    else if (base === 'i') enc = VNI_I[tone];
    else if (base === 'y' && tone === 'dot') enc = 'î';
    else enc = base + VNI_TONES[tone];
    out.push(upper ? enc.toUpperCase() : enc);
  }
  return Uint8Array.from([...out.join('')].map((c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new Error(`no VNI byte for ${c}`);
    return code;
  }));
}
