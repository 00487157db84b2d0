/**
 * The contract of a rule kind: its YAML shape (a zod schema) and how it scores (ESLint's
 * `meta + create`, as data plus a pure function). Adding a kind is one file, one registry line
 * in `rules/index.ts`, and one test table.
 */
import type { z } from 'zod';
import type { Message } from '../messages/types.js';
import type { RecordProblem } from '../diagnostics.js';
import { POINT_RESOLUTION, pointsProblem, type Points } from '../points.js';
import type { Ratio } from '../points.js';
import type { CompiledCondition, Condition, Facts } from '../condition-schema.js';
import type { Finding, InspectionRecord } from '../record-schema.js';
import type { LocalizedText, QuantitySource } from '../common-schema.js';

/** Extra fields a scorecard line may carry (thresholds show what was expected and found). */
export interface LineDetail {
  readonly expected?: string;
  readonly actual?: string;
  /** Index of the finding in the record that produced the line. */
  readonly finding?: number;
  readonly note?: string;
}

/**
 * One category's or item's part of the score, as the facts `category.<id>` and `item.<id>` give it:
 * `points` as the scorecard shows the category (a deduct-mode part counts from its maximum),
 * `deducted` and `awarded` after its caps, `findings` (the findings' counts added up) and `any`.
 * The points are absent when an undecided rule could still change them; the findings never are.
 */
export interface PartFacts {
  readonly points?: number;
  readonly deducted?: number;
  readonly awarded?: number;
  readonly findings: number;
  readonly any: boolean;
}

/** The facts `category` (category id → its part) and `item` (item id → its part). */
export interface ScoredFacts {
  readonly category: Readonly<Record<string, PartFacts>>;
  readonly item: Readonly<Record<string, PartFacts>>;
}

/** The names of the facts ScoredFacts gives, and the fields of each part. */
export const SCORED_FACTS: readonly string[] = ['category', 'item'];
export const PART_FIELDS: readonly string[] = ['points', 'deducted', 'awarded', 'findings', 'any'];

/** What a rule sees while scoring one item (or one category) of one record. */
export interface RuleScope {
  readonly record: InspectionRecord;
  /** Findings against this item (or, for a category rule, against any item of the category). */
  readonly findings: readonly Finding[];
  /** Indices of `findings` in `record.findings`. */
  readonly findingIndices: readonly number[];
  /** A quantity from a fact, an indicator or the finding's `value`; a reason when it cannot be had. */
  quantity(source: QuantitySource | undefined): number | Message;
  /** The same quantity as an exact ratio (12433 / 12937 households as a percent), for thresholds and steps. */
  ratio(source: QuantitySource | undefined): Ratio | Message;
  /** The record's facts for conditions (built once per record, on first use). */
  facts(): Facts;
  /**
   * Once every rule has run (vetoes, prerequisites, outcome dimensions): the facts `category` and `item`.
   * Undefined while rules run — a rule never sees its own category's subtotal.
   */
  readonly scored?: ScoredFacts;
  /**
   * Takes `points` off (or, with award, gives them). `reason` and `detail` become part of the line, which
   * owns them from then on (the rule's reason text is added to `reason.data`): pass objects made for this call.
   */
  deduct(points: Points, reason: Message, detail?: LineDetail): void;
  award(points: Points, reason: Message, detail?: LineDetail): void;
  /** The item cannot be scored with what the record says: the scorecard becomes indeterminate. */
  indeterminate(reason: Message): void;
  /** A pass/fail requirement is definitely unmet: the verdict becomes fail. */
  unmet(reason: Message, detail?: LineDetail): void;
  /** The item does not apply to this record: its other rules are skipped. The line owns `reason`, as with deduct. */
  notApplicable(reason: Message): void;
}

export interface CompiledRule {
  /** Checks one finding for this rule before scoring; a problem rejects the record. */
  checkFinding?(finding: Finding): RecordProblem | undefined; // its field inside the finding: `points`, `note`
  score(scope: RuleScope): void;
  /** Largest deduction this rule may give (its cap), for the item's floor; undefined when unbounded. */
  readonly cap?: Points;
}

/** A condition compiled for scoring: `test(scope)` is `evaluate(scope.facts())`, without building the facts. */
export interface ScopeCondition extends CompiledCondition {
  test(scope: RuleScope): boolean | null;
}

export interface RuleCompileContext {
  /** Compiles a condition written in the json-rules-engine language, with the standard's named conditions. */
  condition(condition: Condition): ScopeCondition;
  /** Resolves where a quantity comes from once: `read(scope)` gives what `scope.quantity(source)` gives. */
  quantity(source: QuantitySource | undefined): (scope: RuleScope) => number | Message;
  /** Likewise for `scope.ratio(source)`. */
  ratio(source: QuantitySource | undefined): (scope: RuleScope) => Ratio | Message;
  /** The standard's inspection kinds and event levels. */
  readonly kinds: readonly string[];
  readonly levels: readonly string[];
  /** Their names, where the standard gives them (for reasons people read: 周一定期检查, not scheduled). */
  readonly kindNames: ReadonlyMap<string, LocalizedText>;
  readonly levelNames: ReadonlyMap<string, LocalizedText>;
  /** The standard's indicators' names (道路硬底化率 for `roadHardeningRate`). */
  readonly indicatorNames: ReadonlyMap<string, LocalizedText>;
  /** The item's (or category's) maximum points, when declared. */
  readonly max?: Points;
}

/** The helpers generated code may call, by the name {@link RuleGenerateContext.helper} gives it. */
export type GeneratedHelper = 'timesPoints' | 'pointsOf' | 'pointsToNumber' | 'stepsBelow' | 'compareRatio' | 'formatQuantity';

/**
 * What a rule kind's code generator works with (see compile/generate.ts). Nothing from a standard or a
 * record may become code: every string and every value goes through {@link constant} (or, for a
 * finite number, {@link number}), and every name in the code is one this context made.
 */
export interface RuleGenerateContext {
  /** The variable holding the RuleScope (the same object the interpreter's `score(scope)` is given). */
  readonly scope: string;
  /** The statement that ends the rule, as `return` ends the interpreter's `score`. */
  readonly exit: string;
  /** The name of a constant of the generated function holding `value` (a string, a table, a compiled condition…). */
  constant(value: unknown): string;
  /** A number as a literal when it is finite and prints as itself, else as a constant. */
  number(value: number): string;
  /** A fresh local name, unique in the generated function. */
  local(): string;
  /** The name of a helper function the generated code may call. */
  helper(name: GeneratedHelper): string;
  /** The name of a constant holding the condition compiled as for {@link RuleCompileContext.condition}. */
  condition(condition: Condition): string;
  /** An expression giving what `scope.quantity(source)` gives (a fact is read once per record into a local). */
  quantity(source: QuantitySource | undefined): string;
  /** Likewise for `scope.ratio(source)`. */
  ratio(source: QuantitySource | undefined): string;
  readonly kindNames: ReadonlyMap<string, LocalizedText>;
  readonly levelNames: ReadonlyMap<string, LocalizedText>;
  readonly indicatorNames: ReadonlyMap<string, LocalizedText>;
  readonly max?: Points;
  /**
   * `, text: kN` where the rule has a reason text, else empty: to end the data of a reason that becomes a
   * line (deduct, award, notApplicable — not unmet's, whose reason is also the verdict's). The line would get
   * the text there anyway (RecordRun.push sets it as the data's last key); written in the literal, the
   * object is made with it rather than grown by it.
   */
  readonly text: string;
}

/** What a rule may do to the points: take them, give them, or neither (a pass/fail or applicability rule). */
export interface RuleEffect {
  readonly deducts: boolean;
  readonly awards: boolean;
}

/** What an inspector writes on a finding for a rule (the columns of a blank sheet). */
export type FindingField = 'count' | 'points' | 'value' | 'note';

/** A rule as written in the YAML, before validation (the standard's cross-checks read it defensively). */
export type RawRule = Readonly<Record<string, unknown>>;

/** What a kind's cross-check reports with; paths are relative to the rule. */
export interface RawRuleChecks {
  /** `min` above `max` (each reported only when both are numbers). */
  range(path: readonly (string | number)[], min: unknown, max: unknown): void;
  /** An inspection kind or event level the standard does not declare. */
  reference(path: readonly (string | number)[], what: 'kind' | 'level', id: string): void;
}

export interface RuleKind<S extends z.ZodType = z.ZodType> {
  readonly kind: string;
  readonly schema: S;
  /** One line for docs and `--help`. */
  readonly description: string;
  /**
   * What a rule of this kind may do to the points. When it cannot be decided (a missing fact), the
   * total is unknown but still bounded: it can only have lost (or gained) what the rule may take (or give).
   */
  effect(rule: z.output<S>): RuleEffect;
  /** Whether it may produce lines for an item with no finding (it reads facts or indicators). */
  runsWithoutFinding(rule: z.output<S>): boolean;
  /**
   * Whether it decides if its item (or category) is scored at all. Such rules run before the others;
   * while one is undecided any of the scope's rules may apply, so the scope's effect, not the rule's,
   * bounds the undecided total.
   */
  readonly decidesApplicability?: boolean;
  /** What an inspector writes on a finding against an item with this rule. */
  findingFields(rule: z.output<S>): readonly FindingField[];
  /** Cross-checks on the rule as written that its schema cannot express; default {@link checkPointsRange}. */
  check?(rule: RawRule, checks: RawRuleChecks): void;
  compile(rule: z.output<S>, context: RuleCompileContext): CompiledRule;
  /**
   * The same scoring as `compile`'s `score`, as JavaScript statements for the function compileStandard
   * generates per standard: they must do exactly what `score(scope)` does, on the scope named by the
   * context, with the context's `exit` for `return`. A differential test holds the two paths equal.
   */
  generate(rule: z.output<S>, context: RuleGenerateContext): string;
}

const isRecord = (v: unknown): v is RawRule => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The cross-check of every kind that has none of its own: a range of points (每次扣1-3分) is not inverted. */
export function checkPointsRange(rule: RawRule, checks: RawRuleChecks): void {
  if (isRecord(rule.points)) checks.range(['points'], rule.points.min, rule.points.max);
}

/** {@link checkPointsRange}, and the rule's own `min`–`max` is not inverted. */
export function checkRanges(rule: RawRule, checks: RawRuleChecks): void {
  checkPointsRange(rule, checks);
  checks.range([], rule.min, rule.max);
}

/** The effect of a kind that deducts by default and awards with `effect: award`. */
export function deductOrAward(rule: { readonly effect: string }): RuleEffect {
  return { deducts: rule.effect !== 'award', awards: rule.effect === 'award' };
}

export const DEDUCTS: RuleEffect = { deducts: true, awards: false };
export const AWARDS: RuleEffect = { deducts: false, awards: true };
export const NO_EFFECT: RuleEffect = { deducts: false, awards: false };

/** True when a finding says written material was not shown (`evidence: false` or an empty list). */
export function lacksEvidence(finding: Finding): boolean {
  return finding.evidence === false || (Array.isArray(finding.evidence) && finding.evidence.length === 0);
}

/**
 * The inspector's points on a finding against the rule's range (每次扣1-3分): finer than 0.0001 is
 * too precise (1.00001 is not "outside 1–3"), outside the range is an error in the record, never clamped.
 */
export function chosenPointsProblem(points: number, min: number, max: number): RecordProblem | undefined {
  const problem = pointsProblem(points);
  if (problem === 'too_precise') return { code: 'too_precise', field: 'points', message: { messageId: 'record.too_precise', data: { value: points, resolution: POINT_RESOLUTION } } };
  if (problem !== undefined || points < min || points > max) return { code: 'points_out_of_range', field: 'points', message: { messageId: 'record.points_out_of_range', data: { points, min, max } } };
  return undefined;
}

/**
 * Generated code for a condition a rule waits on (`when`): an undecided condition makes the rule
 * indeterminate with every reason it gives, and ends it. Returns the local holding true or false.
 */
export function generateWhen(when: Condition, g: RuleGenerateContext): { readonly code: string; readonly holds: string } {
  const c = g.condition(when);
  const holds = g.local();
  const reason = g.local();
  const s = g.scope;
  return {
    holds,
    code: `const ${holds} = ${c}.test(${s});\nif (${holds} === null) { for (const ${reason} of ${c}.explain(${s}.facts()).reasons) ${s}.indeterminate(${reason}); ${g.exit} }\n`,
  };
}

/** Declares a rule kind with its types inferred from the schema. */
export function defineRuleKind<S extends z.ZodType>(kind: RuleKind<S>): RuleKind<S> {
  return kind;
}
