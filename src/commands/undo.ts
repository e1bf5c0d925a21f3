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

/** One edit tthc made: the plan's bytes before it (to restore them exactly) and a hash of the bytes it wrote. */
export interface JournalEntry {
  kind: 'done' | 'trigger';
  task: string;
  record: { done?: string; trigger?: string; period?: string; ref?: string; note?: string };
  at: string;
  after: string;
  before: string;
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
    list.push({ ...entry, at: now.toISOString(), after: sha256(after), before: before.toString('base64') });
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
      try {
        await updateFile(ctx.abs(file), (current) => {
          // Only the bytes tthc wrote may be replaced: any other change since would be lost with the record.
          if (sha256(current) !== last.after) {
            throw new RefusedError(
              msg('undo.changed', { file: shown, record: describe(last, lang), day: formatDayVi(todayInVietnam(new Date(last.at))) }),
              msg('undo.changed.hint'),
            );
          }
          return Buffer.from(last.before, 'base64');
        });
      } catch (e) {
        if (e instanceof LockError || e instanceof ConflictError) throw new RefusedError(e.text);
        throw e;
      }
      // The plan is back to bytes tthc read before: the next command finds their analysis (made now if evicted).
      await keepWarm(Buffer.from(last.before, 'base64'), shown, ctx.abs(file), ctx.io.env, ctx.today());
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
