// zod's issues with a plan's shape → findings located in the file and worded for the clerk who wrote it.
import type { Node } from 'yaml';
import type * as z from 'zod/mini';
import { makeDiagnostic, type Diagnostic, type FindingText, type Position, type Said } from '../model/diagnostics.js';
import { fm, type FindingKey } from '../messages/findings.js';
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

function describePath(raw: unknown, path: Path): FindingText {
  // Say "task I.2" rather than "sections[0].tasks[1]" where we can.
  const get = (p: Path): unknown => p.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), raw);
  if (path[0] === 'sections' && path[2] === 'tasks' && typeof path[3] === 'number') {
    const id = (get(path.slice(0, 4)) as { id?: unknown } | undefined)?.id;
    const task = typeof id === 'string' ? fm('where.task', { id }) : fm('where.taskAt', { n: path[3] + 1, section: sectionName(get(path.slice(0, 2)), Number(path[1])) });
    // A record is named by its number, as the record findings name it ("record 2 of task VIII.1").
    const inRecord = path[4] === 'records' && typeof path[5] === 'number';
    const who = inRecord ? fm('where.record', { n: Number(path[5]) + 1, task }) : task;
    const rest = path.slice(inRecord ? 6 : 4).join('.');
    return rest ? fm('where.keyOf', { key: rest, of: who }) : who;
  }
  if (path[0] === 'sections' && typeof path[1] === 'number') {
    const id = (get(path.slice(0, 2)) as { id?: unknown } | undefined)?.id;
    const rest = path.slice(2).join('.');
    const who = fm('where.section', { id: typeof id === 'string' ? id : String(path[1] + 1) });
    return rest ? fm('where.keyOf', { key: rest, of: who }) : who;
  }
  if (path[0] === 'bases' && typeof path[1] === 'number') {
    const rest = path.slice(2).join('.');
    const who = fm('where.basis', { n: path[1] + 1 });
    return rest ? fm('where.keyOf', { key: rest, of: who }) : who;
  }
  if (path[0] === 'agencies' && path.length >= 2) {
    const rest = path.slice(2).join('.');
    const who = fm('where.agency', { id: String(path[1]) });
    return rest ? fm('where.keyOf', { key: rest, of: who }) : who;
  }
  return path.length ? fm('where.key', { key: path.join('.') }) : fm('where.plan');
}

export function typeName(v: unknown): FindingText {
  if (v === null) return fm('type.null');
  if (Array.isArray(v)) return fm('type.list');
  if (typeof v === 'object') return fm('type.mapping');
  if (typeof v === 'string') return fm('type.text');
  if (typeof v === 'number') return fm('type.number');
  if (typeof v === 'boolean') return fm('type.boolean');
  return fm('type.other', { type: typeof v });
}

const EXPECTED: Record<string, FindingKey> = {
  string: 'expect.string',
  number: 'expect.number',
  int: 'expect.int',
  array: 'expect.array',
  object: 'expect.object',
  record: 'expect.object',
  boolean: 'expect.boolean',
  null: 'expect.null',
};

/** What zod's checks of the schema say a value should be (src/model/schema.ts), in the catalogue. */
const FORMATS: Record<string, FindingKey> = {
  'a date written YYYY-MM-DD': 'expect.date',
  'an ASCII id such as vp or noi-vu': 'expect.id',
  'years written 2026-2030': 'expect.years',
};

function expected(name: string, table: Record<string, FindingKey>): Said {
  const key = Object.hasOwn(table, name) ? table[name] : undefined;
  return key ? fm(key) : name;
}

/** Walks the zod schema along a data path, to learn which keys a mapping there may have. */
function schemaAt(schema: z.ZodMiniType, path: Path): z.ZodMiniType | undefined {
  let s: z.ZodMiniType | undefined = schema;
  const unwrap = (t: z.ZodMiniType | undefined): z.ZodMiniType | undefined => {
    let cur = t;
    for (let i = 0; cur && i < 8; i++) {
      const def = (cur as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
      if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') cur = def.innerType as z.ZodMiniType;
      else if (def.type === 'union') {
        const opts = def.options as z.ZodMiniType[];
        cur = opts.find((o) => ['object', 'array', 'record'].includes((o as unknown as { _zod: { def: { type: string } } })._zod.def.type)) ?? opts[0];
      } else break;
    }
    return cur;
  };
  for (const key of path) {
    s = unwrap(s);
    if (!s) return undefined;
    const def = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'object') s = (def.shape as Record<string, z.ZodMiniType>)[String(key)];
    else if (def.type === 'array') s = def.element as z.ZodMiniType;
    else if (def.type === 'record') s = def.valueType as z.ZodMiniType;
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
              fm('shape.moreUnknown', { n: issue.keys.length - MAX_UNKNOWN_KEYS, where, from: rest.length > 40 ? rest.slice(0, 39) + '…' : rest }),
              fm('shape.moreUnknown.hint', { known: known.join(', ') }),
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
              fm('shape.unknown', { key, where }),
              near.length ? fm('shape.unknown.near', { near: near[0]!, known: known.join(', ') }) : fm('shape.unknown.hint', { known: known.join(', ') }),
            ),
          );
        }
        break;
      }
      case 'invalid_type': {
        const input = valueAt(raw, path);
        const expect = expected(issue.expected, EXPECTED);
        if (path[0] === 'format' && path.length === 1) {
          out.push(formatVersion(src, at, input));
          break;
        }
        const isMissing = !present(raw, path);
        if (isMissing) {
          const key = String(path[path.length - 1]);
          const parent = describePath(raw, path.slice(0, -1));
          out.push(
            makeDiagnostic('MISSING_KEY', file, at, fm('shape.missing', { key, where: parent }), fm('shape.missing.with', { key, expected: expect })),
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
            written && scalarLike
              ? fm('shape.wrongTypeWritten', { where, expected: expect, type: typeName(input), written })
              : fm('shape.wrongType', { where, expected: expect, type: typeName(input) }),
            issue.expected === 'string' && scalarLike && written
              ? fm('shape.quote.hint', { written, type: typeName(input), quoted: written.replace(/"/g, '\\"') })
              : issue.expected === 'array'
                ? fm('shape.list.hint')
                : issue.expected === 'object' && path[path.length - 2] === 'records'
                  ? fm('shape.record.hint')
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
          out.push(makeDiagnostic('MISSING_KEY', file, at, fm('shape.missing', { key, where: describePath(raw, path.slice(0, -1)) }), fm('shape.missing.hint', { key })));
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
            isAgencyRef ? fm('shape.agencyRef', { where }) : fm('shape.wrongForm', { where, type: typeName(input) }),
            isAgencyRef ? fm('shape.agencyRef.hint') : undefined,
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
            makeDiagnostic('MISSING_KEY', file, at, fm('shape.missing', { key, where: describePath(raw, path.slice(0, -1)) }), fm('shape.missing.oneOf', { key, values: values.map(String).join(', ') })),
          );
          break;
        }
        out.push(
          makeDiagnostic(
            'BAD_VALUE',
            file,
            at,
            fm('shape.notOneOf', { where, value: JSON.stringify(input), values: values.map(String).join(', ') }),
            nearest(String(input), values.map(String), 1).map((v) => fm('shape.near', { near: v }))[0],
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
            fm('shape.format', { where, expected: expected(issue.message, FORMATS), value: JSON.stringify(input) }),
            issue.message.includes('YYYY-MM-DD') ? fm('shape.date.hint') : id ? fm('shape.idRef.hint', { id }) : undefined,
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
            fm('shape.agencyKey', { key }),
            suggestion ? fm('shape.agencyKey.near', { id: suggestion }) : fm('shape.agencyKey.hint'),
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
            empty ? fm('shape.empty', { where }) : fm('shape.range', { where, said: issue.message }),
            empty ? fm('shape.empty.hint') : undefined,
          ),
        );
        break;
      }
      default:
        out.push(makeDiagnostic('BAD_VALUE', file, at, fm('shape.other', { where, said: issue.message })));
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
  const written = fm(Array.isArray(input) ? 'shape.noLead.emptyList' : input === null ? 'shape.noLead.empty' : 'shape.noLead.emptyText');
  return makeDiagnostic('BAD_VALUE', src.file, at, fm('shape.noLead', { where: describePath(raw, path.slice(0, -1)), written }), fm('shape.noLead.hint'));
}

/** Whether `path` is the `period` of a record (text, or a year written as a number). */
function isPeriodLabel(path: Path): boolean {
  return path.length >= 3 && path[path.length - 1] === 'period' && typeof path[path.length - 2] === 'number' && path[path.length - 3] === 'records';
}

/** A record's `period` that is neither text nor a year: `period: 12`, `period: 2023.2`, `period:` with nothing. */
function periodDiagnostic(src: Source, at: Position, where: FindingText, input: unknown, written: string | undefined): Diagnostic {
  if (input === null) {
    return makeDiagnostic('WRONG_TYPE', src.file, at, fm('shape.empty', { where }), fm('shape.periodEmpty.hint'));
  }
  const type = typeName(input);
  return makeDiagnostic(
    'WRONG_TYPE',
    src.file,
    at,
    written && (typeof input === 'number' || typeof input === 'boolean') ? fm('shape.periodWritten', { where, type, written }) : fm('shape.period', { where, type }),
    typeof input === 'number' ? fm('shape.periodNumber.hint', { written: written ?? String(input) }) : fm('shape.period.hint'),
  );
}

function formatVersion(src: Source, at: Position, input: unknown): Diagnostic {
  return makeDiagnostic(
    'FORMAT_VERSION',
    src.file,
    at,
    input === undefined
      ? fm('shape.formatMissing')
      : typeof input === 'number'
        ? fm('shape.formatOther', { version: input })
        : fm('shape.formatType', { type: typeName(input), value: String(JSON.stringify(input)) }),
    fm(input === undefined ? 'shape.formatMissing.hint' : typeof input === 'number' ? 'shape.formatOther.hint' : 'shape.formatType.hint'),
  );
}
