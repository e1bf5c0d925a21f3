// zod's result for a value that already has a schema's shape, proved without zod's copies where the schema allows.
//
// Why: zod's object and list parsers build a new object or list for every one they accept, and a payload and an
// issues list for every field, so that at 10 000 tasks parsing allocated more than the reader's own walk. A plan
// read from YAML nearly always has its schema's shape already, written in the schema's order. The schema stays the
// specification: this walk follows the schema's own definition (object, list, union, …) and has zod itself judge each
// text and number (its checks, regular expressions and messages), and it gives up whenever it cannot be sure
// (a transform, a kind it does not know, a key an object inherits): zod then parses the whole value as before.
import type * as z from 'zod/mini';

/** zod would refuse the value: in a union, the next option is tried. */
const FAIL: unique symbol = Symbol('fails');
/** This walk cannot tell what zod would make of the value (a transform, an unknown kind): zod decides. */
const UNSURE: unique symbol = Symbol('unsure');

type Result = unknown;
type Check = (v: unknown) => Result;

/** The parts of zod's internals this walk reads (zod/v4/core: `_zod.def`, `_zod.run`, `_zod.optin`). */
interface Payload {
  value: unknown;
  issues: unknown[];
}
interface Internals {
  def: { type: string; checks?: { _zod: CheckInternals }[] } & Record<string, unknown>;
  run(payload: Payload, ctx: object): unknown;
  optin?: string;
  optout?: string;
}
interface CheckInternals {
  def: { when?: (p: Payload) => boolean };
  check(payload: Payload): unknown;
}
type Schema = { _zod: Internals };

/** What zod's safeParse passes down (zod/v4/core/parse.js). */
const CTX = { async: false };
/** One payload for every text and number judged: zod's checks only read it and push issues onto it. */
const PAYLOAD: Payload = { value: undefined, issues: [] };

/** A text, number or other leaf judged by zod itself: its type test and every check, with its own semantics. */
function leaf(s: Schema): Check {
  const run = s._zod.run.bind(s._zod);
  return (v) => {
    PAYLOAD.value = v;
    PAYLOAD.issues.length = 0;
    const r = run(PAYLOAD, CTX);
    if (r !== PAYLOAD) return UNSURE;
    if (PAYLOAD.issues.length > 0) return FAIL;
    return PAYLOAD.value === v ? v : UNSURE;
  };
}

/** A list's or mapping's own checks (a list's minimum length), run as zod runs them after the items, on the result. */
function ownChecks(s: Schema): ((out: unknown) => Result) | undefined {
  const checks = s._zod.def.checks ?? [];
  if (checks.length === 0) return undefined;
  return (out) => {
    const p: Payload = { value: out, issues: [] };
    for (const ch of checks) {
      const when = ch._zod.def.when;
      if (when && !when(p)) continue;
      if (ch._zod.check(p) instanceof Promise) return UNSURE;
      if (p.issues.length > 0) return FAIL;
    }
    return out;
  };
}

const COMPILED = new WeakMap<object, Check>();

function compile(s: Schema): Check {
  const known = COMPILED.get(s);
  if (known) return known;
  // Filled in below; a schema that (indirectly) holds itself finds this stand-in.
  let impl: Check = () => UNSURE;
  const check: Check = (v) => impl(v);
  COMPILED.set(s, check);
  impl = make(s);
  return check;
}

function make(s: Schema): Check {
  const def = s._zod.def;
  const own = ownChecks(s);
  const withChecks = (inner: Check): Check => (own ? (v) => {
    const r = inner(v);
    return r === FAIL || r === UNSURE ? r : own(r);
  } : inner);
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'literal':
    case 'enum':
    case 'null':
      return leaf(s);
    case 'optional': {
      if (own) return () => UNSURE;
      const inner = compile(def['innerType'] as Schema);
      const defaulted = (def['innerType'] as Schema)._zod.optin === 'defaulted';
      return (v) => (v === undefined ? (defaulted ? UNSURE : v) : inner(v));
    }
    case 'nullable': {
      if (own) return () => UNSURE;
      const inner = compile(def['innerType'] as Schema);
      return (v) => (v === null ? v : inner(v));
    }
    case 'union': {
      if (own) return () => UNSURE;
      // zod's union gives the first option that accepts the value.
      const options = (def['options'] as Schema[]).map(compile);
      return (v) => {
        for (const o of options) {
          const r = o(v);
          if (r !== FAIL) return r;
        }
        return FAIL;
      };
    }
    case 'pipe': {
      // What comes out of a pipe is another schema's (a transform's) doing: only a refusal by its first half is sure.
      const first = compile(def['in'] as Schema);
      return (v) => (first(v) === FAIL ? FAIL : UNSURE);
    }
    case 'array':
      return withChecks(list(compile(def['element'] as Schema)));
    case 'object':
      if (own) return () => UNSURE;
      return object(def as unknown as ObjectDef);
    case 'record':
      if (own) return () => UNSURE;
      return record(def as unknown as RecordDef);
    default:
      return () => UNSURE;
  }
}

function list(item: Check): Check {
  return (v) => {
    if (!Array.isArray(v)) return FAIL;
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const r = item(v[i]);
      if (r === FAIL || r === UNSURE) return r;
      if (r !== v[i]) (out ??= v.slice())[i] = r;
    }
    // zod makes a new list every time; the same items in the same order are that list.
    return out ?? v;
  };
}

interface ObjectDef {
  shape: Record<string, Schema>;
  catchall?: Schema;
}

/** A key that every object has through its prototype ("constructor", "toString"): zod's `in` test sees it everywhere. */
const inherited = (key: string): boolean => key in Object.prototype;

function object(def: ObjectDef): Check {
  const shape = def.shape;
  const keys = Object.keys(shape);
  const fields = keys.map((k) => {
    const z = shape[k]!._zod;
    // optin and optout "optional": the key may be absent (z.optional); undefined: it must be there; others (defaults) are zod's.
    const absent = z.optin === undefined ? FAIL : z.optin === 'optional' && z.optout === 'optional' ? 'skip' : UNSURE;
    return { key: k, check: compile(shape[k]!), absent };
  });
  /** Each key's place in the schema: the input is in the schema's order where these only go up. */
  const place = new Map(keys.map((k, i) => [k, i]));
  const catchall = def.catchall?._zod.def.type;
  if (keys.some(inherited)) return () => UNSURE;
  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return FAIL;
    const input = v as Record<string, unknown>;
    // Keys the schema does not name: a strict object refuses them, any other drops or keeps them (zod's doing).
    // zod writes the keys in the schema's order: the input is its result only if it is written in that order too.
    let n = 0;
    let ordered = true;
    let last = -1;
    for (const k in input) {
      const at = place.get(k);
      if (at === undefined) return catchall === 'never' ? FAIL : UNSURE;
      if (at < last) ordered = false;
      last = at;
      n++;
    }
    const same = ordered && Object.getPrototypeOf(input) === Object.prototype;
    // Results are kept only where the input cannot be its own result (rare): a 10 000-task plan made a pair per field.
    let out: Record<string, unknown> | undefined = same ? undefined : {};
    let found = 0;
    for (const f of fields) {
      if (!(f.key in input)) {
        if (f.absent === 'skip') continue;
        return f.absent;
      }
      const r = f.check(input[f.key]);
      if (r === FAIL || r === UNSURE) return r;
      found++;
      // The fields before this one were their own results: the result starts as their copy.
      if (!out && r !== input[f.key]) out = copyUntil(fields, input, f);
      if (out) out[f.key] = r;
    }
    if (!out && found === n) return input;
    return out ?? copyUntil(fields, input, undefined);
  };
}

/** The input's values of the schema's fields before `stop` (all where undefined), in the schema's order. */
function copyUntil(fields: readonly { key: string }[], input: Record<string, unknown>, stop: { key: string } | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const g of fields) {
    if (g === stop) break;
    if (g.key in input) out[g.key] = input[g.key];
  }
  return out;
}

interface RecordDef {
  keyType: Schema & { _zod: { values?: unknown } };
  valueType: Schema;
  mode?: string;
}

function record(def: RecordDef): Check {
  // A record whose keys are a fixed list (an enum) is parsed another way by zod: left to it.
  if (def.keyType._zod.values !== undefined || def.mode === 'loose') return () => UNSURE;
  const key = compile(def.keyType);
  const value = compile(def.valueType);
  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return UNSURE;
    const input = v as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    const keys = Reflect.ownKeys(input);
    for (const k of keys) {
      // zod leaves __proto__ out, retries a refused key that reads as a number, and skips what is not enumerable.
      if (typeof k !== 'string' || inherited(k) || !Object.prototype.propertyIsEnumerable.call(input, k)) return UNSURE;
      if (key(k) !== k) return UNSURE;
      const r = value(input[k]);
      if (r === FAIL || r === UNSURE) return r;
      if (r !== input[k] && !out) {
        out = {};
        for (const j of keys) out[j as string] = input[j as string];
      }
      if (out) out[k] = r;
    }
    return out ?? input;
  };
}

/**
 * zod's `data` for `value` where this walk can prove that `schema.safeParse(value)` succeeds and what it gives (equal
 * to it, key order included; the value's own objects and lists where they are already that); undefined where zod must
 * parse it (a value of the wrong shape, so that zod says what is wrong; a transform; a kind of schema not known here).
 */
export function parsedAsIs<T extends z.ZodMiniType>(schema: T, value: unknown): z.infer<T> | undefined {
  const r = compile(schema as unknown as Schema)(value);
  return r === FAIL || r === UNSURE ? undefined : (r as z.infer<T>);
}
