/**
 * template --format xlsx (issue 19 item 3): a workbook that refuses bad entries (drop-downs, points
 * limited to the item's range, hints in the CLI's language) and holds its map, so that a filled one —
 * filled here through exceljs with the school week's rows — scores exactly as the same rows in CSV.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/records/decode.js';
import { MAP_SHEET } from '../../src/records/xlsx.js';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'scoresheet-template-xlsx-'));

type Validation = ExcelJS.DataValidation & { sqref?: string };

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return workbook;
}

/** The validation of a column's first data cell (exceljs reads a range's back cell by cell). */
function validationOf(sheet: ExcelJS.Worksheet, header: string): Validation | undefined {
  const column = (sheet.getRow(1).values as unknown[]).indexOf(header);
  if (column < 1) throw new Error(`no column ${header}`);
  return sheet.getCell(2, column).dataValidation as Validation | undefined;
}

/** The CSV's rows written into the template's records sheet, by header; numbers as numbers, dates as dates. */
async function fill(template: string, csvFile: string, out: string): Promise<void> {
  const workbook = await open(template);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows = parse(decodeText(readFileSync(csvFile)).text, { bom: true, columns: true, relax_column_count: true }) as Record<string, string>[];
  rows.forEach((row, r) => {
    header.forEach((h, c) => {
      const text = row[h] ?? '';
      if (text === '') return;
      const cell = sheet.getCell(r + 2, c + 1);
      if (h === '日期') {
        const [y, m, d] = text.split(/[-/]/).map(Number);
        cell.value = new Date(Date.UTC(y!, m! - 1, d!));
      } else cell.value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    });
  });
  await workbook.xlsx.writeFile(out);
}

describe('template --format xlsx', () => {
  for (const layout of ['wide', 'long'] as const) {
    it(`${layout}: a filled template scores exactly as the same rows in CSV, with no --map`, async () => {
      const out = join(dir, layout);
      const made = await runCli(['template', '--standard', 'standards/school-hygiene.yaml', '--layout', layout, '--format', 'xlsx', '--lang', 'zh-CN', '--units', 'fixtures/school/units.yaml', '-o', out]);
      expect(made.stderr).toBe('');
      expect([made.code, made.stdout.trim()]).toEqual([0, join(out, `school-hygiene.${layout}.xlsx`)]);
      const filled = join(out, 'filled.xlsx');
      await fill(join(out, `school-hygiene.${layout}.xlsx`), `fixtures/csv/school-week.${layout}.csv`, filled);
      const fromXlsx = await runCli(['score', '--standard', 'standards/school-hygiene.yaml', '--format', 'json', filled]);
      const fromCsv = await runCli(['score', '--standard', 'standards/school-hygiene.yaml', '--format', 'json', '--map', `fixtures/csv/school-hygiene.${layout}.map.yaml`, `fixtures/csv/school-week.${layout}.csv`]);
      expect(fromXlsx.stderr).toBe('');
      expect(fromXlsx.code).toBe(0);
      const cards = (r: { stdout: string }) => (JSON.parse(r.stdout) as { scorecards: unknown[] }).scorecards;
      expect(cards(fromXlsx)).toHaveLength(24);
      expect(cards(fromXlsx)).toEqual(cards(fromCsv));
    });
  }

  it('wide: drop-downs for units, kinds and levels, each points cell limited to its item, hints in Chinese; lists and map hidden', async () => {
    const out = join(dir, 'checks');
    await runCli(['template', '--standard', 'standards/school-hygiene.yaml', '--layout', 'wide', '--format', 'xlsx', '--lang', 'zh-CN', '--units', 'fixtures/school/units.yaml', '-o', out]);
    const workbook = await open(join(out, 'school-hygiene.wide.xlsx'));
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([['检查记录', 'visible'], ['选项', 'hidden'], [MAP_SHEET, 'veryHidden']]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const lists = workbook.getWorksheet('选项')!;
    const listValues = (v: Validation) => {
      const [, column, from, , to] = /!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)/.exec(v.formulae[0] as string)!;
      const values: unknown[] = [];
      for (let r = Number(from); r <= Number(to); r++) values.push(lists.getCell(`${column}${r}`).value);
      return values;
    };
    const unit = validationOf(sheet, '单位编号')!;
    expect(unit.type).toBe('list');
    expect(listValues(unit)).toHaveLength(30);
    expect(listValues(validationOf(sheet, '单位名称')!)).toContain('高一(1)班');
    expect(listValues(validationOf(sheet, '检查类型')!)).toEqual(['不定时随查', '周一定期检查', '重大活动检查']);
    expect(listValues(validationOf(sheet, '活动级别')!)).toEqual(['县级', '市级', '省级', '国家级']);
    const points = validationOf(sheet, '卫生工具角（分值）')!;
    expect([points.type, points.operator, points.formulae]).toEqual(['decimal', 'between', [1, 3]]);
    expect(points.prompt).toBe('分值在 1 到 3 之间。');
    expect(points.showErrorMessage).toBe(true);
    expect(validationOf(sheet, '地面（教室、走廊）')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], prompt: '0 或正整数（空或 0 = 未发现问题）。' });
    expect(validationOf(sheet, '日期')).toMatchObject({ type: 'date', promptTitle: '日期' });
    expect(validationOf(sheet, '检查类型')!.prompt).toBe('请从列表中选择检查类型。');
  });

  it('long: items from a drop-down, points limited by the item picked on the row; hints in English with --lang en', async () => {
    const out = join(dir, 'long-en');
    await runCli(['template', '--standard', 'standards/school-hygiene.yaml', '--layout', 'long', '--format', 'xlsx', '--lang', 'en', '-o', out]);
    const sheet = (await open(join(out, 'school-hygiene.long.xlsx'))).worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const item = validationOf(sheet, header.find((h) => /item/i.test(h))!)!;
    expect([item.type, item.prompt]).toEqual(['list', 'Pick one of the items from the list.']);
    const points = validationOf(sheet, header.find((h) => /^points$/i.test(h))!)!;
    expect(points.type).toBe('custom');
    expect(points.formulae[0]).toMatch(/^AND\(ISNUMBER\([A-Z]+2\),[A-Z]+2>=INDEX\(.*MATCH\(\$[A-Z]+2,/);
    expect(points.prompt).toBe('Points within the range of the item picked on this row.');
  });

  it('refuses to overwrite the workbook without --force', async () => {
    const out = join(dir, 'twice');
    const args = ['template', '--standard', 'standards/school-hygiene.yaml', '--layout', 'wide', '--format', 'xlsx', '-o', out];
    expect((await runCli(args)).code).toBe(0);
    expect((await runCli(args)).code).toBe(2);
    expect((await runCli([...args, '--force'])).code).toBe(0);
  });

  it('the English map reads back: an item named "Lamps, fittings and cords" is quoted in its entry', async () => {
    const out = join(dir, 'english');
    await runCli(['template', '--standard', 'standards/school-hygiene.yaml', '--layout', 'wide', '--lang', 'en', '-o', out]);
    expect(readFileSync(join(out, 'school-hygiene.wide.map.yaml'), 'utf8')).toContain('- { column: "Lamps, fittings and cords", item: lights, cell: count }');
    await runCli(['template', '--standard', 'standards/school-hygiene.yaml', '--layout', 'wide', '--lang', 'en', '--format', 'xlsx', '-o', out]);
    const r = await runCli(['score', '--standard', 'standards/school-hygiene.yaml', join(out, 'school-hygiene.wide.xlsx')]);
    expect([r.code, r.stderr]).toEqual([0, '']);
  });
});
