/**
 * `scoresheet score` on CSV sheets, run in-process (`main`): exit codes (0 all scored; 1 some
 * rejected or --fail-on matched; 2 could not run) and what each output format says.
 *
 * The golden report of the dirty GBK sheet (test/golden/csv-school-dirty.zh-CN.txt) was checked by a
 * human once, row by row against fixtures/csv/README.md: d1 loses 2 (工具角) + 2 (Monday area) = 96;
 * d7 is clean; d10 loses 1 (random area); d11 loses 3 (county event, environment); each bad row is
 * named by its spreadsheet row, its index and its field, and nothing else is rejected.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/diagnostics.js';
import { runCli } from '../support/cli.js';

const SCHOOL = ['--standard', 'standards/school-hygiene.yaml'];
const LONG = ['--map', 'fixtures/csv/school-hygiene.long.map.yaml'];
const WIDE = ['--map', 'fixtures/csv/school-hygiene.wide.map.yaml'];
const DIRTY = 'fixtures/csv/school-dirty.gbk.csv';
const tmp = mkdtempSync(join(tmpdir(), 'scoresheet-score-'));

describe('scoresheet score: CSV in', () => {
  it('exits 0 when every row of a long, a wide and a GBK sheet is scored, all alike', async () => {
    const outputs = [
      await runCli(['score', 'fixtures/csv/school-week.long.csv', ...SCHOOL, ...LONG, '--format', 'json']),
      await runCli(['score', 'fixtures/csv/school-week.wide.csv', ...SCHOOL, ...WIDE, '--format', 'json']),
      // GBK without --encoding: detected because the bytes are not UTF-8.
      await runCli(['score', 'fixtures/csv/school-week.gbk.csv', ...SCHOOL, ...LONG, '--format', 'json']),
      await runCli(['score', 'fixtures/csv/school-week.json', ...SCHOOL, '--format', 'json']),
    ];
    for (const r of outputs) expect([r.code, r.stderr]).toEqual([0, '']);
    const [first, ...rest] = outputs.map((r) => JSON.parse(r.stdout) as { scorecards: unknown[]; summary: { scored: number; rejected: number } });
    expect(first!.summary).toMatchObject({ scored: 24, rejected: 0 });
    for (const other of rest) expect(other).toEqual(first);
  });

  it("heads each scorecard with the inspection's kind as the standard names it, in text and Markdown", async () => {
    const zh = await runCli(['score', 'fixtures/csv/school-week.json', ...SCHOOL, '--lang', 'zh-CN']);
    expect(zh.stdout).toMatch(/^高一\(1\)班 \(g1-01\)  2024-03-04  周一定期检查  德育处  /m);
    const md = await runCli(['score', 'fixtures/csv/school-week.json', ...SCHOOL, '--format', 'md']);
    expect(md.stdout).toContain('### 高一(1)班 (g1-01) · 2024-03-04 · Monday scheduled check · 德育处');
  });

  it('reports a bad cell and an unknown item of one inspection together, each on its own row', async () => {
    const sheet = join(tmp, 'two-problems.csv');
    writeFileSync(
      sheet,
      [
        '记录编号,单位编号,单位名称,日期,检查类型,活动级别,检查人,检查项,次数,分值,说明',
        'x1,g1-01,高一(1)班,2024-03-04,周一定期检查,,德育处,黑板,1.5,,',
        'x1,g1-01,高一(1)班,2024-03-04,周一定期检查,,德育处,blackbord,1,,',
      ].join('\n') + '\n',
    );
    const r = await runCli(['score', sheet, ...SCHOOL, ...LONG]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${sheet}:2:9  error  not_whole_number  [#0] findings[0].count`);
    expect(r.stderr).toContain(`${sheet}:3:8  error  unknown_item  [#0] findings[1].item: unknown item "blackbord" (did you mean "blackboard"?)`);
  });

  it('--format ndjson writes the scorecards of a YAML or JSON file too, one a line, and its problems on stderr', async () => {
    const r = await runCli(['score', 'fixtures/csv/school-week.yaml', ...SCHOOL, '--format', 'ndjson']);
    expect(r.code).toBe(0);
    const cards = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as { record: string });
    expect(cards).toHaveLength(24);
    expect(cards[0]!.record).toBe('2024-03-04-g1-01');
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '[{"standard":"school-hygiene","unit":{"id":"c1"},"date":"2024-03-04","kind":"scheduled",\n "findings":[{"item":"flor"}]}]');
    const b = await runCli(['score', bad, ...SCHOOL, '--format', 'ndjson']);
    expect([b.code, b.stdout]).toEqual([1, '']);
    expect(b.stderr).toContain(`${bad}:2:22  error  unknown_item  [#0] findings[0].item`);
  });

  it('exits 1 for the dirty GBK sheet and reports each bad row (golden, checked by a human)', async () => {
    const r = await runCli(['score', DIRTY, ...SCHOOL, ...LONG, '--lang', 'zh-CN']);
    expect(r.code).toBe(1);
    // The scorecards and the summary on stdout; each bad row on stderr as it is found.
    await expect(r.stdout).toMatchFileSnapshot('../golden/csv-school-dirty.zh-CN.txt');
    await expect(r.stderr).toMatchFileSnapshot('../golden/csv-school-dirty.zh-CN.stderr.txt');
  });

  it('rejects exactly these rows of the dirty sheet, by value', async () => {
    const r = await runCli(['score', DIRTY, ...SCHOOL, ...LONG, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { rejected: { line: number; index: number; code: string; path: (string | number)[]; data?: Record<string, unknown> }[]; scorecards: { record: string; total: number }[] };
    expect(out.rejected.map((d) => [d.line, d.index, d.code, formatPath(d.path)])).toEqual([
      [4, 1, 'invalid_date', 'date'], // 2010-09-31
      [5, 2, 'unknown_item', 'findings[0].item'], // tool-coner
      [6, 3, 'points_out_of_range', 'findings[0].points'], // 4 points; the range is 1–3
      [7, 4, 'not_whole_number', 'findings[0].count'], // "abc" as a count
      [8, 5, 'not_whole_number', 'findings[0].count'], // 1.5 as a count
      [10, 7, 'unknown_kind', 'kind'], // 周三检查
      [12, 8, 'record_invalid', 'findings[1].item'], // points with no item
      [14, 10, 'duplicate_record', 'id'], // d1 again
    ]);
    expect(out.rejected[1]!.data).toEqual({ item: 'tool-coner', suggestion: 'tool-corner' });
    expect(out.scorecards.map((c) => [c.record, c.total])).toEqual([['d1', 96], ['d7', 100], ['d10', 99], ['d11', 97]]);
  });

  it('exits 1 when --fail-on matches, though every row is scored', async () => {
    const sheet = join(tmp, 'no-level.csv');
    writeFileSync(sheet, '记录编号,单位编号,单位名称,日期,检查类型,活动级别,检查人,检查项,次数,分值,说明\ne1,g1-01,高一(1)班,2024-03-15,重大活动检查,,县教育局,黑板,1,,\n');
    const r = await runCli(['score', sheet, ...SCHOOL, ...LONG, '--fail-on', 'indeterminate']);
    expect(r.stdout).toContain('scored 1, rejected 0');
    expect(r.code).toBe(1);
    expect((await runCli(['score', sheet, ...SCHOOL, ...LONG])).code).toBe(0);
  });

  it('reads a sheet from stdin with --input-format csv, and streams it with --format ndjson', async () => {
    const input = readFileSync('fixtures/csv/school-week.gbk.csv');
    const text = await runCli(['score', '-', ...SCHOOL, ...LONG, '--input-format', 'csv'], { input });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('scored 24, rejected 0');
    const ndjson = await runCli(['score', '-', ...SCHOOL, ...LONG, '--input-format', 'csv', '--format', 'ndjson'], { input });
    expect(ndjson.code).toBe(0);
    expect(ndjson.stdout.trim().split('\n')).toHaveLength(24);
    const dirty = await runCli(['score', DIRTY, ...SCHOOL, ...LONG, '--format', 'ndjson']);
    expect(dirty.code).toBe(1);
    expect(dirty.stdout.trim().split('\n')).toHaveLength(4);
    // Streamed, a problem found while scoring still names the row of its finding.
    expect(dirty.stderr).toContain('school-dirty.gbk.csv:6:10  error  points_out_of_range  [#3] findings[0].points');
  });

  it('needs no map when the headers are field names', async () => {
    const sheet = join(tmp, 'fields.csv');
    writeFileSync(sheet, 'unit.id,date,kind,finding.item,finding.points\ng1-01,2024-03-04,scheduled,tool-corner,1.5\n');
    const r = await runCli(['score', sheet, ...SCHOOL, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).scorecards[0].total).toBe(96.5);
  });
});

describe('scoresheet score: CSV and Markdown out', () => {
  it('--format csv: UTF-8 with BOM, one row per scorecard line, the summary on stderr', async () => {
    const r = await runCli(['score', 'fixtures/csv/school-week.wide.csv', ...SCHOOL, ...WIDE, '--format', 'csv', '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFF记录编号,标准,单位编号,单位,日期')).toBe(true);
    const rows = parse(r.stdout, { bom: true, columns: true }) as Record<string, string>[];
    const json = JSON.parse((await runCli(['score', 'fixtures/csv/school-week.wide.csv', ...SCHOOL, ...WIDE, '--format', 'json'])).stdout) as { scorecards: { lines: unknown[]; total: number; record: string }[] };
    expect(rows).toHaveLength(json.scorecards.reduce((n, c) => n + Math.max(1, c.lines.length), 0));
    for (const card of json.scorecards) {
      const own = rows.filter((row) => row['记录编号'] === card.record);
      expect(own.every((row) => Number(row['总分']) === card.total)).toBe(true);
    }
    // The school standard only deducts.
    const lines = rows.filter((row) => row['序号'] !== '');
    expect(lines.every((row) => Number(row['分数']) < 0)).toBe(true);
    expect(r.stderr).toContain('已评分 24，被拒绝 0');
  });

  it('--format csv with rejected rows: the sheet on stdout, the rejections on stderr, exit 1', async () => {
    const r = await runCli(['score', DIRTY, ...SCHOOL, ...LONG, '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(parse(r.stdout, { bom: true, columns: true })).toHaveLength(5); // d1 has 2 lines; d7, d10, d11 one row each
    expect(r.stderr.split('\n').filter((l) => l.includes('  error  '))).toHaveLength(8);
  });

  it('--format md: a table per scorecard, the rejected records, the summary', async () => {
    const r = await runCli(['score', DIRTY, ...SCHOOL, ...LONG, '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('### 高一(1)班 (g1-01) · 2024-03-11 · Monday scheduled check · 德育处 · #d1');
    expect(r.stdout).toContain('school-hygiene@2024.1 · total **96** · band — · verdict **pass**');
    expect(r.stdout).toContain('| item | type | points | reason | note | source |');
    expect(r.stdout).toContain('| Cleaning-tool corner | deduction | -2 |');
    expect(r.stdout).toContain('| fixtures/csv/school-dirty.gbk.csv:5:8 | #2 | findings[0].item | unknown_item | unknown item "tool-coner" (did you mean "tool-corner"?) |');
    expect(r.stdout).toContain('## Summary\n\nscored 4, rejected 8; pass 4, fail 0, indeterminate 0, not eligible 0');
    expect(r.stdout.match(/^### /gm)).toHaveLength(4);
  });
});

describe('scoresheet score: exit 2, could not run', () => {
  it('a bad standard', async () => {
    const broken = join(tmp, 'broken.yaml');
    writeFileSync(broken, 'id: broken\nversion: "1"\ncategories: [\n');
    const r = await runCli(['score', 'fixtures/csv/school-week.long.csv', '--standard', broken, ...LONG]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.yaml');
  });

  it('a missing sheet, a missing map file', async () => {
    const missing = await runCli(['score', 'fixtures/csv/nope.csv', ...SCHOOL, ...LONG]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('cannot read fixtures/csv/nope.csv')]);

    expect((await runCli(['score', 'fixtures/csv/school-week.long.csv', ...SCHOOL, '--map', 'fixtures/csv/nope.map.yaml'])).code).toBe(2);
  });

  it('a sheet that needs a map, a map that is not valid, a map that does not fit the sheet', async () => {
    const noMap = await runCli(['score', 'fixtures/csv/school-week.long.csv', ...SCHOOL]);
    expect([noMap.code, noMap.stderr]).toEqual([2, expect.stringContaining('this CSV needs a map (--map')]);

    const badMap = join(tmp, 'bad.map.yaml');
    writeFileSync(badMap, 'layout: long\ncolumns:\n  日期: datum\n');
    const bad = await runCli(['score', 'fixtures/csv/school-week.long.csv', ...SCHOOL, '--map', badMap]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('bad.map.yaml:3:7  error  invalid_map  columns.日期: unknown field "datum"')]);

    const misfit = await runCli(['score', 'fixtures/csv/school-week.wide.csv', ...SCHOOL, ...LONG]);
    expect([misfit.code, misfit.stderr]).toEqual([2, expect.stringContaining('the map names the column "检查项", which the CSV header (row 1) does not have')]);
  });

  it('--output-encoding gb18030 writes the same sheet in GB18030 for Excel on a Chinese Windows machine', async () => {
    const args = ['score', 'fixtures/csv/school-week.long.csv', ...SCHOOL, ...LONG, '--format', 'csv'];
    const gb = await runCli([...args, '--output-encoding', 'gb18030']);
    const utf8 = await runCli(args);
    expect(gb.code).toBe(0);
    const bytes = new Uint8Array(gb.stdoutBytes);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(utf8.stdout.replace(/^\uFEFF/, ''));
  });

  it('bad arguments: --output-encoding without csv, an unknown format', async () => {
    expect((await runCli(['score', 'fixtures/csv/school-week.long.csv', ...SCHOOL, ...LONG, '--output-encoding', 'utf-8'])).code).toBe(2);
    expect((await runCli(['score', 'fixtures/csv/school-week.long.csv', ...SCHOOL, ...LONG, '--format', 'xlsx'])).code).toBe(2);
    expect((await runCli(['score', 'fixtures/csv/school-week.long.csv', ...SCHOOL, ...LONG, '--format', 'csv', '--output-encoding', 'utf-8'])).code).toBe(0);
  });

  it('--encoding utf-8 on GBK bytes (and --encoding gbk reads them)', async () => {
    const forced = await runCli(['score', 'fixtures/csv/school-week.gbk.csv', ...SCHOOL, ...LONG, '--encoding', 'utf-8']);
    expect([forced.code, forced.stderr]).toEqual([2, expect.stringMatching(/does not have[^]*school-week\.gbk\.csv:1:1  error  invalid_encoding  byte 0xbc at line 1 \(byte 0 of the file\) is not UTF-8/)]);
    // Told it is GBK, it is read as GBK.
    expect((await runCli(['score', 'fixtures/csv/school-week.gbk.csv', ...SCHOOL, ...LONG, '--encoding', 'gbk'])).code).toBe(0);
  });
});
