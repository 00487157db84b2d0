/**
 * Scorecards → one result per unit per period: inspections, the period score by the standard's
 * method, vetoes, verdict counts, frequency shortfalls, and the lines that made it, so every number
 * in a league table traces back to inspections and rules.
 */
import type { UnitRef } from '../record-schema.js';
import { addPoints, isWithinPoints, meanPoints, pointsOfSum, pointsToNumber, roundPoints, type Points } from '../points.js';
import type { Scorecard, ScoreLine, Verdict } from '../score/scorecard.js';
import type { Frequency } from '../standard/ranking-schema.js';
import { periodOf, type Calendar, type Period, type PeriodUnit } from './periods.js';
import { supersededIds } from '../score/scorecard.js';

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
  /**
   * Told of each scorecard in no period (with a calendar: a date in a holiday or between terms has no
   * term and no teaching week), which aggregation leaves out.
   */
  readonly leftOut?: (card: AggregatedCard) => void;
}

/** What aggregation reads of a scorecard (a Scorecard is one). */
export type AggregatedCard = Pick<Scorecard, 'record' | 'supersedes' | 'unit' | 'date' | 'kind' | 'base' | 'total' | 'complete' | 'verdict' | 'lines'>;

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
  /**
   * Why the score is null: no inspection, an indeterminate total, or (`too_large`) a score that would
   * pass the exact range of points (MAX_POINTS), refused rather than given inexact.
   */
  readonly unscored?: 'no_inspection' | 'indeterminate' | 'too_large';
}


/**
 * Groups scorecards by unit and period and computes each period score. Superseded scorecards are dropped.
 * One pass: each (period, unit) cell keeps running totals (counts, verdicts, the points of its
 * inspections, its first and latest) and its scorecards by reference; a result's traced `lines` are
 * built only when read, and its scorecards sorted by date only then, when they did not arrive in order.
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
export function aggregateScorecards(scorecards: readonly AggregatedCard[], options: AggregateOptions): UnitPeriodResult[] {
  const superseded = supersededIds(scorecards);
  const periods = new Map<string, Period>();
  // period key → unit id → the unit's cell in that period (nested maps: no key string per card)
  const cells = new Map<string, Map<string, Cell>>();
  const unitRefs = new Map<string, UnitRef>((options.units ?? []).map((u) => [u.id, u]));

  // A term's records share a few hundred dates: each date's period is worked out once, not per scorecard.
  const periodOfDate = new Map<string, Period | undefined>();
  for (const card of scorecards) {
    if (superseded.size > 0 && card.record !== undefined && superseded.has(card.record)) continue;
    let period = periodOfDate.get(card.date);
    if (period === undefined && !periodOfDate.has(card.date)) {
      period = periodOf(card.date, options.period, options.calendar);
      periodOfDate.set(card.date, period);
    }
    if (!period) {
      options.leftOut?.(card);
      continue;
    }
    let units = cells.get(period.key);
    if (units === undefined) {
      periods.set(period.key, period);
      cells.set(period.key, (units = new Map()));
    }
    const unitId = card.unit.id;
    const cell = units.get(unitId);
    if (cell === undefined) {
      if (!unitRefs.has(unitId)) unitRefs.set(unitId, card.unit);
      units.set(unitId, new Cell(card));
    } else cell.add(card);
  }

  const results: UnitPeriodResult[] = [];
  const units = [...unitRefs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const period of [...periods.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const inPeriod = cells.get(period.key)!;
    CELLS.set(period, inPeriod);
    for (const unit of units) results.push(summarize(unit, period, inPeriod.get(unit.id), options));
  }
  return results;
}

const byDateThenRecord = (a: AggregatedCard, b: AggregatedCard): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : (a.record ?? '') < (b.record ?? '') ? -1 : (a.record ?? '') > (b.record ?? '') ? 1 : 0;

/** A unit's inspections in one period: running totals, and its scorecards by reference. */
class Cell {
  readonly cards: AggregatedCard[];
  /** Whether the cards arrived in date (then record) order. */
  inOrder = true;
  /** The earliest and the latest card by date, then record (of equal ones, the first and the last to arrive, as a stable sort puts them). */
  first: AggregatedCard;
  last: AggregatedCard;
  readonly verdicts: Record<Verdict, number> = { pass: 0, fail: 0, indeterminate: 0, not_eligible: 0 };
  vetoes = 0;
  deductions = 0;
  unknown = false;
  /** Σ total and Σ (total − base) in exact points (a bigint once past 2^53), and the least total. */
  totals: Points | bigint = 0;
  changes: Points | bigint = 0;
  least: Points = Infinity;
  /** A card's total or base beyond the exact range (MAX_POINTS): no score of this cell is exact. */
  outOfRange = false;
  /** Its result's traced lines, once read. */
  traced: readonly TracedLine[] | undefined;

  constructor(card: AggregatedCard) {
    this.cards = [card];
    this.first = card;
    this.last = card;
    this.count(card);
  }

  add(card: AggregatedCard): void {
    if (byDateThenRecord(this.last, card) > 0) {
      this.inOrder = false;
      if (byDateThenRecord(card, this.first) < 0) this.first = card;
    } else this.last = card;
    this.cards.push(card);
    this.count(card);
  }

  private count(card: AggregatedCard): void {
    this.verdicts[card.verdict]++;
    if (!card.complete) this.unknown = true;
    const lines = card.lines;
    for (let i = 0; i < lines.length; i++) {
      const type = lines[i]!.type;
      if (type === 'deduction') this.deductions++;
      else if (type === 'veto') this.vetoes++;
    }
    const total = roundPoints(card.total);
    const base = roundPoints(card.base);
    if (!isWithinPoints(total) || !isWithinPoints(base)) this.outOfRange = true;
    this.totals = addPoints(this.totals, total);
    this.changes = addPoints(this.changes, total - base);
    if (total < this.least) this.least = total;
  }

  /** The cards in date (then record) order: sorted only when they did not arrive so. */
  ordered(): readonly AggregatedCard[] {
    return this.inOrder ? this.cards : [...this.cards].sort(byDateThenRecord);
  }
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

function tracedLines(cards: readonly AggregatedCard[]): TracedLine[] {
  const lines: TracedLine[] = [];
  for (const card of cards) for (const line of card.lines) lines.push(traced(line, card.record, card.date));
  return lines;
}

const noVerdicts = (): Record<Verdict, number> => ({ pass: 0, fail: 0, indeterminate: 0, not_eligible: 0 });

/**
 * Each period's cells, for its results' `lines` getter. A period object belongs to one aggregation
 * (periodOf makes a new one each time, and an aggregation asks once per date), so a result finds
 * its cell through its own `period` and `unit.id`, with nothing hidden on the result itself.
 */
const CELLS = new WeakMap<Period, ReadonlyMap<string, Cell>>();

/**
 * The `lines` of every inspected result: ONE getter function for all of them. An object literal
 * with its own `get lines()` closure needs a map of its own each time, so V8 turns such objects
 * into slow dictionaries, and every read of a result in ranking and awards paid for it.
 */
const LINES: PropertyDescriptor = {
  get(this: UnitPeriodResult): readonly TracedLine[] {
    const cell = CELLS.get(this.period)!.get(this.unit.id)!;
    return (cell.traced ??= tracedLines(cell.ordered()));
  },
  enumerable: true,
  configurable: true,
};

/**
 * A result. An inspected unit's `lines` are traced when first read (then kept by its cell): the
 * same keys in the same order as a plain result, so it serialises byte for byte as one.
 */
function result(
  unit: UnitRef,
  period: Period,
  cell: Cell | undefined,
  shortfalls: FrequencyShortfall[],
  score: number | null,
  unscored: UnitPeriodResult['unscored'],
): UnitPeriodResult {
  if (cell === undefined) {
    const none = { unit, period, inspections: 0, vetoes: 0, deductions: 0, verdicts: noVerdicts(), shortfalls, latest: null, lines: [], score };
    return unscored === undefined ? none : Object.assign(none, { unscored });
  }
  const out: Record<string, unknown> = {
    unit,
    period,
    inspections: cell.cards.length,
    vetoes: cell.vetoes,
    deductions: cell.deductions,
    verdicts: cell.verdicts,
    shortfalls,
    latest: { date: cell.last.date, total: cell.last.total },
  };
  Object.defineProperty(out, 'lines', LINES);
  out.score = score;
  if (unscored !== undefined) out.unscored = unscored;
  return out as unknown as UnitPeriodResult;
}

function summarize(unit: UnitRef, period: Period, cell: Cell | undefined, options: AggregateOptions): UnitPeriodResult {
  const shortfalls: FrequencyShortfall[] = [];
  // What the shortfalls cost the score, exactly; undefined when a cost is beyond the exact range.
  let costs: bigint | undefined = 0n;
  for (const f of options.frequency ?? []) {
    if (f.per !== options.period) continue;
    let actual = 0;
    if (cell !== undefined && f.kind === undefined) actual = cell.cards.length;
    else if (cell !== undefined) for (const c of cell.cards) if (c.kind === f.kind) actual++;
    const missing = Math.max(0, f.min - actual);
    if (missing === 0) continue;
    const each = f.points !== undefined ? roundPoints(f.points) : 0;
    if (!isWithinPoints(each)) costs = undefined;
    else if (costs !== undefined) costs += BigInt(options.mode === 'accumulate' ? each : -each) * BigInt(missing);
    const cost = each * missing;
    const points = pointsToNumber(options.mode === 'accumulate' ? cost : -cost);
    // Two literals, not a spread of `{ kind }`: a spread in the middle of a literal takes V8's slow path.
    shortfalls.push(f.kind === undefined ? { requirement: f.id, required: f.min, actual, missing, points } : { requirement: f.id, kind: f.kind, required: f.min, actual, missing, points });
  }
  if (cell === undefined) return result(unit, period, cell, shortfalls, null, 'no_inspection');
  if (cell.unknown) return result(unit, period, cell, shortfalls, null, 'indeterminate');
  const score = cell.outOfRange || costs === undefined ? undefined : periodScore(cell, options, costs);
  return score === undefined ? result(unit, period, cell, shortfalls, null, 'too_large') : result(unit, period, cell, shortfalls, pointsToNumber(score), undefined);
}

/**
 * A cell's score by the standard's method, shortfalls included, in exact points; undefined when it (or
 * a frequency shortfall's cost) would pass MAX_POINTS, where points are no longer exact.
 */
function periodScore(cell: Cell, options: AggregateOptions, costs: bigint): Points | undefined {
  let score: Points | bigint | undefined;
  switch (options.method) {
    case 'sum': {
      const start = options.base !== undefined ? roundPoints(options.base) : roundPoints(cell.first.base);
      score = isWithinPoints(start) ? addPoints(cell.changes, start) : undefined;
      break;
    }
    case 'mean':
      // A mean need not be a 4-decimal number: rounded half away from zero to the point scale.
      score = meanPoints(cell.totals, cell.cards.length);
      break;
    case 'min':
      score = cell.least;
      break;
    case 'latest':
      score = roundPoints(cell.last.total);
      break;
  }
  if (score === undefined) return undefined;
  return pointsOfSum(costs === 0n ? score : BigInt(score) + costs);
}
