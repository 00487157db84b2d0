/**
 * Bands and outcome dimensions: which band of a list a scorecard falls in (the first that holds), for the
 * default `outcomes.bands` (the scorecard's `band`) and each named dimension (its `dimensions`). An
 * unknown total still has a band when every total it could be falls in it; a band's `when` that cannot
 * be decided leaves the band unknown.
 */
import type { InspectionRecord } from '../record-schema.js';
import type { CompiledBand, Scorer } from '../compile/standard.js';
import type { Points } from '../points.js';
import type { LocalizedText } from '../common-schema.js';
import { placeReason, type DimensionOutcome, type VerdictReason } from './scorecard.js';
import type { RuleScope } from '../rules/kind.js';

/** What deciding a band reads of the run (outcome.ts's RuleTotals has it all). */
export interface BandScope extends RuleScope {
  readonly totalUnknown: boolean;
  readonly unknownDeduct: Points;
  readonly unknownAward: Points;
  readonly categoryPoints: readonly Points[];
}

/** What the bands of one list decide: the band found, and the reasons a band is failed or unknown. */
export interface BandDecision {
  readonly band: CompiledBand | undefined;
  /** The band's verdict is fail. */
  readonly fails: boolean;
  /** A band that could fail the verdict may hold, but a `when` could not be decided. */
  readonly unknown: boolean;
  readonly reasons: readonly VerdictReason[];
}

/** The band of `bands` the scorecard falls in. `total` after the total's caps, `beforeTotalCaps` before them. */
export function decideBand(
  bands: readonly CompiledBand[],
  scorer: Scorer,
  record: InspectionRecord,
  run: BandScope,
  total: Points,
  beforeTotalCaps: Points,
  dimension?: LocalizedText,
): BandDecision {
  const [low, high] = run.totalUnknown ? possibleTotals(scorer, run, beforeTotalCaps) : [total, total];
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i]!;
    if (band.kinds !== undefined && (record.kind === undefined || !band.kinds.has(record.kind))) continue;
    const fit = run.totalUnknown ? certainFit(band, low, high) : bandMatches(band, total, scorer, run) ? 'all' : 'none';
    if (fit === 'none') continue;
    if (fit === 'some') return none;
    if (band.when !== undefined) {
      const holds = band.when.test(run);
      if (holds === false) continue;
      if (holds === null) {
        // Unknown: the band, or one after it, could have been given; it matters to the verdict when one of them fails.
        if (!bands.slice(i).some((b) => b.fails)) return none;
        const reasons: VerdictReason[] = [{ messageId: 'verdict.indeterminate_band_when', data: { name: band.name }, rule: band.path }];
        for (const r of band.when.explain(run.facts()).reasons) reasons.push(placeReason(r, undefined, band.path));
        return { band: undefined, fails: false, unknown: true, reasons };
      }
    }
    if (!band.fails) return { band, fails: false, unknown: false, reasons: [] };
    const reason = dimension === undefined ? { messageId: 'line.band_fail', data: { name: band.name } } : { messageId: 'line.dimension_fail', data: { dimension, name: band.name } };
    return { band, fails: true, unknown: false, reasons: [placeReason(reason, undefined, band.path)] };
  }
  return none;
}

const none: BandDecision = { band: undefined, fails: false, unknown: false, reasons: [] };

/** The scorecard's named dimensions, each decided as decideBand decides; reasons and fails added to `verdict`. */
export function decideDimensions(
  scorer: Scorer,
  record: InspectionRecord,
  run: BandScope,
  total: Points,
  beforeTotalCaps: Points,
  verdict: { failed: boolean; unknown: boolean; readonly reasons: VerdictReason[] },
): DimensionOutcome[] {
  return scorer.dimensions.map((d) => {
    const decided = decideBand(d.bands, scorer, record, run, total, beforeTotalCaps, d.name);
    noteDecision(decided, verdict);
    return { id: d.id, name: d.name, band: decided.band !== undefined ? nameOf(decided.band) : null };
  });
}

/** Adds a band decision's fail, unknown and reasons to the verdict being made. */
export function noteDecision(decided: BandDecision, verdict: { failed: boolean; unknown: boolean; readonly reasons: VerdictReason[] }): void {
  if (decided.fails) verdict.failed = true;
  if (decided.unknown) verdict.unknown = true;
  for (const r of decided.reasons) verdict.reasons.push(r);
}

export const nameOf = (band: CompiledBand): { readonly id: string; readonly name: LocalizedText } => ({ id: band.id, name: band.name });

/** The lowest and highest total the record could have had, had every undecided rule been decided. */
function possibleTotals(scorer: Scorer, run: BandScope, beforeTotalCaps: Points): readonly [number, number] {
  // Deductions lower the total in deduct and award mode and raise it in accumulate mode; awards the other way.
  const takes = scorer.mode === 'accumulate' ? run.unknownDeduct : -run.unknownDeduct;
  const gives = scorer.mode === 'accumulate' ? -run.unknownAward : run.unknownAward;
  const low = beforeTotalCaps + Math.min(takes, 0) + Math.min(gives, 0);
  const high = beforeTotalCaps + Math.max(takes, 0) + Math.max(gives, 0);
  const capped = (t: number) => {
    let x = t;
    if (scorer.totalMax !== undefined && x > scorer.totalMax) x = scorer.totalMax;
    if (scorer.totalMin !== undefined && x < scorer.totalMin) x = scorer.totalMin;
    return x;
  };
  return [capped(low), capped(high)];
}

/**
 * Whether every total in [low, high] falls in the band ('all'), none does ('none'), or some do and
 * some do not ('some'). A band that looks at the categories, whose points are unknown too, is 'some'.
 */
function certainFit(band: CompiledBand, low: number, high: number): 'all' | 'none' | 'some' {
  const below = band.high !== undefined && (band.highInclusive ? band.high < low : band.high <= low);
  const above = band.low !== undefined && (band.lowInclusive ? band.low > high : band.low >= high);
  if (below || above) return band.everyCategory !== undefined ? 'some' : 'none';
  if (band.everyCategory !== undefined) return 'some';
  const holds = (t: number) =>
    (band.low === undefined || (band.lowInclusive ? t >= band.low : t > band.low)) && (band.high === undefined || (band.highInclusive ? t <= band.high : t < band.high));
  // A band is an interval: holding both ends, it holds everything between.
  return holds(low) && holds(high) ? 'all' : 'some';
}

function bandMatches(band: CompiledBand, total: Points, scorer: Scorer, run: BandScope): boolean {
  if (band.low !== undefined && (band.lowInclusive ? total < band.low : total <= band.low)) return false;
  if (band.high !== undefined && (band.highInclusive ? total > band.high : total >= band.high)) return false;
  if (band.everyCategory !== undefined) {
    const { min, max } = band.everyCategory;
    for (let i = 0; i < scorer.categories.length; i++) {
      const c = scorer.categories[i]!;
      const points = (scorer.mode === 'deduct' ? (c.max ?? 0) : 0) + run.categoryPoints[i]!;
      if (min !== undefined && points < min) return false;
      if (max !== undefined && points > max) return false;
    }
  }
  return true;
}
