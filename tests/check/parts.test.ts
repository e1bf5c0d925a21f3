// A plan whose sections are grouped in parts (`parts:`): section ids A.I, B.I …, numbered from I in each part.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson, run, scratchDir } from './helpers.js';

const task = (id: string) => `      - id: ${id}
        content: Việc ${id}
        lead: vp
        when: Quý I/2023
`;
const section = (id: string, ...tasks: string[]) => `  - id: ${id}
    title: Mục ${id}
    tasks:
${tasks.map(task).join('')}`;

function planText(parts: string[], sections: string[]): string {
  return `format: 1
plan:
  issuer: Ủy ban nhân dân huyện Kon Rẫy
  symbol: KH-UBND
  number: "12"
  date: 2023-01-10
  year: 2023
agencies:
  vp:
    name: Văn phòng HĐND-UBND huyện
parts:
${parts.map((p) => `  - id: ${p}\n    title: Phần ${p}\n`).join('')}sections:
${sections.join('')}`;
}

let scratch: ReturnType<typeof scratchDir>;
let n = 0;
function plan(text: string): string {
  const path = join(scratch.dir, `plan-${++n}.yaml`);
  writeFileSync(path, text);
  return path;
}
beforeAll(() => {
  scratch = scratchDir('parts');
});
afterAll(() => scratch.remove());

const errors = async (text: string) => (await checkJson(plan(text))).report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.line}: ${d.message}`);

describe('parts', () => {
  it('A.I, A.II, B.I with tasks A.I.1 …, and a part holding its tasks itself (C.1), are a clean plan', async () => {
    const text = planText(['A', 'B', 'C'], [section('A.I', 'A.I.1', 'A.I.2'), section('A.II', 'A.II.1'), section('B.I', 'B.I.1'), section('C', 'C.1', 'C.2')]);
    expect(await errors(text)).toEqual([]);
    const r = await run(['due', '--plan', plan(text), '--all', '--as-of', '2023-02-01', '--format', 'json']);
    expect((JSON.parse(r.out) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(['A.I.1', 'A.I.2', 'A.II.1', 'B.I.1', 'C.1', 'C.2']);
  });

  it('"Phần I, II": sections I.I, II.I and tasks II.I.3', async () => {
    expect(await errors(planText(['I', 'II'], [section('I.I', 'I.I.1'), section('II.I', 'II.I.1'), section('II.II', 'II.II.1')]))).toEqual([]);
  });

  it.each<[string, string[], string[], RegExp]>([
    ['numerals that do not restart in a part', ['A', 'B'], [section('A.I', 'A.I.1'), section('B.II', 'B.II.1')], /SECTION_ID \d+: Section B\.II stands where section B\.I should/],
    ['a section of no declared part', ['A'], [section('A.I', 'A.I.1'), section('B.I', 'B.I.1')], /SECTION_ID \d+: Section id "B\.I" is not a part's id and a Roman numeral/],
    ['a plain numeral in a plan with parts', ['A'], [section('I', 'I.1')], /SECTION_ID \d+: Section id "I" is not a part's id/],
    ['parts out of order', ['A', 'B'], [section('B.I', 'B.I.1'), section('A.I', 'A.I.1')], /SECTION_ID \d+: Section A\.I of part A stands after the sections of part B/],
    ['a section twice', ['A'], [section('A.I', 'A.I.1'), section('A.I', 'A.I.2')], /SECTION_ID \d+: Section A\.I appears twice/],
    ['a part declared twice', ['A', 'A'], [section('A.I', 'A.I.1')], /SECTION_ID \d+: Part A appears twice/],
    ['a task without its part', ['A'], [section('A.I', 'I.1')], /TASK_ID_MALFORMED \d+: Task id "I\.1"/],
    ['a task of another section', ['A'], [section('A.I', 'A.I.1'), section('A.II', 'A.I.2')], /TASK_ID_SECTION \d+: Task A\.I\.2 stands in section A\.II/],
  ])('%s: an error at the line', async (_name, parts, sections, message) => {
    const found = await errors(planText(parts, sections));
    expect(found.join('\n')).toMatch(message);
  });
});
