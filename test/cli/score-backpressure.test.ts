/**
 * `scoresheet score … | slow-reader`: process.stdout to a pipe does not block, so what the reader has
 * not taken yet is queued in the process. `score` waits for a full stdout to drain before it reads on,
 * so memory does not grow with the input (src/cli/io.ts, lineOutput's `ready`).
 */
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
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
    await settle();
    expect(stdout.lines).toHaveLength(1);
    for (let drained = 1; code === undefined; drained++) {
      expect(stdout.lines).toHaveLength(drained);
      stdout.emit('drain');
      await settle();
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
