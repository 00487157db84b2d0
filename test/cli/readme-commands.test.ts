/**
 * The README's commands from a clone (`npx scoresheet …`, issue 15 item 8) still work: each is run
 * in-process, as the binary would run it from the repository root, and succeeds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const readme = readFileSync('README.md', 'utf8');
const commands = [...readme.matchAll(/^npx scoresheet (.+)$/gm)].map((m) => m[1]!.replace(/\s+#.*$/, '').trim().split(/\s+/));

describe("the README's commands", () => {
  it('names the commands to run from a clone', () => {
    expect(commands.map((c) => c[0])).toEqual(['check', 'rank']);
  });

  it.each(commands.map((c) => [c.join(' '), c] as const))('npx scoresheet %s exits 0 with output', async (_, args) => {
    const r = await runCli(args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).not.toBe('');
  });
});
