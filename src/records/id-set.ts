/**
 * The record ids seen so far, in flat memory: each id is kept as a 64-bit fingerprint in an
 * open-addressing hash table of typed arrays (linear probing, grown ×2 past 3/4 full), with its
 * record's line, and where known its byte offset and file number — about 20 bytes an id, against
 * ~100 for a Map of strings. A fingerprint hit is a duplicate only when the caller's `same` check
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

const INITIAL_SLOTS = 1024;

export class IdSet {
  /** Per slot: fingerprint high and low words, and 1 + the entry it holds (0: empty). */
  private high = new Uint32Array(INITIAL_SLOTS);
  private low = new Uint32Array(INITIAL_SLOTS);
  private entryOf = new Uint32Array(INITIAL_SLOTS);
  /** Per entry, in the order ids were added. */
  private lines = new Uint32Array(INITIAL_SLOTS);
  /** Allocated when an entry first has an offset or a file other than file 0. */
  private offsets: Float64Array | undefined;
  private files: Uint32Array | undefined;
  private count = 0;
  private readonly fp = new Uint32Array(2);

  constructor(private readonly fingerprint: Fingerprint = fingerprint64) {}

  get size(): number {
    return this.count;
  }

  /**
   * The earlier entry with `id`'s fingerprint that `same` confirms (every such entry is asked, in the
   * order added; no `same`: the first), or -1 after adding `id` as a new entry.
   */
  addOrFind(id: string, line: number, offset: number | undefined, file: number, same?: (entry: number) => boolean): number {
    this.fingerprint(id, this.fp);
    const hi = this.fp[0]!;
    const lo = this.fp[1]!;
    const mask = this.entryOf.length - 1;
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    for (let e = this.entryOf[slot]!; e !== 0; e = this.entryOf[slot]!) {
      if (this.high[slot] === hi && this.low[slot] === lo && (same === undefined || same(e - 1))) return e - 1;
      slot = (slot + 1) & mask;
    }
    const entry = this.count++;
    this.high[slot] = hi;
    this.low[slot] = lo;
    this.entryOf[slot] = entry + 1;
    if (entry >= this.lines.length) this.growEntries();
    this.lines[entry] = line;
    if (offset !== undefined) (this.offsets ??= new Float64Array(this.lines.length).fill(Number.NaN))[entry] = offset;
    else if (this.offsets !== undefined) this.offsets[entry] = Number.NaN;
    if (file !== 0) (this.files ??= new Uint32Array(this.lines.length))[entry] = file;
    else if (this.files !== undefined) this.files[entry] = 0;
    if (this.count * 4 > this.entryOf.length * 3) this.rehash();
    return -1;
  }

  lineOf(entry: number): number {
    return this.lines[entry]!;
  }

  /** The entry's byte offset, or undefined when it was added without one. */
  offsetOf(entry: number): number | undefined {
    const offset = this.offsets?.[entry];
    return offset === undefined || Number.isNaN(offset) ? undefined : offset;
  }

  fileOf(entry: number): number {
    return this.files?.[entry] ?? 0;
  }

  private growEntries(): void {
    const size = this.lines.length * 2;
    this.lines = grown(this.lines, new Uint32Array(size));
    if (this.offsets) this.offsets = grown(this.offsets, new Float64Array(size));
    if (this.files) this.files = grown(this.files, new Uint32Array(size));
  }

  private rehash(): void {
    const { high, low, entryOf } = this;
    const size = entryOf.length * 2;
    const mask = size - 1;
    this.high = new Uint32Array(size);
    this.low = new Uint32Array(size);
    this.entryOf = new Uint32Array(size);
    for (let old = 0; old < entryOf.length; old++) {
      const e = entryOf[old]!;
      if (e === 0) continue;
      const hi = high[old]!;
      const lo = low[old]!;
      let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
      while (this.entryOf[slot] !== 0) slot = (slot + 1) & mask;
      this.high[slot] = hi;
      this.low[slot] = lo;
      this.entryOf[slot] = e;
    }
  }
}

function grown<T extends Uint32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
