/**
 * The contract of a rule kind: its YAML shape (a zod schema) and how it scores (ESLint's
 * `meta + create`, as data plus a pure function). Adding a kind is one file, one registry line
 * in `rules/index.ts`, and one test table.
 */
import type { z } from 'zod';
import type { Message } from '../messages/types.js';
import { POINT_RESOLUTION, pointsProblem, type Points } from '../score/points.js';
import type { CompiledCondition, Facts } from '../compile/conditions.js';
import type { Ratio } from '../score/points.js';
import type { Condition } from '../standard/condition-schema.js';
import type { Finding, InspectionRecord } from '../records/schema.js';
import type { LocalizedText, QuantitySource } from '../standard/common.js';

/** Extra fields a scorecard line may carry (thresholds show what was expected and found). */
export interface LineDetail {
  readonly expected?: string;
  readonly actual?: string;
  /** Index of the finding in the record that produced the line. */
  readonly finding?: number;
  readonly note?: string;
}

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

/** A problem with a finding that makes the record unscorable (points out of range, a missing note). */
export interface FindingProblem {
  readonly field: string;
  readonly message: Message;
}

export interface CompiledRule {
  /** Checks one finding for this rule before scoring; a problem rejects the record. */
  checkFinding?(finding: Finding): FindingProblem | undefined;
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

export interface RuleKind<S extends z.ZodType = z.ZodType> {
  readonly kind: string;
  readonly schema: S;
  /** One line for docs and `--help`. */
  readonly description: string;
  compile(rule: z.output<S>, context: RuleCompileContext): CompiledRule;
}

/** True when a finding says written material was not shown (`evidence: false` or an empty list). */
export function lacksEvidence(finding: Finding): boolean {
  return finding.evidence === false || (Array.isArray(finding.evidence) && finding.evidence.length === 0);
}

/**
 * The inspector's points on a finding against the rule's range (每次扣1-3分): finer than 0.0001 is
 * too precise (1.00001 is not "outside 1–3"), outside the range is an error in the record, never clamped.
 */
export function chosenPointsProblem(points: number, min: number, max: number): FindingProblem | undefined {
  const problem = pointsProblem(points);
  if (problem === 'too_precise') return { field: 'points', message: { messageId: 'record.too_precise', data: { value: points, resolution: POINT_RESOLUTION } } };
  if (problem !== undefined || points < min || points > max) return { field: 'points', message: { messageId: 'record.points_out_of_range', data: { points, min, max } } };
  return undefined;
}

/** Declares a rule kind with its types inferred from the schema. */
export function defineRuleKind<S extends z.ZodType>(kind: RuleKind<S>): RuleKind<S> {
  return kind;
}
