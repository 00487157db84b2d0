/**
 * The standard format, version 1. This zod schema is the single source of truth: the TypeScript
 * types are inferred from it, and schema/standard.schema.json is generated from it.
 */
import { z } from 'zod';
import { RuleSchema } from '../rules/index.js';
import { ConditionSchema } from '../condition-schema.js';
import { CalendarSchema, RankingSchema } from './ranking-schema.js';
import { CalendarDate, ExactDecimal, historyKeys, Id, LocalizedText, PointsValue } from '../common-schema.js';

export { LocalizedText } from '../common-schema.js';

export const SourceRef = z.strictObject({
  /** The document the standard encodes, as its title reads. */
  document: z.string().min(1),
  clause: z.string().min(1).optional(),
  url: z.string().min(1).optional(),
});

export const ScoringSchema = z.strictObject({
  /** deduct: base − Σ deductions (higher is better); accumulate: Σ penalty points (lower is better); award: Σ awarded points. */
  mode: z.enum(['deduct', 'accumulate', 'award']),
  /** Starting score in deduct mode; default: the sum of the categories' maxima. */
  base: PointsValue.optional(),
  /** The total never exceeds this (100 + 15 bonus = 115). */
  max: PointsValue.optional(),
  /** The total never goes below this (e.g. 0). */
  min: ExactDecimal.optional(),
  /** 无书面材料该项不得分: default for every item whether a finding without evidence zeroes the item. */
  evidence: z.enum(['required', 'optional']).default('optional'),
});

export const NamedEntry = z.strictObject({ id: Id, name: LocalizedText.optional() });

export const IndicatorSchema = z.strictObject({
  id: Id,
  name: LocalizedText,
  /** percent: a value 0–100, or numerator/denominator × 100; ratio: 0–1; count/number: as given. */
  unit: z.enum(['percent', 'ratio', 'count', 'number']),
  source: z.string().min(1).optional(),
});

const scored = {
  id: Id,
  name: LocalizedText,
  /** Maximum points (分值); in deduct mode the item or category never goes below zero (扣完为止). */
  max: PointsValue.optional(),
  /** Maximum bonus points (奖分) on top of `max`. */
  bonusMax: PointsValue.optional(),
  source: z.string().min(1).optional(),
  rules: z.array(RuleSchema).default([]),
};

export const ItemSchema = z.strictObject({
  ...scored,
  /** What the item requires, as the standard words it (检查内容 / 工作要求). */
  requirement: z.string().min(1).optional(),
  /** How it is checked (考核方法). */
  method: z.string().min(1).optional(),
  /** Overrides `scoring.evidence` for this item. */
  evidence: z.enum(['required', 'optional']).optional(),
  /** A critical item (重点项): reports mark it. */
  critical: z.boolean().optional(),
  tags: z.array(z.string().min(1)).optional(),
  ...historyKeys,
});

export const CategorySchema = z.strictObject({
  ...scored,
  items: z.array(ItemSchema).min(1),
});

export const VetoSchema = z
  .strictObject({
    id: Id,
    name: LocalizedText,
    source: z.string().min(1).optional(),
    /** Vetoed when this item has any finding. */
    item: z.string().min(1).optional(),
    /** Vetoed when this condition holds. */
    when: ConditionSchema.optional(),
  })
  .refine((v) => (v.item === undefined) !== (v.when === undefined), {
    message: 'schema.veto_target',
    params: { code: 'missing_key', messageId: 'schema.veto_target' },
  });

export const PrerequisiteSchema = z.strictObject({
  id: Id,
  name: LocalizedText,
  source: z.string().min(1).optional(),
  /** Must hold for the unit to be eligible; a missing fact makes the verdict indeterminate. */
  require: ConditionSchema,
});

export const BandSchema = z.strictObject({
  id: Id,
  name: LocalizedText,
  /** Inclusive lower bound (bounds are exact decimals: totals are compared with them exactly). */
  min: ExactDecimal.optional(),
  /** Inclusive upper bound. */
  max: ExactDecimal.optional(),
  /** Exclusive lower bound. */
  above: ExactDecimal.optional(),
  /** Exclusive upper bound. */
  below: ExactDecimal.optional(),
  /** Only for these inspection kinds (bands that depend on the kind of inspection). */
  kinds: z.array(Id).optional(),
  /** Compound band: every category's subtotal must also stay within these bounds (UK FHRS: no element above 5). */
  everyCategory: z.strictObject({ min: ExactDecimal.optional(), max: ExactDecimal.optional() }).optional(),
  /** A band that fails the inspection (e.g. < 70: permit suspension). */
  verdict: z.enum(['pass', 'fail']).default('pass'),
  /** Only when this holds too (it may read the scored facts `category` and `item`); a missing fact leaves the band unknown. */
  when: ConditionSchema.optional(),
  source: z.string().min(1).optional(),
});

/** A named outcome dimension (a grade, an action): its own bands, the first that holds giving its value. */
export const DimensionSchema = z.strictObject({
  id: Id,
  name: LocalizedText,
  source: z.string().min(1).optional(),
  bands: z.array(BandSchema).min(1),
});

export const TierSchema = z.strictObject({
  id: Id,
  name: LocalizedText,
  min: z.number(),
  verdict: z.enum(['pass', 'fail']).default('pass'),
});

/** Derived outcomes: count the categories at or above a score (≥ 9 of 10 earns a star), then tiers. */
export const DerivedSchema = z.strictObject({
  id: Id,
  name: LocalizedText,
  source: z.string().min(1).optional(),
  count: z.strictObject({ categories: z.strictObject({ min: z.number() }) }),
  tiers: z.array(TierSchema).default([]),
});

/**
 * A re-inspection cycle (初查 → 复查): an initial inspection whose band is in `grant` gives the unit
 * its grade at once; any other leaves it pending, the unit's previous grade carried, until a
 * re-inspection (a record of one of the `reinspection` kinds) decides (docs/rectification.md).
 */
export const CycleSchema = z.strictObject({
  /** The kinds of inspection that are re-inspections (复查); every other kind is an initial inspection. */
  reinspection: z.array(Id).min(1),
  /** The bands an initial inspection grants at once. */
  grant: z.array(Id).min(1),
  source: z.string().min(1).optional(),
});

/**
 * Someone a finding may charge: the unit itself (`unit: true`), the unit's group (`group: alliance`:
 * the record's `unit.group.alliance`), or a person the record names under `parties`. A group party may
 * also take every charge of another party (`joint: community`, 连带) and share its charges among its
 * members (`shared: true`, 同罚, 000:137) in the settlement.
 */
export const PartySchema = z
  .strictObject({
    id: Id,
    name: LocalizedText,
    unit: z.literal(true).optional(),
    group: z.string().min(1).optional(),
    joint: Id.optional(),
    shared: z.literal(true).optional(),
    source: z.string().min(1).optional(),
  })
  .refine((p) => p.group !== undefined || (p.joint === undefined && p.shared === undefined), { message: 'schema.party_group', params: { code: 'invalid_value', messageId: 'schema.party_group' }, path: ['group'] })
  .refine((p) => p.group === undefined || p.unit === undefined, { message: 'schema.party_unit_group', params: { code: 'invalid_value', messageId: 'schema.party_unit_group' }, path: ['group'] });

export const OutcomesSchema = z.strictObject({
  vetoes: z.array(VetoSchema).default([]),
  prerequisites: z.array(PrerequisiteSchema).default([]),
  bands: z.array(BandSchema).default([]),
  /** Further outcome dimensions beside `bands` (which is the default one, the scorecard's `band`). */
  dimensions: z.array(DimensionSchema).optional(),
  derived: z.array(DerivedSchema).default([]),
  cycle: CycleSchema.optional(),
});

export const StandardSchema = z.strictObject({
  /** Version of this file format (not of the standard). */
  format: z.literal(1).default(1),
  id: Id,
  /** The standard's own edition, as a string ("2024.10", not 2024.1). */
  version: z.string().min(1),
  name: LocalizedText,
  description: LocalizedText.optional(),
  effective: z.strictObject({ from: CalendarDate, to: CalendarDate.optional() }).optional(),
  source: SourceRef.optional(),
  /** What is inspected and ranked (class, village, restaurant). */
  unit: z.string().min(1).optional(),
  scoring: ScoringSchema,
  /** Inspection kinds (随查, 定期, 活动) and event levels (县, 市, 省, 国家). */
  kinds: z.array(NamedEntry).default([]),
  levels: z.array(NamedEntry).default([]),
  /** Who findings may charge besides the unit's score (`charges` on an item or rule). */
  parties: z.array(PartySchema).optional(),
  indicators: z.array(IndicatorSchema).default([]),
  /** Named conditions, referenced as `{ condition: name }`. */
  conditions: z.record(Id, ConditionSchema).default({}),
  categories: z.array(CategorySchema).min(1),
  outcomes: OutcomesSchema.default({ vetoes: [], prerequisites: [], bands: [], derived: [] }),
  /** How scorecards are aggregated and ranked per period, and which awards are given. */
  ranking: RankingSchema.optional(),
  /** School terms (holidays excluded) for `term` periods and 第n周 week numbers. */
  calendar: CalendarSchema.optional(),
  /** Set by the loader for an overlay: this standard and every one it extends (`id@version`), nearest first. */
  lineage: z.array(z.string()).optional(),
  /** Assumptions the standard makes where its source is silent, in words. */
  assumptions: z.array(z.string().min(1)).optional(),
});

export type Standard = z.output<typeof StandardSchema>;
export type StandardInput = z.input<typeof StandardSchema>;
export type Category = z.output<typeof CategorySchema>;
export type Item = z.output<typeof ItemSchema>;
export type Band = z.output<typeof BandSchema>;
export type Dimension = z.output<typeof DimensionSchema>;
export type Veto = z.output<typeof VetoSchema>;
export type Prerequisite = z.output<typeof PrerequisiteSchema>;
export type Derived = z.output<typeof DerivedSchema>;
export type Cycle = z.output<typeof CycleSchema>;
export type Party = z.output<typeof PartySchema>;
export type Indicator = z.output<typeof IndicatorSchema>;
