/**
 * The one way records come in: a text (or bytes) and its format — given, or told by the file name —
 * to the reader of that format. JSON and YAML read as documents, NDJSON line by line, CSV through a
 * `--map` mapping (or its own header).
 */
import type { Readable } from 'node:stream';
import { readCsvRecords, streamCsvRecords } from './csv.js';
import { decodeText, type TextEncodingName } from './decode.js';
import type { CsvMapping } from './mapping.js';
import { formatOfPath, readDocumentRecords, readNdjsonRecords, streamNdjsonRecords, type ReadOptions, type ReadResult, type RecordFormat, type StreamItem } from './read.js';

export interface RecordsOptions extends ReadOptions {
  /** The format; by default the one `file`'s name implies, else YAML (which reads JSON too). */
  readonly format?: RecordFormat;
  /** How CSV columns map to record fields; without it, the CSV's header must name them (docs/records.md). */
  readonly mapping?: CsvMapping;
  /** For bytes: their encoding; by default UTF-8, or GB18030 when the bytes are not valid UTF-8. */
  readonly encoding?: TextEncodingName;
}

function formatOf(options: RecordsOptions): RecordFormat {
  return options.format ?? (options.file === undefined ? undefined : formatOfPath(options.file)) ?? 'yaml';
}

/**
 * Reads every record of a text in any format. Each bad record is a diagnostic with its line and is
 * left out; the others read as from a clean file. Throws CsvMappingError when a mapping does not fit
 * the CSV's header.
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
  const text = typeof input === 'string' ? input : decodeText(input, options.encoding).text;
  switch (formatOf(options)) {
    case 'json':
    case 'yaml':
      return readDocumentRecords(text, options);
    case 'ndjson':
      return readNdjsonRecords(text, options);
    case 'csv':
      return readCsvRecords(text, options.mapping, options);
  }
}

/**
 * Reads records from a stream of NDJSON or CSV, yielding each as soon as it has arrived (JSON and
 * YAML are read whole). Feed the items to `scoreStream`.
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
export async function* streamRecords(input: Readable, options: RecordsOptions = {}): AsyncGenerator<StreamItem> {
  const format = formatOf(options);
  if (format === 'csv') {
    yield* streamCsvRecords(input, options.mapping, options);
    return;
  }
  if (format === 'ndjson') {
    yield* streamNdjsonRecords(input, options);
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  const { records, diagnostics } = readRecords(Buffer.concat(chunks), { ...options, format });
  yield* records;
  if (diagnostics.length > 0) yield { diagnostics };
}
