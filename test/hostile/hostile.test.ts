/**
 * The hostile corpus (issue 14): one input file per attack in test/hostile/, named by what it attacks,
 * each run through the built CLI with the exit status and the diagnostic code it must produce. Large
 * inputs are generated into a temporary folder by `make` (sizes bounded; results asserted, never times).
 * Time and memory of the same attacks at full size are measured by `npm run check:hostile`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/built.js';

export interface HostileCase {
  /** The input file in test/hostile/ (or the name of the generated one), named by what it attacks. */
  readonly file: string;
  /** Which issue-14 item it attacks, and how. */
  readonly attacks: string;
  /** The CLI's arguments; `file` is the case's input path (relative to the repository root). */
  readonly args: (file: string) => readonly string[];
  /** Writes a generated input at `path` (for inputs too large to commit). */
  readonly make?: (path: string) => void;
  /** Bytes given on stdin. */
  readonly stdin?: (file: string) => Buffer;
  readonly exit: number;
  /** A diagnostic code that must appear in stdout or stderr (absent: the run must produce none of `forbid`). */
  readonly code?: string;
  /** Text that must never appear in the output (e.g. another file's content). */
  readonly forbid?: readonly string[];
}

const HERE = 'test/hostile';
const tmp = mkdtempSync(join(tmpdir(), 'scoresheet-hostile-'));

export const CASES: readonly HostileCase[] = [
  // — points and exact arithmetic (items 4–6)

  // — encodings and CSV (items 8–12)

  // — hostile standards: extends, paths (item 14)

  // — output injection (items 15–16)

  // — bounded resources (item 17)
  {
    file: 'rank-160k-records.ndjson',
    attacks: 'item 17: rank over 160,000 records (a list spread into push() overflowed the stack past ~150,000; test/no-unbounded-spread.test.ts keeps src/ free of such spreads)',
    make: (path) => {
      const lines: string[] = [];
      for (let i = 0; i < 160_000; i++) lines.push(`{"unit":{"id":"c${i % 40}"},"date":"2024-09-0${2 + (i % 5)}","kind":"random","findings":[]}`);
      writeFileSync(path, lines.join('\n') + '\n');
    },
    args: (file) => ['rank', file, '--standard', 'standards/school-hygiene.yaml', '--period', 'week', '--format', 'csv'],
    exit: 0,
    forbid: ['Maximum call stack size exceeded', 'internal error'],
  },
  {
    file: 'ndjson-line-over-max-record-bytes.ndjson',
    attacks: 'item 18: an NDJSON line longer than --max-record-bytes is refused on its line, the lines around it scored',
    args: (file) => ['score', file, '--standard', 'standards/school-hygiene.yaml', '--max-record-bytes', '2k'],
    exit: 1,
    code: 'record_too_large',
  },

];

describe('hostile corpus', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.attacks} → exit ${c.exit}${c.code ? `, ${c.code}` : ''}`, () => {
      const path = c.make ? join(tmp, c.file) : join(HERE, c.file);
      c.make?.(path);
      const r = runCli(c.args(path), c.stdin ? { input: c.stdin(join(ROOT, path)) } : {});
      const output = r.stdout + r.stderr;
      if (c.code) expect(output).toContain(c.code);
      for (const text of c.forbid ?? []) expect(output).not.toContain(text);
      expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace: every failure is a diagnostic
      expect(r.code, output.slice(0, 2000)).toBe(c.exit);
    });
  }
});
