// `tthc import FILE`: a plan file from the text of a plan's document (its appendix table, or the whole document).
import type { Command } from 'commander';
import { heavy, importer } from '../host/lazy.js';
import { exists, isFile } from '../host/files.js';
import { keepWarm } from '../host/cache.js';
import { RefusedError, UsageError } from '../model/io.js';
import { decodePlanBytes } from '../read/decode.js';
import { readPlanBytes, runLang, type Ctx } from './context.js';
import { writeOutput } from './output.js';
import type { AgencyFile } from '../model/schema.js';
import { msg, render, say } from '../messages/index.js';
import { sayFinding } from '../messages/findings-say.js';

interface Opts {
  agencies?: string;
  output?: string;
  year?: string;
  force?: boolean;
}

export function registerImport(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('import')
    .description("make a plan file from the text of a plan's document (its appendix table, or the whole document)")
    .argument('<file>', 'the document: a .docx, a PDF with a text layer, or text copied from Word (tab-separated table rows)')
    .option('--output <plan.yaml>', 'write the plan to this file (default: print it)')
    .option('--year <year>', "the plan's year, where the document does not say it")
    .option('--force', 'overwrite --output if it exists')
    .option('--agencies <plan.yaml>', "recognise the agencies declared in this file's `agencies:` (an earlier plan of the office), with their ids")
    .action(async (file: string, opts: Opts) => {
      let year: number | undefined;
      if (opts.year !== undefined) {
        if (!/^\d{4}$/.test(opts.year)) throw new UsageError(msg('import.year', { value: opts.year }), msg('import.year.hint'));
        year = Number(opts.year);
        if (year < 1990 || year > 2100) throw new UsageError(msg('import.yearRange', { year }), msg('import.yearRange.hint'));
      }
      if (opts.output && exists(ctx.abs(opts.output)) && !opts.force) {
        throw new UsageError(msg('import.exists', { file: opts.output }), msg('import.exists.hint'));
      }
      const shown = ctx.display(file);
      const lang = runLang(ctx);
      const bytes = readPlanBytes(ctx, file);
      const { importPlan, ImportError, docxToText, DocxError, pdfToText, PdfError } = await importer();
      let text: string;
      const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
      if (starts([0x25, 0x50, 0x44, 0x46])) {
        try {
          text = await pdfToText(bytes);
        } catch (e) {
          if (e instanceof PdfError) throw new RefusedError(say(lang, 'imp.at', { where: shown, text: render(lang, e.text) }), e.hintText);
          throw e;
        }
      } else if (starts([0xd0, 0xcf, 0x11, 0xe0])) {
        throw new RefusedError(msg('import.doc', { file: shown }), msg('import.doc.hint'));
      } else if (starts([0x50, 0x4b, 0x03, 0x04])) {
        try {
          text = docxToText(bytes);
        } catch (e) {
          if (e instanceof DocxError) throw new RefusedError(say(lang, 'imp.at', { where: shown, text: render(lang, e.text) }), msg('import.docx.hint'));
          throw e;
        }
      } else {
        const decoded = decodePlanBytes(bytes, shown);
        if (decoded.text === undefined) {
          const d = decoded.diagnostics[0]!;
          throw new RefusedError(`${shown}:${d.start.line}:${d.start.col}: ${sayFinding(runLang(ctx), d.message)}`, d.hint === undefined ? undefined : sayFinding(runLang(ctx), d.hint));
        }
        text = decoded.text;
      }
      const agencies = opts.agencies === undefined ? undefined : await ownAgencies(ctx, opts.agencies);
      let result;
      try {
        result = importPlan(text, { ...(year !== undefined ? { year } : {}), ...(agencies ? { agencies } : {}), file: shown });
      } catch (e) {
        if (e instanceof ImportError) {
          const said = e.say(lang);
          throw new RefusedError(say(lang, 'imp.at', { where: `${shown}:${e.line}`, text: said.message }), said.hint);
        }
        throw e;
      }
      for (const w of result.warnings) {
        const text = w.text ? render(lang, w.text) : w.message;
        const hint = w.hintText ? render(lang, w.hintText) : w.hint;
        ctx.io.error(`${say(lang, 'imp.warning', { where: `${shown}:${w.line}`, text })}${hint ? `\n  ${say(lang, 'cli.hint')}: ${hint}` : ''}\n`);
      }
      await writeOutput(ctx, result.yaml, opts.output, { replacePlan: Boolean(opts.force) });
      if (opts.output) {
        // The `tthc check` suggested next, and every command after it, finds the plan analysed.
        if (opts.output !== '-' && isFile(ctx.abs(opts.output))) await keepWarm(Buffer.from(result.yaml, 'utf8'), ctx.display(opts.output), ctx.abs(opts.output), ctx.io.env, ctx.today());
        const n = result.plan.sections.reduce((s, x) => s + x.tasks.length, 0);
        ctx.io.error(`${say(lang, 'imp.done', { sections: result.plan.sections.length, tasks: n, agencies: Object.keys(result.plan.agencies).length, file: opts.output })}\n`);
      }
      done(0);
    });
}

/** The `agencies:` of a plan file (or of a file holding only that key), for --agencies. */
async function ownAgencies(ctx: Ctx, file: string): Promise<Record<string, AgencyFile>> {
  const shown = ctx.display(file);
  const decoded = decodePlanBytes(readPlanBytes(ctx, file), shown);
  const { parseYaml: parse } = await heavy();
  let data: unknown;
  try {
    data = decoded.text === undefined ? undefined : parse(decoded.text, { schema: 'core' });
  } catch {
    data = undefined;
  }
  const agencies = (data as { agencies?: unknown } | undefined)?.agencies;
  const ok =
    agencies !== null &&
    typeof agencies === 'object' &&
    Object.values(agencies).every((a) => a !== null && typeof a === 'object' && typeof (a as { name?: unknown }).name === 'string');
  if (!ok) {
    throw new UsageError(msg('import.agencies', { file: shown }), msg('import.agencies.hint'));
  }
  return agencies as Record<string, AgencyFile>;
}
