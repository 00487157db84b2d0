/** `template --group-by 年级` (issue 18 item 7): the sheet gets the group column that `rank --group-by 年级` needs. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { buildLeague, compileStandard, parseStandard, scoreRecord, type Scorecard } from '../../src/index.js';
import { readCsvRecords } from '../../src/records/csv.js';
import { parseMapping } from '../../src/records/mapping.js';
import { sheetTemplate } from '../../src/records/template.js';
import { runCli } from '../support/cli.js';

const STANDARD = `id: groups
version: "1"
name: { zh-CN: 班级卫生 }
scoring: { mode: deduct, base: 100 }
categories:
  - id: area
    name: { zh-CN: 区域 }
    items:
      - { id: floor, name: { zh-CN: 地面 }, rules: [ { kind: per-occurrence, points: 1 } ] }
`;

describe('template group columns', () => {
  const loaded = parseStandard(STANDARD);
  if (!loaded.ok) throw new Error('bad standard');
  const standard = loaded.standard;

  it('writes a column per group key, mapped to unit.group.<key>, in both layouts; a sheet filled in ranks by it', () => {
    for (const layout of ['long', 'wide'] as const) {
      const template = sheetTemplate(standard, layout, 'zh-CN', undefined, ['年级']);
      expect(template.header).toContain('年级');
      expect(template.mapping.columns['年级']).toBe('unit.group.年级');
      const read = parseMapping(template.mapText);
      expect(read.ok && read.mapping.columns).toEqual(template.mapping.columns);
    }
    const template = sheetTemplate(standard, 'wide', 'zh-CN', undefined, ['年级']);
    const row = (values: Record<string, string>) => template.header.map((h) => values[h] ?? '').join(',');
    const unitId = template.header[1]!;
    const date = template.header.find((h) => template.mapping.columns[h] === 'date')!;
    const csv = [template.header.join(','), row({ [unitId]: 'c1', 年级: '高一', [date]: '2024-03-04', 地面: '1' }), row({ [unitId]: 'c2', 年级: '高二', [date]: '2024-03-04' })].join('\n') + '\n';
    const { records, diagnostics } = readCsvRecords(csv, template.mapping);
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => (r.record as { unit: { group?: Record<string, string> } }).unit.group)).toEqual([{ 年级: '高一' }, { 年级: '高二' }]);
    const scorer = compileStandard(standard);
    const cards = records.map((r) => {
      const out = scoreRecord(scorer, r.record);
      if (!out.ok) throw new Error('not scored');
      return out.scorecard;
    }) as Scorecard[];
    const league = buildLeague(standard, cards, { period: 'week', groupBy: '年级' });
    expect(league.tables[0]!.groups.map((g) => g.group)).toEqual(['高一', '高二']);
  });

  it('without --group-by the sheet is as before', () => {
    expect(sheetTemplate(standard, 'long', 'zh-CN').header).not.toContain('年级');
  });

  it('the CLI takes --group-by, and refuses a key a map cannot read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'template-groups-'));
    try {
      const file = join(dir, 'groups.yaml');
      (await import('node:fs')).writeFileSync(file, STANDARD);
      const ok = await runCli(['template', '--standard', file, '--layout', 'long', '--group-by', '年级', '-o', dir]);
      expect(ok.code).toBe(0);
      expect(readFileSync(join(dir, 'groups.long.csv'), 'utf8')).toContain('年级');
      const bad = await runCli(['template', '--standard', file, '--layout', 'long', '--group-by', 'a.b', '-o', dir, '--force']);
      expect(bad.code).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
