/**
 * A CSV record over `maxRecordBytes` (--max-record-bytes) is reported on its row and left out, never
 * held whole, and every record after it is read: whole text or stream cut anywhere, long or wide.
 * A long sheet's inspection that lost a row to it is left out (its first cells say which one; when
 * they do not hold the key, the inspections on either side of it are left out, as for any row whose
 * key cannot be read).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileStandard, parseStandard } from '../../src/index.js';
import { readCsvRecords, streamCsvRecords } from '../../src/records/csv.js';
import { RecordSplitter, type SplitPiece } from '../../src/records/csv-splitter.js';
import type { CsvMapping } from '../../src/records/mapping.js';
import type { StreamItem } from '../../src/records/read.js';
import { scoreBatch } from '../../src/score/batch.js';
import { StandardSet } from '../../src/score/editions.js';
import { cut } from '../support/streams.js';
import { csvMap as map } from '../support/csv-map.js';

const parsed = parseStandard(`id: mini
version: "1"
name: { en: Mini }
scoring: { mode: deduct, base: 100 }
kinds: [ { id: random } ]
categories:
  - id: room
    name: { zh-CN: 教室 }
    items:
      - { id: floor, name: { zh-CN: 地面 }, rules: [ { kind: per-occurrence, points: 1 } ] }
`);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
const set = new StandardSet([compileStandard(parsed.standard)]);

const LONG = map('layout: long\ncolumns: { 班级: unit.id, 日期: date, 类型: kind, 检查项: finding.item, 次数: finding.count, 说明: finding.note }\nkey: [班级, 日期]\n');
const WIDE = map('layout: wide\ncolumns: { 班级: unit.id, 日期: date, 类型: kind }\nitems: [ { column: 地面, item: floor, cell: count, note: 说明 } ]\n');
const LIMIT = 200;
/** Longer than LIMIT as written, with what a cell may hold: commas, doubled quotes, line breaks (not rows). */
const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const HUGE = cell('脏, "纸屑"\n'.repeat(40));

/** What a reader says, record by record: each record's unit, row and index; each problem's code, row, index and words. */
function seen(items: readonly StreamItem[]): unknown[] {
  return items.map((item) => ('record' in item ? ['record', item.record.unit.id, item.source.line, item.source.index] : item.diagnostics.map((d) => [d.code, d.line, d.index, d.message])));
}

function whole(text: string, mapping: CsvMapping): StreamItem[] {
  const read = readCsvRecords(text, mapping, { file: 't.csv', maxRecordBytes: LIMIT });
  return [...read.records, ...read.diagnostics.map((d) => ({ diagnostics: [d] }))].sort((a, b) => lineOf(a) - lineOf(b));
}
const lineOf = (item: StreamItem) => ('record' in item ? item.source.line : item.diagnostics[0]!.line);

async function streamed(chunks: readonly string[], mapping: CsvMapping): Promise<StreamItem[]> {
  const out: StreamItem[] = [];
  for await (const item of streamCsvRecords(chunks.map((c) => Buffer.from(c)), mapping, { file: 't.csv', maxRecordBytes: LIMIT })) {
    if ('record' in item) out.push(item);
    else for (const d of item.diagnostics) out.push({ diagnostics: [d] });
  }
  return out.sort((a, b) => lineOf(a) - lineOf(b));
}

describe('RecordSplitter with a limit', () => {
  const split = (chunks: readonly string[], limit: number): { pieces: unknown[]; held: number[] } => {
    const splitter = new RecordSplitter(limit);
    const pieces: SplitPiece[] = [];
    const held: number[] = [];
    for (const c of chunks) {
      pieces.push(...splitter.push(c));
      held.push(splitter.held);
    }
    const rest = splitter.rest();
    if ('oversize' in rest) pieces.push(rest.oversize);
    else if (rest.text !== '') pieces.push(rest.text);
    // Whole records in one piece or several: the same records.
    const joined: unknown[] = [];
    for (const p of pieces) {
      if (typeof p === 'string' && typeof joined[joined.length - 1] === 'string') joined[joined.length - 1] += p;
      else joined.push(p);
    }
    return { pieces: joined, held };
  };

  it('drops a record past the limit, keeping its whole first cells and counting its line breaks, and cuts the rest as usual', () => {
    const text = `a,b\r\n1,"x\ny",${'z'.repeat(50)}\r\n2,3\n`;
    expect(split([text], 20).pieces).toEqual(['a,b\r\n', { head: '1,"x\ny"', lines: 2 }, '2,3\n']);
    expect(split([text], 1000).pieces).toEqual([text]);
    // A record at the limit is read; one character more is not.
    expect(split(['abcde\nf\n'], 5).pieces).toEqual(['abcde\nf\n']);
    expect(split(['abcdef\nf\n'], 5).pieces).toEqual([{ head: '', lines: 1 }, 'f\n']);
    // Its line break never counts, a CRLF cut between its CR and LF included.
    expect(split(['abcde\r', '\nf\r\n'], 5).pieces).toEqual(['abcde\r\nf\r\n']);
    expect(split(['abcdef\r', '\nf\r\n'], 5).pieces).toEqual([{ head: '', lines: 1 }, 'f\r\n']);
    // One that runs to the end inside a quote took everything after it.
    expect(split(['a\n"', 'x\n'.repeat(20)], 10).pieces).toEqual(['a\n', { head: '', lines: 20, unclosed: true }]);
    expect(split(['a\n', 'b'.repeat(30)], 10).pieces).toEqual(['a\n', { head: '', lines: 0 }]);
  });

  it('gives the same pieces cut anywhere as whole, and never holds more than the limit of a record', () => {
    const record = fc.oneof(
      fc.constantFrom('a,b', '1,"x,y"', '2,"say ""hi"""', '"line\nbreak",3', ''),
      fc.integer({ min: 1, max: 60 }).map((n) => `k,${'v'.repeat(n)}`),
      fc.integer({ min: 1, max: 30 }).map((n) => `k,"${'q\n""'.repeat(n)}",t`),
      fc.constant('k,"never closed'),
    );
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), fc.integer({ min: 4, max: 40 }), fc.boolean(), (records, at, limit, crlf) => {
        const text = records.join(crlf ? '\r\n' : '\n');
        const once = split([text], limit);
        const chunked = split(cut(text, at), limit);
        expect(chunked.pieces).toEqual(once.pieces);
        for (const p of chunked.pieces) if (typeof p !== 'string') expect((p as { head: string }).head.length).toBeLessThanOrEqual(limit);
        for (const h of chunked.held) expect(h).toBeLessThanOrEqual(limit + 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a CSV record over maxRecordBytes', () => {
  it('wide: reported on its row, and every row after it scored', () => {
    const text = `班级,日期,类型,地面,说明\nc1,2024-03-04,random,1,\nc2,2024-03-04,random,2,${HUGE}\nc3,2024-03-04,random,,\nc4,2024-03-05,random,3,ok\n`;
    const items = whole(text, WIDE);
    expect(seen(items)).toEqual([
      ['record', 'c1', 2, 0],
      [['record_too_large', 3, 1, 'the record is longer than 200 bytes (--max-record-bytes), so it is left out unread']],
      ['record', 'c3', 4, 2],
      ['record', 'c4', 5, 3],
    ]);
    const batch = scoreBatch(set, items.filter((i) => 'record' in i), 'en');
    expect(batch.scored.map((s) => s.scorecard.total)).toEqual([99, 100, 97]);
  });

  it('long: leaves out the inspection it belonged to (its key is in its first cells), and reads the others', () => {
    const text = [
      '班级,日期,类型,检查项,次数,说明',
      'c1,2024-03-04,random,地面,1,',
      'c2,2024-03-04,random,地面,1,',
      `,,,地面,2,${HUGE}`, // c2's second row: the inspection is not whole, so not scored as if it were
      'c3,2024-03-04,random,,,',
      '',
    ].join('\n');
    expect(seen(whole(text.replace(/地面/g, 'floor'), LONG))).toEqual([
      ['record', 'c1', 2, 0],
      [['record_too_large', 4, 1, 'the record is longer than 200 bytes (--max-record-bytes), so it is left out unread']],
      ['record', 'c3', 5, 2],
    ]);
  });

  it('long: says nothing of the fields the lost row may have held, and still of what the rows it kept hold', () => {
    const text = ['班级,日期,类型,检查项,次数,说明', `c2,2024-03-04,random,floor,1,${HUGE}`, ',,,flor,2,', 'c3,2024-03-04,random,,,', 'c4,2024-02-30,random,floor,1,', `,,,floor,1,${HUGE}`, ''].join('\n');
    const read = readCsvRecords(text, LONG, { file: 't.csv', maxRecordBytes: LIMIT, precheck: set.precheck });
    expect(read.records.map((r) => r.record.unit.id)).toEqual(['c3']);
    expect(read.diagnostics.map((d) => [d.code, d.line, d.index])).toEqual([
      ['record_too_large', 2, 0],
      ['unknown_item', 3, 0],
      ['invalid_date', 5, 2], // a value a readable row gave: said as ever
      ['record_too_large', 6, 2],
    ]);
  });

  it('long: leaves out the inspections on either side when the key itself is past the limit', () => {
    const text = ['班级,日期,类型,检查项,次数,说明', 'c1,2024-03-04,random,,,', 'c2,2024-03-04,random,floor,1,', `${HUGE},2024-03-04,random,,,`, 'c3,2024-03-04,random,,,', 'c4,2024-03-04,random,,,', ''].join('\n');
    expect(seen(whole(text, LONG))).toEqual([
      ['record', 'c1', 2, 0],
      [['record_too_large', 3, 1, 'left out: the row at line 4, next to it, cannot be read and may have been one of its rows']],
      [['record_too_large', 4, 1, 'the record is longer than 200 bytes (--max-record-bytes), so it is left out unread']],
      [['record_too_large', 5, 2, 'left out: the row at line 4, next to it, cannot be read and may have been one of its rows']],
      ['record', 'c4', 6, 3],
    ]);
  });

  it('reads every record after it in a stream cut anywhere, as in the whole text', async () => {
    const row = fc.oneof(
      fc.integer({ min: 1, max: 9 }).map((n) => `c${n},2024-03-0${n},random,floor,${n},`),
      fc.integer({ min: 1, max: 9 }).map((n) => `,,,floor,${n},"a, ""b""\nc"`),
      fc.constant(`,,,floor,1,${HUGE}`),
      fc.constant(`c9,2024-03-09,random,floor,2,${HUGE}`),
      fc.constant(`${HUGE},2024-03-04,random,,,`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 10 }), fc.array(fc.nat(), { maxLength: 15 }), fc.boolean(), async (rows, at, crlf) => {
        const text = ['班级,日期,类型,检查项,次数,说明', ...rows, ''].join(crlf ? '\r\n' : '\n');
        const expected = whole(text, LONG);
        expect(seen(await streamed(cut(text, at), LONG))).toEqual(seen(expected));
        // Every record past the limit is reported on its own row.
        const huge = rows.flatMap((r, i) => (r.includes(HUGE) ? [i + 2] : []));
        expect(expected.flatMap((i) => ('record' in i ? [] : i.diagnostics.filter((d) => d.message.endsWith('left out unread')).map((d) => d.line)))).toEqual(huge);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps bytes not in the encoding on their own rows, before and after it (its own go with it)', async () => {
    const rows = ['班级,日期,类型,地面,说明', 'c1,2024-03-04,random,1,\xff', `c2,2024-03-04,random,2,${HUGE.slice(0, 7)}\xff${HUGE.slice(7)}`, 'c3,2024-03-04,random,,', 'c4,2024-03-05,random,3,\xff', ''];
    const bytes = Buffer.concat(rows.join('\n').split('\xff').flatMap((part, i) => (i === 0 ? [Buffer.from(part)] : [Buffer.from([0xff]), Buffer.from(part)])));
    const expected = [
      ['invalid_encoding', 2],
      ['record_too_large', 3],
      ['record', 'c3', 4, 2],
      ['invalid_encoding', 5],
    ];
    for (const at of [[], [40, 90, 200, 260]]) {
      const out: unknown[] = [];
      for await (const item of streamCsvRecords(cut(bytes, at), WIDE, { file: 't.csv', maxRecordBytes: LIMIT, encoding: 'utf-8' })) {
        out.push('record' in item ? ['record', item.record.unit.id, item.source.line, item.source.index] : [item.diagnostics[0]!.code, item.diagnostics[0]!.line]);
      }
      expect(out).toEqual(expected);
    }
  });

  it('a header past the limit: said once, and nothing read', () => {
    const items = seen(whole(`班级,日期,类型,地面,说明${',x'.repeat(200)}\nc1,2024-03-04,random,1,\n`, WIDE));
    expect(items).toEqual([[['record_too_large', 1, 0, 'the CSV record is longer than 200 bytes (--max-record-bytes); the rest of the file cannot be read']]]);
  });

  it('a quote never closed that runs past the limit: the rows before it read, the rest said to be lost with it', async () => {
    const text = `班级,日期,类型,地面,说明\nc1,2024-03-04,random,1,\nc2,2024-03-04,random,1,"oops\n${'c3,2024-03-04,random,,\n'.repeat(20)}`;
    const expected = [
      ['record', 'c1', 2, 0],
      [['record_too_large', 3, 1, 'the CSV record is longer than 200 bytes (--max-record-bytes): a quote in it is never closed, so it runs to the end of the file and nothing after it can be read']],
    ];
    expect(seen(whole(text, WIDE))).toEqual(expected);
    expect(seen(await streamed(cut(text, [30, 70, 333]), WIDE))).toEqual(expected);
  });

  it('never holds the record whole: 4 MB of one cell in 64 KB chunks, the rows after it read', async () => {
    async function* chunks(): AsyncGenerator<Buffer> {
      yield Buffer.from(`班级,日期,类型,地面,说明\nc1,2024-03-04,random,1,"`);
      const piece = Buffer.from('x'.repeat(64 * 1024));
      for (let i = 0; i < 64; i++) yield piece;
      yield Buffer.from('"\nc2,2024-03-04,random,2,\n');
    }
    const out: unknown[] = [];
    for await (const item of streamCsvRecords(chunks(), WIDE, { file: 't.csv', maxRecordBytes: 1024 })) out.push(...seen([item]));
    expect(out).toEqual([[['record_too_large', 2, 0, 'the record is longer than 1024 bytes (--max-record-bytes), so it is left out unread']], ['record', 'c2', 3, 1]]);
  });
});
