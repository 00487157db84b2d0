/** `scoresheet/report`: the league report — one self-contained HTML page or Markdown — and its charts.
 *
 * @module scoresheet/report
 */
export { buildReport, reportCard } from '../report/report.js';
export type { Report, ReportCard, ReportOptions, ReportGroupTable, ReportRow, ReportUnit, ReportUnitPeriod, ReportInspection, ReportLine, CostlyItem } from '../report/report.js';
export { renderReportHtml, reportHtmlLines } from '../report/html.js';
export type { RenderReportOptions } from '../report/html.js';
export { renderReportMarkdown, reportMarkdownLines } from '../report/report-markdown.js';
export { lineChart, sparkline } from '../report/svg.js';
export { formatCsv } from '../report/csv.js';
export { leagueWorkbook, scorecardsWorkbook } from '../report/xlsx.js';
export { spreadsheetCell } from '../spreadsheet.js';
export type { ChartPoint, LineChartOptions, SparklineOptions } from '../report/svg.js';
export { formatSettlement } from '../report/settle.js';
export type { SettlementFormat } from '../report/settle.js';
