/**
 * npm run bench [-- --json] [-- --quick] [-- --seed N] [-- --no-memory]
 *
 * Scores generated records with scoresheet (full scorecards), json-rules-engine, json-logic-js and a
 * hand-written scorer; checks that all four agree on every record before anything is timed; times
 * them with tinybench; measures load + compile against yaml.parse and the CLI's peak RSS when
 * streaming NDJSON. Prints one table; with --json, the same as one JSON object on the last line.
 * Exits 1 when the implementations disagree (or a run fails), never because a target is missed.
 */
import { spawn } from 'node:child_process';
import { readFileSync, openSync, closeSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { compileStandard, parseStandard, scoreRecord } from '../dist/index.js';
import { InspectionRecordSchema } from '../dist/schemas.js';
import { scoreHygiene2013, scoreSchoolHygiene } from './baseline.mjs';
import { checkImplementations, formatMismatches, scoresheetImplementation } from './check.mjs';
import { DEFAULT_SEED, QUICK_RECORDS, generate2013, generateSchool } from './generate.mjs';
import { makeJre } from './peers/jre.mjs';
import { makeJsonLogic } from './peers/json-logic.mjs';
import { gc, log, ratio, round, sink as sinkBox, time } from './lib.mjs';
import * as streaming from './workloads/streaming.mjs';
import * as league from './workloads/league.mjs';
import * as lexington from './workloads/lexington.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const path = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
};
const json = flag('json');
const quick = flag('quick');
const seed = Number(option('seed', String(DEFAULT_SEED)));
const SIZES = quick ? { records: QUICK_RECORDS, memory: [QUICK_RECORDS, 10 * QUICK_RECORDS] } : { records: 100_000, memory: [100_000, 1_000_000] };
// The targets of issue 16 (the benchmark issue's were 100×, 17×, 0.67 and 5×).
const TARGETS = { vsJre: 150, vsJsonLogic: 25, vsBaseline: 0.8, schoolVsBaseline: 0.5, loadTimeRatio: 3, rssRatio: 1.2 };

let sink = 0;

// ─── scoring workloads ─────────────────────────────────────────────────────────────────────────

const SCORING = [
  { name: 'hygiene-supervision-2013', file: 'standards/hygiene-supervision-2013.yaml', generate: generate2013, baseline: scoreHygiene2013 },
  { name: 'school-hygiene', file: 'standards/school-hygiene.yaml', generate: generateSchool, baseline: scoreSchoolHygiene },
];

function loadScorer(file) {
  const loaded = parseStandard(readFileSync(path(file), 'utf8'), { file });
  if (!loaded.ok) throw new Error(`cannot load ${file}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return { standard: loaded.standard, scorer: compileStandard(loaded.standard) };
}

/** Generated records, validated once (untimed), exactly as every implementation then receives them. */
function makeRecords(generate, n) {
  return generate(n, seed).map((raw, i) => {
    const parsed = InspectionRecordSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`generated record #${i} is invalid: ${parsed.error.message}`);
    return parsed.data;
  });
}

async function scoringWorkload(w) {
  const n = SIZES.records;
  const { standard, scorer } = loadScorer(w.file);
  log(`${w.name}: generating ${n} records (seed ${seed})`);
  const records = makeRecords(w.generate, n);
  const jre = makeJre(standard);
  const jsonLogic = makeJsonLogic(standard);
  const implementations = [
    { key: 'scoresheet', name: 'scoresheet', score: scoresheetImplementation(scoreRecord, scorer) },
    { key: 'baseline', name: 'hand-written', score: w.baseline },
    { key: 'jre', name: 'json-rules-engine', score: jre },
    { key: 'jsonLogic', name: 'json-logic-js', score: jsonLogic },
  ];
  log(`${w.name}: checking that all ${implementations.length} implementations agree on every record`);
  const check = await checkImplementations(records, implementations);
  if (!check.ok) {
    log(formatMismatches(check, w.name));
    throw Object.assign(new Error(`${w.name}: the implementations do not agree; nothing was timed`), { exitCode: 1 });
  }

  const fast = { iterations: quick ? 5 : 5, time: quick ? 300 : 3000, warmup: true };
  const slow = { iterations: quick ? 2 : 2, time: 0, warmup: false }; // the check pass has warmed them up
  const rates = {};
  log(`${w.name}: timing scoresheet (full scorecards)`);
  rates.scoresheet = await time('scoresheet', () => {
    for (let i = 0; i < n; i++) sink += scoreRecord(scorer, records[i]).ok ? 1 : 0;
  }, n, fast);
  // The same scoring through the interpreter (no generated code), and the record schema alone, for the notes.
  const interpreter = compileStandard(standard, { codegen: false });
  log(`${w.name}: timing scoresheet's interpreter (codegen: false) and the record schema alone`);
  rates.interpreter = await time('interpreter', () => {
    for (let i = 0; i < n; i++) sink += scoreRecord(interpreter, records[i]).ok ? 1 : 0;
  }, n, fast);
  rates.recordSchema = await time('record schema', () => {
    for (let i = 0; i < n; i++) sink += InspectionRecordSchema.safeParse(records[i]).success ? 1 : 0;
  }, n, fast);
  log(`${w.name}: timing the hand-written scorer`);
  rates.baseline = await time('hand-written', () => {
    for (let i = 0; i < n; i++) sink += w.baseline(records[i]).total;
  }, n, fast);
  log(`${w.name}: timing json-rules-engine`);
  rates.jre = await time('json-rules-engine', async () => {
    for (let i = 0; i < n; i++) sink += (await jre(records[i])).total;
  }, n, slow);
  log(`${w.name}: timing json-logic-js`);
  rates.jsonLogic = await time('json-logic-js', () => {
    for (let i = 0; i < n; i++) sink += jsonLogic(records[i]).total;
  }, n, slow);

  const s = rates.scoresheet.perSecond;
  return {
    row: {
      name: w.name,
      records: n,
      scoresheet: round(s),
      jre: round(rates.jre.perSecond),
      jsonLogic: round(rates.jsonLogic.perSecond),
      baseline: round(rates.baseline.perSecond),
      vsJre: ratio(s / rates.jre.perSecond),
      vsJsonLogic: ratio(s / rates.jsonLogic.perSecond),
      vsBaseline: ratio(s / rates.baseline.perSecond),
    },
    rme: rates,
  };
}

// ─── load + compile against yaml.parse ─────────────────────────────────────────────────────────

async function loadWorkload() {
  const file = 'standards/hygiene-supervision-2013.yaml';
  const text = readFileSync(path(file), 'utf8');
  const options = { iterations: 20, time: quick ? 300 : 3000, warmup: true };
  log('load+compile: timing parseStandard + compileStandard, and yaml.parse of the same text');
  const ours = await time('load+compile', () => {
    const loaded = parseStandard(text, { file });
    sink += compileStandard(loaded.standard).items.length;
  }, 1, options);
  const yaml = await time('yaml.parse', () => {
    sink += Object.keys(YAML.parse(text)).length;
  }, 1, options);
  return {
    row: {
      name: 'load+compile hygiene-supervision-2013 (baseline: yaml.parse)',
      records: null,
      scoresheet: round(ours.perSecond, 1),
      jre: null,
      jsonLogic: null,
      baseline: round(yaml.perSecond, 1),
      vsJre: null,
      vsJsonLogic: null,
      vsBaseline: ratio(ours.perSecond / yaml.perSecond),
    },
    timeRatio: yaml.perSecond / ours.perSecond,
  };
}

// ─── memory: peak RSS of the CLI streaming NDJSON ──────────────────────────────────────────────

const SCORE = ['score', '--format', 'ndjson'];
/** The league `rank` feeds as records are scored (its text tables: the league, without every traced line printed). */
const RANK = ['rank', '--period', 'week', '--group-by', 'grade'];

/** Runs `ndjson.mjs | scoresheet score --format ndjson - > /dev/null` (or `command`) and returns the CLI's peak RSS. */
function peakRss(count, { ids = true, command = SCORE } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const generator = spawn(process.execPath, [path('bench/ndjson.mjs'), '--standard', 'school', '--count', String(count), '--seed', String(seed), ...(ids ? [] : ['--no-ids'])], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const devnull = openSync('/dev/null', 'w');
    const cli = spawn(
      process.execPath,
      ['--require', path('bench/maxrss.cjs'), path('dist/cli.js'), ...command, '--standard', 'standards/school-hygiene.yaml', '--input-format', 'ndjson', '-'],
      { cwd: ROOT, stdio: [generator.stdout, devnull, 'pipe'] },
    );
    closeSync(devnull);
    let stderr = '';
    cli.stderr.on('data', (d) => (stderr += d));
    cli.on('error', reject);
    cli.on('close', (code) => {
      const m = /bench:maxrss-kb=(\d+)/.exec(stderr);
      if (code !== 0 || !m) return reject(new Error(`scoresheet ${command[0]} exited ${code} on ${count} records: ${stderr.slice(-2000)}`));
      resolve({ mb: Number(m[1]) / 1024, seconds: (Date.now() - started) / 1000 });
    });
  });
}

async function memoryWorkload() {
  const [small, large] = SIZES.memory;
  log(`memory: scoresheet score --format ndjson on ${small} NDJSON records`);
  const a = await peakRss(small);
  log(`memory: scoresheet score --format ndjson on ${large} NDJSON records`);
  const b = await peakRss(large);
  // The same without record ids: what is left when the duplicate-id check has no ids to remember.
  log(`memory: the same on ${small} and ${large} records without ids`);
  const c = await peakRss(small, { ids: false });
  const d = await peakRss(large, { ids: false });
  // Printed, not a target: rank holds what its league reads of every scorecard (LeagueBuilder).
  log(`memory: scoresheet rank on ${small} and ${large} records`);
  const e = await peakRss(small, { command: RANK });
  const f = await peakRss(large, { command: RANK });
  return { small, large, a, b, c, d, e, f, memory: { rss100kMb: round(a.mb, 1), rss1mMb: round(b.mb, 1) } };
}

// ─── output ────────────────────────────────────────────────────────────────────────────────────

const fmt = (v, unit = '') => (v === null || v === undefined ? '—' : typeof v === 'number' ? v.toLocaleString('en-US') + unit : String(v));

export function machine() {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {}
  return { nproc: availableParallelism(), node: process.version, cpu: model.trim() };
}

function table(rows, extra) {
  const head = ['workload', 'records', 'scoresheet/s', 'json-rules-engine/s', 'json-logic-js/s', 'hand-written/s', 'vs jre', 'vs json-logic', 'vs hand-written'];
  const body = rows.map((r) => [r.name, fmt(r.records), fmt(r.scoresheet), fmt(r.jre), fmt(r.jsonLogic), fmt(r.baseline), fmt(r.vsJre, '×'), fmt(r.vsJsonLogic, '×'), fmt(r.vsBaseline, '×')]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|') + '|', ...body.map(line), ...extra].join('\n');
}

async function main() {
  const m = machine();
  log(`scoresheet bench${quick ? ' (--quick)' : ''}: ${m.nproc} CPUs (${m.cpu}), node ${m.node}`);
  const rows = [];
  const notes = [];
  const targets = [];
  const check = (ok, text) => targets.push(`${ok ? 'met   ' : 'MISSED'}  ${text}`);

  // --only NAME[,NAME]: run just those workloads (scoring, load, streaming, league, lexington, memory).
  const only = option('only', '');
  const runs = (name) => only === '' || only.split(',').includes(name);
  for (const w of runs('scoring') ? SCORING : []) {
    const { row, rme } = await scoringWorkload(w);
    rows.push(row);
    notes.push(`tinybench ${w.name}: ± ${Object.entries(rme).map(([k, r]) => `${k} ${r.rme.toFixed(1)}% (${r.samples} samples)`).join(', ')}`);
    const us = (k) => (1e6 / rme[k].perSecond).toFixed(2);
    notes.push(
      `${w.name}: µs per record: scoresheet ${us('scoresheet')} (generated code), interpreter ${us('interpreter')} (codegen: false; generated ${(rme.scoresheet.perSecond / rme.interpreter.perSecond).toFixed(2)}× its speed), ` +
        `of which the record schema (InspectionRecordSchema.safeParse, zod) ${us('recordSchema')}; hand-written ${us('baseline')}`,
    );
    if (w.name === 'hygiene-supervision-2013') {
      check(row.vsJre >= TARGETS.vsJre, `2013 form ≥ ${TARGETS.vsJre}× json-rules-engine: ${row.vsJre}×`);
      check(row.vsJsonLogic >= TARGETS.vsJsonLogic, `2013 form ≥ ${TARGETS.vsJsonLogic}× json-logic-js: ${row.vsJsonLogic}×`);
      check(row.vsBaseline >= TARGETS.vsBaseline, `2013 form vs hand-written ≥ ${TARGETS.vsBaseline}, full scorecards: ${row.vsBaseline}`);
    }
    if (w.name === 'school-hygiene') check(row.vsBaseline >= TARGETS.schoolVsBaseline, `school standard vs hand-written ≥ ${TARGETS.schoolVsBaseline}, full scorecards: ${row.vsBaseline}`);
  }
  let load;
  if (runs('load')) {
    load = await loadWorkload();
    rows.push(load.row);
    check(load.timeRatio <= TARGETS.loadTimeRatio, `load+compile ≤ ${TARGETS.loadTimeRatio}× yaml.parse time: ${load.timeRatio.toFixed(2)}×`);
  }
  // Workloads of the other issues: CSV/NDJSON streaming, aggregate + rank, Lexington from CSV.
  const context = { quick, seed, root: ROOT, path, log, time, check };
  for (const [name, workload] of [['streaming', streaming], ['league', league], ['lexington', lexington]]) {
    if (!runs(name)) continue;
    const result = await workload.run(context);
    rows.push(...result.rows);
    notes.push(...result.notes);
  }

  let memory = { rss100kMb: null, rss1mMb: null };
  const extra = [];
  if (!flag('no-memory') && runs('memory')) {
    const mem = await memoryWorkload();
    memory = mem.memory;
    const r = mem.b.mb / mem.a.mb;
    extra.push(
      '',
      `peak RSS, scoresheet score --format ndjson (school-hygiene, NDJSON on stdin, output to /dev/null): ` +
        `${mem.small.toLocaleString('en-US')} records ${memory.rss100kMb} MB (${mem.a.seconds.toFixed(1)} s), ` +
        `${mem.large.toLocaleString('en-US')} records ${memory.rss1mMb} MB (${mem.b.seconds.toFixed(1)} s): ${r.toFixed(2)}×`,
      `  the same records without ids (no duplicate-id set to keep): ${round(mem.c.mb, 1)} MB and ${round(mem.d.mb, 1)} MB: ${(mem.d.mb / mem.c.mb).toFixed(2)}×`,
      `  scoresheet ${RANK.join(' ')} (text tables; not a target): ${round(mem.e.mb, 1)} MB (${mem.e.seconds.toFixed(1)} s) and ${round(mem.f.mb, 1)} MB (${mem.f.seconds.toFixed(1)} s): ${(mem.f.mb / mem.e.mb).toFixed(2)}×`,
    );
    check(r <= TARGETS.rssRatio, `peak RSS for ${mem.large.toLocaleString('en-US')} records ≤ ${TARGETS.rssRatio}× that for ${mem.small.toLocaleString('en-US')}: ${r.toFixed(2)}×`);
  }
  if (load) extra.push('', `load+compile row: loads/s; vs hand-written = yaml.parse time ÷ ours (ours takes ${load.timeRatio.toFixed(2)}× yaml.parse's time)`);
  extra.push(...notes);
  extra.push('', 'targets:', ...targets.map((t) => '  ' + t));
  extra.push('', `machine: nproc ${m.nproc}, node ${m.node}, ${m.cpu}${quick ? '  (--quick: small sizes, a smoke test)' : ''}`);

  process.stdout.write(table(rows, extra) + '\n');
  if (json) process.stdout.write(JSON.stringify({ workloads: rows, memory }) + '\n');
  if (sink + sinkBox.value === 0.5) log(sink);  // keep the results observable
}

main().catch((error) => {
  log(error.stack ?? String(error));
  process.exitCode = error.exitCode ?? 2;
});
