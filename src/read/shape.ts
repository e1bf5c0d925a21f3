// zod's issues with a plan's shape → findings located in the file and worded for the clerk who wrote it.
import type { Node } from 'yaml';
import type { z } from 'zod';
import { makeDiagnostic, type Diagnostic, type Position } from '../model/diagnostics.js';
import type { Path } from '../model/model.js';
import { Plan } from '../model/schema.js';
import { nearest } from '../model/text.js';
import { agencyIds, isAgencyRefPath, suggestAgencyId } from './agency-ids.js';
import { keyAt, nodeAt, position, type Source } from './locate.js';

/** Unknown keys listed one by one in a mapping; one finding says how many more there are. */
const MAX_UNKNOWN_KEYS = 20;

/** A section as the file names it: its id where that is text (a number YAML could not hold reads as Infinity), else its place. */
function sectionName(section: unknown, place: number): string {
  const id = (section as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? String(id) : String(place + 1);
}

function describePath(raw: unknown, path: Path): string {
  // Say "task I.2" rather than "sections[0].tasks[1]" where we can.
  const get = (p: Path): unknown => p.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), raw);
  if (path[0] === 'sections' && path[2] === 'tasks' && typeof path[3] === 'number') {
    const id = (get(path.slice(0, 4)) as { id?: unknown } | undefined)?.id;
    const task = typeof id === 'string' ? `task ${id}` : `task ${path[3] + 1} of section ${sectionName(get(path.slice(0, 2)), Number(path[1]))}`;
    // A record is named by its number, as the record findings name it ("record 2 of task VIII.1").
    const inRecord = path[4] === 'records' && typeof path[5] === 'number';
    const who = inRecord ? `record ${Number(path[5]) + 1} of ${task}` : task;
    const rest = path.slice(inRecord ? 6 : 4).join('.');
    return rest ? `\`${rest}\` of ${who}` : who;
  }
  if (path[0] === 'sections' && typeof path[1] === 'number') {
    const id = (get(path.slice(0, 2)) as { id?: unknown } | undefined)?.id;
    const rest = path.slice(2).join('.');
    const who = typeof id === 'string' ? `section ${id}` : `section ${path[1] + 1}`;
    return rest ? `\`${rest}\` of ${who}` : who;
  }
  if (path[0] === 'bases' && typeof path[1] === 'number') {
    const rest = path.slice(2).join('.');
    return rest ? `\`${rest}\` of legal basis ${path[1] + 1}` : `legal basis ${path[1] + 1}`;
  }
  if (path[0] === 'agencies' && path.length >= 2) {
    const rest = path.slice(2).join('.');
    return rest ? `\`${rest}\` of agency ${String(path[1])}` : `agency ${String(path[1])}`;
  }
  return path.length ? `\`${path.join('.')}\`` : 'the plan';
}

export function typeName(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'true/false';
  return typeof v;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  record: 'a mapping (key: value lines)',
  boolean: 'true or false',
  null: 'null',
};

/** Walks the zod schema along a data path, to learn which keys a mapping there may have. */
function schemaAt(schema: z.ZodType, path: Path): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  const unwrap = (t: z.ZodType | undefined): z.ZodType | undefined => {
    let cur = t;
    for (let i = 0; cur && i < 8; i++) {
      const def = (cur as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
      if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') cur = def.innerType as z.ZodType;
      else if (def.type === 'union') {
        const opts = def.options as z.ZodType[];
        cur = opts.find((o) => ['object', 'array', 'record'].includes((o as unknown as { _zod: { def: { type: string } } })._zod.def.type)) ?? opts[0];
      } else break;
    }
    return cur;
  };
  for (const key of path) {
    s = unwrap(s);
    if (!s) return undefined;
    const def = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'object') s = (def.shape as Record<string, z.ZodType>)[String(key)];
    else if (def.type === 'array') s = def.element as z.ZodType;
    else if (def.type === 'record') s = def.valueType as z.ZodType;
    else return undefined;
  }
  return unwrap(s);
}

function knownKeys(path: Path): string[] {
  const s = schemaAt(Plan, path);
  const def = s ? (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def : undefined;
  return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}

function quoteSource(src: Source, node: Node | undefined): string | undefined {
  const r = node?.range;
  if (!r) return undefined;
  const s = src.text.slice(r[0], r[1]).trim();
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

/** The value at `path` in the data read from YAML (zod 4 issues do not carry their input unless asked to). */
function valueAt(raw: unknown, path: Path): unknown {
  let v: unknown = raw;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** Whether the key at the end of `path` is written in the file at all (a key with an empty value is). */
function present(raw: unknown, path: Path): boolean {
  if (path.length === 0) return true;
  const parent = valueAt(raw, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && Object.prototype.hasOwnProperty.call(parent, path[path.length - 1]!);
}

export function schemaDiagnostics(src: Source, raw: unknown, issues: z.core.$ZodIssue[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const file = src.file;
  for (const issue of issues) {
    const path = issue.path as Path;
    const where = describePath(raw, path);
    const node = nodeAt(src.doc, path);
    // A node with no place in the source stands for an alias, already reported as YAML_ALIAS.
    if (node && !node.range) continue;
    const at = position(src, node?.range?.[0] ?? 0);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = knownKeys(path);
        // Past the first few, one finding says how many more: a pasted table of 30 000 keys is one mistake, not 30 000.
        if (issue.keys.length > MAX_UNKNOWN_KEYS) {
          const rest = issue.keys[MAX_UNKNOWN_KEYS]!;
          const k = keyAt(src.doc, path, rest);
          out.push(
            makeDiagnostic(
              'UNKNOWN_KEY',
              file,
              position(src, k?.range?.[0] ?? node?.range?.[0] ?? 0),
              `… and ${issue.keys.length - MAX_UNKNOWN_KEYS} more unknown keys in ${where}, from \`${rest.length > 40 ? rest.slice(0, 39) + '…' : rest}\` on, not listed one by one.`,
              `The keys here are: ${known.join(', ')}. Check that this is a plan file, and that these lines are not indented too little.`,
            ),
          );
        }
        for (const key of issue.keys.slice(0, MAX_UNKNOWN_KEYS)) {
          const k = keyAt(src.doc, path, key);
          const near = nearest(key, known, 1);
          out.push(
            makeDiagnostic(
              'UNKNOWN_KEY',
              file,
              position(src, k?.range?.[0] ?? node?.range?.[0] ?? 0),
              `Unknown key \`${key}\` in ${where}.`,
              near.length ? `Did you mean \`${near[0]}\`? The keys here are: ${known.join(', ')}.` : `The keys here are: ${known.join(', ')}.`,
            ),
          );
        }
        break;
      }
      case 'invalid_type': {
        const input = valueAt(raw, path);
        const expected = EXPECTED[issue.expected] ?? issue.expected;
        if (path[0] === 'format' && path.length === 1) {
          out.push(formatVersion(src, at, input));
          break;
        }
        const isMissing = !present(raw, path);
        if (isMissing) {
          const key = String(path[path.length - 1]);
          const parent = describePath(raw, path.slice(0, -1));
          out.push(
            makeDiagnostic('MISSING_KEY', file, at, `\`${key}\` is missing in ${parent}.`, `Add a line \`${key}: …\` with ${expected}.`),
          );
          break;
        }
        const written = quoteSource(src, node);
        const scalarLike = typeof input === 'number' || typeof input === 'boolean' || input === null;
        out.push(
          makeDiagnostic(
            'WRONG_TYPE',
            file,
            at,
            `${capital(where)} should be ${expected}, not ${typeName(input)}${written && scalarLike ? ` (written ${written})` : ''}.`,
            issue.expected === 'string' && scalarLike && written
              ? `YAML reads ${written} as ${typeName(input)}; put it in quotes to keep it as written: "${written.replace(/"/g, '\\"')}".`
              : issue.expected === 'array'
                ? 'Write the items one per line, each starting with "- ", or as [a, b].'
                : issue.expected === 'object' && path[path.length - 2] === 'records'
                  ? 'Write a record as `- done: YYYY-MM-DD` (or `- trigger: YYYY-MM-DD`), with `period:`, `ref:` and `note:` on the lines below it.'
                  : undefined,
          ),
        );
        break;
      }
      case 'invalid_union': {
        const input = valueAt(raw, path);
        const isAgencyRef = ['lead', 'support'].includes(String(path[path.length - 1]));
        if (!present(raw, path)) {
          const key = String(path[path.length - 1]);
          out.push(makeDiagnostic('MISSING_KEY', file, at, `\`${key}\` is missing in ${describePath(raw, path.slice(0, -1))}.`, `Add a line \`${key}: …\`.`));
          break;
        }
        if (isPeriodLabel(path)) {
          out.push(periodDiagnostic(src, at, where, input, quoteSource(src, node)));
          break;
        }
        if (isEmptyLead(path, input)) {
          out.push(noLead(src, at, raw, path, input));
          break;
        }
        out.push(
          makeDiagnostic(
            isAgencyRef && (typeof input === 'string' || Array.isArray(input)) ? 'BAD_VALUE' : 'WRONG_TYPE',
            file,
            at,
            isAgencyRef
              ? `${capital(where)} should be an agency id or a list of agency ids (lower-case ASCII such as vp or noi-vu).`
              : `${capital(where)} has the wrong form (${typeName(input)}).`,
            isAgencyRef ? 'Use the ids declared under `agencies`, e.g. `lead: vp` or `support: [cq-huyen, ubnd-xa]`.' : undefined,
          ),
        );
        break;
      }
      case 'invalid_value': {
        const input = valueAt(raw, path);
        if (path[0] === 'format' && path.length === 1) {
          out.push(formatVersion(src, at, input));
          break;
        }
        const values = (issue as { values?: unknown[] }).values ?? [];
        if (!present(raw, path)) {
          const key = String(path[path.length - 1]);
          out.push(
            makeDiagnostic('MISSING_KEY', file, at, `\`${key}\` is missing in ${describePath(raw, path.slice(0, -1))}.`, `Add a line \`${key}: …\` with one of: ${values.map(String).join(', ')}.`),
          );
          break;
        }
        out.push(
          makeDiagnostic(
            'BAD_VALUE',
            file,
            at,
            `${capital(where)} is ${JSON.stringify(input)}; it must be one of: ${values.map(String).join(', ')}.`,
            nearest(String(input), values.map(String), 1).map((v) => `Did you mean \`${v}\`?`)[0],
          ),
        );
        break;
      }
      case 'invalid_format': {
        const input = valueAt(raw, path);
        if (isEmptyLead(path, input)) {
          out.push(noLead(src, at, raw, path, input));
          break;
        }
        const id = typeof input === 'string' && isAgencyRefPath(path) ? suggestAgencyId(input) : undefined;
        out.push(
          makeDiagnostic(
            'BAD_VALUE',
            file,
            at,
            `${capital(where)} should be ${issue.message}; found ${JSON.stringify(input)}.`,
            issue.message.includes('YYYY-MM-DD')
              ? 'Write dates as YYYY-MM-DD, e.g. 2023-03-10 for 10/3/2023.'
              : id
                ? `Ids are lower-case ASCII words joined by "-": name the agency by its id, e.g. \`${id}\`, as declared under \`agencies\`.`
                : undefined,
          ),
        );
        break;
      }
      case 'invalid_key': {
        // Only `agencies` is keyed by ids; the key itself is at fault, not the mapping under it.
        const key = String(path[path.length - 1]);
        const parent = path.slice(0, -1);
        const k = keyAt(src.doc, parent, key);
        const ids = agencyIds(valueAt(raw, parent));
        const suggestion = ids.get(key);
        out.push(
          makeDiagnostic(
            'BAD_VALUE',
            file,
            position(src, k?.range?.[0] ?? node?.range?.[0] ?? 0),
            `The agency id \`${key}\` is not an id: ids are lower-case ASCII letters and digits, words joined by "-" (such as vp or noi-vu).`,
            suggestion
              ? `Write it as \`${suggestion}:\`, and name it \`${suggestion}\` in the tasks and collectives; its name with diacritics goes in \`name:\`.`
              : 'Write it as lower-case ASCII words joined by "-", e.g. `tu-phap` for Phòng Tư pháp; its name with diacritics goes in `name:`.',
          ),
        );
        break;
      }
      case 'too_small':
      case 'too_big': {
        const input = valueAt(raw, path);
        const empty = typeof input === 'string' ? input.trim() === '' : Array.isArray(input) && input.length === 0;
        if (empty && isEmptyLead(path, input)) {
          out.push(noLead(src, at, raw, path, input));
          break;
        }
        out.push(
          makeDiagnostic(
            'BAD_VALUE',
            file,
            at,
            empty ? `${capital(where)} is empty.` : `${capital(where)} is out of range (${issue.message}).`,
            empty ? 'Write the text as the document has it, or remove the key if the document has none.' : undefined,
          ),
        );
        break;
      }
      default:
        out.push(makeDiagnostic('BAD_VALUE', file, at, `${capital(where)}: ${issue.message}.`));
    }
  }
  return out;
}

/** Whether `path` is a task's `lead` and `input` names nobody: an empty list, an empty text, or nothing at all. */
function isEmptyLead(path: Path, input: unknown): boolean {
  const empty = input === null || (typeof input === 'string' && input.trim() === '') || (Array.isArray(input) && input.length === 0);
  return empty && path.length === 5 && path[0] === 'sections' && path[2] === 'tasks' && path[4] === 'lead';
}

function noLead(src: Source, at: Position, raw: unknown, path: Path, input: unknown): Diagnostic {
  // `lead:` with nothing after it: the caret goes under the key, as there is no value to stand under.
  if (input === null) {
    const k = keyAt(src.doc, path.slice(0, -1), 'lead');
    if (k?.range) at = position(src, k.range[0]);
  }
  const written = Array.isArray(input) ? 'an empty list' : input === null ? 'empty' : 'an empty text';
  return makeDiagnostic(
    'BAD_VALUE',
    src.file,
    at,
    `${capital(describePath(raw, path.slice(0, -1)))} names no lead agency (\`lead\` is ${written}).`,
    'A task needs the agency that does it (Cơ quan thực hiện): write its id, e.g. `lead: vp`, or several: `lead: [vp, noi-vu]`.',
  );
}

/** Whether `path` is the `period` of a record (text, or a year written as a number). */
function isPeriodLabel(path: Path): boolean {
  return path.length >= 3 && path[path.length - 1] === 'period' && typeof path[path.length - 2] === 'number' && path[path.length - 3] === 'records';
}

/** A record's `period` that is neither text nor a year: `period: 12`, `period: 2023.2`, `period:` with nothing. */
function periodDiagnostic(src: Source, at: Position, where: string, input: unknown, written: string | undefined): Diagnostic {
  const forms = '2023-03 (a month), 2023-Q2, 2023-H1 or 2023 (the year)';
  if (input === null) {
    return makeDiagnostic('WRONG_TYPE', src.file, at, `${capital(where)} is empty.`, `Write the period after \`period:\` — ${forms} — or remove the line.`);
  }
  const shown = written && (typeof input === 'number' || typeof input === 'boolean') ? ` (written ${written})` : '';
  return makeDiagnostic(
    'WRONG_TYPE',
    src.file,
    at,
    `${capital(where)} should be a period such as ${forms}, not ${typeName(input)}${shown}.`,
    typeof input === 'number'
      ? `YAML reads ${written ?? String(input)} as a number, and only a year (1990–2100) may be written as one; write the period in full: 2023-03, 2023-Q2, 2023-H1 or 2023.`
      : `Write the period as text: ${forms}.`,
  );
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function formatVersion(src: Source, at: Position, input: unknown): Diagnostic {
  return makeDiagnostic(
    'FORMAT_VERSION',
    src.file,
    at,
    input === undefined
      ? 'The plan does not say its format version.'
      : typeof input === 'number'
        ? `The plan is in format ${input}; this tthc reads format 1.`
        : `The format version should be the number 1, not ${typeName(input)} (${JSON.stringify(input)}).`,
    input === undefined
      ? 'Add `format: 1` at the top of the file.'
      : typeof input === 'number'
        ? 'Upgrade tthc, or write `format: 1`.'
        : 'Write `format: 1`, without quotes.',
  );
}
