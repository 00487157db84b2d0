/** The shapes compileStandard resolves a standard into: rules, items, categories, bands (see standard.ts). */
import type { LocalizedText } from '../common-schema.js';
import type { Points } from '../points.js';
import type { Rule } from '../rules/index.js';
import type { CompiledRule, ScopeCondition } from '../rules/kind.js';

export interface CompiledRuleEntry {
  readonly compiled: CompiledRule;
  /** The rule as validated (undefined for a scope's own floor and evidence entries), for the code generator. */
  readonly rule: Rule | undefined;
  readonly path: string;
  readonly source?: string;
  readonly cap?: Points;
  readonly kind: string;
  /** Whether the rule may produce lines for an item with no finding (reads facts or indicators). */
  readonly needsNoFinding: boolean;
  /** Whether it decides if its scope is scored at all (see RuleKind.decidesApplicability): such rules come first. */
  readonly decidesApplicability: boolean;
  readonly reason?: LocalizedText;
  /**
   * What the rule can do to the points when it cannot be decided (a missing fact): take some, give
   * some. With these a scorecard whose total is unknown still knows the total's range.
   */
  readonly mayDeduct: boolean;
  readonly mayAward: boolean;
  /** The record field the rule reads its quantity from (`indicators.rate`); undefined for findings' values or none. */
  readonly quantityField: string | undefined;
}

/** An item or a category: both carry rules, maxima and (for categories) children. */
export interface CompiledScope {
  readonly id: string;
  readonly name: LocalizedText;
  readonly path: string;
  readonly max?: Points;
  readonly bonusMax?: Points;
  readonly evidenceRequired: boolean;
  readonly rules: readonly CompiledRuleEntry[];
  /** How many of `rules`, from the first, decide whether the scope applies (compile puts them first). */
  readonly applicabilityRules: number;
  /** Whether any of its rules (or a missing-evidence charge) can take points, or give points. */
  readonly mayDeduct: boolean;
  readonly mayAward: boolean;
  readonly alwaysRun: boolean;
  readonly source?: string;
  /** What the scope's own floor and caps (and a missing-evidence charge) are attributed to: its path. */
  readonly limitRule: CompiledRuleEntry;
  readonly evidenceRule: CompiledRuleEntry;
}

export interface CompiledCategory extends CompiledScope {
  readonly index: number;
  readonly items: readonly CompiledItem[];
}

export interface CompiledItem extends CompiledScope {
  readonly index: number;
  readonly category: CompiledCategory;
}

export interface CompiledBand {
  readonly id: string;
  readonly name: LocalizedText;
  readonly low?: Points;
  readonly lowInclusive: boolean;
  readonly high?: Points;
  readonly highInclusive: boolean;
  readonly kinds?: ReadonlySet<string>;
  readonly everyCategory?: { readonly min?: Points; readonly max?: Points };
  readonly fails: boolean;
  /** Holds only when this holds too (it may read the scored facts). */
  readonly when?: ScopeCondition;
  readonly path: string;
}

/** A named outcome dimension (outcomes.dimensions): its bands, in order, the first that holds giving its value. */
export interface CompiledDimension {
  readonly id: string;
  readonly name: LocalizedText;
  readonly bands: readonly CompiledBand[];
}

/**
 * A category nothing in runs without a finding (no rule of it or of its items reads only facts or
 * indicators): when no finding names it, scoring it takes, gives and leaves nothing.
 */
export function isQuiet(category: CompiledCategory): boolean {
  return !category.alwaysRun && category.items.every((item) => !item.alwaysRun);
}
