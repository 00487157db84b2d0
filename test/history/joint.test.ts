/**
 * Joint liability (同奖同罚, 000:137): a group party (`parties[].group`) charged with its members'
 * charges (`joint`) and sharing its own among its members (`shared`) in the monthly settlement.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreHistory } from '../../src/history/history.js';
import { settleCharges, shareOut } from '../../src/history/settle.js';
import { compileStandard, parseStandard } from '../../src/index.js';
import { pointsOf, pointsToNumber } from '../../src/points.js';
import { InspectionRecordSchema, type InspectionRecord } from '../../src/record-schema.js';
import { runCli } from '../support/cli.js';

const standardText = (parties: string, charges = '[ { party: community, amount: 1000, unit: yuan } ]') => `
id: joint-test
version: "1"
name: { zh-CN: 联动考评, en: Joint test }
scoring: { mode: accumulate }
parties:
${parties}
categories:
  - id: building
    name: { zh-CN: 控违, en: Buildings }
    items:
      - id: illegal-building
        name: { zh-CN: 违建, en: Illegal building }
        rules:
          - { kind: per-occurrence, points: 1, charges: ${charges} }
`;
const JOINT = `  - { id: community, name: { zh-CN: 社区, en: Community }, unit: true }
  - { id: alliance, name: { zh-CN: 联盟, en: Alliance }, group: alliance, joint: community, shared: true }`;

function load(text: string) {
  const loaded = parseStandard(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return compileStandard(loaded.standard);
}

const rec = (id: string, unit: string, group: string | undefined, date: string, count: number): InspectionRecord =>
  InspectionRecordSchema.parse({ id, unit: { id: unit, name: `社区${unit}`, ...(group !== undefined && { group: { alliance: group } }) }, date, findings: count === 0 ? [] : [{ item: 'illegal-building', count }] });

function settle(text: string, records: InspectionRecord[]) {
  const { results } = scoreHistory(load(text), records);
  return settleCharges(results.map((r) => (r?.ok ? r.scorecard : undefined)).filter((c) => c !== undefined));
}

describe('joint liability: a group as a party (同奖同罚, 000:137)', () => {
  it('charges a member\'s charge to its group too (joint), and a group party named by a charge', () => {
    const records = [rec('r1', 'c1', 'A1', '2024-03-01', 1), rec('r2', 'c2', undefined, '2024-03-02', 1)];
    const joint = settle(standardText(`  - { id: community, name: { zh-CN: 社区, en: Community }, unit: true }\n  - { id: alliance, name: { zh-CN: 联盟, en: Alliance }, group: alliance, joint: community }`), records);
    // c2 is in no alliance: its joint charge is unnamed; no shares without `shared`.
    expect(joint.map((r) => [r.party, r.who ?? null, r.amount, r.shareOf ?? null])).toEqual([
      ['alliance', 'A1', 1000, null],
      ['alliance', null, 1000, null],
      ['community', 'c1', 1000, null],
      ['community', 'c2', 1000, null],
    ]);
    const own = settle(standardText(`  - { id: community, name: { zh-CN: 社区, en: Community }, unit: true }\n  - { id: alliance, name: { zh-CN: 联盟, en: Alliance }, group: alliance }`, '[ { party: alliance, amount: 300 } ]'), records.slice(0, 1));
    expect(own.map((r) => [r.party, r.who, r.unit, r.amount])).toEqual([['alliance', 'A1', 'points', 300]]);
  });

  it('shares a group\'s charge among all its members, exactly, yuan in fen, also those without a charge that month', () => {
    const rows = settle(standardText(JOINT), [rec('r1', 'c1', 'A1', '2024-03-01', 1), rec('r2', 'c2', 'A1', '2024-04-02', 0), rec('r3', 'c3', 'A1', '2024-04-03', 0)]);
    expect(rows.filter((r) => r.shareOf !== undefined).map((r) => [r.who, r.amount])).toEqual([['c1', 333.34], ['c2', 333.33], ['c3', 333.33]]);
  });

  it('property: the group\'s charge equals the sum of its members\' shares; member order never matters', () => {
    const standard = standardText(JOINT, '[ { party: community, amount: 0.0507, unit: yuan }, { party: community, amount: 1.0001 } ]');
    const arb = fc.array(fc.record({ unit: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'), day: fc.integer({ min: 1, max: 28 }), month: fc.constantFrom('03', '04'), count: fc.integer({ min: 0, max: 5 }) }), { maxLength: 12 });
    const groupOf = (u: string) => (u < 'c4' ? 'A1' : u < 'c7' ? 'A2' : undefined);
    fc.assert(
      fc.property(arb, fc.integer(), (drawn, seed) => {
        const records = drawn.map((d, i) => rec(`r${i}`, d.unit, groupOf(d.unit), `2024-${d.month}-${String(d.day).padStart(2, '0')}`, d.count));
        const rows = settle(standard, records);
        for (const group of rows.filter((r) => r.party === 'alliance' && r.who !== undefined && r.shareOf === undefined)) {
          const shares = rows.filter((r) => r.shareOf === group.who && r.month === group.month && r.unit === group.unit);
          expect(shares.length).toBeGreaterThan(0);
          expect(pointsToNumber(shares.reduce((a, r) => a + pointsOf(r.amount), 0))).toBe(group.amount);
          // The group is charged what its members were (joint).
          const members = rows.filter((r) => r.party === 'community' && r.month === group.month && r.unit === group.unit && r.who !== undefined && groupOf(r.who) === group.who);
          expect(pointsToNumber(members.reduce((a, r) => a + pointsOf(r.amount), 0))).toBe(group.amount);
        }
        // Members (and records) in any order: the same settlement (records of one unit keep their date order).
        const shuffled = fc.sample(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), { numRuns: 1, seed })[0]!;
        expect(settle(standard, shuffled)).toEqual(rows);
      }),
      { numRuns: 60 },
    );
  });

  it('property: equal shares sum exactly, in whole steps (fen for yuan), and differ by less than two steps', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom(1, 100), (amount, n, step) => {
        const shares = shareOut(amount, n, step);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
        // Every share but the first (which takes what is below a step) is whole steps; they differ by at most a step.
        expect(shares.slice(1).every((x) => x % step === 0)).toBe(true);
        const lo = shares.reduce((a, b) => Math.min(a, b));
        const hi = shares.reduce((a, b) => Math.max(a, b));
        expect(hi - lo).toBeLessThan(2 * step);
      }),
    );
  });

  it('refuses joint or shared without group, a party both unit and group, and an unknown joint party', () => {
    const noGroup = parseStandard(standardText(`  - { id: community, name: { zh-CN: 社区, en: Community }, unit: true }\n  - { id: alliance, name: { zh-CN: 联盟, en: Alliance }, shared: true }`));
    expect(noGroup.ok).toBe(false);
    if (!noGroup.ok) expect(noGroup.diagnostics.map((d) => [d.code, d.messageId, d.path])).toEqual([['invalid_value', 'schema.party_group', ['parties', 1, 'group']]]);
    const both = parseStandard(standardText(`  - { id: community, name: { zh-CN: 社区, en: Community }, unit: true, group: alliance }`));
    expect(both.ok).toBe(false);
    if (!both.ok) expect(both.diagnostics.map((d) => d.messageId)).toEqual(['schema.party_unit_group']);
    const unknown = parseStandard(standardText(`  - { id: community, name: { zh-CN: 社区, en: Community }, unit: true }\n  - { id: alliance, name: { zh-CN: 联盟, en: Alliance }, group: alliance, joint: comunity }`));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.diagnostics.map((d) => [d.code, d.path])).toEqual([['unknown_reference', ['parties', 1, 'joint']]]);
  });

  it('scoresheet settle shows the shares in catalogue words', async () => {
    const input = [rec('r1', 'c1', 'A1', '2024-03-01', 1), rec('r2', 'c2', 'A1', '2024-03-09', 0)].map((r) => JSON.stringify(r)).join('\n');
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const dir = await mkdtemp(`${(await import('node:os')).tmpdir()}/joint-`);
    await writeFile(`${dir}/s.yaml`, standardText(JOINT));
    const zh = await runCli(['settle', '--standard', `${dir}/s.yaml`, '-', '--input-format', 'ndjson', '--lang', 'zh-CN'], { input });
    expect(zh.stderr).toBe('');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('社区c2 (c2)：分担A1');
    const en = await runCli(['settle', '--standard', `${dir}/s.yaml`, '-', '--input-format', 'ndjson', '--format', 'csv'], { input });
    expect(en.stdout).toContain('社区c1 (c1): share of A1');
  });
});
