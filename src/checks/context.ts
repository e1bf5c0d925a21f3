// What each check of meaning is given, apart from the checks: the plan checker and the timeline checks both use it.
import type { Code, FindingText, Position } from '../model/diagnostics.js';
import type { Path, Plan } from '../model/model.js';
import type { Source } from '../read/locate.js';

export interface CheckContext {
  plan: Plan;
  src: Source;
  /** Today in Vietnam, for findings that depend on the day (records dated in the future). */
  today: string;
  /**
   * Whether the model holds every task and agency of the file. When parts were left out for their shape (already
   * reported), findings about absence (an agency that nothing names) would be false and are not made.
   */
  complete: boolean;
  /** The file's mapping as read: values the model left out for their shape (a basis without its `ref`) are here. */
  data: Record<string, unknown>;
  /** The key in the file of the agency with this id (they differ where the key is malformed: `Tư-pháp:` is tu-phap). */
  agencyKey(id: string): string;
  /** `ifTodayBefore`: the finding holds only until that day (a record dated in the future). */
  add(code: Code, path: Path | Position, message: FindingText, hint?: FindingText, ifTodayBefore?: string): void;
}

/** Further checks (timelines, records) registered by the modules that understand them. */
export type Checker = (ctx: CheckContext) => void;
