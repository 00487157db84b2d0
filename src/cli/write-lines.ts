/** Output made of many lines (a report's page, `rank --format json`), written a batch at a time: never one string. */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Output } from './io.js';

/** A batch's characters (two bytes each in a string with Chinese: 32 KB). */
const BATCH = 1 << 14;

/**
 * Lines joined by line breaks into pieces of about 16,000 characters (a line longer stays whole): fewer
 * writes than a line each, and each piece small enough to be made in V8's young generation (beyond
 * 128 KB a string is made in its large-object space, freed only by a full collection: a large output
 * made of 1 MB pieces grew the heap by hundreds of MB of them before one came).
 */
export function* batches(lines: Iterable<string>): Generator<string> {
  let batch: string[] = [];
  let size = 0;
  for (const line of lines) {
    batch.push(line);
    size += line.length + 1;
    if (size < BATCH) continue;
    yield batch.join('\n');
    batch = [];
    size = 0;
  }
  if (batch.length > 0) yield batch.join('\n');
}

/** Writes each line and a line break to `path` (UTF-8), a batch at a time, as fast as the file takes them. */
export async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const withBreaks = function* () {
    for (const batch of batches(lines)) yield batch + '\n';
  };
  await pipeline(Readable.from(withBreaks()), createWriteStream(path));
}

/** Writes each line to `out` a batch at a time, waiting while its reader is behind (a pipe): nothing queues in the process. */
export async function outLines(out: Output, lines: Iterable<string>): Promise<void> {
  for (const batch of batches(lines)) {
    out.out(batch);
    await out.ready?.();
  }
}
