// `tthc completion SHELL` prints a completion script; the script asks `tthc __complete` (hidden) for the candidates.
import type { Command, Option } from 'commander';
import { UsageError } from '../model/io.js';
import { evaluatePlan } from '../views/evaluate.js';
import { formatNames } from '../render/registry.js';
import { checkFile, planPath, type Ctx } from './context.js';
import { msg } from '../messages/index.js';
import { formatRegistryOf } from './spec.js';

const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;

/**
 * The protocol: `tthc __complete --cur=WORD BEFORE...`, where WORD is the word being completed (possibly empty:
 * passed inside --cur= because some shells drop an empty argument) and BEFORE the words typed before it, without
 * `tthc`. The answer is one candidate a line, already filtered by WORD; none lets the shell complete file names.
 */
export const SCRIPTS: Record<(typeof SHELLS)[number], string> = {
  bash: `# tthc completion for bash. Load it with: eval "$(tthc completion bash)"  (e.g. in ~/.bashrc)
_tthc_complete() {
  local IFS=$'\\n' cur="\${COMP_WORDS[COMP_CWORD]}"
  local -a found
  found=($(tthc __complete "--cur=$cur" "\${COMP_WORDS[@]:1:COMP_CWORD-1}" 2>/dev/null))
  COMPREPLY=("\${found[@]// /\\\\ }")
}
complete -o default -F _tthc_complete tthc
`,
  zsh: `#compdef tthc
# tthc completion for zsh. Load it with: eval "$(tthc completion zsh)"  (after compinit, e.g. in ~/.zshrc)
_tthc() {
  local -a found
  found=("\${(@f)$(tthc __complete "--cur=\${words[CURRENT]}" "\${(@)words[2,CURRENT-1]}" 2>/dev/null)}")
  found=(\${found:#})
  if (( \${#found} )); then compadd -Q -- "\${(@q)found}"; else _files; fi
}
compdef _tthc tthc
`,
  fish: `# tthc completion for fish. Load it with: tthc completion fish | source  (e.g. in ~/.config/fish/config.fish)
function __tthc_complete
    set -l cur (commandline -ct)
    set -l before (commandline -opc)
    tthc __complete "--cur=$cur" $before[2..-1] 2>/dev/null
end
complete -c tthc -f -a '(__tthc_complete)'
`,
  powershell: `# tthc completion for PowerShell. Load it with: tthc completion powershell | Out-String | Invoke-Expression
# (e.g. in $PROFILE)
# A word typed in quotes ('plans/kế hoạch.yaml') is passed without them, as tthc would receive it.
Register-ArgumentCompleter -Native -CommandName tthc -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $before = @($commandAst.CommandElements | Select-Object -Skip 1 |
        Where-Object { $_.Extent.EndOffset -lt $cursorPosition } | ForEach-Object {
            if ($_ -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $_.Value } else { $_.ToString() }
        })
    $cur = $wordToComplete -replace '^[''"]', ''
    tthc __complete "--cur=$cur" @before 2>$null | ForEach-Object {
        $text = if ($_ -match '\\s') { "'" + ($_ -replace "'", "''") + "'" } else { $_ }
        [System.Management.Automation.CompletionResult]::new($text, $_, 'ParameterValue', $_)
    }
}
`,
};

export function registerCompletion(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('completion')
    .description('print the completion script for a shell: bash, zsh, fish or powershell')
    .argument('<shell>', 'bash, zsh, fish or powershell')
    .action((shell: string) => {
      const s = shell.toLowerCase().replace(/^pwsh$/, 'powershell') as (typeof SHELLS)[number];
      if (!SHELLS.includes(s)) throw new UsageError(msg('opt.shell', { shell }), msg('opt.shell.hint', { shells: SHELLS.join(', ') }));
      ctx.io.write(SCRIPTS[s]);
      done(0);
    });
}

/** Values an option takes, where they are a fixed list. */
const VALUES: Record<string, string[]> = {
  '--role': ['chu-tri', 'phoi-hop', 'any', 'lead', 'support'],
  '--lang': ['vi', 'en'],
  '--by': ['task', 'agency', 'section'],
  '--periods': ['calendar', 'reporting'],
  '--quarter': ['1', '2', '3', '4'],
  '--sep': [',', ';'],
  '--fail-on': ['overdue', 'due-soon'],
  '--as-of': ['hôm nay', 'hôm qua', 'today'],
  '--today': ['hôm nay', 'hôm qua', 'today'],
  '--date': ['hôm nay', 'hôm qua', 'today'],
};

/**
 * The formats of the command's view, from its registry. A binary one (xlsx, docx) only once --output names a file:
 * it cannot go to the terminal, and offering it first would lead a clerk into a refusal.
 */
function formatCandidates(cmd: Command, before: string[]): string[] {
  const registry = formatRegistryOf(cmd);
  if (!registry) return [];
  const output = before.some((w) => w === '--output' || w === '-o' || w.startsWith('--output='));
  return formatNames(registry).filter((f) => output || !registry[f]?.binary);
}

function optionOf(cmd: Command, word: string): Option | undefined {
  return cmd.options.find((o) => o.long === word || o.short === word);
}

/** The candidates for `tthc __complete`; a plan that cannot be read gives none (completion never prints errors). */
export async function complete(program: Command, ctx: Ctx, args: string[]): Promise<string[]> {
  const cur = (args.find((a) => a.startsWith('--cur=')) ?? '--cur=').slice(6);
  const before = args.filter((a) => !a.startsWith('--cur='));
  const visible = program.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);
  const name = before.find((w) => !w.startsWith('-'));
  const cmd = visible.find((c) => c.name() === name);
  const starting = (list: Iterable<string>) => [...new Set(list)].filter((x) => x.toLowerCase().startsWith(cur.toLowerCase()));
  if (!cmd) return cur.startsWith('-') ? starting(['--help', '--version', '--no-color', '--width']) : starting(visible.map((c) => c.name()));
  if (cur.startsWith('-')) return starting([...cmd.options.flatMap((o) => [o.long ?? '']).filter(Boolean), '--help']);
  const prev = before[before.length - 1] ?? '';
  const opt = prev.startsWith('-') ? optionOf(cmd, prev) : undefined;
  const planFlag = (() => {
    const i = before.findIndex((w) => w === '--plan' || w === '-p');
    return i >= 0 ? before[i + 1] : undefined;
  })();
  const plan = async () => {
    try {
      return (await checkFile(ctx, planPath(ctx, planFlag))).plan;
    } catch {
      return undefined;
    }
  };
  if (opt && (opt.required || opt.optional)) {
    const long = opt.long ?? '';
    if (VALUES[long]) return starting(VALUES[long]!);
    if (long === '--format') return starting(formatCandidates(cmd, before));
    if (long === '--agency') {
      const p = await plan();
      if (!p) return [];
      return starting(['all', ...[...p.agencies.values()].flatMap((a) => [a.id, ...(a.aliases ?? [])])]);
    }
    if (long === '--period') {
      const p = await plan();
      const id = before.slice(before.indexOf(cmd.name()) + 1).find((w, i, all) => !w.startsWith('-') && !(all[i - 1] ?? '').startsWith('-'));
      const task = p && id ? p.taskById.get(id) : undefined;
      if (!p || !task) return [];
      const state = evaluatePlan(p, ctx.today(), 14).byId.get(task.id);
      return starting((state?.eval.occurrences ?? []).map((o) => o.period).filter((x): x is string => typeof x === 'string'));
    }
    // Files and free text (--plan, --output, --ref, --note): the shell's own completion.
    return [];
  }
  // A task id where the command takes one (show, done, trigger).
  if (cmd.registeredArguments.length > 0 && ['show', 'done', 'trigger'].includes(cmd.name())) {
    const p = await plan();
    return p ? starting(p.tasks.map((t) => t.id)) : [];
  }
  if (cmd.name() === 'completion') return starting(SHELLS);
  return [];
}
