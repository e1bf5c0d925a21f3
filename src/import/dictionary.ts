// The agency names offices write in their plans, with the ids `tthc import` gives them: data, not code.
import type { CollectiveKind } from './collectives.js';
import { asciiSlug } from '../text.js';
import { matchKey, WORDS_OF_LEVEL, type LocalLevel } from './text.js';

export interface DictEntry {
  /** The id the plan file uses; the same id may stand for different names at different levels (`vp`). */
  id: string;
  /** The name declared in the plan. */
  name: string;
  /** Other spellings declared in the plan, so that `--agency` finds them. */
  aliases?: string[];
  /** Further spellings recognised in tables but not declared. */
  match?: string[];
  /** The plan levels where the entry applies; all when absent. */
  levels?: LocalLevel[];
  /**
   * The level whose plans have this office as one of their own: it guesses the level of a bare table,
   * and a trailing level word of that level may be any of its synonyms (huyện/quận/thị xã/thành phố).
   */
  home?: LocalLevel;
  /** The name may be followed by its home level word: "Phòng Nội vụ huyện", "Phòng Nội vụ cấp huyện". */
  suffix?: boolean;
  /** A collective's members, by id; `communes` stands for the communes of the issuing district. */
  members?: string[] | 'communes';
}

const D: LocalLevel[] = ['district'];
const C: LocalLevel[] = ['commune'];
const P: LocalLevel[] = ['province'];

/**
 * The collective each kind of collective name stands for, by the level it names (see collectives.ts):
 * "Các phòng, ban, đơn vị thuộc UBND huyện" is `cq-huyen`, "Các cơ quan, đơn vị thuộc tỉnh" the
 * province's sở, ban, ngành. An id without an entry at the plan's level is declared as a new agency.
 */
export const COLLECTIVE_IDS: Record<CollectiveKind, Record<LocalLevel, string>> = {
  cq: { commune: 'cq-xa', district: 'cq-huyen', province: 'so-nganh' },
  cqcm: { commune: 'cqcm-xa', district: 'cqcm-huyen', province: 'cqcm-tinh' },
  bndt: { commune: 'bndt-xa', district: 'bndt-huyen', province: 'bndt-tinh' },
};

/**
 * In the order the plan file declares them: collectives first, then offices; the ids of a district's
 * entries are those of plans/kon-ray-2023.yaml. Collective names of the grammar in collectives.ts
 * ("Các phòng, ban, ngành thuộc UBND huyện", "Các cơ quan chuyên môn cấp tỉnh") need no spelling here:
 * an entry lists only the spellings the grammar does not read as it should.
 */
export const DICTIONARY: DictEntry[] = [
  // District collectives.
  {
    id: 'cq-huyen',
    name: 'Các cơ quan, đơn vị thuộc huyện',
    aliases: ['Các phòng ban, chuyên môn thuộc huyện'],
    levels: D,
    home: 'district',
    members: ['cqcm-huyen', 'ttvh'],
  },
  {
    id: 'cqcm-huyen',
    name: 'Các cơ quan chuyên môn thuộc huyện',
    levels: D,
    home: 'district',
    members: ['vp', 'noi-vu', 'tu-phap', 'tc-kh', 'tn-mt', 'ldtbxh', 'vh-tt', 'gd-dt', 'y-te', 'thanh-tra', 'kt-ht', 'nn-ptnt', 'dan-toc'],
  },
  // Outside a district's plan (a province's or a commune's) its offices are named, not enumerated: no members.
  { id: 'cq-huyen', name: 'Các cơ quan, đơn vị thuộc huyện', levels: ['commune', 'province'] },
  { id: 'cqcm-huyen', name: 'Các cơ quan chuyên môn thuộc huyện', levels: ['commune', 'province'] },
  {
    id: 'ubnd-xa',
    name: 'UBND cấp xã',
    aliases: ['UBND các xã, thị trấn', 'Ủy ban nhân dân cấp xã'],
    match: [
      'UBND các xã',
      'UBND các xã, phường, thị trấn',
      'UBND các xã, phường',
      'UBND các xã, phường, đặc khu',
      'UBND xã, thị trấn',
      'UBND các xã, thị trấn trên địa bàn huyện',
      'UBND cấp xã trên địa bàn huyện',
      'UBND cấp xã trên địa bàn tỉnh',
    ],
    levels: ['district', 'province'],
    members: 'communes',
  },
  {
    id: 'mot-cua',
    name: 'Bộ phận TN&TKQ cấp huyện, các xã',
    match: [
      'Bộ phận TN&TKQ cấp huyện, cấp xã',
      'Bộ phận TN&TKQ các cấp',
      'Bộ phận Một cửa cấp huyện, cấp xã',
      'Bộ phận Một cửa cấp huyện, các xã',
      'Bộ phận Một cửa các cấp',
      'Bộ phận Tiếp nhận và Trả kết quả cấp huyện, cấp xã',
      'Bộ phận Tiếp nhận và Trả kết quả cấp huyện, các xã',
      'Bộ phận Tiếp nhận và Trả kết quả các cấp',
    ],
    levels: D,
    members: ['mot-cua-huyen', 'mot-cua-xa'],
  },
  // District offices and units (Nghị định 37/2014, 108/2020).
  {
    id: 'vp',
    name: 'Văn phòng HĐND-UBND huyện',
    aliases: ['Văn phòng HĐND và UBND huyện', 'Văn phòng UBND huyện'],
    match: ['VP HĐND-UBND huyện', 'VP HĐND và UBND huyện', 'Văn phòng HĐND-UBND', 'Văn phòng HĐND và UBND', 'Văn phòng UBND'],
    levels: D,
    home: 'district',
  },
  { id: 'noi-vu', name: 'Phòng Nội vụ', aliases: ['Phòng Nội Vụ'], levels: D, home: 'district', suffix: true },
  { id: 'tu-phap', name: 'Phòng Tư pháp', levels: D, home: 'district', suffix: true },
  {
    id: 'tc-kh',
    name: 'Phòng Tài chính - Kế hoạch',
    match: ['Phòng TC-KH', 'Phòng Tài chính Kế hoạch'],
    levels: D,
    home: 'district',
    suffix: true,
  },
  {
    id: 'tn-mt',
    name: 'Phòng Tài nguyên và Môi trường',
    match: ['Phòng TN&MT', 'Phòng TNMT'],
    levels: D,
    home: 'district',
    suffix: true,
  },
  {
    id: 'ldtbxh',
    name: 'Phòng Lao động - Thương binh và Xã hội',
    match: ['Phòng LĐ-TB&XH', 'Phòng LĐTBXH', 'Phòng Lao động, Thương binh và Xã hội'],
    levels: D,
    home: 'district',
    suffix: true,
  },
  { id: 'vh-tt', name: 'Phòng Văn hóa và Thông tin', match: ['Phòng VH&TT', 'Phòng VH-TT'], levels: D, home: 'district', suffix: true },
  { id: 'gd-dt', name: 'Phòng Giáo dục và Đào tạo', match: ['Phòng GD&ĐT', 'Phòng GDĐT'], levels: D, home: 'district', suffix: true },
  { id: 'y-te', name: 'Phòng Y tế', levels: D, home: 'district', suffix: true },
  { id: 'thanh-tra', name: 'Thanh tra huyện', match: ['Thanh tra'], levels: D, home: 'district' },
  { id: 'kt-ht', name: 'Phòng Kinh tế và Hạ tầng', match: ['Phòng KT&HT', 'Phòng KT-HT'], levels: D, home: 'district', suffix: true },
  {
    id: 'nn-ptnt',
    name: 'Phòng Nông nghiệp và Phát triển nông thôn',
    match: ['Phòng NN&PTNT', 'Phòng Nông nghiệp và PTNT'],
    levels: D,
    home: 'district',
    suffix: true,
  },
  { id: 'dan-toc', name: 'Phòng Dân tộc', levels: D, home: 'district', suffix: true },
  {
    id: 'ttvh',
    name: 'Trung tâm VH-TT-DL&TT huyện',
    aliases: ['Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông huyện'],
    match: ['Trung tâm Văn hóa, Thể thao, Du lịch và Truyền thông huyện', 'Trung tâm VH-TT-DL&TT', 'Trung tâm VHTT-DL&TT huyện'],
    levels: D,
    home: 'district',
  },
  { id: 'doan-kt', name: 'Đoàn kiểm tra', match: ['Đoàn kiểm tra của huyện', 'Đoàn kiểm tra của tỉnh', 'Đoàn kiểm tra của xã'] },
  {
    id: 'mot-cua-huyen',
    name: 'Bộ phận TN&TKQ cấp huyện',
    aliases: ['Bộ phận Tiếp nhận và Trả kết quả cấp huyện', 'Bộ phận Một cửa cấp huyện'],
    match: [
      'Bộ phận TN&TKQ huyện',
      'Bộ phận Một cửa huyện',
      'Bộ phận Tiếp nhận và Trả kết quả huyện',
      'Bộ phận TN&TKQ',
      'Bộ phận Một cửa',
      'Bộ phận Tiếp nhận và Trả kết quả',
    ],
    levels: D,
    home: 'district',
  },
  {
    id: 'mot-cua-xa',
    name: 'Bộ phận TN&TKQ cấp xã',
    aliases: ['Bộ phận Tiếp nhận và Trả kết quả cấp xã', 'Bộ phận Một cửa cấp xã'],
    match: [
      'Bộ phận TN&TKQ các xã',
      'Bộ phận TN&TKQ các xã, thị trấn',
      'Bộ phận Một cửa các xã',
      'Bộ phận Một cửa các xã, thị trấn',
      'Bộ phận Tiếp nhận và Trả kết quả các xã, thị trấn',
    ],
    levels: ['district', 'province'],
  },
  { id: 'ubnd', name: 'UBND huyện', aliases: ['Ủy ban nhân dân huyện'], levels: D, home: 'district' },
  { id: 'ca-huyen', name: 'Công an huyện', levels: D, home: 'district' },
  {
    id: 'bchqs-huyen',
    name: 'Ban Chỉ huy Quân sự huyện',
    match: ['Ban CHQS huyện', 'BCHQS huyện'],
    levels: D,
    home: 'district',
  },
  {
    id: 'mttq-huyen',
    name: 'Ủy ban MTTQ Việt Nam huyện',
    aliases: ['UBMTTQVN huyện'],
    match: ['UBMTTQ Việt Nam huyện', 'UBMTTQ huyện', 'Ủy ban Mặt trận Tổ quốc Việt Nam huyện', 'Mặt trận Tổ quốc huyện'],
    levels: D,
    home: 'district',
  },
  {
    id: 'cn-vpdkdd',
    name: 'Chi nhánh Văn phòng Đăng ký đất đai huyện',
    match: ['Chi nhánh VPĐKĐĐ huyện', 'Chi nhánh Văn phòng ĐKĐĐ huyện'],
    levels: D,
    home: 'district',
  },
  { id: 'bhxh-huyen', name: 'Bảo hiểm xã hội huyện', match: ['BHXH huyện'], levels: D, home: 'district' },

  // Province offices: the province's own in a province plan, outside agencies elsewhere.
  {
    id: 'so-nganh',
    name: 'Các sở, ban, ngành tỉnh',
    levels: P,
    home: 'province',
    members: ['cqcm-tinh'],
  },
  {
    id: 'cqcm-tinh',
    name: 'Các cơ quan chuyên môn thuộc UBND tỉnh',
    levels: P,
    home: 'province',
    members: [
      'vp', 'so-noi-vu', 'so-tu-phap', 'so-tc', 'so-ct', 'so-xd', 'so-nnmt', 'so-khcn', 'so-gddt', 'so-yt',
      'so-vhttdl', 'so-dttg', 'thanh-tra-tinh',
    ],
  },
  // Outside a province plan the province's offices are named, not enumerated: no members.
  { id: 'so-nganh', name: 'Các sở, ban, ngành tỉnh', levels: ['district', 'commune'] },
  { id: 'cqcm-tinh', name: 'Các cơ quan chuyên môn thuộc UBND tỉnh', levels: ['district', 'commune'] },
  {
    id: 'ubnd-huyen',
    name: 'UBND cấp huyện',
    aliases: ['UBND các huyện, thành phố'],
    match: ['UBND các huyện', 'UBND các huyện, thị xã, thành phố'],
    levels: P,
  },
  {
    id: 'vp',
    name: 'Văn phòng UBND tỉnh',
    aliases: ['Văn phòng Ủy ban nhân dân tỉnh'],
    match: ['VP UBND tỉnh', 'Văn phòng UBND'],
    levels: P,
    home: 'province',
  },
  { id: 'vp-tinh', name: 'Văn phòng UBND tỉnh', aliases: ['Văn phòng Ủy ban nhân dân tỉnh'], match: ['VP UBND tỉnh'], levels: ['district', 'commune'] },
  { id: 'ubnd', name: 'UBND tỉnh', aliases: ['Ủy ban nhân dân tỉnh'], levels: P, home: 'province' },
  { id: 'ubnd-tinh', name: 'UBND tỉnh', aliases: ['Ủy ban nhân dân tỉnh'], levels: ['district', 'commune'] },
  {
    id: 'ttphcc-tinh',
    name: 'Trung tâm Phục vụ hành chính công tỉnh',
    aliases: ['Trung tâm PVHCC tỉnh'],
    match: ['Trung tâm Hành chính công tỉnh'],
    home: 'province',
  },
  { id: 'so-noi-vu', name: 'Sở Nội vụ', home: 'province' },
  { id: 'so-tu-phap', name: 'Sở Tư pháp', home: 'province' },
  { id: 'so-tc', name: 'Sở Tài chính', home: 'province' },
  { id: 'so-ct', name: 'Sở Công Thương', home: 'province' },
  { id: 'so-xd', name: 'Sở Xây dựng', home: 'province' },
  { id: 'so-nnmt', name: 'Sở Nông nghiệp và Môi trường', home: 'province' },
  { id: 'so-khcn', name: 'Sở Khoa học và Công nghệ', match: ['Sở KH&CN'], home: 'province' },
  { id: 'so-gddt', name: 'Sở Giáo dục và Đào tạo', match: ['Sở GD&ĐT'], home: 'province' },
  { id: 'so-yt', name: 'Sở Y tế', home: 'province' },
  { id: 'so-vhttdl', name: 'Sở Văn hóa, Thể thao và Du lịch', match: ['Sở VHTT&DL', 'Sở Văn hóa - Thể thao và Du lịch'], home: 'province' },
  { id: 'so-dttg', name: 'Sở Dân tộc và Tôn giáo', home: 'province' },
  { id: 'thanh-tra-tinh', name: 'Thanh tra tỉnh', home: 'province' },
  // Offices that existed until 2025, still named by older plans.
  { id: 'so-khdt', name: 'Sở Kế hoạch và Đầu tư', match: ['Sở KH&ĐT'], home: 'province' },
  { id: 'so-tnmt', name: 'Sở Tài nguyên và Môi trường', match: ['Sở TN&MT'], home: 'province' },
  { id: 'so-nnptnt', name: 'Sở Nông nghiệp và Phát triển nông thôn', match: ['Sở NN&PTNT'], home: 'province' },
  { id: 'so-ldtbxh', name: 'Sở Lao động - Thương binh và Xã hội', match: ['Sở LĐ-TB&XH'], home: 'province' },
  { id: 'so-tttt', name: 'Sở Thông tin và Truyền thông', match: ['Sở TT&TT'], home: 'province' },
  { id: 'so-gtvt', name: 'Sở Giao thông vận tải', match: ['Sở GTVT'], home: 'province' },
  { id: 'ban-dan-toc', name: 'Ban Dân tộc tỉnh', home: 'province' },
  { id: 'ca-tinh', name: 'Công an tỉnh', home: 'province' },
  { id: 'bchqs-tinh', name: 'Bộ Chỉ huy Quân sự tỉnh', match: ['Bộ CHQS tỉnh'], home: 'province' },

  // Commune collectives and offices, before and after the 2025 reform.
  {
    // Since July 2025 a commune has its offices (Văn phòng, Phòng Kinh tế, Phòng Văn hóa - Xã hội) and its public service centre.
    id: 'cq-xa',
    name: 'Các cơ quan, đơn vị thuộc xã',
    levels: C,
    home: 'commune',
    members: ['cqcm-xa', 'ttphcc-xa'],
  },
  {
    id: 'bndt-xa',
    name: 'Các ban, ngành, đoàn thể xã',
    levels: C,
    home: 'commune',
    members: ['ca-xa', 'bchqs-xa', 'mttq-xa', 'doan-tn-xa', 'hoi-pn-xa', 'hoi-nd-xa', 'hoi-ccb-xa'],
  },
  {
    id: 'cqcm-xa',
    name: 'Các cơ quan chuyên môn thuộc UBND xã',
    levels: C,
    home: 'commune',
    members: ['vp', 'phong-kt', 'phong-vhxh'],
  },
  // Outside a commune's plan the communes' offices are named, not enumerated: no members.
  { id: 'cq-xa', name: 'Các cơ quan, đơn vị thuộc xã', levels: ['district', 'province'] },
  { id: 'cqcm-xa', name: 'Các cơ quan chuyên môn thuộc UBND xã', levels: ['district', 'province'] },
  {
    id: 'thon',
    name: 'Các thôn, tổ dân phố',
    match: ['Các thôn', 'Các thôn, làng', 'Các thôn, làng, tổ dân phố', 'Các thôn, buôn, tổ dân phố', 'Các thôn, bản'],
    levels: C,
    home: 'commune',
  },
  { id: 'ubnd', name: 'UBND xã', aliases: ['Ủy ban nhân dân xã'], levels: C, home: 'commune' },
  {
    id: 'vp',
    name: 'Văn phòng HĐND và UBND xã',
    match: ['Văn phòng HĐND-UBND xã', 'Văn phòng UBND xã', 'Văn phòng HĐND và UBND', 'Văn phòng HĐND-UBND'],
    levels: C,
    home: 'commune',
  },
  { id: 'phong-kt', name: 'Phòng Kinh tế', levels: C, home: 'commune', suffix: true },
  { id: 'phong-vhxh', name: 'Phòng Văn hóa - Xã hội', match: ['Phòng VH-XH'], levels: C, home: 'commune', suffix: true },
  {
    id: 'ttphcc-xa',
    name: 'Trung tâm Phục vụ hành chính công xã',
    aliases: ['Trung tâm PVHCC xã'],
    match: ['Trung tâm Phục vụ hành chính công'],
    levels: C,
    home: 'commune',
  },
  {
    id: 'mot-cua-xa',
    name: 'Bộ phận Một cửa xã',
    aliases: ['Bộ phận Tiếp nhận và Trả kết quả xã'],
    match: [
      'Bộ phận TN&TKQ xã',
      'Bộ phận Một cửa',
      'Bộ phận TN&TKQ',
      'Bộ phận Tiếp nhận và Trả kết quả',
      'Bộ phận Một cửa cấp xã',
      'Bộ phận TN&TKQ cấp xã',
      'Bộ phận Tiếp nhận và Trả kết quả cấp xã',
    ],
    levels: C,
    home: 'commune',
  },
  {
    id: 'vp-tk',
    name: 'Công chức Văn phòng - Thống kê',
    match: ['Văn phòng - Thống kê', 'Công chức VP-TK', 'Công chức Văn phòng Thống kê', 'Công chức Văn phòng - Thống kê xã'],
    levels: C,
    home: 'commune',
  },
  {
    id: 'tp-ht',
    name: 'Công chức Tư pháp - Hộ tịch',
    match: ['Tư pháp - Hộ tịch', 'Công chức TP-HT', 'Công chức Tư pháp Hộ tịch', 'Công chức Tư pháp - Hộ tịch xã'],
    levels: C,
    home: 'commune',
  },
  {
    id: 'dc-xd',
    name: 'Công chức Địa chính - Xây dựng',
    match: [
      'Địa chính - Xây dựng',
      'Công chức Địa chính - Xây dựng - Đô thị và Môi trường',
      'Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường',
      'Công chức Địa chính - Xây dựng xã',
    ],
    levels: C,
    home: 'commune',
  },
  { id: 'tc-kt', name: 'Công chức Tài chính - Kế toán', match: ['Tài chính - Kế toán', 'Công chức TC-KT'], levels: C, home: 'commune' },
  { id: 'vh-xh', name: 'Công chức Văn hóa - Xã hội', match: ['Văn hóa - Xã hội', 'Công chức VH-XH'], levels: C, home: 'commune' },
  { id: 'ca-xa', name: 'Công an xã', levels: C, home: 'commune' },
  { id: 'bchqs-xa', name: 'Ban Chỉ huy Quân sự xã', match: ['Ban CHQS xã', 'BCHQS xã'], levels: C, home: 'commune' },
  {
    id: 'mttq-xa',
    name: 'Ủy ban MTTQ Việt Nam xã',
    aliases: ['UBMTTQVN xã'],
    match: ['UBMTTQ Việt Nam xã', 'UBMTTQ xã', 'Ủy ban Mặt trận Tổ quốc Việt Nam xã', 'Mặt trận Tổ quốc xã'],
    levels: C,
    home: 'commune',
  },
  {
    id: 'doan-tn-xa',
    name: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh xã',
    match: ['Đoàn Thanh niên xã', 'Đoàn TNCS Hồ Chí Minh xã', 'Xã Đoàn'],
    levels: C,
    home: 'commune',
  },
  { id: 'hoi-pn-xa', name: 'Hội Liên hiệp Phụ nữ xã', match: ['Hội LHPN xã', 'Hội Phụ nữ xã'], levels: C, home: 'commune' },
  { id: 'hoi-nd-xa', name: 'Hội Nông dân xã', levels: C, home: 'commune' },
  { id: 'hoi-ccb-xa', name: 'Hội Cựu chiến binh xã', match: ['Hội CCB xã'], levels: C, home: 'commune' },
];

export interface CommuneData {
  kind: 'xã' | 'phường' | 'thị trấn';
  name: string;
  /** Other spellings of the name ("Đắk" for "Đăk"). */
  also?: string[];
}

export interface DistrictData {
  province: string;
  /** With its level word, as the issuer names it: "huyện Kon Rẫy". */
  district: string;
  communes: CommuneData[];
}

/** Districts whose communes the dictionary knows (they stand for `UBND cấp xã` in a district plan). */
export const DISTRICTS: DistrictData[] = [
  {
    province: 'Kon Tum',
    district: 'huyện Kon Rẫy',
    communes: [
      { kind: 'thị trấn', name: 'Đăk Rve', also: ['Đắk Rve'] },
      { kind: 'xã', name: 'Tân Lập' },
      { kind: 'xã', name: 'Đăk Kôi', also: ['Đắk Kôi'] },
      { kind: 'xã', name: 'Đăk Pne', also: ['Đắk Pne'] },
      { kind: 'xã', name: 'Đăk Ruồng', also: ['Đắk Ruồng'] },
      { kind: 'xã', name: 'Đăk Tơ Lung', also: ['Đắk Tơ Lung'] },
      { kind: 'xã', name: 'Đăk Tờ Re', also: ['Đắk Tờ Re'] },
    ],
  },
];

/** The district of an issuer ("Ủy ban nhân dân huyện Kon Rẫy") among those the dictionary knows. */
export function findDistrict(issuer: string): DistrictData | undefined {
  const key = matchKey(issuer);
  return DISTRICTS.find((d) => key.includes(matchKey(d.district)));
}

function capitalise(s: string): string {
  return s[0]!.toLocaleUpperCase('vi') + s.slice(1);
}

/** The dictionary entries of a district's communes: `xa-tan-lap` "Xã Tân Lập", `tt-dak-rve` "Thị trấn Đăk Rve". */
export function communeEntries(d: DistrictData): DictEntry[] {
  return d.communes.map((c) => {
    const prefix = c.kind === 'thị trấn' ? 'tt' : c.kind === 'phường' ? 'phuong' : 'xa';
    const id = `${prefix}-${asciiSlug(c.name)}`;
    return {
      id,
      name: `${capitalise(c.kind)} ${c.name}`,
      aliases: [...(c.also ?? []).map((n) => `${capitalise(c.kind)} ${n}`), `UBND ${c.kind} ${c.name}`],
      match: (c.also ?? []).map((n) => `UBND ${c.kind} ${n}`),
      levels: D,
    };
  });
}

export interface DictIndex {
  level: LocalLevel;
  byKey: Map<string, DictEntry>;
  /** The entry of each id at this level. */
  byId: Map<string, DictEntry>;
  /** The entries that can be declared, in declaration order. */
  entries: DictEntry[];
}

function spellings(e: DictEntry): string[] {
  return [e.name, ...(e.aliases ?? []), ...(e.match ?? [])];
}

/** Spellings made by rule: the home level word's synonyms, and the level word after an office's name. */
function variants(e: DictEntry): string[] {
  if (!e.home) return [];
  const words = WORDS_OF_LEVEL[e.home];
  const out: string[] = [];
  for (const s of spellings(e)) {
    for (const w of words) {
      if (s.endsWith(` ${w}`)) for (const o of words) if (o !== w) out.push(s.slice(0, s.length - w.length) + o);
    }
    if (e.suffix) for (const w of words) out.push(`${s} ${w}`, `${s} cấp ${w}`);
  }
  return out;
}

/**
 * The lookup table for a plan of `level`: written spellings before rule-made ones, and entries of the
 * level's own offices before outside ones, so the first claim on a key is the most specific.
 */
export function buildIndex(level: LocalLevel, district?: DistrictData): DictIndex {
  const applicable = DICTIONARY.filter((e) => !e.levels || e.levels.includes(level));
  const own = applicable.filter((e) => e.home === level);
  const other = applicable.filter((e) => e.home !== level);
  const communes = level === 'district' && district ? communeEntries(district) : [];
  const byKey = new Map<string, DictEntry>();
  const claim = (e: DictEntry, s: string) => {
    const k = matchKey(s);
    if (k && !byKey.has(k)) byKey.set(k, e);
  };
  for (const e of [...own, ...other, ...communes]) for (const s of spellings(e)) claim(e, s);
  for (const e of [...own, ...other]) for (const s of variants(e)) claim(e, s);
  const entries = [...applicable, ...communes];
  const byId = new Map<string, DictEntry>();
  for (const e of entries) if (!byId.has(e.id)) byId.set(e.id, e);
  return { level, byKey, byId, entries };
}
