/** Reading records from JSON, YAML and NDJSON: positions of bad records, editions, duplicates, supersedes, streaming. */
import { PassThrough, Readable } from 'node:stream';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/diagnostics.js';
import { readDocumentRecords, readNdjsonRecords, streamNdjsonRecords } from '../../src/records/read.js';
import { scoreBatch, scoreStream } from '../../src/score/batch.js';
import { assignFindings } from '../../src/aggregate/responsibility.js';
import { StandardSet } from '../../src/score/editions.js';
import { demoEdition } from '../support/streams.js';

const edition = demoEdition;

const set = new StandardSet([edition('2013', '2013-01-01', '2023-12-31', 1), edition('2024', '2024-01-01', undefined, 2)]);

describe('the line of a problem found after reading', () => {
  it('is the finding\'s own node in YAML, for a round finding without a unit (assignFindings) as for scoring', () => {
    const yaml = `standard: demo\nunit: { id: u1 }\ndate: 2024-03-04\nround: true\nfindings:\n  - item: i\n`;
    const read = readDocumentRecords(yaml, { file: 'r.yaml' });
    const assigned = assignFindings(read.records, {}, 'en');
    expect(assigned.diagnostics.map((d) => [d.line, formatPath(d.path)])).toEqual([[6, 'findings[0]']]);
  });
});

describe('problems of both kinds at once (precheck)', () => {
  it("reports a record's schema problem and its standard's problems together, each on its own line", () => {
    const yaml = `standard: demo\nunit: { id: u1 }\ndate: 2024-03-04\nfindings:\n  - item: i\n    count: 1.5\n  - item: j\n`;
    const read = readDocumentRecords(yaml, { file: 'a.yaml', precheck: set.precheck });
    expect(read.records).toEqual([]);
    expect(read.diagnostics.map((d) => [d.line, d.code, formatPath(d.path)])).toEqual([
      [6, 'not_whole_number', 'findings[0].count'],
      [7, 'unknown_item', 'findings[1].item'],
    ]);
    // without a precheck, only the schema's problem (the reader alone knows no standard)
    expect(readDocumentRecords(yaml, { file: 'a.yaml' }).diagnostics.map((d) => d.code)).toEqual(['not_whole_number']);
  });

  it('checks only what the item alone tells: no made-up "points required" for a finding whose points failed the schema', () => {
    const ndjson = '{"standard":"demo","unit":{"id":"u1"},"date":"2024-03-04","findings":[{"item":"i","points":"x"},{"item":"k"}]}\n';
    const read = readNdjsonRecords(ndjson, { file: 'a.ndjson', precheck: set.precheck });
    expect(read.diagnostics.map((d) => [d.code, formatPath(d.path)])).toEqual([
      ['record_invalid', 'findings[0].points'],
      ['unknown_item', 'findings[1].item'],
    ]);
  });

  it('never throws, whatever was read (property)', () => {
    const anyRecord = fc.oneof(
      fc.anything(),
      fc.record({ standard: fc.anything(), date: fc.anything(), kind: fc.anything(), level: fc.anything(), findings: fc.oneof(fc.anything(), fc.array(fc.anything())) }, { requiredKeys: [] }),
    );
    fc.assert(fc.property(anyRecord, (raw) => Array.isArray(set.precheck(raw))), { seed: 5, numRuns: 2000 });
  });

  it('adds nothing when the standard itself is unknown or the value is not a record', () => {
    expect(set.precheck({ standard: 'nope', findings: [{ item: 'zzz' }] })).toEqual([]);
    expect(set.precheck('not a record')).toEqual([]);
    expect(set.precheck({ standard: 'demo', date: '2024-03-04', findings: [{ item: 'zzz' }, 7, { count: 2 }] }).map((p) => p.field)).toEqual(['findings[0].item']);
  });
});

describe('readDocumentRecords', () => {
  it("points a standard-specific problem (an unknown item) at the finding's own line, in JSON and YAML", () => {
    const json = `[{"standard":"demo","unit":{"id":"u1"},"date":"2024-03-04",\n "findings":[{"item":"i"},\n   {"item":"j"}]}]`;
    const yaml = `standard: demo\nunit: { id: u1 }\ndate: 2024-03-04\nfindings:\n  - item: i\n  - item: j\n`;
    for (const [file, text, line] of [['a.json', json, 3], ['a.yaml', yaml, 6]] as const) {
      const read = readDocumentRecords(text, { file });
      expect(read.diagnostics).toEqual([]);
      const batch = scoreBatch(set, read.records, 'en');
      expect(batch.diagnostics.map((d) => [d.file, d.line, d.code, formatPath(d.path)])).toEqual([[file, line, 'unknown_item', 'findings[1].item']]);
    }
    // the field lines travel with the record, but not into JSON output
    expect(JSON.parse(JSON.stringify(readDocumentRecords(yaml, { file: 'a.yaml' }).records[0]!.source))).toEqual({ file: 'a.yaml', line: 1, index: 0 });
  });

  it('reports a bad record with the line of the offending field and keeps the good ones', () => {
    const text = `- unit: { id: a }
  date: 2024-03-04
  findings: [ { item: i } ]
- unit: { id: b }
  date: 2010-09-31
- unit: { id: c }
  date: 2024-03-05
  findings:
    - { item: i, count: 1.5 }
`;
    const { records, diagnostics } = readDocumentRecords(text, { file: 'r.yaml' });
    expect(records.map((r) => r.record.unit.id)).toEqual(['a']);
    expect(diagnostics.map((d) => [d.code, d.line, d.index, formatPath(d.path)])).toEqual([
      ['invalid_date', 5, 1, 'date'],
      ['not_whole_number', 9, 2, 'findings[0].count'],
    ]);
  });

  it('reads a JSON array with the same positions (JSON is YAML 1.2)', () => {
    const text = '[\n  {"unit": {"id": "a"}, "date": "2024-03-04"},\n  {"unit": {"id": "b"}, "date": "2024-02-30"}\n]\n';
    const { records, diagnostics } = readDocumentRecords(text, { file: 'r.json' });
    expect(records).toHaveLength(1);
    expect(diagnostics.map((d) => [d.code, d.line, d.index])).toEqual([['invalid_date', 3, 1]]);
  });

  it('reports a record with an unresolved YAML alias on its line and keeps the others (it threw: the whole file was lost)', () => {
    const text = '- unit: { id: a }\n  date: 2024-03-04\n- *nope\n- unit: { id: b }\n  date: 2024-03-05\n';
    const { records, diagnostics } = readDocumentRecords(text, { file: 'r.yaml' });
    expect(records.map((r) => [r.record.unit.id, r.source.index])).toEqual([['a', 0], ['b', 2]]);
    expect(diagnostics.map((d) => [d.code, d.line, d.index, formatPath(d.path)])).toEqual([['record_syntax', 3, 1, '']]);
    expect(diagnostics[0]!.message).toContain('nope');
    expect(readDocumentRecords('*!', { file: 'r.json' }).diagnostics.map((d) => [d.code, d.line, d.index])).toEqual([['record_syntax', 1, 0]]);
  });

  it('reads several YAML documents, one record each', () => {
    const { records } = readDocumentRecords('unit: { id: a }\ndate: 2024-03-04\n---\nunit: { id: b }\ndate: 2024-03-05\n');
    expect(records.map((r) => [r.record.unit.id, r.source.line, r.source.index])).toEqual([['a', 1, 0], ['b', 4, 1]]);
  });
});

describe('readNdjsonRecords', () => {
  it('reports a malformed line by its number and reads the rest', () => {
    const text = '{"unit":{"id":"a"},"date":"2024-03-04"}\n{"unit":\n\n{"unit":{"id":"c"},"date":"2024-03-06"}\n';
    const { records, diagnostics } = readNdjsonRecords(text, { file: 'r.ndjson' });
    expect(records.map((r) => [r.record.unit.id, r.source.line])).toEqual([['a', 1], ['c', 4]]);
    expect(diagnostics.map((d) => [d.code, d.line, d.index])).toEqual([['record_syntax', 2, 1]]);
  });
});

describe('editions', () => {
  it('scores each record under the edition in force on its date, or the one it names', () => {
    const { records } = readNdjsonRecords(
      [
        '{"unit":{"id":"a"},"date":"2020-05-01","findings":[{"item":"i"}]}',
        '{"unit":{"id":"b"},"date":"2024-05-01","findings":[{"item":"i"}]}',
        '{"unit":{"id":"c"},"date":"2024-05-01","standard":"demo@2013","findings":[{"item":"i"}]}',
        '{"unit":{"id":"d"},"date":"2012-05-01","findings":[{"item":"i"}]}',
        '{"unit":{"id":"e"},"date":"2024-05-01","standard":"demo@2030"}',
      ].join('\n'),
      { file: 'r.ndjson' },
    );
    const { scored, diagnostics } = scoreBatch(set, records, 'en');
    expect(scored.map((s) => [s.scorecard.unit.id, s.scorecard.standard, s.scorecard.total])).toEqual([
      ['a', 'demo@2013', 9],
      ['b', 'demo@2024', 8],
      ['c', 'demo@2013', 9],
    ]);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['no_edition', 4], ['unknown_standard', 5]]);
  });
});

describe('record ids', () => {
  it('reports a second record with the same id, and lets a superseding record replace the one it names', () => {
    const { records } = readNdjsonRecords(
      [
        '{"id":"r1","unit":{"id":"a"},"date":"2024-05-01","findings":[{"item":"i","count":3}]}',
        '{"id":"r1","unit":{"id":"a"},"date":"2024-05-02"}',
        '{"id":"r2","supersedes":"r1","unit":{"id":"a"},"date":"2024-05-01","findings":[{"item":"i","count":1}]}',
      ].join('\n'),
      { file: 'r.ndjson' },
    );
    const { scored, diagnostics } = scoreBatch(set, records, 'en');
    expect(diagnostics.map((d) => [d.code, d.line, d.data?.first])).toEqual([['duplicate_record', 2, 'r.ndjson:1']]);
    expect(scored.map((s) => [s.scorecard.record, s.scorecard.supersedes, s.scorecard.total])).toEqual([['r2', 'r1', 8]]);
  });
});

describe('streaming', () => {
  it('yields the first scorecard before the input stream has ended', async () => {
    const input = new PassThrough();
    const iterator = scoreStream(set, streamNdjsonRecords(input, { file: 'live.ndjson' }), 'en')[Symbol.asyncIterator]();
    input.write('{"unit":{"id":"a"},"date":"2024-05-01","findings":[{"item":"i"}]}\n');
    const first = await iterator.next();
    expect(input.writableEnded).toBe(false);
    expect(first.done).toBe(false);
    expect(first.value && 'scorecard' in first.value && first.value.scorecard.total).toBe(8);
    input.end('{"unit":{"id":"b"},"date":"2024-05-01"}\n');
    const second = await iterator.next();
    expect(second.value && 'scorecard' in second.value && second.value.scorecard.unit.id).toBe('b');
    expect((await iterator.next()).done).toBe(true);
  });
});

describe('streamed NDJSON: the encoding is decided by the one rule (chooseEncoding, as for every stream)', () => {
  const line = (id: string, name: string) => `{"id":"${id}","unit":{"id":"${id}","name":"${name}"},"date":"2024-05-01"}\n`;
  async function read(...parts: Buffer[]) {
    const names: string[] = [];
    const problems: (string | number | undefined)[][] = [];
    for await (const item of streamNdjsonRecords(Readable.from([Buffer.concat(parts)]), { file: 'w.ndjson' })) {
      if ('record' in item) names.push(item.record.unit.name ?? '');
      else for (const d of item.diagnostics) problems.push([d.code, d.line, d.message]);
    }
    return { names, problems };
  }

  it('reads a GBK file as GB18030 even when its first line beyond ASCII happens to be valid UTF-8', async () => {
    // 楂樹竴 in GBK is E9 AB 98 E4 B8 80, which is also 高一 in UTF-8: that line alone would say UTF-8.
    const gbk = (text: string) => iconv.encode(text, 'gbk');
    const { names, problems } = await read(Buffer.from(line('a', 'A')), gbk(line('b', '楂樹竴')), gbk(line('c', '高一(1)班')));
    expect(problems).toEqual([]);
    expect(names).toEqual(['A', '楂樹竴', '高一(1)班']);
  });

  it('reads UTF-8 with a stray byte in its first line beyond ASCII as UTF-8: that line is invalid_encoding at its byte offset', async () => {
    const first = Buffer.from(line('a', 'A'));
    const stray = Buffer.concat([Buffer.from('{"id":"b","unit":{"id":"b","name":"高'), Buffer.from([0xff]), Buffer.from('"},"date":"2024-05-01"}\n')]);
    const { names, problems } = await read(first, stray, Buffer.from(line('c', '高一(1)班')));
    const offset = first.length + Buffer.byteLength('{"id":"b","unit":{"id":"b","name":"高');
    expect(problems).toEqual([['invalid_encoding', 2, `byte 0xff at line 2 (byte ${offset} of the file) is not UTF-8, the file's encoding`]]);
    expect(names).toEqual(['A', '高一(1)班']);
  });
});
