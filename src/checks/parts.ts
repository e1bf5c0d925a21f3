// Ids in a plan whose appendix groups its sections in parts (A, B … or Phần I, II …), each numbering its sections from I.
import { fm } from '../messages/findings.js';
import type { FindingText } from '../model/diagnostics.js';
import type { Path } from '../model/model.js';

/** Written in Roman digits; whether the spelling is canonical is SECTION_ID's business. */
function isRoman(s: string): boolean {
  return /^[IVXLC]+$/.test(s);
}

/**
 * The section part of a task id and what lies between it and the row number, or undefined where the id names no
 * section. Without parts the section is the first component (I in I.2, III.1.2); with parts it is the part's id
 * and, where a Roman numeral follows it and a row number comes after, that numeral too (A.I in A.I.2, A in A.2
 * or A.1.2, I.II in I.II.3 under "Phần I").
 */
export function sectionOfTaskId(id: string, partIds: readonly string[]): { numeral: string; middle: string[] } | undefined {
  const parts = id.split('.');
  if (partIds.length === 0) {
    return isRoman(parts[0] ?? '') && parts.length >= 2 ? { numeral: parts[0]!, middle: parts.slice(1, -1) } : undefined;
  }
  if (!partIds.includes(parts[0] ?? '')) return undefined;
  if (parts.length >= 3 && isRoman(parts[1]!)) return { numeral: `${parts[0]}.${parts[1]}`, middle: parts.slice(2, -1) };
  return parts.length >= 2 ? { numeral: parts[0]!, middle: parts.slice(1, -1) } : undefined;
}

export interface PartSectionFinding {
  si: number;
  message: FindingText;
  hint: FindingText;
  /** The section's numeral is used twice: its tasks' ids are echoes of that, not said again. */
  twice?: boolean;
}

export interface PartFinding {
  path: Path;
  message: FindingText;
  hint: FindingText;
}

/** The part ids declared twice: each after the first is a finding at its `id`. */
export function checkPartList(parts: readonly { id: string }[]): PartFinding[] {
  const seen = new Set<string>();
  const out: PartFinding[] = [];
  parts.forEach((p, i) => {
    if (seen.has(p.id)) out.push({ path: ['parts', i, 'id'], message: fm('part.twice', { id: p.id }), hint: fm('part.twice.hint') });
    seen.add(p.id);
  });
  return out;
}

/**
 * The section ids of a plan with parts: each is a declared part's id and a Roman numeral (A.I), numbered I, II …
 * from I in each part, the parts in the order `parts` declares them; a part's id alone is the section of the
 * tasks written right under the part row, before its first numbered section.
 */
export function checkPartSections(sectionIds: readonly string[], partIds: readonly string[], romanValue: (s: string) => number | undefined, toRoman: (n: number) => string): PartSectionFinding[] {
  const out: PartSectionFinding[] = [];
  const seen = new Set<string>();
  let partAt = -1;
  let last = 0;
  sectionIds.forEach((id, si) => {
    const [p = '', r, ...more] = id.split('.');
    const pi = partIds.indexOf(p);
    const value = r === undefined ? 0 : romanValue(r);
    const first = partIds[0]!;
    if (pi < 0 || more.length > 0 || value === undefined) {
      out.push({
        si,
        message: fm('part.sectionId', { id }),
        hint: fm('part.sectionId.hint', { parts: partIds.join(', '), first }),
      });
      return;
    }
    if (seen.has(id)) {
      out.push({ si, twice: true, message: fm('section.twice', { id }), hint: fm('part.twice.sections.hint', { part: p }) });
      return;
    }
    seen.add(id);
    if (pi < partAt) {
      out.push({ si, message: fm('part.order', { id, part: p, before: partIds[partAt]! }), hint: fm('part.order.hint', { parts: partIds.join(', ') }) });
      return;
    }
    if (pi > partAt) {
      partAt = pi;
      last = 0;
    }
    if (r === undefined && last > 0) {
      out.push({ si, message: fm('part.head', { id, part: p, after: `${p}.${toRoman(last)}` }), hint: fm('part.head.hint', { part: p }) });
    } else if (r !== undefined && value !== last + 1) {
      out.push({ si, message: fm('section.place', { id, meant: `${p}.${toRoman(last + 1)}` }), hint: fm('part.place.hint', { part: p }) });
    }
    if (r !== undefined) last = value;
  });
  return out;
}
