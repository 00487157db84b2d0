/**
 * A byte stream cut into lines, a chunk at a time and synchronously: every line a chunk completes is
 * handed over at once, so a stream of records costs one async step per chunk here, not one per line.
 * Lines end at LF; a CR before it is dropped; the last line needs no LF. A line is held only while it
 * is at most `maxBytes` long: past that, what was held is dropped and the line is reported too large
 * when its end arrives. A line inside one chunk is a view of it (no copy); only a line cut by a
 * chunk's edge is copied, once, when it is complete — so a UTF-8 character split between two chunks
 * is whole again before anything decodes it.
 */

/** A line of a byte stream, and the offset of its first byte in the stream. */
export interface BoundedLine {
  readonly bytes: Buffer;
  readonly offset: number;
}

export type SplitLine = BoundedLine | { readonly tooLarge: true };

/**
 * Whole lines inside one chunk, not cut apart (`blocks`): from the first one's start to the last
 * one's LF, included; `offset` is its first byte's in the stream. A reader decodes a block of UTF-8
 * at once and cuts its text (read.ts), instead of making a Buffer view and a string per line; it
 * checks each line's length itself.
 */
export interface LineBlock {
  readonly block: Buffer;
  readonly offset: number;
}

const LF = 0x0a;
const CR = 0x0d;

export class LineSplitter {
  /** The pieces of the line being read, from earlier chunks. */
  private parts: Buffer[] = [];
  private size = 0;
  /** Offset of the line being read, and of the next chunk. */
  private lineStart = 0;
  private chunkStart = 0;

  /** `blocks`: the lines wholly inside a chunk come as one LineBlock. */
  constructor(
    private readonly maxBytes: number,
    private readonly blocks = false,
  ) {}

  /** Appends to `out` every line `chunk` completes (with `blocks`, those inside it as one LineBlock). */
  push(chunk: Buffer, out: (SplitLine | LineBlock)[]): void {
    const { maxBytes } = this;
    for (let start = 0; start < chunk.length; ) {
      if (this.blocks && this.size === 0) {
        const last = chunk.lastIndexOf(LF);
        if (last >= start) {
          out.push({ block: chunk.subarray(start, last + 1), offset: this.chunkStart + start });
          start = last + 1;
          this.lineStart = this.chunkStart + start;
          continue;
        }
      }
      const eol = chunk.indexOf(LF, start);
      const end = eol === -1 ? chunk.length : eol;
      if (eol === -1 || this.size > 0) {
        this.size += end - start;
        if (this.size <= maxBytes) this.parts.push(chunk.subarray(start, end));
        else this.parts = [];
        if (eol === -1) break;
        out.push(this.finish());
      } else {
        // The common case: the whole line inside this chunk.
        out.push(end - start > maxBytes ? { tooLarge: true } : { bytes: withoutCr(chunk.subarray(start, end)), offset: this.chunkStart + start });
      }
      start = eol + 1;
      this.lineStart = this.chunkStart + start;
    }
    this.chunkStart += chunk.length;
  }

  /** The last line, when the stream does not end with LF. */
  end(out: (SplitLine | LineBlock)[]): void {
    if (this.size > 0) out.push(this.finish());
  }

  private finish(): SplitLine {
    const { parts, size } = this;
    this.parts = [];
    this.size = 0;
    if (size > this.maxBytes) return { tooLarge: true };
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    return { bytes: withoutCr(bytes), offset: this.lineStart };
  }
}

function withoutCr(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, bytes.length - 1) : bytes;
}

/** A chunk as a Buffer over the same memory (a string as its UTF-8 bytes). */
export function chunkBytes(chunk: Uint8Array | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** A block's lines as the splitter gives them without `blocks` (each too large, or its bytes without a CR before its LF). */
export function blockLines(block: LineBlock, maxBytes: number): SplitLine[] {
  const { block: bytes, offset } = block;
  const out: SplitLine[] = [];
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(LF, start);
    out.push(end - start > maxBytes ? { tooLarge: true } : { bytes: withoutCr(bytes.subarray(start, end)), offset: offset + start });
    start = end + 1;
  }
  return out;
}
