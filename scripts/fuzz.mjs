#!/usr/bin/env node
/**
 * `npm run fuzz [-- SECONDS [FIRST_SEED]]`: the fuzz harness (test/fuzz/) for a long run, seed after
 * seed until SECONDS have passed (default 1200), FUZZ_RUNS cases per seed (default 500). It prints the
 * number of cases run; a failure prints its seed and fast-check path, replayed with
 * `FUZZ_SEED=<seed> FUZZ_PATH=<path> FUZZ_RUNS=1 npx vitest run test/fuzz`.
 */
import { spawnSync } from 'node:child_process';

const [seconds = '1200', seed = String(Date.now() % 1_000_000_000)] = process.argv.slice(2);
const env = { ...process.env, FUZZ_SECONDS: seconds, FUZZ_SEED: process.env.FUZZ_SEED ?? seed, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '500' };
console.log(`fuzz: ${env.FUZZ_SECONDS} s from seed ${env.FUZZ_SEED}, ${env.FUZZ_RUNS} cases per seed`);
const run = spawnSync('npx', ['vitest', 'run', 'test/fuzz', '--silent=false'], { env, stdio: 'inherit' });
process.exit(run.status ?? 2);
