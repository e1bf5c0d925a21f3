// Fuzzing the reader and checker with mutated plans, each case under a time and a memory limit (TTHC_FUZZ_RUNS raises the count).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../built.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = Number(process.env.TTHC_FUZZ_RUNS) || 30;
/** Per case: generous for a loaded two-core machine; a quadratic or exponential case blows well past it. */
const CASE_MS = Number(process.env.TTHC_FUZZ_CASE_MS) || 10_000;
/** Per case: the worker's heap; an input of at most 8 MiB that needs more has unbounded memory. */
const HEAP_MB = 512;

const BASES = [readFileSync(join(ROOT, 'tests/due/fixtures/leap-2024.yaml'), 'utf8'), readFileSync(join(ROOT, 'tests/check/fixtures/AGENCY_CYCLE.yaml'), 'utf8')];

/** The checker as shipped (dist/heavy.js), in a worker whose heap is limited; one case at a time. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { analyze } = require(workerData.heavy);
parentPort.on('message', (m) => {
  try {
    const a = analyze(Buffer.from(m.text, 'utf8'), 'fuzz.yaml', '2024-06-01');
    parentPort.postMessage({ id: m.id, ok: true, findings: a.diagnostics.length, report: JSON.stringify(a.diagnostics).length });
  } catch (e) {
    parentPort.postMessage({ id: m.id, ok: false, error: String((e && e.stack) || e) });
  }
});`;

let worker: Worker | undefined;
let seq = 0;

function startWorker(): Worker {
  return new Worker(WORKER, { eval: true, workerData: { heavy: join(ROOT, 'dist/heavy.js') }, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, stackSizeMb: 4 } });
}

type Outcome = { ok: true; findings: number; report: number; ms: number } | { ok: false; error: string; ms: number };

/**
 * Runs one case in a worker of its own, so that the memory limit is each case's (a worker kept for 300 cases ran
 * out of its heap at case 136 on a text that needs 90 MB alone); a case over its time is killed and reported.
 */
function runCase(text: string, limitMs = CASE_MS): Promise<Outcome> {
  worker ??= startWorker();
  const w = worker;
  const id = ++seq;
  const t = performance.now();
  return new Promise((resolve) => {
    const done = (o: Outcome) => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      if (worker === w) worker = undefined;
      void w.terminate();
      resolve(o);
    };
    const kill = (error: string) => {
      if (worker === w) worker = undefined;
      void w.terminate();
      done({ ok: false, error, ms: performance.now() - t });
    };
    const timer = setTimeout(() => kill(`over ${limitMs} ms`), limitMs);
    const onMessage = (m: { id: number } & ({ ok: true; findings: number; report: number } | { ok: false; error: string })) => {
      if (m.id === id) done({ ...m, ms: performance.now() - t });
    };
    const onError = (e: Error) => kill(`worker error: ${e.message}`);
    const onExit = (code: number) => kill(`worker exited with ${code} (out of memory above ${HEAP_MB} MB?)`);
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.postMessage({ id, text });
  });
}

const YAML_BITS = ['[', ']', '{', '}', ': ', ', ', '- ', '? ', '&a ', '*a', '!!str ', '|', '>', "'", '"', '#', '\t', '\n', '\n  ', '<<: ', '---\n', '\\', '%', '@', '`'];
const HOSTILE = ['\u001b[2J', '\u001b]52;c;eA==\u0007', '\u202e', '\u0000', '\r', '\ufeff', 'ð', '9'.repeat(400), 'Infinity', '.nan', '2024-02-30', 'I.0', 'lead: []'];

/** One mutation of a text: an insertion, a deletion, a repetition (up to thousands of times) or a line replaced. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), s: fc.oneof(fc.constantFrom(...YAML_BITS, ...HOSTILE), fc.string({ unit: 'binary', maxLength: 12 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 40 }), times: fc.integer({ min: 2, max: 3000 }) }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), open: fc.constantFrom('[', '{a: ', '- ', '  '), times: fc.integer({ min: 10, max: 20000 }) }),
);

interface Mutation {
  kind: string;
  at: number;
  s?: string;
  n?: number;
  times?: number;
  open?: string;
}

function apply(text: string, m: Mutation): string {
  const at = text.length ? m.at % (text.length + 1) : 0;
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.s + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.n!);
    case 'repeat':
      return text.slice(0, at) + text.slice(at, at + m.n!).repeat(m.times!) + text.slice(at + m.n!);
    default:
      return text.slice(0, at) + m.open!.repeat(m.times!) + text.slice(at);
  }
}

const plans = fc
  .tuple(fc.nat({ max: BASES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([b, ms]) => ms.reduce((t, m) => apply(t, m as Mutation), BASES[b]!).slice(0, 8 * 1024 * 1024));

beforeAll(() => {
  // The bundle must be the code under test.
  ensureBuilt();
}, 120_000);
afterAll(async () => {
  await worker?.terminate();
});

describe('fuzzing the reader and checker', () => {
  it(`${RUNS} mutated plans: each read within ${CASE_MS} ms and ${HEAP_MB} MB, with no exception and a bounded report`, async () => {
    await fc.assert(
      fc.asyncProperty(plans, async (text) => {
        const r = await runCase(text);
        if (!r.ok) throw new Error(`${r.error} on a case of ${text.length} characters`);
        // The report is bounded whatever the file: at most 500 findings and one that counts the rest.
        expect(r.findings).toBeLessThanOrEqual(501);
        expect(r.report).toBeLessThan(1_000_000);
      }),
      // TTHC_FUZZ_SEED replays the run that a failure names (fast-check prints its seed).
      { numRuns: RUNS, endOnFailure: true, ...(process.env.TTHC_FUZZ_SEED ? { seed: Number(process.env.TTHC_FUZZ_SEED) } : {}) },
    );
  }, Math.max(60_000, RUNS * 2_000));

  it('the time limit stops a case that runs over it, and the next case gets a fresh worker', async () => {
    const big = BASES[0]!.replace('sections:', `sections:\n${'      - id: I.1\n        content: x\n'.repeat(2000)}`);
    const r = await runCase(big, 1);
    expect(r).toMatchObject({ ok: false, error: 'over 1 ms' });
    expect((await runCase(BASES[0]!)).ok).toBe(true);
  });
});
