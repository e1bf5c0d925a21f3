// The reader's shortcuts past the library: its own walk gives doc.toJS()'s value, and parsedAsIs gives zod's data.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import * as z from 'zod/mini';
import { generatePlan } from '../../scripts/gen-plan.mjs';
import { Agency, Basis, Heading, Plan, Record as RecordShape, Schedule, Section, Signature, Task } from '../../src/model/schema.js';
import { parsedAsIs } from '../../src/read/as-is.js';
import { loadText } from '../../src/read/load.js';
import { LOAD_YAML } from '../../src/read/yaml.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'node_modules' ? [] : yamlFiles(p);
    return n.endsWith('.yaml') ? [p] : [];
  });
}

const FILES = [...yamlFiles(join(ROOT, 'plans')), ...yamlFiles(join(ROOT, 'tests'))];

/** Equal as values and in the order of every object's keys (zod writes the schema's order, toJS the file's). */
function sameWithOrder(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameWithOrder(x, b[i]));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
    return ka.every((k) => sameWithOrder((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return Object.is(a, b);
}

/** What the reader makes of a text, beside what the library and zod make of it. */
function both(text: string) {
  const loaded = loadText(text, 'x.yaml', '2024-06-01');
  const doc = parseDocument(text, LOAD_YAML);
  // A text with aliases is read with each alias as null (load.ts): compared apart, below.
  return { loaded, js: doc.toJS({ maxAliasCount: -1 }) as unknown };
}

/** parsedAsIs, where it answers, answers what zod does. */
function agreesWithZod<T extends z.ZodMiniType>(schema: T, value: unknown): boolean {
  const fast = parsedAsIs(schema, value);
  const slow = schema.safeParse(value);
  if (fast === undefined) return true;
  return slow.success && sameWithOrder(fast, slow.data);
}

describe("the reader's own walk gives the library's value", () => {
  it.each(FILES.map((f) => [f.slice(ROOT.length)]))('%s', (rel) => {
    const text = readFileSync(join(ROOT, rel), 'utf8');
    const { loaded, js } = both(text);
    if (loaded.data !== undefined && !loaded.diagnostics.some((d) => d.code === 'YAML_ALIAS')) expect(sameWithOrder(loaded.data, js)).toBe(true);
  });

  it('keys written twice, keys every object inherits, and every kind of scalar', () => {
    const text = [
      'format: 1',
      'constructor: a',
      '__proto__: b',
      'toString: [1, 2.5, .inf, -.inf, .nan, 0x1f, 0o17, ~, null, true, false, "", \'x\', 2024-01-01]',
      'a: {b: 1, b: 2, c: {d: [], e: {}}}',
      'a: again',
      'block: |',
      '  two',
      '  lines',
      'folded: >-',
      '  one',
      '  line',
      'empty:',
      '"quoted key": 1',
      '? explicit',
      ': value',
      '',
    ].join('\n');
    const { loaded, js } = both(text);
    expect(loaded.data).toBeDefined();
    expect(sameWithOrder(loaded.data, js)).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(loaded.data, '__proto__')).toBe(true);
    expect(loaded.diagnostics.filter((d) => d.code === 'DUPLICATE_KEY').map((d) => d.start.line)).toEqual([5, 6]);
  });

  it('texts with anchors, aliases, tags and pairs inside lists are left to the library', () => {
    for (const text of ['format: 1\na: &x 1\nb: *x\n', 'format: 1\na: !!str 1\n', 'format: 1\na: [b: 1, c]\n']) {
      const { loaded, js } = both(text);
      if (!text.includes('*x')) expect(sameWithOrder(loaded.data, js)).toBe(true);
      else expect(loaded.data).toEqual({ format: 1, a: 1, b: null });
    }
  });
});

describe("the reader's own walk finds every anchor, alias and tag", () => {
  it('on a text, a key, a mapping and a list, in the order of the text', () => {
    const text = [
      'format: 1',
      'a: &m {b: 1}',
      'c: &s [1, 2]',
      'd: !!map {e: 1}',
      'f: !!seq [1]',
      '&k g: h',
      'i: &t text',
      'j: *t',
      '',
    ].join('\n');
    const { loaded } = both(text);
    const found = loaded.diagnostics.filter((d) => d.code === 'YAML_ALIAS' || d.code === 'YAML_TAG').map((d) => `${d.code} ${d.start.line}:${d.start.col}`);
    expect(found).toEqual(['YAML_ALIAS 2:4', 'YAML_ALIAS 3:4', 'YAML_TAG 4:4', 'YAML_TAG 5:4', 'YAML_ALIAS 6:1', 'YAML_ALIAS 7:4', 'YAML_ALIAS 8:4']);
  });
});

describe('parsedAsIs gives what zod gives, or leaves the value to zod', () => {
  const shipped = parseDocument(readFileSync(join(ROOT, 'plans/kon-ray-2023.yaml'), 'utf8'), LOAD_YAML).toJS() as Record<string, unknown>;

  it('proves a shipped and a generated plan without zod, as zod reads them', () => {
    for (const value of [shipped, parseDocument(generatePlan(300), LOAD_YAML).toJS() as unknown]) {
      const fast = parsedAsIs(Plan, value);
      expect(fast).toBeDefined();
      expect(sameWithOrder(fast, Plan.parse(value))).toBe(true);
    }
  });

  it('keeps the value itself where it is already what zod makes, and orders keys as zod does', () => {
    const task = { id: 'I.1', content: 'Làm', lead: 'vp', when: 'Tháng 3' };
    expect(parsedAsIs(Task, task)).toBe(task);
    const reordered = { when: 'Tháng 3', lead: ['vp'], id: 'I.1', content: 'Làm' };
    const out = parsedAsIs(Task, reordered);
    expect(out).not.toBe(reordered);
    expect(Object.keys(out!)).toEqual(['id', 'content', 'lead', 'when']);
    expect(out!.lead).toBe(reordered.lead);
  });

  it('leaves to zod what does not have the shape, and what zod would change', () => {
    expect(parsedAsIs(Task, { id: 'I.1', content: '', lead: 'vp', when: 'x' })).toBeUndefined();
    expect(parsedAsIs(Task, { id: 'I.1', content: 'a', lead: 'Vp', when: 'x' })).toBeUndefined();
    expect(parsedAsIs(Task, { id: 'I.1', content: 'a', lead: [], when: 'x' })).toBeUndefined();
    expect(parsedAsIs(Task, { id: 'I.1', content: 'a', lead: 'vp', when: 'x', other: 1 })).toBeUndefined();
    expect(parsedAsIs(Task, { id: 'I.1', content: 'a', lead: 'vp' })).toBeUndefined();
    expect(parsedAsIs(Task, { id: 'I.1', content: 'a', lead: 'vp', when: 'x', output: null })).toBeUndefined();
    // A year written as a number becomes the text "2023": zod's transform, so zod's doing.
    expect(parsedAsIs(RecordShape, { done: '2023-05-01', period: 2023 })).toBeUndefined();
    expect(parsedAsIs(RecordShape, { done: '2023-05-01', period: '2023' })).toEqual({ done: '2023-05-01', period: '2023' });
  });

  /** Values near a plan's shape: the shipped plan with one part replaced, removed, renamed or moved. */
  const NEAR = fc.constantFrom<unknown>(
    undefined, null, '', 'vp', 'Vp', 'noi-vu', '2023-02-30', '2023', 'I.1', '__proto__', 'constructor', 'xxx',
    0, 1, 2023, 1989, 2101, 1.5, -1, Infinity, NaN, 32, 31,
    true, false, [], {}, ['vp'], ['vp', 'Vp'], { start: '2023-01-01', end: '2023-12-31' }, { text: 'a', items: ['b'] },
  );

  const mutate = (value: unknown, path: number[], replacement: unknown, how: number): unknown => {
    if (value === null || typeof value !== 'object') return replacement;
    if (Array.isArray(value)) {
      if (value.length === 0) return how % 2 ? [replacement] : replacement;
      const i = path[0]! % value.length;
      const copy = value.slice();
      if (path.length === 1 && how === 1) copy.splice(i, 1);
      else copy[i] = mutate(value[i], path.slice(1), replacement, how);
      return copy;
    }
    const keys = Object.keys(value);
    if (keys.length === 0) return replacement;
    const k = keys[path[0]! % keys.length]!;
    const v = (value as Record<string, unknown>)[k];
    if (path.length === 1) {
      const entries = Object.entries(value);
      if (how === 1) return Object.fromEntries(entries.filter(([x]) => x !== k));
      if (how === 2) return Object.fromEntries([...entries.filter(([x]) => x !== k), [k, v]]);
      if (how === 3) {
        const out: Record<string, unknown> = {};
        for (const [x, y] of entries) out[x === k ? String(replacement) : x] = y;
        return out;
      }
      if (how === 4) {
        const out = { ...value } as Record<string, unknown>;
        Object.defineProperty(out, String(replacement), { value: v, writable: true, enumerable: true, configurable: true });
        return out;
      }
    }
    return { ...value, [k]: mutate(v, path.slice(1), replacement, how) };
  };

  it('agrees with zod on the shipped plan changed anywhere (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(200), { minLength: 1, maxLength: 7 }), NEAR, fc.nat(4), (path, replacement, how) => {
        const value = mutate(shipped, path, replacement, how);
        return agreesWithZod(Plan, value);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with zod on tasks and records of any value (fast-check)', () => {
    const anything = fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 3 });
    fc.assert(fc.property(anything, (v) => agreesWithZod(Task, v) && agreesWithZod(RecordShape, v) && agreesWithZod(Plan, v)), { numRuns: 500 });
    const taskish = fc.record(
      { id: fc.oneof(fc.string(), NEAR), content: fc.oneof(fc.string(), NEAR), lead: NEAR, support: NEAR, output: NEAR, when: fc.oneof(fc.string(), NEAR), records: fc.oneof(NEAR, fc.array(fc.record({ done: NEAR, period: NEAR, ref: NEAR }, { requiredKeys: [] }))) },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(taskish, (v) => agreesWithZod(Task, v)), { numRuns: 2000 });
  });

  it('agrees with zod on each mapping of the plan with keys changed, left out or added, in any order (fast-check)', () => {
    const value = fc.oneof(NEAR, fc.string({ maxLength: 4 }), fc.constantFrom<unknown>('2023-01-01', '2026-2030', 'deadline', 'district', 'a b'), fc.array(NEAR, { maxLength: 2 }));
    const valid: [z.ZodMiniObject, Record<string, unknown>][] = [
      [Heading, { issuer: 'UBND', short: 'UBND', level: 'district', kind: 'Kế hoạch', number: null, symbol: 'KH-UBND', date: '2023-01-09', title: 'T', year: 2023, implements: 'x', period: '2026-2030' }],
      [Task, { id: 'I.1', content: 'a', lead: ['vp'], support: 'vp', output: 'b', when: 'c', schedule: { kind: 'deadline', due: '2023-05-05' }, extra: { a: 'b' }, records: [{ done: '2023-01-02', period: '2023' }], implements: 'I.2' }],
      [RecordShape, { done: '2023-01-02', trigger: '2023-01-01', period: '2023-Q1', due: '2023-02-02', ref: '1/BC', note: 'n' }],
      [Schedule, { kind: 'monthly', due: '2023-01-01', start: '2023-01-01', day: 5, after: 3, follows: 'I.1' }],
      [Agency, { name: 'a', aliases: ['b'], members: ['vp'] }],
      [Section, { id: 'I', title: 't', subsections: [{ id: 'I.1', title: 'u' }], tasks: [] }],
      [Basis, { text: 't', ref: '1/QĐ', date: '2023-01-01', issuer: 'i' }],
      [Signature, { for: ['KT'], name: 'n' }],
    ];
    for (const [schema, base] of valid) {
      expect(parsedAsIs(schema, base)).toBe(base);
      const keys = [...Object.keys(base), 'other'];
      const changed = fc
        .tuple(fc.dictionary(fc.constantFrom(...keys), fc.option(value, { nil: undefined }), { maxKeys: 2 }), fc.boolean())
        .chain(([edits, keepUndefined]) => {
          const o: Record<string, unknown> = { ...base };
          for (const [k, v] of Object.entries(edits)) {
            if (v === undefined && !keepUndefined) delete o[k];
            else o[k] = v;
          }
          return fc.shuffledSubarray(Object.keys(o), { minLength: Object.keys(o).length }).map((order) => Object.fromEntries(order.map((k) => [k, o[k]])));
        });
      fc.assert(fc.property(changed, (v) => agreesWithZod(schema, v)), { numRuns: 1500 });
    }
  });
});
