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
 * One pass through an {@link Aggregation}: each (period, unit) cell keeps running totals (counts, verdicts,
 * the points of its inspections, its first and latest) and a few columns per card; a result's traced
 * `lines` are built only when read, and its cards sorted by date only then, when they did not arrive in order.
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
  const aggregation = new Aggregation(options, { leftOut: (card) => card });
  for (const card of scorecards) if (superseded.size === 0 || card.record === undefined || !superseded.has(card.record)) aggregation.add(card);
  return aggregation.results(options.leftOut);
}

/**
 * Which lines a result traces: all of them, or (`vetoes`) only the 一票否决 lines, which is all that the
 * tables, awards and roll-ups read of them (rank's text, Markdown, CSV and xlsx print no other line).
 */
export type TracedLines = 'all' | 'vetoes';

/** A card left out (in no period), as kept by an Aggregation that may be told to take it out again. */
type LeftOut<Card> = { readonly card: Card; readonly record: string | undefined };

/**
 * Scorecards placed in their (period, unit) cells as they come: of a card, its cell keeps only a few
 * columns (record, date, totals, verdict, counts, kind, unit, and the lines it traces by reference), not
 * the card. `remove` takes a record's cards out again (a correction that supersedes it came later);
 * `results` gives aggregateScorecards' results of the cards placed so far, and may be asked again after
 * more are placed (the results given before stay as they were).
 */
export class Aggregation<Card extends Pick<AggregatedCard, 'record' | 'unit' | 'date'> = AggregatedCard> {
  /** period key → unit id → the unit's cell in that period (nested maps: no key string per card). */
  readonly #cells = new Map<string, Map<string, Cell>>();
  /**
   * Each date's period, worked out once (a term's records share a few hundred dates), and the date's
   * string kept by the cells (one per date, not one per card).
   */
  readonly #dates = new Map<string, { readonly date: string; readonly period: Period | undefined }>();
  /** The first period object made for each key. */
  readonly #periods = new Map<string, Period>();
  readonly #leftOut: LeftOut<Card>[] = [];
  /** With `remove`: the cells holding each record's cards. */
  readonly #where: Map<string, Cell | Cell[]> | undefined;
  #seq = 0;

  constructor(
    readonly options: Omit<AggregateOptions, 'leftOut'>,
    readonly settings: {
      readonly traced?: TracedLines;
      /** Keep where each record went, so that `remove` can take it out. */
      readonly removable?: boolean;
      /** What is kept of a card in no period. */
      readonly leftOut: (card: AggregatedCard) => Card;
    },
  ) {
    if (settings.removable) this.#where = new Map();
  }

  /** Places a card in its cell (`unit`: the object to show for its unit, the card's own by default). */
  add(card: AggregatedCard, unit: UnitRef = card.unit): void {
    let dated = this.#dates.get(card.date);
    if (dated === undefined) this.#dates.set(card.date, (dated = { date: card.date, period: periodOf(card.date, this.options.period, this.options.calendar) }));
    const period = dated.period;
    if (!period) {
      this.#leftOut.push({ card: this.settings.leftOut(card), record: card.record });
      return;
    }
    let units = this.#cells.get(period.key);
    if (units === undefined) {
      if (!this.#periods.has(period.key)) this.#periods.set(period.key, period);
      this.#cells.set(period.key, (units = new Map()));
    }
    let cell = units.get(unit.id);
    if (cell === undefined) units.set(unit.id, (cell = new Cell(period.key, unit.id)));
    else if (cell.frozen) units.set(unit.id, (cell = cell.thaw()));
    cell.add(card, dated.date, unit, this.#seq++, this.settings.traced ?? 'all');
    if (this.#where !== undefined && card.record !== undefined) {
      const was = this.#where.get(card.record);
      if (was === undefined) this.#where.set(card.record, cell);
      else if (Array.isArray(was)) was.push(cell);
      else if (was !== cell) this.#where.set(card.record, [was, cell]);
    }
  }

  /** Takes every card of `record` out (of its cell, or of the cards in no period). Needs `removable`. */
  remove(record: string): void {
    const was = this.#where?.get(record);
    if (was !== undefined) {
      this.#where!.delete(record);
      for (const placed of Array.isArray(was) ? was : [was]) {
        // The cell now in the map: `placed` may be one a result read, and this its copy.
        const units = this.#cells.get(placed.periodKey)!;
        let cell = units.get(placed.unitId);
        if (cell === undefined) continue;
        if (cell.frozen) units.set(cell.unitId, (cell = cell.thaw()));
        cell.remove(record);
        if (cell.count === 0) units.delete(cell.unitId);
      }
    }
    for (let i = this.#leftOut.length - 1; i >= 0; i--) if (this.#leftOut[i]!.record === record) this.#leftOut.splice(i, 1);
  }

  /** The results of the cards placed so far; `leftOut` is told of each card in no period, in the order they came. */
  results(leftOut?: (card: Card) => void): UnitPeriodResult[] {
    if (leftOut) for (const l of this.#leftOut) leftOut(l.card);
    // Each unit as its first card (the first to come) shows it, unless the roster lists it.
    const unitRefs = new Map<string, UnitRef>((this.options.units ?? []).map((u) => [u.id, u]));
    const firstSeq = new Map<string, number>();
    const periods: Period[] = [];
    for (const [key, units] of this.#cells) {
      if (units.size === 0) continue;
      periods.push(this.#periods.get(key)!);
      for (const cell of units.values()) {
        const id = cell.unitId;
        if (unitRefs.has(id) && !firstSeq.has(id)) continue;
        const seq = firstSeq.get(id);
        if (seq === undefined || cell.seqs[0]! < seq) {
          firstSeq.set(id, cell.seqs[0]!);
          unitRefs.set(id, cell.units[0]!);
        }
      }
    }
    const results: UnitPeriodResult[] = [];
    const units = [...unitRefs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const kept of periods.sort((a, b) => (a.key < b.key ? -1 : 1))) {
      const inPeriod = this.#cells.get(kept.key)!;
      // A period object of this call's own: its results find their cells through it (CELLS).
      const period = { ...kept };
      const views = new Map<string, Cell>();
      CELLS.set(period, views);
      for (const unit of units) {
        const cell = inPeriod.get(unit.id);
        if (cell !== undefined) {
          cell.frozen = true;
          views.set(unit.id, cell);
        }
        results.push(summarize(unit, period, cell, this.options));
      }
    }
    return results;
  }
}

const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'indeterminate', 'not_eligible'];
const VERDICT_INDEX: Readonly<Record<Verdict, number>> = { pass: 0, fail: 1, indeterminate: 2, not_eligible: 3 };
/** flags: the verdict's index in the low two bits, and this bit when the total is not complete. */
const INCOMPLETE = 4;

/** The columns a cell keeps of each card. */
const COLUMNS = ['seqs', 'records', 'dates', 'units', 'cardTotals', 'cardBases', 'kinds', 'flags', 'vetoCounts', 'deductionCounts', 'lines'] as const;

/**
 * A unit's inspections in one period: a few columns per card, in the order they came, and running totals.
 * Once a result has read it (`frozen`), a change goes to a copy (`thaw`), so that result stays as it was.
 */
class Cell {
  frozen = false;
  /** The order each card came in, across the aggregation. */
  seqs: number[] = [];
  records: (string | undefined)[] = [];
  dates: string[] = [];
  units: UnitRef[] = [];
  cardTotals: number[] = [];
  cardBases: number[] = [];
  kinds: (string | undefined)[] = [];
  /** The verdict's index, and INCOMPLETE. */
  flags: number[] = [];
  vetoCounts: number[] = [];
  deductionCounts: number[] = [];
  /** The lines each card traces (all, or its vetoes), undefined for none. */
  lines: (readonly ScoreLine[] | undefined)[] = [];

  /** Whether the cards arrived in date (then record) order. */
  inOrder = true;
  /** The earliest and the latest card by date, then record (of equal ones, the first and the last to arrive, as a stable sort puts them). */
  first = 0;
  last = 0;
  verdicts: Record<Verdict, number> = noVerdicts();
  vetoes = 0;
  deductions = 0;
  incomplete = 0;
  /** Σ total and Σ (total − base) in exact points (a bigint once past 2^53), and the least total. */
  totals: Points | bigint = 0;
  changes: Points | bigint = 0;
  least: Points = Infinity;
  /** Cards whose total or base is beyond the exact range (MAX_POINTS): no score of this cell is exact. */
  outOfRange = 0;
  /** Its result's traced lines, once read. */
  traced: readonly TracedLine[] | undefined;

  constructor(
    readonly periodKey: string,
    readonly unitId: string,
  ) {}

  get count(): number {
    return this.seqs.length;
  }

  /** Negative when card i comes before card j by date, then record. */
  compare(i: number, j: number): number {
    const a = this.dates[i]!;
    const b = this.dates[j]!;
    if (a !== b) return a < b ? -1 : 1;
    const x = this.records[i] ?? '';
    const y = this.records[j] ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  }

  add(card: AggregatedCard, date: string, unit: UnitRef, seq: number, traced: TracedLines): void {
    const lines = card.lines;
    let vetoes = 0;
    let deductions = 0;
    for (let i = 0; i < lines.length; i++) {
      const type = lines[i]!.type;
      if (type === 'deduction') deductions++;
      else if (type === 'veto') vetoes++;
    }
    this.seqs.push(seq);
    this.records.push(card.record);
    this.dates.push(date);
    this.units.push(unit);
    this.cardTotals.push(card.total);
    this.cardBases.push(card.base);
    this.kinds.push(card.kind);
    this.flags.push(VERDICT_INDEX[card.verdict] | (card.complete ? 0 : INCOMPLETE));
    this.vetoCounts.push(vetoes);
    this.deductionCounts.push(deductions);
    this.lines.push(lines.length === 0 ? undefined : traced === 'all' ? lines : vetoes === 0 ? undefined : lines.filter((l) => l.type === 'veto'));
    this.count1(this.seqs.length - 1);
  }

  /** Takes the cards of `record` out, and counts the rest again. */
  remove(record: string): void {
    for (let i = this.count - 1; i >= 0; i--) if (this.records[i] === record) for (const key of COLUMNS) this[key].splice(i, 1);
    this.inOrder = true;
    this.first = this.last = 0;
    this.verdicts = noVerdicts();
    this.vetoes = this.deductions = this.incomplete = this.outOfRange = 0;
    this.totals = this.changes = 0;
    this.least = Infinity;
    for (let i = 0; i < this.count; i++) this.count1(i);
  }

  /** A copy to change, for a cell a result has read. */
  thaw(): Cell {
    const copy = new Cell(this.periodKey, this.unitId);
    copy.seqs = this.seqs.slice();
    copy.records = this.records.slice();
    copy.dates = this.dates.slice();
    copy.units = this.units.slice();
    copy.cardTotals = this.cardTotals.slice();
    copy.cardBases = this.cardBases.slice();
    copy.kinds = this.kinds.slice();
    copy.flags = this.flags.slice();
    copy.vetoCounts = this.vetoCounts.slice();
    copy.deductionCounts = this.deductionCounts.slice();
    copy.lines = this.lines.slice();
    copy.inOrder = this.inOrder;
    copy.first = this.first;
    copy.last = this.last;
    copy.verdicts = { ...this.verdicts };
    copy.vetoes = this.vetoes;
    copy.deductions = this.deductions;
    copy.incomplete = this.incomplete;
    copy.totals = this.totals;
    copy.changes = this.changes;
    copy.least = this.least;
    copy.outOfRange = this.outOfRange;
    return copy;
  }

  /** Counts card i (the last to come of those counted) into the running totals. */
  private count1(i: number): void {
    if (i > 0) {
      if (this.compare(this.last, i) > 0) {
        this.inOrder = false;
        if (this.compare(i, this.first) < 0) this.first = i;
      } else this.last = i;
    }
    const flags = this.flags[i]!;
    this.verdicts[VERDICTS[flags & 3]!]++;
    if (flags & INCOMPLETE) this.incomplete++;
    this.vetoes += this.vetoCounts[i]!;
    this.deductions += this.deductionCounts[i]!;
    const total = roundPoints(this.cardTotals[i]!);
    const base = roundPoints(this.cardBases[i]!);
    if (!isWithinPoints(total) || !isWithinPoints(base)) this.outOfRange++;
    this.totals = addPoints(this.totals, total);
    this.changes = addPoints(this.changes, total - base);
    if (total < this.least) this.least = total;
  }

  /** The cards' indices in date (then record) order: sorted only when they did not arrive so. */
  ordered(): number[] {
    const order = Array.from({ length: this.count }, (_, i) => i);
    return this.inOrder ? order : order.sort((i, j) => this.compare(i, j) || i - j);
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

/** The lines of a cell's cards, each with its record and date, the cards in date (then record) order. */
function tracedLines(cell: Cell): TracedLine[] {
  const lines: TracedLine[] = [];
  for (const i of cell.ordered()) {
    const own = cell.lines[i];
    if (own !== undefined) for (const line of own) lines.push(traced(line, cell.records[i], cell.dates[i]!));
  }
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
    return (cell.traced ??= tracedLines(cell));
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
    inspections: cell.count,
    vetoes: cell.vetoes,
    deductions: cell.deductions,
    verdicts: cell.verdicts,
    shortfalls,
    latest: { date: cell.dates[cell.last]!, total: cell.cardTotals[cell.last]! },
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
    if (cell !== undefined && f.kind === undefined) actual = cell.count;
    else if (cell !== undefined) for (const kind of cell.kinds) if (kind === f.kind) actual++;
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
  if (cell.incomplete > 0) return result(unit, period, cell, shortfalls, null, 'indeterminate');
  const score = cell.outOfRange > 0 || costs === undefined ? undefined : periodScore(cell, options, costs);
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
      const start = options.base !== undefined ? roundPoints(options.base) : roundPoints(cell.cardBases[cell.first]!);
      score = isWithinPoints(start) ? addPoints(cell.changes, start) : undefined;
      break;
    }
    case 'mean':
      // A mean need not be a 4-decimal number: rounded half away from zero to the point scale.
      score = meanPoints(cell.totals, cell.count);
      break;
    case 'min':
      score = cell.least;
      break;
    case 'latest':
      score = roundPoints(cell.cardTotals[cell.last]!);
      break;
  }
  if (score === undefined) return undefined;
  return pointsOfSum(costs === 0n ? score : BigInt(score) + costs);
}
