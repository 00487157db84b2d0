/** Reading record files (or stdin) for every command that takes records: the formats, the encoding. */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { findingAssigner, type Roster } from '../aggregate/responsibility.js';
import { parseRosterText } from '../aggregate/roster-file.js';
import { formatDiagnostic, INPUT_DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode } from '../diagnostics.js';
import { MAX_ROSTER_BYTES, readSideFile } from '../files.js';
import type { Locale } from '../messages/locales.js';
import type { StreamItem } from '../records/read.js';
import type { TextEncodingName } from '../records/decode.js';
import { renderMessage } from '../messages/render.js';
import { loadMapping, type CsvMapping } from '../records/mapping.js';
import { formatOfPath, type ReadResult, type RecordFormat } from '../records/read.js';
import { wordsOf } from '../messages/locales.js';
import type { Output } from './io.js';
import { streamRecords } from '../records/records.js';
import type { LocatedRecord, Precheck } from '../records/validate.js';
import { pushAll } from '../collections.js';
import type { FirstRecord } from '../score/batch.js';
import { DEFAULT_MAX_RECORD_BYTES } from '../records/read.js';
import { systemFailure } from '../messages/library.js';
import { batchedStream, batchesFrom } from '../records/batches.js';

export interface SourceOptions {
  readonly lang: Locale;
  readonly encoding?: TextEncodingName;
  readonly map?: string;
  /** A CSV mapping already loaded (wins over `map`). */
  readonly mapping?: CsvMapping;
  /** The standards' checks for records that fail the record schema (StandardSet.precheck). */
  readonly precheck?: Precheck;
  /** The longest NDJSON line or CSV record taken (default DEFAULT_MAX_RECORD_BYTES). */
  readonly maxRecordBytes?: number;
  /** The largest JSON, YAML or xlsx file taken (default DEFAULT_MAX_FILE_BYTES). */
  readonly maxFileBytes?: number;
  /** xlsx: the sheet to read (--sheet). */
  readonly sheet?: string;
}

/**
 * Why a file could not be read, in the reader's language: bytes that are not the encoding asked
 * for (TextDecoder's own words are English), or the system's reason (ENOENT…).
 */
export function cannotRead(source: string, error: unknown, lang: Locale): string {
  const e = error as Error & { code?: string };
  if (e.code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return renderMessage({ messageId: 'input.not_encoding', data: { file: source, encoding: 'UTF-8' } }, lang);
  return renderMessage({ messageId: 'input.unreadable', data: { file: source, ...systemFailure(error) } }, lang);
}

/** A source that cannot be read at all (its diagnostics, rendered): the command exits 2. */
export class SourceError extends Error {}

const INPUT_CODES: ReadonlySet<DiagnosticCode> = new Set(INPUT_DIAGNOSTIC_CODES);

/** A diagnostic that says nothing of the input can be read (unreadable_input, map_mismatch, invalid_map). */
export function isInputProblem(d: Diagnostic): boolean {
  return INPUT_CODES.has(d.code);
}

/**
 * One source's records and problems, in order, as they are read: NDJSON and CSV a record at a time
 * (memory bounded by the longest record), JSON and YAML whole (up to maxFileBytes: a larger file is
 * one `file_too_large` problem). Throws SourceError when the source cannot be read at all.
 */
export function recordItems(source: string, format: RecordFormat, options: SourceOptions, stdin: Readable): AsyncGenerator<StreamItem> {
  // A chunk's records handed on together (batchedStream): scoreStream takes them without an async step each.
  return batchedStream(recordBatches(source, format, options, stdin));
}

async function* recordBatches(source: string, format: RecordFormat, options: SourceOptions, stdin: Readable): AsyncGenerator<readonly StreamItem[]> {
  const file = source === '-' ? '<stdin>' : source;
  const read = {
    file,
    locale: options.lang,
    ...(options.precheck ? { precheck: options.precheck } : {}),
    ...(options.maxRecordBytes !== undefined ? { maxRecordBytes: options.maxRecordBytes } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
  };
  try {
    let mapping = options.mapping;
    if ((format === 'csv' || format === 'xlsx') && mapping === undefined && options.map !== undefined) {
      const loaded = await loadMapping(options.map, options.lang);
      if (!loaded.ok) throw new SourceError(loaded.diagnostics.map(formatDiagnostic).join('\n'));
      mapping = loaded.mapping;
    }
    const input = source === '-' ? stdin : createReadStream(source);
    const items = streamRecords(input, {
      ...read,
      format,
      ...(mapping ? { mapping } : {}),
      ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
      ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    });
    for await (const batch of batchesFrom(items)) {
      const bad = batch.findIndex((item) => !('record' in item) && item.diagnostics.some(isInputProblem));
      if (bad === -1) {
        yield batch;
        continue;
      }
      // What came before the problem is handed on, as it would have been one by one.
      if (bad > 0) yield batch.slice(0, bad);
      throw new SourceError((batch[bad] as { diagnostics: Diagnostic[] }).diagnostics.map(formatDiagnostic).join('\n'));
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(cannotRead(source, error, options.lang));
  }
}

/**
 * RecordIds' check of a fingerprint hit (docs/records.md#duplicate-record-ids): reads the earlier
 * record's NDJSON line again at its byte offset and says whether it has the same id. Whatever cannot be
 * read back (stdin, a file changed since, a line not in UTF-8) counts as the same id: a duplicate.
 */
export function ndjsonIdCheck(maxRecordBytes: number = DEFAULT_MAX_RECORD_BYTES): (id: string, first: FirstRecord) => boolean {
  return (id, first) => {
    if (first.file === '<stdin>') return true;
    try {
      const line = readLineAt(first.file, first.offset, maxRecordBytes);
      if (line === undefined) return true;
      const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(line).replace(/^\uFEFF/, '')) as { id?: unknown } | null;
      return typeof value?.id !== 'string' || value.id === id;
    } catch {
      return true;
    }
  };
}

/** The bytes from `offset` to the next LF (CR dropped), or undefined past `maxBytes`. */
function readLineAt(path: string, offset: number, maxBytes: number): Buffer | undefined {
  const fd = openSync(path, 'r');
  try {
    const parts: Buffer[] = [];
    let size = 0;
    for (let at = offset; size <= maxBytes; ) {
      const chunk = Buffer.alloc(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, at);
      if (n === 0) break;
      const eol = chunk.subarray(0, n).indexOf(0x0a);
      parts.push(chunk.subarray(0, eol === -1 ? n : eol));
      size += eol === -1 ? n : eol;
      if (eol !== -1) break;
      at += n;
    }
    if (size > maxBytes) return undefined;
    const line = Buffer.concat(parts, size);
    return line[line.length - 1] === 0x0d ? line.subarray(0, line.length - 1) : line;
  } finally {
    closeSync(fd);
  }
}

/** Reads one source completely (recordItems, collected); an unreadable file is `{ error }` (the command exits 2). */
export async function readRecordSource(source: string, format: RecordFormat, options: SourceOptions, stdin: Readable): Promise<ReadResult | { error: string }> {
  const records: LocatedRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  try {
    for await (const item of recordItems(source, format, options, stdin)) {
      if ('record' in item) records.push(item);
      else pushAll(diagnostics, item.diagnostics);
    }
  } catch (error) {
    if (error instanceof SourceError) return { error: error.message };
    throw error;
  }
  return { records, diagnostics };
}

export interface RosterOptions {
  /** The units a round covers and a table lists (YAML or CSV). */
  readonly units?: string;
  /** Area → unit assignments (YAML or CSV). */
  readonly roster?: string;
}

/**
 * Reads --units and --roster into one Roster; `{ error }` when a file is unreadable: each is a regular
 * file of at most MAX_ROSTER_BYTES, or a diagnostic (`file_not_found`, `file_too_large`) says why not.
 */
export async function loadRoster(options: RosterOptions, locale: Locale): Promise<Roster | { error: string }> {
  const roster: { units?: Roster['units']; areas?: Roster['areas'] } = {};
  for (const [path, what] of [[options.roster, 'roster'], [options.units, 'units']] as const) {
    if (!path) continue;
    const read = readSideFile(path, what, MAX_ROSTER_BYTES, locale);
    if ('diagnostic' in read) return { error: formatDiagnostic(read.diagnostic) };
    const parsed = parseRosterText(read.bytes.toString('utf8'), path.toLowerCase().endsWith('.csv') ? 'csv' : 'yaml', { file: path, locale });
    if (!parsed.ok) return { error: parsed.diagnostics.map(formatDiagnostic).join('\n') };
    if (parsed.roster.units) roster.units = parsed.roster.units;
    if (parsed.roster.areas?.length) roster.areas = parsed.roster.areas;
  }
  return roster;
}

/** Charges each streamed record's findings to their units (see assignFindings), record by record. */
export function assignStream(items: AsyncIterable<StreamItem>, roster: Roster, locale: Locale): AsyncGenerator<StreamItem> {
  return batchedStream(assignBatches(items, roster, locale));
}

async function* assignBatches(items: AsyncIterable<StreamItem>, roster: Roster, locale: Locale): AsyncGenerator<readonly StreamItem[]> {
  const assign = findingAssigner(roster, locale);
  const records: LocatedRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for await (const batch of batchesFrom(items)) {
    const out: StreamItem[] = [];
    for (const item of batch) {
      if (!('record' in item)) {
        out.push(item);
        continue;
      }
      records.length = 0;
      diagnostics.length = 0;
      assign(item, records, diagnostics);
      if (diagnostics.length > 0) out.push({ diagnostics: [...diagnostics] });
      pushAll(out, records);
    }
    if (out.length > 0) yield out;
  }
}

/** Each source's record format: `--input-format`, else from its name; undefined once it has said (on `out`) which source has none. */
export function sourceFormats(sources: readonly string[], inputFormat: RecordFormat | undefined, out: Output, lang: Locale): RecordFormat[] | undefined {
  const formats: RecordFormat[] = [];
  for (const source of sources) {
    const format = inputFormat ?? formatOfPath(source);
    if (format === undefined) {
      out.err(wordsOf(lang).cli.unknownInputFormat(source));
      return undefined;
    }
    formats.push(format);
  }
  return formats;
}
