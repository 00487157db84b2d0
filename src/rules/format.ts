/** Display helpers shared by rule kinds (display only: comparisons stay exact in points.ts). */
import { ratioToNumber, type Ratio } from '../points.js';

/** 12433/12937 as a percent → "96.1" (2 decimals at most, trailing zeros dropped). */
export function formatRatio(ratio: Ratio): string {
  const value = ratioToNumber(ratio);
  const hundredths = Math.round(value * 100);
  // Integers print fast; a fraction like 96.1 goes through the shortest-float algorithm, which is
  // slow. Same text as String(hundredths / 100) for every |value| below 2^53 / 100.
  if (!Number.isSafeInteger(hundredths)) return String(hundredths / 100);
  const abs = hundredths < 0 ? -hundredths : hundredths;
  const whole = Math.floor(abs / 100);
  const cents = abs - whole * 100;
  const sign = hundredths < 0 ? '-' : '';
  if (cents === 0) return sign + whole;
  return sign + whole + (cents % 10 === 0 ? '.' + cents / 10 : cents < 10 ? '.0' + cents : '.' + cents);
}

/**
 * A quantity as a reason shows it: a value as written (89.99999, never "90" next to "≥ 90", which
 * it fails), a ratio as a percent to 2 decimals (12433/12937 → "96.1").
 */
export function formatQuantity(ratio: Ratio): string {
  return ratio.denominator === 1 ? String(ratio.numerator) : formatRatio(ratio);
}
