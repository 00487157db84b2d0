/**
 * What each kind says of itself (rules/kind.ts): what it may do to the points, whether it runs for an
 * item with no finding, whether it decides applicability, and what a finding against it records. The
 * table is the one compile, score and the sheet template used to keep in switches of their own.
 */
import { describe, expect, it } from 'vitest';
import { RULE_KIND_NAMES, RuleSchema, ruleKind } from '../../src/rules/index.js';

const when = { fact: 'x', operator: 'equal', value: 1 };
const CASES: readonly [rule: Record<string, unknown>, deducts: boolean, awards: boolean, withoutFinding: boolean, fields: string[]][] = [
  [{ kind: 'fixed', points: 1 }, true, false, false, ['count']],
  [{ kind: 'fixed', points: 1, effect: 'award' }, false, true, false, ['count']],
  [{ kind: 'fixed', points: 1, when }, true, false, true, []],
  [{ kind: 'per-occurrence', points: 2 }, true, false, false, ['count']],
  [{ kind: 'per-occurrence', points: { min: 1, max: 3 } }, true, false, false, ['points']],
  [{ kind: 'per-occurrence', points: 2, effect: 'award' }, false, true, false, ['count']],
  [{ kind: 'judgement', max: 5 }, true, false, false, ['points', 'note']],
  [{ kind: 'judgement', max: 5, effect: 'award' }, false, true, false, ['points', 'note']],
  [{ kind: 'threshold', of: { indicator: 'rate' }, min: 90 }, false, false, true, []],
  [{ kind: 'threshold', of: { indicator: 'rate' }, min: 90, effect: 'points', points: 2 }, true, false, true, []],
  [{ kind: 'bonus', points: 0.2 }, false, true, false, ['count']],
  [{ kind: 'bonus', points: 0.2, of: { fact: 'clues' } }, false, true, true, []],
  [{ kind: 'not-applicable', when }, false, false, true, []],
  [{ kind: 'per-shortfall', required: 4, points: 1 }, true, false, true, ['value']],
  [{ kind: 'per-shortfall', required: 4, points: 1, of: { fact: 'held' } }, true, false, true, []],
  [{ kind: 'per-step', target: 90, step: 2, points: 0.5, partial: 'floor' }, true, false, true, ['value']],
  [{ kind: 'by-kind', points: { scheduled: 2 } }, true, false, false, ['count']],
];

describe('the rule-kind contract', () => {
  it.each(CASES)('%j: deducts %s, awards %s, runs without a finding %s, records %j', (input, deducts, awards, withoutFinding, fields) => {
    const rule = RuleSchema.parse(input);
    const kind = ruleKind(rule);
    expect(kind.effect(rule)).toEqual({ deducts, awards });
    expect(kind.runsWithoutFinding(rule)).toBe(withoutFinding);
    expect(kind.findingFields(rule)).toEqual(fields);
  });

  it('covers every kind, and only not-applicable decides whether its item applies', () => {
    expect(new Set(CASES.map(([rule]) => rule.kind))).toEqual(new Set(RULE_KIND_NAMES));
    const deciding = CASES.filter(([input]) => ruleKind(RuleSchema.parse(input)).decidesApplicability === true).map(([rule]) => rule.kind);
    expect(new Set(deciding)).toEqual(new Set(['not-applicable']));
  });
});
