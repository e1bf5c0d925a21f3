// Running the git program (diff and log only), without a shell: commands/git.ts says what to ask and reads the answer.

/** A plan's history is small; a hundred megabytes of output is far past anything a plan repository holds. */
const MAX_OUTPUT = 100 * 1024 * 1024;

export interface GitRun {
  /** Set where git could not be started at all (ENOENT: not installed). */
  error?: NodeJS.ErrnoException;
  status: number | null;
  stdout: Buffer;
  stderr: Buffer;
}

/**
 * Runs git with `args` as a list (no shell: paths with spaces or Vietnamese letters pass as they are). Git's own
 * messages stay in English and paths are not quoted, so that they can be read back.
 */
export async function runGit(cwd: string, args: string[], env: Record<string, string | undefined>): Promise<GitRun> {
  // Loaded here, not at start-up: only diff and log spawn a program.
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    env: { ...env, LC_ALL: 'C', GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0' } as NodeJS.ProcessEnv,
    maxBuffer: MAX_OUTPUT,
    windowsHide: true,
  });
  return { ...(r.error ? { error: r.error as NodeJS.ErrnoException } : {}), status: r.status, stdout: r.stdout, stderr: r.stderr };
}
