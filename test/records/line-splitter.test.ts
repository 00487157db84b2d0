/** The chunk line splitter under NDJSON streams: edges of lines and of chunks. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockLines, LineSplitter, type LineBlock, type SplitLine } from '../../src/records/line-splitter.js';
import { readNdjsonBytes, readNdjsonRecords, streamNdjsonRecords, type StreamItem } from '../../src/records/read.js';
import { cut, stream } from '../support/streams.js';

function split(chunks: readonly (string | Uint8Array)[], maxBytes = 1 << 20): (string | null | number)[][] {
  const splitter = new LineSplitter(maxBytes);
  const out: SplitLine[] = [];
  for (const c of chunks) splitter.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c), out);
  splitter.end(out);
  return out.map((l) => ('tooLarge' in l ? [null] : [l.bytes.toString('utf8'), l.offset]));
}

async function collect(items: AsyncIterable<StreamItem>): Promise<StreamItem[]> {
  const out: StreamItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('LineSplitter', () => {
  it('drops the CR of a CRLF, keeps a lone CR inside a line, and reads a last line without LF', () => {
    expect(split(['a\r\nb\rc\nlast'])).toEqual([['a', 0], ['b\rc', 3], ['last', 7]]);
  });

  it('joins a line cut by chunk edges, a CRLF cut between its CR and LF included', () => {
    expect(split(['ab', 'c\r', '\nde', 'f\n', '', 'g'])).toEqual([['abc', 0], ['def', 5], ['g', 9]]);
  });

  it('joins a UTF-8 character split across chunks before it is decoded', () => {
    const bytes = Buffer.from('高一\n班');
    expect(split([bytes.subarray(0, 1), bytes.subarray(1, 4), bytes.subarray(4)])).toEqual([['高一', 0], ['班', 7]]);
  });

  it('refuses a line over maxBytes (CR counted, as before) whether in one chunk or many, and reads on', () => {
    expect(split(['12345\nok\n'], 4)).toEqual([[null], ['ok', 6]]);
    expect(split(['12', '34', '5', '\nok'], 4)).toEqual([[null], ['ok', 6]]);
    expect(split(['1234\r\n1234\n'], 4)).toEqual([[null], ['1234', 6]]);
  });

  it('gives the same lines however the bytes are cut (generated texts and cuts)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', '高', '\u{1F600}', '{', ' '), maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 20 }), (text, at, max) => {
        const bytes = Buffer.from(text);
        expect(split(cut(bytes, at), max)).toEqual(split([bytes], max));
      }),
      { seed: 16 },
    );
  });
});

describe('streamNdjsonRecords over the splitter', () => {
  const record = (id: string) => JSON.stringify({ id, unit: { id: '高一(3)班' }, date: '2024-03-04', findings: [{ item: 'x', note: '扫帚散落' }] });

  it('reads a BOM, CRLF lines, a blank line, a bad line and a last line without LF, cut anywhere, as readNdjsonBytes reads them whole', async () => {
    const text = `\uFEFF${record('a')}\r\n\r\n{"unit":\r\n${record('b')}\n${'x'.repeat(300)}\n${record('c')}`;
    const bytes = Buffer.from(text);
    const whole = readNdjsonBytes(bytes, { file: 'f.ndjson', maxRecordBytes: 200 });
    expect(whole.records.map((r) => [r.record.id, r.source.line])).toEqual([['a', 1], ['b', 4], ['c', 6]]);
    expect(whole.diagnostics.map((d) => [d.code, d.line])).toEqual([['record_syntax', 3], ['record_too_large', 5]]);
    for (let size = 1; size <= 9; size += 4) {
      const chunks = cut(bytes, Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => i * size));
      const items = await collect(streamNdjsonRecords(stream(chunks), { file: 'f.ndjson', maxRecordBytes: 200 }));
      expect(items.filter((i) => 'record' in i)).toEqual(whole.records);
      expect(items.flatMap((i) => ('diagnostics' in i ? i.diagnostics : []))).toEqual(whole.diagnostics);
    }
  });

  it('refuses a line past the limit in a text read whole as in bytes, counting it in UTF-8, and reads the lines after it', () => {
    // 70 characters of 3 bytes each: under the limit in characters, over it in bytes.
    const long = JSON.stringify({ id: 'long', unit: { id: '高一(3)班' }, date: '2024-03-04', findings: [], note: '高'.repeat(70) });
    const text = `${record('a')}\r\n${long}\n${'x'.repeat(300)}\n${record('c')}\n`;
    const fromText = readNdjsonRecords(text, { file: 'f.ndjson', maxRecordBytes: 200 });
    const fromBytes = readNdjsonBytes(Buffer.from(text), { file: 'f.ndjson', maxRecordBytes: 200 });
    expect(fromText.records.map((r) => [r.record.id, r.source.line])).toEqual([['a', 1], ['c', 4]]);
    expect(fromText.diagnostics.map((d) => [d.code, d.line, d.index, d.message])).toEqual(fromBytes.diagnostics.map((d) => [d.code, d.line, d.index, d.message]));
    expect(fromText.diagnostics.map((d) => [d.code, d.line])).toEqual([['record_too_large', 2], ['record_too_large', 3]]);
  });

  it('reports a byte not in UTF-8 at its offset in the stream, however it is cut', async () => {
    const bytes = Buffer.concat([Buffer.from(`${record('a')}\n{"x":"`), Buffer.from([0xff]), Buffer.from('"}\n')]);
    const items = await collect(streamNdjsonRecords(stream(cut(bytes, [3, 70, 90])), { file: 'f.ndjson' }));
    const [bad] = items.flatMap((i) => ('diagnostics' in i ? i.diagnostics : []));
    expect(bad?.code).toBe('invalid_encoding');
    expect(bad?.data).toMatchObject({ line: 2, offset: Buffer.byteLength(record('a')) + 1 + 6 });
  });
});

describe('LineSplitter blocks (the lines inside a chunk as one block, decoded at once by the NDJSON reader)', () => {
  const unit = fc.constantFrom('a', '\n', '\r', '高', '\u{1F600}', '{', ' ', '"');
  it('cut back into lines by blockLines, gives the lines the splitter gives without blocks', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 20 }), (text, at, max) => {
        const splitter = new LineSplitter(max, true);
        const pieces: (SplitLine | LineBlock)[] = [];
        for (const c of cut(Buffer.from(text), at)) splitter.push(Buffer.from(c), pieces);
        splitter.end(pieces);
        const lines = pieces.flatMap((p) => ('block' in p ? blockLines(p, max) : [p]));
        expect(lines.map((l) => ('tooLarge' in l ? [null] : [l.bytes.toString('utf8'), l.offset]))).toEqual(split(cut(Buffer.from(text), at), max));
      }),
      { seed: 17 },
    );
  });

  it('streamed NDJSON (blocks decoded at once) gives the records and diagnostics of the text read line by line', async () => {
    const line = fc.constantFrom('{"unit":{"id":"高一(3)班"},"date":"2024-03-04","findings":[]}', '{"unit":{"id":"x"},"date":"2024-02-30","findings":[]}', '{"unit":', '', '  ', '{"unit":{"id":"x"},"date":"2024-03-04","findings":[],"extra":"扫帚"}');
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 10 }), fc.boolean(), fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }), async (lines, bom, crlf, at) => {
        const text = (bom ? '\uFEFF' : '') + lines.join(crlf ? '\r\n' : '\n');
        const byLine = readNdjsonRecords(text, { file: 'f.ndjson' });
        const streamed = await collect(streamNdjsonRecords(stream(cut(Buffer.from(text), at)), { file: 'f.ndjson' }));
        expect(streamed.filter((i) => 'record' in i).map((i) => ('record' in i ? [i.record, i.source.line, i.source.index] : []))).toEqual(byLine.records.map((r) => [r.record, r.source.line, r.source.index]));
        expect(streamed.flatMap((i) => ('diagnostics' in i ? i.diagnostics : []))).toEqual(byLine.diagnostics);
      }),
      { seed: 18, numRuns: 80 },
    );
  });
});
