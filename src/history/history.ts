/**
 * Scoring with history (issue 17): a unit's records in date order, with what its past adds: findings
 * that must be fixed by a deadline (限期整改) and cost more when they are not, repeats within a window
 * (屡教不改), findings found late (000:135). A layer around score/: a record is scored as always, and
 * its items' history lines are added before their floor (扣完为止). Standards without `rectify`,
 * `repeat` or `foundLate` are scored exactly as without this layer.
 *
 * The state kept per unit is bounded: its open findings, and its offences inside the longest repeat
 * window. docs/rectification.md.
 */
import type { CompiledItem, CompiledRuleEntry, Scorer } from '../compile/standard.js';
import { addDays, daysBetween, isoWeekday } from '../dates.js';
import type { Message } from '../messages/types.js';
import { pointsOf, pointsToNumber, timesPoints, type Points } from '../points.js';
import type { Finding, InspectionRecord, UnitRef } from '../record-schema.js';
import type { Standard } from '../standard/schema.js';
import { scoreChecked, type RecordHistory, type RecordRun } from '../score/score.js';
import type { BandRef, Charge, Scorecard, ScoreAttempt, ScoreResult } from '../score/scorecard.js';
import type { RecordProblem } from '../diagnostics.js';
import { inlineSource, placeProblems, type RecordSource } from '../records/diagnostics.js';
import { editionProblem } from '../score/editions.js';
import type { Locale } from '../messages/locales.js';
import { spanDays, weekdayNumber, type Charge as ChargeSpec, type FoundLate, type Rectify, type Repeat } from '../common-schema.js';
import { supersededIds } from '../score/scorecard.js';

/** The keys an item or a rule may carry about time (and what its findings charge). */
type HistoryKeys = {
  readonly rectify?: Rectify | undefined;
  readonly repeat?: Repeat | undefined;
  readonly foundLate?: FoundLate | undefined;
  readonly charges?: readonly ChargeSpec[] | undefined;
};

/** A school term of the standard's calendar. */
type Term = NonNullable<Standard['calendar']>['terms'][number];

/** Where a finding stands on the ledger (整改台账) on a day. */
export type LedgerStatus = 'open' | 'overdue' | 'closed';

/** A finding with a deadline, as it was found. */
export interface LedgerFinding {
  /** The finding's stable id: its own `id`, or the record's id (else unit/date/kind) + `#` + its place from 1. */
  readonly id: string;
  readonly unit: UnitRef;
  readonly item: string;
  /** The record it was found in, when that has an id. */
  readonly record?: string;
  readonly found: string;
  readonly due: string;
  readonly note?: string;
}

/** One finding with a deadline: the rectification ledger's row. */
export interface LedgerEntry extends LedgerFinding {
  readonly status: LedgerStatus;
  /** The follow-up (复查) that found it fixed. */
  readonly closed?: string;
  /** Days past the deadline: on the as-of day while open, on the day it was closed once closed. */
  readonly daysOverdue: number;
}

/** What an item, or one of its rules, says about time. */
interface HistorySpec {
  /** The rule it is on (its path), or undefined for the item: a rule's keys apply to the findings it scored. */
  readonly rule: string | undefined;
  readonly rectify?: Rectify;
  readonly repeat?: Repeat;
  readonly foundLate?: FoundLate;
  readonly charges?: readonly ChargeSpec[];
  /** Where the keys sit (`categories[0].items[1]`, or a rule's path): charges are named `<path>.charges[i]`. */
  readonly path: string;
  readonly rectifyRule: CompiledRuleEntry;
  readonly repeatRule: CompiledRuleEntry;
  readonly foundLateRule: CompiledRuleEntry;
  readonly terms: readonly Term[];
}

/** An item's specs: its rules' first (a rule's deadline wins over its item's for what the rule scored), then its own. */
type ItemHistory = readonly HistorySpec[];

interface OpenFinding extends LedgerFinding {
  readonly late: Rectify['late'];
  readonly spec: HistorySpec;
  /** Whether being late has been charged (once, on the unit's first inspection after the deadline). */
  charged: boolean;
}

/** What one unit's past holds: bounded by its open findings and the offences inside the longest window. */
interface UnitState {
  readonly open: Map<string, OpenFinding>;
  /** Item id → dates of its findings (earlier records only), oldest first. */
  readonly offences: Map<string, string[]>;
  /** The date of the unit's last record scored. */
  last: string;
  /** Its last grade given (outcomes.cycle), and, while a re-inspection is awaited, the band of the initial inspection. */
  grade: BandRef | null;
  pending: { readonly band: BandRef | null } | undefined;
}

const histories = new WeakMap<Scorer, ReadonlyMap<string, ItemHistory>>();

/** The items of a standard that have history, by item id; empty for a standard without any. */
export function itemHistories(scorer: Scorer): ReadonlyMap<string, ItemHistory> {
  let map = histories.get(scorer);
  if (map !== undefined) return map;
  const built = new Map<string, ItemHistory>();
  const terms = scorer.standard.calendar?.terms ?? [];
  let i = 0;
  for (const category of scorer.standard.categories) {
    for (const item of category.items) {
      const compiled = scorer.items[i++]!;
      const spec = (keys: HistoryKeys, path: string, rule: string | undefined, source: string | undefined): HistorySpec[] => {
        if (keys.rectify === undefined && keys.repeat === undefined && keys.foundLate === undefined && keys.charges === undefined) return [];
        const entry = (key: string, own: string | undefined): CompiledRuleEntry => ({ ...compiled.limitRule, path: `${path}.${key}`, source: own ?? source, reason: undefined });
        return [{
          rule,
          ...(keys.rectify && { rectify: keys.rectify }),
          ...(keys.repeat && { repeat: keys.repeat }),
          ...(keys.foundLate && { foundLate: keys.foundLate }),
          ...(keys.charges && { charges: keys.charges }),
          path,
          rectifyRule: entry('rectify', keys.rectify?.source),
          repeatRule: entry('repeat', keys.repeat?.source),
          foundLateRule: entry('foundLate', keys.foundLate?.source),
          terms,
        }];
      };
      const specs = [...item.rules.flatMap((rule, r) => spec(rule, `${compiled.path}.rules[${r}]`, `${compiled.path}.rules[${r}]`, rule.source ?? compiled.source)), ...spec(item, compiled.path, undefined, compiled.source)];
      if (specs.length > 0) built.set(compiled.id, specs);
    }
  }
  histories.set(scorer, (map = built));
  return map;
}

/** Whether a standard says anything about time: otherwise scoring needs no history at all. */
export const usesHistory = (scorer: Scorer): boolean => itemHistories(scorer).size > 0 || scorer.standard.outcomes.cycle !== undefined;

/** A finding's stable id (documented in docs/rectification.md). */
export function findingId(record: InspectionRecord, index: number): string {
  const given = record.findings[index]!.id;
  if (given !== undefined) return given;
  const base = record.id ?? `${record.unit.id}/${record.date}/${record.kind ?? ''}`;
  return `${base}#${index + 1}`;
}

/** The day a finding found on `found` must be fixed by (inclusive). */
export function dueDate(found: string, within: string): string {
  const days = spanDays(within);
  if (days !== undefined) return addDays(found, days);
  const weekday = weekdayNumber(within);
  // "by Friday": the next Friday after the day it was found (found on a Friday: a week later)
  if (weekday !== undefined) return addDays(found, ((weekday - isoWeekday(found) + 6) % 7) + 1);
  return within;
}

/** Whether `earlier` falls in the repeat window that ends on `date` (`terms`: the standard's school terms). */
function inWindow(earlier: string, date: string, window: string, terms: readonly Term[]): boolean {
  const days = spanDays(window);
  if (days !== undefined) return daysBetween(earlier, date) <= days;
  if (window === 'month') return earlier.slice(0, 7) === date.slice(0, 7);
  // term: the same school term; a day between terms is in none, so nothing repeats across a holiday
  if (window === 'term') return terms.some((t) => t.from <= earlier && date <= t.to);
  // week: the same Monday-first calendar week
  return addDays(earlier, 1 - isoWeekday(earlier)) === addDays(date, 1 - isoWeekday(date));
}

/** Found late: in a later month than it occurred, or more than the span after it. */
function isFoundLate(occurred: string, found: string, after: string): boolean {
  const days = spanDays(after);
  return days !== undefined ? daysBetween(occurred, found) > days : found.slice(0, 7) > occurred.slice(0, 7);
}

/** Signed points → what they take or give, as a positive amount. */
const magnitude = (p: Points): Points => (p < 0 ? -p : p);

/** Scores the history of one record: the hook score.ts calls for each item. */
class RecordHistoryRun implements RecordHistory {
  /** The overdue findings charged: an item that did not apply to this record (not applicable) charges nothing, and they wait for the next. */
  readonly charged: OpenFinding[] = [];

  constructor(
    private readonly items: ReadonlyMap<string, ItemHistory>,
    private readonly state: UnitState,
    private readonly overdue: ReadonlyMap<string, readonly OpenFinding[]>,
  ) {}

  wants(item: CompiledItem): boolean {
    return this.overdue.has(item.id);
  }

  score(run: RecordRun, item: CompiledItem, first: number): void {
    const specs = this.items.get(item.id);
    if (specs === undefined) return;
    const record = run.record;
    const end = run.lines.length;
    for (const spec of specs) {
      if (spec.repeat === undefined && spec.foundLate === undefined) continue;
      for (const f of run.findingIndices) {
        // Only what this finding's own lines took is multiplied: its item's deductions for it (a rule's: that rule's).
        let base: Points = 0;
        let scored = false;
        for (let i = first; i < end; i++) {
          const line = run.lines[i]!;
          if (line.finding !== f || line.type !== 'deduction' || (spec.rule !== undefined && line.rule !== spec.rule)) continue;
          base += magnitude(run.linePoints[i]!);
          scored = true;
        }
        // A rule's repeat and late discovery apply to the findings that rule scored.
        if (spec.rule !== undefined && !scored) continue;
        this.repeat(run, spec, record.date, f, base);
        this.foundLate(run, spec, record.findings[f]!, record.date, f, base);
      }
    }
    for (const open of this.overdue.get(item.id) ?? []) {
      this.charged.push(open);
      const data = { finding: open.id, due: open.due, days: daysBetween(open.due, record.date) };
      run.attribute(open.spec.rectifyRule);
      if (open.late.points !== undefined) run.deduct(pointsOf(open.late.points), { messageId: 'line.rectify_overdue', data: { ...data, points: open.late.points } }, { note: open.id });
      if (open.late.fail) run.unmet({ messageId: 'line.rectify_overdue_fail', data }, { note: open.id });
    }
  }

  private repeat(run: RecordRun, config: HistorySpec, date: string, f: number, base: Points): void {
    const repeat = config.repeat;
    if (repeat === undefined) return;
    const earlier = (this.state.offences.get(config.repeatRule.path) ?? []).filter((d) => inWindow(d, date, repeat.within, config.terms)).length;
    if (earlier === 0) return;
    const extra = repeat.extra !== undefined ? pointsOf(repeat.extra[Math.min(earlier, repeat.extra.length) - 1]!) : timesPoints(base, repeat.multiply! - 1);
    run.attribute(config.repeatRule);
    run.deduct(extra, { messageId: 'line.repeat', data: { repeats: earlier, window: repeat.within, ...(repeat.multiply !== undefined && { multiply: repeat.multiply }) } }, { finding: f });
  }

  private foundLate(run: RecordRun, config: HistorySpec, finding: Finding, date: string, f: number, base: Points): void {
    const late = config.foundLate;
    if (late === undefined || finding.occurred === undefined || !isFoundLate(finding.occurred, date, late.after)) return;
    run.attribute(config.foundLateRule);
    run.deduct(timesPoints(base, late.multiply - 1), { messageId: 'line.found_late', data: { occurred: finding.occurred, multiply: late.multiply } }, { finding: f });
  }
}

/**
 * How records of one unit on one day are taken: inspections before follow-ups (a 复查 the same day
 * can close what was found that morning), then by id and content, so the order given never matters.
 */
function recordOrder(a: InspectionRecord, b: InspectionRecord): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const fa = a.follows === undefined ? 0 : 1;
  const fb = b.follows === undefined ? 0 : 1;
  if (fa !== fb) return fa - fb;
  const ia = a.id ?? '';
  const ib = b.id ?? '';
  if (ia !== ib) return ia < ib ? -1 : 1;
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

export interface HistoryOptions {
  /** Only records on or before this day are seen, and the ledger says where each finding stands on it. Default: the last record's date. */
  readonly asOf?: string;
  /** The language of a refused record's diagnostics. Default: en. */
  readonly locale?: Locale;
  /** Where each record was read (one per record, as readRecords gives them); without, each is `<inline>` at index i. */
  readonly sources?: readonly RecordSource[];
}

export interface HistoryResult {
  /** One per record given, in the same order; undefined for a record after `asOf` or superseded by another. */
  readonly results: readonly (ScoreResult | undefined)[];
  /** Every finding with a deadline, by unit, then deadline, then id. */
  readonly ledger: readonly LedgerEntry[];
}

/**
 * Scores records with their units' history: in date order per unit, whatever the order given.
 *
 * @example
 * ```ts
 * import { compileStandard, scoreHistory, type InspectionRecord, type Standard } from 'scoresheet';
 *
 * declare const standard: Standard;
 * declare const records: InspectionRecord[];
 * const { results, ledger } = scoreHistory(compileStandard(standard), records, { asOf: '2024-03-31' });
 * console.log(ledger.filter((e) => e.status === 'overdue').map((e) => `${e.unit.id} ${e.item} ${e.daysOverdue}`));
 * ```
 */
export function scoreHistory(scorer: Scorer | ((record: InspectionRecord) => Scorer | Message), records: readonly InspectionRecord[], options: HistoryOptions = {}): HistoryResult {
  const asOf = options.asOf ?? records.reduce((max, r) => (r.date > max ? r.date : max), '');
  const superseded = supersededIds(records);
  const byUnit = new Map<string, number[]>();
  records.forEach((r, i) => {
    if (r.date > asOf || (r.id !== undefined && superseded.has(r.id))) return;
    const list = byUnit.get(r.unit.id);
    if (list === undefined) byUnit.set(r.unit.id, [i]);
    else list.push(i);
  });
  const results: (ScoreResult | undefined)[] = new Array(records.length).fill(undefined);
  const history = new HistoryScorer(scorer);
  for (const unit of [...byUnit.keys()].sort()) {
    for (const i of byUnit.get(unit)!.sort((a, b) => recordOrder(records[a]!, records[b]!) || a - b)) results[i] = history.score(records[i]!, { source: options.sources?.[i] ?? inlineSource(i), ...(options.locale !== undefined && { locale: options.locale }) });
  }
  return { results, ledger: history.ledger(asOf) };
}

/**
 * Scores records one at a time with their units' history, as a stream delivers them: each unit's
 * records must come in date order (a record dated before one already scored for its unit is refused,
 * `record.history_order`). `scoreHistory` sorts first; `scoreStream` uses this for standards with history.
 *
 * @example
 * ```ts
 * import { compileStandard, type InspectionRecord, type Standard } from 'scoresheet';
 * import { HistoryScorer } from 'scoresheet/league';
 *
 * declare const standard: Standard;
 * declare const records: InspectionRecord[]; // each unit's in date order
 * const history = new HistoryScorer(compileStandard(standard));
 * for (const record of records) console.log(history.score(record).ok);
 * console.log(history.ledger('2024-03-31').length);
 * ```
 */
export class HistoryScorer {
  private readonly select: (record: InspectionRecord) => Scorer | Message;
  private readonly units = new Map<string, UnitState>();
  private readonly entries = new Map<string, { entry: OpenFinding; closed?: string }>();

  constructor(scorer: Scorer | ((record: InspectionRecord) => Scorer | Message)) {
    this.select = typeof scorer === 'function' ? scorer : () => scorer;
  }

  /**
   * Scores a record with its unit's history, and moves the history on when it is scored. A refused
   * record's diagnostics are placed at `source` (default `<inline>`, 1:1, index 0) in `locale` (default en).
   */
  score(record: InspectionRecord, options: { readonly source?: RecordSource; readonly locale?: Locale } = {}): ScoreResult {
    const result = this.attempt(record);
    if (result.ok) return result;
    return { ok: false, diagnostics: placeProblems(options.source ?? inlineSource(), result.problems, options.locale ?? 'en') };
  }

  private attempt(record: InspectionRecord): ScoreAttempt {
    let state = this.units.get(record.unit.id);
    if (state === undefined) this.units.set(record.unit.id, (state = { open: new Map(), offences: new Map(), last: record.date, grade: null, pending: undefined }));
    if (record.date < state.last) return { ok: false, problems: [{ code: 'history_order', field: 'date', message: { messageId: 'record.history_order', data: { date: record.date, last: state.last } } }] };
    const result = scoreOne(this.select, record, state, this.entries);
    if (!result.ok) return result;
    state.last = record.date;
    const scorer = this.select(record);
    const cycle = 'standard' in scorer ? scorer.standard.outcomes.cycle : undefined;
    if (cycle !== undefined) addToFreshCard(result.scorecard, 'cycle', cycleStanding(cycle, result.scorecard, state));
    return result;
  }

  /** Every finding with a deadline, where it stands on `asOf`: by unit, then deadline, then id. */
  ledger(asOf: string): LedgerEntry[] {
    const entries: LedgerEntry[] = [];
    for (const { entry, closed } of this.entries.values()) {
      if (entry.found > asOf) continue;
      const shut = closed !== undefined && closed <= asOf ? closed : undefined;
      const daysOverdue = Math.max(0, daysBetween(entry.due, shut ?? asOf));
      const status: LedgerStatus = shut !== undefined ? 'closed' : asOf > entry.due ? 'overdue' : 'open';
      // The finding's own fields, then where it stands; field by field (a rest copy spread with keys added costs ~1 µs).
      const row = { id: entry.id, unit: entry.unit, item: entry.item } as { -readonly [K in keyof LedgerEntry]: LedgerEntry[K] };
      if (entry.record !== undefined) row.record = entry.record;
      row.found = entry.found;
      row.due = entry.due;
      if (entry.note !== undefined) row.note = entry.note;
      row.status = status;
      if (shut !== undefined) row.closed = shut;
      row.daysOverdue = daysOverdue;
      entries.push(row);
    }
    return entries.sort((a, b) => (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0) || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/** Scores one record of a unit with the unit's state, then moves the state on (only when it was scored). */
function scoreOne(select: (record: InspectionRecord) => Scorer | Message, record: InspectionRecord, state: UnitState, ledger: Map<string, { entry: OpenFinding; closed?: string }>): ScoreAttempt {
  const scorer = select(record);
  if (!('standard' in scorer)) return { ok: false, problems: [editionProblem(scorer)] };
  const items = itemHistories(scorer);
  const problems: RecordProblem[] = [];
  (record.follows ?? []).forEach((follow, j) => {
    if (!state.open.has(follow.finding) && !ledger.has(follow.finding)) problems.push({ code: 'unknown_finding', field: `follows[${j}].finding`, message: { messageId: 'record.unknown_finding', data: { finding: follow.finding } } });
  });
  if (problems.length > 0) return { ok: false, problems };

  // Late: every open finding past its deadline not charged yet, fixed today or not.
  const overdue = new Map<string, OpenFinding[]>();
  for (const open of state.open.values()) {
    if (open.charged || record.date <= open.due) continue;
    const list = overdue.get(open.item);
    if (list === undefined) overdue.set(open.item, [open]);
    else list.push(open);
  }
  const run = items.size === 0 && overdue.size === 0 ? undefined : new RecordHistoryRun(items, state, overdue);
  const result = scoreChecked(scorer, record, run);
  if (!result.ok || items.size === 0) return result;

  // What each finding's lines came from: a rule's keys apply to the findings it scored.
  const scoredBy = new Map<number, Set<string>>();
  for (const line of result.scorecard.lines) {
    if (line.finding === undefined || line.type !== 'deduction') continue;
    const rules = scoredBy.get(line.finding);
    if (rules === undefined) scoredBy.set(line.finding, new Set([line.rule]));
    else rules.add(line.rule);
  }
  const applies = (spec: HistorySpec, f: number) => spec.rule === undefined || (scoredBy.get(f)?.has(spec.rule) ?? false);
  const opened: OpenFinding[] = [];
  record.findings.forEach((finding, f) => {
    const item = scorer.targets.get(finding.item)?.id ?? '';
    const spec = items.get(item)?.find((s) => s.rectify !== undefined && applies(s, f));
    // A notice's own deadline (`due`) needs a finding that has one, and a day not before the finding's.
    if (finding.due !== undefined && (spec === undefined || finding.due < record.date)) {
      problems.push({ code: 'record_invalid', field: `findings[${f}].due`, message: { messageId: spec === undefined ? 'record.due_without_rectify' : 'record.due_before_found', data: { due: finding.due, date: record.date } } });
      return;
    }
    if (spec === undefined) return;
    const id = findingId(record, f);
    if (ledger.has(id) || opened.some((o) => o.id === id)) {
      problems.push({ code: 'duplicate_finding', field: `findings[${f}].id`, message: { messageId: 'record.duplicate_finding', data: { finding: id } } });
      return;
    }
    opened.push({ id, unit: record.unit, item, ...(record.id !== undefined && { record: record.id }), found: record.date, due: finding.due ?? dueDate(record.date, spec.rectify!.within), late: spec.rectify!.late, spec, ...(finding.note !== undefined && { note: finding.note }), charged: false });
  });
  // Found only now (ids are known once a finding's rule is): the record is refused, the history not moved on.
  if (problems.length > 0) return { ok: false, problems };

  const charges = chargesOf(scorer, record, items, applies);

  for (const open of run?.charged ?? []) {
    open.charged = true;
    if (open.late.escalate) addOffence(state, open.spec, record.date);
  }
  for (const follow of record.follows ?? []) {
    if (!follow.fixed || !state.open.has(follow.finding)) continue;
    state.open.delete(follow.finding);
    ledger.get(follow.finding)!.closed = record.date;
  }
  for (const open of opened) {
    state.open.set(open.id, open);
    ledger.set(open.id, { entry: open });
  }
  record.findings.forEach((finding, f) => {
    for (const spec of items.get(scorer.targets.get(finding.item)?.id ?? '') ?? []) if (applies(spec, f)) addOffence(state, spec, record.date);
  });
  pruneOffences(state, items, record.date);
  if (charges !== undefined) addToFreshCard(result.scorecard, 'charges', charges);
  return result;
}

/**
 * `{ ...card, [key]: value }` for a card scoreChecked has just made and only its caller holds: the field
 * is set on the card itself (the last key, as the spread puts it). A spread's copy with a key added costs
 * ~1 µs on V8 (Node 20); the card's object has room for these fields (CardObject).
 */
function addToFreshCard<K extends 'cycle' | 'charges'>(card: Scorecard, key: K, value: Scorecard[K]): void {
  (card as { -readonly [P in K]?: Scorecard[P] })[key] = value;
}

/**
 * What the record's findings charge each party (`charges` of the item, or of the rule that scored
 * the finding), once per occurrence (`count`), a late discovery multiplying them as it multiplies points; undefined for a standard
 * without charges. Exact: amounts are held as points (src/points.ts).
 */
function chargesOf(scorer: Scorer, record: InspectionRecord, items: ReadonlyMap<string, ItemHistory>, applies: (spec: HistorySpec, f: number) => boolean): Charge[] | undefined {
  if (![...items.values()].some((specs) => specs.some((s) => s.charges !== undefined))) return undefined;
  const out: Charge[] = [];
  record.findings.forEach((finding, f) => {
    const specs = items.get(scorer.targets.get(finding.item)?.id ?? '') ?? [];
    // A rule's foundLate for what the rule charges, else its item's.
    const itemLate = specs.find((s) => s.rule === undefined)?.foundLate;
    for (const spec of specs) {
      if (spec.charges === undefined || !applies(spec, f)) continue;
      const late = spec.foundLate ?? itemLate;
      const multiply = late !== undefined && finding.occurred !== undefined && isFoundLate(finding.occurred, record.date, late.after) ? late.multiply : undefined;
      spec.charges.forEach((c, i) => {
        const amount = pointsToNumber(timesPoints(pointsOf(c.amount), (finding.count ?? 1) * (multiply ?? 1)));
        const item = scorer.targets.get(finding.item)!.id;
        const charge = (partyId: string, source: string | undefined, joint?: string): Charge => {
          const party = scorer.standard.parties?.find((p) => p.id === partyId);
          const group = party?.group === undefined ? undefined : record.unit.group?.[party.group];
          const who = party?.unit ? record.unit.id : party?.group !== undefined ? (group === undefined || group === '' ? undefined : String(group)) : record.parties?.[partyId];
          // Built field by field in the order of Charge (the JSON key order): conditional spreads cost ~0.06 µs each.
          const made: { -readonly [K in keyof Charge]: Charge[K] } = { party: partyId, name: party?.name ?? { en: partyId } } as Charge;
          if (who !== undefined) made.who = who;
          made.unit = c.unit;
          made.amount = amount;
          made.item = item;
          made.finding = f;
          made.rule = `${spec.path}.charges[${i}]`;
          if (multiply !== undefined) made.multiply = multiply;
          if (source !== undefined) made.source = source;
          if (party?.group !== undefined) made.group = party.group;
          if (party?.shared) made.shared = true;
          if (joint !== undefined) made.joint = joint;
          return made;
        };
        out.push(charge(c.party, c.source));
        // A group party jointly liable for this party (连带, 同罚 000:137) is charged the same.
        for (const g of scorer.standard.parties ?? []) if (g.joint === c.party && g.id !== c.party) out.push(charge(g.id, g.source ?? c.source, c.party));
      });
    }
  });
  return out;
}

/**
 * Where a scored record stands in its unit's cycle, and moves the cycle on: an initial inspection
 * whose band is granted gives the grade at once; any other leaves it pending (the previous grade
 * carried) until a re-inspection decides. A re-inspection whose total is not known decides nothing.
 */
function cycleStanding(cycle: NonNullable<Standard['outcomes']['cycle']>, card: Scorecard, state: UnitState): NonNullable<Scorecard['cycle']> {
  const band = card.band === null ? null : { id: card.band.id, name: card.band.name };
  if (card.kind !== undefined && cycle.reinspection.includes(card.kind)) {
    const previous = state.pending?.band ?? null;
    if (band === null && !card.complete) return { position: 'reinspection', pending: state.pending !== undefined, grade: null, carried: state.grade, previous };
    state.pending = undefined;
    state.grade = band;
    return { position: 'reinspection', pending: false, grade: band, previous };
  }
  if (band !== null && card.complete && cycle.grant.includes(band.id)) {
    state.pending = undefined;
    state.grade = band;
    return { position: 'initial', pending: false, grade: band };
  }
  state.pending = { band };
  return { position: 'initial', pending: true, grade: null, carried: state.grade };
}

function addOffence(state: UnitState, spec: HistorySpec, date: string): void {
  if (spec.repeat === undefined) return;
  const key = spec.repeatRule.path;
  const list = state.offences.get(key);
  if (list === undefined) state.offences.set(key, [date]);
  else list.push(date);
}

/** Drops offences no later record can count: records come in date order, so the window only moves on. */
function pruneOffences(state: UnitState, items: ReadonlyMap<string, ItemHistory>, date: string): void {
  for (const config of [...items.values()].flat()) {
    const repeat = config.repeat;
    if (repeat === undefined) continue;
    const list = state.offences.get(config.repeatRule.path);
    if (list === undefined) continue;
    const keep = list.filter((d) => inWindow(d, date, repeat.within, config.terms));
    if (keep.length === 0) state.offences.delete(config.repeatRule.path);
    else state.offences.set(config.repeatRule.path, keep);
  }
}
