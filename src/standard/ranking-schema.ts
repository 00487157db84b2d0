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

/**
 * An exclusion by what an inspection of the unit in the period says, in this standard or (with
 * `standard`) in another one whose scorecards the league is given (`LeagueOptions.elsewhere`):
 * `veto: true` a 一票否决; `verdict` a verdict (004:1047 取消年度评优、评先: a fail elsewhere);
 * `bands` a band; `outcome` with `tiers` a derived outcome's tier. Exactly one of the four.
 */
export const ExclusionRuleSchema = z
  .strictObject({
    standard: Id.optional(),
    veto: z.literal(true).optional(),
    verdict: z.enum(['fail', 'indeterminate', 'not_eligible']).optional(),
    bands: z.array(Id).min(1).optional(),
    outcome: Id.optional(),
    tiers: z.array(Id).min(1).optional(),
  })
  .refine((e) => [e.veto, e.verdict, e.bands, e.outcome].filter((x) => x !== undefined).length === 1 && (e.outcome === undefined) === (e.tiers === undefined), {
    message: 'an exclusion names exactly one of veto, verdict, bands or outcome (with tiers)',
  });
export type ExclusionRule = z.output<typeof ExclusionRuleSchema>;
export type Exclusion = (typeof EXCLUSIONS)[number] | ExclusionRule;
export const DEFAULT_EXCLUDE: readonly Exclusion[] = ['veto'];
const Exclude = z.array(z.union([z.enum(EXCLUSIONS), ExclusionRuleSchema])).default([...DEFAULT_EXCLUDE]);

/** 流动红旗: to the best unit of each group per period (or every unit at or above a bar). */
export const AwardSchema = z.strictObject({
  id: Id,
  name: LocalizedText,
  period: PeriodUnitSchema,
  /** `best`: the top unit(s) of each group; `bar`: every unit whose score reaches `min`; `top`: the first `count` (十佳). */
  winners: z.enum(['best', 'bar', 'top']).default('best'),
  /** With `winners: top`: how many units hold it per group (十佳: 10). */
  count: z.number().int().positive().optional(),
  /** The score a unit needs to qualify at all. */
  min: z.number().optional(),
  /**
   * When units tie at the last place the award reaches (the best, the `count`-th, a quota's last):
   * all of them get it (`share`) or none of them does (`none`).
   */
  ties: z.enum(['share', 'none']).default('share'),
  /** Units not eligible in the period: the award goes to the best of the others. */
  exclude: Exclude,
  /** Only records of these inspection kinds count towards the award (a table of those records alone). */
  kinds: z.array(Id).min(1).optional(),
  /** 每班一名: at most `max` holders per value of `unit.group[by]`, in rank order. */
  quota: z.strictObject({ by: z.string().min(1), max: z.number().int().positive() }).optional(),
  source: z.string().min(1).optional(),
}).refine((a) => (a.winners === 'top') === (a.count !== undefined), { message: '`count` goes with `winners: top`, and `winners: top` needs a `count`', path: ['count'] });

/**
 * A group of units ranked as one (gap G5): an alliance, a grade, a street, by an aggregate of its
 * members' period scores, with the ranking's ties and tie-breakers, and awards of its own.
 */
export const RollupSchema = z.strictObject({
  id: Id,
  name: LocalizedText,
  /** The members' `unit.group` key that names the group (alliance). */
  by: z.string().min(1),
  /** Rank groups within this `unit.group` key (street); every member must have the same value. */
  within: z.string().min(1).optional(),
  /**
   * The group's score from its members' period scores: `mean`, `sum`, `min` (the worst member in
   * deduct and award mode), `max` (the worst in accumulate mode), or `passing`, the percent of
   * members with no failed or undecided inspection (higher is better in every mode).
   */
  aggregate: z.enum(['mean', 'sum', 'min', 'max', 'passing']).default('mean'),
  awards: z.array(AwardSchema).default([]),
  /** Why the roll-up is a setting and not the source's, in words. */
  assumption: z.string().min(1).optional(),
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
  /** Groups of units ranked from their members (`rank --roll-up ID`). */
  rollups: z.array(RollupSchema).default([]),
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
export type Rollup = z.output<typeof RollupSchema>;
export type Frequency = z.output<typeof FrequencySchema>;
