/**
 * A board people can read (issue 18 item 7): the decimals shown are the standard's or --decimals,
 * default 2, and every format shows the same digits (a mean of 99.3333 was 99.3333 in text and 99.33
 * in HTML); weeks are labelled 第n周 or by their dates without a calendar file.
 */
import { describe, expect, it } from 'vitest';
import { buildLeague, compileStandard, parseStandard, renderLeague, scoreRecord, type Scorecard } from '../../src/index.js';
import { buildReport } from '../../src/report/report.js';
import { renderReportHtml } from '../../src/report/html.js';
import { renderReportMarkdown } from '../../src/report/report-markdown.js';
import { periodLabel, periodOf } from '../../src/aggregate/periods.js';
import { formatDecimals } from '../../src/points.js';
import { runCli } from '../support/cli.js';

const STANDARD = `id: board
version: "1"
name: { zh-CN: 班级卫生, en: Class hygiene }
scoring: { mode: deduct, base: 100 }
categories:
  - id: area
    name: { zh-CN: 区域 }
    items:
      - { id: floor, name: { zh-CN: 地面 }, rules: [ { kind: per-occurrence, points: 1 } ] }
ranking:
  aggregate: mean
`;

/** Unit a: 100, 99, 99 → mean 99.3333…; unit b: 98. */
const MEANS = [
  { unit: { id: 'a', name: 'A班' }, date: '2024-03-04', findings: [] },
  { unit: { id: 'a', name: 'A班' }, date: '2024-03-05', findings: [{ item: 'floor' }] },
  { unit: { id: 'a', name: 'A班' }, date: '2024-03-06', findings: [{ item: 'floor' }] },
  { unit: { id: 'b', name: 'B班' }, date: '2024-03-05', findings: [{ item: 'floor', count: 2 }] },
];

/** The weekly league of the records under the standard. */
function league(text = STANDARD, records: readonly object[] = MEANS) {
  const loaded = parseStandard(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  const scorer = compileStandard(loaded.standard);
  const cards = records.map((r) => {
    const out = scoreRecord(scorer, r);
    if (!out.ok) throw new Error('not scored');
    return out.scorecard;
  }) as Scorecard[];
  return { standard: loaded.standard, cards, league: buildLeague(loaded.standard, cards, { period: 'week' }) };
}

describe('displayed decimals', () => {
  it('rounds exactly, half away from zero, without trailing zeros', () => {
    expect(formatDecimals(99.3333, 2)).toBe('99.33');
    expect(formatDecimals(97.5, 2)).toBe('97.5');
    expect(formatDecimals(0.125, 2)).toBe('0.13');
    expect(formatDecimals(-0.125, 2)).toBe('-0.13');
    expect(formatDecimals(1.005, 2)).toBe('1.01'); // a double would say 1 (1.005 × 100 = 100.49999…)
    expect(formatDecimals(99.6667, 0)).toBe('100');
    expect(formatDecimals(-0.004, 2)).toBe('0');
    expect(formatDecimals(12.3456, 4)).toBe('12.3456');
  });

  it('every format shows the same digits: 2 by default', () => {
    const { standard, cards, league: l } = league();
    expect(l.tables[0]!.groups[0]!.rows[0]!.result.score).toBe(99.3333); // the data stays exact
    for (const format of ['text', 'md', 'csv'] as const) {
      const out = renderLeague(l, standard, { format, locale: 'zh-CN' });
      expect(out, format).toContain('99.33');
      expect(out, format).not.toContain('99.333');
    }
    expect(JSON.parse(renderLeague(l, standard, { format: 'json' })).tables[0].groups[0].rows[0].result.score).toBe(99.3333);
    const report = buildReport(l, standard, { scorecards: cards });
    for (const out of [renderReportHtml(report), renderReportMarkdown(report)]) {
      expect(out).toContain('99.33');
      expect(out).not.toContain('99.333');
    }
  });

  it('the standard sets them, and --decimals (the option) overrides it, in every format alike', () => {
    const { standard, cards, league: l } = league(STANDARD.replace('aggregate: mean', 'aggregate: mean\n  display: { decimals: 3 }'));
    for (const format of ['text', 'md', 'csv'] as const) expect(renderLeague(l, standard, { format })).toContain('99.333');
    const report = buildReport(l, standard, { scorecards: cards });
    expect(renderReportHtml(report)).toContain('99.333');
    expect(renderReportMarkdown(report)).toContain('99.333');
    for (const format of ['text', 'md', 'csv'] as const) {
      const out = renderLeague(l, standard, { format, decimals: 1 });
      expect(out).toContain('99.3');
      expect(out).not.toContain('99.33');
    }
    expect(renderReportHtml(report, { decimals: 0 })).not.toContain('99.3');
  });
});

describe('week labels without a calendar file', () => {
  const week = periodOf('2024-03-06', 'week')!;
  it('key (as before), number (第n周: the ISO week) or range (its Monday to Sunday)', () => {
    expect(periodLabel(week, 'zh-CN')).toBe('2024-W10');
    expect(periodLabel(week, 'zh-CN', 'number')).toBe('第10周');
    expect(periodLabel(week, 'en', 'number')).toBe('week 10');
    expect(periodLabel(week, 'zh-CN', 'range')).toBe('3月4日–3月10日');
    expect(periodLabel(week, 'en', 'range')).toBe('2024-03-04 – 03-10');
    const across = periodOf('2024-12-31', 'week')!;
    expect(periodLabel(across, 'zh-CN', 'range')).toBe('2024年12月30日–2025年1月5日');
    // Other periods keep their key.
    expect(periodLabel(periodOf('2024-03-06', 'month')!, 'zh-CN', 'range')).toBe('2024-03');
  });

  it('the league and the report use the label asked for', () => {
    const { standard, cards, league: l } = league(STANDARD.replace('aggregate: mean', 'aggregate: mean\n  display: { weeks: number }'));
    expect(renderLeague(l, standard, { locale: 'zh-CN' })).toContain('第10周');
    expect(renderLeague(l, standard, { locale: 'zh-CN', weeks: 'range' })).toContain('3月4日–3月10日');
    expect(renderReportHtml(buildReport(l, standard, { scorecards: cards }))).toContain('第10周');
  });
});

describe('rank --decimals --weeks', () => {
  it('takes them on the command line', async () => {
    const input = ['{"unit":{"id":"a"},"date":"2024-03-04","findings":[]}', '{"unit":{"id":"a"},"date":"2024-03-05","findings":[{"item":"floor"}]}', '{"unit":{"id":"a"},"date":"2024-03-06","findings":[{"item":"floor"}]}'].join('\n');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'board-'));
    writeFileSync(join(dir, 'board.yaml'), STANDARD);
    const r = await runCli(['rank', '--standard', join(dir, 'board.yaml'), '--period', 'week', '--input-format', 'ndjson', '--decimals', '1', '--weeks', 'number', '--lang', 'zh-CN', '-'], { input });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('第10周');
    expect(r.stdout).toMatch(/99\.3(?!3)/);
    const bad = await runCli(['rank', '--standard', join(dir, 'board.yaml'), '--period', 'week', '--decimals', '5', '-'], { input });
    expect(bad.code).toBe(2);
  });
});

describe('a footnote when a tie-breaker decided places', () => {
  const tied = (ranking: string) =>
    league(STANDARD.replace('  aggregate: mean\n', `  aggregate: mean\n${ranking}`), [
      { unit: { id: 'a', name: 'A班' }, date: '2024-03-04', findings: [{ item: 'floor' }] },
      { unit: { id: 'a', name: 'A班' }, date: '2024-03-05', findings: [{ item: 'floor' }] },
      { unit: { id: 'b', name: 'B班' }, date: '2024-03-05', findings: [{ item: 'floor' }] },
      { unit: { id: 'c', name: 'C班' }, date: '2024-03-05', findings: [] },
    ]);

  it('names the units and the tie-breakers that placed them, in text, Markdown and the report', () => {
    const { standard, league: l, cards } = tied('  tieBreakers: [more-inspections]\n');
    const rows = l.tables[0]!.groups[0]!.rows;
    expect(rows.map((r) => [r.result.unit.id, r.rank])).toEqual([['c', 1], ['a', 2], ['b', 3]]);
    expect(renderLeague(l, standard, { locale: 'zh-CN' })).toContain('* A班、B班 同为 99 分，名次按检查次数多者优先排定');
    expect(renderLeague(l, standard, { format: 'md' })).toContain('\n\n* A班, B班 scored 99 alike: placed by more inspections');
    expect(renderReportHtml(buildReport(l, standard, { scorecards: cards }))).toContain('<p class="muted tie-note">* A班、B班 同为 99 分，名次按检查次数多者优先排定</p>');
    expect(renderReportMarkdown(buildReport(l, standard, { scorecards: cards }))).toContain('\n* A班、B班 同为 99 分，名次按检查次数多者优先排定');
  });

  it('an ordinal policy places by unit id, and says so; shared places get no footnote', () => {
    const ordinal = tied('  ties: ordinal\n');
    expect(renderLeague(ordinal.league, ordinal.standard)).toContain('placed by the order of unit ids');
    const shared = tied('');
    expect(shared.league.tables[0]!.groups[0]!.rows.map((r) => r.rank)).toEqual([1, 2, 2]);
    expect(renderLeague(shared.league, shared.standard)).not.toContain('placed by');
  });
});
