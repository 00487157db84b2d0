/** The duplicate-id set: fingerprints in typed arrays, growth, and what a fingerprint hit means. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ndjsonIdCheck } from '../../src/cli/inputs.js';
import { fingerprint64, fingerprintCells, IdSet, type Fingerprint } from '../../src/records/id-set.js';
import { readNdjsonBytes } from '../../src/records/read.js';
import { RecordIds } from '../../src/score/batch.js';

/** Every id shares one of three fingerprints: the table must tell ids apart by the caller's check alone. */
const tiny: Fingerprint = (id, out) => {
  out[0] = 7;
  out[1] = id.length % 3;
};

describe('IdSet', () => {
  it('grows past many doublings and finds every id again, with its line, offset and file', () => {
    const set = new IdSet();
    const n = 20_000;
    let found = 0;
    for (let i = 0; i < n; i++) if (set.addOrFind(`r${i}`, i + 1, i % 2 === 0 ? i * 10 : undefined, i % 3) !== -1) found++;
    expect([found, set.size]).toEqual([0, n]);
    for (let i = 0; i < n; i += 97) {
      const e = set.addOrFind(`r${i}`, 0, undefined, 0);
      expect(e).toBeGreaterThanOrEqual(0);
      expect([set.lineOf(e), set.offsetOf(e), set.fileOf(e)]).toEqual([i + 1, i % 2 === 0 ? i * 10 : undefined, i % 3]);
    }
    expect(set.size).toBe(n);
  });

  it('grows a shard past its doublings by a quarter at a time and finds every id again', () => {
    // Every id in shard 0 (high word 0): 12,000 ids take it past 8,192 slots, where it grows by a quarter.
    const oneShard: Fingerprint = (id, out) => {
      fingerprint64(id, out);
      out[0] = 0;
    };
    const set = new IdSet(oneShard);
    const n = 12_000;
    for (let i = 0; i < n; i++) expect(set.addOrFind(`r${i}`, i, undefined, 0)).toBe(-1);
    for (let i = 0; i < n; i += 7) expect(set.lineOf(set.addOrFind(`r${i}`, 0, undefined, 0))).toBe(i);
    expect(set.size).toBe(n);
  });

  it('keeps ids that share a fingerprint apart when the check says they differ, through growth', () => {
    const set = new IdSet(tiny);
    // The entry's line is its id's number: the check reads the earlier id back from it.
    const same = (id: string) => (entry: number) => `id-${set.lineOf(entry)}` === id;
    let found = 0;
    for (let i = 0; i < 3000; i++) if (set.addOrFind(`id-${i}`, i, undefined, 0, same(`id-${i}`)) !== -1) found++;
    expect(found).toBe(0);
    expect(set.lineOf(set.addOrFind('id-2999', 0, undefined, 0, same('id-2999')))).toBe(2999);
    expect(set.lineOf(set.addOrFind('id-5', 0, undefined, 0, same('id-5')))).toBe(5);
    // Without a check a fingerprint hit is the earlier record.
    expect(set.addOrFind('something-else', 0, undefined, 0)).toBeGreaterThanOrEqual(0);
  });

  it('fingerprints differ for ids that differ in one character, order or length', () => {
    const seen = new Set<string>();
    const out = new Uint32Array(2);
    for (const id of ['a', 'b', 'ab', 'ba', 'a\u0000', '高一', '高二', 'r1', 'r10', 'r01', '']) {
      fingerprint64(id, out);
      seen.add(`${out[0]}:${out[1]}`);
    }
    expect(seen.size).toBe(11);
  });

  it('fingerprints a key of cells apart from the same characters cut into other cells', () => {
    const seen = new Set<string>();
    const out = new Uint32Array(2);
    const keys = [[], [''], ['', ''], ['a,b'], ['a', 'b'], ['ab'], ['ab', ''], ['', 'ab'], ['a\u0000b'], ['a', '\u0000b'], ['高一', '2024-03-04'], ['高一2024', '-03-04']];
    for (const key of keys) {
      fingerprintCells(key, out);
      seen.add(`${out[0]}:${out[1]}`);
    }
    expect(seen.size).toBe(keys.length);
  });
});

describe('RecordIds', () => {
  const line = (id: string) => JSON.stringify({ id, unit: { id: 'u' }, date: '2024-03-04' });

  it('re-reads the earlier NDJSON line of a file on a fingerprint hit: a colliding id is scored, a repeated one reported with its first line', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ids-')), 'r.ndjson');
    const text = `\uFEFF${line('abc')}\r\n\n${line('xyz')}\n${line('abc')}\n${line('xyz')}`;
    writeFileSync(file, text);
    const { records } = readNdjsonBytes(Buffer.from(text), { file });
    const ids = new RecordIds({ fingerprint: tiny, verify: ndjsonIdCheck() });
    const found = records.map((r) => ids.duplicate(r, 'en'));
    expect(found.map((d) => d?.data)).toEqual([undefined, undefined, { id: 'abc', first: `${file}:1` }, { id: 'xyz', first: `${file}:3` }]);
  });

  it('from stdin, where nothing can be read again, counts a fingerprint hit as a duplicate', () => {
    const text = `${line('abc')}\n${line('xyz')}\n`;
    const { records } = readNdjsonBytes(Buffer.from(text), { file: '<stdin>' });
    const ids = new RecordIds({ fingerprint: tiny, verify: ndjsonIdCheck() });
    expect(records.map((r) => ids.duplicate(r, 'en')?.data)).toEqual([undefined, { id: 'xyz', first: '<stdin>:1' }]);
    // With the real fingerprint the two ids are told apart.
    const real = new RecordIds({ verify: ndjsonIdCheck() });
    expect(records.map((r) => real.duplicate(r, 'en'))).toEqual([undefined, undefined]);
  });

  it('names the file of the first record when records come from several files', () => {
    const a = readNdjsonBytes(Buffer.from(`${line('a')}\n${line('b')}\n`), { file: 'one.ndjson' }).records;
    const b = readNdjsonBytes(Buffer.from(`\n${line('b')}\n${line('a')}\n`), { file: 'two.ndjson' }).records;
    const ids = new RecordIds();
    expect([...a, ...b].map((r) => ids.duplicate(r, 'en')?.data)).toEqual([undefined, undefined, { id: 'b', first: 'one.ndjson:2' }, { id: 'a', first: 'one.ndjson:1' }]);
  });
});
