// The checks that need the schedule engine: timeline phrases, explicit schedules, follows, due days, records.
import { dayOff } from '../schedule/holidays.js';
import { evaluateTask, formatDayVi, isRecurring, isValidDay, type Part } from '../schedule/index.js';
import { scheduleOf } from '../views/evaluate.js';
import type { CheckContext } from './check.js';
import { dateHint } from './dates.js';
import { nodeAt } from './load.js';
import { recordPath, recordPlace, type Path, type Task } from './model.js';
import { parseSymbol } from './symbols.js';

function fieldPath(task: Task, field: string): Path {
  if (field === 'when') return [...task.path, 'when'];
  const [head, sub] = field.split('.');
  return sub ? [...task.path, head!, sub] : [...task.path, head!];
}

/** The hint for a problem of the schedule engine, by its code; `absent`: the field it names is not written. */
function schedHint(code: string, field: string, absent: boolean, forms: readonly string[] | undefined): string | undefined {
  switch (code) {
    case 'WHEN_UNKNOWN':
      return `Reword it in a known form (${(forms ?? []).slice(0, 6).join('; ')} …), or state the schedule: \`schedule: { kind: monthly, day: 20 }\`.`;
    case 'SCHEDULE_MISMATCH':
      return 'Make the phrase and `schedule` say the same; the explicit schedule is what tthc uses.';
    case 'SCHEDULE_FIELD':
      return absent
        ? 'Add `due:` (YYYY-MM-DD) to `schedule`, or a timeline phrase that names the period.'
        : `Remove \`${field.replace(/^schedule\./, '')}\` from \`schedule\`, or set \`schedule.kind\` to what the task is.`;
    case 'WHEN_OUTSIDE_PERIOD':
      return 'Check the year; a date of another year is often copied from last year\'s plan.';
    default:
      return undefined;
  }
}

export function checkTimelines(ctx: CheckContext): void {
  const { plan } = ctx;
  for (const task of plan.tasks) {
    const { parts, problems } = scheduleOf(plan, task);
    for (const p of problems) {
      // A phrase with a day no calendar has, beside an explicit schedule that is used instead, is a warning in the
      // schedule engine; WHEN_UNKNOWN is an error "with no explicit schedule", so it is said as the disagreement it is.
      const code = p.code === 'WHEN_UNKNOWN' && p.severity === 'warning' ? 'SCHEDULE_MISMATCH' : p.code;
      // A field the kind needs and the plan lacks (`due` of a month) is pointed at through the kind that needs it.
      const sub = p.field.startsWith('schedule.') ? p.field.slice('schedule.'.length) : undefined;
      const absent = sub !== undefined && task.schedule?.[sub as keyof NonNullable<Task['schedule']>] === undefined;
      const path = absent && task.schedule?.kind !== undefined ? [...task.path, 'schedule', 'kind'] : fieldPath(task, p.field);
      ctx.add(code, path, `Task ${task.id}: ${p.message}`, schedHint(code, p.field, absent, p.forms));
    }
    for (const k of ['due', 'start'] as const) {
      const v = task.schedule?.[k];
      if (v !== undefined && !isValidDay(v)) ctx.add('DATE_INVALID', [...task.path, 'schedule', k], `Task ${task.id}: the date ${v} does not exist.`, dateHint(v));
    }
    const follows = task.schedule?.follows;
    if (follows !== undefined) {
      if (follows === task.id) ctx.add('FOLLOWS_UNKNOWN', [...task.path, 'schedule', 'follows'], `Task ${task.id} follows itself.`, 'Name the task whose completion opens this one.');
      else if (!plan.taskById.has(follows)) {
        // Suggest a real id: the task just before this one is the one most often followed.
        const at = plan.tasks.indexOf(task);
        const other = plan.tasks[at - 1] ?? plan.tasks.find((t) => t !== task);
        ctx.add(
          'FOLLOWS_UNKNOWN',
          [...task.path, 'schedule', 'follows'],
          `Task ${task.id} follows task ${follows}, which the plan does not have.`,
          other ? `Use the id of a task of this plan, such as ${other.id}.` : 'Remove `follows`; the plan has no other task.',
        );
      }
    }
    checkDueDays(ctx, task, parts);
  }
  // A chain of follows that comes back to its start never opens. Each task is walked once (a chain of thousands of
  // tasks is linear, not cubic); a loop is reported at its smallest id, walking from there.
  const state = new Map<string, 'path' | 'done'>();
  for (const start of plan.tasks) {
    const path: string[] = [];
    let cur: string | undefined = start.id;
    while (cur !== undefined && plan.taskById.has(cur) && !state.has(cur)) {
      state.set(cur, 'path');
      path.push(cur);
      cur = plan.taskById.get(cur)?.schedule?.follows;
    }
    if (cur !== undefined && state.get(cur) === 'path') {
      const loop = path.slice(path.indexOf(cur));
      if (loop.length > 1) {
        const first = [...loop].sort()[0]!;
        const at = loop.indexOf(first);
        const order = [...loop.slice(at), ...loop.slice(0, at)];
        const task = plan.taskById.get(first)!;
        ctx.add('FOLLOWS_UNKNOWN', [...task.path, 'schedule', 'follows'], `Tasks follow each other in a loop: ${[...order, first].join(' → ')}.`, 'One of them must start on its own.');
      }
    }
    for (const id of path) state.set(id, 'done');
  }
}

/**
 * Due dates the plan writes itself (deadlines, windows, set days) that fall on a weekend or holiday. A recurring
 * occurrence counts only where the plan sets its day: the end of a month or quarter is not a day anyone wrote.
 * The finding points at what set the day: `schedule.due`, `schedule.day`, `schedule.kind`, or the phrase.
 */
function checkDueDays(ctx: CheckContext, task: Task, parts: Part[]): void {
  const ev = evaluateTask({ parts, period: ctx.plan.period, records: [], asOf: ctx.plan.period.end, within: 0 });
  const explicit = task.schedule;
  for (const o of ev.occurrences) {
    if (!o.due || o.kind === 'event') continue;
    const part = parts.find((p) => p.kind === o.kind);
    if (!part) continue;
    if (isRecurring(part) && part.day === null) continue;
    const off = dayOff(o.due);
    if (!off) continue;
    let where: Path;
    if (isRecurring(part)) where = [...task.path, 'schedule', 'day'];
    else if (explicit?.due !== undefined && explicit.due === o.due) where = [...task.path, 'schedule', 'due'];
    else if (part.text === '' && explicit?.kind !== undefined) where = [...task.path, 'schedule', 'kind'];
    else where = [...task.path, 'when'];
    ctx.add(
      'DUE_NON_WORKING_DAY',
      where,
      `Task ${task.id}${o.period ? ` (${o.period})` : ''} is due on ${formatDayVi(o.due)}, a ${off === 'holiday' ? 'public holiday' : off === 'weekend' ? 'weekend day' : off}.`,
      'tthc keeps the date as written; agree with the issuer whether the working day before counts.',
    );
  }
}

export function checkRecords(ctx: CheckContext): void {
  const { plan } = ctx;
  for (const task of plan.tasks) {
    if (!task.records.length) continue;
    const { parts } = scheduleOf(plan, task);
    const isEvent = parts.some((p) => p.kind === 'event');
    // Record i of the model, where it stands in the file: records left out for their shape do not shift the others.
    const rec = (i: number, key?: string): Path => recordPath(task, i, key);
    task.records.forEach((r, i) => {
      if ((r.done === undefined) === (r.trigger === undefined)) {
        // With both, the one written second is where the record goes wrong; with neither, the record itself.
        const offset = (k: string): number => nodeAt(ctx.src.doc, rec(i, k))?.range?.[0] ?? 0;
        const at = r.done === undefined ? rec(i) : rec(i, offset('trigger') > offset('done') ? 'trigger' : 'done');
        ctx.add('RECORD_SHAPE', at, `Record ${recordPlace(task, i) + 1} of task ${task.id} has ${r.done === undefined ? 'neither `done` nor `trigger`' : 'both `done` and `trigger`'}.`, 'A record is either `done: DATE` (the work was done) or `trigger: DATE` (the event that opens the task happened).');
        return;
      }
      const key = r.done !== undefined ? 'done' : 'trigger';
      const day = (r.done ?? r.trigger)!;
      if (!isValidDay(day)) {
        ctx.add('DATE_INVALID', rec(i, key), `Task ${task.id}: the record's date ${day} does not exist.`, dateHint(day));
        return;
      }
      if (day < plan.period.start || day > plan.period.end) {
        ctx.add('RECORD_OUTSIDE_PLAN', rec(i, key), `Task ${task.id}: the record is dated ${formatDayVi(day)}, outside the plan period (${formatDayVi(plan.period.start)} – ${formatDayVi(plan.period.end)}).`, 'Check the year; work of another year belongs in that year\'s plan.');
      }
      if (day > ctx.today) {
        // Holds only until that day comes, so that a cached analysis stays true on later days.
        ctx.add('RECORD_FUTURE', rec(i, key), `Task ${task.id}: the record is dated ${formatDayVi(day)}, which is after today.`, 'Record work once it is done; check the date.', day);
      }
      if (r.trigger !== undefined && !isEvent) {
        ctx.add('RECORD_TRIGGER', rec(i, 'trigger'), `Task ${task.id} has no trigger: its timeline "${task.when}" does not wait for an event.`, 'Record the work with `done:` instead.');
      }
      if (r.ref !== undefined) {
        const p = parseSymbol(r.ref);
        if (!p.ok) ctx.add('SYMBOL_MALFORMED', rec(i, 'ref'), `The document symbol "${r.ref}" is malformed: ${p.reason}.`, p.suggestion ? `Did you mean ${p.suggestion}?` : 'Write it as NUMBER/TYPE-ISSUER, e.g. 123/BC-UBND.');
      }
    });
    const ev = evaluateTask({ parts, period: plan.period, records: task.records, asOf: '9999-12-31', within: 0 });
    for (const u of ev.unmatched) {
      const labels = ev.occurrences.map((o) => o.period).filter((x): x is string => x !== null);
      // The value at fault: the period the record names, or else the day of the completion that fits nowhere.
      const value = rec(u.index, u.record.period !== undefined ? 'period' : 'done');
      if (u.reason === 'duplicate') {
        ctx.add('RECORD_DUPLICATE', value, `Task ${task.id}: a second completion of ${u.record.period ?? 'the same occurrence'}.`, 'Remove one of the two records, or give this one the period it belongs to.');
      } else if (u.reason === 'unknown-period') {
        ctx.add('RECORD_PERIOD', rec(u.index, 'period'), `Task ${task.id} has no period ${u.record.period}.`, labels.length ? `Its periods are: ${labels.join(', ')}.` : 'Remove `period:`; this task has a single occurrence.');
      } else if (u.reason === 'ambiguous') {
        ctx.add('RECORD_PERIOD', rec(u.index, 'done'), `Task ${task.id}: the record does not say which period it completes.`, `Add \`period:\` with one of: ${labels.join(', ')}.`);
      } else if (!isEvent && !ev.continuous) {
        ctx.add('RECORD_PERIOD', value, `Task ${task.id} has no occurrence this record could complete.`, 'Check the task id and the period.');
      }
    }
  }
}
