/**
 * Inspections in no period (a holiday of a term, between terms) are never dropped without a word:
 * the league lists them (buildLeague and LeagueBuilder alike), its text, Markdown and report outputs
 * carry a note under the tables, and `rank` / `report` warn on stderr in the command's language,
 * with the exit code unchanged.
 */
import { describe, expect, it } from 'vitest';
import { LeagueBuilder } from '../../src/entries/league.js';
import { renderLeague, type Scorecard } from '../../src/index.js';
import { buildReport } from '../../src/report/report.js';
import { renderReportHtml } from '../../src/report/html.js';
import { renderReportMarkdown } from '../../src/report/report-markdown.js';
import type { Calendar } from '../../src/aggregate/periods.js';
import { groupStandard, inspect, league } from '../support/group-league.js';
import { runCli } from '../support/cli.js';

const calendar: Calendar = {
  terms: [
    { id: 'spring', from: '2024-02-26', to: '2024-07-05', holidays: [{ from: '2024-04-04', to: '2024-04-06', name: { 'zh-CN': '清明节', en: 'Qingming' } }, { from: '2024-05-01', to: '2024-05-03' }] },
    { id: 'autumn', from: '2024-09-01', to: '2025-01-20' },
  ],
};

const cards: Scorecard[] = [
  inspect({ id: 'c1', date: '2024-03-04', floor: 1 }),
  inspect({ id: 'c2', date: '2024-04-05' }), // 清明节, a holiday of spring
  inspect({ id: 'c1', date: '2024-05-02' }), // an unnamed holiday of spring
  inspect({ id: 'c2', date: '2024-08-01' }), // between the terms
  inspect({ id: 'c2', date: '2024-09-02' }),
];

const shape = (l: ReturnType<typeof league>) => (l.leftOut ?? []).map((c) => [c.unit.id, c.date, c.why]);

describe('inspections in no period', () => {
  it('are listed by the league with why, for terms and teaching weeks; none for months', () => {
    const expected = [
      ['c2', '2024-04-05', { reason: 'holiday', term: 'spring', holiday: { 'zh-CN': '清明节', en: 'Qingming' } }],
      ['c1', '2024-05-02', { reason: 'holiday', term: 'spring' }],
      ['c2', '2024-08-01', { reason: 'outside_terms' }],
    ];
    expect(shape(league(groupStandard, cards, { period: 'term', calendar }))).toEqual(expected);
    expect(shape(league(groupStandard, cards, { period: 'week', calendar }))).toEqual(expected);
    expect(league(groupStandard, cards, { period: 'term', calendar }).leftOut![0]!.record).toBe(cards[1]!.record);
    // Every card is in a table or in the list.
    const l = league(groupStandard, cards, { period: 'week', calendar });
    expect(l.results.reduce((n, r) => n + r.inspections, 0) + l.leftOut!.length).toBe(cards.length);
    expect(league(groupStandard, cards, { period: 'month', calendar }).leftOut).toBeUndefined();
    expect(league(groupStandard, cards, { period: 'week' }).leftOut).toBeUndefined();
  });

  it('are the same with LeagueBuilder, in any order of arrival', () => {
    for (const order of [cards, [...cards].reverse()]) {
      const builder = new LeagueBuilder(groupStandard, { period: 'week', calendar });
      for (const c of order) builder.add(c);
      expect(JSON.stringify(builder.build())).toBe(JSON.stringify(league(groupStandard, order, { period: 'week', calendar })));
      expect(builder.build().leftOut).toHaveLength(3);
    }
  });

  it('are noted under the text and Markdown tables in either language, and carried by JSON', () => {
    const l = league(groupStandard, cards, { period: 'term', calendar });
    const text = renderLeague(l, groupStandard, { format: 'text' });
    expect(text).toContain('3 inspections are in no period of the calendar and left out of these tables:');
    expect(text).toContain(`#${cards[1]!.record} c2 2024-04-05: in the holiday Qingming of term spring`);
    expect(text).toContain('c2 2024-08-01: outside every term');
    const zh = renderLeague(l, groupStandard, { format: 'md', locale: 'zh-CN' });
    expect(zh).toContain('> 3 次检查不在校历的任何周期内，未计入上表：');
    expect(zh).toContain('c2 2024-04-05：在学期 spring 的清明节假期内');
    expect(zh).toContain('c1 2024-05-02：在学期 spring 的假期内');
    expect(JSON.parse(renderLeague(l, groupStandard, { format: 'json' })).leftOut).toHaveLength(3);
    // No note, and no key, when nothing is left out.
    const none = league(groupStandard, cards, { period: 'month', calendar });
    expect(renderLeague(none, groupStandard, { format: 'text' })).not.toContain('no period');
    expect(renderLeague(none, groupStandard, { format: 'json' })).not.toContain('leftOut');
  });

  it('are noted in the HTML and Markdown reports', () => {
    const report = buildReport(league(groupStandard, cards, { period: 'term', calendar }), groupStandard, { calendar });
    expect(report.leftOut).toHaveLength(3);
    expect(renderReportHtml(report, { lang: 'en' })).toMatch(/<div class="alert left-out" role="note"><p>3 inspections are in no period[^<]*<\/p><ul><li>[^<]*2024-04-05: in the holiday Qingming of term spring<\/li>/);
    expect(renderReportMarkdown(report, { lang: 'zh-CN' })).toContain(' c2 2024-08-01：不在任何学期内');
  });

  it('past ten, the note names the first ten and counts the rest', () => {
    const many = Array.from({ length: 12 }, (_, i) => inspect({ id: `u${String(i).padStart(2, '0')}`, date: '2024-08-01' }));
    const text = renderLeague(league(groupStandard, many, { period: 'term', calendar }), groupStandard, { format: 'text' });
    expect(text).toContain('12 inspections are in no period');
    expect(text).toContain('u09 2024-08-01');
    expect(text).not.toContain('u10 2024-08-01');
    expect(text).toContain('… and 2 more');
  });
});

describe('rank and report warn of inspections in no period', () => {
  const standard = 'standards/school-hygiene.yaml';
  const record = (id: string, unit: string, date: string) => JSON.stringify({ id, unit: { id: unit, name: unit, group: { grade: '高一' } }, date, kind: 'scheduled', findings: [] });
  const cal = 'fixtures/school/calendar.yaml';

  it('one line per inspection on stderr, in the command language; the exit code is unchanged', async () => {
    const input = [record('a', 'g1-01', '2024-03-04'), record('b', 'g1-02', '2024-04-05'), record('c', 'g1-03', '2024-08-01')].join('\n') + '\n';
    const r = await runCli(['rank', '--standard', standard, '--period', 'term', '--calendar', cal, '--input-format', 'ndjson', '-'], { input });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'warning: inspection #b g1-02 2024-04-05 is in the holiday 清明节 of term 2024-spring: left out of the league',
      'warning: inspection #c g1-03 2024-08-01 is outside every term: left out of the league',
    ]);
    expect(r.stdout).toContain('2 inspections are in no period of the calendar');
    const zh = await runCli(['report', '--standard', standard, '--period', 'week', '--calendar', cal, '--format', 'md', '--lang', 'zh-CN', '--input-format', 'ndjson', '-'], { input });
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain('警告：检查 #c g1-03 2024-08-01 不在任何学期内，未计入评比');
    expect(zh.stdout).toContain('2 次检查不在校历的任何周期内，未计入上表：');
  });

  it('past five, one line with the count and the first five', async () => {
    const input = Array.from({ length: 7 }, (_, i) => record(`r${i}`, `g1-0${i + 1}`, '2024-08-01')).join('\n') + '\n';
    const r = await runCli(['rank', '--standard', standard, '--period', 'term', '--calendar', cal, '--input-format', 'ndjson', '-'], { input });
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warning: 7 inspections are in no period of the calendar and are left out of the league; the first 5: #r0 g1-01 2024-08-01: outside every term; /);
    expect(lines[0]).toContain('#r4 g1-05');
    expect(lines[0]).not.toContain('#r5');
  });
});
