/**
 * Conditions on indicators compare exactly: an indicator given as numerator / denominator is the ratio
 * itself, never its float quotient, and the condition's number is the decimal as written (0.9 is 9/10),
 * as threshold rules compare (src/points.ts compareRatio). A property over both scoring paths: for
 * random n / d within the record's bounds and thresholds on, one ulp either side of, and near n / d,
 * every operator's answer is the exact rational comparison's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileStandard, parseStandard, scoreRecord, type Scorecard, type Standard } from '../../src/index.js';
import { compileCondition } from '../../src/compile/conditions.js';
import { buildFacts } from '../../src/compile/facts.js';
import type { Condition } from '../../src/condition-schema.js';
import { MAX_RATIO_TERM, type InspectionRecord } from '../../src/record-schema.js';
import { scoreBothWays } from '../support/both-paths.js';

const ORDER = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'equal', 'notEqual'] as const;
type Op = (typeof ORDER)[number];

/** Each operator against the record fact `t`, both ways round; `in` against the fact `list`; for a ratio and a percent indicator. */
function items(): { id: string; when: object }[] {
  const out: { id: string; when: object }[] = [];
  for (const ind of ['cov', 'pct']) {
    for (const op of ORDER) {
      out.push({ id: `${ind}-${op}`, when: { fact: 'indicators', path: ind, operator: op, value: { fact: 't' } } });
      out.push({ id: `${ind}-swap-${op}`, when: { fact: 't', operator: op, value: { fact: 'indicators', path: `$.${ind}` } } });
    }
    out.push({ id: `${ind}-in`, when: { fact: 'indicators', path: ind, operator: 'in', value: { fact: 'list' } } });
    out.push({ id: `${ind}-notIn`, when: { fact: 'indicators', path: ind, operator: 'notIn', value: { fact: 'list' } } });
  }
  return out;
}

function standardYaml(entries: readonly { id: string; when: object }[]): string {
  const rows = entries.map((e) => `      - { id: ${e.id}, name: { en: ${e.id} }, max: 1, rules: [ { kind: fixed, points: 1, when: ${JSON.stringify(e.when)} } ] }`);
  return `
id: indicator-conditions
version: "1"
name: { en: Indicator conditions }
scoring: { mode: deduct }
indicators:
  - { id: cov, name: { en: Coverage }, unit: ratio }
  - { id: pct, name: { en: Share }, unit: percent }
categories:
  - id: c
    name: { en: C }
    max: 100
    items:
${rows.join('\n')}
`;
}

function parse(yaml: string): Standard {
  const loaded = parseStandard(yaml);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.standard;
}

const ITEMS = items();
const standard = parse(standardYaml(ITEMS));
const generated = compileStandard(standard);
const interpreted = compileStandard(standard, { codegen: false });

/** Scores through both paths (compiled once), which must agree; the ids of the items whose condition held. */
function held(record: unknown): Set<string> {
  const a = scoreRecord(generated, structuredClone(record));
  const b = scoreRecord(interpreted, structuredClone(record));
  expect(a, 'the interpreter differs from the generated code').toStrictEqual(b);
  if (!a.ok) throw new Error(JSON.stringify(a.diagnostics));
  expect(a.scorecard.complete).toBe(true);
  return heldIn(a.scorecard);
}

function heldIn(card: Scorecard): Set<string> {
  return new Set(card.lines.flatMap((l) => (l.item !== undefined && l.points !== 0 ? [l.item] : [])));
}

// ─── The exact answer, computed here in BigInt, independently of src/points.ts ─────────────────

/** A finite number as the decimal it was written as (its shortest round-trip text): digits / 10^scale. */
function decimal(v: number): { digits: bigint; scale: number } {
  const m = /^(-?\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(v))!;
  const fraction = m[2] ?? '';
  return { digits: BigInt(m[1]! + fraction), scale: fraction.length - Number(m[3] ?? 0) };
}

/** sign(n / d − v), v the decimal as written. */
function exactCompare(n: bigint, d: bigint, v: number): number {
  const { digits, scale } = decimal(v);
  // n / d against digits / 10^scale ⇔ n · 10^scale against digits · d (scale may be negative)
  const left = scale >= 0 ? n * 10n ** BigInt(scale) : n;
  const right = scale >= 0 ? digits * d : digits * d * 10n ** BigInt(-scale);
  return left === right ? 0 : left < right ? -1 : 1;
}

function holds(op: Op | 'in' | 'notIn', c: number): boolean {
  switch (op) {
    case 'lessThan':
      return c < 0;
    case 'lessThanInclusive':
      return c <= 0;
    case 'greaterThan':
      return c > 0;
    case 'greaterThanInclusive':
      return c >= 0;
    case 'equal':
    case 'in':
      return c === 0;
    case 'notEqual':
    case 'notIn':
      return c !== 0;
  }
}

function expected(n: number, d: number, t: number): Set<string> {
  const out = new Set<string>();
  for (const [ind, num] of [['cov', BigInt(n)], ['pct', BigInt(n) * 100n]] as const) {
    const c = exactCompare(num, BigInt(d), t);
    for (const op of ORDER) {
      if (holds(op, c)) out.add(`${ind}-${op}`);
      if (holds(op, -c)) out.add(`${ind}-swap-${op}`);
    }
    if (holds('in', c)) out.add(`${ind}-in`);
    if (holds('notIn', c)) out.add(`${ind}-notIn`);
  }
  return out;
}

// ─── Inputs ───────────────────────────────────────────────────────────────────────────────────

/** The next double up (or down) from a finite positive or zero double. */
function nextDouble(x: number, dir: 1 | -1): number {
  if (x === 0) return dir > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  buf.setBigUint64(0, (x > 0) === (dir > 0) ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
}

const term = fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: MAX_RATIO_TERM }), fc.constantFrom(MAX_RATIO_TERM, MAX_RATIO_TERM - 1, 3, 7, 9, 10, 1000));
const ratio = fc.tuple(fc.oneof(fc.constant(0), term), term);

/** A threshold for n / d (and for 100 n / d): on the float quotient, one ulp either side, a short decimal near it, or anything. */
function threshold(n: number, d: number): fc.Arbitrary<number> {
  const near = (q: number) => [
    fc.constant(q),
    fc.constant(nextDouble(q, 1)),
    fc.constant(nextDouble(q, -1)),
    fc.integer({ min: 0, max: 6 }).map((places) => Number(q.toFixed(places))),
    fc.integer({ min: 1, max: 17 }).map((digits) => Number(q.toPrecision(digits))),
  ];
  return fc.oneof(...near(n / d), ...near((n * 100) / d), fc.double({ min: 0, max: 200, noNaN: true }));
}

const sample = ratio.chain(([n, d]) => threshold(n, d).map((t) => ({ n, d, t })));

const record = (n: number, d: number, t: number) => ({
  unit: { id: 'u' },
  date: '2024-03-04',
  indicators: { cov: { numerator: n, denominator: d }, pct: { numerator: n, denominator: d } },
  facts: { t, list: [t] },
});

describe('conditions on indicators compare exactly', () => {
  it('9/10 meets 0.9 and 90 %, whatever the binary value of 0.9', () => {
    const got = held(record(9, 10, 0.9));
    expect(got.has('cov-greaterThanInclusive')).toBe(true);
    expect(got.has('cov-equal')).toBe(true);
    expect(got.has('cov-greaterThan')).toBe(false);
  });

  it('1/3 is above 0.3333333333333333 (its float quotient), and not equal to it', () => {
    const t = 1 / 3;
    const got = held(record(1, 3, t));
    expect(got.has('cov-equal')).toBe(false);
    expect(got.has('cov-greaterThan')).toBe(true);
    expect(got.has('cov-in')).toBe(false);
    expect(got.has('cov-swap-lessThan')).toBe(true);
    expect(got).toEqual(expected(1, 3, t));
  });

  it('a percent: 2/3 × 100 is below 66.66666666666667 (its float quotient), above 66.66666666666666', () => {
    const q = 200 / 3;
    expect(held(record(2, 3, q)).has('pct-greaterThan')).toBe(false); // 66.666…67 as written is above 200/3
    expect(held(record(2, 3, q)).has('pct-lessThan')).toBe(true);
    expect(held(record(2, 3, 66.66666666666666)).has('pct-greaterThan')).toBe(true);
  });

  it('property: every operator, both paths, equals the exact rational comparison', () => {
    fc.assert(
      fc.property(sample, ({ n, d, t }) => {
        expect(held(record(n, d, t))).toEqual(expected(n, d, t));
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('a literal threshold in the standard compares the same way (both paths, compiled per threshold)', () => {
    fc.assert(
      fc.property(sample, ({ n, d, t }) => {
        const entries = ORDER.map((op) => ({ id: `cov-${op}`, when: { fact: 'indicators', path: 'cov', operator: op, value: t } }));
        const card = scoreBothWays(parse(standardYaml(entries)), record(n, d, t));
        const want = [...expected(n, d, t)].filter((id) => entries.some((e) => e.id === id));
        expect(heldIn(card)).toEqual(new Set(want));
      }),
      { numRuns: 12, seed: 20261204, examples: [[{ n: 1, d: 3, t: 1 / 3 }], [{ n: 2, d: 3, t: 2 / 3 }]] },
    );
  });
});

/**
 * A ratio a / b near n / d (a, b coprime, b ≤ 1e11 + 1) and the percent c / (100 b′) just below it, with
 * a · b′ − b · c = 1: their cross products (~1e24 × 100) are 1 × 100 apart, beyond what doubles tell apart.
 */
function neighbours(n: number, den: number): [number, number, number, number] {
  let [a, b] = [BigInt(n) + 1n, BigInt(den % 1e11) + 2n];
  while (gcd(a, b) !== 1n) a += 1n;
  const d = ((inverse(a % b, b) % b) + b) % b; // a⁻¹ mod b
  const c = (a * d - 1n) / b;
  return [Number(a), Number(b), Number(c), Number(d) * 100];
}
const gcd = (x: bigint, y: bigint): bigint => (y === 0n ? x : gcd(y, x % y));
function inverse(x: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [m, x, 0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return s0;
}

describe('an exact ratio in a condition, operator by operator', () => {
  const indicators = new Map([
    ['cov', { id: 'cov', unit: 'ratio' }],
    ['pct', { id: 'pct', unit: 'percent' }],
  ]) as unknown as Parameters<typeof buildFacts>[0];
  const facts = buildFacts(indicators, {
    unit: { id: 'u' },
    date: '2024-03-04',
    findings: [],
    indicators: { cov: { numerator: 1, denominator: 3 }, pct: { numerator: 1, denominator: 11 }, plain: 0.5 },
    facts: { thirds: [0.3333333333333333, 1 / 3], when: '2024-03-04' },
  } as InspectionRecord);
  const third = 1 / 3;
  const run = (c: object) => compileCondition(c as Condition).explain(facts);

  it('the facts hold the float quotient, as json-rules-engine and paths see it', () => {
    expect(facts['indicators']).toEqual({ cov: third, pct: 100 / 11, plain: 0.5 });
    expect(JSON.stringify(facts['indicators'])).toBe(JSON.stringify({ cov: third, pct: 100 / 11, plain: 0.5 }));
  });

  it('contains / doesNotContain look for the ratio exactly; someValue and swap reach it too', () => {
    expect(run({ fact: 'thirds', operator: 'contains', value: { fact: 'indicators', path: 'cov' } }).value).toBe(false);
    expect(run({ fact: 'thirds', operator: 'doesNotContain', value: { fact: 'indicators', path: 'cov' } }).value).toBe(true);
    expect(run({ fact: 'indicators', path: 'cov', operator: 'someValue:equal', value: [0.3333333333333333, 0.5] }).value).toBe(false);
    expect(run({ fact: 'indicators', path: 'cov', operator: 'someValue:greaterThan', value: [0.3333333333333333, 0.5] }).value).toBe(true);
    expect(run({ fact: 'indicators', path: 'cov', operator: 'swap:lessThan', value: third }).value).toBe(true);
    expect(run({ fact: 'indicators', path: 'cov', operator: 'not:equal', value: third }).value).toBe(true);
    expect(run({ fact: 'indicators', path: 'cov', operator: 'equal', value: '0.3333333333333333' }).value).toBe(false);
    expect(run({ fact: 'indicators', path: 'plain', operator: 'equal', value: 0.5 }).value).toBe(true);
  });

  it('two ratios compare with each other exactly', () => {
    // 1/3 against 100/11 and itself
    expect(run({ fact: 'indicators', path: 'cov', operator: 'lessThan', value: { fact: 'indicators', path: 'pct' } }).value).toBe(true);
    expect(run({ fact: 'indicators', path: 'cov', operator: 'equal', value: { fact: 'indicators', path: '$.cov' } }).value).toBe(true);
  });

  it('property: ratio against ratio is the cross-multiplied comparison, up to MAX_RATIO_TERM', () => {
    const lessThan = compileCondition({ fact: 'indicators', path: 'cov', operator: 'lessThan', value: { fact: 'indicators', path: 'pct' } });
    const equal = compileCondition({ fact: 'indicators', path: 'cov', operator: 'equal', value: { fact: 'indicators', path: 'pct' } });
    fc.assert(
      fc.property(ratio, ratio, fc.constantFrom('any', 'same', 'neighbours'), ([n, d], [n2, d2], how) => {
        // the percent made equal to the ratio, its neighbour just below, or anything
        const [n1, d1, pn, pd] = how === 'same' ? [n, d, n, d * 100] : how === 'neighbours' ? neighbours(n, d) : [n, d, n2, d2];
        const f = buildFacts(indicators, {
          unit: { id: 'u' },
          date: '2024-03-04',
          findings: [],
          indicators: { cov: { numerator: n1, denominator: d1 }, pct: { numerator: pn, denominator: pd } },
        } as InspectionRecord);
        const [l, r] = [BigInt(n1) * BigInt(pd), 100n * BigInt(pn) * BigInt(d1)];
        expect(lessThan.evaluate(f)).toBe(l < r);
        expect(equal.evaluate(f)).toBe(l === r);
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });

  it('a failed condition shows the float quotient; a type problem calls the ratio a number', () => {
    expect(run({ fact: 'indicators', path: 'cov', operator: 'equal', value: third }).reasons).toEqual([
      { messageId: 'condition.failed', data: { fact: 'indicators', path: 'cov', operator: 'equal', value: third, actual: third } },
    ]);
    const contains = run({ fact: 'indicators', path: 'cov', operator: 'contains', value: 1 });
    expect(contains.value).toBeNull();
    expect(contains.reasons[0]!.data).toMatchObject({ expected: 'array', actual: 'number', side: 'fact' });
    const date = run({ fact: 'indicators', path: 'cov', operator: 'dateBefore', value: { fact: 'when' } });
    expect(date.value).toBeNull();
    expect(date.reasons[0]!.data).toMatchObject({ expected: 'date', actual: 'number' });
    const every = run({ fact: 'indicators', path: 'cov', operator: 'everyFact:equal', value: 1 });
    expect(every.reasons[0]!.data).toMatchObject({ expected: 'array', actual: 'number' });
  });

  it('the whole map, and a facts object without the ratios, read plain numbers', () => {
    expect(run({ fact: 'indicators', operator: 'equal', value: 1 }).value).toBe(false);
    const copy = { ...facts, indicators: { ...(facts['indicators'] as object) } };
    expect(compileCondition({ fact: 'indicators', path: 'cov', operator: 'equal', value: third }).evaluate(copy)).toBe(true);
  });
});
