import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/messages/render.js';
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { compileCondition, findConditionCycles, type Facts } from '../../src/compile/conditions.js';
import { compilePath, parsePath, pathProblem, resolvePath, PathError } from '../../src/paths.js';
import {
  ConditionSchema,
  DECORATORS,
  OPERATORS,
  collectConditionRefs,
  collectFacts,
  parseOperator,
  type Condition,
} from '../../src/condition-schema.js';

/** json-rules-engine's answer for `cond` (wrapped in a top-level `all`). */
async function jre(cond: Condition, facts: Facts, options: { allowUndefinedFacts?: boolean } = { allowUndefinedFacts: true }): Promise<boolean> {
  const engine = new Engine([], options);
  engine.addRule({ conditions: { all: [cond] } as unknown as TopLevelCondition, event: { type: 'hit' } });
  const { events } = await engine.run({ ...facts });
  return events.length > 0;
}

const ev = (cond: Condition, facts: Facts, named?: Record<string, Condition>) => compileCondition(cond, { named }).evaluate(facts);

describe('paths', () => {
  it('parses dotted, bracketed and $-rooted paths to the same segments', () => {
    expect(parsePath('a.b').segments).toEqual(['a', 'b']);
    expect(parsePath('$.a.b').segments).toEqual(['a', 'b']);
    expect(parsePath('$.a[0].b').segments).toEqual(['a', 0, 'b']);
    expect(parsePath('a.0.b').segments).toEqual(['a', 0, 'b']);
    expect(parsePath('a[1]').segments).toEqual(['a', 1]);
    expect(parsePath('$[2]').segments).toEqual([2]);
    expect(parsePath('$').segments).toEqual([]);
    expect(parsePath('a.01').segments).toEqual(['a', '01']);
    expect(parsePath('检查.得分').segments).toEqual(['检查', '得分']);
  });

  it('rejects JSONPath query features with a message naming the feature', () => {
    expect(pathProblem('$..x')).toMatch(/recursive descent/);
    expect(pathProblem('$.a[?(@.b > 1)]')).toMatch(/filter/);
    expect(pathProblem('$.a.*')).toMatch(/wildcard/);
    expect(pathProblem('$.a[*]')).toMatch(/wildcard/);
    expect(pathProblem('$.a[(@.length-1)]')).toMatch(/script/);
    expect(pathProblem("$['a']")).toMatch(/numeric indexes/);
    expect(pathProblem('$.a[-1]')).toMatch(/numeric indexes/);
    expect(pathProblem('$.a[0:2]')).toMatch(/numeric indexes/);
    expect(pathProblem('a..b')).toMatch(/recursive descent/);
    expect(pathProblem('[0].a')).toMatch(/must start with a name/);
    expect(pathProblem('a.$b')).toMatch(/"\$" may only appear at the very start/);
    expect(pathProblem('a.')).toMatch(/empty segment/);
    expect(pathProblem('a,b')).toMatch(/not allowed in a property name/);
    expect(() => parsePath('$..x')).toThrow(PathError);
    for (const ok of ['a', 'a.b', '$.a.b', '$.a[0].b', 'a[1]', 'a.b.0.c', '$', '']) expect(pathProblem(ok)).toBeUndefined();
  });

  it('reads only own properties of objects and arrays', () => {
    const v = { a: { b: [10, 20] }, s: 'str' };
    expect(compilePath('a.b[1]')(v)).toBe(20);
    expect(compilePath('$.a.b.0')(v)).toBe(10);
    expect(compilePath('a.b.length')(v)).toBe(2); // an array's own `length`, as in jsonpath-plus
    expect(compilePath('a.toString')(v)).toBeUndefined(); // inherited
    expect(compilePath('a.hasOwnProperty')(v)).toBeUndefined();
    expect(compilePath('s.length')(v)).toBeUndefined(); // strings are not walked into
    expect(compilePath('a.b.5')(v)).toBeUndefined();
    expect(resolvePath(v, parsePath('$.a.b[0]'))).toBe(10);
  });

  it('resolves __proto__, constructor and prototype to nothing, even when they are own keys', () => {
    const v = JSON.parse('{"__proto__": {"x": 1}, "constructor": {"x": 2}, "prototype": {"x": 3}}') as unknown;
    expect(Object.hasOwn(v as object, '__proto__')).toBe(true);
    for (const p of ['__proto__.x', 'constructor.x', 'prototype.x', '__proto__', 'constructor']) {
      expect(compilePath(p)(v)).toBeUndefined();
      expect(resolvePath(v, parsePath(p))).toBeUndefined();
    }
    expect(compilePath('constructor.name')(function f() {})).toBeUndefined();
  });
});

describe('operators', () => {
  const cases: [string, unknown, unknown, boolean][] = [
    ['equal', 3, 3, true],
    ['equal', 3, '3', false], // === like json-rules-engine
    ['equal', null, null, true],
    ['notEqual', 3, 4, true],
    ['notEqual', 'a', 'a', false],
    ['in', 2, [1, 2, 3], true],
    ['in', 5, [1, 2, 3], false],
    ['notIn', 5, [1, 2, 3], true],
    ['notIn', 2, [1, 2, 3], false],
    ['contains', [1, 2, 3], 2, true],
    ['contains', ['a', 'b'], 'c', false],
    ['doesNotContain', ['a', 'b'], 'c', true],
    ['doesNotContain', ['a', 'b'], 'a', false],
    ['lessThan', 1, 2, true],
    ['lessThan', 2, 2, false],
    ['lessThanInclusive', 2, 2, true],
    ['lessThanInclusive', 3, 2, false],
    ['greaterThan', 3, 2, true],
    ['greaterThan', 2, 2, false],
    ['greaterThanInclusive', 2, 2, true],
    ['greaterThanInclusive', 1, 2, false],
  ];

  it.each(cases)('%s: %j vs %j is %s, as in json-rules-engine', async (operator, fact, value, expected) => {
    const cond: Condition = { fact: 'x', operator, value };
    expect(ev(cond, { x: fact })).toBe(expected);
    expect(await jre(cond, { x: fact })).toBe(expected);
  });

  it('covers all ten operators and six decorators', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(OPERATORS));
    expect(DECORATORS).toEqual(['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not']);
  });

  it('is indeterminate when an operand has the wrong type for the operator', () => {
    expect(ev({ fact: 'x', operator: 'in', value: 'abc' }, { x: 'b' })).toBeNull(); // jre would search the string
    expect(ev({ fact: 'x', operator: 'contains', value: 'b' }, { x: 'abc' })).toBeNull();
    expect(ev({ fact: 'x', operator: 'lessThan', value: 1 }, { x: '0' })).toBeNull();
    expect(ev({ fact: 'x', operator: 'lessThan', value: '1' }, { x: 0 })).toBeNull();
    expect(ev({ fact: 'x', operator: 'greaterThan', value: 1 }, { x: null })).toBeNull();
    expect(ev({ fact: 'x', operator: 'greaterThan', value: 1 }, { x: Number.NaN })).toBeNull();
    expect(ev({ fact: 'x', operator: 'greaterThan', value: 1 }, { x: Infinity })).toBeNull();
  });

  it('treats null as a present value for equal / notEqual / in', () => {
    expect(ev({ fact: 'x', operator: 'equal', value: null }, { x: null })).toBe(true);
    expect(ev({ fact: 'x', operator: 'notEqual', value: 1 }, { x: null })).toBe(true);
    expect(ev({ fact: 'x', operator: 'in', value: [null] }, { x: null })).toBe(true);
  });

  it('rejects unknown operators and decorators at compile time', () => {
    expect(() => compileCondition({ fact: 'x', operator: 'greaterThen', value: 1 })).toThrow(/did you mean "greaterThan"/);
    expect(() => compileCondition({ fact: 'x', operator: 'sometimes:equal', value: 1 })).toThrow(/unknown decorator/);
  });
});

describe('decorators', () => {
  const facts = { xs: [1, 5, 9], n: 5, ys: [[1, 2], [2, 3]], s: 'a' };
  const cases: [string, Condition, boolean][] = [
    ['someFact: some element passes', { fact: 'xs', operator: 'someFact:greaterThan', value: 8 }, true],
    ['someFact: no element passes', { fact: 'xs', operator: 'someFact:greaterThan', value: 9 }, false],
    ['everyFact: every element passes', { fact: 'xs', operator: 'everyFact:greaterThan', value: 0 }, true],
    ['everyFact: one element fails', { fact: 'xs', operator: 'everyFact:greaterThan', value: 1 }, false],
    ['someValue: against some listed value', { fact: 'n', operator: 'someValue:lessThan', value: [1, 6] }, true],
    ['someValue: against none', { fact: 'n', operator: 'someValue:lessThan', value: [1, 5] }, false],
    ['everyValue: against every listed value', { fact: 'n', operator: 'everyValue:lessThan', value: [6, 7] }, true],
    ['everyValue: not against every one', { fact: 'n', operator: 'everyValue:lessThan', value: [6, 5] }, false],
    ['swap: operands exchanged', { fact: 'n', operator: 'swap:lessThan', value: 3 }, true], // 3 < 5
    ['swap:contains: the value is the list', { fact: 'n', operator: 'swap:contains', value: [4, 5] }, true],
    ['not: negates', { fact: 'n', operator: 'not:equal', value: 5 }, false],
    ['chained everyFact:not:equal', { fact: 'xs', operator: 'everyFact:not:equal', value: 4 }, true],
    ['chained everyFact:not:equal fails on a match', { fact: 'xs', operator: 'everyFact:not:equal', value: 5 }, false],
    ['chained someFact:contains over nested lists', { fact: 'ys', operator: 'someFact:contains', value: 3 }, true],
    ['chained not:someFact:someValue', { fact: 'xs', operator: 'not:someFact:someValue:equal', value: [2, 3] }, true],
    ['chained swap:everyFact:in (everyFact applies to the value after swap)', { fact: 'xs', operator: 'swap:everyFact:in', value: [1, 9] }, true],
    ['not:not is identity', { fact: 's', operator: 'not:not:equal', value: 'a' }, true],
    ['empty list: someFact is false', { fact: 'e', operator: 'someFact:equal', value: 1 }, false],
    ['empty list: everyFact is true', { fact: 'e', operator: 'everyFact:equal', value: 1 }, true],
  ];
  it.each(cases)('%s (and json-rules-engine agrees)', async (_label, cond, expected) => {
    const f = { ...facts, e: [] };
    expect(ev(cond, f)).toBe(expected);
    expect(await jre(cond, f)).toBe(expected);
  });

  it('makes someFact / everyFact indeterminate on a non-array fact, and someValue / everyValue on a non-array value', () => {
    expect(ev({ fact: 'n', operator: 'someFact:equal', value: 1 }, { n: 5 })).toBeNull();
    expect(ev({ fact: 'n', operator: 'everyFact:equal', value: 1 }, { n: 5 })).toBeNull();
    expect(ev({ fact: 'n', operator: 'someValue:equal', value: 1 }, { n: 5 })).toBeNull();
    expect(ev({ fact: 'n', operator: 'everyValue:equal', value: 1 }, { n: 5 })).toBeNull();
  });

  it('combines element results three-valuedly: a true element decides someFact even next to a badly typed one', () => {
    expect(ev({ fact: 'xs', operator: 'someFact:lessThan', value: 3 }, { xs: ['x', 1] })).toBe(true);
    expect(ev({ fact: 'xs', operator: 'someFact:lessThan', value: 3 }, { xs: ['x', 5] })).toBeNull();
    expect(ev({ fact: 'xs', operator: 'everyFact:lessThan', value: 3 }, { xs: ['x', 5] })).toBe(false);
    expect(ev({ fact: 'xs', operator: 'everyFact:lessThan', value: 3 }, { xs: ['x', 1] })).toBeNull();
  });

  it('keeps not: indeterminate (json-rules-engine says true for not:contains on a non-array)', async () => {
    const cond: Condition = { fact: 's', operator: 'not:contains', value: 'a' };
    expect(ev(cond, { s: 'abc' })).toBeNull();
    expect(await jre(cond, { s: 'abc' })).toBe(true);
  });
});

describe('boolean nodes (Kleene three-valued logic)', () => {
  const T: Condition = { fact: 't', operator: 'equal', value: true };
  const F: Condition = { fact: 't', operator: 'equal', value: false };
  const U: Condition = { fact: 'missing', operator: 'equal', value: 1 };
  const facts = { t: true };
  it('all is false if any child is false, else null if any is null, else true', () => {
    expect(ev({ all: [T, T] }, facts)).toBe(true);
    expect(ev({ all: [T, U] }, facts)).toBeNull();
    expect(ev({ all: [U, F] }, facts)).toBe(false);
    expect(ev({ all: [T, U, F] }, facts)).toBe(false);
    expect(ev({ all: [T, T, U] }, facts)).toBeNull();
    expect(ev({ all: [] }, facts)).toBe(true);
  });
  it('any is true if any child is true, else null if any is null, else false', () => {
    expect(ev({ any: [F, F] }, facts)).toBe(false);
    expect(ev({ any: [F, U] }, facts)).toBeNull();
    expect(ev({ any: [U, T] }, facts)).toBe(true);
    expect(ev({ any: [F, F, U] }, facts)).toBeNull();
    expect(ev({ any: [F, U, T] }, facts)).toBe(true);
  });
  it('not flips true and false and keeps null', () => {
    expect(ev({ not: T }, facts)).toBe(false);
    expect(ev({ not: F }, facts)).toBe(true);
    expect(ev({ not: U }, facts)).toBeNull();
  });
  it('nests', async () => {
    const cond: Condition = { any: [{ all: [T, { not: F }] }, { not: { any: [F, { all: [T, F] }] } }] };
    expect(ev(cond, facts)).toBe(true);
    expect(await jre(cond, facts)).toBe(true);
    const cond2: Condition = { all: [{ any: [F, { not: T }] }, T] };
    expect(ev(cond2, facts)).toBe(false);
    expect(await jre(cond2, facts)).toBe(false);
  });
  it('ignores priority and accepts name', async () => {
    const cond: Condition = { all: [{ ...T, priority: 5, name: 'first' }, { ...F, priority: 1 }], priority: 2, name: 'both' };
    expect(ev(cond, facts)).toBe(false);
    expect(await jre(cond, facts)).toBe(false);
  });
});

describe('facts and paths in conditions', () => {
  const facts = { a: { b: 2, list: [{ v: 7 }, { v: 8 }] }, arr: [4, 5], rate: 0.95, limit: 0.9 };
  const doc = { a: { b: 2 }, l: [{ b: 7 }, { b: 8 }], n: [4, 5] };
  it.each([
    ['a.b', 2],
    ['$.a.b', 2],
    ['$.l[0].b', 7],
    ['l.1.b', 8],
    ['l[1].b', 8],
    ['a[1]', undefined],
    ['n[1]', 5],
    ['$.n.0', 4],
  ])('reads %s like json-rules-engine', async (path, expected) => {
    const cond: Condition = { fact: 'doc', path, operator: 'equal', value: expected ?? 'nothing' };
    expect(ev(cond, { doc })).toBe(expected === undefined ? null : true);
    expect(await jre(cond, { doc })).toBe(expected !== undefined);
  });

  it('reads a[1] from an array fact', async () => {
    const cond: Condition = { fact: 'arr', path: '$[1]', operator: 'equal', value: 5 };
    expect(ev(cond, facts)).toBe(true);
    expect(await jre(cond, facts)).toBe(true);
    expect(ev({ fact: 'a', path: 'list[1].v', operator: 'equal', value: 8 }, facts)).toBe(true);
  });

  it('compares with another fact through value: { fact, path }', async () => {
    const cond: Condition = { fact: 'rate', operator: 'greaterThanInclusive', value: { fact: 'limit' } };
    expect(ev(cond, facts)).toBe(true);
    expect(await jre(cond, facts)).toBe(true);
    const cond2: Condition = { fact: 'a', path: '$.a.b', operator: 'lessThan', value: { fact: 'a', path: '$.list[0].v' } };
    expect(ev({ ...cond2, path: 'b' }, facts)).toBe(true);
    expect(ev({ fact: 'rate', operator: 'lessThan', value: { fact: 'nope' } }, facts)).toBeNull();
  });

  it('is indeterminate when a path resolves to nothing', () => {
    expect(ev({ fact: 'a', path: 'x.y', operator: 'equal', value: 1 }, facts)).toBeNull();
    expect(ev({ fact: 'a', path: 'list[5].v', operator: 'equal', value: 1 }, facts)).toBeNull();
    expect(ev({ fact: 'rate', path: 'x', operator: 'equal', value: 1 }, facts)).toBeNull();
  });

  it('reads only own properties of the facts object', () => {
    expect(ev({ fact: 'toString', operator: 'notEqual', value: 1 }, facts)).toBeNull();
    expect(ev({ fact: 'hasOwnProperty', operator: 'notEqual', value: 1 }, Object.create({ hasOwnProperty: 1 }) as Facts)).toBeNull();
  });

  it('makes __proto__, constructor and prototype resolve to nothing, and never pollutes', () => {
    const hostile = JSON.parse('{"o": {"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}, "__proto__": {"polluted": 1}}') as Facts;
    for (const [fact, path] of [
      ['o', '__proto__.polluted'],
      ['o', 'constructor.prototype.polluted'],
      ['o', '$.constructor'],
      ['o', 'prototype'],
      ['__proto__', undefined],
      ['__proto__', 'polluted'],
      ['constructor', undefined],
      ['prototype', undefined],
    ] as const) {
      const cond: Condition = { fact, ...(path ? { path } : {}), operator: 'equal', value: 1 };
      const c = compileCondition(cond);
      expect(c.evaluate(hostile)).toBeNull();
      expect(c.evaluate({ o: {} })).toBeNull();
      expect(c.explain(hostile).reasons[0]?.messageId).toBe('condition.missing_fact');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('indeterminate where json-rules-engine silently says false', () => {
  it('a missing rate is indeterminate for both lessThan 0.9 and greaterThanInclusive 0.9; json-rules-engine says false for both', async () => {
    const below: Condition = { fact: 'rate', operator: 'lessThan', value: 0.9 };
    const atLeast: Condition = { fact: 'rate', operator: 'greaterThanInclusive', value: 0.9 };
    expect(ev(below, {})).toBeNull();
    expect(ev(atLeast, {})).toBeNull();
    expect(ev(below, { rate: undefined })).toBeNull();
    expect(await jre(below, {})).toBe(false);
    expect(await jre(atLeast, {})).toBe(false);
    // …so in json-rules-engine "rate < 0.9" and "rate >= 0.9" are both false: neither branch fires.
  });

  it('"96.1%" is indeterminate for numeric operators; json-rules-engine says false (its validator only checks parseFloat)', async () => {
    const facts = { rate: '96.1%' };
    for (const operator of ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']) {
      const cond: Condition = { fact: 'rate', operator, value: 0.9 };
      expect(ev(cond, facts)).toBeNull();
      expect(await jre(cond, facts)).toBe(false);
    }
  });

  it('json-rules-engine without allowUndefinedFacts throws on a missing fact; we answer null', async () => {
    const cond: Condition = { fact: 'rate', operator: 'lessThan', value: 0.9 };
    await expect(jre(cond, {}, { allowUndefinedFacts: false })).rejects.toThrow(/Undefined fact/);
    expect(ev(cond, {})).toBeNull();
  });
});

describe('named conditions', () => {
  const named: Record<string, Condition> = {
    hot: { fact: 'temp', operator: 'greaterThan', value: 30 },
    humid: { fact: 'humidity', operator: 'greaterThanInclusive', value: 0.8 },
    muggy: { all: [{ condition: 'hot' }, { condition: 'humid' }] },
  };
  it('resolves references, also nested ones, as json-rules-engine does', async () => {
    const cond: Condition = { any: [{ condition: 'muggy' }, { fact: 'alarm', operator: 'equal', value: true }] };
    const facts = { temp: 35, humidity: 0.9, alarm: false };
    expect(ev(cond, facts, named)).toBe(true);
    expect(ev(cond, { ...facts, humidity: 0.5 }, named)).toBe(false);
    expect(ev({ condition: 'muggy' }, { temp: 35 }, named)).toBeNull();

    const engine = new Engine([], { allowUndefinedFacts: true });
    for (const [name, c] of Object.entries(named)) engine.setCondition(name, ('fact' in c ? { all: [c] } : c) as unknown as TopLevelCondition);
    engine.addRule({ conditions: cond as unknown as TopLevelCondition, event: { type: 'hit' } });
    expect((await engine.run(facts)).events.length > 0).toBe(true);
    expect((await engine.run({ ...facts, humidity: 0.5 })).events.length > 0).toBe(false);
  });

  it('throws for an unknown name and for a cycle', () => {
    expect(() => compileCondition({ condition: 'nope' }, { named })).toThrow(/unknown named condition "nope"/);
    const cyclic: Record<string, Condition> = {
      a: { all: [{ condition: 'b' }] },
      b: { not: { condition: 'a' } },
      c: { condition: 'c' },
      d: { condition: 'a' },
    };
    expect(() => compileCondition({ condition: 'd' }, { named: cyclic })).toThrow(/cycle: a → b → a/);
    expect(() => compileCondition({ condition: 'c' }, { named: cyclic })).toThrow(/cycle/);
    expect(findConditionCycles(cyclic)).toEqual([['a', 'b'], ['c']]);
    expect(findConditionCycles(named)).toEqual([]);
  });

  it('compiles each named condition once even when referenced twice', () => {
    const c = compileCondition({ all: [{ condition: 'hot' }, { not: { condition: 'hot' } }] }, { named });
    expect(c.evaluate({ temp: 40 })).toBe(false);
  });
});

describe('explain', () => {
  it('returns the value and no reasons when true', () => {
    const c = compileCondition({ fact: 'n', operator: 'equal', value: 1 });
    expect(c.explain({ n: 1 })).toEqual({ value: true, reasons: [] });
  });

  it('gives missing_fact and wrong_type reasons when indeterminate', () => {
    const c = compileCondition({
      all: [
        { fact: 'rate', operator: 'lessThan', value: 0.9 },
        { fact: 'visit', path: '$.score', operator: 'greaterThan', value: 1 },
        { fact: 'rating', operator: 'greaterThanInclusive', value: 0.9 },
        { fact: 'tags', operator: 'contains', value: 'x' },
        { fact: 'ok', operator: 'equal', value: true },
      ],
    });
    const { value, reasons } = c.explain({ visit: {}, rating: '96.1%', tags: 'x,y', ok: true });
    expect(value).toBeNull();
    expect(reasons).toEqual([
      { messageId: 'condition.missing_fact', data: { fact: 'rate' } },
      { messageId: 'condition.missing_fact', data: { fact: 'visit', path: '$.score' } },
      {
        messageId: 'condition.wrong_type',
        data: { fact: 'rating', operator: 'greaterThanInclusive', expected: 'number', actual: 'string', side: 'fact' },
      },
      { messageId: 'condition.wrong_type', data: { fact: 'tags', operator: 'contains', expected: 'array', actual: 'string', side: 'fact' } },
    ]);
    expect(c.evaluate({ visit: {}, rating: '96.1%', tags: 'x,y', ok: true })).toBeNull();
  });

  it('names the value side for a badly typed value, and the referenced fact for value: { fact }', () => {
    const lit = compileCondition({ fact: 'n', operator: 'in', value: 'abc' }).explain({ n: 1 });
    expect(lit.reasons).toEqual([{ messageId: 'condition.wrong_type', data: { fact: 'n', operator: 'in', expected: 'array', actual: 'string', side: 'value' } }]);
    const ref = compileCondition({ fact: 'n', operator: 'lessThan', value: { fact: 'lim', path: 'max' } }).explain({ n: 1, lim: { max: null } });
    expect(ref.reasons).toEqual([
      { messageId: 'condition.wrong_type', data: { fact: 'lim', path: 'max', operator: 'lessThan', expected: 'number', actual: 'null', side: 'value' } },
    ]);
    const missing = compileCondition({ fact: 'n', operator: 'lessThan', value: { fact: 'lim' } }).explain({});
    expect(missing.reasons.map((r) => r.data?.fact)).toEqual(['n', 'lim']);
  });

  it('gives the failed leaves when false, and only those that decide it', () => {
    const c = compileCondition({
      all: [
        { fact: 'a', operator: 'equal', value: 1 },
        { fact: 'b', operator: 'lessThan', value: 10 },
        { fact: 'missing', operator: 'equal', value: 1 },
        { fact: 'c', operator: 'in', value: ['x', 'y'] },
      ],
    });
    const { value, reasons } = c.explain({ a: 1, b: 12, c: 'z' });
    expect(value).toBe(false);
    expect(reasons).toEqual([
      { messageId: 'condition.failed', data: { fact: 'b', operator: 'lessThan', value: 10, actual: 12 } },
      { messageId: 'condition.failed', data: { fact: 'c', operator: 'in', value: ['x', 'y'], actual: 'z' } },
    ]);
  });

  it('reports a true leaf under not as the failure, marked negated', () => {
    const c = compileCondition({ not: { any: [{ fact: 'a', operator: 'equal', value: 1 }, { fact: 'b', operator: 'equal', value: 2 }] } });
    const { value, reasons } = c.explain({ a: 1, b: 3 });
    expect(value).toBe(false);
    expect(reasons).toEqual([{ messageId: 'condition.failed', data: { fact: 'a', operator: 'equal', value: 1, actual: 1, negated: true } }]);
  });

  it('agrees with evaluate', () => {
    const c = compileCondition({ any: [{ fact: 'x', operator: 'greaterThan', value: 1 }, { not: { fact: 'y', operator: 'equal', value: 'a' } }] });
    for (const facts of [{}, { x: 2 }, { x: 0 }, { x: 0, y: 'a' }, { x: 0, y: 'b' }, { x: 'q', y: 'a' }]) {
      expect(c.explain(facts).value).toBe(c.evaluate(facts));
    }
  });
});

describe('ConditionSchema', () => {
  const issues = (input: unknown) => {
    const r = ConditionSchema.safeParse(input);
    expect(r.success).toBe(false);
    return r.error!.issues;
  };

  it('accepts valid conditions and returns them unchanged', () => {
    const cond = {
      all: [
        { fact: 'rate', path: '$.a[0].b', operator: 'everyFact:not:equal', value: { fact: 'other', path: 'x.y' }, priority: 2 },
        { any: [{ condition: 'named' }, { not: { fact: 'n', operator: 'in', value: [1, 2] } }], name: 'either' },
      ],
    };
    const r = ConditionSchema.safeParse(cond);
    expect(r.success).toBe(true);
    expect(r.data).toEqual(cond);
  });

  it('points an unknown operator at its path, with a did-you-mean suggestion in params', () => {
    const [issue, ...rest] = issues({
      all: [
        { fact: 'a', operator: 'equal', value: 1 },
        { fact: 'b', operator: 'equal', value: 1 },
        { fact: 'rate', operator: 'greaterThen', value: 0.9 },
      ],
    });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      code: 'custom',
      path: ['all', 2, 'operator'],
      params: { code: 'unknown_operator', suggestion: 'greaterThan' },
    });
    const params = (issue as unknown as { params: { messageId: string } & Record<string, unknown> }).params;
    expect(renderMessage({ messageId: params.messageId, data: params }, 'en')).toMatch(/unknown operator "greaterThen"; did you mean "greaterThan"\?/);
  });

  it('suggests fixes for misspelled decorators and common aliases', () => {
    expect(parseOperator('someFacts:equal')).toMatchObject({ ok: false, suggestion: 'someFact:equal' });
    expect(parseOperator('>=')).toMatchObject({ ok: false, suggestion: 'greaterThanInclusive' });
    expect(parseOperator('lessThanOrEqual')).toMatchObject({ ok: false, suggestion: 'lessThanInclusive' });
    expect(parseOperator('not')).toMatchObject({ ok: false, suggestion: undefined });
    expect(parseOperator('frobnicate')).toMatchObject({ ok: false, suggestion: undefined });
    expect(parseOperator('everyFact:not:equal')).toEqual({ ok: true, decorators: ['everyFact', 'not'], operator: 'equal' });
  });

  it('reports a JSONPath filter as bad_path at the path key, also inside value: { fact, path }', () => {
    const list = issues({ any: [{ fact: 'x', path: '$..y', operator: 'equal', value: { fact: 'z', path: '$.a[?(@.b)]' } }] });
    expect(list.map((i) => [i.path, (i as { params?: unknown }).params])).toEqual([
      [['any', 0, 'path'], { code: 'bad_path', messageId: 'path.recursive_descent', path: '"$..y"' }],
      [['any', 0, 'value', 'path'], { code: 'bad_path', messageId: 'path.filter', path: '"$.a[?(@.b)]"' }],
    ]);
  });

  it('reports unknown keys as unrecognized_keys on the node', () => {
    const [issue] = issues({ not: { fact: 'x', operator: 'equal', value: 1, vaule: 2 } });
    expect(issue).toMatchObject({ code: 'unrecognized_keys', keys: ['vaule'], path: ['not'] });
  });

  it('requires exactly one kind key, with a hint for a typo', () => {
    const [none] = issues({ all: [{ facts: 'x', operator: 'equal', value: 1 }] });
    expect(none).toMatchObject({ path: ['all', 0], params: { code: 'bad_condition' } });
    // The issue names its words (condition.no_kind) and carries their data; the catalogue says them.
    const words = (issue: unknown) => {
      const params = (issue as { params: { messageId: string } & Record<string, unknown> }).params;
      return renderMessage({ messageId: params.messageId, data: params }, 'en');
    };
    expect(words(none)).toMatch(/"facts" \(did you mean "fact"\?\)/);
    const [two] = issues({ all: [], fact: 'x', operator: 'equal', value: 1 });
    expect(words(two)).toMatch(/has "all" and "fact"/);
    const [notList] = issues({ not: [{ fact: 'x', operator: 'equal', value: 1 }] });
    expect(notList).toMatchObject({ path: ['not'] });
    const [scalar] = issues({ any: ['x'] });
    expect(scalar).toMatchObject({ path: ['any', 0] });
  });

  it('requires operator and value on a leaf, and a non-empty any', () => {
    const list = issues({ all: [{ fact: 'x' }] });
    expect(list.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        ['all', 0, 'value'],
        ['all', 0, 'operator'],
      ]),
    );
    // The issue names its words (schema.operator_required); the catalogue says them.
    expect(renderMessage({ messageId: list.find((i) => i.path.at(-1) === 'operator')!.message }, 'en')).toMatch(/needs an "operator"/);
    expect(issues({ any: [] })[0]).toMatchObject({ code: 'too_small', path: ['any'] });
  });

  it('collects named references and facts', () => {
    const cond: Condition = {
      all: [
        { condition: 'a' },
        { any: [{ condition: 'b' }, { fact: 'x', operator: 'equal', value: { fact: 'y' } }] },
        { not: { condition: 'a' } },
        { fact: 'z', path: 'q', operator: 'in', value: [1] },
      ],
    };
    expect(collectConditionRefs(cond)).toEqual(['a', 'b']);
    expect(collectFacts(cond)).toEqual(['x', 'y', 'z']);
  });
});
