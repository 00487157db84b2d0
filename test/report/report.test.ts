/**
 * The report model, its HTML and Markdown, the SVG charts, and the `report` command (the CLI in-process; the bundle checked in dist/).
 * What a person sees in a browser is checked in browser.test.ts.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLeague } from '../../src/rank/league.js';
import { readDocumentRecords } from '../../src/records/read.js';
import { FONT_STACK } from '../../src/report/html-style.js';
import { renderReportHtml } from '../../src/report/html.js';
import { buildReport, type Report } from '../../src/report/report.js';
import { renderReportMarkdown } from '../../src/report/report-markdown.js';
import { lineChart, niceTicks, sparkline } from '../../src/report/svg.js';
import { scoreBatch } from '../../src/score/batch.js';
import { compileStandard } from '../../src/compile/standard.js';
import { StandardSet } from '../../src/score/editions.js';
import { ROOT, runNode } from '../support/built.js';
import { runCli } from '../support/cli.js';
import { SCHOOL_ARGS, schoolLeague, type SchoolLeague } from './school.js';

let school: SchoolLeague;
let report: Report;
beforeAll(async () => {
  school = await schoolLeague();
  report = buildReport(school.league, school.standard, { scorecards: school.scorecards, calendar: school.calendar });
});

const linesOf = (r: Report) => r.units.flatMap((u) => u.periods.flatMap((p) => p.detailed.flatMap((i) => i.lines)));

describe('buildReport (school fixture)', () => {
  it('is as of the latest week, with every week, grade and class', () => {
    expect(report.periods.map((p) => p.termWeek)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(report.current?.key).toBe('2024-W16');
    expect(report.tables).toHaveLength(24);
    expect(report.tables.filter((t) => t.period.key === '2024-W16').map((t) => [t.group, t.rows.length])).toEqual([['高一', 10], ['高二', 10], ['高三', 10]]);
    expect(report.units).toHaveLength(30);
    expect(report.units.slice(0, 2).map((u) => u.unit.name)).toEqual(['高一(1)班', '高一(2)班']);
    expect(report.totals).toEqual({ inspections: 722, units: 30, lines: school.league.results.reduce((s, r) => s + r.lines.length, 0), rejected: 0 });
  });

  it('accounts for every inspection and every line, with the scorecards and without', () => {
    const without = buildReport(school.league, school.standard);
    for (const r of [report, without]) {
      expect(linesOf(r)).toHaveLength(r.totals.lines);
      for (const u of r.units) for (const p of u.periods) expect(p.detailed.length + p.clean, `${u.unit.id} ${p.period.key}`).toBe(p.inspections);
    }
    // Only the scorecards know the kind, inspector and total of an inspection.
    const first = report.units[0]!.periods[0]!.detailed[0]!;
    expect(first).toMatchObject({ kind: 'scheduled', inspector: '德育处（周一定期检查）', total: 98 });
    expect(without.units[0]!.periods[0]!.detailed[0]!.kind).toBeUndefined();
  });

  it("traces 高一(10)班's week 1 (hand-computed in test/rank/school-fixture.test.ts) to its deductions and clauses", () => {
    const week1 = report.units.find((u) => u.unit.id === 'g1-10')!.periods[0]!;
    expect([week1.score, week1.rank, week1.ranked, week1.inspections, week1.clean]).toEqual([94, 10, 10, 3, 0]);
    expect(week1.detailed.map((i) => [i.date, i.lines.map((l) => [l.item, l.points, l.source])])).toEqual([
      ['2024-02-26', [['tool-corner', -2, '000:429'], ['classroom', -2, '000:471–475']]],
      ['2024-02-28', [['classroom', -1, '000:471–475']]],
      ['2024-03-01', [['classroom', -1, '000:471–475']]],
    ]);
  });

  it('gives each row its awards, as the league does', () => {
    expect(school.league.awards.filter((a) => a.holders.length > 0).length).toBeGreaterThan(0);
    for (const t of report.tables) {
      const holders = school.league.awards.filter((a) => a.period === t.period.key && a.group === t.group).flatMap((a) => a.holders);
      expect(t.rows.filter((r) => r.awards.includes('red-flag')).map((r) => r.unit.id)).toEqual(holders);
    }
  });

  it('lists the costliest items, most first, and they add up to every point lost', () => {
    const all = buildReport(school.league, school.standard, { top: 1000 });
    const lost = linesOf(all).reduce((s, l) => s + Math.max(0, -l.points), 0);
    expect(all.costliest.reduce((s, c) => s + c.points!, 0)).toBeCloseTo(lost, 6);
    const points = all.costliest.map((c) => c.points!);
    expect(points).toEqual([...points].sort((a, b) => b - a));
    expect(report.costliest.length).toBeLessThanOrEqual(10);
    expect(buildReport(school.league, school.standard, { top: 1 }).costliest).toEqual([all.costliest[0]]);
  });

  it('--at stops at a week: later weeks are left out, warnings and streaks are counted up to it', () => {
    const at = buildReport(school.league, school.standard, { at: '2024-W11', scorecards: school.scorecards, calendar: school.calendar });
    expect(at.periods.map((p) => p.key)).toEqual(['2024-W09', '2024-W10', '2024-W11']);
    expect(at.current?.key).toBe('2024-W11');
    expect(at.units.every((u) => u.periods.length === 3)).toBe(true);
    // The same as a league built from the records up to the end of week 3.
    const upTo = buildLeague(school.standard, school.scorecards.filter((c) => c.date <= '2024-03-17'), { period: 'week', groupBy: 'grade', calendar: school.calendar, units: school.league.results.slice(0, 30).map((r) => r.unit) });
    expect(at.streaks).toEqual(upTo.streaks);
    expect(at.warnings).toEqual(upTo.warnings);
    expect(() => buildReport(school.league, school.standard, { at: '2030-W01' })).toThrow(/no period 2030-W01/);
  });
});

describe('renderReportHtml', () => {
  let html: string;
  beforeAll(() => {
    html = renderReportHtml(report);
  });

  it('is one self-contained file: no script, nothing fetched, system CJK fonts', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\bsrc=|\bon[a-z]+=/i);
    // The only URL is the SVG namespace.
    expect([...new Set(html.match(/https?:\/\/[^\s"'<>)]+/g))]).toEqual(['http://www.w3.org/2000/svg']);
    expect(html).toContain(`font-family: ${FONT_STACK}`);
    expect(FONT_STACK).toBe('"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif');
  });

  it('has real tables: column headers and row headers with scope', () => {
    const headerCells = html.match(/<th\b[^>]*>/g)!;
    expect(headerCells.length).toBeGreaterThan(100);
    for (const th of headerCells) expect(th).toMatch(/scope="(col|row|rowgroup)"/);
    expect(html.match(/<table class="league">/g)).toHaveLength(24);
  });

  it('shows the 评比栏, boards, red flags, every unit (collapsed) and the earlier weeks (collapsed)', () => {
    for (const word of ['评比栏', '红榜', '黑榜', '流动红旗', '扣分最多的项目', '各单位明细', '往期评比', '高一(10)班', '000:471–475']) expect(html).toContain(word);
    expect(html.match(/<details class="unit"/g)).toHaveLength(30);
    expect(html.match(/<details class="period"/g)).toHaveLength(7);
    expect(html).not.toMatch(/<details[^>]* open/);
    expect(html.match(/<svg[^>]*class="chart"/g)).toHaveLength(30);
    // The reason as the message catalogue words it, the inspection's note beside it.
    expect(html).toContain('卫生工具角不合格，每次扣1-3分');
    expect(html).toContain('说明：卫生工具摆放不齐');
  });

  it('numbers a board with places in the table: week 8, 高一 — 1, 2, then three classes tied 3rd; the 黑榜 10, 9, 8', () => {
    const boards = html.slice(html.indexOf('<div class="boards">'), html.indexOf('</div>\n', html.indexOf('<div class="board bottom">')) + 6);
    const places = (kind: string) => [...boards.slice(boards.indexOf(`board ${kind}`)).split('</ol>')[0]!.matchAll(/<li value="(\d+)">/g)].map((m) => Number(m[1]));
    expect(places('top')).toEqual([1, 2, 3, 3, 3]);
    expect(places('bottom')).toEqual([10, 9, 8]);
  });

  it('prints the 评比栏 only, one page per group, tables and charts unbroken', () => {
    const print = html.slice(html.indexOf('@media print'));
    expect(print).toMatch(/\.group-page \+ \.group-page \{ break-before: page; \}/);
    expect(print).toMatch(/table, svg[^{]*\{ break-inside: avoid; \}/);
    expect(print).toMatch(/#costliest, #units, #history/);
    expect(html).toContain('@page { size: A4;');
  });

  it('speaks English with lang en', () => {
    const en = renderReportHtml(report, { lang: 'en' });
    expect(en).toContain('<html lang="en">');
    for (const word of ['League tables', 'Top board', 'Bottom board', 'Rotating red flag', 'Units in detail', 'Cleaning-tool corner deficient']) expect(en).toContain(word);
    expect(en).not.toContain('红榜');
  });

  it('escapes every text it shows', async () => {
    const loaded = (await import('../../src/standard/load-file.js')).loadStandard;
    const standard = await loaded(`${ROOT}/standards/school-hygiene.yaml`);
    if (!standard.ok) throw new Error('no standard');
    const hostile = '<script>alert(1)</script> & "q" \'x\'';
    const text = JSON.stringify([{ id: '<r&1>', unit: { id: 'u"1', name: hostile, group: { grade: '<g>' } }, date: '2024-03-04', kind: 'random', inspector: '<i>', findings: [{ item: 'tool-corner', points: 2, note: '<b>note</b>' }] }]);
    const records = readDocumentRecords(text, { file: 'x.json' });
    const cards = scoreBatch(new StandardSet([compileStandard(standard.standard)]), records.records, 'en').scored.map((s) => s.scorecard);
    expect(cards).toHaveLength(1);
    const league = buildLeague(standard.standard, cards, { period: 'week', groupBy: 'grade' });
    const r = buildReport(league, standard.standard, { scorecards: cards });
    const out = renderReportHtml(r);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>note');
    expect(out).not.toContain('<i>');
    expect(out).not.toContain('<g>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;x&#39;');
    expect(out).toContain('&lt;b&gt;note&lt;/b&gt;');
    expect(out).toContain('#&lt;r&amp;1&gt;');
    const md = renderReportMarkdown(r);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
  });
});

describe('units not inspected in a period', () => {
  it('are named under the table, not listed as rows, in HTML and Markdown', async () => {
    const { loadStandard } = await import('../../src/standard/load-file.js');
    const standard = await loadStandard(`${ROOT}/standards/school-hygiene.yaml`);
    if (!standard.ok) throw new Error('no standard');
    const unit = (id: string, name: string) => ({ id, name, group: { grade: '高一' } });
    const text = JSON.stringify([{ id: 'r1', unit: unit('a', '甲班'), date: '2024-03-04', kind: 'random', findings: [] }]);
    const cards = scoreBatch(new StandardSet([compileStandard(standard.standard)]), readDocumentRecords(text, { file: 'x.json' }).records, 'en').scored.map((s) => s.scorecard);
    const league = buildLeague(standard.standard, cards, { period: 'week', groupBy: 'grade', units: [unit('a', '甲班'), unit('b', '乙班<')] });
    const r = buildReport(league, standard.standard, { scorecards: cards });
    expect(r.tables[0]!.rows.map((x) => [x.unit.id, x.unranked ?? null])).toEqual([['a', null], ['b', 'no_inspection']]);
    const html = renderReportHtml(r);
    expect(html.match(/<table class="league">[\s\S]*?<\/table>/)![0].match(/<tr\b/g)).toHaveLength(1 + 1); // the header and 甲班
    expect(html).toContain('本期未检查（1 个单位）：乙班&lt;');
    expect(renderReportMarkdown(r)).toContain('- 本期未检查（1 个单位）：乙班&lt;');
  });
});

describe('renderReportMarkdown', () => {
  it('gives the week’s tables, boards, costliest items and deductions (golden, zh-CN, checked by eye once)', async () => {
    const md = renderReportMarkdown(report);
    await expect(md).toMatchFileSnapshot('golden/school-report.zh-CN.md');
  });

  it('escapes table cells', () => {
    const r: Report = { ...report, tables: report.tables.map((t) => ({ ...t, rows: t.rows.map((row) => ({ ...row, unit: { ...row.unit, name: `a|b\nc` } })) })) };
    const md = renderReportMarkdown(r, { lang: 'en' });
    expect(md).toContain('| a\\|b c |');
    expect(md).toContain('| rank | unit | score | inspections | change | awards |');
  });
});

describe('svg charts', () => {
  it('picks round ticks', () => {
    expect(niceTicks(94, 100)).toEqual([94, 96, 98, 100]);
    expect(niceTicks(0, 7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(100, 100).length).toBeGreaterThan(1);
  });

  it('breaks the line where a period has no score, and escapes its text', () => {
    const svg = lineChart(
      [{ label: 'W1', value: 96 }, { label: 'W2', value: 98 }, { label: 'W3', value: null }, { label: 'W4', value: 95 }, { label: '<W5>', value: 99 }],
      { title: 'A & B', reference: { value: 98, label: 'flag ≥ 98' } },
    );
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(4);
    expect(svg).toContain('<title>A &amp; B</title>');
    expect(svg).toContain('&lt;W5&gt;');
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('draws one point, or none, without NaN', () => {
    for (const svg of [lineChart([{ label: 'W1', value: 90 }], { title: 't' }), lineChart([{ label: 'W1', value: null }], { title: 't' }), sparkline([97], { title: 't' }), sparkline([null, 3], { title: 't' })]) {
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    }
  });
});

describe('scoresheet report (CLI)', () => {
  it('writes one HTML file with -o, in the system\'s language (LANG=zh_CN.UTF-8: zh-CN) unless --lang says otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scoresheet-report-'));
    const zh = await runCli(['report', ...SCHOOL_ARGS, '-o', join(dir, 'r.html')], { env: { LANG: 'zh_CN.UTF-8' } });
    expect([zh.code, zh.stdout, zh.stderr]).toEqual([0, '', '']);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('<html lang="zh-CN">');
    const en = await runCli(['report', ...SCHOOL_ARGS, '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('<html lang="en">');
  });

  it('writes Markdown with --format md, as the API renders it', async () => {
    const md = await runCli(['report', ...SCHOOL_ARGS, '--format', 'md', '--lang', 'zh-CN']);
    expect(md.code).toBe(0);
    expect(md.stdout).toBe(readFileSync(`${ROOT}/test/report/golden/school-report.zh-CN.md`, 'utf8'));
  });

  it('stops at --at, and exits 2 for a period the records do not have', async () => {
    const at = await runCli(['report', ...SCHOOL_ARGS, '--format', 'md', '--at', '2024-W11', '--lang', 'zh-CN']);
    expect(at.code).toBe(0);
    expect(at.stdout).toContain('## 高一 · 2024-W11（第3周）');
    const bad = await runCli(['report', ...SCHOOL_ARGS, '--at', '2030-W01']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--at 2030-W01: no such period');
  });

  it('exits 2 with a clear message when it cannot print a PDF', async () => {
    const noOutput = await runCli(['report', ...SCHOOL_ARGS, '--format', 'pdf']);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toContain('--format pdf needs -o FILE.pdf');
    const noChromium = await runCli(['report', ...SCHOOL_ARGS, '--format', 'pdf', '-o', join(tmpdir(), 'never.pdf')], { env: { SCORESHEET_CHROMIUM: '/nonexistent/chromium' } });
    expect(noChromium.code).toBe(2);
    expect(noChromium.stderr).toContain('--format pdf needs Chromium, and there is none at /nonexistent/chromium');
    expect(noChromium.stderr).toContain('apt-get install chromium fonts-wqy-microhei');
  });

  it('keeps playwright-core out of the bundle: loaded at run time for PDF only', () => {
    const cli = readFileSync(`${ROOT}/dist/cli.js`, 'utf8');
    expect(cli).not.toMatch(/chromium\.launch\b[\s\S]{0,200}function\s+launch/);
    // The CLI bundles its own dependencies (about 2.2 MB); playwright-core alone would add several more.
    expect(statSync(`${ROOT}/dist/cli.js`).size).toBeLessThan(3_000_000);
    expect(cli).toMatch(/import\(\w+\)/); // the by-name import that loads playwright-core at run time
    expect(readFileSync(`${ROOT}/dist/index.js`, 'utf8')).not.toContain('playwright-core');
  });

  it('stays usable for a large run: 3,300 inspections in one file under 3 MB, details collapsed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scoresheet-large-'));
    const made = runNode([`${ROOT}/test/report/make-large-input.mjs`, dir]);
    expect(made.stdout).toContain('3300 inspections, 60 units');
    const out = await runCli(['report', '--standard', 'standards/school-hygiene.yaml', '--period', 'week', '--group-by', 'grade', '--units', join(dir, 'units.yaml'), join(dir, 'records.ndjson'), '-o', join(dir, 'large.html'), '--lang', 'zh-CN']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    const html = readFileSync(join(dir, 'large.html'), 'utf8');
    expect(Buffer.byteLength(html)).toBeLessThan(3_000_000);
    expect(html.match(/<details class="unit"/g)).toHaveLength(60);
    expect(html.match(/<details class="period"/g)).toHaveLength(19);
    expect(html).not.toMatch(/<details[^>]* open/);
    // The 评比栏 comes first: what the first paint shows.
    expect(html.indexOf('id="league"')).toBeLessThan(html.indexOf('id="units"'));
    expect(html.indexOf('id="units"')).toBeGreaterThan(0);
  });
});
