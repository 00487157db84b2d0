/**
 * The record ids seen so far, in flat memory: each id is kept as a 64-bit fingerprint in an
 * open-addressing hash table of typed arrays (linear probing, 64 shards each grown ×2 past 4/5 full),
 * with its record's line, and where known its byte offset and file number — 12 bytes a slot, about
 * 20 an id, against ~100 for a Map of strings. A fingerprint hit is a duplicate only when the caller's `same` check
 * (re-reading the earlier record) says so; without one, two ids with the same fingerprint count as
 * one (docs/records.md#duplicate-record-ids gives the odds).
 */

/** Writes a 64-bit fingerprint of `id` into out[0] (high) and out[1] (low). */
export type Fingerprint = (id: string, out: Uint32Array) => void;

/** cyrb53's two 32-bit lanes, both kept: a fast, well-mixed, non-cryptographic 64-bit hash of the UTF-16 code units. */
export const fingerprint64: Fingerprint = (id, out) => {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out[0] = h1;
  out[1] = h2;
};

/** Shards by the fingerprint's top bits: each grows on its own, so a growth copies 1/64 of the table, not all of it. */
const SHARD_BITS = 6;
const SLOT_BITS = 26;
const INITIAL_SLOTS = 64;
/** Grown ×2 past 4/5 full: linear probing over well-mixed fingerprints stays short, and a slot is 12 bytes. */
const MAX_LOAD = 0.8;

class Shard {
  high = new Uint32Array(INITIAL_SLOTS);
  low = new Uint32Array(INITIAL_SLOTS);
  /** 1 + the record's line; 0: an empty slot. */
  line = new Uint32Array(INITIAL_SLOTS);
  /** Allocated when a slot first has an offset or a file other than file 0. */
  offset: Float64Array | undefined;
  file: Uint32Array | undefined;
  count = 0;

  grow(): void {
    const { high, low, line, offset, file } = this;
    const size = line.length * 2;
    const mask = size - 1;
    this.high = new Uint32Array(size);
    this.low = new Uint32Array(size);
    this.line = new Uint32Array(size);
    this.offset = offset && new Float64Array(size);
    this.file = file && new Uint32Array(size);
    for (let old = 0; old < line.length; old++) {
      if (line[old] === 0) continue;
      let slot = home(high[old]!, low[old]!) & mask;
      while (this.line[slot] !== 0) slot = (slot + 1) & mask;
      this.high[slot] = high[old]!;
      this.low[slot] = low[old]!;
      this.line[slot] = line[old]!;
      if (offset) this.offset![slot] = offset[old]!;
      if (file) this.file![slot] = file[old]!;
    }
  }
}

const home = (hi: number, lo: number): number => lo ^ Math.imul(hi, 0x9e3779b1);

export class IdSet {
  private readonly shards: Shard[] = Array.from({ length: 1 << SHARD_BITS }, () => new Shard());
  private count = 0;
  private readonly fp = new Uint32Array(2);

  constructor(private readonly fingerprint: Fingerprint = fingerprint64) {}

  get size(): number {
    return this.count;
  }

  /**
   * The earlier entry with `id`'s fingerprint that `same` confirms (every such entry is asked, in
   * probe order; no `same`: the first), or -1 after adding `id` as a new entry.
   */
  addOrFind(id: string, line: number, offset: number | undefined, file: number, same?: (entry: number) => boolean): number {
    this.fingerprint(id, this.fp);
    const hi = this.fp[0]!;
    const lo = this.fp[1]!;
    const s = hi >>> (32 - SHARD_BITS);
    const shard = this.shards[s]!;
    const mask = shard.line.length - 1;
    let slot = home(hi, lo) & mask;
    for (; shard.line[slot] !== 0; slot = (slot + 1) & mask) {
      if (shard.high[slot] === hi && shard.low[slot] === lo && (same === undefined || same(s * 2 ** SLOT_BITS + slot))) return s * 2 ** SLOT_BITS + slot;
    }
    shard.high[slot] = hi;
    shard.low[slot] = lo;
    shard.line[slot] = line + 1;
    if (offset !== undefined) (shard.offset ??= new Float64Array(shard.line.length).fill(Number.NaN))[slot] = offset;
    else if (shard.offset !== undefined) shard.offset[slot] = Number.NaN;
    if (file !== 0) (shard.file ??= new Uint32Array(shard.line.length))[slot] = file;
    this.count++;
    if (++shard.count > shard.line.length * MAX_LOAD) shard.grow();
    return -1;
  }

  lineOf(entry: number): number {
    return this.at(entry, 'line')! - 1;
  }

  /** The entry's byte offset, or undefined when it was added without one. */
  offsetOf(entry: number): number | undefined {
    const offset = this.at(entry, 'offset');
    return offset === undefined || Number.isNaN(offset) ? undefined : offset;
  }

  fileOf(entry: number): number {
    return this.at(entry, 'file') ?? 0;
  }

  private at(entry: number, field: 'line' | 'offset' | 'file'): number | undefined {
    const shard = this.shards[Math.floor(entry / 2 ** SLOT_BITS)]!;
    return shard[field]?.[entry % 2 ** SLOT_BITS];
  }
}
