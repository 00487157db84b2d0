/**
 * The whole comparison for one standard: scorecards → unit-period results → ranked tables per
 * group → awards, boards, warnings and streaks. Options not given come from the standard's
 * `ranking:` section.
 */
import { aggregateScorecards, Aggregation, type AggregateOptions, type AggregatedCard, type KeepLines, type TracedLines, type UnitPeriodResult } from '../aggregate/aggregate.js';
import { noTermOf, periodOf, type Calendar, type NoTerm, type PeriodUnit } from '../aggregate/periods.js';
import type { LocalizedText } from '../common-schema.js';
import type { UnitRef } from '../record-schema.js';
import type { Scorecard } from '../score/scorecard.js';
import type { Standard } from '../standard/schema.js';
import { RankingSchema, type Award, type Exclusion, type ExclusionRule, type Ranking } from '../standard/ranking-schema.js';
import { awardStreaks, giveAwards, lastWarnings, makeBoards, type Boards, type ExclusionCheck, type GroupAwards, type LastWarning, type Streak } from './awards.js';
import { rankUnits, type LeagueTable, type RankOptions, type TiePolicy } from './rank.js';
import { rollUp, type GroupPeriodResult, type RollupAggregate } from './rollup.js';
import { pushTo } from '../collections.js';
import { supersededIds } from '../score/scorecard.js';

export interface LeagueOptions {
  readonly period: PeriodUnit;
  readonly groupBy?: string;
  readonly ties?: TiePolicy;
  readonly units?: readonly UnitRef[];
  readonly calendar?: Calendar;
  /** The id of one of the standard's `ranking.rollups`: rank its groups from their members too. */
  readonly rollup?: string;
  /**
   * Scorecards of other standards (by their `id`), for awards that exclude a unit by what another
   * standard says of it in the same period (`exclude: [{ standard: food-safety, verdict: fail }]`).
   */
  readonly elsewhere?: readonly LeagueCard[];
}

/** A group award named on each member's row (同奖): the members of the holding group in that period. */
export interface SharedAward {
  readonly period: string;
  readonly award: string;
  readonly group: string;
  readonly members: readonly string[];
}

/** The groups of a roll-up ranked as units, with their awards. */
export interface RollupLeague extends Pick<League, 'tables' | 'awards'> {
  readonly id: string;
  readonly name: LocalizedText;
  readonly by: string;
  readonly within?: string;
  readonly aggregate: RollupAggregate;
  readonly assumption?: string;
  /** Each group's result per period, with its members. */
  readonly results: readonly GroupPeriodResult[];
  readonly shared: readonly SharedAward[];
}

/**
 * An inspection in no period, left out of every table: with a calendar, a date in a holiday or between
 * terms has no term and no teaching week. Superseded scorecards are not listed (they are replaced, not left out).
 */
export interface LeftOutCard {
  readonly record?: string;
  readonly unit: UnitRef;
  readonly date: string;
  /** Why its date has no period: a holiday of a term, outside every term (or no calendar for `term`). */
  readonly why: NoTerm;
}

export interface League {
  readonly standard: string;
  readonly period: PeriodUnit;
  readonly groupBy?: string;
  readonly results: readonly UnitPeriodResult[];
  readonly tables: readonly LeagueTable[];
  readonly awards: readonly GroupAwards[];
  readonly boards: readonly Boards[];
  readonly warnings: readonly LastWarning[];
  readonly streaks: readonly Streak[];
  /** The roll-up chosen with `rollup`: groups ranked from their members. */
  readonly rollup?: RollupLeague;
  /** The inspections in no period, left out of the tables (by date, unit, record); absent when there are none. */
  readonly leftOut?: readonly LeftOutCard[];
}

/** What a league reads of a scorecard (a Scorecard is one): aggregation's fields, and what exclusions ask. */
export type LeagueCard = AggregatedCard & Pick<Scorecard, 'standard' | 'band' | 'outcomes'>;

/**
 * @example
 * ```ts
 * import { buildLeague, type Scorecard, type Standard } from 'scoresheet';
 *
 * declare const standard: Standard;
 * declare const scorecards: Scorecard[];
 * const league = buildLeague(standard, scorecards, { period: 'week', groupBy: 'grade' });
 * for (const table of league.tables) console.log(table.period.key);
 * ```
 */
export function buildLeague(standard: Standard, scorecards: readonly LeagueCard[], options: LeagueOptions): League {
  const settings = leagueSettings(standard, options);
  const leftOut: LeftOutCard[] = [];
  const results = aggregateScorecards(scorecards, { ...settings.aggregate, leftOut: (card) => leftOut.push(leftOutCard(card, settings.calendar)) });
  const check = exclusionCheck(standard.id, scorecards, options.elsewhere ?? [], options.period, settings.calendar);
  let superseded: Set<string> | undefined;
  return assemble(standard, options, settings, results, leftOut, check, (kinds) => {
    const only = new Set(kinds);
    // Superseded cards go first: a correction of another kind still takes its record out of this kind's table.
    const gone = (superseded ??= supersededIds(scorecards));
    const cards = scorecards.filter((c) => c.kind !== undefined && only.has(c.kind) && (c.record === undefined || !gone.has(c.record)));
    return aggregateScorecards(cards, settings.aggregate);
  });
}

/** What a league's aggregation and ranking are told: the options, over the standard's `ranking:`. */
interface LeagueSettings {
  readonly ranking: Ranking;
  readonly calendar: Calendar | undefined;
  readonly aggregate: AggregateOptions;
  readonly rank: RankOptions;
}

function leagueSettings(standard: Standard, options: LeagueOptions): LeagueSettings {
  const ranking = standard.ranking ?? RankingSchema.parse({});
  const calendar = options.calendar ?? standard.calendar;
  return {
    ranking,
    calendar,
    aggregate: {
      period: options.period,
      method: ranking.aggregate,
      mode: standard.scoring.mode,
      frequency: ranking.frequency,
      ...(ranking.base !== undefined ? { base: ranking.base } : {}),
      ...(options.units ? { units: options.units } : {}),
      ...(calendar ? { calendar } : {}),
    },
    rank: {
      better: standard.scoring.mode === 'accumulate' ? 'lower' : 'higher',
      ties: options.ties ?? ranking.ties,
      tieBreakers: ranking.tieBreakers,
      minInspections: ranking.minInspections,
      ...(options.groupBy ? { groupBy: options.groupBy } : {}),
    },
  };
}

/** The league of the period results: tables, awards (`resultsOfKinds`: the results of some kinds' cards), boards, warnings, streaks, roll-up. */
function assemble(
  standard: Standard,
  options: LeagueOptions,
  { ranking, rank }: LeagueSettings,
  results: readonly UnitPeriodResult[],
  leftOut: LeftOutCard[],
  check: ExclusionCheck,
  resultsOfKinds: (kinds: readonly string[]) => UnitPeriodResult[],
): League {
  const tables = rankUnits(results, rank);
  const awards = awardsOf(tables, ranking.awards, check, (kinds) => rankUnits(resultsOfKinds(kinds), rank));
  const rollup = options.rollup === undefined ? undefined : buildRollup(ranking, options.rollup, results, rank, check);
  return {
    standard: `${standard.id}@${standard.version}`,
    period: options.period,
    ...(options.groupBy ? { groupBy: options.groupBy } : {}),
    results,
    tables,
    awards,
    boards: ranking.boards ? makeBoards(tables, ranking.boards, standard.scoring.mode, check) : [],
    warnings: ranking.lastWarning ? lastWarnings(tables, ranking.lastWarning) : [],
    streaks: awardStreaks(awards, tables.map((t) => t.period.key), ranking.streak),
    ...(rollup ? { rollup } : {}),
    ...(leftOut.length > 0 ? { leftOut: leftOut.sort(byDateUnitRecord) } : {}),
  };
}

/** What the league reads of a card in no period. */
type SaidOfLeftOut = Pick<AggregatedCard, 'record' | 'unit' | 'date'>;

/** What the league says of a card in no period: why it is in none. */
export function leftOutCard(card: SaidOfLeftOut, calendar: Calendar | undefined): LeftOutCard {
  const why = noTermOf(card.date, calendar) ?? { reason: 'outside_terms' };
  return card.record !== undefined ? { record: card.record, unit: card.unit, date: card.date, why } : { unit: card.unit, date: card.date, why };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const byDateUnitRecord = (a: LeftOutCard, b: LeftOutCard): number => compareText(a.date, b.date) || compareText(a.unit.id, b.unit.id) || compareText(a.record ?? '', b.record ?? '');

/** Each award on the tables of the records it counts: all of them, or (`kinds`) those of its kinds only. */
function awardsOf(tables: readonly LeagueTable[], awards: readonly Award[], check: ExclusionCheck, tablesOfKinds: (kinds: readonly string[]) => LeagueTable[]): GroupAwards[] {
  if (awards.every((a) => a.kinds === undefined)) return giveAwards(tables, awards, check);
  const byKinds = new Map<string, LeagueTable[]>();
  const given: GroupAwards[][] = awards.map((award) => {
    if (award.kinds === undefined) return giveAwards(tables, [award], check);
    const key = [...award.kinds].sort().join('\u0000');
    let own = byKinds.get(key);
    if (own === undefined) byKinds.set(key, (own = tablesOfKinds(award.kinds)));
    return giveAwards(own, [award], check);
  });
  // In table order (period, group), then the awards' order, as giveAwards gives them.
  const order = new Map<string, number>();
  for (const t of tables) for (const g of t.groups) order.set(`${t.period.key}\u0000${g.group}`, order.size);
  const awardIndex = new Map(awards.map((a, i) => [a.id, i]));
  return given.flat().sort((a, b) => a.period.localeCompare(b.period) || (order.get(`${a.period}\u0000${a.group}`) ?? Infinity) - (order.get(`${b.period}\u0000${b.group}`) ?? Infinity) || awardIndex.get(a.award)! - awardIndex.get(b.award)!);
}

/** The roll-up `id` of the ranking: its groups' results, tables and awards, and the awards their members share. */
function buildRollup(ranking: Ranking, id: string, results: readonly UnitPeriodResult[], rankOptions: RankOptions, check: ExclusionCheck): RollupLeague {
  const rollup = ranking.rollups.find((r) => r.id === id);
  if (rollup === undefined) throw new Error(`no roll-up ${id} in the standard's ranking (roll-ups: ${ranking.rollups.map((r) => r.id).join(', ') || 'none'})`);
  const groupResults = rollUp(results, { by: rollup.by, aggregate: rollup.aggregate, ...(rollup.within ? { within: rollup.within } : {}) });
  const { groupBy: _unitGroups, ...options } = rankOptions;
  const tables = rankUnits(groupResults, {
    ...options,
    // The share of members passing is better higher in every mode.
    better: rollup.aggregate === 'passing' ? 'higher' : options.better,
    minInspections: 1,
    ...(rollup.within ? { groupBy: rollup.within } : {}),
  });
  // A group's own exclusions are its members' (a member vetoed elsewhere keeps its group from the award).
  const membersOf = new Map<string, readonly string[]>(groupResults.map((g) => [`${g.period.key}\u0000${g.unit.id}`, g.members.map((m) => m.id)]));
  const groupCheck: ExclusionCheck = (rule, unit, period) => (membersOf.get(`${period}\u0000${unit}`) ?? []).some((m) => check(rule, m, period));
  const awards = giveAwards(tables, rollup.awards, groupCheck);
  const shared: SharedAward[] = [];
  for (const a of awards) for (const holder of a.holders) shared.push({ period: a.period, award: a.award, group: holder, members: membersOf.get(`${a.period}\u0000${holder}`) ?? [] });
  return {
    id: rollup.id,
    name: rollup.name,
    by: rollup.by,
    ...(rollup.within ? { within: rollup.within } : {}),
    aggregate: rollup.aggregate,
    ...(rollup.assumption ? { assumption: rollup.assumption } : {}),
    results: groupResults,
    tables,
    awards,
    shared,
  };
}

const idOf = (standard: string) => (standard.includes('@') ? standard.slice(0, standard.lastIndexOf('@')) : standard);

/**
 * What the scorecards say of a unit in a period, for exclusions in object form: this standard's
 * scorecards, or (`standard`) another's from `elsewhere`. Superseded scorecards do not count.
 */
function exclusionCheck(own: string, scorecards: readonly LeagueCard[], elsewhere: readonly LeagueCard[], period: PeriodUnit, calendar: Calendar | undefined): ExclusionCheck {
  let index: Map<string, LeagueCard[]> | undefined;
  const build = () => {
    const map = new Map<string, LeagueCard[]>();
    const superseded = supersededIds([...scorecards, ...elsewhere]);
    const add = (c: LeagueCard, standard: string) => {
      if (c.record !== undefined && superseded.has(c.record)) return;
      const key = periodOf(c.date, period, calendar)?.key;
      if (key !== undefined) pushTo(map, `${standard}\u0000${c.unit.id}\u0000${key}`, c);
    };
    for (const c of scorecards) add(c, own);
    for (const c of elsewhere) add(c, idOf(c.standard));
    return map;
  };
  return (rule, unit, periodKey) => {
    index ??= build();
    const cards = index.get(`${rule.standard ?? own}\u0000${unit}\u0000${periodKey}`) ?? [];
    return cards.some((c) => says(c, rule));
  };
}

function says(card: LeagueCard, rule: ExclusionRule): boolean {
  if (rule.veto) return card.lines.some((l) => l.type === 'veto');
  if (rule.verdict !== undefined) return card.verdict === rule.verdict;
  if (rule.bands !== undefined) return card.band !== null && rule.bands.includes(card.band.id);
  const outcome = card.outcomes.find((o) => o.id === rule.outcome);
  return outcome?.tier != null && rule.tiers!.includes(outcome.tier.id);
}

/** How a LeagueBuilder is built. */
export interface LeagueBuilderOptions {
  /**
   * The lines its results trace: `all` (the default: buildLeague's league), or only the 一票否决 lines
   * (`vetoes`), which is all the tables, awards, boards and roll-ups read: a league for text, Markdown,
   * CSV or xlsx tables then holds no other line of any card. (A league that reads the cards themselves,
   * see LeagueBuilder, keeps every line: its results trace them all.)
   */
  readonly traced?: TracedLines;
  /**
   * With every line traced: what to keep of a card's lines in their place (the same lines, in order), such as
   * lines the same to the letter as one object (`rank --format json`: report/same-lines.ts). The card's own by default.
   */
  readonly keepLines?: KeepLines;
}

/**
 * A league built while scorecards are scored, the rest of each card garbage at once. Each card goes to
 * its (period, unit) cell as it comes (an Aggregation): running totals and a few columns per card (its
 * record, date, totals, verdict, counts, kind, unit, and its lines by reference) — not the card. A card
 * that supersedes one already placed takes that one out of its cell; one superseded before it comes is
 * not placed. Only when the standard's ranking reads more of the cards than that — an award limited to
 * inspection kinds (a table of those cards alone), an exclusion in object form (a band, an outcome, a
 * verdict or a veto here or in another standard: `elsewhere`) — does it keep what the league reads of
 * each card (unit, date, totals, verdict, lines, band, outcomes) and build buildLeague's league from them.
 * Each record's unit is an object of its own: a unit the same to the letter as the one kept for its id is
 * kept once. The league is buildLeague's on the same scorecards (with `traced: 'vetoes'` and cells, but
 * for the results' lines, which are then the veto lines alone).
 *
 * @example
 * ```ts
 * import { compileStandard, scoreRecord, type Standard } from 'scoresheet';
 * import { LeagueBuilder } from 'scoresheet/league';
 *
 * declare const standard: Standard;
 * declare const records: unknown[];
 * const scorer = compileStandard(standard);
 * const builder = new LeagueBuilder(standard, { period: 'week', groupBy: 'grade' });
 * for (const record of records) {
 *   const scored = scoreRecord(scorer, record);
 *   if (scored.ok) builder.add(scored.scorecard);
 * }
 * console.log(builder.build().tables.length);
 * ```
 */
export class LeagueBuilder {
  readonly #settings: LeagueSettings;
  /** The cells, when the ranking reads no more of a card than they keep. */
  readonly #cells: Aggregation<SaidOfLeftOut> | undefined;
  /** Otherwise what the league reads of each card. */
  readonly #cards: LeagueCard[] = [];
  /** And of each card of another standard (addElsewhere), for exclusions by what it says. */
  readonly #elsewhere: LeagueCard[] = [];
  /** The records some card supersedes. */
  readonly #superseded = new Set<string>();
  /** Each record's unit is an object of its own: keeping one per card cost about as much as the rest of the league. */
  readonly #units = new SameUnits();

  /** What is kept of a card's lines (LeagueBuilderOptions.keepLines). */
  readonly #keepLines: KeepLines | undefined;

  constructor(
    readonly standard: Standard,
    readonly options: LeagueOptions,
    builder: LeagueBuilderOptions = {},
  ) {
    this.#settings = leagueSettings(standard, options);
    this.#keepLines = builder.keepLines;
    if (!readsCards(this.#settings.ranking, options)) {
      this.#cells = new Aggregation(this.#settings.aggregate, { traced: builder.traced ?? 'all', ...(builder.keepLines && { keepLines: builder.keepLines }), leftOut: inNoPeriod });
    }
  }

  add(card: Scorecard): void {
    const cells = this.#cells;
    if (cells === undefined) {
      this.#cards.push(this.#leagueCard(card));
      return;
    }
    this.#supersede(card, cells);
    if (card.record === undefined || !this.#superseded.has(card.record)) cells.add(card, this.#units.of(card.unit));
  }

  /**
   * A scorecard of another standard (`rank --also`), which only the ranking's exclusions by that standard
   * read: as a card of `options.elsewhere`, except that the cards added, here or with `add`, supersede one
   * another (an own card a correction of another standard supersedes is left out, and the other way round).
   */
  addElsewhere(card: Scorecard): void {
    if (this.#cells === undefined) this.#elsewhere.push(this.#leagueCard(card));
    // The cells read nothing of another standard's cards but what they supersede.
    else this.#supersede(card, this.#cells);
  }

  /** What the league reads of a card. */
  #leagueCard(card: Scorecard): LeagueCard {
    return {
      standard: card.standard,
      record: card.record,
      supersedes: card.supersedes,
      unit: this.#units.of(card.unit),
      date: card.date,
      kind: card.kind,
      base: card.base,
      total: card.total,
      complete: card.complete,
      verdict: card.verdict,
      lines: card.lines.length > 0 ? (this.#keepLines?.(card.lines) ?? card.lines) : NO_LINES,
      band: card.band,
      outcomes: card.outcomes.length > 0 ? card.outcomes : NO_OUTCOMES,
    };
  }

  /** A card's correction: the record it supersedes out of the cells, and never placed after. */
  #supersede(card: Scorecard, cells: Aggregation<SaidOfLeftOut>): void {
    if (card.supersedes !== undefined && !this.#superseded.has(card.supersedes)) {
      this.#superseded.add(card.supersedes);
      cells.remove(card.supersedes);
    }
  }

  build(): League {
    if (this.#cells === undefined) {
      if (this.#elsewhere.length === 0) return buildLeague(this.standard, this.#cards, this.options);
      // Superseded cards of either kind go first, as `rank --also` held them.
      const gone = supersededIds([...this.#cards, ...this.#elsewhere]);
      const current = (cards: readonly LeagueCard[]) => cards.filter((c) => c.record === undefined || !gone.has(c.record));
      return buildLeague(this.standard, current(this.#cards), { ...this.options, elsewhere: [...(this.options.elsewhere ?? []), ...current(this.#elsewhere)] });
    }
    const leftOut: LeftOutCard[] = [];
    const results = this.#cells.results((card) => leftOut.push(leftOutCard(card, this.#settings.calendar)));
    return assemble(this.standard, this.options, this.#settings, results, leftOut, readsNoCards, readsNoCards);
  }
}

/** Whether a league reads more of its cards than an Aggregation's cells keep (see LeagueBuilder). */
export function readsCards(ranking: Ranking, options: LeagueOptions): boolean {
  const objectForm = (exclude: readonly Exclusion[] | undefined) => (exclude ?? []).some((e) => typeof e === 'object');
  return (
    (options.elsewhere ?? []).length > 0 ||
    ranking.awards.some((a) => a.kinds !== undefined || objectForm(a.exclude)) ||
    objectForm(ranking.boards?.exclude) ||
    ranking.rollups.some((r) => r.awards.some((a) => objectForm(a.exclude)))
  );
}

/** What readsCards rules out is never asked of a LeagueBuilder's cells. */
const readsNoCards = (): never => {
  throw new Error('LeagueBuilder: this league reads the cards themselves (readsCards)');
};

/** What a LeagueBuilder keeps of a card in no period: what the league says of it. */
const inNoPeriod = (card: AggregatedCard): SaidOfLeftOut => ({ record: card.record, unit: card.unit, date: card.date });

/**
 * Units the same to the letter (the same keys in the same order, the same values, group included: so the
 * same JSON) given as one object: each record parses its own copy of its unit, and a league or report of
 * many cards would otherwise hold one per card.
 */
export class SameUnits {
  /** The last unit kept for each unit id, and its keys (and its group's). */
  readonly #units = new Map<string, { readonly unit: UnitRef; readonly keys: Keys }>();

  /** The unit, or the one kept for its id when that is the same to the letter. */
  of(unit: UnitRef): UnitRef {
    const kept = this.#units.get(unit.id);
    if (kept !== undefined && (kept.unit === unit || sameAs(kept.keys, kept.unit, unit))) return kept.unit;
    this.#units.set(unit.id, { unit, keys: keysOf(unit) });
    return unit;
  }
}

const NO_LINES: Scorecard['lines'] = Object.freeze([]);
const NO_OUTCOMES: Scorecard['outcomes'] = Object.freeze([]);

/** An object's keys in order, and those of its `group` when that is an object. */
interface Keys {
  readonly own: readonly string[];
  readonly group?: Keys;
}

function keysOf(object: object): Keys {
  const group = (object as { group?: unknown }).group;
  return typeof group === 'object' && group !== null ? { own: Object.keys(object), group: keysOf(group) } : { own: Object.keys(object) };
}

/**
 * Whether `b` has `a`'s keys (listed in `keys`) in the same order with the same values, its group
 * compared the same way: so the same JSON too. A for-in walk, with no list made of `b`'s keys.
 */
function sameAs(keys: Keys, a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let i = 0;
  for (const key in y) {
    if (key !== keys.own[i++] || !Object.hasOwn(y, key)) return false;
    if (x[key] === y[key]) continue;
    if (key !== 'group' || keys.group === undefined || typeof y[key] !== 'object' || y[key] === null || !sameAs(keys.group, x[key] as object, y[key] as object)) return false;
  }
  return i === keys.own.length;
}
