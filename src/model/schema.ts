// The plan file format: this zod schema is its specification; the editor's JSON Schema is generated from it.
// Written with zod's functional API (zod/mini): the bundle then holds only the parts of zod the plan uses, and a
// command that must read a changed plan does not first set up the whole library.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini sets no language for the messages of its issues; the few a finding quotes (a number out of range) are
// zod's English ones, as they were with the classic API.
z.config(en());

/** A copy of `schema` that the JSON Schema describes with `description` (what the classic API's `.describe` does). */
function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, { description });
  return copy;
}

/** A whole number from `min` to `max`. */
const whole = (min: number, max?: number) => z.number().check(z.int(), z.gte(min), ...(max === undefined ? [] : [z.lte(max)]));

/** The version of the plan format that this build reads and writes. */
export const FORMAT_VERSION = 1;

/** A calendar date, written `YYYY-MM-DD`; whether the day exists is checked by `tthc check` (DATE_INVALID). */
export const DayText = described(
  z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')),
  'A calendar date, YYYY-MM-DD (Vietnam time, no time of day).',
);

const Text = z.string().check(z.minLength(1));

/** An agency id: short lower-case ASCII, words joined by '-'. */
export const AgencyId = described(
  z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an ASCII id such as vp or noi-vu')),
  'Agency id: lower-case ASCII letters and digits, words joined by "-".',
);

/** One agency or a list of them, by id. */
const AgencyRefs = described(z.union([AgencyId, z.array(AgencyId)]), 'An agency id or a list of agency ids (see `agencies`).');

/** The lead: one agency or a non-empty list, since every task has an agency that does it. */
const LeadRefs = described(
  z.union([AgencyId, z.array(AgencyId).check(z.minLength(1))]),
  'An agency id or a non-empty list of agency ids (see `agencies`).',
);

export const Agency = described(
  z.strictObject({
    name: described(Text, 'The name as the plan writes it.'),
    aliases: described(z.optional(z.array(Text)), 'Other ways the plan or people write the name.'),
    members: described(
      z.optional(z.array(AgencyId)),
      'For a collective ("Các cơ quan, đơn vị thuộc huyện", "UBND cấp xã"): the ids of its members.',
    ),
  }),
  'An agency the plan names.',
);

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

export const Schedule = described(
  z.strictObject({
    kind: described(
      z.optional(ScheduleKind),
      'What the timeline means when the phrase says it otherwise or not clearly; `tthc check` warns where phrase and schedule disagree.',
    ),
    due: described(z.optional(DayText), 'deadline/month/quarter/half-year/year: the last day on which doing it is on time.'),
    start: described(z.optional(DayText), 'deadline: the day its window opens (default: the plan start).'),
    day: described(
      z.optional(whole(1, 31)),
      'Recurring tasks: due on day N of the last month of each period (the month end where shorter).',
    ),
    after: described(z.optional(whole(0)), 'Event tasks: due N days after the trigger.'),
    follows: described(
      z.optional(z.string()),
      'Event tasks: the id of the task this one follows; it opens when that task is done.',
    ),
  }),
  'An explicit schedule for the task, where its timeline phrase needs one.',
);

/**
 * The occurrence a record completes. A year may be written without quotes (`period: 2023`), as YAML then reads a
 * number: it is read as the text "2023", the year's occurrence, like every other label.
 */
export const PeriodLabel = described(
  z.union([
    z.string(),
    described(
      z.pipe(
        whole(1990, 2100),
        z.transform((year: number) => String(year)),
      ),
      'A year written without quotes: the year\'s occurrence, as "2023".',
    ),
  ]),
  'The occurrence: 2023-03 (month), 2023-Q2, 2023-H1, 2023 (year) or the trigger date.',
);

export const Record = described(
  z.strictObject({
    done: described(z.optional(DayText), 'The day the work was done (for a continuous task: an activity).'),
    trigger: described(z.optional(DayText), 'The day the event that opens an event task happened.'),
    period: z.optional(PeriodLabel),
    due: described(
      z.optional(DayText),
      'Trigger records: the last on-time day that the triggering document sets (on or after the trigger); it replaces `schedule.after`.',
    ),
    ref: described(z.optional(z.string()), 'The document that shows it, by its number and symbol (số, ký hiệu), e.g. 123/BC-UBND.'),
    note: z.optional(z.string()),
  }),
  'A record of progress: exactly one of `done` or `trigger`.',
);

export const TaskId = described(z.string(), 'Section numeral and row number, e.g. I.2 or IX.6.');

export const Task = described(
  z.strictObject({
    id: TaskId,
    content: described(Text, 'Nội dung công việc: the work, verbatim.'),
    lead: described(LeadRefs, 'Cơ quan thực hiện: the agencies that do it.'),
    support: described(z.optional(AgencyRefs), 'Cơ quan phối hợp: the agencies that help (none where the plan names none).'),
    output: described(z.optional(Text), 'Kết quả công việc: the expected output, verbatim (omitted where the table has none).'),
    when: described(Text, 'Thời gian thực hiện: the timeline phrase, verbatim.'),
    schedule: z.optional(Schedule),
    extra: described(
      z.optional(z.record(z.string().check(z.minLength(1)), z.string())),
      'Other columns of the table, by their header as written ("Người đứng đầu chịu trách nhiệm"): the cell, verbatim.',
    ),
    records: described(z.optional(z.array(Record)), 'What was done, oldest first; `tthc done` and `tthc trigger` add to it.'),
    implements: described(z.optional(TaskId), 'The id of the task of the parent plan (`plan.implements`) that this task carries out, e.g. I.2.'),
  }),
  'A task of the appendix.',
);

export const Section = described(
  z.strictObject({
    id: described(
      z.string(),
      'The section numeral: I, II, … X; "" for the one section of a table without section rows; in a plan with `parts`, the part\'s id and the numeral (A.I, B.II), or the part\'s id alone for the tasks right under it.',
    ),
    title: Text,
    subsections: described(
      z.optional(z.array(z.strictObject({ id: z.string().check(z.minLength(1)), title: Text }))),
      'Sub-section rows (III.1, III.1.1, a, b …) by id, in order; a task belongs to the one its id starts with (III.1.2).',
    ),
    tasks: z.array(Task),
  }),
  'A Roman-numbered section of the appendix.',
);

export const Basis = described(
  z.strictObject({
    text: described(Text, 'The citation as the plan writes it.'),
    ref: described(z.string(), 'Its number and symbol (số, ký hiệu), e.g. 45/QĐ-VPCP.'),
    date: DayText,
    issuer: described(Text, 'Who issued it, as written.'),
  }),
  'A legal basis ("Căn cứ").',
);

/** A plan over several years, written `2026-2030`: from 1/1 of the first year to 31/12 of the last. */
export const YearsText = described(
  z.string().check(z.regex(/^\d{4}\s*[-–]\s*\d{4}$/, 'years written 2026-2030')),
  'Years, first-last: 2026-2030.',
);

export { yearsOf } from './years.js';

export const Level = z.enum(['central', 'province', 'district', 'commune', 'agency']);

export const Heading = z.strictObject({
  issuer: described(Text, 'Who issues the plan, in full: "Ủy ban nhân dân huyện Kon Rẫy".'),
  short: described(z.optional(Text), 'The short name the text uses: "UBND huyện".'),
  level: described(z.optional(Level), 'The issuer\'s level of government (omitted where the document does not say).'),
  kind: described(z.optional(Text), 'The kind of document the table belongs to, as its caption says: Kế hoạch, Quyết định, Chương trình …'),
  number: described(
    z.optional(z.nullable(z.string())),
    'The plan\'s own number ("Kế hoạch số …"); null or "" where the document leaves it blank.',
  ),
  symbol: described(z.optional(z.string()), 'The symbol after the number: KH-UBND.'),
  date: described(z.optional(z.nullable(DayText)), 'The date of issue; null where the document leaves it blank.'),
  title: described(z.optional(Text), 'The plan\'s title; omitted where the document gives none (the appendix title is then shown).'),
  year: whole(1990, 2100),
  implements: described(
    z.optional(Text),
    'The plan this one carries out (a province\'s or district\'s): its file, relative to this one, or its number and symbol, e.g. 45/KH-UBND (found among the plans beside this one and in plans/). `tthc check` reports the parent\'s tasks for this unit that this plan does not carry.',
  ),
  period: described(
    z.optional(z.union([z.strictObject({ start: DayText, end: DayText }), YearsText])),
    'The plan period: { start, end }, or years such as 2026-2030 (1/1 of the first – 31/12 of the last); the plan year when not given.',
  ),
});

const Paragraph = z.union([
  Text,
  described(z.strictObject({ text: Text, items: z.optional(z.array(Text)) }), 'A paragraph with its bullet items.'),
]);

export const Signature = z.strictObject({
  for: described(z.array(Text), 'The lines above the name: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.'),
  name: Text,
});

export const Plan = described(
  z.strictObject({
    format: described(z.literal(FORMAT_VERSION), 'The version of the plan format.'),
    plan: Heading,
    bases: z.optional(described(z.array(Basis), 'Căn cứ: the documents the plan rests on.')),
    intro: described(z.optional(Text), 'The sentence that introduces the plan.'),
    purposes: described(z.optional(z.strictObject({ aims: z.array(Text), requirements: z.array(Text) })), 'I. Mục đích, yêu cầu.'),
    content: z.optional(described(z.array(Text), 'II. Nội dung thực hiện: the numbered items.')),
    content_note: z.optional(Text),
    funding: z.optional(described(Text, 'III. Kinh phí thực hiện.')),
    organisation: z.optional(described(z.array(Paragraph), 'IV. Tổ chức thực hiện: the numbered items.')),
    closing: z.optional(Text),
    recipients: z.optional(described(z.array(Text), 'Nơi nhận.')),
    signature: z.optional(Signature),
    appendix: z.optional(described(z.strictObject({ title: Text, caption: z.optional(Text) }), 'PHỤ LỤC: its title and caption.')),
    agencies: described(z.record(AgencyId, Agency), 'Every agency the tasks name, by id.'),
    parts: described(
      z.optional(z.array(z.strictObject({ id: z.string().check(z.minLength(1)), title: Text }))),
      'Part rows (A, B … or Phần I, II …) that group the sections, in order; each part numbers its sections from I again (A.I, B.I).',
    ),
    sections: described(z.array(Section).check(z.minLength(1)), 'The appendix\'s sections and their tasks.'),
  }),
  'A yearly plan for the control of administrative procedures (kế hoạch kiểm soát TTHC).',
);

/** The same mapping with keys it does not know left out rather than refused: what can be kept of a malformed part. */
export function stripped<T extends z.ZodMiniObject>(schema: T): T {
  return schema.clone(z.util.mergeDefs(schema._zod.def, { catchall: undefined }));
}

export type PlanFile = z.infer<typeof Plan>;
export type TaskFile = z.infer<typeof Task>;
export type RecordFile = z.infer<typeof Record>;
export type ScheduleFile = z.infer<typeof Schedule>;
export type AgencyFile = z.infer<typeof Agency>;
export type SectionFile = z.infer<typeof Section>;
