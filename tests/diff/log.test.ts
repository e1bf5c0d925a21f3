// tthc log on a repository with a history of amendments: who recorded what and when, in every format, and its errors.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanHistory } from '../../src/views/history.js';
import { addRecords, AN, BINH, commit, edit, git, historyRepo, newRepo, tthc } from './helpers.js';

let repo: { dir: string; file: string };
/** Short hashes of the five commits, oldest first. */
let h: string[];
beforeAll(() => {
  repo = historyRepo();
  h = git(repo.dir, ['log', '--reverse', '--format=%h']).trim().split('\n');
});

describe('tthc log ID', () => {
  it("a task's records: the commit, date and author that added each, and what changed since (Vietnamese)", async () => {
    const r = await tthc(repo.dir, ['log', 'VIII.1']);
    expect(r.code).toBe(0);
    expect(h).toHaveLength(5);
    expect(r.out).toBe(
      [
        'plans/kon-ray-2023.yaml: 5 commit',
        '',
        'VIII.1  Báo cáo Công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên th…',
        `  Đưa vào kế hoạch: ${h[0]} 2023-01-05 Nguyễn Văn An`,
        '  Thời gian thực hiện:',
        `    ${h[0]} 2023-01-05 Nguyễn Văn An: “Hàng quý, năm và đột xuất khi có yêu cầu” — hạn Quý I/2023: 31/3/2023; Quý II/2023: 30/6/2023; Quý III/2023: 30/9/2023; Quý IV/2023: 31/12/2023; Năm 2023: 31/12/2023`,
        `    ${h[3]} 2023-07-01 Lê Văn Cường: “Hàng quý, năm và đột xuất khi có yêu cầu” — hạn Quý I/2023: 15/3/2023; Quý II/2023: 15/6/2023; Quý III/2023: 15/9/2023; Quý IV/2023: 15/12/2023; Năm 2023: 15/12/2023`,
        '  Ghi nhận:',
        '    xong 14/3/2023, kỳ Quý I/2023, 25/BC-UBND',
        `      ghi: ${h[1]} 2023-03-20 Trần Thị Bình`,
        '      (không sửa từ đó)',
        '    xong 14/6/2023, kỳ Quý II/2023, 68/BC-UBND',
        `      ghi: ${h[2]} 2023-06-14 Trần Thị Bình`,
        `      sửa: ${h[4]} 2023-07-20 Trần Thị Bình (trước là: xong 14/6/2023, kỳ Quý II/2023, 67/BC-UBND)`,
        '',
      ].join('\n'),
    );
  });

  it('a removed record, in English', async () => {
    const r = await tthc(repo.dir, ['log', 'I.2', '--lang', 'en']);
    expect(r.out).toContain(`    done 8/3/2023, 41/KH-UBND\n      recorded: ${h[1]} 2023-03-20 Trần Thị Bình\n      removed: ${h[4]} 2023-07-20 Trần Thị Bình\n`);
  });

  it('a renumbered task by its new id or its old one; a task that was removed', async () => {
    const r = await tthc(repo.dir, ['log', 'IX.7', '--lang', 'en']);
    expect(r.out).toContain('IX.7 (IX.6)  Phối hợp triển khai hoàn thiện kho');
    expect(r.out).toContain(`  Renumbered IX.6 → IX.7: ${h[3]} 2023-07-01 Lê Văn Cường`);
    // IX.3 is the id of a task now: that one is shown, not the one that had it before.
    expect((await tthc(repo.dir, ['log', 'ix.3', '--lang', 'en'])).out).toContain('IX.3 (IX.2)  Đẩy mạnh thực hiện');
    const v3 = await tthc(repo.dir, ['log', 'V.3', '--lang', 'en']);
    expect(v3.code).toBe(0);
    expect(v3.out).toContain(`  Removed: ${h[3]} 2023-07-01 Lê Văn Cường`);
  });

  it('the timeline of a task whose deadline moved', async () => {
    const r = await tthc(repo.dir, ['log', 'IX.4', '--lang', 'en']);
    expect(r.out).toContain(`    ${h[0]} 2023-01-05 Nguyễn Văn An: “Tháng 7/2023” — due 31/7/2023\n    ${h[3]} 2023-07-01 Lê Văn Cường: “Tháng 8/2023” — due 31/8/2023\n`);
    expect(r.out).toContain('  Records: no records\n');
  });

  it("recording a trigger is a record, not a change of the timeline; moving the due day it set is", async () => {
    const r = await tthc(repo.dir, ['log', 'I.1', '--lang', 'en']);
    expect(r.out).toContain(`  Timeline:\n    ${h[0]} 2023-01-05 Nguyễn Văn An: “Triển khai thực hiện sau khi có Văn bản của UBND tỉnh”\n  Records:\n`);
    expect(r.out).toContain(`    triggered 6/3/2023, 500/KH-UBND\n      recorded: ${h[2]} 2023-06-14 Trần Thị Bình\n`);
    const { dir, file } = newRepo();
    edit(dir, file, (s) => addRecords(s, 'III.2', ['{ trigger: 2023-04-03, due: 2023-05-03, ref: 900/UBND-KSTT }']));
    commit(dir, file, 'văn bản 900', AN, '2023-04-04');
    edit(dir, file, (s) => s.replace('due: 2023-05-03', 'due: 2023-06-03'));
    commit(dir, file, 'gia hạn', BINH, '2023-04-20');
    const [c0, , c2] = git(dir, ['log', '--reverse', '--format=%h']).trim().split('\n');
    const moved = await tthc(dir, ['log', 'III.2', '--lang', 'en']);
    expect(moved.out).toContain(
      `  Timeline:\n    ${c0} 2023-01-05 Nguyễn Văn An: “Theo văn bản triển khai của UBND tỉnh”\n    ${c2} 2023-04-20 Trần Thị Bình: “Theo văn bản triển khai của UBND tỉnh” — due from 3/4/2023: 3/6/2023\n  Records:`,
    );
  });

  it('an unknown id is a usage error with the nearest ids', async () => {
    const r = await tthc(repo.dir, ['log', 'VIII.2', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('No task VIII.2 in the history of plans/kon-ray-2023.yaml.');
    expect(r.err).toContain('VIII.1');
  });
});

describe('tthc log (all tasks), Markdown and JSON', () => {
  it('every task, the removed ones last', async () => {
    const r = await tthc(repo.dir, ['log']);
    expect(r.out.match(/^\S+.*  /gm)!.length).toBe(28);
    expect(r.out).toContain(`IX.2  Thành lập Trung tâm Phục vụ hành chính công huyện và chuyển Bộ phận Một cửa cấp huyện về …\n  Đưa vào kế hoạch: ${h[3]} 2023-07-01 Lê Văn Cường\n`);
    expect(r.out.trimEnd().split('\n\n').pop()).toMatch(/^V\.3 {2}Kiểm tra đột xuất[\s\S]*Bị bỏ khỏi kế hoạch: /);
  });

  it('Markdown', async () => {
    const r = await tthc(repo.dir, ['log', 'I.2', '--format', 'md']);
    expect(r.out).toContain('### `plans/kon-ray-2023.yaml`: 5 commit\n\n#### I.2  Kế hoạch hoạt động kiểm soát TTHC năm 2023\n\n');
    expect(r.out).toContain(`- Ghi nhận:\n  - xong 8/3/2023, 41/KH-UBND\n    - ghi: ${h[1]} 2023-03-20 Trần Thị Bình\n    - xóa: ${h[4]} 2023-07-20 Trần Thị Bình\n`);
  });

  it('JSON', async () => {
    const r = await tthc(repo.dir, ['log', 'VIII.1', '--format', 'json']);
    const j = JSON.parse(r.out) as PlanHistory & { file: string };
    expect(j.file).toBe('plans/kon-ray-2023.yaml');
    expect(j.commits.map((c) => c.short)).toEqual(h);
    expect(j.commits[3]).toMatchObject({ date: '2023-07-01', author: 'Lê Văn Cường', email: 'cuong@konray.example', subject: 'Kế hoạch sửa đổi, bổ sung' });
    const t = j.tasks[0]!;
    expect(t.id).toBe('VIII.1');
    expect(t.records.map((x) => [x.record.ref, x.added.short, x.changed.map((c) => [c.commit.short, c.old.ref]), x.removed])).toEqual([
      ['25/BC-UBND', h[1], [], null],
      ['68/BC-UBND', h[2], [[h[4], '67/BC-UBND']], null],
    ]);
    expect(t.timeline.map((e) => [e.commit.short, e.due.find((d) => d.period === '2023-Q2')!.due])).toEqual([
      [h[0], '2023-06-30'],
      [h[3], '2023-06-15'],
    ]);
  });
});

describe('the file on disk, renames, unreadable versions', () => {
  it('a record made since the last commit shows as not committed', async () => {
    const { dir, file } = newRepo();
    edit(dir, file, (s) => addRecords(s, 'IX.3', ['{ done: 2023-07-18, ref: 123/BC-UBND }']));
    const r = await tthc(dir, ['log', 'IX.3']);
    expect(r.out).toContain('    xong 18/7/2023, 123/BC-UBND\n      ghi: bản đang sửa (chưa commit)\n');
  });

  it('follows the plan file through a rename', async () => {
    const { dir, file } = newRepo();
    git(dir, ['mv', file, 'plans/ke-hoach-2023.yaml']);
    edit(dir, 'plans/ke-hoach-2023.yaml', (s) => addRecords(s, 'I.2', ['{ done: 2023-03-08 }']));
    commit(dir, 'plans', 'Đổi tên tệp kế hoạch', BINH, '2023-03-09');
    const r = await tthc(dir, ['log', 'I.2', '--plan', 'plans/ke-hoach-2023.yaml', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('plans/ke-hoach-2023.yaml: 2 commits');
    expect(r.out).toMatch(/Added: \w+ 2023-01-05 Nguyễn Văn An\n/);
    expect(r.out).toMatch(/recorded: \w+ 2023-03-09 Trần Thị Bình\n/);
  });

  it('a version that is not a plan is skipped and named', async () => {
    const { dir, file } = newRepo();
    edit(dir, file, (s) => s.replace('format: 1\n', 'format: 1\nplan: [\n'));
    commit(dir, file, 'broken', AN, '2023-02-01');
    edit(dir, file, (s) => addRecords(s.replace('format: 1\nplan: [\n', 'format: 1\n'), 'I.2', ['{ done: 2023-03-08 }']));
    commit(dir, file, 'fixed', AN, '2023-03-09');
    const r = await tthc(dir, ['log', 'I.2', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Versions that are not a readable plan \(skipped\): \w+ 2023-02-01 Nguyễn Văn An$/m);
    expect(r.out).toMatch(/recorded: \w+ 2023-03-09 Nguyễn Văn An/);
  });
});
