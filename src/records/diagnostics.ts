/** Problems with inspection records: each names the file, the line, the record's index and the field. */
import type { Locale } from '../messages/locales.js';
import type { Message } from '../messages/types.js';
import { formatPath } from '../diagnostics.js';
import { renderMessage } from '../messages/render.js';

export const RECORD_DIAGNOSTIC_CODES = [
  'record_syntax',
  'record_invalid',
  'invalid_date',
  'not_whole_number',
  'too_precise',
  'quantity_too_large',
  'duplicate_record',
  'unknown_standard',
  'no_edition',
  'unknown_item',
  'unknown_kind',
  'unknown_level',
  'points_required',
  'points_out_of_range',
  'note_required',
  'unmapped_column',
  'short_row',
  'invalid_encoding',
  'record_too_large',
  'file_too_large',
  'unknown_finding',
  'duplicate_finding',
  'history_order',
] as const;
export type RecordDiagnosticCode = (typeof RECORD_DIAGNOSTIC_CODES)[number];

/** Where a record came from: file, line (CSV row, NDJSON line, the YAML/JSON node's line) and index. */
export interface RecordSource {
  readonly file: string;
  readonly line: number;
  /** 0-based position of the record in its file. */
  readonly index: number;
}

/**
 * A source whose fields' lines are known (a YAML/JSON node's line): `lineOf` is attached
 * non-enumerable, so a source printed as JSON stays { file, line, index }.
 */
export function withFieldLines(source: RecordSource, lineOf: (path: readonly (string | number)[]) => number | undefined): RecordSource {
  return Object.defineProperty({ ...source }, 'lineOf', { value: lineOf, enumerable: false });
}

/** The line of `path` in a source made by withFieldLines; undefined for any other source. */
export function fieldLineOf(source: RecordSource, path: readonly (string | number)[]): number | undefined {
  const lineOf = (source as { lineOf?: (path: readonly (string | number)[]) => number | undefined }).lineOf;
  return lineOf?.(path);
}

/**
 * The line a record field (`findings[2].points`, `date`) came from: a CSV record's row for it, a
 * YAML/JSON node's line, or the record's first line when nothing closer is known.
 */
export function lineOfField(source: RecordSource, field: string | readonly (string | number)[]): number {
  const csv = source as { readonly fieldLines?: ReadonlyMap<string, number>; readonly findingLines?: readonly number[] };
  const path = typeof field === 'string' ? splitField(field) : field;
  if (!csv.fieldLines || !csv.findingLines) return fieldLineOf(source, path) ?? source.line;
  if (path[0] === 'findings' && typeof path[1] === 'number') return csv.findingLines[path[1]] ?? source.line;
  for (let depth = path.length; depth > 0; depth--) {
    const line = csv.fieldLines.get(formatPath(path.slice(0, depth)));
    if (line !== undefined) return line;
  }
  return source.line;
}

function splitField(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(`"${m[3]}"`) as string);
  }
  return out;
}

export interface RecordDiagnostic extends RecordSource {
  readonly code: RecordDiagnosticCode;
  readonly severity: 'error';
  /** Path inside the record: `findings[2].points`; '' for the record as a whole. */
  readonly field: string;
  readonly messageId: string;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly message: string;
}

/** Record problem message ids (from the record check and scoring) → stable codes. */
const CODE_BY_MESSAGE: Record<string, RecordDiagnosticCode> = {
  'record.invalid_date': 'invalid_date',
  'record.not_whole_number': 'not_whole_number',
  'record.unknown_standard': 'unknown_standard',
  'record.no_standard_named': 'unknown_standard',
  'record.no_edition': 'no_edition',
  'record.unknown_item': 'unknown_item',
  'record.unknown_kind': 'unknown_kind',
  'record.unknown_level': 'unknown_level',
  'record.points_required': 'points_required',
  'record.points_out_of_range': 'points_out_of_range',
  'record.note_required': 'note_required',
  'record.too_precise': 'too_precise',
  'record.quantity_too_large': 'quantity_too_large',
  'record.number_too_large': 'quantity_too_large',
  'record.unknown_finding': 'unknown_finding',
  'record.duplicate_finding': 'duplicate_finding',
  'record.history_order': 'history_order',
};

/** The stable code of a record problem's message (record_invalid for any other). */
export function recordCode(message: Message): RecordDiagnosticCode {
  return CODE_BY_MESSAGE[message.messageId] ?? 'record_invalid';
}

export function recordDiagnostic(
  source: RecordSource,
  field: string,
  message: Message,
  locale: Locale,
  code: RecordDiagnosticCode = recordCode(message),
): RecordDiagnostic {
  return {
    code,
    severity: 'error',
    file: source.file,
    // The line of the field itself where the source knows it (a long sheet's finding row, a YAML node).
    line: field === '' ? source.line : lineOfField(source, field),
    index: source.index,
    field,
    messageId: message.messageId,
    ...(message.data ? { data: message.data } : {}),
    message: renderMessage(message, locale),
  };
}

/**
 * `file:line  error  code  [#index] field: message`
 *
 * @example
 * ```ts
 * import { formatRecordDiagnostic, readRecords } from 'scoresheet';
 *
 * const { diagnostics } = readRecords('{"unit": {}}', { file: 'bad.json' });
 * for (const d of diagnostics) console.error(formatRecordDiagnostic(d)); // bad.json:1  error  …
 * ```
 */
export function formatRecordDiagnostic(d: RecordDiagnostic): string {
  return `${d.file}:${d.line}  error  ${d.code}  [#${d.index}]${d.field ? ` ${d.field}` : ''}: ${d.message}`;
}
