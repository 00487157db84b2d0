/**
 * Awards that mean what offices mean (issue 18.5): top-N (十佳, 000:1431), per-group quotas (每班一名,
 * 000:1347), awards limited to inspection kinds (gap G8), and eligibility by a verdict, a band or a
 * veto in this standard or another (004:1047 取消年度评优、评先), with ties as the award says.
 */
import { describe, expect, it } from 'vitest';
import { RankingSchema } from '../../src/standard/ranking-schema.js';
import { canteenCheck, inspect, league, withRanking } from '../support/group-league.js';

const given = (l: ReturnType<typeof league>) => l.awards.map((a) => ({ award: a.award, holders: a.holders, ...(a.none ? { none: a.none } : {}), ...(a.passedOver ? { passedOver: a.passedOver } : {}), ...(a.excluded ? { excluded: a.excluded } : {}) }));

// Scores 100, 99, 99, 98, 97; grades g1 g1 g2 g2 g3.
const five = [
  inspect({ id: 'a', group: { grade: 'g1' } }),
  inspect({ id: 'b', floor: 1, group: { grade: 'g1' } }),
  inspect({ id: 'c', floor: 1, group: { grade: 'g2' } }),
  inspect({ id: 'd', floor: 2, group: { grade: 'g2' } }),
  inspect({ id: 'e', floor: 3, group: { grade: 'g3' } }),
];

describe('top-N awards (winners: top, count)', () => {
  it('gives the first `count` units the award; units tied at the cut all get it under ties: share', () => {
    expect(given(league(withRanking([{ id: 'ten', winners: 'top', count: 3 }]), five))).toEqual([{ award: 'ten', holders: ['a', 'b', 'c'] }]);
    expect(given(league(withRanking([{ id: 'ten', winners: 'top', count: 2 }]), five))).toEqual([{ award: 'ten', holders: ['a', 'b', 'c'] }]);
  });

  it('gives it to none of the units tied across the cut under ties: none, and says whom it passed over', () => {
    expect(given(league(withRanking([{ id: 'ten', winners: 'top', count: 2, ties: 'none' }]), five))).toEqual([{ award: 'ten', holders: ['a'], passedOver: ['b', 'c'] }]);
  });

  it('respects min: a top-10 of five units gives it to those reaching the bar only', () => {
    expect(given(league(withRanking([{ id: 'ten', winners: 'top', count: 10, min: 98 }]), five))).toEqual([{ award: 'ten', holders: ['a', 'b', 'c', 'd'] }]);
  });

  it('needs a count with winners: top, and no count without it', () => {
    expect(RankingSchema.safeParse({ awards: [{ id: 'ten', name: { en: 'top ten' }, period: 'week', winners: 'top' }] }).success).toBe(false);
    expect(RankingSchema.safeParse({ awards: [{ id: 'ten', name: { en: 'top ten' }, period: 'week', count: 10 }] }).success).toBe(false);
  });
});

describe('per-group quotas (每班一名)', () => {
  it('a school-wide top 3 with at most one per grade skips a grade that already has one', () => {
    const l = league(withRanking([{ id: 'ten', winners: 'top', count: 3, quota: { by: 'grade', max: 1 } }]), five);
    expect(given(l)).toEqual([{ award: 'ten', holders: ['a', 'c', 'e'], passedOver: ['b', 'd'] }]);
  });

  it('a bar award with a quota: every unit reaching min, at most one per grade, best first', () => {
    const l = league(withRanking([{ id: 'bar', winners: 'bar', min: 97, quota: { by: 'grade', max: 1 } }]), five);
    expect(given(l)).toEqual([{ award: 'bar', holders: ['a', 'c', 'e'], passedOver: ['b', 'd'] }]);
  });

  it('two units of one grade tied for its one place: both under ties: share, neither under ties: none', () => {
    const tied = [inspect({ id: 'a', group: { grade: 'g1' } }), inspect({ id: 'b', group: { grade: 'g1' } }), inspect({ id: 'c', floor: 1, group: { grade: 'g2' } })];
    expect(given(league(withRanking([{ id: 'ten', winners: 'top', count: 3, quota: { by: 'grade', max: 1 } }]), tied))[0]!.holders).toEqual(['a', 'b', 'c']);
    expect(given(league(withRanking([{ id: 'ten', winners: 'top', count: 3, quota: { by: 'grade', max: 1 }, ties: 'none' }]), tied))).toEqual([{ award: 'ten', holders: ['c'], passedOver: ['a', 'b'] }]);
  });
});

describe('awards limited to inspection kinds (gap G8)', () => {
  // a: random 100, scheduled 95 → 95 in all; b: random 90, scheduled 97 → 87 in all.
  const cards = [inspect({ id: 'a', kind: 'random' }), inspect({ id: 'a', kind: 'scheduled', floor: 5 }), inspect({ id: 'b', kind: 'random', floor: 10 }), inspect({ id: 'b', kind: 'scheduled', floor: 3 })];

  it('ranks the award on the records of its kinds only: the scheduled checks give it to b, all checks to a', () => {
    const l = league(withRanking([{ id: 'all' }, { id: 'monday', kinds: ['scheduled'] }]), cards);
    expect(l.tables[0]!.groups[0]!.rows.map((r) => [r.result.unit.id, r.result.score])).toEqual([['a', 95], ['b', 87]]);
    expect(given(l)).toEqual([{ award: 'all', holders: ['a'] }, { award: 'monday', holders: ['b'] }]);
  });

  it('leaves out a record superseded by a correction of another kind: the correction takes it out of its old kind\'s table', () => {
    // a's only scheduled check (100) was corrected to a random check with 10 deductions: a has no scheduled check left.
    const wrong = inspect({ id: 'a', kind: 'scheduled' });
    const corrected = { ...inspect({ id: 'a', kind: 'random', floor: 10 }), supersedes: wrong.record! };
    const l = league(withRanking([{ id: 'monday', kinds: ['scheduled'] }]), [wrong, inspect({ id: 'b', kind: 'scheduled', floor: 3 }), corrected]);
    expect(given(l)).toEqual([{ award: 'monday', holders: ['b'] }]);
  });
});

describe('eligibility by a verdict, a band or a veto, here or in another standard', () => {
  it('{ bands: [poor] }: a class with an inspection in the poor band cannot hold it', () => {
    const cards = [inspect({ id: 'a' }), inspect({ id: 'a', floor: 4, date: '2024-03-05' }), inspect({ id: 'b', floor: 3 })];
    // a: 100 − 4 = 96 in the week, b: 97; a's second inspection (96) is poor, b's (97) good.
    const l = league(withRanking([{ id: 'flag', winners: 'bar', min: 0, exclude: [{ bands: ['poor'] }] }]), cards);
    expect(given(l)).toEqual([{ award: 'flag', holders: ['b'], excluded: ['a'] }]);
  });

  it('{ standard: canteen, verdict: fail }: a failed canteen check that week keeps the best class from the flag; another week does not', () => {
    const cards = [inspect({ id: 'a' }), inspect({ id: 'b', floor: 1 })];
    const standard = withRanking([{ id: 'flag', exclude: ['veto', { standard: 'canteen', verdict: 'fail' }] }]);
    expect(given(league(standard, cards, { elsewhere: [canteenCheck('a', 10)] }))).toEqual([{ award: 'flag', holders: ['b'], excluded: ['a'] }]);
    expect(given(league(standard, cards, { elsewhere: [canteenCheck('a', 10, '2024-03-12')] }))).toEqual([{ award: 'flag', holders: ['a'] }]);
    expect(given(league(standard, cards, { elsewhere: [canteenCheck('a', 5)] }))).toEqual([{ award: 'flag', holders: ['a'] }]);
    // Without the other standard's scorecards nothing says a failed: it holds the flag.
    expect(given(league(standard, cards))).toEqual([{ award: 'flag', holders: ['a'] }]);
  });

  it('{ verdict: fail } in object form is the same as fail; { veto: true } as veto', () => {
    const cards = [inspect({ id: 'a', facts: { closedHours: 5 } }), inspect({ id: 'b', facts: { smoking: true } }), inspect({ id: 'c', floor: 1 })];
    expect(given(league(withRanking([{ id: 'flag', exclude: [{ verdict: 'fail' }, { veto: true }] }]), cards))).toEqual(given(league(withRanking([{ id: 'flag', exclude: ['fail', 'veto'] }]), cards)));
    expect(given(league(withRanking([{ id: 'flag', exclude: [{ veto: true }] }]), cards))).toEqual([{ award: 'flag', holders: ['a'], excluded: ['b'] }]);
  });

  it('the boards take the same exclusions: the 红榜 passes over a class that failed the canteen check that week', () => {
    const cards = [inspect({ id: 'a' }), inspect({ id: 'b', floor: 1 })];
    const base = withRanking([]);
    const standard = { ...base, ranking: { ...base.ranking!, boards: { top: 1, bottom: 0, exclude: [{ standard: 'canteen', verdict: 'fail' as const }] } } };
    expect(league(standard, cards, { elsewhere: [canteenCheck('a', 10)] }).boards.map((b) => b.top)).toEqual([['b']]);
    expect(league(standard, cards).boards.map((b) => b.top)).toEqual([['a']]);
  });

  it('{ standard, outcome, tiers }: a unit whose inspection elsewhere has the outcome in one of the tiers is passed over', () => {
    const cards = [inspect({ id: 'a' }), inspect({ id: 'b', floor: 1 })];
    const tiered = (tier: string) => ({ ...canteenCheck('a', 5), outcomes: [{ id: 'stars', name: { en: 'stars' }, value: 1, tier: { id: tier, name: { en: tier } } }] });
    const standard = withRanking([{ id: 'flag', exclude: [{ standard: 'canteen', outcome: 'stars', tiers: ['below'] }] }]);
    expect(given(league(standard, cards, { elsewhere: [tiered('below')] }))).toEqual([{ award: 'flag', holders: ['b'], excluded: ['a'] }]);
    expect(given(league(standard, cards, { elsewhere: [tiered('gold')] }))).toEqual([{ award: 'flag', holders: ['a'] }]);
  });

  it('an exclusion names exactly one of veto, verdict, bands or outcome (with tiers)', () => {
    const award = (exclude: unknown) => RankingSchema.safeParse({ awards: [{ id: 'f', name: { en: 'f' }, period: 'week', exclude: [exclude] }] }).success;
    expect(award({ standard: 'canteen', verdict: 'fail' })).toBe(true);
    expect(award({ outcome: 'stars', tiers: ['below'] })).toBe(true);
    expect(award({ verdict: 'fail', veto: true })).toBe(false);
    expect(award({ outcome: 'stars' })).toBe(false);
    expect(award({ standard: 'canteen' })).toBe(false);
  });
});
