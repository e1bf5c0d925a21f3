// `tthc diff` as text (Vietnamese or English), Markdown for a pull request, or JSON: pure functions of the diff data.
import { formatDayVi } from '../schedule/index.js';
import type { DueChange, PlanDiff, RoleChange, TaskBrief, TaskChange } from '../views/diff.js';
import { periodText } from './due.js';
import { t, type Lang } from './i18n.js';
import { say, type Key } from '../messages/index.js';
import { recordText } from './record-text.js';

/** diff's own words, under `diff.` in the message catalogue. */
type W = Extract<Key, `diff.${string}`> extends `diff.${infer K}` ? K : never;

function w(lang: Lang, k: W): string {
  return say(lang, `diff.${k}`);
}

function day(d: string | null, lang: Lang): string {
  return d === null ? w(lang, 'open') : formatDayVi(d);
}

function roleWord(lang: Lang, r: RoleChange['old']): string {
  return r === null ? w(lang, 'notInvolved') : t(lang, r === 'lead' ? 'role.lead' : 'role.support');
}

/** "VIII.1 Quý II/2023: 30/6/2023 → 15/6/2023" */
export function dueLine(lang: Lang, id: string, d: DueChange): string {
  const p = periodText(lang, d.period);
  const head = [id, p].filter(Boolean).join(' ');
  if (d.kind === 'added') return `${head}: ${w(lang, 'dueAdded')}, ${t(lang, 'due').toLowerCase()} ${day(d.new, lang)}`;
  if (d.kind === 'removed') return `${head}: ${w(lang, 'dueRemoved')} (${t(lang, 'due').toLowerCase()} ${day(d.old, lang)})`;
  return `${head}: ${day(d.old, lang)} → ${day(d.new, lang)}`;
}


function roleLine(lang: Lang, r: RoleChange): string {
  const via = (v: string | null) => (v ? ` (${w(lang, 'via')} ${v})` : '');
  return `${r.name} (${r.agency}): ${roleWord(lang, r.old)}${via(r.via.old)} → ${roleWord(lang, r.new)}${via(r.via.new)}`;
}

function cut(s: string, n = 90): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

function quote(s: string | null, lang: Lang): string {
  return s === null ? w(lang, 'none') : `“${s}”`;
}

function summaryLine(lang: Lang, d: PlanDiff): string {
  const s = d.summary;
  const parts: [number, W][] = [
    [s.added, 'added'],
    [s.removed, 'removed'],
    [s.renumbered, 'renumbered'],
    [s.changed, 'changed'],
    [s.movedDeadlines, 'moved'],
    [s.recordsAdded, 'recAdded'],
    [s.recordsChanged, 'recChanged'],
    [s.recordsRemoved, 'recRemoved'],
    [s.agencies, 'agencies'],
  ];
  const shown = parts.filter(([n]) => n > 0).map(([n, k]) => `${n} ${w(lang, k)}`);
  return shown.length ? shown.join(', ') : w(lang, 'unchanged');
}

/** The lines that say what changed in one task, each without indentation. */
function taskLines(lang: Lang, c: TaskChange): string[] {
  const out: string[] = [];
  if (c.id !== c.from) out.push(`${w(lang, 'renum')}: ${c.from} → ${c.id}`);
  if (c.section) out.push(`${w(lang, 'section')}: ${c.section.old} → ${c.section.new}`);
  for (const f of c.fields) out.push(`${w(lang, f.field)}: ${quote(f.old, lang)} → ${quote(f.new, lang)}`);
  // The task's id heads the block already: the occurrence is named by its period alone.
  for (const d of c.due) out.push(dueLine(lang, w(lang, 'due'), d));
  for (const r of c.named) out.push(`${w(lang, 'agency')}: ${roleLine(lang, r)}`);
  const named = new Set(c.named.map((r) => r.agency));
  for (const r of c.involved) if (!named.has(r.agency) && (r.via.old || r.via.new)) out.push(`${w(lang, 'viaCollective')}: ${roleLine(lang, r)}`);
  for (const r of c.records.added) out.push(`${w(lang, 'recAddedOne')}: ${recordText(lang, r)}`);
  for (const r of c.records.changed) out.push(`${w(lang, 'recChangedOne')}: ${recordText(lang, r.old)} → ${recordText(lang, r.new)}`);
  for (const r of c.records.removed) out.push(`${w(lang, 'recRemovedOne')}: ${recordText(lang, r)}`);
  return out;
}

function briefLines(lang: Lang, b: TaskBrief, names: (id: string) => string): string[] {
  const out = [`${t(lang, 'lead')}: ${b.lead.map(names).join('; ')}`];
  if (b.support.length) out.push(`${t(lang, 'support')}: ${b.support.map(names).join('; ')}`);
  out.push(`${t(lang, 'when')}: ${b.when}`);
  const dues = b.due.filter((o) => o.due !== null).map((o) => `${periodText(lang, o.period) ? `${periodText(lang, o.period)} ` : ''}${formatDayVi(o.due!)}`);
  if (dues.length) out.push(`${t(lang, 'due')}: ${dues.join('; ')}`);
  return out;
}

function agencyLines(lang: Lang, d: PlanDiff): string[] {
  const out: string[] = [];
  for (const a of d.agencies.added) out.push(`+ ${a.id}  ${a.name} (${w(lang, 'newAgency')})`);
  for (const a of d.agencies.removed) out.push(`− ${a.id}  ${a.name} (${w(lang, 'goneAgency')})`);
  for (const a of d.agencies.changed) {
    const parts: string[] = [];
    if (a.name.old !== a.name.new) parts.push(`${w(lang, 'renamed')}: ${quote(a.name.old, lang)} → ${quote(a.name.new, lang)}`);
    if (a.members.added.length) parts.push(`${w(lang, 'membersAdded')}: ${a.members.added.join(', ')}`);
    if (a.members.removed.length) parts.push(`${w(lang, 'membersRemoved')}: ${a.members.removed.join(', ')}`);
    if (a.aliases.added.length) parts.push(`${w(lang, 'aliasesAdded')}: ${a.aliases.added.join('; ')}`);
    if (a.aliases.removed.length) parts.push(`${w(lang, 'aliasesRemoved')}: ${a.aliases.removed.join('; ')}`);
    if (a.tasks.length) parts.push(`${w(lang, 'tasks')}: ${a.tasks.join(', ')}`);
    out.push(`~ ${a.id}  ${a.name.new ?? a.name.old}: ${parts.join('; ')}`);
    for (const m of a.moves) out.push(`    ${m.name} (${m.agency}): ${roleWord(lang, m.old)} → ${roleWord(lang, m.new)}: ${m.tasks.join(', ')}`);
  }
  return out;
}

function otherLines(lang: Lang, d: PlanDiff): { head: W; lines: string[] }[] {
  const bases = [
    ...d.bases.added.map((b) => `+ ${b.ref} (${formatDayVi(b.date)}): ${b.text}`),
    ...d.bases.removed.map((b) => `− ${b.ref} (${formatDayVi(b.date)}): ${b.text}`),
    ...d.bases.changed.map((b) => `~ ${b.ref}: ${b.fields.map((f) => `${f.field}: ${quote(f.old, lang)} → ${quote(f.new, lang)}`).join('; ')}`),
  ];
  const heading = d.heading.map((h) => `${h.field}: ${quote(h.old, lang)} → ${quote(h.new, lang)}`);
  const sections = d.sections.map((s) => (s.old === null ? `+ ${s.id}. ${s.new} (${w(lang, 'sectionNew')})` : s.new === null ? `− ${s.id}. ${s.old} (${w(lang, 'sectionGone')})` : `~ ${s.id}: ${quote(s.old, lang)} → ${quote(s.new, lang)}`));
  return [
    { head: 'hHeading', lines: heading },
    { head: 'hBases', lines: bases },
    { head: 'hSections', lines: sections },
    { head: 'hText', lines: d.text.length ? [d.text.join(', ')] : [] },
  ];
}

function nameFn(names: Map<string, string>): (id: string) => string {
  return (id) => names.get(id) ?? id;
}

/** Plain text, in the user's language. `names` maps agency ids to names (the new plan's, then the old one's). */
export function renderDiffText(d: PlanDiff, lang: Lang, names: Map<string, string>): string {
  const name = nameFn(names);
  let out = `${w(lang, 'title')}: ${d.old.label} → ${d.new.label}\n`;
  out += `${w(lang, 'summary')}: ${summaryLine(lang, d)}\n`;
  const section = (head: W, lines: string[]) => {
    if (lines.length) out += `\n${w(lang, head)}:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
  };
  const moved = d.tasks.changed.flatMap((c) => c.due.filter((x) => x.kind === 'moved').map((x) => dueLine(lang, c.id, x)));
  section('hMoved', moved);
  section(
    'hAdded',
    d.tasks.added.flatMap((b) => [`+ ${b.id}  ${cut(b.content)}`, ...briefLines(lang, b, name).map((l) => `    ${l}`)]),
  );
  section(
    'hRemoved',
    d.tasks.removed.flatMap((b) => [`− ${b.id}  ${cut(b.content)}`, ...(b.records.length ? [`    ${b.records.length} ${w(lang, 'lost')}: ${b.records.map((r) => recordText(lang, r)).join('; ')}`] : [])]),
  );
  section(
    'hChanged',
    d.tasks.changed.flatMap((c) => [`${c.id}  ${cut(c.content)}`, ...taskLines(lang, c).map((l) => `    ${l}`)]),
  );
  section('hAgencies', agencyLines(lang, d));
  for (const o of otherLines(lang, d)) section(o.head, o.lines);
  return out;
}

function md(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/([|*_`<>[\]])/g, '\\$1').replace(/\s+/g, ' ').trim();
}

/** Markdown for a pull request comment or a CI job summary. */
export function renderDiffMd(d: PlanDiff, lang: Lang, names: Map<string, string>): string {
  const name = nameFn(names);
  let out = `### ${w(lang, 'title')}: \`${d.old.label}\` → \`${d.new.label}\`\n\n`;
  out += `**${w(lang, 'summary')}:** ${summaryLine(lang, d)}\n`;
  const moved = d.tasks.changed.flatMap((c) => c.due.filter((x) => x.kind === 'moved').map((x) => ({ c, x })));
  if (moved.length) {
    out += `\n#### ${w(lang, 'hMoved')}\n\n| ${w(lang, 'task')} | ${t(lang, 'period')} | ${w(lang, 'wasNow')} | ${w(lang, 'now')} |\n|---|---|---|---|\n`;
    for (const { c, x } of moved) out += `| ${c.id} | ${periodText(lang, x.period) || w(lang, 'none')} | ${day(x.old, lang)} | **${day(x.new, lang)}** |\n`;
  }
  const list = (head: W, items: string[]) => {
    if (items.length) out += `\n#### ${w(lang, head)}\n\n${items.join('\n')}\n`;
  };
  list(
    'hAdded',
    d.tasks.added.map((b) => `- **${b.id}** ${md(cut(b.content, 140))}\n${briefLines(lang, b, name).map((l) => `  - ${md(l)}`).join('\n')}`),
  );
  list(
    'hRemoved',
    d.tasks.removed.map((b) => `- **${b.id}** ${md(cut(b.content, 140))}${b.records.length ? `\n  - ⚠ ${b.records.length} ${w(lang, 'lost')}: ${md(b.records.map((r) => recordText(lang, r)).join('; '))}` : ''}`),
  );
  list(
    'hChanged',
    d.tasks.changed.map((c) => `- **${c.id}** ${md(cut(c.content, 140))}\n${taskLines(lang, c).map((l) => `  - ${md(l)}`).join('\n')}`),
  );
  // The roles a collective's change moves are nested under that collective.
  list('hAgencies', agencyLines(lang, d).map((l) => `${l.startsWith(' ') ? '  ' : ''}- ${md(l)}`));
  for (const o of otherLines(lang, d)) list(o.head, o.lines.map((l) => `- ${md(l)}`));
  return out;
}

/** JSON: the diff data as it is (dates ISO, roles and kinds as English codes). */
export function renderDiffJson(d: PlanDiff): string {
  return JSON.stringify(d, null, 2) + '\n';
}

