/** Scorecards as Markdown: a heading and a table per scorecard, the rejected records, then the summary. */
import { localizedText, renderMessage } from '../messages/render.js';
import { wordsOf } from '../messages/locales.js';
import type { Locale } from '../messages/locales.js';
import { formatPath, type Diagnostic } from '../diagnostics.js';
import type { Scorecard } from '../score/scorecard.js';
import { categorySubtotals, chargeTexts, cycleText, kindLabel, signedPoints, type ItemNames } from './text.js';
import { pushAll } from '../collections.js';

/**
 * Text from a record or a standard as Markdown (a table cell, a heading, a list item), so that it is never
 * markup: `&`, `<` and `>` as entities (never raw HTML nor an entity); backslashes, pipes, backticks, `*`
 * and `~` escaped (never code, emphasis or a cell break); a `]` that would close a link, an image or a
 * link definition (`](`, `][`, `]:`) escaped, so `![x](http://tracker)` is not fetched; a `_` that could
 * open or close emphasis escaped (one between letters, `unknown_item`, cannot); line breaks as spaces
 * (a line break would end the cell; `<br>` would be HTML). Every Markdown scoresheet writes escapes here.
 */
export function mdCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\|`*~]|\](?=[([:])|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\$&')
    .replace(/\r?\n|\r/g, ' ');
}

/** A footnote (`* …` in the catalogues) as a Markdown list item: the mark is the list's, the text is escaped. */
export const mdFootnote = (note: string): string => (note.startsWith('* ') ? `* ${mdCell(note.slice(2))}` : mdCell(note));

/** A Markdown table row of escaped cells. */
export const mdRow = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;

export function formatScorecardMarkdown(card: Scorecard, locale: Locale, itemName: ItemNames): string {
  const w = wordsOf(locale).markdown;
  const unit = card.unit.name ? `${card.unit.name} (${card.unit.id})` : card.unit.id;
  const title = [unit, card.date, kindLabel(card, itemName), card.inspector ?? '', card.record ? `#${card.record}` : '']
    .filter(Boolean)
    .join(' · ');
  const band = card.band ? localizedText(card.band.name, locale) : w.none;
  // Each named dimension beside the band: 等级 良好 · 处理 限期整改.
  const dimensions = (card.dimensions ?? []).map((d) => ` · ${mdCell(localizedText(d.name, locale))} ${mdCell(d.band ? localizedText(d.band.name, locale) : w.none)}`).join('');
  const out = [`### ${mdCell(title)}`, '', `${card.standard} · ${w.total} **${card.total}** · ${w.band} ${mdCell(band)}${dimensions} · ${w.verdict} **${wordsOf(locale).verdict[card.verdict]}**`, ''];
  if (card.lines.length === 0) out.push(w.noLines);
  else {
    out.push(mdRow([w.item, w.type, w.points, w.reason, w.note, w.source]), '|---|---|---:|---|---|---|');
    for (const line of card.lines) {
      out.push(mdRow([line.item ? itemName(line.item) : w.total, wordsOf(locale).lineType[line.type] ?? line.type, signedPoints(line.points), renderMessage(line.reason, locale), line.note ?? '', line.source ?? '']));
    }
  }
  const notes: string[] = [];
  if (!card.complete) notes.push(`- ${w.incomplete}`);
  const subtotals = categorySubtotals(card, locale);
  if (subtotals !== undefined) notes.push(`- ${w.categories}: ${mdCell(subtotals)}`);
  for (const o of card.outcomes) notes.push(`- ${mdCell(`${localizedText(o.name, locale)}: ${o.value}${o.tier ? ` (${localizedText(o.tier.name, locale)})` : ''}`)}`);
  const cycle = cycleText(card, locale);
  if (cycle !== undefined) notes.push(`- ${mdCell(`${wordsOf(locale).cycle.label}: ${cycle}`)}`);
  const charges = chargeTexts(card, locale);
  (card.charges ?? []).forEach((c, i) => notes.push(`- ${mdCell(`${wordsOf(locale).charges.label}: ${charges[i]!}`)} [${mdCell(itemName(c.item))}]`));
  for (const reason of card.reasons) notes.push(`- ${mdCell(renderMessage(reason, locale))}${reason.item ? ` [${mdCell(itemName(reason.item))}]` : ''}`);
  if (notes.length > 0) pushAll(out, ['', ...notes]);
  return out.join('\n');
}

export function formatScorecardsMarkdown(cards: readonly Scorecard[], rejected: readonly Diagnostic[], summary: string, locale: Locale, itemName: ItemNames): string {
  const w = wordsOf(locale).markdown;
  const blocks = [`## ${w.scorecards}`, ...cards.map((c) => formatScorecardMarkdown(c, locale, itemName))];
  if (rejected.length > 0) {
    blocks.push(
      [`## ${w.rejected}`, '', mdRow([w.line, w.record, w.field, w.code, w.problem]), '|---|---:|---|---|---|', ...rejected.map((d) => mdRow([`${d.file}:${d.line}:${d.column}`, `#${d.index ?? 0}`, formatPath(d.path), d.code, d.message]))].join('\n'),
    );
  }
  blocks.push(`## ${w.summary}\n\n${summary}`);
  return blocks.join('\n\n') + '\n';
}
