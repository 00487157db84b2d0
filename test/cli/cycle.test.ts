/** Cycle standing and charges in every output of `score` (text, json, csv, md) and `report --format html`, in-process. */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { runCli } from '../support/cli.js';

const STANDARD = 'test/history/fixtures/cycle.yaml';
const RECORDS = 'test/history/fixtures/cycle-records.yaml';
const score = (format: string, lang = 'zh-CN') => runCli(['score', '--standard', STANDARD, RECORDS, '--format', format, '--lang', lang]);

describe('re-inspection cycles and charges on the command line', () => {
  it('json: the cycle standing and the charges of each scorecard', async () => {
    const r = await score('json');
    expect(r.code).toBe(0);
    const cards = JSON.parse(r.stdout).scorecards as { record: string; cycle: { pending: boolean; carried?: { id: string } | null }; charges: { party: string; amount: number }[] }[];
    expect(cards.map((c) => [c.record, c.cycle.pending, c.cycle.carried === undefined ? undefined : (c.cycle.carried?.id ?? null)])).toEqual([
      ['a1', false, undefined],
      ['b1', true, null],
      ['b2', false, undefined],
      ['a2', true, 'excellent'],
    ]);
    expect(cards[1]!.charges.map((c) => [c.party, c.amount])).toEqual([['unit', 8000], ['officer', 1000], ['fee', 0.6]]);
  });

  it('text and md: catalogue words for the cycle and the charges, in Chinese and English', async () => {
    const zh = await score('text');
    expect(zh.stdout).toContain('复查周期: 初查：待复查定级，暂保留原等级 优秀');
    expect(zh.stdout).toContain('复查周期: 复查：定级 优秀（初查：合格）');
    expect(zh.stdout).toContain('扣减: 责任人 王五：扣减 1000 元（次月发现，按 2 倍扣减）');
    const en = await score('md', 'en');
    expect(en.stdout).toContain('- cycle: initial inspection: grade pending the re-inspection, Excellent carried meanwhile');
    expect(en.stdout).toContain('- charge: Officer 李四: 500 yuan [Illegal building]');
  });

  it('csv: a row for the cycle and one per charge, typed 复查周期 / 扣减', async () => {
    const r = await score('csv');
    const rows = parse(r.stdout.replace(/^\uFEFF/, '')) as string[][];
    const type = rows[0]!.indexOf('类型') >= 0 ? rows[0]!.indexOf('类型') : 13;
    const b1 = rows.filter((row) => row[0] === 'b1');
    expect(b1.filter((row) => row[type] === '复查周期').map((row) => row[18])).toEqual(['初查：待复查定级，暂保留原等级 无']);
    expect(b1.filter((row) => row[type] === '扣减').map((row) => row[18])).toEqual(['单位 西街 (u2)：扣减 8000 元（次月发现，按 2 倍扣减）', '责任人 王五：扣减 1000 元（次月发现，按 2 倍扣减）', '手续费 （记录未写明）：扣减 0.6 元（次月发现，按 2 倍扣减）']);
  });

  it('html report: each inspection says where it stands in its cycle and what it charged', async () => {
    const r = await runCli(['report', '--standard', STANDARD, '--period', 'month', RECORDS, '--format', 'html', '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<small class="cycle">复查周期：初查：待复查定级，暂保留原等级 优秀</small>');
    expect(r.stdout).toContain('<small class="cycle">扣减：责任人 李四：扣减 500 元</small>');
  });

  it('settle: the month\'s charges per party', async () => {
    const r = await runCli(['settle', '--standard', STANDARD, RECORDS, '--format', 'json']);
    expect(JSON.parse(r.stdout).settlement.map((s: { month: string; party: string; amount: number }) => [s.month, s.party, s.amount])).toEqual([
      ['2024-03', 'fee', 0.6],
      ['2024-03', 'officer', 1000],
      ['2024-03', 'unit', 8000],
      ['2024-06', 'fee', 0.3],
      ['2024-06', 'officer', 500],
      ['2024-06', 'unit', 4000],
    ]);
  });
});
