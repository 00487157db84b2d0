import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { runCli } from '../support/cli.js';

const STANDARD = 'standards/urban-management-enforcement.yaml';
const RECORDS = 'fixtures/urban-management-enforcement/records.yaml';

describe('scoresheet settle (charges to several parties, 000:135)', () => {
  it('sums each month\'s charges per party and person, exactly, largest first', async () => {
    const r = await runCli(['settle', '--standard', STANDARD, RECORDS, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout).settlement.map((s: { month: string; party: string; who?: string; unit: string; amount: number; findings: number }) => [s.month, s.party, s.who ?? null, s.unit, s.amount, s.findings]);
    expect(rows).toEqual([
      ['2024-03', 'community', 'lc-west', 'yuan', 8000, 2],
      ['2024-03', 'community', 'lc-east', 'yuan', 4000, 1],
      ['2024-03', 'officer', '李四', 'yuan', 500, 1],
      ['2024-03', 'officer', '王五', 'yuan', 500, 1],
      ['2024-03', 'officer', null, 'yuan', 500, 1],
      ['2024-04', 'community', 'lc-east', 'yuan', 8000, 1],
      ['2024-04', 'officer', '王五', 'yuan', 1000, 1],
    ]);
  });

  it('--month keeps one month; CSV and text have catalogue words', async () => {
    const csv = await runCli(['settle', '--standard', STANDARD, RECORDS, '--month', '2024-04', '--format', 'csv', '--lang', 'zh-CN']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    const table = parse(csv.stdout, { bom: true }) as string[][];
    expect(table[0]).toEqual(['月份', '对象', '对象名称', '责任单位或人', '单位', '扣减', '问题数']);
    expect(table.slice(1).map((row) => [row[3], row[4], row[5]])).toEqual([['城东社区 (lc-east)', '元', '8000'], ['王五', '元', '1000']]);
    const text = await runCli(['settle', '--standard', STANDARD, RECORDS, '--lang', 'zh-CN']);
    expect(text.stdout).toContain('每月考评兑现');
    expect(text.stdout).toContain('（记录未写明）');
  });

  it('refuses a month that is not YYYY-MM', async () => {
    const r = await runCli(['settle', '--standard', STANDARD, RECORDS, '--month', '2024-13']);
    expect(r.code).toBe(2);
  });
});

describe('scoresheet settle and corrected sheets', () => {
  it('settles a correction (supersedes) instead of the sheet it replaces', async () => {
    const input = [
      '{"id":"x1","unit":{"id":"lc-east"},"date":"2024-03-05","kind":"case","parties":{"officer":"王五"},"findings":[{"item":"illegal-building","occurred":"2024-03-03"}],"facts":{"started_at":"2024-03-03T08:00","handled_at":"2024-03-05T09:00"}}',
      '{"id":"x2","supersedes":"x1","unit":{"id":"lc-east"},"date":"2024-03-06","kind":"case","parties":{"officer":"王五"},"findings":[{"item":"illegal-building","occurred":"2024-03-03"}],"facts":{"started_at":"2024-03-03T08:00","handled_at":"2024-03-03T20:00"}}',
    ].join('\n');
    const r = await runCli(['settle', '--standard', STANDARD, '-', '--input-format', 'ndjson', '--format', 'json'], { input });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).settlement).toEqual([]);
  });
});
