/**
 * Periods from calendar dates: ISO week (Monday start), month, quarter, year, and school terms.
 * A record's date is a calendar date, never an instant: every computation goes through local noon
 * of that day, so no period shifts with the machine's time zone. Every date YYYY-MM-DD can write
 * (0000-01-01 to 9999-12-31, proleptic Gregorian) gets its true period.
 */
import { differenceInCalendarDays, getQuarter, startOfISOWeek } from 'date-fns';
import { wordsOf, type Locale } from '../messages/locales.js';
import type { LocalizedText } from '../common-schema.js';

export type PeriodUnit = 'week' | 'month' | 'quarter' | 'year' | 'term';

export interface Period {
  /** Stable, sortable key: 2024-W10, 2024-03, 2024-Q1, 2024, or the term's id. */
  readonly key: string;
  readonly unit: PeriodUnit;
  /** First and last calendar day (YYYY-MM-DD). */
  readonly start: string;
  readonly end: string;
  /** For weeks inside a term: the teaching week number (第n周). */
  readonly termWeek?: number;
  readonly term?: string;
}

export interface Term {
  readonly id: string;
  readonly name?: LocalizedText;
  readonly from: string;
  readonly to: string;
  readonly holidays?: readonly { readonly from: string; readonly to: string; readonly name?: LocalizedText }[];
}

export interface Calendar {
  readonly terms: readonly Term[];
}

/** Local noon of a calendar date: immune to time zones and DST changes at midnight. */
export function calendarDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return localNoon(y, m - 1, d);
}

/** `new Date(y, m, d)` reads years 0–99 as 1900–1999 (0099-06-15 would be 1999-W24): setFullYear does not. */
function localNoon(year: number, monthIndex: number, day: number): Date {
  const noon = new Date(2000, 0, 1, 12);
  noon.setFullYear(year, monthIndex, day);
  return noon;
}

/**
 * A year as ISO 8601 writes it: four digits, and a sign beyond 0000–9999 (the week of 0000-01-01
 * starts on -0001-12-27, the week of 9999-12-31 ends on +10000-01-02).
 */
function isoYear(year: number): string {
  const digits = String(Math.abs(year)).padStart(4, '0');
  return year < 0 ? `-${digits}` : year > 9999 ? `+${digits}` : digits;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD (date-fns' `yyyy` would write the year 0 as 0001, its era year). */
export function formatDay(day: Date): string {
  return `${isoYear(day.getFullYear())}-${twoDigits(day.getMonth() + 1)}-${twoDigits(day.getDate())}`;
}

/** The term a date falls in (holidays excluded), if any. */
export function termOf(date: string, calendar: Calendar | undefined): Term | undefined {
  if (!calendar) return undefined;
  for (const term of calendar.terms) {
    if (date < term.from || date > term.to) continue;
    if (term.holidays?.some((h) => date >= h.from && date <= h.to)) return undefined;
    return term;
  }
  return undefined;
}

/** Why a date has no term: it falls in a holiday of a term, outside every term, or there is no calendar. */
export type NoTerm =
  | { readonly reason: 'holiday'; readonly term: string; readonly holiday?: LocalizedText }
  | { readonly reason: 'outside_terms' }
  | { readonly reason: 'no_calendar' };

/**
 * Why a date is in no term of the calendar (and so in no `term` period, and in no teaching week);
 * undefined when it is in one.
 *
 * @example
 * ```ts
 * import { noTermOf } from 'scoresheet/league';
 *
 * const calendar = { terms: [{ id: '2024-spring', from: '2024-02-26', to: '2024-07-05', holidays: [{ from: '2024-04-04', to: '2024-04-06' }] }] };
 * console.log(noTermOf('2024-04-05', calendar)); // { reason: 'holiday', term: '2024-spring' }
 * ```
 */
export function noTermOf(date: string, calendar: Calendar | undefined): NoTerm | undefined {
  if (!calendar) return { reason: 'no_calendar' };
  for (const term of calendar.terms) {
    if (date < term.from || date > term.to) continue;
    const holiday = term.holidays?.find((h) => date >= h.from && date <= h.to);
    if (holiday === undefined) return undefined;
    return holiday.name !== undefined ? { reason: 'holiday', term: term.id, holiday: holiday.name } : { reason: 'holiday', term: term.id };
  }
  return { reason: 'outside_terms' };
}

/** 第n周: weeks counted from the Monday of the term's first week, 1-based. */
export function termWeek(date: string, term: Term): number {
  const first = startOfISOWeek(calendarDay(term.from));
  return Math.floor(differenceInCalendarDays(calendarDay(date), first) / 7) + 1;
}

const DAY_MS = 86_400_000;

/** A UTC day as YYYY-MM-DD (days since 1970-01-01). */
function formatUtcDay(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${isoYear(d.getUTCFullYear())}-${twoDigits(d.getUTCMonth() + 1)}-${twoDigits(d.getUTCDate())}`;
}

/**
 * The ISO week (Monday to Sunday) of a calendar date, by arithmetic on UTC day numbers: no time
 * zone can move a date, and it costs a fraction of date-fns' startOfISOWeek + getISOWeekYear +
 * getISOWeek (most of a small league's aggregation). The week-year is its Thursday's year.
 */
function isoWeek(date: string): Period {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utc = new Date(0);
  utc.setUTCFullYear(y, m - 1, d); // not Date.UTC: that reads years 0–99 as 1900–1999
  const day = Math.floor(utc.getTime() / DAY_MS);
  const monday = day - ((((day + 3) % 7) + 7) % 7); // 1970-01-01, day 0, was a Thursday
  const thursday = new Date((monday + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const january1 = new Date(0);
  january1.setUTCFullYear(year, 0, 1);
  const week = Math.floor((monday + 3 - january1.getTime() / DAY_MS) / 7) + 1;
  return { key: `${isoYear(year)}-W${twoDigits(week)}`, unit: 'week', start: formatUtcDay(monday), end: formatUtcDay(monday + 6) };
}

/**
 * The period of a date. With a calendar, `term` periods are its terms and weeks carry their
 * teaching-week number; a date outside every term (or in a holiday) has no term period.
 *
 * @example
 * ```ts
 * import { periodOf } from 'scoresheet/league';
 *
 * console.log(periodOf('2024-12-30', 'week')?.key); // 2025-W01
 * ```
 */
export function periodOf(date: string, unit: PeriodUnit, calendar?: Calendar): Period | undefined {
  switch (unit) {
    case 'week': {
      const term = termOf(date, calendar);
      if (calendar && !term) return undefined;
      const week = isoWeek(date);
      return term ? { ...week, term: term.id, termWeek: termWeek(date, term) } : week;
    }
    case 'month': {
      const [y, m] = date.split('-') as [string, string];
      const last = localNoon(Number(y), Number(m), 0);
      return { key: `${y}-${m}`, unit, start: `${y}-${m}-01`, end: formatDay(last) };
    }
    case 'quarter': {
      const y = date.slice(0, 4);
      const q = getQuarter(calendarDay(date));
      const startMonth = (q - 1) * 3;
      return { key: `${y}-Q${q}`, unit, start: formatDay(localNoon(Number(y), startMonth, 1)), end: formatDay(localNoon(Number(y), startMonth + 3, 0)) };
    }
    case 'year': {
      const y = date.slice(0, 4);
      return { key: y, unit, start: `${y}-01-01`, end: `${y}-12-31` };
    }
    case 'term': {
      const term = termOf(date, calendar);
      return term ? { key: term.id, unit, start: term.from, end: term.to, term: term.id } : undefined;
    }
  }
}

/**
 * A period's label for people: 2024-W10 (第2周), 2024-03, 2024-Q1.
 *
 * @example
 * ```ts
 * import { periodLabel, periodOf } from 'scoresheet/league';
 *
 * const period = periodOf('2024-03-04', 'month');
 * if (period) console.log(periodLabel(period, 'zh-CN')); // 2024-03
 * ```
 */
export function periodLabel(period: Period, locale: Locale, weeks: WeekLabel = 'key'): string {
  const words = wordsOf(locale);
  if (period.unit === 'week' && weeks !== 'key') {
    // 第n周: the teaching week within a term, else the ISO week number; or the Monday-to-Sunday dates.
    const week = period.termWeek ?? Number(period.key.slice(period.key.lastIndexOf('W') + 1));
    if (weeks === 'number') return words.weekNumber(week);
    const range = words.weekRange(period.start, period.end);
    return period.termWeek !== undefined ? `${words.weekNumber(week)} ${range}` : range;
  }
  if (period.termWeek !== undefined) return words.termWeek(period.key, period.termWeek);
  return period.key;
}

/** How a week is labelled for people: its key (2024-W10), its number (第10周), or its dates (3月4日–3月10日). */
export type WeekLabel = 'key' | 'number' | 'range';
