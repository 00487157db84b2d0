/**
 * Groups as units (gap G5): an alliance, a grade or a street ranked by an aggregate of its members'
 * period results — mean, sum, min, max or the share of members passing — with the ranking's own tie
 * rules, and awards of its own shared by every member (同奖同罚, 000:137: a group award is named on
 * each member's row). A group's result is a `UnitPeriodResult` whose unit is the group, so tables,
 * ties, tie-breakers, awards and every output format treat it as they treat a unit.
 */
import type { TracedLine, UnitPeriodResult } from '../aggregate/aggregate.js';
import { isWithinPoints, meanPoints, pointsOfSum, pointsToNumber, roundPoints } from '../points.js';
import type { Rollup } from '../standard/ranking-schema.js';
import type { Verdict } from '../score/scorecard.js';
import { pushAll, pushTo } from '../collections.js';

export type RollupAggregate = Rollup['aggregate'];

export interface GroupMember {
  readonly id: string;
  /** The member's period score; null when it was not inspected, its score is indeterminate or refused as too large. */
  readonly score: number | null;
  /** Why `score` is null (the member's own `unscored`); absent when it has a score. */
  readonly unscored?: UnitPeriodResult['unscored'];
  /** Inspected, and no inspection failed, was undecided or not eligible. */
  readonly passing: boolean;
}

export interface GroupPeriodResult extends UnitPeriodResult {
  readonly aggregate: RollupAggregate;
  /** The members in the period, by id. */
  readonly members: readonly GroupMember[];
}

export interface RollupOptions {
  /** The members' `unit.group` key naming their group. */
  readonly by: string;
  /** The `unit.group` key the groups are ranked within (each group takes its first member's value). */
  readonly within?: string;
  readonly aggregate: RollupAggregate;
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One result per group and period from the members' results. A member without a value for `by` is in
 * no group. A member with no score (not inspected, or indeterminate) makes its group's score
 * indeterminate, and one whose score was refused as beyond the exact range of points makes it refused
 * too (`unscored: 'too_large'`): a missing member is never counted as passing, nor as zero.
 *
 * @example
 * ```ts
 * import { rollUp, type UnitPeriodResult } from 'scoresheet/league';
 *
 * declare const results: UnitPeriodResult[]; // the communities' monthly results
 * for (const g of rollUp(results, { by: 'alliance', aggregate: 'mean' })) console.log(g.unit.id, g.score);
 * ```
 */
export function rollUp(results: readonly UnitPeriodResult[], options: RollupOptions): GroupPeriodResult[] {
  const cells = new Map<string, UnitPeriodResult[]>();
  for (const r of results) {
    const group = r.unit.group?.[options.by];
    if (group === undefined || group === '') continue;
    pushTo(cells, `${r.period.key}\u0000${String(group)}`, r);
  }
  const out: GroupPeriodResult[] = [];
  for (const [key, unsorted] of [...cells.entries()].sort((a, b) => compareIds(a[0], b[0]))) {
    // Members by id: the group's result never depends on the order its members came in.
    const members = [...unsorted].sort((a, b) => compareIds(a.unit.id, b.unit.id));
    out.push(groupResult(key.slice(key.indexOf('\u0000') + 1), members, options));
  }
  return out;
}

function groupResult(id: string, members: readonly UnitPeriodResult[], options: RollupOptions): GroupPeriodResult {
  const first = members[0]!;
  const verdicts: Record<Verdict, number> = { pass: 0, fail: 0, indeterminate: 0, not_eligible: 0 };
  let inspections = 0;
  let vetoes = 0;
  let deductions = 0;
  let latest: UnitPeriodResult['latest'] = null;
  const lines: TracedLine[] = [];
  for (const m of members) {
    inspections += m.inspections;
    vetoes += m.vetoes;
    deductions += m.deductions;
    for (const v of Object.keys(verdicts) as Verdict[]) verdicts[v] += m.verdicts[v];
    if (m.latest && (latest === null || m.latest.date > latest.date)) latest = m.latest;
    // The members' vetoes are the group's (同罚): its row shows them and its awards pass it over.
    pushAll(lines, m.lines.filter((l) => l.type === 'veto'));
  }
  const listed: GroupMember[] = members.map(memberOf);
  const within = options.within === undefined ? undefined : first.unit.group?.[options.within];
  const missing = listed.some((m) => m.score === null) ? missingReason(members) : undefined;
  const score = missing ? null : aggregateMembers(listed, options.aggregate);
  const unscored = missing ?? (score === null ? 'too_large' : undefined);
  return {
    unit: { id, name: id, ...(within !== undefined ? { group: { [options.within!]: within } } : {}) },
    period: first.period,
    inspections,
    score,
    vetoes,
    deductions,
    verdicts,
    shortfalls: [],
    latest,
    lines,
    ...(unscored ? { unscored } : {}),
    aggregate: options.aggregate,
    members: listed,
  };
}

/**
 * Why a group with a member without a score has none: no member inspected; a member's own score refused
 * as beyond the exact range of points (too_large: the group's sum or mean is refused with it, whatever
 * the others come to); else a member undecided or not inspected (indeterminate).
 */
function missingReason(members: readonly UnitPeriodResult[]): 'no_inspection' | 'too_large' | 'indeterminate' {
  if (members.every((m) => m.inspections === 0)) return 'no_inspection';
  return members.some((m) => m.score === null && m.unscored === 'too_large') ? 'too_large' : 'indeterminate';
}

/** A member as its group lists it: a member without a score says why, as a unit's row does. */
function memberOf(m: UnitPeriodResult): GroupMember {
  if (m.score !== null) return { id: m.unit.id, score: m.score, passing: isPassing(m) };
  return { id: m.unit.id, score: null, unscored: m.unscored ?? (m.inspections === 0 ? 'no_inspection' : 'indeterminate'), passing: isPassing(m) };
}

function isPassing(m: UnitPeriodResult): boolean {
  return m.inspections > 0 && m.verdicts.fail === 0 && m.verdicts.indeterminate === 0 && m.verdicts.not_eligible === 0;
}

/**
 * The group's score from its members (every member scored): exact on the point scale; a mean or a
 * share that is not a 4-decimal number is rounded half away from zero, as a period mean is. null when
 * a member's score, or the sum or mean, is beyond the exact range of points (MAX_POINTS): refused, never inexact.
 *
 * @example
 * ```ts
 * import { aggregateMembers } from 'scoresheet/league';
 *
 * console.log(aggregateMembers([{ id: 'a', score: 98, passing: true }, { id: 'b', score: 95, passing: false }], 'passing')); // 50
 * ```
 */
export function aggregateMembers(members: readonly GroupMember[], aggregate: RollupAggregate): number | null {
  const points = members.map((m) => roundPoints(m.score!));
  if (aggregate !== 'passing' && !points.every(isWithinPoints)) return null;
  switch (aggregate) {
    case 'mean':
    case 'sum': {
      const held = aggregate === 'mean' ? meanPoints(sumOf(points), points.length) : pointsOfSum(sumOf(points));
      return held === undefined ? null : pointsToNumber(held);
    }
    case 'min':
      return pointsToNumber(points.reduce((a, b) => Math.min(a, b)));
    case 'max':
      return pointsToNumber(points.reduce((a, b) => Math.max(a, b)));
    case 'passing':
      return pointsToNumber(Math.round((roundPoints(100) * members.filter((m) => m.passing).length) / members.length));
  }
}

/** Σ points, exactly: a bigint (members are few; every one is whole points within MAX_POINTS). */
function sumOf(points: readonly number[]): bigint {
  let sum = 0n;
  for (const p of points) sum += BigInt(p);
  return sum;
}
