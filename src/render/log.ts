// `tthc log` as text (Vietnamese or English), Markdown or JSON: pure functions of the history data.
import type { RecordFile } from '../plan/schema.js';
import { formatDayVi } from '../schedule/index.js';
import type { CommitInfo, PlanHistory, TaskHistory } from '../views/history.js';
import { periodText } from './due.js';
import { t, type Lang } from './i18n.js';

const WORDS = {
  vi: {
    added: 'Đưa vào kế hoạch', removed: 'Bị bỏ khỏi kế hoạch', renumbered: 'Đánh số lại', timeline: 'Thời gian thực hiện',
    records: 'Ghi nhận', noRecords: 'chưa có ghi nhận', recorded: 'ghi', by: 'bởi', changedOn: 'sửa', removedOn: 'xóa',
    unchanged: 'không sửa từ đó', done: 'xong', trigger: 'văn bản đến', period: 'kỳ', working: 'bản đang sửa (chưa commit)',
    noHistory: 'Không có nhiệm vụ nào trong lịch sử của tệp.', unreadable: 'Phiên bản không đọc được như một kế hoạch (bỏ qua)',
    commits: 'commit', was: 'trước là', open: 'không hạn',
  },
  en: {
    added: 'Added', removed: 'Removed', renumbered: 'Renumbered', timeline: 'Timeline', records: 'Records',
    noRecords: 'no records', recorded: 'recorded', by: 'by', changedOn: 'changed', removedOn: 'removed', unchanged: 'unchanged since',
    done: 'done', trigger: 'triggered', period: 'period', working: 'working file (not committed)',
    noHistory: 'No task in the history of the file.', unreadable: 'Versions that are not a readable plan (skipped)',
    commits: 'commits', was: 'was', open: 'open-ended',
  },
} as const;

type W = keyof (typeof WORDS)['vi'];

function w(lang: Lang, k: W): string {
  return WORDS[lang][k];
}

/** "a1b2c3d 2023-07-18 Nguyễn Văn A", or the working file. */
export function commitText(lang: Lang, c: CommitInfo): string {
  return c.working ? w(lang, 'working') : `${c.short} ${c.date} ${c.author}`;
}

function recordText(lang: Lang, r: RecordFile): string {
  const parts = [r.done ? `${w(lang, 'done')} ${formatDayVi(r.done)}` : `${w(lang, 'trigger')} ${r.trigger ? formatDayVi(r.trigger) : '?'}`];
  if (r.period) parts.push(`${w(lang, 'period')} ${periodText(lang, r.period) || r.period}`);
  if (r.ref) parts.push(r.ref);
  if (r.note) parts.push(`“${r.note}”`);
  return parts.join(', ');
}

function dues(lang: Lang, d: { period: string | null; due: string | null }[]): string {
  const shown = d.map((o) => `${periodText(lang, o.period) ? `${periodText(lang, o.period)}: ` : ''}${o.due ? formatDayVi(o.due) : w(lang, 'open')}`);
  return shown.length ? ` — ${t(lang, 'due').toLowerCase()} ${shown.join('; ')}` : '';
}

function taskLines(lang: Lang, h: TaskHistory): string[] {
  const out = [`${w(lang, 'added')}: ${commitText(lang, h.added)}`];
  for (const r of h.renumbered) out.push(`${w(lang, 'renumbered')} ${r.from} → ${r.to}: ${commitText(lang, r.commit)}`);
  if (h.removed) out.push(`${w(lang, 'removed')}: ${commitText(lang, h.removed)}`);
  out.push(`${w(lang, 'timeline')}:`);
  for (const e of h.timeline) out.push(`  ${commitText(lang, e.commit)}: “${e.when}”${dues(lang, e.due)}`);
  if (!h.records.length) out.push(`${w(lang, 'records')}: ${w(lang, 'noRecords')}`);
  else {
    out.push(`${w(lang, 'records')}:`);
    for (const r of h.records) {
      out.push(`  ${recordText(lang, r.record)}`);
      out.push(`    ${w(lang, 'recorded')}: ${commitText(lang, r.added)}`);
      for (const c of r.changed) out.push(`    ${w(lang, 'changedOn')}: ${commitText(lang, c.commit)} (${w(lang, 'was')}: ${recordText(lang, c.old)})`);
      if (r.removed) out.push(`    ${w(lang, 'removedOn')}: ${commitText(lang, r.removed)}`);
      if (!r.changed.length && !r.removed) out.push(`    (${w(lang, 'unchanged')})`);
    }
  }
  return out;
}

function head(h: TaskHistory): string {
  const one = h.content.replace(/\s+/g, ' ').trim();
  const ids = h.ids.length > 1 ? `${h.id} (${h.ids.slice(0, -1).join(', ')})` : h.id;
  return `${ids}  ${one.length > 90 ? `${one.slice(0, 89)}…` : one}`;
}

export function renderLogText(hist: PlanHistory, tasks: TaskHistory[], lang: Lang, file: string): string {
  let out = `${file}: ${hist.commits.filter((c) => !c.working).length} ${w(lang, 'commits')}\n`;
  if (hist.unreadable.length) out += `${w(lang, 'unreadable')}: ${hist.unreadable.map((c) => commitText(lang, c)).join('; ')}\n`;
  if (!tasks.length) return `${out}${w(lang, 'noHistory')}\n`;
  for (const h of tasks) out += `\n${head(h)}\n${taskLines(lang, h).map((l) => `  ${l}`).join('\n')}\n`;
  return out;
}

function md(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/([|*_`<>[\]])/g, '\\$1');
}

export function renderLogMd(hist: PlanHistory, tasks: TaskHistory[], lang: Lang, file: string): string {
  let out = `### \`${file}\`: ${hist.commits.filter((c) => !c.working).length} ${w(lang, 'commits')}\n`;
  if (hist.unreadable.length) out += `\n${w(lang, 'unreadable')}: ${md(hist.unreadable.map((c) => commitText(lang, c)).join('; '))}\n`;
  if (!tasks.length) return `${out}\n${w(lang, 'noHistory')}\n`;
  for (const h of tasks) {
    out += `\n#### ${md(head(h))}\n\n`;
    for (const l of taskLines(lang, h)) {
      const depth = (l.length - l.trimStart().length) / 2;
      out += `${'  '.repeat(depth)}- ${md(l.trim())}\n`;
    }
  }
  return out;
}

export function renderLogJson(hist: PlanHistory, tasks: TaskHistory[], file: string): string {
  return JSON.stringify({ file, commits: hist.commits, unreadable: hist.unreadable, tasks }, null, 2) + '\n';
}
