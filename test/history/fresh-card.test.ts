// A card scored with history gets its `charges` and `cycle` set on the card scoreChecked has just made, not on
// a spread's copy (src/history/history.ts, addToFreshCard): the card must be what `{ ...card, charges, cycle }`
// gave — the same keys in the same order — and no card may be changed once it has been handed out. Each
// charge and ledger row is built field by field: what `{ party, name, ...(who !== undefined && { who }), unit, … }`
// and `{ ...found, status, …, daysOverdue }` gave.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/dates.js';
import { HistoryScorer, scoreHistory } from '../../src/history/history.js';
import { settleCharges, type SettlementRow } from '../../src/history/settle.js';
import { compileStandard, parseStandard, scoreRecord } from '../../src/index.js';
import { InspectionRecordSchema, type InspectionRecord } from '../../src/record-schema.js';
import type { Charge, Scorecard } from '../../src/score/scorecard.js';
import { rec, scorer as campaign } from './campaign.js';

const yaml = readFileSync('test/history/fixtures/cycle.yaml', 'utf8');
const scorerOf = (text: string) => {
  const loaded = parseStandard(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return compileStandard(loaded.standard);
};
// With charges (every record interpreted, with its history) and with a cycle only (no item history: generated code).
const withCharges = scorerOf(yaml);
const cycleOnly = scorerOf(yaml.replace(/\n {8}charges:\n(?: {10}- .*\n)+ {8}foundLate: .*\n/, '\n'));

const recordsArb = fc
  .array(
    fc.record({
      unit: fc.constantFrom('u1', 'u2'),
      day: fc.integer({ min: 0, max: 60 }),
      recheck: fc.boolean(),
      id: fc.boolean(),
      officer: fc.option(fc.constantFrom('王五', '李四'), { nil: undefined }),
      findings: fc.array(fc.record({ item: fc.constantFrom('litter', 'building'), count: fc.integer({ min: 1, max: 3 }), late: fc.boolean() }), { maxLength: 3 }),
    }),
    { maxLength: 10 },
  )
  .map((raw) =>
    raw
      .map((r, i) => {
        const date = addDays('2024-03-01', r.day);
        return InspectionRecordSchema.parse({
          ...(r.id && { id: `r${i}` }),
          unit: { id: r.unit },
          date,
          kind: r.recheck ? 'recheck' : 'initial',
          ...(r.officer && { parties: { officer: r.officer } }),
          findings: r.findings.map((f) => ({ item: f.item, count: f.count, ...(f.late && { occurred: addDays(date, -40) }) })),
        });
      })
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  );

describe('history adds charges and cycle to the fresh card', () => {
  it('the keys are the card’s own, then charges, then cycle, as the spread gave; a card handed out never changes', () => {
    expect(withCharges.standard.outcomes.cycle).toBeDefined();
    expect(cycleOnly.generated, 'the cycle-only standard runs as generated code').toBeDefined();
    fc.assert(
      fc.property(recordsArb, fc.boolean(), (records: InspectionRecord[], charged) => {
        const scorer = charged ? withCharges : cycleOnly;
        const history = new HistoryScorer(scorer);
        const handedOut: { card: Scorecard; json: string }[] = [];
        for (const record of records) {
          const result = history.score(record);
          if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
          const card = result.scorecard;
          const plain = scoreRecord(scorer, record);
          if (!plain.ok) throw new Error(JSON.stringify(plain.diagnostics));
          const expected = [...Reflect.ownKeys(plain.scorecard), ...(card.charges !== undefined ? ['charges'] : []), 'cycle'];
          expect(Reflect.ownKeys(card)).toEqual(expected);
          expect(charged ? card.charges !== undefined : card.charges === undefined).toBe(true);
          expect(Object.getPrototypeOf(card)).toBe(Object.prototype);
          handedOut.push({ card, json: JSON.stringify(card) });
        }
        expect(new Set(handedOut.map((h) => h.card)).size).toBe(handedOut.length);
        for (const { card, json } of handedOut) expect(JSON.stringify(card)).toBe(json);
      }),
      { numRuns: 60 },
    );
  });
});

/** The keys the spread gave a charge: Charge's fields in order, each optional one only when it has a value (`shared` only when true). */
const CHARGE_KEYS = ['party', 'name', 'who', 'unit', 'amount', 'item', 'finding', 'rule', 'multiply', 'source', 'group', 'shared', 'joint'] as const;
function expectChargeShape(charge: Charge): void {
  expect(Reflect.ownKeys(charge)).toEqual(CHARGE_KEYS.filter((k) => charge[k] !== undefined));
  expect(Object.values(charge)).not.toContain(undefined);
  if ('shared' in charge) expect(charge.shared).toBe(true);
  expect(Object.getPrototypeOf(charge)).toBe(Object.prototype);
}

/** The keys the spread gave a settlement row: the sum's row, then amount and findings (a share: shareOf). */
const SETTLEMENT_KEYS = ['month', 'party', 'name', 'who', 'whoName', 'unit', 'amount', 'findings', 'shareOf'] as const;
function expectSettlementShape(row: SettlementRow): void {
  expect(Reflect.ownKeys(row)).toEqual(SETTLEMENT_KEYS.filter((k) => row[k] !== undefined));
  expect(Object.values(row)).not.toContain(undefined);
}

describe('charges are built in Charge’s key order', () => {
  it('with and without who, multiply and source (the cycle standard)', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        for (const r of scoreHistory(withCharges, records).results) if (r?.ok) for (const c of r.scorecard.charges ?? []) expectChargeShape(c);
      }),
      { numRuns: 40 },
    );
  });

  it('with a group, shared and joint (a group party jointly liable, 000:137)', () => {
    const scorer = scorerOf(`
id: joint-keys
version: "1"
name: { en: Joint keys }
scoring: { mode: accumulate }
parties:
  - { id: community, name: { en: Community }, unit: true }
  - { id: alliance, name: { en: Alliance }, group: alliance, joint: community, shared: true, source: "000:137" }
  - { id: officer, name: { en: Officer } }
categories:
  - id: building
    name: { en: Buildings }
    items:
      - id: illegal-building
        name: { en: Illegal building }
        rules:
          - { kind: per-occurrence, points: 1, charges: [ { party: community, amount: 1000, unit: yuan }, { party: officer, amount: 5, source: "x:1" } ] }
        foundLate: { after: month, multiply: 2 }
`);
    const records = ['A1', undefined].flatMap((group, u) =>
      [false, true].map((late, i) =>
        InspectionRecordSchema.parse({ id: `r${u}${i}`, unit: { id: `c${u}`, name: `C${u}`, ...(group !== undefined && { group: { alliance: group } }) }, date: `2024-03-0${i + 1}`, ...(u === 0 && { parties: { officer: '王五' } }), findings: [{ item: 'illegal-building', ...(late && { occurred: '2024-01-10' }) }] }),
      ),
    );
    const charges = scoreHistory(scorer, records).results.flatMap((r) => (r?.ok ? (r.scorecard.charges ?? []) : []));
    for (const key of ['who', 'multiply', 'source', 'group', 'shared', 'joint'] as const) expect(charges.some((c) => c[key] !== undefined), key).toBe(true);
    for (const c of charges) expectChargeShape(c);
    const cards = scoreHistory(scorer, records).results.flatMap((r) => (r?.ok ? [r.scorecard] : []));
    const rows = settleCharges(cards);
    for (const key of ['who', 'whoName', 'shareOf'] as const) expect(rows.some((r) => r[key] !== undefined), key).toBe(true);
    for (const r of rows) expectSettlementShape(r);
  });

  it('settlement rows are built in SettlementRow’s key order', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        for (const r of settleCharges(scoreHistory(withCharges, records).results.flatMap((x) => (x?.ok ? [x.scorecard] : [])))) expectSettlementShape(r);
      }),
      { numRuns: 40 },
    );
  });
});

describe('ledger rows are built in LedgerEntry’s key order', () => {
  /** The keys the rest-and-spread gave a row: the finding's fields as it was opened, then where it stands. */
  const LEDGER_KEYS = ['id', 'unit', 'item', 'record', 'found', 'due', 'note', 'status', 'closed', 'daysOverdue'] as const;

  it('with and without record ids, notes and closing follow-ups, on any as-of day', () => {
    const recordsArb = fc
      .array(fc.record({ day: fc.integer({ min: 0, max: 20 }), id: fc.boolean(), note: fc.boolean(), fix: fc.boolean(), items: fc.subarray(['litter', 'hazard', 'kiosk', 'plain']) }), { maxLength: 8 })
      .map((raw) => {
        const records: InspectionRecord[] = [];
        raw
          .sort((a, b) => a.day - b.day)
          .forEach((r, i) => {
            const previous = records.at(-1);
            const follows = r.fix && previous !== undefined ? previous.findings.flatMap((f, j) => (f.item === 'plain' ? [] : [{ finding: f.id ?? `${previous.id ?? `u1/${previous.date}/`}#${j + 1}`, fixed: true }])) : [];
            records.push(
              rec({ ...(r.id && { id: `r${i}` }), date: addDays('2024-03-01', r.day + i), ...(follows.length > 0 && { follows }), findings: r.items.map((item) => ({ item, ...(r.note && { note: `n${i}` }) })) }),
            );
          });
        return records;
      });
    fc.assert(
      fc.property(recordsArb, fc.integer({ min: 0, max: 40 }), (records, asOf) => {
        const history = new HistoryScorer(campaign);
        for (const record of records) expect(history.score(record).ok).toBe(true);
        for (const row of history.ledger(addDays('2024-03-01', asOf))) {
          expect(Reflect.ownKeys(row)).toEqual(LEDGER_KEYS.filter((k) => row[k] !== undefined));
          expect(Object.values(row)).not.toContain(undefined);
        }
      }),
      { numRuns: 60 },
    );
    // The generator reaches every optional key.
    const rows = (() => {
      const history = new HistoryScorer(campaign);
      history.score(rec({ id: 'a', date: '2024-03-01', findings: [{ item: 'litter', note: 'x' }] }));
      history.score(rec({ id: 'b', date: '2024-03-02', follows: [{ finding: 'a#1', fixed: true }] }));
      return history.ledger('2024-03-05');
    })();
    expect(rows.map((r) => Reflect.ownKeys(r))).toEqual([[...LEDGER_KEYS]]);
  });
});
