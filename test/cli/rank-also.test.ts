/**
 * `rank --also STANDARD`: records of another standard (naming it) only decide exclusions, as 004:1047
 * 取消年度评优、评先 takes honours from a unit that failed elsewhere; the table ranks the standard's own.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'scoresheet-also-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const CLASSES = file('classes.yaml', `
id: classes
version: "1"
name: { zh-CN: 班级卫生, en: Class hygiene }
scoring: { mode: deduct, base: 100 }
categories:
  - { id: room, name: { en: Classroom }, items: [ { id: floor, name: { en: Floor }, rules: [ { kind: per-occurrence, points: 1 } ] } ] }
ranking:
  aggregate: sum
  awards:
    - { id: flag, name: { zh-CN: 流动红旗, en: red flag }, period: week, exclude: [veto, { standard: canteen, verdict: fail }] }
`);
const CANTEEN = file('canteen.yaml', `
id: canteen
version: "1"
name: { en: Food safety }
scoring: { mode: deduct, base: 100 }
categories:
  - { id: kitchen, name: { en: Kitchen }, items: [ { id: fridge, name: { en: Fridge }, rules: [ { kind: threshold, of: { fact: fridgeC }, max: 8 } ] } ] }
`);
const RECORDS = file('records.yaml', `
- { id: r1, standard: classes, unit: { id: a }, date: 2024-03-04, findings: [] }
- { id: r2, standard: classes, unit: { id: b }, date: 2024-03-04, findings: [ { item: floor } ] }
- { id: k1, standard: canteen, unit: { id: a }, date: 2024-03-05, facts: { fridgeC: 11 } }
`);

describe('rank --also', () => {
  it('ranks only the standard’s own records, and a failed canteen check that week keeps class a from the flag', async () => {
    const r = await runCli(['rank', '--standard', CLASSES, '--also', CANTEEN, '--period', 'week', RECORDS, '--format', 'json']);
    expect(r.stderr).toBe('');
    const league = JSON.parse(r.stdout);
    expect(league.tables[0].groups[0].rows.map((x: { result: { unit: { id: string } } }) => x.result.unit.id)).toEqual(['a', 'b']);
    expect(league.awards).toEqual([{ period: '2024-W10', group: '', award: 'flag', holders: ['b'], excluded: ['a'] }]);
  });

  it('without --also the canteen record names a standard not loaded: rejected, and a holds the flag', async () => {
    const r = await runCli(['rank', '--standard', CLASSES, '--period', 'week', RECORDS, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).awards[0].holders).toEqual(['a']);
  });
});
