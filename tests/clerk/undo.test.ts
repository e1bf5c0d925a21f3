// tthc undo: the last record tthc added comes out, byte for byte, unless the plan changed since.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyPlan, scratch, SHIPPED, tthc } from '../due/helpers.js';

let dir: string;
let remove: () => void;
let plan: string;
let shipped: Buffer;
beforeEach(() => {
  ({ dir, remove } = scratch('undo'));
  plan = copyPlan(SHIPPED, dir, 'kon-ray-2023.yaml');
  shipped = readFileSync(plan);
});
afterEach(() => remove());

const run = (argv: string[]) => tthc([...argv, '--plan', 'kon-ray-2023.yaml'], { cwd: dir });

describe('tthc undo', () => {
  it('removes the records tthc added, last first, and says which; the plan is then as it was', async () => {
    expect((await run(['done', 'X.2', '--period', '2023-01', '--date', '30/1/2023', '--ref', '12/BC-UBND'])).code).toBe(0);
    const afterFirst = readFileSync(plan);
    expect((await run(['trigger', 'I.1', '--date', '2023-03-06', '--ref', '500/KH-UBND'])).code).toBe(0);
    let r = await run(['undo']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('kon-ray-2023.yaml: đã xóa ghi nhận I.1 — văn bản/sự kiện ngày 6/3/2023, văn bản 500/KH-UBND.\n');
    expect(readFileSync(plan).equals(afterFirst)).toBe(true);
    r = await run(['undo', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('kon-ray-2023.yaml: removed the record X.2 (2023-01) — done on 30/1/2023, document 12/BC-UBND.\n');
    expect(readFileSync(plan).equals(shipped)).toBe(true);
    // Nothing more: refused, exit 1.
    r = await run(['undo']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('không có gì để hoàn tác');
  });

  it('is refused, with the reason, when the plan changed since; the file stays as it is', async () => {
    expect((await run(['done', 'X.2', '--period', '2023-01', '--date', '2023-01-30'])).code).toBe(0);
    appendFileSync(plan, '# a note added by hand\n');
    const edited = readFileSync(plan);
    const r = await run(['undo', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('kon-ray-2023.yaml has changed since tthc added the record X.2 (2023-01) — done on 30/1/2023');
    expect(r.err).toContain('nothing was written');
    expect(readFileSync(plan).equals(edited)).toBe(true);
  });

  it('keeps its journal beside the plan, in a folder git ignores', async () => {
    expect((await run(['done', 'IX.3', '--date', '2023-07-18'])).code).toBe(0);
    expect(existsSync(join(dir, '.tthc', 'undo.json'))).toBe(true);
    expect(readFileSync(join(dir, '.tthc', '.gitignore'), 'utf8')).toMatch(/^\*$/m);
  });

  it('keeps where the record\'s bytes stand, not a copy of the plan, and still undoes a journal that has the copy', async () => {
    expect((await run(['done', 'IX.3', '--date', '2023-07-18', '--ref', '123/BC-UBND'])).code).toBe(0);
    const file = join(dir, '.tthc', 'undo.json');
    const journal = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>[]>;
    const entry = journal['kon-ray-2023.yaml']![0]!;
    expect(entry.before).toBeUndefined();
    expect(entry.inserted).toMatchObject({ length: readFileSync(plan).length - shipped.length });
    expect(readFileSync(file).length).toBeLessThan(shipped.length / 10);
    // A journal written before: the plan's bytes before the record, whole.
    const { inserted: _, ...old } = entry;
    writeFileSync(file, JSON.stringify({ 'kon-ray-2023.yaml': [{ ...old, before: shipped.toString('base64') }] }));
    expect((await run(['undo'])).code).toBe(0);
    expect(readFileSync(plan).equals(shipped)).toBe(true);
  });

  it('refuses an entry whose bytes do not give back the plan it names', async () => {
    expect((await run(['done', 'IX.3', '--date', '2023-07-18'])).code).toBe(0);
    const written = readFileSync(plan);
    const file = join(dir, '.tthc', 'undo.json');
    const journal = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { inserted: { at: number } }[]>;
    journal['kon-ray-2023.yaml']![0]!.inserted.at = 0;
    writeFileSync(file, JSON.stringify(journal));
    expect((await run(['undo'])).code).toBe(1);
    expect(readFileSync(plan).equals(written)).toBe(true);
  });

  it('a refused record leaves nothing to undo', async () => {
    expect((await run(['done', 'X.2', '--date', '2023-07-19'])).code).toBe(1);
    const r = await run(['undo']);
    expect(r.code).toBe(1);
    expect(readFileSync(plan).equals(shipped)).toBe(true);
  });

  it('undoes at most the last ten records', async () => {
    for (let m = 1; m <= 11; m++) expect((await run(['done', 'X.2', '--period', `2023-${String(m).padStart(2, '0')}`, '--date', `2023-${String(m).padStart(2, '0')}-20`])).code).toBe(0);
    for (let k = 0; k < 10; k++) expect((await run(['undo'])).code).toBe(0);
    expect((await run(['undo'])).code).toBe(1);
    // The first record stays: it was the eleventh from the end.
    expect(readFileSync(plan, 'utf8')).toContain('period: 2023-01');
    expect(readFileSync(plan, 'utf8')).not.toContain('period: 2023-02');
  });
});
