/**
 * aggregateScorecards (one pass, running totals per cell, lines traced when read, cells found by the
 * results' shared getter) against the straightforward aggregation written out here: group the cards
 * by (period, unit), sort each group by date then record, and compute everything from the sorted
 * list. Random cards, in random order, with superseded records, incomplete cards, vetoes, frequency
 * requirements with and without a kind, and listed units never inspected: the same JSON, byte for byte.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateScorecards, type AggregateOptions, type UnitPeriodResult } from '../../src/aggregate/aggregate.js';
import { periodOf } from '../../src/aggregate/periods.js';
import type { Scorecard, ScoreLine, Verdict } from '../../src/score/scorecard.js';

const exact = (n: number) => Math.round(n * 10_000);
const byDateThenRecord = (a: Scorecard, b: Scorecard) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : (a.record ?? '') < (b.record ?? '') ? -1 : (a.record ?? '') > (b.record ?? '') ? 1 : 0);

/** The straightforward aggregation: every number from the cell's cards, sorted (a stable sort keeps arrival order among equals). */
function reference(cards: readonly Scorecard[], options: AggregateOptions): unknown[] {
  const superseded = new Set(cards.flatMap((c) => (c.supersedes === undefined ? [] : [c.supersedes])));
  const periods = new Map<string, ReturnType<typeof periodOf>>();
  const units = new Map((options.units ?? []).map((u) => [u.id, u]));
  const kept: { card: Scorecard; key: string }[] = [];
  for (const card of cards) {
    if (card.record !== undefined && superseded.has(card.record)) continue;
    const period = periodOf(card.date, options.period, options.calendar);
    if (period === undefined) continue;
    if (!periods.has(period.key)) periods.set(period.key, period);
    if (!units.has(card.unit.id)) units.set(card.unit.id, card.unit);
    kept.push({ card, key: period.key });
  }
  const out: unknown[] = [];
  for (const key of [...periods.keys()].sort()) {
    for (const unit of [...units.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const own = kept.filter((k) => k.key === key && k.card.unit.id === unit.id).map((k) => k.card).sort(byDateThenRecord);
      const shortfalls = (options.frequency ?? []).flatMap((f) => {
        if (f.per !== options.period) return [];
        const actual = own.filter((c) => f.kind === undefined || c.kind === f.kind).length;
        const missing = Math.max(0, f.min - actual);
        if (missing === 0) return [];
        const cost = f.points !== undefined ? exact(f.points) * missing : 0;
        return [{ requirement: f.id, ...(f.kind !== undefined ? { kind: f.kind } : {}), required: f.min, actual, missing, points: (options.mode === 'accumulate' ? cost : -cost) / 10_000 }];
      });
      const verdicts: Record<Verdict, number> = { pass: 0, fail: 0, indeterminate: 0, not_eligible: 0 };
      for (const c of own) verdicts[c.verdict]++;
      const lines = own.flatMap((c) => c.lines.map((l) => ({ ...l, ...(c.record !== undefined ? { record: c.record } : {}), date: c.date })));
      const last = own[own.length - 1];
      let score: number | null = null;
      let unscored: string | undefined = own.length === 0 ? 'no_inspection' : own.some((c) => !c.complete) ? 'indeterminate' : undefined;
      if (unscored === undefined) {
        const totals = own.map((c) => exact(c.total));
        let points =
          options.method === 'sum' ? exact(options.base ?? own[0]!.base) + own.reduce((s, c) => s + exact(c.total) - exact(c.base), 0)
          : options.method === 'mean' ? Math.round(totals.reduce((s, t) => s + t, 0) / totals.length)
          : options.method === 'min' ? Math.min(...totals)
          : exact(last!.total);
        for (const s of shortfalls) points += exact(s.points);
        score = points / 10_000;
      }
      out.push({
        unit,
        period: periods.get(key),
        inspections: own.length,
        vetoes: lines.filter((l) => l.type === 'veto').length,
        deductions: lines.filter((l) => l.type === 'deduction').length,
        verdicts,
        shortfalls,
        latest: last === undefined ? null : { date: last.date, total: last.total },
        lines,
        score,
        ...(unscored !== undefined ? { unscored } : {}),
      });
    }
  }
  return out;
}

const line = fc.record({
  type: fc.constantFrom('deduction', 'deduction', 'veto', 'note', 'cap'),
  item: fc.constantFrom('floor', 'desks', 'tool-corner'),
  rule: fc.constantFrom('categories[0].rules[0]', 'categories[0].items[8].rules[0]'),
  points: fc.integer({ min: -30, max: 0 }).map((n) => n / 10),
  reason: fc.constant({ messageId: 'line.by_kind' }),
}) as fc.Arbitrary<ScoreLine>;

/** Cards of 4 units over 3–4 weeks (several to a cell, often on one date); records r0…r9, so ids repeat and some supersede others. */
const card = fc
  .record({
    record: fc.option(fc.integer({ min: 0, max: 9 }).map((n) => `r${n}`), { nil: undefined, freq: 4 }),
    supersedes: fc.option(fc.integer({ min: 0, max: 9 }).map((n) => `r${n}`), { nil: undefined, freq: 12 }),
    unit: fc.integer({ min: 1, max: 4 }).map((n) => ({ id: `u${n}`, group: { grade: n <= 2 ? 'a' : 'b' } })),
    day: fc.integer({ min: 0, max: 24 }),
    kind: fc.option(fc.constantFrom('random', 'scheduled'), { nil: undefined, freq: 6 }),
    base: fc.constantFrom(100, 100, 100, 90),
    lines: fc.array(line, { maxLength: 3 }),
    complete: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
    verdict: fc.constantFrom<Verdict>('pass', 'pass', 'fail', 'indeterminate', 'not_eligible'),
  })
  .map(({ day, supersedes, lines, base, kind, ...rest }) => {
    const total = base + lines.reduce((s, l) => s + exact(l.points), 0) / 10_000;
    return {
      standard: 'school-hygiene@2024.1',
      ...rest,
      ...(supersedes !== undefined ? { supersedes } : {}),
      ...(kind !== undefined ? { kind } : {}),
      date: new Date(Date.UTC(2024, 11, 20 + day)).toISOString().slice(0, 10),
      base,
      lines,
      total,
    } as unknown as Scorecard;
  });

const options = fc.record({
  period: fc.constantFrom('week', 'month') as fc.Arbitrary<AggregateOptions['period']>,
  method: fc.constantFrom('sum', 'mean', 'min', 'latest') as fc.Arbitrary<AggregateOptions['method']>,
  mode: fc.constantFrom('deduct', 'accumulate') as fc.Arbitrary<AggregateOptions['mode']>,
  base: fc.option(fc.constantFrom(100, 60), { nil: undefined }),
  units: fc.option(fc.constant([{ id: 'u0', name: 'never inspected' }, { id: 'u3' }]), { nil: undefined }),
  frequency: fc.option(
    fc.constant([
      { id: 'weekly', min: 2, per: 'week', points: 0.5 },
      { id: 'monday', kind: 'scheduled', min: 1, per: 'week', points: 1 },
      { id: 'monthly', min: 1, per: 'month' },
    ]),
    { nil: undefined },
  ),
}).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as unknown as AggregateOptions);

describe('aggregateScorecards ≡ the straightforward aggregation', () => {
  it('gives the same results, JSON byte for byte, for random cards in random order (property)', () => {
    fc.assert(
      fc.property(fc.array(card, { maxLength: 40, size: 'max' }), options, (cards, opts) => {
        const results: UnitPeriodResult[] = aggregateScorecards(cards, opts);
        expect(JSON.stringify(results)).toBe(JSON.stringify(reference(cards, opts)));
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});
