/**
 * The report's 评比栏 (HTML, and the PDF printed from it; Markdown) shows a unit's 一票否决 and its
 * reason on the unit's row, and says why an award went to nobody when every unit was excluded.
 * The league is test/support/veto-league.ts; the printed page is checked in browser.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/html.js';
import { buildReport } from '../../src/report/report.js';
import { renderReportMarkdown } from '../../src/report/report-markdown.js';
import { vetoCards, vetoLeague, vetoStandard } from '../support/veto-league.js';

const report = buildReport(vetoLeague(), vetoStandard, { scorecards: vetoCards });
const leagueRows = (html: string) => html.slice(html.indexOf('<table class="league">'), html.indexOf('</table>')).match(/<tr[ >].*?<\/tr>/g)!.slice(1); // past the header row

describe('the veto in the report', () => {
  it('carries the vetoes on the report row', () => {
    expect(report.tables[0]!.rows.map((r) => [r.unit.id, r.vetoes.map((v) => v.rule), r.awards])).toEqual([
      ['a', ['outcomes.vetoes[0]'], []],
      ['b', [], ['red-flag']],
      ['c', [], []],
      ['d', [], []],
    ]);
  });

  it('html: the vetoed row is marked and says 一票否决 and why; no other row does', () => {
    const rows = leagueRows(renderReportHtml(report, { lang: 'zh-CN' }));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('<tr class="vetoed">');
    expect(rows[0]).toContain('<span class="veto">一票否决：教室内吸烟</span>');
    expect(rows.slice(1).join('')).not.toContain('veto');
    expect(rows[1]).toContain('<tr class="awarded">');
    expect(leagueRows(renderReportHtml(report, { lang: 'en' }))[0]).toContain('<span class="veto">one-vote veto: smoking in the classroom</span>');
  });

  it('md: the vetoed row says it, after its awards', () => {
    const md = renderReportMarkdown(report, { lang: 'zh-CN' });
    expect(md).toContain('| 1 | 高一(1)班 | 100 | 1 | — | ⛔ 一票否决：教室内吸烟 |');
    expect(md).toContain('| 1 | 高一(2)班 | 100 | 1 | — | 🚩 流动红旗 |');
    const shared = renderReportMarkdown(buildReport(vetoLeague([]), vetoStandard), { lang: 'en' });
    expect(shared).toContain('| 1 | 高一(1)班 | 100 | 1 | — | 🚩 red flag, ⛔ one-vote veto: smoking in the classroom |');
  });

  it('says why nobody holds the flag when every ranked unit is excluded (html and md)', () => {
    const alone = buildReport(vetoLeague(undefined, vetoCards.slice(0, 1)), vetoStandard);
    expect(renderReportHtml(alone, { lang: 'zh-CN' })).toContain('<li>流动红旗：达到条件的单位本期均有一票否决或不合格检查，不授予</li>');
    expect(renderReportMarkdown(alone, { lang: 'en' })).toContain('- red flag: not awarded: the units that qualified are excluded (a veto or a failed inspection this period)');
  });
});
