/**
 * CSV records through csv-parse, in the two layouts of a mapping file (mapping.ts): `long` (one row
 * per finding, rows grouped into inspections by key columns) and `wide` (one row per inspection, one
 * column per item). Whole texts (readCsvRecords) and streams (streamCsvRecords) go through the same
 * CsvRecordReader, so a record reads the same either way.
 *
 * Lines are spreadsheet rows: the header is row 1, and a cell holding a line break does not shift
 * the rows after it. Every bad record is reported with its row, its index, the field and the reason,
 * and left out; a cell that cannot be converted ("abc" as a count) is one of those reasons.
 */
import { CsvError, parse as parseSync } from 'csv-parse/sync';
import { formatPath } from '../diagnostics.js';
import type { Locale, Message } from '../messages/types.js';
import type { TextEncodingName } from './decode.js';
import { lineOfField, recordDiagnostic, type RecordDiagnostic, type RecordDiagnosticCode, type RecordSource } from './diagnostics.js';

export { lineOfField };
import { convertCell, mappingFromHeader, type CellValue, type CsvMapping, type FieldRef, parseField, type WideItem } from './mapping.js';
import type { ReadOptions, ReadResult, StreamItem } from './read.js';
import { validateRecord, type LocatedRecord, type Precheck } from './validate.js';
import { suggest } from '../suggest.js';
import { pushTo } from '../collections.js';

/**
 * The map and the CSV do not fit together (a mapped column is missing): nothing can be read.
 *
 * @example
 * ```ts
 * import { readRecords } from 'scoresheet';
 * import { CsvMappingError, type CsvMapping } from 'scoresheet/records';
 *
 * declare const mapping: CsvMapping;
 * try {
 *   readRecords('a,b\n1,2\n', { format: 'csv', mapping });
 * } catch (error) {
 *   if (error instanceof CsvMappingError) console.error(error.message); // a mapped column is missing
 * }
 * ```
 */
export class CsvMappingError extends Error {}

export interface CsvReadOptions extends ReadOptions {
  /** Input encoding; by default UTF-8, or GB18030 when the bytes are not valid UTF-8. */
  readonly encoding?: TextEncodingName;
}

/** A CSV record's source: besides its first row, the row each field and each finding came from. */
export interface CsvRecordSource extends RecordSource {
  /** `date`, `unit.id`, `facts.x` → row. */
  readonly fieldLines: ReadonlyMap<string, number>;
  /** Finding index → row. */
  readonly findingLines: readonly number[];
}


interface Column {
  readonly index: number;
  readonly header: string;
  readonly field: FieldRef;
  readonly values?: Readonly<Record<string, CellValue>>;
}

interface WideColumn {
  readonly entry: WideItem;
  readonly index: number;
  readonly noteIndex?: number;
}

interface Plan {
  readonly mapping: CsvMapping;
  readonly headers: readonly string[];
  readonly record: readonly Column[];
  readonly finding: readonly Column[];
  readonly itemColumn?: Column;
  readonly key: readonly number[];
  readonly wide: readonly WideColumn[];
  /** Columns a non-empty cell of which rejects the record. */
  readonly unmapped: readonly number[];
  readonly rejectExtra: boolean;
  readonly defaults: readonly (readonly [FieldRef, CellValue])[];
}

interface Row {
  readonly cells: readonly string[];
  readonly line: number;
}

interface Group {
  readonly key: string;
  readonly rows: Row[];
  readonly index: number;
  /** The first row of an earlier group with the same key (the rows of one inspection are apart). */
  readonly splitFrom?: number;
}

/**
 * Rows in, records out. `push` takes each row (header first) with its spreadsheet row number and
 * returns whatever records it completes; `end` returns the rest.
 */
export class CsvRecordReader {
  private plan: Plan | undefined;
  private readonly file: string;
  private readonly locale: Locale;
  private readonly precheck: Precheck | undefined;
  private readonly headerRow: number;
  private index = 0;
  private group: Group | undefined;
  /** First row of every long-layout group key seen, to catch an inspection whose rows are apart. */
  private readonly seenKeys = new Map<string, number>();

  constructor(
    private readonly mapping: CsvMapping | undefined,
    options: ReadOptions = {},
  ) {
    this.file = options.file ?? '<stdin>';
    this.locale = options.locale ?? 'en';
    this.precheck = options.precheck;
    this.headerRow = mapping?.header ?? 1;
  }

  push(cells: readonly string[], line: number): StreamItem[] {
    if (line < this.headerRow) return [];
    if (this.plan === undefined) {
      this.plan = this.makePlan(cells);
      return [];
    }
    const trimmed = cells.map((c) => c.trim());
    if (trimmed.every((c) => c === '')) return [];
    const row = { cells: trimmed, line };
    const plan = this.plan;
    if (plan.mapping.layout === 'wide') return [this.build([row], this.index++)];
    const keyCells = plan.key.map((i) => trimmed[i] ?? '');
    const out: StreamItem[] = [];
    if (this.group !== undefined && keyCells.every((c) => c === '')) {
      // Continuation rows (merged cells export blank): the rest of the inspection above.
      this.group.rows.push(row);
      return out;
    }
    const key = JSON.stringify(keyCells);
    if (this.group !== undefined && this.group.key === key) {
      this.group.rows.push(row);
      return out;
    }
    if (this.group !== undefined) out.push(this.finish(this.group));
    const splitFrom = this.seenKeys.get(key);
    if (splitFrom === undefined) this.seenKeys.set(key, line);
    this.group = { key, rows: [row], index: this.index++, ...(splitFrom !== undefined ? { splitFrom } : {}) };
    return out;
  }

  /**
   * A syntax error at `line`: the rest of the text cannot be read. An inspection still open (long
   * layout) may have had rows past that point, so it is left out too.
   */
  fail(detail: string, line: number): StreamItem[] {
    const out: StreamItem[] = [];
    const open = this.group;
    this.group = undefined;
    if (open) {
      const message: Message = { messageId: 'record.csv_cut_short', data: { line } };
      out.push({ diagnostics: [recordDiagnostic({ file: this.file, line: open.rows[0]!.line, index: open.index }, '', message, this.locale, 'record_syntax')] });
    }
    const message: Message = { messageId: 'record.csv_syntax', data: { detail } };
    out.push({ diagnostics: [recordDiagnostic({ file: this.file, line, index: this.index++ }, '', message, this.locale, 'record_syntax')] });
    return out;
  }

  end(): StreamItem[] {
    const open = this.group;
    this.group = undefined;
    return open ? [this.finish(open)] : [];
  }

  private finish(group: Group): StreamItem {
    return this.build(group.rows, group.index, group.splitFrom);
  }

  // -------------------------------------------------------------------------------------------

  private makePlan(rawHeader: readonly string[]): Plan {
    const headers = rawHeader.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
    let mapping = this.mapping;
    if (mapping === undefined) {
      const derived = mappingFromHeader(headers);
      if (!derived.ok) throw new CsvMappingError(derived.errors.join('\n'));
      mapping = derived.mapping;
    }
    const positions = new Map<string, number[]>();
    headers.forEach((h, i) => pushTo(positions, h, i));
    const mapped = new Set<number>();
    const where = (header: string): number => {
      const at = positions.get(header);
      if (at === undefined) {
        const hint = suggest(header, headers.filter(Boolean));
        throw new CsvMappingError(
          `${this.file}: the map names the column "${header}", which the CSV header (row ${this.headerRow}) does not have${hint ? ` (did you mean "${hint}"?)` : ''}; its columns: ${headers.filter(Boolean).join(', ')}`,
        );
      }
      if (at.length > 1) throw new CsvMappingError(`${this.file}: the CSV header has the column "${header}" ${at.length} times (columns ${at.map((i) => i + 1).join(', ')})`);
      mapped.add(at[0]!);
      return at[0]!;
    };
    const record: Column[] = [];
    const finding: Column[] = [];
    for (const [header, spec] of Object.entries(mapping.columns)) {
      const field = parseField(typeof spec === 'string' ? spec : spec.field, typeof spec === 'string' ? undefined : spec.type)!;
      const values = mapping.values?.[field.name];
      const column: Column = { index: where(header), header, field, ...(values ? { values } : {}) };
      (field.finding ? finding : record).push(column);
    }
    const wide = (mapping.items ?? []).map((entry) => ({ entry, index: where(entry.column), ...(entry.note !== undefined ? { noteIndex: where(entry.note) } : {}) }));
    const key = mapping.layout === 'long' ? (mapping.key ? mapping.key.map((h) => where(h)) : record.map((c) => c.index)) : [];
    const ignored = new Set((mapping.ignore ?? []).map((h) => h.trim()));
    const reject = mapping.unmapped === 'reject';
    const unmapped = reject ? headers.flatMap((h, i) => (mapped.has(i) || ignored.has(h) ? [] : [i])) : [];
    const defaults = Object.entries(mapping.defaults ?? {}).map(([name, value]) => [parseField(name)!, value] as const);
    const itemColumn = finding.find((c) => c.field.name === 'finding.item');
    return { mapping, headers, record, finding, ...(itemColumn ? { itemColumn } : {}), key, wide, unmapped, rejectExtra: reject, defaults };
  }

  /** Rows of one inspection → a located record, or the diagnostics that keep it out. */
  private build(rows: readonly Row[], index: number, splitFrom?: number): StreamItem {
    const plan = this.plan!;
    const first = rows[0]!.line;
    const fieldLines = new Map<string, number>();
    const findingLines: number[] = [];
    const source: CsvRecordSource = { file: this.file, line: first, index, fieldLines, findingLines };
    const problems: RecordDiagnostic[] = [];
    const problem = (line: number, field: string, message: Message, code?: RecordDiagnosticCode) =>
      problems.push(recordDiagnostic({ file: this.file, line, index }, field, message, this.locale, code));
    const cellProblem = (line: number, field: string, column: string, value: string, expected: string) =>
      problem(line, field, { messageId: 'record.csv_cell', data: { column, value, expected } }, expected === 'whole_number' ? 'not_whole_number' : 'record_invalid');

    if (splitFrom !== undefined) problem(first, '', { messageId: 'record.csv_split', data: { first: splitFrom } });

    const raw: Record<string, unknown> = { unit: {}, findings: [] };
    const findings = raw.findings as Record<string, unknown>[];

    // Record fields: the first non-empty cell; a different value further down is a conflict.
    for (const column of plan.record) {
      let given: { text: string; line: number } | undefined;
      for (const row of rows) {
        const text = row.cells[column.index] ?? '';
        if (text === '') continue;
        if (given === undefined) given = { text, line: row.line };
        else if (text !== given.text) {
          problem(row.line, formatPath(column.field.path), { messageId: 'record.csv_conflict', data: { column: column.header, value: text, first: given.text, line: given.line } });
        }
      }
      if (given === undefined) continue;
      const converted = this.convert(column, given.text);
      if (!converted.ok) {
        cellProblem(given.line, formatPath(column.field.path), column.header, given.text, converted.expected);
        continue;
      }
      setPath(raw, column.field.path, converted.value);
      fieldLines.set(formatPath(column.field.path), given.line);
    }
    for (const [field, value] of plan.defaults) {
      if (getPath(raw, field.path) === undefined) setPath(raw, field.path, value);
    }

    if (plan.mapping.layout === 'long') {
      for (const row of rows) {
        const texts = plan.finding.map((c) => row.cells[c.index] ?? '');
        if (texts.every((t) => t === '')) continue; // a row of an inspection with nothing found
        const f = findings.length;
        const out: Record<string, unknown> = {};
        plan.finding.forEach((column, i) => {
          const text = texts[i]!;
          if (text === '') return;
          const field = `findings[${f}].${column.field.path[0]}`;
          const converted = this.convert(column, text);
          if (converted.ok) out[column.field.path[0]!] = converted.value;
          else cellProblem(row.line, field, column.header, text, converted.expected);
        });
        if (plan.itemColumn && (row.cells[plan.itemColumn.index] ?? '') === '') {
          const given = plan.finding.find((c, i) => texts[i] !== '')!;
          problem(row.line, `findings[${f}].item`, { messageId: 'record.csv_no_item', data: { column: given.header, item: plan.itemColumn.header } });
        }
        findings.push(out);
        findingLines.push(row.line);
      }
    } else {
      const row = rows[0]!;
      for (const { entry, index: at, noteIndex } of plan.wide) {
        const text = row.cells[at] ?? '';
        const note = noteIndex !== undefined ? (row.cells[noteIndex] ?? '') : '';
        const f = findings.length;
        const orphan = () => {
          if (note !== '') problem(row.line, `findings[${f}].note`, { messageId: 'record.csv_orphan_note', data: { column: entry.note, item: entry.column } });
        };
        if (text === '') {
          orphan();
          continue;
        }
        const type = entry.cell === 'count' ? 'count' : entry.cell === 'evidence' ? 'boolean' : 'number';
        const converted = convertCell(text, type);
        const field = `findings[${f}].${entry.cell}`;
        if (!converted.ok) {
          cellProblem(row.line, field, entry.column, text, converted.expected);
          continue;
        }
        const finding: Record<string, unknown> = { item: entry.item };
        if (entry.cell === 'count') {
          if (converted.value === 0) {
            orphan();
            continue; // 0 times: nothing found
          }
          finding.count = converted.value;
        } else if (entry.cell === 'evidence') {
          if (converted.value === true) {
            orphan();
            continue; // written material shown: nothing to record
          }
          finding.evidence = false;
        } else {
          finding[entry.cell] = converted.value;
        }
        if (note !== '') finding.note = note;
        findings.push(finding);
        findingLines.push(row.line);
      }
    }

    for (const row of rows) {
      for (const at of plan.unmapped) {
        const text = row.cells[at] ?? '';
        if (text !== '') problem(row.line, '', { messageId: 'record.csv_unmapped', data: { column: plan.headers[at] || `#${at + 1}`, value: text } }, 'unmapped_column');
      }
      if (plan.rejectExtra) {
        for (let at = plan.headers.length; at < row.cells.length; at++) {
          if (row.cells[at] !== '') problem(row.line, '', { messageId: 'record.csv_unmapped', data: { column: `#${at + 1}`, value: row.cells[at] } }, 'unmapped_column');
        }
      }
    }

    const result = validateRecord(raw, source, this.locale, (path) => lineOfField(source, path), this.precheck);
    if (problems.length === 0) return result.ok ? result.value : { diagnostics: result.diagnostics };
    const reported = new Set(problems.map((p) => p.field));
    const more = result.ok ? [] : result.diagnostics.filter((d) => !reported.has(d.field));
    return { diagnostics: [...problems, ...more].sort((a, b) => a.line - b.line) };
  }

  private convert(column: Column, text: string): ReturnType<typeof convertCell> {
    const translated = column.values?.[text];
    if (translated !== undefined) return { ok: true, value: translated };
    return convertCell(text, column.field.type, column.field.path[0] === 'indicators');
  }
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function getPath(target: Record<string, unknown>, path: readonly string[]): unknown {
  let node: unknown = target;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const PARSE_OPTIONS = { bom: true, relax_quotes: true, relax_column_count: true } as const;

/** A whole CSV text → records and diagnostics. Throws CsvMappingError when the map does not fit the header. */
export function readCsvRecords(text: string, mapping: CsvMapping | undefined, options: ReadOptions = {}): ReadResult {
  const reader = new CsvRecordReader(mapping, options);
  const records: LocatedRecord[] = [];
  const diagnostics: RecordDiagnostic[] = [];
  const take = (items: readonly StreamItem[]) => {
    for (const item of items) {
      if ('record' in item) records.push(item);
      else diagnostics.push(...item.diagnostics);
    }
  };
  try {
    parseSync(text, {
      ...PARSE_OPTIONS,
      on_record: (cells: string[], context) => {
        take(reader.push(cells, context.records));
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    take(reader.fail(error.message, ((error as CsvError & { records?: number }).records ?? 0) + 1));
  }
  take(reader.end());
  return { records, diagnostics };
}

/**
 * CSV from a byte stream: each record is yielded as soon as its rows have arrived (a wide row at
 * once; a long inspection when the next one begins, or at the end).
 *
 * csv-parse's stream parser holds back the last character it was given until more arrives, so a
 * record would wait for the next one; instead the text is cut after the last complete CSV record
 * (a line break outside quotes) and each piece goes through csv-parse at once.
 */
export async function* streamCsvRecords(input: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>, mapping: CsvMapping | undefined, options: CsvReadOptions = {}): AsyncGenerator<StreamItem> {
  const reader = new CsvRecordReader(mapping, options);
  const splitter = new RecordSplitter();
  let base = 0;
  const parsePiece = (text: string): { items: StreamItem[]; failed: boolean } => {
    const items: StreamItem[] = [];
    let rows = 0;
    try {
      parseSync(text, {
        ...PARSE_OPTIONS,
        on_record: (cells: string[], context) => {
          rows = context.records;
          items.push(...reader.push(cells, base + context.records));
          return null;
        },
      });
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      items.push(...reader.fail(error.message, base + ((error as CsvError & { records?: number }).records ?? 0) + 1));
      return { items, failed: true };
    }
    base += rows;
    return { items, failed: false };
  };
  for await (const text of decodeChunks(input, options.encoding)) {
    const piece = splitter.push(text);
    if (piece === '') continue;
    const { items, failed } = parsePiece(piece);
    yield* items;
    if (failed) return;
  }
  const rest = splitter.rest();
  if (rest !== '') {
    const { items, failed } = parsePiece(rest);
    yield* items;
    if (failed) return;
  }
  yield* reader.end();
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;

/** Cuts CSV text after its last complete record: a line break outside a quoted field. */
export class RecordSplitter {
  private buffer = '';
  private scanned = 0;
  private inQuotes = false;
  private fieldStart = true;

  /** Adds text; returns the complete records received so far ('' when none is complete). */
  push(text: string): string {
    const b = (this.buffer += text);
    let i = this.scanned;
    let cut = 0;
    while (i < b.length) {
      const c = b.charCodeAt(i);
      if (this.inQuotes) {
        if (c === QUOTE) {
          if (i + 1 >= b.length) break; // "" or the closing quote: the next character decides
          if (b.charCodeAt(i + 1) === QUOTE) {
            i += 2;
            continue;
          }
          this.inQuotes = false;
        }
        i++;
        continue;
      }
      if (c === QUOTE && this.fieldStart) this.inQuotes = true;
      this.fieldStart = c === COMMA || c === LF;
      i++;
      if (c === LF) cut = i;
    }
    this.scanned = i - cut;
    this.buffer = b.slice(cut);
    return b.slice(0, cut);
  }

  /** What is left after the last complete record (the last line, when it has no line break). */
  rest(): string {
    const rest = this.buffer;
    this.buffer = '';
    this.scanned = 0;
    return rest;
  }
}

/**
 * Bytes → text, chunk by chunk. With no encoding given: ASCII passes straight through (it reads the
 * same in UTF-8 and GB18030); at the first non-ASCII byte the rest of that line decides: UTF-8 when it
 * is valid UTF-8 (or starts with the UTF-8 BOM), else GB18030. Bytes that turn invalid after UTF-8 was
 * chosen are an error naming the line (pass --encoding gbk).
 */
export async function* decodeChunks(input: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>, encoding?: TextEncodingName): AsyncGenerator<string> {
  if (encoding === 'gbk' || encoding === 'gb18030') {
    const decoder = new TextDecoder('gb18030');
    for await (const chunk of input) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const rest = decoder.decode();
    if (rest) yield rest;
    return;
  }
  let decoder: InstanceType<typeof TextDecoder> | undefined = encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : undefined;
  let pending: Buffer = Buffer.alloc(0);
  let start = true;
  let newlines = 0;
  const decide = (bytes: Buffer, complete: boolean): 'utf-8' | 'gb18030' | undefined => {
    if (start && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    } catch {
      return 'gb18030';
    }
    return complete ? 'utf-8' : undefined;
  };
  const emit = function* (bytes: Buffer): Generator<string> {
    if (bytes.length === 0) return;
    try {
      const text = decoder!.decode(bytes, { stream: true });
      newlines += countNewlines(text);
      if (text) yield text;
    } catch {
      throw new Error(`the input is not valid UTF-8 after line ${newlines + 1} (it began as UTF-8); if it is GBK, pass --encoding gbk`);
    }
  };
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (decoder) {
      yield* emit(bytes);
      continue;
    }
    pending = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
    const firstHigh = pending.findIndex((b) => b >= 0x80);
    if (firstHigh === -1) {
      // All ASCII so far: the same text in either encoding.
      const text = pending.toString('latin1');
      newlines += countNewlines(text);
      yield text;
      pending = Buffer.alloc(0);
      start = false;
      continue;
    }
    if (firstHigh > 0) {
      const ascii = pending.subarray(0, firstHigh).toString('latin1');
      newlines += countNewlines(ascii);
      yield ascii;
      pending = pending.subarray(firstHigh);
      start = false;
    }
    const eol = pending.indexOf(0x0a);
    const window = eol === -1 ? pending : pending.subarray(0, eol);
    const chosen = decide(window, eol !== -1 || window.length >= 4096);
    if (chosen === undefined) continue;
    decoder = chosen === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : new TextDecoder('gb18030');
    const held = pending;
    pending = Buffer.alloc(0);
    yield* emit(held);
  }
  if (!decoder) {
    if (pending.length === 0) return;
    decoder = decide(pending, true) === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : new TextDecoder('gb18030');
    yield* emit(pending);
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new Error(`the input ends in the middle of a UTF-8 character (line ${newlines + 1})`);
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}
