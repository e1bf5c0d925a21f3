// `tthc agencies`'s renderers: the plan's agencies as a terminal table, JSON or Markdown.
import { collectivesOf } from '../model/agencies.js';
import type { Plan } from '../model/model.js';
import { markdownText } from './escape.js';
import { t, type Lang } from './i18n.js';
import type { Style } from './style.js';
import { renderTable } from './table.js';

export interface AgencyRow {
  id: string;
  name: string;
  aliases: string[];
  members: string[];
  memberOf: string[];
}

/** The plan's agencies in its order; `memberOf` filled only when asked for (it costs the square of a chain's length). */
export function agencyRows(plan: Plan, memberOf: boolean): AgencyRow[] {
  return [...plan.agencies.values()].map((a) => ({
    id: a.id,
    name: a.name,
    aliases: a.aliases ?? [],
    members: a.members ?? [],
    memberOf: memberOf ? collectivesOf(plan, a.id) : [],
  }));
}

export function renderAgenciesJson(list: AgencyRow[]): string {
  return JSON.stringify(list, null, 2) + '\n';
}

export function renderAgenciesMd(list: AgencyRow[], lang: Lang): string {
  const esc = markdownText;
  return (
    `| ${t(lang, 'id')} | ${t(lang, 'name')} | ${t(lang, 'aliases')} | ${t(lang, 'members')} |\n|---|---|---|---|\n` +
    list.map((a) => `| \`${a.id}\` | ${esc(a.name)} | ${esc(a.aliases.join('; '))} | ${a.members.join(', ')} |`).join('\n') +
    '\n'
  );
}

export function renderAgenciesTable(list: AgencyRow[], lang: Lang, style: Style, width: number): string {
  return renderTable(
    [{ head: t(lang, 'id') }, { head: t(lang, 'name'), flex: 2 }, { head: t(lang, 'aliases'), flex: 2 }, { head: t(lang, 'members'), flex: 1 }],
    list.map((a) => [style.bold(a.id), a.name, a.aliases.join('\n'), a.members.join(', ')]),
    width,
    style,
  );
}
