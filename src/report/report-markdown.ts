/**
 * The report as Markdown, for a chat group or a wiki: the report period's league table per group
 * with its red flags and boards, the costliest items, and that period's deductions unit by unit.
 * Earlier periods and charts stay in the HTML report.
 */
import { periodLabel, type Period } from '../aggregate/periods.js';
import { localizedText, renderMessage } from '../messages/render.js';
import { wordsOf } from '../messages/locales.js';
import type { Locale } from '../messages/locales.js';
import type { UnitRef } from '../record-schema.js';
import type { RenderReportOptions } from './html.js';
import { changeMark, leftOutMarkdown, notAwarded, tieFootnotes, vetoMark } from './league.js';
import { mdCell, mdFootnote, mdRow as row } from './markdown.js';
import type { Report, ReportGroupTable } from './report.js';
import { boardDisplay, boardNumber } from './display.js';
import { pushAll } from '../collections.js';

const unitName = (u: UnitRef) => u.name ?? u.id;

/**
 * @example
 * ```ts
 * import type { League, Standard } from 'scoresheet';
 * import { buildReport, renderReportMarkdown } from 'scoresheet/report';
 *
 * declare const league: League;
 * declare const standard: Standard;
 * console.log(renderReportMarkdown(buildReport(league, standard)));
 * ```
 */
export function renderReportMarkdown(report: Report, options: RenderReportOptions = {}): string {
  return [...reportMarkdownLines(report, options)].join('\n') + '\n';
}

/**
 * renderReportMarkdown's text in pieces: joined by line breaks, with one at the end, they are that
 * text. The period's deductions come a line at a time, so a large run's report is never one string.
 *
 * @example
 * ```ts
 * import type { Report } from 'scoresheet/report';
 * import { reportMarkdownLines } from 'scoresheet/report';
 *
 * declare const report: Report;
 * for (const line of reportMarkdownLines(report, { lang: 'en' })) process.stdout.write(line + '\n');
 * ```
 */
export function* reportMarkdownLines(report: Report, options: RenderReportOptions = {}): Generator<string> {
  const lang: Locale = options.lang ?? 'zh-CN';
  const w = wordsOf(lang).reportMarkdown;
  const display = boardDisplay(report.standard, options);
  const num = (n: number) => boardNumber(n, display);
  const label = (p: Period) => periodLabel(p, lang, display.weeks);
  const standardName = localizedText(report.standard.name, lang);
  const award = (id: string) => {
    const name = report.names.awards[id];
    return name ? localizedText(name, lang) : id;
  };
  const current = report.current;
  const blocks: string[] = [`# ${mdCell(standardName)} · ${w.report}${current ? ` · ${w.asOf} ${mdCell(label(current))}` : ''}`];
  if (report.totals.rejected > 0) blocks.push(`> ${w.rejected(report.totals.rejected)}`);

  const groupTable = (t: ReportGroupTable, heading = t.group === '' ? w.allUnits : t.group, rollup = false) => {
    const lines = [`## ${mdCell(heading)} · ${mdCell(label(t.period))}`, ''];
    lines.push(row([w.rank, w.unit, w.score, w.inspections, w.change, w.awards]), '|---:|---|---:|---:|:---:|---|');
    const absent = t.rows.filter((r) => r.unranked === 'no_inspection');
    for (const r of t.rows.filter((x) => x.unranked !== 'no_inspection')) {
      const held = [...r.awards.map(award), ...(r.shared ?? []).map((x) => wordsOf(lang).league.shared(award(x.award), x.group))];
      const standing = r.rank === null ? w.unranked[r.unranked ?? 'no_inspection'] : held.map((a) => `🚩 ${a}`).join(w.sep);
      const veto = r.vetoes.length > 0 ? `⛔ ${vetoMark(r.vetoes, lang)}` : '';
      const awards = [standing, veto].filter(Boolean).join(w.sep);
      lines.push(row([r.rank === null ? '—' : String(r.rank), unitName(r.unit), r.score === null ? '—' : num(r.score), String(r.inspections), changeMark(r.change), awards]));
    }
    const nameOf = (id: string) => mdCell(unitName(t.rows.find((r) => r.unit.id === id)?.unit ?? { id }));
    const notes: string[] = [];
    // As in the HTML: units not inspected are named under the table, not listed as rows (counted when many).
    if (absent.length > 0) notes.push(`- ${w.notInspected(absent.length)}${absent.length <= 20 ? w.colon + absent.map((r) => mdCell(unitName(r.unit))).join(w.sep) : ''}`);
    if (t.board?.top.length) notes.push(`- **${w.top}**${w.colon}${t.board.top.map(nameOf).join(w.sep)}`);
    if (t.board?.bottom.length) notes.push(`- **${w.bottom}**${w.colon}${t.board.bottom.map(nameOf).join(w.sep)}`);
    for (const a of t.awards) if (a.none) notes.push(`- ${mdCell(award(a.award))}${w.colon}${notAwarded(a.none, lang)}`);
    // Equal scores placed apart by a tie-breaker, as under the HTML table (each note is a list item already).
    for (const n of tieFootnotes(t.rows.map((r) => ({ rank: r.rank, score: r.score, name: unitName(r.unit) })), report.standard.tieBreakers ?? [], lang, display)) notes.push(mdFootnote(n));
    for (const x of rollup ? [] : report.warnings.filter((x) => x.group === t.group)) notes.push(`- ⚠ ${w.warning(nameOf(x.unit), x.periods.length)}`);
    for (const x of rollup ? [] : report.streaks.filter((x) => x.group === t.group)) notes.push(`- ${w.streak(nameOf(x.unit), mdCell(award(x.award)), x.periods.length)}`);
    if (notes.length > 0) pushAll(lines, ['', ...notes.map((n) => n.replace(/\r?\n/g, ' '))]);
    return lines.join('\n');
  };
  for (const t of report.tables.filter((t) => t.period.key === current?.key)) blocks.push(groupTable(t));
  if (report.rollup) {
    const l = wordsOf(lang).league;
    const title = l.rollup(localizedText(report.rollup.name, lang), l.aggregates[report.rollup.aggregate]);
    for (const t of report.rollup.tables) blocks.push(groupTable(t, [title, t.group].filter(Boolean).join(' · '), true));
    if (report.rollup.assumption) blocks.push(`> ${l.assumption}${w.colon}${mdCell(report.rollup.assumption)}`);
  }
  const leftOut = leftOutMarkdown(report.leftOut ?? [], lang);
  if (leftOut !== '') blocks.push(leftOut);

  const costliest = [`## ${w.costliest}`, ''];
  if (report.costliest.length === 0) costliest.push(w.none);
  else {
    costliest.push(row(['#', w.item, w.lost, w.times, w.unitsCharged, w.source]), '|---:|---|---:|---:|---:|---|');
    report.costliest.forEach((c, i) => {
      const name = c.item === '' ? w.total : report.names.items[c.item] ? localizedText(report.names.items[c.item]!, lang) : c.item;
      costliest.push(row([String(i + 1), name, c.points === null ? w.beyondRange : num(c.points), String(c.times), String(c.units), c.sources.join('; ')]));
    });
  }
  blocks.push(costliest.join('\n'));
  // Blocks apart by a blank line.
  for (let i = 0; i < blocks.length; i++) yield* i === 0 ? [blocks[i]!] : ['', blocks[i]!];

  if (current) {
    yield* ['', `## ${w.details} · ${mdCell(label(current))}`, ''];
    const inCurrent = (unit: Report['units'][number]) => unit.periods.find((x) => x.period.key === current.key);
    if (!report.units.some((unit) => (inCurrent(unit)?.detailed ?? []).some((inspection) => inspection.lines.length > 0))) {
      yield w.none;
      return;
    }
    yield* [row([w.unit, w.date, w.item, w.points, w.reason, w.source]), '|---|---|---|---:|---|---|'];
    for (const unit of report.units) {
      for (const inspection of inCurrent(unit)?.detailed ?? []) {
        for (const line of inspection.lines) {
          const item = line.item ? (report.names.items[line.item] ? localizedText(report.names.items[line.item]!, lang) : line.item) : w.total;
          const points = line.points > 0 ? `+${num(line.points)}` : num(line.points);
          const reason = renderMessage(line.reason, lang) + (line.note ? w.note(line.note) : '');
          yield row([unitName(unit.unit), inspection.date, item, points, reason, line.source ?? '']);
        }
      }
    }
  }
}
