// The model an analysis was made from, handed to the commands with it: a cold read builds the plan's model once.
import type { PlanFile } from '../model/schema.js';
import type { Plan } from '../model/model.js';
import type { Analysis } from './analyze.js';

/**
 * The model the analysis was made from, kept on the analysis under a registered symbol (the CLI and its lazily loaded
 * half each have their own copy of this module) and not enumerable: never written to a cache entry, not copied by a
 * spread, so an analysis made from another one builds its own. modelOf takes it when it is the model of this very
 * `raw` under this name, instead of building a second one of the same plan.
 */
export const MODEL = Symbol.for('tthc.analysisModel');

export interface MadeFrom {
  raw: PlanFile;
  file: string;
  plan: Plan;
}

/**
 * The model an analysis was made from (see MODEL), if it is still the model of its `raw`, named `file`; handed out
 * once, so that a second caller, which may change what it gets, gets a model of its own as before.
 */
export function madeFrom(a: Analysis, file: string): Plan | undefined {
  const m = (a as { [MODEL]?: MadeFrom })[MODEL];
  if (!m || m.raw !== a.raw || m.file !== file) return undefined;
  delete (a as { [MODEL]?: MadeFrom })[MODEL];
  return m.plan;
}

/** Keeps `plan`, the model `a` was made from, on the analysis for madeFrom. */
export function keepModel(a: Analysis, file: string, plan: Plan): void {
  const made: MadeFrom = { raw: plan.raw, file, plan };
  Object.defineProperty(a, MODEL, { value: made, configurable: true });
}
