/**
 * The assessment file: how results of standards combine. `assess: composite` weighs other standards'
 * period results (文明单位 from its sub-assessments); `assess: stages` reads one standard's records at
 * several stages (村自评 → 镇复核 → 市考核) and decides the final result. See docs/assessments.md.
 */
import { z } from 'zod';
import { ExactDecimal, Id, LocalizedText, PointsValue } from '../common-schema.js';

/** How a part's or a stage's inspections in a period make one result (as a standard's `ranking.aggregate`). */
const Aggregate = z.enum(['sum', 'mean', 'min', 'latest']);

const common = {
  format: z.literal(1).optional(),
  id: Id,
  version: z.string().min(1).optional(),
  name: LocalizedText,
  description: LocalizedText.optional(),
  source: z.strictObject({ document: z.string().min(1), clause: z.string().min(1).optional() }).optional(),
  /** What the file adds to its sources: every setting no source gives. */
  assumptions: z.array(z.string().min(1)).default([]),
};

/** One part of a composite: a standard's period result, put on a scale from `worst` (0) to `best` (the whole weight). */
export const PartSchema = z.strictObject({
  id: Id,
  name: LocalizedText,
  /** The standard's file, relative to the assessment file. */
  standard: z.string().min(1),
  weight: PointsValue,
  /** The part's result that earns the whole weight (100 for a 100-point sheet; 0 for a count of problems). */
  best: ExactDecimal,
  /** The result that earns nothing; a result beyond it earns nothing, one beyond `best` the whole weight. */
  worst: ExactDecimal,
  /** The period result of the part's inspections; default its standard's `ranking.aggregate`. */
  aggregate: Aggregate.optional(),
  source: z.string().min(1).optional(),
});
export type Part = z.output<typeof PartSchema>;

/** A band of the composite total: the first (highest `min`) the total reaches. */
export const CompositeBandSchema = z.strictObject({ id: Id, name: LocalizedText, min: ExactDecimal });

export const CompositeSchema = z.strictObject({
  ...common,
  assess: z.literal('composite'),
  /** What the weights add up to (100: each part weighs its share of 100); a load checks it. */
  total: PointsValue,
  parts: z.array(PartSchema).min(1),
  bands: z.array(CompositeBandSchema).default([]),
});
export type Composite = z.output<typeof CompositeSchema>;

/** A stage: the records of these inspection kinds (村自评 = kind self-check). */
export const StageSchema = z.strictObject({
  id: Id,
  name: LocalizedText,
  kinds: z.array(Id).min(1),
  /** Its share of a weighted final (the shares add up to 1). */
  weight: PointsValue.optional(),
});
export type Stage = z.output<typeof StageSchema>;

export const StagesSchema = z.strictObject({
  ...common,
  assess: z.literal('stages'),
  /** The standard every stage scores against, relative to the assessment file. */
  standard: z.string().min(1),
  /** In order: each stage is compared with the next (自评 → 复核 → 考核). */
  stages: z.array(StageSchema).min(2),
  /** `last`: the last stage's result is final; `weighted`: Σ weight × each stage's result. */
  final: z.enum(['last', 'weighted']),
  /** A stage whose result differs from the next stage's by more than this is flagged (自评虚高). */
  margin: PointsValue.optional(),
  /** A stage's result from its inspections in the period; default the standard's `ranking.aggregate`. */
  aggregate: Aggregate.optional(),
});
export type Stages = z.output<typeof StagesSchema>;

export type Assessment = Composite | Stages;
