/** The registry of rule kinds: `kind:` in the YAML → its schema and scorer. Sorted by kind name. */
import { z } from 'zod';
import { bonus } from './bonus.js';
import { byKind } from './by-kind.js';
import { fixed } from './fixed.js';
import { judgement } from './judgement.js';
import { notApplicable } from './not-applicable.js';
import { perOccurrence } from './per-occurrence.js';
import { perShortfall } from './per-shortfall.js';
import { perStep } from './per-step.js';
import { threshold } from './threshold.js';
import type { RuleKind } from './kind.js';

export const RULE_KINDS = {
  bonus,
  'by-kind': byKind,
  fixed,
  judgement,
  'not-applicable': notApplicable,
  'per-occurrence': perOccurrence,
  'per-shortfall': perShortfall,
  'per-step': perStep,
  threshold,
} as const satisfies Record<string, RuleKind>;

export type RuleKindName = keyof typeof RULE_KINDS;
export const RULE_KIND_NAMES = Object.keys(RULE_KINDS) as RuleKindName[];

type KindSchema = (typeof RULE_KINDS)[RuleKindName]['schema'];

/** `kind:` picks the schema: one precise error for a rule, never a wall of union errors. */
export const RuleSchema = z.discriminatedUnion(
  'kind',
  Object.values(RULE_KINDS).map((k) => k.schema) as unknown as [KindSchema, ...KindSchema[]],
);
export type Rule = z.output<typeof RuleSchema>;

/** The kind of a validated rule, for code that handles every kind alike. */
export function ruleKind(rule: Rule): RuleKind {
  return RULE_KINDS[rule.kind] as RuleKind;
}

/** The kind named by a rule as written, before validation; undefined when there is no such kind. */
export function ruleKindOf(kind: unknown): RuleKind | undefined {
  return typeof kind === 'string' && Object.hasOwn(RULE_KINDS, kind) ? (RULE_KINDS[kind as RuleKindName] as RuleKind) : undefined;
}
