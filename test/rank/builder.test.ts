/**
 * LeagueBuilder keeps of each scorecard only what the league reads, and builds buildLeague's league:
 * the same JSON, byte for byte, for the school league (awards, boards, warnings, streaks, traced
 * lines), for awards limited to inspection kinds, and for exclusions by band, veto and verdict here
 * or by another standard (`elsewhere`), which read the kept band, lines and verdict.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSchool, prng } from '../../bench/generate.mjs';
import { LeagueBuilder } from '../../src/entries/league.js';
import { buildLeague, compileStandard, parseStandard, scoreRecord, type LeagueOptions, type Scorecard, type Standard } from '../../src/index.js';
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
