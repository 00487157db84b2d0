/**
 * What `rank` and `report` share: the standards, roster and calendar loaded, every record source read,
 * findings charged to the units responsible, the records scored, and the league built.
 */
import { loadCalendar } from '../aggregate/calendar-file.js';
import type { Calendar, PeriodUnit } from '../aggregate/periods.js';
import type { TracedLines } from '../aggregate/aggregate.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { wordsOf, type Locale } from '../messages/locales.js';
import type { TextEncodingName } from '../records/decode.js';
import type { RecordFormat } from '../records/read.js';
import { buildLeague, LeagueBuilder, SameUnits, type League, type LeagueBuilderOptions, type LeagueOptions } from '../rank/league.js';
import type { TiePolicy } from '../rank/rank.js';
import type { Readable } from 'node:stream';
import { RecordIds } from '../score/batch.js';
import { StandardSet } from '../score/editions.js';
import { scoreHistoryStream } from '../history/stream.js';
import { HistoryScorer, usesHistory, type LedgerEntry } from '../history/history.js';
import type { Scorecard, Verdict } from '../score/scorecard.js';
import type { Standard } from '../standard/schema.js';
import { assignStream, loadRoster, ndjsonIdCheck, recordItems, SourceError, sourceFormats } from './inputs.js';
import type { Output } from './io.js';
import { loadStandardSet, standardLoadOptions } from './standards.js';
import { DEFAULT_MAX_PROBLEMS, problemPrinter, rejectedRecordCounter } from './problems.js';
import { supersededIds } from '../score/scorecard.js';
import { reportCard, type ReportCard } from '../report/report.js';
import { SameLines } from '../report/same-lines.js';

export interface LeagueInputOptions {
  readonly standards: readonly string[];
  readonly period: PeriodUnit;
  readonly lang: Locale;
  readonly groupBy?: string;
  readonly ties?: TiePolicy;
  readonly units?: string;
  readonly roster?: string;
  readonly calendar?: string;
  /** --roll-up: one of the standard's ranking.rollups, ranked too. */
  readonly rollUp?: string;
  /** --also: standards whose records only decide awards (exclusions by another standard). */
  readonly also?: readonly string[];
  readonly inputFormat?: RecordFormat;
  readonly encoding?: TextEncodingName;
  readonly map?: string;
  /** xlsx: the sheet to read (--sheet). */
  readonly sheet?: string;
  /** --allow-root: folders where `extends:` may also find a base. */
  readonly allowRoot?: readonly string[];
  readonly maxRecordBytes?: number;
  readonly maxFileBytes?: number;
  /** Problems printed on stderr (and listed by `rank --format json`) before the rest are only counted. */
  readonly maxProblems?: number;
  /** --decimals and --weeks: how boards show scores and weeks (over the standard's ranking.display). */
  readonly decimals?: number;
  readonly weeks?: 'key' | 'number' | 'range';
}

/** The rejected records, without holding their problems: those were printed as they were found. */
export interface Rejected {
  /** How many records were rejected. */
  readonly records: number;
  /** The problems printed on stderr: the first --max-problems of them. */
  readonly listed: readonly Diagnostic[];
  /** How many more problems there were. */
  readonly notListed: number;
}

/** How the league is fed: with every scorecard held (`report` shows them), or as they are scored (`rank`). */
export interface LeagueFeed {
  /**
   * Hold every scorecard (returned as `scorecards`); otherwise each goes to a LeagueBuilder as it is
   * scored and only what the league reads is kept (an --also standard's card: LeagueBuilder.addElsewhere).
   */
  readonly hold: boolean;
  /**
   * Without `hold` (`report`): of each of the league's own cards with lines, keep a ReportCard
   * (returned as `inspected`, superseded ones left out); the cards without lines are only counted by the league.
   */
  readonly inspected?: boolean;
  /** Verdicts to look for among the ranked scorecards (`rank --fail-on`): those found are `verdicts`. */
  readonly watch?: readonly Verdict[];
  /** Without `hold`: the lines the league's results trace (`vetoes` when the output prints no other line). */
  readonly traced?: TracedLines;
}

export interface LeagueInput {
  /** The standard whose ranking rules apply: the newest edition loaded. */
  readonly standard: Standard;
  readonly league: League;
  /** The ranked scorecards (superseded ones and the --also standards' left out), when held. */
  readonly scorecards?: readonly Scorecard[];
  /** The ranked cards with lines (superseded ones and the --also standards' left out), when asked for (LeagueFeed.inspected). */
  readonly inspected?: readonly ReportCard[];
  /** Which of the watched verdicts some ranked scorecard has. */
  readonly verdicts: ReadonlySet<Verdict>;
  readonly rejected: Rejected;
  readonly calendar?: Calendar;
  /** The rectification ledger as of the last record, for a standard with deadlines (issue 17). */
  readonly ledger?: { readonly asOf: string; readonly entries: readonly LedgerEntry[] };
}

/** The league of the records in `inputs` (`stdin` when none); 2 when it could not be made (said on `out`). */
export async function loadLeagueInput(inputs: readonly string[], options: LeagueInputOptions, out: Output, stdin: Readable, feed: LeagueFeed & { readonly hold: false; readonly inspected: true }): Promise<(LeagueInput & { readonly inspected: readonly ReportCard[] }) | 2>;
export async function loadLeagueInput(inputs: readonly string[], options: LeagueInputOptions, out: Output, stdin: Readable, feed?: LeagueFeed & { readonly hold: true }): Promise<(LeagueInput & { readonly scorecards: readonly Scorecard[] }) | 2>;
export async function loadLeagueInput(inputs: readonly string[], options: LeagueInputOptions, out: Output, stdin: Readable, feed: LeagueFeed): Promise<LeagueInput | 2>;
export async function loadLeagueInput(inputs: readonly string[], options: LeagueInputOptions, out: Output, stdin: Readable, feed: LeagueFeed = { hold: true }): Promise<LeagueInput | 2> {
  const ranked = await loadStandardSet(options.standards, standardLoadOptions(options), out);
  if (!ranked) return 2;
  const also = options.also && options.also.length > 0 ? await loadStandardSet(options.also, standardLoadOptions(options), out) : undefined;
  if (options.also && options.also.length > 0 && !also) return 2;
  const set = also ? new StandardSet([...ranked.scorers, ...also.scorers]) : ranked;
  // The newest edition's ranking rules apply to the table.
  const standard = [...ranked.scorers].sort((a, b) => ((a.standard.effective?.from ?? '') < (b.standard.effective?.from ?? '') ? 1 : -1))[0]!.standard;
  if (options.rollUp !== undefined && !(standard.ranking?.rollups ?? []).some((r) => r.id === options.rollUp)) {
    out.err(wordsOf(options.lang).cli.unknownRollup(options.rollUp, (standard.ranking?.rollups ?? []).map((r) => r.id).join(', ')));
    return 2;
  }

  const roster = await loadRoster(options, options.lang);
  if ('error' in roster) {
    out.err(roster.error);
    return 2;
  }
  let calendar: Calendar | undefined;
  if (options.calendar) {
    // A bad calendar is a bad side file, as a bad roster is: every problem with its position, exit 2.
    const loaded = await loadCalendar(options.calendar, options.lang);
    if (!loaded.ok) {
      for (const d of loaded.diagnostics) out.err(formatDiagnostic(d));
      return 2;
    }
    calendar = loaded.calendar;
  }

  const sources = inputs.length === 0 ? ['-'] : inputs;
  const formats = sourceFormats(sources, options.inputFormat, out, options.lang);
  if (formats === undefined) return 2;
  // Every source as one stream (a record id is unique across them), each record scored as it is read:
  // only the scorecards are held, not the records.
  const read = async function* () {
    for (let i = 0; i < sources.length; i++) yield* recordItems(sources[i]!, formats[i]!, { ...options, precheck: set.precheck }, stdin);
  };
  // The --also standards' scorecards only decide awards; the table ranks the standard's own.
  const alsoIds = new Set((also?.scorers ?? []).map((s) => s.standard.id).filter((id) => id !== standard.id));
  const idOf = (c: Scorecard) => c.standard.slice(0, c.standard.lastIndexOf('@'));
  const leagueOptions = (elsewhere: readonly Scorecard[]): LeagueOptions => ({
    period: options.period,
    ...(options.groupBy ? { groupBy: options.groupBy } : {}),
    ...(options.ties ? { ties: options.ties } : {}),
    ...(roster.units ? { units: roster.units } : {}),
    ...(calendar ? { calendar } : {}),
    ...(options.rollUp !== undefined ? { rollup: options.rollUp } : {}),
    ...(elsewhere.length > 0 ? { elsewhere } : {}),
  });
  // The --also standards' cards go to the builder as cards of another standard (addElsewhere): read by
  // exclusions, and superseding the own cards or superseded by them. Held whole for a report with --also.
  const isElsewhere = alsoIds.size === 0 ? undefined : (c: Scorecard) => alsoIds.has(idOf(c));
  const take = feed.hold
    ? holdCards()
    : streamCards(feed.watch ?? [], new LeagueBuilder(standard, leagueOptions([]), leagueFeed(feed.traced ?? 'all')), isElsewhere);
  // Problems go to stderr as they are found, the first --max-problems of them: none is held beyond those.
  const problems = problemPrinter(out, options.maxProblems ?? DEFAULT_MAX_PROBLEMS, options.lang);
  const counter = rejectedRecordCounter();
  const history = set.scorers.some(usesHistory) ? new HistoryScorer((record) => set.select(record)) : undefined;
  const inspected = !feed.hold && feed.inspected === true ? inspectedCards(isElsewhere, history !== undefined) : undefined;
  try {
    for await (const item of scoreHistoryStream(set, assignStream(read(), roster, options.lang), options.lang, new RecordIds({ verify: ndjsonIdCheck(options.maxRecordBytes) }), history)) {
      if ('scorecard' in item) {
        take.add(item.scorecard);
        inspected?.add(item.scorecard);
      } else {
        for (const d of item.diagnostics) {
          counter.add(d);
          problems.print(d);
        }
      }
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    problems.end();
    out.err(error.message);
    return 2;
  }
  problems.end();
  const rejected: Rejected = { records: counter.count(), listed: problems.printed, notListed: problems.notPrinted() };
  if (!('cards' in take)) {
    const { league, verdicts } = take.end();
    if (inspected === undefined) return { standard, league, verdicts, rejected, ...(calendar ? { calendar } : {}) };
    const { cards, asOf } = inspected.end();
    return { standard, league, inspected: cards, verdicts, rejected, ...(calendar ? { calendar } : {}), ...(history && { ledger: { asOf, entries: history.ledger(asOf) } }) };
  }
  const cards = take.cards;
  // A record another one supersedes (a corrected sheet, 复核) is left out.
  const superseded = supersededIds(cards);
  const current = superseded.size === 0 ? cards : cards.filter((c) => c.record === undefined || !superseded.has(c.record));
  const scorecards = alsoIds.size === 0 ? current : current.filter((c) => !alsoIds.has(idOf(c)));
  const elsewhere = alsoIds.size === 0 ? [] : current.filter((c) => alsoIds.has(idOf(c)));
  const league = buildLeague(standard, scorecards, leagueOptions(elsewhere));
  const watched = new Set(feed.watch ?? []);
  const verdicts = new Set(scorecards.filter((c) => watched.has(c.verdict)).map((c) => c.verdict));
  const asOf = scorecards.reduce((last, c) => (c.date > last ? c.date : last), '');
  return { standard, league, scorecards, verdicts, rejected, ...(calendar ? { calendar } : {}), ...(history && { ledger: { asOf, entries: history.ledger(asOf) } }) };
}

/** How the builder keeps lines: with all of them traced (`rank --format json` prints them), lines the same to the letter as one. */
function leagueFeed(traced: TracedLines): LeagueBuilderOptions {
  if (traced !== 'all') return { traced };
  const same = new SameLines();
  return { traced, keepLines: (lines) => same.of(lines) };
}

/** Every scorecard, held whole. */
function holdCards(): { readonly cards: Scorecard[]; add(card: Scorecard): void } {
  const cards: Scorecard[] = [];
  return { cards, add: (card) => cards.push(card) };
}

/**
 * What `report` keeps of the own standard's cards besides the league: a ReportCard of each card with
 * lines (units the same to the letter as one object), and the ids every card supersedes (those are left
 * out at the end, as the league leaves them out). Lines the same to the letter are kept as one (SameLines). With a history (`dated`), each card's date and record
 * too, for the ledger's date: the last date of a card not superseded.
 */
function inspectedCards(isElsewhere: ((card: Scorecard) => boolean) | undefined, dated: boolean) {
  const cards: ReportCard[] = [];
  const superseded = new Set<string>();
  const units = new SameUnits();
  const lines = new SameLines();
  const dates: { readonly date: string; readonly record: string | undefined }[] = [];
  return {
    add(card: Scorecard): void {
      if (card.supersedes !== undefined) superseded.add(card.supersedes);
      if (isElsewhere?.(card)) return;
      if (dated) dates.push({ date: card.date, record: card.record });
      if (card.lines.length > 0) cards.push(reportCard(card, units.of(card.unit), lines.of(card.lines)));
    },
    end(): { cards: ReportCard[]; asOf: string } {
      const alive = (c: { readonly record?: string | undefined }) => c.record === undefined || !superseded.has(c.record);
      const asOf = dates.reduce((last, c) => (c.date > last && alive(c) ? c.date : last), '');
      return { cards: superseded.size === 0 ? cards : cards.filter(alive), asOf };
    },
  };
}

/**
 * Each scorecard to a LeagueBuilder as it is scored: the builder keeps only what the league reads, and
 * the rest of every card is garbage at once. A superseded card is added too; the league leaves it out
 * as the held path does (aggregation and exclusions drop what another card supersedes). Of the watched
 * verdicts, only the ids of the cards that have one are kept, to tell at the end whether such a card
 * was superseded. (The builder keeps units the same to the letter as one object, SameUnits.)
 */
export function streamCards(watch: readonly Verdict[], builder: Pick<LeagueBuilder, 'add' | 'addElsewhere' | 'build'>, isElsewhere?: (card: Scorecard) => boolean) {
  const superseded = new Set<string>();
  const watched = new Set(watch);
  const found = new Set<Verdict>();
  const watchedIds: { readonly id: string; readonly verdict: Verdict }[] = [];
  return {
    add(card: Scorecard): void {
      if (card.supersedes !== undefined) superseded.add(card.supersedes);
      if (isElsewhere?.(card)) {
        builder.addElsewhere(card);
        return;
      }
      builder.add(card);
      if (!watched.has(card.verdict)) return;
      if (card.record === undefined) found.add(card.verdict);
      else watchedIds.push({ id: card.record, verdict: card.verdict });
    },
    end(): { league: League; verdicts: ReadonlySet<Verdict> } {
      for (const w of watchedIds) if (!superseded.has(w.id)) found.add(w.verdict);
      return { league: builder.build(), verdicts: found };
    },
  };
}
