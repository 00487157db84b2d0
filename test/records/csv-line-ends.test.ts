/**
 * A CSV's records end at LF, CRLF or a lone CR (old Mac exports), in any mix: the splitter cuts a stream
 * where csv-parse ends a record, so a CR-only file over --max-record-bytes streams like any other, a
 * CRLF cut between its CR and LF is one line break (never an empty record), and any cut of the stream
 * reads as the whole text does.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseRosterText } from '../../src/aggregate/roster-file.js';
import { livesToRecords } from '../../src/import/lives.js';
import { readCsvRecords, streamCsvRecords } from '../../src/records/csv.js';
import { RecordSplitter } from '../../src/records/csv-splitter.js';
import type { CsvMapping } from '../../src/records/mapping.js';
import type { StreamItem } from '../../src/records/read.js';
import { cut } from '../support/streams.js';
import { csvMap as map } from '../support/csv-map.js';
import { runCli } from '../support/cli.js';

const LONG = map('layout: long\ncolumns: { 班级: unit.id, 日期: date, 类型: kind, 检查项: finding.item, 次数: finding.count, 说明: finding.note }\nkey: [班级, 日期]\n');
const WIDE = map('layout: wide\ncolumns: { 班级: unit.id, 日期: date, 类型: kind }\nitems: [ { column: 地面, item: floor, cell: count, note: 说明 } ]\n');
const LIMIT = 200;
const HUGE = `"${'脏, ""纸屑""\n'.repeat(40)}"`;

/** What a reader says, record by record: each record's unit, row and index; each problem's code, row, index and words. */
function seen(items: readonly StreamItem[]): unknown[] {
  return items.map((item) => ('record' in item ? ['record', item.record.unit.id, item.record.findings, item.source.line, item.source.index] : item.diagnostics.map((d) => [d.code, d.line, d.index, d.message])));
}
/** Which rows a reader read and which it reported: unit, row and index; code, row and index. */
const where = (items: readonly StreamItem[]) => items.map((item) => ('record' in item ? [item.record.unit.id, item.source.line, item.source.index] : item.diagnostics.map((d) => [d.code, d.line, d.index])));
const lineOf = (item: StreamItem) => ('record' in item ? item.source.line : item.diagnostics[0]!.line);

function whole(text: string, mapping: CsvMapping, maxRecordBytes?: number): StreamItem[] {
  const read = readCsvRecords(text, mapping, { file: 't.csv', maxRecordBytes });
  return [...read.records, ...read.diagnostics.map((d) => ({ diagnostics: [d] }))].sort((a, b) => lineOf(a) - lineOf(b));
}

async function streamed(chunks: readonly string[], mapping: CsvMapping, maxRecordBytes?: number): Promise<StreamItem[]> {
  const out: StreamItem[] = [];
  for await (const item of streamCsvRecords(chunks.map((c) => Buffer.from(c)), mapping, { file: 't.csv', maxRecordBytes })) {
    if ('record' in item) out.push(item);
    else for (const d of item.diagnostics) out.push({ diagnostics: [d] });
  }
  return out.sort((a, b) => lineOf(a) - lineOf(b));
}

/** Rows joined, each ended by its own line break. */
const joined = (rows: readonly string[], ends: readonly string[]) => rows.map((r, i) => r + ends[i % ends.length]).join('');

describe('RecordSplitter: a record ends at LF, CRLF or CR', () => {
  it('cuts after a lone CR, and waits on a CR last in the text for the LF that may follow it', () => {
    const splitter = new RecordSplitter();
    expect(splitter.push('a,b\rc,d\r')).toEqual(['a,b\r']);
    expect(splitter.push('\ne')).toEqual(['c,d\r\n']);
    expect(splitter.push('\r')).toEqual([]);
    expect(splitter.push('f\r"g\r"\r\n')).toEqual(['e\rf\r"g\r"\r\n']);
    expect(splitter.rest()).toEqual({ text: '' });
  });

  it('a record past the limit ended by a lone CR is dropped alone, the records after it cut as usual', () => {
    const splitter = new RecordSplitter(5);
    expect(splitter.push('ab\rabcdef\rg\r')).toEqual(['ab\r', { head: '', lines: 1 }]);
    expect(splitter.rest()).toEqual({ text: 'g\r' });
  });
});

describe('a CSV with CR, LF, CRLF or mixed line ends', () => {
  const row = fc.oneof(
    fc.integer({ min: 1, max: 9 }).map((n) => `c${n},2024-03-0${n},random,floor,${n},`),
    fc.integer({ min: 1, max: 9 }).map((n) => `,,,floor,${n},"a, ""b""\nc\rd\r\ne"`),
    fc.constant(`,,,floor,1,${HUGE}`),
    fc.constant(`c9,2024-03-09,random,floor,2,${HUGE}`),
    fc.constant('c8,2024-03-08,random,floor,1,"never closed'),
  );
  const ends = fc.oneof(
    fc.constantFrom(['\n'], ['\r\n'], ['\r']),
    fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 6 }),
  );

  it('property: any cut of the stream reads as the whole text, and as the same rows ended by LF', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 10 }), ends, fc.array(fc.nat(), { maxLength: 15 }), async (rows, lineEnds, at) => {
        const all = ['班级,日期,类型,检查项,次数,说明', ...rows];
        const text = joined(all, lineEnds);
        const read = whole(text, LONG, LIMIT);
        expect(seen(await streamed(cut(text, at), LONG, LIMIT))).toEqual(seen(read));
        // The same rows and problems on the same lines as with LF (but after a quote never closed, whose
        // cell takes in the line breaks after it as written, CRLF two characters of it).
        if (!rows.some((r) => r.includes('never closed'))) expect(where(read)).toEqual(where(whole(joined(all, ['\n']), LONG, LIMIT)));
      }),
      { numRuns: 60 },
    );
  });

  it('a bad byte on the row after a quoted cell holding a line break is that row’s, whichever line break, read whole or in any cut', async () => {
    // csv-parse counts a CRLF in a quoted cell as two lines: the byte went to the row before, refused in its
    // place, and the row holding it was read with U+FFFD in its note.
    const SIMPLE = map('layout: long\ncolumns: { unit: unit.id, date: date, item: finding.item, note: finding.note }\nkey: [unit, date]\n');
    for (const nl of ['\n', '\r\n', '\r']) {
      const bytes = Buffer.concat([Buffer.from(`unit,date,item,note${nl}c1,2024-03-01,floor,"a${nl}b"${nl}c2,2024-03-01,floor,"`), Buffer.from([0xff]), Buffer.from(`"${nl}`)]);
      const read = readCsvRecords(bytes, SIMPLE, { file: 't.csv' });
      expect(read.records.map((r) => r.record.unit.id), JSON.stringify(nl)).toEqual(['c1']);
      expect(read.diagnostics.map((d) => [d.code, d.line])).toEqual([['invalid_encoding', 3]]);
      for (let at = 0; at <= bytes.length; at++) {
        const items: StreamItem[] = [];
        for await (const item of streamCsvRecords([bytes.subarray(0, at), bytes.subarray(at)], SIMPLE, { file: 't.csv' })) items.push(item);
        expect(where(items), `${JSON.stringify(nl)} cut at ${at}`).toEqual([['c1', 2, 0], [['invalid_encoding', 3, 1]]]);
      }
    }
  });

  it('property: a bad byte is reported on its own row, whatever line breaks the quoted cells before it hold, read whole or cut', async () => {
    const SIMPLE = map('layout: long\ncolumns: { unit: unit.id, date: date, item: finding.item, note: finding.note }\nkey: [unit, date]\n');
    const note = fc.array(fc.constantFrom('a', '\r', '\n', '\r\n', '""', ','), { maxLength: 5 }).map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(note, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat(), async (notes, lineEnds, badAt, cutAt) => {
        const bad = badAt % notes.length;
        const rows = notes.map((n, i) => Buffer.concat([Buffer.from(`c${i},2024-03-01,floor,"${n}`), Buffer.from(i === bad ? [0xff] : []), Buffer.from(`"${lineEnds[(i + 1) % lineEnds.length]}`)]));
        const bytes = Buffer.concat([Buffer.from(`unit,date,item,note${lineEnds[0]}`), ...rows]);
        const good = notes.map((_, i) => `c${i}`).filter((u) => u !== `c${bad}`);
        const read = readCsvRecords(bytes, SIMPLE, { file: 't.csv' });
        expect(read.records.map((r) => r.record.unit.id)).toEqual(good);
        expect(read.diagnostics.map((d) => [d.code, d.line])).toEqual([['invalid_encoding', bad + 2]]);
        const at = cutAt % (bytes.length + 1);
        const items: StreamItem[] = [];
        for await (const item of streamCsvRecords([bytes.subarray(0, at), bytes.subarray(at)], SIMPLE, { file: 't.csv' })) items.push(item);
        expect(items.flatMap((item) => ('record' in item ? [item.record.unit.id] : []))).toEqual(good);
        expect(items.flatMap((item) => ('record' in item ? [] : item.diagnostics.map((d) => [d.code, d.line])))).toEqual([['invalid_encoding', bad + 2]]);
      }),
      { numRuns: 120 },
    );
  });

  it('a CR-only file over the default limit (1 MB) is read a record at a time, in a file or a stream', async () => {
    const rows = ['班级,日期,类型,地面,说明'];
    for (let i = 0; i < 1100; i++) rows.push(`c${i},2024-03-04,random,1,${'x'.repeat(1000)}`);
    const text = joined(rows, ['\r']);
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const read = readCsvRecords(text, WIDE, { file: 't.csv' });
    expect(read.diagnostics).toEqual([]);
    expect(read.records.map((r) => r.source.line)).toEqual(rows.slice(1).map((_, i) => i + 2));
    const chunks = cut(text, Array.from({ length: 20 }, (_, i) => (i + 1) * 64 * 1024));
    expect((await streamed(chunks, WIDE)).length).toBe(1100);
  });

  it('a live CR-only feed in Chinese: its encoding decided at the first CR, each row yielded once the next line has come', async () => {
    const input = new PassThrough();
    const wide = map('layout: wide\ncolumns: { 班级: unit.id, 日期: date }\nitems: [ { column: 地面, item: floor, cell: count } ]\n');
    const items = streamCsvRecords(input, wide, { file: 'live.csv' })[Symbol.asyncIterator]();
    // GBK bytes for the header 班级,日期,地面 and a CR: the stream decides GB18030 on that line (it waited for an LF or 64 KiB).
    input.write(Buffer.from([0xb0, 0xe0, 0xbc, 0xb6, 0x2c, 0xc8, 0xd5, 0xc6, 0xda, 0x2c, 0xb5, 0xd8, 0xc3, 0xe6, 0x0d]));
    // A CR may be the first half of a CRLF: a row is cut when the character after it has come, with the next line.
    input.write('c1,2024-03-04,2\r');
    input.write('c2,2024-03-04,1\r');
    const first = (await items.next()).value as StreamItem;
    expect(input.writableEnded).toBe(false);
    expect('record' in first && [first.record.unit.id, first.source.line]).toEqual(['c1', 2]);
    input.end();
    const second = (await items.next()).value as StreamItem;
    expect('record' in second && [second.record.unit.id, second.source.line]).toEqual(['c2', 3]);
    expect((await items.next()).done).toBe(true);
  });

  it('an unclosed quote in a CR-only file loses its row only: reading starts again on the line after it', async () => {
    const text = joined(['班级,日期,类型,地面,说明', 'c1,2024-03-04,random,1,', 'c2,2024-03-04,random,1,"oops', 'c3,2024-03-04,random,2,'], ['\r']);
    const expected = [['record', 'c1', [{ item: 'floor', count: 1 }], 2, 0], [['record_syntax', 3, 1, expect.any(String)]], ['record', 'c3', [{ item: 'floor', count: 2 }], 4, 2]];
    expect(seen(whole(text, WIDE))).toEqual(expected);
    expect(seen(await streamed(cut(text, [30, 60, 90]), WIDE))).toEqual(expected);
  });
});

describe('every other CSV reader ends a row at LF, CRLF or CR alike (csv-parse took the first it met, and read the others into cells)', () => {
  const MIXED = ['\r\n', '\n', '\r'];

  it('a roster (--roster): each row a unit', () => {
    const text = joined(['id,name', 'u1,A', 'u2,B', 'u3,C', 'u4,D'], MIXED);
    expect(parseRosterText(text, 'csv')).toEqual({ ok: true, roster: { units: ['A', 'B', 'C', 'D'].map((name, i) => ({ id: `u${i + 1}`, name })) } });
  });

  it('a LIVES feed: the same records and problems as with LF', () => {
    const files = (ends: string[]) => ({
      businesses: joined(['business_id,name,address,city,state', '67372,#1 CHINA BUFFET,x,Lexington,KY', '61072,CAFE,y,Lexington,KY'], ends),
      feedInfo: 'feed_date,feed_version,municipality_name,municipality_url,contact_email\n20160819,2.0,L,http://example.org,x@example.org\n',
      inspections: joined(['business_id,score,date', '67372,94,11/12/15', '67372,82,6/20/16', '61072,100,11/10/15', '61072,98,2/30/16'], ends),
      violations: joined(['business_id,date,code,description', '67372,11/12/15,8,"Standard not met.\nx"', '67372,11/12/15,19,y', '67372,6/20/16,8,z'], ends),
    });
    const plain = livesToRecords(files(['\n']));
    expect(plain.records).toHaveLength(3);
    const mixed = livesToRecords(files(MIXED));
    expect(mixed.records.map((r) => r.record)).toEqual(plain.records.map((r) => r.record));
    expect(mixed.problems.map((p) => [p.code, p.line])).toEqual(plain.problems.map((p) => [p.code, p.line]));
  });

  it('a LIVES feed: a problem after a cell holding a line break is on its own line, whichever line break', () => {
    const at = (nl: string) =>
      livesToRecords({
        businesses: 'business_id,name,address,city,state\n1,A,x,L,KY\n',
        feedInfo: 'feed_date,feed_version,municipality_name,municipality_url,contact_email\n20160819,2.0,L,u,e\n',
        inspections: ['business_id,score,date', '1,94,11/12/15', ''].join(nl),
        violations: ['business_id,date,code,description', `1,11/12/15,8,"a${nl}b"`, '1,2/30/16,8,z', ''].join(nl),
      }).problems.map((p) => [p.code, p.line]);
    for (const nl of ['\n', '\r\n', '\r']) expect(at(nl)).toEqual([['invalid_date', 4]]);
  });

  const dir = mkdtempSync(join(tmpdir(), 'scoresheet-line-ends-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a 评分表 for scoresheet draft: each row an item', async () => {
    const path = join(dir, 'sheet.csv');
    writeFileSync(path, joined(['项目,分值,评分标准', '地面,5,每处扣1分', '厕所,3,每处扣1分', '门窗,2,每处扣1分'], MIXED));
    const run = await runCli(['draft', path, '-o', join(dir, 'draft.yaml')]);
    expect(run.code).toBe(0);
    const draft = parseYaml(readFileSync(join(dir, 'draft.yaml'), 'utf8')) as { categories: { items: { name: Record<string, string> }[] }[] };
    expect(draft.categories.flatMap((c) => c.items.map((i) => i.name['zh-CN']))).toEqual(['地面', '厕所', '门窗']);
  });
});
