/**
 * The fuzz harness (issue 14, "a standing guard"): generated and mutated standards, and valid,
 * near-valid and junk records, through load → check → compile → score → aggregate → rank → every
 * renderer. No exception escapes, every rejection has a code and a position, Σ lines = total − base
 * and every cap on every scorecard however large or fine the numbers, `scoreRecord` never throws
 * whatever it is given, no CSV cell starts a formula and no Markdown carries raw HTML from the input
 * (test/fuzz/pipeline.ts asserts each stage).
 *
 * `npm test` runs a bounded, seeded run (the same cases every time). `npm run fuzz` runs long:
 * FUZZ_SEED (first seed), FUZZ_RUNS (cases per seed) and FUZZ_SECONDS (keep taking the next seed
 * until then); a failure prints its seed and fast-check's path, so `FUZZ_SEED=… FUZZ_PATH=…` replays it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzCase, resolveShipped } from './arbitraries.js';
import { runPipeline, type Reached } from './pipeline.js';

const env = process.env;
const firstSeed = Number(env.FUZZ_SEED ?? 20261202);
const runsPerSeed = Number(env.FUZZ_RUNS ?? 80);
const seconds = Number(env.FUZZ_SECONDS ?? 0);
const replayPath = env.FUZZ_PATH;

describe('fuzz: standards and records through the whole pipeline', () => {
  it('throws nothing, places every rejection and keeps Σ lines = total − base', { timeout: 0 }, () => {
    const reached: Record<Reached, number> = { rejected_standard: 0, no_scorecards: 0, ranked: 0 };
    const deadline = Date.now() + seconds * 1000;
    let seed = firstSeed;
    let cases = 0;
    const failures: string[] = [];
    do {
      const result = fc.check(
        fc.property(fuzzCase, (c) => {
          reached[runPipeline(c, resolveShipped)]++;
        }),
        { seed, numRuns: runsPerSeed, ...(replayPath ? { path: replayPath } : {}) },
      );
      cases += result.numRuns;
      if (result.failed) {
        const found = result.counterexample?.[0];
        const counterexample = JSON.stringify({ ...found, standard: found?.standard.slice(0, 1500) }, null, 1);
        failures.push(`seed ${seed}, path ${result.counterexamplePath}: ${String(result.errorInstance).slice(0, 3000)}\ncase: ${counterexample}`);
        // A long run goes on to the next seed, so that one run reports every failure it finds.
        if (seconds > 0) process.stderr.write(`\n${failures[failures.length - 1]}\n`);
      }
      seed++;
    } while (Date.now() < deadline);
    if (seconds > 0) console.log(`fuzz: ${cases} cases, seeds ${firstSeed}–${seed - 1}, ${JSON.stringify(reached)}: ${failures.length} failing seed(s)`);
    expect(failures, failures.join('\n\n')).toEqual([]);
    // A harness that never reaches ranking would guard nothing past the loader.
    expect(reached.ranked).toBeGreaterThan(runsPerSeed / 10);
    expect(reached.rejected_standard).toBeGreaterThan(0);
  });
});
