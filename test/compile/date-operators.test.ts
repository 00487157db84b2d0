import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileCondition, type Facts } from '../../src/compile/conditions.js';
import { ConditionSchema, DATE_OPERATORS, type Condition } from '../../src/condition-schema.js';
import { parseInstant } from '../../src/dates.js';

const ev = (cond: Condition, facts: Facts) => compileCondition(cond, {}).evaluate(facts);
const why = (cond: Condition, facts: Facts) => compileCondition(cond, {}).explain(facts).reasons.map((r) => r.messageId);

describe('date operators (scoresheet extension)', () => {
  it.each([
    ['dateBefore', '2024-03-03', '2024-03-04', true],
    ['dateBefore', '2024-03-04', '2024-03-04', false],
    ['dateAfter', '2024-03-05', '2024-03-04', true],
    ['dateAfter', '2024-03-04', '2024-03-04', false],
    ['dateOnOrBefore', '2024-03-04', '2024-03-04', true],
    ['dateOnOrBefore', '2024-03-05', '2024-03-04', false],
    ['dateOnOrAfter', '2024-03-04', '2024-03-04', true],
    ['dateOnOrAfter', '2024-03-03', '2024-03-04', false],
    // a date is its whole day: 17:00 on the 4th is not before the 4th
    ['dateBefore', '2024-03-04T17:00', '2024-03-04', false],
    ['dateOnOrBefore', '2024-03-04T17:00', '2024-03-04', true],
    ['dateBefore', '2024-03-04T16:59', '2024-03-04T17:00', true],
    ['dateBefore', '2024-03-04T17:00+08:00', '2024-03-04T10:00Z', true],
  ] as const)('%s: %s vs %s is %s', (operator, fact, value, expected) => {
    expect(ev({ fact: 'x', operator, value }, { x: fact })).toBe(expected);
  });

  it('compares with another fact', () => {
    const cond: Condition = { fact: 'reported', operator: 'dateOnOrBefore', value: { fact: 'deadline' } };
    expect(ev(cond, { reported: '2024-03-30', deadline: '2024-03-31' })).toBe(true);
    expect(ev(cond, { reported: '2024-04-01', deadline: '2024-03-31' })).toBe(false);
  });

  it('withinDays: from the other date to N days after it', () => {
    const cond: Condition = { fact: 'fixed', operator: 'withinDays', value: { fact: 'found', days: 3 } };
    expect(ev(cond, { fixed: '2024-03-07', found: '2024-03-04' })).toBe(true);
    expect(ev(cond, { fixed: '2024-03-04', found: '2024-03-04' })).toBe(true);
    expect(ev(cond, { fixed: '2024-03-08', found: '2024-03-04' })).toBe(false);
    expect(ev(cond, { fixed: '2024-03-03', found: '2024-03-04' })).toBe(false);
    expect(ev(cond, { fixed: '2024-03-07T23:59', found: '2024-03-04T08:00' })).toBe(true);
  });

  it('withinHours: 24 hours of a finding (000:135), and needs times on both sides', () => {
    const cond: Condition = { fact: 'dealt', operator: 'withinHours', value: { fact: 'found', hours: 24 } };
    expect(ev(cond, { dealt: '2024-03-05T09:00', found: '2024-03-04T10:00' })).toBe(true);
    expect(ev(cond, { dealt: '2024-03-05T10:01', found: '2024-03-04T10:00' })).toBe(false);
    expect(ev(cond, { dealt: '2024-03-05', found: '2024-03-04T10:00' })).toBeNull();
    expect(why(cond, { dealt: '2024-03-05', found: '2024-03-04T10:00' })).toEqual(['condition.wrong_type']);
  });

  it('is indeterminate, never pass, for a missing or unparsable date', () => {
    for (const operator of DATE_OPERATORS) {
      const value = operator === 'withinDays' ? { fact: 'y', days: 1 } : operator === 'withinHours' ? { fact: 'y', hours: 1 } : { fact: 'y' };
      const cond: Condition = { fact: 'x', operator, value };
      for (const bad of [undefined, '2024-02-30', '03/04/2024', 20240304, '2024-03-04T25:00', '', null]) {
        expect(ev(cond, { x: bad, y: '2024-03-04T00:00' }), `${operator} ${String(bad)}`).toBeNull();
        expect(ev({ not: cond }, { x: bad, y: '2024-03-04T00:00' }), `not ${operator} ${String(bad)}`).toBeNull();
      }
      expect(why(cond, { x: '2024-02-30', y: '2024-03-04T00:00' })).toEqual(['condition.wrong_type']);
      expect(why(cond, { y: '2024-03-04T00:00' })).toEqual(['condition.missing_fact']);
    }
  });

  it('agrees with the order of the days it reads (property)', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const before = ev({ fact: 'a', operator: 'dateBefore', value: { fact: 'b' } }, { a, b });
        const onOrAfter = ev({ fact: 'a', operator: 'dateOnOrAfter', value: { fact: 'b' } }, { a, b });
        return before === a < b && onOrAfter === !before;
      }),
    );
  });

  it('reads only real dates', () => {
    expect(parseInstant('2024-02-29')?.dateOnly).toBe(true);
    expect(parseInstant('2023-02-29')).toBeUndefined();
    expect(parseInstant('2024-03-04 17:00:30')?.dateOnly).toBe(false);
  });

  it('the schema asks withinDays for days and no other operator for a span', () => {
    const issues = (c: unknown) => (ConditionSchema.safeParse(c).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(issues({ fact: 'x', operator: 'withinDays', value: { fact: 'y', days: 3 } })).toEqual([]);
    expect(issues({ fact: 'x', operator: 'withinDays', value: { fact: 'y' } })).toEqual(['value']);
    expect(issues({ fact: 'x', operator: 'withinHours', value: { fact: 'y', hours: 2, days: 1 } })).toEqual(['value.days']);
    expect(issues({ fact: 'x', operator: 'dateBefore', value: { fact: 'y', days: 1 } })).toEqual(['value.days']);
    expect(issues({ fact: 'x', operator: 'datebefore', value: '2024-03-04' })).toEqual(['operator']);
  });
});
