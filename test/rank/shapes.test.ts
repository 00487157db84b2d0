/**
 * A league's objects stay on V8's fast maps. A result with its own `get lines()` closure, or an award
 * spread together from optional parts, got a map of its own per object, and V8 turned results into
 * slow dictionaries: ranking, awards and boards then read every field through a hash lookup (half of
 * buildLeague's time on a small league). This asks V8 itself (`%HasFastProperties`, natives syntax
 * switched on for this test file only) and counts the maps, so a change that brings it back fails.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { generateSchool, prng } from '../../bench/generate.mjs';
import { aggregateScorecards } from '../../src/aggregate/aggregate.js';
import { buildLeague, compileStandard, parseStandard, scoreRecord, type Scorecard } from '../../src/index.js';

setFlagsFromString('--allow-natives-syntax');
// Compiled after the flag is set: the natives are V8's own test hooks.
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

const loaded = parseStandard(readFileSync('standards/school-hygiene.yaml', 'utf8'), { file: 'school-hygiene.yaml' });
if (!loaded.ok) throw new Error('school-hygiene.yaml does not load');
const standard = loaded.standard;
const scorer = compileStandard(standard);
/** 400 inspections of 24 classes in 2 grades over 10 weeks. */
const r = prng(16);
const cards: Scorecard[] = (generateSchool(400, 16) as Record<string, unknown>[]).map((record, i) => {
  const c = r.int(1, 24);
  const day = new Date(Date.UTC(2024, 2, 4 + Math.floor(i / 40) * 7 + r.int(0, 4))).toISOString().slice(0, 10);
  const scored = scoreRecord(scorer, { ...record, unit: { id: `c${String(c).padStart(2, '0')}`, group: { grade: c <= 12 ? '高一' : '高二' } }, date: day });
  if (!scored.ok) throw new Error(JSON.stringify(scored.diagnostics));
  return scored.scorecard;
});

/** How many of the objects are dictionaries, and how many distinct maps they have. */
function shapes(objects: readonly object[]): { slow: number; maps: number } {
  const maps: object[] = [];
  for (const o of objects) if (!maps.some((m) => haveSameMap(m, o))) maps.push(o);
  return { slow: objects.filter((o) => !hasFastProperties(o)).length, maps: maps.length };
}

describe('league objects on fast maps', () => {
  it('natives answer (the check itself works)', () => {
    const dictionary: Record<string, number> = { a: 1 };
    for (let i = 0; i < 2000; i++) dictionary[`k${i}`] = i;
    expect(hasFastProperties({ a: 1 })).toBe(true);
    expect(hasFastProperties(dictionary)).toBe(false);
  });

  it('results, rows and awards of a league are fast objects on a handful of maps', () => {
    const league = buildLeague(standard, cards, { period: 'week', groupBy: 'grade' });
    const rows = league.tables.flatMap((t) => t.groups.flatMap((g) => g.rows));
    expect(league.results.length).toBe(240);
    // inspected or not, with or without `unscored`
    expect(shapes(league.results)).toMatchObject({ slow: 0, maps: expect.toSatisfy((n: number) => n <= 4) });
    expect(shapes(rows)).toMatchObject({ slow: 0, maps: expect.toSatisfy((n: number) => n <= 4) });
    expect(league.awards.length).toBe(20);
    expect(shapes(league.awards)).toMatchObject({ slow: 0, maps: expect.toSatisfy((n: number) => n <= 6) });
  });

  it('a result read after other aggregations still traces its own lines, and serialises as a plain result', () => {
    const options = { period: 'week', method: 'sum', mode: 'deduct' } as const;
    const all = aggregateScorecards(cards, options);
    const half = aggregateScorecards(cards.slice(0, 200), options);
    const own = (list: readonly Scorecard[], unit: string, start: string, end: string) =>
      list.filter((c) => c.unit.id === unit && c.date >= start && c.date <= end).reduce((n, c) => n + c.lines.length, 0);
    for (const r of half) expect(r.lines.length).toBe(own(cards.slice(0, 200), r.unit.id, r.period.start, r.period.end));
    for (const r of all) expect(r.lines.length).toBe(own(cards, r.unit.id, r.period.start, r.period.end));
    const inspected = all.find((r) => r.inspections > 0 && r.lines.length > 0)!;
    const plain = JSON.parse(JSON.stringify(inspected)) as Record<string, unknown>;
    expect(Object.keys(inspected)).toEqual(['unit', 'period', 'inspections', 'vetoes', 'deductions', 'verdicts', 'shortfalls', 'latest', 'lines', 'score']);
    expect(Object.keys(plain)).toEqual(Object.keys(inspected));
    expect(plain.lines).toEqual(JSON.parse(JSON.stringify(inspected.lines)));
    expect(inspected.lines).toBe(inspected.lines); // traced once, then kept
  });
});
