/**
 * Scorecards and league tables as .xlsx (issue 19 item 2): score / rank / report --format xlsx -o FILE,
 * read back with exceljs: a sheet per period and group, the header frozen, numbers as numbers shown
 * with 2 decimals, vetoes and awards marked, widths that fit Chinese text, A4; text never a formula.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { leagueWorkbook, sheetName } from '../../src/report/xlsx.js';
import { runCli } from '../support/cli.js';
import { vetoLeague, vetoStandard } from '../support/veto-league.js';

const dir = mkdtempSync(join(tmpdir(), 'scoresheet-xlsx-'));

async function open(bytes: Buffer | string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((typeof bytes === 'string' ? readFileSync(bytes) : bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe('league tables as .xlsx', () => {
  it('rank --format xlsx -o: one sheet per period and group, frozen header, scores as numbers with 2 decimals, A4', async () => {
    const file = join(dir, 'league.xlsx');
    const r = await runCli(['rank', '--standard', 'standards/school-hygiene.yaml', '--period', 'week', '--group-by', 'grade', '--lang', 'zh-CN', '--format', 'xlsx', '-o', file, '--units', 'fixtures/school/units.yaml', '--roster', 'fixtures/school/roster.yaml', 'fixtures/school/records.yaml']);
    expect(r.stderr).toBe('');
    expect([r.code, r.stdout]).toEqual([0, '']);
    const json = JSON.parse((await runCli(['rank', '--standard', 'standards/school-hygiene.yaml', '--period', 'week', '--group-by', 'grade', '--format', 'json', '--units', 'fixtures/school/units.yaml', '--roster', 'fixtures/school/roster.yaml', 'fixtures/school/records.yaml'])).stdout) as { tables: { period: { key: string }; groups: { group: string; rows: { result: { score: number | null } }[] }[] }[] };
    const workbook = await open(file);
    const expected = json.tables.flatMap((t) => t.groups.map((g) => `${t.period.key} ${g.group}`));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(expected);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([undefined, '名次', '单位编号', '单位', '得分', '检查次数', '升降', '奖励', '一票否决']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, printTitlesRow: '1:2' });
    const score = sheet.getCell('D3');
    expect(typeof score.value).toBe('number');
    expect(score.value).toBe(json.tables[0]!.groups[0]!.rows[0]!.result.score);
    expect(score.numFmt).toBe('0.00');
    expect(typeof sheet.getCell('A3').value).toBe('number');
    // 高一(1)班 is 9 columns wide on screen, g1-01 5: the unit column is the wider.
    expect(sheet.getColumn(3).width!).toBeGreaterThan(sheet.getColumn(2).width!);
    expect(sheet.getColumn(3).width!).toBeGreaterThanOrEqual(11);
  });

  it('marks the vetoed row and the award holder (fill and words), in both languages', async () => {
    for (const [locale, veto, award] of [['zh-CN', '一票否决：教室内吸烟', '流动红旗'], ['en', 'one-vote veto: smoking in the classroom', 'red flag']] as const) {
      const sheet = (await open(await leagueWorkbook(vetoLeague(), vetoStandard, locale))).worksheets[0]!;
      const rows = [3, 4, 5, 6].map((n) => sheet.getRow(n));
      expect(rows.map((r) => r.getCell(2).value)).toEqual(['a', 'b', 'c', 'd']);
      expect(rows[0]!.getCell(8).value).toBe(veto);
      expect(rows[1]!.getCell(7).value).toBe(award);
      const fill = (n: number) => (rows[n]!.getCell(1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      expect([fill(0), fill(1), fill(2)]).toEqual(['FFF8CBAD', 'FFFFF2CC', undefined]);
    }
  });

  it('report --format xlsx -o writes the same tables; without -o it is refused (exit 2)', async () => {
    const file = join(dir, 'report.xlsx');
    const args = ['report', '--standard', 'standards/school-hygiene.yaml', '--period', 'week', '--group-by', 'grade', '--format', 'xlsx', '--units', 'fixtures/school/units.yaml', '--roster', 'fixtures/school/roster.yaml', 'fixtures/school/records.yaml'];
    expect((await runCli([...args, '-o', file])).code).toBe(0);
    expect((await open(file)).worksheets.length).toBeGreaterThan(1);
    const refused = await runCli(args);
    expect([refused.code, refused.stderr.trim()]).toEqual([2, '--format xlsx needs -o FILE.xlsx']);
  });

  it('sheet names follow Excel\'s rules: 31 characters, no []:*?/\\, unique', () => {
    const taken = new Set<string>();
    expect([sheetName('2024-W10 高一/二', taken), sheetName('2024-W10 高一/二', taken), sheetName('x'.repeat(40), taken)]).toEqual(['2024-W10 高一_二', '2024-W10 高一_二~2', 'x'.repeat(31)]);
  });
});

describe('scorecards as .xlsx', () => {
  it('score --format xlsx -o: a summary and a lines sheet; totals and points numbers with 2 decimals', async () => {
    const file = join(dir, 'cards.xlsx');
    const r = await runCli(['score', '--standard', 'standards/school-hygiene.yaml', '--format', 'xlsx', '-o', file, '--lang', 'zh-CN', 'fixtures/csv/school-week.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/24/);
    const workbook = await open(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['评分结果', '扣分明细']);
    const [summary, lines] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(summary.rowCount).toBe(2 + 24);
    expect(typeof summary.getCell('I3').value).toBe('number');
    expect(summary.getCell('I3').numFmt).toBe('0.00');
    expect(lines.getColumn(9).values.slice(3).every((v) => typeof v === 'number')).toBe(true);
    expect(lines.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('text that starts with = + - @ is written as text, never as a formula', async () => {
    const file = join(dir, 'formulas.xlsx');
    for (const command of [['score'], ['rank', '--period', 'week', '--group-by', 'grade']]) {
      const r = await runCli([...command, '--standard', 'standards/school-hygiene.yaml', '--format', 'xlsx', '-o', file, 'test/hostile/csv-formula-in-names.json']);
      expect(r.code).toBe(0);
      const zip = await JSZip.loadAsync(readFileSync(file));
      for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/') && n.endsWith('.xml'))) expect(await zip.file(name)!.async('string')).not.toContain('<f>');
      const texts: string[] = [];
      for (const sheet of (await open(file)).worksheets) {
        sheet.eachRow((row) => row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') texts.push(cell.value);
        }));
      }
      expect(texts).toContain('=HYPERLINK("http://x","y")');
    }
  });

  it('score -o FILE with a text format writes what it would print', async () => {
    const file = join(dir, 'cards.csv');
    const printed = await runCli(['score', '--standard', 'standards/school-hygiene.yaml', '--format', 'csv', '--roster', 'fixtures/school/roster.yaml', 'fixtures/school/records.yaml']);
    const r = await runCli(['score', '--standard', 'standards/school-hygiene.yaml', '--format', 'csv', '-o', file, '--roster', 'fixtures/school/roster.yaml', 'fixtures/school/records.yaml']);
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
  });
});
