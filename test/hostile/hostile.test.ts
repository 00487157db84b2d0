/**
 * The hostile corpus (issue 14): one input file per attack in test/hostile/, named by what it attacks,
 * each run through the CLI (in-process; in a process of its own where a regression would hang or
 * read without bound) with the exit status and the diagnostic code it must produce. Large
 * inputs are generated into a temporary folder by `make` (sizes bounded; results asserted, never times).
 * Time and memory of the same attacks at full size are measured by `npm run check:hostile`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ROSTER_BYTES } from '../../src/files.js';
import { ROOT, runBuiltCli } from '../support/built.js';
import { runCli } from '../support/cli.js';

export interface HostileCase {
  /** The input file in test/hostile/ (or the name of the generated one), named by what it attacks. */
  readonly file: string;
  /** Which issue-14 item it attacks, and how. */
  readonly attacks: string;
  /** The CLI's arguments; `file` is the case's input path (relative to the repository root). */
  readonly args: (file: string) => readonly string[];
  /** Writes a generated input at `path` (for inputs too large to commit). */
  readonly make?: (path: string) => void;
  /** Bytes given on stdin. */
  readonly stdin?: (file: string) => Buffer;
  readonly exit: number;
  /** A diagnostic code that must appear in stdout or stderr (absent: the run must produce none of `forbid`). */
  readonly code?: string;
  /** Text that must never appear in the output (e.g. another file's content). */
  readonly forbid?: readonly string[];
}

const HERE = 'test/hostile';
const tmp = mkdtempSync(join(tmpdir(), 'scoresheet-hostile-'));

export const CASES: readonly HostileCase[] = [
  // — points and exact arithmetic (items 4–6)
  { file: 'points-below-resolution.yaml', attacks: 'item 4: points 1e-20 pass check, then deduct nothing', args: (f) => ['check', f], exit: 1, code: 'too_precise' },
  { file: 'points-fifth-decimal-large.yaml', attacks: 'item 4: 500000.00004 prints as written, deducts exactly 500000', args: (f) => ['check', f], exit: 1, code: 'too_precise' },
  { file: 'points-1e308.yaml', attacks: 'item 4: points beyond the exact range', args: (f) => ['check', f], exit: 1, code: 'out_of_range', forbid: ['too_precise'] },
  { file: 'record-points-below-resolution.json', attacks: 'item 4: a finding\'s points 1.00001 on a 1–3 range', args: (f) => ['score', '--standard', 'standards/school-hygiene.yaml', f], exit: 1, code: 'too_precise', forbid: ['points_out_of_range'] },
  { file: 'count-past-2p53.json', attacks: 'item 5: a count of 2^52 + 1 totalled wrongly past 2^53', args: (f) => ['score', '--standard', 'standards/hygiene-supervision-2013.yaml', f], exit: 1, code: 'quantity_too_large' },
  { file: 'indicator-huge-negative-per-step.json', attacks: 'item 5: a rate of −1e300 under a per-step rule', args: (f) => ['score', '--standard', 'standards/hygiene-supervision-2013.yaml', f], exit: 1, code: 'quantity_too_large' },
  { file: 'step-below-resolution.yaml', attacks: 'item 6: step 1e-11 passes check', args: (f) => ['check', f], exit: 1, code: 'too_precise' },
  { file: 'step-below-resolution.yaml', attacks: 'item 6: scoring with step 1e-11 crashed on a BigInt division by zero', args: (f) => ['score', '--standard', f, 'test/hostile/count-past-2p53.json'], exit: 2, code: 'too_precise' },

  // — encodings and CSV (items 8–12)
  {
    file: 'csv-row-missing-last-cells.csv',
    attacks: 'item 8: a row cut short after its record columns would read as nothing found (a clean 100)',
    args: (file) => ['score', file, '--standard', 'standards/school-hygiene.yaml', '--map', 'fixtures/csv/school-hygiene.wide.map.yaml'],
    exit: 1,
    code: 'short_row',
  },
  {
    file: 'csv-stray-byte-in-utf8.csv',
    attacks: 'item 9: one 0xff byte in a UTF-8 sheet made the whole file read as GBK and be rejected (exit 2)',
    args: (file) => ['score', file, '--standard', 'standards/school-hygiene.yaml', '--map', 'fixtures/csv/school-hygiene.long.map.yaml'],
    exit: 1,
    code: 'invalid_encoding',
  },
  {
    file: 'csv-unbalanced-quote-mid-file.csv',
    attacks: 'item 10: a quote never closed in row 3 made every later row one cell (all lost)',
    args: (file) => ['score', file, '--standard', 'standards/school-hygiene.yaml', '--map', 'fixtures/csv/school-hygiene.long.map.yaml'],
    exit: 1,
    code: 'record_syntax',
    forbid: ['scored 0,', 'rejected 2;'], // rows 2, 4 and 5 are scored; only row 3 is left out
  },

  { file: 'standard-invalid-utf8.yaml', attacks: 'item 12: a standard with a byte that is not UTF-8 loads with U+FFFD in a name', args: (f) => ['check', f], exit: 1, code: 'invalid_utf8' },
  // — hostile standards: extends, paths (item 14)
  { file: 'extends-etc-passwd.yaml', attacks: 'item 14: extends climbs to /etc/passwd and prints it', args: (f) => ['check', f], exit: 1, code: 'extends_outside_roots', forbid: ['root:x:0'] },
  { file: 'extends-etc-passwd.yaml', attacks: 'item 14: diff loads the same overlay and prints /etc/passwd', args: (f) => ['diff', f, 'standards/school-hygiene.yaml'], exit: 2, code: 'extends_outside_roots', forbid: ['root:x:0'] },
  { file: 'extends-etc-passwd.yaml', attacks: 'item 14: with / allowed, /etc/passwd is read but never quoted', args: (f) => ['check', '--allow-root', '/', f], exit: 1, code: 'invalid_type', forbid: ['root:x:0', 'nologin'] },
  { file: 'extends-dev-zero.yaml', attacks: 'item 14: extends reaches /dev/zero and grows without end', args: (f) => ['check', f], exit: 1, code: 'extends_outside_roots' },
  { file: 'extends-dev-zero.yaml', attacks: 'item 14: with /dev allowed, /dev/zero is still no file to read', args: (f) => ['check', '--allow-root', '/dev', f], exit: 1, code: 'extends_not_file' },
  {
    file: 'extends-fifo.yaml',
    attacks: 'item 14: extends names a FIFO, and the load hangs waiting for a writer',
    make: (path) => {
      writeFileSync(path, 'id: county\nversion: "1"\nname: { en: County }\nextends: base.fifo\n');
      execFileSync('mkfifo', [join(dirname(path), 'base.fifo')]);
    },
    args: (f) => ['check', f],
    exit: 1,
    code: 'extends_not_file',
  },
  {
    file: 'extends-symlink-out.yaml',
    attacks: 'item 14: a symlink inside the folder leads out of it, to /etc/passwd',
    make: (path) => {
      writeFileSync(path, 'id: county\nversion: "1"\nname: { en: County }\nextends: base-link.yaml\n');
      symlinkSync('/etc/passwd', join(dirname(path), 'base-link.yaml'));
    },
    args: (f) => ['check', f],
    exit: 1,
    code: 'extends_outside_roots',
    forbid: ['root:x:0'],
  },
  { file: 'test-file-standard-etc-passwd.test.yaml', attacks: 'item 14: a test file\'s standard: climbs to /etc/passwd and scoresheet test prints it', args: (f) => ['test', f], exit: 2, code: 'test_file  standard: the standard "../../../../../../../../../../../../etc/passwd" is outside the folders', forbid: ['root:x:0'] },
  { file: 'test-file-standard-etc-passwd.test.yaml', attacks: 'item 14: with / allowed, the test file\'s /etc/passwd is read but never quoted', args: (f) => ['test', '--allow-root', '/', f], exit: 2, code: 'invalid_type', forbid: ['root:x:0', 'nologin'] },
  { file: 'test-file-record-etc-passwd.test.yaml', attacks: 'item 14: a case\'s record: reads /etc/passwd', args: (f) => ['test', f], exit: 1, code: 'is outside the folders a test file may name', forbid: ['root:x:0'] },
  { file: 'test-file-record-etc-passwd.test.yaml', attacks: 'item 14: with / allowed, the record /etc/passwd is read but never quoted', args: (f) => ['test', '--allow-root', '/', f], exit: 1, code: 'the record is invalid', forbid: ['root:x:0', 'nologin'] },
  { file: 'test-file-standard-dev-zero.test.yaml', attacks: 'item 14: with /dev allowed, a test file\'s standard: /dev/zero grows without bound', args: (f) => ['test', '--allow-root', '/dev', f], exit: 2, code: 'test_file  standard: the standard "/dev/zero" is not a regular file' },
  {
    file: 'test-file-record-fifo.test.yaml',
    attacks: 'item 14: a case\'s record: is a FIFO, and scoresheet test hangs waiting for a writer',
    make: (path) => {
      writeFileSync(path, `standard: ${join(ROOT, 'standards/school-hygiene.yaml')}\ncases:\n  - name: fifo\n    record: record.fifo\n    expect: { total: 100 }\n`);
      execFileSync('mkfifo', [join(dirname(path), 'record.fifo')]);
    },
    args: (f) => ['test', f],
    exit: 1,
    code: 'the record "record.fifo" is not a regular file',
  },
  ...([
    ['test', 'test-folder-fifo-test-file', 'tests/school-hygiene.test.yaml', 'scoresheet test dir/ whose tests/<name>.test.yaml is a FIFO hangs', 2, 'school-hygiene.test.yaml:1:1  error  file_not_found'],
    ['check', 'check-folder-fifo-standard', 'evil.yaml', 'a FIFO named *.yaml in a folder given to check hangs the directory expansion', 0, '1 standard(s) checked: 0 error(s)'],
  ] as const).map(([command, file, fifo, attack, exit, code]) => ({
    file,
    attacks: `item 14: ${attack}`,
    make: (path: string) => {
      mkdirSync(join(path, 'tests'), { recursive: true });
      copyFileSync(join(ROOT, 'standards/school-hygiene.yaml'), join(path, 'school-hygiene.yaml'));
      execFileSync('mkfifo', [join(path, fifo)]);
    },
    args: (f: string) => [command, f],
    exit,
    code,
  })),
  ...(['units', 'roster'] as const).map((flag) => ({
    file: `${flag}-fifo.csv`,
    attacks: `item 14: --${flag} names a FIFO, and rank hangs waiting for a writer`,
    make: (path: string) => execFileSync('mkfifo', [path]),
    args: (file: string) => ['rank', '--standard', 'standards/school-hygiene.yaml', '--period', 'week', `--${flag}`, file, 'fixtures/csv/school-week.json'],
    exit: 2,
    code: `${flag}-fifo.csv:1:1  error  file_not_found  cannot read the file: it is not a regular file`,
  })),
  {
    file: 'roster-oversized.csv',
    attacks: 'item 14: a --roster file past the documented limit (16 MiB, sparse) is read whole',
    make: (path) => {
      writeFileSync(path, '');
      truncateSync(path, MAX_ROSTER_BYTES + 1);
    },
    args: (f) => ['score', '--standard', 'standards/school-hygiene.yaml', '--roster', f, 'fixtures/csv/school-week.json'],
    exit: 2,
    code: 'file_too_large  the file is 16777217 bytes; a roster may be at most 16777216 bytes',
  },
  ...([
    ['map', ['score']],
    ['calendar', ['rank', '--period', 'term']],
  ] as const).map(([flag, command]) => ({
    file: `${flag}-dev-zero.yaml`,
    attacks: `item 14: --${flag} is a link to /dev/zero, read without bound (the calendar's 1 MiB bound now in the one shared reader)`,
    make: (path: string) => symlinkSync('/dev/zero', path),
    args: (file: string) => [...command, '--standard', 'standards/school-hygiene.yaml', `--${flag}`, file, 'fixtures/csv/school-week.json'],
    exit: 2,
    code: `${flag}-dev-zero.yaml:1:1  error  file_not_found  cannot read the file: it is not a regular file`,
  })),

  // — workbooks (issue 19): each refused with its reason and bounded memory, or read as far as it can be
  ...([
    ['xlsx-zip-bomb.xlsx', 'a 70 KB workbook whose sheet unpacks to 64 MiB (a zip bomb): refused before exceljs unpacks it', 2, 'unreadable_input  cannot read test/hostile/xlsx-zip-bomb.xlsx: the workbook unpacks to more than 8388608 bytes'],
    ['xlsx-120k-empty-rows.xlsx', 'a sheet of empty rows below its records (a million in xlsx-million-empty-rows.xlsx, measured by check:hostile): exceljs would hold each (600 MB for a million); past 100000 rows it is read row by row, empty ones dropped, and its record is scored', 0, 'scored 1, rejected 0'],
    ['xlsx-formulas-in-cells.xlsx', 'formulas in cells (a DDE command, a HYPERLINK, one never calculated, an error): never evaluated; a saved value is read, the others leave their row out, named by cell', 1, 'xlsx-formulas-in-cells.xlsx!Sheet1!A4  error  record_invalid'],
    ['xlsx-password-protected.xlsx', 'a password-protected workbook (an OLE compound file): said so, not "corrupt zip"', 2, 'it is a password-protected workbook'],
    ['xlsx-not-a-zip.xlsx', 'a CSV renamed .xlsx: said so', 2, 'it is not an .xlsx workbook'],
  ] as const).map(([file, attack, exit, code]) => ({
    file,
    attacks: `issue 19: ${attack}`,
    args: (f: string) => ['score', '--standard', 'standards/school-hygiene.yaml', f],
    exit,
    code,
  })),

  // — output injection (items 15–16)
  ...(['score', 'rank'] as const).map((command) => ({
    file: 'csv-formula-in-names.json',
    attacks: `item 15: formulas (=, +, -, @, tab, CR) in a record's names and notes, ${command} --format csv: each cell starts with OWASP's '`,
    args: (file: string) => [command, '--standard', 'standards/school-hygiene.yaml', ...(command === 'rank' ? ['--period', 'week', '--group-by', 'grade'] : []), '--format', 'csv', file],
    exit: 0,
    forbid: ['\n@SUM', ',=HYPERLINK', ',"=HYPERLINK', ',+cmd', ',\t=1', ',-2+3', ',"\r=1'],
  })),
  ...(['score', 'rank'] as const).map((command) => ({
    file: 'html-in-names.json',
    attacks: `item 16: <script>, <img onerror>, <iframe> in unit, group, record and inspector names and notes, ${command} --format md: entities, never raw HTML`,
    args: (file: string) => [command, '--standard', 'standards/school-hygiene.yaml', ...(command === 'rank' ? ['--period', 'week', '--group-by', 'grade'] : []), '--format', 'md', file],
    exit: 0,
    forbid: ['<script', '<img', '<iframe', '<b>', '<i>'],
  })),
  {
    file: 'html-in-names.json',
    attacks: 'item 16: the same names through diff --records --format md (its changed scores name the unit and record): entities, never raw HTML',
    args: (file: string) => ['diff', 'standards/school-hygiene.yaml', 'standards/county-school-hygiene.yaml', '--records', file, '--period', 'week', '--group-by', 'grade', '--format', 'md'],
    exit: 0,
    forbid: ['<script', '<b>'],
  },
  ...(['rank', 'report'] as const).map((command) => ({
    file: 'calendar-overlapping-terms.yaml',
    attacks: `item 11: two terms of a --calendar share days (${command}): refused at the later term's from, exit 2 as for a bad roster`,
    args: (file: string) => [command, '--standard', 'standards/school-hygiene.yaml', '--period', 'term', '--calendar', file, 'fixtures/csv/school-week.json', ...(command === 'report' ? ['--format', 'md'] : [])],
    exit: 2,
    code: 'calendar-overlapping-terms.yaml:7:11  error  term_overlap',
  })),
  {
    file: 'calendar-term-ends-before-it-starts.yaml',
    attacks: 'item 11: a term of a --calendar ends before it starts: refused at its to, exit 2',
    args: (file: string) => ['rank', '--standard', 'standards/school-hygiene.yaml', '--period', 'term', '--calendar', file, 'fixtures/csv/school-week.json'],
    exit: 2,
    code: 'calendar-term-ends-before-it-starts.yaml:8:9  error  range_inverted',
  },

  // — bounded resources (item 17)
  {
    file: 'rank-160k-records.ndjson',
    attacks: 'item 17: rank over 160,000 records (a list spread into push() overflowed the stack past ~150,000; test/no-unbounded-spread.test.ts keeps src/ free of such spreads)',
    make: (path) => {
      const lines: string[] = [];
      for (let i = 0; i < 160_000; i++) lines.push(`{"unit":{"id":"c${i % 40}"},"date":"2024-09-0${2 + (i % 5)}","kind":"random","findings":[]}`);
      writeFileSync(path, lines.join('\n') + '\n');
    },
    args: (file) => ['rank', file, '--standard', 'standards/school-hygiene.yaml', '--period', 'week', '--format', 'csv'],
    exit: 0,
    forbid: ['Maximum call stack size exceeded', 'internal error'],
  },
  {
    file: 'ndjson-line-over-max-record-bytes.ndjson',
    attacks: 'item 18: an NDJSON line longer than --max-record-bytes is refused on its line, the lines around it scored',
    args: (file) => ['score', file, '--standard', 'standards/school-hygiene.yaml', '--max-record-bytes', '2k'],
    exit: 1,
    code: 'record_too_large',
  },

];

/**
 * A FIFO (a read that waits for a writer forever) or /dev/zero (a read that never ends): a regression
 * would hang or fill the test process, so these run the built binary, killed after a while.
 */
const needsOwnProcess = (c: HostileCase) => /FIFO|\/dev\/zero/.test(c.attacks);

describe('hostile corpus', () => {
  it('runs the cases that could hang or fill memory in a process of their own', () => {
    expect(CASES.filter(needsOwnProcess).length).toBeGreaterThanOrEqual(8);
  });

  for (const c of CASES) {
    it(`${c.file}: ${c.attacks} → exit ${c.exit}${c.code ? `, ${c.code}` : ''}`, async () => {
      const path = c.make ? join(tmp, c.file) : join(HERE, c.file);
      c.make?.(path);
      const input = c.stdin ? { input: c.stdin(join(ROOT, path)) } : {};
      const r = needsOwnProcess(c) ? runBuiltCli(c.args(path), { ...input, timeout: 30_000 }) : await runCli(c.args(path), input);
      const output = r.stdout + r.stderr;
      if (c.code) expect(output).toContain(c.code);
      for (const text of c.forbid ?? []) expect(output).not.toContain(text);
      expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace: every failure is a diagnostic
      expect(r.code, output.slice(0, 2000)).toBe(c.exit);
    });
  }
});
