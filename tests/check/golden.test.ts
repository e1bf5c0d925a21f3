// Golden reports of `tthc check` on the shipped plan (text, JSON, GitHub), its exit codes, and GitHub annotation escaping; UPDATE_GOLDEN=1 rewrites the goldens.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDiagnostic } from '../../src/model/diagnostics.js';
import { fm } from '../../src/messages/findings.js';
import { renderGithub } from '../../src/render/diagnostics.js';
import { plain } from '../../src/render/style.js';
import { checkJson, expectNoStackTrace, FIXTURES, ROOT, run, scratchDir, SHIPPED } from './helpers.js';

const GOLDEN = join(ROOT, 'tests/check/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const REWRITE = 'UPDATE_GOLDEN=1 npx vitest run tests/check/golden.test.ts';
/** The first line of a golden file says what it is; the output follows it byte for byte. */
const header = (format: string) =>
  `# Golden output of \`tthc check ${SHIPPED} --format ${format}\` (COLUMNS=100, no colour); \`${REWRITE}\` rewrites it.\n`;

describe('golden reports of the shipped plan', () => {
  it.each(['text', 'json', 'github'] as const)('--format %s', async (format) => {
    const r = await run(['check', SHIPPED, '--format', format]);
    expectNoStackTrace(r);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const path = join(GOLDEN, `kon-ray.${format}.txt`);
    if (UPDATE) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(path, header(format) + r.out);
    }
    let want: string;
    try {
      want = readFileSync(path, 'utf8');
    } catch {
      throw new Error(`${path} is missing; run ${REWRITE}`);
    }
    expect(want.startsWith(header(format)), `${path} should start with its header line`).toBe(true);
    expect(r.out, `differs from ${path}; if the change is meant, run ${REWRITE}`).toBe(want.slice(header(format).length));
  });

  it('the golden text report has no colour codes, and its source excerpts fit COLUMNS=100', () => {
    const text = readFileSync(join(GOLDEN, 'kon-ray.text.txt'), 'utf8').slice(header('text').length);
    expect(text).not.toMatch(/\x1b\[/);
    const excerpts = text.split('\n').filter((l) => /^ *\d* \|/.test(l));
    expect(excerpts.length).toBeGreaterThan(0);
    for (const line of excerpts) expect([...line].length, line).toBeLessThanOrEqual(100);
  });
});

describe('the caret stands under the character at line:col', () => {
  it.each([SHIPPED, join(FIXTURES, 'HTML_IN_TEXT.yaml'), join(FIXTURES, 'AGENCY_CYCLE.yaml')])('%s', async (path) => {
    const source = readFileSync(isAbsolute(path) ? path : join(ROOT, path), 'utf8').split('\n');
    const r = await run(['check', path]);
    const lines = r.out.split('\n');
    let checked = 0;
    lines.forEach((l, i) => {
      const m = /:(\d+):(\d+): \w+\[/.exec(l);
      if (!m) return;
      const [line, col] = [Number(m[1]), Number(m[2])];
      const shown = lines[i + 2]!;
      const caret = lines[i + 3]!;
      const prefix = shown.indexOf(' | ') + 3;
      const under = [...shown][[...caret].indexOf('^')];
      expect(caret.indexOf('^')).toBeGreaterThanOrEqual(prefix);
      expect(under, l).toBe([...source[line - 1]!][col - 1]);
      checked++;
    });
    expect(checked).toBeGreaterThan(0);
  });
});

describe('exit codes', () => {
  it('0 for the shipped plan: warnings alone do not fail', async () => {
    const { code, report } = await checkJson(SHIPPED);
    expect(code).toBe(0);
    expect(report.errors).toBe(0);
    expect(report.warnings).toBeGreaterThan(0);
  });

  it('1 for the shipped plan with --strict, as it has warnings', async () => {
    const r = await run(['check', SHIPPED, '--strict']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('warning[REF_CONFLICT]');
  });

  it('0 with --strict for a plan with notes only', async () => {
    const r = await run(['check', join(FIXTURES, 'AGENCY_UNUSED.yaml'), '--strict']);
    expect(r.code).toBe(0);
  });

  it('2 for an unknown --format, with the formats in the hint', async () => {
    const r = await run(['check', SHIPPED, '--format', 'xml']);
    expectNoStackTrace(r);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('xml');
    expect(r.err).toContain('text, json, github');
  });

  it('the default is the plans under plans/', async () => {
    const all = await run(['check']);
    const one = await run(['check', SHIPPED]);
    expect(all.code).toBe(0);
    expect(all.out).toBe(one.out);
  });
});

describe('one word for the third severity: note', () => {
  it('JSON says "note" for each note, and counts them under `notes`, as the text summary does', async () => {
    const { report } = await checkJson(SHIPPED);
    const notes = report.diagnostics.filter((d) => d.severity === 'note');
    expect(notes.map((d) => d.code)).toEqual(['SPELLING', 'SPELLING', 'SPELLING', 'SPELLING', 'HTML_IN_TEXT', 'SPELLING']);
    expect(report.notes).toBe(notes.length);
    expect(new Set(report.diagnostics.map((d) => d.severity))).toEqual(new Set(['warning', 'note']));
    const text = await run(['check', SHIPPED]);
    expect(text.out).toContain('note[SPELLING]');
    expect(text.out).toContain(`${notes.length} notes`);
  });

  it('GitHub annotations map a note to ::notice', async () => {
    const r = await run(['check', SHIPPED, '--format', 'github']);
    const spelling = r.out.split('\n').filter((l) => l.includes('title=SPELLING'));
    expect(spelling).toHaveLength(5);
    for (const l of spelling) expect(l).toMatch(/^::notice file=/);
  });
});

describe('GitHub Actions', () => {
  it('GITHUB_ACTIONS=true selects the github format, which annotates REF_CONFLICT on task III.3', async () => {
    const r = await run(['check', SHIPPED], { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const ref = lines.filter((l) => l.includes('title=REF_CONFLICT'));
    expect(ref).toHaveLength(1);
    // Line 219 is task III.3's `when:`; "175/KH-UBND" starts at its 98th character.
    expect(ref[0]).toMatch(/^::warning file=plans\/kon-ray-2023\.yaml,line=219,col=98,title=REF_CONFLICT::Kế hoạch số 175\/KH-UBND .*157\/KH-UBND/);
    // Message and hint are one annotation: the newline between them is escaped.
    expect(ref[0]).toContain('%0A');
    // The plain report follows, since GitHub shows only ten annotations per step.
    expect(r.out).toContain('plans/kon-ray-2023.yaml:219:98: warning[REF_CONFLICT]');
    // --format text still wins over the environment.
    const text = await run(['check', SHIPPED, '--format', 'text'], { GITHUB_ACTIONS: 'true' });
    expect(text.out).not.toContain('::warning');
  });

  it('escapes % and newlines in messages, and also : and , in properties', () => {
    // A catalogue entry that says its parameter as it is carries the text with the characters to escape.
    const d = makeDiagnostic('UNKNOWN_KEY', 'plans/a,b:c%.yaml', { line: 3, col: 5 }, fm('type.other', { type: 'Unknown key `tỷ-lệ-%`.\r\nSecond line' }), fm('shape.near', { near: 'x' }));
    const out = renderGithub([{ file: d.file, diagnostics: [d] }], plain);
    const first = out.split('\n')[0]!;
    expect(first).toBe(
      '::error file=plans/a%2Cb%3Ac%25.yaml,line=3,col=5,title=UNKNOWN_KEY::Unknown key `tỷ-lệ-%25`.%0D%0ASecond line%0ADid you mean `x`?',
    );
    // Only the workflow command's own "::" separators are left unescaped.
    expect(first.match(/::/g)).toHaveLength(2);
  });

  describe('end to end, with a file name and a key that need escaping', () => {
    let scratch: ReturnType<typeof scratchDir>;
    beforeAll(() => {
      scratch = scratchDir('github');
    });
    afterAll(() => scratch.remove());

    it('a plan named "bản 1, nháp: 50%.yaml" with an unknown key "tỷ-lệ-%"', async () => {
      const text = readFileSync(join(FIXTURES, 'VALID.yaml'), 'utf8').replace('        when: Thường xuyên', '        when: Thường xuyên\n        tỷ-lệ-%: 100%');
      const path = join(scratch.dir, 'bản 1, nháp: 50%.yaml');
      writeFileSync(path, text);
      const r = await run(['check', path], { GITHUB_ACTIONS: 'true' });
      expect(r.code).toBe(1);
      const line = r.out.split('\n')[0]!;
      expect(line).toMatch(/^::error file=[^,]*bản 1%2C nháp%3A 50%25\.yaml,line=26,col=9,title=UNKNOWN_KEY::Unknown key `tỷ-lệ-%25`/);
      expect(line).not.toMatch(/\n/);
    });
  });
});
