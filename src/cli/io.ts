/** The CLI's only contact with the terminal (through a `CliIo`) and the file system outside the loaders. */
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pushAll } from '../collections.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** Raw bytes to stdout (a CSV in another encoding than UTF-8). */
  bytes?(data: Uint8Array): void;
  /**
   * A promise while stdout's buffer is full (its reader, a pipe, is slower than the command), else
   * undefined: a command that writes a line per record waits on it before it reads on.
   */
  ready?(): Promise<void> | undefined;
}

/**
 * Control characters a terminal acts on (ESC starting `ESC[2J`, which clears the screen, C1's CSI, a bell,
 * a backspace, DEL, a carriage return not ending a line): text from a record or standard printed as it is
 * could rewrite what the reader sees. Each is printed as its JSON escape (`\u001b`) instead; tabs and line
 * breaks stay. JSON.stringify escapes C0 itself but not DEL or C1, which can stand only inside a JSON
 * string, where the escape means the same character: JSON output stays exact.
 */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/g;
/** Every character TERMINAL_CONTROL can match (a CR, lone or not, among them): one character class scans in half the alternation's time, and most lines have none. */
const MAYBE_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const escapeControl = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
export const printable = (text: string): string => (MAYBE_CONTROL.test(text) ? text.replace(TERMINAL_CONTROL, escapeControl) : text);

/**
 * `-o FILE`: what a command would print on stdout, kept to be written to the file at the end
 * (`written`); its problems still go to stderr.
 */
export function fileOutput(out: Output): Output & { written(): Buffer } {
  const chunks: Buffer[] = [];
  return {
    out: (text) => chunks.push(Buffer.from(printable(text) + '\n', 'utf8')),
    err: (text) => out.err(text),
    bytes: (data) => chunks.push(Buffer.from(data)),
    written: () => Buffer.concat(chunks),
  };
}

/** Writes `data` to `path`; false, with the reason on stderr (in `cannotWrite`'s words), when it cannot. */
export async function writeOutputFile(path: string, data: Uint8Array | string, out: Output, cannotWrite: (file: string, detail: string) => string): Promise<boolean> {
  try {
    await writeFile(path, data);
    return true;
  } catch (error) {
    out.err(cannotWrite(path, (error as Error).message));
    return false;
  }
}

/** The exit status of a writer whose reader went away: 128 + SIGPIPE, as the shell gives `yes | head`. */
export const EXIT_BROKEN_PIPE = 141;

/** Where the CLI writes: a stream such as process.stdout, or anything that collects what it is given. */
export interface CliWriter {
  /** A stream returns false when its buffer is full, and then emits 'drain' (or 'close'). */
  write(chunk: string | Uint8Array): unknown;
  once?(event: 'drain' | 'close', listener: () => void): unknown;
  off?(event: 'drain' | 'close', listener: () => void): unknown;
  /** A stream destroyed (closed, or failed) drains no more. */
  readonly destroyed?: boolean;
  /** A terminal: `check` draws code frames, and help wraps at `columns`. */
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/**
 * Everything the CLI takes from the process it runs in, so that `main(argv, io)` runs as well inside
 * a test as behind the `scoresheet` binary (src/cli.ts builds it from `process`). Relative paths are
 * still read from the working directory, as the library reads them.
 */
export interface CliIo {
  /** Records when a command reads `-` (or is given no records). */
  readonly stdin: Readable;
  readonly stdout: CliWriter;
  readonly stderr: CliWriter;
  /** The default --lang (SCORESHEET_LANG, LC_ALL, LC_MESSAGES, LANG) and SCORESHEET_CHROMIUM. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * The line-by-line writer every command is given, over the io's stdout and stderr. A pipe to a slower
 * reader queues what is written in the process (`process.stdout` to a pipe does not block): `ready`
 * says when to wait for it to drain (`score` piped into a slow reader held 3–4 KB a record before).
 */
export function lineOutput(io: Pick<CliIo, 'stdout' | 'stderr'>): Output {
  const { stdout } = io;
  let waiting: Promise<void> | undefined;
  const write = (chunk: string | Uint8Array) => {
    if (stdout.write(chunk) !== false || waiting !== undefined || stdout.destroyed === true) return;
    const { once, off } = stdout;
    if (once === undefined || off === undefined) return;
    waiting = new Promise<void>((resolve) => {
      const done = () => {
        off.call(stdout, 'drain', done);
        off.call(stdout, 'close', done);
        waiting = undefined;
        resolve();
      };
      once.call(stdout, 'drain', done);
      once.call(stdout, 'close', done);
    });
  };
  return {
    out: (text) => write(printable(text) + '\n'),
    err: (text) => io.stderr.write(printable(text) + '\n'),
    bytes: write,
    ready: () => waiting,
  };
}

/** What the broken-pipe handler needs of a process: its two output streams, and its exit. */
export interface PipedProcess {
  readonly stdout: { on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown };
  readonly stderr: { on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown };
  exit(code: number): never;
}

/**
 * A reader that stops early (`scoresheet check bad.yaml | head -3`) closes the pipe, and the next
 * write fails with EPIPE: stop at once and quietly (nobody reads the rest) instead of dying with a
 * stack trace. A closed stderr loses only the messages; stdout and the exit status still tell.
 * Only the binary installs it (on `process`): an in-process run has no pipe of its own to lose.
 */
export function exitQuietlyOnBrokenPipe(proc: PipedProcess): void {
  proc.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    proc.exit(EXIT_BROKEN_PIPE);
  });
  proc.stderr.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

/**
 * Standard paths as given; a directory stands for every `*.yaml` directly in it (subfolders hold
 * tests and other material, never standards). A missing path is left for the loader to report.
 */
export async function expandStandardPaths(paths: readonly string[]): Promise<{ paths: string[] } | { error: string }> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const entries = await yamlFilesIn(path);
      if (entries.length === 0) return { error: `no *.yaml standard in ${path}` };
      for (const file of entries) out.push(file);
    } else {
      out.push(path);
    }
  }
  return { paths: out };
}

/**
 * The regular `*.yaml` / `*.yml` files directly in a folder, sorted: a FIFO, a device or a folder so
 * named is not a standard (reading a FIFO would hang), and a folder's contents are the input's, not the user's choice.
 */
export async function yamlFilesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort()) {
    const file = join(dir, name);
    if ((await stat(file).catch(() => undefined))?.isFile()) out.push(file);
  }
  return out;
}
