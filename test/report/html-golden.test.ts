/**
 * The HTML report's every word and its style sheet, pinned byte for byte in both languages (golden,
 * checked by eye once): the veto league's week with what that league lacks added to its report
 * model — rejected records, a frequency shortfall, a unit not inspected, an earlier period — so that
 * every phrase of the catalogue's `html` words and every separator between them is shown.
 */
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/html.js';
import { buildReport, type Report } from '../../src/report/report.js';
import { vetoCards, vetoLeague, vetoStandard } from '../support/veto-league.js';

function wordsReport(): Report {
  const base = buildReport(vetoLeague(), vetoStandard, { scorecards: vetoCards, top: 3 });
  const current = base.current!;
  const earlier = { ...current, key: '2024-W09', start: '2024-02-26', end: '2024-03-03', termWeek: 1 };
  const table = base.tables[0]!;
  const absent = { ...table.rows[3]!, unit: { id: 'e', name: '高一(5)班' }, rank: null, score: null, inspections: 0, awards: [], vetoes: [], change: null, unranked: 'no_inspection' as const };
  const unit = base.units[3]!;
  const inspection = unit.periods[0]!.detailed[0]!;
  const noted = { ...inspection, kind: 'event', level: 'city', inspector: '张老师', lines: inspection.lines.map((l) => ({ ...l, note: '地面有纸屑', source: '第3条' })) };
  return {
    ...base,
    groupBy: 'grade',
    generator: 'scoresheet 0.0.0',
    totals: { ...base.totals, rejected: 2 },
    periods: [earlier, current],
    costliest: base.costliest.map((c) => ({ ...c, sources: ['第3条', '第4条'] })),
    tables: [{ ...table, period: earlier, rows: table.rows.map((r) => ({ ...r, change: null })) }, { ...table, rows: [...table.rows.map((r, i) => ({ ...r, change: [1, -2, 0, null][i] ?? null })), absent] }],
    units: [
      ...base.units.slice(0, 3).map((u) => ({ ...u, periods: [{ ...u.periods[0]!, period: earlier }, ...u.periods] })),
      { ...unit, periods: [{ ...unit.periods[0]!, period: earlier, inspections: 0, score: null, rank: null, unranked: 'no_inspection' as const, detailed: [], clean: 0 }, { ...unit.periods[0]!, detailed: [noted], clean: 2, shortfalls: [{ requirement: 'weekly', required: 3, actual: 1, missing: 2, points: -1 }] }] },
    ],
    warnings: [{ unit: 'd', group: table.group, periods: [earlier.key, current.key] }],
    streaks: [{ unit: 'b', group: table.group, award: 'red-flag', periods: [earlier.key, current.key] }],
  };
}

describe('renderReportHtml (golden)', () => {
  it.each(['zh-CN', 'en'] as const)('writes every word and the style sheet as checked (%s)', async (lang) => {
    await expect(renderReportHtml(wordsReport(), { lang })).toMatchFileSnapshot(`golden/words-report.${lang}.html`);
  });
});
