/**
 * `scoresheet settle --standard S [records…|-] [--month YYYY-MM]`: the monthly settlement of charges
 * (每月考评兑现, 000:135): what the findings cost each party, per month, exactly.
 * Exit 0: every record scored; 1: some rejected; 2: could not run.
 */
import type { Readable } from 'node:stream';
import { scoreHistoryStream } from '../history/stream.js';
import { settleCharges } from '../history/settle.js';
import { formatSettlement, type SettlementFormat } from '../report/settle.js';
import { RecordIds } from '../score/batch.js';
import type { Scorecard } from '../score/scorecard.js';
import { ndjsonIdCheck, recordItems, SourceError, sourceFormats } from './inputs.js';
import type { Output } from './io.js';
import { DEFAULT_MAX_PROBLEMS, problemPrinter } from './problems.js';
import { loadStandardSet, standardLoadOptions } from './standards.js';
import type { ActionsOptions } from './actions.js';
import { supersededIds } from '../score/scorecard.js';

/** As `actions` reads records (standards, input format, encoding, limits), with a month instead of a day. */
export interface SettleOptions extends Omit<ActionsOptions, 'format' | 'asOf'> {
  readonly format: SettlementFormat;
  /** Only this month (YYYY-MM). */
  readonly month?: string;
}

export async function runSettle(inputs: readonly string[], options: SettleOptions, out: Output, stdin: Readable): Promise<number> {
  const set = await loadStandardSet(options.standards, standardLoadOptions(options), out);
  if (!set) return 2;
  const problems = problemPrinter(out, options.maxProblems ?? DEFAULT_MAX_PROBLEMS, options.lang);
  // Only what the settlement needs is kept of each scorecard: its date and charges.
  const sources = inputs.length === 0 ? ['-'] : inputs;
  const formats = sourceFormats(sources, options.inputFormat, out, options.lang);
  if (formats === undefined) return 2;
  const read = async function* () {
    for (let i = 0; i < sources.length; i++) yield* recordItems(sources[i]!, formats[i]!, { ...options, precheck: set.precheck }, stdin);
  };
  // Only what the settlement needs is kept of each scorecard: its unit, date, charges, and what it supersedes.
  const charged: Pick<Scorecard, 'record' | 'supersedes' | 'unit' | 'date' | 'charges'>[] = [];
  // Every unit read, by id: a shared group charge (同罚) is split among the units its records place in the group.
  const units = new Map<string, Scorecard['unit']>();
  let rejected = false;
  try {
    for await (const item of scoreHistoryStream(set, read(), options.lang, new RecordIds({ verify: ndjsonIdCheck(options.maxRecordBytes) }))) {
      if (!('scorecard' in item)) {
        rejected = true;
        for (const d of item.diagnostics) problems.print(d);
        continue;
      }
      const { record, supersedes, unit, date, charges } = item.scorecard;
      units.set(unit.id, unit);
      if ((charges !== undefined && charges.length > 0) || supersedes !== undefined) charged.push({ ...(record !== undefined && { record }), ...(supersedes !== undefined && { supersedes }), unit, date, ...(charges !== undefined && { charges }) });
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    problems.end();
    out.err(error.message);
    return 2;
  }
  // A record another one supersedes (a corrected sheet, 复核) is not settled: its correction is.
  const superseded = supersededIds(charged);
  const settled = superseded.size === 0 ? charged : charged.filter((c) => c.record === undefined || !superseded.has(c.record));
  problems.end();
  const text = formatSettlement(settleCharges(settled, options.month, units.values()), { format: options.format, locale: options.lang, ...(options.month !== undefined && { month: options.month }) });
  // Excel on a Chinese Windows machine reads UTF-8 CSV with a BOM (as score's CSV).
  out.out(options.format === 'csv' ? '\uFEFF' + text : text);
  return rejected ? 1 : 0;
}
