/**
 * What an item says about time (issue 17): a deadline to fix a finding (限期整改) and what being late
 * costs, repeats within a window (屡教不改), and a finding found late (000:135: 次月发现的双倍扣减).
 * Scored by src/history/ over a unit's records in date order; docs/rectification.md.
 */
import { z } from 'zod';
import { isCalendarDate, PointsValue } from '../common-schema.js';

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
      message: 'say what being late costs: points, fail: true or escalate: true',
      params: { code: 'missing_key' },
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

export type Rectify = z.output<typeof RectifySchema>;
export type Repeat = z.output<typeof RepeatSchema>;
export type FoundLate = z.output<typeof FoundLateSchema>;
