/** Streaming CSV: the first scorecard comes out while the input stream is still open. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { compileStandard, parseStandard } from '../../src/index.js';
import { streamCsvRecords } from '../../src/records/csv.js';
import { scoreStream, type ScoreItem } from '../../src/score/batch.js';
import { StandardSet } from '../../src/score/editions.js';
import { csvMap as map } from '../support/csv-map.js';

const parsed = parseStandard(`id: mini
version: "1"
name: { en: Mini }
scoring: { mode: deduct, base: 100 }
categories:
  - id: room
    name: { zh-CN: 教室 }
    items:
      - { id: floor, name: { zh-CN: 地面 }, rules: [ { kind: per-occurrence, points: 1 } ] }
      - { id: corner, name: { zh-CN: 卫生角 }, rules: [ { kind: per-occurrence, points: { min: 1, max: 3 } } ] }
`);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
const set = new StandardSet([compileStandard(parsed.standard)]);

const total = (item: IteratorResult<ScoreItem> | undefined) => (item?.value && 'scorecard' in item.value ? item.value.scorecard.total : item?.value);

describe('streamCsvRecords', () => {
  it('wide: yields the first scorecard as soon as its row has arrived, before the stream ends', async () => {
    const input = new PassThrough();
    const wide = map('layout: wide\ncolumns: { 班级: unit.id, 日期: date }\nitems: [ { column: 地面, item: floor, cell: count } ]\n');
    const iterator = scoreStream(set, streamCsvRecords(input, wide, { file: 'live.csv' }), 'en')[Symbol.asyncIterator]();
    // GBK bytes for the header 班级,日期,地面 — the stream decides GB18030 on the first line.
    input.write(Buffer.from([0xb0, 0xe0, 0xbc, 0xb6, 0x2c, 0xc8, 0xd5, 0xc6, 0xda, 0x2c, 0xb5, 0xd8, 0xc3, 0xe6, 0x0a]));
    input.write('c1,2024-03-04,2\n');
    const first = await iterator.next();
    expect(input.writableEnded).toBe(false);
    expect(total(first)).toBe(98);
    input.write('c2,2024-03-04,abc\n');
    const second = await iterator.next();
    expect(input.writableEnded).toBe(false);
    const item = second.value as ScoreItem;
    const rejected = 'diagnostics' in item ? item.diagnostics : [];
    expect(rejected.map((d) => [d.line, d.code])).toEqual([[3, 'not_whole_number']]);
    input.end('c3,2024-03-04,\n');
    expect(total(await iterator.next())).toBe(100);
    expect((await iterator.next()).done).toBe(true);
  });

  it('long: yields an inspection when the next one begins, and the last one at the end', async () => {
    const input = new PassThrough();
    const long = map('layout: long\ncolumns: { 班级: unit.id, 日期: date, 检查项: finding.item, 扣分: finding.points }\nvalues: { finding.item: { 地面: floor, 卫生角: corner } }\n');
    const iterator = scoreStream(set, streamCsvRecords(input, long), 'en')[Symbol.asyncIterator]();
    input.write('\uFEFF班级,日期,检查项,扣分\nc1,2024-03-04,地面,\nc1,2024-03-04,卫生角,2.5\n');
    input.write('c2,2024-03-04,地面,\n');
    const first = await iterator.next();
    expect(input.writableEnded).toBe(false);
    expect(total(first)).toBe(96.5);
    input.end();
    expect(total(await iterator.next())).toBe(99);
    expect((await iterator.next()).done).toBe(true);
  });
});
