/**
 * A rule's quantity read through the built-in fact `indicators` (`of: { fact: indicators, path: x }`)
 * is the indicator's exact ratio, as `of: { indicator: x }` and conditions on indicators have it — not
 * the float quotient the facts object shows. A property over both scoring paths: per-step and threshold
 * rules give the same lines either way, and a threshold is met exactly when n / d meets it in BigInt.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStandard, type Scorecard, type Standard } from '../../src/index.js';
import { MAX_RATIO_TERM } from '../../src/record-schema.js';
import { scoreBothWays } from '../support/both-paths.js';

interface Rules {
  readonly bound: number; // a threshold's min and max, 4 decimals at most
  readonly target: number; // a per-step rule's target
  readonly step: number;
  readonly partial: 'floor' | 'ceil';
}

/** For each indicator, and each way of reading it: a per-step rule, a threshold's min and a threshold's max. */
function standard({ bound, target, step, partial }: Rules): Standard {
  const rows: string[] = [];
  for (const ind of ['cov', 'pct']) {
    for (const [how, of] of [['fact', { fact: 'indicators', path: ind === 'cov' ? '$.cov' : ind }], ['ind', { indicator: ind }]] as const) {
      const rules = {
        step: { kind: 'per-step', target, step, partial, points: 0.5, of },
        min: { kind: 'threshold', min: bound, effect: 'points', points: 1, of },
        max: { kind: 'threshold', max: bound, effect: 'points', points: 1, of },
      };
      for (const [name, rule] of Object.entries(rules)) {
        const id = `${ind}-${how}-${name}`;
        rows.push(`      - { id: ${id}, name: { en: ${id} }, max: 1000, rules: [ ${JSON.stringify(rule)} ] }`);
      }
    }
  }
  const loaded = parseStandard(`
id: indicator-quantities
version: "1"
name: { en: Indicator quantities }
scoring: { mode: deduct }
indicators:
  - { id: cov, name: { en: Coverage }, unit: ratio }
  - { id: pct, name: { en: Share }, unit: percent }
categories:
  - id: c
    name: { en: C }
    max: 100000
    items:
${rows.join('\n')}
`);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.standard;
}

const record = (n: number, d: number) => ({
  unit: { id: 'u' },
  date: '2024-03-04',
  indicators: { cov: { numerator: n, denominator: d }, pct: { numerator: n, denominator: d } },
});

/** An item's lines as the reader sees them, without what names the item, its rule or the quantity's source. */
function linesOf(card: Scorecard, item: string): unknown[] {
  return card.lines
    .filter((l) => l.item === item)
    .map((l) => {
      const { quantity: _q, quantityName: _n, ...data } = (l.reason.data ?? {}) as Record<string, unknown>;
      return { type: l.type, points: l.points, messageId: l.reason.messageId, data, expected: l.expected, actual: l.actual };
    });
}

const deducts = (card: Scorecard, item: string) => card.lines.some((l) => l.item === item && l.points !== 0);

/** sign(num / den − bound), the bound as the decimal written (4 decimals at most). */
function exactCompare(num: bigint, den: bigint, bound: number): number {
  const [left, right] = [num * 10_000n, BigInt(Math.round(bound * 10_000)) * den];
  return left === right ? 0 : left < right ? -1 : 1;
}

/** Checks one record and one set of rules: both paths agree, fact ≡ indicator, thresholds exact. */
function check(n: number, d: number, rules: Rules): Scorecard {
  const card = scoreBothWays(standard(rules), record(n, d));
  for (const ind of ['cov', 'pct'] as const) {
    for (const name of ['step', 'min', 'max']) {
      expect(linesOf(card, `${ind}-fact-${name}`), `${ind} ${name}`).toEqual(linesOf(card, `${ind}-ind-${name}`));
    }
    const c = exactCompare(BigInt(n) * (ind === 'pct' ? 100n : 1n), BigInt(d), rules.bound);
    expect(deducts(card, `${ind}-fact-min`), `${ind} ≥ ${rules.bound}`).toBe(c < 0);
    expect(deducts(card, `${ind}-fact-max`), `${ind} ≤ ${rules.bound}`).toBe(c > 0);
  }
  return card;
}

/**
 * n / d with 10^6 n − m d = −1: 100 n / d is just below m / 10^4, nearer than half an ulp, so its float
 * quotient is m / 10^4 itself (m coprime to 10; d near MAX_RATIO_TERM).
 */
function justBelow(m: number): [number, number] {
  const [M, bm] = [10n ** 6n, BigInt(m)];
  const inverse = (x: bigint, mod: bigint): bigint => {
    let [r0, r1, s0, s1] = [mod, x % mod, 0n, 1n];
    while (r1 !== 0n) {
      const q = r0 / r1;
      [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
    }
    return ((s0 % mod) + mod) % mod;
  };
  let n = (bm - inverse(M, bm)) % bm; // 10^6 n ≡ −1 (mod m)
  n += bm * ((BigInt(MAX_RATIO_TERM) - (M * n + 1n) / bm) / M);
  return [Number(n), Number((M * n + 1n) / bm)];
}

describe('a quantity read through the fact `indicators` is the exact ratio', () => {
  it('a percent just below 12.3457 (its float quotient) does not meet ≥ 12.3457, and is 2 steps of 2 short of 14.3457 (ceil), not 1', () => {
    const [n, d] = justBelow(123_457);
    expect((100 * n) / d).toBe(12.3457); // the float quotient is the bound itself
    const card = check(n, d, { bound: 12.3457, target: 14.3457, step: 2, partial: 'ceil' });
    expect(deducts(card, 'pct-fact-min')).toBe(true);
    expect(card.lines.find((l) => l.item === 'pct-fact-step')?.reason.data?.['steps']).toBe(2);
  });

  it('1/11 as a percent is shown as the ratio is (9.09), as `of: { indicator }` shows it', () => {
    const card = check(1, 11, { bound: 10, target: 10, step: 2, partial: 'ceil' });
    expect(card.lines.find((l) => l.item === 'pct-fact-min')?.reason.data?.['actual']).toBe('9.09');
  });

  it('a record fact named `indicators` does not replace the built-in one (buildFacts), nor its exact ratios', () => {
    const rules: Rules = { bound: 12.3457, target: 14.3457, step: 2, partial: 'ceil' };
    const [n, d] = justBelow(123_457);
    const card = scoreBothWays(standard(rules), { ...record(n, d), facts: { indicators: { pct: 50, cov: 50 } } });
    expect(linesOf(card, 'pct-fact-min')).toEqual(linesOf(card, 'pct-ind-min'));
    expect(deducts(card, 'pct-fact-min')).toBe(true);
  });

  const term = fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: MAX_RATIO_TERM }));
  const fourDecimals = fc.integer({ min: 0, max: 2_000_000 }).map((u) => u / 10_000);

  it('property: both paths, per-step and thresholds, fact ≡ indicator; thresholds equal the BigInt comparison', () => {
    const sample = fc.oneof(
      // anything, with bounds and targets at or near n / d (and 100 n / d) rounded to 4 decimals
      fc.tuple(fc.oneof(fc.constant(0), term), term).chain(([n, d]) => {
        const near = fc.constantFrom(n / d, (100 * n) / d).chain((q) => fc.integer({ min: -3, max: 3 }).map((k) => Math.min(2_000_000, Math.max(0, Math.round(q * 10_000) + k)) / 10_000));
        return fc.record({ n: fc.constant(n), d: fc.constant(d), bound: fc.oneof(near, fourDecimals), target: fc.oneof(near, fourDecimals) });
      }),
      // a percent whose float quotient is exactly a 4-decimal bound it is below
      fc.integer({ min: 1, max: 99_999 }).filter((m) => m % 2 !== 0 && m % 5 !== 0).chain((m) => {
        const [n, d] = justBelow(m);
        return fc.record({ n: fc.constant(n), d: fc.constant(d), bound: fc.constant(m / 10_000), target: fc.integer({ min: 1, max: 5 }).map((k) => (m + 20_000 * k) / 10_000) });
      }),
    );
    fc.assert(
      fc.property(sample, fc.constantFrom(2, 0.5, 0.0001), fc.constantFrom('floor' as const, 'ceil' as const), ({ n, d, bound, target }, step, partial) => {
        check(n, d, { bound, target, step, partial });
      }),
      { numRuns: 60, seed: 20261206 },
    );
  });
});
