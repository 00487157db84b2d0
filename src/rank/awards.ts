/**
 * Awards over league tables: the 流动红旗 to the best unit of each group (or every unit above a bar),
 * 红榜 / 黑榜 boards, a 末位 warning for a unit last k periods in a row, and award streaks.
 */
import { roundPoints } from '../points.js';
import { DEFAULT_EXCLUDE, type Award, type Exclusion, type ExclusionRule } from '../standard/ranking-schema.js';
import type { LeagueTable, TableRow } from './rank.js';
import { pushAll, pushTo } from '../collections.js';

export interface GroupAwards {
  readonly period: string;
  readonly group: string;
  readonly award: string;
  /** Unit ids that hold the award for this period. */
  readonly holders: readonly string[];
  /**
   * Why nobody holds it: a tie the award does not share, no unit reached the minimum, or only
   * units it excludes (`exclude`: a veto, a failed inspection) did.
   */
  readonly none?: 'tie' | 'below_minimum' | 'excluded';
  /** Ranked units the award passed over for its `exclude` (a unit with a veto, by default). */
  readonly excluded?: readonly string[];
  /** Units that reached the award but tied at its last place under `ties: none`, or over their group's `quota`. */
  readonly passedOver?: readonly string[];
}

/**
 * Whether an exclusion rule in object form holds for a unit in a period: what its inspections (in this
 * standard or, with `standard`, another one) say. Built by `buildLeague` from the scorecards.
 */
export type ExclusionCheck = (rule: ExclusionRule, unit: string, period: string) => boolean;

export interface Boards {
  readonly period: string;
  readonly group: string;
  /** 红榜: best first. */
  readonly top: readonly string[];
  /** 黑榜: worst first. */
  readonly bottom: readonly string[];
}

export interface LastWarning {
  readonly unit: string;
  readonly group: string;
  /** The consecutive periods (keys) the unit was last in, ending with the latest. */
  readonly periods: readonly string[];
}

export interface Streak {
  readonly unit: string;
  readonly award: string;
  readonly group: string;
  readonly periods: readonly string[];
}


/**
 * @example
 * ```ts
 * import { giveAwards, type Award, type LeagueTable } from 'scoresheet/league';
 *
 * declare const tables: LeagueTable[];
 * declare const awards: Award[]; // a standard's ranking.awards
 * for (const given of giveAwards(tables, awards)) console.log(given.award);
 * ```
 */
export function giveAwards(tables: readonly LeagueTable[], awards: readonly Award[], check?: ExclusionCheck): GroupAwards[] {
  const out: GroupAwards[] = [];
  for (const table of tables) {
    for (const award of awards) {
      if (award.period !== table.period.unit) continue;
      for (const group of table.groups) out.push(awardGroup(table.period.key, group.group, group.rows, award, check));
    }
  }
  return out;
}

/**
 * Whether a unit's period keeps it from an award or the 红榜 (see `exclude` in the ranking schema).
 * A rule in object form needs `check` (what the scorecards say); without it, it excludes nobody.
 */
export function isExcluded(row: TableRow, exclude: readonly Exclusion[], check?: ExclusionCheck): boolean {
  return exclude.some((reason) =>
    reason === 'veto' ? row.result.vetoes > 0 : reason === 'fail' ? row.result.verdicts.fail > 0 : check !== undefined && check(reason, row.result.unit.id, row.result.period.key),
  );
}

function awardGroup(period: string, group: string, rows: readonly TableRow[], award: Award, check?: ExclusionCheck): GroupAwards {
  const eligible: TableRow[] = [];
  const excluded: TableRow[] = [];
  for (const row of rows) if (row.rank !== null) (isExcluded(row, award.exclude, check) ? excluded : eligible).push(row);
  const qualifies = (r: TableRow) => award.min === undefined || roundPoints(r.result.score!) >= roundPoints(award.min);
  const given = (holders: string[], none?: GroupAwards['none'], passedOver: readonly string[] = []) => groupAwards(period, group, award.id, excluded, holders, none, passedOver);
  let candidates = eligible;
  if (award.winners === 'best') {
    candidates = eligible.filter((r) => r.rank === eligible[0]?.rank);
    if (candidates.length > 1 && award.ties === 'none' && award.quota === undefined) return given([], 'tie');
  }
  const { holders, passedOver, tie } = byPlace(candidates.filter(qualifies), award);
  if (holders.length > 0) return given(holders, undefined, passedOver);
  if (tie) return given(holders, 'tie', passedOver);
  // Nobody eligible qualifies: say so only when an excluded unit would have, else it is the minimum.
  return given(holders, excluded.some(qualifies) ? 'excluded' : 'below_minimum');
}

/**
 * One GroupAwards, its optional keys added in their order by assignment: objects spread together
 * (`{ ...base, holders, ...more }`) each got a V8 map of their own.
 */
function groupAwards(period: string, group: string, award: string, excluded: readonly TableRow[], holders: string[], none: GroupAwards['none'], passedOver: readonly string[]): GroupAwards {
  const out: Record<string, unknown> = { period, group, award };
  if (excluded.length > 0) out.excluded = excluded.map((r) => r.result.unit.id);
  out.holders = holders;
  if (none !== undefined) out.none = none;
  if (passedOver.length > 0) out.passedOver = passedOver;
  return out as unknown as GroupAwards;
}

/**
 * The holders among qualifying units in rank order, place by place (tied units share a place): at most
 * `count` of them (`winners: top`) and `quota.max` per quota group. A place that would overrun either
 * goes to all its units (`ties: share`) or to none of them (`ties: none`), and the award stops there.
 */
function byPlace(rows: readonly TableRow[], award: Award): { holders: string[]; passedOver: string[]; tie: boolean } {
  const limit = award.winners === 'top' ? award.count! : Infinity;
  const quotaOf = (r: TableRow) => (award.quota ? String(r.result.unit.group?.[award.quota.by] ?? '') : '');
  const taken = new Map<string, number>();
  const full = new Set<string>();
  const holders: string[] = [];
  const passedOver: string[] = [];
  let tie = false;
  for (let i = 0; i < rows.length && holders.length < limit; ) {
    let j = i + 1;
    while (j < rows.length && rows[j]!.rank === rows[i]!.rank) j++;
    const place = rows.slice(i, j);
    i = j;
    // Within the place, by quota group: a group with room for fewer than its tied units shares or refuses.
    const winners: TableRow[] = [];
    const byQuota = new Map<string, TableRow[]>();
    for (const r of place) pushTo(byQuota, quotaOf(r), r);
    for (const [q, members] of byQuota) {
      const room = award.quota ? award.quota.max - (taken.get(q) ?? 0) : Infinity;
      if (full.has(q) || room <= 0) pushAll(passedOver, members.map((r) => r.result.unit.id));
      else if (members.length <= room || award.ties === 'share') pushAll(winners, members);
      else {
        tie = true;
        full.add(q);
        pushAll(passedOver, members.map((r) => r.result.unit.id));
      }
    }
    if (holders.length + winners.length > limit && award.ties === 'none') {
      tie = true;
      pushAll(passedOver, winners.map((r) => r.result.unit.id));
      break;
    }
    for (const r of winners) {
      holders.push(r.result.unit.id);
      taken.set(quotaOf(r), (taken.get(quotaOf(r)) ?? 0) + 1);
    }
  }
  return { holders, passedOver, tie: tie && holders.length === 0 };
}

export interface BoardOptions {
  readonly top: number;
  readonly bottom: number;
  /** Units the 红榜 passes over and the 黑榜 names first (default: a unit with a veto in the period). */
  readonly exclude?: readonly Exclusion[];
}

/**
 * @example
 * ```ts
 * import { makeBoards, type BoardOptions, type LeagueTable } from 'scoresheet/league';
 *
 * declare const tables: LeagueTable[];
 * declare const boards: BoardOptions; // a standard's ranking.boards
 * console.log(makeBoards(tables, boards, 'deduct').length);
 * ```
 */
export function makeBoards(tables: readonly LeagueTable[], boards: BoardOptions, mode: 'deduct' | 'accumulate' | 'award' = 'deduct', check?: ExclusionCheck): Boards[] {
  const exclude = boards.exclude ?? DEFAULT_EXCLUDE;
  return tables.flatMap((table) =>
    table.groups.map((group) => {
      const ranked = group.rows.filter((r) => r.rank !== null);
      const excluded = new Set(ranked.filter((r) => isExcluded(r, exclude, check)));
      // The 黑榜 names those who lost points: a unit with nothing against it is never on it (in award
      // mode, where points are earned, the least awarded are the bottom whatever they lost). A unit
      // the 红榜 passes over (a veto) is worse than every other, whatever its score.
      const onBlack = mode === 'award' ? ranked : ranked.filter(lostPoints);
      const worstFirst = onBlack.filter((r) => excluded.has(r)).reverse().concat(onBlack.filter((r) => !excluded.has(r)).reverse());
      return {
        period: table.period.key,
        group: group.group,
        top: upToPlace(ranked.filter((r) => !excluded.has(r)), boards.top, (r) => r.rank),
        bottom: upToPlace(worstFirst, boards.bottom, (r) => `${excluded.has(r)} ${r.rank}`),
      };
    }),
  );
}

/** The first `n` units of a list, and every unit in the n-th's place (tied units share a place, and so the board). */
function upToPlace(rows: readonly TableRow[], n: number, place: (row: TableRow) => unknown): string[] {
  if (n <= 0) return [];
  const edge = rows[n - 1] === undefined ? undefined : place(rows[n - 1]!);
  return rows.filter((r, i) => i < n || place(r) === edge).map((r) => r.result.unit.id);
}

function lostPoints(row: TableRow): boolean {
  const r = row.result;
  return r.deductions > 0 || r.vetoes > 0 || r.shortfalls.some((s) => s.points !== 0);
}

/**
 * Units last in their group in each of the latest `k` (or more) consecutive periods.
 *
 * @example
 * ```ts
 * import { lastWarnings, type LeagueTable } from 'scoresheet/league';
 *
 * declare const tables: LeagueTable[];
 * console.log(lastWarnings(tables, 3)); // units last in their group 3 periods in a row
 * ```
 */
export function lastWarnings(tables: readonly LeagueTable[], k: number): LastWarning[] {
  const runs = new Map<string, { group: string; periods: string[] }>();
  for (const table of tables) {
    const lastThisPeriod = new Set<string>();
    for (const group of table.groups) {
      const ranked = group.rows.filter((r) => r.rank !== null);
      const worst = ranked[ranked.length - 1]?.rank;
      if (ranked.length < 2 || worst === undefined) continue;
      for (const r of ranked) {
        if (r.rank !== worst) continue;
        const id = r.result.unit.id;
        lastThisPeriod.add(id);
        const run = runs.get(id);
        runs.set(id, { group: group.group, periods: [...(run?.periods ?? []), table.period.key] });
      }
    }
    for (const id of [...runs.keys()]) if (!lastThisPeriod.has(id)) runs.delete(id);
  }
  return [...runs.entries()].filter(([, r]) => r.periods.length >= k).map(([unit, r]) => ({ unit, group: r.group, periods: r.periods }));
}

/**
 * Units that held an award in at least `length` consecutive periods up to the latest.
 *
 * @example
 * ```ts
 * import { awardStreaks, giveAwards, type Award, type LeagueTable } from 'scoresheet/league';
 *
 * declare const tables: LeagueTable[];
 * declare const awards: Award[];
 * console.log(awardStreaks(giveAwards(tables, awards), tables.map((t) => t.period.key), 3));
 * ```
 */
export function awardStreaks(given: readonly GroupAwards[], periodOrder: readonly string[], length: number): Streak[] {
  const streaks: Streak[] = [];
  const byAward = new Map<string, GroupAwards[]>();
  for (const g of given) pushTo(byAward, g.award, g);
  for (const [award, list] of byAward) {
    const runs = new Map<string, { group: string; periods: string[] }>();
    for (const period of periodOrder) {
      const holders = new Map<string, string>();
      for (const g of list) if (g.period === period) for (const h of g.holders) holders.set(h, g.group);
      for (const id of [...runs.keys()]) if (!holders.has(id)) runs.delete(id);
      for (const [id, group] of holders) runs.set(id, { group, periods: [...(runs.get(id)?.periods ?? []), period] });
    }
    for (const [unit, r] of runs) if (r.periods.length >= length) streaks.push({ unit, award, group: r.group, periods: r.periods });
  }
  return streaks;
}
