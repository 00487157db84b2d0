/**
 * Cuts a stream of CSV text into whole records, so that streamCsvRecords (csv.ts) hands csv-parse no
 * record split across two chunks, even one whose quoted cell holds a line break.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;

/** Cuts CSV text after its last complete record: a line break outside a quoted field. */
export class RecordSplitter {
  private buffer = '';
  private scanned = 0;
  private inQuotes = false;
  private fieldStart = true;
  /** Where in the buffer the quoted field now open began. */
  private quoteAt = -1;

  /** How much of an unfinished record is held (characters). */
  get held(): number {
    return this.buffer.length;
  }

  /** Adds text; returns the complete records received so far ('' when none is complete). */
  push(text: string): string {
    const b = (this.buffer += text);
    const cut = this.scan(false);
    this.buffer = b.slice(cut);
    this.scanned -= cut;
    if (this.quoteAt >= 0) this.quoteAt -= cut;
    return b.slice(0, cut);
  }

  /**
   * What is left after the last complete record (the last line, when it has no line break), and
   * where the quote is that it leaves open, if any.
   */
  rest(): { text: string; openQuote?: number } {
    this.scan(true);
    const text = this.buffer;
    const open = this.inQuotes ? this.quoteAt : -1;
    this.buffer = '';
    this.scanned = 0;
    this.inQuotes = false;
    this.fieldStart = true;
    this.quoteAt = -1;
    return open >= 0 ? { text, openQuote: open } : { text };
  }

  /** Scans on from where it stopped; returns the end of the last complete record. */
  private scan(atEnd: boolean): number {
    const b = this.buffer;
    let i = this.scanned;
    let cut = 0;
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
      this.fieldStart = c === COMMA || c === LF;
      i++;
      if (c === LF) cut = i;
    }
    this.scanned = i;
    return cut;
  }
}
