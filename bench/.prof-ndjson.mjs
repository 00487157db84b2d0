import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { compileStandard, parseStandard, scoreStream, StandardSet, streamRecords } from '../dist/index.js';
import { generateSchool } from './generate.mjs';
const loaded = parseStandard(readFileSync('standards/school-hygiene.yaml', 'utf8'), { file: 'x' });
const set = new StandardSet([compileStandard(loaded.standard)]);
const n = 100000;
const gen = generateSchool(n, 20130601);
const bytes = Buffer.from(gen.map((r) => JSON.stringify(r)).join('\n') + '\n');
const chunks = []; for (let a = 0; a < bytes.length; a += 65536) chunks.push(bytes.subarray(a, a + 65536));
let sink = 0;
async function ours() { for await (const item of scoreStream(set, streamRecords(Readable.from(chunks), { file: 'b.ndjson' }), 'en')) sink += item.scorecard.total; }
async function floor() { const d = new TextDecoder(); let rest = ''; for await (const c of Readable.from(chunks)) { const t = rest + d.decode(c, { stream: true }); let s = 0; for (let e = t.indexOf('\n'); e !== -1; e = t.indexOf('\n', s)) { if (e > s) sink += JSON.parse(t.slice(s, e)).findings.length; s = e + 1; } rest = t.slice(s); } }
for (let i = 0; i < 3; i++) {
  let t = performance.now(); await ours(); const a = performance.now() - t;
  t = performance.now(); await floor(); const b = performance.now() - t;
  console.log(`ours ${a.toFixed(0)} ms, floor ${b.toFixed(0)} ms, ratio ${(b / a).toFixed(2)}`);
}
async function readOnly() { for await (const item of streamRecords(Readable.from(chunks), { file: 'b.ndjson' })) sink += item.source.line; }
for (let i = 0; i < 3; i++) {
  let t = performance.now(); await readOnly(); const a = performance.now() - t;
  t = performance.now(); await ours(); const b = performance.now() - t;
  console.log(`read only ${a.toFixed(0)} ms, read+score ${b.toFixed(0)} ms`);
}
