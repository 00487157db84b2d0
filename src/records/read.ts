/**
 * Records in: JSON (one or an array), YAML (one or many documents, each one record or a list),
 * NDJSON (streamed) and CSV (see csv.ts). Every bad record is reported with its position and left
 * out; the good ones are returned exactly as they would be from a clean file.
 *
 * Memory is bounded by the input's largest record, not its size: a streamed record (an NDJSON line,
 * a CSV record) longer than `maxRecordBytes` is refused (`record_too_large`) without being held
 * whole, and the readers of whole files (JSON, YAML) refuse a file over their limit before parsing.
 */
import { isSeq, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Locale } from '../messages/types.js';
import { DocumentPositions } from '../positions.js';
import { recordDiagnostic, withFieldLines, type RecordDiagnostic } from './diagnostics.js';
import { validateRecord, type LocatedRecord, type Precheck } from './validate.js';
import { isValidUtf8, type TextEncodingName } from './decode.js';
import { pushAll } from '../collections.js';

export type RecordFormat = 'json' | 'yaml' | 'ndjson' | 'csv';

export interface ReadResult {
  readonly records: LocatedRecord[];
  readonly diagnostics: RecordDiagnostic[];
}

export interface ReadOptions {
  readonly file?: string;
  readonly locale?: Locale;
  /**
   * The standard's own checks (unknown item, kind, level) for a record that fails the record schema,
   * so that its problems of both kinds are reported at once (StandardSet.precheck gives one).
   */
  readonly precheck?: Precheck;
  /** The longest record a stream reader takes (an NDJSON line, a CSV record), in bytes; longer ones are refused. */
  readonly maxRecordBytes?: number;
}

/** The longest record read by default: 1 MiB, a thousand findings with long notes (--max-record-bytes). */
export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;
/** The largest JSON or YAML file read by default (they are parsed whole): 64 MiB (--max-file-bytes). */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface NdjsonStreamOptions extends ReadOptions {
  /** Input encoding; by default UTF-8, or GB18030 when the first line that is not ASCII is not UTF-8. */
  readonly encoding?: TextEncodingName;
}

/** The format a file name implies, or undefined. */
export function formatOfPath(path: string): RecordFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.csv')) return 'csv';
  return undefined;
}

/** JSON and YAML, through the yaml library so every field keeps its line (JSON is YAML 1.2). */
export function readDocumentRecords(text: string, options: ReadOptions = {}): ReadResult {
  const file = options.file ?? '<inline>';
  const locale = options.locale ?? 'en';
  const records: LocatedRecord[] = [];
  const diagnostics: RecordDiagnostic[] = [];
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false }) as Document[] | { empty: true };
  if (!Array.isArray(documents)) return { records, diagnostics };
  let index = 0;
  for (const doc of documents) {
    const positions = new DocumentPositions(doc, lineCounter, text);
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const { line } = positions.atOffset(error.pos[0]);
        diagnostics.push(recordDiagnostic({ file, line, index }, '', { messageId: 'record.invalid', data: { detail: error.message.split('\n')[0] } }, locale, 'record_syntax'));
      }
      index++;
      continue;
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) continue;
    const many = isSeq(doc.contents);
    const values = many ? (value as unknown[]) : [value];
    values.forEach((raw, i) => {
      const base: (string | number)[] = many ? [i] : [];
      const line = positions.atPath(base).line;
      const lineOf = (path: readonly (string | number)[]) => positions.atPath([...base, ...path]).line;
      const result = validateRecord(raw, withFieldLines({ file, line, index }, lineOf), locale, lineOf, options.precheck);
      if (result.ok) records.push(result.value);
      else pushAll(diagnostics, result.diagnostics);
      index++;
    });
  }
  return { records, diagnostics };
}

/** NDJSON: one record per line; blank lines are skipped, a bad line is reported with its number. */
export function readNdjsonRecords(text: string, options: ReadOptions = {}): ReadResult {
  const records: LocatedRecord[] = [];
  const diagnostics: RecordDiagnostic[] = [];
  const state = { index: 0 };
  text.split(/\r?\n/).forEach((lineText, i) => {
    const item = ndjsonLine(lineText, i + 1, state, options);
    if (item === undefined) return;
    if ('record' in item) records.push(item);
    else pushAll(diagnostics, item.diagnostics);
  });
  return { records, diagnostics };
}

export type StreamItem = LocatedRecord | { diagnostics: RecordDiagnostic[] };

/**
 * NDJSON from a byte stream: each record is yielded as soon as its line has arrived. A line longer
 * than `maxRecordBytes` is refused (`record_too_large`) and skipped without being held; a line that
 * is not valid in the file's encoding is reported on its line; the lines after either are read on.
 */
export async function* streamNdjsonRecords(input: AsyncIterable<Uint8Array | string>, options: NdjsonStreamOptions = {}): AsyncGenerator<StreamItem> {
  const maxBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const decoder = new LineDecoder(options.encoding);
  const state = { index: 0 };
  let number = 0;
  for await (const line of boundedLines(input, maxBytes)) {
    number++;
    const at = { file: options.file ?? '<stdin>', line: number };
    const locale = options.locale ?? 'en';
    if ('tooLarge' in line) {
      const message = { messageId: 'record.too_large', data: { limit: maxBytes } };
      yield { diagnostics: [recordDiagnostic({ ...at, index: state.index++ }, '', message, locale, 'record_too_large')] };
      continue;
    }
    const text = decoder.decode(line);
    if (text === undefined) {
      const message = { messageId: 'record.not_utf8', data: { line: number } };
      yield { diagnostics: [recordDiagnostic({ ...at, index: state.index++ }, '', message, locale, 'record_syntax')] };
      continue;
    }
    const item = ndjsonLine(text, number, state, options);
    if (item !== undefined) yield item;
  }
}

/**
 * A byte stream cut into lines (at LF; a CR before it is dropped), each held only while it is at
 * most `maxBytes` long: past that, what was held is dropped and the line's end is awaited.
 */
export async function* boundedLines(input: AsyncIterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<Buffer | { tooLarge: true }> {
  let parts: Buffer[] = [];
  let size = 0;
  const finish = (): Buffer | { tooLarge: true } => {
    const line = size > maxBytes ? ({ tooLarge: true } as const) : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    return 'tooLarge' in line || line[line.length - 1] !== 0x0d ? line : line.subarray(0, line.length - 1);
  };
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let start = 0; start < bytes.length; ) {
      const eol = bytes.indexOf(0x0a, start);
      const end = eol === -1 ? bytes.length : eol;
      size += end - start;
      if (size <= maxBytes) parts.push(bytes.subarray(start, end));
      else parts = [];
      if (eol === -1) break;
      yield finish();
      start = eol + 1;
    }
  }
  if (size > 0) yield finish();
}

/**
 * Lines → text. As told, or else decided at the first line that is not ASCII: UTF-8 when it is
 * valid UTF-8, GB18030 (GBK) when not. A later line that is not UTF-8 in a UTF-8 file is undefined.
 */
class LineDecoder {
  private decoder: InstanceType<typeof TextDecoder> | undefined;

  constructor(encoding?: TextEncodingName) {
    if (encoding !== undefined) this.decoder = new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'gb18030', { fatal: encoding === 'utf-8' });
  }

  decode(bytes: Buffer): string | undefined {
    if (this.decoder === undefined) {
      if (bytes.every((b) => b < 0x80)) return bytes.toString('latin1');
      this.decoder = isValidUtf8(bytes) ? new TextDecoder('utf-8', { fatal: true }) : new TextDecoder('gb18030');
    }
    try {
      return this.decoder.decode(bytes);
    } catch {
      return undefined;
    }
  }
}

function ndjsonLine(lineText: string, line: number, state: { index: number }, options: ReadOptions): StreamItem | undefined {
  const file = options.file ?? '<stdin>';
  const locale = options.locale ?? 'en';
  const text = line === 1 ? lineText.replace(/^\uFEFF/, '') : lineText;
  if (text.trim() === '') return undefined;
  const index = state.index++;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { diagnostics: [recordDiagnostic({ file, line, index }, '', { messageId: 'record.invalid', data: { detail: (error as Error).message } }, locale, 'record_syntax')] };
  }
  const result = validateRecord(raw, { file, line, index }, locale, undefined, options.precheck);
  return result.ok ? result.value : { diagnostics: result.diagnostics };
}
