/**
 * Scorecards → one result per unit per period: inspections, the period score by the standard's
 * method, vetoes, verdict counts, frequency shortfalls, and the lines that made it, so every number
 * in a league table traces back to inspections and rules.
 */
import type { UnitRef } from '../record-schema.js';
import { pointsToNumber, roundPoints, type Points } from '../points.js';
import type { Scorecard, ScoreLine, Verdict } from '../score/scorecard.js';
import type { Frequency } from '../standard/ranking-schema.js';
import { periodOf, type Calendar, type Period, type PeriodUnit } from './periods.js';

export interface AggregateOptions {
  readonly period: PeriodUnit;
  readonly calendar?: Calendar;
  /** sum: base + Σ (total − card base), the running 量化分数; mean / min / latest of the totals. */
  readonly method: 'sum' | 'mean' | 'min' | 'latest';
  /** Starting score for `sum`; default each scorecard's own base. */
  readonly base?: number;
  /** Units that must appear in every period, inspected or not. */
  readonly units?: readonly UnitRef[];
  readonly frequency?: readonly Frequency[];
  /** deduct/award: frequency shortfall points lower the score; accumulate: they add penalty points. */
  readonly mode: 'deduct' | 'accumulate' | 'award';
}

export interface TracedLine extends ScoreLine {
  /** The inspection the line comes from. */
  readonly record?: string;
  readonly date: string;
}

export interface FrequencyShortfall {
  readonly requirement: string;
  readonly kind?: string;
  readonly required: number;
  readonly actual: number;
  readonly missing: number;
  /** Signed points it costs the period score. */
  readonly points: number;
}

export interface UnitPeriodResult {
  readonly unit: UnitRef;
  readonly period: Period;
  readonly inspections: number;
  /** null when the unit was not inspected, or a scorecard's total is indeterminate. */
  readonly score: number | null;
  readonly vetoes: number;
  readonly deductions: number;
  readonly verdicts: Readonly<Record<Verdict, number>>;
  readonly shortfalls: readonly FrequencyShortfall[];
  readonly latest: { readonly date: string; readonly total: number } | null;
  readonly lines: readonly TracedLine[];
  /** Why the score is null. */
  readonly unscored?: 'no_inspection' | 'indeterminate';
}


/**
 * Groups scorecards by unit and period and computes each period score. Superseded scorecards are dropped.
 *
 * @example
 * ```ts
 * import type { Scorecard } from 'scoresheet';
 * import { aggregateScorecards } from 'scoresheet/league';
 *
 * declare const scorecards: Scorecard[];
 * for (const r of aggregateScorecards(scorecards, { period: 'week', method: 'mean', mode: 'deduct' })) console.log(r.unit.id, r.period.key);
 * ```
 */
export function aggregateScorecards(scorecards: readonly Scorecard[], options: AggregateOptions): UnitPeriodResult[] {
  const superseded = new Set(scorecards.map((c) => c.supersedes).filter((s): s is string => s !== undefined));
  const periods = new Map<string, Period>();
  // period key → unit id → the unit's scorecards in that period (nested maps: no key string per card)
  const cells = new Map<string, Map<string, Scorecard[]>>();
  const unitRefs = new Map<string, UnitRef>((options.units ?? []).map((u) => [u.id, u]));

  // A term's records share a few hundred dates: each date's period is worked out once, not per scorecard.
  const periodOfDate = new Map<string, Period | undefined>();
  for (const card of scorecards) {
    if (card.record !== undefined && superseded.has(card.record)) continue;
    let period = periodOfDate.get(card.date);
    if (period === undefined && !periodOfDate.has(card.date)) {
      period = periodOf(card.date, options.period, options.calendar);
      periodOfDate.set(card.date, period);
    }
    if (!period) continue;
    let units = cells.get(period.key);
    if (units === undefined) {
      periods.set(period.key, period);
      cells.set(period.key, (units = new Map()));
    }
    const unitId = card.unit.id;
    if (!unitRefs.has(unitId)) unitRefs.set(unitId, card.unit);
    const cards = units.get(unitId);
    if (cards === undefined) units.set(unitId, [card]);
    else cards.push(card);
  }

  const results: UnitPeriodResult[] = [];
  const units = [...unitRefs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const period of [...periods.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const inPeriod = cells.get(period.key)!;
    for (const unit of units) results.push(summarize(unit, period, inPeriod.get(unit.id) ?? [], options));
  }
  return results;
}

const byDateThenRecord = (a: Scorecard, b: Scorecard): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : (a.record ?? '') < (b.record ?? '') ? -1 : (a.record ?? '') > (b.record ?? '') ? 1 : 0;

function inOrder(cards: readonly Scorecard[]): boolean {
  for (let i = 1; i < cards.length; i++) if (byDateThenRecord(cards[i - 1]!, cards[i]!) > 0) return false;
  return true;
}

/** Every field of a ScoreLine, in its order; the compiler fails here when ScoreLine gains one. */
const SCORE_LINE_KEYS = ['type', 'item', 'category', 'rule', 'points', 'reason', 'source', 'expected', 'actual', 'finding', 'note'] as const;
type Unlisted = Exclude<keyof ScoreLine, (typeof SCORE_LINE_KEYS)[number]>;
const everyKeyListed: [Unlisted] extends [never] ? true : never = true;

/**
 * `{ ...line, record, date }`, built key by key: lines come in many shapes, and a spread of an
 * object of unknown shape takes V8's slow path (it was most of buildLeague's time).
 */
function traced(line: ScoreLine, record: string | undefined, date: string): TracedLine {
  const out: Record<string, unknown> = {};
  for (const key of SCORE_LINE_KEYS) if (key in line) out[key] = line[key];
  if (record !== undefined) out.record = record;
  out.date = date;
  return out as unknown as TracedLine;
}
void everyKeyListed;

function summarize(unit: UnitRef, period: Period, cards: Scorecard[], options: AggregateOptions): UnitPeriodResult {
  // Records mostly arrive in date order: sort only when they did not.
  const ordered = inOrder(cards) ? cards : [...cards].sort(byDateThenRecord);
  const verdicts: Record<Verdict, number> = { pass: 0, fail: 0, indeterminate: 0, not_eligible: 0 };
  const lines: TracedLine[] = [];
  let vetoes = 0;
  let deductions = 0;
  let unknown = false;
  for (const card of ordered) {
    verdicts[card.verdict]++;
    if (!card.complete) unknown = true;
    for (const line of card.lines) {
      lines.push(traced(line, card.record, card.date));
      if (line.type === 'veto') vetoes++;
      if (line.type === 'deduction') deductions++;
    }
  }

  const shortfalls: FrequencyShortfall[] = [];
  for (const f of options.frequency ?? []) {
    if (f.per !== options.period) continue;
    const actual = ordered.filter((c) => f.kind === undefined || c.kind === f.kind).length;
    const missing = Math.max(0, f.min - actual);
    if (missing === 0) continue;
    const cost = f.points !== undefined ? roundPoints(f.points) * missing : 0;
    shortfalls.push({
      requirement: f.id,
      ...(f.kind !== undefined ? { kind: f.kind } : {}),
      required: f.min,
      actual,
      missing,
      points: pointsToNumber(options.mode === 'accumulate' ? cost : -cost),
    });
  }

  const latestCard = ordered[ordered.length - 1];
  const latest = latestCard ? { date: latestCard.date, total: latestCard.total } : null;
  const base = {
    unit,
    period,
    inspections: ordered.length,
    vetoes,
    deductions,
    verdicts,
    shortfalls,
    latest,
    lines,
  };
  if (ordered.length === 0) return { ...base, score: null, unscored: 'no_inspection' };
  if (unknown) return { ...base, score: null, unscored: 'indeterminate' };

  let score: Points;
  const totals = ordered.map((c) => roundPoints(c.total));
  switch (options.method) {
    case 'sum': {
      const start = options.base !== undefined ? roundPoints(options.base) : roundPoints(ordered[0]!.base);
      score = start + ordered.reduce((s, c) => s + roundPoints(c.total) - roundPoints(c.base), 0);
      break;
    }
    case 'mean':
      // A mean need not be a 4-decimal number: rounded half away from zero to the point scale.
      score = Math.round(totals.reduce((s, t) => s + t, 0) / totals.length);
      break;
    case 'min':
      score = totals.reduce((least, t) => (t < least ? t : least));
      break;
    case 'latest':
      score = totals[totals.length - 1]!;
      break;
  }
  for (const s of shortfalls) score += roundPoints(s.points);
  return { ...base, score: pointsToNumber(score) };
}
