/**
 * Exact points. Every point value is held as an integer number of ten-thousandths
 * (2.5 points = 25000), so sums and multiples of decimal points are exact: 0.1 + 0.2 is 0.3,
 * and fifty 0.1-point deductions are exactly 5. This module converts between decimals and points;
 * as integers they are then added and compared with plain + and <.
 */

/** Points as an exact integer count of 1/10000 of a point. */
export type Points = number;

/** Scaled-integer denominator: standards may state points to 4 decimal places. */
export const POINT_SCALE = 10_000;
const DECIMALS = 4;

/** Converts a decimal as written in YAML or a record (2.5) to exact points, or undefined when it has more than 4 decimals. */
export function toPoints(value: number): Points | undefined {
  if (!Number.isFinite(value)) return undefined;
  const scaled = Math.round(value * POINT_SCALE);
  // A value with a 5th decimal cannot be represented; reject instead of silently rounding.
  if (Math.abs(scaled - value * POINT_SCALE) > 1e-6 * Math.max(1, Math.abs(value))) return undefined;
  if (!Number.isSafeInteger(scaled)) return undefined;
  return scaled;
}

/** Like {@link toPoints} but for values already validated at load time. */
export function pointsOf(value: number): Points {
  const p = toPoints(value);
  if (p === undefined) throw new Error(`not an exact point value: ${value}`);
  return p;
}

/** True when a decimal has at most 4 decimals (what {@link toPoints} accepts). */
export function isExactPoints(value: number): boolean {
  return toPoints(value) !== undefined;
}

/** The nearest double to the exact decimal: for JSON output (prints as 2.5, 0.3, never 0.30000000000000004). */
export function pointsToNumber(points: Points): number {
  return points / POINT_SCALE;
}

/** Renders points as a decimal string without floating-point artefacts: 25000 → "2.5", -1000 → "-0.1". */
export function formatPoints(points: Points): string {
  const negative = points < 0;
  const abs = Math.abs(points);
  const whole = Math.floor(abs / POINT_SCALE);
  const frac = abs - whole * POINT_SCALE;
  let text = String(whole);
  if (frac !== 0) text += '.' + String(frac).padStart(DECIMALS, '0').replace(/0+$/, '');
  return negative && points !== 0 ? '-' + text : text;
}



/** points × a whole count (每处扣2分 × 3处). */
export function timesPoints(points: Points, count: number): Points {
  return points * count;
}





/** An exact rational quantity: value = numerator / denominator (denominator > 0). */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

function scaledBig(value: number): bigint {
  // Quantities are decimals as written (≤ 4 places are exact); anything finer is rounded here, once.
  return BigInt(Math.round(value * POINT_SCALE));
}

/**
 * Largest magnitude for which the plain-number paths below stay exact: every product or difference
 * of two such integers is below 2^53 (Number.MAX_SAFE_INTEGER + 1), so it is computed without rounding.
 */
const EXACT = 2 ** 52;

/** Compares a ratio with a decimal bound exactly, without floating point: <0, 0 or >0. */
export function compareRatio(ratio: Ratio, bound: number): number {
  // Fast path, exact: the scaled integers and their product are all below 2^53.
  const left = Math.round(ratio.numerator * POINT_SCALE);
  const right = Math.round(bound * POINT_SCALE) * Math.round(ratio.denominator);
  if (Math.abs(left) < EXACT && Math.abs(right) < EXACT) return left === right ? 0 : left < right ? -1 : 1;
  const bigLeft = scaledBig(ratio.numerator);
  const bigRight = scaledBig(bound) * BigInt(Math.round(ratio.denominator));
  return bigLeft === bigRight ? 0 : bigLeft < bigRight ? -1 : 1;
}

/**
 * Whole steps by which a ratio falls below a target (每下降2%扣0.5分): `floor` counts only complete
 * steps, `ceil` counts a partial step as a whole one. 0 when at or above the target.
 */
export function stepsBelow(ratio: Ratio, target: number, step: number, partial: 'floor' | 'ceil'): number {
  // Fast path, exact: every integer below 2^52, so the shortfall is below 2^53 and ⌊shortfall / size⌋
  // of two such integers is exact in floating point (the quotient's rounding error is below 1/size).
  const d = Math.round(ratio.denominator);
  const goal = Math.round(target * POINT_SCALE) * d;
  const actual = Math.round(ratio.numerator * POINT_SCALE);
  const size = Math.round(step * POINT_SCALE) * d;
  if (Math.abs(goal) < EXACT && Math.abs(actual) < EXACT && size > 0 && size < EXACT) {
    const short = goal - actual;
    if (short <= 0) return 0;
    const whole = Math.floor(short / size);
    return partial === 'ceil' && whole * size !== short ? whole + 1 : whole;
  }
  const den = BigInt(d);
  const shortfall = scaledBig(target) * den - scaledBig(ratio.numerator);
  if (shortfall <= 0n) return 0;
  const stepSize = scaledBig(step) * den;
  const whole = shortfall / stepSize;
  const steps = partial === 'ceil' && whole * stepSize !== shortfall ? whole + 1n : whole;
  return Number(steps);
}

/** A ratio as a decimal for display (96.1%); never used for comparisons. */
export function ratioToNumber(ratio: Ratio): number {
  return ratio.numerator / ratio.denominator;
}
