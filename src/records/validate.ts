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
    const message = messageOf(issue, code);
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

/** The codes custom checks give (params.code) as record codes: a number beyond the exact range (out_of_range) is a quantity too large. */
const CUSTOM_CODES: Readonly<Record<string, RecordDiagnosticCode>> = {
  invalid_date: 'invalid_date',
  too_precise: 'too_precise',
  out_of_range: 'quantity_too_large',
  quantity_too_large: 'quantity_too_large',
};

function customParams(issue: z.core.$ZodIssue): Record<string, unknown> {
  return issue.code === 'custom' ? ((issue.params ?? {}) as Record<string, unknown>) : {};
}

function codeOf(issue: z.core.$ZodIssue): RecordDiagnosticCode {
  const custom = customParams(issue).code;
  if (typeof custom === 'string' && Object.hasOwn(CUSTOM_CODES, custom)) return CUSTOM_CODES[custom]!;
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'not_whole_number';
  return 'record_invalid';
}

function messageOf(issue: z.core.$ZodIssue, code: RecordDiagnosticCode): Message {
  if (code === 'record_invalid') return { messageId: 'record.invalid', data: { detail: describeIssue(issue) } };
  const { code: _, ...data } = customParams(issue);
  // A number too large for the record schema (not for the points it would give: see record.quantity_too_large).
  const messageId = code === 'quantity_too_large' ? 'record.number_too_large' : `record.${code}`;
  return Object.keys(data).length > 0 ? { messageId, data } : { messageId };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  return issue.message;
}
