/**
 * Dates and times as the date operators of the condition language and the rectification ledger read
 * them: a calendar date `2024-03-04`, or a date and time `2024-03-04T17:00` (seconds, a `Z` or an
 * offset `+08:00` optional; a space may stand for the `T`). Anything else (`2024-02-30`, `03/04`)
 * is not a date: a condition on it is indeterminate, never pass.
 */
import { isCalendarDate } from './common-schema.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A parsed date: `ms` since the epoch (a date without a time is its midnight), and whether it had a time. */
export interface Instant {
  readonly ms: number;
  readonly dateOnly: boolean;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Reads a date or a date and time; `undefined` for anything else. A time without an offset is read on
 * the same clock as every other time without one (local civil time, as an inspector writes it).
 *
 * @example
 * ```ts
 * parseInstant('2024-03-04'); // { ms: 1709510400000, dateOnly: true }
 * parseInstant('2024-03-04T17:00'); // { ms: 1709571600000, dateOnly: false }
 * parseInstant('2024-02-30'); // undefined
 * ```
 */
export function parseInstant(value: unknown): Instant | undefined {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? { ms: value.getTime(), dateOnly: false } : undefined;
  if (typeof value !== 'string') return undefined;
  const m = DATE_TIME.exec(value);
  if (m === null || !isCalendarDate(m[1]!)) return undefined;
  const day = Date.parse(`${m[1]}T00:00:00Z`);
  if (m[2] === undefined) return { ms: day, dateOnly: true };
  const [h, min, sec] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) return undefined;
  let ms = day + h * HOUR_MS + min * 60_000 + sec * 1000;
  const zone = m[5];
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [zh, zm] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (zh > 23 || zm > 59) return undefined;
    ms -= sign * (zh * HOUR_MS + zm * 60_000);
  }
  return { ms, dateOnly: false };
}

/** The day number (days since 1970-01-01) of an instant. */
export const dayOf = (instant: Instant): number => Math.floor(instant.ms / DAY_MS);

/**
 * Compares two instants: by calendar day when either is a date without a time (a date is the whole
 * day), else to the millisecond. Negative, zero or positive.
 */
export function compareInstants(a: Instant, b: Instant): number {
  return a.dateOnly || b.dateOnly ? dayOf(a) - dayOf(b) : a.ms - b.ms;
}

/** Milliseconds in an hour: the one place the date operators turn hours into time. */
export const hoursToMs = (hours: number): number => hours * HOUR_MS;

/** `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of a calendar date `YYYY-MM-DD` (which the caller has checked). */
export function dayOfDate(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** Days from `from` to `to` (both `YYYY-MM-DD`): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayOfDate(to) - dayOfDate(from);
}

/** The date `days` days after `date`. */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayOfDate(date) + days);
}

/** Day of the week of a calendar date: 1 Monday … 7 Sunday (ISO). */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}
