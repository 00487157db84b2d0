/**
 * Records in: JSON (one or an array), YAML (one or many documents, each one record or a list),
 * NDJSON (streamed) and CSV (see csv.ts). Every bad record is reported with its position and left
 * out; the good ones are returned exactly as they would be from a clean file.
 *
 * Memory is bounded by the input's largest record, not its size: a streamed record (an NDJSON line,
 * a CSV record) longer than `maxRecordBytes` is refused (`record_too_large`) without being held
 * whole, and the readers of whole files (JSON, YAML) refuse a file over their limit before parsing.
 */
import { isNode, isSeq, LineCounter, parseAllDocuments, parseDocument, type Document, type YAMLSeq } from 'yaml';
import type { Locale } from '../messages/locales.js';
import { DocumentPositions } from '../positions.js';
import type { Diagnostic, DiagnosticPath } from '../diagnostics.js';
import type { Position } from '../positions.js';
import { recordDiagnostic, withFieldPositions, type RecordSource } from './diagnostics.js';
import { validateRecord, type LocatedRecord, type Precheck } from './validate.js';
import { ownRecord } from './fast-record.js';
import { firstBadByte, invalidBytesMessage, StreamEncoding, type Encoding, type TextEncodingName } from './decode.js';
import { pushAll } from '../collections.js';
import { blockLines, chunkBytes, LineSplitter, type LineBlock, type SplitLine } from './line-splitter.js';
import { isUtf8 } from 'node:buffer';
import { jsonFailure } from '../messages/library.js';
import { batchedStream } from './batches.js';

export type RecordFormat = 'json' | 'yaml' | 'ndjson' | 'csv' | 'xlsx';

export interface ReadResult {
  readonly records: LocatedRecord[];
  readonly diagnostics: Diagnostic[];
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
  /** Input encoding; by default decided on the bytes as docs/records.md#formats-and-encodings says (StreamEncoding). */
  readonly encoding?: TextEncodingName;
}

/** The format a file name implies, or undefined. */
export function formatOfPath(path: string): RecordFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return undefined;
}

/** JSON and YAML, through the yaml library so every field keeps its line (JSON is YAML 1.2). */
export function readDocumentRecords(text: string, options: ReadOptions = {}): ReadResult {
  const file = options.file ?? '<inline>';
  const locale = options.locale ?? 'en';
  const records: LocatedRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  // logLevel 'error': yaml's warnings (a map used as a key) would reach stderr as process warnings; validation reports them.
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, logLevel: 'error' }) as Document[] | { empty: true };
  if (!Array.isArray(documents)) return { records, diagnostics };
  let index = 0;
  for (const doc of documents) {
    const positions = new DocumentPositions(doc, lineCounter, text);
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const at = positions.atOffset(error.pos[0]);
        diagnostics.push(recordDiagnostic({ file, line: at.line, index }, '', { messageId: 'record.yaml_syntax', data: { detail: error.message.split('\n')[0], yamlCode: error.code } }, locale, 'record_syntax', at));
      }
      index++;
      continue;
    }
    const many = isSeq(doc.contents);
    const value = many ? undefined : nodeValue(doc.contents, doc);
    if (!many && (value === null || value === undefined)) continue;
    // Each record of a list converted apart: an unresolved alias loses only the record that holds it.
    const values = many ? (doc.contents as YAMLSeq).items.map((node) => nodeValue(node, doc)) : [value];
    values.forEach((raw, i) => {
      const base: (string | number)[] = many ? [i] : [];
      const start = positions.atPath(base);
      const line = start.line;
      if (raw instanceof UnreadableValue) {
        diagnostics.push(recordDiagnostic({ file, line, index: index++ }, '', { messageId: 'record.yaml_syntax', data: { detail: raw.detail, yamlCode: raw.yamlCode } }, locale, 'record_syntax', start));
        return;
      }
      const positionOf = (path: readonly (string | number)[]) => positions.atPath([...base, ...path]);
      const result = validateRecord(raw, withFieldPositions({ file, line, index }, positionOf), locale, positionOf, options.precheck);
      if (result.ok) records.push(result.value);
      else pushAll(diagnostics, result.diagnostics);
      index++;
    });
  }
  return { records, diagnostics };
}

/** A YAML node that cannot become a value: an alias with no anchor, or more aliases than allowed. */
class UnreadableValue {
  /** yaml's code for it: an alias past the limit exhausts resources, any other names no anchor. */
  readonly yamlCode: string;
  constructor(readonly detail: string) {
    this.yamlCode = /alias count/i.test(detail) ? 'RESOURCE_EXHAUSTION' : 'BAD_ALIAS';
  }
}

function nodeValue(node: unknown, doc: Document): unknown {
  if (!isNode(node)) return node ?? null;
  try {
    return node.toJS(doc, { maxAliasCount: 100 }) as unknown;
  } catch (error) {
    if (error instanceof ReferenceError) return new UnreadableValue(error.message);
    throw error;
  }
}

/**
 * NDJSON: one record per line; blank lines are skipped, a bad line is reported with its number, and a
 * line longer than `maxRecordBytes` (in UTF-8) is refused as the byte readers refuse it.
 */
export function readNdjsonRecords(text: string, options: ReadOptions = {}): ReadResult {
  const records: LocatedRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const state = { index: 0 };
  const maxBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  text.split(/\r?\n/).forEach((lineText, i) => {
    // A UTF-16 unit is at most 3 UTF-8 bytes: most lines are told short without counting.
    const tooLarge = lineText.length * 3 > maxBytes && Buffer.byteLength(lineText) > maxBytes;
    const item = tooLarge ? tooLargeLine(i + 1, maxBytes, state, options) : ndjsonLine(lineText, i + 1, state, options);
    if (item === undefined) return;
    if ('record' in item) records.push(item);
    else pushAll(diagnostics, item.diagnostics);
  });
  return { records, diagnostics };
}

export type StreamItem = LocatedRecord | { diagnostics: Diagnostic[] };

/**
 * NDJSON from a byte stream: each record is yielded as soon as its line has arrived. A line longer
 * than `maxRecordBytes` is refused (`record_too_large`) and skipped without being held. The encoding is
 * decided as for every stream (StreamEncoding, docs/records.md#formats-and-encodings); a line with
 * bytes that do not read in it is refused (`invalid_encoding`, with its first bad byte's line and
 * offset in the input); the lines after either are read on.
 */
export function streamNdjsonRecords(input: AsyncIterable<Uint8Array | string>, options: NdjsonStreamOptions = {}): AsyncGenerator<StreamItem> {
  return batchedStream(ndjsonBatches(input, options));
}

/** streamNdjsonRecords a chunk at a time: the items of every line each chunk completes. */
async function* ndjsonBatches(input: AsyncIterable<Uint8Array | string>, options: NdjsonStreamOptions): AsyncGenerator<StreamItem[]> {
  const maxBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const decision = new StreamEncoding(options.encoding);
  const splitter = new LineSplitter(maxBytes, true);
  const state = { index: 0, line: 0 };
  const pieces: (SplitLine | LineBlock)[] = [];
  const items = (): StreamItem[] => {
    // A line beyond ASCII is complete only once its chunk has been seen, so the encoding is decided by then.
    const encoding = decision.encoding ?? 'utf-8';
    const out: StreamItem[] = [];
    for (const piece of pieces) ndjsonPiece(piece, encoding, maxBytes, state, options, out);
    pieces.length = 0;
    return out;
  };
  for await (const chunk of input) {
    const bytes = chunkBytes(chunk);
    if (decision.encoding === undefined) decision.push(bytes);
    splitter.push(bytes, pieces);
    const out = items();
    if (out.length > 0) yield out;
  }
  // The input has ended: the encoding is decided on all of it, and the last line may lack its LF.
  decision.end();
  splitter.end(pieces);
  const out = items();
  if (out.length > 0) yield out;
}

/**
 * NDJSON bytes held whole (readRecords): the encoding decided on them as a stream's is
 * (StreamEncoding), and every line read as streamNdjsonRecords reads it — `record_too_large`,
 * `invalid_encoding` with its byte offset, or the record.
 */
export function readNdjsonBytes(bytes: Uint8Array, options: NdjsonStreamOptions = {}): ReadResult {
  const maxBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const all = chunkBytes(bytes);
  const decision = new StreamEncoding(options.encoding);
  if (decision.encoding === undefined) decision.push(all);
  const { encoding } = decision.end();
  const result: ReadResult = { records: [], diagnostics: [] };
  const state = { index: 0, line: 0 };
  const pieces: (SplitLine | LineBlock)[] = [];
  const splitter = new LineSplitter(maxBytes, true);
  splitter.push(all, pieces);
  splitter.end(pieces);
  const items: StreamItem[] = [];
  for (const piece of pieces) ndjsonPiece(piece, encoding, maxBytes, state, options, items);
  for (const item of items) {
    if ('record' in item) result.records.push(item);
    else pushAll(result.diagnostics, item.diagnostics);
  }
  return result;
}

/** What the lines read so far have taken: records' indexes and the lines' numbers. */
interface NdjsonState {
  index: number;
  line: number;
}

/**
 * A piece of the splitter's output → the items of its lines, onto `out`. A block of UTF-8 is checked
 * and decoded at once and its text cut at its line breaks, as the bytes are (a byte offset per line);
 * anything else goes line by line (ndjsonBytesLine).
 */
function ndjsonPiece(piece: SplitLine | LineBlock, encoding: Encoding, maxBytes: number, state: NdjsonState, options: ReadOptions, out: StreamItem[]): void {
  const push = (item: StreamItem | undefined) => item !== undefined && out.push(item);
  if (!('block' in piece)) return void push(ndjsonBytesLine(piece, ++state.line, encoding, maxBytes, state, options));
  const { block, offset } = piece;
  if (encoding !== 'utf-8' || !isUtf8(block)) {
    for (const line of blockLines(piece, maxBytes)) push(ndjsonBytesLine(line, ++state.line, encoding, maxBytes, state, options));
    return;
  }
  const text = block.toString('utf8');
  // Line k of the bytes is line k of the text: an LF is one byte and one character in UTF-8.
  for (let b = 0, t = 0; b < block.length; ) {
    const bEnd = block.indexOf(LF, b);
    const tEnd = text.indexOf('\n', t);
    const line = ++state.line;
    if (bEnd - b > maxBytes) push(tooLargeLine(line, maxBytes, state, options));
    else push(ndjsonLine(text.slice(t, tEnd > t && text.charCodeAt(tEnd - 1) === CR ? tEnd - 1 : tEnd), line, state, options, offset + b));
    b = bEnd + 1;
    t = tEnd + 1;
  }
}

const LF = 0x0a;
const CR = 0x0d;

/** One decoder per encoding, reused: a fatal decoder starts afresh at every decode() call. */
const decoders = new Map<Encoding, InstanceType<typeof TextDecoder>>();

/** A line's text, or undefined when its bytes do not read in the encoding. */
function decodeLine(bytes: Buffer, encoding: Encoding): string | undefined {
  if (encoding === 'utf-8') return isUtf8(bytes) ? bytes.toString('utf8') : undefined;
  let decoder = decoders.get(encoding);
  if (decoder === undefined) decoders.set(encoding, (decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true })));
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** One NDJSON line's bytes → its item: too long, bytes that do not read in the encoding (their first bad one's line and offset), or as ndjsonLine reads its text. */
function ndjsonBytesLine(line: SplitLine, number: number, encoding: Encoding, maxBytes: number, state: { index: number }, options: ReadOptions): StreamItem | undefined {
  if ('tooLarge' in line) return tooLargeLine(number, maxBytes, state, options);
  const text = decodeLine(line.bytes, encoding);
  if (text === undefined) {
    const at = { file: options.file ?? '<stdin>', line: number };
    const bad = firstBadByte(line.bytes, encoding) ?? 0;
    const invalid = { line: number, offset: line.offset + bad, byte: line.bytes[bad]!.toString(16).padStart(2, '0'), encoding };
    return { diagnostics: [recordDiagnostic({ ...at, index: state.index++ }, '', invalidBytesMessage(invalid), options.locale ?? 'en', 'invalid_encoding')] };
  }
  return ndjsonLine(text, number, state, options, line.offset);
}

/** A line longer than maxBytes: refused, never held whole. */
function tooLargeLine(number: number, maxBytes: number, state: { index: number }, options: ReadOptions): StreamItem {
  const at = { file: options.file ?? '<stdin>', line: number, index: state.index++ };
  return { diagnostics: [recordDiagnostic(at, '', { messageId: 'record.too_large', data: { limit: maxBytes } }, options.locale ?? 'en', 'record_too_large')] };
}

function ndjsonLine(lineText: string, line: number, state: { index: number }, options: ReadOptions, offset?: number): StreamItem | undefined {
  const file = options.file ?? '<stdin>';
  const locale = options.locale ?? 'en';
  const text = line === 1 ? lineText.replace(/^\uFEFF/, '') : lineText;
  // A blank line is skipped; only a line that starts with white space can be one (no trimmed copy of every line).
  if (text.length === 0 || ((text.charCodeAt(0) <= 0x20 || text.charCodeAt(0) >= 0x80) && text.trim() === '')) return undefined;
  const index = state.index++;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const failure = jsonFailure(error);
    const column = jsonErrorColumn(failure.detail, text.length);
    return { diagnostics: [recordDiagnostic({ file, line, index }, '', { messageId: 'record.json_syntax', data: { ...failure } }, locale, 'record_syntax', { line, column: column + (text === lineText ? 0 : 1) })] };
  }
  const source = new NdjsonSource(file, line, index, text, text === lineText ? 0 : 1);
  // The value is JSON.parse's, for this line alone: the record itself when it plainly passes (ownRecord).
  const record = ownRecord(raw);
  if (record !== undefined) return offset === undefined ? { record, source } : { record, source, offset };
  const result = validateRecord(raw, source, locale, undefined, options.precheck);
  if (!result.ok) return { diagnostics: result.diagnostics };
  return offset === undefined ? result.value : { record: result.value.record, source, offset };
}

/** The 1-based column JSON.parse's message names (`at position 12`), where the text ends (`end of JSON input`), else 1. */
function jsonErrorColumn(detail: string, length: number): number {
  const position = /at position (\d+)/.exec(detail);
  if (position !== null) return Number(position[1]) + 1;
  return /end of JSON/.test(detail) ? length + 1 : 1;
}

/**
 * An NDJSON record's source: `{ file, line, index }` as JSON. Its fields' columns are found only when
 * a record has a problem (positionOfField asks `positionOf`): the line read again as YAML (JSON is
 * YAML 1.2), whose nodes know their columns; `shift` counts a BOM taken off. One object per record,
 * its method on the prototype: no closure or property defined per record.
 */
class NdjsonSource implements RecordSource {
  readonly #text: string;
  readonly #shift: number;
  #positions: DocumentPositions | undefined;

  constructor(
    readonly file: string,
    readonly line: number,
    readonly index: number,
    text: string,
    shift: number,
  ) {
    this.#text = text;
    this.#shift = shift;
  }

  positionOf(path: DiagnosticPath): Position {
    if (this.#positions === undefined) {
      const text = this.#text;
      const lineCounter = new LineCounter();
      this.#positions = new DocumentPositions(parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: 'silent' }), lineCounter, text);
    }
    return { line: this.line, column: this.#positions.atPath(path).column + this.#shift };
  }
}
