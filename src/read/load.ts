// Text of a plan file → the plan model and every problem found reading it, each located at line:col.
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, YAMLParseError, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import { makeDiagnostic, type Code, type Diagnostic, type Position } from '../model/diagnostics.js';
import { asciiSlug } from '../model/text.js';
import { decodePlanBytes } from './decode.js';
import { MAX_DEPTH, tooDeepAt } from './depth.js';
import { UNSAFE_IN_VALUE, visibleEscape } from '../render/escape.js';
import { buildModel, type Origin, type Path, type Plan as PlanModel } from '../model/model.js';
import { Agency, AgencyId, DayText, Heading, Level, PeriodLabel, Plan, Record as RecordSchema, Schedule, Task, YearsText, type PlanFile, type RecordFile } from '../model/schema.js';

export interface Source {
  file: string;
  text: string;
  lines: string[];
  bom: boolean;
  crlf: boolean;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export interface Loaded {
  file: string;
  source?: Source;
  /** The model, built from the parts of the file that have the right shape; undefined when too little does. */
  plan?: PlanModel;
  /** True when the whole file has the right shape (every diagnostic so far is about meaning, not shape). */
  valid: boolean;
  /**
   * True when the model holds every section, task and agency of the file: nothing was left out for its shape, so
   * that findings about what is absent (an agency no task names) can be trusted.
   */
  complete?: boolean;
  /**
   * True when the model was salvaged from a file whose shape is wrong: it holds the heading, agencies and sections
   * that could be read, not the legal bases nor the prose, so it must not be compared with another version.
   */
  partial?: boolean;
  diagnostics: Diagnostic[];
  /**
   * The file's mapping as read, whatever its shape: checks of values that the model may have left out (legal bases,
   * prose) read them here, where they stand.
   */
  data?: Record<string, unknown>;
  /** Where an agency of the model is declared under a malformed key (`Tư-pháp:` read as `tu-phap`): id → key in the file. */
  agencyKeys?: Record<string, string>;
  /** Whether the heading (`plan:`) is a mapping and the plan year could be read from it, for the checks that need them. */
  heading?: { read: boolean; year: boolean };
}

const YAML_CODES: Record<string, Code> = {
  DUPLICATE_KEY: 'DUPLICATE_KEY',
  TAB_AS_INDENT: 'YAML_TAB',
  MULTIPLE_DOCS: 'MULTIPLE_DOCUMENTS',
};

const YAML_HINTS: Partial<Record<Code, string>> = {
  DUPLICATE_KEY: 'Remove one of the two, or rename it; YAML keeps only one value per key.',
  YAML_TAB: 'Indent with spaces only (set your editor to insert spaces for Tab).',
  MULTIPLE_DOCUMENTS: 'Keep one plan per file; remove the extra `---` line.',
  YAML_SYNTAX: 'Check the indentation and the quotes on this line and the one before; a truncated file ends mid-value.',
};

export function position(src: Pick<Source, 'lineCounter'>, offset: number): Position {
  const p = src.lineCounter.linePos(offset);
  return { line: p.line, col: p.col };
}

/** Each mapping's pairs by key, built on first use: a lookup per finding must not scan a mapping of 30 000 keys. */
const PAIRS = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The pair of `key` in `map` (the first, where a key is duplicated), in constant time. */
function pairOf(map: YAMLMap, key: string | number): Pair | undefined {
  let index = PAIRS.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items as Pair[]) {
      if (isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    }
    PAIRS.set(map, index);
  }
  return index.get(String(key));
}

/** The deepest node on `path` that exists. */
export function nodeAt(doc: Document.Parsed, path: Path): Node | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = isNode(node) ? node : undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = pairOf(node, key);
      if (!pair) break;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
    } else break;
    if (!isNode(node)) break;
    found = node;
  }
  return found;
}

/** The key node of `key` in the mapping at `path`, if there is one. */
export function keyAt(doc: Document.Parsed, path: Path, key: string | number): Node | undefined {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(map)) return undefined;
  const pair = pairOf(map, key);
  return pair && isNode(pair.key) ? pair.key : undefined;
}

export function locate(src: Source, path: Path): Position {
  const n = nodeAt(src.doc, path);
  return position(src, n?.range?.[0] ?? 0);
}

/** Where `needle` stands inside the source of the node at `path` (for a reference inside a long text). */
export function locateInside(src: Source, path: Path, needle: string): Position {
  const n = nodeAt(src.doc, path);
  const r = n?.range;
  if (!r) return position(src, 0);
  const at = src.text.slice(r[0], r[1]).indexOf(needle);
  return position(src, r[0] + Math.max(0, at));
}

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

function typeName(v: unknown): string {
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

export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n]!;
}

/** The candidates closest to `word`, for "did you mean" hints. */
export function nearest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const scored = [...candidates]
    .map((c) => ({ c, d: editDistance(word.toLowerCase(), c.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(word.length / 2)))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c));
  return scored.slice(0, max).map((x) => x.c);
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

function schemaDiagnostics(src: Source, raw: unknown, issues: z.core.$ZodIssue[]): Diagnostic[] {
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

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A text field as the model needs it: text as is, a number or true/false as written by YAML (already reported). */
// A number YAML could not hold (a 400-digit id reads as Infinity) has no text to give: "Task Infinity" would be invented.
const asText = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean' ? String(v) : undefined;
const isAgencyId = (v: unknown): v is string => typeof v === 'string' && AgencyId.safeParse(v).success;

/** Whether `path` is an agency reference: a task's `lead` or `support` (or an item of it), or a collective's member. */
function isAgencyRefPath(path: Path): boolean {
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

interface Salvaged {
  plan: PlanModel;
  /** Nothing was left out or cut down: every task, agency and agency reference of the file is in the model. */
  complete: boolean;
  agencyKeys?: Record<string, string>;
  heading: { read: boolean; year: boolean };
}

/**
 * Keeps what can be kept of a plan whose shape is wrong somewhere (each fault is already reported), so that one typo
 * does not hide every other finding: unknown keys are dropped, numbers where text belongs are read as text, malformed
 * agency ids are left out of their lists; a task, section or agency is left out only when too little of it is usable.
 */
function salvage(raw: Obj, file: string): Salvaged {
  let complete = true;
  // Without a readable heading the plan's year is a guess: the checks that need it are not made (see `heading`).
  const { heading, year } = salvageHeading(isObj(raw.plan) ? raw.plan : {});
  const agencies: PlanFile['agencies'] = {};
  const agencyKeys: Record<string, string> = {};
  if (isObj(raw.agencies)) {
    const ids = agencyIds(raw.agencies);
    for (const [key, a] of Object.entries(raw.agencies)) {
      const id = ids.get(key);
      if (id === undefined) {
        complete = false;
        continue;
      }
      // A malformed key is already reported; the agency is known by the id it was meant to be, but what names it
      // by the malformed key was left out of its list, so the model is not complete.
      if (id !== key) {
        agencyKeys[id] = key;
        complete = false;
      }
      const ok = Agency.strip().safeParse(a);
      if (ok.success) agencies[id] = ok.data;
      else if (isObj(a) && typeof a.name === 'string') {
        const kept: PlanFile['agencies'][string] = { name: a.name };
        if (Array.isArray(a.aliases)) kept.aliases = a.aliases.filter((x): x is string => typeof x === 'string' && x !== '');
        if (Array.isArray(a.members)) kept.members = a.members.filter(isAgencyId);
        agencies[id] = kept;
        complete = false;
      } else complete = false;
    }
  } else complete = false;
  const origin: Origin[][] = [];
  const sections: PlanFile['sections'] = [];
  if (Array.isArray(raw.sections)) {
    raw.sections.forEach((s, si) => {
      const id = isObj(s) ? asText(s.id) : undefined;
      if (!isObj(s) || id === undefined) {
        complete = false;
        return;
      }
      const tasks: PlanFile['sections'][number]['tasks'] = [];
      const o: Origin[] = [];
      if (Array.isArray(s.tasks)) {
        s.tasks.forEach((t, ti) => {
          const task = salvageTask(t);
          if (!task) complete = false;
          else {
            if (!task.whole) complete = false;
            tasks.push(task.task);
            o.push(task.recordPlaces ? { path: ['sections', si, 'tasks', ti], records: task.recordPlaces } : { path: ['sections', si, 'tasks', ti] });
          }
        });
      }
      origin.push(o);
      sections.push({ id, title: asText(s.title) ?? '', tasks });
    });
  } else complete = false;
  const partial = { format: 1, plan: heading, agencies, sections } as PlanFile;
  const out: Salvaged = { plan: buildModel(partial, file, (si, ti) => origin[si]![ti]), complete, heading: { read: isObj(raw.plan), year } };
  if (Object.keys(agencyKeys).length) out.agencyKeys = agencyKeys;
  return out;
}

/** The heading as far as it can be read, and whether its year could be (else it is this year's, a mere placeholder). */
function salvageHeading(h: Obj): { heading: PlanFile['plan']; year: boolean } {
  const ok = Heading.strip().safeParse(h);
  if (ok.success) return { heading: ok.data, year: true };
  const date = DayText.safeParse(h.date);
  const yearOf = (v: unknown) => /\b(19|20)\d\d\b/.exec(typeof v === 'string' ? v : '')?.[0];
  const read =
    typeof h.year === 'number' && Number.isInteger(h.year) && h.year >= 1990 && h.year <= 2100
      ? h.year
      : yearOf(h.year) ?? yearOf(h.title) ?? yearOf(h.date);
  const year = Number(read ?? new Date().getUTCFullYear());
  const out: PlanFile['plan'] = {
    issuer: asText(h.issuer) ?? '',
    level: Level.safeParse(h.level).success ? (h.level as PlanFile['plan']['level']) : 'district',
    title: asText(h.title) ?? '',
    year,
  };
  if (h.short !== undefined) out.short = asText(h.short) ?? '';
  if (h.number === null || typeof h.number === 'string') out.number = h.number;
  else if (asText(h.number) !== undefined) out.number = asText(h.number)!;
  if (typeof h.symbol === 'string') out.symbol = h.symbol;
  if (date.success) out.date = date.data;
  else if (h.date === null) out.date = null;
  if (typeof h.period === 'string' && YearsText.safeParse(h.period).success) out.period = h.period;
  const period = isObj(h.period) ? { start: DayText.safeParse(h.period.start), end: DayText.safeParse(h.period.end) } : undefined;
  if (period?.start.success && period.end.success) out.period = { start: period.start.data, end: period.end.data };
  return { heading: out, year: read !== undefined };
}

interface SalvagedTask {
  task: PlanFile['sections'][number]['tasks'][number];
  whole: boolean;
  /** Where each record kept stands in the file's `records` list, when some were left out. */
  recordPlaces?: number[];
}

function salvageTask(t: unknown): SalvagedTask | undefined {
  const ok = Task.strip().safeParse(t);
  // A task that is whole but for an unknown key is kept; it is not whole, though: a misspelt `suport:` named agencies.
  if (ok.success) return { task: ok.data, whole: Task.safeParse(t).success };
  if (!isObj(t)) return undefined;
  const id = asText(t.id);
  const when = asText(t.when);
  // Without its id or its timeline a task would only bring echoes of the finding already made.
  if (id === undefined || when === undefined) return undefined;
  let whole = true;
  const refs = (v: unknown): string[] | undefined => {
    if (v === undefined) return undefined;
    const list = Array.isArray(v) ? v : [v];
    const good = list.filter(isAgencyId);
    if (good.length !== list.length) whole = false;
    return good;
  };
  const lead = refs(t.lead) ?? [];
  // A task without its lead (already reported) may be the one that names an agency nothing else names.
  if (lead.length === 0) whole = false;
  const task: PlanFile['sections'][number]['tasks'][number] = {
    id,
    content: asText(t.content) ?? '',
    lead,
    output: asText(t.output) ?? '',
    when,
  };
  const support = refs(t.support);
  if (support) task.support = support;
  const schedule = Schedule.strip().safeParse(t.schedule);
  if (t.schedule !== undefined && schedule.success) task.schedule = schedule.data;
  const out: SalvagedTask = { task, whole };
  if (Array.isArray(t.records)) {
    const records: RecordFile[] = [];
    const places: number[] = [];
    t.records.forEach((r, i) => {
      const rec = salvageRecord(r);
      if (rec) {
        records.push(rec);
        places.push(i);
      }
    });
    task.records = records;
    // Later records keep their own place in the file, so that their findings name them and not a neighbour.
    if (records.length < t.records.length) out.recordPlaces = places;
  }
  return out;
}

/**
 * A record as far as it can be read (its faults are already reported): text fields written as numbers are read as
 * text; a record is left out when its date cannot be read, as it would only bring echoes of that finding.
 */
function salvageRecord(r: unknown): RecordFile | undefined {
  const ok = RecordSchema.strip().safeParse(r);
  if (ok.success) return ok.data;
  if (!isObj(r)) return undefined;
  const rec: RecordFile = {};
  for (const key of ['done', 'trigger'] as const) {
    if (r[key] === undefined) continue;
    const day = DayText.safeParse(r[key]);
    if (!day.success) return undefined;
    rec[key] = day.data;
  }
  const period = PeriodLabel.safeParse(r.period);
  if (period.success) rec.period = period.data;
  else if (asText(r.period) !== undefined) rec.period = asText(r.period)!;
  for (const key of ['ref', 'note'] as const) if (asText(r[key]) !== undefined) rec[key] = asText(r[key])!;
  return rec;
}

/** Parses and shape-checks a plan's text. Meaning (ids, agencies, dates, timelines) is checked in check.ts. */
export function loadText(text: string, file: string, meta: { bom?: boolean; crlf?: boolean } = {}): Loaded {
  const diagnostics: Diagnostic[] = [];
  const deep = tooDeepAt(text);
  if (deep >= 0) return tooDeep(text, file, deep, meta);
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter,
      schema: 'core',
      resolveKnownTags: false,
      stringKeys: true,
      // The reader's own check compares each key with every other (30 000 keys: half a minute); duplicateKeys() is linear.
      uniqueKeys: false,
      prettyErrors: false,
      // 'error', not 'silent': with 'silent' the reader does not even say that a second document was ignored.
      logLevel: 'error',
      keepSourceTokens: false,
    });
  } catch (e) {
    // A shape the depth scan does not foresee that still exhausts the reader's stack: refused, not a crash.
    if (e instanceof RangeError) return tooDeep(text, file, 0, meta);
    throw e;
  }
  const src: Source = {
    file,
    text,
    lines: text.split(/\r?\n/),
    bom: meta.bom ?? false,
    crlf: meta.crlf ?? text.includes('\r\n'),
    doc,
    lineCounter,
  };
  duplicateKeys(doc);
  const yamlFindings = yamlErrors(src);
  const fatal = yamlFindings.some((d) => d.code !== 'DUPLICATE_KEY' && d.code !== 'MULTIPLE_DOCUMENTS');
  diagnostics.push(...yamlFindings);
  // Aliases and anchors: a plan needs none, and refusing them means an alias bomb costs nothing.
  let aliases = false;
  let props = 0;
  let firstOmitted = 0;
  const prop = (code: Code, offset: number, message: string, hint: string) => {
    if (++props <= MAX_PROPERTY_FINDINGS) diagnostics.push(makeDiagnostic(code, file, position(src, offset), message, hint));
    else if (props === MAX_PROPERTY_FINDINGS + 1) firstOmitted = offset;
  };
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        aliases = true;
        prop('YAML_ALIAS', node.range?.[0] ?? 0, `An alias (*${node.source}) refers to another part of the file.`, 'Write the value out in full; plans do not use anchors and aliases.');
        return visit.SKIP;
      }
      if (isPair(node)) return undefined;
      if (node.anchor) {
        const at = propertyStart(text, node.range?.[0] ?? 0, '&');
        prop('YAML_ALIAS', at, `An anchor (&${node.anchor}) names a part of the file for reuse.`, 'Remove the anchor; plans do not use anchors and aliases.');
      }
      if (node.tag && !fatal) {
        const at = propertyStart(text, node.range?.[0] ?? 0, '!');
        const written = /^!\S*/.exec(text.slice(at))?.[0] ?? node.tag;
        prop('YAML_TAG', at, `An explicit tag (${written}) changes how a value is read.`, 'Remove the tag; quote the value if it should be text.');
      }
      return undefined;
    },
  });
  if (props > MAX_PROPERTY_FINDINGS) {
    diagnostics.push(
      makeDiagnostic(
        'YAML_ALIAS',
        file,
        position(src, firstOmitted),
        `${props - MAX_PROPERTY_FINDINGS} more anchors, aliases or tags, from here on, are not listed one by one.`,
        'Remove every anchor (&name), alias (*name) and tag (!name); a plan needs none.',
      ),
    );
  }
  if (fatal) return { file, source: src, valid: false, diagnostics };
  diagnostics.push(...controlCharacters(src));
  if (aliases) {
    // Replace every alias by null so that nothing is expanded; their own findings are already recorded, and the
    // shape check below says nothing about these nulls (they have no place in the source).
    visit(doc, { Alias: () => doc.createNode(null) });
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 0 });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const empty = !isNode(doc.contents) || (isScalar(doc.contents) && doc.contents.source === '' && raw == null);
    diagnostics.push(
      makeDiagnostic(
        empty ? 'EMPTY_FILE' : 'NOT_A_MAPPING',
        file,
        position(src, doc.contents?.range?.[0] ?? 0),
        empty
          ? 'The file has no content (only comments or nothing).'
          : `The file holds ${typeName(raw)}, not a plan (a mapping with keys such as format, plan, agencies, sections).`,
        'Start from a shipped plan (`plans/`), or import one with `tthc import`.',
      ),
    );
    return { file, source: src, valid: false, diagnostics };
  }
  const data = raw as Obj;
  const parsed = Plan.safeParse(raw);
  if (parsed.success) {
    const valid = diagnostics.length === 0 && !aliases;
    return { file, source: src, plan: buildModel(parsed.data, file), valid, complete: true, diagnostics, data, heading: { read: true, year: true } };
  }
  diagnostics.push(...schemaDiagnostics(src, raw, parsed.error.issues));
  // Whatever is wrong with the shape, the model keeps every part that can be read, so that its meaning is checked.
  const salvaged = salvage(data, file);
  const out: Loaded = { file, source: src, plan: salvaged.plan, valid: false, complete: salvaged.complete, partial: true, diagnostics, data, heading: salvaged.heading };
  if (salvaged.agencyKeys) out.agencyKeys = salvaged.agencyKeys;
  return out;
}

/** Texts and keys listed one by one with a control character; one finding says how many more. */
const MAX_CONTROL_FINDINGS = 20;

/** What a control character is, in a word the clerk can look up. */
function controlName(c: string): string {
  const n = c.codePointAt(0)!;
  const names: Record<number, string> = { 0: 'NUL', 7: 'BEL (bell)', 8: 'backspace', 0x0d: 'a carriage return', 0x1b: 'ESC (a terminal escape sequence)', 0x7f: 'DEL' };
  if (names[n]) return `${names[n]}, ${visibleEscape(c)}`;
  if (n >= 0x202a) return `a bidirectional override or isolate, ${visibleEscape(c)}, which reverses or hides the order of what follows`;
  return `a control character, ${visibleEscape(c)}`;
}

/**
 * Texts and keys holding a control character or a bidirectional override (TEXT_CONTROL): pasted from a terminal, a
 * web page or a hostile file, they would rewrite the screen or a CI log wherever the text is shown. They are shown
 * escaped everywhere (src/render/escape.ts); the finding says where they are, so that they can be removed.
 */
function controlCharacters(src: Source): Diagnostic[] {
  const out: Diagnostic[] = [];
  let n = 0;
  visit(src.doc, {
    Scalar(_k, node) {
      if (typeof node.value !== 'string') return;
      const m = UNSAFE_IN_VALUE.exec(node.value);
      if (!m) return;
      if (++n > MAX_CONTROL_FINDINGS) return;
      const start = node.range?.[0] ?? 0;
      // Where the character itself stands, if it is written raw; else at the text (written as an escape, "\e").
      const raw = src.text.slice(start, node.range?.[1] ?? start).indexOf(m[0]);
      out.push(
        makeDiagnostic(
          'TEXT_CONTROL',
          src.file,
          position(src, start + Math.max(0, raw)),
          `This text holds ${controlName(m[0])}; tthc shows it escaped, but a terminal, an editor or a CI log may obey it.`,
          'Delete the character (retype the text around it); plans hold only printable text, tabs and line breaks.',
        ),
      );
    },
  });
  if (n > MAX_CONTROL_FINDINGS) {
    out.push(makeDiagnostic('TEXT_CONTROL', src.file, out[out.length - 1]!.start, `… and ${n - MAX_CONTROL_FINDINGS} more texts with control characters, not listed one by one.`, 'Check where the file came from; plans hold only printable text.'));
  }
  return out;
}

/** Reports each key written twice in one mapping, as the YAML reader would with `uniqueKeys` but in linear time. */
function duplicateKeys(doc: Document.Parsed): void {
  visit(doc, {
    Map(_k, map) {
      const seen = new Set<string>();
      for (const p of map.items) {
        if (!isScalar(p.key)) continue;
        const key = String(p.key.value);
        if (seen.has(key)) {
          const at = p.key.range?.[0] ?? 0;
          doc.errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else seen.add(key);
      }
    },
  });
}

/** The finding for a text nested deeper than any plan, made without handing the text to the YAML reader. */
function tooDeep(text: string, file: string, offset: number, meta: { bom?: boolean; crlf?: boolean }): Loaded {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  const src: Source = {
    file,
    text,
    lines: text.split(/\r?\n/),
    bom: meta.bom ?? false,
    crlf: meta.crlf ?? text.includes('\r\n'),
    doc: parseDocument(''),
    lineCounter,
  };
  const d = makeDiagnostic(
    'YAML_SYNTAX',
    file,
    position(src, offset),
    `The lists or mappings here are nested too deeply to be read (more than ${MAX_DEPTH} levels; a plan needs fewer than ten).`,
    'A plan nests only a few levels (sections → tasks → fields); check that this is a plan file, and close every [ and { that is opened.',
  );
  return { file, source: src, valid: false, diagnostics: [d] };
}

/** The quoted scalar or flow collection that starts before `offset` and runs on to it (an unclosed quote or bracket). */
function openedBefore(doc: Document.Parsed, offset: number): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Node(_k, n) {
      const r = n.range;
      if (isPair(n) || !r || r[0] >= offset || r[2] < offset) return;
      if ((isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE')) || ((isMap(n) || isSeq(n)) && n.flow)) found = n;
    },
  });
  return found;
}

/** Where the anchor (&x) or tag (!x) of the node at `offset` is written: it stands before the node, on its line or the one before. */
function propertyStart(text: string, offset: number, sigil: '&' | '!'): number {
  let i = offset;
  for (let tokens = 0; tokens < 3 && i > 0; tokens++) {
    while (i > 0 && /\s/.test(text[i - 1]!)) i--;
    let j = i;
    while (j > 0 && !/\s/.test(text[j - 1]!)) j--;
    if (text[j] === sigil) return j;
    i = j;
  }
  return offset;
}

/** The text of the key that starts at `offset` (for "the key X appears twice"). */
function keyTextAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  const m = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:\n#]*?)\s*:(?:\s|$)/.exec(rest);
  return (m?.[1] ?? rest.split(/[:\n]/)[0] ?? '').trim();
}

/** Unknown keys listed one by one in a mapping; one finding says how many more there are. */
const MAX_UNKNOWN_KEYS = 20;

/** At most this many YAML errors are reported; past the first few they only repeat the first. */
const MAX_YAML_ERRORS = 50;
/** Anchors, aliases and tags listed one by one; an alias bomb has hundreds, and one line says the rest. */
const MAX_PROPERTY_FINDINGS = 10;

/**
 * The errors of the YAML reader, as findings. A tab in the indentation, a duplicate key and a second document are each
 * reported where they are; of the other syntax errors only the first is, as the ones after it are mostly its echoes
 * (one unclosed quote or one bad indentation makes every later line look wrong).
 */
function yamlErrors(src: Source): Diagnostic[] {
  const { doc, text, file } = src;
  const out: Diagnostic[] = [];
  const lines = new Set<string>();
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const firstTab = errors.find((e) => e.code === 'TAB_AS_INDENT')?.pos[0] ?? Infinity;
  let syntaxSeen = false;
  for (const e of errors) {
    if (out.length >= MAX_YAML_ERRORS) break;
    const code = YAML_CODES[e.code] ?? 'YAML_SYNTAX';
    if (code === 'YAML_SYNTAX') {
      if (syntaxSeen || e.pos[0] > firstTab) continue;
      syntaxSeen = true;
    }
    let at = position(src, e.pos[0]);
    const said = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '').replace(/\.$/, '');
    let message = `${said}.`;
    let hint = YAML_HINTS[code];
    const open =
      e.code === 'MISSING_CHAR' || e.code === 'UNEXPECTED_TOKEN' || (e.code === 'BAD_INDENT' && /end with a [\]}]/.test(said)) ? openedBefore(doc, e.pos[0]) : undefined;
    if (code === 'DUPLICATE_KEY') {
      message = `The key \`${keyTextAt(text, e.pos[0])}\` appears twice in this mapping.`;
    } else if (code === 'MULTIPLE_DOCUMENTS') {
      message = 'A second YAML document starts here (after a `---` or `...` line); a plan file holds one.';
    } else if (open?.range) {
      const quoted = isScalar(open);
      const closer = quoted ? (open.type === 'QUOTE_SINGLE' ? "'" : '"') : isMap(open) ? '}' : ']';
      at = position(src, open.range[0]);
      message = quoted
        ? `The quoted text that starts here is never closed: its closing ${closer} is missing.`
        : `The ${isMap(open) ? '{ … } mapping' : '[ … ] list'} that starts here is never closed: its closing ${closer} is missing.`;
      hint = `Add the closing ${closer} where the ${quoted ? 'text' : isMap(open) ? 'mapping' : 'list'} ends; if the file was cut short, restore the rest of it (from git or a copy).`;
    } else if (e.code === 'MISSING_CHAR' && /followed by map values/.test(said)) {
      const word = text.slice(e.pos[0], e.pos[1]).trim() || (text.slice(e.pos[0]).split('\n')[0] ?? '').trim();
      message = `\`${word.length > 40 ? word.slice(0, 39) + '…' : word}\` stands alone where a key is expected: a key needs a ":" and a value after it (or the file was cut short here).`;
      hint = 'Write `key: value`; if this line continues the text of the line before, indent it further than that line\'s key, or quote the text.';
    } else if (e.code === 'BAD_INDENT' && /same column/.test(said)) {
      const line = src.lines[at.line - 1] ?? '';
      at = { line: at.line, col: line.length - line.trimStart().length + 1 };
      message = 'This line is not indented like the other keys of its mapping.';
      hint = 'Line the key up with the keys above it (spaces only), or indent it further if it belongs to the value above.';
    } else if (/call stack/i.test(said)) {
      message = 'The lists or mappings here are nested too deeply to be read.';
      hint = 'A plan needs only a few levels (sections → tasks → fields); check that this is a plan file.';
    } else if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY') {
      message = `The value here runs on to the next line, which then reads as a key (the YAML reader says: ${said.charAt(0).toLowerCase()}${said.slice(1)}).`;
      hint = 'Indent the next line like the key on this line (not further), or put this value in quotes if it contains ": ".';
    }
    const key = `${code}@${at.line}`;
    if (lines.has(key)) continue;
    lines.add(key);
    out.push(makeDiagnostic(code, file, at, message, hint));
  }
  return out;
}

/** Decodes the bytes and loads the plan; problems with the bytes stop before YAML is read. */
export function loadBytes(bytes: Uint8Array, file: string): Loaded {
  const dec = decodePlanBytes(bytes, file);
  if (dec.text === undefined) return { file, valid: false, diagnostics: dec.diagnostics };
  const loaded = loadText(dec.text, file, { bom: dec.bom, crlf: dec.crlf });
  loaded.diagnostics.unshift(...dec.diagnostics);
  return loaded;
}

/**
 * Whether `bytes` are a tthc plan, judged by reading them as YAML: a mapping with `format` and one of the plan's
 * other top keys, wherever they stand and however they are written (`"format": 1` last, after a long comment). A
 * plan too broken to read is still recognised by a `format:` line anywhere in it. `--output` never replaces one.
 */
export function isPlanBytes(bytes: Uint8Array): boolean {
  const dec = decodePlanBytes(bytes, '');
  if (dec.text === undefined) return false;
  const text = dec.text;
  if (/^["']?format["']?[ \t]*:/m.test(text) && /^["']?(plan|sections|agencies)["']?[ \t]*:/m.test(text)) return true;
  if (tooDeepAt(text) >= 0) return false;
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { schema: 'core', resolveKnownTags: false, uniqueKeys: false, logLevel: 'silent', prettyErrors: false });
  } catch {
    return false;
  }
  if (!isMap(doc.contents)) return false;
  const keys = new Set(doc.contents.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')));
  return keys.has('format') && ['plan', 'sections', 'agencies'].some((k) => keys.has(k));
}
