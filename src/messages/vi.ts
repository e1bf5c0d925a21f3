// Thông báo bằng tiếng Việt (ngôn ngữ mặc định); khóa và tham số theo en.ts.
import type { Catalogue } from './index.js';

const ROMAN = ['I', 'II', 'III', 'IV'];
const roman = (q: number) => ROMAN[q - 1] ?? String(q);

export const vi: Catalogue = {
  // Từ của bảng và tiêu đề
  id: 'Mã', task: 'Nhiệm vụ', section: 'Mục', content: 'Nội dung công việc', lead: 'Cơ quan thực hiện',
  support: 'Cơ quan phối hợp', output: 'Kết quả công việc', when: 'Thời gian thực hiện', period: 'Kỳ',
  due: 'Hạn', days: 'Số ngày', daysLate: 'Số ngày trễ (âm: số ngày còn lại)', role: 'Vai trò', status: 'Trạng thái', agency: 'Cơ quan', name: 'Tên',
  aliases: 'Tên khác', members: 'Thành viên', none: '—', occurrences: 'Các lần thực hiện', records: 'Ghi nhận',
  start: 'Bắt đầu', plan: 'Kế hoạch', asOf: 'Ngày', all: 'tất cả cơ quan', via: 'qua',
  'role.lead': 'chủ trì', 'role.support': 'phối hợp',
  'status.done': 'Đã xong', 'status.late': 'Xong muộn', 'status.overdue': 'Quá hạn', 'status.due-soon': 'Sắp đến hạn',
  'status.open': 'Đang thực hiện', 'status.scheduled': 'Chưa đến kỳ', 'status.ongoing': 'Thường xuyên',
  'status.waiting': 'Chờ văn bản', 'status.none': '—', 'status.no-record': 'Chưa ghi nhận', 'status.unknown': 'Chưa xác định hạn',
  late: (p) => `trễ ${p.n} ngày`,
  left: (p) => `còn ${p.n} ngày`,
  today: 'hôm nay', noItems: 'Không có nhiệm vụ quá hạn hay sắp đến hạn.',
  outside: (p) => `Ngày ${p.d} nằm ngoài thời gian của kế hoạch (${p.s} – ${p.e}).`,
  total: 'Tổng', onTime: 'Đúng hạn', doneOn: 'Ngày thực hiện', docNote: 'Văn bản, ghi chú', shortLead: 'Chủ trì',

  // Kỳ
  'period.month': (p) => `Tháng ${p.m}/${p.y}`,
  'period.quarter': (p) => `Quý ${roman(p.q)}/${p.y}`,
  'period.half': (p) => `6 tháng ${p.h === 1 ? 'đầu' : 'cuối'} năm ${p.y}`,
  'period.year': (p) => `Năm ${p.y}`,
  'period.from': (p) => `từ ${p.d}`,
  'period.months': (p) => `Tháng ${p.a}–${p.b}/${p.y}`,
  'period.quarters': (p) => `Quý ${roman(p.a)}–${roman(p.b)}/${p.y}`,
  'period.quarterName': (p) => `Quý ${roman(p.q)}`,

  // Bảng việc đến hạn
  'due.count': (p) => `${p.n} kỳ`,
  'due.worst': (p) => `trễ nhất ${p.n} ngày`,

  // Bảng tình hình theo quý
  'status.doneCount': 'lần đã xong',
  'status.records': (p) => `${p.n} ghi nhận`,
  'status.totalsLabel': 'Lần thực hiện',
  'status.reporting': ' · kỳ báo cáo theo Nghị định 09/2019/NĐ-CP',
  'status.legend': 'Chú giải:',
  'status.triggered': 'Phát sinh',
  'status.record': 'Ghi nhận',
  'status.quarterEmpty': 'Không có nhiệm vụ nào trong quý.',
  'status.legend.cell':
    'Mỗi ô: trạng thái cần chú ý nhất trong các lần thực hiện có hạn trong quý (quá hạn, sắp đến hạn, đang thực hiện, chưa đến kỳ, xong muộn, đã xong); ' +
    '“Quá hạn 2/3”: 2 trong 3 lần thực hiện có hạn trong quý đã xong (đúng hạn hoặc muộn).',
  'status.legend.words':
    '“Thường xuyên (2 ghi nhận)”: nhiệm vụ thường xuyên và số ghi nhận trong quý; “Chưa ghi nhận”: quý đã qua không có ghi nhận nào; “Chờ văn bản”: chưa có văn bản để triển khai; “—”: không có hạn trong quý.',
  'status.legend.group':
    'Ô của một nhóm lấy trạng thái đầu tiên mà một nhiệm vụ trong nhóm có, theo thứ tự: quá hạn, sắp đến hạn, chưa ghi nhận, đang thực hiện, thường xuyên, chưa đến kỳ, xong muộn, đã xong, chờ văn bản, —.',
  'status.legend.agency': 'Mỗi cơ quan được tính ở mọi nhiệm vụ nêu tên cơ quan đó hoặc nêu một tập thể mà cơ quan là thành viên (như `tthc due --agency`).',
  'status.legend.total':
    'Dòng Tổng đếm số lần thực hiện có hạn trong quý, mỗi lần một lần dù nhiều dòng cùng có (như `tthc due`); “Đúng hạn”: số lần xong đúng hạn ÷ (đã xong + xong muộn + quá hạn).',
  'status.outside': (p) => `${p.n} lần thực hiện có hạn ngoài bốn quý${p.reporting ? ' (thuộc kỳ báo cáo năm sau)' : ''}${p.list}.`,

  // Xác nhận của done, trigger và undo
  'record.document': (p) => `, văn bản ${p.ref}`,
  'record.triggerDue': (p) => `; hạn thực hiện ${p.due}`,
  'record.trigger': (p) => `đã ghi nhận văn bản/sự kiện ngày ${p.day}`,
  'record.activity': (p) => `đã ghi nhận hoạt động ngày ${p.day}`,
  'record.late': (p) => `: muộn ${p.n} ngày (hạn ${p.due})`,
  'record.onTime': (p) => `: đúng hạn (hạn ${p.due})`,
  'record.done': (p) => `đã ghi nhận hoàn thành ngày ${p.day}`,
  'undo.nothing': (p) => `${p.file}: tthc chưa thêm ghi nhận nào vào kế hoạch này trên máy này; không có gì để hoàn tác.`,
  'undo.nothing.hint': 'Sửa tệp kế hoạch bằng tay, rồi chạy `tthc check`.',
  'undo.changed': (p) => `${p.file} đã thay đổi sau khi tthc thêm ghi nhận ${p.record} (${p.day}); không hoàn tác được, không có gì bị ghi.`,
  'undo.changed.hint': 'Xóa ghi nhận đó bằng tay (xem `git diff`), rồi chạy `tthc check`.',
  'undo.removed': (p) => `${p.file}: đã xóa ghi nhận ${p.record}.`,
  'undo.trigger': (p) => `văn bản/sự kiện ngày ${p.day}`,
  'undo.done': (p) => `hoàn thành ngày ${p.day}`,

  // tthc diff
  'diff.title': 'Thay đổi của kế hoạch', 'diff.unchanged': 'Nội dung kế hoạch không thay đổi (chỉ khác cách viết, chú thích hoặc khoảng trắng).',
  'diff.summary': 'Tóm tắt', 'diff.added': 'nhiệm vụ mới', 'diff.removed': 'nhiệm vụ bị bỏ', 'diff.renumbered': 'đánh số lại', 'diff.changed': 'nhiệm vụ thay đổi',
  'diff.moved': 'hạn thay đổi', 'diff.recAdded': 'ghi nhận mới', 'diff.recChanged': 'ghi nhận sửa', 'diff.recRemoved': 'ghi nhận bị xóa', 'diff.agencies': 'cơ quan thay đổi',
  'diff.hMoved': 'Hạn thay đổi', 'diff.hAdded': 'Nhiệm vụ mới', 'diff.hRemoved': 'Nhiệm vụ bị bỏ', 'diff.hChanged': 'Nhiệm vụ thay đổi', 'diff.hAgencies': 'Cơ quan',
  'diff.hBases': 'Căn cứ', 'diff.hHeading': 'Thông tin chung của kế hoạch', 'diff.hSections': 'Mục của phụ lục', 'diff.hText': 'Phần văn bản khác thay đổi',
  'diff.renum': 'Đánh số lại', 'diff.section': 'Chuyển mục', 'diff.due': 'Hạn', 'diff.dueAdded': 'kỳ mới', 'diff.dueRemoved': 'kỳ bị bỏ', 'diff.open': 'không hạn',
  'diff.agency': 'Cơ quan', 'diff.viaCollective': 'Qua cơ quan tập thể', 'diff.via': 'qua', 'diff.notInvolved': 'không tham gia',
  'diff.recAddedOne': 'Ghi nhận mới', 'diff.recChangedOne': 'Ghi nhận sửa', 'diff.recRemovedOne': 'Ghi nhận bị xóa', 'diff.lost': 'ghi nhận bị mất theo',
  'diff.newAgency': 'cơ quan mới', 'diff.goneAgency': 'cơ quan bị bỏ', 'diff.renamed': 'đổi tên',
  'diff.membersAdded': 'thành viên mới', 'diff.membersRemoved': 'thành viên bị bỏ', 'diff.aliasesAdded': 'tên khác mới', 'diff.aliasesRemoved': 'tên khác bị bỏ',
  'diff.tasks': 'ảnh hưởng nhiệm vụ', 'diff.none': '—', 'diff.on': 'ngày', 'diff.sectionGone': 'bị bỏ', 'diff.sectionNew': 'mục mới',
  'diff.content': 'Nội dung công việc', 'diff.output': 'Kết quả công việc', 'diff.when': 'Thời gian thực hiện', 'diff.schedule': 'Lịch (schedule)',
  'diff.wasNow': 'Trước', 'diff.now': 'Nay', 'diff.task': 'Nhiệm vụ',

  // Các dòng của chính CLI
  'cli.seeCommandHelp': (p) => `Xem \`tthc ${p.command} --help\` để biết các tùy chọn.`,
  'cli.seeHelp': 'Xem `tthc --help` để biết các lệnh.',
  'cli.hint': 'gợi ý',
  'cli.internal': (p) => `lỗi nội bộ: ${p.message}\nXin báo lỗi này kèm lệnh đã chạy${p.debug ? '' : ' (đặt TTHC_DEBUG=1 để xem chi tiết)'}.`,
};
