/**
 * The monthly settlement of charges (每月考评兑现, 000:135): what the findings of each month cost each
 * party, summed exactly (src/points.ts), per unit of amount (points, yuan). Pure data: scorecards in,
 * rows out; `scoresheet settle` prints them.
 */
import type { LocalizedText } from '../common-schema.js';
import { pointsOf, pointsToNumber, type Points } from '../points.js';
import type { Charge, Scorecard } from '../score/scorecard.js';

/** One party's charges of one month, in one unit. */
export interface SettlementRow {
  /** YYYY-MM: the month of the inspections that found them. */
  readonly month: string;
  readonly party: string;
  readonly name: LocalizedText;
  /** Who: the unit's id for the unit's own party, else the person the records name; absent when they do not. */
  readonly who?: string;
  /** The unit's name, when `who` is the unit (as its records give it). */
  readonly whoName?: string;
  readonly unit: Charge['unit'];
  /** The exact sum. */
  readonly amount: number;
  /** How many charges it sums (one per finding). */
  readonly findings: number;
}

/**
 * Sums the scorecards' charges per month, party, who and unit: by month, then party, then the
 * largest amount first (the last place, 末位, is the first row of its party), then who (unnamed last).
 *
 * @example
 * ```ts
 * import type { Scorecard } from 'scoresheet';
 * import { settleCharges } from 'scoresheet/league';
 *
 * declare const cards: Scorecard[];
 * for (const row of settleCharges(cards)) console.log(row.month, row.party, row.who, row.amount, row.unit);
 * ```
 */
export function settleCharges(cards: Iterable<Pick<Scorecard, 'date' | 'charges'> & { readonly unit?: Scorecard['unit'] }>, month?: string): SettlementRow[] {
  const sums = new Map<string, { row: Omit<SettlementRow, 'amount' | 'findings'>; amount: Points; findings: number }>();
  for (const card of cards) {
    const m = card.date.slice(0, 7);
    if (month !== undefined && m !== month) continue;
    for (const c of card.charges ?? []) {
      const key = JSON.stringify([m, c.party, c.who ?? null, c.unit]);
      const sum = sums.get(key);
      const whoName = c.who !== undefined && c.who === card.unit?.id ? card.unit.name : undefined;
      if (sum === undefined) sums.set(key, { row: { month: m, party: c.party, name: c.name, ...(c.who !== undefined && { who: c.who }), ...(whoName !== undefined && { whoName }), unit: c.unit }, amount: pointsOf(c.amount), findings: 1 });
      else {
        sum.amount += pointsOf(c.amount);
        sum.findings++;
      }
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...sums.values()]
    .map(({ row, amount, findings }) => ({ ...row, amount: pointsToNumber(amount), findings }))
    .sort((a, b) => cmp(a.month, b.month) || cmp(a.party, b.party) || cmp(a.unit, b.unit) || b.amount - a.amount || Number(a.who === undefined) - Number(b.who === undefined) || cmp(a.who ?? '', b.who ?? ''));
}
