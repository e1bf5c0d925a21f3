// `tthc import`: a plan's appendix table (and, where given, its whole text) copied from Word or PDF → a plan file.
import type { PlanFile, SectionFile, TaskFile } from '../plan/schema.js';
import { AgencyResolver, inferLevel } from './agencies.js';
import { findDistrict } from './dictionary.js';
import { parseDocument, type DocParts } from './document.js';
import { emitPlan, readBack, type KeyComment } from './emit.js';
import { ImportError, type ImportMessage } from './errors.js';
import { findTable, parseTable, COLUMNS, type RawSection } from './table.js';
import { levelOfIssuer, squash, toLines, WORDS_OF_LEVEL, type Level, type LocalLevel } from './text.js';

export { ImportError, type ImportMessage } from './errors.js';
export { splitAgencies, idForName } from './agencies.js';
export { DICTIONARY, DISTRICTS, buildIndex } from './dictionary.js';

export interface ImportOptions {
  /** The plan year; otherwise read from the title, the caption or the timeline column. */
  year?: number;
  /** The input's file name, named in the output's opening comment. */
  file?: string;
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

function planYear(opts: ImportOptions, doc: DocParts, sections: RawSection[], warnings: ImportMessage[], tableLine: number): number {
  const written = doc.years[0];
  if (opts.year !== undefined) {
    if (!Number.isInteger(opts.year) || opts.year < 1990 || opts.year > 2100) {
      throw new ImportError(1, `--year ${opts.year} is not a plan year.`, 'Give the year as four digits, e.g. --year 2026.');
    }
    if (written && written.year !== opts.year) {
      warnings.push({
        line: written.line,
        message: `The text says the plan is for ${written.year}; --year ${opts.year} was used.`,
        hint: 'Leave out --year to take the year from the text.',
      });
    }
    return opts.year;
  }
  // A year no plan can have (1900, 0000, 9999) is refused where it is written, not met later as an internal error.
  const inRange = (y: number, line: number): number => {
    if (y >= 1990 && y <= 2100) return y;
    throw new ImportError(line, `The text gives the plan year as ${String(y).padStart(4, "0")}; a plan year is between 1990 and 2100.`, 'Correct the year in the text, or give the right one with --year, e.g. `tthc import --year 2026 FILE`.');
  };
  if (written) return inRange(written.year, written.line);
  const whens = sections.flatMap((s) => s.tasks.map((t) => t.cells[4]?.text ?? ''));
  const y = mostCommonYear(whens);
  if (y !== undefined) return inRange(y, tableLine);
  throw new ImportError(
    tableLine,
    'The plan year cannot be found (no "năm …" in a title or caption, no dated timeline in the table): give it with --year.',
    'Give it with --year, e.g. `tthc import --year 2026 FILE`.',
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
    throw new ImportError(
      1,
      'No task table found: no header row (TT, Nội dung công việc, …) and no numbered rows with tab-separated cells.',
      'Copy the appendix table itself from Word (select the table, Ctrl+C) so that its cells are separated by tabs.',
    );
  }
  const { sections: rawSections, end: tableEnd } = parseTable(lines, loc);
  if (rawSections.length === 0) {
    throw new ImportError(loc.start + 1, 'The table has no section or task rows.', 'Copy the whole table, its rows included.');
  }
  const doc = parseDocument(lines, loc.start, tableEnd);
  const warnings: ImportMessage[] = [...doc.warnings];
  const comments: KeyComment[] = [];
  const year = planYear(opts, doc, rawSections, warnings, loc.start + 1);

  // The issuer and its level: from the caption or the letterhead, else guessed from the offices the table names.
  const agencyCells = rawSections.flatMap((s) => s.tasks.flatMap((t) => [t.cells[1]!.text, t.cells[2]!.text]));
  let issuer = doc.issuer?.text;
  let level: Level | undefined = issuer ? levelOfIssuer(issuer) : undefined;
  if (!level) {
    // Nothing names a level: since 1 July 2025 there are no districts, so a later plan is most likely a commune's.
    level = inferLevel(agencyCells) ?? (year > 2025 ? 'commune' : 'district');
    if (issuer) {
      warnings.push({
        line: doc.issuer!.line,
        message: `The issuer "${issuer}" names no level (tỉnh, huyện, xã …); level ${level} was guessed from the table.`,
        hint: 'Check plan.level.',
      });
    }
  }
  if (!issuer) {
    issuer = `Ủy ban nhân dân ${WORDS_OF_LEVEL[lookupLevel(level)][0]}`;
    warnings.push({
      line: loc.start + 1,
      message: `The input does not name the issuer; plan.issuer was set to "${issuer}" and plan.level to ${level}, guessed from the offices the table names.`,
      hint: 'Complete plan.issuer with the place ("Ủy ban nhân dân huyện Kon Rẫy"), or import the whole document with its caption.',
    });
    comments.push({ path: ['plan', 'issuer'], comment: 'Not in the input: complete it with the place.' });
  }
  const district = level === 'district' ? findDistrict(issuer) : undefined;
  const resolver = new AgencyResolver(lookupLevel(level), district);

  const sections: SectionFile[] = rawSections.map((raw, si) => {
    if (raw.tasks.length === 0) {
      warnings.push({
        line: raw.line,
        message: `Section ${raw.numeral} has no task rows.`,
        hint: 'Check that its rows were copied; a section without tasks has nothing to schedule.',
      });
    }
    return {
      id: raw.numeral,
      title: cellText(raw.title),
      tasks: raw.tasks.map((row, ti): TaskFile => {
        const id = `${raw.numeral}.${row.n}`;
        const [content, lead, support, output, when] = row.cells.map((c) => cellText(c.text));
        const required: [string | undefined, number][] = [[content, 1], [lead, 2], [output, 4], [when, 5]];
        for (const [value, col] of required) {
          if (!value) {
            throw new ImportError(
              row.cells[col - 1]?.line ?? row.line,
              `Row ${id} has an empty ${COLUMNS[col]} cell.`,
              `Every task needs its ${COLUMNS[col]}; only Cơ quan phối hợp may be empty.`,
            );
          }
        }
        const leadIds = resolver.resolve(row.cells[1]!.text, row.cells[1]!.line);
        const supportIds = support ? resolver.resolve(row.cells[2]!.text, row.cells[2]!.line) : [];
        const task: TaskFile = {
          id,
          content: content!,
          lead: oneOrList(leadIds),
          ...(supportIds.length > 0 ? { support: oneOrList(supportIds) } : {}),
          output: output!,
          when: when!,
        };
        if (supportIds.length === 0) {
          comments.push({
            path: ['sections', si, 'tasks', ti, 'output'],
            comment: 'The source names no supporting agency (Cơ quan phối hợp is empty).',
          });
        }
        return task;
      }),
    };
  });

  const { agencies, unknown, memberless, warnings: agencyWarnings } = resolver.declarations();
  warnings.push(...agencyWarnings);
  for (const id of memberless) {
    comments.push({ path: ['agencies', id], comment: 'Its communes are not in the dictionary: declare them and list their ids under members.' });
  }
  for (const u of unknown) {
    comments.push({ path: ['agencies', u.id], comment: 'Not in the dictionary: check the id, the name and any collective it belongs to.' });
  }

  let title = doc.title?.text;
  if (!title) {
    title = `Kiểm soát thủ tục hành chính năm ${year}`;
    warnings.push({
      line: loc.start + 1,
      message: `The input has no title after "KẾ HOẠCH"; plan.title was set to "${title}".`,
      hint: 'Replace plan.title with the plan\'s own title.',
    });
    comments.push({ path: ['plan', 'title'], comment: 'Not in the input: replace it with the plan\'s title.' });
  }

  const short = issuer.replace(/^(Ủy|Uỷ) ban nhân dân(?=\s)/u, 'UBND');
  const number = doc.number;
  if (number && (number.number === null || number.date === null)) {
    warnings.push({
      line: number.line,
      message: 'The plan\'s own number or date is blank in the source (copied from a draft).',
      hint: 'Fill in plan.number and plan.date once the plan is issued.',
    });
    comments.push({
      path: ['plan', 'number'],
      comment: 'The source leaves the number or the date blank ("Kế hoạch số /KH-UBND ngày …"): fill them in once issued.',
    });
  }
  const heading: PlanFile['plan'] = {
    issuer,
    ...(short !== issuer ? { short } : {}),
    level,
    ...(number ? { number: number.number, ...(number.symbol ? { symbol: number.symbol } : {}), date: number.date } : {}),
    title,
    year,
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
  plan.sections = sections;

  const yaml = emitPlan(plan, comments, opts.file);
  return { plan: readBack(yaml), yaml, warnings: warnings.sort((a, b) => a.line - b.line) };
}
