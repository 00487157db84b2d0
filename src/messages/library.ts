/**
 * What a library or the system says when it fails (JSON.parse, csv-parse, Node's file calls) is
 * English. A message's data keeps those words as `detail` (the English catalogue shows them as they
 * were) beside a stable `reason`, which every other catalogue words itself (zh-CN's JSON_REASONS,
 * CSV_REASONS, SYSTEM_REASONS). YAML errors carry yaml's own `code` as `yamlCode` the same way.
 */

/** A library's failure: its stable reason (worded by the catalogues) and its own English words. */
export type LibraryFailure = { readonly reason: string; readonly detail: string };

/** JSON.parse's messages by what went wrong (V8's words; the position is given as line:col already). */
const JSON_REASONS: readonly (readonly [RegExp, string])[] = [
  [/^Unexpected end of JSON input/, 'end'],
  [/^Unterminated string/, 'unterminated_string'],
  [/^Bad control character/, 'control_character'],
  [/^Bad (escaped character|Unicode escape)/, 'bad_escape'],
  [/^Unexpected non-whitespace character after JSON/, 'after_end'],
  [/^Expected (property name|',' or '}'|',' or ']'|':'|double-quoted property name)/, 'expected'],
  [/^(Unexpected token|Unexpected number|Unexpected string|Unexpected identifier)/, 'unexpected'],
];

/** Why JSON.parse refused a text. */
export function jsonFailure(error: unknown): LibraryFailure {
  const detail = error instanceof Error ? error.message : String(error);
  return { reason: JSON_REASONS.find(([pattern]) => pattern.test(detail))?.[1] ?? 'other', detail };
}

/** Why csv-parse refused a sheet: its error code (`CSV_QUOTE_NOT_CLOSED`…). */
export function csvFailure(error: unknown): LibraryFailure {
  const e = error as { code?: unknown; message?: unknown };
  return { reason: typeof e?.code === 'string' ? e.code : 'other', detail: typeof e?.message === 'string' ? e.message : String(error) };
}

/** Why the system refused a file: its error code (`ENOENT`, `EACCES`…). */
export function systemFailure(error: unknown): LibraryFailure {
  const e = error as { code?: unknown; message?: unknown };
  return { reason: typeof e?.code === 'string' ? e.code : 'other', detail: typeof e?.message === 'string' ? e.message : String(error) };
}

/**
 * exceljs's (and its zip reader's) messages by what went wrong: the zip damaged or cut short, XML inside
 * that does not parse (saxes: `line:col: …`), or a part missing or not where a workbook has it (exceljs
 * then fails reading a property of undefined).
 */
const XLSX_REASONS: readonly (readonly [RegExp, string])[] = [
  [/corrupted zip|end of central directory|end of data reached|invalid signature|invalid (zip|compression)|crc32|bad (offset|header)/i, 'xlsx_zip'],
  [/^\d+:\d+: /, 'xlsx_xml'],
];

/** Why exceljs could not read a workbook. */
export function xlsxFailure(error: unknown): LibraryFailure {
  const detail = error instanceof Error ? error.message : String(error);
  const reason = XLSX_REASONS.find(([pattern]) => pattern.test(detail))?.[1] ?? (error instanceof TypeError ? 'xlsx_structure' : 'other');
  return { reason, detail };
}
