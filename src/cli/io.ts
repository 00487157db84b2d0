/** The CLI's only contact with the terminal and the file system outside the loaders. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pushAll } from '../collections.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** Raw bytes to stdout (a CSV in another encoding than UTF-8). */
  bytes?(data: Uint8Array): void;
}

/** The exit status of a writer whose reader went away: 128 + SIGPIPE, as the shell gives `yes | head`. */
export const EXIT_BROKEN_PIPE = 141;

/**
 * A reader that stops early (`scoresheet check bad.yaml | head -3`) closes the pipe, and the next
 * write fails with EPIPE: stop at once and quietly (nobody reads the rest) instead of dying with a
 * stack trace. A closed stderr loses only the messages; stdout and the exit status still tell.
 */
export function exitQuietlyOnBrokenPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(EXIT_BROKEN_PIPE);
  });
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  bytes: (data) => process.stdout.write(data),
};

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
