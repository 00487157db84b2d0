/**
 * Scorecards as CSV: one row per scorecard line (a scorecard with no lines gets one row with the line
 * columns empty), every row carrying its scorecard's unit, date, total and verdict, so a sheet can be
 * filtered and pivoted as it is. Pure data → rows; the CLI adds the BOM and picks the encoding.
 */
import { stringify } from 'csv-stringify/sync';
import { localizedText, renderMessage } from '../messages/render.js';
import type { Locale } from '../messages/types.js';
import type { Scorecard, ScoreLine } from '../score/scorecard.js';
import { VERDICT_WORDS, type ItemNames } from './text.js';
import { spreadsheetCell } from '../spreadsheet.js';

export { spreadsheetCell };

const HEADERS: Record<Locale, readonly string[]> = {
  en: ['record', 'standard', 'unit_id', 'unit', 'date', 'kind', 'level', 'inspector', 'total', 'band', 'verdict', 'complete', 'line', 'type', 'item_id', 'item', 'category', 'points', 'reason', 'note', 'source'],
  'zh-CN': ['记录编号', '标准', '单位编号', '单位', '日期', '检查类型', '活动级别', '检查人', '总分', '等级', '结论', '完整', '序号', '类型', '检查项编号', '检查项', '类别', '分数', '原因', '说明', '依据'],
};

export const LINE_TYPE_WORDS: Record<Locale, Record<ScoreLine['type'], string>> = {
  en: { deduction: 'deduction', award: 'award', veto: 'veto', prerequisite_unmet: 'prerequisite', not_applicable: 'n/a', capped: 'capped', threshold_unmet: 'threshold' },
  'zh-CN': { deduction: '扣分', award: '奖分', veto: '一票否决', prerequisite_unmet: '必备条件', not_applicable: '不适用', capped: '封顶/保底', threshold_unmet: '未达标' },
};

const YES_NO: Record<Locale, readonly [string, string]> = { en: ['yes', 'no'], 'zh-CN': ['是', '否'] };

export interface ScorecardCsvOptions {
  /** Start with the header row (default true; false for the rows of a sheet being streamed). */
  readonly header?: boolean;
}

/** The header row and one row per scorecard line. */
export function scorecardCsvRows(cards: readonly Scorecard[], locale: Locale, itemName: ItemNames, options: ScorecardCsvOptions = {}): string[][] {
  const rows: string[][] = options.header === false ? [] : [[...HEADERS[locale]]];
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
      VERDICT_WORDS[locale][card.verdict],
      card.complete ? YES_NO[locale][0] : YES_NO[locale][1],
    ];
    if (card.lines.length === 0) {
      rows.push([...head, '', '', '', '', '', '', '', '', '']);
      continue;
    }
    card.lines.forEach((line, i) => {
      rows.push([
        ...head,
        String(i + 1),
        LINE_TYPE_WORDS[locale][line.type] ?? line.type,
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
