/**
 * Invariants of scoring, checked with fast-check on a standard that exercises caps, floors, bonus
 * caps and ranges: item points stay in [0, max]; total = Σ category subtotals; Σ lines = total − base;
 * the order of findings changes nothing; in deduct mode another deduction never raises the total.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileStandard, parseStandard, scoreRecord, type Finding, type Scorecard } from '../../src/index.js';
import { toPoints } from '../../src/points.js';

const STANDARD = `
id: properties
version: "1"
name: { en: Property standard }
scoring: { mode: deduct }
categories:
  - id: a
    name: { en: A }
    max: 8
    bonusMax: 2
    items:
      - id: a1
        name: { en: per occurrence with a cap }
        max: 4
        rules: [ { kind: per-occurrence, points: 1.5, cap: 5 } ]
      - id: a2
        name: { en: inspector range }
        max: 6
        bonusMax: 3
        rules:
          - { kind: per-occurrence, points: { min: 0.1, max: 2.5 } }
          - { kind: bonus, points: 0.7, above: 1, cap: 4 }
  - id: b
    name: { en: B }
    max: 4
    items:
      - id: b1
        name: { en: fixed }
        max: 0.5
        rules: [ { kind: fixed, points: 0.5 } ]
      - id: b2
        name: { en: judgement }
        max: 4.5
        rules: [ { kind: judgement, max: 3 } ]
`;

const loaded = parseStandard(STANDARD);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
const scorer = compileStandard(loaded.standard);
const MAX: Record<string, number> = { a1: 4, a2: 6, b1: 0.5, b2: 4.5 };

const decimal = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((n) => n / 10);
const finding: fc.Arbitrary<Finding> = fc.oneof(
  fc.record({ item: fc.constant('a1'), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ item: fc.constant('a2'), count: fc.integer({ min: 1, max: 3 }), points: decimal(0.1, 2.5), value: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ item: fc.constant('b1') }),
  fc.record({ item: fc.constant('b2'), points: decimal(0, 3), note: fc.constant('酌情') }),
);
const findings = fc.array(finding, { maxLength: 12 });

function score(list: Finding[]): Scorecard {
  const result = scoreRecord(scorer, { unit: { id: 'u' }, date: '2024-01-01', findings: list });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.scorecard;
}

const exact = (n: number) => toPoints(n)!;

// Every cap and floor of the standard above binds on some generated records (so the invariants below
// are tested where they are hardest to keep): a1's rule cap 5 and floor 4, a2's bonus rule cap 4 and
// item bonus cap 3, category A's 8 and bonus 2, category B's 4.
describe('the generator', () => {
  it('reaches every cap and floor', () => {
    const seen = new Set<string>();
    for (const list of fc.sample(findings, { seed: 42, numRuns: 2000 })) {
      for (const line of score(list).lines) if (line.type === 'capped') seen.add(line.reason.messageId);
    }
    expect([...seen].sort()).toEqual(['line.cap_category_bonus', 'line.cap_item_bonus', 'line.cap_rule', 'line.cap_rule_award', 'line.floor_category', 'line.floor_item']);
  });
});

describe('scoring invariants', () => {
  it("keeps every item's deductions within [0, max] (扣完为止)", () => {
    fc.assert(
      fc.property(findings, (list) => {
        const card = score(list);
        for (const [item, max] of Object.entries(MAX)) {
          const deducted = card.lines
            .filter((l) => l.item === item && (l.type === 'deduction' || (l.type === 'capped' && l.points > 0)))
            .reduce((s, l) => s - exact(l.points), 0);
          expect(deducted).toBeGreaterThanOrEqual(0);
          expect(deducted).toBeLessThanOrEqual(exact(max));
        }
      }),
      { seed: 20261123, numRuns: 500 },
    );
  });

  it('makes the total the sum of the category subtotals, and Σ lines = total − base, exactly', () => {
    fc.assert(
      fc.property(findings, (list) => {
        const card = score(list);
        const categories = card.categories.reduce((s, c) => s + exact(c.points), 0);
        const lines = card.lines.reduce((s, l) => s + exact(l.points), 0);
        expect(exact(card.total)).toBe(categories);
        expect(lines).toBe(exact(card.total) - exact(card.base));
      }),
      { seed: 20261124, numRuns: 500 },
    );
  });

  it('gives the same total, verdict and line multiset whatever the order of findings', () => {
    fc.assert(
      fc.property(findings.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))), ([list, shuffled]) => {
        const a = score(list);
        const b = score(shuffled);
        expect(b.total).toBe(a.total);
        expect(b.verdict).toBe(a.verdict);
        const key = (c: Scorecard) => c.lines.map((l) => `${l.item}|${l.type}`).sort();
        const sums = (c: Scorecard) => {
          const m = new Map<string, number>();
          for (const l of c.lines) m.set(`${l.item}|${l.type}`, (m.get(`${l.item}|${l.type}`) ?? 0) + exact(l.points));
          return [...m.entries()].sort();
        };
        expect(key(b)).toEqual(key(a));
        expect(sums(b)).toEqual(sums(a));
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });

  it('never raises the total when one more deduction finding is added (deduct mode)', () => {
    const deductionOnly = finding.filter((f) => f.item !== 'a2' || f.value === undefined || f.value <= 1);
    fc.assert(
      fc.property(findings, deductionOnly, (list, extra) => {
        const before = score(list);
        const after = score([...list, { ...extra, ...(extra.item === 'a2' ? { value: 0 } : {}) }]);
        expect(exact(after.total)).toBeLessThanOrEqual(exact(before.total));
      }),
      { seed: 20261126, numRuns: 500 },
    );
  });

  it('sums fifty 0.1-point deductions to exactly 5', () => {
    const card = score(Array.from({ length: 50 }, () => ({ item: 'a2', points: 0.1 })));
    const a2 = card.lines.filter((l) => l.item === 'a2' && l.type === 'deduction').reduce((s, l) => s + exact(l.points), 0);
    expect(a2).toBe(-exact(5));
    expect(card.total).toBe(7); // a2 loses 5 of its 6: the base is 8 + 4 = 12, and 12 − 5 = 7
  });
});
