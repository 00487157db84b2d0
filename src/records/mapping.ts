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
import { formatDiagnostic } from '../diagnostics.js';
import { readSideFile } from '../files.js';
import { renderMessage } from '../messages/render.js';
import type { Locale } from '../messages/locales.js';
import { DocumentPositions } from '../positions.js';
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
  return undefined;
}

const FIELD_HELP =
  'id, standard, date, kind, level, inspector, supersedes, round, unit.id, unit.name, unit.group.<key>, facts.<name>, indicators.<id>[.numerator|.denominator], finding.item|count|points|value|note|evidence|unit|area';

/** Checks what the schema alone cannot: field names, and what each layout needs. */
function checkMapping(m: CsvMapping, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const fieldOf = new Map<string, string>();
  let itemColumns = 0;
  for (const [column, spec] of Object.entries(m.columns)) {
    const name = typeof spec === 'string' ? spec : spec.field;
    const field = parseField(name);
    if (!field) {
      issue(['columns', column], `unknown field "${name}"; fields: ${FIELD_HELP}`);
      continue;
    }
    if (field.finding && m.layout === 'wide') issue(['columns', column], `${name}: finding fields are for the long layout; in a wide map list item columns under items:`);
    const other = fieldOf.get(name);
    if (other !== undefined) issue(['columns', column], `${name} is already given by column "${other}"`);
    fieldOf.set(name, column);
    if (name === 'finding.item') itemColumns++;
  }
  if (m.layout === 'long') {
    if (itemColumns === 0) issue(['columns'], 'a long map needs the item column: <header>: finding.item');
    if (m.items !== undefined) issue(['items'], 'items: is for the wide layout; a long map has a finding.item column');
    for (const [i, column] of (m.key ?? []).entries()) {
      const spec = m.columns[column];
      if (spec === undefined) issue(['key', i], `"${column}" is not a column of the map`);
      else if (parseField(typeof spec === 'string' ? spec : spec.field)?.finding) issue(['key', i], `"${column}" holds a finding field; key columns hold record fields`);
    }
  } else {
    if (m.key !== undefined) issue(['key'], 'key: is for the long layout (a wide row is one inspection)');
    const seen = new Set(Object.keys(m.columns));
    for (const [i, entry] of (m.items ?? []).entries()) {
      for (const [prop, column] of [['column', entry.column], ['note', entry.note]] as const) {
        if (column === undefined) continue;
        if (seen.has(column)) issue(['items', i, prop], `column "${column}" is mapped twice`);
        seen.add(column);
      }
    }
  }
  for (const field of Object.keys(m.values ?? {})) {
    if (!parseField(field)) issue(['values', field], `unknown field "${field}"`);
  }
  for (const field of Object.keys(m.defaults ?? {})) {
    const ref = parseField(field);
    if (!ref) issue(['defaults', field], `unknown field "${field}"`);
    else if (ref.finding) issue(['defaults', field], 'defaults are for record fields');
  }
}

export const CsvMappingSchema = MappingObjectSchema.superRefine(checkMapping);

export type MappingResult = { ok: true; mapping: CsvMapping } | { ok: false; errors: string[] };

/**
 * A map file's text → the mapping, or every problem as `file:line: path: message`.
 *
 * @example
 * ```ts
 * import { readRecords } from 'scoresheet';
 * import { parseMapping } from 'scoresheet/records';
 *
 * const map = parseMapping('layout: wide\ncolumns:\n  班级: unit.id\n  日期: date\n', 'week.map.yaml');
 * if (map.ok) console.log(readRecords('班级,日期\ng1-3,2024-03-04\n', { format: 'csv', mapping: map.mapping }).records.length);
 * else console.error(map.errors.join('\n'));
 * ```
 */
export function parseMapping(text: string, file = '<map>'): MappingResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const positions = new DocumentPositions(doc, lineCounter, text);
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => `${file}:${positions.atOffset(e.pos[0]).line}: ${e.message.split('\n')[0]}`) };
  }
  const parsed = CsvMappingSchema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, mapping: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const where = path.length > 0 ? ` ${path.join('.')}:` : '';
      return `${file}:${positions.atPath(path).line}:${where} ${issue.message}`;
    }),
  };
}

/**
 * Reads a map file (UTF-8 or GB18030, as docs/records.md decides; bytes in neither are an error with
 * their line): a regular file of at most MAX_STANDARD_BYTES, or the diagnostic (`file_not_found`,
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
  if ('diagnostic' in read) return { ok: false, errors: [formatDiagnostic(read.diagnostic)] };
  const { text, invalid } = decodeText(read.bytes);
  if (invalid.length > 0) return { ok: false, errors: invalid.map((x) => `${path}:${x.line}: ${renderMessage(invalidBytesMessage(x), locale)}`) };
  return parseMapping(text, path);
}

/**
 * Without a map, a CSV's headers are the field names themselves (long layout):
 * `unit.id,date,finding.item,finding.count`.
 */
export function mappingFromHeader(header: readonly string[]): MappingResult {
  const columns: Record<string, string> = {};
  const unknown: string[] = [];
  for (const cell of header) {
    const name = cell.trim();
    if (name === '') continue;
    if (parseField(name)) columns[name] = name;
    else unknown.push(name);
  }
  if (unknown.length > 0 || !('finding.item' in columns)) {
    const why = unknown.length > 0 ? `the columns ${unknown.map((u) => `"${u}"`).join(', ')} are not field names` : 'it has no finding.item column';
    return { ok: false, errors: [`this CSV needs a map (--map; \`scoresheet template\` writes one): ${why}`] };
  }
  const parsed = CsvMappingSchema.safeParse({ layout: 'long', columns });
  return parsed.success ? { ok: true, mapping: parsed.data } : { ok: false, errors: parsed.error.issues.map((i) => i.message) };
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
