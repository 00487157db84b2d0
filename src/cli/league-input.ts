/**
 * What `rank` and `report` share: the standards, roster and calendar loaded, every record source read,
 * findings charged to the units responsible, the records scored, and the league built.
 */
import { loadCalendar } from '../aggregate/calendar-file.js';
import type { Calendar, PeriodUnit } from '../aggregate/periods.js';
import { assignFindings } from '../aggregate/responsibility.js';
import { formatDiagnostic } from '../diagnostics.js';
import type { Locale } from '../messages/types.js';
import type { TextEncodingName } from '../records/decode.js';
import type { RecordDiagnostic } from '../records/diagnostics.js';
import { formatOfPath, type RecordFormat } from '../records/read.js';
import type { LocatedRecord } from '../records/validate.js';
import { buildLeague, type League } from '../rank/league.js';
import type { TiePolicy } from '../rank/rank.js';
import { scoreBatch } from '../score/batch.js';
import type { Scorecard } from '../score/scorecard.js';
import type { Standard } from '../standard/schema.js';
import { loadRoster, readRecordSource } from './inputs.js';
import type { Output } from './io.js';
import { loadStandardSet, standardLoadOptions } from './standards.js';

export interface LeagueInputOptions {
  readonly standards: readonly string[];
  readonly period: PeriodUnit;
  readonly lang: Locale;
  readonly groupBy?: string;
  readonly ties?: TiePolicy;
  readonly units?: string;
  readonly roster?: string;
  readonly calendar?: string;
  readonly inputFormat?: RecordFormat;
  readonly encoding?: TextEncodingName;
  readonly map?: string;
  /** --allow-root: folders where `extends:` may also find a base. */
  readonly allowRoot?: readonly string[];
}

export interface LeagueInput {
  /** The standard whose ranking rules apply: the newest edition loaded. */
  readonly standard: Standard;
  readonly league: League;
  readonly scorecards: readonly Scorecard[];
  readonly rejected: readonly RecordDiagnostic[];
  readonly calendar?: Calendar;
}

/** The league of the records in `inputs` (stdin when none); 2 when it could not be made (said on `out`). */
export async function loadLeagueInput(inputs: readonly string[], options: LeagueInputOptions, out: Output): Promise<LeagueInput | 2> {
  const set = await loadStandardSet(options.standards, standardLoadOptions(options), out);
  if (!set) return 2;
  // The newest edition's ranking rules apply to the table.
  const standard = [...set.scorers].sort((a, b) => ((a.standard.effective?.from ?? '') < (b.standard.effective?.from ?? '') ? 1 : -1))[0]!.standard;

  const roster = await loadRoster(options, options.lang);
  if ('error' in roster) {
    out.err(roster.error);
    return 2;
  }
  let calendar: Calendar | undefined;
  if (options.calendar) {
    // A bad calendar is a bad side file, as a bad roster is: every problem with its position, exit 2.
    const loaded = await loadCalendar(options.calendar, options.lang);
    if (!loaded.ok) {
      for (const d of loaded.diagnostics) out.err(formatDiagnostic(d));
      return 2;
    }
    calendar = loaded.calendar;
  }

  const records: LocatedRecord[] = [];
  const rejected: RecordDiagnostic[] = [];
  for (const source of inputs.length === 0 ? ['-'] : inputs) {
    const format = options.inputFormat ?? formatOfPath(source);
    if (format === undefined) {
      out.err(`cannot tell the format of ${source}: use --input-format json|yaml|ndjson|csv`);
      return 2;
    }
    const read = await readRecordSource(source, format, { ...options, precheck: set.precheck }, process.stdin);
    if ('error' in read) {
      out.err(read.error);
      return 2;
    }
    records.push(...read.records);
    rejected.push(...read.diagnostics);
  }
  const assigned = assignFindings(records, roster, options.lang);
  rejected.push(...assigned.diagnostics);
  const batch = scoreBatch(set, assigned.records, options.lang);
  rejected.push(...batch.diagnostics);
  const scorecards = batch.scored.map((s) => s.scorecard);

  const league = buildLeague(standard, scorecards, {
    period: options.period,
    ...(options.groupBy ? { groupBy: options.groupBy } : {}),
    ...(options.ties ? { ties: options.ties } : {}),
    ...(roster.units ? { units: roster.units } : {}),
    ...(calendar ? { calendar } : {}),
  });
  return { standard, league, scorecards, rejected, ...(calendar ? { calendar } : {}) };
}

/** How many records were rejected (a record may have several diagnostics). */
export function rejectedRecordCount(rejected: readonly RecordDiagnostic[]): number {
  return new Set(rejected.map((d) => `${d.file}#${d.index}`)).size;
}
