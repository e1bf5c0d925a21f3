// The words tables speak, in Vietnamese (default) and English; JSON keeps the English codes of the contract.
import type { Lang } from '../model/lang.js';

export type { Lang };

const WORDS = {
  vi: {
    id: 'Mã', task: 'Nhiệm vụ', section: 'Mục', content: 'Nội dung công việc', lead: 'Cơ quan thực hiện',
    support: 'Cơ quan phối hợp', output: 'Kết quả công việc', when: 'Thời gian thực hiện', period: 'Kỳ',
    due: 'Hạn', days: 'Số ngày', daysLate: 'Số ngày trễ (âm: số ngày còn lại)', role: 'Vai trò', status: 'Trạng thái', agency: 'Cơ quan', name: 'Tên',
    aliases: 'Tên khác', members: 'Thành viên', none: '—', occurrences: 'Các lần thực hiện', records: 'Ghi nhận',
    start: 'Bắt đầu', plan: 'Kế hoạch', asOf: 'Ngày', all: 'tất cả cơ quan', via: 'qua',
    'role.lead': 'chủ trì', 'role.support': 'phối hợp',
    'status.done': 'Đã xong', 'status.late': 'Xong muộn', 'status.overdue': 'Quá hạn', 'status.due-soon': 'Sắp đến hạn',
    'status.open': 'Đang thực hiện', 'status.scheduled': 'Chưa đến kỳ', 'status.ongoing': 'Thường xuyên',
    'status.waiting': 'Chờ văn bản', 'status.none': '—', 'status.no-record': 'Chưa ghi nhận', 'status.unknown': 'Chưa xác định hạn',
    late: 'trễ {n} ngày', left: 'còn {n} ngày', today: 'hôm nay', noItems: 'Không có nhiệm vụ quá hạn hay sắp đến hạn.',
    outside: 'Ngày {d} nằm ngoài thời gian của kế hoạch ({s} – {e}).', total: 'Tổng', onTime: 'Đúng hạn',
  },
  en: {
    id: 'Id', task: 'Task', section: 'Section', content: 'Work', lead: 'Lead', support: 'Support', output: 'Output',
    when: 'Timeline', period: 'Period', due: 'Due', days: 'Days', daysLate: 'Days late (negative: days left)', role: 'Role', status: 'Status', agency: 'Agency',
    name: 'Name', aliases: 'Aliases', members: 'Members', none: '—', occurrences: 'Occurrences', records: 'Records',
    start: 'Starts', plan: 'Plan', asOf: 'As of', all: 'all agencies', via: 'via',
    'role.lead': 'lead', 'role.support': 'support',
    'status.done': 'done', 'status.late': 'done late', 'status.overdue': 'overdue', 'status.due-soon': 'due soon',
    'status.open': 'open', 'status.scheduled': 'scheduled', 'status.ongoing': 'ongoing', 'status.waiting': 'waiting',
    'status.none': '—', 'status.no-record': 'no record', 'status.unknown': 'no due date understood',
    late: '{n} days late', left: '{n} days left', today: 'today', noItems: 'Nothing is overdue or due soon.',
    outside: '{d} is outside the plan period ({s} – {e}).', total: 'Total', onTime: 'On time',
  },
} as const;

export type Word = keyof (typeof WORDS)['vi'];

export function t(lang: Lang, key: Word, vars: Record<string, string | number> = {}): string {
  return (WORDS[lang][key] as string).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

export function pickLang(flag: string | undefined, env: Record<string, string | undefined>): Lang {
  const v = (flag ?? env.TTHC_LANG ?? 'vi').toLowerCase();
  if (v.startsWith('en')) return 'en';
  if (v.startsWith('vi')) return 'vi';
  return 'vi';
}
