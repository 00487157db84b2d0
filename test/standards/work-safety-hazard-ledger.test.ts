/**
 * standards/work-safety-hazard-ledger.yaml — the safety month's hazard ledger (000:1445–1571) on its fixture:
 * 隐患不消除，台帐不消号 (000:1507) through `scoresheet actions`, the notice's own deadline (000:1509), and the
 * inspection frequencies by role (000:1523) through `rank`. The cases of standards/tests/ pin each rule.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const STANDARD = 'standards/work-safety-hazard-ledger.yaml';
const RECORDS = 'fixtures/work-safety-hazard-ledger/records.yaml';
type Entry = { id: string; status: string; due: string; closed?: string; daysOverdue: number };
const ledger = async (asOf: string, input?: string) => {
  const r = await runCli(['actions', '--standard', STANDARD, RECORDS, ...(input ? ['-'] : []), '--input-format', 'yaml', '--as-of', asOf, '--format', 'json'], input ? { input } : {});
  expect(r.stderr).toBe('');
  return { code: r.code, entries: (JSON.parse(r.stdout) as { findings: Entry[] }).findings.map((e) => [e.id, e.status, e.due, e.closed ?? null, e.daysOverdue]) };
};

describe('work-safety-hazard-ledger: the ledger stays open until fixed', () => {
  it('the major hazard of 06-03 is still on the ledger, overdue, three months on (exit 1); the others are closed', async () => {
    const { code, entries } = await ledger('2024-09-30');
    expect(code).toBe(1);
    expect(entries).toEqual([
      // d-ind-1#2: due 06-18 (15d), put right and checked on 06-20: closed 2 days late
      ['d-ind-1#2', 'closed', '2024-06-18', '2024-06-20', 2],
      // 隐患不消除，台帐不消号: due 07-03 (30d), never found fixed: 89 days overdue on 09-30
      ['ZD-2024-01', 'overdue', '2024-07-03', null, 89],
      // the notice set 06-10 (整改通知书, not the standard's 15d: 06-19); the hazard source of 06-04 is due 06-11 (7d); both closed on 06-09
      ['TZ-0604', 'closed', '2024-06-10', '2024-06-09', 0],
      ['d-tra-1#1', 'closed', '2024-06-11', '2024-06-09', 0],
    ]);
  });

  it('a 复查 that finds it fixed closes it (销号), late, and nothing is overdue any more (exit 0)', async () => {
    const fixed = '- { id: f-ind-2, unit: { id: industry }, date: "2024-09-12", kind: follow-up, follows: [ { finding: ZD-2024-01, fixed: true } ] }\n';
    const { code, entries } = await ledger('2024-09-30', fixed);
    expect(code).toBe(0);
    expect(entries[1]).toEqual(['ZD-2024-01', 'closed', '2024-07-03', '2024-09-12', 71]);
  });

  it("the station's 复查 sheet (CSV, through --map) beside the inspections (YAML) gives the same ledger as all in YAML", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scoresheet-ledger-'));
    const inspections = join(dir, 'inspections.yaml');
    writeFileSync(inspections, readFileSync(RECORDS, 'utf8').split('\n').filter((line) => !line.includes('kind: follow-up')).join('\n'));
    const asOf = ['--as-of', '2024-09-30', '--format', 'json'];
    const sheet = await runCli(['actions', '--standard', STANDARD, inspections, 'fixtures/work-safety-hazard-ledger/复查.csv', '--map', 'fixtures/work-safety-hazard-ledger/复查.map.yaml', ...asOf]);
    const yaml = await runCli(['actions', '--standard', STANDARD, RECORDS, ...asOf]);
    expect([sheet.code, sheet.stderr]).toEqual([1, '']);
    expect(JSON.parse(sheet.stdout)).toEqual(JSON.parse(yaml.stdout));
    expect(JSON.parse(sheet.stdout).summary).toEqual({ open: 0, overdue: 1, closed: 3 });
  });

  it('the inspection after the deadline fails; the refusal is vetoed', async () => {
    const r = await runCli(['score', '--standard', STANDARD, RECORDS, '--format', 'json']);
    const cards = (JSON.parse(r.stdout) as { scorecards: { record: string; total: number; verdict: string }[] }).scorecards;
    expect(cards.map((c) => [c.record, c.total, c.verdict])).toEqual([
      ['d-ind-1', 3, 'pass'],
      ['d-tra-1', 2, 'pass'],
      ['p-ind-1', 0, 'pass'],
      ['d-con-1', 4, 'fail'], // 顶着不改 (veto) + 3 uncertified
      ['f-tra-1', 0, 'pass'],
      ['f-ind-1', 1, 'pass'], // d-ind-1#2 put right 2 days late: 1 more
      ['d-ind-2', 0, 'fail'], // ZD-2024-01 past 07-03 and not fixed
      ['d-tra-2', 0, 'pass'],
      ['r-con-2', 0, 'pass'],
    ]);
  });

  it('frequencies by role: the principal at least once a quarter, a deputy at least once a month, per field', async () => {
    type Row = { result: { unit: { id: string }; shortfalls: { requirement: string; missing: number; points: number }[] } };
    const short = async (period: string) => {
      const r = await runCli(['rank', '--standard', STANDARD, RECORDS, '--period', period, '--format', 'json']);
      expect(r.code).toBe(0);
      const tables = (JSON.parse(r.stdout) as { tables: { period: { key: string }; groups: { rows: Row[] }[] }[] }).tables;
      return Object.fromEntries(tables.map((t) => [t.period.key, t.groups.flatMap((g) => g.rows).filter((row) => row.result.shortfalls.length > 0).map((row) => [row.result.unit.id, ...row.result.shortfalls.map((s) => `${s.requirement} −${s.missing} (${s.points})`)]).sort()]));
    };
    // Q2: only 工矿商贸 had the principal's check; Q3 (only July here) none yet
    expect((await short('quarter'))['2024-Q2']).toEqual([['construction', 'principal-quarterly −1 (0)'], ['traffic', 'principal-quarterly −1 (0)']]);
    // July: 建筑施工 had a routine check only, no deputy's
    expect(await short('month')).toEqual({ '2024-06': [], '2024-07': [['construction', 'deputy-monthly −1 (0)']] });
  });
});
