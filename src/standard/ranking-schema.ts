/** How a standard's scorecards are compared: period scores, ranking, frequency requirements, awards. */
import { z } from 'zod';
import { CalendarDate, Id, LocalizedText, PointsValue } from '../common-schema.js';

export const TermSchema = z.strictObject({
  id: Id,
  name: LocalizedText.optional(),
  from: CalendarDate,
  to: CalendarDate,
  holidays: z.array(z.strictObject({ from: CalendarDate, to: CalendarDate, name: LocalizedText.optional() })).optional(),
});

export const CalendarSchema = z.strictObject({ terms: z.array(TermSchema).min(1) });

export const PeriodUnitSchema = z.enum(['week', 'month', 'quarter', 'year', 'term']);

export const TIE_BREAKERS = ['fewer-vetoes', 'fewer-deductions', 'better-latest', 'more-inspections'] as const;

/** 每月不少于3次随查: at least `min` inspections of a kind per unit per period; a shortfall may cost points. */
export const FrequencySchema = z.strictObject({
  id: Id,
  name: LocalizedText.optional(),
  kind: Id.optional(),
  min: z.number().int().positive(),
  per: PeriodUnitSchema,
  /** Points per missing inspection (deducted from the period score). */
  points: PointsValue.optional(),
  source: z.string().min(1).optional(),
});

/**
 * What keeps a unit from an award or the 红榜 in a period: `veto`, a 一票否决 in any of its
 * inspections; `fail`, any inspection whose verdict is fail (a veto is one). Default `[veto]`.
 */
export const EXCLUSIONS = ['veto', 'fail'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];
export const DEFAULT_EXCLUDE: readonly Exclusion[] = ['veto'];
const Exclude = z.array(z.enum(EXCLUSIONS)).default([...DEFAULT_EXCLUDE]);

/** 流动红旗: to the best unit of each group per period (or every unit at or above a bar). */
export const AwardSchema = z.strictObject({
  id: Id,
  name: LocalizedText,
  period: PeriodUnitSchema,
  /** `best`: the top unit(s) of each group; `bar`: every unit whose score reaches `min`. */
  winners: z.enum(['best', 'bar']).default('best'),
  /** The score a unit needs to qualify at all. */
  min: z.number().optional(),
  /** When several units tie for best: all of them get it (`share`) or nobody does (`none`). */
  ties: z.enum(['share', 'none']).default('share'),
  /** Units not eligible in the period: the award goes to the best of the others. */
  exclude: Exclude,
  source: z.string().min(1).optional(),
});

export const RankingSchema = z.strictObject({
  /** The period score: sum (base + Σ line points, the running 量化分数), mean, min or latest of the inspections' totals. */
  aggregate: z.enum(['sum', 'mean', 'min', 'latest']).default('mean'),
  /** Starting score of a period when aggregate is `sum`; default the scoring base. */
  base: z.number().optional(),
  ties: z.enum(['competition', 'dense', 'ordinal', 'fractional']).default('competition'),
  tieBreakers: z.array(z.enum(TIE_BREAKERS)).default([]),
  /** Units with fewer inspections in a period are listed unranked, with the reason. */
  minInspections: z.number().int().nonnegative().default(1),
  frequency: z.array(FrequencySchema).default([]),
  awards: z.array(AwardSchema).default([]),
  /** 红榜 / 黑榜: how many units each board lists per group. */
  boards: z
    .strictObject({
      top: z.number().int().nonnegative().default(0),
      bottom: z.number().int().nonnegative().default(0),
      /** Units the 红榜 passes over in the period (the 黑榜 names them first), as an award's `exclude`. */
      exclude: Exclude,
    })
    .optional(),
  /** 末位: warn a unit that is last in its group this many periods in a row. */
  lastWarning: z.number().int().positive().optional(),
  /** Held an award this many periods running: reported as a streak. */
  streak: z.number().int().positive().default(3),
  /** How boards show scores and weeks (CLI: --decimals, --weeks). */
  display: z
    .strictObject({
      /** Decimals shown for scores on boards and reports (0–4); default 2. JSON keeps the exact value. */
      decimals: z.number().int().min(0).max(4).optional(),
      /** A week's label: `key` 2024-W10 (default), `number` 第10周 (the teaching week with a calendar), `range` 3月4日–3月10日. */
      weeks: z.enum(['key', 'number', 'range']).optional(),
    })
    .optional(),
});

export type Ranking = z.output<typeof RankingSchema>;
export type Award = z.output<typeof AwardSchema>;
export type Frequency = z.output<typeof FrequencySchema>;
