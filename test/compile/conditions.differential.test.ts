/**
 * Differential test: our compiled conditions against json-rules-engine 7.3 itself, on random
 * well-typed (condition, facts) pairs — where every fact is present and of the type its operator
 * needs, the two must agree exactly (and ours must never be indeterminate).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { compileCondition, type CompileOptions, type Facts } from '../../src/compile/conditions.js';
import { DECORATORS, OPERATORS, type Condition, type DecoratorName, type OperatorName } from '../../src/condition-schema.js';

const SEED = 20240917;
/** Conditions per run; each is checked against FACT_SETS fact sets. */
const NUM_RUNS = 2500;
const FACT_SETS = 8;

// ---------------------------------------------------------------------------------------------
// Types of values, and which operator strings apply to which (fact type, value type)
// ---------------------------------------------------------------------------------------------

type Ty = 'num' | 'str' | 'numArr' | 'strArr' | 'numArrArr';
const ARRAY_OF: Record<Ty, Ty | undefined> = { num: 'numArr', str: 'strArr', numArr: 'numArrArr', strArr: undefined, numArrArr: undefined };

interface Signature {
  readonly operator: string;
  readonly base: OperatorName;
  readonly decorators: readonly DecoratorName[];
  readonly fact: Ty;
  readonly value: Ty;
}

const BASE: [OperatorName, Ty, Ty][] = [];
for (const op of ['equal', 'notEqual'] as const) for (const t of ['num', 'str', 'numArr'] as const) BASE.push([op, t, t]);
for (const op of ['in', 'notIn'] as const) for (const t of ['num', 'str', 'numArr'] as const) BASE.push([op, t, ARRAY_OF[t]!]);
for (const op of ['contains', 'doesNotContain'] as const) for (const t of ['num', 'str', 'numArr'] as const) BASE.push([op, ARRAY_OF[t]!, t]);
for (const op of ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const) BASE.push([op, 'num', 'num']);

/** The (fact, value) types a decorator needs, given what the operator it wraps needs. */
function wrap(d: DecoratorName, fact: Ty, value: Ty): [Ty, Ty] | undefined {
  switch (d) {
    case 'someFact':
    case 'everyFact': {
      const f = ARRAY_OF[fact];
      return f === undefined ? undefined : [f, value];
    }
    case 'someValue':
    case 'everyValue': {
      const v = ARRAY_OF[value];
      return v === undefined ? undefined : [fact, v];
    }
    case 'swap':
      return [value, fact];
    case 'not':
      return [fact, value];
  }
}

/** Every operator string with up to three decorators whose operand types we can supply. */
const SIGNATURES: Signature[] = (() => {
  const out: Signature[] = [];
  const grow = (sig: Signature, depth: number): void => {
    out.push(sig);
    if (depth === 3) return;
    for (const d of DECORATORS) {
      const w = wrap(d, sig.fact, sig.value);
      if (w === undefined) continue;
      grow({ operator: `${d}:${sig.operator}`, base: sig.base, decorators: [d, ...sig.decorators], fact: w[0], value: w[1] }, depth + 1);
    }
  };
  for (const [base, fact, value] of BASE) grow({ operator: base, base, decorators: [], fact, value }, 0);
  return out;
})();
const SIGNATURES_BY_DEPTH = [0, 1, 2, 3].map((n) => SIGNATURES.filter((s) => s.decorators.length === n));

// ---------------------------------------------------------------------------------------------
// Facts: a fixed shape, random values; every source below resolves to a value of its type
// ---------------------------------------------------------------------------------------------

interface Source {
  readonly fact: string;
  readonly path?: string;
}
const SOURCES: Record<Ty, Source[]> = {
  num: [
    { fact: 'n1' },
    { fact: 'n2' },
    { fact: 'n3' },
    { fact: 'doc', path: '$.x.y' },
    { fact: 'doc', path: 'x.y' },
    { fact: 'doc', path: '$.list[0].v' },
    { fact: 'doc', path: 'list.1.v' },
    { fact: 'pair', path: '$[0]' },
    { fact: 'pair', path: '1' },
  ],
  str: [{ fact: 's1' }, { fact: 's2' }, { fact: 'doc', path: '$.x.z' }, { fact: 'doc', path: 'list[0].w' }],
  numArr: [{ fact: 'na1' }, { fact: 'na2' }, { fact: 'doc', path: '$.x.arr' }, { fact: 'doc', path: 'x.arr' }],
  strArr: [{ fact: 'sa1' }, { fact: 'doc', path: '$.tags' }],
  numArrArr: [{ fact: 'nn1' }, { fact: 'doc', path: 'x.grid' }],
};

const num = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -3, max: 3 }) }, { weight: 1, arbitrary: fc.constantFrom(0.5, -1.5, 2.25) });
const str = fc.constantFrom('a', 'b', 'c');
const numArr = fc.array(num, { maxLength: 4 });
const strArr = fc.array(str, { maxLength: 3 });
const numArrArr = fc.array(numArr, { maxLength: 3 });
const LITERAL: Record<Ty, fc.Arbitrary<unknown>> = { num, str, numArr, strArr, numArrArr };

const factsArb: fc.Arbitrary<Record<string, unknown>> = fc.record({
  n1: num,
  n2: num,
  n3: num,
  s1: str,
  s2: str,
  na1: numArr,
  na2: numArr,
  sa1: strArr,
  nn1: numArrArr,
  pair: fc.tuple(num, num),
  doc: fc.record({
    x: fc.record({ y: num, z: str, arr: numArr, grid: numArrArr }),
    list: fc.tuple(fc.record({ v: num, w: str }), fc.record({ v: num, w: str })),
    tags: strArr,
  }),
});

// ---------------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------------

const sourceFields = (s: Source) => (s.path === undefined ? { fact: s.fact } : { fact: s.fact, path: s.path });

const leafArb: fc.Arbitrary<Condition> = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom(...SIGNATURES_BY_DEPTH[0]!) },
    { weight: 3, arbitrary: fc.constantFrom(...SIGNATURES_BY_DEPTH[1]!) },
    { weight: 2, arbitrary: fc.constantFrom(...SIGNATURES_BY_DEPTH[2]!) },
    { weight: 1, arbitrary: fc.constantFrom(...SIGNATURES_BY_DEPTH[3]!) },
  )
  .chain((sig) =>
    fc.record({
      sig: fc.constant(sig),
      src: fc.constantFrom(...SOURCES[sig.fact]),
      value: fc.oneof(
        { weight: 3, arbitrary: LITERAL[sig.value] },
        { weight: 1, arbitrary: fc.constantFrom(...SOURCES[sig.value]).map((s) => sourceFields(s)) },
      ),
      priority: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 8 }),
    }),
  )
  .map(({ sig, src, value, priority }) => ({
    ...sourceFields(src),
    operator: sig.operator,
    value,
    ...(priority === null ? {} : { priority }),
  }));

const NAMED = ['c0', 'c1'] as const;

/** Boolean trees of exactly `depth` levels of all/any/not over leaves (memoised per depth). */
function treeArb(depth: number, refs: boolean, memo = new Map<number, fc.Arbitrary<Condition>>()): fc.Arbitrary<Condition> {
  const hit = memo.get(depth);
  if (hit) return hit;
  let arb: fc.Arbitrary<Condition>;
  if (depth === 0) {
    arb = refs ? fc.oneof({ weight: 12, arbitrary: leafArb }, { weight: 1, arbitrary: fc.constantFrom(...NAMED).map((condition) => ({ condition })) }) : leafArb;
  } else {
    const deeper = treeArb(depth - 1, refs, memo);
    const filler = fc.oneof(treeArb(0, refs, memo), deeper);
    const children = fc
      .tuple(deeper, fc.array(filler, { maxLength: 2 }), fc.boolean())
      .map(([d, rest, first]) => (first ? [d, ...rest] : [...rest, d]));
    const priority = fc.option(fc.integer({ min: 1, max: 3 }), { freq: 6 });
    arb = fc.oneof(
      fc.tuple(children, priority).map(([all, p]): Condition => (p === null ? { all } : { all, priority: p })),
      fc.tuple(children, priority).map(([any, p]): Condition => (p === null ? { any } : { any, priority: p, name: 'either' })),
      deeper.map((not): Condition => ({ not })),
    );
  }
  memo.set(depth, arb);
  return arb;
}

const caseArb = fc.record({
  condition: fc.oneof({ weight: 3, arbitrary: treeArb(3, true) }, { weight: 1, arbitrary: treeArb(4, true) }),
  named: fc.record({ c0: treeArb(1, false), c1: treeArb(2, false) }),
  factSets: fc.array(factsArb, { minLength: FACT_SETS, maxLength: FACT_SETS }),
});

// ---------------------------------------------------------------------------------------------
// Coverage bookkeeping
// ---------------------------------------------------------------------------------------------

interface Coverage {
  operators: Map<string, number>;
  decorators: Map<string, number>;
  chained: number;
  depth3: number;
  not: number;
  factToFact: number;
  dollarPath: number;
  dottedPath: number;
  namedRef: number;
  trueResults: number;
  falseResults: number;
  pairs: number;
}
const newCoverage = (): Coverage => ({
  operators: new Map(),
  decorators: new Map(),
  chained: 0,
  depth3: 0,
  not: 0,
  factToFact: 0,
  dollarPath: 0,
  dottedPath: 0,
  namedRef: 0,
  trueResults: 0,
  falseResults: 0,
  pairs: 0,
});
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** Boolean nesting depth (a leaf is 0). */
function depthOf(c: Condition): number {
  if ('all' in c) return 1 + Math.max(0, ...c.all.map(depthOf));
  if ('any' in c) return 1 + Math.max(0, ...c.any.map(depthOf));
  if ('not' in c) return 1 + depthOf(c.not);
  return 0;
}

function record(c: Condition, cov: Coverage): void {
  if ('all' in c) c.all.forEach((x) => record(x, cov));
  else if ('any' in c) c.any.forEach((x) => record(x, cov));
  else if ('not' in c) {
    cov.not++;
    record(c.not, cov);
  } else if ('condition' in c) cov.namedRef++;
  else {
    const parts = c.operator.split(':');
    bump(cov.operators, parts.at(-1)!);
    for (const d of parts.slice(0, -1)) bump(cov.decorators, d);
    if (parts.length > 2) cov.chained++;
    const v = c.value as { fact?: string; path?: string } | null;
    const isRef = typeof v === 'object' && v !== null && !Array.isArray(v) && 'fact' in v;
    if (isRef) cov.factToFact++;
    for (const p of [c.path, isRef ? v.path : undefined]) {
      if (p === undefined) continue;
      if (p.startsWith('$')) cov.dollarPath++;
      else cov.dottedPath++;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------------------------

type Case = { condition: Condition; named: Record<string, Condition>; factSets: Record<string, unknown>[] };

function makeEngine(c: Case): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const [name, cond] of Object.entries(c.named)) engine.setCondition(name, cond as unknown as TopLevelCondition);
  // json-rules-engine wants a boolean (or reference) at the top: wrap
  engine.addRule({ conditions: { all: [c.condition] } as unknown as TopLevelCondition, event: { type: 'hit' } });
  return engine;
}

function differential(options: Pick<CompileOptions, 'operators'>, cov?: Coverage) {
  return fc.asyncProperty(caseArb, async (c: Case) => {
    const compiled = compileCondition(c.condition, { named: c.named, ...options });
    const engine = makeEngine(c);
    if (cov) {
      record(c.condition, cov);
      for (const n of Object.values(c.named)) record(n, cov);
      if (depthOf(c.condition) >= 3) cov.depth3++;
    }
    for (const facts of c.factSets) {
      const ours = compiled.evaluate(facts as Facts);
      const { events } = await engine.run(facts);
      const theirs = events.length > 0;
      if (ours !== theirs) return false; // includes ours === null: well-typed facts are never indeterminate
      if (compiled.explain(facts as Facts).value !== ours) return false;
      if (cov) {
        cov.pairs++;
        if (ours) cov.trueResults++;
        else cov.falseResults++;
      }
    }
    return true;
  });
}

describe('compiled conditions vs json-rules-engine (differential)', () => {
  const cov = newCoverage();

  it('agree on every well-typed (condition, facts) pair', async () => {
    const started = performance.now();
    await fc.assert(differential({}, cov), { seed: SEED, numRuns: NUM_RUNS });
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `differential: ${cov.pairs} (condition, facts) pairs in ${seconds.toFixed(1)} s; ${cov.trueResults} true, ${cov.falseResults} false\n` +
        `  operators ${JSON.stringify(Object.fromEntries(cov.operators))}\n  decorators ${JSON.stringify(Object.fromEntries(cov.decorators))}\n` +
        `  chained ${cov.chained}, not ${cov.not}, fact-to-fact ${cov.factToFact}, $-paths ${cov.dollarPath}, dotted paths ${cov.dottedPath}, named refs ${cov.namedRef}`,
    );
    expect(cov.pairs).toBeGreaterThanOrEqual(10_000);
  });

  it('reached every operator, every decorator, chains, depth ≥ 3, not, fact-to-fact, both path forms and both outcomes', () => {
    for (const op of OPERATORS) expect(cov.operators.get(op) ?? 0, op).toBeGreaterThan(0);
    for (const d of DECORATORS) expect(cov.decorators.get(d) ?? 0, d).toBeGreaterThan(0);
    expect(cov.chained).toBeGreaterThan(0);
    expect(cov.depth3).toBe(NUM_RUNS);
    expect(cov.not).toBeGreaterThan(0);
    expect(cov.factToFact).toBeGreaterThan(0);
    expect(cov.dollarPath).toBeGreaterThan(0);
    expect(cov.dottedPath).toBeGreaterThan(0);
    expect(cov.namedRef).toBeGreaterThan(0);
    // neither outcome is rare: the property is not trivially satisfied by a constant
    expect(cov.trueResults).toBeGreaterThan(cov.pairs * 0.2);
    expect(cov.falseResults).toBeGreaterThan(cov.pairs * 0.2);
  });

  it('catches a broken operator (mutation check: lessThan implemented as <=)', async () => {
    const result = await fc.check(differential({ operators: { lessThan: (a, b) => (a as number) <= (b as number) } }), {
      seed: SEED,
      numRuns: NUM_RUNS,
      endOnFailure: true,
    });
    expect(result.failed).toBe(true);
  });

  it('catches another broken operator (mutation check: greaterThanInclusive implemented as >)', async () => {
    const result = await fc.check(differential({ operators: { greaterThanInclusive: (a, b) => (a as number) > (b as number) } }), {
      seed: SEED,
      numRuns: NUM_RUNS,
      endOnFailure: true,
    });
    expect(result.failed).toBe(true);
  });
});
