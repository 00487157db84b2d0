// Copies that get keys added afterwards are made without a spread's own hidden class (about 1 µs a copy on
// Node 20): copyOwn must give what `{ ...source }` gives, key for key and in order; the threshold's reasons
// (a line's data gets the rule's text, the verdict's keeps the data as given) must keep their keys and order,
// and buildFacts must give what its spread gave.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyOwn } from '../../src/collections.js';
import { buildFacts } from '../../src/compile/facts.js';
import type { InspectionRecord } from '../../src/record-schema.js';
import type { ScoredFacts } from '../../src/rules/kind.js';
import type { Indicator } from '../../src/standard/schema.js';
import { parseStandard } from '../../src/index.js';
import { scoreBothWays } from '../support/both-paths.js';

function expectSameAsSpread(source: object | undefined): void {
  const copy = copyOwn(source);
  const spread = { ...source };
  expect(copy).toStrictEqual(spread);
  expect(Reflect.ownKeys(copy)).toEqual(Reflect.ownKeys(spread));
  for (const key of Reflect.ownKeys(spread)) expect(Object.getOwnPropertyDescriptor(copy, key)).toEqual(Object.getOwnPropertyDescriptor(spread, key));
  expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  expect(copy).not.toBe(source);
}

describe('copyOwn ≡ { ...source }', () => {
  it('for odd objects: __proto__, symbols, getters, inherited and non-enumerable keys, arrays, undefined', () => {
    const sym = Symbol('s');
    let reads = 0;
    const withGetter = { a: 1, get b() { return ++reads; } };
    const inherited = Object.assign(Object.create({ up: 1 }) as object, { own: 2 });
    const hidden = Object.defineProperty({ shown: 1 }, 'hidden', { value: 2, enumerable: false });
    const proto = JSON.parse('{"a":1,"__proto__":{"polluted":true},"z":2}') as object;
    for (const source of [undefined, {}, { a: 1, b: { c: 2 } }, { [sym]: 1, x: 2 }, inherited, hidden, proto, [1, 2], { 2: 'b', 1: 'a', k: 'c' }, Object.create(null) as object]) expectSameAsSpread(source);
    reads = 0;
    const copy = copyOwn(withGetter);
    expect(reads, 'a getter is read once').toBe(1);
    expect(Object.getOwnPropertyDescriptor(copy, 'b')).toEqual({ value: 1, writable: true, enumerable: true, configurable: true });
    const fromProto = copyOwn(proto) as Record<string, unknown>;
    expect(fromProto['polluted']).toBeUndefined();
    expect(Object.keys(fromProto)).toEqual(['a', '__proto__', 'z']);
  });

  it('for generated objects', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'data', '0', '10'));
    const object = fc.array(fc.tuple(key, fc.jsonValue()), { maxLength: 6 }).map((entries) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      return o;
    });
    fc.assert(fc.property(object, (o) => expectSameAsSpread(o)));
  });
});

const standardWith = (effect: 'fail' | 'points') => {
  const loaded = parseStandard(`
id: thr
version: "1"
name: { en: Thresholds }
scoring: { mode: deduct, base: 100 }
indicators:
  - { id: rate, name: { en: Rate, zh-CN: 比率 }, unit: percent }
categories:
  - id: c
    name: { en: C }
    items:
      - id: i
        name: { en: Item }
        max: 5
        rules:
          - { kind: threshold, of: { indicator: rate }, min: 90, effect: ${effect}, reason: { en: Below 90, zh-CN: 未达90 } }
          - { kind: threshold, of: { fact: count }, max: 3, effect: ${effect} }
`);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.standard;
};

describe('a threshold’s reasons keep their keys and order (both paths, as JSON)', () => {
  const record = { unit: { id: 'u' }, date: '2024-03-01', indicators: { rate: { numerator: 1, denominator: 2 } }, facts: { count: 4 }, findings: [] };
  const text = { en: 'Below 90', 'zh-CN': '未达90' };

  it('unmet, failing: the line’s data gets the text last, the verdict’s reason keeps the data as given', () => {
    const card = scoreBothWays(standardWith('fail'), record);
    const [named, plain] = card.lines;
    expect(Object.keys(named!.reason.data!)).toEqual(['quantity', 'expected', 'actual', 'quantityName', 'text']);
    expect(named!.reason.data!['text']).toEqual(text);
    expect(Object.keys(plain!.reason.data!)).toEqual(['quantity', 'expected', 'actual']);
    expect(Object.keys(card.reasons[0]!.data!)).toEqual(['quantity', 'expected', 'actual', 'quantityName']);
    expect(card.reasons[0]!.data).not.toBe(named!.reason.data);
  });

  it('unmet, costing points: the same data, with the text', () => {
    const card = scoreBothWays(standardWith('points'), record);
    expect(Object.keys(card.lines[0]!.reason.data!)).toEqual(['quantity', 'expected', 'actual', 'quantityName', 'text']);
    expect(Object.keys(card.lines[1]!.reason.data!)).toEqual(['quantity', 'expected', 'actual']);
  });
});

describe('buildFacts ≡ { ...record.facts, kind, level, date, unit, indicators, findings, category, item }', () => {
  const spreadFacts = (record: InspectionRecord, built: Record<string, unknown>, scored?: ScoredFacts) => ({
    ...record.facts,
    ...(record.kind !== undefined ? { kind: record.kind } : {}),
    ...(record.level !== undefined ? { level: record.level } : {}),
    date: record.date,
    unit: record.unit.id,
    indicators: built['indicators'],
    findings: built['findings'],
    ...(scored !== undefined ? { category: scored.category, item: scored.item } : {}),
  });

  it('for facts that name the built-in ones, __proto__ and other odd keys', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('kind', 'level', 'date', 'unit', 'indicators', 'findings', 'category', 'item', '__proto__', 'constructor', '7'));
    const facts = fc.option(
      fc.array(fc.tuple(key, fc.jsonValue()), { maxLength: 8 }).map((entries) => {
        const o: Record<string, unknown> = {};
        for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
        return o;
      }),
      { nil: undefined },
    );
    const declared = new Map([['rate', { id: 'rate', name: { en: 'Rate' }, unit: 'percent' } as Indicator]]);
    fc.assert(
      fc.property(facts, fc.option(fc.string(), { nil: undefined }), fc.option(fc.string(), { nil: undefined }), fc.boolean(), (f, kind, level, withScored) => {
        const record = { unit: { id: 'u' }, date: '2024-03-01', ...(kind !== undefined && { kind }), ...(level !== undefined && { level }), ...(f !== undefined && { facts: f }), indicators: { rate: { numerator: 1, denominator: 3 } }, findings: [{ item: 'a', count: 2 }, { item: 'a' }] } as unknown as InspectionRecord;
        const scored = withScored ? ({ category: { c: 1 }, item: { i: 2 } } as unknown as ScoredFacts) : undefined;
        const built = buildFacts(declared, record, scored) as Record<string, unknown>;
        const expected = spreadFacts(record, built, scored);
        expect(built).toStrictEqual(expected);
        expect(Reflect.ownKeys(built)).toEqual(Reflect.ownKeys(expected));
        expect(Object.getPrototypeOf(built)).toBe(Object.prototype);
        expect(built['findings']).toEqual({ a: 3 });
        if (f !== undefined) expect(built).not.toBe(f);
      }),
    );
  });
});
