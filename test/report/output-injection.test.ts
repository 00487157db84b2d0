/**
 * Output injection (issue 14, items 15–16): text from records and standards (unit names, notes, band
 * names, group names) never becomes a spreadsheet formula in a CSV, nor raw HTML in Markdown.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLeague } from '../../src/rank/league.js';
import { readCsvRecords } from '../../src/records/csv.js';
import { sheetTemplate } from '../../src/records/template.js';
import { readDocumentRecords } from '../../src/records/read.js';
import { formatCsv, formatScorecardsCsv, spreadsheetCell } from '../../src/report/csv.js';
import { formatLeagueMarkdown, leagueCsvRows } from '../../src/report/league.js';
import { formatScorecardsMarkdown, mdCell } from '../../src/report/markdown.js';
import { scoreBatch } from '../../src/score/batch.js';
import { compileStandard } from '../../src/compile/standard.js';
import { StandardSet } from '../../src/score/editions.js';
import type { Scorecard } from '../../src/score/scorecard.js';
import { parseStandard } from '../../src/standard/load.js';
import type { Standard } from '../../src/standard/schema.js';

const FORMULA = '=HYPERLINK("http://x","y")';
const DDE = "+cmd|' /C calc'!A0";
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

/** A one-item standard whose item and band names are hostile too. */
const STANDARD = `
id: demo
version: "1"
name: { en: Demo }
outcomes:
  bands:
    - { id: all, name: { en: '${IMG}' }, min: 0, max: 10 }
scoring: { mode: deduct, base: 10 }
categories:
  - id: c
    name: { en: C }
    max: 10
    items:
      - { id: i, name: { en: '${FORMULA}' }, max: 10, rules: [{ kind: per-occurrence, points: 2 }] }
`;

let standard: Standard;
let cards: Scorecard[];
beforeAll(() => {
  const loaded = parseStandard(STANDARD, { locale: 'en' });
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  standard = loaded.standard;
  const records = [
    { id: 'r1', unit: { id: 'u1', name: FORMULA, group: { grade: SCRIPT } }, date: '2024-03-04', findings: [{ item: 'i', note: DDE }] },
    { id: 'r2', unit: { id: 'u2', name: SCRIPT, group: { grade: SCRIPT } }, date: '2024-03-04', findings: [{ item: 'i', note: IMG }] },
  ];
  const read = readDocumentRecords(JSON.stringify(records), { file: 'x.json' });
  cards = scoreBatch(new StandardSet([compileStandard(standard)]), read.records, 'en').scored.map((s) => s.scorecard);
  expect(cards).toHaveLength(2);
});

const itemName = (id: string) => (id === 'i' ? FORMULA : id);
/** Every cell of a CSV text that would start a formula in a spreadsheet. */
const formulaCells = (csv: string) => (parseCsv(csv) as string[][]).flat().filter((cell) => /^[=+\-@\t\r\n]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));

describe('spreadsheetCell (OWASP: a leading quote on a cell that would start a formula)', () => {
  it.each([
    [FORMULA, `'${FORMULA}`],
    [DDE, `'${DDE}`],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\n=1', "'\n=1"],
    ['\0=1+1', "'\0=1+1"],
  ])('%j → %j', (cell, written) => expect(spreadsheetCell(cell)).toBe(written));

  it.each(['-2', '-0.5', '3', '-1e+21', '', 'plain', '高一(3)班', "'=already"])('leaves %j as it is (numbers stay numbers)', (cell) => {
    expect(spreadsheetCell(cell)).toBe(cell);
  });
});

describe('CSV writers', () => {
  it('score --format csv: the unit name, item name and note are text cells; points stay numbers', () => {
    const csv = formatScorecardsCsv(cards, 'en', itemName);
    expect(formulaCells(csv)).toEqual([]);
    const rows = parseCsv(csv) as string[][];
    expect(rows[1]).toContain(`'${FORMULA}`);
    expect(rows[1]).toContain(`'${DDE}`);
    expect(rows[1]).toContain('-2'); // the deduction's points: a number cell
  });

  it('rank --format csv: a hostile unit name is a text cell', () => {
    const league = buildLeague(standard, cards, { period: 'week' });
    const csv = formatCsv(leagueCsvRows(league, standard, 'en'));
    expect(formulaCells(csv)).toEqual([]);
    expect((parseCsv(csv) as string[][]).flat()).toContain(`'${FORMULA}`);
  });

  it('template: the header names the column as written, its map follows, and a filled sheet scores', () => {
    const template = sheetTemplate(standard, 'wide', 'en');
    const sheet = formatCsv([template.header]);
    expect(formulaCells(sheet)).toEqual([]);
    expect(template.header).toContain(`'${FORMULA}`);
    expect(template.mapping.items?.map((i) => i.column)).toEqual([`'${FORMULA}`]);
    const row = template.header.map((h) => ({ 'record id': 'w1', 'unit id': 'u1', date: '2024-03-04' })[h] ?? (h === `'${FORMULA}` ? '2' : ''));
    const read = readCsvRecords(formatCsv([template.header, row]), template.mapping, { file: 'sheet.csv' });
    expect(read.diagnostics).toEqual([]);
    expect(read.records.map((r) => (r.record as { findings: unknown[] }).findings)).toEqual([[{ item: 'i', count: 2 }]]);
  });
});

describe('Markdown (one escaping function, mdCell)', () => {
  it('mdCell escapes HTML, pipes and line breaks', () => {
    expect(mdCell(`${SCRIPT} | a\nb`)).toBe('&lt;script&gt;alert(1)&lt;/script&gt; \\| a b');
  });

  it('mdCell escapes links, images, code, emphasis and entities: text from a record never becomes Markdown', () => {
    expect(mdCell('![x](http://tracker/p.png) [click](javascript:alert(1)) [r][1] [d]: http://x')).toBe('![x\\](http://tracker/p.png) [click\\](javascript:alert(1)) [r\\][1] [d\\]: http://x');
    expect(mdCell('`code` *em* _em_ ~~del~~ &lt;b&gt;')).toBe('\\`code\\` \\*em\\* \\_em\\_ \\~\\~del\\~\\~ &amp;lt;b&amp;gt;');
    // What cannot be markup stays as it is: a field path, a code between letters.
    expect(mdCell('findings[0].item unknown_item')).toBe('findings[0].item unknown_item');
  });

  it('score --format md: unit names, notes and band names carry no raw HTML', () => {
    const md = formatScorecardsMarkdown(cards, [], 'summary', 'en', itemName);
    for (const raw of ['<script', '<img']) expect(md).not.toContain(raw);
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('rank --format md: unit and group names carry no raw HTML', () => {
    const league = buildLeague(standard, cards, { period: 'week', groupBy: 'grade' });
    const md = formatLeagueMarkdown(league, standard, 'en');
    expect(md).not.toContain('<script');
    expect(md).toContain('&lt;script&gt;');
  });
});
