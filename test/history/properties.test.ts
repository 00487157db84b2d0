/**
 * Invariants of scoring with history (issue 17), with fast-check: the order records are given in
 * changes nothing; a finding fixed by its deadline costs nothing more; being late costs exactly what
 * the item says, once; repeats escalate exactly by the steps; the ledger as of a day never sees a
 * record after it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreHistory, type HistoryResult } from '../../src/history/history.js';
import { compileStandard, parseStandard } from '../../src/index.js';
import { addDays } from '../../src/dates.js';
import type { InspectionRecord } from '../../src/record-schema.js';
import { CAMPAIGN, rec, scorer } from './campaign.js';

const ITEMS = ['litter', 'hazard', 'plain'] as const;
const DAY0 = '2024-03-01';

/** Records of up to three units over about two months, with findings and follow-ups of earlier ids. */
const recordsArb = fc
  .array(
    fc.record({
      unit: fc.constantFrom('u1', 'u2', 'u3'),
      day: fc.integer({ min: 0, max: 60 }),
      findings: fc.array(fc.record({ item: fc.constantFrom(...ITEMS), count: fc.integer({ min: 1, max: 3 }), late: fc.boolean() }), { maxLength: 3 }),
      follows: fc.array(fc.record({ pick: fc.nat(), fixed: fc.boolean() }), { maxLength: 2 }),
    }),
    { maxLength: 14 },
  )
  .map((raw) => {
    const ids: string[] = [];
    return raw.map((r, i) => {
      const date = addDays(DAY0, r.day);
      const findings = r.findings.map((f, j) => ({ item: f.item, count: f.count, id: `r${i}-${j}`, ...(f.late && { occurred: addDays(date, -20) }) }));
      // follow-ups name ids of records given before this one; an id not open for the unit yet is a rejection, also order-independent
      const follows = ids.length === 0 ? [] : [...new Map(r.follows.map((f) => [ids[f.pick % ids.length]!, f.fixed])).entries()].map(([finding, fixed]) => ({ finding, fixed }));
      ids.push(...findings.map((f) => f.id));
      return rec({ id: `r${i}`, unit: r.unit, date, findings, ...(follows.length > 0 && { follows }) });
    });
  });

/** A result by record id, order-free (a refusal's diagnostics name the record's index in the order given: left out). */
function byId(records: readonly InspectionRecord[], result: HistoryResult): Record<string, unknown> {
  const orderFree = (r: HistoryResult['results'][number]) => (r === undefined || r.ok ? r : { ok: false, diagnostics: r.diagnostics.map(({ index: _index, ...d }) => d) });
  return Object.fromEntries(records.map((r, i) => [r.id!, orderFree(result.results[i])]));
}

describe('scoring with history (properties)', () => {
  it('never depends on the order the records are given in', () => {
    fc.assert(
      fc.property(recordsArb, fc.integer(), fc.constantFrom(undefined, '2024-03-20', '2024-04-30'), (records, seed, asOf) => {
        const shuffled = fc.sample(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), { numRuns: 1, seed })[0]!;
        const a = scoreHistory(scorer, records, { asOf: asOf ?? '2024-05-01' });
        const b = scoreHistory(scorer, shuffled, { asOf: asOf ?? '2024-05-01' });
        expect(byId(shuffled, b)).toEqual(byId(records, a));
        expect(b.ledger).toEqual(a.ledger);
      }),
      { numRuns: 150 },
    );
  });

  it('as of a day, never sees a record after it', () => {
    fc.assert(
      fc.property(recordsArb, fc.integer({ min: 0, max: 60 }), (records, cut) => {
        const asOf = addDays(DAY0, cut);
        const all = scoreHistory(scorer, records, { asOf });
        const past = records.filter((r) => r.date <= asOf);
        const only = scoreHistory(scorer, past, { asOf });
        expect(all.ledger).toEqual(only.ledger);
        const seen = new Set(past.map((r) => r.id));
        expect(Object.fromEntries(Object.entries(byId(records, all)).filter(([id]) => seen.has(id)))).toEqual(byId(past, only));
        records.forEach((r, i) => r.date > asOf && expect(all.results[i]).toBeUndefined());
      }),
      { numRuns: 150 },
    );
  });

  it('a finding fixed by its deadline costs nothing more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 5 }), (fixDay, later) => {
        const found = rec({ id: 'a', date: DAY0, findings: [{ item: 'litter' }] });
        const fix = rec({ id: 'fix', date: addDays(DAY0, fixDay), follows: [{ finding: 'a#1', fixed: true }] });
        const clean = later.map((d, i) => rec({ id: `c${i}`, date: addDays(DAY0, fixDay + d) }));
        const { results, ledger } = scoreHistory(scorer, [found, fix, ...clean], { asOf: '2024-06-01' });
        for (const r of results.slice(1)) expect(r).toMatchObject({ ok: true, scorecard: { total: 100 } });
        expect(ledger).toMatchObject([{ id: 'a#1', status: 'closed', daysOverdue: 0 }]);
      }),
    );
  });

  it('being late costs exactly what the item says, once, on the first inspection after the deadline', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }).map((n) => n / 4), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 5 }), (points, within, inspections) => {
        const loaded = parseStandard(CAMPAIGN.replace('within: 3d, late: { points: 5 }', `within: ${within}d, late: { points: ${points} }`).replace('max: 30\n        rules: [ { kind: per-occurrence, points: 2 } ]', 'max: 200\n        rules: [ { kind: per-occurrence, points: 2 } ]').replace('max: 120', 'max: 300').replace('base: 100', 'base: 400'));
        if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
        const s = compileStandard(loaded.standard);
        const records = [rec({ id: 'a', date: DAY0, findings: [{ item: 'litter' }] }), ...Array.from({ length: inspections }, (_, i) => rec({ id: `c${i}`, date: addDays(DAY0, within + 1 + i) }))];
        const { results } = scoreHistory(s, records, { asOf: '2024-12-31' });
        const totals = results.map((r) => (r?.ok ? r.scorecard.total : NaN));
        expect(totals[0]).toBe(398);
        expect(totals[1]).toBe(400 - points);
        expect(totals.slice(2)).toEqual(new Array(inspections - 1).fill(400));
      }),
    );
  });

  it('repeats escalate exactly by the steps within the window', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 8 }), (days) => {
        const sorted = [...days].sort((a, b) => a - b);
        const records = sorted.map((d, i) => rec({ id: `r${i}`, date: addDays('2024-03-01', d), findings: [{ item: 'litter', id: `l${i}` }] }));
        const { results } = scoreHistory(scorer, records, { asOf: '2024-03-31' });
        results.forEach((r, k) => {
          const repeat = r?.ok ? r.scorecard.lines.filter((l) => l.reason.messageId === 'line.repeat').map((l) => l.points) : undefined;
          // extra: [1, 3] — the first repeat in the month 1 more, every later one 3 more
          expect(repeat).toEqual(k === 0 ? [] : [k === 1 ? -1 : -3]);
        });
      }),
    );
  });
});
