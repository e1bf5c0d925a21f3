// Everything that needs the YAML reader or zod, behind one door: the bundle loads it only when a command needs it.
export { analyze, type Analysis } from '../checks/analyze.js';
export { loadBytes, isPlanBytes } from '../read/load.js';
export { checkLoaded } from '../checks/check.js';
export { addRecord, addRecordToTask, newListStyle, EditError } from '../edit/edit.js';
export { analysisAfterRecord } from '../checks/recheck.js';
export { reanalyze } from '../checks/reanalyze.js';
export { updateFile, replaceIfUnchanged, writeSafely, LockError, ConflictError, WriteRefused } from '../edit/write.js';
export { parse as parseYaml } from 'yaml';
export { Plan as PlanSchema } from '../model/schema.js';
export { toJSONSchema } from 'zod/mini';
