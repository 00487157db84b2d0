/**
 * Exact points. Every point value is held as an integer number of ten-thousandths
 * (2.5 points = 25000), so sums and multiples of decimal points are exact: 0.1 + 0.2 is 0.3,
 * and fifty 0.1-point deductions are exactly 5. This module converts between decimals and points;
 * as integers they are then added and compared with plain + and <.
 */

/** Points as an exact integer count of 1/10000 of a point. */
export type Points = number;

/** Scaled-integer denominator: standards may state points to 4 decimals. */
export const POINT_SCALE = 10_000;
const DECIMALS = 4;
/** The smallest step of points held exactly, as people write it (names it in messages). */
export const POINT_RESOLUTION = '0.0001';

/**
 * The largest magnitude of points held exactly: 10^11 points (10^15 ten-thousandths). The sum of two
 * such values stays below 2^53, so every sum is exact and its excess detected; and every value up to
 * it prints as its exact decimal (the gap between doubles there is below half a ten-thousandth).
 */
export const MAX_POINTS = 100_000_000_000;
const MAX_SCALED = MAX_POINTS * POINT_SCALE;

/** Why a decimal is not a point value: finer than {@link POINT_RESOLUTION}, or beyond {@link MAX_POINTS}. */
export type PointsProblem = 'too_precise' | 'too_large';

/** What stops a decimal as written (2.5) from being exact points, or undefined when it is one. */
export function pointsProblem(value: number): PointsProblem | undefined {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_POINTS) return 'too_large';
  // A value is exact points when it is the double nearest to some ten-thousandths: then it was written
  // with at most 4 decimals. No tolerance: 1e-20 and 500000.00004 are not points, however close.
  return Math.round(value * POINT_SCALE) / POINT_SCALE === value ? undefined : 'too_precise';
}

/** Converts a decimal as written in YAML or a record (2.5) to exact points, or undefined when it is not exact points (see {@link pointsProblem}). */
export function toPoints(value: number): Points | undefined {
  return pointsProblem(value) === undefined ? Math.round(value * POINT_SCALE) : undefined;
}

/**
 * The points nearest a decimal: exact points as they are, anything finer rounded to the nearest
 * ten-thousandth. For values already held as points elsewhere (a scorecard's total read back, a
 * band's limit validated at load), where a rounding error in a double must not count as a difference.
 */
export function roundPoints(value: number): Points {
  return Math.round(value * POINT_SCALE);
}

/** Like {@link toPoints} but for values already validated at load time. */
export function pointsOf(value: number): Points {
  const p = toPoints(value);
  if (p === undefined) throw new Error(`not an exact point value: ${value}`);
  return p;
}

/** True when a decimal is exact points (what {@link toPoints} accepts). */
export function isExactPoints(value: number): boolean {
  return pointsProblem(value) === undefined;
}

/** True when points (a line, a subtotal, a total) are within {@link MAX_POINTS}, so that they are exact. */
export function isWithinPoints(points: Points): boolean {
  return points <= MAX_SCALED && points >= -MAX_SCALED;
}

/**
 * Adds points to a running sum exactly at any size: a plain number while the sum is a safe integer,
 * a bigint once it is not (both terms must be whole points, as {@link roundPoints} gives).
 */
export function addPoints(sum: Points | bigint, points: Points): Points | bigint {
  if (typeof sum === 'number') {
    const next = sum + points;
    if (Number.isSafeInteger(next)) return next;
    return BigInt(sum) + BigInt(points);
  }
  return sum + BigInt(points);
}

const MAX_SCALED_BIG = BigInt(MAX_SCALED);

/** An exact sum of points as points, when it is within {@link MAX_POINTS} (so every reader gets it exactly); else undefined. */
export function pointsOfSum(sum: Points | bigint): Points | undefined {
  if (typeof sum === 'number') return isWithinPoints(sum) ? sum : undefined;
  return sum <= MAX_SCALED_BIG && sum >= -MAX_SCALED_BIG ? Number(sum) : undefined;
}

/**
 * An exact sum of points divided by a count, rounded once, half away from zero, to the point scale (a mean);
 * undefined when the mean is beyond {@link MAX_POINTS}.
 */
export function meanPoints(sum: Points | bigint, count: number): Points | undefined {
  return pointsOfSum(weighSum(BigInt(sum), BigInt(count)));
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



/**
 * A value as people read it on a board: rounded half away from zero to `decimals` (0–4) places, exactly
 * (on the point scale, never in a double), without trailing zeros: 99.33333 → "99.33", 97.5 → "97.5".
 */
export function formatDecimals(value: number, decimals: number): string {
  const points = roundPoints(value);
  const places = Math.min(DECIMALS, Math.max(0, Math.trunc(decimals)));
  const step = 10 ** (DECIMALS - places);
  const rounded = Math.sign(points) * Math.round(Math.abs(points) / step) * step;
  return formatPoints(rounded === 0 ? 0 : rounded);
}

/**
 * points × a whole count (每处扣2分 × 3处). Exact whenever the product is within {@link MAX_POINTS}
 * (both factors and the product are then below 2^53); beyond it, {@link isWithinPoints} says so.
 */
export function timesPoints(points: Points, count: number): Points {
  return points * count;
}

/** An exact rational quantity: value = numerator / denominator (denominator > 0). */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * Largest magnitude for which the plain-number paths below stay exact: every product or difference
 * of two such integers is below 2^53 (Number.MAX_SAFE_INTEGER + 1), so it is computed without rounding.
 */
const EXACT = 2 ** 52;

/** A decimal as written: digits / 10^scale (the scale is negative for 1e+21). */
interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

/**
 * A finite number as the decimal it was written as. JSON and YAML give the double nearest to what was
 * written, and its shortest round-trip form (String) is that text again, up to 17 significant digits:
 * 89.99999 is 8999999 / 10^5, never rounded to 90.
 */
function decimalOf(value: number): Decimal {
  const m = /^(-?\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (m === null) throw new RangeError(`not a finite number: ${value}`);
  const fraction = m[2] ?? '';
  return { digits: BigInt(m[1]! + fraction), scale: fraction.length - Number(m[3] ?? 0) };
}

/** The decimals a × b for each pair, as integers over one common power of ten (exact, any size). */
function overCommonScale(terms: readonly (readonly [Decimal, Decimal])[]): bigint[] {
  let scale = 0;
  for (const [a, b] of terms) scale = Math.max(scale, a.scale + b.scale);
  return terms.map(([a, b]) => a.digits * b.digits * 10n ** BigInt(scale - a.scale - b.scale));
}

const ONE: Decimal = { digits: 1n, scale: 0 };

/** Ten-thousandths of a quantity that has at most 4 decimals (as written), within the exact range; else undefined. */
function exactUnits(value: number): number | undefined {
  const units = Math.round(value * POINT_SCALE);
  return Math.abs(units) < EXACT && units / POINT_SCALE === value ? units : undefined;
}

/**
 * The exact sum of decimals as written, as a ratio (0.1 + 0.2 is 3000 / 10000, exactly 0.3);
 * undefined when it cannot be held exactly (its terms would pass 2^53).
 */
export function sumExactly(values: readonly number[]): Ratio | undefined {
  let units = 0;
  for (const value of values) {
    const u = exactUnits(value);
    units = u === undefined ? NaN : units + u;
    if (!(Math.abs(units) < EXACT)) break;
  }
  if (Math.abs(units) < EXACT) return { numerator: units, denominator: POINT_SCALE };
  const decimals = values.map(decimalOf);
  let scale = 0;
  for (const d of decimals) scale = Math.max(scale, d.scale);
  let digits = 0n;
  for (const d of decimals) digits += d.digits * 10n ** BigInt(scale - d.scale);
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  if (scale > 15 || digits > limit || digits < -limit) return undefined;
  return { numerator: Number(digits), denominator: 10 ** scale };
}

/** Compares a ratio with a decimal bound exactly, as both were written: <0, 0 or >0. Nothing is rounded first. */
export function compareRatio(ratio: Ratio, bound: number): number {
  const { numerator, denominator } = ratio;
  // Fast path, exact: two doubles are ordered as the decimals they were written as are (each is the
  // double nearest to its text, and rounding keeps order), so 89.99999 < 90 and 89.999951 < 90.
  if (denominator === 1) return numerator === bound ? 0 : numerator < bound ? -1 : 1;
  // Fast path, exact: whole numerator and denominator, the scaled integers and their product below 2^53.
  const b = exactUnits(bound);
  if (b !== undefined && Number.isInteger(numerator) && Number.isInteger(denominator)) {
    const left = numerator * POINT_SCALE;
    const right = b * denominator;
    if (Math.abs(left) < EXACT && Math.abs(right) < EXACT) return left === right ? 0 : left < right ? -1 : 1;
  }
  // numerator / denominator against bound ⇔ numerator against bound × denominator (denominator > 0).
  const [left, right] = overCommonScale([
    [decimalOf(numerator), ONE],
    [decimalOf(bound), decimalOf(denominator)],
  ]);
  return left === right ? 0 : left! < right! ? -1 : 1;
}

/**
 * Whole steps by which a ratio falls below a target (每下降2%扣0.5分): `floor` counts only complete
 * steps, `ceil` counts a partial step as a whole one. 0 when at or above the target. Counted exactly
 * from the quantity as written (4.00001 below in steps of 2 is 2 steps, or 3 with `ceil`); a count
 * beyond 2^53 comes back as the nearest number, far beyond what any points can take.
 */
export function stepsBelow(ratio: Ratio, target: number, step: number, partial: 'floor' | 'ceil'): number {
  const { numerator, denominator: d } = ratio;
  // Fast path, exact: every integer below 2^52, so the shortfall is below 2^53 and ⌊shortfall / size⌋
  // of two such integers is exact in floating point (the quotient's rounding error is below 1/size).
  const actual = exactUnits(numerator);
  const goal = exactUnits(target);
  const stepUnits = exactUnits(step);
  if (actual !== undefined && goal !== undefined && stepUnits !== undefined && Number.isInteger(d)) {
    const goalD = goal * d;
    const size = stepUnits * d;
    if (Math.abs(goalD) < EXACT && size > 0 && size < EXACT) {
      const short = goalD - actual;
      if (short <= 0) return 0;
      const whole = Math.floor(short / size);
      return partial === 'ceil' && whole * size !== short ? whole + 1 : whole;
    }
  }
  // (target − numerator / d) / step = (target × d − numerator) / (step × d), all over one power of ten.
  const den = decimalOf(d);
  const [goalD, actualD, size] = overCommonScale([
    [decimalOf(target), den],
    [decimalOf(numerator), ONE],
    [decimalOf(step), den],
  ]);
  if (!(size! > 0n)) throw new RangeError(`a step must be positive: ${step}`);
  const shortfall = goalD! - actualD!;
  if (shortfall <= 0n) return 0;
  const whole = shortfall / size!;
  return Number(partial === 'ceil' && whole * size! !== shortfall ? whole + 1n : whole);
}

/** A ratio as a decimal for display (96.1%); never used for comparisons. */
export function ratioToNumber(ratio: Ratio): number {
  return ratio.numerator / ratio.denominator;
}

/**
 * Σ pointsᵢ × numeratorᵢ / denominator, rounded once, half away from zero, to the point scale: a weighted
 * sum (a composite's contribution, 权重 × 得分率; a weighted final over stages). Computed in integers of
 * any size, so nothing is lost before the one rounding.
 */
export function weighPoints(terms: readonly (readonly [points: Points, numerator: Points])[], denominator: Points): Points {
  if (!(denominator !== 0 && Number.isInteger(denominator))) throw new RangeError(`not a whole denominator: ${denominator}`);
  let sum = 0n;
  for (const [points, numerator] of terms) sum += BigInt(points) * BigInt(numerator);
  return Number(weighSum(sum, BigInt(denominator)));
}

/** sum / d rounded half away from zero (d ≠ 0). */
function weighSum(sum: bigint, d: bigint): bigint {
  if (d < 0n) {
    d = -d;
    sum = -sum;
  }
  const negative = sum < 0n;
  const abs = negative ? -sum : sum;
  const rounded = (abs % d) * 2n >= d ? abs / d + 1n : abs / d;
  return negative ? -rounded : rounded;
}
