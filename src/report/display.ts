/**
 * How boards (league tables, reports) show scores and weeks: the standard's `ranking.display`, which
 * the CLI's --decimals and --weeks override. Every format (text, Markdown, CSV, HTML) shows the same
 * digits; JSON keeps the exact value.
 */
import type { WeekLabel } from '../aggregate/periods.js';
import { formatDecimals } from '../points.js';
import type { Standard } from '../standard/schema.js';

export interface BoardDisplay {
  /** Decimals shown for scores (0–4). */
  readonly decimals: number;
  readonly weeks: WeekLabel;
}

/** Two decimals: 99.3333 shows as 99.33 on every board. */
export const DEFAULT_DECIMALS = 2;

export interface DisplayOptions {
  readonly decimals?: number;
  readonly weeks?: WeekLabel;
}

/** The display of a standard's boards, with what the caller overrides. */
export function boardDisplay(standard: Standard | { readonly display?: DisplayOptions }, options: DisplayOptions = {}): BoardDisplay {
  const own = 'display' in standard ? standard.display : 'scoring' in standard ? standard.ranking?.display : undefined;
  return { decimals: options.decimals ?? own?.decimals ?? DEFAULT_DECIMALS, weeks: options.weeks ?? own?.weeks ?? 'key' };
}

/** A score as the board shows it. */
export function boardNumber(value: number, display: BoardDisplay): string {
  return formatDecimals(value, display.decimals);
}
