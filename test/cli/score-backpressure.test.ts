/**
 * `scoresheet score … | slow-reader`: process.stdout to a pipe does not block, so what the reader has
 * not taken yet is queued in the process. `score` waits for a full stdout to drain before it reads on,
 * so memory does not grow with the input (src/cli/io.ts, lineOutput's `ready`); `rank --format json` and
 * `report` wait so between batches of their lines (src/cli/write-lines.ts, outLines).
 */
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliWriter } from '../../src/cli/io.js';
import { cliEnv } from '../support/built.js';

/** A stdout whose buffer is always full: every write asks the writer to wait for 'drain'. */
class FullPipe extends EventEmitter implements CliWriter {
  readonly lines: string[] = [];
  destroyed = false;
  write(chunk: string | Uint8Array): boolean {
    this.lines.push(String(chunk));
    return false;
  }
}

const records = (n: number) =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ id: `r${i}`, unit: { id: 'g1-c1' }, date: '2024-03-04', findings: [] })).join('\n') + '\n';

/** Lets every pending read and microtask run: the CLI then either waits for 'drain' or has written on. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

function run(stdout: FullPipe, n: number) {
  const stdin = Readable.from([Buffer.from(records(n))]);
  const stderr = { write: () => true };
  const args = ['score', '--standard', 'standards/school-hygiene.yaml', '--format', 'ndjson', '--input-format', 'ndjson', '-'];
  return main(args, { stdin, stdout, stderr, env: cliEnv() });
}

describe('score --format ndjson into a pipe whose reader is slower', () => {
  it('writes a scorecard, then waits for the pipe to drain before the next', async () => {
    const stdout = new FullPipe();
    let code: number | undefined;
    const done = run(stdout, 5).then((c) => (code = c));
    // Each line is awaited as long as it takes (a loaded machine starts the CLI slowly); once it is there,
    // nothing more may come before the pipe drains.
    for (let drained = 1; ; drained++) {
      await vi.waitFor(() => expect(stdout.lines.length >= drained || code !== undefined).toBe(true), { timeout: 20_000, interval: 1 });
      if (code !== undefined) break;
      await settle();
      expect(stdout.lines).toHaveLength(drained);
      stdout.emit('drain');
    }
    await done;
    expect(code).toBe(0);
    expect(stdout.lines.map((line) => JSON.parse(line).record)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(stdout.listenerCount('drain') + stdout.listenerCount('close')).toBe(0);
  });

  it('does not wait on a stdout that closes: the rest is written and dropped, as before', async () => {
    const stdout = new FullPipe();
    let code: number | undefined;
    const done = run(stdout, 4).then((c) => (code = c));
    await settle();
    stdout.destroyed = true;
    stdout.emit('close');
    await done;
    expect(code).toBe(0);
    expect(stdout.lines).toHaveLength(4);
  });
});

describe('rank --format json into a pipe whose reader is slower', () => {
  it('writes a batch of the league, then waits for the pipe to drain before the next', async () => {
    const stdout = new FullPipe();
    const many = Array.from({ length: 120 }, (_, i) => JSON.stringify({ id: `r${i}`, unit: { id: `g1-c${i % 9}` }, date: `2024-03-${String(4 + (i % 20)).padStart(2, '0')}`, findings: [] })).join('\n') + '\n';
    const args = ['rank', '--standard', 'standards/school-hygiene.yaml', '--period', 'week', '--format', 'json', '--input-format', 'ndjson', '-'];
    let code: number | undefined;
    const done = main(args, { stdin: Readable.from([Buffer.from(many)]), stdout, stderr: { write: () => true }, env: cliEnv() }).then((c) => (code = c));
    let batches = 0;
    for (;;) {
      await vi.waitFor(() => expect(stdout.lines.length > batches || code !== undefined).toBe(true), { timeout: 20_000, interval: 1 });
      if (code !== undefined) break;
      batches++;
      await settle();
      expect(stdout.lines).toHaveLength(batches);
      stdout.emit('drain');
    }
    await done;
    expect(code).toBe(0);
    expect(batches).toBeGreaterThan(1);
    expect(JSON.parse(stdout.lines.join('')).results.length).toBeGreaterThan(9);
  });
});
