/**
 * `scoresheet rank --standard S --period P [records…]`: league tables per period and group, with
 * awards. Exit codes as `score`: 0 all records scored; 1 some rejected or --fail-on matched; 2 could not run.
 */
import { renderLeague } from '../report/render.js';
import type { Verdict } from '../score/scorecard.js';
import type { Readable } from 'node:stream';
import type { Output } from './io.js';
import { loadLeagueInput, type LeagueInputOptions } from './league-input.js';

export interface RankCliOptions extends LeagueInputOptions {
  readonly format: 'text' | 'json' | 'csv' | 'md';
  readonly failOn: readonly Verdict[];
}

/** --decimals and --weeks, where given. */
export const display = (options: { readonly decimals?: number; readonly weeks?: 'key' | 'number' | 'range' }) => ({
  ...(options.decimals !== undefined ? { decimals: options.decimals } : {}),
  ...(options.weeks !== undefined ? { weeks: options.weeks } : {}),
});

export async function runRank(inputs: readonly string[], options: RankCliOptions, out: Output, stdin: Readable): Promise<number> {
  const input = await loadLeagueInput(inputs, options, out, stdin);
  if (input === 2) return 2;
  const { standard, league, scorecards, rejected } = input;

  if (options.format === 'json') {
    // The problems printed on stderr (the first --max-problems), and how many more there were.
    out.out(JSON.stringify({ ...league, rejected: rejected.listed, ...(rejected.notListed > 0 ? { rejectedNotListed: rejected.notListed } : {}) }, null, 2));
  } else out.out((options.format === 'csv' ? '\uFEFF' : '') + renderLeague(league, standard, { format: options.format, locale: options.lang, ...display(options) }));
  const failOn = options.failOn.some((v) => scorecards.some((c) => c.verdict === v));
  return rejected.records > 0 || failOn ? 1 : 0;
}
