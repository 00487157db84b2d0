/**
 * CSV records: the two layouts of a map, rows as a spreadsheet numbers them, every bad cell a
 * diagnostic for its row (never a crash, never coerced), maps that do not fit, and encodings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/diagnostics.js';
import { compileStandard, parseStandard } from '../../src/index.js';
import { lineOfField, readCsvRecords, streamCsvRecords } from '../../src/records/csv.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { ByteDecoder, chooseEncoding, decodeText, type InvalidBytes } from '../../src/records/decode.js';
import { convertCell, normalizeDate, parseMapping, type CsvMapping } from '../../src/records/mapping.js';
import { sheetTemplate } from '../../src/records/template.js';
import { readDocumentRecords } from '../../src/records/read.js';
import { scoreBatch } from '../../src/score/batch.js';
import { StandardSet } from '../../src/score/editions.js';
import { csvMap as map } from '../support/csv-map.js';

/** A small standard of its own, so these tests do not move with the shipped ones. */
const STANDARD = `id: mini
version: "1"
name: { zh-CN: 小标准, en: Mini }
scoring: { mode: deduct, base: 100 }
kinds:
  - { id: random, name: { zh-CN: 随查 } }
  - { id: scheduled, name: { zh-CN: 周一检查 } }
categories:
  - id: room
    name: { zh-CN: 教室 }
    items:
      - id: floor
        name: { zh-CN: 地面 }
        rules: [ { kind: per-occurrence, points: 1 } ]
      - id: corner
        name: { zh-CN: 卫生角 }
        rules: [ { kind: per-occurrence, points: { min: 1, max: 3 } } ]
      - id: judged
        name: { zh-CN: 酌情 }
        rules: [ { kind: judgement, max: 2 } ]
      - id: measured
        name: { zh-CN: 测量 }
        rules: [ { kind: per-shortfall, required: 5, points: 0.5 } ]
`;
const parsed = parseStandard(STANDARD, { file: 'mini.yaml' });
if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
const set = new StandardSet([compileStandard(parsed.standard)]);

const LONG = map(`layout: long
columns:
  编号: id
  班级编号: unit.id
  班级: unit.name
  年级: unit.group.grade
  日期: date
  类型: kind
  检查项: finding.item
  次数: finding.count
  扣分: finding.points
  说明: finding.note
values:
  kind: { 周一检查: scheduled, 随查: random }
  finding.item: { 地面: floor, 卫生角: corner }
`);

const WIDE = map(`layout: wide
columns:
  编号: id
  班级编号: unit.id
  日期: date
  督导次数: { field: facts.visits, type: number }
  已公示: { field: facts.posted, type: boolean }
  持证率: indicators.rate
items:
  - { column: 地面, item: floor, cell: count }
  - { column: 卫生角扣分, item: corner, cell: points }
  - { column: 酌情扣分, item: judged, cell: points, note: 酌情说明 }
  - { column: 测量值, item: measured, cell: value }
  - { column: 卫生角材料, item: corner, cell: evidence }
ignore: [序号]
`);

const rows = (...lines: string[]) => lines.join('\n') + '\n';
const summary = (text: string, m: CsvMapping | undefined) => {
  const { records, diagnostics } = readCsvRecords(text, m, { file: 's.csv' });
  return {
    records: records.map((r) => ({ line: r.source.line, index: r.source.index, record: r.record })),
    diagnostics: diagnostics.map((d) => [d.line, d.index, d.code, formatPath(d.path)]),
  };
};

describe('long layout', () => {
  const header = '编号,班级编号,班级,年级,日期,类型,检查项,次数,扣分,说明';

  it('groups neighbouring rows with the same key into one inspection, translating cells through values:', () => {
    const { records, diagnostics } = summary(
      rows(header, 'r1,c1,一班,高一,2024-03-04,周一检查,地面,2,,有纸屑', 'r1,c1,一班,高一,2024-03-04,周一检查,卫生角,,2.5,', 'r2,c2,二班,高一,2024/3/5,随查,,,,'),
      LONG,
    );
    expect(diagnostics).toEqual([]);
    expect(records).toEqual([
      {
        line: 2,
        index: 0,
        record: {
          id: 'r1',
          unit: { id: 'c1', name: '一班', group: { grade: '高一' } },
          date: '2024-03-04',
          kind: 'scheduled',
          findings: [{ item: 'floor', count: 2, note: '有纸屑' }, { item: 'corner', points: 2.5 }],
        },
      },
      { line: 4, index: 1, record: { id: 'r2', unit: { id: 'c2', name: '二班', group: { grade: '高一' } }, date: '2024-03-05', kind: 'random', findings: [] } },
    ]);
  });

  it('reads a cell named like an object\'s built-in key (constructor, toString, __proto__) as its text, not as a values: entry', () => {
    const { records, diagnostics } = summary(rows(header, 'r1,c1,一班,高一,2024-03-04,constructor,toString,1,,', 'r1,c1,一班,高一,2024-03-04,constructor,__proto__,1,,'), LONG);
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => r.record)).toEqual([
      { id: 'r1', unit: { id: 'c1', name: '一班', group: { grade: '高一' } }, date: '2024-03-04', kind: 'constructor', findings: [{ item: 'toString', count: 1 }, { item: '__proto__', count: 1 }] },
    ]);
  });

  it('reads rows whose record columns are blank (merged cells) as the rest of the inspection above', () => {
    const { records } = summary(rows(header, 'r1,c1,一班,高一,2024-03-04,周一检查,地面,1,,', ',,,,,,卫生角,,1,', ',,,,,,地面,1,,'), LONG);
    expect(records.map((r) => r.record.findings.map((f) => f.item))).toEqual([['floor', 'corner', 'floor']]);
  });

  it('reads two rows of the same item as two findings, exactly as the YAML with two findings', () => {
    const csv = readCsvRecords(rows(header, 'r1,c1,一班,高一,2024-03-04,周一检查,地面,1,,', 'r1,c1,一班,高一,2024-03-04,周一检查,地面,1,,'), LONG).records;
    const yaml = readDocumentRecords(
      'id: r1\nunit: { id: c1, name: 一班, group: { grade: 高一 } }\ndate: 2024-03-04\nkind: scheduled\nfindings: [ { item: floor, count: 1 }, { item: floor, count: 1 } ]\n',
    ).records;
    expect(csv.map((r) => r.record)).toEqual(yaml.map((r) => r.record));
    expect(scoreBatch(set, csv, 'en').scored.map((s) => s.scorecard)).toEqual(scoreBatch(set, yaml, 'en').scored.map((s) => s.scorecard));
  });

  it('reports each bad cell on its own row, keeps the good records, and never coerces', () => {
    const { records, diagnostics } = summary(
      rows(
        header,
        'r1,c1,一班,高一,2010-09-31,周一检查,地面,1,,', // 2: not a date
        'r2,c2,二班,高一,2024-03-04,周一检查,地面,1,,', // 3: good
        'r2,c2,二班,高一,2024-03-04,周一检查,卫生角,abc,,', // 4: "abc" as a count
        'r3,c3,三班,高一,2024-03-04,周一检查,地面,1.5,,', // 5: not a whole number
        'r4,c4,四班,高一,2024-03-04,周一检查,卫生角,,x1,', // 6: not a number
        'r5,c5,五班,高一,2024-03-04,周一检查,,2,,', // 7: a count without an item
        'r6,c6,六班,高一,2024-03-04,周一检查,地面,0,,', // 8: a count of 0 is not a count
        'r7,c7,七班,高一,2024-03-04,随查,地面,1,,', // 9: good
      ),
      LONG,
    );
    expect(diagnostics).toEqual([
      [2, 0, 'invalid_date', 'date'],
      [4, 1, 'not_whole_number', 'findings[1].count'],
      [5, 2, 'not_whole_number', 'findings[0].count'],
      [6, 3, 'record_invalid', 'findings[0].points'],
      [7, 4, 'record_invalid', 'findings[0].item'],
      [8, 5, 'record_invalid', 'findings[0].count'],
    ]);
    expect(records.map((r) => [r.line, r.record.id])).toEqual([[9, 'r7']]);
  });

  it('rejects an inspection whose rows are apart, and (with key columns) one whose record columns disagree', () => {
    const split = summary(rows(header, 'r1,c1,一班,高一,2024-03-04,周一检查,地面,1,,', 'r2,c2,二班,高一,2024-03-04,周一检查,地面,1,,', 'r1,c1,一班,高一,2024-03-04,周一检查,卫生角,,2,'), LONG);
    expect(split.records.map((r) => r.record.id)).toEqual(['r1', 'r2']);
    expect(split.diagnostics).toEqual([[4, 2, 'record_invalid', '']]);

    const keyed = map(`layout: long\nkey: [编号]\ncolumns: { 编号: id, 班级编号: unit.id, 日期: date, 检查项: finding.item }\n`);
    const conflict = readCsvRecords(rows('编号,班级编号,日期,检查项', 'r1,c1,2024-03-04,floor', 'r1,c2,2024-03-04,corner', ',,,floor'), keyed, { file: 's.csv' });
    expect(conflict.diagnostics.map((d) => [d.line, d.code, formatPath(d.path), d.data])).toEqual([[3, 'record_invalid', 'unit.id', { column: '班级编号', value: 'c2', first: 'c1', line: 2 }]]);
  });

  it('tells apart keys whose cells differ only where a NUL falls, so neither is taken for the other\'s rows apart', () => {
    const keyed = map(`layout: long\nkey: [编号, 班级编号]\ncolumns: { 编号: id, 班级编号: unit.id, 日期: date, 检查项: finding.item }\n`);
    const read = readCsvRecords(rows('编号,班级编号,日期,检查项', '"a\0b",c,2024-03-04,floor', 'x,y,2024-03-04,floor', 'a,"b\0c",2024-03-04,floor'), keyed, { file: 's.csv' });
    expect(read.diagnostics.filter((d) => d.messageId === 'record.csv_split')).toEqual([]);
    expect(read.records.map((r) => r.record.unit.id)).toEqual(['c', 'y', 'b\0c']);
  });

  it('numbers rows as a spreadsheet does: header 1, blank rows counted, a quoted line break does not shift later rows', () => {
    const text = `\uFEFF${header}\r\n"r1",c1,"一\n班",高一,2024-03-04,周一检查,地面,1,,\r\n\r\nr2,c2,二班,高一,2024-13-01,周一检查,地面,1,,\r\n`;
    const { records, diagnostics } = summary(text, LONG);
    expect(records.map((r) => [r.line, r.record.unit.name])).toEqual([[2, '一\n班']]);
    expect(diagnostics).toEqual([[4, 1, 'invalid_date', 'date']]);
  });

  it('reports a row whose quote is never closed on its row and reads on from the next line, whole or streamed', async () => {
    const text = rows(
      header,
      'r1,c1,一班,高一,2024-03-04,周一检查,地面,1,,"a ""quoted""', // a quoted cell over two lines is one row: 2
      'note"',
      'r2,c2,二班,高一,2024-03-04,周一检查,地面,1,,"没有闭合的引号', // 3: the quote opens the last cell
      'r3,c3,三班,高一,2024-03-04,周一检查,地面,1,,',
      'r3,c3,三班,高一,2024-03-04,周一检查,卫生角,,2,',
      'r4,c4,四班,高一,2024-03-05,随查,地面,2,,',
    );
    const { records, diagnostics } = summary(text, LONG);
    expect(diagnostics).toEqual([[3, 1, 'record_syntax', '']]);
    expect(records.map((r) => [r.line, r.record.id, r.record.findings.length])).toEqual([[2, 'r1', 1], [4, 'r3', 2], [6, 'r4', 1]]);
    const streamed: unknown[] = [];
    const bytes = Buffer.from(text);
    const chunks = [bytes.subarray(0, 150), bytes.subarray(150, 151), bytes.subarray(151)];
    for await (const item of streamCsvRecords(chunks, LONG, { file: 's.csv' })) streamed.push('record' in item ? [item.source.line, item.record.id] : item.diagnostics.map((d) => [d.line, d.code]));
    expect(streamed).toEqual([[2, 'r1'], [[3, 'record_syntax']], [4, 'r3'], [6, 'r4']]);
  });

  it('leaves out the inspections on both sides of an unreadable row whose key cannot be read, and says why', () => {
    const text = rows(
      header,
      'r0,c0,〇班,高一,2024-03-04,周一检查,地面,1,,',
      'r1,c1,一班,高一,2024-03-04,周一检查,地面,1,,',
      'r2,c2,"二班,高一,2024-03-04,周一检查,地面,1,,', // 4: the quote opens a key cell
      'r3,c3,三班,高一,2024-03-04,周一检查,地面,1,,',
      'r4,c4,四班,高一,2024-03-04,周一检查,地面,1,,',
    );
    const { records, diagnostics } = summary(text, LONG);
    expect(records.map((r) => r.record.id)).toEqual(['r0', 'r4']);
    expect(diagnostics).toEqual([[3, 1, 'record_syntax', ''], [4, 1, 'record_syntax', ''], [5, 2, 'record_syntax', '']]);
    const read = readCsvRecords(text, LONG, { file: 's.csv' });
    expect(read.diagnostics.map((d) => d.messageId)).toEqual(['record.csv_beside_unreadable', 'record.csv_unclosed_quote', 'record.csv_beside_unreadable']);
  });

  it('rejects the inspection of a row missing its last cells, on that row; a header with blank last columns asks for no more cells', () => {
    const { records, diagnostics } = summary(
      rows(header + ',,', 'r1,c1,一班,高一,2024-03-04,周一检查,地面,1,,', 'r1,c1,一班,高一,2024-03-04,周一检查,卫生角', 'r2,c2,二班,高一,2024-03-04,周一检查,地面,1,,'),
      LONG,
    );
    expect(diagnostics).toEqual([[3, 0, 'short_row', '']]);
    expect(records.map((r) => r.record.id)).toEqual(['r2']);
  });

  it('needs no map when the headers are field names', () => {
    const { records, diagnostics } = summary(rows('unit.id,date,finding.item,finding.count,facts.ok', 'a,2024-03-04,floor,2,yes', 'b,2024-03-04,,,0'), undefined);
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => r.record)).toEqual([
      { unit: { id: 'a' }, date: '2024-03-04', findings: [{ item: 'floor', count: 2 }], facts: { ok: true } },
      { unit: { id: 'b' }, date: '2024-03-04', findings: [], facts: { ok: 0 } },
    ]);
    const noMap = readCsvRecords(rows('班级,日期', 'a,2024-03-04'), undefined);
    expect([noMap.records, noMap.diagnostics.map((d) => [d.code, d.line, d.column])]).toEqual([[], [['map_mismatch', 1, 1]]]);
    expect(noMap.diagnostics[0]!.message).toMatch(/needs a map/);
  });
});

describe('wide layout', () => {
  const header = '序号,编号,班级编号,日期,督导次数,已公示,持证率,地面,卫生角扣分,酌情扣分,酌情说明,测量值,卫生角材料';

  it('reads one inspection per row: counts, points, values, notes, written material, facts and indicators', () => {
    const { records, diagnostics } = summary(rows(header, '1,w1,c1,2024-03-04,3,否,95%,2,1.5,0.5,桌面脏,4,否', '2,w2,c2,2024-03-04,,是,100,0,,,,,是'), WIDE);
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => r.record)).toEqual([
      {
        id: 'w1',
        unit: { id: 'c1' },
        date: '2024-03-04',
        facts: { visits: 3, posted: false },
        indicators: { rate: 95 },
        findings: [
          { item: 'floor', count: 2 },
          { item: 'corner', points: 1.5 },
          { item: 'judged', points: 0.5, note: '桌面脏' },
          { item: 'measured', value: 4 },
          { item: 'corner', evidence: false },
        ],
      },
      // A count of 0 is nothing found; written material shown (是) is nothing to record.
      { id: 'w2', unit: { id: 'c2' }, date: '2024-03-04', facts: { posted: true }, indicators: { rate: 100 }, findings: [] },
    ]);
  });

  it('reports a note without points, a cell that is not a number, and a value in a column the map does not name', () => {
    const { diagnostics } = summary(rows(header + ',备注', '1,w1,c1,2024-03-04,,,,,,,只有说明,,,', '2,w2,c2,2024-03-04,很多,,,abc,,,,,也许,', '3,w3,c3,2024-03-04,,,,,,,,,,多写了'), WIDE);
    expect(diagnostics).toEqual([
      [2, 0, 'record_invalid', 'findings[0].note'],
      [3, 1, 'record_invalid', 'facts.visits'],
      [3, 1, 'not_whole_number', 'findings[0].count'],
      [3, 1, 'record_invalid', 'findings[0].evidence'],
      [4, 2, 'unmapped_column', ''],
    ]);
  });

  it('scores a point outside the item range as a rejection on the row, not a clamp', () => {
    const read = readCsvRecords(rows(header, '1,w1,c1,2024-03-04,,,,,4,,,,', '2,w2,c2,2024-03-04,,,,,3,,,,'), WIDE, { file: 's.csv' });
    const batch = scoreBatch(set, read.records, 'en');
    expect(batch.diagnostics.map((d) => [d.line, d.code, formatPath(d.path)])).toEqual([[2, 'points_out_of_range', 'findings[0].points']]);
    expect(batch.scored.map((s) => s.scorecard.total)).toEqual([97]);
  });

  it('rejects a row missing its last cells on its row (it would read as nothing found); the other rows are scored', () => {
    const { records, diagnostics } = summary(rows(header, '1,w1,c1,2024-03-04,,,,2,,,,,', '2,w2,c2,2024-03-04,,,,2', '3,w3,c3,2024-03-04,,,,1,,,,,'), WIDE);
    expect(diagnostics).toEqual([[3, 1, 'short_row', '']]);
    expect(records.map((r) => r.record.id)).toEqual(['w1', 'w3']);
  });

  it('reports a row whose quote is never closed and scores the rows after it', () => {
    const { records, diagnostics } = summary(rows(header, '1,w1,c1,2024-03-04,,,,2,,,,,', '2,w2,c2,2024-03-04,,,,1,,,"桌面脏,,,', '3,w3,c3,2024-03-04,,,,1,,,,,'), WIDE);
    expect(diagnostics).toEqual([[3, 1, 'record_syntax', '']]);
    expect(records.map((r) => r.record.id)).toEqual(['w1', 'w3']);
  });

  it('skips title rows above the header when the map says where the header is', () => {
    const titled = map(`layout: wide\nheader: 2\ncolumns: { 班级编号: unit.id, 日期: date }\nitems: [ { column: 地面, item: floor, cell: count } ]\n`);
    const { records } = summary(rows('2024年春季学期卫生检查表,,', '班级编号,日期,地面', 'c1,2024-03-04,1'), titled);
    expect(records.map((r) => [r.line, r.record.findings])).toEqual([[3, [{ item: 'floor', count: 1 }]]]);
  });
});

describe('maps', () => {
  it('reports every problem of a map with its line', () => {
    const result = parseMapping('layout: wide\ncolumns:\n  日期: datum\n  检查项: finding.item\nkey: [日期]\n', 'bad.map.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^bad\.map\.yaml:3:7  error  invalid_map  columns\.日期: unknown field "datum"/),
      expect.stringMatching(/^bad\.map\.yaml:4:8  error  invalid_map  columns\.检查项: finding\.item: finding fields are for the long layout/),
      expect.stringMatching(/^bad\.map\.yaml:5:6  error  invalid_map  key: key: is for the long layout/),
    ]);
    expect(parseMapping('layout: long\ncolumns: { 日期: date }\n').ok).toBe(false); // no item column
  });

  it('stops with the missing column (and a did-you-mean) when the CSV does not have a mapped column', () => {
    const misfit = readCsvRecords(rows('编号,班级编号,班级,年级,日期,类型,检查项目,次数,扣分,说明', 'r1,c1,一班,高一,2024-03-04,周一检查,地面,1,,'), LONG, { file: 's.csv' });
    expect(misfit.records).toEqual([]);
    expect(misfit.diagnostics.map(formatDiagnostic)).toEqual([
      's.csv:1:1  error  map_mismatch  the map names the column "检查项", which the CSV header (row 1) does not have (did you mean "检查项目"?); its columns: 编号, 班级编号, 班级, 年级, 日期, 类型, 检查项目, 次数, 扣分, 说明',
    ]);
  });

  it('a template map reads back as the mapping it describes', () => {
    for (const layout of ['long', 'wide'] as const) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const template = sheetTemplate(parsed.ok ? parsed.standard : (undefined as never), layout, locale);
        expect(parseMapping(template.mapText)).toEqual({ ok: true, mapping: template.mapping });
        // Every column of the sheet is mapped, once.
        const { records, diagnostics } = readCsvRecords(template.header.join(',') + '\n', template.mapping);
        expect([records, diagnostics]).toEqual([[], []]);
      }
    }
  });
});

describe('cells', () => {
  it('converts only what is of the type', () => {
    expect(convertCell('2', 'count')).toEqual({ ok: true, value: 2 });
    expect(convertCell('1.5', 'count')).toEqual({ ok: true, value: 1.5 }); // the schema then rejects it
    expect(convertCell('abc', 'count')).toEqual({ ok: false, expected: 'whole_number' });
    expect(convertCell('1,000', 'number')).toEqual({ ok: false, expected: 'number' });
    expect(convertCell('98%', 'number')).toEqual({ ok: false, expected: 'number' });
    expect(convertCell('98%', 'number', true)).toEqual({ ok: true, value: 98 });
    expect(convertCell('是', 'boolean')).toEqual({ ok: true, value: true });
    expect(convertCell('maybe', 'boolean')).toEqual({ ok: false, expected: 'boolean' });
    expect(convertCell('无', 'auto')).toEqual({ ok: true, value: false });
    expect(convertCell('0', 'auto')).toEqual({ ok: true, value: 0 });
    expect(convertCell('some text', 'auto')).toEqual({ ok: true, value: 'some text' });
  });

  it('reads dates as spreadsheets write them, and leaves anything else for the calendar check', () => {
    expect(['2024-03-04', '2024/3/4', '2024.3.4', '2024年3月4日', '2010/9/31', '04/03/2024'].map(normalizeDate)).toEqual([
      '2024-03-04',
      '2024-03-04',
      '2024-03-04',
      '2024-03-04',
      '2010-09-31',
      '04/03/2024',
    ]);
  });
});

describe('rows of scoring diagnostics', () => {
  it('moves a problem found while scoring to the row of its finding', () => {
    const header = '编号,班级编号,班级,年级,日期,类型,检查项,次数,扣分,说明';
    const read = readCsvRecords(rows(header, 'r1,c1,一班,高一,2024-03-04,周一检查,地面,1,,', 'r1,c1,一班,高一,2024-03-04,周一检查,卫生角,,9,', 'r1,c1,一班,高一,2024-03-04,周一检查,tool-coner,1,,'), LONG, { file: 's.csv' });
    const batch = scoreBatch(set, read.records, 'en');
    // scoring itself names the finding's row
    expect(batch.diagnostics.map((d) => [d.line, formatPath(d.path)])).toEqual([[3, 'findings[1].points'], [4, 'findings[2].item']]);
    expect(lineOfField(read.records[0]!.source, 'unit.group.grade')).toBe(2);
  });
});

describe('decoding a byte stream', () => {
  async function decodeWith(chunks: (string | number[])[], encoding?: 'utf-8' | 'gbk', window?: number): Promise<{ text: string; invalid: InvalidBytes[] }> {
    const decoder = new ByteDecoder(encoding, window);
    let text = '';
    const invalid: InvalidBytes[] = [];
    for (const c of [...chunks.map((c) => decoder.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c))), decoder.end()]) {
      text += c.text;
      for (const x of c.invalid) invalid.push(x);
    }
    return { text, invalid };
  }
  const decode = async (chunks: (string | number[])[], encoding?: 'utf-8' | 'gbk') => (await decodeWith(chunks, encoding)).text;
  // 卫生 in GBK: CE C0 C9 FA (not valid UTF-8).
  const WEISHENG_GBK = [0xce, 0xc0, 0xc9, 0xfa];

  it('picks GB18030 for GBK bytes, even split across chunks', async () => {
    expect(await decode(['a,b\n1,', [0xce], [0xc0, 0xc9, 0xfa, 0x0a], '2,3\n'])).toBe('a,b\n1,卫生\n2,3\n');
  });

  it('picks UTF-8 (dropping the BOM) when the bytes are UTF-8, a character split across chunks', async () => {
    const bytes = [...Buffer.from('\uFEFFa,卫生\n')];
    expect(await decode([bytes.slice(0, 1), bytes.slice(1, 6), bytes.slice(6)])).toBe('a,卫生\n');
  });

  it('decides on the first window of a stream, then lists the bytes that do not read, by line and offset', async () => {
    const { text, invalid } = await decodeWith(['卫生\n', 'x\n', [...WEISHENG_GBK, 0x0a], '好\n'], undefined, 8);
    expect(text).toBe('卫生\nx\n\uFFFD\uFFFD\uFFFD\uFFFD\n好\n');
    expect(invalid).toEqual([{ line: 3, offset: 9, byte: 'ce', encoding: 'utf-8' }]);
    expect(await decode([WEISHENG_GBK], 'gbk')).toBe('卫生');
  });

  it('reads the committed GBK fixture the same way, whole or streamed', async () => {
    const bytes = readFileSync(new URL('../../fixtures/csv/school-week.gbk.csv', import.meta.url));
    const streamed = await decodeWith([[...bytes.subarray(0, 1001)], [...bytes.subarray(1001)]], undefined, 1000);
    expect(streamed).toEqual({ text: new TextDecoder('gb18030').decode(bytes), invalid: [] });
  });
});

describe('encodings: decided on the bytes as a whole', () => {
  const gbk = readFileSync(new URL('../../fixtures/csv/school-week.gbk.csv', import.meta.url));
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

  it('UTF-8 with a few bad bytes is UTF-8 (even when the bytes happen to read as GB18030 throughout); GBK is GB18030, a stray byte or not', () => {
    expect(chooseEncoding(bytes('班级,日期\n一班,2024-03-04\n'))).toBe('utf-8');
    expect(chooseEncoding(gbk)).toBe('gb18030');
    expect(chooseEncoding(bytes([...gbk], [0xff]))).toBe('gb18030');
    expect(chooseEncoding(bytes('班级,日期\n一班,2024-03-04', [0xff], '\n'))).toBe('utf-8');
    expect(chooseEncoding(bytes('a,b\n1,2', [0xff], '\n'))).toBe('utf-8');
    // 高一 in UTF-8 (E9 AB 98 E4 B8 80) is also three GB18030 characters, and so is the stray 81 40.
    const lookalike = bytes('高一', [0x81, 0x40], ',x\n');
    expect(new TextDecoder('gb18030', { fatal: true }).decode(lookalike)).toBe('楂樹竴丂,x\n');
    expect(chooseEncoding(lookalike)).toBe('utf-8');
    expect(decodeText(lookalike).invalid).toEqual([{ line: 1, offset: 6, byte: '81', encoding: 'utf-8' }]);
    expect(decodeText(bytes([...gbk], [0xff])).invalid).toEqual([{ line: gbk.toString('latin1').split('\n').length, offset: gbk.length, byte: 'ff', encoding: 'gb18030' }]);
  });

  it('reports a row with a stray byte by its line and byte offset and scores the rest, whole or streamed', async () => {
    const header = '编号,班级编号,班级,年级,日期,类型,检查项,次数,扣分,说明\n';
    const sheet = bytes(
      header,
      'r1,c1,一班,高一,2024-03-04,周一检查,地面,1,,\n',
      'r2,c2,二班,高一,2024-03-04,周一检查,地面,1,,有', [0xe7, 0xba], '屑\n', // 3: a character cut short in the note
      'r3,c3,三班,高一,2024-03-04,周一检查,地面,1,,\n',
    );
    const offset = Buffer.byteLength(header + 'r1,c1,一班,高一,2024-03-04,周一检查,地面,1,,\n' + 'r2,c2,二班,高一,2024-03-04,周一检查,地面,1,,有');
    const whole = readCsvRecords(sheet, LONG, { file: 's.csv' });
    expect(whole.records.map((r) => r.record.id)).toEqual(['r1', 'r3']);
    expect(whole.diagnostics.map((d) => [d.line, d.index, d.code, d.data])).toEqual([[3, 1, 'invalid_encoding', { byte: 'e7', line: 3, offset, encoding: 'UTF-8', more: 0 }]]);
    const streamed: unknown[] = [];
    for await (const item of streamCsvRecords([sheet.subarray(0, 200), sheet.subarray(200)], LONG, { file: 's.csv' })) streamed.push('record' in item ? item.record.id : item.diagnostics.map((d) => [d.line, d.code]));
    expect(streamed).toEqual(['r1', [[3, 'invalid_encoding']], 'r3']);
  });
});
