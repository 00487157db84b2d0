/**
 * CSV records through csv-parse, in the two layouts of a mapping file (mapping.ts): `long` (one row
 * per finding, rows grouped into inspections by key columns) and `wide` (one row per inspection, one
 * column per item). Whole texts (readCsvRecords) and streams (streamCsvRecords) go through the same
 * CsvTextReader and CsvRecordReader, so a record reads the same either way.
 *
 * Lines are spreadsheet rows: the header is row 1, and a cell holding a line break does not shift
 * the rows after it. Every bad record is reported with its row, its index, the field and the reason,
 * and left out; a cell that cannot be converted ("abc" as a count), a row cut short, a quote never
 * closed and bytes not in the file's encoding are some of those reasons.
 *
 * Cutting a stream into whole records is csv-splitter.ts's job, decoding bytes decode.ts's.
 */
import { CsvError, parse as parseSync } from 'csv-parse/sync';
import { formatPath } from '../diagnostics.js';
import type { Locale } from '../messages/locales.js';
import type { Message } from '../messages/types.js';
import { ByteDecoder, decodeText, invalidBytesMessage, type InvalidBytes, type TextEncodingName } from './decode.js';
import { makeDiagnostic, type Diagnostic, type RecordDiagnosticCode } from '../diagnostics.js';
import type { Position } from '../positions.js';
import { lineOfField, positionOfField, recordDiagnostic, type FieldPositions, type FindingCells, type RecordSource } from './diagnostics.js';

export { lineOfField };
import { convertCell, mappingFromHeader, normalizeDate, type CellValue, type CsvMapping, type FieldRef, parseField, type WideItem } from './mapping.js';
import { DEFAULT_MAX_RECORD_BYTES, type ReadOptions, type ReadResult, type StreamItem } from './read.js';
import { validateRecord, type LocatedRecord, type Precheck } from './validate.js';
import { CSV_RECORD_DELIMITER, nextLineStart, RecordSplitter, type Oversize, type SplitPiece } from './csv-splitter.js';
import { batchedStream } from './batches.js';
import { fingerprintCells, IdSet } from './id-set.js';
import { suggest } from '../suggest.js';
import { pushAll, pushTo } from '../collections.js';
import { csvFailure, type LibraryFailure } from '../messages/library.js';
import { crlfs } from './csv-error.js';

/** The map and the CSV do not fit together (a mapped column is missing): nothing can be read (map_mismatch). */
class MapMismatch {
  constructor(readonly diagnostics: Diagnostic[]) {}
}

export interface CsvReadOptions extends ReadOptions {
  /** Input encoding; by default decided on the bytes (docs/records.md#formats-and-encodings). */
  readonly encoding?: TextEncodingName;
}

/** A CSV record's source: besides its first row, the row and column each field and each finding came from. */
export interface CsvRecordSource extends RecordSource {
  /** `date`, `unit.id`, `facts.x` → row and column (1-based, as a spreadsheet counts them). */
  readonly fieldPositions: FieldPositions;
  /** Finding index → the row and the column of its first cell. */
  readonly findingPositions: readonly Position[];
  /**
   * A long sheet's finding cells, without a string per cell: the plan's finding columns (field →
   * its bit and 1-based column) and, per finding, the bits of the cells its row filled.
   */
  readonly findingCells?: FindingCells;
}


interface Column {
  readonly index: number;
  readonly header: string;
  readonly field: FieldRef;
  /** `field`'s path as written (`unit.id`), worked out once for the plan rather than per record. */
  readonly path: string;
  /** The map's `values` for the field, as a Map: a cell such as `constructor` or `toString` is no key of it. */
  readonly values?: ReadonlyMap<string, CellValue>;
}

interface WideColumn {
  readonly entry: WideItem;
  readonly index: number;
  readonly noteIndex?: number;
  /** The columns of the finding's own id and of the day it occurred (`items[].id`, `items[].occurred`). */
  readonly idIndex?: number;
  readonly occurredIndex?: number;
  readonly dueIndex?: number;
}

interface Plan {
  readonly mapping: CsvMapping;
  /** `finding` as positionOfField reads it (field → bit and column), made once per sheet. */
  readonly findingColumns: FindingCells['columns'];
  readonly headers: readonly string[];
  /** Cells a row must have: up to the last named column (a row with fewer lost its last cells). */
  readonly width: number;
  readonly record: readonly Column[];
  /** A record field's path → its columns in `record` (the last one read gives its position). */
  readonly recordPaths: ReadonlyMap<string, readonly number[]>;
  readonly finding: readonly Column[];
  /** `follow.*` columns: a row with any of them filled is one entry of the record's `follows` (复查). */
  readonly follow: readonly Column[];
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
  /** Why the row cannot be read as it stands (an unclosed quote, bytes not in the file's encoding). */
  readonly problem?: RowProblem;
}

/** A row that cannot be read as it stands: reported on its row, its inspection left out. */
export interface RowProblem {
  readonly message: Message;
  readonly code: RecordDiagnosticCode;
  /** How many of its first cells read as written (a long sheet groups the row by them only if they hold the key). */
  readonly trusted: number;
}

interface Group {
  /** The key's cells (none for a group begun by a row whose key cannot be read). */
  readonly keyCells?: readonly string[];
  readonly rows: Row[];
  readonly index: number;
  /** The first row of an earlier group with the same key (the rows of one inspection are apart). */
  readonly splitFrom?: number | undefined;
  /** A row next to it that cannot be read and whose key is unknown: it may have been one of its rows. */
  beside?: { readonly line: number; readonly code: RecordDiagnosticCode } | undefined;
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
  /** The map does not fit the header (or nothing more can be read): the rest is not read. */
  private mismatch = false;
  /**
   * First row of every long-layout group key seen, to catch an inspection whose rows are apart: kept as
   * 64-bit fingerprints (IdSet), flat in memory however long the sheet (docs/records.md#rows-apart).
   */
  private readonly seenKeys = new IdSet(fingerprintCells);
  /** An unreadable row whose key is unknown: the next inspection to begin may have had it. */
  private unknownRow: { readonly line: number; readonly code: RecordDiagnosticCode } | undefined;

  constructor(
    private readonly mapping: CsvMapping | undefined,
    options: ReadOptions = {},
  ) {
    this.file = options.file ?? '<stdin>';
    this.locale = options.locale ?? 'en';
    this.precheck = options.precheck;
    this.headerRow = mapping?.header ?? 1;
  }

  push(cells: string[], line: number, problem?: RowProblem): StreamItem[] {
    if (line < this.headerRow) return [];
    if (this.mismatch) return [];
    if (this.plan === undefined) {
      const plan = this.makePlan(cells, line);
      if (plan instanceof MapMismatch) {
        // Nothing of the sheet can be read; a header that does not fit because it cannot be read (the wrong encoding, a stray quote) says so too.
        this.mismatch = true;
        const why = problem ? [makeDiagnostic({ code: problem.code, file: this.file, line, column: 1, path: [], message: problem.message }, this.locale)] : [];
        return [{ diagnostics: [...plan.diagnostics, ...why] }];
      }
      this.plan = plan;
      return [];
    }
    // Trimmed in place: the row's array is csv-parse's, made for this row and read nowhere else.
    const trimmed = cells;
    let blank = true;
    for (let i = 0; i < cells.length; i++) if ((trimmed[i] = cells[i]!.trim()) !== '') blank = false;
    if (problem === undefined && blank) return [];
    const row: Row = problem ? { cells: trimmed, line, problem } : { cells: trimmed, line };
    const plan = this.plan;
    if (plan.mapping.layout === 'wide') return [this.build([row], this.index++)];
    const out: StreamItem[] = [];
    if (problem !== undefined && plan.key.some((i) => i >= problem.trusted)) {
      // Its key cannot be read: it may belong to the inspection above or to the next one, so both are left out.
      this.unknownRow = { line, code: problem.code };
      if (this.group === undefined) this.group = { rows: [row], index: this.index++ };
      else {
        this.group.rows.push(row);
        this.group.beside = this.unknownRow;
      }
      return out;
    }
    if (this.group !== undefined && (sameKey(plan.key, trimmed, undefined) || (this.group.keyCells !== undefined && sameKey(plan.key, trimmed, this.group.keyCells)))) {
      // Continuation rows (merged cells export blank, or the key repeated): the rest of the inspection above.
      this.group.rows.push(row);
      return out;
    }
    const keyCells = plan.key.map((i) => trimmed[i] ?? '');
    if (this.group !== undefined) out.push(this.finish(this.group));
    const seen = this.seenKeys.addOrFind(keyCells, line, undefined, 0);
    const splitFrom = seen === -1 ? undefined : this.seenKeys.lineOf(seen);
    const beside = this.unknownRow;
    this.unknownRow = undefined;
    this.group = { keyCells, rows: [row], index: this.index++, splitFrom, beside };
    return out;
  }

  /**
   * A record longer than the limit (csv-splitter.ts's Oversize), on row `line`; `cells` are its first
   * cells, those whole within the limit. A row is reported and left out, and in a long sheet so is
   * the inspection it belonged to (and, when its first cells do not hold the key, the inspections on
   * either side of it, as for any row whose key cannot be read). A header that long, or a record that
   * runs to the end of the text inside an unclosed quote, leaves nothing more to read.
   */
  tooLarge(cells: string[], line: number, limit: number, unclosed: boolean): StreamItem[] {
    if (line < this.headerRow || this.mismatch) return [];
    if (this.plan === undefined || unclosed) {
      this.mismatch = true;
      return this.fail(undefined, line, { limit, unclosed });
    }
    return this.push(cells, line, { message: { messageId: 'record.too_large', data: { limit } }, code: 'record_too_large', trusted: cells.length });
  }

  /** Nothing more of the text can be read (the map does not fit, the header is past the limit). */
  get done(): boolean {
    return this.mismatch;
  }

  /**
   * A syntax error (or, with `tooLarge`, a record past the limit that leaves nothing more to read) at
   * `line`: the rest of the text cannot be read. An inspection still open (long layout) may have had
   * rows past that point, so it is left out too.
   */
  fail(failure: LibraryFailure | undefined, line: number, tooLarge?: { limit: number; unclosed: boolean }): StreamItem[] {
    const out: StreamItem[] = [];
    const open = this.group;
    this.group = undefined;
    if (open) {
      const message: Message = { messageId: 'record.csv_cut_short', data: { line } };
      out.push({ diagnostics: [recordDiagnostic({ file: this.file, line: open.rows[0]!.line, index: open.index }, '', message, this.locale, 'record_syntax')] });
    }
    const message: Message = tooLarge
      ? { messageId: tooLarge.unclosed ? 'record.csv_too_large_unclosed' : 'record.csv_too_large', data: { limit: tooLarge.limit } }
      : { messageId: 'record.csv_syntax', data: { ...failure } };
    out.push({ diagnostics: [recordDiagnostic({ file: this.file, line, index: this.index++ }, '', message, this.locale, tooLarge ? 'record_too_large' : 'record_syntax')] });
    return out;
  }

  end(): StreamItem[] {
    const open = this.group;
    this.group = undefined;
    return open ? [this.finish(open)] : [];
  }

  private finish(group: Group): StreamItem {
    return this.build(group.rows, group.index, group.splitFrom, group.beside);
  }

  // -------------------------------------------------------------------------------------------

  private makePlan(rawHeader: readonly string[], row: number): Plan | MapMismatch {
    try {
      return this.planOf(rawHeader, row);
    } catch (error) {
      if (error instanceof MapMismatch) return error;
      throw error;
    }
  }

  /** Throws MapMismatch (caught by makePlan) at the first column the map and the header disagree on. */
  private planOf(rawHeader: readonly string[], row: number): Plan {
    const headers = rawHeader.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
    let mapping = this.mapping;
    if (mapping === undefined) {
      const derived = mappingFromHeader(headers, this.file, this.locale, row);
      if (!derived.ok) throw new MapMismatch(derived.diagnostics);
      mapping = derived.mapping;
    }
    const positions = new Map<string, number[]>();
    headers.forEach((h, i) => pushTo(positions, h, i));
    const mapped = new Set<number>();
    const mismatch = (column: number, messageId: string, data: Record<string, unknown>) =>
      new MapMismatch([makeDiagnostic({ code: 'map_mismatch', file: this.file, line: row, column, path: [], messageId, data }, this.locale)]);
    const where = (header: string): number => {
      const at = positions.get(header);
      if (at === undefined) {
        const suggestion = suggest(header, headers.filter(Boolean));
        throw mismatch(1, 'map.missing_column', { column: header, row: this.headerRow, ...(suggestion ? { suggestion } : {}), columns: headers.filter(Boolean).join(', ') });
      }
      if (at.length > 1) throw mismatch(at[1]! + 1, 'map.duplicate_column', { column: header, count: at.length, at: at.map((i) => i + 1).join(', ') });
      mapped.add(at[0]!);
      return at[0]!;
    };
    const record: Column[] = [];
    const finding: Column[] = [];
    const follow: Column[] = [];
    for (const [header, spec] of Object.entries(mapping.columns)) {
      const field = parseField(typeof spec === 'string' ? spec : spec.field, typeof spec === 'string' ? undefined : spec.type)!;
      const values = mapping.values?.[field.name];
      const column: Column = { index: where(header), header, field, path: formatPath(field.path), ...(values ? { values: new Map(Object.entries(values)) } : {}) };
      (field.finding ? finding : field.follow ? follow : record).push(column);
    }
    const wide = (mapping.items ?? []).map((entry) => ({
      entry,
      index: where(entry.column),
      ...(entry.note !== undefined ? { noteIndex: where(entry.note) } : {}),
      ...(entry.id !== undefined ? { idIndex: where(entry.id) } : {}),
      ...(entry.occurred !== undefined ? { occurredIndex: where(entry.occurred) } : {}),
      ...(entry.due !== undefined ? { dueIndex: where(entry.due) } : {}),
    }));
    const key = mapping.layout === 'long' ? (mapping.key ? mapping.key.map((h) => where(h)) : record.map((c) => c.index)) : [];
    const ignored = new Set((mapping.ignore ?? []).map((h) => h.trim()));
    const reject = mapping.unmapped === 'reject';
    const unmapped = reject ? headers.flatMap((h, i) => (mapped.has(i) || ignored.has(h) ? [] : [i])) : [];
    const defaults = Object.entries(mapping.defaults ?? {}).map(([name, value]) => [parseField(name)!, value] as const);
    const recordPaths = new Map<string, number[]>();
    record.forEach((column, i) => pushTo(recordPaths, column.path, i));
    const itemColumn = finding.find((c) => c.field.name === 'finding.item');
    let width = headers.length;
    while (width > 0 && headers[width - 1] === '') width--;
    // A finding field has one column at most (about a dozen fields), so its bit fits a 32-bit mask.
    const findingColumns = new Map(finding.map((c, i) => [c.field.path[0]!, { bit: 1 << i, column: c.index + 1 }] as const));
    return { mapping, headers, width, record, recordPaths, finding, findingColumns, follow, ...(itemColumn ? { itemColumn } : {}), key, wide, unmapped, rejectExtra: reject, defaults };
  }

  /** Rows of one inspection → a located record, or the diagnostics that keep it out. */
  private build(allRows: readonly Row[], index: number, splitFrom?: number, beside?: Group['beside']): StreamItem {
    const plan = this.plan!;
    const first = allRows[0]!.line;
    const fieldPositions = new CsvFieldPositions(plan);
    const findingPositions: Position[] = [];
    const filled: number[] = [];
    const source: CsvRecordSource = { file: this.file, line: first, index, fieldPositions, findingPositions, findingCells: { columns: plan.findingColumns, filled } };
    const problems: Diagnostic[] = [];
    /** `at` is the 0-based cell: the column is the spreadsheet's (1-based). */
    const problem = (line: number, field: string, message: Message, code: RecordDiagnosticCode = 'record_invalid', at = 0) =>
      problems.push(recordDiagnostic({ file: this.file, line, index }, field, message, this.locale, code, { line, column: at + 1 }));
    const cellProblem = (line: number, at: number, field: string, column: string, value: string, expected: string) =>
      problem(line, field, { messageId: 'record.csv_cell', data: { column, value, expected } }, expected === 'whole_number' ? 'not_whole_number' : 'record_invalid', at);

    if (splitFrom !== undefined) problem(first, '', { messageId: 'record.csv_split', data: { first: splitFrom } });
    if (beside !== undefined) problem(first, '', { messageId: 'record.csv_beside_unreadable', data: { line: beside.line } }, beside.code);
    // An unreadable row is reported as such, and only the others are read (its cells would report noise).
    for (const row of allRows) if (row.problem) problem(row.line, '', row.problem.message, row.problem.code);
    const rows = allRows.some((row) => row.problem !== undefined) ? allRows.filter((row) => row.problem === undefined) : allRows;
    if (rows.length === 0) return { diagnostics: problems };
    for (const row of rows) {
      // Its missing cells would read as empty, that is as nothing found: a clean score for a cut row.
      if (row.cells.length < plan.width) {
        problem(row.line, '', { messageId: 'record.csv_short_row', data: { cells: row.cells.length, columns: plan.width, column: plan.headers[row.cells.length] || `#${row.cells.length + 1}` } }, 'short_row', row.cells.length);
      }
    }

    const raw: Record<string, unknown> = { unit: {}, findings: [] };
    const findings = raw.findings as Record<string, unknown>[];

    // Record fields: the first non-empty cell; a different value further down is a conflict.
    for (let c = 0; c < plan.record.length; c++) {
      const column = plan.record[c]!;
      // The cell given first, as two locals: this runs for every record column of every record.
      let givenText = '';
      let givenLine = 0;
      const at = column.index;
      for (const row of rows) {
        const text = row.cells[column.index] ?? '';
        if (text === '') continue;
        if (givenLine === 0) {
          givenText = text;
          givenLine = row.line;
        } else if (text !== givenText) {
          problem(row.line, column.path, { messageId: 'record.csv_conflict', data: { column: column.header, value: text, first: givenText, line: givenLine } }, 'record_invalid', at);
        }
      }
      if (givenLine === 0) continue;
      const converted = this.convert(column, givenText);
      if (!converted.ok) {
        cellProblem(givenLine, at, column.path, column.header, givenText, converted.expected);
        continue;
      }
      setPath(raw, column.field.path, converted.value);
      fieldPositions.read(c, givenLine);
    }
    for (const [field, value] of plan.defaults) {
      if (getPath(raw, field.path) === undefined) setPath(raw, field.path, value);
    }

    /**
     * A row's cells of `columns` → entry `k` of `list` (a finding, a 复查), each cell converted or
     * reported; `cells` gets the bits (bit i: `columns[i]`) of the cells it read. The field's name is
     * written out only for a problem: this runs for every finding of every record.
     */
    let cells = 0;
    const entry = (columns: readonly Column[], texts: readonly string[], row: Row, list: 'findings' | 'follows', k: number): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      cells = 0;
      columns.forEach((column, i) => {
        const text = texts[i]!;
        if (text === '') return;
        cells |= 1 << i;
        const converted = this.convert(column, text);
        if (converted.ok) out[column.field.path[0]!] = converted.value;
        else cellProblem(row.line, column.index, `${list}[${k}].${column.field.path[0]}`, column.header, text, converted.expected);
      });
      return out;
    };

    if (plan.mapping.layout === 'long') {
      for (const row of rows) {
        const texts = plan.finding.map((c) => row.cells[c.index] ?? '');
        if (texts.every((t) => t === '')) continue; // a row of an inspection with nothing found
        const f = findings.length;
        const out = entry(plan.finding, texts, row, 'findings', f);
        filled.push(cells);
        const given = plan.finding.find((c, i) => texts[i] !== '')!;
        if (plan.itemColumn && (row.cells[plan.itemColumn.index] ?? '') === '') {
          problem(row.line, `findings[${f}].item`, { messageId: 'record.csv_no_item', data: { column: given.header, item: plan.itemColumn.header } }, 'record_invalid', given.index);
        }
        findings.push(out);
        findingPositions.push({ line: row.line, column: (plan.itemColumn ?? given).index + 1 });
      }
    } else {
      const row = rows[0]!;
      for (const { entry, index: at, noteIndex, idIndex, occurredIndex, dueIndex } of plan.wide) {
        const text = row.cells[at] ?? '';
        const note = noteIndex !== undefined ? (row.cells[noteIndex] ?? '') : '';
        const own = { id: idIndex, occurred: occurredIndex, due: dueIndex } as const;
        const f = findings.length;
        const orphan = () => {
          if (note !== '') problem(row.line, `findings[${f}].note`, { messageId: 'record.csv_orphan_note', data: { column: entry.note, item: entry.column } }, 'record_invalid', noteIndex);
          for (const [key, index] of Object.entries(own)) {
            if (index !== undefined && (row.cells[index] ?? '') !== '') problem(row.line, `findings[${f}].${key}`, { messageId: 'record.csv_orphan_cell', data: { column: entry[key as keyof typeof own], item: entry.column } }, 'record_invalid', index);
          }
        };
        if (text === '') {
          orphan();
          continue;
        }
        const type = entry.cell === 'count' ? 'count' : entry.cell === 'evidence' ? 'boolean' : 'number';
        const converted = convertCell(text, type);
        const field = `findings[${f}].${entry.cell}`;
        if (!converted.ok) {
          cellProblem(row.line, at, field, entry.column, text, converted.expected);
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
        fieldPositions.set(field, { line: row.line, column: at + 1 });
        if (note !== '' && noteIndex !== undefined) {
          finding.note = note;
          fieldPositions.set(`findings[${f}].note`, { line: row.line, column: noteIndex + 1 });
        }
        for (const [key, index] of Object.entries(own)) {
          const cell = index === undefined ? '' : (row.cells[index] ?? '');
          if (cell === '') continue;
          finding[key] = key === 'id' ? cell : normalizeDate(cell);
          fieldPositions.set(`findings[${f}].${key}`, { line: row.line, column: index! + 1 });
        }
        findings.push(finding);
        findingPositions.push({ line: row.line, column: at + 1 });
      }
    }

    // 复查: each row with a follow-up cell filled checks one earlier finding (both layouts).
    for (const row of plan.follow.length === 0 ? [] : rows) {
      const texts = plan.follow.map((c) => row.cells[c.index] ?? '');
      if (texts.every((t) => t === '')) continue;
      const follows = ((raw.follows as Record<string, unknown>[] | undefined) ??= []);
      const k = follows.length;
      follows.push(entry(plan.follow, texts, row, 'follows', k));
      plan.follow.forEach((column, i) => (cells & (1 << i)) !== 0 && fieldPositions.set(`follows[${k}].${column.field.path[0]}`, { line: row.line, column: column.index + 1 }));
      if (!fieldPositions.has(`follows[${k}]`)) fieldPositions.set(`follows[${k}]`, { line: row.line, column: plan.follow[texts.findIndex((t) => t !== '')]!.index + 1 });
    }

    for (const row of rows) {
      for (const at of plan.unmapped) {
        const text = row.cells[at] ?? '';
        if (text !== '') problem(row.line, '', { messageId: 'record.csv_unmapped', data: { column: plan.headers[at] || `#${at + 1}`, value: text } }, 'unmapped_column', at);
      }
      if (plan.rejectExtra) {
        for (let at = plan.headers.length; at < row.cells.length; at++) {
          if (row.cells[at] !== '') problem(row.line, '', { messageId: 'record.csv_unmapped', data: { column: `#${at + 1}`, value: row.cells[at] } }, 'unmapped_column', at);
        }
      }
    }

    const result = validateRecord(raw, source, this.locale, (path) => positionOfField(source, path), this.precheck);
    if (problems.length === 0) return result.ok ? result.value : { diagnostics: result.diagnostics };
    const reported = new Set(problems.map((p) => formatPath(p.path)));
    // A record that lost a row is not whole: a field of its own said to be missing may have been on the
    // lost row, so that is noise; what is said of a value its readable rows gave is not.
    const lost = rows.length < allRows.length;
    const heldByLostRow = (d: Diagnostic) => lost && d.path.length > 0 && d.path[0] !== 'findings' && d.path[0] !== 'follows' && getPath(raw, d.path.map(String)) === undefined;
    const more = result.ok ? [] : result.diagnostics.filter((d) => !reported.has(formatPath(d.path)) && !heldByLostRow(d));
    return { diagnostics: [...problems, ...more].sort((a, b) => a.line - b.line) };
  }

  private convert(column: Column, text: string): ReturnType<typeof convertCell> {
    const translated = column.values?.get(text);
    if (translated !== undefined) return { ok: true, value: translated };
    return convertCell(text, column.field.type, column.field.path[0] === 'indicators');
  }
}

/**
 * Where a CSV record's fields were read. A record column's row is kept as a number (its column is the
 * plan's) and made a Position only when a diagnostic asks: no Map entry and no Position per field of
 * every record. The rarer fields (a wide sheet's finding cells, 复查 cells) go into a Map made when needed.
 */
class CsvFieldPositions implements FieldPositions {
  readonly #plan: Plan;
  /** Per column of plan.record: the row its value was read from (0: none). */
  readonly #lines: number[];
  #other: Map<string, Position> | undefined;

  constructor(plan: Plan) {
    this.#plan = plan;
    this.#lines = new Array<number>(plan.record.length).fill(0);
  }

  /** Record column `c`'s value was read on `line`. */
  read(c: number, line: number): void {
    this.#lines[c] = line;
  }

  set(path: string, position: Position): void {
    (this.#other ??= new Map()).set(path, position);
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  get(path: string): Position | undefined {
    const other = this.#other?.get(path);
    if (other !== undefined) return other;
    const columns = this.#plan.recordPaths.get(path) ?? [];
    for (let k = columns.length - 1; k >= 0; k--) {
      const line = this.#lines[columns[k]!]!;
      if (line > 0) return { line, column: this.#plan.record[columns[k]!]!.index + 1 };
    }
    return undefined;
  }
}

/** Whether a row's key cells are `key` (each cell of `key`), or all blank when `key` is undefined. */
function sameKey(columns: readonly number[], cells: readonly string[], key: readonly string[] | undefined): boolean {
  for (let k = 0; k < columns.length; k++) if ((cells[columns[k]!] ?? '') !== (key === undefined ? '' : key[k])) return false;
  return true;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
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

/** Records end at LF, CRLF or a lone CR, wherever in the file, as the splitter cuts them (each piece would find its own). */
const PARSE_OPTIONS = { bom: true, relax_quotes: true, relax_column_count: true, record_delimiter: CSV_RECORD_DELIMITER };

/**
 * A whole CSV, as text or as bytes (decoded as docs/records.md says) → records and diagnostics.
 * A map that does not fit the header is one `map_mismatch` diagnostic, and nothing is read.
 */
export function readCsvRecords(input: string | Uint8Array, mapping: CsvMapping | undefined, options: CsvReadOptions = {}): ReadResult {
  const reader = new CsvTextReader(new CsvRecordReader(mapping, options), options.maxRecordBytes);
  const decoded = typeof input === 'string' ? { text: input, invalid: [] } : decodeText(input, options.encoding);
  const records: LocatedRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const items of [reader.push(decoded.text, decoded.invalid), reader.end()]) {
    for (const item of items) {
      if ('record' in item) records.push(item);
      else pushAll(diagnostics, item.diagnostics);
    }
  }
  return { records, diagnostics };
}

/**
 * CSV from a byte stream: each record is yielded as soon as its rows have arrived (a wide row at
 * once; a long inspection when the next one begins, or at the end).
 */
export function streamCsvRecords(input: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>, mapping: CsvMapping | undefined, options: CsvReadOptions = {}): AsyncGenerator<StreamItem> {
  return batchedStream(csvBatches(input, mapping, options));
}

/** streamCsvRecords a chunk at a time: the records each chunk completes. */
async function* csvBatches(input: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>, mapping: CsvMapping | undefined, options: CsvReadOptions): AsyncGenerator<StreamItem[]> {
  const reader = new CsvTextReader(new CsvRecordReader(mapping, options), options.maxRecordBytes);
  const decoder = new ByteDecoder(options.encoding);
  for await (const chunk of input) {
    const { text, invalid } = decoder.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    const items = reader.push(text, invalid);
    if (items.length > 0) yield items;
  }
  const { text, invalid } = decoder.end();
  const items = reader.push(text, invalid);
  pushAll(items, reader.end());
  if (items.length > 0) yield items;
}

/**
 * CSV text → records, piece by piece (a whole text is one piece). csv-parse's stream parser holds back
 * the last character it was given until more arrives, so a record would wait for the next one; instead
 * the text is cut after its last complete record (a line break outside quotes) and each piece goes
 * through csv-parse at once.
 *
 * A quote that is never closed would make the rest of the text one cell. Its row is reported instead,
 * and reading starts again on the line after the quote; that restart cannot meet another quote left
 * open by the same text (after an unclosed quote every quote came in pairs, `""`), so the text is read
 * at most twice.
 *
 * A row with bytes that are not in the file's encoding (the decoder lists them by line) is reported on
 * its row; the others are read.
 *
 * A record longer than the limit never reaches csv-parse: the splitter drops it as it scans it (never
 * holding more than the limit of it) and hands over its first cells instead; it is reported on its row
 * and the records after it are read (CsvRecordReader.tooLarge).
 */
class CsvTextReader {
  private readonly splitter: RecordSplitter;
  /** Rows (csv-parse records) and lines before the next piece: the spreadsheet's row numbers, the file's lines. */
  private rows = 0;
  private lines = 0;
  /** Bad bytes in order; those from `nextInvalid` on are not yet matched with their row. */
  private invalid: InvalidBytes[] = [];
  private nextInvalid = 0;
  private stopped = false;

  constructor(
    private readonly reader: CsvRecordReader,
    /** A record longer than this (characters as written, its line break not counted) is refused, never held whole. */
    private readonly limit: number = DEFAULT_MAX_RECORD_BYTES,
  ) {
    this.splitter = new RecordSplitter(limit);
  }

  push(text: string, invalid: readonly InvalidBytes[] = []): StreamItem[] {
    if (this.stopped || this.reader.done) return [];
    pushAll(this.invalid, invalid);
    return this.read(this.splitter.push(text));
  }

  end(): StreamItem[] {
    const out: StreamItem[] = [];
    while (!this.stopped && !this.reader.done) {
      const rest = this.splitter.rest();
      if ('oversize' in rest) {
        pushAll(out, this.oversize(rest.oversize, true));
        break;
      }
      if (rest.text === '') break;
      if (rest.openQuote === undefined) {
        pushAll(out, this.parse(rest.text));
        break;
      }
      const cut = nextLineStart(rest.text, rest.openQuote);
      pushAll(out, this.unclosed(rest.text.slice(0, rest.openQuote)));
      this.lines += countLines(rest.text.slice(0, cut));
      this.badBytesUpTo(this.lines); // bad bytes in the unreadable row go with it
      pushAll(out, this.read(this.splitter.push(rest.text.slice(cut))));
    }
    pushAll(out, this.reader.end());
    return out;
  }

  /** The splitter's pieces: whole records to parse, and records past the limit. */
  private read(pieces: readonly SplitPiece[]): StreamItem[] {
    if (pieces.length === 1 && typeof pieces[0] === 'string') return this.parse(pieces[0]);
    const items: StreamItem[] = [];
    for (const piece of pieces) pushAll(items, typeof piece === 'string' ? this.parse(piece) : this.oversize(piece, false));
    return items;
  }

  /**
   * A record past the limit is one row, reported on it; its first cells (those whole within the limit)
   * say which inspection of a long sheet it belonged to. The rows after it are read on.
   */
  private oversize(piece: Oversize, atEnd: boolean): StreamItem[] {
    if (this.stopped) return [];
    const row = ++this.rows;
    this.lines += piece.lines;
    this.badBytesUpTo(atEnd ? Infinity : this.lines); // bad bytes in it go with it
    const cells = piece.head === '' ? [] : ((parseSync(piece.head, PARSE_OPTIONS) as string[][])[0] ?? []);
    return this.reader.tooLarge(cells, row, this.limit, piece.unclosed === true);
  }

  /** The row of an unclosed quote: what comes before the quote is read as its cells. */
  private unclosed(before: string): StreamItem[] {
    const cells = (parseSync(before, PARSE_OPTIONS) as string[][])[0] ?? [];
    if (cells.length === 0) cells.push('');
    const row = ++this.rows;
    const problem: RowProblem = { message: { messageId: 'record.csv_unclosed_quote', data: { column: cells.length } }, code: 'record_syntax', trusted: cells.length - 1 };
    return this.reader.push(cells, row, problem);
  }

  private parse(text: string): StreamItem[] {
    if (this.stopped) return [];
    if (this.nextInvalid === this.invalid.length) {
      // No bad bytes to place on their rows: csv-parse without a callback per record (the context it
      // builds for one was a fifth of its time); the rows are numbered by count. A piece it cannot
      // read is read again below, record by record, so the records before the error are kept.
      let records: string[][] | undefined;
      try {
        records = parseSync(text, PARSE_OPTIONS) as string[][];
      } catch (error) {
        if (!(error instanceof CsvError)) throw error;
      }
      if (records !== undefined) {
        const items: StreamItem[] = [];
        for (let i = 0; i < records.length; i++) pushAll(items, this.reader.push(records[i]!, this.rows + i + 1));
        this.rows += records.length;
        this.lines += countLines(text);
        return items;
      }
    }
    const items: StreamItem[] = [];
    let rows = 0;
    /** The CRLFs inside quoted cells so far: csv-parse counts each as two lines. */
    let doubled = 0;
    try {
      parseSync(text, {
        ...PARSE_OPTIONS,
        on_record: (cells: string[], context) => {
          rows = context.records;
          doubled += crlfsIn(cells);
          const bad = this.badBytesUpTo(this.lines + context.lines - doubled);
          pushAll(items, this.reader.push(cells, this.rows + rows, bad.length > 0 ? badBytesProblem(bad, cells) : undefined));
          return null;
        },
      });
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      // The pieces end where csv-parse would end a record; should it disagree, the rest cannot be read.
      pushAll(items, this.reader.fail(csvFailure(error), this.rows + ((error as CsvError & { records?: number }).records ?? 0) + 1));
      this.stopped = true;
    }
    this.rows += rows;
    this.lines += countLines(text);
    return items;
  }

  /** Takes the bad bytes on lines up to `line` (those of the row that ends there). */
  private badBytesUpTo(line: number): InvalidBytes[] {
    const taken: InvalidBytes[] = [];
    while (this.nextInvalid < this.invalid.length && this.invalid[this.nextInvalid]!.line <= line) taken.push(this.invalid[this.nextInvalid++]!);
    if (this.nextInvalid === this.invalid.length && this.nextInvalid > 0) {
      this.invalid = [];
      this.nextInvalid = 0;
    }
    return taken;
  }
}

/** A row with bytes not in the file's encoding; its cells up to the first that holds one read as written. */
function badBytesProblem(bad: readonly InvalidBytes[], cells: readonly string[]): RowProblem {
  const trusted = cells.findIndex((c) => c.includes('\uFFFD'));
  return { message: invalidBytesMessage(bad[0]!, bad.length - 1), code: 'invalid_encoding', trusted: trusted === -1 ? cells.length : trusted };
}

/** The CRLFs in a record's cells (only a quoted cell holds one). */
function crlfsIn(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) n += crlfs(cell);
  return n;
}

/** Line ends as csv-parse counts them: LF, CRLF and CR are one each. */
function countLines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d || (c === 0x0a && text.charCodeAt(i - 1) !== 0x0d)) n++;
  }
  return n;
}
