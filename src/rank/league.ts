/**
 * The whole comparison for one standard: scorecards → unit-period results → ranked tables per
 * group → awards, boards, warnings and streaks. Options not given come from the standard's
 * `ranking:` section.
 */
import { aggregateScorecards, type UnitPeriodResult } from '../aggregate/aggregate.js';
import type { Calendar, PeriodUnit } from '../aggregate/periods.js';
import type { UnitRef } from '../record-schema.js';
import type { Scorecard } from '../score/scorecard.js';
import type { Standard } from '../standard/schema.js';
import { RankingSchema } from '../standard/ranking-schema.js';
import { awardStreaks, giveAwards, lastWarnings, makeBoards, type Boards, type GroupAwards, type LastWarning, type Streak } from './awards.js';
import { rankUnits, type LeagueTable, type TiePolicy } from './rank.js';

export interface LeagueOptions {
  readonly period: PeriodUnit;
  readonly groupBy?: string;
  readonly ties?: TiePolicy;
  readonly units?: readonly UnitRef[];
  readonly calendar?: Calendar;
}

export interface League {
  readonly standard: string;
  readonly period: PeriodUnit;
  readonly groupBy?: string;
  readonly results: readonly UnitPeriodResult[];
  readonly tables: readonly LeagueTable[];
  readonly awards: readonly GroupAwards[];
  readonly boards: readonly Boards[];
  readonly warnings: readonly LastWarning[];
  readonly streaks: readonly Streak[];
}

/**
 * @example
 * ```ts
 * import { buildLeague, type Scorecard, type Standard } from 'scoresheet';
 *
 * declare const standard: Standard;
 * declare const scorecards: Scorecard[];
 * const league = buildLeague(standard, scorecards, { period: 'week', groupBy: 'grade' });
 * for (const table of league.tables) console.log(table.period.key);
 * ```
 */
export function buildLeague(standard: Standard, scorecards: readonly Scorecard[], options: LeagueOptions): League {
  const ranking = standard.ranking ?? RankingSchema.parse({});
  const calendar = options.calendar ?? standard.calendar;
  const results = aggregateScorecards(scorecards, {
    period: options.period,
    method: ranking.aggregate,
    mode: standard.scoring.mode,
    frequency: ranking.frequency,
    ...(ranking.base !== undefined ? { base: ranking.base } : {}),
    ...(options.units ? { units: options.units } : {}),
    ...(calendar ? { calendar } : {}),
  });
  const tables = rankUnits(results, {
    better: standard.scoring.mode === 'accumulate' ? 'lower' : 'higher',
    ties: options.ties ?? ranking.ties,
    tieBreakers: ranking.tieBreakers,
    minInspections: ranking.minInspections,
    ...(options.groupBy ? { groupBy: options.groupBy } : {}),
  });
  const awards = giveAwards(tables, ranking.awards);
  return {
    standard: `${standard.id}@${standard.version}`,
    period: options.period,
    ...(options.groupBy ? { groupBy: options.groupBy } : {}),
    results,
    tables,
    awards,
    boards: ranking.boards ? makeBoards(tables, ranking.boards, standard.scoring.mode) : [],
    warnings: ranking.lastWarning ? lastWarnings(tables, ranking.lastWarning) : [],
    streaks: awardStreaks(awards, tables.map((t) => t.period.key), ranking.streak),
  };
}
