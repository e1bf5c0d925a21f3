// The checks that need the schedule engine: timeline phrases, explicit schedules, follows, due days, records.
import { dayOff } from '../schedule/holidays.js';
import { evaluateTask, formatDayVi, isValidDay, type Part } from '../schedule/index.js';
import { scheduleOf } from '../views/evaluate.js';
import type { CheckContext } from './check.js';
import type { Path, Task } from './model.js';
import { parseSymbol } from './symbols.js';

function fieldPath(task: Task, field: string): Path {
  if (field === 'when') return [...task.path, 'when'];
  const [head, sub] = field.split('.');
  return sub ? [...task.path, head!, sub] : [...task.path, head!];
}

export function checkTimelines(ctx: CheckContext): void {
  const { plan } = ctx;
  for (const task of plan.tasks) {
    const { parts, problems } = scheduleOf(plan, task);
    for (const p of problems) {
      ctx.add(
        p.code,
        fieldPath(task, p.field),
        `Task ${task.id}: ${p.message}`,
        p.code === 'WHEN_UNKNOWN'
          ? `Reword it in a known form (${(p.forms ?? []).slice(0, 6).join('; ')} …), or state the schedule: \`schedule: { kind: monthly, day: 20 }\`.`
          : p.code === 'SCHEDULE_MISMATCH'
            ? 'Make the phrase and `schedule` say the same; the explicit schedule is what tthc uses.'
            : undefined,
      );
    }
    for (const k of ['due', 'start'] as const) {
      const v = task.schedule?.[k];
      if (v !== undefined && !isValidDay(v)) ctx.add('DATE_INVALID', [...task.path, 'schedule', k], `Task ${task.id}: the date ${v} does not exist.`, 'Check the day and month (YYYY-MM-DD).');
    }
    const follows = task.schedule?.follows;
    if (follows !== undefined) {
      if (follows === task.id) ctx.add('FOLLOWS_UNKNOWN', [...task.path, 'schedule', 'follows'], `Task ${task.id} follows itself.`, 'Name the task whose completion opens this one.');
      else if (!plan.taskById.has(follows)) {
        ctx.add('FOLLOWS_UNKNOWN', [...task.path, 'schedule', 'follows'], `Task ${task.id} follows task ${follows}, which the plan does not have.`, 'Use the id of a task of this plan, such as V.1.');
      }
    }
    checkDueDays(ctx, task, parts);
  }
  // A chain of follows that comes back to its start never opens.
  for (const task of plan.tasks) {
    const seen = [task.id];
    let cur = task.schedule?.follows;
    while (cur && plan.taskById.has(cur) && cur !== task.id && !seen.includes(cur)) {
      seen.push(cur);
      cur = plan.taskById.get(cur)?.schedule?.follows;
    }
    if (cur === task.id && seen.length > 1 && task.id === [...seen].sort()[0]) {
      ctx.add('FOLLOWS_UNKNOWN', [...task.path, 'schedule', 'follows'], `Tasks follow each other in a loop: ${[...seen, task.id].join(' → ')}.`, 'One of them must start on its own.');
    }
  }
}

/** Due dates the plan writes itself (deadlines, windows, set days) that fall on a weekend or holiday. */
function checkDueDays(ctx: CheckContext, task: Task, parts: Part[]): void {
  const ev = evaluateTask({ parts, period: ctx.plan.period, records: [], asOf: ctx.plan.period.end, within: 0 });
  const explicitDay = parts.some((p) => 'day' in p && p.day !== null);
  for (const o of ev.occurrences) {
    if (!o.due || o.kind === 'event') continue;
    const written = o.kind === 'deadline' || explicitDay || task.schedule?.due !== undefined;
    const window = ['month', 'quarter', 'half-year', 'year'].includes(o.kind);
    if (!written && !window) continue;
    const off = dayOff(o.due);
    if (!off) continue;
    ctx.add(
      'DUE_NON_WORKING_DAY',
      [...task.path, task.schedule?.due || explicitDay ? 'schedule' : 'when'],
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
    const rec = (i: number, key?: string): Path => (key ? [...task.path, 'records', i, key] : [...task.path, 'records', i]);
    task.records.forEach((r, i) => {
      if ((r.done === undefined) === (r.trigger === undefined)) {
        ctx.add('RECORD_SHAPE', rec(i), `Record ${i + 1} of task ${task.id} has ${r.done === undefined ? 'neither `done` nor `trigger`' : 'both `done` and `trigger`'}.`, 'A record is either `done: DATE` (the work was done) or `trigger: DATE` (the event that opens the task happened).');
        return;
      }
      const key = r.done !== undefined ? 'done' : 'trigger';
      const day = (r.done ?? r.trigger)!;
      if (!isValidDay(day)) {
        ctx.add('DATE_INVALID', rec(i, key), `Task ${task.id}: the record's date ${day} does not exist.`, 'Check the day and month (YYYY-MM-DD).');
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
      if (u.reason === 'duplicate') {
        ctx.add('RECORD_DUPLICATE', rec(u.index), `Task ${task.id}: a second completion of ${u.record.period ?? 'the same occurrence'}.`, 'Remove one of the two records, or give this one the period it belongs to.');
      } else if (u.reason === 'unknown-period') {
        ctx.add('RECORD_PERIOD', rec(u.index, 'period'), `Task ${task.id} has no period ${u.record.period}.`, labels.length ? `Its periods are: ${labels.join(', ')}.` : 'Remove `period:`; this task has a single occurrence.');
      } else if (u.reason === 'ambiguous') {
        ctx.add('RECORD_PERIOD', rec(u.index), `Task ${task.id}: the record does not say which period it completes.`, `Add \`period:\` with one of: ${labels.join(', ')}.`);
      } else if (!isEvent && !ev.continuous) {
        ctx.add('RECORD_PERIOD', rec(u.index), `Task ${task.id} has no occurrence this record could complete.`, 'Check the task id and the period.');
      }
    }
  }
}
