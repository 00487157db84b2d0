import { describe, expect, it } from 'vitest';
import { buildLeague } from '../../src/index.js';
import { scoreHistory } from '../../src/history/history.js';
import { buildReport } from '../../src/report/report.js';
import { renderReportHtml } from '../../src/report/html.js';
import { rec, scorer } from './campaign.js';

describe('the HTML report\'s 整改台账 section', () => {
  const records = [
    rec({ id: 'a', date: '2024-03-04', findings: [{ item: 'litter', note: '<script>x</script>' }] }),
    rec({ id: 'b', date: '2024-03-11' }),
  ];
  const { results, ledger } = scoreHistory(scorer, records, { asOf: '2024-03-11' });
  const cards = results.flatMap((r) => (r?.ok ? [r.scorecard] : []));
  const league = buildLeague(scorer.standard, cards, { period: 'month' });

  it('lists the ledger, overdue rows marked, every text escaped', () => {
    const html = renderReportHtml(buildReport(league, scorer.standard, { scorecards: cards, ledger: { asOf: '2024-03-11', entries: ledger } }), { lang: 'zh-CN' });
    expect(html).toContain('<a href="#ledger">整改台账</a>');
    expect(html).toContain('整改台账（截至 2024-03-11）');
    expect(html).toMatch(/<tr class="ledger-overdue"[^>]*><td>u1<\/td>/);
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('has no such section without a ledger', () => {
    expect(renderReportHtml(buildReport(league, scorer.standard, { scorecards: cards }))).not.toContain('ledger');
  });
});
