// Generates plans of any size that check clean, for `npm run bench` and for trying tthc at a province's scale.
// Usage: node scripts/gen-plan.mjs TASKS OUT.yaml [--commune NAME] [--year 2023]
import { writeFileSync } from 'node:fs';

const ROMAN = [['M', 1000], ['CM', 900], ['D', 500], ['CD', 400], ['C', 100], ['XC', 90], ['L', 50], ['XL', 40], ['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1]];
const roman = (n) => ROMAN.reduce((s, [r, v]) => { while (n >= v) { s += r; n -= v; } return s; }, '');

/** Days of the plan year that are working days (Monday to Friday, not a public holiday of the shipped list). */
function workdays(year) {
  const out = [];
  for (let m = 1; m <= 12; m++) {
    for (let d = 1; d <= 31; d++) {
      const t = Date.UTC(year, m - 1, d);
      const date = new Date(t);
      if (date.getUTCMonth() !== m - 1) break;
      const wd = date.getUTCDay();
      // Clear of Tết and the other holidays of Vietnam: no due day in the first half of February, nor around 30/4, 1/5, 2/9.
      if (wd === 0 || wd === 6 || (m === 1 && d > 15) || (m === 2 && d < 20) || (m === 4 && d > 25) || (m === 5 && d < 5) || (m === 9 && d < 6) || (m === 1 && d < 5)) continue;
      out.push({ m, d });
    }
  }
  return out;
}

export function generatePlan(tasks, { year = 2023, commune = 'Thử', perSection = 100 } = {}) {
  const days = workdays(year);
  // "Trước ngày D" falls due the day before D; "Tháng M" on the month's last day: both on working days only.
  const next = ({ m, d }) => {
    const t = new Date(Date.UTC(year, m - 1, d + 1));
    return { m: t.getUTCMonth() + 1, d: t.getUTCDate(), y: t.getUTCFullYear() };
  };
  const months = [...new Set(days.map((x) => x.m))].filter((m) => days.some((x) => x.m === m && x.d === new Date(Date.UTC(year, m, 0)).getUTCDate()));
  // A small deterministic generator: the same arguments give the same plan.
  let seed = tasks * 7919 + commune.length;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const agencies = ['vp', 'noi-vu', 'tu-phap', 'tai-chinh', 'ubnd-xa'];
  const names = {
    vp: 'Văn phòng HĐND-UBND huyện',
    'noi-vu': 'Phòng Nội vụ',
    'tu-phap': 'Phòng Tư pháp',
    'tai-chinh': 'Phòng Tài chính - Kế hoạch',
    'ubnd-xa': `UBND xã ${commune}`,
  };
  const lines = [
    '# A generated plan (scripts/gen-plan.mjs): the shape of a real one, checked clean.',
    'format: 1',
    'plan:',
    `  issuer: Ủy ban nhân dân huyện ${commune}`,
    '  level: district',
    '  number: "3"',
    '  symbol: KH-UBND',
    `  date: ${year}-01-09`,
    `  title: Kế hoạch kiểm soát thủ tục hành chính năm ${year}`,
    `  year: ${year}`,
    'agencies:',
    ...agencies.flatMap((a) => [`  ${a}:`, `    name: ${names[a]}`]),
    'sections:',
  ];
  const sections = Math.ceil(tasks / perSection);
  let made = 0;
  for (let s = 1; s <= sections; s++) {
    lines.push(`  - id: ${roman(s)}`, `    title: Nhóm nhiệm vụ số ${s} về kiểm soát thủ tục hành chính`, '    tasks:');
    for (let t = 1; t <= perSection && made < tasks; t++, made++) {
      const lead = agencies[rand(agencies.length)];
      let support = agencies[rand(agencies.length)];
      if (support === lead) support = agencies[(agencies.indexOf(lead) + 1) % agencies.length];
      const kind = rand(10);
      const day = days[rand(days.length)];
      const before = next(day);
      const when = kind < 6 ? `Trước ngày ${before.d}/${before.m}/${before.y}` : kind < 8 ? 'Thường xuyên' : `Tháng ${months[rand(months.length)]}/${year}`;
      lines.push(
        `      - id: ${roman(s)}.${t}`,
        `        content: Rà soát, đánh giá thủ tục hành chính thuộc lĩnh vực số ${made + 1} và đề xuất phương án đơn giản hóa`,
        `        lead: ${lead}`,
        `        support: ${support}`,
        '        output: Báo cáo kết quả rà soát',
        `        when: ${when}`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [n, out, ...rest] = process.argv.slice(2);
  if (!n || !out || !/^\d+$/.test(n)) {
    process.stderr.write('usage: node scripts/gen-plan.mjs TASKS OUT.yaml [--commune NAME] [--year YYYY]\n');
    process.exit(2);
  }
  const opt = (name) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
  writeFileSync(out, generatePlan(Number(n), { commune: opt('--commune') ?? 'Thử', year: Number(opt('--year') ?? 2023) }));
}
