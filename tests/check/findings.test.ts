// What the findings of `tthc check` say and where: every problem in one run, one finding per defect at the offending value, and messages a clerk can act on.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson, FIXTURES, readText, scratchDir, SHIPPED, where } from './helpers.js';

const BASE = readText('tests/check/fixtures/VALID.yaml');

let scratch: ReturnType<typeof scratchDir>;
let n = 0;
function plan(text: string): string {
  const path = join(scratch.dir, `plan-${++n}.yaml`);
  writeFileSync(path, text);
  return path;
}
beforeAll(() => {
  scratch = scratchDir('findings');
});
afterAll(() => scratch.remove());

/** The base plan with one line replaced (1-based), or with lines inserted after it when `insert` is set. */
function edit(line: number, text: string, insert = false): string {
  const lines = BASE.split('\n');
  lines.splice(insert ? line : line - 1, insert ? 0 : 1, ...text.split('\n'));
  return lines.join('\n');
}

const MANY = `# Many defects at once: each must be reported, and nothing else.
format: 1
plan:
  issuer: Ủy ban nhân dân huyện Thử
  level: huyện
  number: "12"
  symbol: KH-UBND
  date: 2023-02-30
  title: Kế hoạch kiểm soát TTHC năm 2023
  year: 2023
agencies:
  vp:
    name: Văn phòng HĐND-UBND huyện
  noi-vu:
    name: Phòng Nội vụ
sections:
  - id: I
    title: Công tác chỉ đạo, điều hành
    tasks:
      - id: I.1
        content: Kế hoạch hoạt động kiểm soát TTHC năm 2023
        lead: vp
        suport: noi-vu
        output: Kế hoạch
        when: Thường xuyên
      - id: I.2
        content: Báo cáo
        lead: vp
        support: [noi-vuu]
        output: 1.000120
        when: Thường xuyên
      - id: I.2
        content: Báo cáo
        lead: tu-phap
        output: Báo cáo
        when: Thường xuyên
      - id: II.4
        content: Báo cáo
        lead: noi-vu
        output: Báo cáo
        when: Thường xuyên
`;

describe('every problem in one run', () => {
  it('shape errors (a bad level, a misspelt key, a number for text) do not hide the findings of meaning', async () => {
    const { code, report } = await checkJson(plan(MANY));
    expect(code).toBe(1);
    expect(where(report)).toEqual([
      'BAD_VALUE@5:10', // level: huyện
      'DATE_INVALID@8:9', // 2023-02-30
      'UNKNOWN_KEY@23:9', // suport
      'AGENCY_UNKNOWN@29:19', // noi-vuu, in a task that also has a wrong type
      'WRONG_TYPE@30:17', // output: 1.000120
      'TASK_ID_DUPLICATE@32:13', // the second I.2
      'AGENCY_UNKNOWN@34:15', // tu-phap
      'TASK_ID_SECTION@37:13', // II.4 in section I
    ]);
    const noiVuu = report.diagnostics.find((d) => d.line === 29)!;
    expect(noiVuu.hint).toContain('Did you mean `noi-vu`?');
  });
});

describe('one finding per defect, at the offending value', () => {
  it('a duplicate task id', async () => {
    const { report } = await checkJson(join(FIXTURES, 'TASK_ID_DUPLICATE.yaml'));
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]!.message).toBe('Task id I.1 is used twice (first in section I).');
    expect(report.diagnostics[0]!.hint).toContain('I.2');
  });

  it('a task id in the wrong section', async () => {
    const { report } = await checkJson(join(FIXTURES, 'TASK_ID_SECTION.yaml'));
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]!.message).toBe('Task II.1 stands in section I.');
  });

  it('rows out of order', async () => {
    // The only task of section I is numbered I.2.
    const { report } = await checkJson(plan(edit(20, '      - id: I.2')));
    expect(where(report)).toEqual(['TASK_ID_SECTION@20:13']);
    expect(report.diagnostics[0]!.hint).toContain('I.1');
  });

  it('an unknown agency, written alone rather than in a list', async () => {
    const { report } = await checkJson(plan(edit(23, '        support: tu-phap')));
    // noi-vu is now named by nothing: that note is right, and the only other finding.
    expect(where(report)).toEqual(['AGENCY_UNUSED@14:3', 'AGENCY_UNKNOWN@23:18']);
  });

  it('an unknown member of a collective', async () => {
    const { report } = await checkJson(plan(edit(15, '  cq-huyen:\n    name: Các cơ quan thuộc huyện\n    members: [vp, noi-vu, tu-phap]', true)));
    // Line 18 is "    members: [vp, noi-vu, tu-phap]": tu-phap at column 27. cq-huyen itself is named by nothing.
    expect(where(report)).toEqual(['AGENCY_UNUSED@16:3', 'AGENCY_UNKNOWN@18:27']);
    expect(report.diagnostics[1]!.message).toContain('Collective cq-huyen');
  });

  it('a collective that is its own member', async () => {
    const { report } = await checkJson(plan(edit(15, '  cq-huyen:\n    name: Các cơ quan thuộc huyện\n    members: [vp, cq-huyen]', true)));
    expect(where(report)).toEqual(['AGENCY_CYCLE@18:19']);
    expect(report.diagnostics[0]!.hint).toBe('Remove cq-huyen from its own members.');
  });

  it('a loop of three collectives is reported once', async () => {
    const text = edit(
      15,
      ['  a-nhom:', '    name: Nhóm A', '    members: [b-nhom]', '  b-nhom:', '    name: Nhóm B', '    members: [c-nhom]', '  c-nhom:', '    name: Nhóm C', '    members: [a-nhom, vp]'].join('\n'),
      true,
    );
    const { report } = await checkJson(plan(text));
    // The loop closes at a-nhom in the members of c-nhom (line 24, column 15).
    expect(where(report)).toEqual(['AGENCY_CYCLE@24:15']);
    expect(report.diagnostics[0]!.message).toBe('Collective membership loops: a-nhom → b-nhom → c-nhom → a-nhom.');
  });

  it('a section id that is not a numeral flags the section, not each of its tasks', async () => {
    const { report } = await checkJson(plan(edit(17, '  - id: A')));
    expect(where(report)).toEqual(['SECTION_ID@17:9']);
  });

  it('a section id written as a number is reported once, for its shape', async () => {
    const { report } = await checkJson(plan(edit(17, '  - id: 1')));
    expect(where(report)).toEqual(['WRONG_TYPE@17:9']);
  });

  it('a plan period outside the plan year', async () => {
    const { report } = await checkJson(plan(edit(10, '  period:\n    start: 2022-01-01\n    end: 2022-12-31', true)));
    expect(where(report)).toEqual(['PERIOD_INVALID@13:10']);
    expect(report.diagnostics[0]!.message).toContain('outside the plan year 2023');
  });
});

describe('messages', () => {
  it('an unknown key points at the key and suggests the nearest known key', async () => {
    const { report } = await checkJson(join(FIXTURES, 'UNKNOWN_KEY.yaml'));
    const d = report.diagnostics[0]!;
    expect(d.message).toBe('Unknown key `suport` in task I.1.');
    expect(d.hint).toMatch(/^Did you mean `support`\?/);
  });

  it('an unknown top-level key suggests the nearest one too', async () => {
    const { report } = await checkJson(plan(edit(10, 'agencys: {}', true)));
    expect(where(report)).toEqual(['UNKNOWN_KEY@11:1']);
    expect(report.diagnostics[0]!.hint).toMatch(/^Did you mean `agencies`\?/);
  });

  it('a number where text is expected says to quote it, quoting the source as written', async () => {
    const { report } = await checkJson(join(FIXTURES, 'WRONG_TYPE.yaml'));
    const d = report.diagnostics[0]!;
    expect(d.message).toBe('`output` of task I.1 should be text, not a number (written 1.000120).');
    expect(d.hint).toBe('YAML reads 1.000120 as a number; put it in quotes to keep it as written: "1.000120".');
  });

  it('a leading zero is quoted as written too (09, not 9)', async () => {
    const { report } = await checkJson(plan(edit(24, '        output: 09')));
    expect(report.diagnostics[0]!.hint).toContain('"09"');
  });

  it('a value of the wrong kind (a list for text)', async () => {
    const { report } = await checkJson(plan(edit(24, '        output: [Kế hoạch]')));
    expect(where(report)).toEqual(['WRONG_TYPE@24:17']);
    expect(report.diagnostics[0]!.message).toBe('`output` of task I.1 should be text, not a list.');
  });

  it('a missing key names the key and the task', async () => {
    const { report } = await checkJson(join(FIXTURES, 'MISSING_KEY.yaml'));
    expect(report.diagnostics[0]!.message).toBe('`when` is missing in task I.1.');
  });

  it('a plan may leave out its level, its title and a task\'s output, where the document does not give them', async () => {
    const { report } = await checkJson(plan(edit(24, '        # (no output)').replace('  level: district\n', '').replace(/^  title: .*\n/m, '')));
    expect(where(report)).toEqual([]);
  });

  it('a value outside a fixed set of values names the values', async () => {
    const { report } = await checkJson(plan(edit(5, '  level: huyen')));
    expect(report.diagnostics[0]!.message + (report.diagnostics[0]!.hint ?? '')).toContain('district');
  });

  it('a plan without `format:` is told which format to write', async () => {
    const { report } = await checkJson(plan(edit(2, '# (no format line)')));
    expect(where(report)).toEqual(['FORMAT_VERSION@3:1']);
    expect(report.diagnostics[0]!.hint).toBe('Add `format: 1` at the top of the file.');
  });

  it('a format written as text', async () => {
    const { report } = await checkJson(plan(edit(2, 'format: "1"')));
    expect(where(report)).toEqual(['FORMAT_VERSION@2:9']);
    expect(report.diagnostics[0]!.hint).toContain('without quotes');
  });

  it('an impossible date says so and suggests a real one', async () => {
    const { report } = await checkJson(join(FIXTURES, 'DATE_INVALID.yaml'));
    expect(report.diagnostics[0]!.message).toBe("The plan's date 2023-02-30 does not exist.");
  });

  it('a date in the wrong form asks for YYYY-MM-DD', async () => {
    const { report } = await checkJson(plan(edit(8, '  date: 10/01/2023')));
    expect(where(report)).toEqual(['BAD_VALUE@8:9']);
    expect(report.diagnostics[0]!.hint).toContain('YYYY-MM-DD');
  });

  it('a malformed symbol cited in prose is located inside the text', async () => {
    const { report } = await checkJson(plan(edit(25, '        when: Theo Kế hoạch số 12/kh-UBND ngày 10/01/2023 của UBND huyện')));
    // "Theo Kế hoạch số " is 17 characters after column 15.
    expect(where(report)).toEqual(['SYMBOL_MALFORMED@25:32']);
    expect(report.diagnostics[0]!.hint).toContain('12/KH-UBND');
  });

  it('the shipped plan: 157/KH-UBND in the body against 175/KH-UBND in task III.3', async () => {
    const { report } = await checkJson(SHIPPED);
    const ref = report.diagnostics.filter((d) => d.code === 'REF_CONFLICT');
    expect(ref).toHaveLength(1);
    expect(ref[0]!.severity).toBe('warning');
    expect(ref[0]!.message).toBe(
      'Kế hoạch số 175/KH-UBND ngày 14/12/2022 của UBND huyện is cited as 157/KH-UBND at line 50: the same issuer and date under two numbers.',
    );
    const blank = report.diagnostics.filter((d) => d.code === 'PLAN_NUMBER_BLANK');
    expect(where({ ...report, diagnostics: blank })).toEqual(['PLAN_NUMBER_BLANK@12:11']);
    expect(blank[0]!.severity).toBe('warning');
  });
});
