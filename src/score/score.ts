/**
 * Scorer(record) → Scorecard. Synchronous and pure. Lines always add up: Σ line points = total − base,
 * because every cap and floor is itself a line carrying its adjustment.
 */
import type { Facts } from '../compile/conditions.js';
import type { Message } from '../messages/types.js';
import type { Finding, InspectionRecord } from '../record-schema.js';
import { lacksEvidence, type LineDetail, type PartFacts, type RuleScope, type ScoredFacts } from '../rules/kind.js';
import type { QuantitySource } from '../common-schema.js';
import { suggest } from '../suggest.js';
import type { CompiledCategory, CompiledItem, CompiledRuleEntry, CompiledScope, Scorer } from '../compile/standard.js';
import { blankCard, decideOutcome } from './outcome.js';
import { buildFacts, indicatorRatio, quantityProblem, quantityRatio, readPath, readScopeFact } from '../compile/facts.js';
import { isWithinPoints, MAX_POINTS, pointsToNumber, sumExactly, type Points, type Ratio } from '../points.js';
import { placeReason, type LineType, type ScoreAttempt, type ScoreLine, type VerdictReason } from './scorecard.js';
import type { RecordProblem } from '../diagnostics.js';
import { copyOwn, pushAll } from '../collections.js';

const EMPTY: readonly never[] = [];

/**
 * Scores a record that passed the record schema under the edition chosen for it: the standard's own
 * checks, then the score. The API's `scoreRecord` (batch.ts) takes any value and checks it first.
 */
export function scoreChecked(scorer: Scorer, record: InspectionRecord, history?: RecordHistory): ScoreAttempt {
  // Nothing to score and nothing to decide (Scorer.blank): the standard's checks (its kinds and levels), then the base's card.
  if (scorer.blank && history === undefined && record.findings.length === 0) {
    const problems = checkRecord(scorer, record);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, scorecard: blankCard(scorer, record) };
  }
  // The generated code has no history hook: a record scored with its unit's history is interpreted.
  const generated = history === undefined ? scorer.generated : undefined;
  let run = new RecordRun(scorer, record, history);
  // The generated function asks checkRecord's questions itself, and scores only a record that passes them.
  if (generated === undefined || !generated(run, record)) {
    const problems = checkRecord(scorer, record);
    if (problems.length > 0) return { ok: false, problems };
    // (Generated code refuses only what checkRecord reports; were they ever to differ, the interpreter scores.)
    if (generated !== undefined) run = new RecordRun(scorer, record, history);
    run.scoreAll();
  }
  if (scorer.readsScored) run.settleScored();
  // Points beyond the exact range would be a wrong total: the record is refused instead.
  if (run.tooLarge !== undefined) return { ok: false, problems: [run.tooLarge] };
  return { ok: true, scorecard: decideOutcome(scorer, record, run) };
}

/** Standard-specific checks of a record: unknown items, kinds and levels, points outside a range, a missing note. */
export function checkRecord(scorer: Scorer, record: InspectionRecord): readonly RecordProblem[] {
  // No closure here: this runs once per record, and a closure over `problems` would be allocated each time.
  let problems: RecordProblem[] | undefined;
  if (record.kind !== undefined && scorer.kinds.size > 0 && !scorer.kinds.has(record.kind)) {
    (problems ??= []).push({ code: 'unknown_kind', field: 'kind', message: { messageId: 'record.unknown_kind', data: { kind: record.kind, suggestion: suggest(record.kind, scorer.kinds) } } });
  }
  if (record.level !== undefined && scorer.levels.size > 0 && !scorer.levels.has(record.level)) {
    (problems ??= []).push({ code: 'unknown_level', field: 'level', message: { messageId: 'record.unknown_level', data: { level: record.level, suggestion: suggest(record.level, scorer.levels) } } });
  }
  const findings = record.findings;
  if (findings.length === 0) return problems ?? EMPTY;
  for (let f = 0; f < findings.length; f++) {
    const finding = findings[f]!;
    const checks = scorer.findingChecks.get(finding.item);
    if (checks === undefined) {
      const message = { messageId: 'record.unknown_item', data: { item: finding.item, suggestion: suggest(finding.item, scorer.targets.keys()) } };
      (problems ??= []).push({ code: 'unknown_item', field: `findings[${f}].item`, message });
      continue;
    }
    for (let c = 0; c < checks.length; c++) {
      const problem = checks[c]!.checkFinding!(finding);
      if (problem !== undefined) problems = addFindingProblem(problem, f, problems);
    }
  }
  return problems ?? EMPTY;
}

function addFindingProblem(problem: RecordProblem, f: number, problems: RecordProblem[] | undefined): RecordProblem[] {
  const field = `findings[${f}].${problem.field}`;
  // An item's rule and its category's may ask the same (a note for a judgement): said once.
  const said = problems?.some((p) => p.field === field && p.message.messageId === problem.message.messageId && JSON.stringify(p.message.data) === JSON.stringify(problem.message.data));
  if (said) return problems!;
  (problems ??= []).push({ code: problem.code, field, message: problem.message });
  return problems;
}

/**
 * The history layer's part in scoring one record (src/history/): lines for what the unit's past adds
 * to an item (an overdue rectification, a repeat), before the item's floor (扣完为止) applies.
 */
export interface RecordHistory {
  /** Whether an item without a finding in this record still has history to score (an overdue finding). */
  wants(item: CompiledItem): boolean;
  /** Adds the item's history lines; the item's own lines are `run.lines` from `first`. */
  score(run: RecordRun, item: CompiledItem, first: number): void;
}

/** The state of scoring one record; it is also the RuleScope every rule sees. */
export class RecordRun implements RuleScope {
  readonly lines: ScoreLine[] = [];
  /** Signed exact points of each line, parallel to `lines`: kept only when scored with history (its layer reads them). */
  readonly linePoints: Points[] = [];
  readonly reasons: VerdictReason[] = [];
  /** Reasons that make the total itself unknown. */
  totalUnknown = false;
  /**
   * When the total is unknown, how far it can be from the points known: at most this many more
   * points taken, and this many more given (Infinity where nothing bounds them).
   */
  unknownDeduct: Points = 0;
  unknownAward: Points = 0;
  failed = false;
  /** The first field whose points left the exact range (MAX_POINTS): the record cannot be scored. */
  tooLarge: RecordProblem | undefined;
  readonly categoryPoints: Points[];
  findings: readonly Finding[] = EMPTY;
  findingIndices: readonly number[] = EMPTY;

  private scope!: CompiledScope;
  private categoryId = '';
  private categoryIndex = 0;
  /** The rule being run, its scope's points taken and given so far, and whether the scope was found not to apply. */
  rule!: CompiledRuleEntry;
  deducted: Points = 0;
  awarded: Points = 0;
  skipped = false;
  /** Whether a rule of the scope being scored could not be decided, and could have taken / given points. */
  private unknownTakes = false;
  private unknownGives = false;
  /** The category's undecided points so far (its items' and its own), before its own cap. */
  private categoryUnknownTakes: Points = 0;
  private categoryUnknownGives: Points = 0;
  private factsCache: Facts | undefined;
  /** Each item's and category's points taken and given, and whether undecided; kept only when the outcomes read them. */
  private readonly parts: PartTally | undefined;
  /** The facts `category` and `item`, once every rule has run (settleScored). */
  scored: ScoredFacts | undefined;
  private readonly sign: 1 | -1;
  /** base + Σ lines so far, in line order (the total before its own cap and floor; outcome.ts), to see it leave the exact range. */
  runningTotal: Points;

  constructor(
    readonly scorer: Scorer,
    readonly record: InspectionRecord,
    private readonly history?: RecordHistory,
  ) {
    this.categoryPoints = new Array<Points>(scorer.categories.length).fill(0);
    // Deductions lower the total in deduct and award mode; in accumulate mode they are penalty points added.
    this.sign = scorer.mode === 'accumulate' ? 1 : -1;
    this.runningTotal = scorer.base;
    this.parts = scorer.readsScored ? new PartTally(scorer.items.length, scorer.categories.length) : undefined;
  }

  /** Scores every item and category by walking the compiled rules (the interpreter; scoreChecked picks the generated code where it can). */
  scoreAll(): void {
    const { scorer, record } = this;
    const byItem = groupFindings(scorer, record.findings);
    for (const category of scorer.categories) {
      this.enterCategory(category);
      let catDeducted: Points = 0;
      let catAwarded: Points = 0;
      // A category's own rules see every finding in it; without such rules there is nothing to collect.
      const collect = category.rules.length > 0;
      let categoryFindings: number[] | undefined;
      for (const item of category.items) {
        const indices = byItem?.[item.index];
        if (collect && indices !== undefined) pushAll((categoryFindings ??= []), indices);
        if (indices === undefined && !item.alwaysRun && (this.history === undefined || !this.history.wants(item))) continue;
        this.scoreScope(item, indices);
        catDeducted += this.deducted;
        catAwarded += this.awarded;
      }
      const own = byItem?.[scorer.items.length + category.index];
      if (collect && own !== undefined) pushAll((categoryFindings ??= []), own);
      if (collect && (categoryFindings !== undefined || category.alwaysRun)) {
        this.scoreScope(category, categoryFindings?.sort((a, b) => a - b));
        catDeducted += this.deducted;
        catAwarded += this.awarded;
      }
      this.limitCategory(category, catDeducted, catAwarded);
    }
  }

  // The steps of scoring, shared by the walk below and the code compileStandard generates (compile/generate.ts),
  // which calls them in the same order; `rule`, `deducted`, `awarded`, `skipped` are read and set there too.

  /** Starts a category: its undecided points so far are none. */
  enterCategory(category: CompiledCategory): void {
    this.categoryId = category.id;
    this.categoryIndex = category.index;
    this.categoryUnknownTakes = 0;
    this.categoryUnknownGives = 0;
  }

  /** Starts one item (or a category's own rules) with the findings against it (indices into the record's). */
  enterScope(scope: CompiledItem | CompiledCategory, indices: number[] | undefined): void {
    this.unknownTakes = false;
    this.unknownGives = false;
    this.scope = scope;
    this.deducted = 0;
    this.awarded = 0;
    this.skipped = false;
    this.findingIndices = indices ?? EMPTY;
    if (indices === undefined) this.findings = EMPTY;
    else {
      // A loop, not `indices.map`: no closure per scope.
      const all = this.record.findings;
      const findings = new Array<Finding>(indices.length);
      for (let i = 0; i < indices.length; i++) findings[i] = all[indices[i]!]!;
      this.findings = findings;
    }
  }

  /** Ends a scope: an undecided rule widens the category's range, as far as the item's floor and bonus cap let it. */
  leaveScope(scope: CompiledItem | CompiledCategory): void {
    // Whatever the undecided rules would have done, the item's floor (扣完为止) and bonus cap hold.
    if (this.unknownTakes) this.categoryUnknownTakes += scope.max !== undefined ? Math.max(0, scope.max - this.deducted) : Infinity;
    if (this.unknownGives) this.categoryUnknownGives += scope.bonusMax !== undefined ? Math.max(0, scope.bonusMax - this.awarded) : Infinity;
    if (this.parts !== undefined && 'category' in scope) {
      const unknown =
        (this.unknownTakes && (scope.max === undefined || scope.max > this.deducted)) || (this.unknownGives && (scope.bonusMax === undefined || scope.bonusMax > this.awarded));
      this.parts.set(this.parts.items, scope.index, this.deducted, this.awarded, unknown);
    }
  }

  /** Scores one item (or a category's own rules); an undecided rule widens the category's range. */
  private scoreScope(scope: CompiledItem | CompiledCategory, indices: number[] | undefined): void {
    this.enterScope(scope, indices);
    // An item scored only for its history (no finding, no rule that needs none) runs none of its rules.
    this.runScope(scope, indices === undefined && !scope.alwaysRun);
    this.leaveScope(scope);
  }

  /** Runs one item's (or category's) rules, then its own cap, floor and bonus cap. */
  private runScope(scope: CompiledItem | CompiledCategory, onlyHistory: boolean): void {
    const rules = scope.rules;
    const n = onlyHistory ? 0 : rules.length;
    const first = this.lines.length;
    // Rules that decide applicability come first (compile orders them): an item that does not apply is
    // never charged, not even for missing written material; one whose applicability is unknown is unknown.
    const applicability = onlyHistory ? 0 : scope.applicabilityRules;
    let r = 0;
    for (; r < applicability; r++) {
      const rule = rules[r]!;
      this.rule = rule;
      const reasonsBefore = this.reasons.length;
      rule.compiled.score(this); // takes and gives no points: nothing for a cap to do
      if (this.skipped || this.reasons.length > reasonsBefore) return;
    }
    if (this.findings.length > 0 && this.chargeMissingEvidence(scope)) return;
    for (; r < n; r++) {
      const rule = rules[r]!;
      this.rule = rule;
      const before = this.deducted;
      const beforeAward = this.awarded;
      rule.compiled.score(this);
      if (this.skipped) return;
      if (rule.cap !== undefined) this.capRule(rule.cap, before, beforeAward);
    }
    if ('category' in scope) {
      if (this.history !== undefined) this.history.score(this, scope, first);
      this.limitItem(scope);
    }
  }

  /** 最高扣N分: what the rule just run took (or gave) beyond its cap, given back (taken back). */
  capRule(cap: Points, before: Points, beforeAward: Points): void {
    const ruleDeducted = this.deducted - before;
    const ruleAwarded = this.awarded - beforeAward;
    if (ruleDeducted > cap) this.adjust(ruleDeducted - cap, 'deduct', { messageId: 'line.cap_rule', data: { cap: pointsToNumber(cap) } });
    if (ruleAwarded > cap) this.adjust(ruleAwarded - cap, 'award', { messageId: 'line.cap_rule_award', data: { cap: pointsToNumber(cap) } });
  }

  /** An item's own floor and bonus cap, once its rules have run. */
  limitItem(scope: CompiledItem): void {
    this.rule = scope.limitRule;
    // 扣完为止: an item never loses more than its maximum.
    if (scope.max !== undefined && this.deducted > scope.max) {
      this.adjust(this.deducted - scope.max, 'deduct', { messageId: 'line.floor_item', data: { max: pointsToNumber(scope.max) } });
    }
    if (scope.bonusMax !== undefined && this.awarded > scope.bonusMax) {
      this.adjust(this.awarded - scope.bonusMax, 'award', { messageId: 'line.cap_item_bonus', data: { cap: pointsToNumber(scope.bonusMax) } });
    }
  }

  /** 无书面材料该项不得分: the item scores nothing, whatever its rules would say. True when charged. */
  chargeMissingEvidence(scope: CompiledScope): boolean {
    if (!scope.evidenceRequired || scope.max === undefined || !this.findings.some(lacksEvidence)) return false;
    this.rule = scope.evidenceRule;
    this.deduct(scope.max, { messageId: 'line.evidence_missing', data: { points: pointsToNumber(scope.max) } });
    return true;
  }

  limitCategory(category: CompiledCategory, deducted: Points, awarded: Points): void {
    this.scope = category;
    this.rule = category.limitRule;
    this.deducted = deducted;
    this.awarded = awarded;
    if (category.max !== undefined && deducted > category.max) {
      this.adjust(deducted - category.max, 'deduct', { messageId: 'line.floor_category', data: { max: pointsToNumber(category.max) } });
    }
    if (category.bonusMax !== undefined && awarded > category.bonusMax) {
      this.adjust(awarded - category.bonusMax, 'award', { messageId: 'line.cap_category_bonus', data: { cap: pointsToNumber(category.bonusMax) } });
    }
    // The undecided points, as far as the category's own cap lets them go.
    const { max, bonusMax } = category;
    const takes = this.categoryUnknownTakes;
    const gives = this.categoryUnknownGives;
    const mayTake = takes > 0 ? (max === undefined ? takes : Math.min(max, deducted + takes) - Math.min(max, deducted)) : 0;
    const mayGive = gives > 0 ? (bonusMax === undefined ? gives : Math.min(bonusMax, awarded + gives) - Math.min(bonusMax, awarded)) : 0;
    this.unknownDeduct += mayTake;
    this.unknownAward += mayGive;
    if (this.parts !== undefined) this.parts.set(this.parts.categories, category.index, this.deducted, this.awarded, mayTake > 0 || mayGive > 0);
  }

  /**
   * Once every rule has run: the facts `category` and `item` (docs/standard-format.md, "Scored facts").
   * Both scoring paths call the same steps (leaveScope, limitCategory), so both give the same facts.
   */
  settleScored(): void {
    const { scorer, record, parts } = this;
    if (parts === undefined) return;
    const itemFindings = new Array<number>(scorer.items.length).fill(0);
    const categoryFindings = new Array<number>(scorer.categories.length).fill(0);
    for (const f of record.findings) {
      const target = scorer.targets.get(f.item);
      if (target === undefined) continue;
      const count = f.count ?? 1;
      if ('category' in target) {
        itemFindings[target.index]! += count;
        categoryFindings[target.category.index]! += count;
      } else categoryFindings[target.index]! += count;
    }
    const deduct = scorer.mode === 'deduct';
    const part = (max: Points | undefined, t: PartTally['items'], i: number, findings: number): PartFacts => {
      const any = findings > 0;
      if (t.unknown[i]) return { findings, any };
      const deducted = t.deducted[i]!;
      const awarded = t.awarded[i]!;
      const points = (deduct ? (max ?? 0) : 0) + this.sign * (deducted - awarded);
      return { points: pointsToNumber(points), deducted: pointsToNumber(deducted), awarded: pointsToNumber(awarded), findings, any };
    };
    const category: Record<string, PartFacts> = {};
    const item: Record<string, PartFacts> = {};
    for (const c of scorer.categories) category[c.id] = part(c.max, parts.categories, c.index, categoryFindings[c.index]!);
    for (const it of scorer.items) item[it.id] = part(it.max, parts.items, it.index, itemFindings[it.index]!);
    this.scored = { category, item };
    this.factsCache = undefined;
  }

  /** A `capped` line that gives back (or takes back) `excess` of deductions (or awards). */
  private adjust(excess: Points, of: 'deduct' | 'award', reason: Message): void {
    const signed = of === 'deduct' ? -this.sign * excess : this.sign * excess;
    if (of === 'deduct') this.deducted -= excess;
    else this.awarded -= excess;
    this.push('capped', signed, reason, undefined);
  }

  private push(type: LineType, signed: Points, reason: Message, detail: LineDetail | undefined): void {
    const scope = this.scope;
    const rule = this.rule;
    const source = rule.source ?? scope.source;
    const text = rule.reason;
    if (text !== undefined && type !== 'capped') {
      // The rule's own text leads its line. The reason was made for this line (RuleScope.deduct): the
      // text is added to it in place, as the last key of its data — copying it would cost more than the rest.
      const owned = reason as { data?: Record<string, unknown> };
      if (owned.data === undefined) owned.data = { text };
      else owned.data.text = text;
    }
    // Built field by field, in the order the fields are listed in ScoreLine (spreads are slow here).
    const line: { -readonly [K in keyof ScoreLine]: ScoreLine[K] } = {
      type,
      item: scope.id,
      category: this.categoryId,
      rule: rule.path,
      points: pointsToNumber(signed),
      reason,
    };
    if (source !== undefined) line.source = source;
    if (detail !== undefined) {
      // = Object.assign(line, detail) for the details rules give ({ expected, actual } or { finding, note }), faster
      if (detail.expected !== undefined) line.expected = detail.expected;
      if (detail.actual !== undefined) line.actual = detail.actual;
      if (detail.finding !== undefined) line.finding = detail.finding;
      if (detail.note !== undefined) line.note = detail.note;
    }
    this.lines.push(line);
    if (this.history !== undefined) this.linePoints.push(signed);
    this.categoryPoints[this.categoryIndex]! += signed;
    this.runningTotal += signed;
    // Every sum below is of values within the exact range, so it is exact, and so is this test.
    if (
      this.tooLarge === undefined &&
      !(isWithinPoints(signed) && isWithinPoints(this.deducted) && isWithinPoints(this.awarded) && isWithinPoints(this.categoryPoints[this.categoryIndex]!) && isWithinPoints(this.runningTotal))
    ) {
      this.refuseTooLarge(detail);
    }
  }

  /** Marks the record as one that cannot be scored exactly (scoreRecord then refuses it); the reason, for the rule at hand. */
  private refuseTooLarge(detail: LineDetail | undefined): Message {
    const message = { messageId: 'record.quantity_too_large', data: { max: MAX_POINTS } };
    this.tooLarge ??= { code: 'quantity_too_large', field: this.fieldOf(detail), message };
    return message;
  }

  /** The record field a line's points come from: its finding's count or points, the rule's quantity, or the record. */
  private fieldOf(detail: LineDetail | undefined): string {
    const findings = this.record.findings;
    if (detail?.finding !== undefined) {
      const f = findings[detail.finding]!;
      return `findings[${detail.finding}]${f.count !== undefined ? '.count' : f.points !== undefined ? '.points' : ''}`;
    }
    if (this.rule.quantityField !== undefined) return this.rule.quantityField;
    const valued = this.findingIndices.find((i) => findings[i]!.value !== undefined);
    return valued !== undefined ? `findings[${valued}].value` : '';
  }

  /** The rule the next lines are attributed to (the history layer's `…items[1].rectify`). */
  attribute(rule: CompiledRuleEntry): void {
    this.rule = rule;
  }

  // RuleScope ---------------------------------------------------------------------------------

  deduct(points: Points, reason: Message, detail?: LineDetail): void {
    if (points === 0) return;
    this.deducted += points;
    this.push('deduction', this.sign * points, reason, detail);
  }

  award(points: Points, reason: Message, detail?: LineDetail): void {
    if (points === 0) return;
    this.awarded += points;
    this.push('award', -this.sign * points, reason, detail);
  }

  indeterminate(reason: Message): void {
    this.totalUnknown = true;
    // An undecided applicability rule leaves the whole item undecided: any of its rules may apply.
    const what = this.rule.decidesApplicability ? this.scope : this.rule;
    if (what.mayDeduct) this.unknownTakes = true;
    if (what.mayAward) this.unknownGives = true;
    this.reasons.push(placeReason(reason, this.scope.id, this.rule.path));
  }

  unmet(reason: Message, detail?: LineDetail): void {
    this.failed = true;
    // The verdict's reason keeps the rule's data as given; the line gets its own copy (push adds the text).
    this.push('threshold_unmet', 0, this.rule.reason !== undefined ? { ...reason, data: copyOwn(reason.data) } : reason, detail);
    this.reasons.push(placeReason(reason, this.scope.id, this.rule.path));
  }

  notApplicable(reason: Message): void {
    this.skipped = true;
    this.push('not_applicable', 0, reason, undefined);
  }

  facts(): Facts {
    return (this.factsCache ??= buildFacts(this.scorer.indicators, this.record, this.scored));
  }

  quantity(source: QuantitySource | undefined): number | Message {
    if (source !== undefined && !('indicator' in source)) {
      // A fact: the number itself, without allocating a ratio.
      const value = this.factValue(source);
      return typeof value === 'number' && Number.isFinite(value) ? value : quantityProblem(source, value);
    }
    const ratio = this.ratio(source);
    return 'numerator' in ratio ? ratio.numerator / ratio.denominator : ratio;
  }

  ratio(source: QuantitySource | undefined): Ratio | Message {
    if (source === undefined) {
      // The findings' values: one as written, several summed exactly (0.1 + 0.2 is 0.3, not 0.30000000000000004).
      let first: number | undefined;
      let values: number[] | undefined;
      for (const f of this.findings) {
        if (f.value === undefined) continue;
        if (first === undefined) first = f.value;
        else (values ??= [first]).push(f.value);
      }
      if (first === undefined) return { messageId: 'quantity.missing_value' };
      if (values === undefined) return { numerator: first, denominator: 1 };
      return sumExactly(values) ?? this.refuseTooLarge(undefined);
    }
    if ('indicator' in source) return indicatorRatio(this.scorer.indicators, this.record, source.indicator);
    const top = this.fact(source.fact);
    const value = readPath(top, source.path);
    if (typeof value !== 'number' || !Number.isFinite(value)) return quantityProblem(source, value);
    return quantityRatio(source, top, value);
  }

  /** `readPath(this.facts()[fact], path)`, read from the record without building the facts object. */
  private factValue(source: { readonly fact: string; readonly path?: string }): unknown {
    return readPath(this.fact(source.fact), source.path);
  }

  /** `this.facts()[name]`, read from the record without building the facts object. */
  private fact(name: string): unknown {
    let read = factReaders.get(name);
    if (read === undefined) {
      read = readScopeFact(name, true);
      if (factReaders.size < 4096) factReaders.set(name, read);
    }
    return read(this);
  }
}

/** Points taken and given per item and per category (exact), and whether an undecided rule could change them. */
class PartTally {
  readonly items: { deducted: Points[]; awarded: Points[]; unknown: boolean[] };
  readonly categories: { deducted: Points[]; awarded: Points[]; unknown: boolean[] };
  constructor(items: number, categories: number) {
    const tally = (n: number) => ({ deducted: new Array<Points>(n).fill(0), awarded: new Array<Points>(n).fill(0), unknown: new Array<boolean>(n).fill(false) });
    this.items = tally(items);
    this.categories = tally(categories);
  }
  set(t: PartTally['items'], i: number, deducted: Points, awarded: Points, unknown: boolean): void {
    t.deducted[i] = deducted;
    t.awarded[i] = awarded;
    t.unknown[i] = unknown;
  }
}

/** Quantity fact readers by fact name, made once. */
const factReaders = new Map<string, (scope: RuleScope) => unknown>();

/** Finding indices per item (and, after the items, per category), or undefined when there are none. */
function groupFindings(scorer: Scorer, findings: readonly Finding[]): (number[] | undefined)[] | undefined {
  if (findings.length === 0) return undefined;
  const groups: (number[] | undefined)[] = new Array(scorer.items.length + scorer.categories.length);
  for (let f = 0; f < findings.length; f++) {
    const target = scorer.targets.get(findings[f]!.item)!;
    const slot = 'category' in target ? target.index : scorer.items.length + target.index;
    (groups[slot] ??= []).push(f);
  }
  return groups;
}
