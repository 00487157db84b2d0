/** Helpers for tests that exercise the built package (dist/), as a user installs it. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** Fails with a clear message when the package has not been built (CI builds before testing). */
export function requireBuild(): void {
  if (!existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` before the tests');
}

/**
 * The environment the CLI runs in under test: the language settings of the machine running the tests
 * taken out (no SCORESHEET_LANG, LC_ALL or LC_MESSAGES; LANG=C), so a command without --lang speaks
 * English on any CI machine, as the tests expect.
 */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['SCORESHEET_LANG', 'LC_ALL', 'LC_MESSAGES']) delete env[key];
  return { ...env, LANG: 'C', ...extra };
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built `scoresheet` binary from the repository root, in a process of its own. Only the tests
 * that keep the binary honest (its start, its exit status, stdin through a pipe) or that need a process
 * of their own use it; the others call `main` in-process through `runCli` (test/support/cli.ts).
 */
export function runBuiltCli(args: readonly string[], options: { input?: string | Buffer; env?: Record<string, string>; timeout?: number } = {}): RunResult {
  requireBuild();
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    // A run that hangs (a FIFO read) is killed and fails its test (code -1) instead of holding the worker.
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    input: options.input,
    env: cliEnv(options.env),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a snippet with plain Node from the repository root (self-reference resolves `scoresheet`). */
export function runNode(args: readonly string[]): RunResult {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
