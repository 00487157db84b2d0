/**
 * Records from .xlsx (issue 19 item 1): the school week's wide and long CSVs written as workbooks by
 * exceljs (numbers as numbers, dates as Excel dates or serial numbers, merged header cells, Chinese
 * headers) read with the same maps give the CSVs' scorecards; problems name their cell.
 */
import { renderMessage } from '../../src/messages/render.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compileStandard, loadStandard, renderDiagnostic, type Scorecard } from '../../src/index.js';
import { readCsvRecords } from '../../src/records/csv.js';
import { decodeText } from '../../src/records/decode.js';
import { loadMapping, type CsvMapping } from '../../src/records/mapping.js';
import type { ReadResult } from '../../src/records/read.js';
import { readRecords } from '../../src/records/records.js';
import { MAX_SHEET_ROWS, readXlsxRecords } from '../../src/records/xlsx.js';
import JSZip from 'jszip';
import { scoreBatch } from '../../src/score/batch.js';
import { StandardSet } from '../../src/score/editions.js';
import { cellName } from '../../src/spreadsheet.js';
import { runCli } from '../support/cli.js';

const path = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const csvText = (p: string) => decodeText(readFileSync(path(p))).text;

async function mapping(file: string): Promise<CsvMapping> {
  const loaded = await loadMapping(path(file));
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return loaded.mapping;
}

function score(set: StandardSet, read: ReadResult): Scorecard[] {
  expect(read.diagnostics.map((d) => renderDiagnostic(d))).toEqual([]);
  const batch = scoreBatch(set, read.records, 'en');
  expect(batch.diagnostics).toEqual([]);
  return batch.scored.map((s) => s.scorecard);
}

type DateStyle = 'date' | 'serial' | 'text';

/** A CSV's rows as a workbook: numbers as numbers, the date column as Excel dates, serial numbers or the CSV's text. */
async function workbookOf(csv: string, options: { dates: DateStyle; sheet?: string; above?: boolean; date1904?: boolean }): Promise<Buffer> {
  const rows = parse(csv, { bom: true, relax_column_count: true }) as string[][];
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  workbook.addWorksheet('说明').addRow(['这一页不是记录']);
  const sheet = workbook.addWorksheet(options.sheet ?? 'Sheet1');
  const dateColumn = rows[0]!.indexOf('日期');
  if (options.above) {
    // A title row above a two-row header: 日期 merged down over both header rows.
    sheet.addRow(['2024 春季第一周']);
    sheet.addRow(rows[0]!.map((h, i) => (i === dateColumn ? h : '')));
    sheet.addRow(rows[0]!.map((h, i) => (i === dateColumn ? null : h)));
    sheet.mergeCells(2, dateColumn + 1, 3, dateColumn + 1);
  } else sheet.addRow(rows[0]!);
  for (const row of rows.slice(1)) {
    sheet.addRow(
      row.map((cell, i) => {
        if (cell === '') return null;
        if (i === dateColumn && options.dates !== 'text') {
          const [y, m, d] = cell.split(/[-/]/).map(Number);
          const date = Date.UTC(y!, m! - 1, d!);
          return options.dates === 'date' ? new Date(date) : (date - (options.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / 86_400_000;
        }
        return /^-?\d+(\.\d+)?$/.test(cell) && !/^0\d/.test(cell) ? Number(cell) : cell;
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('records from .xlsx', async () => {
  const loaded = await loadStandard(path('standards/school-hygiene.yaml'));
  if (!loaded.ok) throw new Error('standard');
  const set = new StandardSet([compileStandard(loaded.standard)]);
  const long = await mapping('fixtures/csv/school-hygiene.long.map.yaml');
  const wide = await mapping('fixtures/csv/school-hygiene.wide.map.yaml');
  const wideCsv = csvText('fixtures/csv/school-week.wide.csv');
  const longCsv = csvText('fixtures/csv/school-week.long.csv');
  const reference = score(set, readCsvRecords(wideCsv, wide, { file: 'school-week.wide.csv' }));

  it('the wide sheet, dates as Excel dates, on its own sheet (--sheet), gives the CSV scorecards', async () => {
    const bytes = await workbookOf(wideCsv, { dates: 'date', sheet: '第一周' });
    expect(reference.length).toBeGreaterThanOrEqual(20);
    expect(score(set, await readXlsxRecords(bytes, wide, { file: 'week.xlsx', sheet: '第一周' }))).toEqual(reference);
  });

  it('the long sheet, dates as serial numbers, gives the same scorecards as the long CSV', async () => {
    const bytes = await workbookOf(longCsv, { dates: 'serial' });
    expect(score(set, await readXlsxRecords(bytes, long, { file: 'week.xlsx', sheet: 'Sheet1' }))).toEqual(score(set, readCsvRecords(longCsv, long, { file: 'long.csv' })));
    expect(score(set, await readXlsxRecords(bytes, long, { file: 'week.xlsx', sheet: 'Sheet1' }))).toEqual(reference);
  });

  it('a 1904 workbook (old Mac Excel) reads its serial numbers in its own date system, also row by row past 100,000 rows', async () => {
    const bytes = await workbookOf(longCsv, { dates: 'serial', date1904: true });
    expect(score(set, await readXlsxRecords(bytes, long, { file: 'week.xlsx', sheet: 'Sheet1' }))).toEqual(reference);
    // Empty rows below the records, as a sheet formatted to the bottom: read by the streaming reader.
    const zip = await JSZip.loadAsync(bytes);
    const part = Object.keys(zip.files).find((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name) && name !== 'xl/worksheets/sheet1.xml')!;
    zip.file(part, (await zip.file(part)!.async('string')).replace('</sheetData>', `${'<row/>'.repeat(MAX_SHEET_ROWS + 10)}</sheetData>`));
    const tall = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(score(set, await readXlsxRecords(tall, long, { file: 'week.xlsx', sheet: 'Sheet1' }))).toEqual(reference);
  });

  it('a header under a title row, with 日期 merged down over two header rows (header: 3), reads as the CSV', async () => {
    const bytes = await workbookOf(wideCsv, { dates: 'text', above: true });
    expect(score(set, await readXlsxRecords(bytes, { ...wide, header: 3 }, { file: 'week.xlsx', sheet: 'Sheet1' }))).toEqual(reference);
  });

  it('without --sheet, the first visible sheet is read', async () => {
    const bytes = await workbookOf(wideCsv, { dates: 'date' });
    const read = await readXlsxRecords(bytes, wide, { file: 'week.xlsx' });
    expect(read.diagnostics[0]?.code).toBe('map_mismatch');
    expect(read.diagnostics[0]?.file).toBe('week.xlsx!说明');
  });

  it('a bad cell is the CSV problem, named by its cell: week.xlsx!Sheet1!I3', async () => {
    const rows = parse(wideCsv, { bom: true }) as string[][];
    rows[2]![8] = 'abc';
    const csv = rows.map((r) => r.map((c) => JSON.stringify(c)).join(',')).join('\n');
    const fromCsv = readCsvRecords(csv, wide, { file: 'week.csv' }).diagnostics;
    const fromXlsx = (await readXlsxRecords(await workbookOf(csv, { dates: 'date' }), wide, { file: 'week.xlsx', sheet: 'Sheet1' })).diagnostics;
    expect(fromXlsx.map((d) => [d.code, d.line, d.column, d.message])).toEqual(fromCsv.map((d) => [d.code, d.line, d.column, d.message]));
    expect(renderDiagnostic(fromXlsx[0]!)).toMatch(/^week\.xlsx!Sheet1!I3 {2}error {2}not_whole_number /);
  });

  it('a formula reads as its saved value; one never calculated leaves its row out, named by its cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['unit.id', 'date', 'finding.item', 'finding.count']);
    sheet.addRow(['g1-01', '2024-03-04', 'floor', { formula: '1+1', result: 2 }]);
    sheet.addRow(['g1-02', '2024-03-04', 'floor', { formula: 'HYPERLINK("http://x","y")' }]);
    const read = await readXlsxRecords(Buffer.from(await workbook.xlsx.writeBuffer()), undefined, { file: 'f.xlsx' });
    expect(read.records.map((r) => r.record.findings)).toEqual([[{ item: 'floor', count: 2 }]]);
    expect(read.diagnostics.map((d) => renderDiagnostic(d))).toEqual([expect.stringMatching(/^f\.xlsx!Sheet1!A3 {2}error {2}record_invalid .*D3.*HYPERLINK/)]);
  });

  it('through the CLI: --sheet picks the sheet, a problem names its cell, the wrong sheet is exit 2', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'scoresheet-xlsx-records-')), 'week.xlsx');
    const rows = parse(wideCsv, { bom: true }) as string[][];
    rows[2]![8] = 'abc';
    writeFileSync(file, await workbookOf(rows.map((r) => r.map((c) => JSON.stringify(c)).join(',')).join('\n'), { dates: 'serial', sheet: '第一周' }));
    const args = ['score', '--standard', 'standards/school-hygiene.yaml', '--map', 'fixtures/csv/school-hygiene.wide.map.yaml', file];
    const r = await runCli([...args, '--sheet', '第一周']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}!第一周!I3  error  not_whole_number`);
    expect(r.stdout).toContain('scored 23, rejected 1');
    const wrong = await runCli([...args, '--sheet', 'Sheet9']);
    expect([wrong.code, wrong.stderr.trim()]).toEqual([2, `${file}:1:1  error  unreadable_input  ${file} has no sheet "Sheet9"; its sheets: 说明, 第一周`]);
  });

  it('a workbook with no sheets at all says so, not "its sheets:" and nothing', () => {
    const data = { file: 'empty.xlsx', sheet: '', sheets: '' };
    expect(renderMessage({ messageId: 'input.xlsx_no_sheet', data }, 'en')).toBe('empty.xlsx has no sheet to read; it has no sheets at all');
    expect(renderMessage({ messageId: 'input.xlsx_no_sheet', data }, 'zh-CN')).toBe('empty.xlsx 中没有可读取的工作表；该文件没有任何工作表');
  });

  it('readRecords (synchronous) says a workbook is read by streamRecords', () => {
    expect(readRecords(new Uint8Array(4), { file: 'a.xlsx' }).diagnostics[0]?.code).toBe('unreadable_input');
  });

  it('names cells as a spreadsheet does', () => {
    expect([cellName(12, 3), cellName(1, 26), cellName(1, 27), cellName(9, 703)]).toEqual(['C12', 'Z1', 'AA1', 'AAA9']);
  });
});
