/**
 * Exact arithmetic and vetoes (issue 14, items 2–6): a veto on a category fires for its items'
 * findings; indicators are compared as written; points the arithmetic cannot hold are refused with
 * their own code (too fine: too_precise; too large: out_of_range in a standard, quantity_too_large
 * in a record); a step of 1e-11 is refused at check; results past 2^53 are refused, never wrong.
 */
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/diagnostics.js';
import { compileStandard, parseStandard, scoreRecord, type InspectionRecordInput, type ScoreResult, type Scorecard } from '../../src/index.js';
import { InspectionRecordSchema } from '../../src/record-schema.js';
import { validateRecord } from '../../src/records/validate.js';
import { problemsOf } from '../support/problems.js';

const STANDARD = (mode: 'deduct' | 'accumulate') => `
id: exact
version: "1"
name: { en: Exact }
scoring: { mode: ${mode} }
indicators:
  - { id: rate, name: { en: Rate }, unit: percent }
categories:
  - id: c
    name: { en: C }
    max: 100
    items:
      - id: each
        name: { en: two points each }
        max: 50
        rules: [ { kind: per-occurrence, points: 2 } ]
      - id: chosen
        name: { en: one to three points }
        max: 3
        rules: [ { kind: per-occurrence, points: { min: 1, max: 3 } } ]
      - id: rated
        name: { en: "a rate of at least 90, 1 point per started 2 below" }
        max: 47
        rules:
          - { kind: threshold, of: { indicator: rate }, min: 90 }
          - { kind: per-step, of: { indicator: rate }, target: 90, step: 2, partial: ceil, points: 1 }
  - id: capped
    name: { en: a rate of at most 90 }
    items:
      - id: ceiling
        name: { en: at most 90 }
        rules: [ { kind: threshold, of: { indicator: rate }, max: 90 } ]
      - id: summed
        name: { en: "1 point per started 0.1 the findings' values fall below 0.8" }
        max: 5
        rules: [ { kind: per-step, target: 0.8, step: 0.1, partial: ceil, points: 1 } ]
outcomes:
  vetoes:
    - { id: category-veto, name: { en: anything in C }, item: c }
`;

function scorerOf(text: string) {
  const loaded = parseStandard(text, { file: 'exact.yaml' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return compileStandard(loaded.standard);
}
const deduct = scorerOf(STANDARD('deduct'));
const accumulate = scorerOf(STANDARD('accumulate'));

function score(record: Partial<InspectionRecordInput>, scorer = deduct): ScoreResult {
  return scoreRecord(scorer, InspectionRecordSchema.parse({ unit: { id: 'u' }, date: '2024-03-04', ...record }));
}
function card(record: Partial<InspectionRecordInput>, scorer = deduct): Scorecard {
  const result = score(record, scorer);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.scorecard;
}
const unmet = (c: Scorecard) => c.lines.filter((l) => l.type === 'threshold_unmet').map((l) => l.item);

describe('a veto naming a category (item 2)', () => {
  it('fires for a finding on an item of the category', () => {
    const c = card({ findings: [{ item: 'each' }], indicators: { rate: 90 } });
    expect(c.lines.filter((l) => l.type === 'veto').map((l) => l.rule)).toEqual(['outcomes.vetoes[0]']);
    expect(c.verdict).toBe('fail');
  });

  it('fires for a finding naming the category itself, and not without a finding in it', () => {
    const vetoed = (c: Scorecard) => c.lines.some((l) => l.type === 'veto');
    expect(vetoed(card({ findings: [{ item: 'c' }], indicators: { rate: 90 } }))).toBe(true);
    expect(vetoed(card({ findings: [{ item: 'summed', value: 1 }], indicators: { rate: 90 } }))).toBe(false);
  });
});

describe('indicators compared as written (item 3)', () => {
  it('a value a hair below min does not meet it, whatever rounding would say', () => {
    for (const rate of [89.99999, 89.999951, 89.99999999]) expect(unmet(card({ indicators: { rate } })), String(rate)).toEqual(['rated']);
    expect(unmet(card({ indicators: { rate: 90 } }))).toEqual([]);
  });

  it('a value a hair above max does not meet it, and the reason shows the value as written', () => {
    const c = card({ indicators: { rate: 90.00001 } });
    expect(unmet(c)).toEqual(['ceiling']);
    expect(c.lines.find((l) => l.item === 'ceiling')!.actual).toBe('90.00001');
    expect(unmet(card({ indicators: { rate: 89.99999 } }))).toEqual(['rated']);
  });

  it('a started step counts from the value as written: 4.00001 below in steps of 2 is 3 steps with ceil', () => {
    const c = card({ indicators: { rate: 85.99999 } });
    expect(c.lines.find((l) => l.type === 'deduction' && l.item === 'rated')!.points).toBe(-3);
  });

  it("findings' values are summed exactly: 0.7 + 0.1 is 0.8, not 0.7999999999999999 (a started step below)", () => {
    const c = card({ findings: [{ item: 'summed', value: 0.7 }, { item: 'summed', value: 0.1 }], indicators: { rate: 90 } });
    expect(c.lines.filter((l) => l.item === 'summed')).toEqual([]);
    const below = card({ findings: [{ item: 'summed', value: 0.7 }, { item: 'summed', value: 0.09999 }], indicators: { rate: 90 } });
    expect(below.lines.filter((l) => l.item === 'summed').map((l) => l.points)).toEqual([-1]);
  });

  it('a ratio is compared exactly, however large its terms', () => {
    // 8999999999999 / 10^11 as a percent is 89.99999999999 %: below 90.
    expect(unmet(card({ indicators: { rate: { numerator: 8_999_999_999_999, denominator: 10_000_000_000_000 } } }))).toEqual(['rated']);
    expect(unmet(card({ indicators: { rate: { numerator: 9_000_000_000_000, denominator: 10_000_000_000_000 } } }))).toEqual([]);
  });
});

/** The diagnostics `check` gives for a standard whose one rule is `rule`. */
function checkRule(rule: string): { code: string; path: string; line: number; message: string }[] {
  const text = `id: d\nversion: "1"\nname: { en: D }\nscoring: { mode: deduct }\ncategories:\n  - id: c\n    name: { en: C }\n    items:\n      - id: i\n        name: { en: I }\n        rules:\n          - ${rule}\n`;
  const loaded = parseStandard(text, { file: 'd.yaml' });
  return loaded.ok ? [] : loaded.diagnostics.map((d) => ({ code: d.code, path: d.path.join('.'), line: d.line, message: d.message }));
}

describe('points the exact arithmetic cannot hold (item 4)', () => {
  it('in a standard: finer than 0.0001 is too_precise, naming the resolution, at its line', () => {
    for (const points of ['1e-20', '1e-11', '500000.00004', '0.00001']) {
      const found = checkRule(`{ kind: fixed, points: ${points} }`);
      expect(found.map((d) => [d.code, d.path, d.line]), points).toEqual([['too_precise', 'categories.0.items.0.rules.0.points', 12]]);
      expect(found[0]!.message).toContain('0.0001');
    }
  });

  it('in a standard: 1e308 is out_of_range, not too_precise', () => {
    const found = checkRule('{ kind: fixed, points: 1e308 }');
    expect(found.map((d) => d.code)).toEqual(['out_of_range']);
    expect(found[0]!.message).toContain('100000000000');
  });

  it('a negative point value is reported once, as out of range', () => {
    expect(checkRule('{ kind: fixed, points: -0.00001 }').map((d) => d.code)).toEqual(['out_of_range']);
  });

  it('in a record: points 1.00001 on a 1–3 range is too_precise on its field, not "outside the range"', () => {
    const raw = { unit: { id: 'u' }, date: '2024-03-04', findings: [{ item: 'chosen', points: 1.00001 }] };
    const result = validateRecord(raw, { file: 'r.json', line: 1, index: 0 }, 'en');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => [d.code, formatPath(d.path)])).toEqual([['too_precise', 'findings[0].points']]);
    expect(result.diagnostics[0]!.message).toContain('0.0001');
    // Through the API on a record that skipped the schema: the rule says the same.
    const api = scoreRecord(deduct, { unit: { id: 'u' }, date: '2024-03-04', findings: [{ item: 'chosen', points: 1.00001 }] });
    expect(api.ok ? [] : problemsOf(api).map((p) => [p.field, p.message.messageId])).toEqual([['findings[0].points', 'record.too_precise']]);
  });

  it('in a record: points 1e308 is quantity_too_large, 4 on a 1–3 range still outside the range', () => {
    const at = (points: number) => {
      const result = validateRecord({ unit: { id: 'u' }, date: '2024-03-04', findings: [{ item: 'chosen', points }] }, { file: 'r.json', line: 1, index: 0 }, 'en');
      return result.ok ? [] : result.diagnostics.map((d) => d.code);
    };
    expect(at(1e308)).toEqual(['quantity_too_large']);
    expect(score({ findings: [{ item: 'chosen', points: 4 }] }).ok).toBe(false);
  });
});

describe('results past 2^53 (item 5)', () => {
  const tooLarge = (result: ScoreResult) => (result.ok ? [] : problemsOf(result).map((p) => [p.field, p.message.messageId]));

  it('count 4503599627370497 × 2 points is refused on its count, not totalled 49.152', () => {
    const findings = [{ item: 'each', count: 4_503_599_627_370_497 }];
    expect(tooLarge(score({ findings, indicators: { rate: 90 } }))).toEqual([['findings[0].count', 'record.quantity_too_large']]);
    expect(tooLarge(score({ findings, indicators: { rate: 90 } }, accumulate))).toEqual([['findings[0].count', 'record.quantity_too_large']]);
  });

  it('a huge negative indicator under a per-step rule is refused on the indicator', () => {
    expect(tooLarge(score({ indicators: { rate: -1e300 } }))).toEqual([['indicators.rate', 'record.quantity_too_large']]);
  });

  it('a count whose points stay within the exact range is scored exactly', () => {
    const c = card({ findings: [{ item: 'each', count: 50_000_000_000 }], indicators: { rate: 90 } }, accumulate);
    expect(c.lines.filter((l) => l.item === 'each').map((l) => l.points)).toEqual([100_000_000_000, -99_999_999_950]);
    expect(c.total).toBe(50);
  });

  it('an indicator numerator above 10^13 is refused by the record schema', () => {
    const raw = { unit: { id: 'u' }, date: '2024-03-04', indicators: { rate: { numerator: 2 ** 52, denominator: 3 } } };
    const result = validateRecord(raw, { file: 'r.json', line: 1, index: 0 }, 'zh-CN');
    expect(result.ok ? [] : result.diagnostics.map((d) => [d.code, formatPath(d.path)])).toEqual([['quantity_too_large', 'indicators.rate.numerator']]);
  });
});

describe('a step below the resolution (item 6)', () => {
  it('step: 1e-11 is refused at check, with its position', () => {
    const found = checkRule('{ kind: per-step, target: 90, step: 1e-11, points: 1, partial: floor }');
    expect(found.map((d) => [d.code, d.path])).toEqual([['too_precise', 'categories.0.items.0.rules.0.step']]);
  });

  it('a standard that skipped validation fails at compile, never while scoring', () => {
    const loaded = parseStandard(STANDARD('deduct'));
    if (!loaded.ok) throw new Error('the standard loads');
    const rule = loaded.standard.categories[0]!.items[2]!.rules[1] as { step: number };
    rule.step = 1e-11;
    expect(() => compileStandard(loaded.standard)).toThrow(/not an exact point value/);
  });
});
