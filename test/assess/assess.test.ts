/** Scorecards → an assessment's results: a stage is aggregated from its own kinds' inspections only. */
import { describe, expect, it } from 'vitest';
import { assessScorecards } from '../../src/assess/assess.js';
import type { Stages } from '../../src/assess/schema.js';
import { compileStandard } from '../../src/compile/standard.js';
import { scoreRecord } from '../../src/score/batch.js';
import type { Scorecard } from '../../src/score/scorecard.js';
import { loadStandard } from '../../src/standard/load-file.js';
import type { Standard } from '../../src/standard/schema.js';

/** community-red-flag scorecards of unit u, one per record (id, kind, date). */
function redFlagCards(standard: Standard, records: readonly { id: string; kind: string; date: string }[]): Scorecard[] {
  const scorer = compileStandard(standard);
  return records.map((r) => {
    const result = scoreRecord(scorer, { ...r, standard: 'community-red-flag', unit: { id: 'u' }, findings: [] });
    if (!result.ok) throw new Error('record rejected');
    return result.scorecard;
  });
}

/** An assessment in stages of community-red-flag, each stage its kinds. */
const redFlagStages = (stages: Record<string, string[]>): Stages => ({
  assess: 'stages',
  id: 's',
  name: { en: 'S' },
  assumptions: [],
  standard: 'community-red-flag.yaml',
  final: 'last',
  stages: Object.entries(stages).map(([id, kinds]) => ({ id, name: { en: id }, kinds })),
});

describe('assessScorecards: stages', () => {
  it('a stage counts only the frequency requirements of its own kinds: another stage\'s inspections are not its shortfall', async () => {
    const loaded = await loadStandard('standards/community-red-flag.yaml');
    if (!loaded.ok) throw new Error('community-red-flag does not load');
    // Each missing weekly check costs 1 penalty point (the shipped standard charges none).
    const ranking = loaded.standard.ranking!;
    const standard = { ...loaded.standard, ranking: { ...ranking, frequency: ranking.frequency.map((f) => ({ ...f, points: 1 })) } };
    const cards = redFlagCards(standard, [
      { id: 'w', kind: 'weekly', date: '2024-01-10' },
      { id: 'q', kind: 'street-quarterly', date: '2024-01-20' },
    ]);
    const stages = redFlagStages({ weekly: ['weekly'], street: ['street-quarterly'] });
    const result = assessScorecards(stages, new Map([['s', standard]]), cards, { period: 'month' });
    if (result.assess !== 'stages') throw new Error('not stages');
    // weekly: 1 check of the 4 a month, 3 short → 0 spots + 3; street: no weekly requirement of its own → 0
    expect(result.results.map((r) => r.stages.map((s) => s.result))).toEqual([[3, 0]]);
    expect(result.results[0]!.final).toBe(0);
    // The rank is added as the last key of a copy with the result's keys in order, as `{ ...r, rank }` gives.
    expect(JSON.stringify(result.results)).toBe(JSON.stringify(result.results.map(({ rank, ...r }) => ({ ...r, rank }))));
    expect(Object.keys(result.results[0]!).at(-1)).toBe('rank');
  });
});

describe('assessScorecards: inspections in no period', () => {
  it('lists an inspection the calendar puts in no period (a holiday, between terms), once, instead of dropping it without a word', async () => {
    const loaded = await loadStandard('standards/community-red-flag.yaml');
    if (!loaded.ok) throw new Error('community-red-flag does not load');
    const cards = redFlagCards(loaded.standard, [
      { id: 'in', kind: 'weekly', date: '2024-03-04' },
      { id: 'holiday', kind: 'weekly', date: '2024-04-05' },
      { id: 'summer', kind: 'street-quarterly', date: '2024-08-01' },
    ]);
    const stages = redFlagStages({ weekly: ['weekly'], all: ['weekly', 'street-quarterly'] });
    const calendar = { terms: [{ id: 'spring', from: '2024-02-26', to: '2024-07-05', holidays: [{ from: '2024-04-04', to: '2024-04-06' }] }] };
    const result = assessScorecards(stages, new Map([['s', loaded.standard]]), cards, { period: 'term', calendar });
    expect(result.leftOut?.map((c) => [c.record, c.date, c.why.reason])).toEqual([
      ['holiday', '2024-04-05', 'holiday'],
      ['summer', '2024-08-01', 'outside_terms'],
    ]);
    expect(assessScorecards(stages, new Map([['s', loaded.standard]]), cards.slice(0, 1), { period: 'term', calendar }).leftOut).toBeUndefined();
  });
});
