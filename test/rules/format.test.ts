/** formatRatio's integer formatting gives exactly what String(Math.round(v × 100) / 100) gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRatio } from '../../src/rules/format.js';

const reference = (v: number) => String(Math.round(v * 100) / 100);

describe('formatRatio', () => {
  it('prints a ratio as the shortest float of its value rounded to hundredths (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e14, max: 1e14, noNaN: true }), fc.integer({ min: 1, max: 100_000 }), (n, d) => {
        expect(formatRatio({ numerator: n, denominator: d })).toBe(reference(n / d));
      }),
      { seed: 20241123, numRuns: 20_000 },
    );
  });

  it('handles the edges: zero, −0.004, whole numbers, one and two decimals, 12433/12937 as a percent', () => {
    for (const v of [0, -0.004, 0.004, -0.5, 0.05, 1.05, 100, 96.1, 99.995, 1e13]) expect(formatRatio({ numerator: v, denominator: 1 })).toBe(reference(v));
    expect(formatRatio({ numerator: 12433 * 100, denominator: 12937 })).toBe('96.1');
  });
});
