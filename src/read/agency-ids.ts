// The id a malformed agency key or reference was meant to be, so that one typo does not make every use unknown.
import type { Path } from '../model/model.js';
import { AgencyId } from '../model/schema.js';
import { asciiSlug } from '../model/text.js';
import { isObj } from './values.js';

export const isAgencyId = (v: unknown): v is string => typeof v === 'string' && AgencyId.safeParse(v).success;

/** Whether `path` is an agency reference: a task's `lead` or `support` (or an item of it), or a collective's member. */
export function isAgencyRefPath(path: Path): boolean {
  const at = typeof path[path.length - 1] === 'number' ? path.slice(0, -1) : path;
  const last = at[at.length - 1];
  return last === 'lead' || last === 'support' || (last === 'members' && at[0] === 'agencies');
}

/** The id a malformed agency id was meant to be: `Tư-pháp`, `tu phap` → `tu-phap`; `VP2` → `vp2`. */
export function suggestAgencyId(written: string): string | undefined {
  const id = asciiSlug(written);
  return id === '' ? undefined : id;
}

/**
 * The id each key of `agencies` stands for: itself where it is an id, else the id it was meant to be (unless that
 * one is declared too, then with "-2", "-3" …), so that one malformed key does not make every task that names the
 * agency by its right id an unknown agency as well.
 */
export function agencyIds(agencies: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!isObj(agencies)) return out;
  const keys = Object.keys(agencies);
  const taken = new Set(keys.filter((k) => AgencyId.safeParse(k).success));
  for (const k of keys) {
    if (taken.has(k)) out.set(k, k);
    else {
      const base = suggestAgencyId(k);
      if (base === undefined) continue;
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      out.set(k, id);
    }
  }
  return out;
}
