// Agency cells → ids: the splitting rule, the dictionary's coverage and consistency, ids for unknown names.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inferLevel } from '../../src/import/agencies.js';
import { buildIndex, DICTIONARY, DISTRICTS, idForName, splitAgencies } from '../../src/import/index.js';
import { matchKey } from '../../src/import/text.js';
import { Plan } from '../../src/model/schema.js';

const KON_RAY = DISTRICTS.find((d) => d.district === 'huyện Kon Rẫy')!;
const DISTRICT = buildIndex('district', KON_RAY);
const COMMUNE = buildIndex('commune');
const PROVINCE = buildIndex('province');

const ids = (cell: string, index = DISTRICT) => splitAgencies(cell, index).map((p) => p.entry?.id ?? `?${p.name}`);

describe('splitting a cell', () => {
  it.each([
    ['Văn phòng HĐND-UBND huyện', ['vp']],
    ['Các cơ quan, đơn vị thuộc huyện, UBND cấp xã', ['cq-huyen', 'ubnd-xa']],
    ['Các cơ quan chuyên môn thuộc huyện; UBND cấp xã', ['cqcm-huyen', 'ubnd-xa']],
    ['Văn phòng HĐND-UBND huyện; Phòng Nội Vụ, Đoàn kiểm tra', ['vp', 'noi-vu', 'doan-kt']],
    ['Các cơ quan, đơn vị thuộc huyện, UBND cấp xã; Bộ phận TN&TKQ cấp huyện, các xã', ['cq-huyen', 'ubnd-xa', 'mot-cua']],
    ['Văn phòng HĐND-UBND huyện; Trung tâm VH-TT-DL&TT huyện', ['vp', 'ttvh']],
    ['Các cơ quan, đơn vị thuộc huyện và UBND các xã, thị trấn', ['cq-huyen', 'ubnd-xa']],
    ['Bộ phận TN&TKQ cấp huyện', ['mot-cua-huyen']],
    ['Văn phòng HĐND và UBND huyện, Phòng Tư pháp', ['vp', 'tu-phap']],
    ['  văn phòng   hđnd - ubnd  HUYỆN ', ['vp']],
    ['Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện', ['vp']],
    ['Phòng Văn hoá và Thông tin', ['vh-tt']],
    ['Phòng Tài chính – Kế hoạch huyện', ['tc-kh']],
    ['Phòng Nội vụ và Phòng Tư pháp', ['noi-vu', 'tu-phap']],
    ['Phòng Tài nguyên và Môi trường', ['tn-mt']],
    ['UBND xã Đắk Kôi, UBND thị trấn Đăk Rve', ['xa-dak-koi', 'tt-dak-rve']],
    ['Văn phòng HĐND-\nUBND huyện', ['vp']],
    ['- Phòng Nội vụ\n- Phòng Tư pháp', ['noi-vu', 'tu-phap']],
    ['Các cơ quan, đơn vị\nthuộc huyện', ['cq-huyen']],
    ['Văn phòng UBND tỉnh, Sở Nội vụ', ['vp-tinh', 'so-noi-vu']],
    ['Phòng Nội vụ, Hội Doanh nhân và Doanh nghiệp huyện', ['noi-vu', '?Hội Doanh nhân và Doanh nghiệp huyện']],
    ['Phòng Nội vụ và các cơ quan liên quan', ['noi-vu', '?các cơ quan liên quan']],
    ['Ban Chỉ đạo, Tổ giúp việc', ['?Ban Chỉ đạo', '?Tổ giúp việc']],
  ])('%j → %j', (cell, expected) => {
    expect(ids(cell)).toEqual(expected);
  });

  it.each([
    ['Công chức Văn phòng - Thống kê', ['vp-tk']],
    ['Bộ phận Một cửa xã; Công chức Tư pháp - Hộ tịch', ['mot-cua-xa', 'tp-ht']],
    ['Các ban, ngành, đoàn thể xã', ['bndt-xa']],
    ['Các ban, ngành, đoàn thể phường', ['bndt-xa']],
    ['Công an xã, Ban Chỉ huy Quân sự xã', ['ca-xa', 'bchqs-xa']],
    ['Văn phòng HĐND và UBND xã, Trung tâm Phục vụ hành chính công xã', ['vp', 'ttphcc-xa']],
    ['UBND xã', ['ubnd']],
    ['Văn phòng UBND tỉnh', ['vp-tinh']],
  ])('in a commune plan, %j → %j', (cell, expected) => {
    expect(ids(cell, COMMUNE)).toEqual(expected);
  });

  it.each([
    ['Văn phòng UBND tỉnh', ['vp']],
    ['Các cơ quan chuyên môn thuộc UBND tỉnh; UBND cấp xã', ['cqcm-tinh', 'ubnd-xa']],
    ['Sở Tư pháp, Trung tâm Phục vụ hành chính công tỉnh', ['so-tu-phap', 'ttphcc-tinh']],
    ['UBND các huyện, thành phố', ['ubnd-huyen']],
  ])('in a province plan, %j → %j', (cell, expected) => {
    expect(ids(cell, PROVINCE)).toEqual(expected);
  });
});

describe('the dictionary', () => {
  const shipped = Plan.parse(parse(readFileSync(new URL('../../plans/kon-ray-2023.yaml', import.meta.url), 'utf8')));

  it('gives the shipped plan\'s ids to every name and alias it declares', () => {
    for (const [id, a] of Object.entries(shipped.agencies)) {
      for (const name of [a.name, ...(a.aliases ?? [])]) expect([name, ids(name)]).toEqual([name, [id]]);
    }
  });

  it.each(['district', 'commune', 'province'] as const)('at the %s level, finds every spelling it lists under its own id', (level) => {
    const index = buildIndex(level, level === 'district' ? KON_RAY : undefined);
    for (const e of index.entries) {
      for (const s of [e.name, ...(e.aliases ?? []), ...(e.match ?? [])]) expect([s, index.byKey.get(matchKey(s))?.id]).toEqual([s, e.id]);
    }
  });

  it.each(['district', 'commune', 'province'] as const)('at the %s level, declares an entry for every member', (level) => {
    const index = buildIndex(level, level === 'district' ? KON_RAY : undefined);
    const known = new Set(index.entries.map((e) => e.id));
    for (const e of index.entries) if (Array.isArray(e.members)) for (const m of e.members) expect([e.id, m, known.has(m)]).toEqual([e.id, m, true]);
  });

  it('has valid ids and one name per id and level', () => {
    for (const e of DICTIONARY) expect(e.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    for (const level of ['district', 'commune', 'province'] as const) {
      const seen = new Map<string, string>();
      for (const e of buildIndex(level).entries) {
        expect([level, e.id, seen.get(e.id) ?? e.name]).toEqual([level, e.id, e.name]);
        seen.set(e.id, e.name);
      }
    }
  });
});

describe('the level of a bare table', () => {
  it.each([
    [['Văn phòng HĐND-UBND huyện', 'Các cơ quan, đơn vị thuộc huyện, UBND cấp xã'], 'district'],
    [['Công chức Văn phòng - Thống kê', 'Bộ phận Một cửa xã'], 'commune'],
    [['Sở Nội vụ', 'Văn phòng UBND tỉnh', 'UBND cấp xã'], 'province'],
    [['Hội Doanh nhân'], undefined],
  ])('%j → %s', (cells, level) => {
    expect(inferLevel(cells)).toBe(level);
  });
});

describe('ids for unknown names', () => {
  it.each([
    ['Tổ công nghệ số cộng đồng', 'tcnscd'],
    ['Hội Người cao tuổi xã', 'hoi-nguoi-cao-tuoi-xa'],
    ['Ban Chỉ đạo chuyển đổi số Đề án 06 xã', 'bcdcdsda-06-xa'],
    ['Bưu điện huyện', 'buu-dien-huyen'],
    ['Trung tâm Y tế huyện', 'trung-tam-y-te-huyen'],
    ['Trung tâm Văn hóa - Thể thao huyện', 'ttvhtt-huyen'],
    ['Điện lực Đăk Tô', 'dien-luc-dak-to'],
    ['Viettel', 'viettel'],
    ['Chi cục Thuế khu vực XIV', 'cctkv-xiv'],
    ['06', 'cq-06'],
  ])('%j → %s', (name, id) => {
    expect(idForName(name, new Set())).toBe(id);
  });

  it('are unique', () => {
    expect(idForName('Bưu điện huyện', new Set(['buu-dien-huyen', 'buu-dien-huyen-2']))).toBe('buu-dien-huyen-3');
  });
});
