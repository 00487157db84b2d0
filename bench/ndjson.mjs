/**
 * Writes generated records as NDJSON to stdout, in constant memory (honours backpressure):
 *   node bench/ndjson.mjs [--standard 2013|school] [--count N] [--seed S] [--no-ids]
 * With --no-ids the records carry no `id` (so the reader keeps no set of ids to catch duplicates).
 */
import { once } from 'node:events';
import { DEFAULT_SEED, stream2013, streamSchool } from './generate.mjs';

export async function writeNdjson(out, { standard = '2013', count, seed = DEFAULT_SEED, ids = true }) {
  const records = standard === 'school' ? streamSchool(seed) : stream2013(seed);
  let chunk = '';
  for (let i = 0; i < count; i++) {
    const record = records.next().value;
    if (!ids) delete record.id;
    chunk += JSON.stringify(record) + '\n';
    if (chunk.length > 1 << 16 || i === count - 1) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : dflt;
  };
  await writeNdjson(process.stdout, { standard: arg('standard', '2013'), count: Number(arg('count', '1000')), seed: Number(arg('seed', String(DEFAULT_SEED))), ids: !process.argv.includes('--no-ids') });
}
