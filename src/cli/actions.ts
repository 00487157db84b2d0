/**
 * `scoresheet actions --standard S [records…|-] [--as-of DATE]`: the rectification ledger (整改台账).
 * Exit 0: nothing overdue and every record read; 1: something overdue, or records rejected (a CI
 * gate); 2: could not run.
 */
import type { Readable } from 'node:stream';
import { scoreHistory } from '../history/history.js';
import type { Locale } from '../messages/locales.js';
import { wordsOf } from '../messages/locales.js';
import type { TextEncodingName } from '../records/decode.js';
import { formatOfPath, type RecordFormat } from '../records/read.js';
import type { LocatedRecord } from '../records/validate.js';
import { countLedger, formatLedger, type LedgerFormat } from '../report/actions.js';
import { RecordIds } from '../score/batch.js';
import { assignStream, loadRoster, recordItems, SourceError, type RosterOptions } from './inputs.js';
import type { Output } from './io.js';
import { DEFAULT_MAX_PROBLEMS, problemPrinter } from './problems.js';
import { itemNamer, loadStandardSet, standardLoadOptions } from './standards.js';

export interface ActionsOptions extends RosterOptions {
  readonly standards: readonly string[];
  readonly format: LedgerFormat;
  readonly lang: Locale;
  /** The day the ledger is as of (YYYY-MM-DD; default: today, on this machine's clock); records after it are not read. */
  readonly asOf?: string;
  readonly inputFormat?: RecordFormat;
  readonly encoding?: TextEncodingName;
  /** A CSV's map (`--map`; read with the first CSV): an office's 复查 sheet read as it is (docs/records.md). */
  readonly map?: string;
  /** xlsx: the sheet to read (`--sheet`). */
  readonly sheet?: string;
  readonly allowRoot?: readonly string[];
  readonly maxProblems?: number;
  readonly maxRecordBytes?: number;
  readonly maxFileBytes?: number;
}

/** Today on the machine's own clock (a clerk in Beijing at 07:00 means today, not UTC's yesterday). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function runActions(inputs: readonly string[], options: ActionsOptions, out: Output, stdin: Readable): Promise<number> {
  const set = await loadStandardSet(options.standards, standardLoadOptions(options), out);
  if (!set) return 2;
  const roster = await loadRoster(options, options.lang);
  if ('error' in roster) {
    out.err(roster.error);
    return 2;
  }
  const problems = problemPrinter(out, options.maxProblems ?? DEFAULT_MAX_PROBLEMS, options.lang);
  const ids = new RecordIds();
  const located: LocatedRecord[] = [];
  let rejected = false;
  try {
    for (const source of inputs.length === 0 ? ['-'] : inputs) {
      const format = options.inputFormat ?? formatOfPath(source);
      if (format === undefined) {
        out.err(wordsOf(options.lang).cli.unknownInputFormat(source));
        return 2;
      }
      const records = recordItems(source, format, { ...options, precheck: set.precheck }, stdin);
      for await (const item of assignStream(records, roster, options.lang)) {
        const duplicate = 'record' in item ? ids.duplicate(item, options.lang) : undefined;
        const diagnostics = 'record' in item ? (duplicate ? [duplicate] : []) : item.diagnostics;
        for (const d of diagnostics) problems.print(d);
        if (diagnostics.length > 0) rejected = true;
        else if ('record' in item) located.push(item);
      }
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    problems.end();
    out.err(error.message);
    return 2;
  }
  const asOf = options.asOf ?? today();
  const { results, ledger } = scoreHistory((record) => set.select(record), located.map((l) => l.record), { asOf, locale: options.lang, sources: located.map((l) => l.source) });
  results.forEach((result, i) => {
    if (result === undefined || result.ok) return;
    rejected = true;
    for (const d of result.diagnostics) problems.print(d);
  });
  problems.end();
  out.out(formatLedger(ledger, { format: options.format, locale: options.lang, asOf, names: itemNamer(set, options.lang) }));
  return countLedger(ledger).overdue > 0 || rejected ? 1 : 0;
}
