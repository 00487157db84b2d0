/**
 * Diagnostics: every problem found in a standard (or a record) as a value with a stable code,
 * a position (file:line:col, 1-based) and a path inside the document.
 */
import type { Locale } from './messages/locales.js';
import type { Message } from './messages/types.js';
import { renderMessage } from './messages/render.js';
import { cellName, isSheetOfWorkbook } from './spreadsheet.js';

/**
 * Stable, snake_case codes of a standard's problems (and of a file's: a calendar, units or roster file
 * reports the same codes as a standard). Tests and docs/errors.md key on them; never rename one.
 */
export const STANDARD_DIAGNOSTIC_CODES = [
  'file_not_found',
  'file_too_large',
  'invalid_utf8',
  'yaml_syntax',
  'yaml_duplicate_key',
  'yaml_alias_limit',
  'invalid_type',
  'missing_key',
  'unknown_key',
  'invalid_value',
  'invalid_id',
  'out_of_range',
  'unknown_rule_kind',
  'unknown_operator',
  'bad_path',
  'invalid_condition',
  'numeric_version',
  'invalid_date',
  'too_precise',
  'duplicate_id',
  'unknown_reference',
  'condition_cycle',
  'scored_fact_in_rule',
  'range_inverted',
  'category_max_mismatch',
  'base_mismatch',
  'band_gap',
  'band_overlap',
  'unknown_override',
  'extends_cycle',
  'term_overlap',
  'extends_outside_roots',
  'extends_not_file',
] as const;

/** Codes of a problem with an inspection record (it is left out of scoring); each names the record's index. */
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

/** Codes of an input that cannot be read at all (a CSV map, its fit to a sheet, a test file, bytes not in their encoding). */
export const INPUT_DIAGNOSTIC_CODES = ['unreadable_input', 'invalid_map', 'map_mismatch', 'test_file', 'invalid_roster', 'invalid_assessment', 'draft_unparsed'] as const;

/** Every code, once: the one registry (docs/errors.md documents each). */
export const DIAGNOSTIC_CODES = [...new Set([...STANDARD_DIAGNOSTIC_CODES, ...RECORD_DIAGNOSTIC_CODES, ...INPUT_DIAGNOSTIC_CODES])] as readonly DiagnosticCode[];

/**
 * The message id each code is told with when its maker names none: a standard's code its own
 * `diagnostic.<code>`, a record's or an input's the catalogue entry it is usually made with.
 */
const MESSAGE_IDS: Readonly<Partial<Record<DiagnosticCode, string>>> = {
  draft_unparsed: 'input.draft_unparsed',
  record_syntax: 'record.invalid',
  record_invalid: 'record.invalid',
  not_whole_number: 'record.not_whole_number',
  quantity_too_large: 'record.quantity_too_large',
  duplicate_record: 'record.duplicate',
  unknown_standard: 'record.unknown_standard',
  no_edition: 'record.no_edition',
  unknown_item: 'record.unknown_item',
  unknown_kind: 'record.unknown_kind',
  unknown_level: 'record.unknown_level',
  points_required: 'record.points_required',
  points_out_of_range: 'record.points_out_of_range',
  note_required: 'record.note_required',
  unmapped_column: 'record.csv_unmapped',
  short_row: 'record.csv_short_row',
  invalid_encoding: 'record.invalid_bytes',
  record_too_large: 'record.too_large',
  unknown_finding: 'record.unknown_finding',
  duplicate_finding: 'record.duplicate_finding',
  history_order: 'record.history_order',
  unreadable_input: 'input.unreadable',
  invalid_map: 'map.unknown_field',
  map_mismatch: 'map.missing_column',
  test_file: 'test.unknown_keys',
  invalid_roster: 'record.schema_invalid_type',
  invalid_assessment: 'assess.weight_sum',
};

/** The message id a diagnostic of `code` is told with by default. */
export function messageIdOf(code: DiagnosticCode): string {
  return MESSAGE_IDS[code] ?? `diagnostic.${code}`;
}

export type RecordDiagnosticCode = (typeof RECORD_DIAGNOSTIC_CODES)[number];
export type DiagnosticCode = (typeof STANDARD_DIAGNOSTIC_CODES)[number] | RecordDiagnosticCode | (typeof INPUT_DIAGNOSTIC_CODES)[number];
export type Severity = 'error' | 'warning';
export type DiagnosticPath = readonly (string | number)[];

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** '<inline>' when the text did not come from a file. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Inside the document: a standard's `categories[2].items[0]`, a record's `findings[2].points`; [] for the whole. */
  readonly path: DiagnosticPath;
  /** For a problem with a record: its 0-based index in its file (rendered `[#index]`). */
  readonly index?: number;
  readonly messageId: string;
  readonly data?: Readonly<Record<string, unknown>>;
  /** Rendered in the locale it was made in; renderDiagnostic renders it again in any other. */
  readonly message: string;
}

/**
 * A problem with a record before its place is known: the field it is about and its words. Internal to
 * the record check and scoring (a rule's check of a finding, the standard's checks, history), which do
 * not know where the record came from; recordDiagnostic (records/diagnostics.ts) turns it into the one
 * Diagnostic where the record's source is known. `path`, when given, places it by its segments.
 */
export interface RecordProblem {
  /** Its stable code, given where it is found (never read back from the message id). */
  readonly code: RecordDiagnosticCode;
  /** Path inside the record (or, from a rule's check, inside the finding): `findings[2].points`. */
  readonly field: string;
  readonly message: Message;
  readonly path?: DiagnosticPath;
}

/**
 * A problem with a standard file before its place is known: its code, its data and, for an overlay's
 * change, its path. The loader places it (the file's line:col of `path`, or of `extends:`) and words it.
 */
export interface CodedProblem {
  readonly code: DiagnosticCode;
  readonly path?: DiagnosticPath;
  readonly data: Record<string, unknown>;
}

/** Renders a path as `categories[2].items[0].rules[1].points` (zod's toDotPath form). */
export function formatPath(path: DiagnosticPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    // A name in any script (a CSV map's 日期 column) reads as written; anything else is quoted.
    else if (/^[\p{L}_$][\p{L}\p{N}_$-]*$/u.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Orders by file, line, column, then code, so output is stable (OPA's Errors.Sort). */
export function sortDiagnostics<T extends Diagnostic>(diagnostics: readonly T[]): T[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

export interface DiagnosticInput {
  readonly code: DiagnosticCode;
  readonly severity?: Severity;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly path: DiagnosticPath;
  readonly index?: number;
  /** The catalogue's id of its words; messageIdOf(code) by default. */
  readonly messageId?: string;
  readonly data?: Readonly<Record<string, unknown>>;
  /** Its words as a Message (a message id and its data), instead of messageId and data. */
  readonly message?: Message;
}

/** Builds a diagnostic whose message is rendered from its message id (`diagnostic.<code>` by default) in the locale. */
export function makeDiagnostic(input: DiagnosticInput, locale: Locale): Diagnostic {
  const messageId = input.message?.messageId ?? input.messageId ?? messageIdOf(input.code);
  const data = input.message ? input.message.data : input.data;
  const message: Message = data ? { messageId, data } : { messageId };
  return {
    code: input.code,
    severity: input.severity ?? 'error',
    file: input.file,
    line: input.line,
    column: input.column,
    path: input.path,
    ...(input.index !== undefined ? { index: input.index } : {}),
    messageId,
    ...(data ? { data } : {}),
    message: renderMessage(message, locale),
  };
}

/**
 * The one renderer: `file:line:col  error  code  path: message`, a record's problem with its index
 * (`[#3] findings[0].points`). With a locale the message is rendered again in it; without, as made.
 *
 * @example
 * ```ts
 * import { parseStandard, renderDiagnostic } from 'scoresheet';
 *
 * const result = parseStandard('id: 1', { file: 'my.yaml' });
 * if (!result.ok) console.error(result.diagnostics.map((d) => renderDiagnostic(d, 'zh-CN')).join('\n')); // my.yaml:1:5  error  …
 * ```
 */
export function renderDiagnostic(d: Diagnostic, locale?: Locale): string {
  const message = locale === undefined ? d.message : renderMessage(d.data ? { messageId: d.messageId, data: d.data } : { messageId: d.messageId }, locale);
  const path = formatPath(d.path);
  const where = d.index === undefined ? path : path === '' ? `[#${d.index}]` : `[#${d.index}] ${path}`;
  // A workbook's cell by its name (records.xlsx!Sheet1!C12), as the spreadsheet shows it.
  const at = isSheetOfWorkbook(d.file) ? `${d.file}!${cellName(d.line, d.column)}` : `${d.file}:${d.line}:${d.column}`;
  return `${at}  ${d.severity}  ${d.code}  ${where === '' ? '' : `${where}: `}${message}`;
}

/**
 * renderDiagnostic with the message as made.
 *
 * @example
 * ```ts
 * import { formatDiagnostic, parseStandard } from 'scoresheet';
 *
 * const result = parseStandard('id: 1', { file: 'my.yaml' });
 * if (!result.ok) console.error(result.diagnostics.map(formatDiagnostic).join('\n')); // my.yaml:1:5  error  …
 * ```
 */
export function formatDiagnostic(d: Diagnostic): string {
  return renderDiagnostic(d);
}

/** Splits a rendered path (`findings[2].points`, `a["b c"]`) back into its segments: formatPath's inverse. */
export function parseFieldPath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(`"${m[3]}"`) as string);
  }
  return out;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
