/**
 * The one way records come in, for the API and the CLI alike: a text, bytes or a stream and its
 * format — given, or told by the file name — to the reader of that format. JSON and YAML read as
 * documents (a stream up to `maxFileBytes`), NDJSON line by line and CSV row by row, each record
 * bounded by `maxRecordBytes`; CSV through a `--map` mapping (or its own header).
 */
import { pushAll } from '../collections.js';
import { makeDiagnostic, type Diagnostic } from '../diagnostics.js';
import { readCsvRecords, streamCsvRecords } from './csv.js';
import { decodeText, invalidBytesMessage, type TextEncodingName } from './decode.js';
import { recordDiagnostic } from './diagnostics.js';
import { streamXlsxRecords } from './xlsx.js';
import type { CsvMapping } from './mapping.js';
import { DEFAULT_MAX_FILE_BYTES, formatOfPath, readDocumentRecords, readNdjsonBytes, readNdjsonRecords, streamNdjsonRecords, type ReadOptions, type ReadResult, type RecordFormat, type StreamItem } from './read.js';

export interface RecordsOptions extends ReadOptions {
  /** The format; by default the one `file`'s name implies, else YAML (which reads JSON too). */
  readonly format?: RecordFormat;
  /** How CSV columns map to record fields; without it, the CSV's header must name them (docs/records.md). */
  readonly mapping?: CsvMapping;
  /** For bytes: their encoding; by default decided on the bytes (docs/records.md#formats-and-encodings). */
  readonly encoding?: TextEncodingName;
  /** The largest JSON, YAML or xlsx input taken, in bytes (default DEFAULT_MAX_FILE_BYTES); a larger one is one `file_too_large` problem. */
  readonly maxFileBytes?: number;
  /** xlsx: the sheet to read (default: the first visible one). */
  readonly sheet?: string;
}



function formatOf(options: RecordsOptions): RecordFormat {
  return options.format ?? (options.file === undefined ? undefined : formatOfPath(options.file)) ?? 'yaml';
}

/**
 * A whole input's text; bytes not in its encoding make it unreadable (docs/records.md#formats-and-encodings):
 * one `unreadable_input` diagnostic at the first bad byte's line, and nothing of it is read.
 */
function decodeWhole(bytes: Uint8Array, options: RecordsOptions): string | Diagnostic {
  const { text, invalid } = decodeText(bytes, options.encoding);
  if (invalid.length === 0) return text;
  const message = invalidBytesMessage(invalid[0]!);
  return makeDiagnostic({ code: 'unreadable_input', file: options.file ?? '<inline>', line: invalid[0]!.line, column: 1, path: [], message }, options.locale ?? 'en');
}

/** A JSON or YAML document's bytes → its records, diagnostics first; over the limit, one `file_too_large` problem. */
function documentItems(bytes: Uint8Array | undefined, options: RecordsOptions): StreamItem[] {
  const file = options.file ?? '<inline>';
  const locale = options.locale ?? 'en';
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes === undefined || bytes.length > limit) {
    const message = { messageId: 'record.file_too_large', data: { limit } };
    return [{ diagnostics: [recordDiagnostic({ file, line: 1, index: 0 }, '', message, locale, 'file_too_large')] }];
  }
  const text = decodeWhole(bytes, options);
  if (typeof text !== 'string') return [{ diagnostics: [text] }];
  const { records, diagnostics } = readDocumentRecords(text, options);
  return diagnostics.length > 0 ? [{ diagnostics }, ...records] : records;
}

/**
 * Reads every record of a text or bytes in any format. Each bad record is a diagnostic with its line
 * and is left out; the others read as from a clean file. Never throws on bad input: a mapping that does
 * not fit the CSV's header is one `map_mismatch` diagnostic, JSON or YAML bytes not in their encoding one
 * `unreadable_input` (nothing of either is read; an NDJSON line or CSV row with such bytes is one
 * `invalid_encoding` problem, as streamRecords reports it).
 * A stream is read by streamRecords.
 *
 * @example
 * ```ts
 * import { readRecords } from 'scoresheet';
 *
 * const { records, diagnostics } = readRecords('{"unit":{"id":"g1-3"},"date":"2024-03-04","findings":[]}\n', { format: 'ndjson' });
 * console.log(records.length, diagnostics.length); // 1 0
 * ```
 */
export function readRecords(input: string | Uint8Array, options: RecordsOptions = {}): ReadResult {
  const format = formatOf(options);
  switch (format) {
    case 'csv':
      return readCsvRecords(input, options.mapping, options);
    case 'ndjson':
      return typeof input === 'string' ? readNdjsonRecords(input, options) : readNdjsonBytes(input, options);
    case 'json':
    case 'yaml': {
      if (typeof input === 'string') return readDocumentRecords(input, options);
      return collect(documentItems(input, options));
    }
    case 'xlsx': {
      // exceljs reads a workbook asynchronously: streamRecords (or readXlsxRecords) reads it.
      const message = { messageId: 'input.xlsx_async', data: { file: options.file ?? '<inline>' } };
      return { records: [], diagnostics: [makeDiagnostic({ code: 'unreadable_input', file: options.file ?? '<inline>', line: 1, column: 1, path: [], message }, options.locale ?? 'en')] };
    }
  }
}

function collect(items: readonly StreamItem[]): ReadResult {
  const result: ReadResult = { records: [], diagnostics: [] };
  for (const item of items) {
    if ('record' in item) result.records.push(item);
    else pushAll(result.diagnostics, item.diagnostics);
  }
  return result;
}

/**
 * Reads records from a stream, in order, as they arrive: NDJSON and CSV a record at a time (memory
 * bounded by `maxRecordBytes`), JSON and YAML whole (up to `maxFileBytes`). The CLI reads every
 * source through here. Feed the items to `scoreStream`. Reports bad input as readRecords does.
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * import { streamRecords } from 'scoresheet';
 *
 * for await (const item of streamRecords(createReadStream('inspections.ndjson'), { file: 'inspections.ndjson' })) {
 *   if ('record' in item) console.log(item.record.unit.id);
 * }
 * ```
 */
export function streamRecords(input: AsyncIterable<Uint8Array | string>, options: RecordsOptions = {}): AsyncGenerator<StreamItem> {
  // The format's own reader handed back as it is: one async step less per record than a `yield*` through here.
  switch (formatOf(options)) {
    case 'ndjson':
      return streamNdjsonRecords(input, options);
    case 'csv':
      return streamCsvRecords(input, options.mapping, options);
    case 'xlsx':
      return streamXlsxRecords(input, options.mapping, options);
    case 'json':
    case 'yaml':
      return streamDocumentRecords(input, options);
  }
}

async function* streamDocumentRecords(input: AsyncIterable<Uint8Array | string>, options: RecordsOptions): AsyncGenerator<StreamItem> {
  yield* documentItems(await readAtMost(input, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES), options);
}

/** The stream's bytes, or undefined as soon as there are more than `limit` (what a file says its size is does not count). */
async function readAtMost(stream: AsyncIterable<Uint8Array | string>, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += bytes.length;
    if (size > limit) return undefined;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
}
