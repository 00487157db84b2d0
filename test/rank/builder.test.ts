/**
 * LeagueBuilder keeps of each scorecard only what the league reads, and builds buildLeague's league:
 * the same JSON, byte for byte, for the school league (awards, boards, warnings, streaks, traced
 * lines), for awards limited to inspection kinds, for exclusions by band, veto and verdict here or by
 * another standard (`elsewhere`), which read the kept band, lines and verdict, and (a property) for any
 * sequence of cards: superseded before or after their correction, out of date order, in no period,
 * units of one id in other shapes, built, added to and built again.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSchool, prng } from '../../bench/generate.mjs';
import { LeagueBuilder } from '../../src/entries/league.js';
import { readsCards } from '../../src/rank/league.js';
import { supersededIds } from '../../src/score/scorecard.js';
import { renderLeague } from '../../src/report/render.js';
import { RankingSchema } from '../../src/standard/ranking-schema.js';
import { buildLeague, compileStandard, parseStandard, scoreRecord, type League, type LeagueOptions, type Scorecard, type ScoreLine, type Standard } from '../../src/index.js';
import type { Calendar } from '../../src/aggregate/periods.js';
import { canteenCheck, inspect, withRanking } from '../support/group-league.js';

function built(standard: Standard, cards: readonly Scorecard[], options: LeagueOptions): string {
  const builder = new LeagueBuilder(standard, options);
  for (const card of cards) builder.add(card);
  return JSON.stringify(builder.build());
}

describe('LeagueBuilder', () => {
  it('builds the school league of buildLeague, cards in order and reversed', () => {
    const loaded = parseStandard(readFileSync('standards/school-hygiene.yaml', 'utf8'), { file: 'school-hygiene.yaml' });
    if (!loaded.ok) throw new Error('school-hygiene.yaml does not load');
    const scorer = compileStandard(loaded.standard);
    const r = prng(18);
    const cards = (generateSchool(300, 18) as Record<string, unknown>[]).map((record, i) => {
      const c = r.int(1, 12);
      const scored = scoreRecord(scorer, { ...record, unit: { id: `c${c}`, group: { grade: c <= 6 ? '高一' : '高二' } }, date: `2024-03-${String(4 + Math.floor(i / 15)).padStart(2, '0')}` });
      if (!scored.ok) throw new Error(JSON.stringify(scored.diagnostics));
      return scored.scorecard;
    });
    const options = { period: 'week', groupBy: 'grade' } as const;
    const expected = JSON.stringify(buildLeague(loaded.standard, cards, options));
    expect(expected).toContain('"lines":[{');
    expect(built(loaded.standard, cards, options)).toBe(expected);
    expect(built(loaded.standard, [...cards].reverse(), options)).toBe(JSON.stringify(buildLeague(loaded.standard, [...cards].reverse(), options)));
  });

  it('builds the same awards limited to kinds, and the same exclusions by band, veto, verdict and another standard', () => {
    const cards = [
      inspect({ id: 'a', kind: 'random' }),
      inspect({ id: 'a', kind: 'scheduled', floor: 4, date: '2024-03-05' }),
      inspect({ id: 'b', kind: 'random', floor: 1 }),
      inspect({ id: 'b', kind: 'scheduled', floor: 3 }),
      inspect({ id: 'c', facts: { smoking: true } }),
    ];
    const standard = withRanking([
      { id: 'all', exclude: [{ bands: ['poor'] }] },
      { id: 'monday', kinds: ['scheduled'] },
      { id: 'clean', winners: 'bar', min: 0, exclude: [{ veto: true }, { verdict: 'fail' }, { standard: 'canteen', verdict: 'fail' }] },
    ]);
    const options = { period: 'week', elsewhere: [canteenCheck('b', 10)] } as const;
    const expected = buildLeague(standard, cards, options);
    expect(expected.awards.some((a) => (a.excluded ?? []).length > 0)).toBe(true);
    expect(built(standard, cards, options)).toBe(JSON.stringify(expected));
  });
});

// Cards to draw from: clean, with deductions, with a veto, failing; random and scheduled.
const pool = [
  inspect({ id: 'x' }),
  inspect({ id: 'x', floor: 2 }),
  inspect({ id: 'x', kind: 'scheduled', floor: 1 }),
  inspect({ id: 'x', facts: { smoking: true } }),
  inspect({ id: 'x', facts: { closedHours: 5 } }),
  inspect({ id: 'x', kind: 'scheduled' }),
];
// The same unit id in other shapes: a name, another group, the group's keys in another order.
const units = [
  { id: 'a', name: 'A', group: { grade: '一', set: 'p' } },
  { id: 'a', name: 'A', group: { set: 'p', grade: '一' } },
  { id: 'a', group: { grade: '一', set: 'p' } },
  { id: 'b', name: 'B', group: { grade: '一', set: 'q' } },
  { id: 'c', name: 'C', group: { grade: '二', set: 'q' } },
  { id: 'c', name: 'C2', group: { grade: '二', set: 'q' } },
];
// Two teaching weeks, a holiday and a day between terms (both in no period).
const dates = ['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-11', '2024-03-12', '2024-04-05', '2024-08-01'];
const calendar: Calendar = {
  terms: [
    { id: 'spring', from: '2024-02-26', to: '2024-07-05', holidays: [{ from: '2024-04-04', to: '2024-04-06' }] },
    { id: 'autumn', from: '2024-09-01', to: '2025-01-20' },
  ],
};
const standard = withRanking([
  { id: 'flag' },
  { id: 'monday', kinds: ['scheduled'] },
  { id: 'good', winners: 'bar', min: 0, exclude: [{ bands: ['poor'] }, 'veto'] },
]);
const card = fc
  .record({
    from: fc.nat(pool.length - 1),
    unit: fc.nat(units.length - 1),
    date: fc.nat(dates.length - 1),
    record: fc.option(fc.nat(9), { nil: undefined }),
    supersedes: fc.option(fc.nat(9), { nil: undefined }),
  })
  .map(({ from, unit, date, record, supersedes }): Scorecard => {
    const { record: _record, supersedes: _supersedes, ...rest } = pool[from]!;
    return {
      ...rest,
      unit: { ...units[unit]!, group: { ...units[unit]!.group } },
      date: dates[date]!,
      ...(record !== undefined ? { record: `r${record}` } : {}),
      // A third of the cards with a record supersede another.
      ...(supersedes !== undefined && supersedes % 3 === 0 ? { supersedes: `r${supersedes}` } : {}),
    };
  });

describe('LeagueBuilder, incrementally', () => {
  it('is buildLeague of the cards added so far, at every build, and a build stays as it was after more adds', () => {
    fc.assert(
      fc.property(fc.array(card, { maxLength: 40 }), fc.array(card, { maxLength: 20 }), fc.constantFrom('week', 'term', 'month'), (first, then, period) => {
        const options: LeagueOptions = { period, groupBy: 'grade', calendar };
        const builder = new LeagueBuilder(standard, options);
        for (const c of first) builder.add(c);
        const before = builder.build();
        const seen = JSON.stringify(before);
        expect(seen).toBe(JSON.stringify(buildLeague(standard, first, options)));
        for (const c of then) builder.add(c);
        expect(JSON.stringify(builder.build())).toBe(JSON.stringify(buildLeague(standard, [...first, ...then], options)));
        expect(JSON.stringify(before)).toBe(seen);
      }),
      { numRuns: 100, seed: 16 },
    );
  });
});

describe("LeagueBuilder's cells (a ranking that reads no more of a card than its cell keeps)", () => {
  // Awards, boards, a warning, a roll-up and frequency by kind, with exclusions the results say (a veto, a fail).
  const lean = (method: 'sum' | 'mean' | 'min' | 'latest'): Standard => {
    const withAwards = withRanking(
      [{ id: 'flag' }, { id: 'good', winners: 'bar', min: 0, exclude: ['veto', 'fail'] }],
      [{ id: 'sets', name: { en: 'sets' }, by: 'set', awards: [{ id: 'set-flag', name: { en: 'set flag' }, period: 'week' }] }],
    );
    const ranking = RankingSchema.parse({
      ...withAwards.ranking,
      aggregate: method,
      tieBreakers: ['fewer-deductions', 'better-latest'],
      boards: { top: 1, bottom: 1, exclude: ['veto'] },
      lastWarning: 2,
      frequency: [
        { id: 'any', min: 2, per: 'week', points: 1 },
        { id: 'monday', kind: 'scheduled', min: 1, per: 'week', points: 0.5 },
      ],
    });
    return { ...withAwards, ranking };
  };
  const vetoesOnly = (league: League) => JSON.parse(JSON.stringify(league), (key, value) => (key === 'lines' && Array.isArray(value) ? value.filter((l: ScoreLine) => l.type === 'veto') : value));

  it('keeps no card: its ranking reads none, and the ones that do are told apart', () => {
    expect(readsCards(lean('sum').ranking!, { period: 'week' })).toBe(false);
    expect(readsCards(standard.ranking!, { period: 'week' })).toBe(true);
    expect(readsCards(lean('sum').ranking!, { period: 'week', elsewhere: [canteenCheck('b', 10)] })).toBe(true);
  });

  it('is buildLeague of the cards added so far, at every build, and a build stays as it was after more adds; with traced vetoes, but for the other lines', () => {
    fc.assert(
      fc.property(
        fc.array(card, { maxLength: 40 }),
        fc.array(card, { maxLength: 20 }),
        fc.constantFrom('week', 'term', 'month'),
        fc.constantFrom('sum', 'mean', 'min', 'latest'),
        fc.boolean(),
        (first, then, period, method, rollup) => {
          const standard = lean(method);
          const options: LeagueOptions = { period, groupBy: 'grade', calendar, ...(rollup ? { rollup: 'sets' } : {}) };
          const builder = new LeagueBuilder(standard, options);
          const vetoes = new LeagueBuilder(standard, options, { traced: 'vetoes' });
          for (const c of first) builder.add(c), vetoes.add(c);
          const before = builder.build();
          const seen = JSON.stringify(before);
          const expected = buildLeague(standard, first, options);
          expect(seen).toBe(JSON.stringify(expected));
          expect(vetoesOnly(vetoes.build())).toEqual(vetoesOnly(expected));
          for (const c of then) builder.add(c), vetoes.add(c);
          const all = buildLeague(standard, [...first, ...then], options);
          expect(JSON.stringify(builder.build())).toBe(JSON.stringify(all));
          const traced = vetoes.build();
          expect(vetoesOnly(traced)).toEqual(vetoesOnly(all));
          for (const format of ['text', 'md', 'csv'] as const) expect(renderLeague(traced, standard, { format })).toBe(renderLeague(all, standard, { format }));
          expect(JSON.stringify(before)).toBe(seen);
        },
      ),
      { numRuns: 150, seed: 16 },
    );
  });

  it('shows a unit as its first card does, in every period, and as its next one once that card is superseded', () => {
    const standard = withRanking([{ id: 'flag' }]);
    const at = (name: string, date: string, record: string, supersedes?: string): Scorecard => ({
      ...inspect({ id: 'x' }),
      unit: { id: 'a', name },
      date,
      record,
      ...(supersedes ? { supersedes } : {}),
    });
    const names = (league: League) => league.results.map((r) => `${r.period.key} ${r.unit.name}`);
    const builder = new LeagueBuilder(standard, { period: 'week' });
    for (const c of [at('A', '2024-03-05', 'r1'), at('A2', '2024-03-11', 'r2'), at('A3', '2024-03-04', 'r3')]) builder.add(c);
    expect(names(builder.build())).toEqual(['2024-W10 A', '2024-W11 A']);
    builder.add(at('A4', '2024-03-12', 'r4', 'r1'));
    expect(names(builder.build())).toEqual(['2024-W10 A2', '2024-W11 A2']);
  });

  it("takes another standard's cards (addElsewhere) as rank --also held them: corrections across standards first, then buildLeague with them elsewhere", () => {
    const byCanteen = withRanking([{ id: 'flag', exclude: ['veto', { standard: 'canteen', verdict: 'fail' }] }]);
    fc.assert(
      fc.property(fc.array(fc.tuple(card, fc.boolean()), { maxLength: 40 }), fc.boolean(), (items, cells) => {
        const standard = cells ? lean('mean') : byCanteen;
        const options: LeagueOptions = { period: 'week', groupBy: 'grade', calendar };
        const cards = items.map(([c, other]) => (other ? { ...c, standard: 'canteen@1' } : c));
        const builder = new LeagueBuilder(standard, options);
        cards.forEach((c, i) => (items[i]![1] ? builder.addElsewhere(c) : builder.add(c)));
        const gone = supersededIds(cards);
        const current = cards.filter((c) => c.record === undefined || !gone.has(c.record));
        const expected = buildLeague(standard, current.filter((c) => c.standard !== 'canteen@1'), { ...options, elsewhere: current.filter((c) => c.standard === 'canteen@1') });
        expect(JSON.stringify(builder.build())).toBe(JSON.stringify(expected));
      }),
      { numRuns: 100, seed: 16 },
    );
  });
});
