// Values read from YAML whatever their shape: the small tests the loader, the salvage and the agency ids share.

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A text field as the model needs it: text as is, a number or true/false as written by YAML (already reported). */
// A number YAML could not hold (a 400-digit id reads as Infinity) has no text to give: "Task Infinity" would be invented.
export const asText = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean' ? String(v) : undefined;
