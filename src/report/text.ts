/** Scorecards as text for a terminal: a header per inspection, its lines, and a summary. */
import { localizedText, renderMessage } from '../messages/render.js';
import { wordsOf } from '../messages/locales.js';
import type { Locale } from '../messages/locales.js';
import type { BandRef, Scorecard } from '../score/scorecard.js';
import type { Standard } from '../standard/schema.js';
import { formatTable } from './table.js';
import { pushAll } from '../collections.js';

/** Signed points as written on a scorecard: −2 → "-2", 0.5 → "+0.5". */
export function signedPoints(points: number): string {
  if (points === 0) return '0';
  return (points > 0 ? '+' : '') + String(points);
}

export interface ItemNames {
  /** The display name of an item or category id. */
  (id: string): string;
  /** The display name of an inspection kind (周一定期检查 for `scheduled`), when known. */
  kind?(id: string): string;
  /** The display name of an event level (市级 for `city`), when known. */
  level?(id: string): string;
}

/** id → display name for every item and category, inspection kind and event level of these standards. */
export function namesOf(standards: readonly Standard[], locale: Locale): ItemNames {
  const names = new Map<string, string>();
  const kinds = new Map<string, string>();
  const levels = new Map<string, string>();
  for (const standard of standards) {
    for (const category of standard.categories) {
      names.set(category.id, localizedText(category.name, locale));
      for (const item of category.items) names.set(item.id, localizedText(item.name, locale));
    }
    for (const kind of standard.kinds) if (kind.name) kinds.set(kind.id, localizedText(kind.name, locale));
    for (const level of standard.levels) if (level.name) levels.set(level.id, localizedText(level.name, locale));
  }
  return Object.assign((id: string) => names.get(id) ?? id, {
    kind: (id: string) => kinds.get(id) ?? id,
    level: (id: string) => levels.get(id) ?? id,
  });
}

/**
 * The category subtotals as one line (组织管理 7/7 · 培训督导 8/9), when every category has a maximum
 * to read them against; undefined otherwise (a subtotal without its maximum says little).
 */
export function categorySubtotals(card: Scorecard, locale: Locale): string | undefined {
  if (card.categories.length < 2 || card.categories.some((c) => c.max === undefined)) return undefined;
  return card.categories.map((c) => `${localizedText(c.name, locale)} ${c.points}/${c.max}`).join(' · ');
}

/** An inspection's kind (and level) as a header shows it: 重大活动检查/市级, or the ids when no names are known. */
export function kindLabel(card: Scorecard, names: ItemNames): string {
  if (card.kind === undefined) return '';
  const kind = names.kind?.(card.kind) ?? card.kind;
  return card.level === undefined ? kind : `${kind}/${names.level?.(card.level) ?? card.level}`;
}

/** Where a scorecard stands in its unit's re-inspection cycle, in words (undefined without a cycle). */
export function cycleText(card: Pick<Scorecard, 'cycle'>, locale: Locale): string | undefined {
  const c = card.cycle;
  if (c === undefined) return undefined;
  const w = wordsOf(locale).cycle;
  const band = (b: BandRef | null | undefined) => (b === undefined ? undefined : b === null ? w.none : localizedText(b.name, locale));
  return w.standing({ position: w.position[c.position], pending: c.pending, grade: band(c.grade), carried: band(c.carried) ?? w.none, previous: band(c.previous) });
}

/** Each charge of a scorecard, in words: the party, who, the amount and its unit. */
export function chargeTexts(card: Pick<Scorecard, 'charges'> & { readonly unit?: Scorecard['unit'] }, locale: Locale): string[] {
  const w = wordsOf(locale).charges;
  // The unit's own party reads with the unit's name, as the scorecard's head does.
  const whoText = (who: string | undefined) => (who === undefined ? w.unnamed : who === card.unit?.id && card.unit.name ? `${card.unit.name} (${who})` : who);
  return (card.charges ?? []).map((c) => w.line({ party: localizedText(c.name, locale), who: whoText(c.who), amount: String(c.amount), unit: w.unit[c.unit], multiply: c.multiply }));
}

export function formatScorecardText(card: Scorecard, locale: Locale, itemName: ItemNames): string {
  const w = wordsOf(locale).scorecard;
  const unit = card.unit.name ? `${card.unit.name} (${card.unit.id})` : card.unit.id;
  const head = [unit, card.date, kindLabel(card, itemName), card.inspector ?? '', card.standard, card.record ? `#${card.record}` : '']
    .filter(Boolean)
    .join('  ');
  const rows: string[][] = [[w.item, w.type, w.points, w.reason, w.source]];
  for (const line of card.lines) {
    rows.push([
      line.item ? itemName(line.item) : w.total,
      wordsOf(locale).lineType[line.type] ?? line.type,
      signedPoints(line.points),
      renderMessage(line.reason, locale),
      line.source ?? '',
    ]);
  }
  const out = [head];
  if (card.lines.length > 0) pushAll(out, formatTable(rows, ['left', 'left', 'right', 'left', 'left'], '  '));
  const band = card.band ? localizedText(card.band.name, locale) : w.none;
  // An incomplete total is only what could be scored: say so rather than print it as the score.
  const total = card.complete ? String(card.total) : `${card.total}${w.incomplete}`;
  const dimensions = (card.dimensions ?? []).map((d) => `  ${localizedText(d.name, locale)} ${d.band ? localizedText(d.band.name, locale) : w.none}`).join('');
  out.push(`  ${w.total} ${total}  ${w.band} ${band}${dimensions}  ${w.verdict} ${wordsOf(locale).verdict[card.verdict]}`);
  const subtotals = categorySubtotals(card, locale);
  if (subtotals !== undefined) out.push(`  ${w.categories}: ${subtotals}`);
  for (const o of card.outcomes) out.push(`  ${localizedText(o.name, locale)}: ${o.value}${o.tier ? ` (${localizedText(o.tier.name, locale)})` : ''}`);
  const cycle = cycleText(card, locale);
  if (cycle !== undefined) out.push(`  ${wordsOf(locale).cycle.label}: ${cycle}`);
  const charges = chargeTexts(card, locale);
  (card.charges ?? []).forEach((c, i) => out.push(`  ${wordsOf(locale).charges.label}: ${charges[i]!} [${itemName(c.item)}]`));
  for (const reason of card.reasons) out.push(`  - ${renderMessage(reason, locale)}${reason.item ? ` [${itemName(reason.item)}]` : ''}`);
  return out.join('\n');
}
