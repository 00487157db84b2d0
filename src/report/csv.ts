/**
 * Scorecards as CSV: one row per scorecard line (a scorecard with no lines gets one row with the line
 * columns empty), every row carrying its scorecard's unit, date, total and verdict, so a sheet can be
 * filtered and pivoted as it is. Pure data → rows; the CLI adds the BOM and picks the encoding.
 */
import { stringify } from 'csv-stringify/sync';
import { localizedText, renderMessage } from '../messages/render.js';
import { wordsOf } from '../messages/locales.js';
import type { Locale } from '../messages/locales.js';
import type { Scorecard } from '../score/scorecard.js';
import { chargeTexts, cycleText, type ItemNames } from './text.js';
import { spreadsheetCell } from '../spreadsheet.js';
import { pushAll } from '../collections.js';

export { spreadsheetCell };

export interface ScorecardCsvOptions {
  /** Start with the header row (default true; false for the rows of a sheet being streamed). */
  readonly header?: boolean;
}

/** The header row and one row per scorecard line. */
export function scorecardCsvRows(cards: readonly Scorecard[], locale: Locale, itemName: ItemNames, options: ScorecardCsvOptions = {}): string[][] {
  const rows: string[][] = options.header === false ? [] : [[...wordsOf(locale).csv.headers]];
  for (const card of cards) {
    const head = [
      card.record ?? '',
      card.standard,
      card.unit.id,
      card.unit.name ?? '',
      card.date,
      card.kind ?? '',
      card.level ?? '',
      card.inspector ?? '',
      String(card.total),
      card.band ? localizedText(card.band.name, locale) : '',
      wordsOf(locale).verdict[card.verdict],
      card.complete ? wordsOf(locale).csv.yes : wordsOf(locale).csv.no,
    ];
    // A cycle's standing and each charge are rows of their own, before the lines (type: 复查周期 / 扣减).
    const extra: string[][] = [];
    const cycle = cycleText(card, locale);
    if (cycle !== undefined) extra.push([...head, '', wordsOf(locale).cycle.label, '', '', '', '', cycle, '', '']);
    const charges = chargeTexts(card, locale);
    (card.charges ?? []).forEach((c, i) => extra.push([...head, '', wordsOf(locale).charges.label, c.item, itemName(c.item), '', '', charges[i]!, c.who ?? '', c.source ?? '']));
    if (card.lines.length === 0 && extra.length === 0) {
      rows.push([...head, '', '', '', '', '', '', '', '', '']);
      continue;
    }
    pushAll(rows, extra);
    card.lines.forEach((line, i) => {
      rows.push([
        ...head,
        String(i + 1),
        wordsOf(locale).lineType[line.type] ?? line.type,
        line.item ?? '',
        line.item ? itemName(line.item) : '',
        line.category ? itemName(line.category) : '',
        String(line.points),
        renderMessage(line.reason, locale),
        line.note ?? '',
        line.source ?? '',
      ]);
    });
  }
  return rows;
}

/** The CSV text (no BOM, no final line break: the CLI adds both). */
export function formatScorecardsCsv(cards: readonly Scorecard[], locale: Locale, itemName: ItemNames, options: ScorecardCsvOptions = {}): string {
  return formatCsv(scorecardCsvRows(cards, locale, itemName, options));
}

/**
 * Rows → CSV text, every cell through spreadsheetCell (no BOM, no final line break). Every CSV scoresheet writes goes through here.
 *
 * @example
 * ```ts
 * import { formatCsv } from 'scoresheet/report';
 *
 * console.log('\uFEFF' + formatCsv([['unit', 'total'], ['=1+1', '95']])); // Excel reads UTF-8 with a BOM
 * ```
 */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return stringify(rows.map((row) => row.map(spreadsheetCell))).replace(/\n$/, '');
}
