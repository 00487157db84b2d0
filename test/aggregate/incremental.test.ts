/**
 * The incremental league (aggregateScorecards' running totals, traced lines built when read): the
 * same league, byte for byte in every format that shows it, whatever order the scorecards come in.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSchool, prng } from '../../bench/generate.mjs';
import { aggregateScorecards } from '../../src/aggregate/aggregate.js';
import { buildLeague, compileStandard, parseStandard, renderLeague, scoreRecord, type Scorecard } from '../../src/index.js';

const loaded = parseStandard(readFileSync('standards/school-hygiene.yaml', 'utf8'), { file: 'school-hygiene.yaml' });
if (!loaded.ok) throw new Error('school-hygiene.yaml does not load');
const standard = loaded.standard;
const scorer = compileStandard(standard);

/** 600 inspections of 12 classes over a few weeks, in date order; many share a date. */
function scorecards(): Scorecard[] {
  const r = prng(16);
  const records = (generateSchool(600, 16) as Record<string, unknown>[]).map((record, i) => {
    const c = r.int(1, 12);
    return {
    ...record,
    unit: { id: `c${c}`, group: { grade: c <= 6 ? '高一' : '高二' } },
    date: `2024-03-${String(4 + Math.floor(i / 25)).padStart(2, '0')}`,
    };
  });
  return records.map((record) => {
    const scored = scoreRecord(scorer, JSON.parse(JSON.stringify(record)));
    if (!scored.ok) throw new Error(JSON.stringify(scored.diagnostics));
    return scored.scorecard;
  });
}

const cards = scorecards();
const inOrder = (list: readonly Scorecard[]) => list.every((c, i) => i === 0 || list[i - 1]!.date <= c.date);

describe('aggregateScorecards, incrementally', () => {
  it('gives the same league (json, text, md, csv) for the scorecards in date order and shuffled', () => {
    expect(inOrder(cards)).toBe(true);
    const formats = ['json', 'text', 'md', 'csv'] as const;
    const league = buildLeague(standard, cards, { period: 'week', groupBy: 'grade' });
    const expected = formats.map((format) => renderLeague(league, standard, { format, locale: 'zh-CN' }));
    fc.assert(
      fc.property(fc.shuffledSubarray(cards.map((_, i) => i), { minLength: cards.length }), (order) => {
        const again = buildLeague(standard, order.map((i) => cards[i]!), { period: 'week', groupBy: 'grade' });
        expect(formats.map((format) => renderLeague(again, standard, { format, locale: 'zh-CN' }))).toEqual(expected);
      }),
      { numRuns: 8, seed: 16 },
    );
  });

  it('traces lines when they are read, in date order, and every method scores from the running totals as from the cards', () => {
    const reversed = [...cards].reverse();
    for (const method of ['sum', 'mean', 'min', 'latest'] as const) {
      const a = aggregateScorecards(cards, { period: 'week', method, mode: 'deduct' });
      const b = aggregateScorecards(reversed, { period: 'week', method, mode: 'deduct' });
      expect(b.map((r) => [r.unit.id, r.period.key, r.score, r.inspections, r.latest])).toEqual(a.map((r) => [r.unit.id, r.period.key, r.score, r.inspections, r.latest]));
      for (const r of a) {
        const own = cards.filter((c) => c.unit.id === r.unit.id && inPeriod(c, r.period.start, r.period.end));
        expect(r.lines.length).toBe(own.reduce((n, c) => n + c.lines.length, 0));
        expect(inOrder(r.lines as unknown as Scorecard[])).toBe(true);
      }
    }
  });
});

function inPeriod(card: Scorecard, start: string, end: string): boolean {
  return card.date >= start && card.date <= end;
}
