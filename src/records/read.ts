/**
 * Records in: JSON (one or an array), YAML (one or many documents, each one record or a list),
 * NDJSON (streamed) and CSV (see csv.ts). Every bad record is reported with its position and left
 * out; the good ones are returned exactly as they would be from a clean file.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { isNode, isSeq, LineCounter, parseAllDocuments, type Document, type YAMLSeq } from 'yaml';
import type { Locale } from '../messages/types.js';
import { DocumentPositions } from '../positions.js';
import { recordDiagnostic, withFieldLines, type RecordDiagnostic } from './diagnostics.js';
import { validateRecord, type LocatedRecord, type Precheck } from './validate.js';

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
  // logLevel 'error': yaml's warnings (a map used as a key) would reach stderr as process warnings; validation reports them.
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, logLevel: 'error' }) as Document[] | { empty: true };
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
    const many = isSeq(doc.contents);
    const value = many ? undefined : nodeValue(doc.contents, doc);
    if (!many && (value === null || value === undefined)) continue;
    // Each record of a list converted apart: an unresolved alias loses only the record that holds it.
    const values = many ? (doc.contents as YAMLSeq).items.map((node) => nodeValue(node, doc)) : [value];
    values.forEach((raw, i) => {
      const base: (string | number)[] = many ? [i] : [];
      const line = positions.atPath(base).line;
      if (raw instanceof UnreadableValue) {
        diagnostics.push(recordDiagnostic({ file, line, index: index++ }, '', { messageId: 'record.invalid', data: { detail: raw.detail } }, locale, 'record_syntax'));
        return;
      }
      const lineOf = (path: readonly (string | number)[]) => positions.atPath([...base, ...path]).line;
      const result = validateRecord(raw, withFieldLines({ file, line, index }, lineOf), locale, lineOf, options.precheck);
      if (result.ok) records.push(result.value);
      else diagnostics.push(...result.diagnostics);
      index++;
    });
  }
  return { records, diagnostics };
}

/** A YAML node that cannot become a value: an alias with no anchor, or more aliases than allowed. */
class UnreadableValue {
  constructor(readonly detail: string) {}
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

/** NDJSON: one record per line; blank lines are skipped, a bad line is reported with its number. */
export function readNdjsonRecords(text: string, options: ReadOptions = {}): ReadResult {
  const records: LocatedRecord[] = [];
  const diagnostics: RecordDiagnostic[] = [];
  const state = { index: 0 };
  text.split(/\r?\n/).forEach((lineText, i) => {
    const item = ndjsonLine(lineText, i + 1, state, options);
    if (item === undefined) return;
    if ('record' in item) records.push(item);
    else diagnostics.push(...item.diagnostics);
  });
  return { records, diagnostics };
}

export type StreamItem = LocatedRecord | { diagnostics: RecordDiagnostic[] };

/** NDJSON from a stream: each record is yielded as soon as its line has arrived. */
export async function* streamNdjsonRecords(input: Readable, options: ReadOptions = {}): AsyncGenerator<StreamItem> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  const state = { index: 0 };
  let number = 0;
  for await (const lineText of lines) {
    number++;
    const item = ndjsonLine(lineText, number, state, options);
    if (item !== undefined) yield item;
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
