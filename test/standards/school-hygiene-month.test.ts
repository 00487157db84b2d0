/**
 * standards/school-hygiene-month.yaml — a school's hygiene month (000:995–1049) on its fixture: the daily duty
 * checks and the Thursday acceptance (000:1041) as a weekly table with its frequencies, praise and the
 * school-wide notice (000:1043) on the scorecards, 限期整改 on the ledger. The cases of standards/tests/ pin each rule.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const STANDARD = 'standards/school-hygiene-month.yaml';
const RECORDS = 'fixtures/school-hygiene-month/records.yaml';

describe('school-hygiene-month on a fortnight of two squads', () => {
  it('praise, the school-wide notice, repeats and late spots on the scorecards', async () => {
    const r = await runCli(['score', '--standard', STANDARD, RECORDS, '--format', 'json']);
    expect(r.code).toBe(0);
    const cards = (JSON.parse(r.stdout) as { scorecards: { record: string; total: number; verdict: string; band?: { id: string } }[] }).scorecards;
    expect(cards.filter((c) => c.total !== 100 || c.band).map((c) => [c.record, c.total, c.verdict, c.band?.id ?? null])).toEqual([
      ['g72-d1', 99, 'pass', null], // a dormitory spot, due Thursday 04-04
      ['g71-d2', 99, 'pass', null], // litter
      ['g71-d3', 98, 'pass', null], // litter again that week: 1 + 1 more
      ['g71-a1', 100, 'pass', 'praise'], // 表扬
      ['g72-a1', 90, 'fail', 'no-praise'], // 敷衍了事: 10, 全校通报批评 (veto)
      ['g72-d5', 99, 'pass', null], // the dormitory spot not put right by 04-04: 1 more
      ['g71-a2', 100, 'pass', 'praise'],
      ['g72-a2', 100, 'pass', 'praise'], // put right by 04-10 (复查), praised again
    ]);
  });

  it('the ledger: the perfunctory squad closed in time, its dormitory spot still open and overdue (exit 1)', async () => {
    const r = await runCli(['actions', '--standard', STANDARD, RECORDS, '--as-of', '2024-04-12', '--format', 'json']);
    expect(r.code).toBe(1);
    const rows = (JSON.parse(r.stdout) as { findings: { id: string; status: string; due: string; daysOverdue: number }[] }).findings;
    expect(rows.map((f) => [f.id, f.status, f.due, f.daysOverdue])).toEqual([
      ['g72-d1#1', 'overdue', '2024-04-04', 8],
      ['g72-a1#1', 'closed', '2024-04-11', 0],
    ]);
  });

  it('the week: 5 daily checks and a Thursday acceptance per squad; 七(2) had 4 daily checks in week 14', async () => {
    const r = await runCli(['rank', '--standard', STANDARD, RECORDS, '--period', 'week', '--format', 'json']);
    type Row = { rank: number; result: { unit: { id: string }; score: number; shortfalls: { requirement: string; missing: number }[] } };
    const w14 = (JSON.parse(r.stdout) as { tables: { period: { key: string }; groups: { rows: Row[] }[] }[] }).tables.find((t) => t.period.key === '2024-W14')!;
    // mean per inspection: 七(1) (100+100+99+98+100+100)/6 = 99.5; 七(2) (99+100+100+90+99)/5 = 97.6
    expect(w14.groups[0]!.rows.map((row) => [row.result.unit.id, row.result.score, row.rank, row.result.shortfalls.map((s) => `${s.requirement} −${s.missing}`)])).toEqual([
      ['g7-1', 99.5, 1, []],
      ['g7-2', 97.6, 2, ['daily-checks −1']],
    ]);
  });
});
