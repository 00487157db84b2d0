/**
 * The monthly settlement (考评兑现) as text, JSON, CSV or Markdown: one row per month, party, who and
 * unit of amount (src/history/settle.ts). Pure data → string.
 */
import type { SettlementRow } from '../history/settle.js';
import { localizedText } from '../messages/render.js';
import { wordsOf, type Locale } from '../messages/locales.js';
import { formatCsv } from './csv.js';
import { mdRow } from './markdown.js';
import { formatTable } from './table.js';

export type SettlementFormat = 'text' | 'json' | 'csv' | 'md';

function whoText(r: SettlementRow, w: ReturnType<typeof wordsOf>['charges']): string {
  const who = r.who === undefined ? w.unnamed : r.whoName !== undefined ? `${r.whoName} (${r.who})` : r.who;
  return r.shareOf === undefined ? who : w.shareOf(who, r.shareOf);
}

function rows(settlement: readonly SettlementRow[], locale: Locale): string[][] {
  const w = wordsOf(locale).charges;
  return settlement.map((r) => [r.month, r.party, localizedText(r.name, locale), whoText(r, w), w.unit[r.unit], String(r.amount), String(r.findings)]);
}

/**
 * The settlement in a format (JSON: the rows as data, amounts exact decimals).
 *
 * @example
 * ```ts
 * import { formatSettlement } from 'scoresheet/report';
 *
 * console.log(formatSettlement([], { format: 'text', locale: 'zh-CN' }));
 * ```
 */
export function formatSettlement(settlement: readonly SettlementRow[], options: { readonly format: SettlementFormat; readonly locale: Locale; readonly month?: string }): string {
  const { format, locale, month } = options;
  const w = wordsOf(locale).settle;
  const headers = w.headers;
  switch (format) {
    case 'json':
      return JSON.stringify({ ...(month !== undefined && { month }), settlement }, null, 2);
    case 'csv':
      return formatCsv([[...headers], ...rows(settlement, locale)]);
    case 'md':
      return [`## ${w.title(month)}`, '', ...(settlement.length === 0 ? [w.none] : [mdRow(headers), '|---|---|---|---|---|---:|---:|', ...rows(settlement, locale).map(mdRow)]), '', w.summary(settlement.length)].join('\n');
    default:
      return [w.title(month), '', ...(settlement.length === 0 ? [w.none] : formatTable([[...headers], ...rows(settlement, locale)], ['left', 'left', 'left', 'left', 'left', 'right', 'right'])), '', w.summary(settlement.length)].join('\n');
  }
}
