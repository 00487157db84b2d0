/** Reading record files (or stdin) for every command that takes records: the formats, the encoding. */
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { findingAssigner, type Roster } from '../aggregate/responsibility.js';
import { parseRosterText } from '../aggregate/roster-file.js';
import { formatDiagnostic } from '../diagnostics.js';
import { MAX_ROSTER_BYTES, readSideFile } from '../files.js';
import type { Locale } from '../messages/types.js';
import type { StreamItem } from '../records/read.js';
import { CsvMappingError, readCsvRecords } from '../records/csv.js';
import { decodeText, type TextEncodingName } from '../records/decode.js';
import { loadMapping, type CsvMapping } from '../records/mapping.js';
import { readDocumentRecords, readNdjsonRecords, type ReadResult, type RecordFormat } from '../records/read.js';
import type { LocatedRecord, Precheck } from '../records/validate.js';
import type { RecordDiagnostic } from '../records/diagnostics.js';

export interface SourceOptions {
  readonly lang: Locale;
  readonly encoding?: TextEncodingName;
  readonly map?: string;
  /** A CSV mapping already loaded (wins over `map`). */
  readonly mapping?: CsvMapping;
  /** The standards' checks for records that fail the record schema (StandardSet.precheck). */
  readonly precheck?: Precheck;
}

/** Reads one source completely; an unreadable file is `{ error }` (the command exits 2). */
export async function readRecordSource(source: string, format: RecordFormat, options: SourceOptions, stdin: Readable): Promise<ReadResult | { error: string }> {
  let bytes: Buffer;
  try {
    bytes = source === '-' ? await readAll(stdin) : await readFile(source);
  } catch (error) {
    return { error: `cannot read ${source}: ${(error as Error).message}` };
  }
  const file = source === '-' ? '<stdin>' : source;
  const read = { file, locale: options.lang, ...(options.precheck ? { precheck: options.precheck } : {}) };
  try {
    const { text } = decodeText(bytes, options.encoding);
    switch (format) {
      case 'json':
      case 'yaml':
        return readDocumentRecords(text, read);
      case 'ndjson':
        return readNdjsonRecords(text, read);
      case 'csv': {
        let mapping = options.mapping;
        if (mapping === undefined && options.map !== undefined) {
          const loaded = await loadMapping(options.map, options.lang);
          if (!loaded.ok) return { error: loaded.errors.join('\n') };
          mapping = loaded.mapping;
        }
        return readCsvRecords(text, mapping, read);
      }
    }
  } catch (error) {
    if (error instanceof CsvMappingError) return { error: error.message };
    return { error: `cannot read ${source}: ${(error as Error).message}` };
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
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
    try {
      const parsed = parseRosterText(read.bytes.toString('utf8'), path.toLowerCase().endsWith('.csv') ? 'csv' : 'yaml');
      if (!parsed.ok) return { error: `cannot read the ${what} file ${path}: ${parsed.error}` };
      if (parsed.roster.units) roster.units = parsed.roster.units;
      if (parsed.roster.areas?.length) roster.areas = parsed.roster.areas;
    } catch (error) {
      return { error: `cannot read the ${what} file ${path}: ${(error as Error).message}` };
    }
  }
  return roster;
}

/** Charges each streamed record's findings to their units (see assignFindings), record by record. */
export async function* assignStream(items: AsyncIterable<StreamItem>, roster: Roster, locale: Locale): AsyncGenerator<StreamItem> {
  const assign = findingAssigner(roster, locale);
  for await (const item of items) {
    if (!('record' in item)) {
      yield item;
      continue;
    }
    const records: LocatedRecord[] = [];
    const diagnostics: RecordDiagnostic[] = [];
    assign(item, records, diagnostics);
    if (diagnostics.length > 0) yield { diagnostics };
    yield* records;
  }
}
