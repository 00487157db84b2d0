/**
 * Composites and stages combined from period results: exact contributions, a missing part never a zero,
 * the final by the declared rule, the margin flag exact. Property tests drive both with arbitrary results.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UnitPeriodResult } from '../../src/aggregate/aggregate.js';
import { combineParts, combineStages, contributionOf } from '../../src/assess/combine.js';
import type { Composite, Stages } from '../../src/assess/schema.js';
import { pointsToNumber, roundPoints } from '../../src/points.js';

const period = { key: '2024', unit: 'year' as const, start: '2024-01-01', end: '2024-12-31' };

/** A unit's period result with only what combining reads. */
function result(unit: string, score: number | null, unscored?: 'no_inspection' | 'indeterminate' | 'too_large'): UnitPeriodResult {
  return {
    unit: { id: unit },
    period,
    inspections: score === null && unscored === 'no_inspection' || (score === null && unscored === undefined) ? 0 : 1,
    score,
    vetoes: 0,
    deductions: 0,
    verdicts: { pass: 0, fail: 0, indeterminate: 0, not_eligible: 0 },
    shortfalls: [],
    latest: null,
    lines: [],
    ...(score === null ? { unscored: unscored ?? 'no_inspection' } : {}),
  };
}

function composite(parts: { id: string; weight: number; best: number; worst: number }[], bands: Composite['bands'] = []): Composite {
  return {
    assess: 'composite',
    id: 'c',
    name: { en: 'C' },
    assumptions: [],
    total: pointsToNumber(parts.reduce((s, p) => s + roundPoints(p.weight), 0)),
    parts: parts.map((p) => ({ ...p, name: { en: p.id }, standard: `${p.id}.yaml` })),
    bands,
  };
}

function stages(final: 'last' | 'weighted', weights: number[] = [], margin?: number): Stages {
  return {
    assess: 'stages',
    id: 's',
    name: { en: 'S' },
    assumptions: [],
    standard: 's.yaml',
    final,
    ...(margin !== undefined ? { margin } : {}),
    stages: ['self', 'review', 'final'].map((id, i) => ({ id, name: { en: id }, kinds: [id], ...(weights[i] !== undefined ? { weight: weights[i] } : {}) })),
  };
}

describe('contributionOf', () => {
  it('is weight × (result − worst) / (best − worst), rounded once to 0.0001, either way round', () => {
    expect(pointsToNumber(contributionOf(roundPoints(98), roundPoints(100), 0, roundPoints(60)))).toBe(58.8);
    // fewer spots is better: 0 earns all, 4 nothing; 1/3 of a spot (0.3333) earns 40 × 3.6667 / 4
    expect(pointsToNumber(contributionOf(roundPoints(0.3333), 0, roundPoints(4), roundPoints(40)))).toBe(36.667);
    // 2/3 of 10 = 6.66666… → 6.6667 (half away from zero)
    expect(pointsToNumber(contributionOf(roundPoints(2), roundPoints(3), 0, roundPoints(10)))).toBe(6.6667);
  });

  it('holds a result beyond either end within 0 and the weight', () => {
    expect(contributionOf(roundPoints(105), roundPoints(100), 0, roundPoints(60))).toBe(roundPoints(60));
    expect(contributionOf(roundPoints(9), 0, roundPoints(4), roundPoints(40))).toBe(0);
  });
});

describe('combineParts', () => {
  const c = composite(
    [
      { id: 'a', weight: 60, best: 100, worst: 0 },
      { id: 'b', weight: 40, best: 0, worst: 4 },
    ],
    [
      { id: 'good', name: { en: 'good' }, min: 85 },
      { id: 'low', name: { en: 'low' }, min: 0 },
    ],
  );

  it('explains the total line by line: part, result, weight, contribution; the band of the total', () => {
    const [r] = combineParts(c, new Map([['a', [result('u', 98)]], ['b', [result('u', 0.5)]]]));
    expect(r!.total).toBe(93.8);
    expect(r!.band?.id).toBe('good');
    expect(r!.lines.map((l) => [l.part, l.result, l.weight, l.contribution])).toEqual([
      ['a', 98, 60, 58.8],
      ['b', 0.5, 40, 35],
    ]);
  });

  it('a part not inspected, or indeterminate, makes the composite indeterminate: no total, no band, the part named', () => {
    const [missing, unknown] = combineParts(
      c,
      new Map([
        ['a', [result('u', 98), result('v', 98)]],
        ['b', [result('v', null, 'indeterminate')]],
      ]),
    );
    expect(missing).toMatchObject({ total: null, band: null, missing: ['b'] });
    expect(missing!.lines[1]).toMatchObject({ result: null, contribution: null, missing: 'no_inspection' });
    expect(unknown).toMatchObject({ total: null, missing: ['b'] });
    expect(unknown!.lines[1]!.missing).toBe('indeterminate');
    // A part whose period score was refused as beyond the exact range was inspected: undecided, and says why.
    const [, refused] = combineParts(c, new Map([['a', [result('u', 98), result('v', 98)]], ['b', [result('v', null, 'too_large')]]]));
    expect(refused).toMatchObject({ total: null, band: null, missing: ['b'] });
    expect(refused!.lines[1]!.missing).toBe('too_large');
  });

  const decimal = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 100);

  it('property: the lines add up to the total exactly, each within 0 and its weight, and full marks give the declared total', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 10_000 }).map((n) => n / 100), decimal, decimal, decimal), { minLength: 1, maxLength: 6 }), (spec) => {
        const parts = spec.filter(([, best, worst]) => best !== worst).map(([weight, best, worst], i) => ({ id: `p${i}`, weight, best, worst }));
        fc.pre(parts.length > 0);
        const comp = composite(parts);
        const results = new Map(spec.filter(([, b, w]) => b !== w).map(([, , , value], i) => [`p${i}`, [result('u', value)]] as const));
        const [r] = combineParts(comp, results);
        const sum = r!.lines.reduce((s, l) => s + roundPoints(l.contribution!), 0);
        expect(roundPoints(r!.total!)).toBe(sum);
        for (const l of r!.lines) expect(l.contribution! >= 0 && roundPoints(l.contribution!) <= roundPoints(l.weight)).toBe(true);
        const full = combineParts(comp, new Map(parts.map((p) => [p.id, [result('u', p.best)]] as const)));
        expect(full[0]!.total).toBe(comp.total);
      }),
    );
  });

  it('property: a missing part is never treated as zero, even where zero is the worst a part can do', () => {
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 2, maxLength: 5 }), fc.nat(), fc.boolean(), (values, pick, indeterminate) => {
        const parts = values.map((_, i) => ({ id: `p${i}`, weight: 10, best: 100, worst: 0 }));
        const gone = pick % values.length;
        const results = new Map(values.map((v, i) => [`p${i}`, [i === gone ? result('u', null, indeterminate ? 'indeterminate' : 'no_inspection') : result('u', v)]] as const));
        const [r] = combineParts(composite(parts), results);
        expect(r!.total).toBeNull();
        expect(r!.band).toBeNull();
        expect(r!.missing).toEqual([`p${gone}`]);
      }),
    );
  });
});

describe('the lines, built by name', () => {
  const value = fc.option(fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100), { nil: null });

  it('property: each line is the spread-built one, its keys in the same order (the JSON output is byte for byte the same)', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 3, maxLength: 3 }), (values) => {
        const parts = values.map((_, i) => ({ id: `p${i}`, weight: 10 * (i + 1), best: 100, worst: 0 }));
        const found = new Map(values.map((v, i) => [`p${i}`, [result('u', v)]] as const));
        const [c] = combineParts(composite(parts), found);
        c!.lines.forEach((line, i) => {
          const part = composite(parts).parts[i]!;
          const v = values[i]!;
          const base = { part: part.id, name: part.name, inspections: v === null ? 0 : 1, best: part.best, worst: part.worst, weight: part.weight };
          const plain = v === null ? { ...base, result: null, contribution: null, missing: 'no_inspection' } : { ...base, result: v, contribution: line.contribution };
          expect(JSON.stringify(line)).toBe(JSON.stringify(plain));
        });
        const [s] = combineStages(stages('last'), 'higher', new Map(['self', 'review', 'final'].map((id, i) => [id, [result('u', values[i]!)]] as const)));
        s!.stages.forEach((cell, i) => {
          const v = values[i]!;
          const base = { stage: ['self', 'review', 'final'][i], name: { en: ['self', 'review', 'final'][i] }, inspections: v === null ? 0 : 1 };
          expect(JSON.stringify(cell)).toBe(JSON.stringify(v === null ? { ...base, result: null, missing: 'no_inspection' } : { ...base, result: v }));
        });
      }),
    );
  });
});

describe('combineStages', () => {
  const three = (a: number | null, b: number | null, c: number | null) =>
    new Map([
      ['self', [result('u', a)]],
      ['review', [result('u', b)]],
      ['final', [result('u', c)]],
    ]);

  it('last: the last stage is final; without it the final is indeterminate, whatever the others say', () => {
    expect(combineStages(stages('last'), 'higher', three(95, 90, 88))[0]!.final).toBe(88);
    expect(combineStages(stages('last'), 'higher', three(95, 90, null))[0]).toMatchObject({ final: null, missing: ['final'] });
  });

  it('weighted: Σ weight × result, exact; any stage missing makes it indeterminate', () => {
    expect(combineStages(stages('weighted', [0.2, 0.3, 0.5]), 'higher', three(95, 90.5, 88.1))[0]!.final).toBe(90.2);
    expect(combineStages(stages('weighted', [0.2, 0.3, 0.5]), 'higher', three(null, 90, 88))[0]).toMatchObject({ final: null, missing: ['self'] });
  });

  it('flags a stage that differs from the next by more than the margin, and which one was better (自评虚高)', () => {
    const [r] = combineStages(stages('last', [], 3), 'higher', three(98, 94.9, 92));
    expect(r!.flags).toEqual([{ from: 'self', to: 'review', difference: -3.1, inflated: true }]);
    // exactly the margin is not flagged
    expect(combineStages(stages('last', [], 3), 'higher', three(98, 95, 92))[0]!.flags).toEqual([]);
    // lower is better (penalty points): the earlier stage counting fewer is the inflated one
    expect(combineStages(stages('last', [], 1), 'lower', three(0, 3, 2))[0]!.flags).toEqual([{ from: 'self', to: 'review', difference: 3, inflated: true }]);
    // a stage without a result is passed over: the self-assessment is compared with the final
    expect(combineStages(stages('last', [], 1), 'higher', three(98, null, 90))[0]!.flags).toEqual([{ from: 'self', to: 'final', difference: -8, inflated: true }]);
  });

  const decimal = fc.integer({ min: 0, max: 100_000 }).map((n) => n / 1000);

  it('property: the final by the rule; each flag exactly when |next − this| > margin', () => {
    fc.assert(
      fc.property(fc.tuple(decimal, decimal, decimal), fc.integer({ min: 0, max: 5000 }).map((n) => n / 1000), fc.boolean(), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (values, someMargin, onEdge, w1, w2) => {
        fc.pre(w1 + w2 <= 10);
        // Half the runs put the margin exactly on the first difference: equal to the margin is not flagged.
        const margin = onEdge ? pointsToNumber(Math.abs(roundPoints(values[1]) - roundPoints(values[0]))) : someMargin;
        const weights = [w1 / 10, w2 / 10, (10 - w1 - w2) / 10];
        const [last] = combineStages(stages('last', [], margin), 'higher', three(...values));
        expect(last!.final).toBe(values[2]);
        const expectedFlags = [0, 1].filter((i) => Math.abs(roundPoints(values[i + 1]!) - roundPoints(values[i]!)) > roundPoints(margin));
        expect(last!.flags.map((f) => f.from)).toEqual(expectedFlags.map((i) => ['self', 'review'][i]));
        for (const f of last!.flags) expect(f.inflated).toBe(f.difference < 0);
        const [weighted] = combineStages(stages('weighted', weights), 'higher', three(...values));
        // Σ wᵢ × vᵢ in exact integers (wᵢ in tenths, vᵢ in thousandths), then to 0.0001
        const exact = values.reduce((s, v, i) => s + Math.round(weights[i]! * 10) * Math.round(v * 1000), 0); // ten-thousandths
        expect(roundPoints(weighted!.final!)).toBe(exact);
      }),
    );
  });
});
