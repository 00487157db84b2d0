/** The inspection record: who was inspected, when, by whom, of what kind, and what was found. */
import { z } from 'zod';
import { CalendarDate, Id, PointsValue } from './common-schema.js';

export const UnitRefSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1).optional(),
  /** Grouping for ranking, such as `{ grade: 高一, class: 3 }`. */
  group: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const FindingSchema = z.strictObject({
  /** A stable id for rectification (整改台账); without one it is the record's id + `#` + its place, from 1. */
  id: z.string().min(1).optional(),
  /** The item's id (`tool-corner`) or qualified id (`classroom.tool-corner`); a category id marks the whole area failed. */
  item: z.string().min(1),
  /** How many times it was found (每处 / 每次); a whole number, default 1. */
  count: z.number().int().positive().optional(),
  /** Points chosen by the inspector, for ranged and judgement rules: exact points, as in a standard. */
  points: PointsValue.optional(),
  /** A measured or counted quantity (e.g. supervisions held: 2). */
  value: z.number().optional(),
  note: z.string().optional(),
  /** Written material shown (true / a list of references) or not (false / empty). */
  evidence: z.union([z.boolean(), z.array(z.string())]).optional(),
  /** The unit liable for this finding when it is not the inspected one (扣违纪班级的量化分数). */
  unit: z.string().min(1).optional(),
  area: z.string().min(1).optional(),
  /** When what was found happened, if earlier than the inspection (for `foundLate`). */
  occurred: CalendarDate.optional(),
  /** The deadline its rectification notice (整改通知书) set, instead of its item's `rectify.within`. */
  due: CalendarDate.optional(),
});

/** 复查: a follow-up's verdict on an earlier finding, by its id. */
export const FollowSchema = z.strictObject({
  finding: z.string().min(1),
  fixed: z.boolean(),
  note: z.string().optional(),
});

/**
 * The largest numerator or denominator of an indicator: 10^13 households, far beyond any real count,
 * and small enough that × 100 (a percent) stays an exact integer.
 */
export const MAX_RATIO_TERM = 1e13;

export const IndicatorValueSchema = z
  .union([
    z.number(),
    z.strictObject({ value: z.number() }),
    z.strictObject({ numerator: z.number().int().nonnegative(), denominator: z.number().int().positive() }),
  ])
  .superRefine((given, ctx) => {
    if (typeof given === 'number' || 'value' in given) return;
    for (const key of ['numerator', 'denominator'] as const) {
      const value = given[key];
      if (value > MAX_RATIO_TERM) ctx.addIssue({ code: 'custom', path: [key], input: value, message: 'record.number_too_large', params: { code: 'quantity_too_large', value, max: MAX_RATIO_TERM } });
    }
  });

export const InspectionRecordSchema = z.strictObject({
  id: z.string().min(1).optional(),
  /** `id` or `id@version` of the standard. */
  standard: z.string().min(1).optional(),
  /** The inspected unit. A round (`round: true`) covers every rostered unit instead. */
  unit: UnitRefSchema,
  /**
   * An inspection round that covered every rostered unit: findings name their unit or area, and
   * every unit not named gets a clean scorecard for the round.
   */
  round: z.boolean().optional(),
  date: CalendarDate,
  kind: Id.optional(),
  level: Id.optional(),
  inspector: z.string().min(1).optional(),
  findings: z.array(FindingSchema).default([]),
  indicators: z.record(z.string(), IndicatorValueSchema).optional(),
  facts: z.record(z.string(), z.unknown()).optional(),
  /** The id of a record this one replaces (a corrected sheet, the outcome of an appeal, 复核). */
  supersedes: z.string().min(1).optional(),
  /** 复查: earlier findings this inspection checked, each fixed or not. */
  follows: z.array(FollowSchema).optional(),
  /** Who the standard's parties are for this record (`officer: 王五`): whom its charges go to. */
  parties: z.record(Id, z.string().min(1)).optional(),
});

export type InspectionRecord = z.output<typeof InspectionRecordSchema>;
export type InspectionRecordInput = z.input<typeof InspectionRecordSchema>;
export type Finding = z.output<typeof FindingSchema>;
export type Follow = z.output<typeof FollowSchema>;
export type UnitRef = z.output<typeof UnitRefSchema>;
export type IndicatorValue = z.output<typeof IndicatorValueSchema>;
