// One answer per agency and day: status counts what due lists (collectives, roles, totals in occurrences), says a day outside the plan, and explains its cells.
import { describe, expect, it } from 'vitest';
import { dueJson, SHIPPED, tthc } from '../due/helpers.js';

type Q = 'Q1' | 'Q2' | 'Q3' | 'Q4';
interface StatusJson {
  role: string;
  outsidePeriod: boolean;
  rows: { id: string; quarters: Record<Q, { status: string; due: number; overdue: number; occurrences: { id: string; period: string | null; status: string }[] }> }[];
  totals: { unit: string; quarters: Record<Q, { counts: Record<string, number>; due: number; onTimeRate: number | null }> };
}

async function status(args: string[]): Promise<StatusJson> {
  const r = await tthc(['status', '--plan', SHIPPED, '--format', 'json', ...args]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as StatusJson;
}

const QS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
const sumOf = (v: StatusJson, st: string) => QS.reduce((n, q) => n + (v.totals.quarters[q].counts[st] ?? 0), 0);

describe('the example of the issue: Phòng Nội vụ on 1/7/2023', () => {
  it('due lists 9 overdue occurrences through "Các cơ quan, đơn vị thuộc huyện"; status --agency and the --by agency row count the same 9', async () => {
    const due = await dueJson(['--plan', SHIPPED, '--agency', 'noi-vu', '--as-of', '2023-07-01']);
    const overdue = due.items.filter((i) => i.status === 'overdue');
    expect(overdue).toHaveLength(9);
    expect(new Set(overdue.map((i) => i.via))).toEqual(new Set(['cq-huyen']));
    const one = await status(['--agency', 'noi-vu', '--as-of', '2023-07-01']);
    expect(sumOf(one, 'overdue')).toBe(9);
    const byAgency = await status(['--by', 'agency', '--as-of', '2023-07-01']);
    const row = byAgency.rows.find((r) => r.id === 'noi-vu')!;
    expect(QS.map((q) => row.quarters[q].status)).toEqual(['overdue', 'overdue', 'open', 'open']);
    const listed = QS.flatMap((q) => row.quarters[q].occurrences.filter((o) => o.status === 'overdue').map((o) => `${o.id} ${o.period}`));
    expect(listed.sort()).toEqual(overdue.map((i) => `${i.id} ${i.period}`).sort());
  });

  it('over the year, status counts the 17 overdue occurrences that due lists, not 10 task-quarters', async () => {
    const due = await dueJson(['--plan', SHIPPED, '--as-of', '2023-12-31']);
    const n = due.items.filter((i) => i.status === 'overdue').length;
    expect(n).toBe(17);
    expect(sumOf(await status(['--as-of', '2023-12-31']), 'overdue')).toBe(n);
    expect(sumOf(await status(['--as-of', '2023-12-31', '--by', 'agency']), 'overdue')).toBe(n);
    expect(sumOf(await status(['--as-of', '2023-12-31', '--by', 'section']), 'overdue')).toBe(n);
  });

  it('--by agency: the total counts an occurrence once, however many rows show it overdue', async () => {
    const v = await status(['--by', 'agency', '--as-of', '2023-07-01']);
    const q2 = v.rows.filter((r) => r.quarters.Q2.status === 'overdue');
    expect(q2.length).toBeGreaterThan(3);
    // Q2: X.2 April, May, June and VIII.1 Q2.
    expect(v.totals.quarters.Q2.counts).toEqual({ overdue: 4 });
    expect(v.totals.unit).toBe('occurrences');
  });
});

describe('--role', () => {
  it('narrows status as it narrows due: noi-vu leads VIII.1 through the collective, supports X.2 through it', async () => {
    for (const role of ['lead', 'support'] as const) {
      const due = await dueJson(['--plan', SHIPPED, '--agency', 'noi-vu', '--role', role, '--as-of', '2023-07-01']);
      const v = await status(['--agency', 'noi-vu', '--role', role, '--as-of', '2023-07-01']);
      expect(v.role).toBe(role);
      expect(sumOf(v, 'overdue')).toBe(due.items.filter((i) => i.status === 'overdue').length);
      expect(sumOf(v, 'overdue')).toBeGreaterThan(0);
    }
  });

  it('--by agency --role support keeps, in each row, only the tasks that agency supports', async () => {
    const v = await status(['--by', 'agency', '--role', 'support', '--as-of', '2023-07-01']);
    const ids = v.rows.map((r) => r.id);
    // mot-cua-xa only leads (VI.1, through mot-cua) and doan-kt only leads (V.1–V.3): no row for what they support.
    expect(ids).not.toContain('mot-cua-xa');
    expect(ids).not.toContain('doan-kt');
    expect(ids).toContain('noi-vu');
    const row = v.rows.find((r) => r.id === 'noi-vu')!;
    const due = await dueJson(['--plan', SHIPPED, '--agency', 'noi-vu', '--role', 'support', '--as-of', '2023-07-01']);
    const listed = QS.flatMap((q) => row.quarters[q].occurrences.filter((o) => o.status === 'overdue').map((o) => `${o.id} ${o.period}`));
    expect(listed.sort()).toEqual(due.items.filter((i) => i.status === 'overdue').map((i) => `${i.id} ${i.period}`).sort());
  });

  it.each([[['--role', 'lead']], [['--role', 'support', '--by', 'section']], [['--role', 'boss', '--agency', 'vp']]])('%j is a usage error', async (args) => {
    const r = await tthc(['status', '--plan', SHIPPED, ...args]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/--role/);
  });
});

describe('a day outside the plan period', () => {
  it('is said above the table, in both languages and in Markdown, as due says it; JSON has outsidePeriod', async () => {
    const vi = await tthc(['status', '--plan', SHIPPED, '--as-of', '2024-01-15']);
    expect(vi.code).toBe(0);
    expect(vi.out).toContain('Ngày 15/1/2024 nằm ngoài thời gian của kế hoạch (1/1/2023 – 31/12/2023).');
    const due = await tthc(['due', '--plan', SHIPPED, '--as-of', '2024-01-15']);
    expect(due.out).toContain('Ngày 15/1/2024 nằm ngoài thời gian của kế hoạch (1/1/2023 – 31/12/2023).');
    const en = await tthc(['status', '--plan', SHIPPED, '--as-of', '2022-12-01', '--lang', 'en', '--format', 'md']);
    expect(en.out).toContain('1/12/2022 is outside the plan period (1/1/2023 – 31/12/2023).');
    expect((await status(['--as-of', '2024-01-15'])).outsidePeriod).toBe(true);
    expect((await status(['--as-of', '2023-12-31'])).outsidePeriod).toBe(false);
    const inside = await tthc(['status', '--plan', SHIPPED, '--as-of', '2023-12-31']);
    expect(inside.out).not.toContain('ngoài thời gian của kế hoạch');
  });
});

describe('the legend under the table', () => {
  it('explains "Quá hạn 2/3" and the totals row in Vietnamese, in English with --lang en, in table and Markdown', async () => {
    const vi = await tthc(['status', '--plan', SHIPPED, '--as-of', '2023-07-01']);
    expect(vi.out).toContain('Chú giải:');
    expect(vi.out).toMatch(/“Quá hạn 2\/3”: 2 trong 3 lần thực hiện có hạn\s+trong quý đã xong/);
    expect(vi.out).toMatch(/│ Tổng +│ Lần thực/);
    const en = await tthc(['status', '--plan', SHIPPED, '--as-of', '2023-07-01', '--lang', 'en', '--format', 'md']);
    expect(en.out).toContain('Legend:');
    expect(en.out).toContain('"overdue 2/3": 2 of the 3 occurrences due in the quarter are done');
    expect(en.out).toContain('| **Total** | Occurrences |');
    // Agency rows say how collectives count.
    const agencies = await tthc(['status', '--plan', SHIPPED, '--as-of', '2023-07-01', '--by', 'agency', '--lang', 'en']);
    expect(agencies.out).toMatch(/names a collective it\s+belongs to/);
  });

  it('is not in CSV or JSON', async () => {
    const csv = await tthc(['status', '--plan', SHIPPED, '--as-of', '2023-07-01', '--format', 'csv']);
    expect(csv.out).not.toContain('Chú giải');
    const json = await tthc(['status', '--plan', SHIPPED, '--as-of', '2023-07-01', '--format', 'json']);
    expect(json.out).not.toContain('Chú giải');
  });
});

describe('show, from the same set', () => {
  it('lists every agency involved in a task, through collectives too, with the role and via that due gives it', async () => {
    const r = await tthc(['show', 'X.2', '--plan', SHIPPED, '--format', 'json', '--as-of', '2023-07-01']);
    expect(r.code).toBe(0);
    const [task] = JSON.parse(r.out) as { involved: { id: string; role: string; via: string | null }[]; occurrences: { period: string; status: string }[] }[];
    expect(task!.involved[0]).toEqual({ id: 'vp', role: 'lead', via: null });
    const noiVu = task!.involved.find((i) => i.id === 'noi-vu');
    expect(noiVu).toEqual({ id: 'noi-vu', role: 'support', via: 'cq-huyen' });
    expect(task!.involved.find((i) => i.id === 'xa-tan-lap')).toEqual({ id: 'xa-tan-lap', role: 'support', via: 'ubnd-xa' });
    expect(task!.involved.some((i) => i.id === 'doan-kt')).toBe(false);
    const due = await dueJson(['--plan', SHIPPED, '--agency', 'noi-vu', '--as-of', '2023-07-01']);
    const fromDue = due.items.filter((i) => i.id === 'X.2').map((i) => [i.period, i.status, i.role, i.via]);
    const fromShow = task!.occurrences.filter((o) => o.status === 'overdue' || o.status === 'due-soon').map((o) => [o.period, o.status, noiVu!.role, noiVu!.via]);
    expect(fromShow).toEqual(fromDue);
  });
});

describe('--quarter with a day outside the plan period', () => {
  it('says so above the detail too', async () => {
    const r = await tthc(['status', '--plan', SHIPPED, '--as-of', '2024-01-03', '--quarter', '2']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Ngày 3/1/2024 nằm ngoài thời gian của kế hoạch (1/1/2023 – 31/12/2023).');
  });
});
