/**
 * livesToRecords builds its records in the record schema's shape instead of validating each (scoreRecord
 * checks every record again): each record it returns must be exactly what zod makes of it — accepted,
 * deep-equal, the same keys in the same order — on generated feeds; and the one record it cannot build
 * (no business id) is still refused in zod's words.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { livesToRecords, type LivesFiles } from '../../src/import/lives.js';
import { checkRecordSchema } from '../../src/records/validate.js';

const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const line = (cells: readonly string[]) => cells.map(cell).join(',');

const businessArb = fc.constantFrom('67372', '61072', ' 98932 ', '__proto__', 'constructor', '', '  ');
const dateArb = fc.constantFrom('11/12/15', '1/5/16', '01/05/2016', '20160105', '2016-01-05', ' 6/20/16 ', '2/30/16', 'x', '');
const textArb = fc.constantFrom('', ' ', 'Standard not met. Food Protection: x', 'a, "b"', 'two\nlines', '食品 储存');
const inspectionArb = fc.tuple(businessArb, fc.constantFrom('94', '', 'abc', ' 100 ', '0'), dateArb, textArb, fc.constantFrom('', 'routine', 'follow-up'));
const violationArb = fc.tuple(businessArb, dateArb, fc.constantFrom('8', '19', ' 3 ', '', '41'), textArb);
const businessRowArb = fc.tuple(businessArb, fc.constantFrom('#1 CHINA BUFFET', '', ' ', "1780'S CAFE"));

const feedArb: fc.Arbitrary<LivesFiles> = fc
  .record({
    inspections: fc.array(inspectionArb, { maxLength: 12 }),
    violations: fc.array(violationArb, { maxLength: 16 }),
    businesses: fc.option(fc.array(businessRowArb, { maxLength: 6 }), { nil: undefined }),
    optional: fc.boolean(),
  })
  .map(({ inspections, violations, businesses, optional }) => ({
    inspections: [optional ? 'business_id,score,date,description,type' : 'business_id,score,date', ...inspections.map((r) => line(optional ? r : r.slice(0, 3)))].join('\n') + '\n',
    violations: ['business_id,date,code,description', ...violations.map(line)].join('\n') + '\n',
    ...(businesses ? { businesses: ['business_id,name', ...businesses.map(line)].join('\n') + '\n' } : {}),
  }));

describe('livesToRecords: records built in the record schema’s shape', () => {
  it('every record is what the record schema makes of it (accepted, deep-equal, same key order); an inspection without a business id is refused in zod’s words', () => {
    let records = 0;
    let refused = 0;
    fc.assert(
      fc.property(feedArb, (files) => {
        const out = livesToRecords(files);
        expect(out.fatal).toBe(false);
        for (const { record } of out.records) {
          const checked = checkRecordSchema(record);
          expect(checked.ok).toBe(true);
          if (!checked.ok) return;
          expect(record).toStrictEqual(checked.record);
          expect(JSON.stringify(record)).toBe(JSON.stringify(checked.record));
          expect(record.unit.id).not.toBe('');
          records++;
        }
        const invalid = out.problems.filter((p) => p.messageId === 'record.invalid');
        refused += invalid.length;
        expect(out.records.length + invalid.length).toBe(out.stats.inspections - out.problems.filter((p) => p.messageId === 'import.lives_bad_date' && p.file === 'inspections.csv').length);
        for (const p of invalid) expect(p.data?.detail).toBe('unit.id: must not be empty');
      }),
      { numRuns: 300, seed: 16 },
    );
    // The generated feeds do exercise both ways.
    expect(records).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(10);
  });
});

describe('livesToRecords: the line of each row', () => {
  // Where a text has plain lines (line feeds only, none empty), lives.ts counts them itself instead of
  // asking csv-parse for each record's info: both ways must give the line csv-parse's info gives.
  const rowArb = fc.tuple(fc.constantFrom('67372', '61072', ' 1 '), fc.constantFrom('94', '', '1 0'), fc.constantFrom('11/12/15', '2/30/16', '1/5/16'), fc.constantFrom('', 'x', 'two\nlines', 'three\n\nlines', 'cr\r\nlf', 'a, "q"'));
  const textArb = fc
    .record({ rows: fc.array(fc.tuple(rowArb, fc.constantFrom('', '', '', '\n')), { maxLength: 10 }), eol: fc.constantFrom('\n', '\r\n'), bom: fc.boolean(), lead: fc.constantFrom('', '', '\n'), end: fc.constantFrom('', '\n', '\n\n') })
    .map(({ rows, eol, bom, lead, end }) => (bom ? '\uFEFF' : '') + lead.replace('\n', eol) + ['business_id,score,date,description', ...rows.map(([r, blank]) => line(r) + blank.replace('\n', eol))].join(eol) + end.replaceAll('\n', eol));

  it('each record and each warning names the line csv-parse’s info counts (minus the line breaks inside the row, a CRLF in a cell counted once), with or without carriage returns and empty lines', () => {
    let plain = 0;
    fc.assert(
      fc.property(textArb, (text) => {
        if (!text.includes('\r') && !text.includes('\n\n')) plain++;
        const rows = (parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[]).slice(1);
        // csv-parse's info counts a CRLF inside a quoted cell as two lines: each one so far is taken off.
        let doubled = 0;
        const expected = rows.map(({ record, info }) => {
          const cells = record.join('');
          doubled += cells.split('\r\n').length - 1;
          return info.lines - doubled - (cells.replaceAll('\r\n', '\n').split('\n').length - 1);
        });
        const out = livesToRecords({ inspections: text });
        const read = new Set(out.records.map((r) => r.source.index));
        expect(out.records.map((r) => r.source.line)).toEqual(out.records.map((r) => expected[r.source.index]));
        // The rows left out (a bad date) are warned about on their own lines.
        const badDates = out.problems.filter((p) => p.messageId === 'import.lives_bad_date').map((p) => p.line);
        expect(badDates).toEqual(expected.filter((_, i) => !read.has(i)).map((l) => Math.max(l, 1)));
      }),
      { numRuns: 400, seed: 16 },
    );
    expect(plain).toBeGreaterThan(20);
  });
});
