/**
 * An office's 复查 sheet read through `--map` (docs/records.md, "Follow-ups in a sheet"): finding ids,
 * the day a finding occurred and `follows` from CSV columns, long and wide, give the scorecards and the
 * ledger the same inspections give as YAML.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileStandard } from '../../src/compile/standard.js';
import { scoreHistory } from '../../src/history/history.js';
import { parseMapping } from '../../src/records/mapping.js';
import { readRecords } from '../../src/records/records.js';
import type { InspectionRecord } from '../../src/record-schema.js';
import { parseStandard } from '../../src/standard/load.js';
import { runCli } from '../support/cli.js';

const DIR = 'test/records/fixtures/follow-ups';
const text = (name: string) => readFileSync(`${DIR}/${name}`, 'utf8');
const loaded = parseStandard(text('weekly.yaml'));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
const scorer = compileStandard(loaded.standard);

function csvRecords(layout: 'long' | 'wide'): InspectionRecord[] {
  const map = parseMapping(text(`records.${layout}.map.yaml`), `records.${layout}.map.yaml`);
  if (!map.ok) throw new Error(JSON.stringify(map.diagnostics));
  const read = readRecords(text(`records.${layout}.csv`), { format: 'csv', mapping: map.mapping, file: `records.${layout}.csv` });
  expect(read.diagnostics).toEqual([]);
  return read.records.map((r) => r.record);
}
const yamlRecords = (): InspectionRecord[] => {
  const read = readRecords(text('records.yaml'), { format: 'yaml', file: 'records.yaml' });
  expect(read.diagnostics).toEqual([]);
  return read.records.map((r) => r.record);
};
/** The scorecards and the ledger, as of a day after the last record. */
const scored = (records: readonly InspectionRecord[]) => {
  const { results, ledger } = scoreHistory(scorer, records, { asOf: '2024-03-20' });
  return { scorecards: results.map((r) => (r?.ok ? r.scorecard : r)), ledger };
};

describe('follow-ups in a CSV', () => {
  it('a long sheet gives the records, scorecards and ledger its YAML gives', () => {
    const csv = csvRecords('long');
    const yaml = yamlRecords();
    expect(csv).toEqual(yaml);
    expect(scored(csv)).toEqual(scored(yaml));
    // the history did something: B-7 was late (the inspection on the 11th failed), then closed
    const { ledger, scorecards } = scored(csv);
    expect(ledger.map((e) => [e.id, e.status, e.closed])).toEqual([
      ['w1-a#1', 'closed', '2024-03-06'],
      ['B-7', 'closed', '2024-03-13'],
      ['w2-a#1', 'closed', '2024-03-13'],
      ['w1-b#1', 'overdue', undefined],
    ]);
    expect(scorecards[4]).toMatchObject({ verdict: 'fail' });
  });

  it('a wide sheet (one 复查 per row) gives what its YAML gives', () => {
    const csv = csvRecords('wide');
    const yaml = yamlRecords().slice(0, 5);
    expect(csv).toEqual(yaml);
    expect(scored(csv)).toEqual(scored(yaml));
  });

  it('reports a follow-up cell it cannot read on its own cell, and an id beside an empty item cell', () => {
    const map = parseMapping(text('records.wide.map.yaml'));
    if (!map.ok) throw new Error('map');
    const sheet = text('records.wide.csv').split('\n').slice(0, 1).join('\n') + '\nf1,c1,东街社区,2024-03-06,复查,,,,B-9,,w1-a#1,也许,\n';
    const read = readRecords(sheet, { format: 'csv', mapping: map.mapping, file: 'x.csv' });
    expect(read.records).toEqual([]);
    expect(read.diagnostics.map((d) => [d.line, d.column, d.path.join('.'), d.messageId])).toEqual([
      [2, 9, 'findings.0.id', 'record.csv_orphan_cell'],
      [2, 12, 'follows.0.fixed', 'record.csv_cell'],
    ]);
  });

  it('a 复查 sheet needs no item column: a map, or headers that are field names', () => {
    expect(parseMapping('layout: long\ncolumns: { 日期: date, 单位: unit.id, 复查: follow.finding, 整改: follow.fixed }\n').ok).toBe(true);
    expect(parseMapping('layout: long\ncolumns: { 日期: date, 单位: unit.id }\n').ok).toBe(false);
    const read = readRecords('unit.id,date,kind,follow.finding,follow.fixed\nc1,2024-03-06,follow-up,w1-a#1,是\n', { format: 'csv', file: 'f.csv' });
    expect(read.diagnostics).toEqual([]);
    expect(read.records.map((r) => r.record)).toEqual([{ unit: { id: 'c1' }, date: '2024-03-06', kind: 'follow-up', findings: [], follows: [{ finding: 'w1-a#1', fixed: true }] }]);
  });

  it('a map may not key a long sheet on a follow-up column', () => {
    const map = parseMapping('layout: long\ncolumns: { 日期: date, 项: finding.item, 复查: follow.finding }\nkey: [复查]\n', 'm.yaml');
    expect(map.ok ? [] : map.diagnostics.map((d) => d.messageId)).toEqual(['map.key_follow']);
  });

  it('scoresheet actions reads the sheet through --map', async () => {
    const r = await runCli(['actions', '--standard', `${DIR}/weekly.yaml`, `${DIR}/records.long.csv`, '--map', `${DIR}/records.long.map.yaml`, '--as-of', '2024-03-20', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1); // w1-b#1 is overdue
    expect(JSON.parse(r.stdout).summary).toEqual({ open: 0, overdue: 1, closed: 3 });
  });
});
