/** Ranking: tie policies, groups, unranked units, the order of records, traceable period scores, awards. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLeague, compileStandard, parseStandard, scoreRecord, type InspectionRecordInput, type Scorecard, type UnitRef } from '../../src/index.js';
import { aggregateScorecards } from '../../src/aggregate/aggregate.js';
import { assignRanks, rankUnits } from '../../src/rank/rank.js';
import { toPoints } from '../../src/points.js';

const STANDARD = `
id: league
version: "1"
name: { zh-CN: 班级卫生, en: Class hygiene }
scoring: { mode: deduct, base: 100 }
kinds: [ { id: random }, { id: scheduled } ]
categories:
  - id: area
    name: { zh-CN: 区域 }
    rules: [ { kind: by-kind, points: { random: 1, scheduled: 2 } } ]
    items:
      - { id: floor, name: { zh-CN: 地面 } }
      - { id: corner, name: { zh-CN: 卫生工具角 }, rules: [ { kind: per-occurrence, points: { min: 1, max: 3 } } ] }
ranking:
  aggregate: sum
  ties: competition
  frequency: [ { id: weekly-check, kind: scheduled, min: 1, per: week, points: 0.5 } ]
  awards: [ { id: red-flag, name: { zh-CN: 流动红旗, en: red flag }, period: week, min: 98 } ]
  boards: { top: 2, bottom: 1 }
  lastWarning: 2
`;
const loaded = parseStandard(STANDARD);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
const standard = loaded.standard;
const scorer = compileStandard(standard);

const units: UnitRef[] = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ id, name: `高一(${i + 1})班`, group: { grade: i < 3 ? '高一' : '高二' } }));

function score(records: InspectionRecordInput[]): Scorecard[] {
  return records.map((r) => {
    const out = scoreRecord(scorer, { findings: [], ...r } as never);
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    return out.scorecard;
  });
}

const unit = (id: string) => units.find((u) => u.id === id)!;

describe('assignRanks', () => {
  const scores = [10, 9, 9, 7];
  const cmp = (a: number, b: number) => b - a;
  it.each([
    ['competition', [1, 2, 2, 4]],
    ['dense', [1, 2, 2, 3]],
    ['ordinal', [1, 2, 3, 4]],
    ['fractional', [1, 2.5, 2.5, 4]],
  ] as const)('%s ties give %j', (policy, expected) => {
    expect(assignRanks(scores, cmp, policy)).toEqual(expected);
  });

  it('shares a rank between tied units and continues by the policy (property, against a reference ranker)', () => {
    // Written independently of assignRanks: a unit's rank from how many score strictly better / the same.
    const reference = (sorted: readonly number[], policy: 'competition' | 'dense' | 'ordinal' | 'fractional') =>
      sorted.map((s, i) => {
        const better = sorted.filter((t) => t > s).length;
        const same = sorted.filter((t) => t === s).length;
        if (policy === 'competition') return better + 1;
        if (policy === 'dense') return new Set(sorted.filter((t) => t > s)).size + 1;
        if (policy === 'ordinal') return i + 1;
        return better + (same + 1) / 2;
      });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 }), fc.constantFrom('competition', 'dense', 'ordinal', 'fractional' as const), (raw, policy) => {
        const sorted = [...raw].sort((a, b) => b - a);
        expect(assignRanks(sorted, cmp, policy)).toEqual(reference(sorted, policy));
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe('buildLeague', () => {
  const week1: InspectionRecordInput[] = [
    { id: 'w1-a', unit: unit('a'), date: '2024-03-04', kind: 'scheduled', findings: [{ item: 'floor' }] },
    { id: 'w1-b', unit: unit('b'), date: '2024-03-04', kind: 'scheduled' },
    { id: 'w1-c', unit: unit('c'), date: '2024-03-04', kind: 'scheduled' },
    { id: 'w1-c2', unit: unit('c'), date: '2024-03-06', kind: 'random', findings: [{ item: 'corner', points: 2 }] },
    { id: 'w1-d', unit: unit('d'), date: '2024-03-05', kind: 'random', findings: [{ item: 'floor' }] },
    // e is not inspected in week 1.
  ];
  const week2: InspectionRecordInput[] = [
    { id: 'w2-a', unit: unit('a'), date: '2024-03-11', kind: 'scheduled' },
    { id: 'w2-b', unit: unit('b'), date: '2024-03-11', kind: 'scheduled' },
    { id: 'w2-c', unit: unit('c'), date: '2024-03-11', kind: 'scheduled', findings: [{ item: 'floor' }] },
    { id: 'w2-d', unit: unit('d'), date: '2024-03-11', kind: 'scheduled' },
    { id: 'w2-e', unit: unit('e'), date: '2024-03-11', kind: 'scheduled', findings: [{ item: 'floor' }] },
  ];
  const cards = score([...week1, ...week2]);
  const league = buildLeague(standard, cards, { period: 'week', groupBy: 'grade', units });

  it('ranks within each grade, by the hand-computed weekly 量化分数', () => {
    // Week 2024-W10, 高一: a = 100 − 2 (Monday area) = 98; b = 100; c = 100 − 1 (random area) − 2 (tool corner) = 97.
    // 高二: d = 100 − 1 (random) − 0.5 (no Monday check: 1 missing × 0.5) = 98.5; e not inspected → unranked.
    const w10 = league.tables[0]!;
    expect(w10.period.key).toBe('2024-W10');
    const table = (g: string) => w10.groups.find((x) => x.group === g)!.rows.map((r) => [r.result.unit.id, r.rank, r.result.score, r.unranked ?? null]);
    expect(table('高一')).toEqual([['b', 1, 100, null], ['a', 2, 98, null], ['c', 3, 97, null]]);
    expect(table('高二')).toEqual([['d', 1, 98.5, null], ['e', null, null, 'no_inspection']]);
  });

  it('gives the red flag to the best of each grade above the minimum, and shows the change since last week', () => {
    expect(league.awards.filter((a) => a.period === '2024-W10').map((a) => [a.group, a.holders])).toEqual([['高一', ['b']], ['高二', ['d']]]);
    // Week 2024-W11, 高一: a 100, b 100 (tie for first, shared), c 98.
    const w11 = league.tables[1]!.groups.find((g) => g.group === '高一')!;
    expect(w11.rows.map((r) => [r.result.unit.id, r.rank, r.change])).toEqual([['a', 1, 1], ['b', 1, 0], ['c', 3, 0]]);
    expect(league.awards.find((a) => a.period === '2024-W11' && a.group === '高一')!.holders).toEqual(['a', 'b']);
    expect(league.warnings.map((w) => [w.unit, w.periods])).toEqual([['c', ['2024-W10', '2024-W11']]]);
    expect(league.boards.find((b) => b.period === '2024-W10' && b.group === '高一')).toMatchObject({ top: ['b', 'a'], bottom: ['c'] });
  });

  it('names units tied at the cut on the boards, and never puts a unit that lost nothing on the 黑榜', () => {
    // W11, 高一: a 100 and b 100 share 1st, c 98. Top 1 would be a alone: b shares the place, so the board.
    const topOne = buildLeague({ ...standard, ranking: { ...standard.ranking!, boards: { ...standard.ranking!.boards!, top: 1, bottom: 3 } } }, cards, { period: 'week', groupBy: 'grade', units });
    const w11 = topOne.boards.find((b) => b.period === '2024-W11' && b.group === '高一')!;
    expect(w11.top).toEqual(['a', 'b']);
    // Bottom 3 of three: only c lost points that week (a and b were clean): the 黑榜 is c alone.
    expect(w11.bottom).toEqual(['c']);
    // W11, 高二: d 100 (clean, its Monday check done), e 98: e alone, worst first.
    expect(topOne.boards.find((b) => b.period === '2024-W11' && b.group === '高二')!.bottom).toEqual(['e']);
  });

  it('ranks an inspection of 0099-06-15 in its own week, not with 1999-W24', () => {
    const cards = score([
      { id: 'y99', unit: unit('a'), date: '0099-06-15', kind: 'scheduled' },
      { id: 'y1999', unit: unit('b'), date: '1999-06-15', kind: 'scheduled' },
    ]);
    const l = buildLeague(standard, cards, { period: 'week' });
    expect(l.tables.map((t) => [t.period.key, t.groups[0]!.rows.filter((r) => r.rank !== null).map((r) => r.result.unit.id)])).toEqual([
      ['0099-W25', ['a']],
      ['1999-W24', ['b']],
    ]);
  });

  it('gives a tied red flag to nobody when the award does not share ties', () => {
    const noShare = { ...standard, ranking: { ...standard.ranking!, awards: [{ ...standard.ranking!.awards[0]!, ties: 'none' as const }] } };
    const l = buildLeague(noShare, cards, { period: 'week', groupBy: 'grade', units });
    expect(l.awards.find((a) => a.period === '2024-W11' && a.group === '高一')).toMatchObject({ holders: [], none: 'tie' });
  });

  it('lists every rostered unit in every period, ranked or unranked with a reason (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...week1, ...week2]), (subset) => {
        const l = buildLeague(standard, score(subset), { period: 'week', units });
        for (const t of l.tables) {
          const ids = t.groups.flatMap((g) => g.rows.map((r) => r.result.unit.id)).sort();
          expect(ids).toEqual(units.map((u) => u.id));
          for (const g of t.groups) for (const r of g.rows) expect(r.rank !== null || r.unranked !== undefined).toBe(true);
        }
      }),
      { seed: 11, numRuns: 100 },
    );
  });

  it('never changes a table when the records come in another order (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...week1, ...week2], { minLength: 10, maxLength: 10 }), (shuffled) => {
        const l = buildLeague(standard, score(shuffled), { period: 'week', groupBy: 'grade', units });
        expect(l.tables).toEqual(league.tables);
        expect(l.awards).toEqual(league.awards);
      }),
      { seed: 12, numRuns: 100 },
    );
  });

  it("makes a unit's period deductions the sum of its lines plus its frequency shortfall points (property)", () => {
    let checked = 0;
    const record = fc.record({
      unit: fc.constantFrom(...units),
      date: fc.constantFrom('2024-03-04', '2024-03-05', '2024-03-12', '2024-03-20'),
      kind: fc.constantFrom('random', 'scheduled'),
      findings: fc.array(fc.oneof(fc.constant({ item: 'floor' }), fc.integer({ min: 1, max: 3 }).map((p) => ({ item: 'corner', points: p }))), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 25 }), (records) => {
        const results = aggregateScorecards(score(records as InspectionRecordInput[]), { period: 'week', method: 'sum', mode: 'deduct', units, frequency: standard.ranking!.frequency });
        for (const r of results) {
          if (r.score === null) continue;
          checked++;
          const lines = r.lines.reduce((s, l) => s + toPoints(l.points)!, 0);
          const shortfalls = r.shortfalls.reduce((s, f) => s + toPoints(f.points)!, 0);
          expect(toPoints(r.score)).toBe(toPoints(100)! + lines + shortfalls);
        }
      }),
      { seed: 13, numRuns: 200 },
    );
    expect(checked).toBeGreaterThan(500); // unit-weeks with a score were really checked
  });
});

describe('rankUnits', () => {
  it('ranks accumulate-mode (penalty) scores lower-is-better and unranks units with too few inspections', () => {
    const base = { inspections: 2, vetoes: 0, deductions: 0, verdicts: { pass: 2, fail: 0, indeterminate: 0, not_eligible: 0 }, shortfalls: [], latest: null, lines: [] };
    const period = { key: '2024-03', unit: 'month' as const, start: '2024-03-01', end: '2024-03-31' };
    const tables = rankUnits(
      [
        { ...base, unit: { id: 'x' }, period, score: 5 },
        { ...base, unit: { id: 'y' }, period, score: 2 },
        { ...base, unit: { id: 'z' }, period, score: 1, inspections: 1 },
      ],
      { better: 'lower', minInspections: 2 },
    );
    expect(tables[0]!.groups[0]!.rows.map((r) => [r.result.unit.id, r.rank, r.unranked ?? null])).toEqual([['y', 1, null], ['x', 2, null], ['z', null, 'too_few_inspections']]);
  });
});
