/**
 * The report model: a League (and optionally the scorecards behind it) arranged for people to look at —
 * the tables of the period the report is "as of", earlier periods, every unit's score trend and its
 * inspections with every deduction, and the items that cost the most. Data only, no wording: names
 * stay localized texts and reasons stay Messages, so one report renders in either language
 * (renderReportHtml, renderReportMarkdown).
 */
import type { LedgerEntry } from '../history/history.js';
import type { TracedLine, UnitPeriodResult } from '../aggregate/aggregate.js';
import { periodOf, type Calendar, type Period, type PeriodUnit } from '../aggregate/periods.js';
import type { Message } from '../messages/types.js';
import { awardStreaks, lastWarnings, type Boards, type GroupAwards, type LastWarning, type Streak } from '../rank/awards.js';
import type { League, LeftOutCard } from '../rank/league.js';
import type { RollupAggregate } from '../rank/rollup.js';
import type { LeagueTable, UnrankedReason } from '../rank/rank.js';
import type { UnitRef } from '../record-schema.js';
import type { LineType, Scorecard, ScoreLine } from '../score/scorecard.js';
import type { LocalizedText } from '../common-schema.js';
import type { Standard } from '../standard/schema.js';
import { pushTo } from '../collections.js';
import { addPoints, pointsOfSum, pointsToNumber, roundPoints, type Points } from '../points.js';
import { supersededIds } from '../score/scorecard.js';

export interface ReportOptions {
  /** The period key the report is as of (its tables lead; later periods are left out). Default: the latest. */
  readonly at?: string;
  /**
   * The scorecards the league was built from: adds each inspection's kind, inspector and total, and
   * the inspections that cost nothing. Without them, inspections are rebuilt from the league's lines.
   * What the report reads of each is a ReportCard (a Scorecard is one; `reportCard` keeps just that).
   */
  readonly scorecards?: readonly ReportCard[];
  /**
   * Instead of `scorecards`: only the league's own cards that have lines (superseded ones may be among
   * them; they are left out here). A unit period's other inspections cost nothing: its clean count is the
   * league's inspections less these.
   */
  readonly inspected?: readonly ReportCard[];
  /** The calendar given to buildLeague, to place the scorecards in their periods (default: the standard's). */
  readonly calendar?: Calendar;
  /** How many of the costliest items to list (default 10). */
  readonly top?: number;
  /** Records that could not be scored: the report says how many. */
  readonly rejected?: number;
  /** Shown as the report's generator (`scoresheet 0.1.0`). */
  readonly generator?: string;
  /** The rectification ledger (整改台账) for a standard with deadlines: the HTML report gets a section. */
  readonly ledger?: { readonly asOf: string; readonly entries: readonly LedgerEntry[] };
}

/** What a report reads of an inspection: a Scorecard is one. */
export type ReportCard = Pick<Scorecard, 'unit' | 'date' | 'record' | 'supersedes' | 'kind' | 'level' | 'inspector' | 'total' | 'lines' | 'cycle' | 'charges'>;

/** One empty list for every card without lines (most of a large run's: each card parses its own). */
const NONE: readonly never[] = Object.freeze([]);

/**
 * The ReportCard of a scorecard (with `unit` and `lines` in place of its own, when given: one object for
 * units the same to the letter, SameLines' lines), a new object with only those fields (absent ones left out), its lines by reference:
 * the rest of the scorecard (categories, reasons, provenance) is garbage at once. `scoresheet report` keeps
 * one of each card with lines (`inspected`) and feeds every card to a LeagueBuilder; a caller may keep one
 * of every card instead and give them as `scorecards`.
 *
 * @example
 * ```ts
 * import { compileStandard, scoreRecord, type Standard } from 'scoresheet';
 * import { LeagueBuilder } from 'scoresheet/league';
 * import { buildReport, reportCard, type ReportCard } from 'scoresheet/report';
 *
 * declare const standard: Standard;
 * declare const records: unknown[];
 * const scorer = compileStandard(standard);
 * const builder = new LeagueBuilder(standard, { period: 'week' }, { traced: 'vetoes' });
 * const inspected: ReportCard[] = [];
 * for (const record of records) {
 *   const scored = scoreRecord(scorer, record);
 *   if (!scored.ok) continue;
 *   builder.add(scored.scorecard);
 *   if (scored.scorecard.lines.length > 0) inspected.push(reportCard(scored.scorecard));
 * }
 * const report = buildReport(builder.build(), standard, { inspected });
 * ```
 */
export function reportCard(card: Scorecard, unit: Scorecard['unit'] = card.unit, lines: Scorecard['lines'] = card.lines): ReportCard {
  const out: { -readonly [K in keyof ReportCard]?: ReportCard[K] } = { unit, date: card.date, total: card.total, lines: lines.length === 0 ? NONE : lines };
  if (card.record !== undefined) out.record = card.record;
  if (card.supersedes !== undefined) out.supersedes = card.supersedes;
  if (card.kind !== undefined) out.kind = card.kind;
  if (card.level !== undefined) out.level = card.level;
  if (card.inspector !== undefined) out.inspector = card.inspector;
  if (card.cycle !== undefined) out.cycle = card.cycle;
  if (card.charges !== undefined) out.charges = card.charges;
  return out as ReportCard;
}

export interface ReportRow {
  readonly rank: number | null;
  readonly unranked?: UnrankedReason;
  readonly unit: UnitRef;
  readonly score: number | null;
  readonly inspections: number;
  /** Places moved since the previous period (positive = up); null when not ranked in both. */
  readonly change: number | null;
  /** Award ids the unit holds this period. */
  readonly awards: readonly string[];
  /** Group awards the unit shares as a member (同奖): the award id and the group holding it. */
  readonly shared?: readonly { readonly award: string; readonly group: string }[];
  /** The unit's 一票否决 lines this period (one per veto), shown on its row. */
  readonly vetoes: readonly TracedLine[];
}

/** A roll-up's tables: groups ranked from their members (`rank --roll-up`). */
export interface ReportRollup {
  readonly id: string;
  readonly name: LocalizedText;
  readonly aggregate: RollupAggregate;
  readonly assumption?: string;
  /** The current period's tables, a table per `within` group. */
  readonly tables: readonly ReportGroupTable[];
}

export interface ReportGroupTable {
  readonly period: Period;
  /** The group's value (高一), '' when not grouped. */
  readonly group: string;
  readonly rows: readonly ReportRow[];
  readonly awards: readonly GroupAwards[];
  /** 红榜 / 黑榜 as unit ids; absent when the standard has no boards. */
  readonly board?: Boards;
}

export interface ReportLine {
  readonly type: LineType;
  readonly item?: string;
  readonly points: number;
  readonly reason: Message;
  readonly source?: string;
  readonly note?: string;
}

/** One inspection of a unit. `total`, `kind` and `inspector` are known when scorecards were given. */
export interface ReportInspection {
  readonly record?: string;
  readonly date: string;
  readonly kind?: string;
  readonly level?: string;
  readonly inspector?: string;
  readonly total?: number;
  readonly lines: readonly ReportLine[];
  /** Where it stands in its unit's re-inspection cycle (a standard with outcomes.cycle). */
  readonly cycle?: Scorecard['cycle'];
  /** What its findings charged each party (a standard with charges). */
  readonly charges?: Scorecard['charges'];
}

export interface ReportUnitPeriod {
  readonly period: Period;
  readonly score: number | null;
  readonly rank: number | null;
  /** How many units were ranked in the unit's group that period. */
  readonly ranked: number;
  readonly unranked?: UnrankedReason;
  readonly inspections: number;
  /** The points frequency shortfalls cost (signed), with the requirement ids. */
  readonly shortfalls: UnitPeriodResult['shortfalls'];
  /** Inspections with at least one line; the others cost nothing. */
  readonly detailed: readonly ReportInspection[];
  /** Inspections with no line at all (known only with scorecards; otherwise inspections − detailed). */
  readonly clean: number;
  readonly awards: readonly string[];
}

export interface ReportUnit {
  readonly unit: UnitRef;
  readonly group: string;
  /** Every period of the report, oldest first. */
  readonly periods: readonly ReportUnitPeriod[];
}

export interface CostlyItem {
  /** The item or category id; '' for lines on the total. */
  readonly item: string;
  /**
   * Points lost to it (a positive number: deductions in deduct mode, penalty points in accumulate mode);
   * null when their sum is beyond the exact range of points (MAX_POINTS): refused, never inexact (listed first).
   */
  readonly points: number | null;
  /** Lines that cost points. */
  readonly times: number;
  /** Distinct units charged. */
  readonly units: number;
  /** The clauses behind those lines. */
  readonly sources: readonly string[];
}

export interface Report {
  readonly standard: {
    readonly id: string;
    readonly version: string;
    readonly name: LocalizedText;
    readonly mode: Standard['scoring']['mode'];
    readonly source?: string;
    /** How its boards show scores and weeks (ranking.display), when it says. */
    readonly display?: NonNullable<Standard['ranking']>['display'];
    /** Its tie-breakers (ranking.tieBreakers), when it has some: a table's footnote names them. */
    readonly tieBreakers?: readonly string[];
  };
  readonly periodUnit: PeriodUnit;
  readonly groupBy?: string;
  /** Every period of the report, oldest first; the last is `current`. */
  readonly periods: readonly Period[];
  readonly current: Period | null;
  /** Every period's tables, oldest first, a table per group. */
  readonly tables: readonly ReportGroupTable[];
  readonly units: readonly ReportUnit[];
  readonly costliest: readonly CostlyItem[];
  readonly warnings: readonly LastWarning[];
  readonly streaks: readonly Streak[];
  /** Names for ids the report mentions. */
  readonly names: {
    readonly items: Readonly<Record<string, LocalizedText>>;
    readonly awards: Readonly<Record<string, LocalizedText>>;
    readonly kinds: Readonly<Record<string, LocalizedText>>;
    readonly levels: Readonly<Record<string, LocalizedText>>;
  };
  /** The red flag's bar (the first award's `min`), drawn on trend charts. */
  readonly awardMin?: { readonly award: string; readonly min: number };
  /** Better scores are higher (deduct, award) or lower (accumulate). */
  readonly better: 'higher' | 'lower';
  readonly base?: number;
  readonly totals: { readonly inspections: number; readonly units: number; readonly lines: number; readonly rejected: number };
  readonly generator?: string;
  /** The rectification ledger, when the standard has deadlines (ReportOptions.ledger). */
  readonly ledger?: { readonly asOf: string; readonly entries: readonly LedgerEntry[] };
  /** The roll-up the league was built with: its groups' tables and awards. */
  readonly rollup?: ReportRollup;
  /** Inspections in no period of the calendar (a holiday, between terms), left out of every table; absent when none. */
  readonly leftOut?: readonly LeftOutCard[];
}

/**
 * Arranges a league for people: see the module comment.
 *
 * @example
 * ```ts
 * import type { League, Standard } from 'scoresheet';
 * import { buildReport, renderReportHtml } from 'scoresheet/report';
 *
 * declare const league: League;
 * declare const standard: Standard;
 * const html = renderReportHtml(buildReport(league, standard));
 * ```
 */
export function buildReport(league: League, standard: Standard, options: ReportOptions = {}): Report {
  const allKeys = league.tables.map((t) => t.period.key);
  const at = options.at ?? allKeys[allKeys.length - 1];
  if (options.at !== undefined && !allKeys.includes(options.at)) {
    throw new Error(`no period ${options.at} in the league (periods: ${allKeys.join(', ') || 'none'})`);
  }
  const tables = league.tables.filter((t) => at !== undefined && t.period.key <= at);
  const keys = new Set(tables.map((t) => t.period.key));
  const periods = tables.map((t) => t.period);
  const awards = league.awards.filter((a) => keys.has(a.period));
  const ranking = standard.ranking;
  // Warnings and streaks run up to the latest period: recounted when the report stops earlier.
  const upToLatest = tables.length === league.tables.length;
  const warnings = upToLatest ? league.warnings : ranking?.lastWarning ? lastWarnings(tables, ranking.lastWarning) : [];
  const streaks = upToLatest ? league.streaks : awardStreaks(awards, [...keys], ranking?.streak ?? 3);

  const holders = new Map<string, string[]>();
  for (const a of awards) for (const h of a.holders) pushTo(holders, `${a.period}\u0000${h}`, a.award);
  const heldBy = (period: string, unit: string) => holders.get(`${period}\u0000${unit}`) ?? [];

  const shared = new Map<string, { award: string; group: string }[]>();
  for (const s of league.rollup?.shared ?? []) if (keys.has(s.period)) for (const m of s.members) pushTo(shared, `${s.period}\u0000${m}`, { award: s.award, group: s.group });
  const groupTables = reportTables(tables, awards, league.boards, heldBy, (period, unit) => shared.get(`${period}\u0000${unit}`));
  const rollup = league.rollup;
  let reportRollup: ReportRollup | undefined;
  if (rollup) {
    const rollupAwards = rollup.awards.filter((a) => a.period === at);
    const groupHolders = new Map<string, string[]>();
    for (const a of rollupAwards) for (const h of a.holders) pushTo(groupHolders, h, a.award);
    reportRollup = {
      id: rollup.id,
      name: rollup.name,
      aggregate: rollup.aggregate,
      ...(rollup.assumption ? { assumption: rollup.assumption } : {}),
      tables: reportTables(rollup.tables.filter((t) => t.period.key === at), rollupAwards, [], (_period, group) => groupHolders.get(group) ?? [], () => undefined),
    };
  }

  // Only the cards with lines given (`inspected`): a cell's cards are its inspections with lines, the rest clean.
  const withLinesOnly = options.scorecards === undefined && options.inspected !== undefined;
  const cards = placeScorecards(options.scorecards ?? options.inspected, league.period, options.calendar ?? standard.calendar, keys);
  const units = unitDetails(tables, league.results.filter((r) => keys.has(r.period.key)), cards, heldBy, withLinesOnly);
  const results = league.results.filter((r) => keys.has(r.period.key));
  // A result's lines read from its cards where they account for it: the league's traced copies are never made.
  const ownCards = (r: UnitPeriodResult): readonly ReportCard[] | undefined => {
    const own = cards?.get(`${r.period.key}\u0000${r.unit.id}`);
    if (withLinesOnly) return own ?? NONE;
    return own !== undefined && own.length === r.inspections && own.length > 0 ? own : undefined;
  };
  // In date order, as the league traces them (the costliest items list their sources in the order met).
  const linesOf = (r: UnitPeriodResult): readonly ScoreLine[] => ownCards(r)?.filter((c) => c.lines.length > 0).sort(byDate).flatMap((c) => c.lines) ?? r.lines;
  const lineCount = (r: UnitPeriodResult): number => ownCards(r)?.reduce((n, c) => n + c.lines.length, 0) ?? r.lines.length;
  const mode = standard.scoring.mode;

  const items: Record<string, LocalizedText> = {};
  for (const category of standard.categories) {
    items[category.id] = category.name;
    for (const item of category.items) items[item.id] = item.name;
  }
  const named = (list: readonly { id: string; name?: LocalizedText | undefined }[]) => Object.fromEntries(list.map((e) => [e.id, e.name ?? { en: e.id }]));
  const firstMin = ranking?.awards.find((a) => a.min !== undefined);

  return {
    standard: {
      id: standard.id,
      version: standard.version,
      name: standard.name,
      mode,
      ...(standard.source ? { source: [standard.source.document, standard.source.clause].filter(Boolean).join(' ') } : {}),
      ...(standard.ranking?.display ? { display: standard.ranking.display } : {}),
      ...(standard.ranking && standard.ranking.tieBreakers.length > 0 ? { tieBreakers: standard.ranking.tieBreakers } : {}),
    },
    periodUnit: league.period,
    ...(league.groupBy ? { groupBy: league.groupBy } : {}),
    periods,
    current: periods[periods.length - 1] ?? null,
    tables: groupTables,
    units,
    costliest: costliest(results, linesOf, mode, options.top ?? 10),
    warnings,
    streaks,
    names: { items, awards: named([...(ranking?.awards ?? []), ...(ranking?.rollups.find((r) => r.id === rollup?.id)?.awards ?? [])]), kinds: named(standard.kinds), levels: named(standard.levels) },
    ...(firstMin ? { awardMin: { award: firstMin.id, min: firstMin.min! } } : {}),
    ...(options.ledger !== undefined && { ledger: options.ledger }),
    better: mode === 'accumulate' ? 'lower' : 'higher',
    ...(ranking?.base !== undefined ? { base: ranking.base } : standard.scoring.base !== undefined ? { base: standard.scoring.base } : {}),
    totals: {
      inspections: results.reduce((s, r) => s + r.inspections, 0),
      units: new Set(results.map((r) => r.unit.id)).size,
      lines: results.reduce((s, r) => s + lineCount(r), 0),
      rejected: options.rejected ?? 0,
    },
    ...(options.generator ? { generator: options.generator } : {}),
    ...(reportRollup ? { rollup: reportRollup } : {}),
    ...(league.leftOut !== undefined && league.leftOut.length > 0 ? { leftOut: league.leftOut } : {}),
  };
}

/** The tables of a league for people: each row's awards (and shared group awards), each group's awards and boards. */
function reportTables(
  tables: readonly LeagueTable[],
  awards: readonly GroupAwards[],
  boards: readonly Boards[],
  heldBy: (period: string, unit: string) => string[],
  sharedBy: (period: string, unit: string) => { award: string; group: string }[] | undefined,
): ReportGroupTable[] {
  return tables.flatMap((table) =>
    table.groups.map((g) => {
      const board = boards.find((b) => b.period === table.period.key && b.group === g.group);
      return {
        period: table.period,
        group: g.group,
        rows: g.rows.map((row) => {
          const shared = sharedBy(table.period.key, row.result.unit.id);
          return {
            rank: row.rank,
            ...(row.unranked ? { unranked: row.unranked } : {}),
            unit: row.result.unit,
            score: row.result.score,
            inspections: row.result.inspections,
            change: row.change,
            awards: heldBy(table.period.key, row.result.unit.id),
            ...(shared ? { shared } : {}),
            vetoes: row.vetoes,
          };
        }),
        awards: awards.filter((a) => a.period === table.period.key && a.group === g.group),
        ...(board ? { board } : {}),
      };
    }),
  );
}

/** Scorecards by `period\0unit`, as aggregateScorecards places them (superseded ones dropped). */
function placeScorecards(cards: readonly ReportCard[] | undefined, unit: PeriodUnit, calendar: Calendar | undefined, keys: ReadonlySet<string>): Map<string, ReportCard[]> | undefined {
  if (!cards) return undefined;
  const superseded = supersededIds(cards);
  const out = new Map<string, ReportCard[]>();
  for (const card of cards) {
    if (card.record !== undefined && superseded.has(card.record)) continue;
    const period = periodOf(card.date, unit, calendar);
    if (!period || !keys.has(period.key)) continue;
    const key = `${period.key}\u0000${card.unit.id}`;
    pushTo(out, key, card);
  }
  return out;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A line as the report shows it; field by field in ReportLine's order (conditional spreads cost ~0.06 µs each). */
function toLine(line: TracedLine | Scorecard['lines'][number]): ReportLine {
  const out = { type: line.type } as Mutable<ReportLine>;
  if (line.item !== undefined) out.item = line.item;
  out.points = line.points;
  out.reason = line.reason;
  if (line.source !== undefined) out.source = line.source;
  if (line.note !== undefined) out.note = line.note;
  return out;
}

const byDate = <T extends { date: string; record?: string | undefined }>(a: T, b: T) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : (a.record ?? '') < (b.record ?? '') ? -1 : (a.record ?? '') > (b.record ?? '') ? 1 : 0;

/**
 * A unit's inspections in a period: with scorecards — when they account for every inspection — each
 * card is one, and `detailed` is built from them each time it is read (a getter, so a report of a large
 * run holds no copy of its lines: the renderers read a unit's inspections once, as they write them);
 * otherwise they are rebuilt from the league's lines.
 */
function inspectionsOf(result: UnitPeriodResult, cards: readonly ReportCard[] | undefined, withLinesOnly: boolean): { detailed: () => ReportInspection[]; clean: number } {
  if (cards && withLinesOnly) return { detailed: () => detailedOf(cards), clean: Math.max(0, result.inspections - cards.length) };
  if (cards && cards.length === result.inspections) {
    let clean = 0;
    for (const c of cards) if (c.lines.length === 0) clean++;
    return { detailed: () => detailedOf(cards), clean };
  }
  const { detailed, clean } = fromLines(result);
  return { detailed: () => detailed, clean };
}

/** The cards with lines, by date, as inspections. */
function detailedOf(cards: readonly ReportCard[]): ReportInspection[] {
  return cards
    .filter((c) => c.lines.length > 0)
    .sort(byDate)
    .map((c) => {
      // Field by field in ReportInspection's order, as toLine.
      const out = (c.record !== undefined ? { record: c.record } : {}) as Mutable<ReportInspection>;
      out.date = c.date;
      if (c.kind !== undefined) out.kind = c.kind;
      if (c.level !== undefined) out.level = c.level;
      if (c.inspector !== undefined) out.inspector = c.inspector;
      out.total = c.total;
      out.lines = c.lines.map(toLine);
      if (c.cycle !== undefined) out.cycle = c.cycle;
      if (c.charges !== undefined && c.charges.length > 0) out.charges = c.charges;
      return out;
    });
}

/** Inspections rebuilt from a result's traced lines (no scorecards): those with lines, and how many without. */
function fromLines(result: UnitPeriodResult): { detailed: ReportInspection[]; clean: number } {
  const byRecord = new Map<string, ReportInspection & { lines: ReportLine[] }>();
  for (const line of result.lines) {
    const key = `${line.date}\u0000${line.record ?? ''}`;
    const entry = byRecord.get(key) ?? { ...(line.record !== undefined ? { record: line.record } : {}), date: line.date, lines: [] };
    entry.lines.push(toLine(line));
    byRecord.set(key, entry);
  }
  const detailed = [...byRecord.values()].sort(byDate);
  return { detailed, clean: Math.max(0, result.inspections - detailed.length) };
}

function unitDetails(
  tables: readonly LeagueTable[],
  results: readonly UnitPeriodResult[],
  cards: Map<string, ReportCard[]> | undefined,
  heldBy: (period: string, unit: string) => string[],
  withLinesOnly: boolean,
): ReportUnit[] {
  // Rank, group and group size of each unit in each period.
  const placed = new Map<string, { rank: number | null; unranked?: UnrankedReason; group: string; ranked: number }>();
  const groupOf = new Map<string, string>();
  const groupOrder: string[] = [];
  for (const table of tables) {
    for (const g of table.groups) {
      if (!groupOrder.includes(g.group)) groupOrder.push(g.group);
      const ranked = g.rows.filter((r) => r.rank !== null).length;
      for (const row of g.rows) {
        groupOf.set(row.result.unit.id, g.group);
        placed.set(`${table.period.key}\u0000${row.result.unit.id}`, { rank: row.rank, ...(row.unranked ? { unranked: row.unranked } : {}), group: g.group, ranked });
      }
    }
  }
  const byUnit = new Map<string, { unit: UnitRef; results: UnitPeriodResult[] }>();
  for (const r of results) {
    const entry = byUnit.get(r.unit.id) ?? { unit: r.unit, results: [] };
    entry.results.push(r);
    byUnit.set(r.unit.id, entry);
  }
  const units = [...byUnit.values()].map(({ unit, results: own }) => ({
    unit,
    group: groupOf.get(unit.id) ?? '',
    periods: own
      .sort((a, b) => (a.period.key < b.period.key ? -1 : 1))
      .map((r): ReportUnitPeriod => {
        const key = `${r.period.key}\u0000${unit.id}`;
        const place = placed.get(key);
        const { detailed, clean } = inspectionsOf(r, cards ? (cards.get(key) ?? []) : undefined, withLinesOnly);
        const out: Record<string, unknown> = {
          period: r.period,
          score: r.score,
          rank: place?.rank ?? null,
          ranked: place?.ranked ?? 0,
          ...(place?.unranked ? { unranked: place.unranked } : {}),
          inspections: r.inspections,
          shortfalls: r.shortfalls,
        };
        // In its place among the keys (the model serialises as a plain one), built when read.
        Object.defineProperty(out, 'detailed', { get: detailed, enumerable: true, configurable: true });
        out.clean = clean;
        out.awards = heldBy(r.period.key, unit.id);
        return out as unknown as ReportUnitPeriod;
      }),
  }));
  // Grouped as the tables are, then by id (高一(1)班, 高一(2)班, …).
  return units.sort((a, b) => groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group) || (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0));
}

/** The items that cost the most points over the report's periods, most first. */
function costliest(results: readonly UnitPeriodResult[], linesOf: (r: UnitPeriodResult) => readonly ScoreLine[], mode: Standard['scoring']['mode'], top: number): CostlyItem[] {
  const cost = (points: number) => (mode === 'accumulate' ? Math.max(0, points) : Math.max(0, -points));
  const byItem = new Map<string, { points: Points | bigint; times: number; units: Set<string>; sources: Set<string> }>();
  for (const r of results) {
    for (const line of linesOf(r)) {
      const c = cost(line.points);
      if (c === 0) continue;
      const key = line.item ?? '';
      const entry = byItem.get(key) ?? { points: 0, times: 0, units: new Set<string>(), sources: new Set<string>() };
      // Points are exact to 4 decimals: sum them as exact points.
      entry.points = addPoints(entry.points, roundPoints(c));
      entry.times++;
      entry.units.add(r.unit.id);
      if (line.source) entry.sources.add(line.source);
      byItem.set(key, entry);
    }
  }
  return [...byItem.entries()]
    .map(([item, e]) => {
      const held = pointsOfSum(e.points);
      return { item, points: held === undefined ? null : pointsToNumber(held), times: e.times, units: e.units.size, sources: [...e.sources] };
    })
    .sort((a, b) => (b.points ?? Infinity) - (a.points ?? Infinity) || b.times - a.times || (a.item < b.item ? -1 : 1))
    .slice(0, top);
}
