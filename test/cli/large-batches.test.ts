/**
 * `rank` (and `report`, which reads its records the same way) and `score` over 160,000 records (issue 14, item 17): past the ~150,000 at which a
 * list spread into a call's arguments overflowed the stack and the whole batch was lost. In-process
 * through the commands' entry points (the built CLI over this many records would be slow for a test);
 * the tiny records keep it to a few seconds. test/no-unbounded-spread.test.ts keeps src/ free of such
 * spreads; `npm run check:hostile` runs the same commands over 1,000,000 records and measures them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runRank } from '../../src/cli/rank.js';
import { runScore } from '../../src/cli/score.js';
import type { Output } from '../../src/cli/io.js';

const RECORDS = 160_000;
const STANDARD = 'standards/school-hygiene.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'scoresheet-large-'));
const file = join(tmp, 'records.ndjson');
{
  // One record a line: 40 classes over the 5 school days of one week; one in a thousand loses a point.
  const lines: string[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const findings = i % 1000 === 0 ? [{ item: 'tool-corner', points: 1 }] : [];
    lines.push(JSON.stringify({ unit: { id: `c${i % 40}` }, date: `2024-09-0${2 + (i % 5)}`, kind: 'random', findings }));
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

/** Collects what a command writes, keeping only the size of stdout and the last lines of stderr. */
function capture(): Output & { outChars: number; errors: string[] } {
  const output = {
    outChars: 0,
    errors: [] as string[],
    out: (text: string) => {
      output.outChars += text.length;
    },
    err: (text: string) => {
      output.errors.push(text);
    },
  };
  return output;
}

const league = { standards: [STANDARD], period: 'week', lang: 'en' } as const;

describe(`${RECORDS.toLocaleString('en')} records through one command`, () => {
  it('rank ranks them all', async () => {
    const out = capture();
    expect(await runRank([file], { ...league, format: 'json', failOn: [] }, out)).toBe(0);
    expect(out.errors).toEqual([]);
    expect(out.outChars).toBeGreaterThan(0);
  });

  it('score scores them all (text, not streamed as NDJSON)', async () => {
    const out = capture();
    expect(await runScore([file], { standards: [STANDARD], format: 'json', lang: 'en', failOn: [] }, out, Readable.from([]))).toBe(0);
    expect(out.errors).toEqual([]);
  });
});
