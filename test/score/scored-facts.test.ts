/**
 * The facts `category.<id>` and `item.<id>` (issue 18 item 1): a part's points, deducted, awarded,
 * findings and any, read by vetoes and prerequisites once every rule has run. Absent findings are a
 * definite zero, so "any critical finding ⇒ fail" is false on a clean record, not indeterminate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/diagnostics.js';
import { compileStandard, parseStandard, scoreRecord, type Scorecard, type Scorer } from '../../src/index.js';
import { scoreBothWays } from '../support/both-paths.js';

const STANDARD = `id: scored
version: "1"
name: { en: Scored }
scoring: { mode: deduct, base: 100 }
categories:
  - id: critical
    name: { en: Critical }
    max: 40
    items:
      - { id: pests, name: { en: Pests }, max: 20, rules: [ { kind: per-occurrence, points: 5 } ] }
      - { id: water, name: { en: Water }, max: 20, rules: [ { kind: per-occurrence, points: 10 } ] }
  - id: general
    name: { en: General }
    max: 60
    items:
      - { id: floor, name: { en: Floor }, max: 30, rules: [ { kind: per-occurrence, points: 2 } ] }
      - id: signs
        name: { en: Signs }
        max: 30
        rules: [ { kind: fixed, points: 4, when: { fact: signs_missing, operator: equal, value: true } } ]
      - { id: tidy, name: { en: Tidy }, bonusMax: 3, rules: [ { kind: bonus, points: 1 } ] }
conditions:
  any-critical: { fact: category, path: critical.any, operator: equal, value: true }
outcomes:
  vetoes:
    - { id: critical-found, name: { en: A critical finding }, when: { condition: any-critical } }
  prerequisites:
    - id: general-kept
      name: { en: General at least 50 }
      require: { fact: category, path: general.points, operator: greaterThanInclusive, value: 50 }
`;

function scorers(text = STANDARD): Scorer[] {
  const loaded = parseStandard(text, { file: 'scored.yaml' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return [compileStandard(loaded.standard), compileStandard(loaded.standard, { codegen: false })];
}

function score(record: unknown, text = STANDARD): Scorecard {
  const loaded = parseStandard(text, { file: 'scored.yaml' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return scoreBothWays(loaded.standard, record);
}

const clean = { unit: { id: 'u' }, date: '2024-03-04', facts: { signs_missing: false }, findings: [] };

describe('category and item facts', () => {
  it('a clean record has no critical finding: the veto is definitely false, not indeterminate', () => {
    const card = score(clean);
    expect(card.verdict).toBe('pass');
    expect(card.reasons).toEqual([]);
  });

  it('a critical finding fires the veto; its category facts are what the scorecard shows', () => {
    const card = score({ ...clean, findings: [{ item: 'pests', count: 2 }] });
    expect(card.verdict).toBe('fail');
    expect(card.lines.some((l) => l.type === 'veto')).toBe(true);
    expect(card.categories.find((c) => c.id === 'critical')!.points).toBe(30);
  });

  it('a prerequisite reads a category subtotal: general below 50 is not eligible', () => {
    const card = score({ ...clean, findings: [{ item: 'floor', count: 15 }] });
    expect(card.categories.find((c) => c.id === 'general')!.points).toBe(30);
    expect(card.verdict).toBe('not_eligible');
  });

  it('a part whose points an undecided rule could change is unknown: the condition is indeterminate', () => {
    const card = score({ ...clean, facts: {}, findings: [{ item: 'floor', count: 5 }] });
    expect(card.verdict).toBe('indeterminate');
    expect(card.reasons.some((r) => r.messageId === 'verdict.indeterminate_prerequisite')).toBe(true);
    // Had the missing fact taken its item's maximum (30 of general's 60), general would still be ≥ 50? No: 60 − 10 − 30 = 20.
  });

  it('an undecided rule that cannot change a part (its item already at its floor) leaves the part known', () => {
    const text = STANDARD.replace('max: 30, rules: [ { kind: per-occurrence, points: 2 } ]', 'max: 30, rules: [ { kind: per-occurrence, points: 2 } ]').replace(
      'require: { fact: category, path: general.points',
      'require: { fact: item, path: floor.points',
    ).replace('value: 50 }', 'value: 0 }');
    const card = score({ ...clean, facts: {}, findings: [{ item: 'floor', count: 5 }] }, text);
    // floor is decided (−10, points 20): the prerequisite holds even though signs is undecided.
    expect(card.reasons.some((r) => r.messageId === 'verdict.indeterminate_prerequisite')).toBe(false);
  });

  it('item facts: points, deducted, awarded, findings, any', () => {
    const text = STANDARD.replace(
      'prerequisites:',
      `prerequisites:
    - id: floor-found
      name: { en: Floor facts }
      require:
        all:
          - { fact: item, path: floor.findings, operator: equal, value: 3 }
          - { fact: item, path: floor.deducted, operator: equal, value: 6 }
          - { fact: item, path: floor.points, operator: equal, value: 24 }
          - { fact: item, path: tidy.awarded, operator: equal, value: 3 }
          - { fact: item, path: tidy.points, operator: equal, value: 3 }
          - { fact: item, path: water.any, operator: equal, value: false }
          - { fact: item, path: water.findings, operator: equal, value: 0 }
          - { fact: category, path: general.findings, operator: equal, value: 8 }
          - { fact: category, path: general.deducted, operator: equal, value: 6 }
          - { fact: category, path: general.awarded, operator: equal, value: 3 }`,
    );
    const card = score({ ...clean, findings: [{ item: 'floor', count: 3 }, { item: 'tidy', value: 5, count: 5 }] }, text);
    expect(card.reasons).toEqual([]);
    expect(card.verdict).toBe('pass');
  });

  it("a record's own fact `category` does not replace the scored one in outcomes", () => {
    const card = score({ ...clean, facts: { signs_missing: false, category: { critical: { any: false } } }, findings: [{ item: 'water' }] });
    expect(card.verdict).toBe('fail');
  });

  it('property: with no finding in a category, its findings are 0 and any is false, whatever else the record holds', () => {
    const text = STANDARD.replace(
      'prerequisites:',
      `prerequisites:
    - id: none
      name: { en: No critical }
      require: { all: [ { fact: category, path: critical.findings, operator: equal, value: 0 }, { fact: item, path: pests.any, operator: equal, value: false }, { fact: item, path: pests.points, operator: equal, value: 20 }, { fact: category, path: critical.points, operator: equal, value: 40 } ] }`,
    );
    const [generated, interpreted] = scorers(text);
    const finding = fc.record({ item: fc.constantFrom('floor', 'signs', 'tidy'), count: fc.integer({ min: 1, max: 4 }) }).map((f) => (f.item === 'tidy' ? { ...f, value: 1 } : f));
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 6 }), fc.option(fc.boolean(), { nil: undefined }), (findings, signs) => {
        const record = { unit: { id: 'u' }, date: '2024-03-04', facts: signs === undefined ? {} : { signs_missing: signs }, findings };
        for (const scorer of [generated!, interpreted!]) {
          const result = scoreRecord(scorer, structuredClone(record));
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const about = result.scorecard.reasons.filter((r) => r.rule === 'outcomes.prerequisites[0]' || r.rule === 'outcomes.vetoes[0]');
          expect(about).toEqual([]);
          expect(result.scorecard.lines.some((l) => l.type === 'veto' || l.rule === 'outcomes.prerequisites[0]')).toBe(false);
        }
      }),
      { numRuns: 60, seed: 18 },
    );
  });
});

describe('the standard check', () => {
  const diagnostics = (text: string) => {
    const loaded = parseStandard(text, { file: 'scored.yaml' });
    return loaded.ok ? loaded.warnings : loaded.diagnostics;
  };

  it('a rule may not read category or item facts, directly or through a named condition', () => {
    const direct = diagnostics(STANDARD.replace('when: { fact: signs_missing, operator: equal, value: true }', 'when: { fact: item, path: floor.any, operator: equal, value: true }'));
    expect(direct.map((d) => [d.code, formatPath(d.path)])).toContainEqual(['scored_fact_in_rule', 'categories[1].items[1].rules[0].when']);
    const named = diagnostics(STANDARD.replace('when: { fact: signs_missing, operator: equal, value: true }', 'when: { condition: any-critical }'));
    expect(named.map((d) => d.code)).toContain('scored_fact_in_rule');
  });

  it('names an unknown category, item or field, with did-you-mean', () => {
    const unknown = diagnostics(STANDARD.replace('path: general.points', 'path: genral.points'));
    expect(unknown.map((d) => [d.code, formatPath(d.path)])).toContainEqual(['unknown_reference', 'outcomes.prerequisites[0].require.path']);
    const field = diagnostics(STANDARD.replace('path: general.points', 'path: general.point'));
    expect(field.some((d) => d.code === 'unknown_reference')).toBe(true);
  });
});
