// The checks that need the schedule engine: timeline phrases, explicit schedules, follows, due days, records.
import { dayOff, holidaysOf, weekday } from '../schedule/holidays.js';
import { beforeWindow, closingDay, evaluateTask, exactRepeats, formatDayVi, isRecurring, isValidDay, occurrences, openOn, triggerDuesOf, triggersOf, type DayRange, type Occurrence, type Part } from '../schedule/index.js';
import { scheduleOf } from '../views/evaluate.js';
import type { CheckContext } from './context.js';
import { dateHint } from './dates.js';
import { nodeAt } from '../read/locate.js';
import { recordPath, recordPlace, type Path, type Task } from '../model/model.js';
import { parseSymbol } from '../model/symbols.js';
import { fm, type FindingText } from '../messages/findings.js';

function fieldPath(task: Task, field: string): Path {
  if (field === 'when') return [...task.path, 'when'];
  const [head, sub] = field.split('.');
  return sub ? [...task.path, head!, sub] : [...task.path, head!];
}

/** The hint for a problem of the schedule engine, by its code; `absent`: the field it names is not written. */
function schedHint(code: string, field: string, absent: boolean, forms: readonly string[] | undefined): FindingText | undefined {
  switch (code) {
    case 'WHEN_UNKNOWN':
      return fm('tl.unknown.hint', { forms: (forms ?? []).slice(0, 6).join('; ') });
    case 'SCHEDULE_MISMATCH':
      return fm('tl.mismatch.hint');
    case 'SCHEDULE_FIELD':
      return absent ? fm('tl.fieldAbsent.hint') : fm('tl.field.hint', { field: field.replace(/^schedule\./, '') });
    case 'WHEN_OUTSIDE_PERIOD':
      return fm('tl.outside.hint');
    default:
      return undefined;
  }
}

export function checkTimelines(ctx: CheckContext): void {
  for (const task of ctx.plan.tasks) checkTimeline(ctx, task);
  checkFollowLoops(ctx);
}

const DAY_FIELDS = ['due', 'start'] as const;

/** One task's timeline: its phrase and schedule, the task it follows, its due days. */
export function checkTimeline(ctx: CheckContext, task: Task): void {
  const { plan } = ctx;
  const { parts, problems } = scheduleOf(plan, task);
  for (const p of problems) {
    // A phrase with a day no calendar has, beside an explicit schedule that is used instead, is a warning in the
    // schedule engine; WHEN_UNKNOWN is an error "with no explicit schedule", so it is said as the disagreement it is.
    const code = p.code === 'WHEN_UNKNOWN' && p.severity === 'warning' ? 'SCHEDULE_MISMATCH' : p.code;
    // A field the kind needs and the plan lacks (`due` of a month) is pointed at through the kind that needs it.
    const sub = p.field.startsWith('schedule.') ? p.field.slice('schedule.'.length) : undefined;
    const absent = sub !== undefined && task.schedule?.[sub as keyof NonNullable<Task['schedule']>] === undefined;
    const path = absent && task.schedule?.kind !== undefined ? [...task.path, 'schedule', 'kind'] : fieldPath(task, p.field);
    ctx.add(code, path, fm('tl.task', { id: task.id, said: p.message }), schedHint(code, p.field, absent, p.forms));
  }
  for (const k of DAY_FIELDS) {
    const v = task.schedule?.[k];
    if (v !== undefined && !isValidDay(v)) ctx.add('DATE_INVALID', [...task.path, 'schedule', k], fm('tl.dateInvalid', { id: task.id, date: v }), dateHint(v));
  }
  const follows = task.schedule?.follows;
  if (follows !== undefined) {
    if (follows === task.id) ctx.add('FOLLOWS_UNKNOWN', [...task.path, 'schedule', 'follows'], fm('tl.followsSelf', { id: task.id }), fm('tl.followsSelf.hint'));
    else if (!plan.taskById.has(follows)) {
      // Suggest a real id: the task just before this one is the one most often followed.
      const at = plan.tasks.indexOf(task);
      const other = plan.tasks[at - 1] ?? plan.tasks.find((t) => t !== task);
      ctx.add(
        'FOLLOWS_UNKNOWN',
        [...task.path, 'schedule', 'follows'],
        fm('tl.followsUnknown', { id: task.id, follows }),
        other ? fm('tl.followsUnknown.hint', { other: other.id }) : fm('tl.followsNone.hint'),
      );
    }
  }
  checkDueDays(ctx, task, parts);
}

/** Chains of `follows` that come back to where they start. */
export function checkFollowLoops(ctx: CheckContext): void {
  const { plan } = ctx;
  // A chain of follows that comes back to its start never opens. Each task is walked once (a chain of thousands of
  // tasks is linear, not cubic); a loop is reported at its smallest id, walking from there.
  const state = new Map<string, 'path' | 'done'>();
  for (const start of plan.tasks) {
    // A task that follows none (as its id is looked up) ends every chain that reaches it: it is in no loop, the walk
    // from it finds none, and a later walk through it ends there as it would have ended at it marked done.
    if (plan.taskById.get(start.id)?.schedule?.follows === undefined) continue;
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
        ctx.add('FOLLOWS_UNKNOWN', [...task.path, 'schedule', 'follows'], fm('tl.followsLoop', { loop: [...order, first].join(' → ') }), fm('tl.followsLoop.hint'));
      }
    }
    for (const id of path) state.set(id, 'done');
  }
}

/**
 * Every dated occurrence of the task that falls due on a weekend or a public holiday, in one finding that lists the
 * days: the month ends a "Hàng tháng" implies are days a clerk must plan for as much as a date written out. The
 * finding points at what set the days, where one thing set them all (`schedule.day`, `schedule.due`,
 * `schedule.kind`, a trigger's `due`), else at the phrase.
 */
interface OffDay {
  o: Occurrence;
  due: string;
  off: 'weekend' | 'holiday';
}

/**
 * The readings of a phrase without an explicit schedule are one list shared by every task that writes the phrase
 * (parseWhen): their occurrences, without triggers, fall on the same days, worked out once per plan period.
 */
const OFF_DAYS = new WeakMap<readonly Part[], { period: DayRange; offs: OffDay[] }>();

/**
 * The task's occurrences that fall due on a day off. The occurrences alone (what an evaluation of the task as of the
 * end of time lists as `all`): matching the records and working out statuses for every task is not needed.
 */
function offDays(parts: readonly Part[], period: DayRange, task: Task): OffDay[] {
  // A task without records (nearly all of a large plan) shares its timeline's answer: found with nothing made.
  if (task.records.length === 0) {
    const memo = OFF_DAYS.get(parts);
    if (memo && memo.period.start === period.start && memo.period.end === period.end) return memo.offs;
  }
  const triggers = triggersOf(task.records);
  const dues = triggerDuesOf(task.records);
  const shared = triggers.length === 0 && dues.size === 0;
  const memo = shared ? OFF_DAYS.get(parts) : undefined;
  if (memo && memo.period.start === period.start && memo.period.end === period.end) return memo.offs;
  const offs: OffDay[] = [];
  for (const o of occurrences(parts, period, { triggers, dues })) {
    if (!o.due || !isValidDay(o.due)) continue;
    const off = dayOff(o.due);
    if (off) offs.push({ o, due: o.due, off });
  }
  if (shared) OFF_DAYS.set(parts, { period, offs });
  return offs;
}

export function checkDueDays(ctx: CheckContext, task: Task, parts: Part[]): void {
  const offs = offDays(parts, ctx.plan.period, task);
  if (offs.length === 0) return;
  const explicit = task.schedule;
  const byDay = new Map<string, { labels: string[]; off: 'weekend' | 'holiday' }>();
  const wheres: Path[] = [];
  for (const { o, due, off } of offs) {
    const part = parts.find((p) => p.kind === o.kind);
    let where: Path = [...task.path, 'when'];
    if (o.kind === 'event') {
      const i = task.records.findIndex((r) => r.trigger === o.period && r.due !== undefined);
      if (i >= 0) where = recordPath(task, i, 'due');
      else if (explicit?.after !== undefined) where = [...task.path, 'schedule', 'after'];
    } else if (part && isRecurring(part) && part.day !== null) where = [...task.path, 'schedule', 'day'];
    else if (explicit?.due !== undefined && explicit.due === due) where = [...task.path, 'schedule', 'due'];
    else if (part?.text === '' && explicit?.kind !== undefined) where = [...task.path, 'schedule', 'kind'];
    wheres.push(where);
    const entry = byDay.get(due) ?? { labels: [], off };
    if (o.period !== null) entry.labels.push(o.period);
    byDay.set(due, entry);
  }
  if (byDay.size === 0) return;
  const same = wheres.every((w) => JSON.stringify(w) === JSON.stringify(wheres[0]));
  const days = [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const items = days.map(([day, { labels, off }]) => fm('tl.dayOff.day', { day: formatDayVi(day), labels: labels.join(', '), weekday: weekday(day), holiday: off === 'holiday' }));
  const list = items.slice(1).reduce<FindingText>((a, b) => fm('tl.dayOff.and', { a, b }), items[0]!);
  // A holiday of a year the government has not announced (in tthc's data) is the Labour Code's reckoning: say so.
  const reckoned = [...new Set(days.filter(([d, { off }]) => off === 'holiday' && !holidaysOf(Number(d.slice(0, 4))).announced).map(([d]) => d.slice(0, 4)))];

  ctx.add(
    'DUE_NON_WORKING_DAY',
    same ? wheres[0]! : [...task.path, 'when'],
    fm('tl.dayOff', { id: task.id, n: days.length, list, reckoned: reckoned.join(', ') }),
    fm('tl.dayOff.hint'),
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
        ctx.add('RECORD_SHAPE', at, fm('rec.shape', { n: recordPlace(task, i) + 1, id: task.id, both: r.done !== undefined }), fm('rec.shape.hint'));
        return;
      }
      const key = r.done !== undefined ? 'done' : 'trigger';
      const day = (r.done ?? r.trigger)!;
      if (!isValidDay(day)) {
        ctx.add('DATE_INVALID', rec(i, key), fm('rec.dateInvalid', { id: task.id, date: day }), dateHint(day));
        return;
      }
      const label = r.done !== undefined ? ev.assigned.get(i) : undefined;
      const occ = label === undefined ? undefined : ev.all.find((o) => o.period === label);
      const range = `${formatDayVi(plan.period.start)} – ${formatDayVi(plan.period.end)}`;
      if (day < plan.period.start) {
        ctx.add('RECORD_OUTSIDE_PLAN', rec(i, key), fm('rec.beforePlan', { id: task.id, day: formatDayVi(day), range }), fm('rec.beforePlan.hint'));
      } else if (day > plan.period.end && (occ === undefined || day > closing)) {
        // Completing an occurrence of the plan may run into the next year; an activity or a trigger belongs to that year.
        ctx.add(
          'RECORD_OUTSIDE_PLAN',
          rec(i, key),
          occ !== undefined
            ? fm('rec.afterClosing', { id: task.id, label: label ?? '', day: formatDayVi(day), closing: formatDayVi(closing) })
            : fm('rec.afterPlan', { id: task.id, day: formatDayVi(day), range }),
          occ !== undefined ? fm('rec.afterClosing.hint') : fm('rec.afterPlan.hint', { closing: formatDayVi(closing) }),
        );
      } else if (occ !== undefined && beforeWindow(occ, day)) {
        const open = openOn(ev.all, day).filter((o) => o.period !== null);
        const what = occ.kind === 'event' ? fm('rec.occurrenceOpened', { day: formatDayVi(occ.start) }) : (label ?? fm('rec.occurrence'));
        ctx.add(
          'RECORD_BEFORE_WINDOW',
          rec(i, 'done'),
          fm('rec.beforeWindow', {
            id: task.id,
            what,
            day: formatDayVi(day),
            event: occ.kind === 'event',
            opens: formatDayVi(occ.start),
            open: open.map((o) => o.period).join(', '),
            n: open.length,
          }),
          open.length ? fm('rec.beforeWindow.open', { period: String(open[0]!.period) }) : fm('rec.beforeWindow.hint'),
        );
      }
      if (day > ctx.today) {
        // Holds only until that day comes, so that a cached analysis stays true on later days.
        ctx.add('RECORD_FUTURE', rec(i, key), fm('rec.future', { id: task.id, day: formatDayVi(day) }), fm('rec.future.hint'), day);
      }
      if (r.trigger !== undefined && !isEvent) {
        ctx.add('RECORD_TRIGGER', rec(i, 'trigger'), fm('rec.noTrigger', { id: task.id, when: task.when }), fm('rec.noTrigger.hint'));
      }
      if (r.due !== undefined) {
        if (!isValidDay(r.due)) ctx.add('DATE_INVALID', rec(i, 'due'), fm('rec.dueInvalid', { id: task.id, date: r.due }), dateHint(r.due));
        else if (r.trigger === undefined) {
          ctx.add('RECORD_DUE', rec(i, 'due'), fm('rec.dueOnDone', { id: task.id }), fm('rec.dueOnDone.hint'));
        } else if (isValidDay(r.trigger) && r.due < r.trigger) {
          ctx.add('RECORD_DUE', rec(i, 'due'), fm('rec.dueBefore', { id: task.id, due: formatDayVi(r.due), trigger: formatDayVi(r.trigger) }), fm('rec.dueBefore.hint'));
        } else if (r.due > closing) {
          // No completion could be recorded after the closing day, so a later due day is a mistyped year.
          ctx.add('RECORD_DUE', rec(i, 'due'), fm('rec.dueAfter', { id: task.id, due: formatDayVi(r.due), closing: formatDayVi(closing) }), fm('rec.dueAfter.hint'));
        }
      }
      const first = repeated.get(i);
      if (first !== undefined) {
        ctx.add(
          'RECORD_DUPLICATE',
          rec(i, key),
          fm('rec.repeats', { id: task.id, n: recordPlace(task, i) + 1, first: recordPlace(task, first) + 1, done: key === 'done', period: r.period !== undefined }),
          key === 'done' && r.period === undefined && ev.continuous ? fm('rec.repeats.activity') : fm('rec.repeats.hint'),
        );
      }
      if (r.ref !== undefined) {
        const p = parseSymbol(r.ref);
        if (!p.ok) ctx.add('SYMBOL_MALFORMED', rec(i, 'ref'), fm('rec.symbol', { ref: r.ref, reason: p.said }), p.suggestion ? fm('symbol.near', { suggestion: p.suggestion }) : fm('rec.symbol.hint'));
      }
    });
    for (const u of ev.unmatched) {
      // An exact copy of a record is reported as that, once.
      if (repeated.has(u.index)) continue;
      const labels = ev.occurrences.map((o) => o.period).filter((x): x is string => x !== null);
      // The value at fault: the period the record names, or else the day of the completion that fits nowhere.
      const value = rec(u.index, u.record.period !== undefined ? 'period' : 'done');
      if (u.reason === 'duplicate') {
        ctx.add('RECORD_DUPLICATE', value, fm('rec.second', { id: task.id, period: u.record.period ?? '' }), fm('rec.second.hint'));
      } else if (u.reason === 'unknown-period') {
        ctx.add('RECORD_PERIOD', rec(u.index, 'period'), fm('rec.noPeriod', { id: task.id, period: String(u.record.period) }), labels.length ? fm('rec.noPeriod.periods', { periods: labels.join(', ') }) : fm('rec.noPeriod.single'));
      } else if (u.reason === 'ambiguous') {
        ctx.add('RECORD_PERIOD', rec(u.index, 'done'), fm('rec.whichPeriod', { id: task.id }), fm('rec.whichPeriod.hint', { periods: labels.join(', ') }));
      } else if (!isEvent && !ev.continuous) {
        ctx.add('RECORD_PERIOD', value, fm('rec.nothing', { id: task.id }), fm('rec.nothing.hint'));
      }
    }
  }
}
