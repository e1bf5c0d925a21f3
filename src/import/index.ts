// `tthc import`: a plan's appendix table (and, where given, its whole text) copied from Word or PDF → a plan file.
import type { AgencyFile, PlanFile, SectionFile, TaskFile } from '../model/schema.js';
import { parseWhen } from '../schedule/phrase.js';
import { AgencyResolver, inferLevel } from './agencies.js';
import { findDistrict } from './dictionary.js';
import { parseDocument, spanIn, type DocParts } from './document.js';
import { emitPlan, readBack, type KeyComment } from './emit.js';
import { ImportError, warning, type ImportMessage } from './errors.js';
import { msg } from '../messages/index.js';
import { findTable, parseTable, type RawSection, type Role } from './table.js';
import { isBlank, levelOfIssuer, squash, toLines, WORDS_OF_LEVEL, type Level, type LocalLevel } from './text.js';

export { ImportError, type ImportMessage } from './errors.js';
export { splitAgencies, idForName } from './agencies.js';
export { DICTIONARY, DISTRICTS, buildIndex } from './dictionary.js';

export interface ImportOptions {
  /** The plan year; otherwise read from the title, the caption or the timeline column. */
  year?: number;
  /** The input's file name, named in the output's opening comment. */
  file?: string;
  /** Agencies of the office's own (another plan's `agencies:`): recognised by their names and aliases, declared with their ids. */
  agencies?: Record<string, AgencyFile>;
}

export interface ImportResult {
  /** The plan as the written YAML reads back (schema-checked). */
  plan: PlanFile;
  /** The plan file's text. */
  yaml: string;
  /** What the user should review, at lines of the input. */
  warnings: ImportMessage[];
}

/** A table cell as plan text: the pieces of a split cell joined with a space. */
function cellText(s: string): string {
  return squash(s.replace(/\n/g, ' '));
}

function oneOrList(ids: string[]): string | string[] {
  return ids.length === 1 ? ids[0]! : ids;
}

function mostCommonYear(texts: string[]): number | undefined {
  const count = new Map<number, number>();
  for (const t of texts) {
    for (const m of t.matchAll(/(?:\/|năm\s+)((?:19|20)\d\d)(?!\d)/giu)) {
      const y = Number(m[1]);
      count.set(y, (count.get(y) ?? 0) + 1);
    }
  }
  let best: [number, number] | undefined;
  for (const [y, n] of count) if (!best || n > best[1] || (n === best[1] && y > best[0])) best = [y, n];
  return best?.[0];
}

interface PlanYears {
  year: number;
  /** A plan over several years: `period: first-last`. */
  span?: { first: number; last: number };
}

function planYear(opts: ImportOptions, doc: DocParts, whens: string[], warnings: ImportMessage[], tableLine: number): PlanYears {
  const written = doc.years[0];
  if (opts.year !== undefined) {
    if (!Number.isInteger(opts.year) || opts.year < 1990 || opts.year > 2100) {
      throw new ImportError(1, msg('imp.year', { year: opts.year }), msg('imp.year.hint'));
    }
    if (written && written.year !== opts.year) {
      warnings.push(warning(written.line, msg('imp.w.yearGiven', { written: written.year, year: opts.year }), msg('imp.w.yearGiven.hint')));
    }
    return { year: opts.year };
  }
  // A year no plan can have (1900, 0000, 9999) is refused where it is written, not met later as an internal error.
  const inRange = (y: number, line: number): number => {
    if (y >= 1990 && y <= 2100) return y;
    throw new ImportError(line, msg('imp.yearRange', { year: String(y).padStart(4, '0') }), msg('imp.yearRange.hint'));
  };
  // "giai đoạn 2026-2030" in the title, the appendix title or the caption: the plan runs over those years.
  for (const t of [doc.title?.text, doc.appendix?.title, doc.appendix?.caption?.replace(/ngày.*?năm\s*\d{4}/gu, '')]) {
    const span = t ? spanIn(t) : undefined;
    if (span) {
      inRange(span.last, tableLine);
      return { year: inRange(span.first, tableLine), span };
    }
  }
  if (written) return { year: inRange(written.year, written.line) };
  const y = mostCommonYear(whens);
  if (y !== undefined) return { year: inRange(y, tableLine) };
  // Only the date of issue is left: a plan issued in the last quarter is for the year after.
  const issued = doc.number?.date;
  if (issued) {
    const [yy, mm] = issued.split('-').map(Number) as [number, number];
    const year = inRange(mm >= 10 ? yy + 1 : yy, doc.number!.line);
    warnings.push(warning(doc.number!.line, msg('imp.w.yearIssued', { year, issued: issued.split('-').reverse().join('/') }), msg('imp.w.yearIssued.hint')));
    return { year };
  }
  throw new ImportError(
    tableLine,
    msg('imp.noYear'),
    msg('imp.noYear.hint'),
  );
}

/** The level for looking names up: a Sở or a ministry names the offices around it as a province does. */
function lookupLevel(level: Level): LocalLevel {
  return level === 'district' || level === 'commune' ? level : 'province';
}

export function importPlan(text: string, opts: ImportOptions = {}): ImportResult {
  const lines = toLines(text);
  const loc = findTable(lines);
  if (!loc) {
    // Text copied from a PDF keeps no cells: its columns are runs of spaces, which cannot tell a cell's end from a gap.
    const spaced = lines.filter((l) => !l.includes('\t') && /^\s*(?:\d{1,3}|[IVX]+)\.?\s{2,}\S.*\S {3,}\S/u.test(l)).length;
    if (spaced >= 2) {
      throw new ImportError(
        1,
        msg('imp.spaces'),
        msg('imp.spaces.hint'),
      );
    }
    throw new ImportError(
      1,
      msg('imp.noTable'),
      msg('imp.noTable.hint'),
    );
  }
  const { sections: rawSections, parts, columns, end: tableEnd } = parseTable(lines, loc);
  if (rawSections.length === 0) {
    throw new ImportError(loc.start + 1, msg('imp.noRows'), msg('imp.noRows.hint'));
  }
  const doc = parseDocument(lines, loc.start, tableEnd);
  const warnings: ImportMessage[] = [...doc.warnings];
  const comments: KeyComment[] = [];
  const whenAt = columns.findIndex((c) => c.role === 'when') - 1;
  const { year, span } = planYear(opts, doc, rawSections.flatMap((x) => x.tasks.map((t) => t.cells[whenAt]?.text ?? '')), warnings, loc.start + 1);

  // The issuer and its level: from the caption or the letterhead, else guessed from the offices the table names.
  const leadAt = columns.findIndex((c) => c.role === 'lead') - 1;
  const supportAt = columns.findIndex((c) => c.role === 'support') - 1;
  const agencyCells = rawSections.flatMap((s) => s.tasks.flatMap((t) => [t.cells[leadAt]?.text ?? '', t.cells[supportAt]?.text ?? '']));
  let issuer = doc.issuer?.text;
  // The level is the issuer's, where its name says it; the offices the table names only choose the dictionary.
  const level: Level | undefined = issuer ? levelOfIssuer(issuer) : undefined;
  const dictLevel: Level = level ?? inferLevel(agencyCells) ?? (year > 2025 ? 'commune' : 'district');
  if (issuer && !level) {
    warnings.push(warning(doc.issuer!.line, msg('imp.w.noLevel', { issuer }), msg('imp.w.noLevel.hint')));
  }
  if (!issuer) {
    issuer = `Ủy ban nhân dân ${WORDS_OF_LEVEL[lookupLevel(dictLevel)][0]}`;
    warnings.push(warning(loc.start + 1, msg('imp.w.noIssuer', { issuer }), msg('imp.w.noIssuer.hint')));
    comments.push({ path: ['plan', 'issuer'], comment: 'Not in the input: complete it with the place, and add plan.level.' });
  }
  const district = dictLevel === 'district' ? findDistrict(issuer) : undefined;
  const own = Object.entries(opts.agencies ?? {}).map(([id, a]) => ({ id, name: a.name, ...(a.aliases ? { aliases: a.aliases } : {}), ...(a.members ? { members: a.members } : {}) }));
  const resolver = new AgencyResolver(lookupLevel(dictLevel), district, own);

  const at = (role: Role): number => columns.findIndex((c) => c.role === role) - 1;
  const iContent = at('content');
  const iLead = at('lead');
  const iSupport = at('support');
  const iOutput = at('output');
  const iWhen = at('when');
  const extras = columns.map((c, i) => ({ c, i: i - 1 })).filter(({ c, i }) => c.role === 'extra' && i >= 0);
  const nameOf = (i: number): string => columns[i + 1]?.name ?? '';
  for (const [role, i] of [['content', iContent], ['lead', iLead]] as const) {
    if (i < 0) {
      throw new ImportError(
        loc.start + 1,
        msg('imp.noColumn', { role, columns: columns.map((c) => c.name).join(', ') }),
        msg('imp.noColumn.hint'),
      );
    }
  }

  const yearPeriod = span ? { start: `${span.first}-01-01`, end: `${span.last}-12-31` } : { start: `${year}-01-01`, end: `${year}-12-31` };
  const sections: SectionFile[] = rawSections.map((raw, si) => {
    if (raw.tasks.length === 0) {
      warnings.push(warning(raw.line, msg('imp.w.emptySection', { numeral: raw.numeral }), msg('imp.w.emptySection.hint')));
    }
    let previous: { lead: string; when: string } | undefined;
    const section: SectionFile = {
      id: raw.numeral,
      title: cellText(raw.title) || cellText(doc.appendix?.title ?? '') || 'Nhiệm vụ',
      ...(raw.subsections.length > 0 ? { subsections: raw.subsections.map((x) => ({ id: x.id, title: x.title })) } : {}),
      tasks: raw.tasks.map((row, ti): TaskFile => {
        const id = row.id;
        const cell = (i: number) => (i >= 0 ? row.cells[i] : undefined);
        const textOf = (i: number) => cellText(cell(i)?.text ?? '');
        const content = textOf(iContent);
        let lead = textOf(iLead);
        let leadCell = cell(iLead);
        const support = textOf(iSupport);
        const output = textOf(iOutput);
        // A cell's lines are one phrase ("Triển khai … sau khi có Văn bản⏎của UBND tỉnh"), unless only as lines
        // do they read: "Quý I/2026⏎Quý III/2026" is two parts, and keeps its line break.
        let when = textOf(iWhen);
        const lines = (cell(iWhen)?.text ?? '').split('\n').map(squash).filter(Boolean).join('\n');
        if (lines.includes('\n') && !parseWhen(when, { period: yearPeriod }).ok && parseWhen(lines, { period: yearPeriod }).ok) when = lines;
        if (!content) {
          throw new ImportError(row.line, msg('imp.emptyCell', { id, column: nameOf(iContent) }), msg('imp.emptyCell.hint', { column: nameOf(iContent) }));
        }
        // A cell merged down over several rows is copied as text in the first row only: the rows below share it.
        if (!lead && previous?.lead) {
          lead = previous.lead;
          leadCell = { text: previous.lead, line: row.line };
          warnings.push(warning(row.line, msg('imp.w.leadAbove', { id, column: nameOf(iLead) }), msg('imp.w.leadAbove.hint')));
        }
        if (!lead) {
          throw new ImportError(
            row.line,
            msg('imp.emptyCell', { id, column: nameOf(iLead) }),
            msg('imp.emptyLead.hint', { column: nameOf(iLead), ...(iSupport >= 0 ? { support: nameOf(iSupport) } : {}) }),
          );
        }
        if (iWhen >= 0 && !when) {
          if (previous?.when) {
            when = previous.when;
            warnings.push(warning(row.line, msg('imp.w.whenAbove', { id, column: nameOf(iWhen), when: previous.when }), msg('imp.w.whenAbove.hint')));
          } else {
            throw new ImportError(row.line, msg('imp.emptyCell', { id, column: nameOf(iWhen) }), msg('imp.emptyCell.hint', { column: nameOf(iWhen) }));
          }
        }
        if (iWhen < 0) {
          throw new ImportError(
            loc.start + 1,
            msg('imp.noColumn', { role: 'when', columns: columns.map((c) => c.name).join(', ') }),
            msg('imp.noColumn.hint'),
          );
        }
        previous = { lead: leadCell?.text ?? lead, when };
        leadCell ??= { text: lead, line: row.line };
        const leadIds = resolver.resolve(leadCell.text, leadCell.line);
        const supportIds = support ? resolver.resolve(row.cells[iSupport]!.text, row.cells[iSupport]!.line) : [];
        const extra: Record<string, string> = {};
        for (const { c, i } of extras) {
          const v = textOf(i);
          if (v) extra[c.name] = v;
        }
        const task: TaskFile = {
          id,
          content,
          lead: oneOrList(leadIds),
          ...(supportIds.length > 0 ? { support: oneOrList(supportIds) } : {}),
          ...(output ? { output } : {}),
          when,
          ...(Object.keys(extra).length > 0 ? { extra } : {}),
        };
        if (supportIds.length === 0 && iSupport >= 0) {
          comments.push({
            path: ['sections', si, 'tasks', ti, 'when'],
            comment: 'The source names no supporting agency (Cơ quan phối hợp is empty).',
          });
        }
        return task;
      }),
    };
    return section;
  });

  const { agencies, unknown, memberless, warnings: agencyWarnings } = resolver.declarations();
  warnings.push(...agencyWarnings);
  for (const id of memberless) {
    comments.push({ path: ['agencies', id], comment: 'Its communes are not in the dictionary: declare them and list their ids under members.' });
  }
  for (const u of unknown) {
    comments.push({ path: ['agencies', u.id], comment: 'Not in the dictionary: check the id, the name and any collective it belongs to.' });
  }

  // The title is the document's own ("KẾ HOẠCH" and the line below it); without one, the appendix's title stands for it.
  const title = doc.title?.text;
  const short = issuer.replace(/^(Ủy|Uỷ) ban nhân dân(?=\s)/u, 'UBND');
  const number = doc.number;
  if (number && (number.number === null || number.date === null)) {
    warnings.push(warning(number.line, msg('imp.w.blankNumber'), msg('imp.w.blankNumber.hint')));
    comments.push({
      path: ['plan', 'number'],
      comment: 'The source leaves the number or the date blank ("Kế hoạch số /KH-UBND ngày …"): fill them in once issued.',
    });
  }
  const heading: PlanFile['plan'] = {
    issuer,
    ...(short !== issuer ? { short } : {}),
    ...(level ? { level } : {}),
    ...(doc.kind && doc.kind !== 'Kế hoạch' ? { kind: doc.kind } : {}),
    ...(number ? { number: number.number, ...(number.symbol ? { symbol: number.symbol } : {}), date: number.date } : {}),
    ...(title ? { title } : {}),
    year,
    ...(span ? { period: `${span.first}-${span.last}` } : {}),
  };

  // Keys in the order of the shipped plans.
  const plan = { format: 1, plan: heading } as PlanFile;
  if (doc.bases.length > 0) plan.bases = doc.bases;
  if (doc.intro) plan.intro = doc.intro;
  if (doc.purposes) plan.purposes = doc.purposes;
  if (doc.content && doc.content.length > 0) plan.content = doc.content;
  if (doc.contentNote) plan.content_note = doc.contentNote;
  if (doc.funding) plan.funding = doc.funding;
  if (doc.organisation) plan.organisation = doc.organisation;
  if (doc.closing) plan.closing = doc.closing;
  if (doc.recipients) plan.recipients = doc.recipients;
  if (doc.signature) plan.signature = doc.signature;
  if (doc.appendix) {
    plan.appendix = { title: doc.appendix.title };
    if (doc.appendix.caption) plan.appendix.caption = doc.appendix.caption;
  }
  plan.agencies = agencies;
  if (parts.length > 0) plan.parts = parts.map((p) => ({ id: p.id, title: p.title }));
  plan.sections = sections;

  const yaml = emitPlan(plan, comments, opts.file);
  return { plan: readBack(yaml), yaml, warnings: warnings.sort((a, b) => a.line - b.line) };
}
