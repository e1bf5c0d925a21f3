// `tthc config`: each effective setting (agency, plan, language, warning window) and where it comes from.
import type { Command } from 'commander';
import { CONFIG_KEYS } from '../host/config.js';
import { formatDayVi } from '../schedule/index.js';
import { planPath, type Ctx } from './context.js';

const DEFAULTS: Record<(typeof CONFIG_KEYS)[number], string> = { agency: 'tất cả cơ quan (all agencies)', plan: '', lang: 'vi', within: '14' };

export function registerConfig(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('config')
    .description('show each setting in effect (tthc.yaml, TTHC_* variables) and where it comes from')
    .option('--show', 'the same (the default)')
    .action(() => {
      const config = ctx.config();
      let out = `tthc.yaml: ${config.file ? ctx.display(config.file) : '— (none here or in a folder above)'}\n`;
      for (const key of CONFIG_KEYS) {
        const s = config[key];
        if (key === 'plan') {
          let chosen: string;
          try {
            chosen = ctx.display(ctx.abs(planPath(ctx, undefined)));
          } catch (e) {
            chosen = `— ${(e as Error).message}`;
          }
          const from = s ? `${s.value} (${s.source})` : 'plans/ (found here or above)';
          out += `plan:   ${chosen}   ← ${from}${s && /^\d{4}$/.test(s.value) ? '' : `, for ${formatDayVi(ctx.today())}`}\n`;
          continue;
        }
        out += `${`${key}:`.padEnd(7)} ${s ? `${s.value}   ← ${s.source}` : `${DEFAULTS[key]}   ← default`}\n`;
      }
      ctx.io.write(out);
      done(0);
    });
}
