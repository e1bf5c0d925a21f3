// The plan file format: this zod schema is its specification; the editor's JSON Schema is generated from it.
import { z } from 'zod';

/** The version of the plan format that this build reads and writes. */
export const FORMAT_VERSION = 1;

/** A calendar date, written `YYYY-MM-DD`; whether the day exists is checked by `tthc check` (DATE_INVALID). */
export const DayText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .describe('A calendar date, YYYY-MM-DD (Vietnam time, no time of day).');

const Text = z.string().min(1);

/** An agency id: short lower-case ASCII, words joined by '-'. */
export const AgencyId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an ASCII id such as vp or noi-vu')
  .describe('Agency id: lower-case ASCII letters and digits, words joined by "-".');

/** One agency or a list of them, by id. */
const AgencyRefs = z
  .union([AgencyId, z.array(AgencyId)])
  .describe('An agency id or a list of agency ids (see `agencies`).');

/** The lead: one agency or a non-empty list, since every task has an agency that does it. */
const LeadRefs = z
  .union([AgencyId, z.array(AgencyId).min(1)])
  .describe('An agency id or a non-empty list of agency ids (see `agencies`).');

export const Agency = z
  .strictObject({
    name: Text.describe('The name as the plan writes it.'),
    aliases: z.array(Text).optional().describe('Other ways the plan or people write the name.'),
    members: z
      .array(AgencyId)
      .optional()
      .describe('For a collective ("Các cơ quan, đơn vị thuộc huyện", "UBND cấp xã"): the ids of its members.'),
  })
  .describe('An agency the plan names.');

export const ScheduleKind = z.enum([
  'deadline',
  'month',
  'quarter',
  'half-year',
  'year',
  'monthly',
  'quarterly',
  'half-yearly',
  'yearly',
  'continuous',
  'event',
]);

export const Schedule = z
  .strictObject({
    kind: ScheduleKind.optional().describe(
      'What the timeline means when the phrase says it otherwise or not clearly; `tthc check` warns where phrase and schedule disagree.',
    ),
    due: DayText.optional().describe('deadline/month/quarter/half-year/year: the last day on which doing it is on time.'),
    start: DayText.optional().describe('deadline: the day its window opens (default: the plan start).'),
    day: z
      .number()
      .int()
      .min(1)
      .max(31)
      .optional()
      .describe('Recurring tasks: due on day N of the last month of each period (the month end where shorter).'),
    after: z.number().int().min(0).optional().describe('Event tasks: due N days after the trigger.'),
    follows: z
      .string()
      .optional()
      .describe('Event tasks: the id of the task this one follows; it opens when that task is done.'),
  })
  .describe('An explicit schedule for the task, where its timeline phrase needs one.');

/**
 * The occurrence a record completes. A year may be written without quotes (`period: 2023`), as YAML then reads a
 * number: it is read as the text "2023", the year's occurrence, like every other label.
 */
export const PeriodLabel = z
  .union([
    z.string(),
    z
      .number()
      .int()
      .min(1990)
      .max(2100)
      .transform((year) => String(year))
      .describe('A year written without quotes: the year\'s occurrence, as "2023".'),
  ])
  .describe('The occurrence: 2023-03 (month), 2023-Q2, 2023-H1, 2023 (year) or the trigger date.');

export const Record = z
  .strictObject({
    done: DayText.optional().describe('The day the work was done (for a continuous task: an activity).'),
    trigger: DayText.optional().describe('The day the event that opens an event task happened.'),
    period: PeriodLabel.optional(),
    due: DayText.optional().describe(
      'Trigger records: the last on-time day that the triggering document sets (on or after the trigger); it replaces `schedule.after`.',
    ),
    ref: z.string().optional().describe('The document that shows it, by its number and symbol (số, ký hiệu), e.g. 123/BC-UBND.'),
    note: z.string().optional(),
  })
  .describe('A record of progress: exactly one of `done` or `trigger`.');

export const TaskId = z.string().describe('Section numeral and row number, e.g. I.2 or IX.6.');

export const Task = z
  .strictObject({
    id: TaskId,
    content: Text.describe('Nội dung công việc: the work, verbatim.'),
    lead: LeadRefs.describe('Cơ quan thực hiện: the agencies that do it.'),
    support: AgencyRefs.optional().describe('Cơ quan phối hợp: the agencies that help (none where the plan names none).'),
    output: Text.optional().describe('Kết quả công việc: the expected output, verbatim (omitted where the table has none).'),
    when: Text.describe('Thời gian thực hiện: the timeline phrase, verbatim.'),
    schedule: Schedule.optional(),
    extra: z
      .record(z.string().min(1), z.string())
      .optional()
      .describe('Other columns of the table, by their header as written ("Người đứng đầu chịu trách nhiệm"): the cell, verbatim.'),
    records: z.array(Record).optional().describe('What was done, oldest first; `tthc done` and `tthc trigger` add to it.'),
    implements: TaskId.optional().describe('The id of the task of the parent plan (`plan.implements`) that this task carries out, e.g. I.2.'),
  })
  .describe('A task of the appendix.');

export const Section = z
  .strictObject({
    id: z
      .string()
      .describe('The section numeral: I, II, … X; "" for the one section of a table without section rows; in a plan with `parts`, the part\'s id and the numeral (A.I, B.II), or the part\'s id alone for the tasks right under it.'),
    title: Text,
    subsections: z
      .array(z.strictObject({ id: z.string().min(1), title: Text }))
      .optional()
      .describe('Sub-section rows (III.1, III.1.1, a, b …) by id, in order; a task belongs to the one its id starts with (III.1.2).'),
    tasks: z.array(Task),
  })
  .describe('A Roman-numbered section of the appendix.');

export const Basis = z
  .strictObject({
    text: Text.describe('The citation as the plan writes it.'),
    ref: z.string().describe('Its number and symbol (số, ký hiệu), e.g. 45/QĐ-VPCP.'),
    date: DayText,
    issuer: Text.describe('Who issued it, as written.'),
  })
  .describe('A legal basis ("Căn cứ").');

/** A plan over several years, written `2026-2030`: from 1/1 of the first year to 31/12 of the last. */
export const YearsText = z
  .string()
  .regex(/^\d{4}\s*[-–]\s*\d{4}$/, 'years written 2026-2030')
  .describe('Years, first-last: 2026-2030.');

export { yearsOf } from './years.js';

export const Level = z.enum(['central', 'province', 'district', 'commune', 'agency']);

export const Heading = z.strictObject({
  issuer: Text.describe('Who issues the plan, in full: "Ủy ban nhân dân huyện Kon Rẫy".'),
  short: Text.optional().describe('The short name the text uses: "UBND huyện".'),
  level: Level.optional().describe('The issuer\'s level of government (omitted where the document does not say).'),
  kind: Text.optional().describe('The kind of document the table belongs to, as its caption says: Kế hoạch, Quyết định, Chương trình …'),
  number: z
    .string()
    .nullable()
    .optional()
    .describe('The plan\'s own number ("Kế hoạch số …"); null or "" where the document leaves it blank.'),
  symbol: z.string().optional().describe('The symbol after the number: KH-UBND.'),
  date: DayText.nullable().optional().describe('The date of issue; null where the document leaves it blank.'),
  title: Text.optional().describe('The plan\'s title; omitted where the document gives none (the appendix title is then shown).'),
  year: z.number().int().min(1990).max(2100),
  implements: Text.optional().describe(
    'The plan this one carries out (a province\'s or district\'s): its file, relative to this one, or its number and symbol, e.g. 45/KH-UBND (found among the plans beside this one and in plans/). `tthc check` reports the parent\'s tasks for this unit that this plan does not carry.',
  ),
  period: z
    .union([
      z.strictObject({ start: DayText, end: DayText }),
      YearsText,
    ])
    .optional()
    .describe('The plan period: { start, end }, or years such as 2026-2030 (1/1 of the first – 31/12 of the last); the plan year when not given.'),
});

const Paragraph = z.union([
  Text,
  z.strictObject({ text: Text, items: z.array(Text).optional() }).describe('A paragraph with its bullet items.'),
]);

export const Signature = z.strictObject({
  for: z.array(Text).describe('The lines above the name: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.'),
  name: Text,
});

export const Plan = z
  .strictObject({
    format: z.literal(FORMAT_VERSION).describe('The version of the plan format.'),
    plan: Heading,
    bases: z.array(Basis).describe('Căn cứ: the documents the plan rests on.').optional(),
    intro: Text.optional().describe('The sentence that introduces the plan.'),
    purposes: z
      .strictObject({ aims: z.array(Text), requirements: z.array(Text) })
      .optional()
      .describe('I. Mục đích, yêu cầu.'),
    content: z.array(Text).describe('II. Nội dung thực hiện: the numbered items.').optional(),
    content_note: Text.optional(),
    funding: Text.describe('III. Kinh phí thực hiện.').optional(),
    organisation: z.array(Paragraph).describe('IV. Tổ chức thực hiện: the numbered items.').optional(),
    closing: Text.optional(),
    recipients: z.array(Text).describe('Nơi nhận.').optional(),
    signature: Signature.optional(),
    appendix: z.strictObject({ title: Text, caption: Text.optional() }).describe('PHỤ LỤC: its title and caption.').optional(),
    agencies: z.record(AgencyId, Agency).describe('Every agency the tasks name, by id.'),
    parts: z
      .array(z.strictObject({ id: z.string().min(1), title: Text }))
      .optional()
      .describe('Part rows (A, B … or Phần I, II …) that group the sections, in order; each part numbers its sections from I again (A.I, B.I).'),
    sections: z.array(Section).min(1).describe('The appendix\'s sections and their tasks.'),
  })
  .describe('A yearly plan for the control of administrative procedures (kế hoạch kiểm soát TTHC).');

export type PlanFile = z.infer<typeof Plan>;
export type TaskFile = z.infer<typeof Task>;
export type RecordFile = z.infer<typeof Record>;
export type ScheduleFile = z.infer<typeof Schedule>;
export type AgencyFile = z.infer<typeof Agency>;
export type SectionFile = z.infer<typeof Section>;
