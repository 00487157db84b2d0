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

export const RuleSchema = z.discriminatedUnion('kind', [
  bonus.schema,
  byKind.schema,
  fixed.schema,
  judgement.schema,
  notApplicable.schema,
  perOccurrence.schema,
  perShortfall.schema,
  perStep.schema,
  threshold.schema,
]);
export type Rule = z.output<typeof RuleSchema>;
