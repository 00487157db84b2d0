/**
 * LIVES (Yelp's Local Inspector Value-Entry Specification) → inspection records. Pure: CSV texts in,
 * records and problems out; the CLI (src/cli/import.ts) reads the files.
 *
 * - businesses.csv  business_id, name, …        → `unit: { id: business_id, name }`
 * - inspections.csv business_id, score, date, [description, type] → one record per row
 * - violations.csv  business_id, date, code, description → one finding per row, `item: code`
 * - feed_info.csv   feed_date, feed_version, municipality_name, … → reported, not put in records
 *
 * LIVES has no inspection id: an inspection is its key (business_id, date). When one key holds two
 * or more inspections, their violations cannot be told apart. Such records say so instead of guessing
 * (docs/lives.md): `facts.livesAmbiguousKey: true`, `facts.inspectionsOnKey`, every official score on
 * the key, every violation of the key as a finding, and one finding on {@link UNCERTAIN_FINDINGS_ITEM},
 * which a standard scores as "points unknown" (indeterminate). A standard without that item rejects
 * such a record instead: either way no score is claimed for it.
 */
import { parse } from 'csv-parse/sync';
import type { Locale } from '../messages/locales.js';
import type { Message } from '../messages/types.js';
import { isCalendarDate } from '../common-schema.js';
import { validateRecord, type LocatedRecord } from '../records/validate.js';
import { CSV_RECORD_DELIMITER } from '../records/csv-splitter.js';
import type { InspectionRecord, InspectionRecordInput } from '../record-schema.js';
import { pushAll, pushTo } from '../collections.js';
import { formatPath, makeDiagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics.js';
import { csvSyntaxError } from '../records/csv-error.js';

/** The item a finding names to say the record's findings are not known to be its own and complete. */
export const UNCERTAIN_FINDINGS_ITEM = 'findings-uncertain';

export interface LivesFiles {
  readonly businesses?: string;
  readonly inspections: string;
  readonly violations?: string;
  readonly feedInfo?: string;
}

export type LivesFileName = keyof LivesFiles;

/** Names the files go by in problems and record sources. */
export const LIVES_FILE_NAMES: Readonly<Record<LivesFileName, string>> = {
  businesses: 'businesses.csv',
  inspections: 'inspections.csv',
  violations: 'violations.csv',
  feedInfo: 'feed_info.csv',
};

export interface LivesOptions {
  /** File names (paths) for problems and record sources; default the LIVES names. */
  readonly names?: Partial<Record<LivesFileName, string>>;
  readonly locale?: Locale;
}

/**
 * A problem with the feed, as the one Diagnostic: `error` when nothing could be read (the command cannot
 * run: `unreadable_input`, `map_mismatch` for a missing column), `warning` when a row is left out or a
 * record marked uncertain. Its line is the row's (the header is line 1; 1 for the file as a whole).
 */
export type LivesProblem = Diagnostic;

/** The code of each feed problem's message. */
const LIVES_CODES: Readonly<Record<string, DiagnosticCode>> = {
  'import.lives_bad_date': 'invalid_date',
  'import.lives_csv_syntax': 'unreadable_input',
  'import.lives_missing_column': 'map_mismatch',
};

export interface LivesStats {
  readonly businesses: number;
  readonly inspections: number;
  readonly violations: number;
  readonly records: number;
  /** Distinct (business_id, date) keys among the records. */
  readonly keys: number;
  /** Keys holding two or more inspections, and the records on them. */
  readonly ambiguousKeys: number;
  readonly ambiguousRecords: number;
  /** Records carrying a finding on {@link UNCERTAIN_FINDINGS_ITEM}. */
  readonly uncertainRecords: number;
}

export interface LivesImport {
  /** One per readable inspections.csv row, in file order. Empty when `fatal`. */
  readonly records: LocatedRecord[];
  readonly problems: LivesProblem[];
  /** A file could not be read at all (CSV syntax, a missing column): no records. */
  readonly fatal: boolean;
  /** The first row of feed_info.csv, as given. */
  readonly feed?: Readonly<Record<string, string>>;
  readonly stats: LivesStats;
}

/** M/D/YY (20YY), M/D/YYYY, YYYYMMDD (the LIVES spec) or YYYY-MM-DD → YYYY-MM-DD; undefined otherwise. */
export function livesDate(text: string): string | undefined {
  const t = text.trim();
  let y: string;
  let m: string;
  let d: string;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t))) {
    [, m, d, y] = match as unknown as [string, string, string, string];
    if (y.length === 2) y = '20' + y;
  } else if ((match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(t))) {
    [, y, m, d] = match as unknown as [string, string, string, string];
  } else {
    return undefined;
  }
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

/** A violation, as the finding it becomes (`item`, then `note` when described). */
type FindingInput = NonNullable<InspectionRecordInput['findings']>[number];

/**
 * One inspections.csv row. The first inspection on a LIVES key (business_id, date) stands for the key: the
 * violations placed on the key go to its `findings`, and the others on the key share them through
 * `siblings` (no object of its own per key: a key of one inspection, the common case, is that inspection).
 */
interface Inspection {
  readonly line: number;
  readonly index: number;
  readonly business: Business;
  readonly date: string;
  readonly score: number | undefined;
  readonly description: string;
  readonly type: string;
  /** On the first inspection of a key, the findings of the violations placed on the key (undefined: none); the others read their first's. */
  findings: FindingInput[] | undefined;
  /** Every inspection on its key, once the key holds two or more (one list, shared); undefined while alone. */
  siblings: Inspection[] | undefined;
  /** 1-based place among the inspections on its key. */
  readonly position: number;
  /** The first inspection on the business's date before (in the order the dates first came), for the first on a key. */
  readonly before: Inspection | undefined;
  /** Why its findings may not be its own or complete (violation rows that could not be placed). */
  doubts: string[] | undefined;
}

/**
 * A business_id of the feed: its name from businesses.csv (the first row's; undefined when it has none) and the
 * first inspection on each of its dates, as a chain (`latest`, then each one's `before`). The join looks a business
 * up once per run of rows on it (feeds list a business's rows together) and then walks its few dates, so no row
 * builds a (business_id, date) key string and no business holds a map.
 */
interface Business {
  readonly id: string;
  name: string | undefined;
  /** The first inspection on its latest new date; undefined until its first inspection. */
  latest: Inspection | undefined;
  /** Said once that businesses.csv lacks it. */
  warned: boolean;
  /** `lives:<business_id>:`, the start of its records' ids: one string per business, not pieces per record. */
  prefix: string | undefined;
}

const REQUIRED: Readonly<Record<LivesFileName, readonly string[]>> = {
  businesses: ['business_id', 'name'],
  inspections: ['business_id', 'date'],
  violations: ['business_id', 'date', 'code'],
  feedInfo: [],
};

/**
 * LIVES CSV texts → records.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { livesToRecords } from 'scoresheet/import';
 *
 * const imported = livesToRecords({ inspections: readFileSync('lives/inspections.csv', 'utf8'), violations: readFileSync('lives/violations.csv', 'utf8') });
 * console.log(imported.records.length, imported.problems.length);
 * ```
 */
export function livesToRecords(files: LivesFiles, options: LivesOptions = {}): LivesImport {
  const locale = options.locale ?? 'en';
  const names = { ...LIVES_FILE_NAMES, ...options.names };
  const problems: LivesProblem[] = [];
  const problem = (severity: LivesProblem['severity'], which: LivesFileName, line: number, message: Message) => {
    const code = LIVES_CODES[message.messageId] ?? 'record_invalid';
    problems.push(makeDiagnostic({ code, severity, file: names[which], line: Math.max(line, 1), column: 1, path: [], message }, locale));
  };
  // Feeds spell few dates, each on many rows: each spelling is read once.
  const dates = new Map<string, string | undefined>();
  const dateOf = (raw: string): string | undefined => {
    let date = dates.get(raw);
    if (date === undefined && !dates.has(raw)) dates.set(raw, (date = livesDate(raw)));
    return date;
  };

  // The files are read in this order, each row joined as it is read: what a row becomes is kept, not the row.
  const businesses = new Map<string, Business>();
  /** The business of `id`, made on first sight; the last one asked for is at hand for the rows after it. */
  let last: Business | undefined;
  const businessOf = (id: string): Business => {
    if (last?.id === id) return last;
    last = businesses.get(id);
    if (last === undefined) businesses.set(id, (last = { id, name: undefined, latest: undefined, warned: false, prefix: undefined }));
    return last;
  };
  const inspections: Inspection[] = [];
  let keys = 0;
  let ambiguousKeys = 0;
  // A business's inspections, wanted only for a violation without a readable date: built for the first.
  let byBusiness: Map<string, Inspection[]> | undefined;
  const ofBusiness = (business: string): readonly Inspection[] => {
    if (byBusiness === undefined) {
      byBusiness = new Map();
      for (const inspection of inspections) pushTo(byBusiness, inspection.business.id, inspection);
    }
    return byBusiness.get(business) ?? [];
  };
  const markUncertain = (list: readonly Inspection[], why: string) => {
    for (const inspection of list) (inspection.doubts ??= []).push(why);
  };
  // A key's findings are gathered run by run (feeds list a key's violations together) and put on the key as
  // one array of their number: an array grown by push keeps room for 16 more, and every record keeps its array.
  const run: FindingInput[] = [];
  let runLength = 0;
  let runKey: Inspection | undefined;
  const endRun = () => {
    if (runKey === undefined || runLength === 0) return;
    const found = run.slice(0, runLength);
    if (runKey.findings === undefined) runKey.findings = found;
    else pushAll(runKey.findings, found);
    runLength = 0;
  };
  let feed: Record<string, string> | undefined;
  const rowCount: Record<LivesFileName, number> = { businesses: 0, inspections: 0, violations: 0, feedInfo: 0 };
  // Each reader takes the file's header and returns what reads one row (its cells, line and 0-based index).
  const read: Record<LivesFileName, (header: Header) => RowReader> = {
    businesses(header) {
      const [idAt, nameAt] = header.columns('business_id', 'name');
      return (record) => {
        const id = cell(record, idAt).trim();
        if (id === '') return;
        const business = businessOf(id);
        business.name ??= cell(record, nameAt).trim();
      };
    },
    inspections(header) {
      const [businessAt, dateAt, scoreAt, descriptionAt, typeAt] = header.columns('business_id', 'date', 'score', 'description', 'type');
      return (record, line, index) => {
        const rawBusiness = cell(record, businessAt).trim();
        const rawDate = cell(record, dateAt);
        const date = dateOf(rawDate);
        if (date === undefined) {
          problem('warning', 'inspections', line, { messageId: 'import.lives_bad_date', data: { value: rawDate } });
          return;
        }
        const rawScore = cell(record, scoreAt).trim();
        let score: number | undefined;
        if (rawScore !== '') {
          score = Number(rawScore);
          if (!Number.isFinite(score)) {
            problem('warning', 'inspections', line, { messageId: 'import.lives_bad_score', data: { value: rawScore } });
            score = undefined;
          }
        }
        const business = businessOf(rawBusiness);
        const first = firstOn(business, date);
        let siblings: Inspection[] | undefined;
        if (first !== undefined) {
          siblings = first.siblings;
          if (siblings === undefined) {
            first.siblings = siblings = [first];
            ambiguousKeys++;
          }
        }
        const inspection: Inspection = {
          line,
          index,
          business,
          date,
          score,
          description: cell(record, descriptionAt).trim(),
          type: cell(record, typeAt).trim(),
          findings: undefined,
          siblings,
          position: siblings === undefined ? 1 : siblings.length + 1,
          before: first === undefined ? business.latest : undefined,
          doubts: undefined,
        };
        if (first === undefined) {
          business.latest = inspection;
          keys++;
        } else {
          siblings!.push(inspection);
        }
        inspections.push(inspection);
      };
    },
    // Violations onto their keys. A row that cannot be placed on one key, or names no item, makes
    // the records it may belong to uncertain rather than silently lighter.
    violations(header) {
      const [businessAt, dateAt, codeAt, descriptionAt] = header.columns('business_id', 'date', 'code', 'description');
      // A feed lists an inspection's violations together: a row on the previous row's business and date
      // spelling reuses its lookup.
      let lastBusiness: string | undefined;
      let lastRawDate = '';
      let lastDate = '';
      let lastFirst: Inspection | undefined;
      return (record, line) => {
        const business = cell(record, businessAt).trim();
        const rawDate = cell(record, dateAt);
        const code = cell(record, codeAt).trim();
        if (business !== lastBusiness || rawDate !== lastRawDate) {
          const date = dateOf(rawDate);
          if (date === undefined) {
            problem('warning', 'violations', line, { messageId: 'import.lives_bad_date', data: { value: rawDate } });
            markUncertain(ofBusiness(business), `${names.violations}:${line}: a violation of this business has no readable date ("${rawDate}")`);
            return;
          }
          lastBusiness = business;
          lastRawDate = rawDate;
          lastDate = date;
          lastFirst = firstOn(businessOf(business), date);
        }
        const first = lastFirst;
        if (first === undefined) {
          problem('warning', 'violations', line, { messageId: 'import.lives_orphan_violation', data: { business, date: lastDate, code } });
          return;
        }
        if (code === '') {
          problem('warning', 'violations', line, { messageId: 'import.lives_no_code', data: { business, date: lastDate } });
          markUncertain(first.siblings ?? [first], `${names.violations}:${line}: a violation on this business and date has no item code`);
          return;
        }
        const description = cell(record, descriptionAt).trim();
        if (first !== runKey) {
          endRun();
          runKey = first;
        }
        run[runLength++] = description !== '' ? { item: code, note: description } : { item: code };
      };
    },
    feedInfo(header) {
      return (record) => {
        feed ??= header.object(record);
      };
    },
  };
  for (const which of ['businesses', 'inspections', 'violations', 'feedInfo'] as const) {
    const text = files[which];
    if (text === undefined) continue;
    const rows = readCsv(text, names[which], which, problem, read[which]);
    if (rows !== undefined) rowCount[which] = rows;
  }
  endRun();
  // A file that could not be read reads nothing: only the errors are said, no warning of a row read before.
  const emptyStats: LivesStats = { businesses: 0, inspections: 0, violations: 0, records: 0, keys: 0, ambiguousKeys: 0, ambiguousRecords: 0, uncertainRecords: 0 };
  if (problems.some((p) => p.severity === 'error')) return { records: [], problems: problems.filter((p) => p.severity === 'error'), fatal: true, stats: emptyStats };

  const records: LocatedRecord[] = [];
  let ambiguousRecords = 0;
  let uncertainRecords = 0;
  for (const inspection of inspections) {
    const { siblings } = inspection;
    const ambiguous = siblings !== undefined;
    const business = inspection.business;
    const name = business.name;
    if (name === undefined && files.businesses !== undefined && !business.warned) {
      business.warned = true;
      problem('warning', 'inspections', inspection.line, { messageId: 'import.lives_unknown_business', data: { business: business.id } });
    }
    // Each record its own findings: the key's list itself for its one inspection, a copy per sibling.
    const onKey = ambiguous ? siblings[0]!.findings : inspection.findings;
    let findings = onKey === undefined ? [] : ambiguous ? onKey.map((f) => ({ ...f })) : onKey;
    let doubts = inspection.doubts;
    if (ambiguous && onKey !== undefined) {
      const shared =
        `${siblings.length} inspections of business ${business.id} on ${inspection.date} share one LIVES key; ` +
        `the ${onKey.length} violation row(s) on it cannot be split between them (official scores ${siblings.map((s) => s.score ?? '?').join(', ')})`;
      doubts = doubts === undefined ? [shared] : [shared, ...doubts];
    }
    if (doubts !== undefined) {
      // concat: an array of exactly its findings (push would leave room for 16 more).
      findings = findings.concat({ item: UNCERTAIN_FINDINGS_ITEM, note: doubts.join('; ') });
      uncertainRecords++;
    }
    if (ambiguous) ambiguousRecords++;
    const facts = livesFacts(inspection);
    const prefix = (business.prefix ??= `lives:${business.id}:`);
    const id = ambiguous ? `${prefix}${inspection.date}:${inspection.position}` : prefix + inspection.date;
    const source = { file: names.inspections, line: inspection.line, index: inspection.index };
    if (business.id !== '') {
      // What the record schema would return for it, so it is not put through the schema (test/import/lives-shape.test.ts
      // holds this on generated feeds): a non-empty id, a unit with a non-empty id and name, a calendar date,
      // findings with a non-empty item and a string note, facts with fixed keys, in the schema's key order.
      const record = { id, unit: name ? { id: business.id, name } : { id: business.id }, date: inspection.date, findings, facts } as InspectionRecord;
      records.push({ record, source });
      continue;
    }
    // No business id: the record schema refuses the unit, in its own words.
    const result = validateRecord({ id, unit: { id: business.id }, date: inspection.date, findings, facts }, source, locale);
    if (result.ok) {
      records.push(result.value);
    } else {
      for (const d of result.diagnostics) problem('warning', 'inspections', inspection.line, { messageId: 'record.invalid', data: { detail: `${formatPath(d.path)}: ${d.message}` } });
    }
  }

  return {
    records,
    problems,
    fatal: false,
    ...(feed ? { feed } : {}),
    stats: {
      businesses: rowCount.businesses,
      inspections: rowCount.inspections,
      violations: rowCount.violations,
      records: records.length,
      keys,
      ambiguousKeys,
      ambiguousRecords,
      uncertainRecords,
    },
  };
}

/** The first inspection of `business` on `date`, if any. */
function firstOn(business: Business, date: string): Inspection | undefined {
  for (let first = business.latest; first !== undefined; first = first.before) if (first.date === date) return first;
  return undefined;
}

/**
 * A record's facts, keys in a fixed order. The common record (a score, alone on its key, no type or
 * description) is one object literal, so such records share one shape.
 */
function livesFacts({ score, siblings, type, description }: Inspection): Record<string, unknown> {
  if (score !== undefined && siblings === undefined && type === '' && description === '') return { officialScore: score, livesAmbiguousKey: false, inspectionsOnKey: 1 };
  const facts: Record<string, unknown> = {};
  if (score !== undefined) facts.officialScore = score;
  facts.livesAmbiguousKey = siblings !== undefined;
  facts.inspectionsOnKey = siblings === undefined ? 1 : siblings.length;
  if (siblings !== undefined) facts.officialScoresOnKey = siblings.map((s) => s.score ?? null);
  if (type !== '') facts.livesType = type;
  if (description !== '') facts.livesDescription = description;
  return facts;
}

type RowReader = (record: readonly string[], line: number, index: number) => void;

/** A file's columns by header name (trimmed, lower-cased; the first column of a name counts). */
class Header {
  constructor(private readonly names: ReadonlyMap<string, number>) {}
  /** Each name's column, -1 for a name the file lacks (its cells read ''). */
  columns<const N extends readonly string[]>(...names: N): { readonly [K in keyof N]: number } {
    return names.map((name) => this.names.get(name) ?? -1) as unknown as { readonly [K in keyof N]: number };
  }
  /** A row as an object. No prototype: a column called "constructor" or "__proto__" is just a column. */
  object(record: readonly string[]): Record<string, string> {
    const out = Object.create(null) as Record<string, string>;
    for (const [name, i] of this.names) out[name] = record[i] ?? '';
    return out;
  }
}

/** The cell of column `at` (-1: a column the file lacks), '' past the row's end. */
function cell(record: readonly string[], at: number): string {
  return at < 0 ? '' : (record[at] ?? '');
}

const CSV_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: CSV_RECORD_DELIMITER };

/**
 * A CSV with a header row, each body row handed to what `reader` makes of the header (header names
 * trimmed and lower-cased), with its line and 0-based index. The number of body rows; undefined after an error.
 */
function readCsv(
  text: string,
  file: string,
  which: LivesFileName,
  problem: (severity: 'error' | 'warning', which: LivesFileName, line: number, message: Message) => void,
  reader: (header: Header) => RowReader,
): number | undefined {
  let onRow: RowReader | undefined;
  let rows = 0;
  let headerLine = 0;
  let missing: readonly string[] = [];
  /** A record and the line csv-parse says it ends on. */
  const take = (record: readonly string[], end: number, breaks: number) => {
    if (onRow === undefined) {
      headerLine = end;
      const columns = new Map<string, number>();
      record.forEach((h, i) => {
        const name = h.trim().toLowerCase();
        if (name !== '' && !columns.has(name)) columns.set(name, i);
      });
      missing = REQUIRED[which].filter((c) => !columns.has(c));
      onRow = reader(new Header(columns));
    } else if (missing.length === 0) {
      // A quoted cell holding line breaks started that many lines earlier.
      onRow(record, end - breaks, rows++);
    }
  };
  let records: string[][] | undefined;
  let failure: { error: unknown } | undefined;
  /** The CRLFs inside quoted cells so far: csv-parse counts each as two lines. */
  let doubled = 0;
  try {
    if (plainLines(text)) {
      records = parse(text, CSV_OPTIONS) as string[][];
    } else {
      // csv-parse counts the lines, and hands each record over with that count (its `info` context).
      parse(text, {
        ...CSV_OPTIONS,
        on_record: (record: string[], context: { lines: number }) => {
          try {
            const { breaks, crlf } = cellBreaks(record);
            doubled += crlf;
            take(record, context.lines - doubled, breaks);
          } catch (error) {
            failure = { error };
            throw error;
          }
          return undefined;
        },
      });
    }
  } catch (error) {
    if (failure?.error === error) throw error;
    // The problem is reported on the line where csv-parse stopped (0 when it is no CsvError).
    const { line, failure: why } = csvSyntaxError(error, text, CSV_OPTIONS);
    const { reason, detail } = why;
    problem('error', which, line ?? 0, { messageId: 'import.lives_csv_syntax', data: { file, reason, detail } });
    return undefined;
  }
  if (records !== undefined) {
    // Plain lines: each line feed ends a record or sits in one of its cells, so a record ends on line
    // 1 + the line feeds before its end — counted here, not by csv-parse's info context for each record
    // (a third of its time). When the text holds no more line feeds than records end with, no cell
    // holds one, and record i ends on line i + 1.
    if (lineFeeds(text) === records.length - (text.endsWith('\n') ? 0 : 1)) {
      for (let i = 0; i < records.length; i++) take(records[i]!, i + 1, 0);
    } else {
      let end = 0;
      for (const record of records) {
        const breaks = lineBreaks(record);
        end += 1 + breaks;
        take(record, end, breaks);
      }
    }
  }
  // No header row at all (an empty file): every required column is missing.
  if (onRow === undefined) missing = REQUIRED[which];
  for (const column of missing) problem('error', which, headerLine, { messageId: 'import.lives_missing_column', data: { file, column } });
  return missing.length > 0 ? undefined : rows;
}

/**
 * No carriage return and no empty line (csv-parse skips those): every line break is one line feed that
 * ends a record or sits in a quoted cell, and csv-parse counts exactly those as lines.
 */
function plainLines(text: string): boolean {
  return !text.includes('\r') && !text.includes('\n\n') && !/^\uFEFF?\n/.test(text);
}

function lineFeeds(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The line breaks inside a record's cells (LF, CRLF and CR one each), and how many of them are CRLFs. */
function cellBreaks(record: readonly string[]): { breaks: number; crlf: number } {
  let breaks = 0;
  let crlf = 0;
  for (const cell of record) {
    if (!cell.includes('\n') && !cell.includes('\r')) continue;
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c === 0x0d) {
        breaks++;
        if (cell.charCodeAt(i + 1) === 0x0a) {
          crlf++;
          i++;
        }
      } else if (c === 0x0a) breaks++;
    }
  }
  return { breaks, crlf };
}

/** The line feeds inside a record's cells. */
function lineBreaks(record: readonly string[]): number {
  let n = 0;
  for (const cell of record) {
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) n++;
  }
  return n;
}
