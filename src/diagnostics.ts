/**
 * Diagnostics: every problem found in a standard (or a record) as a value with a stable code,
 * a position (file:line:col, 1-based) and a path inside the document.
 */
import type { Locale } from './messages/locales.js';
import type { Message } from './messages/types.js';
import { renderMessage } from './messages/render.js';

/** Stable, snake_case codes. Tests and docs/errors.md key on them; never rename one. */
export const DIAGNOSTIC_CODES = [
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

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];
export type Severity = 'error' | 'warning';
export type DiagnosticPath = readonly (string | number)[];

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** '<inline>' when the text did not come from a file. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly path: DiagnosticPath;
  readonly messageId: string;
  readonly data?: Readonly<Record<string, unknown>>;
  /** Rendered in the caller's locale. */
  readonly message: string;
}

/** Renders a path as `categories[2].items[0].rules[1].points` (zod's toDotPath form). */
export function formatPath(path: DiagnosticPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
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
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Builds a diagnostic whose message is rendered from `diagnostic.<code>` in the locale. */
export function makeDiagnostic(input: DiagnosticInput, locale: Locale): Diagnostic {
  const messageId = `diagnostic.${input.code}`;
  const message: Message = input.data ? { messageId, data: input.data } : { messageId };
  return {
    code: input.code,
    severity: input.severity ?? 'error',
    file: input.file,
    line: input.line,
    column: input.column,
    path: input.path,
    messageId,
    ...(input.data ? { data: input.data } : {}),
    message: renderMessage(message, locale),
  };
}

/**
 * One line per diagnostic: `file:line:col  error  code  path: message`.
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
  const where = d.path.length > 0 ? `${formatPath(d.path)}: ` : '';
  return `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.code}  ${where}${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
