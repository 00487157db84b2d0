/**
 * Re-inspection cycles and charges to several parties (issue 17, items 4 and 5): a grade given at
 * once or pending until the re-inspection, the previous grade carried; amounts per party, exact,
 * doubled exactly when found late; nothing depends on the order records are given in.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scoreHistory } from '../../src/history/history.js';
import { settleCharges } from '../../src/history/settle.js';
import { compileStandard, loadStandard, parseStandard, scoreRecord } from '../../src/index.js';
import { addDays } from '../../src/dates.js';
import { InspectionRecordSchema, type InspectionRecord } from '../../src/record-schema.js';
import type { Scorecard } from '../../src/score/scorecard.js';

const loaded = parseStandard(readFileSync('test/history/fixtures/cycle.yaml', 'utf8'));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
const scorer = compileStandard(loaded.standard);
const fixture = (parse(readFileSync('test/history/fixtures/cycle-records.yaml', 'utf8')) as unknown[]).map((r) => InspectionRecordSchema.parse(r));

const rec = (r: { id: string; unit?: string; date: string; kind?: string; officer?: string; findings?: { item: string; count?: number; occurred?: string }[] }): InspectionRecord =>
  InspectionRecordSchema.parse({ id: r.id, unit: { id: r.unit ?? 'u1' }, date: r.date, ...(r.kind && { kind: r.kind }), ...(r.officer && { parties: { officer: r.officer } }), findings: r.findings ?? [] });

const cards = (records: readonly InspectionRecord[]): Scorecard[] =>
  scoreHistory(scorer, records).results.map((r) => {
    if (r === undefined || !r.ok) throw new Error(JSON.stringify(r));
    return r.scorecard;
  });

/** A cycle standing with band ids for names. */
const standing = (card: Scorecard) => {
  const c = card.cycle!;
  return { position: c.position, pending: c.pending, grade: c.grade?.id ?? null, ...(c.carried !== undefined && { carried: c.carried?.id ?? null }), ...(c.previous !== undefined && { previous: c.previous?.id ?? null }) };
};

describe('re-inspection cycles (outcomes.cycle)', () => {
  it('grants a good first score at once; otherwise pending, the previous grade carried, until the re-inspection decides', () => {
    expect(cards(fixture).map(standing)).toEqual([
      { position: 'initial', pending: false, grade: 'excellent' },
      { position: 'initial', pending: true, grade: null, carried: null },
      { position: 'reinspection', pending: false, grade: 'excellent', previous: 'fair' },
      { position: 'initial', pending: true, grade: null, carried: 'excellent' },
    ]);
  });

  it('a re-inspection decides even a poor grade, and the band and verdict stay the score\'s own', () => {
    const out = cards([
      rec({ id: 'i', date: '2024-03-01', kind: 'initial', findings: [{ item: 'litter', count: 3 }] }),
      rec({ id: 'r', date: '2024-03-15', kind: 'recheck', findings: [{ item: 'litter', count: 9 }] }),
      rec({ id: 'n', date: '2024-04-01', kind: 'initial', findings: [{ item: 'litter', count: 4 }] }),
    ]);
    expect(out.map(standing)).toEqual([
      { position: 'initial', pending: true, grade: null, carried: null },
      { position: 'reinspection', pending: false, grade: 'poor', previous: 'fair' },
      { position: 'initial', pending: true, grade: null, carried: 'poor' },
    ]);
    expect(out.map((c) => [c.band?.id, c.verdict])).toEqual([['fair', 'pass'], ['poor', 'fail'], ['fair', 'pass']]);
  });

  it('refuses a cycle naming a kind or a band the standard does not have', () => {
    const bad = parseStandard(readFileSync('test/history/fixtures/cycle.yaml', 'utf8').replace('cycle: { reinspection: [recheck], grant: [excellent]', 'cycle: { reinspection: [rechek], grant: [excelent]'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.diagnostics.map((d) => [d.code, d.path.join('.')])).toEqual([['unknown_reference', 'outcomes.cycle.reinspection.0'], ['unknown_reference', 'outcomes.cycle.grant.0']]);
  });

  it('a standard without a cycle has no cycle field on its scorecards', () => {
    const plain = parseStandard(readFileSync('test/history/fixtures/cycle.yaml', 'utf8').replace(/\n  cycle: .*\n/, '\n'));
    if (!plain.ok) throw new Error(JSON.stringify(plain.diagnostics));
    const result = scoreHistory(compileStandard(plain.standard), fixture).results[0]!;
    expect(result.ok && 'cycle' in result.scorecard).toBe(false);
  });
});

describe('charges to several parties (charges, parties)', () => {
  it('charges each party of a finding, the unit by its id, the others by the record\'s parties', () => {
    const card = cards(fixture)[3]!;
    expect(card.charges!.map((c) => [c.party, c.who ?? null, c.amount, c.unit, c.rule])).toEqual([
      ['unit', 'u1', 4000, 'yuan', 'categories[0].items[1].charges[0]'],
      ['officer', '李四', 500, 'yuan', 'categories[0].items[1].charges[1]'],
      ['fee', null, 0.3, 'yuan', 'categories[0].items[1].charges[2]'],
    ]);
  });

  it('an overlay may restate the parties (their names), as it restates kinds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scoresheet-parties-'));
    try {
      writeFileSync(join(dir, 'village.yaml'), `extends: ${JSON.stringify(join(process.cwd(), 'standards/urban-management-enforcement.yaml'))}\nid: village\nversion: "1"\nparties:\n  - { id: community, name: { zh-CN: 村, en: Village }, unit: true }\n  - { id: officer, name: { zh-CN: 队员, en: Member } }\n`);
      const loaded = await loadStandard(join(dir, 'village.yaml'), { allowRoots: [process.cwd()] });
      expect(loaded.ok && loaded.standard.parties?.map((p) => p.name['zh-CN'])).toEqual(['村', '队员']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a charge to a party the standard does not declare', () => {
    const bad = parseStandard(readFileSync('test/history/fixtures/cycle.yaml', 'utf8').replace('{ party: fee,', '{ party: feee,'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.diagnostics.map((d) => [d.code, d.path.join('.')])).toContainEqual(['unknown_reference', 'categories.0.items.1.charges.2.party']);
  });
});

const DAY0 = '2024-03-01';
/** Records of three units over three months: initial inspections and re-inspections, findings found late or not. */
const recordsArb = fc
  .array(
    fc.record({
      unit: fc.constantFrom('u1', 'u2', 'u3'),
      day: fc.integer({ min: 0, max: 90 }),
      recheck: fc.boolean(),
      officer: fc.option(fc.constantFrom('王五', '李四'), { nil: undefined }),
      findings: fc.array(fc.record({ item: fc.constantFrom('litter', 'building'), count: fc.integer({ min: 1, max: 4 }), late: fc.boolean() }), { maxLength: 3 }),
    }),
    { maxLength: 14 },
  )
  .map((raw) =>
    raw.map((r, i) => {
      const date = addDays(DAY0, r.day);
      return rec({ id: `r${i}`, unit: r.unit, date, kind: r.recheck ? 'recheck' : 'initial', ...(r.officer && { officer: r.officer }), findings: r.findings.map((f) => ({ item: f.item, count: f.count, ...(f.late && { occurred: addDays(date, -40) }) })) });
    }),
  );

describe('cycles and charges (properties)', () => {
  it('a record of a standard with cycles and charges scores alike through the generated code and the interpreter (with its history, a record is always interpreted)', () => {
    const interpreted = compileStandard(loaded.standard, { codegen: false });
    expect(scorer.generated, 'this standard runs as generated code').toBeDefined();
    fc.assert(
      fc.property(recordsArb, (records) => {
        for (const record of records) expect(JSON.stringify(scoreRecord(scorer, record))).toBe(JSON.stringify(scoreRecord(interpreted, record)));
      }),
      { numRuns: 40 },
    );
  });

  it('never depend on the order the records are given in', () => {
    fc.assert(
      fc.property(recordsArb, fc.integer(), (records, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), { numRuns: 1, seed })[0]!;
        const byId = (rs: readonly InspectionRecord[]) => {
          const { results } = scoreHistory(scorer, rs);
          return Object.fromEntries(rs.map((r, i) => [r.id!, results[i]]));
        };
        expect(byId(shuffled)).toEqual(byId(records));
        expect(settleCharges(cards(shuffled))).toEqual(settleCharges(cards(records)));
      }),
      { numRuns: 100 },
    );
  });

  it('a late discovery charges exactly twice what the same finding charges found in time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 60 }), (count, day) => {
        const date = addDays('2024-03-01', day);
        const inTime = cards([rec({ id: 'a', date, officer: '王五', findings: [{ item: 'building', count, occurred: date }] })])[0]!.charges!;
        const late = cards([rec({ id: 'a', date, officer: '王五', findings: [{ item: 'building', count, occurred: addDays(date, -40) }] })])[0]!.charges!;
        expect(late.map((c) => c.amount)).toEqual(inTime.map((c) => c.amount * 2));
        expect(late.every((c) => c.multiply === 2) && inTime.every((c) => c.multiply === undefined)).toBe(true);
        expect(inTime.map((c) => c.amount)).toEqual([4000 * count, 500 * count, (3 * count) / 10]);
      }),
      { numRuns: 60 },
    );
  });

  it('settles amounts that sum exactly (0.3 yuan a time, never 0.30000000000000004)', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const scored = cards(records);
        // Tenths of a yuan, counted in integers: what the fee must sum to, per month.
        const tenths = new Map<string, number>();
        for (const card of scored) {
          for (const c of card.charges ?? []) if (c.party === 'fee') tenths.set(card.date.slice(0, 7), (tenths.get(card.date.slice(0, 7)) ?? 0) + Math.round(c.amount * 10));
        }
        const fee = settleCharges(scored).filter((r) => r.party === 'fee');
        expect(Object.fromEntries(fee.map((r) => [r.month, r.amount]))).toEqual(Object.fromEntries([...tenths].map(([m, t]) => [m, t / 10])));
        const findings = scored.flatMap((c) => c.charges ?? []).filter((c) => c.party === 'unit').length;
        expect(settleCharges(scored).filter((r) => r.party === 'unit').reduce((n, r) => n + r.findings, 0)).toBe(findings);
      }),
      { numRuns: 100 },
    );
  });
});
