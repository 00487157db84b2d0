/**
 * Problems with inspection records, as the one Diagnostic: each names the file, the line and column
 * (a CSV's row and column, an NDJSON line and the column in it, a YAML/JSON node's), the record's
 * index and the path of the field.
 */
import type { Locale } from '../messages/locales.js';
import type { Message } from '../messages/types.js';
import { formatPath, makeDiagnostic, parseFieldPath, RECORD_DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticPath, type RecordDiagnosticCode, type RecordProblem } from '../diagnostics.js';
import type { Position } from '../positions.js';

export { RECORD_DIAGNOSTIC_CODES, type RecordDiagnosticCode };

/** Where a record came from: file, line (CSV row, NDJSON line, the YAML/JSON node's line) and index. */
export interface RecordSource {
  readonly file: string;
  readonly line: number;
  /** 0-based position of the record in its file. */
  readonly index: number;
}

/** The position of a path inside a record, when its format knows it. */
export type PositionOf = (path: DiagnosticPath) => Position | undefined;

/**
 * A source whose fields' positions are known (a YAML/JSON node's, an NDJSON line's): `positionOf` is
 * attached non-enumerable, so a source printed as JSON stays { file, line, index }.
 */
export function withFieldPositions(source: RecordSource, positionOf: PositionOf): RecordSource {
  // The callers hand over a source made for this record: no copy of it, once per record.
  return Object.defineProperty(source, 'positionOf', { value: positionOf, enumerable: false });
}

/** A long sheet's finding cells: each finding field's bit and 1-based column; per finding, the bits its row filled. */
export interface FindingCells {
  readonly columns: ReadonlyMap<string, { readonly bit: number; readonly column: number }>;
  readonly filled: readonly number[];
}

/** Where each field of a CSV record was read (`date`, `unit.id`, `findings[0].note` → row and column). */
export interface FieldPositions {
  get(path: string): Position | undefined;
}

/** A CSV record's positions: the row and column each field and each finding came from. */
interface CsvPositions {
  readonly fieldPositions: FieldPositions;
  readonly findingPositions: readonly Position[];
  readonly findingCells?: FindingCells;
}

/**
 * The position a record field (`findings[2].points`, `date`) came from: a CSV record's row and column
 * for it, a YAML/JSON node's, or the record's own start when nothing closer is known.
 */
export function positionOfField(source: RecordSource, field: string | DiagnosticPath): Position {
  const path = typeof field === 'string' ? parseFieldPath(field) : field;
  const csv = source as Partial<CsvPositions>;
  const start = recordStart(source);
  if (!csv.fieldPositions || !csv.findingPositions) return (source as { positionOf?: PositionOf }).positionOf?.(path) ?? start;
  for (let depth = path.length; depth > 0; depth--) {
    // A finding's field in its own cell; else the finding's row.
    if (depth === 2 && path[0] === 'findings' && typeof path[1] === 'number') return csv.findingPositions[path[1]] ?? start;
    if (depth === 3 && path[0] === 'findings' && typeof path[1] === 'number' && csv.findingCells !== undefined) {
      const cell = csv.findingCells.columns.get(String(path[2]));
      const row = csv.findingPositions[path[1]];
      if (cell !== undefined && row !== undefined && ((csv.findingCells.filled[path[1]] ?? 0) & cell.bit) !== 0) return { line: row.line, column: cell.column };
    }
    const at = csv.fieldPositions.get(formatPath(path.slice(0, depth)));
    if (at !== undefined) return at;
  }
  return start;
}

/** The line a record field came from (positionOfField's line). */
export function lineOfField(source: RecordSource, field: string | DiagnosticPath): number {
  return positionOfField(source, field).line;
}

function recordStart(source: RecordSource): Position {
  return (source as { positionOf?: PositionOf }).positionOf?.([]) ?? { line: source.line, column: 1 };
}

/**
 * A problem with a record as a Diagnostic: at `at` when given, else where its field came from (the
 * record's start for the record as a whole, `field` '').
 */
export function recordDiagnostic(source: RecordSource, field: string, message: Message, locale: Locale, code: RecordDiagnosticCode, at?: Position): Diagnostic {
  const where = at ?? (field === '' ? recordStart(source) : positionOfField(source, field));
  return makeDiagnostic(
    {
      code,
      file: source.file,
      line: where.line,
      column: where.column,
      path: parseFieldPath(field),
      index: source.index,
      message,
    },
    locale,
  );
}

/**
 * Where a record handed over as a value (not read from a file) is said to be: `<inline>`, its start at
 * 1:1, its index among the values given. A diagnostic about it names the field's path and this place.
 */
export function inlineSource(index = 0): RecordSource {
  return { file: '<inline>', line: 1, index };
}

/** A record's problems as Diagnostics: each where its path came from (a schema problem), else its field. */
export function placeProblems(source: RecordSource, problems: readonly RecordProblem[], locale: Locale): Diagnostic[] {
  return problems.map((p) => recordDiagnostic(source, p.field, p.message, locale, p.code, p.path === undefined ? undefined : positionOfField(source, p.path)));
}
