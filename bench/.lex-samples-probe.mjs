// temporary probe (deleted after): per-sample times of the lexington workload
import { Bench } from 'tinybench';
import * as lex from './workloads/lexington.mjs';
import { log } from './lib.mjs';
import { fileURLToPath } from 'node:url';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const path = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
async function time(name, fn, n, { iterations, time: budget, warmup }) {
  const bench = new Bench({ name, iterations, time: budget, warmup, warmupIterations: 1, warmupTime: 0, throws: true, retainSamples: true });
  bench.add(name, fn, { beforeAll: () => globalThis.gc() });
  await bench.run();
  const r = bench.tasks[0].result;
  log(name, 'samples ms:', r.latency.samples.map((s) => s.toFixed(0)).join(' '), 'rme', r.latency.rme.toFixed(1));
  return { perSecond: n / (r.latency.mean / 1000), rme: r.latency.rme, samples: r.latency.samplesCount };
}
const res = await lex.run({ quick: false, seed: 1, root: ROOT, path, log, time, check: () => {} });
console.log(res.rows, res.notes.at(-1));
