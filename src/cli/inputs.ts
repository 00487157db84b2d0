/** Reading record files (or stdin) for every command that takes records: the formats, the encoding. */
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { findingAssigner, type Roster } from '../aggregate/responsibility.js';
import { parseRosterText } from '../aggregate/roster-file.js';
import type { Locale } from '../messages/types.js';
import type { StreamItem } from '../records/read.js';
import { CsvMappingError } from '../records/csv.js';
import type { TextEncodingName } from '../records/decode.js';
import { loadMapping, type CsvMapping } from '../records/mapping.js';
import type { ReadResult, RecordFormat } from '../records/read.js';
import { readRecords } from '../records/records.js';
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
    let mapping = options.mapping;
    if (format === 'csv' && mapping === undefined && options.map !== undefined) {
      const loaded = await loadMapping(options.map);
      if (!loaded.ok) return { error: loaded.errors.join('\n') };
      mapping = loaded.mapping;
    }
    return readRecords(bytes, { ...read, format, ...(mapping ? { mapping } : {}), ...(options.encoding ? { encoding: options.encoding } : {}) });
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

/** Reads --units and --roster into one Roster; `{ error }` when a file is unreadable. */
export async function loadRoster(options: RosterOptions): Promise<Roster | { error: string }> {
  const roster: { units?: Roster['units']; areas?: Roster['areas'] } = {};
  for (const [path, what] of [[options.roster, 'roster'], [options.units, 'units']] as const) {
    if (!path) continue;
    try {
      const parsed = parseRosterText(await readFile(path, 'utf8'), path.toLowerCase().endsWith('.csv') ? 'csv' : 'yaml');
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
