/**
 * A category's own rules see its items' findings, so a finding's points are checked against the range
 * of those rules too (found by the fuzz harness: a category judgement of at most 0.25 deducted 4).
 */
import { describe, expect, it } from 'vitest';
import { compileStandard, parseStandard, scoreRecord } from '../../src/index.js';
import { problemsOf } from '../support/problems.js';

/** A category `area` with `categoryRules`, holding one item `floor` with `itemRules`. */
function scorerWith(categoryRules: string, itemRules = '[]') {
  const loaded = parseStandard(`
id: demo
version: "1"
name: { en: Demo }
scoring: { mode: deduct }
categories:
  - id: area
    name: { en: Area }
    max: 5
    rules: ${categoryRules}
    items:
      - { id: floor, name: { en: Floor }, max: 5, rules: ${itemRules} }
`);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return compileStandard(loaded.standard);
}

describe("a finding's points on a category rule's range", () => {
  it.each([
    ['a judgement', '[{ kind: judgement, max: 0.25 }]', { min: 0, max: 0.25 }],
    ['an award judgement', '[{ kind: judgement, max: 0.25, effect: award }]', { min: 0, max: 0.25 }],
    ['a ranged per-occurrence', '[{ kind: per-occurrence, points: { min: 1, max: 2 } }]', { min: 1, max: 2 }],
  ])('rejects points outside %s on the category, for a finding on its item', (_, rules, range) => {
    const result = scoreRecord(scorerWith(rules), { unit: { id: 'u' }, date: '2024-01-01', findings: [{ item: 'floor', points: 4 }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(problemsOf(result)).toEqual([{ field: 'findings[0].points', message: { messageId: 'record.points_out_of_range', data: { points: 4, ...range } } }]);
  });

  it('asks once for what the item and its category both require (a note)', () => {
    const judgement = '[{ kind: judgement, max: 3 }]';
    const result = scoreRecord(scorerWith(judgement, judgement), { unit: { id: 'u' }, date: '2024-01-01', findings: [{ item: 'floor', points: 2 }] });
    expect(!result.ok && problemsOf(result)).toEqual([{ field: 'findings[0].note', message: { messageId: 'record.note_required' } }]);
  });

  it('scores points inside the range', () => {
    const result = scoreRecord(scorerWith('[{ kind: judgement, max: 3 }]'), { unit: { id: 'u' }, date: '2024-01-01', findings: [{ item: 'floor', points: 2, note: 'dusty' }] });
    expect(result.ok && result.scorecard.total).toBe(3);
  });
});
