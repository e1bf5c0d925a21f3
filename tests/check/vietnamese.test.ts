// Findings in the run's language: every code the fixtures produce is Vietnamese by default and English with --lang en, both catalogues have the same keys, a cached finding is said in each run's language, and golden Vietnamese reports of a few fixture plans (UPDATE_GOLDEN=1 rewrites them).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findingsEn } from '../../src/messages/findings-en.js';
import { findingsVi } from '../../src/messages/findings-vi.js';
import { sayFinding } from '../../src/messages/findings-say.js';
import { fm } from '../../src/messages/findings.js';
import { CODES } from '../../src/model/diagnostics.js';
import { expectNoStackTrace, FIXTURES, ROOT, run, SHIPPED, type JsonReport } from './helpers.js';

/** The words of an English sentence that no Vietnamese sentence has (Vietnamese "in", "to", "do", "an" … are left out). */
const ENGLISH = /\b(the|is|are|of|and|not|should|does|with|which|this|has|have|must|from|for|missing|task|section|file|unknown|written|write|remove|add|check|did you mean|collective|loops?|tasks|follows?|agency|date|record|period|plan|year|key|value|text|list|line)\b/i;

/** What a message quotes as written (the plan's words, keys, values, a YAML reader's own words): said alike in every language. */
function unquoted(s: string): string {
  return s
    .replace(/`[^`]*`/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/"[^"]*"/g, ' ');
}

const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml'));
const env = (lang: string) => ({ TTHC_LANG: lang });

async function report(file: string, lang: string): Promise<JsonReport> {
  const r = await run(['check', file, '--format', 'json'], env(lang));
  expectNoStackTrace(r);
  return JSON.parse(r.out) as JsonReport;
}

describe('the findings catalogue', () => {
  it('has the same keys in English and Vietnamese (the types check the parameters)', () => {
    expect(Object.keys(findingsVi).sort()).toEqual(Object.keys(findingsEn).sort());
  });

  it('says a sentence given as a parameter in the same language, and an unknown key (an older cache) as its key', () => {
    const m = fm('shape.missing', { key: 'when', where: fm('where.task', { id: 'I.1' }) });
    expect(sayFinding('en', m)).toBe('`when` is missing in task I.1.');
    expect(sayFinding('vi', m)).toBe('Thiếu `when` trong nhiệm vụ I.1.');
    expect(sayFinding('vi', { key: 'no.such.key' })).toBe('no.such.key');
  });

  it('clips a quoted value of a hundred kilobytes, in both languages', () => {
    const m = fm('shape.unknown', { key: 'x'.repeat(100_000), where: fm('where.plan') });
    for (const lang of ['vi', 'en'] as const) expect(sayFinding(lang, m).length).toBeLessThanOrEqual(600);
  });
});

describe('every code the fixtures produce', () => {
  it.each([...fixtures, SHIPPED])('%s: Vietnamese by default, English with TTHC_LANG=en, at the same places', async (name) => {
    const file = name === SHIPPED ? SHIPPED : join(FIXTURES, name);
    const [vi, en] = [await report(file, 'vi'), await report(file, 'en')];
    expect(vi.diagnostics.map((d) => `${d.code}@${d.line}:${d.col}:${d.severity}`)).toEqual(en.diagnostics.map((d) => `${d.code}@${d.line}:${d.col}:${d.severity}`));
    vi.diagnostics.forEach((v, i) => {
      const e = en.diagnostics[i]!;
      for (const [said, english] of [[v.message, e.message], [v.hint, e.hint]] as const) {
        if (said === undefined) continue;
        expect(unquoted(said), `${v.code} in Vietnamese: ${said}`).not.toMatch(ENGLISH);
        expect(said, `${v.code}: the Vietnamese run prints the English sentence`).not.toBe(english);
        expect(unquoted(english!), `${v.code} in English: ${english}`).toMatch(ENGLISH);
      }
    });
  });

  it('the text report of a Vietnamese run says severities, hints and the summary in Vietnamese', async () => {
    const r = await run(['check', join(FIXTURES, 'UNKNOWN_KEY.yaml')], env('vi'));
    expect(r.out).toMatch(/: lỗi\[UNKNOWN_KEY\]: /);
    expect(r.out).toContain('= gợi ý: ');
    expect(r.out).toMatch(/: 1 lỗi, 0 cảnh báo, 0 lưu ý\n$/);
    expect(r.out).not.toMatch(/\b(error|warning|note|hint)\b/);
    const en = await run(['check', join(FIXTURES, 'UNKNOWN_KEY.yaml')], env('en'));
    expect(en.out).toMatch(/: error\[UNKNOWN_KEY\]: Unknown key/);
    expect(en.out).toMatch(/: 1 error, 0 warnings, 0 notes\n$/);
  });

  it('GitHub annotations are in the run\'s language, their titles the stable codes', async () => {
    const r = await run(['check', join(FIXTURES, 'UNKNOWN_KEY.yaml'), '--format', 'github'], env('vi'));
    const line = r.out.split('\n').find((l) => l.startsWith('::error '))!;
    expect(line).toContain('title=UNKNOWN_KEY::Khóa lạ');
    expect(line).toContain('%0ACó phải là');
  });

  it('a usage error among the reports (a missing file) is said in the run\'s language too', async () => {
    const r = await run(['check', join(FIXTURES, 'VALID.yaml'), 'khong-co.yaml'], env('vi'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^tthc: .*khong-co\.yaml/);
    expect(r.err).toContain('gợi ý: ');
    expect(r.err).not.toContain('hint:');
  });
});

describe('findings printed by other commands', () => {
  it('due and done refuse a plan with errors, showing its findings in the run\'s language', async () => {
    const file = join(FIXTURES, 'AGENCY_UNKNOWN.yaml');
    for (const argv of [['due', '--plan', file], ['done', 'I.1', '--plan', file, '--date', '2023-03-01']]) {
      const vi = await run(argv, env('vi'));
      expect(vi.code).toBe(1);
      expect(vi.err).toContain('lỗi[AGENCY_UNKNOWN]: Nhiệm vụ');
      expect(vi.err).not.toMatch(/\b(error|hint)\b/);
      const en = await run(argv, env('en'));
      expect(en.err).toContain('error[AGENCY_UNKNOWN]: Task');
    }
  });

  it('every code of the catalogue of codes is produced by some fixture, so each is seen in both languages', async () => {
    const seen = new Set<string>();
    for (const name of [...fixtures, SHIPPED]) for (const d of (await report(name === SHIPPED ? SHIPPED : join(FIXTURES, name), 'vi')).diagnostics) seen.add(d.code);
    // Bytes that are not text (an encoding, NUL bytes, a file too large) are built by the tests of reading, not kept as fixtures.
    expect(Object.keys(CODES).filter((c) => !seen.has(c)).sort()).toEqual(['ENCODING_INVALID', 'ENCODING_LEGACY', 'ENCODING_UTF16', 'NUL_BYTE', 'TOO_LARGE']);
  });

  it('a file that is not UTF-8 is said in the run\'s language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-bytes-'));
    try {
      const cases: [string, Buffer, RegExp][] = [
        ['utf16.yaml', Buffer.from('\ufeffformat: 1\n', 'utf16le'), /Tệp được mã hóa UTF-16 LE/],
        ['nul.yaml', Buffer.from('format: 1\n\0\n'), /byte NUL/],
        ['latin1.yaml', Buffer.from([0x66, 0x3a, 0x20, 0xff, 0x0a]), /không hợp lệ trong UTF-8/],
      ];
      for (const [name, bytes, said] of cases) {
        writeFileSync(join(dir, name), bytes);
        const r = await run(['check', join(dir, name), '--format', 'json'], env('vi'));
        const d = (JSON.parse(r.out) as JsonReport).diagnostics[0]!;
        expect(d.message).toMatch(said);
        expect(unquoted(`${d.message} ${d.hint ?? ''}`)).not.toMatch(ENGLISH);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the plan cache stays language-free', () => {
  const cache = mkdtempSync(join(tmpdir(), 'tthc-cache-lang-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it('a finding cached by a Vietnamese run is said in English by an English run, and back', async () => {
    const file = join(FIXTURES, 'AGENCY_UNKNOWN.yaml');
    const vi1 = await run(['check', file], { TTHC_LANG: 'vi', TTHC_CACHE_DIR: cache });
    expect(readdirSync(cache).some((n) => n.endsWith('.json'))).toBe(true);
    const en = await run(['check', file], { TTHC_LANG: 'en', TTHC_CACHE_DIR: cache });
    const vi2 = await run(['check', file], { TTHC_LANG: 'vi', TTHC_CACHE_DIR: cache });
    expect(vi1.out).toContain('lỗi[AGENCY_UNKNOWN]: Nhiệm vụ');
    expect(en.out).toContain('error[AGENCY_UNKNOWN]: Task');
    expect(vi2.out).toBe(vi1.out);
    const uncached = await run(['check', file], { TTHC_LANG: 'en', TTHC_NO_CACHE: '1' });
    expect(en.out).toBe(uncached.out);
  });
});

describe('golden Vietnamese reports', () => {
  const GOLDEN = join(ROOT, 'tests/check/golden/vi');
  const UPDATE = process.env.UPDATE_GOLDEN === '1';
  it.each(['UNKNOWN_KEY', 'WRONG_TYPE', 'AGENCY_UNKNOWN', 'TASK_ID_SECTION', 'DATE_INVALID', 'YAML_SYNTAX'])('tthc check %s.yaml', async (name) => {
    const r = await run(['check', `tests/check/fixtures/${name}.yaml`], env('vi'));
    expectNoStackTrace(r);
    const path = join(GOLDEN, `${name}.txt`);
    if (UPDATE) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(path, r.out);
    }
    expect(r.out, `differs from ${path}; if the change is meant, run UPDATE_GOLDEN=1 npx vitest run tests/check/vietnamese.test.ts`).toBe(readFileSync(path, 'utf8'));
  });
});
