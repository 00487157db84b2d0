/**
 * Cuts a stream of CSV text into whole records, so that streamCsvRecords (csv.ts) hands csv-parse no
 * record split across two chunks, even one whose quoted cell holds a line break. A record longer than
 * the limit is dropped as it is scanned, never held whole, and the records after it are cut as usual.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * What ends a CSV record, for csv-parse's `record_delimiter` wherever a CSV is read: LF, CRLF or a lone
 * CR, in any mix (by default csv-parse takes the first it meets for the whole text and reads the others
 * into cells). csv-parse copies the list; never change it.
 */
export const CSV_RECORD_DELIMITER: string[] = ['\r\n', '\n', '\r'];

/** A record longer than the limit, in place of its text. */
export interface Oversize {
  /** Its first cells as written: up to the last comma (outside quotes) of its first `limit` characters; '' when there is none. */
  readonly head: string;
  /** The line breaks it took, its own last one included (LF, CRLF and CR one each, as csv-parse counts them). */
  readonly lines: number;
  /** It runs on to the end of the text inside a quote never closed (everything after the quote went with it). */
  readonly unclosed?: true;
}

/** Whole records as text, or a record too long to be read in their place. */
export type SplitPiece = string | Oversize;

/** Cuts CSV text after its last complete record: a line break (LF, CRLF or CR) outside a quoted field. */
export class RecordSplitter {
  private buffer = '';
  private scanned = 0;
  private inQuotes = false;
  private fieldStart = true;
  /** Where in the buffer the quoted field now open began. */
  private quoteAt = -1;
  /** The record being dropped (it is past the limit): its head and the line breaks seen so far. */
  private skip: { head: string; lines: number; afterCr: boolean } | undefined;

  constructor(
    /** The longest record held, in characters as written (quotes and commas included). */
    private readonly limit = Infinity,
  ) {}

  /** How much of an unfinished record is held (characters): never much over the limit. */
  get held(): number {
    return this.buffer.length;
  }

  /** Adds text; returns the records it completes: whole ones as text, each one past the limit as an Oversize. */
  push(text: string): SplitPiece[] {
    const b = (this.buffer += text);
    const out: SplitPiece[] = [];
    const { from, start } = this.scan(false, out);
    if (start > from) out.push(b.slice(from, start));
    // The record being read is already too long (a huge quoted cell, an unclosed quote): stop holding it.
    if (this.skip === undefined && lengthOf(b, start, b.length) > this.limit) this.beginSkip(b, start);
    this.keep(b, start);
    return out;
  }

  /**
   * The end of the text: what is left after the last complete record (the last line, when it has no
   * line break or ends in a CR that waited) and where the quote is that it leaves open, if any; or that
   * record as an Oversize.
   */
  rest(): { text: string; openQuote?: number } | { oversize: Oversize } {
    const out: SplitPiece[] = [];
    this.scan(true, out); // only the character a quote waited for: no line break is left to find but a last CR
    const b = this.buffer;
    const open = this.inQuotes ? this.quoteAt : -1;
    let result: { text: string; openQuote?: number } | { oversize: Oversize };
    if (this.skip === undefined && lengthOf(b, 0, b.length) > this.limit) this.beginSkip(b, 0);
    if (this.skip !== undefined) {
      this.skipTo(b, 0, b.length);
      const { head, lines } = this.skip;
      result = { oversize: this.inQuotes ? { head, lines, unclosed: true } : { head, lines } };
    } else {
      result = open >= 0 ? { text: b, openQuote: open } : { text: b };
    }
    this.buffer = '';
    this.scanned = 0;
    this.inQuotes = false;
    this.fieldStart = true;
    this.quoteAt = -1;
    this.skip = undefined;
    return result;
  }

  /**
   * Scans on from where it stopped, onto `out`: each record that ends past the limit as an Oversize,
   * with the whole records before it as text. Returns where the text not handed out begins (`from`)
   * and where the record being read began (`start`).
   */
  private scan(atEnd: boolean, out: SplitPiece[]): { from: number; start: number } {
    const b = this.buffer;
    let i = this.scanned;
    let from = 0;
    let start = 0;
    while (i < b.length) {
      const c = b.charCodeAt(i);
      if (this.inQuotes) {
        if (c === QUOTE) {
          if (i + 1 >= b.length && !atEnd) break; // "" or the closing quote: the next character decides
          if (b.charCodeAt(i + 1) === QUOTE) {
            i += 2;
            continue;
          }
          this.inQuotes = false;
        }
        i++;
        continue;
      }
      if (c === QUOTE && this.fieldStart) {
        this.inQuotes = true;
        this.quoteAt = i;
      }
      if (c !== LF && c !== CR) {
        this.fieldStart = c === COMMA;
        i++;
        continue;
      }
      // A record ends at LF, CRLF or a lone CR (old Mac exports). A CR last in the text waits for the
      // next character: a CRLF cut in two is one line break, never an empty record after the CR.
      if (c === CR && i + 1 >= b.length) break;
      const end = i;
      i += c === CR && b.charCodeAt(i + 1) === LF ? 2 : 1;
      this.fieldStart = true;
      if (this.skip === undefined && end - start > this.limit) {
        if (start > from) out.push(b.slice(from, start));
        this.beginSkip(b, start);
        from = start;
      }
      if (this.skip !== undefined) {
        this.skipTo(b, from, i);
        out.push({ head: this.skip.head, lines: this.skip.lines });
        this.skip = undefined;
        from = i;
      }
      start = i;
    }
    this.scanned = i;
    return { from, start };
  }

  /** b[from, …) is the record being read: held, or past the limit counted and let go up to the scan. */
  private keep(b: string, from: number): void {
    if (this.skip !== undefined) {
      this.skipTo(b, from, this.scanned);
      from = this.scanned;
    }
    this.buffer = b.slice(from);
    this.scanned -= from;
    if (this.quoteAt >= 0) this.quoteAt -= from;
  }

  /** Begins dropping the record at `start` of `b`, which holds at least its first `limit` characters. */
  private beginSkip(b: string, start: number): void {
    this.skip = { head: b.slice(start, lastFieldEnd(b, start, Math.min(b.length, start + this.limit))), lines: 0, afterCr: false };
  }

  /** Counts the line breaks of b[from, to), which is dropped. */
  private skipTo(b: string, from: number, to: number): void {
    const skip = this.skip!;
    for (let i = from; i < to; i++) {
      const c = b.charCodeAt(i);
      if (c === CR || (c === LF && !skip.afterCr)) skip.lines++;
      skip.afterCr = c === CR;
    }
  }
}

/**
 * A record's length, b[start, end) without the CR of a CRLF: a record's line break never counts, and
 * a record not yet ended is measured as it will be (so a stream cut anywhere measures as the whole text).
 */
function lengthOf(b: string, start: number, end: number): number {
  return end - start - (end > start && b.charCodeAt(end - 1) === CR ? 1 : 0);
}

/** The end of the last whole cell of b[start, end) that begins a record: its last comma outside quotes (start when none). */
function lastFieldEnd(b: string, start: number, end: number): number {
  let inQuotes = false;
  let fieldStart = true;
  let last = start;
  for (let i = start; i < end; i++) {
    const c = b.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (b.charCodeAt(i + 1) === QUOTE && i + 1 < end) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === QUOTE && fieldStart) inQuotes = true;
    if (c === COMMA) last = i;
    fieldStart = c === COMMA;
  }
  return last;
}

/** Where the line after b[from] begins: after its first line break (LF, CRLF or CR), or b's end when it has none. */
export function nextLineStart(b: string, from: number): number {
  for (let i = from; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return b.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return b.length;
}
