/**
 * `scoresheet settle --standard S [records…|-] [--month YYYY-MM]`: the monthly settlement of charges
 * (每月考评兑现, 000:135): what the findings cost each party, per month, exactly.
 * Exit 0: every record scored; 1: some rejected; 2: could not run.
 */
import type { Readable } from 'node:stream';
import { scoreHistoryStream } from '../history/stream.js';
import { settleCharges } from '../history/settle.js';
import type { Locale } from '../messages/locales.js';
import { wordsOf } from '../messages/locales.js';
import type { TextEncodingName } from '../records/decode.js';
import { formatOfPath, type RecordFormat } from '../records/read.js';
import { formatSettlement, type SettlementFormat } from '../report/settle.js';
import { RecordIds } from '../score/batch.js';
import type { Scorecard } from '../score/scorecard.js';
import { ndjsonIdCheck, recordItems, SourceError } from './inputs.js';
import type { Output } from './io.js';
import { DEFAULT_MAX_PROBLEMS, problemPrinter } from './problems.js';
import { loadStandardSet, standardLoadOptions } from './standards.js';

export interface SettleOptions {
  readonly standards: readonly string[];
  readonly format: SettlementFormat;
  readonly lang: Locale;
  /** Only this month (YYYY-MM). */
  readonly month?: string;
  readonly inputFormat?: RecordFormat;
  readonly encoding?: TextEncodingName;
  readonly allowRoot?: readonly string[];
  readonly maxProblems?: number;
  readonly maxRecordBytes?: number;
  readonly maxFileBytes?: number;
}

export async function runSettle(inputs: readonly string[], options: SettleOptions, out: Output, stdin: Readable): Promise<number> {
  const set = await loadStandardSet(options.standards, standardLoadOptions(options), out);
  if (!set) return 2;
  const problems = problemPrinter(out, options.maxProblems ?? DEFAULT_MAX_PROBLEMS, options.lang);
  // Only what the settlement needs is kept of each scorecard: its date and charges.
  const charged: Pick<Scorecard, 'date' | 'charges'>[] = [];
  let rejected = false;
  try {
    for (const source of inputs.length === 0 ? ['-'] : inputs) {
      const format = options.inputFormat ?? formatOfPath(source);
      if (format === undefined) {
        out.err(wordsOf(options.lang).cli.unknownInputFormat(source));
        return 2;
      }
      const records = recordItems(source, format, { ...options, precheck: set.precheck }, stdin);
      const ids = new RecordIds(source === '-' ? {} : { verify: ndjsonIdCheck(options.maxRecordBytes) });
      for await (const item of scoreHistoryStream(set, records, options.lang, ids)) {
        if ('scorecard' in item) {
          if (item.scorecard.charges !== undefined && item.scorecard.charges.length > 0) charged.push({ date: item.scorecard.date, charges: item.scorecard.charges });
        } else {
          rejected = true;
          for (const d of item.diagnostics) problems.print(d);
        }
      }
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    problems.end();
    out.err(error.message);
    return 2;
  }
  problems.end();
  out.out(formatSettlement(settleCharges(charged, options.month), { format: options.format, locale: options.lang, ...(options.month !== undefined && { month: options.month }) }));
  return rejected ? 1 : 0;
}
