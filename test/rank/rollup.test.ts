/**
 * Groups as units (issue 18.6, gap G5): groups ranked by an aggregate of their members' period results,
 * with the ranking's tie rules; group awards shared by the members (同奖, 000:137). Property tests: a
 * group's score is the aggregate of its members' rows, and the order the members come in never matters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UnitPeriodResult } from '../../src/aggregate/aggregate.js';
import { rankUnits } from '../../src/rank/rank.js';
import { aggregateMembers, rollUp, type RollupAggregate } from '../../src/rank/rollup.js';
import { roundPoints, pointsToNumber } from '../../src/points.js';
import { formatLeagueMarkdown, formatLeagueText } from '../../src/report/league.js';
import { inspect, league, withRanking } from '../support/group-league.js';

const AGGREGATES: readonly RollupAggregate[] = ['mean', 'sum', 'min', 'max', 'passing'];

/** A member's period result: only what a roll-up reads. */
function member(id: string, group: string, score: number | null, failed = 0): UnitPeriodResult {
  return {
    unit: { id, group: { alliance: group, street: group < 'm' ? 'east' : 'west' } },
    period: { unit: 'week', key: '2024-W10', start: '2024-03-04', end: '2024-03-10' },
    inspections: score === null ? 0 : 1 + failed,
    score,
    vetoes: 0,
    deductions: 0,
    verdicts: { pass: score === null ? 0 : 1, fail: failed, indeterminate: 0, not_eligible: 0 },
    shortfalls: [],
    latest: score === null ? null : { date: '2024-03-04', total: score },
    lines: [],
    ...(score === null ? { unscored: 'no_inspection' as const } : {}),
  } as UnitPeriodResult;
}

/** The aggregate written out from the members' rows, the way a clerk would on paper. */
function byHand(scores: readonly number[], passing: readonly boolean[], aggregate: RollupAggregate): number {
  const sum = scores.reduce((a, b) => a + roundPoints(b), 0);
  switch (aggregate) {
    case 'mean':
      return pointsToNumber(Math.round(sum / scores.length));
    case 'sum':
      return pointsToNumber(sum);
    case 'min':
      return Math.min(...scores);
    case 'max':
      return Math.max(...scores);
    case 'passing':
      return pointsToNumber(Math.round((roundPoints(100) * passing.filter(Boolean).length) / passing.length));
  }
}

const memberRows = fc.array(
  fc.record({ group: fc.constantFrom('a1', 'a2', 'n3'), score: fc.integer({ min: 0, max: roundPoints(100) }).map(pointsToNumber), failed: fc.integer({ min: 0, max: 1 }) }),
  { minLength: 1, maxLength: 12 },
);

describe('rollUp: a group is the aggregate of its members', () => {
  it('property: each group score equals the aggregate computed from its members rows', () => {
    fc.assert(
      fc.property(memberRows, fc.constantFrom(...AGGREGATES), (rows, aggregate) => {
        const results = rows.map((r, i) => member(`u${i}`, r.group, r.score, r.failed));
        for (const g of rollUp(results, { by: 'alliance', aggregate })) {
          const mine = rows.filter((r) => r.group === g.unit.id);
          expect(g.members.map((m) => m.id).sort()).toEqual(results.filter((r) => r.unit.group!.alliance === g.unit.id).map((r) => r.unit.id).sort());
          expect(g.score).toBe(byHand(mine.map((r) => r.score), mine.map((r) => r.failed === 0), aggregate));
          expect(g.inspections).toBe(mine.reduce((n, r) => n + 1 + r.failed, 0));
        }
      }),
    );
  });

  it('property: the order the members come in never changes a group result or the group table', () => {
    fc.assert(
      fc.property(memberRows, fc.constantFrom(...AGGREGATES), fc.constantFrom('competition', 'dense', 'ordinal', 'fractional') as fc.Arbitrary<'competition'>, (rows, aggregate, ties) => {
        const results = rows.map((r, i) => member(`u${i}`, r.group, r.score, r.failed));
        const shuffled = [...results].reverse();
        const one = rollUp(results, { by: 'alliance', aggregate, within: 'street' });
        const two = rollUp(shuffled, { by: 'alliance', aggregate, within: 'street' });
        expect(two).toEqual(one);
        const table = (g: typeof one) => rankUnits(g, { better: 'higher', ties, groupBy: 'street' }).map((t) => t.groups.map((x) => x.rows.map((r) => [r.result.unit.id, r.rank])));
        expect(table(two).map((t) => [...t].sort())).toEqual(table(one).map((t) => [...t].sort()));
      }),
    );
  });

  it('a member with no score makes its group indeterminate: never counted as zero, nor as passing', () => {
    const [g] = rollUp([member('x', 'a1', 90), member('y', 'a1', null)], { by: 'alliance', aggregate: 'mean' });
    expect(g!.score).toBeNull();
    expect(g!.unscored).toBe('indeterminate');
    expect(aggregateMembers([{ id: 'x', score: 90, passing: true }, { id: 'y', score: 80, passing: false }], 'passing')).toBe(50);
  });

  it('a member whose score was refused as too large makes its group refused too (too_large), whatever the aggregate, even beside an undecided member', () => {
    const refused = { ...member('r', 'a1', 1), score: null, unscored: 'too_large' as const };
    const undecided = { ...member('u', 'a1', 1), score: null, unscored: 'indeterminate' as const };
    for (const aggregate of AGGREGATES) {
      for (const results of [[member('x', 'a1', 90), refused], [undecided, refused, member('x', 'a1', 90)]]) {
        const [g] = rollUp(results, { by: 'alliance', aggregate });
        expect([g!.score, g!.unscored]).toEqual([null, 'too_large']);
      }
      const [g] = rollUp([member('x', 'a1', 90), undecided], { by: 'alliance', aggregate });
      expect([g!.score, g!.unscored]).toEqual([null, 'indeterminate']);
    }
  });

  it('property: a member without a score says why (its own unscored), one with a score says nothing', () => {
    const why = fc.constantFrom(undefined, 'no_inspection' as const, 'indeterminate' as const, 'too_large' as const);
    fc.assert(
      fc.property(fc.array(fc.record({ group: fc.constantFrom('a1', 'n3'), why }), { minLength: 1, maxLength: 8 }), (rows) => {
        const results = rows.map((r, i) => (r.why === undefined ? member(`u${i}`, r.group, 90) : { ...member(`u${i}`, r.group, 90), score: null, unscored: r.why }));
        const listed = rollUp(results, { by: 'alliance', aggregate: 'mean' }).flatMap((g) => g.members);
        for (const m of listed) expect(m.unscored).toBe(rows[Number(m.id.slice(1))]!.why);
        for (const m of listed) expect('unscored' in m).toBe(m.score === null);
      }),
    );
  });

  it('units without the group key are in no group', () => {
    const lone = { ...member('z', 'a1', 90), unit: { id: 'z' } };
    expect(rollUp([lone], { by: 'alliance', aggregate: 'mean' })).toEqual([]);
  });
});

describe('the roll-up in a league: ranks, ties and awards shared by members', () => {
  // Alliance A (a1 100, a2 96 → mean 98), B (b1 99, b2 97 → 98), C (c1 95 → 95): A and B tie on the mean.
  const cards = [
    inspect({ id: 'a1', group: { alliance: 'A' } }),
    inspect({ id: 'a2', floor: 4, group: { alliance: 'A' } }),
    inspect({ id: 'b1', floor: 1, group: { alliance: 'B' } }),
    inspect({ id: 'b2', floor: 3, group: { alliance: 'B' } }),
    inspect({ id: 'c1', floor: 5, group: { alliance: 'C' } }),
  ];
  const rollup = (aggregate: string, awards: Record<string, unknown>[] = [{ id: 'flag', name: { en: 'alliance flag', 'zh-CN': '联盟流动红旗' }, period: 'week' }]) =>
    withRanking([], [{ id: 'alliances', name: { en: 'alliances', 'zh-CN': '联盟' }, by: 'alliance', aggregate, awards }]);

  it('ranks groups by the mean with competition ties, and the tied best share the flag; every member shares it (同奖)', () => {
    const l = league(rollup('mean'), cards, { rollup: 'alliances' });
    expect(l.rollup!.tables[0]!.groups[0]!.rows.map((r) => [r.result.unit.id, r.rank, r.result.score])).toEqual([['A', 1, 98], ['B', 1, 98], ['C', 3, 95]]);
    expect(l.rollup!.awards.map((a) => a.holders)).toEqual([['A', 'B']]);
    expect(l.rollup!.shared.map((s) => [s.group, s.members])).toEqual([['A', ['a1', 'a2']], ['B', ['b1', 'b2']]]);
  });

  it('min ranks by the worst member; a tie-breaker of the ranking breaks group ties too', () => {
    const l = league(rollup('min'), cards, { rollup: 'alliances' });
    expect(l.rollup!.tables[0]!.groups[0]!.rows.map((r) => [r.result.unit.id, r.rank, r.result.score])).toEqual([['B', 1, 97], ['A', 2, 96], ['C', 3, 95]]);
    const standard = rollup('mean');
    const broken = { ...standard, ranking: { ...standard.ranking!, tieBreakers: ['fewer-deductions' as const] } };
    expect(league(broken, cards, { rollup: 'alliances' }).rollup!.tables[0]!.groups[0]!.rows.map((r) => [r.result.unit.id, r.rank])).toEqual([['A', 1], ['B', 2], ['C', 3]]);
  });

  it('a member vetoed keeps its whole group from the flag (同罚): the next group holds it', () => {
    const vetoed = [...cards, inspect({ id: 'a1', facts: { smoking: true }, date: '2024-03-06', group: { alliance: 'A' } })];
    const l = league(rollup('max'), vetoed, { rollup: 'alliances' });
    const award = l.rollup!.awards[0]!;
    expect(award.excluded).toEqual(['A']);
    expect(l.rollup!.tables[0]!.groups[0]!.rows.find((r) => r.result.unit.id === 'A')!.vetoes).toHaveLength(1);
  });

  it('passing: the share of members passing ranks higher-is-better even in accumulate mode (fewer points better for units)', () => {
    const passing = rollup('passing');
    const accumulate = { ...passing, scoring: { ...passing.scoring, mode: 'accumulate' as const } };
    const mixed = [
      inspect({ id: 'a1', group: { alliance: 'A' } }),
      inspect({ id: 'a2', facts: { closedHours: 5 }, group: { alliance: 'A' } }),
      inspect({ id: 'b1', group: { alliance: 'B' } }),
      inspect({ id: 'b2', group: { alliance: 'B' } }),
    ];
    const rows = league(accumulate, mixed, { rollup: 'alliances' }).rollup!.tables[0]!.groups[0]!.rows;
    expect(rows.map((r) => [r.result.unit.id, r.rank, r.result.score])).toEqual([['B', 1, 100], ['A', 2, 50]]);
  });

  it('a member not inspected is listed with why, in JSON and beside its name in text and Markdown (en, zh-CN)', () => {
    const units = ['a1', 'a2', 'b1', 'b2', 'c1', 'c9'].map((id) => ({ id, name: id, group: { alliance: id[0]!.toUpperCase() } }));
    const l = league(rollup('mean'), cards, { rollup: 'alliances', units });
    const c = l.rollup!.results.find((g) => g.unit.id === 'C')!;
    expect([c.score, c.unscored]).toEqual([null, 'indeterminate']);
    expect(JSON.parse(JSON.stringify(c.members))).toEqual([
      { id: 'c1', score: 95, passing: true },
      { id: 'c9', score: null, unscored: 'no_inspection', passing: false },
    ]);
    const standard = rollup('mean');
    expect(formatLeagueText(l, standard, 'en')).toContain('members C: c1, c9 (not inspected)');
    expect(formatLeagueMarkdown(l, standard, 'en')).toContain('- members C: c1, c9 (not inspected)');
    expect(formatLeagueText(l, standard, 'zh-CN')).toContain('成员 C: c1、c9（本期未检查）');
  });

  it('no roll-up unless asked for; an unknown roll-up is an error that names the known ones', () => {
    expect(league(rollup('mean'), cards).rollup).toBeUndefined();
    expect(() => league(rollup('mean'), cards, { rollup: 'streets' })).toThrow(/alliances/);
  });
});

describe('the roll-up example of docs/standard-format.md', () => {
  it('parses, and ranks alliances within their street by the mean of their members, the flag shared by the members', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const doc = readFileSync(new URL('../../docs/standard-format.md', import.meta.url), 'utf8');
    const block = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes('rollups:'))!;
    const rollups = (parse(block) as { ranking: { rollups: Record<string, unknown>[] } }).ranking.rollups;
    const cards = [
      inspect({ id: 'c1', floor: 2, date: '2024-01-10', group: { alliance: 'east', street: 's' } }),
      inspect({ id: 'c2', date: '2024-01-10', group: { alliance: 'east', street: 's' } }),
      inspect({ id: 'c3', floor: 3, date: '2024-01-10', group: { alliance: 'west', street: 's' } }),
    ];
    const l = league(withRanking([], rollups), cards, { period: 'quarter', rollup: 'alliances' });
    // Deduct mode here: east (98 + 100) / 2 = 99, west 97.
    expect(l.rollup!.tables[0]!.groups.map((g) => [g.group, g.rows.map((r) => [r.result.unit.id, r.result.score])])).toEqual([['s', [['east', 99], ['west', 97]]]]);
    expect(l.rollup!.shared).toEqual([{ period: '2024-Q1', award: 'red-flag-rollup', group: 'east', members: ['c1', 'c2'] }]);
  });
});
