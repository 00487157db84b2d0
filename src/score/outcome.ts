/**
 * Caps on the total, vetoes, prerequisites, bands and derived outcomes → the verdict.
 * Precedence: not_eligible if a prerequisite is definitely unmet; else fail if anything definitely
 * fails; else indeterminate if anything is unknown; else pass. Every reason is kept.
 */
import type { InspectionRecord } from '../record-schema.js';
import type { RuleScope } from '../rules/kind.js';
import type { Scorer } from '../compile/standard.js';
import { decideBand, decideDimensions, nameOf, noteDecision } from './bands.js';
import { pointsToNumber, type Points } from '../points.js';
import { placeReason, type CategoryTotal, type DerivedOutcome, type DimensionOutcome, type ScoreLine, type Scorecard, type Verdict, type VerdictReason } from './scorecard.js';

/**
 * What scoring a record's rules leaves for its outcome (score.ts's RecordRun): lines, reasons, the
 * points known and unknown; and, as a scope, the record's facts for vetoes and prerequisites.
 */
export interface RuleTotals extends RuleScope {
  readonly lines: ScoreLine[];
  /** base + Σ the points of `lines`, added in line order. */
  readonly runningTotal: Points;
  readonly reasons: VerdictReason[];
  readonly failed: boolean;
  readonly totalUnknown: boolean;
  /** How many more points an undecided total may have lost, and gained (Infinity where nothing bounds them). */
  readonly unknownDeduct: Points;
  readonly unknownAward: Points;
  readonly categoryPoints: readonly Points[];
}

export function decideOutcome(scorer: Scorer, record: InspectionRecord, run: RuleTotals): Scorecard {
  const lines = run.lines;
  const reasons = run.reasons;
  let total = run.runningTotal;
  const beforeTotalCaps = total;

  if (scorer.totalMax !== undefined && total > scorer.totalMax) {
    const points = scorer.totalMax - total;
    lines.push(totalLine(points, 'line.cap_total', { max: pointsToNumber(scorer.totalMax) }));
    total += points;
  }
  if (scorer.totalMin !== undefined && total < scorer.totalMin) {
    const points = scorer.totalMin - total;
    lines.push(totalLine(points, 'line.floor_total', { min: pointsToNumber(scorer.totalMin) }));
    total += points;
  }

  let notEligible = false;
  let failed = run.failed;
  let unknown = run.totalUnknown;

  for (const p of scorer.prerequisites) {
    const holds = p.require.test(run);
    if (holds === true) continue;
    if (holds === false) {
      notEligible = true;
      const reason = { messageId: 'line.prerequisite_unmet', data: { name: p.name } };
      lines.push({ type: 'prerequisite_unmet', rule: p.path, points: 0, reason, ...(p.source ? { source: p.source } : {}) });
      reasons.push(placeReason(reason, undefined, p.path));
    } else {
      unknown = true;
      reasons.push({ messageId: 'verdict.indeterminate_prerequisite', data: { name: p.name }, rule: p.path });
      for (const r of p.require.explain(run.facts()).reasons) reasons.push(placeReason(r, undefined, p.path));
    }
  }

  for (const veto of scorer.vetoes) {
    let vetoed: boolean | null;
    if (veto.item !== undefined) {
      const target = veto.item;
      // A veto on a category fires for a finding on any of its items, as a category's own rules see them.
      vetoed = record.findings.some((f) => {
        const found = scorer.targets.get(f.item);
        return found === target || (found !== undefined && 'category' in found && found.category === target);
      });
    } else {
      vetoed = veto.when!.test(run);
    }
    if (vetoed === false) continue;
    if (vetoed === true) {
      failed = true;
      const reason = { messageId: 'line.veto', data: { name: veto.name } };
      lines.push({ type: 'veto', ...(veto.item ? { item: veto.item.id } : {}), rule: veto.path, points: 0, reason, ...(veto.source ? { source: veto.source } : {}) });
      reasons.push(placeReason(reason, undefined, veto.path));
    } else {
      unknown = true;
      reasons.push({ messageId: 'verdict.indeterminate_veto', data: { name: veto.name }, rule: veto.path });
      for (const r of veto.when!.explain(run.facts()).reasons) reasons.push(placeReason(r, undefined, veto.path));
    }
  }

  const categories = categoryTotals(scorer, run.categoryPoints);

  // The default dimension (outcomes.bands) is the scorecard's `band`; named ones are its `dimensions` (bands.ts).
  // Without bands or dimensions (the common case) there is nothing to decide: no band, no reason.
  let band: Scorecard['band'] = null;
  let dimensions: DimensionOutcome[] | undefined;
  if (scorer.bands.length > 0 || scorer.dimensions.length > 0) {
    const verdictSoFar = { failed, unknown, reasons };
    const decided = decideBand(scorer.bands, scorer, record, run, total, beforeTotalCaps);
    noteDecision(decided, verdictSoFar);
    if (decided.band !== undefined) band = nameOf(decided.band);
    if (scorer.dimensions.length > 0) dimensions = decideDimensions(scorer, record, run, total, beforeTotalCaps, verdictSoFar);
    failed = verdictSoFar.failed;
    unknown = verdictSoFar.unknown;
  }

  const outcomes: DerivedOutcome[] = scorer.derived.length === 0 ? [] : scorer.derived.map((d, i) => {
    const value = categories.filter((c) => c.points >= d.count.categories.min).length;
    const tier = d.tiers.find((t) => value >= t.min) ?? null; // sorted once, by compileStandard
    if (tier?.verdict === 'fail' && !run.totalUnknown) {
      failed = true;
      reasons.push({ messageId: 'line.tier_fail', data: { name: d.name, tier: tier.name }, rule: `outcomes.derived[${i}]` });
    }
    return { id: d.id, name: d.name, value, tier: tier ? { id: tier.id, name: tier.name } : null };
  });

  const verdict: Verdict = notEligible ? 'not_eligible' : failed ? 'fail' : unknown ? 'indeterminate' : 'pass';
  return makeCard(scorer, record, lines, categories, pointsToNumber(total), !run.totalUnknown, band, outcomes, dimensions, verdict, verdict === 'pass' ? [] : reasons);
}

/**
 * The card of a record without findings under a standard where that leaves nothing to score or decide
 * (Scorer.blank): what decideOutcome makes of a run that scored nothing — no line, the base, a pass —
 * without the run.
 */
export function blankCard(scorer: Scorer, record: InspectionRecord): Scorecard {
  return makeCard(scorer, record, [], categoryTotals(scorer, undefined), pointsToNumber(scorer.base), true, null, [], undefined, 'pass', []);
}

/** Each category's points: its maximum (in deduct mode) and what its lines added (`points`; none given, nothing). */
function categoryTotals(scorer: Scorer, points: readonly Points[] | undefined): CategoryTotal[] {
  const deduct = scorer.mode === 'deduct';
  const categories: CategoryTotal[] = new Array(scorer.categories.length);
  for (let i = 0; i < categories.length; i++) {
    const c = scorer.categories[i]!;
    const total = pointsToNumber((deduct ? (c.max ?? 0) : 0) + (points === undefined ? 0 : points[i]!));
    categories[i] = c.max !== undefined ? { id: c.id, name: c.name, points: total, max: pointsToNumber(c.max) } : { id: c.id, name: c.name, points: total };
  }
  return categories;
}

function makeCard(
  scorer: Scorer,
  record: InspectionRecord,
  lines: ScoreLine[],
  categories: CategoryTotal[],
  total: number,
  complete: boolean,
  band: Scorecard['band'],
  outcomes: DerivedOutcome[],
  dimensions: DimensionOutcome[] | undefined,
  verdict: Verdict,
  reasons: VerdictReason[],
): Scorecard {
  // Built field by field in the order of Scorecard (the JSON key order); spreads are slow here.
  const card = new CardObject() as Mutable<Scorecard>;
  card.standard = scorer.ref;
  if (record.id !== undefined) card.record = record.id;
  if (record.supersedes !== undefined) card.supersedes = record.supersedes;
  card.unit = record.unit;
  card.date = record.date;
  if (record.kind !== undefined) card.kind = record.kind;
  if (record.level !== undefined) card.level = record.level;
  if (record.inspector !== undefined) card.inspector = record.inspector;
  card.mode = scorer.mode;
  card.base = pointsToNumber(scorer.base);
  card.lines = lines;
  card.categories = categories;
  card.total = total;
  card.complete = complete;
  card.band = band;
  card.outcomes = outcomes;
  if (dimensions !== undefined) card.dimensions = dimensions;
  card.verdict = verdict;
  card.reasons = reasons;
  card.provenance = scorer.provenance;
  return card;
}

/** A line of the total's own cap or floor. */
function totalLine(points: Points, messageId: string, data: Record<string, unknown>): ScoreLine {
  return { type: 'capped', rule: 'scoring', points: pointsToNumber(points), reason: { messageId, data } };
}

/**
 * Makes a scorecard: a plain object (its prototype is Object.prototype, as a literal's), but made by
 * `new`, so V8 sizes it for all its fields once it has seen a few (slack tracking) instead of growing a
 * backing store field by field — the card's fields depend on the record, so it cannot be one literal.
 * V8 reserves room in such an object for the fields its constructor assigns (plus a few, trimmed later
 * to what cards use): the assignments below never run, they only count the Scorecard's fields, so that
 * every field fits in the object itself (without them, 8 do and the rest go to a store re-made as it
 * grows: ~300 bytes a card instead of ~180).
 */
const CardObject = function CardObject(this: Record<keyof Scorecard, unknown>, never?: true) {
  if (never) {
    this.standard = this.record = this.supersedes = this.unit = this.date = this.kind = this.level = this.inspector = this.mode = this.base = this.lines = undefined;
    this.categories = this.total = this.complete = this.band = this.outcomes = this.dimensions = this.verdict = this.reasons = this.provenance = this.cycle = this.charges = undefined;
  }
} as unknown as new () => object;
CardObject.prototype = Object.prototype;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
