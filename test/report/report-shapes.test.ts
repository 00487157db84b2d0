// The report's inspections and lines are built field by field (src/report/report.ts, toLine and detailedOf):
// what their conditional spreads gave — each type's keys in order, an optional one only with a value.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreHistory } from '../../src/history/history.js';
import { compileStandard, parseStandard } from '../../src/index.js';
import { buildLeague } from '../../src/rank/league.js';
import { InspectionRecordSchema } from '../../src/record-schema.js';
import { buildReport, type ReportInspection, type ReportLine } from '../../src/report/report.js';
import type { Scorer } from '../../src/compile/standard.js';
import { rec, scorer as campaign } from '../history/campaign.js';

const INSPECTION_KEYS = ['record', 'date', 'kind', 'level', 'inspector', 'total', 'lines', 'cycle', 'charges'] as const;
const LINE_KEYS = ['type', 'item', 'points', 'reason', 'source', 'note'] as const;

function inspectionsOf(scorer: Scorer, records: Parameters<typeof scoreHistory>[1], withCards: boolean): ReportInspection[] {
  const cards = scoreHistory(scorer, records).results.flatMap((r) => (r?.ok ? [r.scorecard] : []));
  expect(cards).toHaveLength(records.length);
  const league = buildLeague(scorer.standard, cards, { period: 'month' });
  const report = buildReport(league, scorer.standard, withCards ? { scorecards: cards } : {});
  return report.units.flatMap((u) => u.periods.flatMap((p) => p.detailed));
}

function expectShapes(inspections: readonly ReportInspection[]): Set<string> {
  const seen = new Set<string>();
  for (const i of inspections) {
    expect(Reflect.ownKeys(i)).toEqual(INSPECTION_KEYS.filter((k) => i[k] !== undefined));
    for (const line of i.lines as readonly ReportLine[]) {
      expect(Reflect.ownKeys(line)).toEqual(LINE_KEYS.filter((k) => line[k] !== undefined));
      for (const k of Reflect.ownKeys(line)) seen.add(`line.${String(k)}`);
    }
    for (const k of Reflect.ownKeys(i)) seen.add(String(k));
  }
  return seen;
}

describe('report inspections and lines keep their keys and order', () => {
  it('with scorecards: records with and without ids, kinds, inspectors, cycles, charges, sources and notes', () => {
    const cycle = parseStandard(readFileSync('test/history/fixtures/cycle.yaml', 'utf8'));
    if (!cycle.ok) throw new Error(JSON.stringify(cycle.diagnostics));
    const fixture = [
      { id: 'a1', unit: { id: 'u1' }, date: '2024-03-04', kind: 'initial', inspector: '张三', parties: { officer: '王五' }, findings: [{ item: 'litter' }, { item: 'building' }] },
      { unit: { id: 'u1' }, date: '2024-03-18', kind: 'recheck', findings: [{ item: 'litter' }] },
    ].map((r) => InspectionRecordSchema.parse(r));
    const seen = expectShapes(inspectionsOf(compileStandard(cycle.standard), fixture, true));
    const notes = [rec({ id: 'a', date: '2024-03-04', findings: [{ item: 'litter', note: 'n' }, { item: 'plain' }] }), rec({ date: '2024-03-11', findings: [{ item: 'hazard' }] })];
    for (const k of expectShapes(inspectionsOf(campaign, notes, true))) seen.add(k);
    for (const k of [...INSPECTION_KEYS.filter((k) => k !== 'level'), ...LINE_KEYS.map((k) => `line.${k}`)]) expect(seen, k).toContain(k);
  });

  it('from the league’s lines (no scorecards)', () => {
    const notes = [rec({ id: 'a', date: '2024-03-04', findings: [{ item: 'litter', note: 'n' }] }), rec({ date: '2024-03-11', findings: [{ item: 'hazard' }] })];
    const seen = expectShapes(inspectionsOf(campaign, notes, false));
    for (const k of ['record', 'date', 'lines', 'line.item', 'line.note', 'line.source']) expect(seen, k).toContain(k);
  });
});
