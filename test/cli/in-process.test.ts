/**
 * `main(argv, io)` runs the CLI inside the test process: everything it takes from the process comes
 * through `io`, and it leaves the process as it found it (no exit, no exit status, no listeners).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCORESHEET_VERSION } from '../../src/version.js';
import { runCli } from '../support/cli.js';

const CLI_DIR = fileURLToPath(new URL('../../src/cli', import.meta.url));
const BAD = 'test/hostile/points-1e308.yaml';

describe('the CLI in-process', () => {
  it('nothing under src/cli/ touches process: stdin, stdout, stderr, env, exit, argv and cwd come through io (src/cli.ts builds it)', () => {
    const hits = readdirSync(CLI_DIR).flatMap((file) =>
      readFileSync(join(CLI_DIR, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .split('\n')
        .map((line, i) => [`${file}:${i + 1}`, line.replace(/\/\/.*$/, '')] as const)
        .filter(([, line]) => /\bprocess\s*[.[]/.test(line))
        .map(([where, line]) => `${where}: ${line.trim()}`),
    );
    expect(hits).toEqual([]);
  });

  it('--version, --help and a usage error resolve to their exit codes, and the process keeps its own', async () => {
    const before = { exitCode: process.exitCode, listeners: process.stdout.listenerCount('error') };
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: `${SCORESHEET_VERSION}\n`, stderr: '' });
    const help = await runCli(['--help']);
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('Usage: scoresheet')]);
    const usage = await runCli(['score', '--no-such-option']);
    expect([usage.code, usage.stdout, usage.stderr]).toEqual([2, '', expect.stringMatching(/^error: /)]);
    expect({ exitCode: process.exitCode, listeners: process.stdout.listenerCount('error') }).toEqual(before);
  });

  it('draws code frames only when io says stdout is a terminal', async () => {
    const piped = await runCli(['check', BAD]);
    const terminal = await runCli(['check', BAD], { isTTY: true });
    expect([piped.code, terminal.code]).toEqual([1, 1]);
    expect(piped.stdout).not.toMatch(/^\s+\d+ \| /m);
    expect(terminal.stdout).toMatch(/^\s+\d+ \| .*\n\s+\| +\^$/m);
  });

  it('takes its language from io.env, run after run, with nothing left over from the run before', async () => {
    const en = await runCli(['check', BAD]);
    const zh = await runCli(['check', BAD], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).not.toBe(en.stdout);
    expect(zh.stdout).toMatch(/检查了 1 个标准/);
    expect(await runCli(['check', BAD])).toEqual(en);
  });
});
