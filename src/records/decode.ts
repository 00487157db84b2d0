/**
 * Bytes → text. A file is UTF-8 (with or without a BOM) or GB18030, a superset of GBK (what Excel writes
 * on a Chinese Windows machine), decided on its bytes as a whole by chooseEncoding — or as told. Bytes
 * that do not read in that encoding do not lose the file: they become U+FFFD, and the first such byte of
 * each line is listed with its line and offset, so that a reader can report the rows they are on.
 */
import { isUtf8 } from 'node:buffer';
import type { Message } from '../messages/types.js';

export type TextEncodingName = 'utf-8' | 'gb18030' | 'gbk';
export type Encoding = 'utf-8' | 'gb18030';

/** The first byte of a line that does not read in the file's encoding. */
export interface InvalidBytes {
  /** 1-based; a line ends at LF, CRLF or CR, as csv-parse counts them. */
  readonly line: number;
  /** 0-based, in the whole input. */
  readonly offset: number;
  /** The byte as two hex digits (`ff`). */
  readonly byte: string;
  readonly encoding: Encoding;
}

export interface DecodedText {
  readonly text: string;
  readonly encoding: Encoding;
  readonly invalid: readonly InvalidBytes[];
}

/** What a person reads about bad bytes (`more`: how many others the same row has). */
export function invalidBytesMessage(first: InvalidBytes, more = 0): Message {
  return { messageId: 'record.invalid_bytes', data: { byte: first.byte, line: first.line, offset: first.offset, encoding: first.encoding === 'utf-8' ? 'UTF-8' : 'GB18030', more } };
}

/**
 * A whole input → its text.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { decodeText } from 'scoresheet/records';
 *
 * const { text, encoding } = decodeText(readFileSync('excel-export.csv')); // GBK from Excel is detected
 * console.log(encoding, text.length);
 * ```
 */
export function decodeText(bytes: Uint8Array, encoding?: TextEncodingName): DecodedText {
  const decoder = new ByteDecoder(encoding, Infinity);
  const first = decoder.push(bytes);
  const rest = decoder.end();
  return { text: first.text + rest.text, encoding: decoder.encoding!, invalid: first.invalid.concat(rest.invalid) };
}

/** True when the bytes are valid UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

const BOM = [0xef, 0xbb, 0xbf] as const;
/** U+FFFD as each encoding writes it: a replacement character that was in the file, not put there by the decoder. */
const WRITTEN_REPLACEMENT = { 'utf-8': Buffer.from([0xef, 0xbf, 0xbd]), gb18030: Buffer.from([0x84, 0x31, 0xa4, 0x37]) } as const;

/**
 * The encoding of bytes that are not told (docs/records.md#formats-and-encodings): UTF-8 when they start
 * with its BOM or are valid UTF-8. Otherwise GB18030 when it reads them with fewer bad bytes than UTF-8
 * does *and* UTF-8 fails on at least as many places as it reads a character beyond ASCII — GBK text
 * read as UTF-8 fails on most of its characters; UTF-8 text with a stray byte, on almost none (and may
 * still happen to read as GB18030). Otherwise UTF-8, with its few bad bytes reported.
 */
export function chooseEncoding(bytes: Uint8Array): Encoding {
  if (startsWithBom(bytes) || isUtf8(bytes)) return 'utf-8';
  const utf8 = reading(bytes, 'utf-8');
  const gb18030 = reading(bytes, 'gb18030');
  return gb18030.bad < utf8.bad && utf8.good <= utf8.bad ? 'gb18030' : 'utf-8';
}

/** How the bytes read in one encoding: characters beyond ASCII read, and places that do not read. */
function reading(bytes: Uint8Array, encoding: Encoding): { good: number; bad: number } {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  let beyondAscii = 0;
  let replaced = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xdc00 && c <= 0xdfff)) continue; // ASCII, or the second half of a pair
    beyondAscii++;
    if (c === 0xfffd) replaced++;
  }
  const bad = replaced - occurrences(bytes, WRITTEN_REPLACEMENT[encoding]);
  return { good: beyondAscii - bad, bad };
}

function occurrences(bytes: Uint8Array, pattern: Buffer): number {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let at = b.indexOf(pattern); at !== -1; at = b.indexOf(pattern, at + pattern.length)) n++;
  return n;
}

function startsWithBom(bytes: Uint8Array): boolean {
  return bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/** How much of a stream decides its encoding. */
export const DECISION_WINDOW = 64 * 1024;
/** A line longer than this is decoded in pieces (cut where no character can be split). */
const PIECE = 64 * 1024;

export interface DecodedChunk {
  readonly text: string;
  readonly invalid: readonly InvalidBytes[];
}

const NOTHING: DecodedChunk = { text: '', invalid: [] };
const CR = 0x0d;
const LF = 0x0a;

/** The ASCII a chunk starts with while a stream's encoding is undecided, and the encoding once it is decided. */
export interface DecisionStep {
  /** The chunk's bytes before the first one beyond ASCII (they read the same in both encodings). */
  readonly ascii: Buffer;
  /** Set on the step that decides. */
  readonly encoding?: Encoding;
  /** On that step: the bytes held from the first one beyond ASCII (to be read in that encoding). */
  readonly held?: Buffer;
}

/**
 * A stream's encoding, decided by chooseEncoding as docs/records.md#formats-and-encodings says for
 * streams: on the bytes from the first one beyond ASCII to the end of the chunk where a line of them is
 * complete (a live feed waits no longer), or on the first `window` of them (the whole input when it is
 * shorter). Holds at most those bytes until then. Every stream reader decides through this.
 */
export class StreamEncoding {
  encoding: Encoding | undefined;
  /** The bytes from the first one beyond ASCII, while undecided. */
  private held: Buffer[] = [];
  private heldBytes = 0;

  constructor(
    encoding?: TextEncodingName,
    private readonly window = DECISION_WINDOW,
  ) {
    if (encoding !== undefined) this.encoding = encoding === 'utf-8' ? 'utf-8' : 'gb18030';
  }

  /** The next chunk (the encoding not decided yet). */
  push(bytes: Buffer): DecisionStep {
    let ascii: Buffer = bytes.subarray(0, 0);
    if (this.held.length === 0) {
      const beyond = bytes.findIndex((b) => b >= 0x80);
      if (beyond === -1) return { ascii: bytes };
      ascii = bytes.subarray(0, beyond);
      bytes = bytes.subarray(beyond);
    }
    this.held.push(bytes);
    this.heldBytes += bytes.length;
    // A line ends at LF or CR (an old Mac export's): a live feed of either is decided on its first line.
    if (bytes.indexOf(LF) === -1 && bytes.indexOf(CR) === -1 && this.heldBytes < this.window) return { ascii };
    const held = this.release();
    this.encoding = chooseEncoding(held.subarray(0, safeEnd(held)));
    return { ascii, encoding: this.encoding, held };
  }

  /** The input has ended: the encoding, decided now on what is held if not before. */
  end(): { encoding: Encoding; held: Buffer } {
    if (this.encoding !== undefined) return { encoding: this.encoding, held: Buffer.alloc(0) };
    const held = this.release();
    this.encoding = chooseEncoding(held);
    return { encoding: this.encoding, held };
  }

  private release(): Buffer {
    const bytes = this.held.length === 1 ? this.held[0]! : Buffer.concat(this.held, this.heldBytes);
    this.held = [];
    this.heldBytes = 0;
    return bytes;
  }
}

/**
 * Bytes → text, chunk by chunk. The encoding is decided by StreamEncoding; ASCII before that goes
 * straight through, and then each complete line is decoded as it arrives.
 */
export class ByteDecoder {
  private readonly decision: StreamEncoding;
  /** Bytes after the last complete line, not decoded yet. */
  private tail: Buffer = Buffer.alloc(0);
  /** Offset and line of tail[0] in the input. */
  private offset = 0;
  private line = 1;
  private afterCr = false;
  private atStart = true;

  constructor(encoding?: TextEncodingName, window = DECISION_WINDOW) {
    this.decision = new StreamEncoding(encoding, window);
  }

  get encoding(): Encoding | undefined {
    return this.decision.encoding;
  }

  push(chunk: Uint8Array): DecodedChunk {
    const bytes: Buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.encoding !== undefined) return this.decode(bytes, false);
    const step = this.decision.push(bytes);
    const ascii = this.ascii(step.ascii);
    if (step.held === undefined) return ascii;
    const decoded = this.decode(step.held, false);
    return ascii.text === '' ? decoded : { text: ascii.text + decoded.text, invalid: decoded.invalid };
  }

  end(): DecodedChunk {
    return this.decode(this.decision.end().held, true);
  }

  private ascii(bytes: Buffer): DecodedChunk {
    if (bytes.length === 0) return NOTHING;
    this.atStart = false;
    this.advance(bytes, 0, bytes.length);
    return { text: bytes.toString('latin1'), invalid: [] };
  }

  private decode(bytes: Buffer, final: boolean): DecodedChunk {
    let b = this.tail.length === 0 ? bytes : Buffer.concat([this.tail, bytes]);
    if (this.atStart) {
      if (b.length < BOM.length && !final) {
        this.tail = b;
        return NOTHING;
      }
      this.atStart = false;
      if (this.encoding === 'utf-8' && startsWithBom(b)) {
        b = b.subarray(BOM.length);
        this.offset += BOM.length;
      }
    }
    // After the last line break, LF or CR (a CRLF cut between them: the LF comes with the next bytes).
    let cut = final ? b.length : Math.max(b.lastIndexOf(LF), b.lastIndexOf(CR)) + 1;
    if (cut === 0 && b.length > PIECE) cut = safeEnd(b);
    this.tail = Buffer.from(b.subarray(cut));
    return this.decodeLines(b.subarray(0, cut));
  }

  /** Whole lines (or a piece of one) → text, with the first bad byte of each line that has one. */
  private decodeLines(bytes: Buffer): DecodedChunk {
    const encoding = this.encoding!;
    let text: string | undefined;
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      this.advance(bytes, 0, bytes.length);
      return { text, invalid: [] };
    }
    const invalid: InvalidBytes[] = [];
    const parts: string[] = [];
    for (let start = 0; start < bytes.length; ) {
      let end = start;
      while (end < bytes.length && bytes[end] !== LF && bytes[end] !== CR) end++;
      if (end < bytes.length) end++;
      const line = bytes.subarray(start, end);
      const bad = firstBadByte(line, encoding);
      if (bad !== undefined) {
        this.advance(bytes, start, start + bad);
        invalid.push({ line: this.line, offset: this.offset, byte: line[bad]!.toString(16).padStart(2, '0'), encoding });
        this.advance(bytes, start + bad, end);
      } else this.advance(bytes, start, end);
      parts.push(new TextDecoder(encoding, { ignoreBOM: true }).decode(line));
      start = end;
    }
    return { text: parts.join(''), invalid };
  }

  /** Moves the offset and line over bytes[from, to). */
  private advance(bytes: Buffer, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const c = bytes[i];
      if (c === CR || (c === LF && !this.afterCr)) this.line++;
      this.afterCr = c === CR;
    }
    this.offset += to - from;
  }
}

/** Past the last byte below 0x30 (a line break, a comma, a quote): no character of either encoding goes across it. */
function safeEnd(bytes: Buffer): number {
  for (let i = bytes.length - 1; i >= 0; i--) if (bytes[i]! < 0x30) return i + 1;
  return bytes.length;
}

/**
 * Where the first sequence that does not read begins, or undefined when all of it reads. The decoder
 * (streaming) first throws at the smallest failing prefix; the sequence began at the last character
 * boundary before that byte (a character is at most 4 bytes).
 */
export function firstBadByte(line: Buffer, encoding: Encoding): number | undefined {
  const reads = (end: number, stream: boolean) => {
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(line.subarray(0, end), { stream });
      return true;
    } catch {
      return false;
    }
  };
  if (reads(line.length, false)) return undefined;
  let low = 0;
  let high = line.length; // reads(high, stream) may be true only when the line ends mid-character
  if (reads(high, true)) high = line.length + 1;
  else {
    while (high - low > 1) {
      const mid = (low + high) >> 1;
      if (reads(mid, true)) low = mid;
      else high = mid;
    }
  }
  // bytes [0, high - 1) read (perhaps ending mid-character); the byte at high - 1 does not.
  const failing = high - 1;
  for (let boundary = failing; boundary > Math.max(0, failing - 4); boundary--) if (reads(boundary, false)) return boundary;
  return Math.max(0, failing - 4);
}
