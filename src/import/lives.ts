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
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { Locale } from '../messages/locales.js';
import type { Message } from '../messages/types.js';
import { isCalendarDate } from '../common-schema.js';
import { validateRecord, type LocatedRecord } from '../records/validate.js';
import type { InspectionRecordInput } from '../record-schema.js';
import { pushTo } from '../collections.js';
import { formatPath, makeDiagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics.js';
import { csvFailure } from '../messages/library.js';

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

interface Row {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

interface Violation {
  readonly line: number;
  readonly code: string;
  readonly description: string;
}

interface Inspection {
  readonly line: number;
  readonly index: number;
  readonly business: string;
  readonly date: string;
  readonly score: number | undefined;
  readonly description: string;
  readonly type: string;
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

  const tables: Partial<Record<LivesFileName, Row[]>> = {};
  for (const which of ['businesses', 'inspections', 'violations', 'feedInfo'] as const) {
    const text = files[which];
    if (text === undefined) continue;
    const rows = readCsv(text, names[which], which, problem);
    if (rows !== undefined) tables[which] = rows;
  }
  const emptyStats: LivesStats = { businesses: 0, inspections: 0, violations: 0, records: 0, keys: 0, ambiguousKeys: 0, ambiguousRecords: 0, uncertainRecords: 0 };
  if (problems.some((p) => p.severity === 'error')) return { records: [], problems, fatal: true, stats: emptyStats };

  const feedRow = tables.feedInfo?.[0];
  const feed = feedRow ? feedRow.cells : undefined;

  const businessNames = new Map<string, string>();
  for (const row of tables.businesses ?? []) {
    const id = (row.cells.business_id ?? '').trim();
    if (id !== '' && !businessNames.has(id)) businessNames.set(id, (row.cells.name ?? '').trim());
  }

  // Inspections, keyed by (business_id, date).
  const inspections: Inspection[] = [];
  const onKey = new Map<string, Inspection[]>();
  const byBusiness = new Map<string, Inspection[]>();
  (tables.inspections ?? []).forEach((row, index) => {
    const business = (row.cells.business_id ?? '').trim();
    const rawDate = row.cells.date ?? '';
    const date = livesDate(rawDate);
    if (date === undefined) {
      problem('warning', 'inspections', row.line, { messageId: 'import.lives_bad_date', data: { value: rawDate } });
      return;
    }
    const rawScore = (row.cells.score ?? '').trim();
    let score: number | undefined;
    if (rawScore !== '') {
      score = Number(rawScore);
      if (!Number.isFinite(score)) {
        problem('warning', 'inspections', row.line, { messageId: 'import.lives_bad_score', data: { value: rawScore } });
        score = undefined;
      }
    }
    const inspection: Inspection = {
      line: row.line,
      index,
      business,
      date,
      score,
      description: (row.cells.description ?? '').trim(),
      type: (row.cells.type ?? '').trim(),
    };
    inspections.push(inspection);
    pushTo(onKey, keyOf(business, date), inspection);
    pushTo(byBusiness, business, inspection);
  });

  // Violations onto their keys. A row that cannot be placed on one key, or names no item, makes
  // the records it may belong to uncertain rather than silently lighter.
  const violationsOnKey = new Map<string, Violation[]>();
  const uncertain = new Map<Inspection, string[]>();
  const markUncertain = (list: readonly Inspection[], why: string) => {
    for (const inspection of list) pushTo(uncertain, inspection, why);
  };
  for (const row of tables.violations ?? []) {
    const business = (row.cells.business_id ?? '').trim();
    const rawDate = row.cells.date ?? '';
    const code = (row.cells.code ?? '').trim();
    const date = livesDate(rawDate);
    if (date === undefined) {
      problem('warning', 'violations', row.line, { messageId: 'import.lives_bad_date', data: { value: rawDate } });
      markUncertain(byBusiness.get(business) ?? [], `${names.violations}:${row.line}: a violation of this business has no readable date ("${rawDate}")`);
      continue;
    }
    const key = keyOf(business, date);
    const targets = onKey.get(key);
    if (targets === undefined) {
      problem('warning', 'violations', row.line, { messageId: 'import.lives_orphan_violation', data: { business, date, code } });
      continue;
    }
    if (code === '') {
      problem('warning', 'violations', row.line, { messageId: 'import.lives_no_code', data: { business, date } });
      markUncertain(targets, `${names.violations}:${row.line}: a violation on this business and date has no item code`);
      continue;
    }
    pushTo(violationsOnKey, key, { line: row.line, code, description: (row.cells.description ?? '').trim() });
  }

  const warnedBusiness = new Set<string>();
  const records: LocatedRecord[] = [];
  let ambiguousKeys = 0;
  let ambiguousRecords = 0;
  let uncertainRecords = 0;
  for (const [, list] of onKey) if (list.length > 1) ambiguousKeys++;
  for (const inspection of inspections) {
    const key = keyOf(inspection.business, inspection.date);
    const siblings = onKey.get(key)!;
    const violations = violationsOnKey.get(key) ?? [];
    const ambiguous = siblings.length > 1;
    const name = businessNames.get(inspection.business);
    if (name === undefined && tables.businesses !== undefined && !warnedBusiness.has(inspection.business)) {
      warnedBusiness.add(inspection.business);
      problem('warning', 'inspections', inspection.line, { messageId: 'import.lives_unknown_business', data: { business: inspection.business } });
    }
    const findings: NonNullable<InspectionRecordInput['findings']>[number][] = violations.map((v) => ({
      item: v.code,
      ...(v.description !== '' ? { note: v.description } : {}),
    }));
    const doubts = [...(uncertain.get(inspection) ?? [])];
    if (ambiguous && violations.length > 0) {
      doubts.unshift(
        `${siblings.length} inspections of business ${inspection.business} on ${inspection.date} share one LIVES key; ` +
          `the ${violations.length} violation row(s) on it cannot be split between them (official scores ${siblings.map((s) => s.score ?? '?').join(', ')})`,
      );
    }
    if (doubts.length > 0) {
      findings.push({ item: UNCERTAIN_FINDINGS_ITEM, note: doubts.join('; ') });
      uncertainRecords++;
    }
    if (ambiguous) ambiguousRecords++;
    const facts: Record<string, unknown> = {
      ...(inspection.score !== undefined ? { officialScore: inspection.score } : {}),
      livesAmbiguousKey: ambiguous,
      inspectionsOnKey: siblings.length,
      ...(ambiguous ? { officialScoresOnKey: siblings.map((s) => s.score ?? null) } : {}),
      ...(inspection.type !== '' ? { livesType: inspection.type } : {}),
      ...(inspection.description !== '' ? { livesDescription: inspection.description } : {}),
    };
    const raw: InspectionRecordInput = {
      id: ambiguous ? `lives:${inspection.business}:${inspection.date}:${siblings.indexOf(inspection) + 1}` : `lives:${inspection.business}:${inspection.date}`,
      unit: { id: inspection.business, ...(name ? { name } : {}) },
      date: inspection.date,
      findings,
      facts,
    };
    const result = validateRecord(raw, { file: names.inspections, line: inspection.line, index: inspection.index }, locale);
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
      businesses: tables.businesses?.length ?? 0,
      inspections: tables.inspections?.length ?? 0,
      violations: tables.violations?.length ?? 0,
      records: records.length,
      keys: onKey.size,
      ambiguousKeys,
      ambiguousRecords,
      uncertainRecords,
    },
  };
}

function keyOf(business: string, date: string): string {
  return `${business}\u0000${date}`;
}


/** A CSV with a header row → rows (header names trimmed and lower-cased); undefined after an error. */
function readCsv(
  text: string,
  file: string,
  which: LivesFileName,
  problem: (severity: 'error' | 'warning', which: LivesFileName, line: number, message: Message) => void,
): Row[] | undefined {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const { reason, detail } = csvFailure(error);
    // csv-parse says on which line it stopped: the problem is reported there.
    const line = error instanceof CsvError ? ((error as CsvError & { lines?: number }).lines ?? 0) : 0;
    problem('error', which, line, { messageId: 'import.lives_csv_syntax', data: { file, reason, detail } });
    return undefined;
  }
  const [head, ...body] = parsed;
  const header = (head?.record ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED[which].filter((c) => !header.includes(c));
  for (const column of missing) problem('error', which, head?.info.lines ?? 0, { messageId: 'import.lives_missing_column', data: { file, column } });
  if (missing.length > 0) return undefined;
  return body.map(({ record, info }) => {
    // No prototype: a column called "constructor" or "__proto__" is just a column.
    const cells = Object.create(null) as Record<string, string>;
    header.forEach((h, i) => {
      if (h !== '' && !Object.hasOwn(cells, h)) cells[h] = record[i] ?? '';
    });
    // csv-parse counts the line a record ends on; a quoted cell holding line breaks started earlier.
    const breaks = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    return { line: info.lines - breaks, cells };
  });
}
