/**
 * League tables: per period, per group, units ordered by the standard's direction, ties by policy
 * (competition 1,2,2,4 · dense 1,2,2,3 · ordinal · fractional 1,2.5,2.5,4), declared tie-breakers,
 * units with too few inspections listed unranked with the reason, and the change since last period.
 */
import type { TracedLine, UnitPeriodResult } from '../aggregate/aggregate.js';
import type { Period } from '../aggregate/periods.js';
import { roundPoints } from '../points.js';
import type { TIE_BREAKERS } from '../standard/ranking-schema.js';
import { pushTo } from '../collections.js';

export type TiePolicy = 'competition' | 'dense' | 'ordinal' | 'fractional';
export type TieBreaker = (typeof TIE_BREAKERS)[number];
/** `too_large`: the period score would pass the exact range of points, so it is refused (aggregate.ts). */
export type UnrankedReason = 'no_inspection' | 'too_few_inspections' | 'indeterminate' | 'too_large';

export interface RankOptions {
  /** higher: deduct and award modes; lower: accumulate (penalty points). */
  readonly better: 'higher' | 'lower';
  readonly ties?: TiePolicy;
  readonly tieBreakers?: readonly TieBreaker[];
  /** Rank within each value of `unit.group[groupBy]` (a grade, a street). */
  readonly groupBy?: string;
  readonly minInspections?: number;
}

export interface TableRow {
  readonly result: UnitPeriodResult;
  /** null when unranked. */
  readonly rank: number | null;
  readonly unranked?: UnrankedReason;
  /** Places moved since the previous period (positive = up), null when not ranked in both. */
  readonly change: number | null;
  /** The 一票否决 lines of the period, one per veto (its first time): every table shows them on the row. */
  readonly vetoes: readonly TracedLine[];
}

export interface GroupTable {
  /** The group's value (高一), or '' when not grouped. */
  readonly group: string;
  readonly rows: readonly TableRow[];
}

export interface LeagueTable {
  readonly period: Period;
  readonly groups: readonly GroupTable[];
}


/**
 * Ranks every period's results; tables come out in period order.
 *
 * @example
 * ```ts
 * import { rankUnits, type UnitPeriodResult } from 'scoresheet/league';
 *
 * declare const results: UnitPeriodResult[]; // from aggregateScorecards
 * const tables = rankUnits(results, { better: 'higher', ties: 'competition', groupBy: 'grade' });
 * console.log(tables.length);
 * ```
 */
export function rankUnits(results: readonly UnitPeriodResult[], options: RankOptions): LeagueTable[] {
  const byPeriod = new Map<string, UnitPeriodResult[]>();
  const periods = new Map<string, Period>();
  for (const r of results) {
    periods.set(r.period.key, r.period);
    pushTo(byPeriod, r.period.key, r);
  }
  const tables: LeagueTable[] = [];
  let previous = new Map<string, number>();
  for (const key of [...periods.keys()].sort()) {
    const groups = new Map<string, UnitPeriodResult[]>();
    for (const r of byPeriod.get(key)!) {
      const group = options.groupBy ? String(r.unit.group?.[options.groupBy] ?? '') : '';
      pushTo(groups, group, r);
    }
    const current = new Map<string, number>();
    // Groups keep the order in which their units first appear (the roster's order), not 一 < 三 < 二.
    const groupTables = [...groups.entries()]
      .map(([group, members]) => {
        const rows = rankGroup(members, options, previous);
        for (const row of rows) if (row.rank !== null) current.set(row.result.unit.id, row.rank);
        return { group, rows };
      });
    tables.push({ period: periods.get(key)!, groups: groupTables });
    previous = current;
  }
  return tables;
}

function rankGroup(members: readonly UnitPeriodResult[], options: RankOptions, previous: ReadonlyMap<string, number>): TableRow[] {
  const min = options.minInspections ?? 1;
  const ranked: UnitPeriodResult[] = [];
  const unranked: TableRow[] = [];
  for (const r of members) {
    const reason: UnrankedReason | undefined =
      r.inspections === 0 ? 'no_inspection' : r.score === null ? (r.unscored === 'too_large' ? 'too_large' : 'indeterminate') : r.inspections < min ? 'too_few_inspections' : undefined;
    if (reason) unranked.push({ result: r, rank: null, unranked: reason, change: null, vetoes: vetoesOf(r) });
    else ranked.push(r);
  }
  const compare = comparator(options);
  ranked.sort((a, b) => compare(a, b) || (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0));
  const ranks = assignRanks(ranked, compare, options.ties ?? 'competition');
  const rows: TableRow[] = ranked.map((result, i) => {
    const before = previous.get(result.unit.id);
    const rank = ranks[i]!;
    return { result, rank, change: before === undefined ? null : before - rank, vetoes: vetoesOf(result) };
  });
  unranked.sort((a, b) => (a.result.unit.id < b.result.unit.id ? -1 : 1));
  return [...rows, ...unranked];
}

/** A unit's vetoes in the period: a veto that fired in several inspections is named once, with its first date. */
function vetoesOf(result: UnitPeriodResult): TracedLine[] {
  const vetoes: TracedLine[] = [];
  if (result.vetoes === 0) return vetoes;
  const seen = new Set<string>();
  for (const line of result.lines) {
    if (line.type !== 'veto' || seen.has(line.rule)) continue;
    seen.add(line.rule);
    vetoes.push(line);
  }
  return vetoes;
}

/** Negative when `a` ranks ahead of `b`; 0 when they tie on the score and every tie-breaker. */
function comparator(options: RankOptions): (a: UnitPeriodResult, b: UnitPeriodResult) => number {
  const direction = options.better === 'higher' ? -1 : 1;
  const breakers = options.tieBreakers ?? [];
  return (a, b) => {
    const byScore = direction * (roundPoints(a.score!) - roundPoints(b.score!));
    if (byScore !== 0) return byScore;
    for (const breaker of breakers) {
      let d = 0;
      switch (breaker) {
        case 'fewer-vetoes':
          d = a.vetoes - b.vetoes;
          break;
        case 'fewer-deductions':
          d = a.deductions - b.deductions;
          break;
        case 'better-latest':
          d = direction * (roundPoints(a.latest?.total ?? 0) - roundPoints(b.latest?.total ?? 0));
          break;
        case 'more-inspections':
          d = b.inspections - a.inspections;
          break;
      }
      if (d !== 0) return d;
    }
    return 0;
  };
}

/**
 * Ranks for an already sorted list, by tie policy.
 *
 * @example
 * ```ts
 * import { assignRanks } from 'scoresheet/league';
 *
 * const scores = [98, 95, 95, 90];
 * console.log(assignRanks(scores, (a, b) => b - a, 'competition')); // [1, 2, 2, 4]
 * ```
 */
export function assignRanks<T>(sorted: readonly T[], compare: (a: T, b: T) => number, policy: TiePolicy): number[] {
  const ranks: number[] = [];
  let dense = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (policy !== 'ordinal' && j < sorted.length && compare(sorted[i]!, sorted[j]!) === 0) j++;
    dense++;
    for (let k = i; k < j; k++) {
      switch (policy) {
        case 'competition':
          ranks.push(i + 1);
          break;
        case 'dense':
          ranks.push(dense);
          break;
        case 'ordinal':
          ranks.push(k + 1);
          break;
        case 'fractional':
          ranks.push((i + 1 + j) / 2);
          break;
      }
    }
    i = j;
  }
  return ranks;
}
