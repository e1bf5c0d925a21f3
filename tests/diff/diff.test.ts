// tthc diff on a repository with a history of amendments: every kind of change, in every format, exits and errors.
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDiff } from '../../src/views/diff.js';
import { addRecords, AN, amend, commit, edit, git, historyRepo, newRepo, SHIPPED, tthc } from './helpers.js';

let repo: { dir: string; file: string };
beforeAll(() => {
  repo = historyRepo();
});

async function json(args: string[], dir = repo.dir): Promise<PlanDiff> {
  const r = await tthc(dir, [...args, '--format', 'json']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as PlanDiff;
}

describe('the amendment (HEAD~2 → HEAD~1)', () => {
  it('JSON: moved deadlines of each occurrence, by the schedule code', async () => {
    const d = await json(['diff', 'HEAD~2', 'HEAD~1']);
    expect(d.old.label).toBe('HEAD~2:plans/kon-ray-2023.yaml');
    expect(d.new.label).toBe('HEAD~1:plans/kon-ray-2023.yaml');
    const viii = d.tasks.changed.find((c) => c.id === 'VIII.1')!;
    expect(viii.due).toEqual([
      { period: '2023-Q1', old: '2023-03-31', new: '2023-03-15', kind: 'moved' },
      { period: '2023-Q2', old: '2023-06-30', new: '2023-06-15', kind: 'moved' },
      { period: '2023-Q3', old: '2023-09-30', new: '2023-09-15', kind: 'moved' },
      { period: '2023-Q4', old: '2023-12-31', new: '2023-12-15', kind: 'moved' },
      { period: '2023', old: '2023-12-31', new: '2023-12-15', kind: 'moved' },
    ]);
    expect(viii.fields).toEqual([{ field: 'schedule', old: null, new: 'day: 15' }]);
    expect(d.summary).toEqual({ added: 1, removed: 1, renumbered: 5, changed: 3, movedDeadlines: 6, recordsAdded: 0, recordsChanged: 0, recordsRemoved: 0, agencies: 3 });
  });

  it('JSON: a new task, a removed one, and the tasks after the new one renumbered by their content', async () => {
    const d = await json(['diff', 'HEAD~2', 'HEAD~1']);
    expect(d.tasks.added.map((t) => [t.id, t.lead, t.due])).toEqual([['IX.2', ['ttpvhcc'], [{ period: null, due: '2023-09-30' }]]]);
    expect(d.tasks.removed.map((t) => t.id)).toEqual(['V.3']);
    const ren = d.tasks.changed.filter((c) => c.id !== c.from).map((c) => [c.from, c.id, c.match]);
    expect(ren).toEqual([
      ['IX.2', 'IX.3', 'content'],
      ['IX.3', 'IX.4', 'content'],
      ['IX.4', 'IX.5', 'content'],
      ['IX.5', 'IX.6', 'content'],
      ['IX.6', 'IX.7', 'content'],
    ]);
    const ix4 = d.tasks.changed.find((c) => c.id === 'IX.4')!;
    expect(ix4.fields).toEqual([{ field: 'when', old: 'Tháng 7/2023', new: 'Tháng 8/2023' }]);
    expect(ix4.due).toEqual([{ period: null, old: '2023-07-31', new: '2023-08-31', kind: 'moved' }]);
  });

  it('JSON: agencies by name with roles, and the tasks a collective change moves', async () => {
    const d = await json(['diff', 'HEAD~2', 'HEAD~1']);
    const v1 = d.tasks.changed.find((c) => c.id === 'V.1')!;
    expect(v1.named).toEqual([{ agency: 'tu-phap', name: 'Phòng Tư pháp', old: null, new: 'support', via: { old: null, new: null } }]);
    // Phòng Tư pháp was in the collectives that support V.1 already: named now, so it is no longer "via" them.
    expect(v1.involved).toEqual([{ agency: 'tu-phap', name: 'Phòng Tư pháp', old: 'support', new: 'support', via: { old: 'cq-huyen', new: null } }]);
    expect(d.agencies.added).toEqual([{ id: 'ttpvhcc', name: 'Trung tâm Phục vụ hành chính công huyện' }]);
    const mc = d.agencies.changed.find((a) => a.id === 'mot-cua')!;
    expect(mc.members).toEqual({ added: [], removed: ['mot-cua-xa'] });
    expect(mc.tasks).toEqual(['VI.1']);
    expect(mc.moves).toEqual([{ agency: 'mot-cua-xa', name: 'Bộ phận TN&TKQ cấp xã', old: 'lead', new: null, tasks: ['VI.1'] }]);
    // A collective's change is told once, under the agency: VI.1 itself is not "changed".
    expect(d.tasks.changed.some((c) => c.id === 'VI.1')).toBe(false);
    expect(d.agencies.changed.find((a) => a.id === 'doan-kt')!.name).toEqual({ old: 'Đoàn kiểm tra', new: 'Đoàn kiểm tra liên ngành' });
    expect(d.bases.added.map((b) => b.ref)).toEqual(['1234/QĐ-UBND']);
  });

  it('text in Vietnamese (the default)', async () => {
    const r = await tthc(repo.dir, ['diff', 'HEAD~2', 'HEAD~1']);
    expect(r.code).toBe(0);
    for (const line of [
      'Thay đổi của kế hoạch: HEAD~2:plans/kon-ray-2023.yaml → HEAD~1:plans/kon-ray-2023.yaml',
      'Tóm tắt: 1 nhiệm vụ mới, 1 nhiệm vụ bị bỏ, 5 đánh số lại, 3 nhiệm vụ thay đổi, 6 hạn thay đổi, 3 cơ quan thay đổi',
      '  VIII.1 Quý II/2023: 30/6/2023 → 15/6/2023',
      '  IX.4: 31/7/2023 → 31/8/2023',
      '  + IX.2  Thành lập Trung tâm Phục vụ hành chính công huyện',
      '      Cơ quan thực hiện: Trung tâm Phục vụ hành chính công huyện',
      '      Hạn: 30/9/2023',
      '  − V.3  Kiểm tra đột xuất',
      '      Đánh số lại: IX.3 → IX.4',
      '      Thời gian thực hiện: “Tháng 7/2023” → “Tháng 8/2023”',
      '      Hạn Quý I/2023: 31/3/2023 → 15/3/2023',
      '      Cơ quan: Phòng Tư pháp (tu-phap): không tham gia → phối hợp',
      '  ~ mot-cua  Bộ phận TN&TKQ cấp huyện, các xã: thành viên bị bỏ: mot-cua-xa; ảnh hưởng nhiệm vụ: VI.1',
      '      Bộ phận TN&TKQ cấp xã (mot-cua-xa): chủ trì → không tham gia: VI.1',
      '  ~ doan-kt  Đoàn kiểm tra liên ngành: đổi tên: “Đoàn kiểm tra” → “Đoàn kiểm tra liên ngành”',
      '  + ttpvhcc  Trung tâm Phục vụ hành chính công huyện (cơ quan mới)',
      'Căn cứ:\n  + 1234/QĐ-UBND (20/6/2023): Quyết định số 1234/QĐ-UBND',
    ]) expect(r.out).toContain(line);
  });

  it('text in English with --lang en, and with TTHC_LANG=en', async () => {
    const r = await tthc(repo.dir, ['diff', 'HEAD~2', 'HEAD~1', '--lang', 'en']);
    for (const line of [
      'Changes to the plan: HEAD~2:plans/kon-ray-2023.yaml → HEAD~1:plans/kon-ray-2023.yaml',
      'Summary: 1 tasks added, 1 tasks removed, 5 renumbered, 3 tasks changed, 6 moved deadlines, 3 agencies changed',
      'Moved deadlines:\n  VIII.1 Q1 2023: 31/3/2023 → 15/3/2023',
      '  VIII.1 Q2 2023: 30/6/2023 → 15/6/2023',
      'Tasks added:\n  + IX.2',
      '      Lead: Trung tâm Phục vụ hành chính công huyện\n      Support: Văn phòng HĐND-UBND huyện; Phòng Nội vụ',
      'Tasks removed:\n  − V.3',
      '      Renumbered: IX.2 → IX.3',
      '      Timeline: “Tháng 7/2023” → “Tháng 8/2023”\n      Due: 31/7/2023 → 31/8/2023',
      '      Agencies: Phòng Tư pháp (tu-phap): not involved → support',
      '  ~ mot-cua  Bộ phận TN&TKQ cấp huyện, các xã: members removed: mot-cua-xa; tasks affected: VI.1',
      '  ~ doan-kt  Đoàn kiểm tra liên ngành: renamed: “Đoàn kiểm tra” → “Đoàn kiểm tra liên ngành”',
      'Legal bases:\n  + 1234/QĐ-UBND',
    ]) expect(r.out).toContain(line);
    const env = await tthc(repo.dir, ['diff', 'HEAD~2', 'HEAD~1'], { TTHC_LANG: 'en' });
    expect(env.out).toBe(r.out);
  });

  it('Markdown for a pull request', async () => {
    const r = await tthc(repo.dir, ['diff', 'HEAD~2', 'HEAD~1', '--format', 'md', '--lang', 'en']);
    for (const line of [
      '### Changes to the plan: `HEAD~2:plans/kon-ray-2023.yaml` → `HEAD~1:plans/kon-ray-2023.yaml`',
      '**Summary:** 1 tasks added',
      '#### Moved deadlines\n\n| Task | Period | Was | Now |\n|---|---|---|---|\n| VIII.1 | Q1 2023 | 31/3/2023 | **15/3/2023** |',
      '| IX.4 | — | 31/7/2023 | **31/8/2023** |',
      '#### Tasks added\n\n- **IX.2** Thành lập',
      '  - Due: 30/9/2023',
      '#### Tasks removed\n\n- **V.3**',
      '- **IX.4** Phối hợp đánh giá',
      '  - Renumbered: IX.3 → IX.4',
      '#### Agencies',
      '- ~ mot-cua Bộ phận TN&TKQ cấp huyện, các xã: members removed: mot-cua-xa; tasks affected: VI.1\n  - Bộ phận TN&TKQ cấp xã (mot-cua-xa): lead → not involved: VI.1\n',
      '#### Legal bases',
    ]) expect(r.out).toContain(line);
    const vi = await tthc(repo.dir, ['diff', 'HEAD~2', 'HEAD~1', '--format', 'md']);
    expect(vi.out).toContain('| VIII.1 | Quý II/2023 | 30/6/2023 | **15/6/2023** |');
    expect(vi.out).toContain('#### Nhiệm vụ mới');
  });
});

describe('records', () => {
  it('added (HEAD~4 → HEAD~3), in text and JSON', async () => {
    const d = await json(['diff', 'HEAD~4', 'HEAD~3']);
    expect(d.summary.recordsAdded).toBe(2);
    expect(d.tasks.changed.map((c) => [c.id, c.records.added])).toEqual([
      ['I.2', [{ done: '2023-03-08', ref: '41/KH-UBND' }]],
      ['VIII.1', [{ done: '2023-03-14', period: '2023-Q1', ref: '25/BC-UBND' }]],
    ]);
    const r = await tthc(repo.dir, ['diff', 'HEAD~4', 'HEAD~3']);
    expect(r.out).toContain('      Ghi nhận mới: xong 14/3/2023, kỳ Quý I/2023, 25/BC-UBND');
  });

  it('changed and removed (HEAD~1 → HEAD), in every format', async () => {
    const d = await json(['diff', 'HEAD~1', 'HEAD']);
    expect(d.summary).toMatchObject({ recordsRemoved: 1, recordsChanged: 1, movedDeadlines: 0, changed: 2 });
    expect(d.tasks.changed.find((c) => c.id === 'I.2')!.records.removed).toEqual([{ done: '2023-03-08', ref: '41/KH-UBND' }]);
    expect(d.tasks.changed.find((c) => c.id === 'VIII.1')!.records.changed).toEqual([
      { old: { done: '2023-06-14', period: '2023-Q2', ref: '67/BC-UBND' }, new: { done: '2023-06-14', period: '2023-Q2', ref: '68/BC-UBND' } },
    ]);
    const en = await tthc(repo.dir, ['diff', 'HEAD~1', 'HEAD', '--lang', 'en']);
    expect(en.out).toContain('      Record removed: done 8/3/2023, 41/KH-UBND');
    expect(en.out).toContain('      Record changed: done 14/6/2023, period Q2 2023, 67/BC-UBND → done 14/6/2023, period Q2 2023, 68/BC-UBND');
    const md = await tthc(repo.dir, ['diff', 'HEAD~1', 'HEAD', '--format', 'md']);
    expect(md.out).toContain('  - Ghi nhận bị xóa: xong 8/3/2023, 41/KH-UBND');
  });

  it('a removed task takes its records with it, and they count as removed', async () => {
    const { dir, file } = newRepo();
    edit(dir, file, (s) => addRecords(s, 'V.3', ['{ trigger: 2023-04-03 }', '{ done: 2023-04-20 }']));
    commit(dir, file, 'records of V.3', AN, '2023-04-21');
    edit(dir, file, (s) => s.replace(/      - id: V\.3\n(?:        .*\n|          .*\n)+?(?=  - id: VI)/, ''));
    const d = await json(['diff'], dir);
    expect(d.tasks.removed.map((t) => [t.id, t.records.length])).toEqual([['V.3', 2]]);
    expect(d.summary.recordsRemoved).toBe(2);
    const r = await tthc(dir, ['diff', '--fail-on', 'removed-record']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('  − V.3  Kiểm tra đột xuất việc giải quyết TTHC tại Bộ phận Một cửa các cấp trên địa bàn huyện\n      2 ghi nhận bị mất theo: văn bản đến 3/4/2023; xong 20/4/2023');
  });

  it("a trigger's due day corrected: the record reads differently before and after, in diff and in log", async () => {
    const { dir, file } = newRepo();
    edit(dir, file, (s) => addRecords(s, 'III.2', ['{ trigger: 2023-04-03, due: 2023-05-03, ref: 900/UBND-KSTT }']));
    commit(dir, file, 'văn bản 900', AN, '2023-04-04');
    edit(dir, file, (s) => s.replace('due: 2023-05-03', 'due: 2023-06-03'));
    commit(dir, file, 'gia hạn', AN, '2023-04-20');
    const r = await tthc(dir, ['diff', 'HEAD~1', 'HEAD']);
    expect(r.out).toContain('      Ghi nhận sửa: văn bản đến 3/4/2023, hạn 3/5/2023, 900/UBND-KSTT → văn bản đến 3/4/2023, hạn 3/6/2023, 900/UBND-KSTT');
    const en = await tthc(dir, ['diff', 'HEAD~1', 'HEAD', '--lang', 'en']);
    expect(en.out).toContain('      Record changed: triggered 3/4/2023, due 3/5/2023, 900/UBND-KSTT → triggered 3/4/2023, due 3/6/2023, 900/UBND-KSTT');
    const l = await tthc(dir, ['log', 'III.2']);
    expect(l.out).toContain('    văn bản đến 3/4/2023, hạn 3/6/2023, 900/UBND-KSTT\n');
    expect(l.out).toContain('(trước là: văn bản đến 3/4/2023, hạn 3/5/2023, 900/UBND-KSTT)');
  });
});

describe('occurrences that come or go', () => {
  it("a trigger record opens an event's occurrence: told as the record, not as a new due date", async () => {
    const d = await json(['diff', 'HEAD~3', 'HEAD~2']);
    const i1 = d.tasks.changed.find((c) => c.id === 'I.1')!;
    expect(i1.due).toEqual([]);
    expect(i1.records.added).toEqual([{ trigger: '2023-03-06', ref: '500/KH-UBND' }]);
  });

  it('a timeline that becomes quarterly: four occurrences added, the single one removed, no deadline "moved"', async () => {
    const { dir, file } = newRepo();
    edit(dir, file, (s) => s.replace('when: Tháng 7/2023', 'when: Hàng quý'));
    const d = await json(['diff'], dir);
    expect(d.tasks.changed[0]!.due).toEqual([
      { period: '2023-Q1', old: null, new: '2023-03-31', kind: 'added' },
      { period: '2023-Q2', old: null, new: '2023-06-30', kind: 'added' },
      { period: '2023-Q3', old: null, new: '2023-09-30', kind: 'added' },
      { period: '2023-Q4', old: null, new: '2023-12-31', kind: 'added' },
      { period: null, old: '2023-07-31', new: null, kind: 'removed' },
    ]);
    expect(d.summary.movedDeadlines).toBe(0);
    const r = await tthc(dir, ['diff', '--lang', 'en']);
    expect(r.out).toContain('      Due Q1 2023: new occurrence, due 31/3/2023\n');
    expect(r.out).toContain('      Due: occurrence removed (due 31/7/2023)\n');
  });
});

describe('--fail-on', () => {
  it('removed-record fails where a record was removed, and only there', async () => {
    expect((await tthc(repo.dir, ['diff', 'HEAD~1', 'HEAD', '--fail-on', 'removed-record'])).code).toBe(1);
    expect((await tthc(repo.dir, ['diff', 'HEAD~2', 'HEAD~1', '--fail-on', 'removed-record'])).code).toBe(0);
  });

  it('moved-deadline fails where a due date moved, and only there', async () => {
    const r = await tthc(repo.dir, ['diff', 'HEAD~2', 'HEAD~1', '--fail-on', 'moved-deadline', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('tthc diff: the change has moved-deadline (--fail-on).\n');
    expect((await tthc(repo.dir, ['diff', 'HEAD~1', 'HEAD', '--fail-on', 'moved-deadline'])).code).toBe(0);
  });

  it('a comma list or a repeated option; removed-task; without it, exit 0 whatever changed', async () => {
    const list = await tthc(repo.dir, ['diff', 'HEAD~3', 'HEAD', '--fail-on', 'removed-record,moved-deadline']);
    expect(list.code).toBe(1);
    expect(list.err).toContain('removed-record, moved-deadline');
    const rep = await tthc(repo.dir, ['diff', 'HEAD~1', 'HEAD', '--fail-on', 'moved-deadline', '--fail-on', 'removed-record']);
    expect(rep.code).toBe(1);
    expect((await tthc(repo.dir, ['diff', 'HEAD~2', 'HEAD~1', '--fail-on', 'removed-task'])).code).toBe(1);
    expect((await tthc(repo.dir, ['diff', 'HEAD~3', 'HEAD'])).code).toBe(0);
  });

  it('an unknown rule is a usage error', async () => {
    const r = await tthc(repo.dir, ['diff', '--fail-on', 'removed-records', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--fail-on "removed-records" is not a rule tthc knows.');
    expect(r.err).toContain('removed-record, moved-deadline, removed-task');
  });
});

describe('what is compared', () => {
  it('by default the file on disk against HEAD; one revision against the file on disk', async () => {
    const { dir, file } = newRepo();
    const same = await tthc(dir, ['diff']);
    expect(same.code).toBe(0);
    expect(same.out).toContain('Tóm tắt: Nội dung kế hoạch không thay đổi');
    edit(dir, file, (s) => s.replace('when: Trong tháng 10/2023', 'when: Trong tháng 11/2023').replace('# yaml-language-server', '# a comment only\n# yaml-language-server'));
    const d = await json(['diff'], dir);
    expect(d.old.label).toBe('HEAD:plans/kon-ray-2023.yaml');
    expect(d.new.label).toBe('plans/kon-ray-2023.yaml');
    expect(d.tasks.changed.map((c) => [c.id, c.due])).toEqual([['V.1', [{ period: null, old: '2023-10-31', new: '2023-11-30', kind: 'moved' }]]]);
    expect((await json(['diff', 'HEAD'], dir)).tasks.changed).toEqual(d.tasks.changed);
  });

  it('two files, outside any git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-nogit-'));
    copyFileSync(SHIPPED, join(dir, 'old.yaml'));
    writeFileSync(join(dir, 'new.yaml'), amend(readFileSync(SHIPPED, 'utf8')));
    const d = await json(['diff', 'old.yaml', 'new.yaml'], dir);
    expect(d.old.label).toBe('old.yaml');
    expect(d.summary.movedDeadlines).toBe(6);
  });

  it('a plan with CRLF line ends and a BOM against the same plan in LF: only the real change', async () => {
    const { dir, file } = newRepo();
    const text = readFileSync(join(dir, file), 'utf8');
    writeFileSync(join(dir, file), '\ufeff' + text.replace(/\n/g, '\r\n'));
    commit(dir, file, 'CRLF', AN, '2023-01-06');
    writeFileSync(join(dir, file), text.replace('when: Tháng 7/2023', 'when: Tháng 9/2023'));
    const d = await json(['diff'], dir);
    expect(d.tasks.changed.map((c) => c.id)).toEqual(['IX.3']);
    expect(d.summary.movedDeadlines).toBe(1);
  });

  it('a path with spaces and Vietnamese letters, in a sub-folder, run from elsewhere in the repository', async () => {
    const { dir, file } = newRepo('kế hoạch sửa đổi 2023.yaml');
    edit(dir, file, (s) => s.replace('when: Tháng 7/2023', 'when: Tháng 9/2023'));
    mkdirSync(join(dir, 'docs'));
    const d = await json(['diff', '--plan', '../plans/kế hoạch sửa đổi 2023.yaml'], join(dir, 'docs'));
    expect(d.old.label).toBe('HEAD:plans/kế hoạch sửa đổi 2023.yaml');
    expect(d.tasks.changed.map((c) => [c.id, c.due[0]?.new])).toEqual([['IX.3', '2023-09-30']]);
    const log = await tthc(dir, ['log', 'IX.3', '--plan', 'plans/kế hoạch sửa đổi 2023.yaml', '--lang', 'en']);
    expect(log.code).toBe(0);
    expect(log.out).toContain('working file (not committed): “Tháng 9/2023” — due 30/9/2023');
  });

  it('--staged: the index against HEAD, not the file on disk; a plan new in the commit is named and skipped', async () => {
    const { dir, file } = newRepo();
    edit(dir, file, (s) => s.replace('when: Tháng 7/2023', 'when: Tháng 9/2023'));
    git(dir, ['add', file]);
    edit(dir, file, (s) => s.replace('when: Trong tháng 10/2023', 'when: Trong tháng 12/2023'));
    const d = await json(['diff', '--staged'], dir);
    expect(d.new.label).toBe('plans/kon-ray-2023.yaml (staged)');
    expect(d.tasks.changed.map((c) => c.id)).toEqual(['IX.3']);
    copyFileSync(SHIPPED, join(dir, 'plans', 'new plan.yaml'));
    git(dir, ['add', 'plans/new plan.yaml']);
    const r = await tthc(dir, ['diff', '--staged', 'plans/kon-ray-2023.yaml', 'plans/new plan.yaml', '--format', 'md', '--fail-on', 'moved-deadline', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('plans/new plan.yaml: a new plan (not in HEAD); nothing to compare with.');
    expect(r.out).toContain('| IX.3 | — | 31/7/2023 | **30/9/2023** |');
    expect(r.out).not.toContain('31/12/2023');
  });
});

describe('REV:PATH', () => {
  it('names a file at a revision, as git does: a plan renamed, or two plans', async () => {
    const { dir, file } = newRepo();
    git(dir, ['mv', file, 'plans/ke-hoach-2023.yaml']);
    edit(dir, 'plans/ke-hoach-2023.yaml', (s) => s.replace('when: Tháng 7/2023', 'when: Tháng 9/2023'));
    commit(dir, 'plans', 'renamed, IX.3 moved', AN, '2023-03-01');
    const both = await json(['diff', 'HEAD~1:plans/kon-ray-2023.yaml', 'HEAD:plans/ke-hoach-2023.yaml'], join(dir, 'plans'));
    expect([both.old.label, both.new.label]).toEqual(['HEAD~1:plans/kon-ray-2023.yaml', 'HEAD:plans/ke-hoach-2023.yaml']);
    expect(both.tasks.changed.map((c) => c.id)).toEqual(['IX.3']);
    const working = await json(['diff', 'HEAD~1:./plans/kon-ray-2023.yaml'], dir);
    expect(working.new.label).toBe('plans/ke-hoach-2023.yaml');
    expect(working.summary.movedDeadlines).toBe(1);
    const gone = await tthc(dir, ['diff', 'HEAD:plans/kon-ray-2023.yaml', '--lang', 'en']);
    expect(gone.code).toBe(2);
    expect(gone.err).toContain('tthc: plans/kon-ray-2023.yaml is not in revision HEAD');
  });
});

describe('matching tasks', () => {
  it('a task renumbered and reworded is the same task (similar); one rewritten under the same id is replaced', async () => {
    const { dir, file } = newRepo();
    edit(dir, file, (s) =>
      s
        // I.1 and I.2 swap places, and I.2's text gains a few words.
        .replace('      - id: I.1\n', '      - id: I.X\n')
        .replace('      - id: I.2\n        content: Kế hoạch hoạt động kiểm soát TTHC năm 2023\n', '      - id: I.1\n        content: Kế hoạch hoạt động kiểm soát TTHC năm 2023 của UBND huyện\n')
        .replace('      - id: I.X\n', '      - id: I.2\n')
        // X.1 becomes another task altogether.
        .replace(/(      - id: X\.1\n        content: )[^\n]+\n/, '$1Tổ chức hội nghị tổng kết công tác kiểm soát TTHC\n'),
    );
    const d = await json(['diff'], dir);
    expect(d.tasks.changed.filter((c) => c.id !== c.from).map((c) => [c.from, c.id, c.match])).toEqual([
      ['I.1', 'I.2', 'content'],
      ['I.2', 'I.1', 'similar'],
    ]);
    expect(d.tasks.removed.map((t) => t.id)).toEqual(['X.1']);
    expect(d.tasks.added.map((t) => t.id)).toEqual(['X.1']);
  });
});

describe('errors', () => {
  it('an unknown revision, a missing file, too many versions: exit 2', async () => {
    const rev = await tthc(repo.dir, ['diff', 'v9', '--lang', 'en']);
    expect(rev.code).toBe(2);
    expect(rev.err).toBe('tthc: "v9" is neither a file nor a revision of this git repository.\nhint: Name a commit (HEAD, HEAD~1, main, a tag or a hash; `git log --oneline` lists them) or an existing file.\n');
    const missing = await tthc(repo.dir, ['diff', 'plans/nope.yaml', 'plans/kon-ray-2023.yaml', '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('plans/nope.yaml: no such file.');
    const plan = await tthc(repo.dir, ['diff', '--plan', 'plans/nope.yaml', '--lang', 'en']);
    expect(plan.code).toBe(2);
    expect(plan.err).toContain('plans/nope.yaml: no such file.');
    const many = await tthc(repo.dir, ['diff', 'HEAD~2', 'HEAD~1', 'HEAD', '--lang', 'en']);
    expect(many.code).toBe(2);
    expect(many.err).toContain('tthc diff compares two versions; 3 were given.');
  });

  it('a file git does not track, or that a revision does not have', async () => {
    const { dir } = newRepo();
    copyFileSync(SHIPPED, join(dir, 'plans', 'draft.yaml'));
    const r = await tthc(dir, ['diff', '--plan', 'plans/draft.yaml', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('tthc: plans/draft.yaml is not in revision HEAD (a file not yet committed, not tracked by git, or added later).');
    const log = await tthc(dir, ['log', '--plan', 'plans/draft.yaml', '--lang', 'en']);
    expect(log.code).toBe(2);
    expect(log.err).toContain('plans/draft.yaml has no commit in its git repository yet');
  });

  it('outside a git repository: revisions and log say why they cannot, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-nogit-'));
    mkdirSync(join(dir, 'plans'));
    copyFileSync(SHIPPED, join(dir, 'plans', 'kon-ray-2023.yaml'));
    const d = await tthc(dir, ['diff', '--lang', 'en']);
    expect(d.code).toBe(2);
    expect(d.err).toContain('plans/kon-ray-2023.yaml is not in a git repository, so tthc cannot read its earlier versions.');
    expect(d.err).toContain('tthc diff OLD.yaml NEW.yaml');
    const l = await tthc(dir, ['log', 'IX.3', '--lang', 'en']);
    expect(l.code).toBe(2);
    expect(l.err).toContain('plans/kon-ray-2023.yaml is not in a git repository, so it has no history to show.');
  });

  it('a repository without a commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-empty-'));
    git(dir, ['init', '-q']);
    copyFileSync(SHIPPED, join(dir, 'plan.yaml'));
    const r = await tthc(dir, ['diff', '--plan', 'plan.yaml', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('has no commit yet, so there is no HEAD to compare with.');
  });

  it('a side that is not a readable plan is named', async () => {
    const { dir, file } = newRepo();
    writeFileSync(join(dir, file), 'format: 1\nplan: [unclosed\n');
    commit(dir, file, 'broken', AN, '2023-02-01');
    copyFileSync(SHIPPED, join(dir, file));
    const old = await tthc(dir, ['diff', '--lang', 'en']);
    expect(old.code).toBe(2);
    expect(old.err).toMatch(/^tthc: the old side \(HEAD:plans\/kon-ray-2023\.yaml\) is not a plan tthc can read: HEAD:plans\/kon-ray-2023\.yaml:2:7: YAML_SYNTAX: /);
    writeFileSync(join(dir, file), '- just a list\n');
    const neu = await tthc(dir, ['diff', 'HEAD~1', '--lang', 'en']);
    expect(neu.code).toBe(2);
    expect(neu.err).toContain('tthc: the new side (plans/kon-ray-2023.yaml) is not a plan tthc can read: plans/kon-ray-2023.yaml:1:1: NOT_A_MAPPING');
  });

  it('a side of the wrong shape is refused (exit 1), not compared in part', async () => {
    const { dir, file } = newRepo();
    // `records:` with nothing under it: read in part, the plan would lose its legal bases and prose.
    edit(dir, file, (s) => s.replace('        when: Trước ngày 10/3/2023\n', '        when: Trước ngày 10/3/2023\n        records:\n'));
    const r = await tthc(dir, ['diff', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^tthc: the new side \(plans\/kon-ray-2023\.yaml\) has 1 error in its shape, so tthc can read only part of it\.\n/);
    expect(r.err).toContain('error[WRONG_TYPE]: `records` of task I.2 should be a list');
    commit(dir, file, 'records: null', AN, '2023-03-01');
    copyFileSync(SHIPPED, join(dir, file));
    const old = await tthc(dir, ['diff', '--format', 'json', '--lang', 'en']);
    expect(old.code).toBe(1);
    expect(old.err).toContain('the old side (HEAD:plans/kon-ray-2023.yaml) has 1 error');
    expect(old.err).toContain('or compare with another revision');
  });

  it('two files, the second missing, in a folder with no plans/ and no git: that file is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-two-files-'));
    copyFileSync(SHIPPED, join(dir, 'old.yaml'));
    const r = await tthc(dir, ['diff', 'old.yaml', 'new.yaml', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('tthc: new.yaml: no such file.\nhint: Check the path; to compare revisions, name commits such as HEAD~1 or main.\n');
  });

  it('bad --format and --lang', async () => {
    expect((await tthc(repo.dir, ['diff', '--format', 'html'])).code).toBe(2);
    expect((await tthc(repo.dir, ['diff', '--lang', 'fr'])).code).toBe(2);
  });
});
