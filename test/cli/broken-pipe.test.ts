/**
 * `scoresheet check bad.yaml | head -3`: the reader closes the pipe after a few lines. The CLI stops
 * quietly with 141 (128 + SIGPIPE, as the shell gives `yes | head`), never an unhandled EPIPE stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, requireBuild } from '../support/built.js';

describe('a reader that closes stdout early', () => {
  it('ends the CLI quietly with 141', async () => {
    requireBuild();
    // 2,000 unknown keys: 170 kB of diagnostics, more than a pipe holds, so the CLI is still writing when the reader leaves.
    const bad = join(mkdtempSync(join(tmpdir(), 'scoresheet-pipe-')), 'bad.yaml');
    const keys = Array.from({ length: 2000 }, (_, i) => `unknown${i}: 1`);
    writeFileSync(bad, ['format: 1', 'id: bad', 'version: "1"', 'name: bad', ...keys].join('\n') + '\n');
    const child = spawn(process.execPath, [CLI, 'check', bad], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
    expect(stderr).toBe('');
    expect(code).toBe(141);
  });
});
