/**
 * League sums past 2^53: every period score (sum, mean of the totals) and every roll-up (sum, mean of
 * the members) is either the exact result, computed here in BigInt, or refused (`too_large`, unranked),
 * never an inexact number. Totals near MAX_POINTS (10^11 points) make the sums pass 2^53 in a few cards.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateScorecards, type AggregatedCard } from '../../src/aggregate/aggregate.js';
import { aggregateMembers } from '../../src/rank/rollup.js';
import { rankUnits } from '../../src/rank/rank.js';
import { MAX_POINTS, POINT_SCALE, roundPoints } from '../../src/points.js';

const LIMIT = BigInt(MAX_POINTS) * BigInt(POINT_SCALE);
const within = (n: bigint) => n <= LIMIT && n >= -LIMIT;
const halfAway = (sum: bigint, n: bigint) => {
  const negative = sum < 0n;
  const abs = negative ? -sum : sum;
  const q = (abs % n) * 2n >= n ? abs / n + 1n : abs / n;
  return negative ? -q : q;
};

/** Ten-thousandths: mostly near ±MAX_POINTS (so sums pass 2^53), some small, a few just beyond the range. */
const scaled = fc.oneof(
  { weight: 4, arbitrary: fc.bigInt({ min: LIMIT - 10n ** 12n, max: LIMIT }).map((b) => b) },
  { weight: 2, arbitrary: fc.bigInt({ min: -LIMIT, max: LIMIT }) },
  { weight: 2, arbitrary: fc.bigInt({ min: -10_000_000n, max: 10_000_000n }) },
  { weight: 1, arbitrary: fc.bigInt({ min: LIMIT + 1n, max: LIMIT * 4n }) },
);

const card = (total: bigint, i: number): AggregatedCard => ({
  record: `r${String(i).padStart(3, '0')}`,
  unit: { id: 'u' },
  date: '2024-03-04',
  kind: 'scheduled',
  base: 100,
  total: Number(total) / POINT_SCALE,
  complete: true,
  verdict: 'pass',
  lines: [],
});

const BASE = 100n * BigInt(POINT_SCALE);

describe('period scores past 2^53', () => {
  it('a sum or a mean of totals is the exact (BigInt) result or refused, never inexact', () => {
    fc.assert(
      fc.property(fc.array(scaled, { minLength: 1, maxLength: 40 }), fc.constantFrom('sum' as const, 'mean' as const), (totals, method) => {
        const [result] = aggregateScorecards(totals.map(card), { period: 'week', method, mode: 'deduct' });
        const inRange = totals.every(within);
        const exact = method === 'sum' ? totals.reduce((s, t) => s + t - BASE, BASE) : halfAway(totals.reduce((s, t) => s + t, 0n), BigInt(totals.length));
        if (inRange && within(exact)) {
          expect(result!.score).not.toBeNull();
          expect(BigInt(roundPoints(result!.score!))).toBe(exact);
          // The score is the double nearest the exact decimal, as pointsToNumber gives it.
          expect(result!.score).toBe(Number(exact) / POINT_SCALE);
        } else {
          expect(result!.score).toBeNull();
          expect(result!.unscored).toBe('too_large');
        }
      }),
      { seed: 20261203, numRuns: 400 },
    );
  });

  it('ten totals of 10^11 points: the mean is exact, the sum is refused and unranked', () => {
    const cards = Array.from({ length: 10 }, (_, i) => card(LIMIT, i));
    expect(aggregateScorecards(cards, { period: 'week', method: 'mean', mode: 'deduct' })[0]!.score).toBe(MAX_POINTS);
    const [sum] = aggregateScorecards(cards, { period: 'week', method: 'sum', mode: 'deduct' });
    expect(sum).toMatchObject({ score: null, unscored: 'too_large' });
    expect(rankUnits([sum!], { better: 'higher' })[0]!.groups[0]!.rows[0]).toMatchObject({ rank: null, unranked: 'too_large' });
  });

  it('a mean near 2^53 is rounded exactly (a double quotient rounds 4/9 up)', () => {
    // Nine totals summing to 9k + 4: the mean is k + 4/9, so k, where Math.round(sum / 9) gave k + 1.
    const k = 999_999_999_999_000n;
    const totals = [...Array.from({ length: 8 }, () => k), k + 4n];
    const [result] = aggregateScorecards(totals.map(card), { period: 'week', method: 'mean', mode: 'deduct' });
    expect(BigInt(roundPoints(result!.score!))).toBe(k);
  });
});

describe('roll-up sums and means past 2^53', () => {
  it('are the exact (BigInt) result or null, never inexact', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -LIMIT, max: LIMIT }), { minLength: 1, maxLength: 30 }), fc.constantFrom('sum' as const, 'mean' as const), (scores, aggregate) => {
        const members = scores.map((s, i) => ({ id: `m${i}`, score: Number(s) / POINT_SCALE, passing: true }));
        const got = aggregateMembers(members, aggregate);
        const sum = scores.reduce((a, b) => a + b, 0n);
        const exact = aggregate === 'sum' ? sum : halfAway(sum, BigInt(scores.length));
        if (within(exact)) expect(got === null ? null : BigInt(roundPoints(got))).toBe(exact);
        else expect(got).toBeNull();
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });
});

describe('the costliest items of a report past 2^53', () => {
  it("an item's points lost are exact, or refused (null, listed first) when beyond the exact range", async () => {
    const { buildReport } = await import('../../src/report/report.js');
    const { renderReportMarkdown } = await import('../../src/report/report-markdown.js');
    const { groupStandard, league } = await import('../support/group-league.js');
    const deduction = (points: number, item: string) => ({ type: 'deduction' as const, item, category: 'c', rule: 'r', points, reason: { messageId: 'x' } });
    const big = { ...card(0n, 0), lines: Array.from({ length: 10 }, () => deduction(-MAX_POINTS, 'floor')) };
    const small = { ...card(0n, 1), unit: { id: 'v' }, lines: [deduction(-0.1, 'desk'), deduction(-0.2, 'desk')] };
    const report = buildReport(league(groupStandard, [big, small] as never), groupStandard);
    expect(report.costliest.map((c) => [c.item, c.points])).toEqual([
      ['floor', null],
      ['desk', 0.3],
    ]);
    expect(renderReportMarkdown(report, { lang: 'en' })).toContain('| beyond the exact range of points | 10 |');
  });
});
