/**
 * The built `scoresheet` binary (dist/cli.js) in a process of its own, against `main` in-process: the
 * few runs that keep the bin honest — its start, its exit status, stdin through a real pipe. Every
 * other CLI test calls `main` (test/support/cli.ts); broken-pipe.test.ts and package.test.ts spawn too.
 */
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../support/built.js';
import { runCli } from '../support/cli.js';

const SCHOOL = ['--standard', 'standards/school-hygiene.yaml'];
const record = (id: string, findings: unknown[] = []) => JSON.stringify({ id, unit: { id: 'g1-01' }, date: '2024-03-04', kind: 'random', findings });

describe('the built binary says and exits as main does', () => {
  const cases: [string, string[], { input?: string }, number][] = [
    ['--version', ['--version'], {}, 0],
    ['--help in Chinese', ['--help', '--lang', 'zh-CN'], {}, 0],
    ['a usage error: exit 2', ['score', '--no-such-option'], {}, 2],
    ['check on an invalid standard: exit 1', ['check', 'test/hostile/points-1e308.yaml'], {}, 1],
    ['score from stdin, one record rejected: exit 1', ['score', '-', ...SCHOOL, '--input-format', 'ndjson'], { input: `${record('a')}\nnot json\n${record('b', [{ item: 'tool-corner', points: 2 }])}\n` }, 1],
  ];
  for (const [name, args, options, code] of cases) {
    it(name, async () => {
      const built = runBuiltCli(args, options);
      expect(built.code, built.stderr).toBe(code);
      expect(built).toEqual({ code, stdout: expect.any(String), stderr: expect.any(String) });
      const { stdoutBytes: _bytes, ...inProcess } = await runCli(args, options);
      expect(inProcess).toEqual(built);
    });
  }
});
