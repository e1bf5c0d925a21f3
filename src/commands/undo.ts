// `tthc undo`: removes the last record tthc added to a plan, from a small journal kept next to the plan in .tthc/.
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { makeFolder, readText, realPath, writeText } from '../host/files.js';
import { replaceOwnFileSync } from '../edit/write.js';
import type { Command } from 'commander';
import { heavy } from '../host/lazy.js';
import { keepWarm } from '../host/cache.js';
import { RefusedError } from '../model/io.js';
import { msg, say, type Lang } from '../messages/index.js';
import { formatDayVi, todayInVietnam } from '../schedule/index.js';
import { specOf } from './spec.js';
import { planPath, readPlanBytes, type Ctx } from './context.js';

/** How many edits of one plan can be undone, one after the other. */
const KEEP = 10;

/**
 * One edit tthc made: a hash of the bytes it wrote, and how to get back the bytes before it exactly: the bytes it
 * inserted (`inserted`: offset and length in the bytes written, and a hash of the bytes once they are taken out), or,
 * for an edit that was not one insertion (and in journals written before), the bytes before it whole (`before`). A
 * plan of 10 000 tasks is 3 MB: ten copies of it made the journal 40 MB, read and written by every `done`.
 */
export interface JournalEntry {
  kind: 'done' | 'trigger';
  task: string;
  record: { done?: string; trigger?: string; period?: string; ref?: string; note?: string };
  at: string;
  after: string;
  before?: string;
  inserted?: { at: number; length: number; before: string };
}

/** Where `after` is `before` with bytes inserted at one place, that place; else undefined. */
function insertionOf(before: Uint8Array, after: Uint8Array): { at: number; length: number } | undefined {
  const length = after.length - before.length;
  if (length <= 0) return undefined;
  let at = 0;
  while (at < before.length && before[at] === after[at]) at++;
  return Buffer.from(after.buffer, after.byteOffset + at + length, after.length - at - length).equals(Buffer.from(before.buffer, before.byteOffset + at, before.length - at)) ? { at, length } : undefined;
}

/** The bytes before the edit, from the bytes it wrote; undefined when the entry does not give them back exactly. */
function bytesBefore(e: JournalEntry, current: Buffer): Buffer | undefined {
  if (e.before !== undefined) return Buffer.from(e.before, 'base64');
  const i = e.inserted;
  if (!i || i.at + i.length > current.length) return undefined;
  const out = Buffer.concat([current.subarray(0, i.at), current.subarray(i.at + i.length)]);
  return sha256(out) === i.before ? out : undefined;
}

type Journal = Record<string, JournalEntry[]>;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** .tthc/undo.json beside the plan; the folder ignores itself in git (its own .gitignore says `*`). */
function journalFile(plan: string): string {
  return join(dirname(plan), '.tthc', 'undo.json');
}

function readJournal(file: string): Journal {
  try {
    const j = JSON.parse(readText(file)) as unknown;
    return j && typeof j === 'object' && !Array.isArray(j) ? (j as Journal) : {};
  } catch {
    return {};
  }
}

function writeJournal(file: string, journal: Journal): void {
  makeFolder(dirname(file));
  writeText(join(dirname(file), '.gitignore'), '# tthc undo journal: local to this computer\n*\n');
  replaceOwnFileSync(file, JSON.stringify(journal), 0o666);
}

function realPlan(path: string): string {
  try {
    return realPath(path);
  } catch {
    return path;
  }
}

/** Called by done and trigger once their edit is on disk. A journal that cannot be written costs only the undo. */
export function remember(planFile: string, before: Buffer, after: Buffer, entry: Pick<JournalEntry, 'kind' | 'task' | 'record'>, now: Date): void {
  try {
    const plan = realPlan(planFile);
    const file = journalFile(plan);
    const journal = readJournal(file);
    const list = (journal[basename(plan)] ?? []).slice(-(KEEP - 1));
    const inserted = insertionOf(before, after);
    list.push({
      ...entry,
      at: now.toISOString(),
      after: sha256(after),
      ...(inserted ? { inserted: { ...inserted, before: sha256(before) } } : { before: before.toString('base64') }),
    });
    journal[basename(plan)] = list;
    writeJournal(file, journal);
  } catch {
    // a read-only folder: nothing to undo later, which undo will say
  }
}

function describe(e: JournalEntry, lang: Lang): string {
  const r = e.record;
  const what = r.trigger ? say(lang, 'undo.trigger', { day: formatDayVi(r.trigger) }) : say(lang, 'undo.done', { day: formatDayVi(r.done ?? '') });
  const ref = r.ref ? say(lang, 'record.document', { ref: r.ref }) : '';
  return `${e.task}${r.period ? ` (${r.period})` : ''} — ${what}${ref}`;
}

export function registerUndo(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('undo')
    .description('remove the last record tthc added to the plan (done or trigger), if the plan has not changed since')
    .option('--lang <lang>', 'vi or en, for the confirmation (default: TTHC_LANG, else vi)')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)')
    .action(async (opts: { plan?: string; lang?: string }) => {
      const lang = specOf(ctx).lang;
      const file = planPath(ctx, opts.plan);
      const shown = ctx.display(file);
      readPlanBytes(ctx, file); // a missing file or a folder is a usage error
      const plan = realPlan(ctx.abs(file));
      const jfile = journalFile(plan);
      const journal = readJournal(jfile);
      const list = journal[basename(plan)] ?? [];
      const last = list[list.length - 1];
      if (!last) {
        throw new RefusedError(msg('undo.nothing', { file: shown }), msg('undo.nothing.hint'));
      }
      const { updateFile, LockError, ConflictError } = await heavy();
      let restored: Buffer | undefined;
      try {
        await updateFile(ctx.abs(file), (current) => {
          // Only the bytes tthc wrote may be replaced: any other change since would be lost with the record.
          restored = sha256(current) === last.after ? bytesBefore(last, current) : undefined;
          if (!restored) {
            throw new RefusedError(
              msg('undo.changed', { file: shown, record: describe(last, lang), day: formatDayVi(todayInVietnam(new Date(last.at))) }),
              msg('undo.changed.hint'),
            );
          }
          return restored;
        });
      } catch (e) {
        if (e instanceof LockError || e instanceof ConflictError) throw new RefusedError(e.text);
        throw e;
      }
      // The plan is back to bytes tthc read before: the next command finds their analysis (made now if evicted).
      await keepWarm(restored!, shown, ctx.abs(file), ctx.io.env, ctx.today());
      list.pop();
      journal[basename(plan)] = list;
      try {
        writeJournal(jfile, journal);
      } catch {
        // the plan is restored; a stale entry is refused next time, since its hash no longer matches
      }
      ctx.io.write(`${say(lang, 'undo.removed', { file: shown, record: describe(last, lang) })}\n`);
      done(0);
    });
}
