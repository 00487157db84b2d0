/**
 * The readers' streams a chunk at a time (src/records/batches.ts): scoreStream takes a reader's batches,
 * any other consumer its items. Either way, however the input is cut, every record comes once, in
 * order, and every problem keeps its line and column.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchedStream, batchesFrom, batchesOf } from '../../src/records/batches.js';
import { streamCsvRecords } from '../../src/records/csv.js';
import { parseMapping } from '../../src/records/mapping.js';
import { readNdjsonBytes, streamNdjsonRecords, type StreamItem } from '../../src/records/read.js';
import { RecordIds, scoreBatch, scoreLocated, scoreStream, type ScoreItem } from '../../src/score/batch.js';
import { StandardSet } from '../../src/score/editions.js';
import { assignStream, recordItems } from '../../src/cli/inputs.js';
import { PassThrough } from 'node:stream';
import { cut, demoEdition, stream } from '../support/streams.js';

const set = new StandardSet([demoEdition('1', undefined, undefined, '{ min: 1, max: 3 }')]);

/** The same items without their batches: what any consumer but scoreStream sees. */
async function* oneByOne<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
  for await (const item of items) yield item;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** What a person and a program read of scored items: each record's line, index and total, each problem's place and words. */
function seen(items: readonly ScoreItem[]): unknown[] {
  return items.map((item) =>
    'scorecard' in item
      ? ['scored', item.source.file, item.source.line, item.source.index, item.scorecard.record, item.scorecard.total]
      : item.diagnostics.map((d) => [d.code, d.file, d.line, d.column, d.index, d.path, d.message]),
  );
}

const good = (id: string, points: number) => `{"id":"${id}","unit":{"id":"高一(3)班"},"date":"2024-03-04","findings":[{"item":"i","points":${points},"note":"扫帚散落"}]}`;
/** Good records, duplicates and every kind of bad line, each with the column its problem is at. */
const line = fc.oneof(
  fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.integer({ min: 1, max: 3 })).map(([id, points]) => good(id, points)),
  fc.constantFrom(
    '',
    '   ',
    '{"unit":',
    '{"unit":{"id":"x"},"date":"2024-02-30","findings":[]}',
    '{"unit":{"id":"x"},"date":"2024-03-04","findings":[{"item":"i","points":9}]}',
    '{"unit":{"id":"x"},"date":"2024-03-04","findings":[{"item":"nope"}]}',
    '{"unit":{"id":"x"},"date":"2024-03-04","findings":[],"extra":1}',
    'x'.repeat(300),
  ),
);
const ndjson = fc.tuple(fc.array(line, { maxLength: 12 }), fc.boolean(), fc.boolean()).map(([lines, bom, crlf]) => Buffer.from((bom ? '\uFEFF' : '') + lines.join(crlf ? '\r\n' : '\n')));

describe('batchedStream', () => {
  it('gives its batches to one reader: to batchesOf before the items are read, else to the items', async () => {
    const made = async function* () {
      yield [1, 2];
      yield [3];
    };
    const taken = batchedStream(made());
    const batches = batchesOf(taken);
    expect(batches).toBeDefined();
    expect(batchesOf(taken)).toBeUndefined();
    expect(await collect(batches!)).toEqual([[1, 2], [3]]);
    expect(await collect(taken)).toEqual([]);

    const read = batchedStream(made());
    const iterator = read[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe(1);
    expect(batchesOf(read)).toBeUndefined();
    expect(await collect({ [Symbol.asyncIterator]: () => iterator })).toEqual([2, 3]);
    expect(batchesOf(oneByOne(made()))).toBeUndefined();
  });
});

describe('scoreStream over a reader\'s batches', () => {
  it('scores NDJSON cut anywhere as one by one and as the bytes read whole: every record once, every problem at its line and column', async () => {
    await fc.assert(
      fc.asyncProperty(ndjson, fc.array(fc.nat(), { maxLength: 10 }), async (bytes, at) => {
        const options = { file: 'f.ndjson', maxRecordBytes: 200, precheck: set.precheck };
        const whole = readNdjsonBytes(bytes, options);
        const batched = await collect(scoreStream(set, streamNdjsonRecords(stream(cut(bytes, at)), options), 'en'));
        const single = await collect(scoreStream(set, oneByOne(streamNdjsonRecords(stream(cut(bytes, at)), options)), 'en'));
        expect(seen(batched)).toEqual(seen(single));
        // Read whole, the reading problems come first; scored in a batch, the same records and problems.
        const { scored, diagnostics } = scoreBatch(set, whole.records, 'en');
        const problems = (items: readonly ScoreItem[]) => items.flatMap((i) => ('diagnostics' in i ? i.diagnostics : [])).map((d) => [d.code, d.line, d.column, d.index, d.message]);
        expect(problems(batched).sort()).toEqual(problems([{ diagnostics: [...whole.diagnostics, ...diagnostics] }]).sort());
        expect(seen(batched.filter((i) => 'scorecard' in i))).toEqual(seen(scored));
      }),
      { seed: 1616, numRuns: 60 },
    );
  });

  it('scores a long CSV cut anywhere as one by one: every inspection once, every problem at its row and column', async () => {
    const mapped = parseMapping('layout: long\ncolumns:\n  班级: unit.id\n  日期: date\n  编号: id\n  项目: finding.item\n  扣分: finding.points\n');
    if (!mapped.ok) throw new Error(JSON.stringify(mapped.diagnostics));
    const row = fc.tuple(fc.constantFrom('g1', 'g2', ''), fc.constantFrom('2024-03-04', '2024-02-30', ''), fc.constantFrom('r1', 'r2', ''), fc.constantFrom('i', 'nope', ''), fc.constantFrom('1', '3', '9', 'abc', ''));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 10 }), fc.array(fc.nat(), { maxLength: 10 }), async (rows, at) => {
        const bytes = Buffer.from(['班级,日期,编号,项目,扣分', ...rows.map((r) => r.join(','))].join('\n') + '\n');
        const options = { file: 'f.csv', precheck: set.precheck };
        const batched = await collect(scoreStream(set, streamCsvRecords(stream(cut(bytes, at)), mapped.mapping, options), 'en'));
        const single = await collect(scoreStream(set, oneByOne(streamCsvRecords(stream([bytes]), mapped.mapping, options)), 'en'));
        expect(seen(batched)).toEqual(seen(single));
      }),
      { seed: 1617, numRuns: 60 },
    );
  });

  it('places a problem at its field\'s column, found reading or scoring, a BOM counted', async () => {
    const badDate = '\uFEFF{"unit":{"id":"x"},"date":"2024-02-30","findings":[]}';
    const badPoints = '{"unit":{"id":"x"},"date":"2024-03-04","findings":[{"item":"i","points":9}]}';
    const items = await collect(scoreStream(set, streamNdjsonRecords(stream([Buffer.from(`${badDate}\n${badPoints}\n`)]), { file: 'f.ndjson' }), 'en'));
    expect(items.flatMap((i) => ('diagnostics' in i ? i.diagnostics : [])).map((d) => [d.code, d.line, d.column])).toEqual([
      ['invalid_date', 1, badDate.indexOf('"2024-02-30"') + 1],
      ['points_out_of_range', 2, badPoints.indexOf(':9') + 2],
    ]);
  });

  it('places a CSV record field\'s problem at the row and column its value was read from', async () => {
    const mapped = parseMapping('layout: long\nkey: [编号]\ncolumns:\n  班级: unit.id\n  日期: date\n  编号: id\n  项目: finding.item\n  扣分: finding.points\n');
    if (!mapped.ok) throw new Error(JSON.stringify(mapped.diagnostics));
    const text = ['班级,日期,编号,项目,扣分', 'g1,,r1,i,1', ',2024-02-30,r1,i,2', 'g2,2024-03-04,r2,i,9', ''].join('\n');
    const items = await collect(scoreStream(set, streamCsvRecords(stream([Buffer.from(text)]), mapped.mapping, { file: 'f.csv', precheck: set.precheck }), 'en'));
    expect(items.flatMap((i) => ('diagnostics' in i ? i.diagnostics : [])).map((d) => [d.code, d.line, d.column, d.index])).toEqual([
      ['invalid_date', 3, 2, 0],
      ['points_out_of_range', 4, 5, 1],
    ]);
  });

  it('gets the CLI\'s records (recordItems, assignStream) a chunk at a time, the same items as one by one', async () => {
    const text = [good('a', 1), '{"unit":', good('b', 2), good('a', 3)].join('\n') + '\n';
    const read = () => {
      const stdin = new PassThrough();
      stdin.end(text);
      return assignStream(recordItems('-', 'ndjson', { lang: 'en', precheck: set.precheck }, stdin), {}, 'en');
    };
    const batches = batchesOf(read());
    expect(batches).toBeDefined();
    const batched = (await collect(batches!)).flat();
    expect(batched).toHaveLength(4);
    expect(seen(await collect(scoreStream(set, read(), 'en')))).toEqual(seen(await collect(scoreStream(set, oneByOne(read()), 'en'))));
  });

  it('reads the items of a stream that is not a reader\'s one by one', async () => {
    const items: StreamItem[] = [{ diagnostics: [] }];
    expect(await collect(scoreStream(set, oneByOne(stream([]) as AsyncIterable<never>), 'en'))).toEqual([]);
    expect(await collect(scoreStream(set, oneByOne((async function* () { yield* items; })()), 'en'))).toEqual(items);
  });
});

describe('scoreStream\'s items (a hand-written async iterator, not a generator)', () => {
  const text = [good('a', 1), '{"unit":', good('b', 2), good('a', 3), good('c', 1)].join('\n') + '\n';
  /** A reader of `text` in `cuts`, which notes when it is closed and can fail after its first chunk. */
  function reader(cuts: readonly number[], failAfterFirst = false) {
    const state = { closed: false };
    const bytes = Buffer.from(text);
    const chunks = cut(bytes, [...cuts]);
    const source = (async function* () {
      try {
        for (const [i, chunk] of chunks.entries()) {
          if (failAfterFirst && i === 1) throw new Error('disk gone');
          yield chunk;
        }
      } finally {
        state.closed = true;
      }
    })();
    return { state, items: streamNdjsonRecords(source, { file: 'f.ndjson', precheck: set.precheck }) };
  }
  /** The straightforward version: an async generator over the same batches. */
  async function* generator(items: AsyncIterable<StreamItem>): AsyncGenerator<ScoreItem> {
    const ids = new RecordIds();
    for await (const batch of batchesFrom(items)) {
      for (const item of batch) {
        if (!('record' in item)) {
          yield item;
          continue;
        }
        const duplicate = ids.duplicate(item, 'en');
        yield duplicate ? { diagnostics: [duplicate] } : scoreLocated(set, item, 'en');
      }
    }
  }
  /** What a consumer sees: each answer to `requests` (next, return, throw) taken k at a time, and whether the reader was closed. */
  async function run(make: (items: AsyncIterable<StreamItem>) => AsyncGenerator<ScoreItem>, cuts: number[], requests: readonly string[], concurrent: number, fail: boolean) {
    const { state, items } = reader(cuts, fail);
    const it = make(items);
    const answers: unknown[] = [];
    for (let i = 0; i < requests.length; i += concurrent) {
      const batch = requests.slice(i, i + concurrent).map((r) => (r === 'next' ? it.next() : r === 'return' ? it.return(undefined) : it.throw(new Error('stop'))));
      for (const settled of await Promise.allSettled(batch)) {
        if (settled.status === 'rejected') answers.push(['rejected', (settled.reason as Error).message]);
        else answers.push(settled.value.done ? ['done', settled.value.value] : seen([settled.value.value]));
      }
    }
    return { answers, closed: state.closed };
  }

  it('answers next, return and throw as the generator does, requests one at a time or several at once, the reader closed alike', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 400 }), { maxLength: 6 }),
        fc.array(fc.constantFrom('next', 'next', 'next', 'next', 'return', 'throw'), { maxLength: 9 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        async (cuts, requests, concurrent, fail) => {
          const ours = await run((items) => scoreStream(set, items, 'en'), cuts, requests, concurrent, fail);
          const theirs = await run(generator, cuts, requests, concurrent, fail);
          expect(ours).toEqual(theirs);
        },
      ),
      { seed: 1618, numRuns: 150 },
    );
  });

  it('closes the reader when the consumer stops early', async () => {
    const { state, items } = reader([60, 200]);
    for await (const item of scoreStream(set, items, 'en')) if ('scorecard' in item) break;
    expect(state.closed).toBe(true);
  });
});
