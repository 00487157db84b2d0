// placeReason copies a reason (copyOwn) and sets its item and rule instead of spreading it: it must give what the
// spread gives, key for key and in the same order, for any object.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/types.js';
import { placeReason } from '../../src/score/scorecard.js';

const spread = (reason: Message, item: string | undefined, rule: string | undefined) =>
  item === undefined ? { ...reason, rule } : { ...reason, item, rule };

function expectSame(reason: Message, item: string | undefined, rule: string | undefined): void {
  const placed = placeReason(reason, item, rule);
  const expected = spread(reason, item, rule);
  expect(placed).toStrictEqual(expected);
  expect(Reflect.ownKeys(placed)).toEqual(Reflect.ownKeys(expected));
  expect(Object.getPrototypeOf(placed)).toBe(Object.prototype);
}

const sym = Symbol('extra');

describe('placeReason ≡ { ...reason, item, rule }', () => {
  it('for the reasons rules make and for odd ones', () => {
    const withInherited = Object.create({ data: { inherited: true } }) as { messageId: string };
    withInherited.messageId = 'm';
    const nullProto = Object.assign(Object.create(null) as object, { messageId: 'm', data: { x: 1 } }) as Message;
    const odd: Message[] = [
      { messageId: 'line.fixed_unknown', data: { effect: 'deduct' } },
      { messageId: 'quantity.missing_value' },
      { messageId: 'm', data: undefined },
      { data: { x: 1 }, messageId: 'm' } as Message,
      { messageId: 'm', data: {}, item: 'own' } as Message,
      { messageId: 'm', data: {}, [sym]: 1 } as Message,
      withInherited,
      nullProto,
    ];
    for (const reason of odd) {
      expectSame(reason, 'item-1', 'categories[0].items[0].rules[0]');
      expectSame(reason, undefined, 'outcomes.vetoes[0]');
    }
  });

  it('for generated objects', () => {
    const key = fc.constantFrom('messageId', 'data', 'item', 'rule', 'other', '__proto__');
    const reason = fc.oneof(
      fc.record({ messageId: fc.string(), data: fc.dictionary(fc.string(), fc.jsonValue()) }),
      fc.record({ messageId: fc.string(), data: fc.option(fc.dictionary(fc.string(), fc.integer()), { nil: undefined }) }, { requiredKeys: ['messageId'] }),
      fc.array(fc.tuple(key, fc.jsonValue()), { maxLength: 4 }).map((entries) => {
        const o: Record<string, unknown> = {};
        for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
        return o as unknown as Message;
      }),
    );
    fc.assert(
      fc.property(reason, fc.option(fc.string(), { nil: undefined }), fc.option(fc.string(), { nil: undefined }), (r, item, rule) => {
        expectSame(r, item, rule);
      }),
    );
  });
});
