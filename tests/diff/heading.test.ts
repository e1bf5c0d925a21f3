// tthc diff beyond tasks: the heading, legal bases, section titles and the prose; and the CI files that run it.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { PlanDiff } from '../../src/views/diff.js';
import { AN, commit, edit, git, newRepo, ROOT, tthc } from './helpers.js';

describe('heading, bases, sections, text', () => {
  it('in JSON, text and Markdown', async () => {
    const { dir, file } = newRepo();
    edit(dir, file, (s) =>
      s
        .replace('  number: null\n', '  number: "125"\n')
        .replace('  date: null\n', '  date: 2023-03-01\n')
        .replace('ngày 15 tháng 02 năm 2023 của Văn phòng Chính phủ về việc ban hành', 'ngày 15/02/2023 của Văn phòng Chính phủ ban hành')
        .replace(/  - text: Kế hoạch số 500\/KH-UBND[^\n]*\n    ref: 500\/KH-UBND\n    date: 2023-02-28\n    issuer: UBND tỉnh\n/, '')
        .replace('    title: Công tác chỉ đạo, điều hành\n', '    title: Công tác chỉ đạo, điều hành | tổng hợp\n')
        .replace('funding: Kinh phí thực hiện', 'funding: Toàn bộ kinh phí thực hiện'),
    );
    const r = await tthc(dir, ['diff', '--format', 'json']);
    const d = JSON.parse(r.out) as PlanDiff;
    expect(d.heading).toEqual([
      { field: 'number', old: null, new: '125' },
      { field: 'date', old: null, new: '2023-03-01' },
    ]);
    expect(d.bases.removed.map((b) => b.ref)).toEqual(['500/KH-UBND']);
    expect(d.bases.changed.map((b) => [b.ref, b.fields.map((f) => f.field)])).toEqual([['45/QĐ-VPCP', ['text']]]);
    expect(d.sections).toEqual([{ id: 'I', old: 'Công tác chỉ đạo, điều hành', new: 'Công tác chỉ đạo, điều hành | tổng hợp' }]);
    expect(d.text).toEqual(['funding']);
    expect(d.tasks).toEqual({ added: [], removed: [], changed: [] });

    const en = await tthc(dir, ['diff', '--lang', 'en']);
    expect(en.out).toContain('Heading:\n  number: — → “125”\n  date: — → “2023-03-01”\n');
    expect(en.out).toContain('Legal bases:\n  − 500/KH-UBND (28/2/2023): Kế hoạch số 500/KH-UBND');
    expect(en.out).toContain('  ~ 45/QĐ-VPCP: text: “Quyết định số 45/QĐ-VPCP ngày 15 tháng 02 năm 2023');
    expect(en.out).toContain('Sections of the appendix:\n  ~ I: “Công tác chỉ đạo, điều hành” → “Công tác chỉ đạo, điều hành | tổng hợp”\n');
    expect(en.out).toContain('Other parts of the text changed:\n  funding\n');
    const vi = await tthc(dir, ['diff']);
    expect(vi.out).toContain('Thông tin chung của kế hoạch:\n  number: — → “125”');
    expect(vi.out).toContain('Phần văn bản khác thay đổi:\n  funding\n');
    // Markdown escapes what would break a list or a table.
    const md = await tthc(dir, ['diff', '--format', 'md', '--lang', 'en']);
    expect(md.out).toContain('#### Sections of the appendix\n\n- ~ I: “Công tác chỉ đạo, điều hành” → “Công tác chỉ đạo, điều hành \\| tổng hợp”\n');
  });

  it('--staged with several plans prints an array in JSON', async () => {
    const { dir, file } = newRepo();
    const other = 'plans/xa-tan-lap-2023.yaml';
    copyFileSync(join(dir, file), join(dir, other));
    commit(dir, other, 'second plan', AN, '2023-01-06');
    edit(dir, file, (s) => s.replace('when: Tháng 7/2023', 'when: Tháng 9/2023'));
    edit(dir, other, (s) => s.replace('when: Trong tháng 10/2023', 'when: Trong tháng 11/2023').replace('when: Tháng 7/2023', 'when: Tháng 8/2023'));
    git(dir, ['add', 'plans']);
    const r = await tthc(dir, ['diff', '--staged', file, other, '--format', 'json']);
    const d = JSON.parse(r.out) as PlanDiff[];
    expect(d.map((x) => [x.new.label, x.summary.movedDeadlines])).toEqual([
      ['plans/kon-ray-2023.yaml (staged)', 1],
      ['plans/xa-tan-lap-2023.yaml (staged)', 2],
    ]);
  });
});

describe('CI', () => {
  it('the workflow fetches the history and writes each plan\'s diff against the base to the job summary', () => {
    const wf = parse(readFileSync(join(ROOT, '.github/workflows/plans.yml'), 'utf8')) as { jobs: { check: { steps: { uses?: string; with?: Record<string, unknown>; run?: string; env?: Record<string, string> }[] } } };
    const steps = wf.jobs.check.steps;
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))!.with!['fetch-depth']).toBe(0);
    const i = steps.findIndex((s) => s.run?.includes('tthc diff'));
    expect(i).toBeGreaterThan(steps.findIndex((s) => s.run?.includes('tthc check')));
    expect(steps[i]!.run).toContain('tthc diff "$BASE" HEAD --plan "$f" --format md');
    expect(steps[i]!.run).toContain('$GITHUB_STEP_SUMMARY');
    expect(steps[i]!.env!.BASE).toBe('${{ github.event.pull_request.base.sha || github.event.before }}');
  });

  it('the pre-commit hook prints the diff of the staged plans', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string; pass_filenames: boolean }[];
    const h = hooks.find((x) => x.id === 'tthc-diff')!;
    expect(h.entry).toBe('tthc diff --staged');
    expect(h.pass_filenames).toBe(true);
    expect(new RegExp(h.files).test('plans/kon-ray-2023.yaml')).toBe(true);
  });
});
