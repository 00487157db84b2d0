/**
 * CSV mapping files (`--map`): how the columns of a spreadsheet export become inspection records,
 * so a sheet is scored as it is, without editing it. Two layouts:
 *
 * - `long`: one row per finding; rows with the same key columns are one inspection.
 * - `wide`: one row per inspection; one column per item (a cell holds a count, points or a value).
 *
 * The format is documented in docs/records.md; `scoresheet template` writes a map for a standard
 * (template.ts).
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { makeDiagnostic, sortDiagnostics, type Diagnostic, type DiagnosticPath } from '../diagnostics.js';
import { readSideFile } from '../files.js';
import type { Message } from '../messages/types.js';
import type { Locale } from '../messages/locales.js';
import { DocumentPositions, START } from '../positions.js';
import { schemaIssueMessage } from './validate.js';
import { MAX_STANDARD_BYTES } from '../standard/load.js';
import { decodeText, invalidBytesMessage } from './decode.js';

/** How a cell's text becomes a value. */
export const CELL_TYPES = ['text', 'number', 'count', 'boolean', 'date', 'auto'] as const;
export type CellType = (typeof CELL_TYPES)[number];

/** What a wide item column's cell holds. */
export const WIDE_CELLS = ['count', 'points', 'value', 'evidence'] as const;
export type WideCell = (typeof WIDE_CELLS)[number];

const Header = z.string().trim().min(1);
const Scalar = z.union([z.string(), z.number(), z.boolean()]);

const ColumnSpecSchema = z.union([
  z.string().min(1),
  z.strictObject({ field: z.string().min(1), type: z.enum(CELL_TYPES).optional() }),
]);

const WideItemSchema = z.strictObject({
  /** The column header. */
  column: Header,
  /** The item's id (or `category.item`, or a category id). */
  item: z.string().min(1),
  /** What the cell holds: a count (0 or empty = not found), points, a value, or whether written material was shown. */
  cell: z.enum(WIDE_CELLS),
  /** A column holding the note of this column's finding. */
  note: Header.optional(),
  /** A column holding this column's finding's own id, for its rectification (docs/rectification.md). */
  id: Header.optional(),
  /** A column holding the day this column's finding occurred, when earlier than the inspection (`foundLate`). */
  occurred: Header.optional(),
  /** A column holding the deadline this column's finding's rectification notice set (`due`). */
  due: Header.optional(),
});

const MappingObjectSchema = z.strictObject({
  /** Version of the mapping format. */
  format: z.literal(1).optional(),
  layout: z.enum(['long', 'wide']),
  /** The row of the header (rows above it, such as a title, are skipped). */
  header: z.number().int().positive().default(1),
  /** CSV column header → record field (`date`, `unit.group.grade`, `facts.x`, `finding.points`…). */
  columns: z.record(Header, ColumnSpecSchema).default({}),
  /** long: the columns whose values identify one inspection (default: every record-field column). */
  key: z.array(Header).min(1).optional(),
  /** wide: item columns. */
  items: z.array(WideItemSchema).optional(),
  /** Per field: what a cell may say → the value it stands for (`周一定期检查: scheduled`). */
  values: z.record(z.string(), z.record(z.string(), Scalar)).optional(),
  /** Values for record fields no column gives (or whose cell is empty). */
  defaults: z.record(z.string(), Scalar).optional(),
  /** Columns to leave out. */
  ignore: z.array(z.string()).optional(),
  /** A non-empty cell in a column the map does not mention: `reject` the record (default) or `ignore` it. */
  unmapped: z.enum(['reject', 'ignore']).default('reject'),
});

export type CsvMapping = z.output<typeof MappingObjectSchema>;
export type CsvMappingInput = z.input<typeof MappingObjectSchema>;
export type WideItem = z.output<typeof WideItemSchema>;

/** A record field a column can fill. */
export interface FieldRef {
  /** As written in the map: `unit.group.grade`, `finding.count`. */
  readonly name: string;
  /** Where the value goes: in the record, or (finding fields) in the row's finding. */
  readonly path: readonly string[];
  readonly finding: boolean;
  /** A follow-up's field (`follow.finding`, `follow.fixed`, `follow.note`): one entry of the record's `follows` per row. */
  readonly follow?: boolean;
  readonly type: CellType;
}

const RECORD_FIELDS: Readonly<Record<string, CellType>> = {
  id: 'text',
  standard: 'text',
  date: 'date',
  kind: 'text',
  level: 'text',
  inspector: 'text',
  supersedes: 'text',
  round: 'boolean',
  'unit.id': 'text',
  'unit.name': 'text',
};

const FINDING_FIELDS: Readonly<Record<string, CellType>> = {
  item: 'text',
  count: 'count',
  points: 'number',
  value: 'number',
  note: 'text',
  evidence: 'boolean',
  unit: 'text',
  area: 'text',
  id: 'text',
  occurred: 'date',
  due: 'date',
};

/** A 复查 row's fields: which earlier finding it checked, and whether that is fixed. */
const FOLLOW_FIELDS: Readonly<Record<string, CellType>> = {
  finding: 'text',
  fixed: 'boolean',
  note: 'text',
};

/** The field a name stands for, or undefined when it is not one. */
export function parseField(name: string, type?: CellType): FieldRef | undefined {
  const field = (path: string[], finding: boolean, defaultType: CellType): FieldRef => ({ name, path, finding, type: type ?? defaultType });
  if (RECORD_FIELDS[name] !== undefined) return field(name.split('.'), false, RECORD_FIELDS[name]);
  let m = /^unit\.group\.([^.\s]+)$/.exec(name);
  if (m) return field(['unit', 'group', m[1]!], false, 'text');
  m = /^facts\.([^.\s]+)$/.exec(name);
  if (m) return field(['facts', m[1]!], false, 'auto');
  m = /^indicators\.([^.\s]+)(?:\.(numerator|denominator))?$/.exec(name);
  if (m) return field(m[2] ? ['indicators', m[1]!, m[2]] : ['indicators', m[1]!], false, 'number');
  m = /^finding\.(\w+)$/.exec(name);
  if (m && FINDING_FIELDS[m[1]!] !== undefined) return field([m[1]!], true, FINDING_FIELDS[m[1]!]!);
  m = /^follow\.(\w+)$/.exec(name);
  if (m && FOLLOW_FIELDS[m[1]!] !== undefined) return { ...field([m[1]!], false, FOLLOW_FIELDS[m[1]!]!), follow: true };
  return undefined;
}

const FIELD_HELP =
  'id, standard, date, kind, level, inspector, supersedes, round, unit.id, unit.name, unit.group.<key>, facts.<name>, indicators.<id>[.numerator|.denominator], finding.item|count|points|value|note|evidence|unit|area|id|occurred|due, follow.finding|fixed|note';

/** Checks what the schema alone cannot: field names, and what each layout needs. */
function checkMapping(m: CsvMapping, ctx: z.RefinementCtx): void {
  // A custom issue carries its message id and data; the catalogues give the words (map.*).
  const issue = (path: (string | number)[], messageId: string, data: Record<string, unknown> = {}) => ctx.addIssue({ code: 'custom', path, message: messageId, params: { messageId, data } });
  const fieldOf = new Map<string, string>();
  let itemColumns = 0;
  let followColumns = 0;
  for (const [column, spec] of Object.entries(m.columns)) {
    const name = typeof spec === 'string' ? spec : spec.field;
    const field = parseField(name);
    if (!field) {
      issue(['columns', column], 'map.unknown_field', { name, fields: FIELD_HELP });
      continue;
    }
    if (field.finding && m.layout === 'wide') issue(['columns', column], 'map.finding_in_wide', { name });
    const other = fieldOf.get(name);
    if (other !== undefined) issue(['columns', column], 'map.field_twice', { name, other });
    fieldOf.set(name, column);
    if (name === 'finding.item') itemColumns++;
    if (name === 'follow.finding') followColumns++;
  }
  if (m.layout === 'long') {
    // A 复查 sheet names the findings it checked and may find nothing new: its follow-up column will do.
    if (itemColumns === 0 && followColumns === 0) issue(['columns'], 'map.needs_item_column');
    if (m.items !== undefined) issue(['items'], 'map.items_in_long');
    for (const [i, column] of (m.key ?? []).entries()) {
      const spec = m.columns[column];
      if (spec === undefined) issue(['key', i], 'map.key_not_column', { column });
      else {
        const field = parseField(typeof spec === 'string' ? spec : spec.field);
        if (field?.finding) issue(['key', i], 'map.key_finding', { column });
        else if (field?.follow) issue(['key', i], 'map.key_follow', { column });
      }
    }
  } else {
    if (m.key !== undefined) issue(['key'], 'map.key_in_wide');
    const seen = new Set(Object.keys(m.columns));
    for (const [i, entry] of (m.items ?? []).entries()) {
      for (const [prop, column] of [['column', entry.column], ['note', entry.note], ['id', entry.id], ['occurred', entry.occurred], ['due', entry.due]] as const) {
        if (column === undefined) continue;
        if (seen.has(column)) issue(['items', i, prop], 'map.column_twice', { column });
        seen.add(column);
      }
    }
  }
  for (const field of Object.keys(m.values ?? {})) {
    if (!parseField(field)) issue(['values', field], 'map.unknown_field', { name: field });
  }
  for (const field of Object.keys(m.defaults ?? {})) {
    const ref = parseField(field);
    if (!ref) issue(['defaults', field], 'map.unknown_field', { name: field });
    else if (ref.finding || ref.follow) issue(['defaults', field], 'map.defaults_finding');
  }
}

export const CsvMappingSchema = MappingObjectSchema.superRefine(checkMapping);

export type MappingResult = { ok: true; mapping: CsvMapping } | { ok: false; diagnostics: Diagnostic[] };

/** A map file's problem (`invalid_map`): the custom checks' message ids, the schema's issues in the catalogues' words. */
function mapIssueMessage(issue: z.core.$ZodIssue): Message {
  const params = issue.code === 'custom' ? (issue.params as { messageId?: string; data?: Record<string, unknown> } | undefined) : undefined;
  if (params?.messageId !== undefined) return params.data && Object.keys(params.data).length > 0 ? { messageId: params.messageId, data: params.data } : { messageId: params.messageId };
  return schemaIssueMessage(issue);
}

function mapDiagnostic(file: string, at: { line: number; column: number }, path: DiagnosticPath, message: Message, locale: Locale, code: 'invalid_map' | 'map_mismatch' = 'invalid_map'): Diagnostic {
  return makeDiagnostic({ code, file, ...at, path, message }, locale);
}

/**
 * A map file's text → the mapping, or every problem as an `invalid_map` Diagnostic with its line:col and path.
 *
 * @example
 * ```ts
 * import { formatDiagnostic, readRecords } from 'scoresheet';
 * import { parseMapping } from 'scoresheet/records';
 *
 * const map = parseMapping('layout: wide\ncolumns:\n  班级: unit.id\n  日期: date\n', 'week.map.yaml');
 * if (map.ok) console.log(readRecords('班级,日期\ng1-3,2024-03-04\n', { format: 'csv', mapping: map.mapping }).records.length);
 * else console.error(map.diagnostics.map(formatDiagnostic).join('\n'));
 * ```
 */
export function parseMapping(text: string, file = '<map>', locale: Locale = 'en'): MappingResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const positions = new DocumentPositions(doc, lineCounter, text);
  if (doc.errors.length > 0) {
    return { ok: false, diagnostics: doc.errors.map((e) => mapDiagnostic(file, positions.atOffset(e.pos[0]), [], { messageId: 'diagnostic.yaml_syntax', data: { detail: e.message.split('\n')[0], yamlCode: e.code } }, locale)) };
  }
  const parsed = CsvMappingSchema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, mapping: parsed.data };
  const diagnostics = parsed.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const at = issue.code === 'unrecognized_keys' ? positions.atKey(path, issue.keys[0]!) : positions.atPath(path);
    return mapDiagnostic(file, at, path, mapIssueMessage(issue), locale);
  });
  return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * Reads a map file (UTF-8 or GB18030, as docs/records.md decides; bytes in neither are a diagnostic
 * with their line): a regular file of at most MAX_STANDARD_BYTES, or the diagnostic (`file_not_found`,
 * `file_too_large`) that says why not.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { readRecords } from 'scoresheet';
 * import { loadMapping } from 'scoresheet/records';
 *
 * const map = await loadMapping('week.map.yaml', 'en');
 * if (map.ok) readRecords(readFileSync('week.csv'), { file: 'week.csv', mapping: map.mapping });
 * ```
 */
export async function loadMapping(path: string, locale: Locale = 'en'): Promise<MappingResult> {
  const read = readSideFile(path, 'map', MAX_STANDARD_BYTES, locale);
  if ('diagnostic' in read) return { ok: false, diagnostics: [read.diagnostic] };
  const { text, invalid } = decodeText(read.bytes);
  if (invalid.length > 0) return { ok: false, diagnostics: invalid.map((x) => mapDiagnostic(path, { line: x.line, column: 1 }, [], invalidBytesMessage(x), locale)) };
  return parseMapping(text, path, locale);
}

/**
 * Without a map, a CSV's headers are the field names themselves (long layout):
 * `unit.id,date,finding.item,finding.count`. A header that is not one is a `map_mismatch` at the
 * header row (`file`, `row`).
 */
export function mappingFromHeader(header: readonly string[], file = '<inline>', locale: Locale = 'en', row = START.line): MappingResult {
  const columns: Record<string, string> = {};
  const unknown: string[] = [];
  for (const cell of header) {
    const name = cell.trim();
    if (name === '') continue;
    if (parseField(name)) columns[name] = name;
    else unknown.push(name);
  }
  if (unknown.length > 0 || !('finding.item' in columns || 'follow.finding' in columns)) {
    const data = unknown.length > 0 ? { columns: unknown.map((u) => `"${u}"`).join(', ') } : {};
    return { ok: false, diagnostics: [mapDiagnostic(file, { line: row, column: 1 }, [], { messageId: 'map.needs_map', data }, locale, 'map_mismatch')] };
  }
  const parsed = CsvMappingSchema.safeParse({ layout: 'long', columns });
  return parsed.success ? { ok: true, mapping: parsed.data } : { ok: false, diagnostics: parsed.error.issues.map((i) => mapDiagnostic(file, { line: row, column: 1 }, [], mapIssueMessage(i), locale, 'map_mismatch')) };
}

// ---------------------------------------------------------------------------------------------
// Cells → values
// ---------------------------------------------------------------------------------------------

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '有', '√', '✓', '✔']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '无', '没有', '×', '✗', '✘']);
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export type CellValue = string | number | boolean;
export type Converted = { ok: true; value: CellValue } | { ok: false; expected: 'number' | 'whole_number' | 'boolean' };

/** A non-empty, trimmed cell → the value of its type. Never guesses: text that is not of the type is an error. */
export function convertCell(text: string, type: CellType, percent = false): Converted {
  switch (type) {
    case 'text':
      return { ok: true, value: text };
    case 'date':
      return { ok: true, value: normalizeDate(text) };
    case 'number':
    case 'count': {
      const body = percent && text.endsWith('%') ? text.slice(0, -1).trim() : text;
      // A count of 1.5 is a number here; the record schema then says it is not a whole number.
      return DECIMAL.test(body) ? { ok: true, value: Number(body) } : { ok: false, expected: type === 'count' ? 'whole_number' : 'number' };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (TRUE_WORDS.has(lower)) return { ok: true, value: true };
      if (FALSE_WORDS.has(lower)) return { ok: true, value: false };
      return { ok: false, expected: 'boolean' };
    }
    case 'auto': {
      if (DECIMAL.test(text)) return { ok: true, value: Number(text) };
      const lower = text.toLowerCase();
      if (lower !== '1' && lower !== '0' && TRUE_WORDS.has(lower)) return { ok: true, value: true };
      if (lower !== '1' && lower !== '0' && FALSE_WORDS.has(lower)) return { ok: true, value: false };
      return { ok: true, value: text };
    }
  }
}

/**
 * Dates as spreadsheets write them: 2024-03-04, 2024/3/4, 2024.3.4, 2024年3月4日 → 2024-03-04. The
 * result is still checked as a calendar date (2024/2/30 is rejected); other text is left as it is.
 */
export function normalizeDate(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text;
}
