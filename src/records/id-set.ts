/**
 * The record ids seen so far, in flat memory: each id is kept as a 64-bit fingerprint in an
 * open-addressing hash table of typed arrays (linear probing, 64 shards each grown past 85 % full:
 * doubled while small, then by a quarter), with its record's line, and where known its byte offset and file number — 12
 * bytes a slot, about 16 an id, against ~100 for a Map of strings. A fingerprint hit is a duplicate only when the caller's `same` check
 * (re-reading the earlier record) says so; without one, two ids with the same fingerprint count as
 * one (docs/records.md#duplicate-record-ids gives the odds).
 */

/** Writes a 64-bit fingerprint of `id` into out[0] (high) and out[1] (low). */
export type Fingerprint<K = string> = (id: K, out: Uint32Array) => void;

/** cyrb53's two 32-bit lanes, both kept: a fast, well-mixed, non-cryptographic 64-bit hash of the UTF-16 code units. */
export const fingerprint64: Fingerprint = (id, out) => {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  finishFingerprint(h1, h2, out);
};

/**
 * A key of several cells (a long sheet's inspection key) as one fingerprint, without joining them into
 * a string: cyrb53 over each cell's length and then its code units, so ['a,b'] and ['a', 'b'] differ.
 */
export const fingerprintCells: Fingerprint<readonly string[]> = (cells, out) => {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const cell of cells) {
    h1 = Math.imul(h1 ^ cell.length, 2654435761);
    h2 = Math.imul(h2 ^ cell.length, 1597334677);
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  finishFingerprint(h1, h2, out);
};

/** cyrb53's last mixing of its two lanes. */
function finishFingerprint(h1: number, h2: number, out: Uint32Array): void {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out[0] = h1;
  out[1] = h2;
}

/** Shards by the fingerprint's top bits: each grows on its own, so a growth copies 1/64 of the table, not all of it. */
const SHARD_BITS = 6;
const SLOT_BITS = 26;
const INITIAL_SLOTS = 256;
/**
 * A shard doubles while it is smaller than this, then grows by a quarter: small tables are few bytes,
 * and growing them a quarter at a time cost more than the ids themselves (a 100,000-id stream grew
 * each shard ten times). A shard is this large from about 450,000 ids on.
 */
const DOUBLE_BELOW = 8192;
/**
 * Past DOUBLE_BELOW grown by a quarter past 85 % full, so a large shard is 68–85 % full (about 16 bytes an
 * id; doubling at 80 % would leave it 40–80 % full, 20 bytes an id on average and 25 at the worst).
 * Linear probing over well-mixed fingerprints stays short at that load.
 */
const MAX_LOAD = 0.85;
const GROWTH = 1.25;

class Shard {
  high = new Uint32Array(INITIAL_SLOTS);
  low = new Uint32Array(INITIAL_SLOTS);
  /** 1 + the record's line; 0: an empty slot. */
  line = new Uint32Array(INITIAL_SLOTS);
  /** Allocated when a slot first has an offset or a file other than file 0. */
  offset: Float64Array | undefined;
  file: Uint32Array | undefined;
  count = 0;
  /** Slots ÷ 2³²: a 32-bit hash times this is its home slot (any number of slots, not only powers of two). */
  scale = INITIAL_SLOTS / 2 ** 32;

  grow(): void {
    const { high, low, line, offset, file } = this;
    const size = line.length < DOUBLE_BELOW ? line.length * 2 : Math.ceil(line.length * GROWTH);
    this.high = new Uint32Array(size);
    this.low = new Uint32Array(size);
    this.line = new Uint32Array(size);
    this.offset = offset && new Float64Array(size);
    this.file = file && new Uint32Array(size);
    this.scale = size / 2 ** 32;
    for (let old = 0; old < line.length; old++) {
      if (line[old] === 0) continue;
      let slot = this.home(high[old]!, low[old]!);
      while (this.line[slot] !== 0) if (++slot === size) slot = 0;
      this.high[slot] = high[old]!;
      this.low[slot] = low[old]!;
      this.line[slot] = line[old]!;
      if (offset) this.offset![slot] = offset[old]!;
      if (file) this.file![slot] = file[old]!;
    }
    for (const array of [high, low, line, offset, file]) if (array) release(array);
  }

  home(hi: number, lo: number): number {
    return Math.floor(((lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0) * this.scale);
  }
}

/**
 * Frees an array's memory now. A typed array's memory goes back only when the garbage collector
 * takes its object, and the old tables are old objects that a full collection alone would take: the
 * replaced arrays stayed in memory beside the new ones. Transferred, the memory moves to a new,
 * unreferenced buffer that the next minor collection frees.
 */
function release(array: Uint32Array | Float64Array): void {
  const buffer = array.buffer as ArrayBuffer;
  structuredClone(buffer, { transfer: [buffer] });
}

/** Keys (ids by default; any K with its Fingerprint) seen so far. */
export class IdSet<K = string> {
  private readonly shards: Shard[] = Array.from({ length: 1 << SHARD_BITS }, () => new Shard());
  private count = 0;
  private readonly fp = new Uint32Array(2);

  constructor(private readonly fingerprint: Fingerprint<K> = fingerprint64 as Fingerprint<unknown>) {}

  get size(): number {
    return this.count;
  }

  /**
   * The earlier entry with `id`'s fingerprint that `same` confirms (every such entry is asked, in
   * probe order; no `same`: the first), or -1 after adding `id` as a new entry.
   */
  addOrFind(id: K, line: number, offset: number | undefined, file: number, same?: (entry: number) => boolean): number {
    this.fingerprint(id, this.fp);
    const hi = this.fp[0]!;
    const lo = this.fp[1]!;
    const s = hi >>> (32 - SHARD_BITS);
    const shard = this.shards[s]!;
    const size = shard.line.length;
    let slot = shard.home(hi, lo);
    for (; shard.line[slot] !== 0; slot = slot + 1 === size ? 0 : slot + 1) {
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
