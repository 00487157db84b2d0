/**
 * Records from an Excel workbook (.xlsx), through exceljs: the chosen sheet's rows of cells go to the
 * CSV reader's CsvRecordReader, so a sheet is read with the same `--map` (wide or long), the same
 * conversions and the same problems as the CSV it would be saved as. A problem names its cell:
 * `records.xlsx!Sheet1!C12` (the file is `records.xlsx!Sheet1`, the line and column the cell's row
 * and column; renderDiagnostic writes them as the cell's name).
 *
 * What a sheet holds, as text: a date cell (or a number in a date column: an Excel serial number) as
 * YYYY-MM-DD; a number as written (15 significant digits, as Excel shows it); a formula as the value the
 * workbook saved for it (a formula never calculated, or one whose value is an error, leaves its row out);
 * a header cell merged down from the rows above as the merged cell's text.
 *
 * A workbook is a zip read whole. Before exceljs unpacks it, every part is unpacked once as a stream
 * and counted: past `maxFileBytes / 8` unpacked bytes (a zip bomb, a sheet of a million empty rows)
 * it is refused (exceljs holds a workbook at about 40 times its unpacked size). A sheet of more than
 * MAX_SHEET_ROWS rows (a million empty ones unpack to little) is read row by row, its empty rows
 * dropped as they come. A file that is not a
 * zip, or an encrypted (password-protected) workbook, is refused with a reason; nothing is guessed.
 */
import type ExcelJS from 'exceljs';
import { makeDiagnostic, type Diagnostic } from '../diagnostics.js';
import { xlsxFailure } from '../messages/library.js';
import type { Message } from '../messages/types.js';
import { CsvRecordReader, type RowProblem } from './csv.js';
import { recordDiagnostic } from './diagnostics.js';
import { parseField, parseMapping, type CsvMapping, type MappingResult } from './mapping.js';
import type { Locale } from '../messages/locales.js';
import { Readable } from 'node:stream';
import { DEFAULT_MAX_FILE_BYTES, type ReadOptions, type ReadResult, type StreamItem } from './read.js';
import { pushAll } from '../collections.js';
import { cellName } from '../spreadsheet.js';

/** The hidden sheet of a template (template --format xlsx) that holds its map, one YAML line a row in column A. */
export const MAP_SHEET = 'scoresheet-map';

/**
 * The most rows, empty ones counted, exceljs is let hold for a sheet (each costs about 600 bytes): a
 * sheet with more (a million empty rows below the records) is read row by row instead (streamedItems).
 */
export const MAX_SHEET_ROWS = 100_000;

export interface XlsxReadOptions extends ReadOptions {
  /** The sheet to read, by name; by default the first visible one (a template's data sheet). */
  readonly sheet?: string;
  /** The largest workbook taken, in bytes (default DEFAULT_MAX_FILE_BYTES); an eighth of it is the most it may unpack to. */
  readonly maxFileBytes?: number;
}

/** The most a workbook of at most `maxFileBytes` may unpack to: an eighth of it (8 MiB by default). */
export function unpackedLimit(maxFileBytes: number = DEFAULT_MAX_FILE_BYTES): number {
  return Math.floor(maxFileBytes / 8);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: what Excel writes for a password-protected workbook (and for an old .xls). */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * A workbook's bytes → the records of one sheet, read as its CSV would be with `mapping` (or the map a
 * template embeds, or the sheet's own header naming fields). A workbook that cannot be read at all is one
 * `unreadable_input` diagnostic, as a map that does not fit is one `map_mismatch`.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { formatDiagnostic } from 'scoresheet';
 * import { loadMapping, readXlsxRecords } from 'scoresheet/records';
 *
 * const map = await loadMapping('week.map.yaml');
 * if (map.ok) {
 *   const { records, diagnostics } = await readXlsxRecords(readFileSync('week.xlsx'), map.mapping, { file: 'week.xlsx', sheet: '第一周' });
 *   console.log(records.length, diagnostics.map(formatDiagnostic).join('\n')); // week.xlsx!第一周!C12  error  …
 * }
 * ```
 */
export async function readXlsxRecords(bytes: Uint8Array, mapping: CsvMapping | undefined, options: XlsxReadOptions = {}): Promise<ReadResult> {
  const result: ReadResult = { records: [], diagnostics: [] };
  for (const item of await xlsxItems(bytes, mapping, options)) {
    if ('record' in item) result.records.push(item);
    else pushAll(result.diagnostics, item.diagnostics);
  }
  return result;
}

/** A workbook from a stream: its bytes (up to `maxFileBytes`), then its records as readXlsxRecords reads them. */
export async function* streamXlsxRecords(input: AsyncIterable<Uint8Array | string>, mapping: CsvMapping | undefined, options: XlsxReadOptions = {}): AsyncGenerator<StreamItem> {
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += bytes.length;
    if (size > limit) {
      yield tooLarge(options);
      return;
    }
    chunks.push(bytes);
  }
  yield* await xlsxItems(Buffer.concat(chunks, size), mapping, options);
}

function tooLarge(options: XlsxReadOptions): StreamItem {
  const message = { messageId: 'record.file_too_large', data: { limit: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES } };
  return { diagnostics: [recordDiagnostic({ file: options.file ?? '<inline>', line: 1, index: 0 }, '', message, options.locale ?? 'en', 'file_too_large')] };
}

/**
 * A workbook's bytes loaded by exceljs after the checks every reader makes (size, encrypted, not a zip,
 * unpacked size); a Message when it is refused, 'too-many-rows' when it must be read row by row.
 */
async function openWorkbook(bytes: Uint8Array, options: XlsxReadOptions): Promise<ExcelJS.Workbook | Message | 'too-large' | 'too-many-rows'> {
  const file = options.file ?? '<inline>';
  if (bytes.length > (options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)) return 'too-large';
  if (startsWith(bytes, COMPOUND_FILE)) return { messageId: 'input.xlsx_encrypted', data: { file } };
  if (!startsWith(bytes, ZIP)) return { messageId: 'input.xlsx_not_zip', data: { file } };
  const limit = unpackedLimit(options.maxFileBytes);
  try {
    if (!(await unpacksWithin(bytes, limit))) return { messageId: 'input.xlsx_unpacked_too_large', data: { file, limit } };
  } catch (error) {
    return { messageId: 'input.xlsx_not_zip', data: { file, ...xlsxFailure(error) } };
  }
  const { Workbook } = await exceljs();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer, { maxRows: MAX_SHEET_ROWS } as Parameters<typeof workbook.xlsx.load>[1]);
  } catch (error) {
    const failure = xlsxFailure(error);
    // Too many rows to hold (a million empty ones below the records): read it row by row instead.
    if (/^Max row count/.test(failure.detail)) return 'too-many-rows';
    return { messageId: 'input.unreadable', data: { file, ...failure } };
  }
  return workbook;
}

/** A sheet's rows of cells as text (column A first), by row number, with the sheet's name; or why it cannot be read. */
export async function readSheetTexts(bytes: Uint8Array, options: XlsxReadOptions = {}): Promise<{ ok: true; sheet: string; rows: { number: number; cells: string[] }[] } | { ok: false; diagnostics: readonly Diagnostic[] }> {
  const file = options.file ?? '<inline>';
  const locale = options.locale ?? 'en';
  const opened = await openWorkbook(bytes, options);
  const refuse = (message: Message) => ({ ok: false as const, diagnostics: [makeDiagnostic({ code: 'unreadable_input', file, line: 1, column: 1, path: [], message }, locale)] });
  if (opened === 'too-large') {
    const item = tooLarge(options);
    return { ok: false, diagnostics: 'diagnostics' in item ? item.diagnostics : [] };
  }
  if (opened === 'too-many-rows') return refuse({ messageId: 'input.draft_too_many_rows', data: { file, limit: MAX_SHEET_ROWS } });
  if (!('worksheets' in opened)) return refuse(opened);
  const names = opened.worksheets.map((w) => w.name);
  const sheet = options.sheet !== undefined ? opened.getWorksheet(options.sheet) : opened.worksheets.find((w) => w.state === 'visible' && w.name !== MAP_SHEET);
  if (sheet === undefined) return refuse({ messageId: 'input.xlsx_no_sheet', data: { file, sheet: options.sheet ?? '', sheets: names.join(', ') } });
  const rows: { number: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as readonly CellContent[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(plainText(values[c]).trim());
    rows.push({ number, cells });
  });
  return { ok: true, sheet: sheet.name, rows };
}

async function xlsxItems(bytes: Uint8Array, mapping: CsvMapping | undefined, options: XlsxReadOptions): Promise<StreamItem[]> {
  const file = options.file ?? '<inline>';
  const locale = options.locale ?? 'en';
  const unreadable = (message: Message, at = file): StreamItem[] => [{ diagnostics: [makeDiagnostic({ code: 'unreadable_input', file: at, line: 1, column: 1, path: [], message }, locale)] }];
  const opened = await openWorkbook(bytes, options);
  if (opened === 'too-large') return [tooLarge(options)];
  if (opened === 'too-many-rows') return streamedItems(bytes, mapping, options);
  if (!('worksheets' in opened)) return unreadable(opened);
  const workbook = opened;
  const names = workbook.worksheets.map((w) => w.name);
  const sheet = options.sheet !== undefined ? workbook.getWorksheet(options.sheet) : workbook.worksheets.find((w) => w.state === 'visible' && w.name !== MAP_SHEET);
  if (sheet === undefined) return unreadable({ messageId: 'input.xlsx_no_sheet', data: { file, sheet: options.sheet ?? '', sheets: names.filter((n) => n !== MAP_SHEET).join(', ') } });
  let map = mapping;
  const embedded = map === undefined ? workbook.getWorksheet(MAP_SHEET) : undefined;
  if (embedded !== undefined) {
    const lines: string[] = [];
    embedded.eachRow({ includeEmpty: true }, (row) => lines.push(plainText(row.getCell(1).value)));
    const parsed = embeddedMap(lines, file, locale);
    if (!parsed.ok) return [{ diagnostics: parsed.diagnostics }];
    map = parsed.mapping;
  }
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => rows.push({ number, values: row.values as readonly CellContent[] }));
  // A header cell merged down from the rows above (a title row, a two-row header) takes the merged cell's text.
  const headerRow = map?.header ?? 1;
  const merged = new Map<number, string>();
  for (const range of sheet.model.merges ?? []) {
    const [from, to] = range.split(':');
    const top = sheet.getCell(from!);
    if (Number(top.row) < headerRow && Number(sheet.getCell(to ?? from!).row) >= headerRow) merged.set(Number(top.col), plainText(top.value));
  }
  return sheetItems(rows, merged, map, { ...options, file: `${file}!${sheet.name}` }, workbook.properties.date1904 === true);
}

/** The map a template holds, a YAML line a row: its problems name column A of their row (a column inside a line is no cell). */
function embeddedMap(lines: readonly string[], file: string, locale: Locale): MappingResult {
  const parsed = parseMapping(lines.join('\n'), `${file}!${MAP_SHEET}`, locale);
  return parsed.ok ? parsed : { ok: false, diagnostics: parsed.diagnostics.map((d) => ({ ...d, column: 1 })) };
}

/**
 * A workbook with a sheet of more rows than exceljs is let hold, read row by row with its streaming
 * reader: only rows with values are kept (a million empty rows cost time, not memory), so nothing that
 * could be read is lost. Merged header cells are not known here (a sheet lists its merges after its rows);
 * the 1904 date system is.
 */
async function streamedItems(bytes: Uint8Array, mapping: CsvMapping | undefined, options: XlsxReadOptions): Promise<StreamItem[]> {
  const file = options.file ?? '<inline>';
  const locale = options.locale ?? 'en';
  const { stream } = await exceljs();
  const reader = new stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
  const names: string[] = [];
  const mapLines: string[] = [];
  let chosen: { name: string; rows: SheetRow[] } | undefined;
  try {
    for await (const sheet of reader) {
      const { name, state } = sheet as unknown as { name: string; state?: string };
      names.push(name);
      const take = chosen === undefined && (options.sheet !== undefined ? name === options.sheet : name !== MAP_SHEET && (state ?? 'visible') === 'visible');
      const rows: SheetRow[] = [];
      if (take) chosen = { name, rows };
      for await (const row of sheet) {
        if (name === MAP_SHEET) mapLines[row.number - 1] = plainText(row.getCell(1).value);
        else if (take && row.hasValues) rows.push({ number: row.number, values: row.values as readonly CellContent[] });
      }
    }
  } catch (error) {
    return [{ diagnostics: [makeDiagnostic({ code: 'unreadable_input', file, line: 1, column: 1, path: [], messageId: 'input.unreadable', data: { file, ...xlsxFailure(error) } }, locale)] }];
  }
  if (chosen === undefined) {
    const message = { messageId: 'input.xlsx_no_sheet', data: { file, sheet: options.sheet ?? '', sheets: names.filter((n) => n !== MAP_SHEET).join(', ') } };
    return [{ diagnostics: [makeDiagnostic({ code: 'unreadable_input', file, line: 1, column: 1, path: [], message }, locale)] }];
  }
  let map = mapping;
  if (map === undefined && names.includes(MAP_SHEET)) {
    const parsed = embeddedMap(Array.from(mapLines, (l) => l ?? ''), file, locale);
    if (!parsed.ok) return [{ diagnostics: parsed.diagnostics }];
    map = parsed.mapping;
  }
  // The workbook's date system (its workbook part is read before its sheets): a serial number in a 1904
  // workbook (old Mac Excel) is 1,462 days later than the same number in a 1900 one.
  const date1904 = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904 === true;
  return sheetItems(chosen.rows, new Map(), map, { ...options, file: `${file}!${chosen.name}` }, date1904);
}

/**
 * exceljs, loaded when a workbook is first read or written: every other command starts without it
 * (the CLI bundle keeps it in a chunk of its own).
 */
export async function exceljs(): Promise<typeof ExcelJS> {
  const module = (await import('exceljs')) as typeof ExcelJS & { default?: typeof ExcelJS };
  return module.default ?? module;
}

/** Whether every part of the zip unpacks to at most `limit` bytes in all, counted as each is unpacked (and dropped). */
async function unpacksWithin(bytes: Uint8Array, limit: number): Promise<boolean> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const within = await new Promise<boolean>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer');
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limit) {
          stream.pause();
          resolve(false);
        }
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(true));
    });
    if (!within) return false;
  }
  return true;
}

/** A row with values: its number, and its cells' values by column (1-based: `values[3]` is column C). */
interface SheetRow {
  readonly number: number;
  readonly values: readonly CellContent[];
}

/** The sheet's rows, header first, through the CSV reader's CsvRecordReader; `merged` gives header cells merged down from above. */
function sheetItems(rows: readonly SheetRow[], merged: ReadonlyMap<number, string>, mapping: CsvMapping | undefined, options: XlsxReadOptions, date1904: boolean): StreamItem[] {
  const reader = new CsvRecordReader(mapping, options);
  const headerRow = mapping?.header ?? 1;
  const items: StreamItem[] = [];
  const header = rowTexts(rows.find((r) => r.number === headerRow) ?? { number: headerRow, values: [] }, new Set(), date1904).cells;
  for (const [column, text] of merged) {
    while (header.length < column) header.push('');
    if (header[column - 1] === '') header[column - 1] = text;
  }
  const dates = dateColumns(header, mapping);
  pushAll(items, reader.push(header, headerRow));
  for (const row of rows) {
    if (row.number <= headerRow) continue;
    const { cells, problem } = rowTexts(row, dates, date1904);
    // A sheet leaves a row's empty cells out: its row is never cut short, as a CSV line can be.
    while (cells.length < header.length) cells.push('');
    pushAll(items, reader.push(cells, row.number, problem));
  }
  pushAll(items, reader.end());
  return items;
}

/** The 0-based columns whose cells are dates (a number there is an Excel serial number). */
function dateColumns(header: readonly string[], mapping: CsvMapping | undefined): Set<number> {
  const names = new Set<string>();
  if (mapping === undefined) names.add('date');
  else {
    for (const [column, spec] of Object.entries(mapping.columns)) {
      const field = parseField(typeof spec === 'string' ? spec : spec.field, typeof spec === 'string' ? undefined : spec.type);
      if (field?.type === 'date') names.add(column);
    }
  }
  const out = new Set<number>();
  header.forEach((h, i) => {
    if (names.has(h.trim())) out.add(i);
  });
  return out;
}

type CellContent = ExcelJS.CellValue | undefined;

/** A row's cells as text, and the first cell that has none to give (a formula never calculated, an error value). */
function rowTexts(row: SheetRow, dates: ReadonlySet<number>, date1904: boolean): { cells: string[]; problem?: RowProblem } {
  const cells: string[] = [];
  let problem: RowProblem | undefined;
  for (let c = 1; c < row.values.length; c++) {
    const text = cellText(row.values[c], dates.has(c - 1), date1904);
    if (typeof text === 'string') cells.push(text);
    else {
      cells.push('');
      problem ??= { message: { messageId: text.messageId, data: { ...text.data, cell: cellName(row.number, c) } }, code: 'record_invalid', trusted: c - 1 };
    }
  }
  return problem ? { cells, problem } : { cells };
}

const DAY = 86_400_000;

/** A cell's value as the text its CSV export would hold; a Message when it has none. */
function cellText(value: CellContent, date: boolean, date1904: boolean): string | { messageId: string; data: Record<string, unknown> } {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'number') {
    if (date && Number.isFinite(value)) return isoDate(new Date((date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)) + Math.floor(value) * DAY));
    return String(Number(value.toPrecision(15)));
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if ('error' in value) return { messageId: 'record.xlsx_error_value', data: { value: value.error } };
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value ? value.formula : value.sharedFormula;
    const result = value.result;
    if (result === undefined || result === null) return { messageId: 'record.xlsx_formula', data: { formula: `=${formula}` } };
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) return { messageId: 'record.xlsx_error_value', data: { value: result.error } };
    return cellText(result as CellContent, date, date1904);
  }
  return plainText(value);
}

/** Text a person typed: rich text's runs joined, a hyperlink's shown text. */
function plainText(value: CellContent): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value && value.result !== undefined) return plainText(value.result as CellContent);
  return '';
}

/** A date cell as YYYY-MM-DD (exceljs gives dates at UTC midnight); with a time of day, YYYY-MM-DDTHH:MM:SS. */
function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}
