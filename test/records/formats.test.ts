/**
 * One set of inspections, every record format, the same scorecards: JSON, YAML, NDJSON, long CSV,
 * wide CSV and the long CSV as Excel saves it on a Chinese Windows machine (GBK). The fixtures are
 * written by fixtures/csv/make-fixtures.mjs from one list of records.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileStandard, loadStandard, type Scorecard } from '../../src/index.js';
import { readCsvRecords, streamCsvRecords } from '../../src/records/csv.js';
import { decodeText, isValidUtf8 } from '../../src/records/decode.js';
import { loadMapping, type CsvMapping } from '../../src/records/mapping.js';
import { readDocumentRecords, readNdjsonRecords, streamNdjsonRecords, type ReadResult, type StreamItem } from '../../src/records/read.js';
import { scoreBatch, scoreStream } from '../../src/score/batch.js';
import { StandardSet } from '../../src/score/editions.js';

const path = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const bytes = (p: string) => readFileSync(path(p));

async function standardSet(file: string): Promise<StandardSet> {
  const loaded = await loadStandard(path(file));
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return new StandardSet([compileStandard(loaded.standard)]);
}

async function mapping(file: string): Promise<CsvMapping> {
  const loaded = await loadMapping(path(file));
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return loaded.mapping;
}

function score(set: StandardSet, read: ReadResult): Scorecard[] {
  expect(read.diagnostics).toEqual([]);
  const batch = scoreBatch(set, read.records, 'en');
  expect(batch.diagnostics).toEqual([]);
  return batch.scored.map((s) => s.scorecard);
}

async function scoreStreamed(set: StandardSet, items: AsyncIterable<StreamItem>): Promise<Scorecard[]> {
  const cards: Scorecard[] = [];
  for await (const item of scoreStream(set, items, 'en')) {
    if (!('scorecard' in item)) throw new Error(JSON.stringify(item.diagnostics));
    cards.push(item.scorecard);
  }
  return cards;
}

describe('school week (standards/school-hygiene.yaml): 24 inspections in six formats', async () => {
  const set = await standardSet('standards/school-hygiene.yaml');
  const long = await mapping('fixtures/csv/school-hygiene.long.map.yaml');
  const wide = await mapping('fixtures/csv/school-hygiene.wide.map.yaml');
  const text = (p: string) => decodeText(bytes(p)).text;

  const reference = score(set, readDocumentRecords(text('fixtures/csv/school-week.json'), { file: 'school-week.json' }));

  it('is a set worth comparing: ≥ 20 inspections, Chinese names, decimal points, repeated items, clean ones', () => {
    expect(reference.length).toBeGreaterThanOrEqual(20);
    expect(reference.every((c) => /[\u4e00-\u9fff]/.test(c.unit.name ?? ''))).toBe(true);
    const points = reference.flatMap((c) => c.lines.map((l) => l.points));
    expect(points.some((p) => !Number.isInteger(p))).toBe(true);
    const items = reference.flatMap((c) => c.lines.map((l) => l.item));
    expect(new Set(items).size).toBeLessThan(items.length);
    expect(reference.some((c) => c.lines.length === 0)).toBe(true);
    expect(new Set(reference.map((c) => c.kind))).toEqual(new Set(['scheduled', 'random', 'event']));
  });

  it('YAML and NDJSON give the same scorecards as JSON', () => {
    expect(score(set, readDocumentRecords(text('fixtures/csv/school-week.yaml')))).toEqual(reference);
    expect(score(set, readNdjsonRecords(text('fixtures/csv/school-week.ndjson')))).toEqual(reference);
  });

  it('the long CSV (names and ids for items, merged-cell rows) gives the same scorecards', () => {
    expect(score(set, readCsvRecords(text('fixtures/csv/school-week.long.csv'), long, { file: 'school-week.long.csv' }))).toEqual(reference);
  });

  it('the wide CSV (one row per inspection, dates as 2024/3/4) gives the same scorecards', () => {
    expect(score(set, readCsvRecords(text('fixtures/csv/school-week.wide.csv'), wide, { file: 'school-week.wide.csv' }))).toEqual(reference);
  });

  it('the GBK CSV is not valid UTF-8, is read without --encoding, and gives the same scorecards', () => {
    const gbk = bytes('fixtures/csv/school-week.gbk.csv');
    expect(isValidUtf8(gbk)).toBe(false);
    const decoded = decodeText(gbk);
    expect(decoded.encoding).toBe('gb18030');
    // The same sheet as the UTF-8 one, byte for byte once decoded (that one has a BOM, this one none).
    expect(decoded.text).toBe(text('fixtures/csv/school-week.long.csv'));
    expect(score(set, readCsvRecords(decoded.text, long, { file: 'school-week.gbk.csv' }))).toEqual(reference);
  });

  it('streamed, every CSV and the NDJSON give the same scorecards again', async () => {
    const chunks = (p: string) => Readable.from(chunked(bytes(p), 97));
    expect(await scoreStreamed(set, streamCsvRecords(chunks('fixtures/csv/school-week.long.csv'), long))).toEqual(reference);
    expect(await scoreStreamed(set, streamCsvRecords(chunks('fixtures/csv/school-week.wide.csv'), wide))).toEqual(reference);
    expect(await scoreStreamed(set, streamCsvRecords(chunks('fixtures/csv/school-week.gbk.csv'), long))).toEqual(reference);
    expect(await scoreStreamed(set, streamNdjsonRecords(chunks('fixtures/csv/school-week.ndjson')))).toEqual(reference);
  });
});

describe('the 2013 form (standards/hygiene-supervision-2013.yaml): facts, rates, judgement notes, written material', async () => {
  const set = await standardSet('standards/hygiene-supervision-2013.yaml');
  const reference = score(set, readDocumentRecords(decodeText(bytes('fixtures/csv/hygiene-2013.yaml')).text));

  it('is a set worth comparing: decimal points, notes, missing written material, every centre scored', () => {
    expect(reference).toHaveLength(4);
    expect(reference.flatMap((c) => c.lines.map((l) => l.reason.messageId))).toEqual(expect.arrayContaining(['line.evidence_missing', 'line.judgement', 'line.judgement_award']));
    expect(reference.some((c) => !Number.isInteger(c.total))).toBe(true);
  });

  for (const layout of ['wide', 'long'] as const) {
    it(`the ${layout} CSV (是/否 facts, rates written 95.5%) gives the same scorecards as the YAML`, async () => {
      const map = await mapping(`fixtures/csv/hygiene-supervision-2013.${layout}.map.yaml`);
      expect(score(set, readCsvRecords(decodeText(bytes(`fixtures/csv/hygiene-2013.${layout}.csv`)).text, map))).toEqual(reference);
    });
  }
});

function* chunked(buffer: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size);
}
