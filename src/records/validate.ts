/** One parsed value → an InspectionRecord, or problems naming the field and the reason. */
import type { z } from 'zod';
import { formatPath } from '../diagnostics.js';
import type { Locale } from '../messages/locales.js';
import type { Message } from '../messages/types.js';
import type { Diagnostic, RecordDiagnosticCode, RecordProblem } from '../diagnostics.js';
import { positionOfField, recordDiagnostic, type PositionOf, type RecordSource } from './diagnostics.js';
import { InspectionRecordSchema, type InspectionRecord } from '../record-schema.js';
import { fastRecord } from './fast-record.js';

export interface LocatedRecord {
  readonly record: InspectionRecord;
  readonly source: RecordSource;
  /** The byte offset of the record in its input, where it can be read again from there (an NDJSON line). */
  readonly offset?: number;
}

/** Problems a standard finds in a record that failed the record schema (see ReadOptions.precheck). */
export type Precheck = (raw: unknown) => readonly RecordProblem[];

export type ValidationResult = { ok: true; value: LocatedRecord } | { ok: false; diagnostics: Diagnostic[] };

/**
 * The record check's answer: the record, or the problems that keep it from being scored (the record is
 * reported, never coerced). A schema problem has its `path` (placed by it); the standard's, only a field.
 */
export type RecordCheck = { readonly ok: true; readonly record: InspectionRecord } | { readonly ok: false; readonly problems: readonly RecordProblem[] };

/**
 * The record check every record goes through, read from a file (the CLI) or handed to `scoreRecord`
 * (the API): the record schema, then, for a record that fails it, what its standard would also say.
 * Never throws: a value that cannot even be read (a getter that throws, a hostile Proxy) is a problem.
 * `made`: the value was made by a reader of this package (fastRecord).
 */
export function checkRecordInput(raw: unknown, precheck?: Precheck, made = false): RecordCheck {
  // The common case without zod; anything the plain checks do not take is zod's to judge and word.
  try {
    const record = fastRecord(raw, made);
    if (record !== undefined) return { ok: true, record };
  } catch {
    // A value that throws when read: zod reads it again and says so.
  }
  return checkRecordSchema(raw, precheck);
}

/** checkRecordInput through zod alone: what the plain checks (fast-record.ts) must agree with, and the words of every problem. */
export function checkRecordSchema(raw: unknown, precheck?: Precheck): RecordCheck {
  let parsed: ReturnType<typeof InspectionRecordSchema.safeParse>;
  try {
    parsed = InspectionRecordSchema.safeParse(raw);
  } catch {
    return { ok: false, problems: [{ code: 'record_invalid', path: [], field: '', message: { messageId: 'record.unreadable' } }] };
  }
  if (parsed.success) return { ok: true, record: parsed.data };
  const problems: RecordProblem[] = parsed.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    return { code: codeOf(issue), path, field: formatPath(path), message: messageOf(issue) };
  });
  // The standard's problems too (an unknown item next to a bad date), each once, where it was written.
  const reported = new Set(problems.map((p) => p.field));
  let extra: readonly RecordProblem[] = [];
  try {
    extra = precheck?.(raw) ?? [];
  } catch {
    // What the schema said stands; a value the precheck cannot read adds nothing to it.
  }
  for (const problem of extra) {
    if (!reported.has(problem.field)) problems.push({ code: problem.code, field: problem.field, message: problem.message });
  }
  return { ok: false, problems };
}

/**
 * Validates one record a reader of this package made from a file (never a caller's value: see
 * fastRecord's `made`). `positionOf` gives the position of a path when the format knows it
 * (YAML/JSON nodes, a CSV's cells); otherwise the source's own (positionOfField).
 */
export function validateRecord(raw: unknown, source: RecordSource, locale: Locale, positionOf?: PositionOf, precheck?: Precheck): ValidationResult {
  // Every caller is a reader of this package, with the value it made from the text.
  const checked = checkRecordInput(raw, precheck, true);
  if (checked.ok) return { ok: true, value: { record: checked.record, source } };
  const diagnostics = checked.problems.map((p) =>
    // A schema problem is placed by its path (the nearest position known); the standard's problems by their field, where it was written.
    recordDiagnostic(source, p.field, p.message, locale, p.code, p.path !== undefined ? (positionOf?.(p.path) ?? positionOfField(source, p.path)) : undefined),
  );
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

/** The message of a schema issue (its code is codeOf's). */
function messageOf(issue: z.core.$ZodIssue): Message {
  const code = codeOf(issue);
  if (code === 'record_invalid') return schemaIssueMessage(issue);
  const { code: _, ...data } = customParams(issue);
  // A number too large for the record schema (not for the points it would give: see record.quantity_too_large).
  const messageId = code === 'quantity_too_large' ? 'record.number_too_large' : `record.${code}`;
  return Object.keys(data).length > 0 ? { messageId, data } : { messageId };
}

/** A schema issue as a message id and its data: the catalogues give the words (zod's own are English). */
export function schemaIssueMessage(issue: z.core.$ZodIssue): Message {
  switch (issue.code) {
    case 'unrecognized_keys':
      return { messageId: 'record.schema_unknown_fields', data: { keys: issue.keys.join(', ') } };
    case 'too_small':
      return { messageId: 'record.schema_too_small', data: { origin: issue.origin, limit: String(issue.minimum), inclusive: issue.inclusive !== false } };
    case 'too_big':
      return { messageId: 'record.schema_too_big', data: { origin: issue.origin, limit: String(issue.maximum), inclusive: issue.inclusive !== false } };
    case 'invalid_type':
      return { messageId: 'record.schema_invalid_type', data: { expected: issue.expected } };
    case 'invalid_value':
      return { messageId: 'record.schema_invalid_value', data: { values: issue.values.map((v) => JSON.stringify(v)).join(', ') } };
    case 'invalid_format':
      return { messageId: 'record.schema_invalid_format', data: { format: issue.format } };
    default:
      return { messageId: 'record.invalid', data: { detail: issue.message } };
  }
}
