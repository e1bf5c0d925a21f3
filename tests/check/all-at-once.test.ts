// Shape errors hide no finding of meaning: a plan's dates, symbols, citations, agencies and timelines are checked wherever they can be read.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson, readText, scratchDir, where } from './helpers.js';

const PLAN = readText('tests/check/fixtures/all-at-once/plan.yaml');

/** The findings of the plan as it is: 4 errors and 2 warnings, each read off the fixture by hand. */
const MEANING = [
  'DATE_INVALID@14:11', // date: 2023-13-01 of the first basis
  'SYMBOL_MALFORMED@17:10', // ref: 12/kh-UBND
  'SYMBOL_MALFORMED@20:91', // Quyết định số 7/qd-UBND in the intro
  'REF_CONFLICT@35:32', // 175/KH-UBND in I.1 against 157/KH-UBND in the intro
  'WHEN_UNKNOWN@40:15', // tuần đầu tiên của mỗi tháng
  'DUE_NON_WORKING_DAY@45:15', // Chậm nhất ngày 16/4/2023, a Sunday
];

let scratch: ReturnType<typeof scratchDir>;
let n = 0;
beforeAll(() => {
  scratch = scratchDir('all-at-once');
});
afterAll(() => scratch.remove());

async function findings(text: string) {
  const path = join(scratch.dir, `plan-${++n}.yaml`);
  writeFileSync(path, text);
  return (await checkJson(path)).report;
}

/** The plan with `lines` put in place of `remove` lines from line `at` (1-based). */
function edit(at: number, remove: number, ...lines: string[]): string {
  const all = PLAN.split('\n');
  all.splice(at - 1, remove, ...lines);
  return all.join('\n');
}

/** `MEANING` with the lines from `from` on moved by `by` (an edit above them), leaving out `drop`. */
function shifted(from: number, by: number, drop: string[] = []): string[] {
  return MEANING.filter((f) => !drop.includes(f.split('@')[0]!)).map((f) => {
    const [code, pos] = f.split('@') as [string, string];
    const [line, col] = pos.split(':').map(Number) as [number, number];
    return `${code}@${line >= from ? line + by : line}:${col}`;
  });
}

const sorted = (xs: string[]) =>
  [...xs].sort((a, b) => {
    const [la, ca] = a.split('@')[1]!.split(':').map(Number) as [number, number];
    const [lb, cb] = b.split('@')[1]!.split(':').map(Number) as [number, number];
    return la - lb || ca - cb;
  });

describe('every finding of meaning, whatever shape errors surround it', () => {
  it('the plan as it is: 4 errors and 2 warnings', async () => {
    const report = await findings(PLAN);
    expect(where(report)).toEqual(MEANING);
    expect([report.errors, report.warnings, report.notes]).toEqual([4, 2, 0]);
  });

  it('a misspelt key in the heading (`titel: x`) adds its own finding and hides none', async () => {
    const report = await findings(edit(11, 0, '  titel: x'));
    expect(where(report)).toEqual(sorted(['UNKNOWN_KEY@11:3', ...shifted(11, 1)]));
    expect(report.diagnostics[0]!.hint).toMatch(/^Did you mean `title`\?/);
  });

  it('an unknown key at the top, in a basis, in an agency, in a section and in a task hides nothing either', async () => {
    const text = PLAN.replace('  year: 2023\n', '  year: 2023\nextra: 1\n') // line 11
      .replace('    issuer: UBND tỉnh\n', '    issuer: UBND tỉnh\n    note: x\n') // line 21
      .replace('    name: Phòng Nội vụ\n', '    name: Phòng Nội vụ\n    short: NV\n') // line 28
      .replace('    title: Công tác chỉ đạo, điều hành\n', '    title: Công tác chỉ đạo, điều hành\n    note: x\n') // line 32
      .replace('        when: tuần đầu', '        ghi-chu: x\n        when: tuần đầu'); // line 44
    const report = await findings(text);
    expect(where(report)).toEqual([
      'UNKNOWN_KEY@11:1',
      'DATE_INVALID@15:11',
      'SYMBOL_MALFORMED@18:10',
      'UNKNOWN_KEY@21:5',
      'SYMBOL_MALFORMED@22:91',
      'UNKNOWN_KEY@28:5',
      'UNKNOWN_KEY@32:5',
      'REF_CONFLICT@39:32',
      'UNKNOWN_KEY@44:9',
      'WHEN_UNKNOWN@45:15',
      'DUE_NON_WORKING_DAY@50:15',
    ]);
  });

  it('a basis without its `ref` drops only itself: its date and the other basis are still checked', async () => {
    const report = await findings(edit(13, 1));
    expect(where(report)).toEqual(sorted(['MISSING_KEY@12:5', ...shifted(14, -1)]));
    expect(report.diagnostics[0]!.message).toBe('`ref` is missing in legal basis 1.');
    expect(report.diagnostics[1]!.message).toBe('The date 2023-13-01 of legal basis 1 does not exist.');
  });

  it('a basis without its `date`, and one that is not a mapping, drop only themselves', async () => {
    // Line 18 (the second basis's date) becomes a third basis that is a bare symbol: the second ends at its issuer.
    const text = PLAN.replace('    date: 2023-01-05\n    issuer: UBND tỉnh\n', '    issuer: UBND tỉnh\n  - 5/QĐ-UBND\n');
    const report = await findings(text);
    expect(where(report)).toEqual(sorted(['MISSING_KEY@16:5', 'WRONG_TYPE@19:5', ...MEANING]));
    expect(report.diagnostics.find((d) => d.code === 'MISSING_KEY')!.message).toBe('`date` is missing in legal basis 2.');
  });

  it('a plan without its heading: everything but what needs the plan year (a due day in it)', async () => {
    const report = await findings(edit(3, 8));
    expect(where(report)).toEqual(sorted(['MISSING_KEY@2:1', ...shifted(11, -8, ['DUE_NON_WORKING_DAY'])]));
    expect(report.diagnostics[0]!.message).toBe('`plan` is missing in the plan.');
  });

  it('shape errors everywhere at once: each reported, and every finding of meaning still made', async () => {
    const text = PLAN.replace('  level: district', '  level: huyện') // line 5
      .replace('        output: Kế hoạch\n', '        output: 1.5\n') // line 34
      .replace('        lead: noi-vu\n        output: Báo cáo\n', '        lead: noi-vu\n        output: [Báo cáo]\n'); // line 39
    const report = await findings(text);
    expect(where(report)).toEqual(sorted(['BAD_VALUE@5:10', 'WRONG_TYPE@34:17', 'WRONG_TYPE@39:17', ...MEANING]));
  });
});

describe('a task needs a lead agency', () => {
  it.each([
    ['[]', 'an empty list', 15],
    ['""', 'an empty text', 15],
    // Nothing after `lead:`: at the key, as there is no value to point at.
    ['', 'empty', 9],
  ])('`lead: %s` is an error at the value, with a hint', async (value, said, col) => {
    const report = await findings(edit(43, 1, `        lead: ${value}`.trimEnd()));
    expect(where(report)).toEqual(sorted([`BAD_VALUE@43:${col}`, ...MEANING]));
    const d = report.diagnostics.find((x) => x.code === 'BAD_VALUE')!;
    expect(d.message).toBe(`Task I.3 names no lead agency (\`lead\` is ${said}).`);
    expect(d.hint).toBe('A task needs the agency that does it (Cơ quan thực hiện): write its id, e.g. `lead: vp`, or several: `lead: [vp, noi-vu]`.');
  });

  it('an empty `lead` does not make its agency look unused', async () => {
    const report = await findings(edit(43, 1, '        lead: []').replace('        lead: vp\n        support: noi-vu\n', '        lead: noi-vu\n'));
    expect(report.diagnostics.map((d) => d.code)).not.toContain('AGENCY_UNUSED');
  });
});

describe('a malformed agency id under `agencies`', () => {
  /** The plan with `noi-vu:` (line 24) declared under `key` and named `named` by the tasks that name it. */
  const declared = (key: string, named = 'noi-vu') => PLAN.replace('  noi-vu:\n', `  ${key}:\n`).replace(/(lead|support): noi-vu/g, `$1: ${named}`);

  it.each([
    ['Tư-pháp', 'tu-phap'],
    ['tu phap', 'tu-phap'],
    ['VP2', 'vp2'],
    ['Nội_Vụ', 'noi-vu'],
  ])('`%s:` is reported at the key, suggesting `%s`, and the tasks that name that id are fine', async (key, id) => {
    const report = await findings(declared(key, id));
    expect(where(report)).toEqual(sorted(['BAD_VALUE@24:3', ...MEANING]));
    const d = report.diagnostics.find((x) => x.code === 'BAD_VALUE')!;
    expect(d.message).toBe(`The agency id \`${key}\` is not an id: ids are lower-case ASCII letters and digits, words joined by "-" (such as vp or noi-vu).`);
    expect(d.hint).toBe(`Write it as \`${id}:\`, and name it \`${id}\` in the tasks and collectives; its name with diacritics goes in \`name:\`.`);
  });

  it('a task that names the agency by the malformed key is told the id to write', async () => {
    const report = await findings(declared('Tư-pháp', 'Tư-pháp'));
    // Lines 33 (`support: Tư-pháp` of I.1, col 18) and 38 (`lead: Tư-pháp` of I.2, col 15).
    expect(where(report)).toEqual(sorted(['BAD_VALUE@24:3', 'BAD_VALUE@33:18', 'BAD_VALUE@38:15', ...MEANING]));
    for (const d of report.diagnostics.filter((x) => x.code === 'BAD_VALUE' && x.line > 24)) expect(d.hint).toContain('`tu-phap`');
    expect(report.diagnostics.map((x) => x.code)).not.toContain('AGENCY_UNKNOWN');
  });

  it('a suggestion already taken by another agency gets a number', async () => {
    const report = await findings(PLAN.replace('  noi-vu:\n', '  VP:\n'));
    const d = report.diagnostics.find((x) => x.code === 'BAD_VALUE')!;
    expect(d.hint).toContain('`vp-2:`');
  });

  it('the agency declared under a malformed key is still checked: a name clash points into its own mapping', async () => {
    const report = await findings(declared('Tư-pháp', 'tu-phap').replace('    name: Phòng Nội vụ\n', '    name: Văn phòng HĐND-UBND huyện\n'));
    // Line 25 is the malformed key's `name:` (col 11), which is vp's name too.
    expect(where(report)).toEqual(sorted(['BAD_VALUE@24:3', 'AGENCY_NAME_CLASH@25:11', ...MEANING]));
  });
});
