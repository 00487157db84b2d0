/**
 * Unit rosters (--units) and responsibility rosters (--roster) as YAML or CSV. A weekly rotation
 * (zones that rotate among classes every week) expands into dated area assignments.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { addDays } from 'date-fns';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { makeDiagnostic, sortDiagnostics, type Diagnostic, type DiagnosticPath } from '../diagnostics.js';
import type { Locale } from '../messages/locales.js';
import type { Message } from '../messages/types.js';
import { DocumentPositions, START, type Position } from '../positions.js';
import { schemaIssueMessage } from '../records/validate.js';
import { CSV_RECORD_DELIMITER } from '../records/csv-splitter.js';
import { CalendarDate } from '../common-schema.js';
import { UnitRefSchema, type UnitRef } from '../record-schema.js';
import { calendarDay, formatDay } from './periods.js';
import type { AreaAssignment, Roster } from './responsibility.js';
import { csvSyntaxError } from '../records/csv-error.js';

const AssignmentSchema = z.strictObject({ area: z.string().min(1), unit: z.string().min(1), from: CalendarDate, to: CalendarDate });

const RotationSchema = z.strictObject({
  /** Monday of the first week. */
  start: CalendarDate,
  weeks: z.number().int().positive(),
  areas: z.array(z.string().min(1)).min(1),
  units: z.array(z.string().min(1)).min(1),
});

const RosterFileSchema = z.strictObject({
  units: z.array(UnitRefSchema).optional(),
  areas: z.array(AssignmentSchema).optional(),
  /** Week w (0-based): area i is the responsibility of units[(i + w) mod units.length]. */
  rotations: z.array(RotationSchema).optional(),
});

export type RosterFile = z.output<typeof RosterFileSchema>;

/** Expands a weekly rotation into one assignment per area per week. */
export function expandRotation(rotation: z.output<typeof RotationSchema>): AreaAssignment[] {
  const out: AreaAssignment[] = [];
  for (let w = 0; w < rotation.weeks; w++) {
    const from = addDays(calendarDay(rotation.start), 7 * w);
    rotation.areas.forEach((area, i) => {
      out.push({ area, unit: rotation.units[(i + w) % rotation.units.length]!, from: formatDay(from), to: formatDay(addDays(from, 6)) });
    });
  }
  return out;
}

export type RosterResult = { ok: true; roster: Roster } | { ok: false; diagnostics: Diagnostic[] };

export interface RosterTextOptions {
  /** Shown in diagnostics; '<inline>' by default. */
  readonly file?: string;
  readonly locale?: Locale;
}

/**
 * Parses a roster or unit list: YAML (`units`, `areas`, `rotations`) or CSV (see below). Never throws
 * on bad input: every problem is an `invalid_roster` Diagnostic at its line:col (a CSV's row and column).
 */
export function parseRosterText(text: string, format: 'yaml' | 'csv', options: RosterTextOptions = {}): RosterResult {
  const file = options.file ?? '<inline>';
  const locale = options.locale ?? 'en';
  const problem = (at: Position, path: DiagnosticPath, message: Message): Diagnostic =>
    makeDiagnostic({ code: 'invalid_roster', file, ...at, path, message }, locale);
  if (format === 'csv') return rosterFromCsv(text, problem);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const positions = new DocumentPositions(doc, lineCounter, text);
  if (doc.errors.length > 0) return { ok: false, diagnostics: doc.errors.map((e) => problem(positions.atOffset(e.pos[0]), [], { messageId: 'diagnostic.yaml_syntax', data: { detail: e.message.split('\n')[0], yamlCode: e.code } })) };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return { ok: false, diagnostics: [problem(START, [], { messageId: 'diagnostic.yaml_alias_limit', data: { limit: 100 } })] };
  }
  // A bare list is a unit list.
  const bare = Array.isArray(raw);
  const parsed = RosterFileSchema.safeParse(bare ? { units: raw } : raw);
  if (!parsed.success) {
    const diagnostics = parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const inFile = bare ? path.slice(1) : path;
      const at = issue.code === 'unrecognized_keys' ? positions.atKey(inFile, issue.keys[0]!) : positions.atPath(inFile);
      // A key that is not there is said as missing (zod says only the type it expected).
      const missing = issue.code === 'invalid_type' && issue.input === undefined && typeof inFile.at(-1) === 'string';
      return problem(at, inFile, missing ? { messageId: 'diagnostic.missing_key', data: { key: inFile.at(-1) } } : schemaIssueMessage(issue));
    });
    return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  }
  const { units, areas, rotations } = parsed.data;
  return { ok: true, roster: { ...(units ? { units } : {}), areas: [...(areas ?? []), ...(rotations ?? []).flatMap(expandRotation)] } };
}

type Problem = (at: Position, path: DiagnosticPath, message: Message) => Diagnostic;

/**
 * CSV rosters: columns `area, unit, from, to` make area assignments; columns `id, name` (and
 * `group.<key>` columns such as `group.grade`) make a unit list. Row n of the file is line n (the
 * header is row 1); a bad cell is placed at its row and column.
 */
const ROSTER_CSV = { skip_empty_lines: false, bom: true, trim: true, relax_column_count: true, record_delimiter: CSV_RECORD_DELIMITER };

function rosterFromCsv(text: string, problem: Problem): RosterResult {
  let rows: string[][];
  try {
    rows = parseCsv(text, ROSTER_CSV) as string[][];
  } catch (error) {
    const { line, failure } = csvSyntaxError(error, text, ROSTER_CSV);
    return { ok: false, diagnostics: [problem({ line: line ?? 1, column: 1 }, [], { messageId: 'record.csv_syntax', data: { ...failure } })] };
  }
  const header = rows[0] ?? [];
  const body = rows.slice(1).flatMap((cells, i) => (cells.every((c) => c === '') ? [] : [{ cells, line: i + 2 }]));
  const cell = (cells: readonly string[], name: string) => cells[header.indexOf(name)];
  const diagnostics: Diagnostic[] = [];
  const check = <T>(schema: z.ZodType<T>, value: unknown, row: { cells: readonly string[]; line: number }, index: number, columnOf: (key: string) => number): T | undefined => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      diagnostics.push(problem({ line: row.line, column: columnOf(key) }, [index, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')], schemaIssueMessage(issue)));
    }
    return undefined;
  };
  const column = (name: string) => Math.max(0, header.indexOf(name)) + 1;
  if (header.includes('area')) {
    const areas = body.map((row, i) => check(AssignmentSchema, { area: cell(row.cells, 'area'), unit: cell(row.cells, 'unit'), from: cell(row.cells, 'from'), to: cell(row.cells, 'to') }, row, i, column));
    return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, roster: { areas: areas as AreaAssignment[] } };
  }
  const units = body.map((row, i) => {
    const group: Record<string, string> = {};
    header.forEach((k, at) => {
      const v = row.cells[at] ?? '';
      if (k.startsWith('group.') && v !== '') group[k.slice(6)] = v;
    });
    const name = cell(row.cells, 'name');
    return check(UnitRefSchema, { id: cell(row.cells, 'id'), ...(name ? { name } : {}), ...(Object.keys(group).length > 0 ? { group } : {}) }, row, i, column);
  });
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, roster: { units: units as UnitRef[] } };
}
