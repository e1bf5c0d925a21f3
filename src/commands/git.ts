// The git program, for diff and log: a plan file's versions at revisions and its history (spawned without a shell).
import { basename, dirname, join, relative } from 'node:path';
import { realPath } from '../host/files.js';
import { runGit } from '../host/git.js';
import { UsageError } from '../model/io.js';
import { msg } from '../messages/index.js';

export interface GitResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs git with `args` (host/git.ts spawns it, without a shell); git not found is a usage error that says so.
 */
export async function git(cwd: string, args: string[], env: Record<string, string | undefined>): Promise<GitResult> {
  const r = await runGit(cwd, args, env);
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(msg('git.missing'), msg('git.missing.hint'));
    throw new UsageError(msg('git.cannotRun', { detail: r.error.message }));
  }
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr.toString('utf8').trim() };
}

export interface Tracked {
  /** The repository's top folder. */
  root: string;
  /** The file's path inside the repository, with forward slashes, as git names it. */
  path: string;
}

/** The repository that holds the file at the absolute path `abs` (which need not exist), or undefined outside one. */
export async function repositoryOf(abs: string, env: Record<string, string | undefined>): Promise<Tracked | undefined> {
  let dir: string;
  try {
    dir = realPath(dirname(abs));
  } catch {
    return undefined;
  }
  const r = await git(dir, ['rev-parse', '--show-toplevel'], env);
  if (r.status !== 0) return undefined;
  const root = r.stdout.toString('utf8').trim();
  const path = relative(realPath(root), join(dir, basename(abs))).split('\\').join('/');
  return { root, path };
}

/** Checks that `rev` names a commit; an unknown one is a usage error. */
export async function verifyRevision(root: string, rev: string, env: Record<string, string | undefined>): Promise<string> {
  if (rev.startsWith('-')) throw new UsageError(msg('git.notRev', { rev }), msg('git.notRev.hint'));
  const r = await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], env);
  if (r.status !== 0) {
    throw new UsageError(msg('git.neither', { rev }), msg('git.neither.hint'));
  }
  return r.stdout.toString('utf8').trim();
}

/**
 * The bytes of `path` at `rev` (`''` for the index, as in `git show :path`); undefined where that revision has no
 * such file.
 */
export async function showFile(root: string, rev: string, path: string, env: Record<string, string | undefined>): Promise<Buffer | undefined> {
  const spec = `${rev}:${path}`;
  const exists = await git(root, ['cat-file', '-e', spec], env);
  if (exists.status !== 0) return undefined;
  const r = await git(root, ['show', '--no-textconv', spec], env);
  if (r.status !== 0) throw new UsageError(msg('git.showFailed', { spec, detail: r.stderr }));
  return r.stdout;
}

/** Whether the repository has any commit yet. */
export async function hasCommits(root: string, env: Record<string, string | undefined>): Promise<boolean> {
  return (await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], env)).status === 0;
}

export interface Commit {
  hash: string;
  short: string;
  /** The author's date, YYYY-MM-DD as the author's clock wrote it. */
  date: string;
  author: string;
  email: string;
  subject: string;
  /** The file's path in this commit (it may have been renamed since). */
  path: string;
}

/** The commits that changed `path`, oldest first, following renames. */
export async function fileHistory(root: string, path: string, env: Record<string, string | undefined>): Promise<Commit[]> {
  const r = await git(root, ['log', '--follow', '-z', '--name-only', '--format=%x1e%H%x1f%h%x1f%ad%x1f%an%x1f%ae%x1f%s', '--date=short', '--', path], env);
  if (r.status !== 0) throw new UsageError(msg('git.logFailed', { detail: r.stderr }));
  const out: Commit[] = [];
  for (const chunk of r.stdout.toString('utf8').split('\x1e')) {
    if (!chunk.trim()) continue;
    // With -z the header ends in NUL, then a newline and the file names, each ended by NUL.
    const end = chunk.indexOf('\0');
    const f = (end < 0 ? chunk : chunk.slice(0, end)).split('\x1f');
    const names = (end < 0 ? '' : chunk.slice(end + 1)).split('\0').map((s) => s.replace(/^\n/, '')).filter(Boolean);
    out.push({ hash: f[0]!, short: f[1]!, date: f[2]!, author: f[3]!, email: f[4]!, subject: f[5] ?? '', path: names[0] ?? path });
  }
  return out.reverse();
}
