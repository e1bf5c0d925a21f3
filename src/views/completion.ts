// Which occurrence a completion belongs to: the contract's rule, apart from the command that records it.
import { RefusedError } from '../model/io.js';
import { formatDayVi } from '../schedule/index.js';
import type { TaskState } from './evaluate.js';

/** The occurrence a completion belongs to, by the contract: --period, or the only one not done. */
export function choosePeriod(state: TaskState, period: string | undefined, date: string): string | undefined {
  const task = state.task;
  const occs = state.eval.occurrences;
  const label = (p: string | null) => p ?? '(single)';
  if (state.eval.continuous && occs.length === 0) {
    if (period !== undefined) throw new RefusedError(`Task ${task.id} is continuous ("${task.when}"): it has no periods.`, 'Record the activity without --period.');
    return undefined;
  }
  if (period !== undefined) {
    const occ = occs.find((o) => o.period === period);
    if (!occ) {
      const known = occs.map((o) => o.period).filter((p): p is string => p !== null);
      throw new RefusedError(
        `Task ${task.id} has no period ${period}.`,
        known.length ? `Its periods are: ${known.join(', ')}.` : 'This task has a single occurrence: leave out --period.',
      );
    }
    if (occ.completion !== null || occ.status === 'done' || occ.status === 'late') {
      throw new RefusedError(`Task ${task.id}${occ.period ? ` (${occ.period})` : ''} is already recorded as done on ${formatDayVi(occ.completion ?? date)}.`, 'A second completion of the same occurrence is refused; correct the existing record by hand if it is wrong.');
    }
    return occ.period ?? undefined;
  }
  if (occs.length === 0) {
    if (state.eval.status === 'waiting') {
      throw new RefusedError(
        `Task ${task.id} is still waiting for its trigger ("${task.when}").`,
        state.follows ? `It opens when task ${state.follows} is done; record that first.` : `Record the trigger first: tthc trigger ${task.id} --date DATE --ref SỐ/KÝ-HIỆU.`,
      );
    }
    if (state.eval.status === 'done') throw new RefusedError(`Task ${task.id} is already recorded as done.`, 'A second completion is refused; correct the existing record by hand if it is wrong.');
    return undefined;
  }
  const notDone = occs.filter((o) => o.completion === null && o.status !== 'done' && o.status !== 'late');
  if (notDone.length === 0 && occs.length === 1) {
    throw new RefusedError(`Task ${task.id} is already recorded as done on ${formatDayVi(occs[0]!.completion ?? date)}.`, 'A second completion is refused; correct the existing record by hand if it is wrong.');
  }
  if (notDone.length === 0) throw new RefusedError(`Every occurrence of task ${task.id} is already recorded as done.`, 'A second completion is refused; correct the existing record by hand if it is wrong.');
  if (notDone.length === 1) return notDone[0]!.period ?? undefined;
  // Several open: the contract wants the user to say which; list them with their due days.
  throw new RefusedError(
    `Task ${task.id} has ${notDone.length} occurrences not done; say which one with --period:\n${notDone
      .map((o) => `  ${label(o.period).padEnd(12)} due ${o.due ? formatDayVi(o.due) : '—'}  (${o.status})`)
      .join('\n')}`,
    `For example: tthc done ${task.id} --period ${notDone[0]!.period}`,
  );
}
