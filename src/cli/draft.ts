/**
 * `scoresheet draft 评分表.xlsx|.csv [-o standard.yaml] [--sheet NAME]`: a score sheet → a draft
 * standard YAML (src/import/draft.ts; docs/draft.md). Warnings (a clause read as a judgement) go to
 * standard error, each naming its cell. Exit 0: written (warnings or not); 2: could not run.
 */
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { CSV_RECORD_DELIMITER } from '../records/csv-splitter.js';
import { csvSyntaxError } from '../records/csv-error.js';
import { stringify } from 'yaml';
import { renderDiagnostic, type Diagnostic } from '../diagnostics.js';
import { readSideFile } from '../files.js';
import { draftStandard, type SheetRowText } from '../import/draft.js';
import type { Locale } from '../messages/locales.js';
import { renderMessage } from '../messages/render.js';
import { DEFAULT_MAX_FILE_BYTES } from '../records/read.js';
import { readSheetTexts } from '../records/xlsx.js';
import { cannotRead } from './inputs.js';
import type { Output } from './io.js';

export interface DraftCliOptions {
  readonly output?: string;
  readonly sheet?: string;
  readonly lang: Locale;
}

/** A sheet's rows as text: an .xlsx through exceljs, anything else as CSV (UTF-8). */
/** How a score sheet's CSV is read: every row kept, an empty one too. */
const DRAFT_CSV = { relax_column_count: true, skip_empty_lines: false, record_delimiter: CSV_RECORD_DELIMITER };

async function sheetRows(path: string, bytes: Uint8Array, options: DraftCliOptions): Promise<{ file: string; rows: SheetRowText[] } | { diagnostics: readonly Diagnostic[] } | { error: string }> {
  if (extname(path).toLowerCase() === '.xlsx') {
    const read = await readSheetTexts(bytes, { file: path, locale: options.lang, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) });
    return read.ok ? { file: `${path}!${read.sheet}`, rows: read.rows } : { diagnostics: read.diagnostics };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch (error) {
    return { error: cannotRead(path, Object.assign(error as Error, { code: 'ERR_ENCODING_INVALID_ENCODED_DATA' }), options.lang) };
  }
  try {
    const records = parseCsv(text, DRAFT_CSV) as string[][];
    return { file: path, rows: records.map((cells, i) => ({ number: i + 1, cells })) };
  } catch (error) {
    // csv-parse's words, with the file's line where it stopped (it counts a quoted CRLF as two).
    if (error instanceof CsvError) return { error: renderMessage({ messageId: 'input.unreadable', data: { file: path, detail: csvSyntaxError(error, text, DRAFT_CSV).failure.detail } }, options.lang) };
    throw error;
  }
}

export async function runDraft(path: string, options: DraftCliOptions, out: Output): Promise<number> {
  const read = readSideFile(path, 'score-sheet', DEFAULT_MAX_FILE_BYTES, options.lang);
  if ('diagnostic' in read) {
    out.err(renderDiagnostic(read.diagnostic, options.lang));
    return 2;
  }
  const sheet = await sheetRows(path, read.bytes, options);
  if ('error' in sheet) {
    out.err(sheet.error);
    return 2;
  }
  if ('diagnostics' in sheet) {
    for (const d of sheet.diagnostics) out.err(renderDiagnostic(d, options.lang));
    return 2;
  }
  const name = basename(path, extname(path));
  const id = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'draft';
  const result = draftStandard(sheet.rows, { file: sheet.file, id, name, locale: options.lang });
  for (const d of result.diagnostics) out.err(renderDiagnostic(d, options.lang));
  if (result.standard === undefined) return 2;
  const yaml = stringify(result.standard, { lineWidth: 0 });
  if (options.output === undefined) {
    out.out(yaml.replace(/\n$/, ''));
    return 0;
  }
  try {
    await writeFile(options.output, yaml);
  } catch (error) {
    out.err(cannotRead(options.output, error, options.lang));
    return 2;
  }
  return 0;
}
