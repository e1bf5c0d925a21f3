// Which occurrence a completion belongs to: the contract's rule, apart from the command that records it.
import { RefusedError } from '../model/io.js';
import { msg, say, type Lang } from '../messages/index.js';
import { formatDayVi } from '../schedule/index.js';
import type { TaskState } from './evaluate.js';

/** The occurrence a completion belongs to, by the contract: --period, or the only one not done. */
export function choosePeriod(state: TaskState, period: string | undefined, date: string, lang: Lang): string | undefined {
  const task = state.task;
  const occs = state.eval.occurrences;
  const label = (p: string | null) => p ?? say(lang, 'rec.which.single');
  if (state.eval.continuous && occs.length === 0) {
    if (period !== undefined) throw new RefusedError(msg('rec.continuousPeriod', { id: task.id, when: task.when }), msg('rec.continuousPeriod.hint'));
    return undefined;
  }
  if (period !== undefined) {
    const occ = occs.find((o) => o.period === period);
    if (!occ) {
      const known = occs.map((o) => o.period).filter((p): p is string => p !== null);
      throw new RefusedError(msg('rec.noPeriod', { id: task.id, period }), known.length ? msg('rec.noPeriod.known', { known: known.join(', ') }) : msg('rec.noPeriod.single'));
    }
    if (occ.completion !== null || occ.status === 'done' || occ.status === 'late') {
      throw new RefusedError(msg('rec.alreadyOn', { id: task.id, period: occ.period ?? '', day: formatDayVi(occ.completion ?? date) }), msg('rec.alreadyOcc.hint'));
    }
    return occ.period ?? undefined;
  }
  if (occs.length === 0) {
    if (state.eval.status === 'waiting') {
      throw new RefusedError(
        msg('rec.waiting', { id: task.id, when: task.when }),
        state.follows ? msg('rec.waiting.follows', { follows: state.follows }) : msg('rec.waiting.hint', { id: task.id }),
      );
    }
    if (state.eval.status === 'done') throw new RefusedError(msg('rec.already', { id: task.id }), msg('rec.already.hint'));
    return undefined;
  }
  const notDone = occs.filter((o) => o.completion === null && o.status !== 'done' && o.status !== 'late');
  if (notDone.length === 0 && occs.length === 1) {
    throw new RefusedError(msg('rec.alreadyOn', { id: task.id, period: '', day: formatDayVi(occs[0]!.completion ?? date) }), msg('rec.already.hint'));
  }
  if (notDone.length === 0) throw new RefusedError(msg('rec.allDone', { id: task.id }), msg('rec.already.hint'));
  if (notDone.length === 1) return notDone[0]!.period ?? undefined;
  // Several open: the contract wants the user to say which; list them with their due days.
  const list = notDone.map((o) => say(lang, 'rec.which.line', { period: label(o.period), due: o.due ? formatDayVi(o.due) : '—', status: o.status })).join('\n');
  throw new RefusedError(msg('rec.which', { id: task.id, n: notDone.length, list }), msg('rec.which.hint', { id: task.id, period: String(notDone[0]!.period) }));
}
