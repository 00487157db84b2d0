/**
 * The scorecard object decideOutcome makes (issue 16): a plain object with its fields in the order of
 * Scorecard (the JSON key order), whatever the record gives; one frozen provenance per scorer; no band,
 * no dimension and no reason where the standard declares no outcome — the same on both scoring paths.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStandard, parseStandard, scoreRecord, type Scorecard } from '../../src/index.js';
import { SCORESHEET_VERSION } from '../../src/version.js';
import { scoreBothWays } from '../support/both-paths.js';

const ROOT = join(import.meta.dirname, '../..');
const load = (name: string) => {
  const loaded = parseStandard(readFileSync(join(ROOT, 'standards', name), 'utf8'), { file: name });
  if (!loaded.ok) throw new Error(name);
  return loaded.standard;
};

const ORDER = ['standard', 'record', 'supersedes', 'unit', 'date', 'kind', 'level', 'inspector', 'mode', 'base', 'lines', 'categories', 'total', 'complete', 'band', 'outcomes', 'dimensions', 'verdict', 'reasons', 'provenance'];

function card(result: ReturnType<typeof scoreRecord>): Scorecard {
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.scorecard;
}

describe('the scorecard object', () => {
  const school = load('school-hygiene.yaml');
  const scorer = compileStandard(school);
  const records = [
    { unit: { id: 'g1-1' }, date: '2024-03-04', findings: [] },
    { id: 'r1', supersedes: 'r0', unit: { id: 'g1-1' }, date: '2024-03-04', kind: 'event', level: 'city', inspector: '德育处', findings: [{ item: 'floor' }] },
    { id: 'r2', unit: { id: 'g1-2' }, date: '2024-03-05', kind: 'random', findings: [{ item: 'tool-corner', points: 2, note: '扫帚散落' }] },
    { unit: { id: 'g1-3' }, date: '2024-03-06', inspector: '值周班', kind: 'scheduled', findings: [] },
  ];

  it('is a plain object whose keys follow Scorecard, whichever optional fields the record gives', () => {
    for (const record of records) {
      const c = scoreBothWays(school, record);
      expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
      expect(c.constructor).toBe(Object);
      const keys = Object.keys(c);
      expect(keys).toEqual(ORDER.filter((k) => keys.includes(k)));
      for (const [k, field] of [['record', 'id'], ['supersedes', 'supersedes'], ['kind', 'kind'], ['level', 'level'], ['inspector', 'inspector']] as const) expect(k in c, k).toBe(field in record);
      expect(structuredClone(c)).toStrictEqual(c);
    }
  });

  it('shares one frozen provenance per scorer, equal to what it always said', () => {
    const [a, b] = [card(scoreRecord(scorer, records[0])), card(scoreRecord(scorer, records[1]))];
    expect(a.provenance).toBe(b.provenance);
    expect(Object.isFrozen(a.provenance)).toBe(true);
    expect(a.provenance).toStrictEqual({ scoresheet: SCORESHEET_VERSION, standardHash: scorer.hash });
    // Another scorer of the same standard: its own object, the same words.
    const again = card(scoreRecord(compileStandard(school, { codegen: false }), records[0]));
    expect(again.provenance).not.toBe(a.provenance);
    expect(again.provenance).toStrictEqual(a.provenance);
  });

  it('without bands, dimensions or derived outcomes: no band, no dimensions, a fresh outcomes list, no reasons on pass', () => {
    const a = card(scoreRecord(scorer, records[0]));
    const b = card(scoreRecord(scorer, records[3]));
    expect(a).toMatchObject({ band: null, outcomes: [], verdict: 'pass', reasons: [], total: 100 });
    expect('dimensions' in a).toBe(false);
    expect(a.outcomes).not.toBe(b.outcomes);
    expect(a.reasons).not.toBe(b.reasons);
  });
});
