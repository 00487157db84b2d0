/** Building blocks of the standard format shared by the standard schema and the rule kinds. */
import { z } from 'zod';
import { pathIssue } from './paths.js';
import { MAX_POINTS, POINT_RESOLUTION, pointsProblem } from './points.js';

/** Ids: letters (any script), digits, `_` and `-`; `.` is kept for qualified item ids (`category.item`). */
export const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;

// Issues name a message id (the catalogues give the words) and carry their data in params.
export const Id = z.string().regex(ID_PATTERN, { message: 'diagnostic.invalid_id' });

/** Text in several languages; zh-CN first-class, en for English reports. At least one is required. */
export const LocalizedText = z
  .strictObject({
    'zh-CN': z.string().min(1).optional(),
    en: z.string().min(1).optional(),
  })
  .refine((t) => t['zh-CN'] !== undefined || t.en !== undefined, {
    message: 'schema.localized_text',
    params: { code: 'missing_key', messageId: 'schema.localized_text' },
  });
export type LocalizedText = z.output<typeof LocalizedText>;

/** True for a real calendar date written YYYY-MM-DD (2010-09-31 is not one). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

export const CalendarDate = z.string().refine(isCalendarDate, {
  message: 'diagnostic.invalid_date',
  params: { code: 'invalid_date' },
});

/**
 * `base` (a number schema), held exactly by the point arithmetic: finer than 0.0001 is `too_precise`
 * (1e-20 would deduct nothing, 500000.00004 exactly 500000), beyond MAX_POINTS `out_of_range` (its
 * sums would no longer be exact). For points, caps, and the bounds and steps rules compare against.
 */
export function exactDecimal<T extends z.ZodNumber>(base: T) {
  // The JSON Schema (editors, other validators) learns the bound from the metadata: a refinement is
  // invisible to z.toJSONSchema. The precision stays the loader's: `multipleOf: 0.0001` on binary
  // floating point rejects exact decimals such as 0.3.
  const bounds = !Number.isFinite(base.minValue ?? -Infinity) ? { minimum: -MAX_POINTS, maximum: MAX_POINTS } : { maximum: MAX_POINTS };
  return base
    .superRefine((value, ctx) => {
      if (!base.safeParse(value).success) return; // already reported (a negative point value): once is enough
      const problem = pointsProblem(value);
      if (problem === 'too_large') ctx.addIssue({ code: 'custom', input: value, message: 'diagnostic.out_of_range', params: { code: 'out_of_range', value, max: MAX_POINTS } });
      if (problem === 'too_precise') ctx.addIssue({ code: 'custom', input: value, message: 'diagnostic.too_precise', params: { code: 'too_precise', value, resolution: POINT_RESOLUTION } });
    })
    .meta(bounds);
}

/** A decimal held exactly (a threshold's bound, a band's limit). */
export const ExactDecimal = exactDecimal(z.number());

/** A point value: a non-negative decimal held exactly. */
export const PointsValue = exactDecimal(z.number().nonnegative());

/** Inspector-chosen points within bounds (每次扣1-3分). */
export const PointsRange = z.strictObject({ min: PointsValue, max: PointsValue });
export type PointsRange = z.output<typeof PointsRange>;

/** A path into a fact ("a.b[0]", or json-rules-engine's "$.a.b[0]"); filters and scripts are refused. */
export const PathSchema = z
  .string({ error: 'schema.path_string' })
  .superRefine((path, ctx) => {
    const problem = pathIssue(path);
    if (problem !== undefined) {
      ctx.addIssue({ code: 'custom', message: problem.messageId, input: path, params: { code: 'bad_path', messageId: problem.messageId, ...problem.data } });
    }
  });

/** Where a quantity comes from: a fact of the record, an indicator, or (default) the finding's value. */
export const QuantitySource = z.union([
  // The same path syntax as a condition's, checked the same way: a bad one is a load error with its position.
  z.strictObject({ fact: z.string().min(1), path: z.string().min(1).pipe(PathSchema).optional() }),
  z.strictObject({ indicator: Id }),
]);
export type QuantitySource = z.output<typeof QuantitySource>;

// ---------------------------------------------------------------------------------------------
// Time (issue 17): a deadline to fix a finding (限期整改) and what being late costs, repeats within a
// window (屡教不改), a finding found late (000:135: 次月发现的双倍扣减). On an item or a rule; scored by
// src/history/ over a unit's records in date order (docs/rectification.md).
// ---------------------------------------------------------------------------------------------

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** `3d`, `2w`: a number of days or weeks. */
const SPAN = /^([1-9]\d{0,3})([dw])$/;

/** Days in a span `3d` / `2w`, or undefined for anything else. */
export function spanDays(text: string): number | undefined {
  const m = SPAN.exec(text);
  return m === null ? undefined : Number(m[1]) * (m[2] === 'w' ? 7 : 1);
}

/** 1 (Monday) … 7 (Sunday) for a weekday's name, else undefined. */
export function weekdayNumber(text: string): number | undefined {
  const i = (WEEKDAYS as readonly string[]).indexOf(text);
  return i < 0 ? undefined : i + 1;
}

/** When a finding must be fixed by: `3d` / `1w` after it was found, the next `friday`, or a date. */
export const DeadlineSchema = z.string().refine((t) => spanDays(t) !== undefined || weekdayNumber(t) !== undefined || isCalendarDate(t), {
  message: `a deadline is a number of days or weeks ("3d", "1w"), a weekday (${WEEKDAYS.join(', ')}) or a date (YYYY-MM-DD)`,
});

/** A repeat window: `30d` / `2w` back from the inspection, or the same calendar `week` (Monday first), `month`, or school `term` (the standard's calendar). */
export const WindowSchema = z.string().refine((t) => spanDays(t) !== undefined || t === 'week' || t === 'month' || t === 'term', {
  message: 'a window is a number of days or weeks ("30d", "2w"), "week", "month" or "term"',
});

/** A whole-number multiplier (双倍 = 2): points stay exact. */
const Multiplier = z.number().int().min(2).max(100);

export const RectifySchema = z.strictObject({
  within: DeadlineSchema,
  /** What a finding not fixed by its deadline costs, once, on the unit's first inspection after it. */
  late: z
    .strictObject({
      /** Points taken from the item. */
      points: PointsValue.optional(),
      /** The inspection fails (逾期未整改的不合格). */
      fail: z.literal(true).optional(),
      /** The overdue finding counts as a new offence for the item's `repeat`. */
      escalate: z.literal(true).optional(),
    })
    .refine((l) => l.points !== undefined || l.fail !== undefined || l.escalate !== undefined, {
      message: 'schema.late_cost',
      params: { code: 'missing_key', messageId: 'schema.late_cost' },
    }),
  source: z.string().min(1).optional(),
});

export const RepeatSchema = z
  .strictObject({
    within: WindowSchema,
    /** Extra points per finding for the 1st, 2nd, … repeat in the window; the last one goes on. */
    extra: z.array(PointsValue).min(1).optional(),
    /** Or: the finding's points, multiplied. */
    multiply: Multiplier.optional(),
    source: z.string().min(1).optional(),
  })
  .refine((r) => (r.extra === undefined) !== (r.multiply === undefined), {
    message: 'a repeat escalates by exactly one of `extra` or `multiply`',
    params: { code: 'missing_key' },
  });

export const FoundLateSchema = z.strictObject({
  /** Found in a later calendar `month` than it occurred, or more than `1d` / `2w` after it. */
  after: WindowSchema.refine((t) => t !== 'week' && t !== 'term', { message: 'found late: "month", or a number of days or weeks' }),
  multiply: Multiplier,
  source: z.string().min(1).optional(),
});

/**
 * What one finding costs a party (the community, the responsible officer), in points or yuan: exact,
 * like points (src/points.ts). A late discovery (`foundLate`) multiplies it as it multiplies points.
 */
export const ChargeSchema = z.strictObject({
  /** One of the standard's `parties`. */
  party: Id,
  amount: PointsValue,
  unit: z.enum(['points', 'yuan']).default('points'),
  source: z.string().min(1).optional(),
});

export type Charge = z.output<typeof ChargeSchema>;
export type Rectify = z.output<typeof RectifySchema>;
export type Repeat = z.output<typeof RepeatSchema>;
export type FoundLate = z.output<typeof FoundLateSchema>;

/** What an item or a rule may say about time. */
export const historyKeys = {
  /** 限期整改: its findings must be fixed within this time; being late costs (docs/rectification.md). */
  rectify: RectifySchema.optional(),
  /** 屡教不改: a finding repeated within a window costs more. */
  repeat: RepeatSchema.optional(),
  /** 次月发现的双倍扣减: a finding found long after it occurred is multiplied. */
  foundLate: FoundLateSchema.optional(),
  /** 000:135: what each finding costs each party (4,000 yuan the community, 500 yuan its officer), settled per month. */
  charges: z.array(ChargeSchema).min(1).optional(),
};

/** Fields every rule kind may carry. */
export const ruleBase = {
  /** Optional id, for test cases and overlays. */
  id: Id.optional(),
  /** The clause of the source document this rule encodes. */
  source: z.string().min(1).optional(),
  /** Wording shown on the scorecard line instead of the rule kind's default reason. */
  reason: LocalizedText.optional(),
  /** The most this rule may deduct or award per inspection (最高扣10分, 最高奖励2分). */
  cap: PointsValue.optional(),
  ...historyKeys,
};
