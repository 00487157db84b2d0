/**
 * Streaming throughput (the records issue: "CSV and NDJSON streaming throughput"): generated
 * school-hygiene records, once as NDJSON and once as a long CSV sheet written with the template's
 * map, fed in 64 KiB byte chunks through the library's streaming readers into scoreStream, every
 * scorecard consumed. Each row is set against a floor: the least any consumer of that format must do
 * with the same chunks (split lines + JSON.parse; csv-parse alone). The streamed scorecards are first
 * checked against scoreRecord on the same records; nothing is timed unless they agree.
 *
 * Peak memory when streaming NDJSON (100k vs 1M records) is bench/run.mjs's memory workload.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { compileStandard, parseStandard, scoreRecord, scoreStream, StandardSet, streamRecords } from '../../dist/index.js';
import { parseMapping } from '../../dist/records.js';
import { InspectionRecordSchema } from '../../dist/schemas.js';
import { differences, fromScorecard } from '../check.mjs';
import { generateSchool, QUICK_RECORDS } from '../generate.mjs';
import { ratio, row, sink } from '../lib.mjs';

const STANDARD = 'standards/school-hygiene.yaml';
const MAP = 'fixtures/csv/school-hygiene.long.map.yaml';
/** The size of the chunks a file or pipe delivers (fs streams and stdin read 64 KiB at a time). */
const CHUNK = 1 << 16;
const LOCALE = 'en';
/** csv-parse as src/records/csv.ts calls it, so the floor parses exactly what scoresheet parses. */
const CSV_OPTIONS = { bom: true, relax_quotes: true, relax_column_count: true };

export async function run(ctx) {
  const n = ctx.quick ? QUICK_RECORDS : 100_000;
  const options = { iterations: 5, time: ctx.quick ? 300 : 3000, warmup: true };

  const loaded = parseStandard(readFileSync(ctx.path(STANDARD), 'utf8'), { file: STANDARD });
  if (!loaded.ok) throw new Error(`cannot load ${STANDARD}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  const scorer = compileStandard(loaded.standard);
  // The CLI scores a stream against a StandardSet (edition selection per record), so this does too.
  const set = new StandardSet([scorer]);
  const mapped = parseMapping(readFileSync(ctx.path(MAP), 'utf8'), MAP);
  if (!mapped.ok) throw new Error(`cannot load ${MAP}: ${mapped.errors.join('; ')}`);
  const mapping = mapped.mapping;

  ctx.log(`streaming: generating ${n} school-hygiene records (seed ${ctx.seed}), as NDJSON and as a long CSV sheet`);
  const generated = generateSchool(n, ctx.seed);
  // What scoreRecord is given to compare with: the records as the schema reads them (untimed).
  const expected = generated.map((raw, i) => {
    const parsed = InspectionRecordSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`generated record #${i} is invalid: ${parsed.error.message}`);
    const result = scoreRecord(scorer, parsed.data);
    if (!result.ok) throw new Error(`scoreRecord rejected generated record #${i}: ${JSON.stringify(result.diagnostics)}`);
    return fromScorecard(result.scorecard);
  });
  const ndjson = chunksOf(generated.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const sheet = longSheet(generated, mapping);
  const csv = chunksOf(sheet.text);

  const ndjsonStream = () => streamRecords(Readable.from(ndjson.chunks), { file: 'bench.ndjson', locale: LOCALE });
  const csvStream = () => streamRecords(Readable.from(csv.chunks), { file: 'bench.csv', mapping, locale: LOCALE });

  ctx.log('streaming: checking that the streamed scorecards (NDJSON and CSV) equal scoreRecord on every record');
  await checkStream('NDJSON', ndjsonStream(), set, expected, ctx);
  await checkStream('CSV (long)', csvStream(), set, expected, ctx);

  ctx.log('streaming: timing NDJSON → scorecards, and the floor (split lines + JSON.parse)');
  const ndjsonRate = await ctx.time('stream NDJSON', () => consume(set, ndjsonStream(), n), n, options);
  const ndjsonFloor = await ctx.time('NDJSON floor', () => splitAndParse(ndjson.chunks, n), n, options);

  ctx.log(`streaming: timing CSV (long, ${sheet.rows} rows) → scorecards, and the floor (csv-parse alone)`);
  const csvRate = await ctx.time('stream CSV', () => consume(set, csvStream(), n), n, options);
  const csvFloor = await ctx.time('CSV floor', () => csvParseOnly(csv.chunks, sheet.rows + 1), n, options);

  const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);
  const rme = (a, b) => `± scoresheet ${a.rme.toFixed(1)}% (${a.samples} samples), floor ${b.rme.toFixed(1)}% (${b.samples} samples)`;
  return {
    rows: [
      row('stream NDJSON → scorecards, school-hygiene (baseline: split lines + JSON.parse)', n, { scoresheet: ndjsonRate.perSecond, baseline: ndjsonFloor.perSecond }),
      row('stream CSV (long) → scorecards, school-hygiene (baseline: csv-parse alone)', n, { scoresheet: csvRate.perSecond, baseline: csvFloor.perSecond }),
    ],
    notes: [
      `tinybench streaming NDJSON: ${rme(ndjsonRate, ndjsonFloor)}; ${n.toLocaleString('en-US')} records, ${mb(ndjson.bytes)} MB in ${ndjson.chunks.length} chunks of 64 KiB ` +
        `through streamRecords (NDJSON) → scoreStream (${ratio(ndjsonFloor.perSecond / ndjsonRate.perSecond)}× the floor's time); ` +
        'floor: the same chunks decoded, split into lines and JSON.parse\'d (no validation, no scoring)',
      `tinybench streaming CSV: ${rme(csvRate, csvFloor)}; ${n.toLocaleString('en-US')} inspections = ${sheet.rows.toLocaleString('en-US')} CSV rows ` +
        `(one per finding, one for an inspection with none; map ${MAP}), ${mb(csv.bytes)} MB in ${csv.chunks.length} chunks through streamRecords (CSV) → scoreStream ` +
        `(${ratio(csvFloor.perSecond / csvRate.perSecond)}× the floor's time); floor: csv-parse's stream parser alone on the same chunks, rows counted`,
    ],
  };
}

/** Text → UTF-8 bytes in 64 KiB chunks, as a file or pipe delivers them (cut anywhere, even inside a character). */
function chunksOf(text) {
  const bytes = Buffer.from(text, 'utf8');
  const chunks = [];
  for (let at = 0; at < bytes.length; at += CHUNK) chunks.push(bytes.subarray(at, at + CHUNK));
  return { chunks, bytes: bytes.length };
}

/**
 * Records → the long sheet a user would export: the map's columns in its order, one row per finding
 * (one row with empty finding cells for an inspection with none), cells as the sheet writes them (the
 * map's values table read backwards: scheduled → 周一定期检查, walls → 墙壁（教室、走廊）; qualified ids
 * such as classroom.walls have no name and are written as ids, which the reader accepts). The map has
 * no column for unit.group, which scoring does not read. A UTF-8 BOM first, as Excel writes it.
 */
function longSheet(records, mapping) {
  const columns = Object.entries(mapping.columns).map(([header, spec]) => ({ header, field: typeof spec === 'string' ? spec : spec.field }));
  const names = {};
  for (const [field, table] of Object.entries(mapping.values ?? {})) {
    names[field] = new Map();
    for (const [text, value] of Object.entries(table)) if (!names[field].has(value)) names[field].set(value, text);
  }
  const cell = (field, value) => (value === undefined ? '' : (names[field]?.get(value) ?? value));
  const get = (record, finding, field) => (field.startsWith('finding.') ? finding?.[field.slice('finding.'.length)] : field.split('.').reduce((o, k) => o?.[k], record));
  const rows = [columns.map((c) => c.header)];
  for (const record of records) {
    for (const finding of record.findings.length > 0 ? record.findings : [undefined]) {
      rows.push(columns.map((c) => cell(c.field, get(record, finding, c.field))));
    }
  }
  return { text: '\uFEFF' + stringify(rows), rows: rows.length - 1 };
}

/** Streams once (untimed) and compares every scorecard with scoreRecord's; exit 1 when any differs. */
async function checkStream(label, items, set, expected, ctx) {
  const problems = [];
  let count = 0;
  for await (const item of scoreStream(set, items, LOCALE)) {
    const i = count++;
    if (!('scorecard' in item)) {
      problems.push(`#${i}: rejected: ${item.diagnostics.map((d) => `${d.line}: ${d.field}: ${d.message}`).join('; ')}`);
      continue;
    }
    if (i >= expected.length) continue;
    const diff = differences(expected[i], fromScorecard(item.scorecard), ['scoreRecord', 'streamed']);
    if (diff.length > 0) problems.push(`#${i} (${item.scorecard.record ?? '?'}): ${diff.join('; ')}`);
  }
  if (count !== expected.length) problems.unshift(`${count} items streamed for ${expected.length} records`);
  if (problems.length === 0) return;
  ctx.log(`streaming ${label}: ${problems.length} problem(s); the first:\n  ${problems.slice(0, 5).join('\n  ')}`);
  throw Object.assign(new Error(`streaming ${label}: the streamed scorecards differ from scoreRecord's; nothing was timed`), { exitCode: 1 });
}

/** What is timed: every scorecard of the stream taken (as the CLI does before writing it out). */
async function consume(set, items, n) {
  let count = 0;
  for await (const item of scoreStream(set, items, LOCALE)) {
    if (!('scorecard' in item)) throw new Error('a record was rejected while timing');
    sink.value += item.scorecard.total;
    count++;
  }
  if (count !== n) throw new Error(`${count} scorecards streamed for ${n} records`);
}

/** The NDJSON floor: the same chunks decoded (a character may straddle two), cut at line breaks, each line parsed. */
async function splitAndParse(chunks, n) {
  const decoder = new TextDecoder();
  let rest = '';
  let count = 0;
  for await (const chunk of Readable.from(chunks)) {
    const text = rest + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (end > start) {
        sink.value += JSON.parse(text.slice(start, end)).findings.length;
        count++;
      }
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (count !== n) throw new Error(`NDJSON floor: ${count} lines for ${n} records`);
}

/** The CSV floor: csv-parse's stream parser on the same chunks, every row taken (header included). */
async function csvParseOnly(chunks, rows) {
  let count = 0;
  for await (const cells of Readable.from(chunks).pipe(parseCsv(CSV_OPTIONS))) {
    sink.value += cells.length;
    count++;
  }
  if (count !== rows) throw new Error(`CSV floor: ${count} rows parsed for ${rows}`);
}
