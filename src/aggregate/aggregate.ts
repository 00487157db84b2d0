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
 * One pass through an Aggregation (below): each (period, unit) cell keeps running totals (counts, verdicts,
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

/** What is kept of a card's lines in their place when all are traced: the same lines, in order (LeagueBuilderOptions.keepLines). */
export type KeepLines = (lines: readonly ScoreLine[]) => readonly ScoreLine[];

/** A card left out (in no period), as kept by an Aggregation that may be told to take it out again. */
type LeftOut<Card> = { readonly card: Card; readonly record: string | undefined };

/**
 * Scorecards placed in their (period, unit) cells as they come: of a card, only a few columns are kept
 * (record, date, totals, verdict, counts, kind, unit, and the lines it traces by reference), in chunks
 * shared by all cells, not the card. `remove` takes a record's cards out again (a correction that
 * supersedes it came later); `results` gives aggregateScorecards' results of the cards placed so far, and
 * may be asked again after more are placed (the results given before stay as they were).
 */
export class Aggregation<Card extends Pick<AggregatedCard, 'record' | 'unit' | 'date'> = AggregatedCard> {
  readonly #cards: Cards;
  /** period key → unit id → the unit's cell in that period (nested maps: no key string per card). */
  readonly #cells = new Map<string, Map<string, Cell>>();
  /** Each date's period, worked out once (a term's records share a few hundred dates), and its number in the date column. */
  readonly #dates = new Map<string, { readonly index: number; readonly period: Period | undefined; readonly units: Map<string, Cell> | undefined }>();
  /** The first period object made for each key. */
  readonly #periods = new Map<string, Period>();
  readonly #leftOut: LeftOut<Card>[] = [];
  /**
   * The cells holding each record's cards: made at the first `remove` (most streams correct no record, and
   * a map of every record would cost about as much as the rest of what is kept), then kept up to date.
   */
  #where: Map<string, Cell | Cell[]> | undefined;

  constructor(
    readonly options: Omit<AggregateOptions, 'leftOut'>,
    readonly settings: {
      readonly traced?: TracedLines;
      /** What is kept of a card's lines when all are traced (LeagueBuilderOptions.keepLines): the card's own by default. */
      readonly keepLines?: KeepLines;
      /** What is kept of a card in no period. */
      readonly leftOut: (card: AggregatedCard) => Card;
    },
  ) {
    this.#cards = new Cards(settings.traced ?? 'all', settings.keepLines);
  }

  /** Places a card in its cell (`unit`: the object to show for its unit, the card's own by default). */
  add(card: AggregatedCard, unit: UnitRef = card.unit): void {
    let dated = this.#dates.get(card.date);
    if (dated === undefined) {
      const period = periodOf(card.date, this.options.period, this.options.calendar);
      this.#dates.set(card.date, (dated = { index: period ? this.#cards.dates.push(card.date) - 1 : -1, period, units: period && this.#unitsIn(period) }));
    }
    const period = dated.period;
    const units = dated.units;
    if (!period || !units) {
      this.#leftOut.push({ card: this.settings.leftOut(card), record: card.record });
      return;
    }
    let cell = units.get(unit.id);
    if (cell === undefined) units.set(unit.id, (cell = new Cell(this.#cards, period.key, unit.id)));
    cell.append(this.#cards.add(card, dated.index, unit));
    if (this.#where !== undefined && card.record !== undefined) placed(this.#where, card.record, cell);
  }

  /** The cells of a period (its first period object kept for its key). */
  #unitsIn(period: Period): Map<string, Cell> {
    let units = this.#cells.get(period.key);
    if (units === undefined) {
      this.#periods.set(period.key, period);
      this.#cells.set(period.key, (units = new Map()));
    }
    return units;
  }

  /** Takes every card of `record` out (of its cell, or of the cards in no period). */
  remove(record: string): void {
    const where = (this.#where ??= this.#placed());
    const was = where.get(record);
    if (was !== undefined) {
      where.delete(record);
      for (const cell of Array.isArray(was) ? was : [was]) {
        cell.remove(record);
        if (cell.count === 0) this.#cells.get(cell.periodKey)!.delete(cell.unitId);
      }
    }
    for (let i = this.#leftOut.length - 1; i >= 0; i--) if (this.#leftOut[i]!.record === record) this.#leftOut.splice(i, 1);
  }

  /** Where each record's cards are. */
  #placed(): Map<string, Cell | Cell[]> {
    const where = new Map<string, Cell | Cell[]>();
    for (const units of this.#cells.values()) {
      for (const cell of units.values()) {
        for (let i = cell.head; i !== -1; i = this.#cards.next(i)) {
          const record = this.#cards.record(i);
          if (record !== undefined) placed(where, record, cell);
        }
      }
    }
    return where;
  }

  /** The results of the cards placed so far; `leftOut` is told of each card in no period, in the order they came. */
  results(leftOut?: (card: Card) => void): UnitPeriodResult[] {
    if (leftOut) for (const l of this.#leftOut) leftOut(l.card);
    // Each unit as its first card (the first to come) shows it, unless the roster lists it.
    const unitRefs = new Map<string, UnitRef>((this.options.units ?? []).map((u) => [u.id, u]));
    const firstCard = new Map<string, number>();
    const periods: Period[] = [];
    for (const [key, units] of this.#cells) {
      if (units.size === 0) continue;
      periods.push(this.#periods.get(key)!);
      for (const cell of units.values()) {
        const id = cell.unitId;
        if (unitRefs.has(id) && !firstCard.has(id)) continue;
        const first = firstCard.get(id);
        if (first === undefined || cell.head < first) {
          firstCard.set(id, cell.head);
          unitRefs.set(id, this.#cards.unit(cell.head));
        }
      }
    }
    const results: UnitPeriodResult[] = [];
    const units = [...unitRefs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const kept of periods.sort((a, b) => (a.key < b.key ? -1 : 1))) {
      const inPeriod = this.#cells.get(kept.key)!;
      // A period object of this call's own: its results find their cells' views through it (VIEWS).
      const period = { ...kept };
      const views = new Map<string, View>();
      VIEWS.set(period, views);
      for (const unit of units) {
        const cell = inPeriod.get(unit.id);
        if (cell !== undefined) views.set(unit.id, cell.view());
        results.push(summarize(unit, period, cell, this.options));
      }
    }
    return results;
  }
}

/** Notes that a card of `record` is in `cell`. */
function placed(where: Map<string, Cell | Cell[]>, record: string, cell: Cell): void {
  const was = where.get(record);
  if (was === undefined) where.set(record, cell);
  else if (Array.isArray(was)) {
    if (!was.includes(cell)) was.push(cell);
  } else if (was !== cell) where.set(record, [was, cell]);
}

/** Cards a chunk of the number columns holds: they grow a chunk at a time, never copied, never more than a chunk to spare. */
const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;
/** A card's integers, side by side in its chunk: the next card of its cell (-1 after the last), its date's number in `dates`, flags, vetoes, deductions. */
const NEXT = 0;
const DATE = 1;
const FLAGS = 2;
const VETOES = 3;
const DEDUCTIONS = 4;
const INTS = 5;
/** A card's total and base, side by side. */
const TOTAL = 0;
const BASE = 1;
const FLOATS = 2;
/** A card's references, side by side. */
const RECORD = 0;
const UNIT = 1;
const KIND = 2;
const TRACES = 3;
const REFS = 4;

const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'indeterminate', 'not_eligible'];
/** A verdict's index in VERDICTS, compared rather than read by key. */
const verdictIndex = (v: Verdict): number => (v === 'pass' ? 0 : v === 'fail' ? 1 : v === 'indeterminate' ? 2 : 3);
/** flags: the verdict's index in the low two bits, and this bit when the total is not complete. */
const INCOMPLETE = 4;

/** What an aggregation keeps of each card, by its number (the order it came in): a row of columns. */
class Cards {
  count = 0;
  readonly #ints: Int32Array[] = [];
  readonly #floats: Float64Array[] = [];
  /** A card's record, unit, kind and the lines it traces (all, or its vetoes; undefined for none), side by side. */
  readonly #refs: unknown[][] = [];
  /** Every date of a card in a period, once. */
  readonly dates: string[] = [];

  constructor(
    readonly traced: TracedLines,
    readonly keepLines?: KeepLines,
  ) {}

  /** Keeps a card's row; its number. */
  add(card: AggregatedCard, date: number, unit: UnitRef): number {
    const lines = card.lines;
    let vetoes = 0;
    let deductions = 0;
    for (let i = 0; i < lines.length; i++) {
      const type = lines[i]!.type;
      if (type === 'deduction') deductions++;
      else if (type === 'veto') vetoes++;
    }
    const i = this.count++;
    const at = i & (CHUNK - 1);
    if (at === 0) {
      this.#ints.push(new Int32Array(CHUNK * INTS));
      this.#floats.push(new Float64Array(CHUNK * FLOATS));
      this.#refs.push(new Array<unknown>(CHUNK * REFS).fill(undefined));
    }
    const ints = this.#ints[i >>> CHUNK_BITS]!;
    const floats = this.#floats[i >>> CHUNK_BITS]!;
    ints[at * INTS + NEXT] = -1;
    ints[at * INTS + DATE] = date;
    ints[at * INTS + FLAGS] = verdictIndex(card.verdict) | (card.complete ? 0 : INCOMPLETE);
    ints[at * INTS + VETOES] = vetoes;
    ints[at * INTS + DEDUCTIONS] = deductions;
    floats[at * FLOATS + TOTAL] = card.total;
    floats[at * FLOATS + BASE] = card.base;
    const refs = this.#refs[i >>> CHUNK_BITS]!;
    refs[at * REFS + RECORD] = card.record;
    refs[at * REFS + UNIT] = unit;
    refs[at * REFS + KIND] = card.kind;
    refs[at * REFS + TRACES] = lines.length === 0 ? undefined : this.traced === 'all' ? (this.keepLines?.(lines) ?? lines) : vetoes === 0 ? undefined : lines.filter((l) => l.type === 'veto');
    return i;
  }

  #ref(i: number, field: number): unknown {
    return this.#refs[i >>> CHUNK_BITS]![(i & (CHUNK - 1)) * REFS + field];
  }

  record(i: number): string | undefined {
    return this.#ref(i, RECORD) as string | undefined;
  }

  unit(i: number): UnitRef {
    return this.#ref(i, UNIT) as UnitRef;
  }

  kind(i: number): string | undefined {
    return this.#ref(i, KIND) as string | undefined;
  }

  lines(i: number): readonly ScoreLine[] | undefined {
    return this.#ref(i, TRACES) as readonly ScoreLine[] | undefined;
  }

  /** One of card i's integers (NEXT, DATE, FLAGS, VETOES, DEDUCTIONS). */
  int(i: number, field: number): number {
    return this.#ints[i >>> CHUNK_BITS]![(i & (CHUNK - 1)) * INTS + field]!;
  }

  /** Card i's TOTAL or BASE. */
  float(i: number, field: number): number {
    return this.#floats[i >>> CHUNK_BITS]![(i & (CHUNK - 1)) * FLOATS + field]!;
  }

  next(i: number): number {
    return this.int(i, NEXT);
  }

  setNext(i: number, next: number): void {
    this.#ints[i >>> CHUNK_BITS]![(i & (CHUNK - 1)) * INTS + NEXT] = next;
  }

  dateOf(i: number): string {
    return this.dates[this.int(i, DATE)]!;
  }
}

/** What a result reads of its cell's lines: traced when first read, or before the cell changes. */
interface View {
  readonly cell: Cell;
  traced?: readonly TracedLine[];
}

/**
 * A unit's inspections in one period: its cards (a list through Cards.next, in the order they came) and
 * running totals. A result reads it through a View; before the cell changes, its views are given their lines.
 */
class Cell {
  head = -1;
  tail = -1;
  count = 0;
  /** Whether the cards arrived in date (then record) order. */
  inOrder = true;
  /** The earliest and the latest card by date, then record (of equal ones, the first and the last to arrive, as a stable sort puts them). */
  first = -1;
  last = -1;
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
  /** The views results have of it as it is now. */
  #views: View[] | undefined;

  constructor(
    readonly cards: Cards,
    readonly periodKey: string,
    readonly unitId: string,
  ) {}

  /** Negative when card i comes before card j by date, then record. */
  compare(i: number, j: number): number {
    const a = this.cards.dateOf(i);
    const b = this.cards.dateOf(j);
    if (a !== b) return a < b ? -1 : 1;
    const x = this.cards.record(i) ?? '';
    const y = this.cards.record(j) ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  }

  append(i: number): void {
    if (this.#views !== undefined) this.#detach();
    if (this.tail === -1) this.head = i;
    else this.cards.setNext(this.tail, i);
    this.tail = i;
    this.#count(i);
  }

  /** Takes the cards of `record` out, and counts the rest again. */
  remove(record: string): void {
    if (this.#views !== undefined) this.#detach();
    const { cards } = this;
    let kept = -1;
    for (let i = this.head; i !== -1; i = cards.next(i)) {
      if (cards.record(i) === record) continue;
      if (kept === -1) this.head = i;
      else cards.setNext(kept, i);
      kept = i;
    }
    if (kept === -1) this.head = -1;
    else cards.setNext(kept, -1);
    this.tail = kept;
    this.count = 0;
    this.inOrder = true;
    this.first = this.last = -1;
    this.verdicts = noVerdicts();
    this.vetoes = this.deductions = this.incomplete = this.outOfRange = 0;
    this.totals = this.changes = 0;
    this.least = Infinity;
    for (let i = this.head; i !== -1; i = cards.next(i)) this.#count(i);
  }

  /** A view for a result, which reads the cell as it is now. */
  view(): View {
    const view: View = { cell: this };
    (this.#views ??= []).push(view);
    return view;
  }

  /** Before a change: the views get their lines as they are, and the verdicts they read stay as they are. */
  #detach(): void {
    for (const view of this.#views!) view.traced ??= tracedLines(this);
    this.#views = undefined;
    this.verdicts = { ...this.verdicts };
  }

  /** Counts card i (the last to come of those counted) into the running totals. */
  #count(i: number): void {
    const { cards } = this;
    if (this.count++ === 0) this.first = this.last = i;
    else if (this.compare(this.last, i) > 0) {
      this.inOrder = false;
      if (this.compare(i, this.first) < 0) this.first = i;
    } else this.last = i;
    const flags = cards.int(i, FLAGS);
    this.verdicts[VERDICTS[flags & 3]!]++;
    if (flags & INCOMPLETE) this.incomplete++;
    this.vetoes += cards.int(i, VETOES);
    this.deductions += cards.int(i, DEDUCTIONS);
    const total = roundPoints(cards.float(i, TOTAL));
    const base = roundPoints(cards.float(i, BASE));
    if (!isWithinPoints(total) || !isWithinPoints(base)) this.outOfRange++;
    this.totals = addPoints(this.totals, total);
    this.changes = addPoints(this.changes, total - base);
    if (total < this.least) this.least = total;
  }

  /** How many of its cards are of `kind`. */
  ofKind(kind: string): number {
    let n = 0;
    for (let i = this.head; i !== -1; i = this.cards.next(i)) if (this.cards.kind(i) === kind) n++;
    return n;
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
  const { cards } = cell;
  const withLines: number[] = [];
  for (let i = cell.head; i !== -1; i = cards.next(i)) if (cards.lines(i) !== undefined) withLines.push(i);
  // Sorted only when they did not arrive in order; of equal ones, the first to come first.
  if (!cell.inOrder) withLines.sort((i, j) => cell.compare(i, j) || i - j);
  const lines: TracedLine[] = [];
  for (const i of withLines) for (const line of cards.lines(i)!) lines.push(traced(line, cards.record(i), cards.dateOf(i)));
  return lines;
}

const noVerdicts = (): Record<Verdict, number> => ({ pass: 0, fail: 0, indeterminate: 0, not_eligible: 0 });

/**
 * Each period's views of its cells, for its results' `lines` getter. A period object belongs to one
 * call of Aggregation.results (each makes its own), so a result finds its cell's view through its own
 * `period` and `unit.id`, with nothing hidden on the result itself.
 */
const VIEWS = new WeakMap<Period, ReadonlyMap<string, View>>();

/**
 * The `lines` of every inspected result: ONE getter function for all of them. An object literal
 * with its own `get lines()` closure needs a map of its own each time, so V8 turns such objects
 * into slow dictionaries, and every read of a result in ranking and awards paid for it.
 */
const LINES: PropertyDescriptor = {
  get(this: UnitPeriodResult): readonly TracedLine[] {
    const view = VIEWS.get(this.period)!.get(this.unit.id)!;
    return (view.traced ??= tracedLines(view.cell));
  },
  enumerable: true,
  configurable: true,
};

/**
 * A result's traced lines without keeping them, for a writer that reads each result once (`rank --format
 * json`): those its cell keeps already, or traced afresh (garbage once written; the getter would keep them
 * until the league goes). Undefined for anything but an inspected result of an Aggregation.
 */
export function linesNotKept(value: object): readonly TracedLine[] | undefined {
  if (Object.getOwnPropertyDescriptor(value, 'lines')?.get !== LINES.get) return undefined;
  const result = value as UnitPeriodResult;
  const view = VIEWS.get(result.period)?.get(result.unit.id);
  return view === undefined ? undefined : (view.traced ?? tracedLines(view.cell));
}

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
    latest: { date: cell.cards.dateOf(cell.last), total: cell.cards.float(cell.last, TOTAL) },
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
    else if (cell !== undefined) actual = cell.ofKind(f.kind!);
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
      const start = options.base !== undefined ? roundPoints(options.base) : roundPoints(cell.cards.float(cell.first, BASE));
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
      score = roundPoints(cell.cards.float(cell.last, TOTAL));
      break;
  }
  if (score === undefined) return undefined;
  return pointsOfSum(costs === 0n ? score : BigInt(score) + costs);
}
