// Days as Vietnamese documents write them (10/3/2023), each formatted once per run: a long list repeats a few hundred days.
import { formatDayVi, type Day } from '../schedule/index.js';

const texts = new Map<Day, string>();

/** formatDayVi, remembered: date-fns formats afresh at each call, the larger part of drawing a list of a thousand rows. */
export function dayText(day: Day): string {
  let text = texts.get(day);
  if (text === undefined) {
    text = formatDayVi(day);
    texts.set(day, text);
  }
  return text;
}
