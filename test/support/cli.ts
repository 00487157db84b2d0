/** The CLI run in-process: `main(argv, io)` with captured output, as a test calls it (no dist/, no spawn). */
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliWriter } from '../../src/cli/io.js';
import { cliEnv, type RunResult } from './built.js';

export interface CliRun extends RunResult {
  /** Standard output as written, for output in another encoding than UTF-8 (`--output-encoding gb18030`). */
  readonly stdoutBytes: Buffer;
}

export interface CliRunOptions {
  /** Standard input; empty when absent, as a spawned CLI's closed stdin. */
  readonly input?: string | Buffer;
  /** Added to `cliEnv()`'s environment (LANG=C, no SCORESHEET_LANG, LC_ALL or LC_MESSAGES). */
  readonly env?: Record<string, string>;
  /** Standard output is a terminal (`check` draws code frames). */
  readonly isTTY?: boolean;
}

/** A writer that keeps every chunk, as bytes. */
function capture(isTTY = false): CliWriter & { bytes(): Buffer } {
  const chunks: Buffer[] = [];
  return {
    isTTY,
    columns: 80,
    write: (chunk) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk)),
    bytes: () => Buffer.concat(chunks),
  };
}

/**
 * Runs `scoresheet args…` in this process, from the repository root (the working directory of the
 * tests), and gives what a spawned CLI would: its exit code, stdout and stderr (decoded as UTF-8).
 */
export async function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const stdin = new Readable({ read() {} });
  if (options.input !== undefined) stdin.push(typeof options.input === 'string' ? Buffer.from(options.input, 'utf8') : options.input);
  stdin.push(null);
  const stdout = capture(options.isTTY);
  const stderr = capture();
  const code = await main(args, { stdin, stdout, stderr, env: cliEnv(options.env) });
  const stdoutBytes = stdout.bytes();
  return { code, stdout: stdoutBytes.toString('utf8'), stderr: stderr.bytes().toString('utf8'), stdoutBytes };
}
