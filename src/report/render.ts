/** A scorecard or a league in one of the formats the CLI prints: one entry each, the format an option. */
import type { Locale } from '../messages/locales.js';
import type { League } from '../rank/league.js';
import type { Scorecard } from '../score/scorecard.js';
import type { Standard } from '../standard/schema.js';
import { dimensionColumns, formatCsv, formatScorecardsCsv } from './csv.js';
import { boardDisplay } from './display.js';
import type { WeekLabel } from '../aggregate/periods.js';
import { formatLeagueMarkdown, formatLeagueText, leagueCsvRows } from './league.js';
import { formatScorecardMarkdown } from './markdown.js';
import { formatScorecardText, namesOf } from './text.js';

export type RenderFormat = 'text' | 'md' | 'csv' | 'json';

export interface RenderOptions {
  /** `text` (the default: the CLI's table), `md`, `csv` (no BOM) or `json`. */
  readonly format?: RenderFormat;
  /** The language of the words; by default `en`. */
  readonly locale?: Locale;
  /** Leagues: decimals shown for scores (default the standard's `ranking.display`, else 2) and week labels. */
  readonly decimals?: number;
  readonly weeks?: WeekLabel;
}

/**
 * One scorecard as text, Markdown, CSV or JSON, with the item names of the standard that scored it.
 *
 * @example
 * ```ts
 * import { compileStandard, loadStandard, renderScorecard, scoreRecord, shippedStandard } from 'scoresheet';
 *
 * const loaded = await loadStandard(shippedStandard('school-hygiene'));
 * if (loaded.ok) {
 *   const result = scoreRecord(compileStandard(loaded.standard), { unit: { id: 'g1-3' }, date: '2024-03-04', findings: [] });
 *   if (result.ok) console.log(renderScorecard(result.scorecard, loaded.standard, { format: 'md', locale: 'zh-CN' }));
 * }
 * ```
 */
export function renderScorecard(card: Scorecard, standard: Standard, options: RenderOptions = {}): string {
  const locale = options.locale ?? 'en';
  const names = namesOf([standard], locale);
  switch (options.format ?? 'text') {
    case 'json':
      return JSON.stringify(card, null, 2);
    case 'md':
      return formatScorecardMarkdown(card, locale, names);
    case 'csv':
      return formatScorecardsCsv([card], locale, names, { dimensions: dimensionColumns([standard]) });
    case 'text':
      return formatScorecardText(card, locale, names);
  }
}

/**
 * A league (tables, awards, boards) as text, Markdown, CSV or JSON — what `scoresheet rank` prints.
 *
 * @example
 * ```ts
 * import { buildLeague, renderLeague, type Scorecard, type Standard } from 'scoresheet';
 *
 * declare const standard: Standard;
 * declare const scorecards: Scorecard[];
 * const league = buildLeague(standard, scorecards, { period: 'week' });
 * console.log(renderLeague(league, standard, { format: 'text', locale: 'zh-CN' }));
 * ```
 */
export function renderLeague(league: League, standard: Standard, options: RenderOptions = {}): string {
  const locale = options.locale ?? 'en';
  const display = boardDisplay(standard, { ...(options.decimals !== undefined ? { decimals: options.decimals } : {}), ...(options.weeks !== undefined ? { weeks: options.weeks } : {}) });
  switch (options.format ?? 'text') {
    case 'json':
      return JSON.stringify(league, null, 2);
    case 'md':
      return formatLeagueMarkdown(league, standard, locale, display);
    case 'csv':
      return formatCsv(leagueCsvRows(league, standard, locale, display));
    case 'text':
      return formatLeagueText(league, standard, locale, display);
  }
}
