// Issue 16 item 6, measured before building `--jobs N`: score a large NDJSON file on worker threads
// (output order kept) against the same work on the main thread. An upper bound: no duplicate ids, no
// problems path; the workers start (load dist/, compile the standard) inside the timing, as a CLI run would.
//   npm run build && node bench/ndjson.mjs --standard school --count 200000 > /tmp/s.ndjson && node bench/jobs-prototype.mjs /tmp/s.ndjson
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
const ROOT = new URL('..', import.meta.url);
const DIST = new URL('dist/index.js', ROOT).href;
const { compileStandard, parseStandard, scoreRecord } = await import(DIST);
const scorer = compileStandard(parseStandard(readFileSync(new URL('standards/school-hygiene.yaml', ROOT), 'utf8')).standard);
function work(lines) {
  let out = '';
  for (const line of lines) { const r = scoreRecord(scorer, JSON.parse(line)); out += JSON.stringify(r.scorecard) + '\n'; }
  return out;
}
if (!isMainThread) {
  parentPort.on('message', ({ seq, lines }) => parentPort.postMessage({ seq, out: work(lines) }));
} else {
  const text = readFileSync(process.argv[2] ?? '/dev/stdin', 'utf8');
  const lines = text.split('\n').filter((l) => l !== '');
  const BATCH = 2000;
  const batches = []; for (let i = 0; i < lines.length; i += BATCH) batches.push(lines.slice(i, i + BATCH));
  let sink = 0;
  const single = () => { for (const b of batches) sink += work(b).length; };
  const parallel = (n) => new Promise((resolve) => {
    const workers = Array.from({ length: n }, () => new Worker(new URL(import.meta.url)));
    const done = new Map(); let next = 0, written = 0, sent = 0;
    const send = (w) => { if (sent < batches.length) { w.postMessage({ seq: sent, lines: batches[sent] }); sent++; } };
    for (const w of workers) {
      w.on('message', ({ seq, out }) => {
        done.set(seq, out);
        while (done.has(next)) { sink += done.get(next).length; done.delete(next); next++; written++; }
        send(w);
        if (written === batches.length) { for (const x of workers) x.terminate(); resolve(); }
      });
      send(w); send(w);
    }
  });
  for (let round = 0; round < 3; round++) {
    let t = performance.now(); single(); const a = performance.now() - t;
    t = performance.now(); await parallel(2); const b = performance.now() - t;
    t = performance.now(); await parallel(1); const c = performance.now() - t;
    console.log(`${lines.length} records: main thread ${a.toFixed(0)} ms, 2 workers ${b.toFixed(0)} ms (${(a / b).toFixed(2)}×), 1 worker ${c.toFixed(0)} ms (${(a / c).toFixed(2)}×)`);
  }
}
