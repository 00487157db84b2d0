/** One parsed value → an InspectionRecord, or diagnostics naming the field and the reason. */
import type { z } from 'zod';
import { formatPath } from '../diagnostics.js';
import type { Locale, Message } from '../messages/types.js';
import { recordDiagnostic, type RecordDiagnostic, type RecordDiagnosticCode, type RecordSource } from './diagnostics.js';
import { InspectionRecordSchema, type InspectionRecord } from './schema.js';

export interface LocatedRecord {
  readonly record: InspectionRecord;
  readonly source: RecordSource;
}

/** Problems a standard finds in a record that failed the record schema (see ReadOptions.precheck). */
export type Precheck = (raw: unknown) => readonly { readonly field: string; readonly message: Message }[];

export type ValidationResult = { ok: true; value: LocatedRecord } | { ok: false; diagnostics: RecordDiagnostic[] };

/**
 * Validates one record. `lineOf` gives the line of a field when the format knows it (YAML/JSON
 * nodes); otherwise the record's own line is used (CSV row, NDJSON line).
 */
export function validateRecord(
  raw: unknown,
  source: RecordSource,
  locale: Locale,
  lineOf?: (path: readonly (string | number)[]) => number | undefined,
  precheck?: Precheck,
): ValidationResult {
  const parsed = InspectionRecordSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: { record: parsed.data, source } };
  const diagnostics = parsed.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const line = lineOf?.(path) ?? source.line;
    const code = codeOf(issue);
    const message = code === 'record_invalid' ? { messageId: 'record.invalid', data: { detail: describeIssue(issue) } } : { messageId: `record.${code}` };
    return recordDiagnostic({ ...source, line }, formatPath(path), message, locale, code);
  });
  // The standard's problems too (an unknown item next to a bad date), each once, where it was written.
  const reported = new Set(diagnostics.map((d) => d.field));
  for (const problem of precheck?.(raw) ?? []) {
    if (reported.has(problem.field)) continue;
    diagnostics.push(recordDiagnostic(source, problem.field, problem.message, locale));
  }
  return { ok: false, diagnostics: diagnostics.sort((a, b) => a.line - b.line) };
}

function codeOf(issue: z.core.$ZodIssue): RecordDiagnosticCode {
  if (issue.code === 'custom' && (issue.params as { code?: string } | undefined)?.code === 'invalid_date') return 'invalid_date';
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'not_whole_number';
  return 'record_invalid';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  return issue.message;
}
