// A record without findings, under a standard where nothing runs without one and the outcome decides nothing
// (Scorer.blank), gets the base's card straight from the standard (outcome.ts's blankCard), without a run.
// The card must be the general path's, key for key: a property over generated standards and records, against
// the same scorer with the shortcut off; and each condition of `blank` is needed (forced on, the card differs).
import fc from 'fast-check';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileStandard, parseStandard, scoreRecord, type Scorer, type Standard } from '../../src/index.js';
import { schemaStandard, SHIPPED, validRecord, vocabularyOf } from '../fuzz/arbitraries.js';

function load(text: string): Standard | undefined {
  const loaded = parseStandard(text, { file: 'blank.yaml' });
  return loaded.ok ? loaded.standard : undefined;
}

/** The same scorer with the shortcut off (or forced on): every record goes the general way. */
const withBlank = (scorer: Scorer, blank: boolean): Scorer => ({ ...scorer, blank });

function expectGeneral(scorer: Scorer, record: unknown): void {
  const shortcut = scoreRecord(scorer, structuredClone(record));
  const general = scoreRecord(withBlank(scorer, false), structuredClone(record));
  expect(shortcut).toStrictEqual(general);
  expect(JSON.stringify(shortcut)).toBe(JSON.stringify(general));
}

describe('the card of a record without findings (Scorer.blank)', () => {
  it('is the general path’s card: generated standards (outcomes kept or dropped) × records without findings', () => {
    const standard = fc.tuple(schemaStandard, fc.boolean()).map(([text, keep]) => {
      if (keep) return text;
      // Without outcomes, the total's cap and floor, and rules that run on facts alone, most generated standards qualify.
      type Scope = { rules?: { kind?: string; of?: unknown; when?: unknown }[] };
      const tree = parseYaml(text) as { outcomes?: unknown; scoring?: { max?: unknown; min?: unknown }; categories?: (Scope & { items?: Scope[] })[] };
      delete tree.outcomes;
      if (tree.scoring !== undefined) delete tree.scoring.max, delete tree.scoring.min;
      const findingsOnly = (scope: Scope) => {
        scope.rules = scope.rules?.filter((r) => ['per-occurrence', 'judgement', 'by-kind'].includes(r.kind!) || (r.kind === 'fixed' && r.when === undefined) || (r.kind === 'bonus' && r.of === undefined));
      };
      for (const c of tree.categories ?? []) [c, ...(c.items ?? [])].forEach(findingsOnly);
      return stringifyYaml(tree);
    });
    let blank = 0;
    let general = 0;
    fc.assert(
      fc.property(
        standard.chain((text) => fc.tuple(fc.constant(text), fc.array(validRecord(vocabularyOf(text)), { minLength: 1, maxLength: 6 }))),
        ([text, records]) => {
          const s = load(text);
          if (s === undefined) return;
          for (const scorer of [compileStandard(s), compileStandard(s, { codegen: false })]) {
            for (const record of records) {
              expectGeneral(scorer, { ...record, findings: [] });
              // An unknown kind or level is still refused, with the general path's problems.
              expectGeneral(scorer, { ...record, findings: [], kind: 'no-such-kind' });
              expectGeneral(scorer, record);
              if (scorer.blank) blank++;
              else general++;
            }
          }
        },
      ),
      { numRuns: 60, seed: 6 },
    );
    expect(blank).toBeGreaterThan(50);
    expect(general).toBeGreaterThan(50);
  });

  it('is taken by the school standard, and not by the 2013 form (items scored on facts alone)', () => {
    const school = compileStandard(load(SHIPPED.get('school-hygiene.yaml')!)!);
    expect(school.blank).toBe(true);
    expect(compileStandard(load(SHIPPED.get('hygiene-supervision-2013.yaml')!)!).blank).toBe(false);
    expectGeneral(school, { unit: { id: 'g1-3' }, date: '2024-03-04', kind: 'event', level: 'city', findings: [] });
    expectGeneral(school, { id: 'r1', unit: { id: 'g1-3' }, date: '2024-03-04', kind: 'random', inspector: '学生会', findings: [] });
  });

  // Each of these makes a record without findings score something other than the base and a pass.
  const header = 'id: b\nversion: "1"\nname: { en: B }\n';
  const categories = (extra = '') => `categories:\n  - id: c\n    name: { en: C }\n    max: 10\n    items:\n      - { id: i, name: { en: I }, max: 5, rules: [ { kind: per-occurrence, points: 2 }${extra} ] }\n`;
  const outcomes: Record<string, string> = {
    'a prerequisite': 'outcomes:\n  prerequisites: [ { id: p, name: { en: P }, require: { fact: open, operator: equal, value: true } } ]\n',
    'a veto': 'outcomes:\n  vetoes: [ { id: v, name: { en: V }, when: { fact: closed, operator: equal, value: true } } ]\n',
    'a band': 'outcomes:\n  bands: [ { id: good, name: { en: Good }, min: 50 }, { id: poor, name: { en: Poor }, below: 50 } ]\n',
    'a dimension': 'outcomes:\n  dimensions: [ { id: d, name: { en: D }, bands: [ { id: all, name: { en: All }, min: 0 } ] } ]\n',
    'a derived outcome': 'outcomes:\n  derived: [ { id: n, name: { en: N }, count: { categories: { min: 0 } }, tiers: [ { id: one, name: { en: One }, min: 1 } ] } ]\n',
  };
  const cases: [string, string][] = [
    ...Object.entries(outcomes).map(([what, text]): [string, string] => [what, `${header}scoring: { mode: deduct, base: 100 }\n${categories()}${text}`]),
    ['an item scored on a fact alone', `${header}scoring: { mode: deduct, base: 100 }\n${categories(', { kind: fixed, points: 1, when: { fact: late, operator: equal, value: true } }')}`],
    ['a base over the total’s cap', `${header}scoring: { mode: deduct, base: 100, max: 90 }\n${categories()}`],
    ['a base under the total’s floor', `${header}scoring: { mode: deduct, base: 100, min: 110 }\n${categories()}`],
  ];
  it.each(cases)('is not taken with %s (forced, the card would differ)', (_, text) => {
    const standard = load(text);
    expect(standard, text).toBeDefined();
    const scorer = compileStandard(standard!);
    expect(scorer.blank).toBe(false);
    const record = { unit: { id: 'u' }, date: '2024-03-04', findings: [], facts: { late: true } };
    const general = scoreRecord(scorer, structuredClone(record));
    expect(general.ok).toBe(true);
    expect(scoreRecord(withBlank(scorer, true), structuredClone(record))).not.toStrictEqual(general);
  });

  it('is taken without those (the same standard, bare)', () => {
    const scorer = compileStandard(load(`${header}scoring: { mode: deduct, base: 100, max: 100, min: 0 }\n${categories()}`)!);
    expect(scorer.blank).toBe(true);
    expectGeneral(scorer, { unit: { id: 'u' }, date: '2024-03-04', findings: [], facts: { late: true } });
  });
});
