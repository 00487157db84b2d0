/**
 * The report as one self-contained HTML file: inline CSS, inline SVG charts, no script, no font or
 * image fetched (a Content-Security-Policy forbids it), system CJK fonts. On screen: the 评比栏 of the
 * report's period, the costliest items, every unit's trend and deductions (collapsed), earlier
 * periods (collapsed). In print: the 评比栏 only, one A4 page per group.
 */
import { periodLabel, type Period } from '../aggregate/periods.js';
import { localizedText, renderMessage } from '../messages/render.js';
import type { Words } from '../messages/en.js';
import { wordsOf } from '../messages/locales.js';
import type { Locale } from '../messages/locales.js';
import type { UnrankedReason } from '../rank/rank.js';
import type { UnitRef } from '../record-schema.js';
import type { LineType } from '../score/scorecard.js';
import type { LocalizedText } from '../common-schema.js';
import { changeMark, leftOutNote, notAwarded, tieFootnotes, vetoMark } from './league.js';
import type { Report, ReportGroupTable, ReportInspection, ReportUnit, ReportUnitPeriod } from './report.js';
import { escapeXml as esc, lineChart, sparkline } from './svg.js';
import { boardDisplay, boardNumber, type BoardDisplay, type DisplayOptions } from './display.js';
import { pushAll } from '../collections.js';
import { chargeTexts, cycleText } from './text.js';
import { REPORT_CSS } from './html-style.js';

export interface RenderReportOptions extends DisplayOptions {
  /** Default zh-CN. */
  readonly lang?: Locale;
}

const FLAG = '<svg class="flag" viewBox="0 0 12 14" width="12" height="14" aria-hidden="true"><path d="M2 1v12" stroke="#555" stroke-width="1.4"/><path d="M2.7 1.5h8l-2.2 2.6 2.2 2.6h-8z" fill="#d32f2f"/></svg>';

interface Ctx {
  readonly report: Report;
  readonly lang: Locale;
  readonly w: Words['html'];
  readonly text: (t: LocalizedText | undefined, fallback: string) => string;
  readonly anchor: ReadonlyMap<string, string>;
  readonly units: ReadonlyMap<string, ReportUnit>;
  /** One y scale for every sparkline, so rows compare. */
  readonly scale: { readonly min: number; readonly max: number };
  /** A score as the board shows it (ranking.display, --decimals), and a period's label (--weeks). */
  readonly num: (n: number) => string;
  readonly period: (p: Period) => string;
  readonly display: BoardDisplay;
}

const unitName = (u: UnitRef) => u.name ?? u.id;

function scoreRange(report: Report): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const u of report.units) for (const p of u.periods) if (p.score !== null) (min = Math.min(min, p.score)), (max = Math.max(max, p.score));
  return min <= max ? { min, max } : { min: 0, max: 1 };
}

/**
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import type { League, Standard } from 'scoresheet';
 * import { buildReport, renderReportHtml } from 'scoresheet/report';
 *
 * declare const league: League;
 * declare const standard: Standard;
 * writeFileSync('league.html', renderReportHtml(buildReport(league, standard)));
 * ```
 */
export function renderReportHtml(report: Report, options: RenderReportOptions = {}): string {
  const lang = options.lang ?? 'zh-CN';
  const w = wordsOf(lang).html;
  const display = boardDisplay(report.standard, options);
  const ctx: Ctx = {
    report,
    lang,
    w,
    text: (t, fallback) => (t ? localizedText(t, lang) || fallback : fallback),
    anchor: new Map(report.units.map((u, i) => [u.unit.id, `u${i + 1}`])),
    units: new Map(report.units.map((u) => [u.unit.id, u])),
    scale: scoreRange(report),
    num: (n) => boardNumber(n, display),
    display,
    period: (p) => periodLabel(p, lang, display.weeks),
  };
  const standardName = localizedText(report.standard.name, lang);
  const current = report.current;
  const title = [standardName, w.report, current ? ctx.period(current) : ''].filter(Boolean).join(w.dot);

  const head = [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
  ];
  const sub = [
    w.report,
    current ? w.asOf(ctx.period(current)) : '',
    w.by[report.periodUnit],
    report.groupBy ? w.groupedBy(report.groupBy) : '',
  ].filter(Boolean).join(w.dot);
  const header = [
    '<header class="top">',
    `<h1>${esc(standardName)}</h1>`,
    `<p class="meta">${esc(sub)}</p>`,
    `<p class="meta">${esc(w.stats(report.totals.units, report.totals.inspections, report.totals.lines))}</p>`,
    report.totals.rejected > 0 ? `<p class="alert" role="note">${esc(w.rejected(report.totals.rejected))}</p>` : '',
    '<nav><ul>',
    `<li><a href="#league">${esc(w.nav.league)}</a></li>`,
    `<li><a href="#costliest">${esc(w.nav.costliest)}</a></li>`,
    `<li><a href="#units">${esc(w.nav.units)}</a></li>`,
    report.periods.length > 1 ? `<li><a href="#history">${esc(w.nav.history)}</a></li>` : '',
    report.ledger !== undefined ? `<li><a href="#ledger">${esc(wordsOf(lang).actions.nav)}</a></li>` : '',
    '</ul></nav>',
    '</header>',
  ];

  const body = ['<main>', leagueSection(ctx), costliestSection(ctx), unitsSection(ctx), historySection(ctx), ledgerSection(ctx), '</main>'];
  const footer = [
    '<footer>',
    `<p>${esc([report.generator ? w.generated(report.generator) : '', `${report.standard.id}@${report.standard.version}`, report.standard.source ?? ''].filter(Boolean).join(w.dot))}</p>`,
    '</footer>',
    '</body>',
    '</html>',
  ];
  return [...head, ...header, ...body, ...footer].filter((s) => s !== '').join('\n') + '\n';
}

/** 整改台账: every finding with a deadline, overdue ones marked; nothing for a standard without deadlines. */
function ledgerSection(ctx: Ctx): string {
  const ledger = ctx.report.ledger;
  if (ledger === undefined) return '';
  const words = wordsOf(ctx.lang).actions;
  const counts = { open: 0, overdue: 0, closed: 0 };
  for (const e of ledger.entries) counts[e.status]++;
  const out = ['<section id="ledger" aria-labelledby="ledger-h">', `<h2 id="ledger-h">${esc(words.title(ledger.asOf))}</h2>`, `<p class="muted">${esc(words.summary(counts))}</p>`];
  if (ledger.entries.length === 0) return [...out, `<p>${esc(words.none)}</p>`, '</section>'].join('\n');
  out.push(`<table><thead><tr>${words.headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>`);
  for (const e of ledger.entries) {
    const cells = [e.unit.id, e.unit.name ?? '', ctx.text(ctx.report.names.items[e.item], e.item), e.id, e.found, e.due, words.status[e.status], e.closed ?? '', String(e.daysOverdue), e.note ?? ''];
    // Styled in place: the stylesheet every report shares stays as it is.
    const style = e.status === 'overdue' ? ' style="color:#b00020;font-weight:600"' : e.status === 'closed' ? ' style="color:#666"' : '';
    out.push(`<tr class="ledger-${e.status}"${style}>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`);
  }
  out.push('</tbody></table>', '</section>');
  return out.join('\n');
}

function groupTitle(ctx: Ctx, group: string): string {
  return group === '' ? ctx.w.allUnits : group;
}

function shortPeriod(ctx: Ctx, period: Period): string {
  if (period.termWeek !== undefined) return ctx.w.week(period.termWeek);
  if (period.unit === 'week') return period.key.slice(5);
  return period.key;
}

function changeCell(change: number | null): string {
  const trend = change === null ? 'none' : change > 0 ? 'up' : change < 0 ? 'down' : 'same';
  return `<td class="change ${trend}">${changeMark(change)}</td>`;
}

function awardText(ctx: Ctx, awardId: string): string {
  return ctx.text(ctx.report.names.awards[awardId], awardId);
}

/** The scores of a unit up to and including a period, oldest first, for a sparkline. */
function trendUpTo(ctx: Ctx, unit: string, key: string): (number | null)[] {
  const detail = ctx.units.get(unit);
  if (!detail) return [];
  return detail.periods.filter((p) => p.period.key <= key).map((p) => p.score);
}

/**
 * A group's table. Units not inspected that period are not rows: they are named under the table
 * (in a collapsed list when there are many), so a large roster with few inspections a period stays
 * a table of the units that were inspected.
 */
function leagueTable(ctx: Ctx, table: ReportGroupTable, withTrend: boolean, captionClass = ''): string {
  const w = ctx.w;
  const caption = groupTitle(ctx, table.group) + w.dot + ctx.period(table.period);
  const absent = table.rows.filter((r) => r.unranked === 'no_inspection');
  const rows = table.rows.filter((r) => r.unranked !== 'no_inspection').map((row) => {
    const cls = [row.rank === null ? 'unranked' : row.awards.length > 0 ? 'awarded' : '', row.vetoes.length > 0 ? 'vetoed' : ''].filter(Boolean).join(' ');
    const anchor = ctx.anchor.get(row.unit.id);
    const name = esc(unitName(row.unit));
    const standing =
      row.rank === null
        ? esc(w.unranked[row.unranked ?? 'no_inspection'])
        : [...row.awards.map((a) => awardText(ctx, a)), ...(row.shared ?? []).map((x) => wordsOf(ctx.lang).league.shared(awardText(ctx, x.award), x.group))].map((a) => `${FLAG}${esc(a)}`).join('<br>');
    const veto = row.vetoes.length > 0 ? `<span class="veto">${esc(vetoMark(row.vetoes, ctx.lang))}</span>` : '';
    const awardsCell = [standing, veto].filter(Boolean).join('<br>');
    const cells = [
      `<td class="rank">${row.rank === null ? esc(w.none) : esc(String(row.rank))}</td>`,
      `<th scope="row">${anchor ? `<a href="#${anchor}">${name}</a>` : name}</th>`,
      `<td class="num">${row.score === null ? esc(w.none) : esc(ctx.num(row.score))}</td>`,
      `<td class="num">${row.inspections}</td>`,
      changeCell(row.change),
      `<td>${awardsCell}</td>`,
    ];
    if (withTrend) {
      const values = trendUpTo(ctx, row.unit.id, table.period.key);
      const label = w.trendValues(values.map((v) => (v === null ? w.none : ctx.num(v))).join(w.valueSep));
      cells.push(`<td>${values.some((v) => v !== null) ? sparkline(values, { title: label, ...ctx.scale }) : ''}</td>`);
    }
    return `<tr${cls ? ` class="${cls}"` : ''}>${cells.join('')}</tr>`;
  });
  const headers = [w.rank, w.unit, w.score, w.inspections, w.change, w.awards, ...(withTrend ? [w.trend] : [])];
  const numeric = new Set([w.score, w.inspections]);
  return [
    '<table class="league">',
    `<caption${captionClass ? ` class="${captionClass}"` : ''}>${esc(caption)}</caption>`,
    `<thead><tr>${headers.map((h) => `<th scope="col"${numeric.has(h) ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
    // Equal scores placed apart by a tie-breaker: said under the table.
    ...tieFootnotes(table.rows.map((r) => ({ rank: r.rank, score: r.score, name: unitName(r.unit) })), ctx.report.standard.tieBreakers ?? [], ctx.lang, ctx.display).map((n) => `<p class="muted tie-note">${esc(n)}</p>`),
    notInspected(ctx, absent.map((r) => r.unit)),
  ].filter(Boolean).join('\n');
}

function notInspected(ctx: Ctx, units: readonly UnitRef[]): string {
  if (units.length === 0) return '';
  const names = esc(units.map(unitName).join(ctx.w.listSep));
  const title = esc(ctx.w.notInspected(units.length));
  return units.length <= 10 ? `<p class="muted">${title}${esc(ctx.w.colon)}${names}</p>` : `<details class="absent"><summary class="muted">${title}</summary><p>${names}</p></details>`;
}

function boardsAndNotes(ctx: Ctx, table: ReportGroupTable, latest: boolean): string {
  const w = ctx.w;
  const out: string[] = [];
  const nameOf = (id: string) => {
    const row = table.rows.find((r) => r.unit.id === id);
    return row ? `${esc(unitName(row.unit))} <span class="muted">${row.score === null ? '' : esc(ctx.num(row.score))}</span>` : esc(id);
  };
  // Each name numbered with its place in the table: units tied share a number (3, 3, 3), as they share the board.
  const entry = (id: string) => {
    const rank = table.rows.find((r) => r.unit.id === id)?.rank;
    return `<li${typeof rank === 'number' && Number.isInteger(rank) ? ` value="${rank}"` : ''}>${nameOf(id)}</li>`;
  };
  const board = table.board;
  if (board && (board.top.length > 0 || board.bottom.length > 0)) {
    out.push('<div class="boards">');
    if (board.top.length > 0) out.push(`<div class="board top"><h4>${esc(w.top)}</h4><ol>${board.top.map(entry).join('')}</ol></div>`);
    if (board.bottom.length > 0) out.push(`<div class="board bottom"><h4>${esc(w.bottom)}</h4><ol>${board.bottom.map(entry).join('')}</ol></div>`);
    out.push('</div>');
  }
  const notes: string[] = [];
  for (const a of table.awards) if (a.none) notes.push(esc(`${awardText(ctx, a.award)}${w.colon}${notAwarded(a.none, ctx.lang)}`));
  if (latest) {
    const unitOf = (id: string) => unitName(table.rows.find((r) => r.unit.id === id)?.unit ?? { id });
    for (const warning of ctx.report.warnings.filter((x) => x.group === table.group)) notes.push(esc(w.warning(unitOf(warning.unit), warning.periods.length)));
    for (const streak of ctx.report.streaks.filter((x) => x.group === table.group)) notes.push(esc(w.streak(unitOf(streak.unit), awardText(ctx, streak.award), streak.periods.length)));
  }
  if (notes.length > 0) out.push(`<ul class="notes">${notes.map((n) => `<li>${n}</li>`).join('')}</ul>`);
  return out.join('\n');
}

function leagueSection(ctx: Ctx): string {
  const current = ctx.report.current;
  const out = ['<section id="league" aria-labelledby="league-h">', `<h2 id="league-h">${esc(ctx.w.league)}${current ? esc(ctx.w.dot + ctx.period(current)) : ''}</h2>`];
  const standardName = localizedText(ctx.report.standard.name, ctx.lang);
  for (const table of ctx.report.tables.filter((t) => t.period.key === current?.key)) {
    // On screen the section says which report and period; a printed page (the 评比栏) says it itself.
    const printed = standardName + ctx.w.dot + ctx.period(table.period) + ctx.w.dot;
    out.push(
      '<section class="group-page">',
      `<h3><span class="print-only">${esc(printed)}</span>${esc(groupTitle(ctx, table.group))}</h3>`,
      leagueTable(ctx, table, true, 'visually-hidden'),
      boardsAndNotes(ctx, table, true),
      '</section>',
    );
  }
  const rollup = ctx.report.rollup;
  if (rollup) {
    // Groups ranked from their members: the same table, titled with the roll-up and how members add up.
    const l = wordsOf(ctx.lang).league;
    const title = l.rollup(ctx.text(rollup.name, rollup.id), l.aggregates[rollup.aggregate]);
    for (const table of rollup.tables) {
      out.push(
        '<section class="group-page rollup">',
        `<h3>${esc([title, table.group].filter(Boolean).join(ctx.w.dot))}</h3>`,
        leagueTable(ctx, table, false, 'visually-hidden'),
        boardsAndNotes(ctx, table, false),
        rollup.assumption ? `<p class="muted">${esc(l.assumption + ctx.w.colon + rollup.assumption)}</p>` : '',
        '</section>',
      );
    }
  }
  const leftOut = leftOutNote(ctx.report.leftOut ?? [], ctx.lang);
  if (leftOut) out.push(`<div class="alert left-out" role="note"><p>${esc(leftOut.title)}</p><ul>${leftOut.lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></div>`);
  out.push('</section>');
  return out.join('\n');
}

function costliestSection(ctx: Ctx): string {
  const { w, report } = ctx;
  const span = report.periods.length > 0 ? w.span(ctx.period(report.periods[0]!), ctx.period(report.periods[report.periods.length - 1]!)) : '';
  const out = ['<section id="costliest" aria-labelledby="costliest-h">', `<h2 id="costliest-h">${esc(w.costliest(report.costliest.length))}</h2>`];
  if (report.costliest.length === 0) {
    out.push(`<p>${esc(w.costliestNone)}</p>`, '</section>');
    return out.join('\n');
  }
  pushAll(out, [
    '<table class="costliest">',
    `<caption>${esc(span)}</caption>`,
    `<thead><tr><th scope="col" class="num">#</th><th scope="col">${esc(w.item)}</th><th scope="col" class="num">${esc(w.lost)}</th><th scope="col" class="num">${esc(w.times)}</th><th scope="col" class="num">${esc(w.unitsCharged)}</th><th scope="col">${esc(w.source)}</th></tr></thead>`,
    '<tbody>',
    ...report.costliest.map(
      (c, i) =>
        `<tr><td class="num">${i + 1}</td><th scope="row">${esc(c.item === '' ? w.total : ctx.text(report.names.items[c.item], c.item))}</th><td class="num">${esc(c.points === null ? w.beyondRange : ctx.num(c.points))}</td><td class="num">${c.times}</td><td class="num">${c.units}</td><td>${esc(c.sources.join(w.sourceSep))}</td></tr>`,
    ),
    '</tbody>',
    '</table>',
    '</section>',
  ]);
  return out.join('\n');
}

function inspectionRows(ctx: Ctx, inspection: ReportInspection): string {
  const { w, report } = ctx;
  const about = [
    inspection.kind ? w.kindAndLevel(ctx.text(report.names.kinds[inspection.kind], inspection.kind), inspection.level ? ctx.text(report.names.levels[inspection.level], inspection.level) : undefined) : '',
    inspection.inspector ?? '',
    inspection.total !== undefined ? w.totalOf(ctx.num(inspection.total)) : '',
  ].filter(Boolean);
  // The cycle's standing and the charges, as the scorecard gives them (cycleText / chargeTexts: catalogue words).
  const cycle = cycleText(inspection, ctx.lang);
  const charges = chargeTexts(inspection, ctx.lang);
  const extra = [...(cycle !== undefined ? [`${wordsOf(ctx.lang).cycle.label}${w.colon}${cycle}`] : []), ...charges.map((c) => `${wordsOf(ctx.lang).charges.label}${w.colon}${c}`)]
    .map((t) => `<br><small class="cycle">${esc(t)}</small>`)
    .join('');
  const headCell = `<th scope="rowgroup" rowspan="${inspection.lines.length}">${esc(inspection.date)}${about.length > 0 ? `<br><small>${esc(about.join(w.dot))}</small>` : ''}${inspection.record ? `<br><small>#${esc(inspection.record)}</small>` : ''}${extra}</th>`;
  return (
    '<tbody>' +
    inspection.lines
      .map((line, i) => {
        const item = line.item ? ctx.text(report.names.items[line.item], line.item) : w.total;
        const tag = line.type === 'deduction' ? '' : `<span class="tag">${esc(wordsOf(ctx.lang).lineType[line.type])}</span>`;
        const reason = esc(renderMessage(line.reason, ctx.lang)) + (line.note ? `<br><small>${esc(w.note + w.colon + line.note)}</small>` : '');
        const points = line.points > 0 ? `+${ctx.num(line.points)}` : ctx.num(line.points);
        return `<tr>${i === 0 ? headCell : ''}<td class="item">${tag}${esc(item)}</td><td class="num">${esc(points)}</td><td>${reason}</td><td class="src">${esc(line.source ?? '')}</td></tr>`;
      })
      .join('\n') +
    '</tbody>'
  );
}

function unitPeriodBlock(ctx: Ctx, p: ReportUnitPeriod): string {
  const w = ctx.w;
  const facts = [
    p.score === null ? (p.unranked ? w.unranked[p.unranked] : w.none) : w.scoreOf(ctx.num(p.score)),
    p.rank !== null ? w.rankOf(p.rank, p.ranked) : '',
    w.inspectionsOf(p.inspections),
  ].filter(Boolean);
  const flags = p.awards.map((a) => `${FLAG}${esc(awardText(ctx, a))}`).join(' ');
  const out = [`<h4>${esc(ctx.period(p.period))} <small>${esc(facts.join(w.dot))}</small> ${flags}</h4>`];
  if (p.detailed.length > 0) {
    pushAll(out, [
      '<table class="lines">',
      `<thead><tr><th scope="col">${esc(w.date)}</th><th scope="col">${esc(w.item)}</th><th scope="col" class="num">${esc(w.points)}</th><th scope="col">${esc(w.reason)}</th><th scope="col">${esc(w.source)}</th></tr></thead>`,
      ...p.detailed.map((i) => inspectionRows(ctx, i)),
      '</table>',
    ]);
  }
  if (p.clean > 0) out.push(`<p class="muted">${esc(w.clean(p.clean))}</p>`);
  for (const s of p.shortfalls) out.push(`<p class="muted">${esc(w.shortfall(s.requirement, s.missing, s.points))}</p>`);
  return out.join('\n');
}

function absentPeriods(ctx: Ctx, unit: ReportUnit): string {
  const absent = unit.periods.filter((p) => p.inspections === 0);
  if (absent.length === 0) return '';
  return `<p class="muted">${esc(ctx.w.notInspectedIn + ctx.w.colon + absent.map((p) => shortPeriod(ctx, p.period)).join(ctx.w.listSep))}</p>`;
}

function unitsSection(ctx: Ctx): string {
  const { w, report } = ctx;
  const out = ['<section id="units" aria-labelledby="units-h">', `<h2 id="units-h">${esc(w.units)}</h2>`, `<p class="muted">${esc(w.unitsHint)}</p>`];
  let group: string | undefined;
  for (const unit of report.units) {
    if (unit.group !== group && report.groupBy) out.push(`<h3>${esc(groupTitle(ctx, unit.group))}</h3>`);
    group = unit.group;
    const name = unitName(unit.unit);
    const latest = unit.periods.find((p) => p.period.key === report.current?.key);
    // A trend needs two scores; a period without inspection is a gap in it and one word below.
    const chart =
      unit.periods.filter((p) => p.score !== null).length >= 2
        ? lineChart(
            unit.periods.map((p) => ({ label: shortPeriod(ctx, p.period), value: p.score, note: p.rank !== null ? `#${p.rank}` : '' })),
            {
              title: w.trendTitle(name),
              ...(report.base !== undefined ? { include: [report.base] } : {}),
              ...(report.awardMin ? { reference: { value: report.awardMin.min, label: w.awardMin(awardText(ctx, report.awardMin.award), ctx.num(report.awardMin.min)) } } : {}),
            },
          )
        : '';
    // A period score refused (beyond the exact range) or undecided says why, as its row does; not just "no score".
    const summary =
      latest?.score === null && latest.unranked !== undefined && latest.unranked !== 'no_inspection'
        ? w.unranked[latest.unranked]
        : w.unitSummary(latest === undefined ? undefined : latest.score === null ? null : ctx.num(latest.score), latest?.rank ?? null, latest?.ranked ?? 0, latest?.detailed.reduce((s, i) => s + i.lines.length, 0) ?? 0);
    pushAll(out, [
      `<details class="unit" id="${ctx.anchor.get(unit.unit.id)}">`,
      `<summary><span class="name">${esc(name)}</span><span class="muted">${esc(summary)}</span>${latest && latest.awards.length > 0 ? ` ${FLAG}` : ''}</summary>`,
      chart,
      ...[...unit.periods].reverse().filter((p) => p.inspections > 0).map((p) => unitPeriodBlock(ctx, p)),
      absentPeriods(ctx, unit),
      '</details>',
    ]);
  }
  out.push('</section>');
  return out.join('\n');
}

function historySection(ctx: Ctx): string {
  const { w, report } = ctx;
  const earlier = [...report.periods].reverse().slice(1);
  if (earlier.length === 0) return '';
  const out = ['<section id="history" aria-labelledby="history-h">', `<h2 id="history-h">${esc(w.history)}</h2>`, `<p class="muted">${esc(w.historyHint)}</p>`];
  for (const period of earlier) {
    const tables = report.tables.filter((t) => t.period.key === period.key);
    const holders = tables
      .map((t) => {
        const names = t.rows.filter((r) => r.awards.length > 0).map((r) => unitName(r.unit));
        return names.length > 0 ? `${groupTitle(ctx, t.group)}${w.colon}${names.join(w.listSep)}` : '';
      })
      .filter(Boolean)
      .join(w.groupSep);
    pushAll(out, [
      '<details class="period">',
      `<summary><span class="name">${esc(ctx.period(period))}</span>${holders ? `${FLAG}<span class="muted">${esc(holders)}</span>` : ''}</summary>`,
      ...tables.map((t) => `<h3>${esc(groupTitle(ctx, t.group))}</h3>\n${leagueTable(ctx, t, false)}\n${boardsAndNotes(ctx, t, false)}`),
      '</details>',
    ]);
  }
  out.push('</section>');
  return out.join('\n');
}
