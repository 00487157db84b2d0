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
import type { LocalizedText } from '../common-schema.js';
import { chargeTexts, cycleText, type ItemNames } from './text.js';
import { spreadsheetCell } from '../spreadsheet.js';
import { pushAll } from '../collections.js';

export { spreadsheetCell };

export interface ScorecardCsvOptions {
  /** Start with the header row (default true; false for the rows of a sheet being streamed). */
  readonly header?: boolean;
  /**
   * The named outcome dimensions to give a column each, after `band` (the standards' outcomes.dimensions,
   * see dimensionColumns): a scorecard without one leaves its cell empty. None: the columns of old.
   */
  readonly dimensions?: readonly { readonly id: string; readonly name: LocalizedText }[];
}

/** The dimension columns for scorecards of these standards: each dimension id once, in the order first declared. */
export function dimensionColumns(standards: readonly { readonly outcomes: { readonly dimensions?: readonly { readonly id: string; readonly name: LocalizedText }[] } }[]): { id: string; name: LocalizedText }[] {
  const seen = new Map<string, LocalizedText>();
  for (const s of standards) for (const d of s.outcomes.dimensions ?? []) if (!seen.has(d.id)) seen.set(d.id, d.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** The header row and one row per scorecard line. */
export function scorecardCsvRows(cards: readonly Scorecard[], locale: Locale, itemName: ItemNames, options: ScorecardCsvOptions = {}): string[][] {
  const dimensions = options.dimensions ?? [];
  // The dimension columns follow `band` (the default dimension), in every language's headers.
  const at = wordsOf('en').csv.headers.indexOf('band') + 1;
  let cellOf: (id: string) => string = () => '';
  const withDimensions = (row: string[]) => (dimensions.length === 0 ? row : [...row.slice(0, at), ...dimensions.map((d) => cellOf(d.id)), ...row.slice(at)]);
  cellOf = (id) => localizedText(dimensions.find((d) => d.id === id)!.name, locale) || id;
  const rows: string[][] = options.header === false ? [] : [withDimensions([...wordsOf(locale).csv.headers])];
  for (const card of cards) {
    cellOf = (id) => {
      const band = card.dimensions?.find((d) => d.id === id)?.band;
      return band ? localizedText(band.name, locale) : '';
    };
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
      rows.push(withDimensions([...head, '', '', '', '', '', '', '', '', '']));
      continue;
    }
    pushAll(rows, extra.map(withDimensions));
    card.lines.forEach((line, i) => {
      rows.push(withDimensions([
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
      ]));
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
