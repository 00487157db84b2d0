/** Scorecards as Markdown: a heading and a table per scorecard, the rejected records, then the summary. */
import { localizedText, renderMessage } from '../messages/render.js';
import type { Locale } from '../messages/types.js';
import type { RecordDiagnostic } from '../records/diagnostics.js';
import type { Scorecard } from '../score/scorecard.js';
import { LINE_TYPE_WORDS } from './csv.js';
import { categorySubtotals, kindLabel, signedPoints, VERDICT_WORDS, type ItemNames } from './text.js';
import { pushAll } from '../collections.js';

const WORDS = {
  en: {
    item: 'item', type: 'type', points: 'points', reason: 'reason', note: 'note', source: 'source', total: 'total', band: 'band', verdict: 'verdict',
    none: '—', noLines: 'No deductions or awards.', incomplete: 'incomplete: some rules could not be scored', categories: 'Categories',
    rejected: 'Rejected records', line: 'line', record: 'record', field: 'field', code: 'code', problem: 'problem', summary: 'Summary', scorecards: 'Scorecards',
  },
  'zh-CN': {
    item: '检查项', type: '类型', points: '分数', reason: '原因', note: '说明', source: '依据', total: '总分', band: '等级', verdict: '结论',
    none: '—', noLines: '无扣分或奖分。', incomplete: '不完整：部分规则无法评分', categories: '分项',
    rejected: '被拒绝的记录', line: '行', record: '记录', field: '字段', code: '代码', problem: '问题', summary: '汇总', scorecards: '评分表',
  },
} as const;

/**
 * Text from a record or a standard as Markdown (a table cell, a heading, a list item): backslashes
 * and pipes escaped, `<` and `>` as entities so a name is never raw HTML, line breaks as spaces
 * (a line break would end the cell; `<br>` would be HTML). Every Markdown scoresheet writes escapes here.
 */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n|\r/g, ' ');
}

/** A Markdown table row of escaped cells. */
export const mdRow = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;

export function formatScorecardMarkdown(card: Scorecard, locale: Locale, itemName: ItemNames): string {
  const w = WORDS[locale];
  const unit = card.unit.name ? `${card.unit.name} (${card.unit.id})` : card.unit.id;
  const title = [unit, card.date, kindLabel(card, itemName), card.inspector ?? '', card.record ? `#${card.record}` : '']
    .filter(Boolean)
    .join(' · ');
  const band = card.band ? localizedText(card.band.name, locale) : w.none;
  const out = [`### ${mdCell(title)}`, '', `${card.standard} · ${w.total} **${card.total}** · ${w.band} ${mdCell(band)} · ${w.verdict} **${VERDICT_WORDS[locale][card.verdict]}**`, ''];
  if (card.lines.length === 0) out.push(w.noLines);
  else {
    out.push(mdRow([w.item, w.type, w.points, w.reason, w.note, w.source]), '|---|---|---:|---|---|---|');
    for (const line of card.lines) {
      out.push(mdRow([line.item ? itemName(line.item) : w.total, LINE_TYPE_WORDS[locale][line.type] ?? line.type, signedPoints(line.points), renderMessage(line.reason, locale), line.note ?? '', line.source ?? '']));
    }
  }
  const notes: string[] = [];
  if (!card.complete) notes.push(`- ${w.incomplete}`);
  const subtotals = categorySubtotals(card, locale);
  if (subtotals !== undefined) notes.push(`- ${w.categories}: ${mdCell(subtotals)}`);
  for (const o of card.outcomes) notes.push(`- ${mdCell(`${localizedText(o.name, locale)}: ${o.value}${o.tier ? ` (${localizedText(o.tier.name, locale)})` : ''}`)}`);
  for (const reason of card.reasons) notes.push(`- ${mdCell(renderMessage(reason, locale))}${reason.item ? ` [${mdCell(itemName(reason.item))}]` : ''}`);
  if (notes.length > 0) pushAll(out, ['', ...notes]);
  return out.join('\n');
}

export function formatScorecardsMarkdown(cards: readonly Scorecard[], rejected: readonly RecordDiagnostic[], summary: string, locale: Locale, itemName: ItemNames): string {
  const w = WORDS[locale];
  const blocks = [`## ${w.scorecards}`, ...cards.map((c) => formatScorecardMarkdown(c, locale, itemName))];
  if (rejected.length > 0) {
    blocks.push(
      [`## ${w.rejected}`, '', mdRow([w.line, w.record, w.field, w.code, w.problem]), '|---|---:|---|---|---|', ...rejected.map((d) => mdRow([`${d.file}:${d.line}`, `#${d.index}`, d.field, d.code, d.message]))].join('\n'),
    );
  }
  blocks.push(`## ${w.summary}\n\n${summary}`);
  return blocks.join('\n\n') + '\n';
}
