/**
 * Lexington-Fayette County (KY) LIVES feed, the real data of ../shared/data/lexington-ky: its 3,300
 * inspections repeated to 330,000, from CSV text through parsing to scorecards, against csv-parse alone
 * (the same texts, the same options as src/import/lives.ts) as the floor.
 *
 * The repeated texts are built once, untimed: the header once, then the body rows of each file 100 times
 * (2 with --quick), the business_id of copy k > 0 suffixed `-k`. LIVES joins violations to inspections and
 * businesses to names on (business_id, date) and business_id, so each copy is its own set of keys: a copy
 * holds the same same-day pairs as the real feed, no more. Copy 0 is the feed as published.
 *
 * Timed, scoresheet: livesToRecords(texts) (csv-parse, joins) and one scoreRecord (with its record check) per
 * record against standards/ky-food-establishment.yaml (compiled once, untimed). Floor: csv-parse/sync of
 * the same texts with lives.ts's options, records alone (no `info`): the parser's bare cost, what lives.ts
 * asks of it for a text of plain lines (it counts the lines itself). Until issue 16 lives.ts asked for each
 * record's line (`info: true`) and the floor did too; that floor is still timed and its ratio printed in
 * the notes, to compare with earlier runs. Both counted in inspections/s. Checked once before timing: one scorecard per inspection
 * (less what the import or the scorer rejects, reported) and every copy scores exactly as the single feed.
 *
 * The data directory: $SCORESHEET_LEXINGTON_DIR, or ../shared/data/lexington-ky beside the repository.
 * Absent: a row-less result and a loud note, so the rest of the bench still runs; with CI=true, an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { compileStandard, parseStandard, scoreRecord } from '../../dist/index.js';
import { livesToRecords } from '../../dist/import.js';
import { row, sink } from '../lib.mjs';

const NAME = 'Lexington LIVES CSV → scorecards (ky-food-establishment)';
const STANDARD = 'standards/ky-food-establishment.yaml';
/** The files `scoresheet import lives` reads; feed_info.csv is optional and not repeated (one row). */
const FILES = { businesses: 'businesses.csv', inspections: 'inspections.csv', violations: 'violations.csv', feedInfo: 'feed_info.csv' };
const REPEATED = ['businesses', 'inspections', 'violations'];
/** The options src/import/lives.ts (readCsv) gives csv-parse, and each record's line (`info`). */
const CSV_OPTIONS = { bom: true, info: true, relax_column_count: true, skip_empty_lines: true };
/** The options alone: records without their lines (what lives.ts asks for a text of plain lines). */
const CSV_BARE = { bom: true, relax_column_count: true, skip_empty_lines: true };

export async function run(ctx) {
  const { quick, log, time } = ctx;
  const dir = resolve(process.env.SCORESHEET_LEXINGTON_DIR ?? join(ctx.root, '..', 'shared', 'data', 'lexington-ky'));
  const missing = Object.entries(FILES)
    .filter(([which, file]) => which !== 'feedInfo' && !existsSync(join(dir, file)))
    .map(([, file]) => file);
  if (missing.length > 0) {
    const message = `lexington: skipped: ${missing.join(', ')} not found in ${dir} (provide ../shared/data/lexington-ky or set SCORESHEET_LEXINGTON_DIR)`;
    if (process.env.CI === 'true') throw new Error(message);
    const bar = '!'.repeat(Math.min(message.length + 6, 160));
    log(`\n${bar}\n!! ${message}\n${bar}\n`);
    return { rows: [], notes: [message] };
  }

  const original = {};
  for (const [which, file] of Object.entries(FILES)) if (existsSync(join(dir, file))) original[which] = readFileSync(join(dir, file), 'utf8');
  const copies = quick ? 2 : 100;
  log(`lexington: repeating the feed of ${dir} ${copies}× (untimed)`);
  const texts = { ...original };
  for (const which of REPEATED) texts[which] = repeatCsv(original[which], copies, FILES[which]);

  const loaded = parseStandard(readFileSync(ctx.path(STANDARD), 'utf8'), { file: STANDARD });
  if (!loaded.ok) throw new Error(`cannot load ${STANDARD}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  const scorer = compileStandard(loaded.standard);

  // ── the check, once: counts, and every copy scores as the feed itself ─────────────────────────
  const single = importAndScore(original, scorer);
  const perInspection = single.stats.inspections;
  log(`lexington: checking ${copies} copies of ${perInspection} inspections against the single feed`);
  const whole = importAndScore(texts, scorer);
  const n = whole.stats.inspections;
  if (n !== copies * perInspection) throw new Error(`lexington: the repeated inspections.csv holds ${n} inspections, expected ${copies} × ${perInspection}`);
  const dropped = n - whole.stats.records;
  const rejected = whole.rejected;
  if (whole.cards.length !== n - dropped - rejected) throw new Error(`lexington: ${whole.cards.length} scorecards for ${n} inspections (${dropped} left out by the import, ${rejected} rejected by the scorer)`);
  if (dropped !== copies * (perInspection - single.stats.records) || rejected !== copies * single.rejected) {
    throw new Error(`lexington: the copies lose ${dropped} rows to the import and ${rejected} to the scorer, expected ${copies}× the feed's ${perInspection - single.stats.records} and ${single.rejected}`);
  }
  for (const stat of ['keys', 'ambiguousKeys', 'ambiguousRecords', 'uncertainRecords', 'violations', 'businesses']) {
    if (whole.stats[stat] !== copies * single.stats[stat]) throw new Error(`lexington: stats.${stat} is ${whole.stats[stat]}, expected ${copies} × ${single.stats[stat]}`);
  }
  const byCopy = Array.from({ length: copies }, () => []);
  for (const card of whole.cards) byCopy[copyOf(card.unit)].push(card);
  const reference = single.cards;
  const sumOf = (cards) => cards.reduce((s, c) => s + c.total, 0);
  const singleTotal = sumOf(reference);
  byCopy.forEach((cards, k) => {
    const label = `lexington: copy ${k}`;
    if (cards.length !== reference.length) throw new Error(`${label} has ${cards.length} scorecards, the single feed ${reference.length}`);
    const total = sumOf(cards);
    if (total !== singleTotal) throw new Error(`${label}: the totals add up to ${total}, the single feed's to ${singleTotal}`);
    cards.forEach((c, i) => {
      const r = reference[i];
      if (c.total !== r.total || c.verdict !== r.verdict || c.band !== r.band || c.complete !== r.complete || c.date !== r.date || baseUnit(c.unit) !== r.unit) {
        throw new Error(`${label}, scorecard ${i}: ${JSON.stringify(c)} differs from the single feed's ${JSON.stringify(r)}`);
      }
    });
  });
  const verdicts = Object.entries(countBy(whole.cards, (c) => c.verdict)).map(([v, k]) => `${v} ${k.toLocaleString('en-US')}`).join(', ');
  const problems = whole.problems;
  byCopy.length = 0;
  whole.cards.length = 0;

  // ── timing: both run on the same texts; one call = all n inspections ──────────────────────────
  // Full size: one pass takes seconds and the check has warmed both up. --quick: a smoke test, a few more samples.
  const options = quick ? { iterations: 5, time: 300, warmup: true } : { iterations: 3, time: 0, warmup: false };
  log(`lexington: timing livesToRecords + scoreRecord on ${n.toLocaleString('en-US')} inspections`);
  const rss0 = process.memoryUsage().rss;
  const ours = await time('lexington scoresheet', () => {
    const imported = livesToRecords(texts);
    const records = imported.records;
    let s = 0;
    for (let i = 0; i < records.length; i++) {
      const result = scoreRecord(scorer, records[i].record);
      if (result.ok) s += result.scorecard.total;
    }
    sink.value += s;
  }, n, options);
  log(`lexington: timing csv-parse alone on the same texts`);
  const floor = await time('lexington csv-parse', () => {
    let s = 0;
    for (const which of Object.keys(texts)) s += parse(texts[which], CSV_OPTIONS).length;
    sink.value += s;
  }, n, options);
  log(`lexington: timing csv-parse without info on the same texts`);
  const bare = await time('lexington csv-parse bare', () => {
    let s = 0;
    for (const which of Object.keys(texts)) s += parse(texts[which], CSV_BARE).length;
    sink.value += s;
  }, n, options);
  const peakMb = process.resourceUsage().maxRSS / 1024;

  const mb = (text) => (Buffer.byteLength(text) / 1e6).toFixed(1);
  const notes = [
    `lexington: the 3,300 inspections of ${dir} × ${copies} = ${n.toLocaleString('en-US')} (inspections.csv ${mb(texts.inspections)} MB, ` +
      `violations.csv ${mb(texts.violations)} MB, ${whole.stats.violations.toLocaleString('en-US')} rows; businesses.csv ${mb(texts.businesses)} MB${texts.feedInfo ? '; feed_info.csv once' : ''}); ` +
      `business_id suffixed per copy so each copy keeps its own (business_id, date) keys`,
    `lexington: checked before timing: ${(n - dropped - rejected).toLocaleString('en-US')} scorecards for ${n.toLocaleString('en-US')} inspections ` +
      `(${dropped} left out by the import, ${rejected} rejected by the scorer, ${problems} import warnings); every copy scores as the single feed ` +
      `(totals add up to ${singleTotal.toLocaleString('en-US')} per copy, each scorecard's total, verdict and band equal); ${verdicts} ` +
      `(the import marks ${whole.stats.uncertainRecords.toLocaleString('en-US')} records uncertain: those on the ${whole.stats.ambiguousKeys.toLocaleString('en-US')} LIVES keys holding two inspections)`,
    `lexington: records/s in inspections; scoresheet = livesToRecords (csv-parse + join) + scoreRecord per record (which checks each record); ` +
      `baseline (hand-written/s column) = csv-parse/sync alone with lives.ts's options, records without their lines (no info), same texts; ` +
      `± scoresheet ${ours.rme.toFixed(1)}% (${ours.samples} samples), csv-parse ${bare.rme.toFixed(1)}% (${bare.samples}), with info ${floor.rme.toFixed(1)}% (${floor.samples}); ` +
      `one scoresheet pass ${(n / ours.perSecond).toFixed(2)} s, one csv-parse pass ${(n / bare.perSecond).toFixed(2)} s; ` +
      `the earlier floor, csv-parse with each record's line (info: true, as lives.ts asked before issue 16): ${(n / floor.perSecond).toFixed(2)} s (scoresheet ${(ours.perSecond / floor.perSecond).toFixed(2)}× of that); ` +
      `peak RSS of the bench process so far ${Math.round(peakMb)} MB (RSS before timing ${Math.round(rss0 / 1048576)} MB)`,
  ];
  return { rows: [row(NAME, n, { scoresheet: ours.perSecond, baseline: bare.perSecond })], notes };
}

/** Imports and scores, keeping a small summary of each scorecard (for the check, not timed). */
function importAndScore(files, scorer) {
  const imported = livesToRecords(files);
  if (imported.fatal) throw new Error(`lexington: the import failed: ${imported.problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('; ')}`);
  const cards = [];
  let rejected = 0;
  for (const { record } of imported.records) {
    const result = scoreRecord(scorer, record);
    if (!result.ok) {
      rejected++;
      continue;
    }
    const c = result.scorecard;
    cards.push({ unit: record.unit.id, date: record.date, total: c.total, verdict: c.verdict, band: c.band?.id ?? null, complete: c.complete });
  }
  return { cards, rejected, stats: imported.stats, problems: imported.problems.length };
}

const SUFFIX = /-(\d+)$/;
const copyOf = (unit) => Number(SUFFIX.exec(unit)?.[1] ?? 0);
const baseUnit = (unit) => unit.replace(SUFFIX, '');

function countBy(list, key) {
  const out = {};
  for (const x of list) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

/**
 * The header, then the body `copies` times, business_id (the first column in every LIVES file here)
 * suffixed `-k` in copy k > 0. Works on lines, so it insists that no cell spans lines and that each line
 * starts with its unquoted business_id, as csv-parse reads it.
 */
function repeatCsv(text, copies, file) {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.replace(/^\uFEFF/, '').split(eol);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const [header, ...body] = lines;
  if (header.split(',')[0].trim().toLowerCase() !== 'business_id') throw new Error(`lexington: ${file}: business_id is not the first column`);
  const parsed = parse(text, CSV_OPTIONS).slice(1);
  const rows = body.filter((line) => line.trim() !== '');
  if (parsed.length !== rows.length) throw new Error(`lexington: ${file}: ${parsed.length} CSV records on ${rows.length} lines: a cell spans lines, cannot repeat by lines`);
  const cut = rows.map((line, i) => {
    const id = parsed[i].record[0];
    if (!line.startsWith(id + ',') || SUFFIX.test(id)) throw new Error(`lexington: ${file}, row ${i + 1}: does not start with a plain business_id ("${id}")`);
    return [id, line.slice(id.length)];
  });
  const out = [header];
  for (let k = 0; k < copies; k++) {
    const suffix = k === 0 ? '' : `-${k}`;
    for (const [id, rest] of cut) out.push(id + suffix + rest);
  }
  return out.join(eol) + eol;
}
