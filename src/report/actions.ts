/**
 * The rectification ledger (整改台账) as text, JSON, CSV, Markdown or HTML: one row per finding with a
 * deadline, by unit, then deadline. Pure data → string.
 */
import { stringify } from 'csv-stringify/sync';
import type { LedgerEntry, LedgerStatus } from '../history/history.js';
import { wordsOf, type Locale } from '../messages/locales.js';
import { spreadsheetCell } from '../spreadsheet.js';
import { mdRow } from './markdown.js';
import { escapeXml } from './svg.js';
import { formatTable } from './table.js';
import type { ItemNames } from './text.js';

export type LedgerFormat = 'text' | 'json' | 'csv' | 'md' | 'html';

export interface LedgerCounts {
  open: number;
  overdue: number;
  closed: number;
}

/** How many findings stand open, overdue and closed. */
export function countLedger(ledger: readonly LedgerEntry[]): LedgerCounts {
  const counts: LedgerCounts = { open: 0, overdue: 0, closed: 0 };
  for (const entry of ledger) counts[entry.status]++;
  return counts;
}

function rows(ledger: readonly LedgerEntry[], locale: Locale, names: ItemNames): string[][] {
  const status: Readonly<Record<LedgerStatus, string>> = wordsOf(locale).actions.status;
  return ledger.map((e) => [e.unit.id, e.unit.name ?? '', names(e.item), e.id, e.found, e.due, status[e.status], e.closed ?? '', String(e.daysOverdue), e.note ?? '']);
}

/**
 * The ledger in a format.
 *
 * @example
 * ```ts
 * import { formatLedger } from 'scoresheet/report';
 *
 * console.log(formatLedger([], { format: 'text', locale: 'zh-CN', asOf: '2024-03-31', names: (id) => id }));
 * ```
 */
export function formatLedger(ledger: readonly LedgerEntry[], options: { readonly format: LedgerFormat; readonly locale: Locale; readonly asOf: string; readonly names: ItemNames }): string {
  const { format, locale, asOf, names } = options;
  const words = wordsOf(locale).actions;
  const counts = countLedger(ledger);
  const headers = words.headers;
  switch (format) {
    case 'json':
      return JSON.stringify({ asOf, findings: ledger, summary: counts }, null, 2);
    case 'csv':
      return stringify([[...headers], ...rows(ledger, locale, names).map((row) => row.map(spreadsheetCell))]).trimEnd();
    case 'md':
      return [`## ${words.title(asOf)}`, '', ...(ledger.length === 0 ? [words.none] : [mdRow(headers), `|${headers.map(() => ' --- ').join('|')}|`, ...rows(ledger, locale, names).map(mdRow)]), '', words.summary(counts)].join('\n');
    case 'html': {
      const cell = (tag: string, text: string, cls?: string) => `<${tag}${cls ? ` class="${cls}"` : ''}>${escapeXml(text)}</${tag}>`;
      const body = rows(ledger, locale, names).map((row, i) => `<tr class="${ledger[i]!.status}">${row.map((c) => cell('td', c)).join('')}</tr>`);
      return [
        '<!DOCTYPE html>',
        `<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeXml(words.title(asOf))}</title>`,
        '<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .5em}tr.overdue td{color:#b00;font-weight:bold}tr.closed td{color:#666}</style></head><body>',
        `<section class="ledger">${cell('h2', words.title(asOf))}`,
        ledger.length === 0 ? cell('p', words.none) : `<table><thead><tr>${headers.map((h) => cell('th', h)).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`,
        `${cell('p', words.summary(counts))}</section></body></html>`,
      ].join('\n');
    }
    default:
      return [words.title(asOf), '', ...(ledger.length === 0 ? [words.none] : formatTable([[...headers], ...rows(ledger, locale, names)], ['left', 'left', 'left', 'left', 'left', 'left', 'left', 'left', 'right'])), '', words.summary(counts)].join('\n');
  }
}
