// Collective names with commas in them ("Các cơ quan, đơn vị thuộc UBND xã"): the grammar, and cells that mix them with plain names.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCollective } from '../../src/import/collectives.js';
import { buildIndex, DISTRICTS, importPlan, splitAgencies } from '../../src/import/index.js';
import type { LocalLevel } from '../../src/import/text.js';

const KON_RAY = DISTRICTS.find((d) => d.district === 'huyện Kon Rẫy')!;
const INDEX = {
  commune: buildIndex('commune'),
  district: buildIndex('district', KON_RAY),
  province: buildIndex('province'),
};

/** Each name a cell gives: the dictionary's id, or `?name` (with `=id`, the id the grammar gives it) for one the dictionary lacks. */
function split(cell: string, level: LocalLevel): string[] {
  return splitAgencies(cell, INDEX[level]).map((p) => p.entry?.id ?? `?${p.name}${p.id ? `=${p.id}` : ''}`);
}

describe('splitting cells in a commune plan', () => {
  it.each([
    // The names of the audit, alone: each one agency.
    ['Các cơ quan, đơn vị thuộc UBND xã', ['cq-xa']],
    ['Các cơ quan, đơn vị thuộc xã', ['cq-xa']],
    ['Các cơ quan, đơn vị thuộc tỉnh', ['so-nganh']],
    ['Các phòng, ban chuyên môn thuộc UBND xã', ['cqcm-xa']],
    ['Các cơ quan, đơn vị thuộc UBND huyện', ['cq-huyen']],
    ['Các sở, ban, ngành thuộc tỉnh', ['so-nganh']],
    ['Các sở, ban, ngành của tỉnh', ['so-nganh']],
    ['Các phòng, ban, đơn vị thuộc UBND huyện', ['cq-huyen']],
    // Links, the committee spelled out, level words of a ward, a town, a special zone.
    ['Các cơ quan, đơn vị trực thuộc UBND xã', ['cq-xa']],
    ['Các cơ quan, đơn vị thuộc Ủy ban nhân dân xã', ['cq-xa']],
    ['Các cơ quan, đơn vị thuộc Uỷ ban nhân dân phường', ['cq-xa']],
    ['Các cơ quan, đơn vị của UBND phường', ['cq-xa']],
    ['Các phòng, ban thuộc UBND thị trấn', ['cq-xa']],
    ['Các cơ quan, đơn vị thuộc đặc khu', ['cq-xa']],
    ['Các cơ quan, đơn vị cấp xã', ['cq-xa']],
    ['Các cơ quan, đơn vị trên địa bàn xã', ['cq-xa']],
    ['Các cơ quan và đơn vị thuộc UBND xã', ['cq-xa']],
    ['Các cơ quan, đơn vị thuộc UBND', ['cq-xa']],
    ['Các cơ quan, đơn vị', ['cq-xa']],
    ['Các phòng chuyên môn thuộc UBND xã', ['cqcm-xa']],
    ['Các cơ quan chuyên môn thuộc Ủy ban nhân dân phường', ['cqcm-xa']],
    ['Các phòng, ban chuyên môn', ['cqcm-xa']],
    ['Các ban, ngành, đoàn thể của xã', ['bndt-xa']],
    ['Các ban ngành, đoàn thể phường', ['bndt-xa']],
    ['CÁC CƠ QUAN, ĐƠN VỊ THUỘC UBND XÃ', ['cq-xa']],
    ['các cơ quan,đơn vị thuộc  UBND  xã.', ['cq-xa']],
    ['Các cơ quan, đơn vị thuộc UBND xã Hòa An', ['cq-xa']],
    // Above the commune: the province (a city of the centre too) and the districts that were.
    ['Các sở, ban, ngành', ['so-nganh']],
    ['Các sở, ngành', ['so-nganh']],
    ['Các sở, ban, ngành cấp tỉnh', ['so-nganh']],
    ['Các cơ quan, đơn vị thuộc UBND tỉnh', ['so-nganh']],
    ['Các cơ quan, đơn vị thuộc UBND thành phố', ['so-nganh']],
    ['Các cơ quan, đơn vị thuộc tỉnh Quảng Ngãi', ['so-nganh']],
    ['Các sở chuyên môn', ['cqcm-tinh']],
    ['Các cơ quan chuyên môn thuộc UBND tỉnh', ['cqcm-tinh']],
    ['Các phòng, ban chuyên môn thuộc UBND huyện', ['cqcm-huyen']],
    ['Các phòng, ban, ngành huyện', ['cq-huyen']],
    ['Các cơ quan, đơn vị thuộc UBND thị xã', ['cq-huyen']],
    ['Các cơ quan, đơn vị thuộc quận', ['cq-huyen']],
    // Mixed with plain names, by "," and ";", over line breaks.
    ['Văn phòng HĐND và UBND xã, Các cơ quan, đơn vị thuộc UBND xã', ['vp', 'cq-xa']],
    ['Các cơ quan, đơn vị thuộc UBND xã, Bộ phận Một cửa xã', ['cq-xa', 'mot-cua-xa']],
    ['Các cơ quan, đơn vị thuộc xã; Công an xã', ['cq-xa', 'ca-xa']],
    ['Các phòng, ban chuyên môn thuộc UBND xã, Các sở, ban, ngành thuộc tỉnh', ['cqcm-xa', 'so-nganh']],
    ['Các sở, ban, ngành của tỉnh; Các cơ quan, đơn vị thuộc UBND huyện', ['so-nganh', 'cq-huyen']],
    ['Công chức Văn phòng - Thống kê, Các cơ quan, đơn vị thuộc tỉnh, Các thôn, tổ dân phố', ['vp-tk', 'so-nganh', 'thon']],
    ['Các cơ quan, đơn vị thuộc UBND xã và Các ban, ngành, đoàn thể xã', ['cq-xa', 'bndt-xa']],
    ['Các cơ quan, đơn vị\nthuộc UBND xã', ['cq-xa']],
    ['- Các phòng, ban chuyên môn thuộc UBND xã;\n- Các sở, ban, ngành thuộc tỉnh', ['cqcm-xa', 'so-nganh']],
    ['Các phòng, ban, đơn vị thuộc UBND huyện, UBND xã', ['cq-huyen', 'ubnd']],
    ['Các cơ quan, đơn vị thuộc xã, Tổ công nghệ số cộng đồng', ['cq-xa', '?Tổ công nghệ số cộng đồng']],
    // Kept whole, though the dictionary cannot name its members: an id from the grammar.
    ['Các cơ quan, đơn vị có liên quan', ['?Các cơ quan, đơn vị có liên quan=cq-xa-lien-quan']],
    ['Các sở, ban, ngành liên quan; Văn phòng HĐND và UBND xã', ['?Các sở, ban, ngành liên quan=so-nganh-lien-quan', 'vp']],
    ['Các ban, ngành, đoàn thể tỉnh', ['?Các ban, ngành, đoàn thể tỉnh=bndt-tinh']],
    // Not collectives of the grammar: cut as before.
    ['Ban Chỉ đạo, Tổ giúp việc', ['?Ban Chỉ đạo', '?Tổ giúp việc']],
    ['Phòng Kinh tế, Phòng Văn hóa - Xã hội', ['phong-kt', 'phong-vhxh']],
    ['Các cơ quan, đơn vị thuộc UBND xã\nTân Lập', ['cq-xa', '?Tân Lập']],
  ])('%j → %j', (cell, expected) => {
    expect(split(cell, 'commune')).toEqual(expected);
  });
});

describe('splitting cells in a province plan', () => {
  it.each([
    ['Các cơ quan, đơn vị thuộc tỉnh', ['so-nganh']],
    // The spellings the dictionary listed for the province's collectives until the grammar read them.
    ['Các sở, ban, ngành', ['so-nganh']],
    ['Các sở, ban, ngành thuộc tỉnh', ['so-nganh']],
    ['Các sở, ban, ngành cấp tỉnh', ['so-nganh']],
    ['Các sở, ngành', ['so-nganh']],
    ['Các cơ quan chuyên môn cấp tỉnh', ['cqcm-tinh']],
    ['Các cơ quan chuyên môn', ['cqcm-tinh']],
    ['Các sở chuyên môn', ['cqcm-tinh']],
    ['Các sở, ban, ngành thuộc UBND tỉnh; UBND cấp xã', ['so-nganh', 'ubnd-xa']],
    ['Các cơ quan chuyên môn thuộc UBND tỉnh, Trung tâm Phục vụ hành chính công tỉnh', ['cqcm-tinh', 'ttphcc-tinh']],
    ['Các cơ quan, đơn vị thuộc UBND thành phố', ['so-nganh']],
    ['Các cơ quan, đơn vị', ['so-nganh']],
    ['Các cơ quan, đơn vị thuộc UBND xã, Sở Nội vụ', ['cq-xa', 'so-noi-vu']],
    ['Các phòng, ban chuyên môn thuộc UBND cấp xã', ['cqcm-xa']],
    ['Các cơ quan, đơn vị thuộc UBND huyện', ['cq-huyen']],
    // One place below the province is no collective of the dictionary: whole, with an id of its own.
    ['Các cơ quan, đơn vị thuộc UBND xã Hòa An', ['?Các cơ quan, đơn vị thuộc UBND xã Hòa An=cq-xa-hoa-an']],
    ['Các phòng, ban thuộc UBND huyện Ba Tơ; Sở Tư pháp', ['?Các phòng, ban thuộc UBND huyện Ba Tơ=cq-huyen-ba-to', 'so-tu-phap']],
    ["Các cơ quan, đơn vị thuộc UBND huyện Ia H'Drai", ["?Các cơ quan, đơn vị thuộc UBND huyện Ia H'Drai=cq-huyen-ia-h-drai"]],
  ])('%j → %j', (cell, expected) => {
    expect(split(cell, 'province')).toEqual(expected);
  });
});

describe('splitting cells in a district plan, as before the grammar', () => {
  it.each([
    // Every spelling the dictionary listed for its collectives until the grammar read them.
    ['Các cơ quan, đơn vị thuộc UBND huyện', ['cq-huyen']],
    ['Các cơ quan, đơn vị trực thuộc huyện', ['cq-huyen']],
    ['Các cơ quan, đơn vị trực thuộc UBND huyện', ['cq-huyen']],
    ['Các cơ quan, đơn vị cấp huyện', ['cq-huyen']],
    ['Các cơ quan, đơn vị', ['cq-huyen']],
    ['Các phòng, ban, đơn vị thuộc huyện', ['cq-huyen']],
    ['Các phòng, ban, đơn vị thuộc UBND huyện', ['cq-huyen']],
    ['Các phòng, ban, ngành thuộc huyện', ['cq-huyen']],
    ['Các phòng, ban, ngành huyện', ['cq-huyen']],
    ['Các phòng ban, ngành huyện', ['cq-huyen']],
    ['Các phòng, ban thuộc huyện', ['cq-huyen']],
    ['Các phòng ban thuộc huyện', ['cq-huyen']],
    ['Các cơ quan chuyên môn thuộc UBND huyện', ['cqcm-huyen']],
    ['Các cơ quan chuyên môn cấp huyện', ['cqcm-huyen']],
    ['Các cơ quan chuyên môn', ['cqcm-huyen']],
    ['Các phòng chuyên môn thuộc huyện', ['cqcm-huyen']],
    ['Các phòng chuyên môn thuộc UBND huyện', ['cqcm-huyen']],
    ['Các phòng chuyên môn huyện', ['cqcm-huyen']],
    ['Các phòng, ban chuyên môn thuộc huyện', ['cqcm-huyen']],
    ['Các phòng, ban chuyên môn thuộc UBND huyện', ['cqcm-huyen']],
    ['Các phòng, ban chuyên môn', ['cqcm-huyen']],
    ['Các sở, ban, ngành', ['so-nganh']],
    ['Các sở, ban, ngành thuộc tỉnh', ['so-nganh']],
    ['Các sở, ban, ngành cấp tỉnh', ['so-nganh']],
    ['Các sở, ngành', ['so-nganh']],
    ['Các cơ quan chuyên môn cấp tỉnh', ['cqcm-tinh']],
    ['Các sở chuyên môn', ['cqcm-tinh']],
    // The Kon Rẫy plan's own spelling, which the grammar would read otherwise: the dictionary's alias wins.
    ['Các phòng ban, chuyên môn thuộc huyện', ['cq-huyen']],
    // A city of a province is a district.
    ['Các cơ quan, đơn vị thuộc UBND thành phố', ['cq-huyen']],
    ['Các cơ quan, đơn vị thuộc huyện, UBND cấp xã', ['cq-huyen', 'ubnd-xa']],
    ['Các cơ quan, đơn vị thuộc UBND xã', ['cq-xa']],
  ])('%j → %j', (cell, expected) => {
    expect(split(cell, 'district')).toEqual(expected);
  });

  it('in a commune plan, the spellings the dictionary listed for bndt-xa and cqcm-xa', () => {
    for (const name of ['Các ban ngành, đoàn thể xã', 'Các ban, ngành, đoàn thể', 'Các ban, ngành, đoàn thể thuộc xã', 'Các ban, ngành, đoàn thể cấp xã']) {
      expect([name, split(name, 'commune')]).toEqual([name, ['bndt-xa']]);
    }
    for (const name of ['Các phòng chuyên môn thuộc UBND xã', 'Các phòng, ban chuyên môn thuộc UBND xã', 'Các cơ quan chuyên môn']) {
      expect([name, split(name, 'commune')]).toEqual([name, ['cqcm-xa']]);
    }
  });
});

describe('the grammar of collective names', () => {
  it.each([
    ['Các cơ quan, đơn vị thuộc UBND xã', { kind: 'cq', level: 'commune', implied: false, related: false }],
    ['Các sở, ban, ngành', { kind: 'cq', level: 'province', implied: false, related: false }],
    ['Các phòng, ban chuyên môn', { kind: 'cqcm', level: 'commune', implied: true, related: false }],
    ['Các ban, ngành, đoàn thể huyện', { kind: 'bndt', level: 'district', implied: false, related: false }],
    ['Cơ quan, đơn vị thuộc UBND huyện Ba Tơ', { kind: 'cq', level: 'district', implied: false, related: false, place: 'Ba Tơ' }],
    ['Các đơn vị có liên quan', { kind: 'cq', level: 'commune', implied: true, related: true }],
    // Without "các", a list of nouns or "liên quan" still names a collective.
    ['Phòng, ban', { kind: 'cq', level: 'commune', implied: true, related: false }],
    ['Sở, ban, ngành có liên quan', { kind: 'cq', level: 'province', implied: false, related: true }],
    ['Cơ quan, đơn vị liên quan', { kind: 'cq', level: 'commune', implied: true, related: true }],
    // Above local government: ministries and provinces, kept whole.
    ['Các bộ, ngành, địa phương', { kind: 'cq', level: 'commune', implied: false, related: false, central: ['bộ', 'ngành', 'địa phương'] }],
    ['Các cơ quan, đơn vị, địa phương', { kind: 'cq', level: 'commune', implied: false, related: false, central: ['cơ quan', 'đơn vị', 'địa phương'] }],
    ['các bộ, ngành, địa phương khác có liên quan', { kind: 'cq', level: 'commune', implied: false, related: true, central: ['bộ', 'ngành', 'địa phương'] }],
  ])('reads %j', (name, expected) => {
    expect(parseCollective(name, 'commune')).toEqual(expected);
  });

  it.each([
    'Các cơ quan, đơn vị thuộc huyện, UBND cấp xã',
    'Các cơ quan, đơn vị thuộc',
    'Các cơ quan, đơn vị cấp',
    'Các sở, ban, ngành thuộc xã',
    'Bộ Nội vụ',
    'Các ban, ngành, đoàn thể chuyên môn',
    'Ban Chỉ đạo',
    'Các thôn, tổ dân phố',
    'Các cơ quan, đơn vị thuộc xã và UBND cấp xã',
    'Các cơ quan, đơn vị thuộc xã\nTân Lập',
    'UBND các xã',
  ])('refuses %j', (name) => {
    expect(parseCollective(name, 'commune')).toBeUndefined();
  });
});

describe('a 2026 commune plan table naming collectives with commas', () => {
  const text = readFileSync(new URL('./fixtures/hoa-an-2026-table.txt', import.meta.url), 'utf8');
  const result = importPlan(text);
  const agencies = result.plan.agencies;
  const NAMES = [
    'Các cơ quan, đơn vị thuộc UBND xã',
    'Các cơ quan, đơn vị thuộc xã',
    'Các cơ quan, đơn vị thuộc tỉnh',
    'Các phòng, ban chuyên môn thuộc UBND xã',
    'Các cơ quan, đơn vị thuộc UBND huyện',
    'Các sở, ban, ngành thuộc tỉnh',
    'Các sở, ban, ngành của tỉnh',
    'Các phòng, ban, đơn vị thuộc UBND huyện',
    'Các phòng, ban chuyên môn thuộc UBND huyện',
    'Các cơ quan, đơn vị thuộc UBND xã Hòa An',
  ];

  it('is read as a commune plan, with no agency left unknown, and no level guessed', () => {
    expect(result.plan.plan.issuer).toBe('Ủy ban nhân dân xã');
    expect(result.plan.plan.level).toBeUndefined();
    expect(result.warnings.filter((w) => /agency dictionary/.test(w.message))).toEqual([]);
  });

  it.each(NAMES)('declares %j as one agency, its spelling kept verbatim', (name) => {
    const holders = Object.entries(agencies).filter(([, a]) => a.name === name || (a.aliases ?? []).includes(name));
    expect(holders.map(([id]) => id)).toHaveLength(1);
    expect(text).toContain(name);
  });

  it('declares the collectives of the dictionary: the commune\'s own with members, the others without', () => {
    expect(agencies['cq-xa']).toEqual({
      name: 'Các cơ quan, đơn vị thuộc xã',
      aliases: ['Các cơ quan, đơn vị thuộc UBND xã', 'Các cơ quan, đơn vị thuộc UBND xã Hòa An'],
      members: ['cqcm-xa', 'ttphcc-xa'],
    });
    expect(agencies['cqcm-xa']).toEqual({
      name: 'Các cơ quan chuyên môn thuộc UBND xã',
      aliases: ['Các phòng, ban chuyên môn thuộc UBND xã'],
      members: ['vp', 'phong-kt', 'phong-vhxh'],
    });
    expect(agencies['so-nganh']).toEqual({
      name: 'Các sở, ban, ngành tỉnh',
      aliases: ['Các sở, ban, ngành thuộc tỉnh', 'Các sở, ban, ngành của tỉnh', 'Các cơ quan, đơn vị thuộc tỉnh'],
    });
    expect(agencies['cq-huyen']).toEqual({
      name: 'Các cơ quan, đơn vị thuộc huyện',
      aliases: ['Các cơ quan, đơn vị thuộc UBND huyện', 'Các phòng, ban, đơn vị thuộc UBND huyện'],
    });
    expect(agencies['cqcm-huyen']).toEqual({ name: 'Các cơ quan chuyên môn thuộc huyện', aliases: ['Các phòng, ban chuyên môn thuộc UBND huyện'] });
    for (const id of ['vp', 'phong-kt', 'phong-vhxh', 'ttphcc-xa', 'ca-xa']) expect(agencies).toHaveProperty(id);
    expect(Object.keys(agencies)).toHaveLength(10);
  });

  it('names them in the tasks by those ids', () => {
    const tasks = result.plan.sections.flatMap((s) => s.tasks);
    expect(tasks.map((t) => [t.id, t.lead, t.support])).toEqual([
      ['I.1', 'vp', 'cq-xa'],
      ['I.2', 'vp', ['cqcm-xa', 'ttphcc-xa']],
      ['II.1', 'ttphcc-xa', ['cq-xa', 'so-nganh']],
      ['II.2', 'cqcm-xa', ['so-nganh', 'ca-xa']],
      ['II.3', 'vp', ['cq-huyen', 'cqcm-huyen']],
      ['II.4', 'vp', ['cq-huyen', 'phong-kt']],
      ['III.1', 'vp', ['cq-xa', 'so-nganh']],
      ['III.2', 'vp', ['phong-kt', 'phong-vhxh']],
    ]);
  });
});

describe('agency cells of ministries, provinces and communes', () => {
  const index = buildIndex('province');
  it.each<[string, string[]]>([
    ['Các bộ, ngành, địa phương', ['cac-bo-nganh-dia-phuong']],
    ['Các bộ, ngành liên quan', ['cac-bo-nganh-lien-quan']],
    ['Sở, ban, ngành có liên quan', ['so-nganh-lien-quan']],
    ['Cơ quan, đơn vị liên quan', ['so-nganh-lien-quan']],
    ['UBND các phường, xã', ['ubnd-xa']],
    ['UBND các xã, phường', ['ubnd-xa']],
    ['Bộ Nội vụ và các bộ, ngành, địa phương khác có liên quan', ['bo-nv', 'cac-bo-nganh-dia-phuong-lien-quan']],
    ['Vụ Kế hoạch, Tài chính', ['vu-khtc']],
    ['Cục Xuất bản, In và Phát hành', ['cuc-xbinph']],
    ['Các Cục: Di sản văn hóa, Bản quyền tác giả', ['cuc-dsvh', 'cuc-bqtg']],
    ['Các Bộ: Công an, Quốc phòng và Ngoại giao', ['bo-ca', 'bo-qp', 'bo-ng']],
    ['Bộ Khoa học và Công nghệ với các tiêu chuẩn, quy chuẩn', ['bo-khcn']],
    ['Bộ Tư pháp. Các bộ, ngành liên quan', ['bo-tp', 'cac-bo-nganh-lien-quan']],
    ['Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)', ['vp']],
    ['Sở Tư pháp, Sở Nội vụ', ['so-tu-phap', 'so-noi-vu']],
    ['Vụ Pháp chế, Văn phòng Bộ', ['vu-pc', 'vp-bo']],
    ['Các cơ quan, đơn vị thuộc Bộ', ['cac-co-quan-don-vi-thuoc-bo']],
    ['Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ', ['cac-bo-co-quan-ngang-bo-co-quan-thuoc-chinh-phu']],
    ['Các cơ quan trung ương', ['cac-co-quan-trung-uong']],
    ['Thủ trưởng các sở, ban, ngành', ['so-nganh']],
    ['Sở Nội vụ chủ trì', ['so-noi-vu']],
  ])('%j', (cell, ids) => {
    expect(splitAgencies(cell, index).map((p) => p.entry?.id ?? p.id ?? `?${p.name}`)).toEqual(ids);
  });

  it('keeps an unknown name with a comma whole after a vụ or cục, and splits before a name of its own', () => {
    expect(splitAgencies('Vụ Tổ chức, Cán bộ', index).map((p) => p.name)).toEqual(['Vụ Tổ chức, Cán bộ']);
    expect(splitAgencies('Cục Quản lý X, Sở Y', index).map((p) => p.name)).toEqual(['Cục Quản lý X', 'Sở Y']);
  });
});
