// The checks that need the schedule engine: timeline phrases, explicit schedules, follows, due days, records.
import { dayOff, holidaysOf, weekday } from '../schedule/holidays.js';
import { beforeWindow, closingDay, evaluateTask, exactRepeats, formatDayVi, isRecurring, isValidDay, openOn, type Part } from '../schedule/index.js';
import { scheduleOf } from '../views/evaluate.js';
import type { CheckContext } from './context.js';
import { dateHint } from './dates.js';
import { nodeAt } from '../read/locate.js';
import { recordPath, recordPlace, type Path, type Task } from '../model/model.js';
import { parseSymbol } from '../model/symbols.js';

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

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Every dated occurrence of the task that falls due on a weekend or a public holiday, in one finding that lists the
 * days: the month ends a "Hàng tháng" implies are days a clerk must plan for as much as a date written out. The
 * finding points at what set the days, where one thing set them all (`schedule.day`, `schedule.due`,
 * `schedule.kind`, a trigger's `due`), else at the phrase.
 */
export function checkDueDays(ctx: CheckContext, task: Task, parts: Part[]): void {
  const ev = evaluateTask({ parts, period: ctx.plan.period, records: task.records, asOf: '9999-12-31', within: 0 });
  const explicit = task.schedule;
  const byDay = new Map<string, { labels: string[]; off: 'weekend' | 'holiday' }>();
  const wheres: Path[] = [];
  for (const o of ev.all) {
    if (!o.due || !isValidDay(o.due)) continue;
    const off = dayOff(o.due);
    if (!off) continue;
    const part = parts.find((p) => p.kind === o.kind);
    let where: Path = [...task.path, 'when'];
    if (o.kind === 'event') {
      const i = task.records.findIndex((r) => r.trigger === o.period && r.due !== undefined);
      if (i >= 0) where = recordPath(task, i, 'due');
      else if (explicit?.after !== undefined) where = [...task.path, 'schedule', 'after'];
    } else if (part && isRecurring(part) && part.day !== null) where = [...task.path, 'schedule', 'day'];
    else if (explicit?.due !== undefined && explicit.due === o.due) where = [...task.path, 'schedule', 'due'];
    else if (part?.text === '' && explicit?.kind !== undefined) where = [...task.path, 'schedule', 'kind'];
    wheres.push(where);
    const entry = byDay.get(o.due) ?? { labels: [], off };
    if (o.period !== null) entry.labels.push(o.period);
    byDay.set(o.due, entry);
  }
  if (byDay.size === 0) return;
  const same = wheres.every((w) => JSON.stringify(w) === JSON.stringify(wheres[0]));
  const days = [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const list = days
    .map(([day, { labels, off }]) => {
      const what = `${WEEKDAYS[weekday(day)]}${off === 'holiday' ? ', public holiday' : ''}`;
      return `${formatDayVi(day)} (${labels.length ? `${labels.join(', ')}: ` : ''}${what})`;
    })
    .join(', ');
  // A holiday of a year the government has not announced (in tthc's data) is the Labour Code's reckoning: say so.
  const reckoned = [...new Set(days.filter(([d, { off }]) => off === 'holiday' && !holidaysOf(Number(d.slice(0, 4))).announced).map(([d]) => d.slice(0, 4)))];
  const note = reckoned.length ? ` The public holidays of ${reckoned.join(', ')} are reckoned from the Labour Code; the government's announcement of that year is not in tthc's data yet.` : '';
  ctx.add(
    'DUE_NON_WORKING_DAY',
    same ? wheres[0]! : [...task.path, 'when'],
    `Task ${task.id} falls due on ${days.length === 1 ? 'a day off' : `${days.length} days off`}: ${list}.${note}`,
    'tthc keeps the dates as written; agree with the issuer whether the working day before counts.',
  );
}

export function checkRecords(ctx: CheckContext): void {
  const { plan } = ctx;
  const closing = closingDay(plan.period);
  for (const task of plan.tasks) {
    if (!task.records.length) continue;
    const { parts } = scheduleOf(plan, task);
    const isEvent = parts.some((p) => p.kind === 'event');
    // Record i of the model, where it stands in the file: records left out for their shape do not shift the others.
    const rec = (i: number, key?: string): Path => recordPath(task, i, key);
    const ev = evaluateTask({ parts, period: plan.period, records: task.records, asOf: '9999-12-31', within: 0 });
    const repeated = exactRepeats(task.records);
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
      const label = r.done !== undefined ? ev.assigned.get(i) : undefined;
      const occ = label === undefined ? undefined : ev.all.find((o) => o.period === label);
      const range = `${formatDayVi(plan.period.start)} – ${formatDayVi(plan.period.end)}`;
      if (day < plan.period.start) {
        ctx.add('RECORD_OUTSIDE_PLAN', rec(i, key), `Task ${task.id}: the record is dated ${formatDayVi(day)}, before the plan period (${range}).`, 'Check the year; work of another year belongs in that year\'s plan.');
      } else if (day > plan.period.end && (occ === undefined || day > closing)) {
        // Completing an occurrence of the plan may run into the next year; an activity or a trigger belongs to that year.
        ctx.add(
          'RECORD_OUTSIDE_PLAN',
          rec(i, key),
          occ !== undefined
            ? `Task ${task.id}: the completion${label ? ` of ${label}` : ''} is dated ${formatDayVi(day)}, after ${formatDayVi(closing)}, the last day on which work of this plan may be completed.`
            : `Task ${task.id}: the record is dated ${formatDayVi(day)}, after the plan period (${range}).`,
          occ !== undefined
            ? 'Check the year; work of this plan finished so late belongs in the report of the year it was done.'
            : `Check the year; only the completion of an occurrence of this plan may come after it (up to ${formatDayVi(closing)}).`,
        );
      } else if (occ !== undefined && beforeWindow(occ, day)) {
        const open = openOn(ev.all, day).filter((o) => o.period !== null);
        const what = occ.kind === 'event' ? `the occurrence opened on ${formatDayVi(occ.start)}` : (label ?? 'the occurrence');
        ctx.add(
          'RECORD_BEFORE_WINDOW',
          rec(i, 'done'),
          `Task ${task.id}: the completion of ${what} is dated ${formatDayVi(day)}, before ${occ.kind === 'event' ? 'its trigger' : `its window opens on ${formatDayVi(occ.start)}`}${open.length ? `; on that day ${open.map((o) => o.period).join(', ')} ${open.length === 1 ? 'was' : 'were'} open` : ''}.`,
          open.length ? `Give the record the period it completes (\`period: ${open[0]!.period}\`), or correct the date.` : 'Correct the date, or the period the record completes.',
        );
      }
      if (day > ctx.today) {
        // Holds only until that day comes, so that a cached analysis stays true on later days.
        ctx.add('RECORD_FUTURE', rec(i, key), `Task ${task.id}: the record is dated ${formatDayVi(day)}, which is after today.`, 'Record work once it is done; check the date.', day);
      }
      if (r.trigger !== undefined && !isEvent) {
        ctx.add('RECORD_TRIGGER', rec(i, 'trigger'), `Task ${task.id} has no trigger: its timeline "${task.when}" does not wait for an event.`, 'Record the work with `done:` instead.');
      }
      if (r.due !== undefined) {
        if (!isValidDay(r.due)) ctx.add('DATE_INVALID', rec(i, 'due'), `Task ${task.id}: the record's due date ${r.due} does not exist.`, dateHint(r.due));
        else if (r.trigger === undefined) {
          ctx.add('RECORD_DUE', rec(i, 'due'), `Task ${task.id}: a completion has a \`due\`; only a trigger sets a due day.`, 'Remove `due:`; the due day of an occurrence comes from the plan or from its trigger.');
        } else if (isValidDay(r.trigger) && r.due < r.trigger) {
          ctx.add('RECORD_DUE', rec(i, 'due'), `Task ${task.id}: the due day ${formatDayVi(r.due)} is before the trigger ${formatDayVi(r.trigger)}.`, 'The due day is the last on-time day the document sets, on or after the day it came; check both dates.');
        } else if (r.due > closing) {
          // No completion could be recorded after the closing day, so a later due day is a mistyped year.
          ctx.add('RECORD_DUE', rec(i, 'due'), `Task ${task.id}: the due day ${formatDayVi(r.due)} is after ${formatDayVi(closing)}, the last day on which work of this plan may be completed.`, 'Check the year of the due day the document sets.');
        }
      }
      const first = repeated.get(i);
      if (first !== undefined) {
        ctx.add(
          'RECORD_DUPLICATE',
          rec(i, key),
          `Task ${task.id}: record ${recordPlace(task, i) + 1} repeats record ${recordPlace(task, first) + 1} (the same ${key === 'done' ? 'completion' : 'trigger'} day${r.period !== undefined ? ', period' : ''} and document).`,
          key === 'done' && r.period === undefined && ev.continuous
            ? 'Remove one of the two; a second activity on the same day has a document of its own (`ref:`).'
            : 'Remove one of the two.',
        );
      }
      if (r.ref !== undefined) {
        const p = parseSymbol(r.ref);
        if (!p.ok) ctx.add('SYMBOL_MALFORMED', rec(i, 'ref'), `The document symbol "${r.ref}" is malformed: ${p.reason}.`, p.suggestion ? `Did you mean ${p.suggestion}?` : 'Write it as NUMBER/TYPE-ISSUER, e.g. 123/BC-UBND.');
      }
    });
    for (const u of ev.unmatched) {
      // An exact copy of a record is reported as that, once.
      if (repeated.has(u.index)) continue;
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
