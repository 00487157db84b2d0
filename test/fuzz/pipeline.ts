/**
 * The whole flow a user runs, in-process: standard text → load (check) → compile → records read →
 * findings assigned → scored → aggregated and ranked → every renderer (text, md, csv, json, html).
 * Each stage's invariants are asserted as it runs; a broken invariant throws a FuzzViolation naming
 * the stage, so fast-check shrinks towards it. Any other exception is itself the bug (none may escape).
 */
import { parse as csvParse } from 'csv-parse/sync';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../../src/diagnostics.js';
import type { PeriodUnit } from '../../src/aggregate/periods.js';
import { assignFindings } from '../../src/aggregate/responsibility.js';
import { itemNamer } from '../../src/cli/standards.js';
import type { Locale } from '../../src/messages/locales.js';
import { readCsvRecords } from '../../src/records/csv.js';
import { RECORD_DIAGNOSTIC_CODES, type Diagnostic as RecordDiagnostic } from '../../src/diagnostics.js';
import { readDocumentRecords, readNdjsonRecords, type ReadResult, type RecordFormat as AnyRecordFormat } from '../../src/records/read.js';

/** The text formats the fuzzer writes (a workbook is read apart, in test/records/xlsx.test.ts). */
type RecordFormat = Exclude<AnyRecordFormat, 'xlsx'>;
import { buildLeague, type League } from '../../src/rank/league.js';
import { formatCsv, formatScorecardsCsv } from '../../src/report/csv.js';
import { renderReportHtml } from '../../src/report/html.js';
import { formatLeagueMarkdown, formatLeagueText, leagueCsvRows } from '../../src/report/league.js';
import { formatScorecardsMarkdown } from '../../src/report/markdown.js';
import { buildReport } from '../../src/report/report.js';
import { renderReportMarkdown } from '../../src/report/report-markdown.js';
import { formatScorecardText } from '../../src/report/text.js';
import { scoreBatch, scoreRecord } from '../../src/score/batch.js';
import { compileStandard } from '../../src/compile/standard.js';
import { InspectionRecordSchema } from '../../src/record-schema.js';
import { StandardSet } from '../../src/score/editions.js';
import { toPoints } from '../../src/points.js';
import type { Scorecard } from '../../src/score/scorecard.js';
import { ScorecardSchema } from '../../src/score/scorecard-schema.js';
import type { Standard } from '../../src/standard/schema.js';
import { parseStandard, type BaseResolver, type LoadResult } from '../../src/standard/load.js';
import { problemsOf } from '../support/problems.js';

export interface FuzzCase {
  readonly standard: string;
  readonly records: string;
  readonly format: RecordFormat;
  readonly period: PeriodUnit;
  readonly locale: Locale;
  readonly groupBy?: string;
}

/** How far a case got: the counters the long run reports, so a run that never reaches ranking shows it. */
export type Reached = 'rejected_standard' | 'no_scorecards' | 'ranked';

/** A broken invariant: the stage and what broke. Thrown so fast-check shrinks the case. */
export class FuzzViolation extends Error {
  constructor(
    readonly stage: string,
    detail: string,
  ) {
    super(`${stage}: ${detail}`);
  }
}

function violation(stage: string, detail: string, value?: unknown): never {
  throw new FuzzViolation(stage, value === undefined ? detail : `${detail}\n${JSON.stringify(value, null, 1)?.slice(0, 3000)}`);
}

const STANDARD_CODES = new Set<string>(DIAGNOSTIC_CODES);
const RECORD_CODES = new Set<string>(RECORD_DIAGNOSTIC_CODES);

/** A rejection must say what (a known code, words) and where (a 1-based position). */
function checkStandardDiagnostic(d: Diagnostic): void {
  if (!STANDARD_CODES.has(d.code)) violation('load', `unknown diagnostic code ${d.code}`, d);
  if (!(Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1)) violation('load', 'diagnostic without a position', d);
  if (typeof d.file !== 'string' || d.file === '') violation('load', 'diagnostic without a file', d);
  if (typeof d.message !== 'string' || d.message.trim() === '') violation('load', 'diagnostic without words', d);
  if (!Array.isArray(d.path)) violation('load', 'diagnostic without a path', d);
}

function checkRecordDiagnostic(stage: string, d: RecordDiagnostic): void {
  if (!RECORD_CODES.has(d.code)) violation(stage, `unknown record diagnostic code ${d.code}`, d);
  if (!(Number.isInteger(d.line) && d.line >= 1)) violation(stage, 'record diagnostic without a line', d);
  if (!(Number.isInteger(d.column) && d.column >= 1)) violation(stage, 'record diagnostic without a column', d);
  if (!(d.index !== undefined && Number.isInteger(d.index) && d.index >= 0)) violation(stage, 'record diagnostic without an index', d);
  if (typeof d.message !== 'string' || d.message.trim() === '') violation(stage, 'record diagnostic without words', d);
}

/**
 * Σ lines = total − base, exactly (in the exact point scale), every number an exact point value, a
 * reason for every verdict but pass, no pass on an incomplete total, the standard's limits kept, and
 * the shape its JSON Schema promises.
 */
function checkScorecard(card: Scorecard, standard: Standard): void {
  const exact = (n: number, what: string): bigint => {
    const p = typeof n === 'number' && Number.isFinite(n) ? toPoints(n) : undefined;
    if (p === undefined) violation('score', `${what} is not an exact point value: ${n}`, card);
    return BigInt(p);
  };
  let lines = 0n;
  card.lines.forEach((line, i) => (lines += exact(line.points, `lines[${i}].points`)));
  const total = exact(card.total, 'total');
  const base = exact(card.base, 'base');
  if (lines !== total - base) violation('score', `Σ lines ${lines} ≠ total ${total} − base ${base}`, card);
  if (card.verdict !== 'pass' && card.reasons.length === 0) violation('score', `verdict ${card.verdict} without a reason`, card);
  // A total that could not be worked out in full is never a pass (OPA's undefined ≠ false).
  if (!card.complete && card.verdict === 'pass') violation('score', 'an incomplete scorecard passes', card);
  if (card.mode === 'deduct') {
    // 扣完为止: a category with a maximum never goes below zero, nor (with a bonus cap) above its maximum and bonus.
    for (const category of card.categories) {
      const declared = standard.categories.find((c) => c.id === category.id);
      if (declared?.max === undefined) continue;
      if (category.points < 0) violation('score', `category ${category.id} below zero`, card);
      if (declared.bonusMax !== undefined && exact(category.points, category.id) > BigInt(toPoints(declared.max)! + toPoints(declared.bonusMax)!)) {
        violation('score', `category ${category.id} above its maximum and bonus`, card);
      }
    }
  }
  if (card.mode === 'deduct') {
    // An item's deductions stop at its maximum, however large the count, points or values (items 4–5).
    for (const declared of standard.categories) {
      for (const item of declared.items) {
        if (item.max === undefined) continue;
        let net = 0n;
        for (const line of card.lines) if (line.item === item.id) net += exact(line.points, `${item.id} line`);
        if (net < -BigInt(toPoints(item.max)!)) violation('score', `item ${item.id} loses ${-net} of its maximum ${item.max}`, card);
      }
    }
  }
  const { max, min } = standard.scoring;
  if (max !== undefined && card.total > max) violation('score', `total ${card.total} above scoring.max ${max}`, card);
  if (min !== undefined && card.total < min) violation('score', `total ${card.total} below scoring.min ${min}`, card);
  const parsed = ScorecardSchema.safeParse(card);
  if (!parsed.success) violation('score', `scorecard does not match its schema: ${parsed.error.issues[0]?.message}`, parsed.error.issues.slice(0, 3));
}

/** A renderer's output: a string, with no "undefined", "NaN" or "[object Object]" the input did not hold. */
function checkRendered(stage: string, output: unknown, input: string): string {
  if (typeof output !== 'string') return violation(stage, `rendered ${typeof output}, not text`);
  for (const leak of ['undefined', 'NaN', '[object Object]']) {
    if (output.includes(leak) && !input.includes(leak)) violation(stage, `output contains "${leak}"`, output.slice(Math.max(0, output.indexOf(leak) - 200), output.indexOf(leak) + 100));
  }
  return output;
}

/** A cell a spreadsheet would run as a formula (OWASP): =, +, -, @, tab or CR first, unless it is a number as scoresheet writes one. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER_CELL = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/;

/** Item 15: a CSV output has no text cell a spreadsheet would read as a formula. */
function checkCsv(stage: string, output: unknown, input: string): void {
  const text = checkRendered(stage, output, input);
  let rows: string[][];
  try {
    rows = csvParse(text, { relax_column_count: true, bom: true }) as string[][];
  } catch (error) {
    return violation(stage, `output is not CSV: ${(error as Error).message}`, text.slice(0, 500));
  }
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (FORMULA_START.test(cell) && !NUMBER_CELL.test(cell)) violation(stage, `cell ${r + 1}:${c + 1} starts a formula: ${JSON.stringify(cell)}`);
    }),
  );
}

/** Item 16: a Markdown output holds no raw HTML tag from a name, note or other input text (`<script`, `<img`, `<b>`). */
function checkMarkdown(stage: string, output: unknown, input: string): void {
  const text = checkRendered(stage, output, input);
  for (const match of text.matchAll(/<[a-zA-Z!/][^\s<>]*/g)) {
    if (input.includes(match[0])) violation(stage, `raw ${match[0]} from the input`, text.slice(Math.max(0, match.index - 200), match.index + 100));
  }
}

/**
 * Nothing lost between scorecards and tables, and ranks follow the scores: a better rank never has a
 * worse score. With a calendar, a date in a holiday or between terms has no term and no week (by
 * design, periodOf), so there the tables may hold fewer inspections than were scored.
 */
function checkLeague(league: League, scorecards: readonly Scorecard[], period: PeriodUnit, calendar: boolean, direction: 1 | -1): void {
  const superseded = new Set(scorecards.map((c) => c.supersedes));
  const counted = scorecards.filter((c) => c.record === undefined || !superseded.has(c.record)).length;
  const inspections = league.results.reduce((n, r) => n + r.inspections, 0);
  const termsOnly = period === 'term' || (period === 'week' && calendar);
  if (termsOnly ? inspections > counted : inspections !== counted) violation('aggregate', `${counted} scorecards, ${inspections} inspections in the periods`);
  for (const table of league.tables) {
    for (const group of table.groups) {
      const ranked = group.rows.filter((r) => r.rank !== null);
      for (const row of ranked) if (row.result.score === null) violation('rank', `${row.result.unit.id} ranked without a score`, row);
      for (let i = 0; i < ranked.length; i++) {
        for (let j = 0; j < ranked.length; j++) {
          const a = ranked[i]!;
          const b = ranked[j]!;
          if (a.rank! < b.rank! && direction * (a.result.score! - b.result.score!) < 0) {
            violation('rank', `${a.result.unit.id} (rank ${a.rank}, ${a.result.score}) above ${b.result.unit.id} (rank ${b.rank}, ${b.result.score}) in ${table.period.key}`);
          }
        }
      }
    }
  }
}

/** Values no record schema accepts, and objects that throw while they are read (item 13). */
function hostileValues(): unknown[] {
  const throwing = (at: string) =>
    Object.defineProperty({ unit: { id: 'g1-01' }, date: '2024-03-04', findings: [] }, at, {
      enumerable: true,
      get() {
        throw new Error(`getter ${at}`);
      },
    });
  const nested = { unit: { id: 'g1-01' }, date: '2024-03-04', findings: [Object.defineProperty({}, 'item', { enumerable: true, get: () => { throw new TypeError('item getter'); } })] };
  const proxy = new Proxy({}, { get: () => { throw new Error('proxy get'); }, ownKeys: () => { throw new Error('proxy keys'); }, has: () => { throw new Error('proxy has'); } });
  return [null, undefined, [], [1], 'x', '', 0, -1, 1e18, NaN, true, Symbol('s'), () => 1, new Date(NaN), throwing('date'), throwing('findings'), throwing('unit'), nested, proxy, Object.create(null)];
}

/**
 * The public API on the same records, unread, and on anything else: scoreRecord(scorer, value) never
 * throws (item 13), a scorecard it gives keeps the scorecard's invariants, and `ok: false` carries at
 * least one problem, each with a field and a message with a code.
 */
function checkApi(c: FuzzCase, set: StandardSet, standard: Standard): void {
  let values: unknown;
  try {
    values = c.format === 'json' ? JSON.parse(c.records) : c.format === 'ndjson' ? c.records.split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
  } catch {
    values = c.records;
  }
  const scorer = set.scorers[0]!;
  for (const value of [...(Array.isArray(values) ? values : [values]), ...hostileValues()]) {
    let result: ReturnType<typeof scoreRecord>;
    try {
      result = scoreRecord(scorer, value);
    } catch (error) {
      return violation('api', `scoreRecord threw ${String(error)}`, typeof value === 'object' ? Object.prototype.toString.call(value) : String(value));
    }
    if (result.ok) {
      if (InspectionRecordSchema.safeParse(value).success === false) violation('api', 'scoreRecord scored a value the record schema rejects', value);
      checkScorecard(result.scorecard, standard);
    } else {
      if (problemsOf(result).length === 0) violation('api', 'ok: false without a problem', value);
      for (const p of problemsOf(result)) if (typeof p.field !== 'string' || typeof p.message?.messageId !== 'string' || p.message.messageId === '') violation('api', 'a problem without a field or a coded message', p);
    }
  }
}

function readRecords(c: FuzzCase, set: StandardSet): ReadResult {
  const options = { file: `records.${c.format}`, locale: c.locale, precheck: set.precheck };
  switch (c.format) {
    case 'json':
    case 'yaml':
      return readDocumentRecords(c.records, options);
    case 'ndjson':
      return readNdjsonRecords(c.records, options);
    case 'csv':
      return readCsvRecords(c.records, undefined, options);
  }
}

/**
 * Loading and compiling are pure, and a run draws the same standard for many cases (a shipped one, or
 * one of its mutations while shrinking): each text is loaded once per locale, its checks run then.
 */
const loadedStandards = new Map<string, { loaded: LoadResult; set?: StandardSet }>();

function loadOnce(c: FuzzCase, resolveBase: BaseResolver | undefined): { loaded: LoadResult; set?: StandardSet } {
  const key = `${c.locale}\0${c.standard}`;
  let entry = loadedStandards.get(key);
  if (entry === undefined) {
    const loaded = parseStandard(c.standard, { file: 'fuzz.yaml', locale: c.locale, ...(resolveBase ? { resolveBase } : {}) });
    entry = loaded.ok ? { loaded, set: new StandardSet([compileStandard(loaded.standard)]) } : { loaded };
    if (loadedStandards.size >= 64) loadedStandards.clear();
    loadedStandards.set(key, entry);
  }
  return entry;
}

/** Point values a loaded standard holds (points, caps, bonus maxima, steps, the base) are all exact points (items 4–6): the rest are rejected at load. */
function checkStandardPoints(standard: Standard): void {
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) node.forEach((child, i) => visit(child, `${path}[${i}]`));
    else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (typeof child === 'number' && ['points', 'cap', 'bonusMax', 'step', 'base'].includes(key) && toPoints(child) === undefined) violation('load', `${path}.${key} = ${child} loaded, not exact points`);
        visit(child, `${path}.${key}`);
      }
    }
  };
  visit(standard, 'standard');
}

/** Runs one case through every stage; throws FuzzViolation (or the escaped exception) on a bug. */
export function runPipeline(c: FuzzCase, resolveBase?: BaseResolver): Reached {
  const { loaded, set } = loadOnce(c, resolveBase);
  if (!loaded.ok) {
    if (loaded.diagnostics.length === 0) violation('load', 'rejected without a diagnostic');
    for (const d of loaded.diagnostics) checkStandardDiagnostic(d);
    if (!loaded.diagnostics.some((d) => d.severity === 'error')) violation('load', 'rejected with warnings only', loaded.diagnostics);
    return 'rejected_standard';
  }
  for (const d of loaded.warnings) checkStandardDiagnostic(d);
  const standard = loaded.standard;
  checkStandardPoints(standard);
  if (set === undefined) return violation('compile', 'a loaded standard was not compiled');

  const read: ReadResult = readRecords(c, set);
  // A CSV header that fits no mapping is one map_mismatch (the CLI exits 2), and nothing of the sheet is read.
  if (c.format === 'csv' && read.diagnostics.some((d) => d.code === 'map_mismatch')) {
    if (read.records.length > 0) violation('read', 'records read from a sheet whose header fits no mapping', read.diagnostics);
    return 'no_scorecards';
  }
  for (const d of read.diagnostics) checkRecordDiagnostic('read', d);
  const assigned = assignFindings(read.records, {}, c.locale);
  for (const d of assigned.diagnostics) checkRecordDiagnostic('assign', d);
  const batch = scoreBatch(set, assigned.records, c.locale);
  for (const d of batch.diagnostics) checkRecordDiagnostic('score', d);
  const scorecards = batch.scored.map((s) => s.scorecard);
  for (const card of scorecards) checkScorecard(card, standard);

  checkApi(c, set, standard);

  const names = itemNamer(set, c.locale);
  const rejected = [...read.diagnostics, ...assigned.diagnostics, ...batch.diagnostics];
  // What the output may quote: the inputs, and the rejections' own words (zod's "received undefined").
  const input = c.standard + c.records + rejected.map((d) => d.message).join('\n');
  for (const card of scorecards) checkRendered('text', formatScorecardText(card, c.locale, names), input);
  checkCsv('csv', formatScorecardsCsv(scorecards, c.locale, names), input);
  checkMarkdown('md', formatScorecardsMarkdown(scorecards, rejected, 'summary', c.locale, names), input);
  JSON.parse(JSON.stringify({ scorecards, rejected }));
  if (scorecards.length === 0) return 'no_scorecards';

  const league = buildLeague(standard, scorecards, { period: c.period, ...(c.groupBy ? { groupBy: c.groupBy } : {}) });
  checkLeague(league, scorecards, c.period, standard.calendar !== undefined, standard.scoring.mode === 'accumulate' ? -1 : 1);
  checkRendered('league text', formatLeagueText(league, standard, c.locale), input);
  checkMarkdown('league md', formatLeagueMarkdown(league, standard, c.locale), input);
  checkCsv('league csv', formatCsv(leagueCsvRows(league, standard, c.locale)), input);
  JSON.parse(JSON.stringify(league));

  const report = buildReport(league, standard, { scorecards, rejected: rejected.length, generator: 'fuzz' });
  checkRendered('report html', renderReportHtml(report, { lang: c.locale }), input);
  checkMarkdown('report md', renderReportMarkdown(report, { lang: c.locale }), input);
  return 'ranked';
}
