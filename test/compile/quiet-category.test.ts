// The generated code skips a category no finding names when nothing in it runs without a finding (its limit
// would take, give and leave nothing). Both paths must still agree on every card, with the skipped category's
// facts (`category.<id>`, `item.<id>`) read by vetoes and prerequisites after it, beside categories scored
// around it, and with one of its items run by a condition (then it is not skipped).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileStandard, parseStandard, scoreRecord, type Scorer, type Standard } from '../../src/index.js';

function standard(alwaysRun: boolean, categoryRule: boolean): Standard {
  const quietItem = alwaysRun
    ? '{ id: b2, name: { en: B2 }, max: 5, rules: [ { kind: fixed, points: 3, when: { fact: late, operator: equal, value: true } } ] }'
    : '{ id: b2, name: { en: B2 }, max: 5, rules: [ { kind: per-occurrence, points: 3 } ] }';
  const bRule = categoryRule ? ', rules: [ { kind: fixed, points: 1 } ]' : '';
  const text = `{ id: quiet, version: "1", name: { en: Quiet }, scoring: { mode: deduct, base: 100 },
  categories: [
    { id: a, name: { en: A }, max: 30, items: [ { id: a1, name: { en: A1 }, max: 10, rules: [ { kind: per-occurrence, points: 4 } ] } ] },
    { id: b, name: { en: B }, max: 6, bonusMax: 1${bRule}, items: [
      { id: b1, name: { en: B1 }, max: 4, rules: [ { kind: per-occurrence, points: 2 } ] },
      ${quietItem},
      { id: b3, name: { en: B3 }, rules: [] } ] },
    { id: c, name: { en: C }, items: [
      { id: c1, name: { en: C1 }, rules: [ { kind: fixed, points: null } ] },
      { id: c2, name: { en: C2 }, bonusMax: 2, rules: [ { kind: bonus, points: 1 } ] } ] } ],
  outcomes: {
    vetoes: [ { id: b-low, name: { en: B low }, when: { fact: category, path: b.points, operator: lessThan, value: 3 } } ],
    prerequisites: [ { id: b1-clean, name: { en: B1 clean }, require: { fact: item, path: b1.deducted, operator: equal, value: 0 } } ] } }
`;
  const loaded = parseStandard(text, { file: 'quiet.yaml' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.standard;
}

// Each standard compiled once, both ways (the property scores many records under each).
const scorers = new Map<string, [Scorer, Scorer]>();
function bothWays(alwaysRun: boolean, categoryRule: boolean): [Scorer, Scorer] {
  const key = `${alwaysRun} ${categoryRule}`;
  let pair = scorers.get(key);
  if (pair === undefined) {
    const s = standard(alwaysRun, categoryRule);
    pair = [compileStandard(s), compileStandard(s, { codegen: false })];
    expect(pair[0].generated).toBeDefined();
    scorers.set(key, pair);
  }
  return pair;
}

describe('a category no finding names, skipped by the generated code', () => {
  it('is skipped only when nothing in it runs without a finding', () => {
    const quiet = compileStandard(standard(false, true)).source!;
    const loud = compileStandard(standard(true, true)).source!;
    // Category b has rules of its own: its list of findings (every finding of its items and its own) says whether it is named.
    expect(quiet).toMatch(/if \(c\d+ !== undefined\) \{\n {2}\/\/ category 1\n/);
    expect(loud).toMatch(/\n {2}\/\/ category 1\n/);
    expect(loud).not.toMatch(/if \(c\d+ !== undefined\) \{\n {2}\/\/ category 1\n/);
  });

  it('scores as the interpreter does', () => {
    const item = fc.constantFrom('a1', 'b1', 'b2', 'b3', 'b', 'c1', 'c2');
    const record = fc.record({
      findings: fc.array(fc.record({ item, count: fc.integer({ min: 1, max: 3 }) }), { maxLength: 4 }),
      late: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), record, (alwaysRun, categoryRule, r) => {
        const [generated, interpreted] = bothWays(alwaysRun, categoryRule);
        const input = { unit: { id: 'u' }, date: '2024-03-04', ...(r.late !== undefined ? { facts: { late: r.late } } : {}), findings: r.findings };
        const a = scoreRecord(generated, structuredClone(input));
        const b = scoreRecord(interpreted, structuredClone(input));
        expect(a).toStrictEqual(b);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 300 },
    );
  });
});
