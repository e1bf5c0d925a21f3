// `tthc due` options on the shipped plan: --agency resolution, roles, --within, --as-of forms, --fail-on, JSON, order, colour, width, language.
import { describe, expect, it } from 'vitest';
import { ANSI, dueJson, itemOf, lineWidths, SHIPPED, tthc, type DueJson } from './helpers.js';

const PLAN = ['--plan', SHIPPED];

describe('--agency: what a clerk types', () => {
  const resolves: [string, string][] = [
    ['vp', 'vp'],
    ['VP', 'vp'],
    ['  vp ', 'vp'],
    ['VAN PHONG', 'vp'],
    ['van phong hdnd', 'vp'],
    ['Văn phòng UBND huyện', 'vp'],
    ['Văn phòng HĐND và UBND huyện', 'vp'],
    ['Đăk Rve', 'tt-dak-rve'],
    ['dak rve', 'tt-dak-rve'],
    ['ĐẮK RVE', 'tt-dak-rve'],
    ['Thị trấn Đắk Rve', 'tt-dak-rve'],
    ['noi vu', 'noi-vu'],
    ['noivu', 'noi-vu'],
    ['Phòng Nội Vụ', 'noi-vu'],
    ['tu phap', 'tu-phap'],
    ['UBND các xã, thị trấn', 'ubnd-xa'],
    ['ubnd cap xa', 'ubnd-xa'],
    ['cq-huyen', 'cq-huyen'],
    ['Bộ phận Một cửa cấp xã', 'mot-cua-xa'],
    // Decomposed (NFD) input, as typed on a Mac, is the same name.
    ['Đăk Rve'.normalize('NFD'), 'tt-dak-rve'],
  ];
  it.each(resolves)('%j is %s', async (input, id) => {
    const view = await dueJson([...PLAN, '--as-of', '2023-03-01', '--agency', input]);
    expect(view.agency?.id).toBe(id);
  });

  const ambiguous: [string, string[]][] = [
    ['dak', ['tt-dak-rve', 'xa-dak-koi', 'xa-dak-pne', 'xa-dak-ruong', 'xa-dak-to-lung', 'xa-dak-to-re']],
    ['thi tran', ['ubnd-xa', 'tt-dak-rve']],
    ['phong', ['vp', 'noi-vu', 'tu-phap', 'tc-kh']],
  ];
  it.each(ambiguous)('%j is ambiguous: exit 2, listing the candidates', async (input, candidates) => {
    const r = await tthc(['due', ...PLAN, '--as-of', '2023-03-01', '--agency', input, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/matches \d+ agencies/);
    expect((await tthc(['due', ...PLAN, '--as-of', '2023-03-01', '--agency', input])).err).toMatch(/khớp với \d+ cơ quan/);
    for (const id of candidates) expect(r.err).toMatch(new RegExp(`^\\s+${id}\\s`, 'm'));
  });

  const unknown: [string, string[]][] = [
    ['vpp', ['vp']],
    ['noi-vuu', ['noi-vu']],
    ['tt-dak-rev', ['tt-dak-rve']],
    ['Phong Tu Phapp', ['tu-phap']],
    ['xyzzy', []],
  ];
  it.each(unknown)('%j matches nothing: exit 2, suggesting %j', async (input, near) => {
    const r = await tthc(['due', ...PLAN, '--as-of', '2023-03-01', '--agency', input, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`No agency matches "${input}"`);
    for (const id of near) expect(r.err).toContain(`\`${id}\``);
    expect(r.err).toContain('tthc agencies');
  });

  it('an empty --agency is a usage error', async () => {
    const r = await tthc(['due', ...PLAN, '--agency', ' ', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--agency is empty');
  });
});

describe('roles: explicit mention wins, collectives otherwise (lead before support), via names the collective', () => {
  const all = async (agency: string, extra: string[] = []) => (await dueJson([...PLAN, '--all', '--as-of', '2023-07-20', '--agency', agency, ...extra])).items;

  it('vp supports VIII.1 although it is a member of cq-huyen (through cqcm-huyen), which leads it', async () => {
    const items = await all('vp');
    for (const i of items.filter((x) => x.id === 'VIII.1')) expect([i.role, i.via]).toEqual(['support', null]);
    expect(items.filter((x) => x.id === 'VIII.1').map((i) => i.period)).toEqual(expect.arrayContaining(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2023']));
    // Named as lead: X.2, I.2. Reached only through a collective: IV.2 (lead: cq-huyen, ubnd-xa; no support).
    expect([itemOf(items, 'I.2').role, itemOf(items, 'I.2').via]).toEqual(['lead', null]);
    const iv2 = items.filter((i) => i.id === 'IV.2');
    expect(iv2.map((i) => [i.role, i.via])).toEqual([['lead', 'cq-huyen']]);
  });

  it('a commune leads II.1 through "UBND cấp xã", and supports X.2 through it', async () => {
    const items = await all('tt-dak-rve');
    expect(items.filter((i) => i.id === 'II.1').map((i) => [i.role, i.via])).toEqual([['lead', 'ubnd-xa']]);
    for (const i of items.filter((x) => x.id === 'X.2')) expect([i.role, i.via]).toEqual(['support', 'ubnd-xa']);
  });

  it('collectives reach their members: every task names ubnd-xa and cq-huyen or cqcm-huyen; only VI.1 names mot-cua', async () => {
    const commune = new Set((await all('xa-tan-lap')).map((i) => i.id));
    const office = new Set((await all('tu-phap')).map((i) => i.id));
    expect(commune.size).toBe(27);
    expect(office.size).toBe(27);
    const oneStop = (await all('mot-cua-xa')).map((i) => [i.id, i.role, i.via]);
    expect(oneStop).toEqual([['VI.1', 'lead', 'mot-cua']]);
  });

  it('--role lead, support and any filter by the role, and their union is the whole list', async () => {
    const any = await all('vp', ['--role', 'any']);
    const lead = await all('vp', ['--role', 'lead']);
    const support = await all('vp', ['--role', 'support']);
    expect(lead.length).toBeGreaterThan(0);
    expect(support.length).toBeGreaterThan(0);
    expect(lead.every((i) => i.role === 'lead')).toBe(true);
    expect(support.every((i) => i.role === 'support')).toBe(true);
    expect(lead.length + support.length).toBe(any.length);
    expect(new Set(support.map((i) => i.id))).toContain('VIII.1');
    expect(new Set(lead.map((i) => i.id))).not.toContain('VIII.1');
    const bad = await tthc(['due', ...PLAN, '--agency', 'vp', '--role', 'boss']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--role');
  });

  it('without --agency, role and via are null and the lead is shown', async () => {
    const view = await dueJson([...PLAN, '--as-of', '2023-03-01']);
    expect(view.agency).toBeNull();
    for (const i of view.items) expect([i.role, i.via]).toEqual([null, null]);
    const table = await tthc(['due', ...PLAN, '--as-of', '2023-03-01']);
    expect(table.out).toContain('Cơ quan: tất cả cơ quan');
    // The column before the task is the lead, by agency id ("Chủ trì"), instead of a role.
    expect(table.out).toMatch(/^Mã .* Chủ trì +Nhiệm vụ$/m);
    expect(table.out).toMatch(/^X\.2 .* vp +Đẩy mạnh/m);
    expect(table.out).not.toContain('chủ trì');
  });
});

describe('--within', () => {
  const count = async (within: string) => (await dueJson([...PLAN, '--as-of', '2023-03-01', '--within', within])).items.filter((i) => i.status === 'due-soon').length;
  it.each([
    ['7', 7],
    ['2w', 14],
    ['2W', 14],
    ['14d', 14],
    ['0', 0],
    ['31', 31],
  ])('--within %s is %i days', async (value, days) => {
    const view = await dueJson([...PLAN, '--as-of', '2023-03-01', '--within', value]);
    expect(view.within).toBe(days);
  });

  it('as of 1/3/2023, a wider window lists more due soon: 7 days — none; 2w — I.2 (9/3); 31 — also what is due 31/3', async () => {
    expect(await count('7')).toBe(0);
    expect(await count('2w')).toBe(1);
    const wide = await dueJson([...PLAN, '--as-of', '2023-03-01', '--within', '31']);
    expect(wide.items.filter((i) => i.status === 'due-soon').map((i) => `${i.id}/${i.period}/${i.due}`)).toEqual([
      'I.2/null/2023-03-09',
      'VIII.1/2023-Q1/2023-03-31',
      'X.2/2023-03/2023-03-31',
    ]);
    expect(await count('30')).toBe(3);
    expect(await count('29')).toBe(1);
  });

  it.each(['-1', 'abc', '1.5', '2x', '', 'w', '1 2'])('--within %j is a usage error (exit 2)', async (value) => {
    const r = await tthc(['due', ...PLAN, '--as-of', '2023-03-01', '--within', value]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/--within|argument/);
  });

  it('a window beyond ten years says so, rather than "not a number"', async () => {
    expect((await dueJson([...PLAN, '--as-of', '2023-03-01', '--within', '3660'])).within).toBe(3660);
    const r = await tthc(['due', ...PLAN, '--as-of', '2023-03-01', '--within', '10000', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('at most 3660 days');
  });
});

describe('--as-of and --today', () => {
  it.each(['2023-03-10', '10/3/2023', '10/03/2023', ' 10/3/2023 ', '2023-3-10', '10-3-2023', '10-03-2023', '10.3.2023', 'ngày 10 tháng 3 năm 2023', 'ngày 10 tháng 3 năm 2023'.normalize('NFD'), 'Ngay 10 thang 3 nam 2023'])(
    '%j is 10 March 2023, by either name',
    async (value) => {
      expect((await dueJson([...PLAN, '--as-of', value])).asOf).toBe('2023-03-10');
      expect((await dueJson([...PLAN, '--today', value])).asOf).toBe('2023-03-10');
    },
  );

  // END_OF_2023 is 31/12/2023 in Vietnam (10:00); at 20:00 UTC on 31/12 it is already 1/1/2024 there.
  it.each([
    ['hôm nay', '2023-12-31'],
    ['Hôm nay', '2023-12-31'],
    ['hom nay', '2023-12-31'],
    ['today', '2023-12-31'],
    ['hôm qua', '2023-12-30'],
    ['yesterday', '2023-12-30'],
    ['mai', '2024-01-01'],
    ['ngày mai', '2024-01-01'],
    ['tomorrow', '2024-01-01'],
  ])('%j is a day relative to today in Vietnam (%s)', async (value, day) => {
    expect((await dueJson([...PLAN, '--as-of', value])).asOf).toBe(day);
  });

  it('today is Vietnam\'s, whatever the clock\'s zone: 20:00 UTC on 31/12 is 1/1 there', async () => {
    const r = await tthc(['due', ...PLAN, '--as-of', 'hôm nay', '--format', 'json'], { now: new Date('2023-12-31T20:00:00Z') });
    expect(JSON.parse(r.out).asOf).toBe('2024-01-01');
  });

  it.each([
    ['30/2/2023', 'tháng 2/2023 có 28 ngày'],
    ['29-2-2023', 'tháng 2/2023 có 28 ngày'],
    ['ngày 31 tháng 4 năm 2023', 'tháng 4/2023 có 30 ngày'],
    ['2024-02-30', 'tháng 2/2024 có 29 ngày'],
    ['0/3/2023', 'tháng 3/2023 có 31 ngày'],
    ['2023-13-01', 'không có tháng 13'],
  ])('%j, a day that does not exist, says which days the month has', async (value, words) => {
    const r = await tthc(['due', ...PLAN, '--as-of', value]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(words);
  });

  it.each(['abc', '2023/03/10', '10-3/2023', '10/3/23', ''])('%j is a usage error that names the accepted forms', async (value) => {
    const r = await tthc(['due', ...PLAN, '--as-of', value]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('10/3/2023, 10-3-2023, 10.3.2023, 2023-03-10, "ngày 10 tháng 3 năm 2023", "hôm nay"');
  });

  it('--as-of and --today naming different days is a usage error; the same day is fine', async () => {
    expect((await tthc(['due', ...PLAN, '--as-of', '2023-03-10', '--today', '2023-03-11'])).code).toBe(2);
    expect((await tthc(['due', ...PLAN, '--as-of', '2023-03-10', '--today', '2023-03-10'])).code).toBe(0);
  });
});

describe('--fail-on overdue', () => {
  it.each([
    ['2023-01-15', [], 0],
    ['2023-03-01', [], 1],
    ['2023-03-01', ['--agency', 'vp', '--role', 'support'], 0],
    ['2023-04-01', ['--agency', 'vp', '--role', 'support'], 1],
    ['2022-12-01', [], 0],
  ] as [string, string[], number][])('as of %s %j exits %i', async (asOf, extra, code) => {
    const r = await tthc(['due', ...PLAN, '--as-of', asOf, '--fail-on', 'overdue', ...extra]);
    expect(r.code).toBe(code);
    // The list is printed either way.
    expect(r.out).toContain('Ngày: ');
    const plain = await tthc(['due', ...PLAN, '--as-of', asOf, ...extra]);
    expect(plain.code).toBe(0);
  });

  it('an unknown --fail-on value is a usage error', async () => {
    const r = await tthc(['due', ...PLAN, '--fail-on', 'late']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--fail-on');
  });
});

describe('JSON and order', () => {
  it('has asOf, within, agency and items with id, period, status, due, role, via and title', async () => {
    const view = await dueJson([...PLAN, '--as-of', '2023-07-20', '--agency', 'vp', '--within', '7']);
    expect(view).toMatchObject({ asOf: '2023-07-20', within: 7, agency: { id: 'vp', name: 'Văn phòng HĐND-UBND huyện' } });
    expect(view.items.length).toBeGreaterThan(0);
    for (const i of view.items) {
      for (const key of ['id', 'period', 'status', 'due', 'role', 'via', 'title']) expect(i, key).toHaveProperty(key);
      expect(['overdue', 'due-soon']).toContain(i.status);
      expect(i.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(typeof i.title).toBe('string');
    }
    expect(itemOf(view.items, 'VIII.1', '2023-Q2')).toMatchObject({ status: 'overdue', due: '2023-06-30', role: 'support', via: null });
    expect(itemOf(view.items, 'I.2').title).toBe('Kế hoạch hoạt động kiểm soát TTHC năm 2023');
  });

  it.each(['2023-03-01', '2023-04-20', '2023-07-20', '2023-10-10', '2023-12-25'])('as of %s: overdue oldest first, then due soon by due date', async (asOf) => {
    const check = (view: DueJson) => {
      const statuses = view.items.map((i) => i.status);
      const firstSoon = statuses.indexOf('due-soon');
      if (firstSoon >= 0) expect(statuses.slice(firstSoon).every((s) => s === 'due-soon')).toBe(true);
      for (const s of ['overdue', 'due-soon']) {
        const dues = view.items.filter((i) => i.status === s).map((i) => i.due!);
        expect(dues).toEqual([...dues].sort());
      }
    };
    check(await dueJson([...PLAN, '--as-of', asOf]));
    check(await dueJson([...PLAN, '--as-of', asOf, '--agency', 'vp']));
    const all = await dueJson([...PLAN, '--as-of', asOf, '--all']);
    const rank = ['overdue', 'due-soon', 'open', 'scheduled', 'waiting', 'ongoing', 'late', 'done'];
    const ranks = all.items.map((i) => rank.indexOf(i.status));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe('colour', () => {
  const args = ['due', ...PLAN, '--as-of', '2023-07-20', '--agency', 'vp'];
  it.each([
    ['not a terminal', {}, false, args, false],
    ['a terminal', {}, true, args, true],
    ['a terminal with NO_COLOR', { NO_COLOR: '1' }, true, args, false],
    ['a terminal with --no-color', {}, true, [...args, '--no-color'], false],
    ['a terminal with --no-color before the command', {}, true, ['--no-color', ...args], false],
    ['a terminal with TERM=dumb', { TERM: 'dumb' }, true, args, false],
    ['not a terminal with FORCE_COLOR=1', { FORCE_COLOR: '1' }, false, args, true],
    ['FORCE_COLOR=1 but NO_COLOR', { FORCE_COLOR: '1', NO_COLOR: '1' }, true, args, false],
    ['FORCE_COLOR=1 but --no-color', { FORCE_COLOR: '1' }, false, [...args, '--no-color'], false],
    ['a terminal with FORCE_COLOR=0', { FORCE_COLOR: '0' }, true, args, false],
  ] as [string, Record<string, string>, boolean, string[], boolean][])('%s: colour %s', async (_name, env, isTTY, argv, coloured) => {
    const r = await tthc(argv, { env, isTTY });
    expect(r.code).toBe(0);
    expect(ANSI.test(r.out)).toBe(coloured);
    // Same words either way.
    expect(r.out.replace(/\u001b\[[0-9;]*m/g, '')).toContain('Quá hạn (');
  });

  it('JSON, CSV and Markdown never carry colour, even when forced', async () => {
    for (const format of ['json', 'csv', 'md']) {
      const r = await tthc([...args, '--format', format], { env: { FORCE_COLOR: '1' }, isTTY: true });
      expect(ANSI.test(r.out), format).toBe(false);
    }
  });
});

describe('width', () => {
  const commands: string[][] = [
    ['due', ...PLAN, '--as-of', '2023-07-20', '--agency', 'vp'],
    ['due', ...PLAN, '--as-of', '2023-12-25'],
    ['due', ...PLAN, '--as-of', '2023-07-20', '--all', '--lang', 'en'],
    ['due', ...PLAN, '--as-of', '2024-01-05', '--agency', 'dak rve'],
    ['due', ...PLAN, '--as-of', '2022-12-05'],
    ['status', ...PLAN, '--as-of', '2023-10-01'],
    ['status', ...PLAN, '--as-of', '2023-10-01', '--periods', 'reporting', '--lang', 'en'],
    ['status', ...PLAN, '--as-of', '2023-10-01', '--by', 'agency'],
    ['status', ...PLAN, '--as-of', '2023-10-01', '--quarter', '3', '--periods', 'reporting'],
  ];
  for (const columns of [60, 80, 120]) {
    it.each(commands)(`COLUMNS=${columns}: no line of \`tthc %s …\` is wider`, async (...argv: string[]) => {
      for (const isTTY of [false, true]) {
        const r = await tthc(argv, { env: { COLUMNS: String(columns) }, isTTY });
        expect(r.code).toBe(0);
        const widths = lineWidths(r.out);
        const widest = Math.max(...widths);
        expect(widest, r.out.split('\n')[widths.indexOf(widest)]).toBeLessThanOrEqual(columns);
        // Tables use the room they are given rather than staying narrow.
        if (argv[0] === 'due' && r.out.includes('┌')) expect(widest).toBeGreaterThan(columns - 10);
      }
    });
  }

  it('the terminal width is used when COLUMNS is not set', async () => {
    const r = await tthc(['due', ...PLAN, '--as-of', '2023-07-20', '--agency', 'vp'], { env: { COLUMNS: '' }, columns: 72, isTTY: true });
    expect(Math.max(...lineWidths(r.out))).toBeLessThanOrEqual(72);
    expect(Math.max(...lineWidths(r.out))).toBeGreaterThan(62);
  });
});

describe('a day outside the plan period', () => {
  it.each([
    ['2022-12-05', 'vi', 'Ngày 5/12/2022 nằm ngoài thời gian của kế hoạch (1/1/2023 – 31/12/2023).'],
    ['2024-01-05', 'vi', 'Ngày 5/1/2024 nằm ngoài thời gian của kế hoạch (1/1/2023 – 31/12/2023).'],
    ['2024-01-05', 'en', '5/1/2024 is outside the plan period (1/1/2023 – 31/12/2023).'],
  ])('%s (%s): one line says so, and the command still succeeds', async (asOf, lang, line) => {
    const r = await tthc(['due', ...PLAN, '--as-of', asOf, '--lang', lang]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').filter((l) => l === line)).toHaveLength(1);
    expect(r.out.split('\n').filter((l) => /outside|nằm ngoài/.test(l))).toHaveLength(1);
    expect((await dueJson([...PLAN, '--as-of', asOf])).outsidePeriod).toBe(true);
  });

  it('inside the plan period nothing is said about it', async () => {
    const r = await tthc(['due', ...PLAN, '--as-of', '2023-12-31']);
    expect(r.out).not.toMatch(/nằm ngoài|outside/);
  });
});

describe('language', () => {
  it.each([
    ['--lang en', ['--lang', 'en'], {}],
    ['TTHC_LANG=en', [], { TTHC_LANG: 'en' }],
    ['TTHC_LANG=en_US.UTF-8', [], { TTHC_LANG: 'en_US.UTF-8' }],
  ] as [string, string[], Record<string, string>][])('%s speaks English', async (_name, flags, env) => {
    const r = await tthc(['due', ...PLAN, '--as-of', '2023-03-01', '--agency', 'vp', ...flags], { env });
    expect(r.code).toBe(0);
    expect(r.out).toContain('As of: 1/3/2023');
    expect(r.out).toContain('Overdue (2)');
    expect(r.out).toContain('Due soon (1)');
    expect(r.out).toContain('29 days late');
    expect(r.out).not.toContain('Quá hạn');
  });

  it('--lang vi wins over TTHC_LANG=en; Vietnamese is the default', async () => {
    const r = await tthc(['due', ...PLAN, '--as-of', '2023-03-01', '--agency', 'vp', '--lang', 'vi'], { env: { TTHC_LANG: 'en' } });
    expect(r.out).toContain('Quá hạn (2)');
    expect(r.out).toContain('Sắp đến hạn (1)');
    expect((await tthc(['due', ...PLAN, '--as-of', '2023-03-01'])).out).toContain('Ngày: 1/3/2023');
  });

  it('JSON keeps the English status codes whatever the language', async () => {
    const r = await tthc(['due', ...PLAN, '--as-of', '2023-03-01', '--format', 'json', '--lang', 'vi']);
    expect(JSON.parse(r.out).items.map((i: { status: string }) => i.status)).toContain('overdue');
  });

  it('an unknown --lang is a usage error', async () => {
    expect((await tthc(['due', ...PLAN, '--lang', 'fr'])).code).toBe(2);
  });
});

describe('--role and days late, after the audit', () => {
  it('--role without --agency is a usage error, not ignored', async () => {
    const r = await tthc(['due', '--role', 'support', '--as-of', '2023-07-20', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--role support needs --agency');
  });
});

describe('days late of completed occurrences', () => {
  it('count to the completion, not to the day asked about (CSV and JSON), and the table says how late a late one was', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { recordProgress } = await import('./helpers.js');
    const dir = mkdtempSync(join(tmpdir(), 'tthc-dayslate-'));
    try {
      const plan = await recordProgress(dir);
      const r = await tthc(['due', '--all', '--agency', 'vp', '--as-of', '2023-10-01', '--format', 'json', '--plan', plan], { cwd: dir });
      const items = (JSON.parse(r.out) as DueJson).items;
      // X.2 for July: done 28/7, due 31/7 — three days early. August: done 5/9, due 31/8 — five days late.
      expect(items.find((i) => i.id === 'X.2' && i.period === '2023-07')).toMatchObject({ status: 'done', daysLate: -3 });
      expect(items.find((i) => i.id === 'X.2' && i.period === '2023-08')).toMatchObject({ status: 'late', daysLate: 5 });
      // Not done: as of the day asked about.
      expect(items.find((i) => i.id === 'X.2' && i.period === '2023-09')).toMatchObject({ status: 'overdue', daysLate: 1 });
      const table = await tthc(['due', '--all', '--each', '--agency', 'vp', '--as-of', '2023-10-01', '--plan', plan], { cwd: dir, env: { COLUMNS: '160' } });
      const late = table.out.slice(table.out.indexOf('Xong muộn ('), table.out.indexOf('Đã xong ('));
      const done = table.out.slice(table.out.indexOf('Đã xong ('));
      expect(late).toMatch(/^X\.2 +Tháng 8\/2023 +31\/8\/2023 +trễ 5 ngày /m);
      expect(done).toMatch(/^X\.2 +Tháng 7\/2023 +31\/7\/2023 +chủ trì /m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
