/** What every bench workload shares: tinybench timing, rounding, logging, the GC hook. */
import { Bench } from 'tinybench';

export const log = (...parts) => process.stderr.write(parts.join(' ') + '\n');
export const gc = globalThis.gc ?? (() => {});

/** Results fed here stay observable, so no scoring loop is optimized away. */
export const sink = { value: 0 };

/**
 * Times `fn` (one call processes `n` records once) with tinybench; returns records/s, its ± % and
 * the number of samples. `fn` may be async.
 */
export async function time(name, fn, n, { iterations, time: budget, warmup }) {
  const bench = new Bench({ name, iterations, time: budget, warmup, warmupIterations: 1, warmupTime: 0, throws: true });
  bench.add(name, fn, { beforeAll: () => gc() });
  await bench.run();
  const result = bench.tasks[0].result;
  if (result.state !== 'completed') throw new Error(`${name}: tinybench ${result.state} ${result.error?.message ?? ''}`);
  return { perSecond: n / (result.latency.mean / 1000), rme: result.latency.rme, samples: result.latency.samplesCount };
}

export function round(v, digits = 0) {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export function ratio(v) {
  return v >= 10 ? round(v, 1) : round(v, 2);
}

/**
 * One table row (the shape of `--json`'s workloads): records/s, null where a peer does not apply.
 * `baseline` is the hand-written scorer, or for I/O workloads the floor named in the workload's name.
 */
export function row(name, records, rates) {
  const s = rates.scoresheet;
  const or = (v) => (v === undefined || v === null ? null : v);
  return {
    name,
    records,
    scoresheet: round(s),
    jre: rates.jre ? round(rates.jre) : null,
    jsonLogic: rates.jsonLogic ? round(rates.jsonLogic) : null,
    baseline: rates.baseline ? round(rates.baseline) : null,
    vsJre: rates.jre ? ratio(s / rates.jre) : or(null),
    vsJsonLogic: rates.jsonLogic ? ratio(s / rates.jsonLogic) : null,
    vsBaseline: rates.baseline ? ratio(s / rates.baseline) : null,
  };
}
