/**
 * `settle`, `assess` and `actions` read .xlsx records as `score`, `rank` and `report` do: the same
 * --map, --sheet and --input-format, the same results as from the same rows in a CSV, and a bad cell
 * named by its sheet and cell.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

interface Finding {
  readonly item: string;
  readonly count?: number;
  readonly note?: string;
  readonly occurred?: string;
}
interface YamlRecord {
  readonly id: string;
  readonly standard?: string;
  readonly unit: { readonly id: string; readonly name?: string };
  readonly date: string;
  readonly kind: string;
  readonly facts?: Record<string, string>;
  readonly indicators?: Record<string, number>;
  readonly findings: readonly Finding[];
}

/** A records file as a long sheet (a row per finding, the record's cells on its first row) and its map. */
function longSheet(records: readonly YamlRecord[]): { rows: (string | number)[][]; map: string } {
  const facts = [...new Set(records.flatMap((r) => Object.keys(r.facts ?? {})))];
  const indicators = [...new Set(records.flatMap((r) => Object.keys(r.indicators ?? {})))];
  const columns: [string, string][] = [
    ['编号', 'id'],
    ['标准', 'standard'],
    ['单位编号', 'unit.id'],
    ['单位', 'unit.name'],
    ['日期', 'date'],
    ['类型', 'kind'],
    ...facts.map((f): [string, string] => [f, `facts.${f}`]),
    ...indicators.map((i): [string, string] => [i, `indicators.${i}`]),
    ['检查项', 'finding.item'],
    ['次数', 'finding.count'],
    ['说明', 'finding.note'],
    ['发生日期', 'finding.occurred'],
  ];
  const rows: (string | number)[][] = [columns.map(([header]) => header)];
  for (const r of records) {
    const own = [r.id, r.standard ?? '', r.unit.id, r.unit.name ?? '', r.date, r.kind, ...facts.map((f) => r.facts?.[f] ?? ''), ...indicators.map((i) => r.indicators?.[i] ?? '')];
    const findings = r.findings.length === 0 ? [undefined] : r.findings;
    findings.forEach((f, k) => rows.push([...(k === 0 ? own : own.map(() => '')), f?.item ?? '', f?.count ?? '', f?.note ?? '', f?.occurred ?? '']));
  }
  const map = `layout: long\ncolumns:\n${columns.map(([header, field]) => `  ${header}: ${field}`).join('\n')}\nkey: [编号]\n`;
  return { rows, map };
}

async function workbook(rows: readonly (string | number)[][], sheet: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('说明').addRow(['这一页不是记录']);
  const ws = book.addWorksheet(sheet);
  for (const row of rows) ws.addRow([...row]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const csvOf = (rows: readonly (string | number)[][]) => rows.map((r) => r.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',')).join('\n') + '\n';

let dir: string;
const files: Record<'settleCsv' | 'settleXlsx' | 'settleMap' | 'assessCsv' | 'assessXlsx' | 'assessMap' | 'badXlsx', string> = {} as never;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xlsx-settle-'));
  for (const [name, fixture] of [['settle', 'fixtures/urban-management-enforcement/records.yaml'], ['assess', 'fixtures/gd-village-stages/records.yaml']] as const) {
    const { rows, map } = longSheet(parse(readFileSync(fixture, 'utf8')) as YamlRecord[]);
    writeFileSync((files[`${name}Csv`] = join(dir, `${name}.csv`)), csvOf(rows));
    writeFileSync((files[`${name}Xlsx`] = join(dir, `${name}.xlsx`)), await workbook(rows, '记录'));
    writeFileSync((files[`${name}Map`] = join(dir, `${name}.map.yaml`)), map);
    if (name === 'settle') {
      rows[2]![rows[0]!.indexOf('次数')] = 'abc';
      writeFileSync((files.badXlsx = join(dir, 'bad.xlsx')), await workbook(rows, '记录'));
    }
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SETTLE = ['settle', '--standard', 'standards/urban-management-enforcement.yaml', '--format', 'json'];
const ASSESS = ['assess', '--standard', 'standards/assessments/gd-village-stages.yaml', '--period', 'year', '--format', 'json'];

describe('.xlsx records in settle, assess and actions', () => {
  it('settle: a workbook settles as the same rows in a CSV do (--map, --sheet)', async () => {
    const csv = await runCli([...SETTLE, '--map', files.settleMap, files.settleCsv]);
    expect([csv.code, csv.stderr]).toEqual([0, '']);
    expect(JSON.parse(csv.stdout).settlement.length).toBeGreaterThan(0);
    const xlsx = await runCli([...SETTLE, '--map', files.settleMap, '--sheet', '记录', files.settleXlsx]);
    expect([xlsx.code, xlsx.stderr]).toEqual([0, '']);
    expect(xlsx.stdout).toBe(csv.stdout);
    const piped = await runCli([...SETTLE, '--map', files.settleMap, '--sheet', '记录', '--input-format', 'xlsx', '-'], { input: readFileSync(files.settleXlsx) });
    expect(piped.stdout).toBe(csv.stdout);
  });

  it('settle: a bad cell is named by its sheet and cell, in the command\'s language; an unknown sheet names the sheets', async () => {
    const r = await runCli([...SETTLE, '--map', files.settleMap, '--sheet', '记录', files.badXlsx, '--lang', 'zh-CN']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${files.badXlsx.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}!记录!\\w+3  error  `));
    const wrong = await runCli([...SETTLE, '--map', files.settleMap, '--sheet', 'Sheet9', files.settleXlsx]);
    expect([wrong.code, wrong.stderr.trim()]).toEqual([2, `${files.settleXlsx}:1:1  error  unreadable_input  ${files.settleXlsx} has no sheet "Sheet9"; its sheets: 说明, 记录`]);
  });

  it('assess: a workbook gives the results the same rows in a CSV give', async () => {
    const csv = await runCli([...ASSESS, '--map', files.assessMap, files.assessCsv]);
    expect([csv.code, csv.stderr]).toEqual([0, '']);
    const yaml = await runCli([...ASSESS, 'fixtures/gd-village-stages/records.yaml']);
    expect(csv.stdout).toBe(yaml.stdout);
    const xlsx = await runCli([...ASSESS, '--map', files.assessMap, '--sheet', '记录', files.assessXlsx]);
    expect([xlsx.code, xlsx.stderr]).toEqual([0, '']);
    expect(xlsx.stdout).toBe(csv.stdout);
  });

  it('actions: --sheet picks the sheet of a workbook', async () => {
    const args = ['actions', '--standard', 'standards/urban-management-enforcement.yaml', '--format', 'json', '--as-of', '2024-05-01', '--map', files.settleMap];
    const csv = await runCli([...args, files.settleCsv]);
    const xlsx = await runCli([...args, '--sheet', '记录', files.settleXlsx]);
    expect(xlsx.stderr).toBe(csv.stderr);
    expect(xlsx.stdout).toBe(csv.stdout);
  });
});
