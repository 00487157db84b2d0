/**
 * `report` keeps lines the same to the letter as one object (SameLines): a line is only ever given one
 * that is the same to the letter — the same keys in the same order, the same values (-0 apart from 0,
 * an absent key apart from an undefined one), the same deeper objects.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SameLines } from '../../src/report/same-lines.js';
import type { ScoreLine } from '../../src/score/scorecard.js';

const NAME = { en: 'Fridge', 'zh-CN': '冰箱' };
const OTHER_NAME = { en: 'Fridge', 'zh-CN': '冰箱' };

/** Lines from a few choices for each field, so that equal ones come often. */
const line = fc
  .record(
    {
      type: fc.constantFrom('deduction', 'veto'),
      item: fc.constantFrom('floor', 'fridge', undefined),
      points: fc.constantFrom(-1, -2, 0, -0),
      reason: fc.record({ messageId: fc.constantFrom('line.a', 'line.b'), data: fc.record({ name: fc.constantFrom(NAME, OTHER_NAME), n: fc.constantFrom(1, 2), list: fc.constantFrom([1], [1, 2], ['1']) }, { requiredKeys: ['name'], noNullPrototype: true }) }, { noNullPrototype: true }),
      source: fc.constantFrom('1.1', '1.2'),
      actual: fc.constantFrom(1, '1', true, null, { c: 1 }, [1]),
    },
    { requiredKeys: ['type', 'points', 'reason'], noNullPrototype: true },
  )
  .chain((l) => fc.boolean().map((reversed) => (reversed ? Object.fromEntries(Object.entries(l).reverse()) : l) as unknown as ScoreLine));

/** The same to the letter: JSON aside, -0, undefined members and deeper objects' identity told apart. */
function sameToTheLetter(a: unknown, b: unknown, depth = 1): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (depth > 3) return a === b;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameToTheLetter((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1));
}

describe('SameLines', () => {
  it('gives each line itself or one the same to the letter, and one object for lines the same to the letter', () => {
    fc.assert(
      fc.property(fc.array(fc.array(line, { maxLength: 4 }), { maxLength: 30 }), (cards) => {
        const same = new SameLines();
        const given = cards.map((lines) => same.of(lines));
        const all = given.flat();
        cards.flat().forEach((original, i) => expect(sameToTheLetter(all[i], original)).toBe(true));
        for (let i = 0; i < all.length; i++) for (let j = 0; j < i; j++) if (sameToTheLetter(all[i], all[j])) expect(all[i]).toBe(all[j]);
      }),
      { numRuns: 300 },
    );
  });

  it('tells apart what JSON does not', () => {
    const same = new SameLines();
    const base = { type: 'deduction', points: 0, reason: { messageId: 'm', data: { name: NAME } } } as unknown as ScoreLine;
    const kept = same.of([base])[0];
    const variants = [
      { ...base, points: -0 },
      { ...base, item: undefined },
      { points: 0, type: 'deduction', reason: base.reason },
      { ...base, reason: { messageId: 'm', data: { name: OTHER_NAME } } },
      // An object without a prototype is no plain one: never shared.
      { ...base, reason: Object.assign(Object.create(null) as object, { messageId: 'm', data: { name: NAME } }) },
    ] as unknown as ScoreLine[];
    for (const v of variants) expect(same.of([v])[0]).toBe(v);
    expect(same.of([{ ...base, reason: { messageId: 'm', data: { name: NAME } } } as unknown as ScoreLine])[0]).toBe(kept);
  });

  it('keeps a number apart from the key after it', () => {
    // Without an end to a number, {p: 1, [K]: true} and {p: 12, abc: true, [N]: true} wrote the same key text.
    const n = 'nnnnnnnnnnnnnnnn';
    const a = { p: 1, [`abct16:${n}`]: true } as unknown as ScoreLine;
    const b = { p: 12, abc: true, [n]: true } as unknown as ScoreLine;
    const same = new SameLines();
    expect(same.of([a])[0]).toBe(a);
    expect(same.of([b])[0]).toBe(b);
  });
});
