/**
 * A CSV syntax error (csv-parse's CsvError) is placed on the file's own line after quoted cells holding a
 * CRLF, which csv-parse counts as two lines each: the LIVES import and CSV rosters report the same line
 * whichever line break the file uses (LF, CRLF, CR), and csv-parse's "at line N" in the message says that
 * line too, never contradicting the position beside it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRosterText } from '../../src/aggregate/roster-file.js';
import { livesToRecords } from '../../src/import/lives.js';
import { runCli } from '../support/cli.js';

const ENDS = ['\n', '\r\n', '\r'] as const;
/** The problem's line and the line csv-parse's words name. */
const said = (line: number, message: string) => [line, Number(/\b(?:at|on) line (\d+)/.exec(message)?.[1])];

/** Each syntax error after two quoted cells holding a line break, and the line it is on. */
const CASES: readonly { name: string; rows: (nl: string) => string; line: number }[] = [
  // header 1, "a / b" 2–3, "c / d" 4–5, the bad closing quote on 6
  { name: 'an invalid closing quote', rows: (nl) => ['h1,h2', `"a${nl}b",1`, `"c${nl}d",2`, '"bad"x,3', 'e,4', ''].join(nl), line: 6 },
  // the error inside the quoted cell itself, after its own line break: "p / q"z on 6–7
  { name: 'an invalid closing quote in a cell holding a line break', rows: (nl) => ['h1,h2', `"a${nl}b",1`, `"c${nl}d",2`, `"p${nl}q"z,3`, ''].join(nl), line: 7 },
  // a quote never closed runs to the end of the text (csv-parse stops on the last line: 7)
  { name: 'an unclosed quote', rows: (nl) => ['h1,h2', `"a${nl}b",1`, `"c${nl}d",2`, '"open,3', 'e,4', ''].join(nl), line: 7 },
];

describe('a CSV syntax error after quoted cells holding line breaks', () => {
  for (const { name, rows, line } of CASES) {
    it(`LIVES import: ${name} is on line ${line} with LF, CRLF and CR`, () => {
      for (const nl of ENDS) {
        const feed = livesToRecords({
          businesses: 'business_id,name,address,city,state\n1,A,x,L,KY\n',
          inspections: 'business_id,score,date\n1,94,11/12/15\n',
          violations: rows(nl).replace('h1,h2', 'business_id,date,code,description'),
        });
        const problem = feed.problems.find((p) => p.messageId === 'import.lives_csv_syntax')!;
        expect([nl, ...said(problem.line, problem.message)]).toEqual([nl, line, line]);
      }
    });

    it(`roster CSV: ${name} is on line ${line} with LF, CRLF and CR`, () => {
      for (const nl of ENDS) {
        const result = parseRosterText(rows(nl).replace('h1,h2', 'id,name'), 'csv');
        const problem = result.ok ? undefined : result.diagnostics.find((d) => d.messageId === 'record.csv_syntax');
        expect([nl, ...said(problem!.line, problem!.message)]).toEqual([nl, line, line]);
      }
    });
  }

  it('property: any mix of line breaks, in cells and between rows, before a bad closing quote', () => {
    const nl = fc.constantFrom('\n', '\r\n', '\r');
    const cell = fc.oneof(fc.constantFrom('a', 'b c'), fc.array(nl, { minLength: 1, maxLength: 3 }).map((breaks) => `"x${breaks.join('y')}z"`));
    const row = fc.tuple(cell, cell, nl).map(([a, b, end]) => `${a},${b}${end}`);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), nl, (rows, end) => {
        const before = `id,name${end}${rows.join('')}`;
        // The file's line: 1 + the line breaks before it, a CRLF one.
        const line = 1 + before.replace(/\r\n/g, '\n').replace(/[^\r\n]/g, '').length;
        const result = parseRosterText(`${before}"bad"x,1${end}`, 'csv');
        const problem = result.ok ? undefined : result.diagnostics[0];
        expect(problem === undefined ? undefined : said(problem.line, problem.message)).toEqual([line, line]);
      }),
      { numRuns: 200 },
    );
  });

  const dir = mkdtempSync(join(tmpdir(), 'scoresheet-csv-error-line-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scoresheet draft: csv-parse\'s words name the file\'s line, with LF, CRLF and CR', async () => {
    const path = join(dir, 'sheet.csv');
    for (const nl of ENDS) {
      writeFileSync(path, CASES[0]!.rows(nl).replace('h1,h2', '项目,分值'));
      const run = await runCli(['draft', path, '-o', join(dir, 'draft.yaml')]);
      expect([nl, run.code, /\bat line (\d+)/.exec(run.stderr)?.[1]]).toEqual([nl, 2, '6']);
    }
  });

  it('zh-CN words the reason and gives the same line', () => {
    const result = parseRosterText(['id,name', '"a\r\nb",1', '"bad"x,3', ''].join('\r\n'), 'csv', { locale: 'zh-CN' });
    expect(result.ok ? undefined : result.diagnostics.map((d) => [d.line, d.message])).toEqual([[4, 'CSV 格式错误，文件其余部分无法读取：结束引号后紧跟了其他字符']]);
  });
});
