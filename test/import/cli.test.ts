/** `scoresheet import lives` through the CLI (in-process), on a small synthetic LIVES feed. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const KY = 'standards/ky-food-establishment.yaml';
let dir: string;
let feedDir: string;

/** A feed: a clean inspection, one with item 8 twice and 19, an ambiguous key, and one marking item 39 (points unknown). */
function writeFeed(path: string, inspections: string, violations: string): void {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'businesses.csv'), 'business_id,name,address,city,state\n1,ALPHA,1 MAIN ST,Lexington,KY\n2,BETA,2 MAIN ST,Lexington,KY\n3,GAMMA,3 MAIN ST,Lexington,KY\n');
  writeFileSync(join(path, 'feed_info.csv'), 'feed_date,feed_version,municipality_name,municipality_url,contact_email\n20160819,2.0,Testville,http://example.org,x@example.org\n');
  writeFileSync(join(path, 'inspections.csv'), 'business_id,score,date\n' + inspections);
  writeFileSync(join(path, 'violations.csv'), 'business_id,date,code,description\n' + violations);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-lives-'));
  feedDir = join(dir, 'feed');
  writeFeed(
    feedDir,
    '1,100,7/1/16\n1,97,7/8/16\n2,86,3/30/16\n2,98,3/30/16\n3,98,1/5/16\n',
    '1,7/8/16,8,a\n1,7/8/16,19,b\n1,7/8/16,8,c\n2,3/30/16,3,d\n2,3/30/16,8,e\n3,1/5/16,39,f\n3,1/5/16,32,g\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

describe('scoresheet import lives', () => {
  it('writes one record per inspection as NDJSON on standard output, and says what it read on stderr', async () => {
    const r = await runCli(['import', 'lives', feedDir]);
    expect(r.code).toBe(0);
    const records = lines(r.stdout).map((l) => JSON.parse(l));
    expect(records.map((x) => [x.id, x.unit.name, x.date, x.facts.officialScore, x.findings.map((f: { item: string }) => f.item).join(' ')])).toEqual([
      ['lives:1:2016-07-01', 'ALPHA', '2016-07-01', 100, ''],
      ['lives:1:2016-07-08', 'ALPHA', '2016-07-08', 97, '8 19 8'],
      ['lives:2:2016-03-30:1', 'BETA', '2016-03-30', 86, '3 8 findings-uncertain'],
      ['lives:2:2016-03-30:2', 'BETA', '2016-03-30', 98, '3 8 findings-uncertain'],
      ['lives:3:2016-01-05', 'GAMMA', '2016-01-05', 98, '39 32'],
    ]);
    expect(r.stderr).toContain('LIVES feed of Testville (2016-08-19, version 2.0): 3 businesses, 5 inspections, 7 violations → 5 records; 1 business+date keys hold 2+ inspections (2 records); 2 records have uncertain findings');
  });

  it('-o writes the records to a file; `score` over that file gives what `import --standard` gives', async () => {
    const out = join(dir, 'records.ndjson');
    const imported = await runCli(['import', 'lives', feedDir, '-o', out]);
    expect([imported.code, imported.stdout]).toEqual([0, '']);
    expect(lines(readFileSync(out, 'utf8'))).toHaveLength(5);
    const viaScore = JSON.parse((await runCli(['score', '--standard', KY, '--format', 'json', out])).stdout);
    const direct = await runCli(['import', 'lives', feedDir, '--standard', KY, '--format', 'json']);
    expect(direct.code).toBe(0);
    const cards = JSON.parse(direct.stdout);
    const view = (c: { record: string; total: number; complete: boolean; band: { id: string } | null; verdict: string }) => [c.record, c.total, c.complete, c.band?.id ?? null, c.verdict];
    expect(cards.scorecards.map(view)).toEqual(viaScore.scorecards.map(view));
    expect(cards.scorecards.map(view)).toEqual([
      ['lives:1:2016-07-01', 100, true, 'satisfactory', 'pass'],
      ['lives:1:2016-07-08', 97, true, 'satisfactory', 'pass'], // 8 (2) once + 19 (1)
      ['lives:2:2016-03-30:1', 93, false, null, 'indeterminate'], // ambiguous key: 93 is only a lower bound
      ['lives:2:2016-03-30:2', 93, false, null, 'indeterminate'],
      ['lives:3:2016-01-05', 99, false, null, 'indeterminate'], // item 39: points unknown, never 0
    ]);
    expect(cards.summary).toEqual({ scored: 5, rejected: 0, pass: 2, fail: 0, indeterminate: 3, not_eligible: 0 });
  });

  it('text output prints scorecards like `score` does', async () => {
    const r = await runCli(['import', 'lives', feedDir, '--standard', KY]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ALPHA (1)  2016-07-08  ky-food-establishment@2016  #lives:1:2016-07-08');
    expect(r.stdout).toContain('not met, but the standard gives no points for it: the total is unknown');
    expect(r.stdout).toContain('scored 5, rejected 0; pass 2, fail 0, indeterminate 3, not eligible 0');
  });

  it('--format md prints the scorecards as Markdown, like `score` does (it printed text)', async () => {
    const r = await runCli(['import', 'lives', feedDir, '--standard', KY, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## Scorecards');
    expect(r.stdout).toContain('### ALPHA (1) · 2016-07-08 · #lives:1:2016-07-08');
  });

  it('--compare: the agreement table and band counts; exit 0 when nothing differs', async () => {
    const r = await runCli(['import', 'lives', feedDir, '--standard', KY, '--compare', '--format', 'json']);
    expect(r.code).toBe(0);
    const { agreement } = JSON.parse(r.stdout);
    expect(agreement.counts).toEqual({ exact: 2, exact_inferred: 0, differs: 0, ambiguous_key: 2, unknown_item: 1, uncertain: 0, no_official_score: 0, rejected: 0 });
    expect(agreement.bands.map((b: { id: string; computed: number; official: number }) => [b.id, b.computed, b.official])).toEqual([
      ['satisfactory', 2, 5], ['reinspection', 0, 0], ['permit-suspension', 0, 0], ['', 3, 0],
    ]);
    const text = await runCli(['import', 'lives', feedDir, '--standard', KY, '--compare']);
    expect(text.stdout).toMatch(/exact \(items with published points only\)\s+2\n/);
    expect(text.stdout).toMatch(/unknown item points \(39–44\): indeterminate\s+1\n/);
  });

  it('--compare exits 1 and lists the inspection when a total differs from the official score', async () => {
    const other = join(dir, 'differs');
    writeFeed(other, '1,90,7/8/16\n', '1,7/8/16,8,a\n');
    const r = await runCli(['import', 'lives', other, '--standard', KY, '--compare']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('lives:1:2016-07-08 (business 1, 2016-07-08): official 90, computed 98');
  });

  it('a standard without the findings-uncertain item rejects the ambiguous records: still no score claimed', async () => {
    const standard = join(dir, 'tiny.yaml');
    writeFileSync(standard, 'id: tiny\nversion: "1"\nname: { en: Tiny }\nscoring: { mode: deduct, base: 100 }\ncategories:\n  - id: c\n    name: { en: C }\n    items:\n' +
      ['3', '8', '19', '32', '39'].map((i) => `      - { id: "${i}", name: { en: "Item ${i}" }, rules: [ { kind: fixed, points: 1 } ] }\n`).join(''));
    const r = await runCli(['import', 'lives', feedDir, '--standard', standard, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.scorecards.map((c: { record: string }) => c.record)).toEqual(['lives:1:2016-07-01', 'lives:1:2016-07-08', 'lives:3:2016-01-05']);
    expect(out.rejected.map((d: { code: string; data: { item: string } }) => [d.code, d.data.item])).toEqual([['unknown_item', 'findings-uncertain'], ['unknown_item', 'findings-uncertain']]);
  });

  it('could not run (exit 2): a missing file, an unknown feed format, --compare without --standard', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const missing = await runCli(['import', 'lives', empty]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/businesses\.csv:1:1  error  file_not_found  cannot read the file/);
    expect((await runCli(['import', 'yelp', feedDir])).code).toBe(2);
    expect((await runCli(['import', 'lives', feedDir, '--compare'])).code).toBe(2);
  });

  it('reads each feed file within --max-file-bytes: a larger one is file_too_large, nothing is read past it', async () => {
    const r = await runCli(['import', 'lives', feedDir, '--max-file-bytes', '100']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/businesses\.csv:1:1  error  file_too_large  the file is \d+ bytes; a LIVES feed file may be at most 100 bytes/);
  });

  it('says what it read in the command\'s language (zh-CN)', async () => {
    const r = await runCli(['import', 'lives', feedDir, '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('LIVES 数据（Testville），2016-08-19，版本 2.0：3 家经营单位、5 次检查、7 条违规 → 5 条记录；1 个“单位+日期”键对应 2 次以上检查（2 条记录）；2 条记录的问题项不确定');
  });
});
