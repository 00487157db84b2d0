/**
 * "What would last term's table have been under the new edition?": the same records scored under
 * two standards, with changed totals, changed verdicts and changed ranks, largest movements first.
 */
import type { PeriodUnit } from '../aggregate/periods.js';
import type { InspectionRecord, UnitRef } from '../record-schema.js';
import { buildLeague } from '../rank/league.js';
import type { Scorer } from '../compile/standard.js';
import { pointsToNumber, roundPoints } from '../points.js';
import { scoreChecked } from '../score/score.js';
import type { Scorecard } from '../score/scorecard.js';

export interface ScoreChange {
  readonly record: string;
  readonly unit: string;
  readonly date: string;
  readonly before: { total: number; verdict: string } | null;
  readonly after: { total: number; verdict: string } | null;
  readonly delta: number | null;
}

export interface RankChange {
  readonly period: string;
  readonly group: string;
  readonly unit: string;
  readonly before: number | null;
  readonly after: number | null;
  /** Places moved (positive = up), null when ranked under only one. */
  readonly movement: number | null;
}

export interface Rescore {
  readonly scores: readonly ScoreChange[];
  readonly ranks: readonly RankChange[];
}


function scoreAll(scorer: Scorer, records: readonly InspectionRecord[]): (Scorecard | null)[] {
  return records.map((r) => {
    const result = scoreChecked(scorer, r);
    return result.ok ? result.scorecard : null;
  });
}

/**
 * @example
 * ```ts
 * import { compileStandard, rescore, type InspectionRecord, type Standard } from 'scoresheet';
 *
 * declare const before: Standard;
 * declare const after: Standard;
 * declare const records: InspectionRecord[];
 * const effect = rescore(compileStandard(before), compileStandard(after), records, { period: 'month' });
 * console.log(effect.scores.length);
 * ```
 */
export function rescore(
  a: Scorer,
  b: Scorer,
  records: readonly InspectionRecord[],
  options: { period?: PeriodUnit; groupBy?: string; units?: readonly UnitRef[] } = {},
): Rescore {
  const before = scoreAll(a, records);
  const after = scoreAll(b, records);
  const scores: ScoreChange[] = [];
  records.forEach((r, i) => {
    const x = before[i];
    const y = after[i];
    const same = x && y && roundPoints(x.total) === roundPoints(y.total) && x.verdict === y.verdict;
    if (same || (!x && !y)) return;
    scores.push({
      record: r.id ?? `#${i}`,
      unit: r.unit.name ?? r.unit.id,
      date: r.date,
      before: x ? { total: x.total, verdict: x.verdict } : null,
      after: y ? { total: y.total, verdict: y.verdict } : null,
      delta: x && y ? pointsToNumber(roundPoints(y.total) - roundPoints(x.total)) : null,
    });
  });
  scores.sort((p, q) => Math.abs(q.delta ?? Infinity) - Math.abs(p.delta ?? Infinity) || (p.record < q.record ? -1 : 1));

  const ranks: RankChange[] = [];
  if (options.period) {
    const opts = { period: options.period, ...(options.groupBy ? { groupBy: options.groupBy } : {}), ...(options.units ? { units: options.units } : {}) };
    const la = buildLeague(a.standard, before.filter((c): c is Scorecard => c !== null), opts);
    const lb = buildLeague(b.standard, after.filter((c): c is Scorecard => c !== null), opts);
    const rankOf = new Map<string, number | null>();
    for (const t of la.tables) for (const g of t.groups) for (const r of g.rows) rankOf.set(`${t.period.key}|${g.group}|${r.result.unit.id}`, r.rank);
    for (const t of lb.tables) {
      for (const g of t.groups) {
        for (const r of g.rows) {
          const key = `${t.period.key}|${g.group}|${r.result.unit.id}`;
          const was = rankOf.get(key) ?? null;
          if (was === r.rank) continue;
          ranks.push({ period: t.period.key, group: g.group, unit: r.result.unit.name ?? r.result.unit.id, before: was, after: r.rank, movement: was !== null && r.rank !== null ? was - r.rank : null });
        }
      }
    }
    ranks.sort((p, q) => Math.abs(q.movement ?? Infinity) - Math.abs(p.movement ?? Infinity) || (p.period < q.period ? -1 : p.period > q.period ? 1 : p.unit < q.unit ? -1 : 1));
  }
  return { scores, ranks };
}
