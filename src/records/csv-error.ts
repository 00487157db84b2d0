/**
 * Where csv-parse stopped on a syntax error, as a line of the file. csv-parse looks at a CRLF inside a
 * quoted cell one character at a time and counts it as two lines (a CRLF that ends a record is one), so
 * its `lines` and the "at line N" of its message run one line past the file per such CRLF before the
 * error. The text is read again up to the error, keeping each record's raw text (csv-parse's `raw`, in
 * which a record-ending CRLF is kept as its CR alone), and those CRLFs are taken off. Only on the error
 * path: reading raw text costs time a good file never pays.
 */
import { CsvError, parse, type Options } from 'csv-parse/sync';
import { csvFailure, type LibraryFailure } from '../messages/library.js';

/** The CRLFs in a text (a record's raw text, a cell): inside a quoted cell, csv-parse counts each as two lines. */
export function crlfs(text: unknown): number {
  if (typeof text !== 'string') return 0;
  let n = 0;
  for (let i = text.indexOf('\r\n'); i !== -1; i = text.indexOf('\r\n', i + 2)) n++;
  return n;
}

/**
 * csv-parse's failure on `text` (read with `options`) with the line it stopped on counted as the file's
 * lines (none when it is not a CsvError), and its message's "line N" said with that line: the library's
 * words otherwise as they were, so the message never contradicts the position beside it.
 */
export function csvSyntaxError(error: unknown, text: string, options: Options): { line: number | undefined; failure: LibraryFailure } {
  const failure = csvFailure(error);
  if (!(error instanceof CsvError)) return { line: undefined, failure };
  const said = (error as CsvError & { lines?: number }).lines ?? 1;
  let doubled = 0;
  try {
    parse(text, {
      ...options,
      raw: true,
      on_record: (_record: unknown, context: { raw?: string }) => {
        doubled += crlfs(context.raw);
        return null;
      },
    });
  } catch (again) {
    // The same text and options fail at the same place; its raw is the failing record up to there.
    if (again instanceof CsvError) doubled += crlfs((again as CsvError & { raw?: unknown }).raw);
  }
  const line = said - doubled;
  if (doubled === 0) return { line, failure };
  return { line, failure: { ...failure, detail: failure.detail.replace(new RegExp(`\\b(at|on) line ${said}\\b`), `$1 line ${line}`) } };
}
