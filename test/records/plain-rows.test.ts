/**
 * plainRows (csv-splitter.ts) splits quote-free CSV text itself instead of asking csv-parse: on any
 * text it takes, it must give exactly csv-parse's rows with csv.ts's options, and it must hand
 * csv-parse every text it might read otherwise (quotes, CR, lone surrogates, rows near the size limit).
 */
import fc from 'fast-check';
import { parse as parseSync } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { plainRows } from '../../src/records/csv-splitter.js';
import { PARSE_OPTIONS, readCsvRecords } from '../../src/records/csv.js';
import { parseMapping } from '../../src/records/mapping.js';

const LIMIT = 1024 * 1024;
const csvParse = (text: string, limit = LIMIT) => parseSync(text, { ...PARSE_OPTIONS, max_record_size: limit }) as string[][];

/** Texts made of the characters that matter to a CSV reader, and some that do not. */
const pieces = fc.constantFrom(',', '\n', '\n', 'a', 'bc', ' ', '\t', '中文', '\uFEFF', '"', '\r', '\r\n', '', '😀', '\uD800', '\u2028', '\0');
const csvText = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));

describe('plainRows', () => {
  it('reads every text it takes exactly as csv-parse does', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(LIMIT, 40), (text, limit) => {
        const rows = plainRows(text, limit);
        if (rows !== undefined) expect(rows).toEqual(csvParse(text, limit));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes quote-free text (so the property above is not empty), and leaves the rest to csv-parse', () => {
    expect(plainRows('\uFEFF编号,日期\nsh-1,2024-03-01\n\n,\n', LIMIT)).toEqual([['编号', '日期'], ['sh-1', '2024-03-01'], [''], ['', '']]);
    expect(plainRows('a,b', LIMIT)).toEqual([['a', 'b']]);
    for (const text of ['a,"b"\n', 'a\r\nb\n', 'a\rb', 'a\uD800\n']) expect(plainRows(text, LIMIT)).toBeUndefined();
    // A text that could hold a row past the limit: csv-parse reports it (CSV_MAX_RECORD_SIZE).
    expect(plainRows('abcdef\n', 10)).toBeUndefined();
    expect(() => csvParse(`${'a'.repeat(30)}\n`, 10)).toThrow();
  });

  it('reads a quote-free sheet as one with quotes around every cell', () => {
    const parsed = parseMapping('layout: long\ncolumns: { 编号: id, 班级编号: unit.id, 日期: date, 检查项: finding.item, 扣分: finding.points }\n');
    if (!parsed.ok) throw new Error('bad map');
    const map = parsed.mapping;
    const rows = [['编号', '班级编号', '日期', '检查项', '扣分'], ['r1', 'g1', '2024-03-01', 'floor', '1'], ['', '', '', 'corner', '2'], ['r2', 'g2', '2024-03-02', '', '']];
    const plain = rows.map((r) => r.join(',')).join('\n') + '\n';
    const quoted = rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\n') + '\n';
    const a = readCsvRecords(plain, map);
    const b = readCsvRecords(quoted, map);
    expect(a.records.map((r) => r.record)).toEqual(b.records.map((r) => r.record));
    expect(a.records).toHaveLength(2);
    expect(a.diagnostics).toEqual(b.diagnostics);
  });
});
