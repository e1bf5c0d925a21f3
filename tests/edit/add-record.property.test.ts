// Property test: any sequence of records added to tasks of the shipped plan only ever adds lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRecord } from '../../src/edit/edit.js';
import type { RecordFile } from '../../src/model/schema.js';
import { addedLines, commentLines, fixture, readValue, shippedPlan, withRecord } from './helpers.js';

const plan = shippedPlan();
const ids = (readValue(plan) as { sections: { tasks: { id: string }[] }[] }).sections.flatMap((s) => s.tasks.map((t) => t.id));

// Built from a day number in UTC, so the dates do not depend on the machine's time zone.
const day = fc
  .integer({ min: 0, max: 3 * 365 })
  .map((n) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

// Characters that make YAML quoting decisions, and Vietnamese letters that must stay plain.
const tricky = fc.constantFrom(...'aăâđêôơư ÁÀẢÃẠ Ệ:#-[]{},\'"\\|>&*!%@`?~\t\n'.split(''));
const text = fc.oneof(
  fc.string({ unit: tricky, maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('- gạch đầu dòng', '[x] xong', 'a: b', ' đầu', 'cuối ', '#1', 'yes', 'null', '123', '~', '', '2023-07-28'),
);

const record: fc.Arbitrary<RecordFile> = fc
  .record(
    {
      event: fc.boolean(),
      date: day,
      period: fc.constantFrom('2023-01', '2023-Q2', '2023-H1', '2023', '2023-04-03'),
      ref: fc.oneof(fc.constantFrom('123/BC-UBND', '45/QĐ-VPCP', 'số 7', '- 9'), text),
      note: text,
    },
    { requiredKeys: ['event', 'date'] },
  )
  .map(({ event, date, period, ref, note }) => {
    const r: RecordFile = event ? { trigger: date } : { done: date };
    if (period !== undefined) r.period = period;
    if (ref !== undefined) r.ref = ref;
    if (note !== undefined) r.note = note;
    return r;
  });

const layout = fc.record({ crlf: fc.boolean(), bom: fc.boolean(), finalNewline: fc.boolean() });

describe('addRecord, property', () => {
  it('every result parses, keeps every earlier record and comment, and differs only by added lines', () => {
    fc.assert(
      fc.property(
        layout,
        fc.array(fc.tuple(fc.constantFrom(...ids), record), { minLength: 1, maxLength: 5 }),
        ({ crlf, bom, finalNewline }, steps) => {
          let current = plan;
          if (!finalNewline) current = current.replace(/\n$/, '');
          if (crlf) current = current.replace(/\n/g, '\r\n');
          if (bom) current = '\uFEFF' + current;
          const comments = commentLines(current);
          let expected = readValue(current);
          for (const [id, rec] of steps) {
            const next = addRecord(current, id, rec);
            addedLines(current, next);
            expected = withRecord(expected, id, rec);
            expect(readValue(next)).toEqual(expected);
            expect(commentLines(next)).toEqual(comments);
            expect(next.startsWith('\uFEFF')).toBe(bom);
            expect(next.endsWith('\n')).toBe(finalNewline);
            current = next;
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
  }, 60_000);

  it('holds as well for hand-written layouts (comments, 4-space indents, flush lists)', () => {
    const texts = ['commented.yaml', 'indent4.yaml', 'flush.yaml'].map(fixture);
    const cases = texts.map((t) => ({
      text: t,
      ids: (readValue(t) as { sections: { tasks: { id: string }[] }[] }).sections.flatMap((s) => s.tasks.map((x) => x.id)),
    }));
    fc.assert(
      fc.property(
        fc.nat({ max: cases.length - 1 }).chain((i) =>
          fc.tuple(fc.constant(cases[i]!), layout, fc.array(fc.tuple(fc.constantFrom(...cases[i]!.ids), record), { minLength: 1, maxLength: 6 })),
        ),
        ([{ text: base }, { crlf, bom, finalNewline }, steps]) => {
          let current = finalNewline ? base : base.replace(/\n$/, '');
          if (crlf) current = current.replace(/\n/g, '\r\n');
          if (bom) current = '\uFEFF' + current;
          const comments = commentLines(current);
          let expected = readValue(current);
          for (const [id, rec] of steps) {
            const next = addRecord(current, id, rec);
            addedLines(current, next);
            expected = withRecord(expected, id, rec);
            expect(readValue(next)).toEqual(expected);
            expect(commentLines(next)).toEqual(comments);
            current = next;
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 100) },
    );
  }, 60_000);
});
