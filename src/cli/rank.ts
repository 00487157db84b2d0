/**
 * `scoresheet rank --standard S --period P [records…]`: league tables per period and group, with
 * awards. Exit codes as `score`: 0 all records scored; 1 some rejected or --fail-on matched; 2 could not run.
 */
import { renderLeague } from '../report/render.js';
import type { Verdict } from '../score/scorecard.js';
import type { Readable } from 'node:stream';
import { wordsOf } from '../messages/locales.js';
import { leagueWorkbook } from '../report/xlsx.js';
import { leftOutWarnings } from '../report/league.js';
import { fileOutput, writeOutputFile, type Output } from './io.js';
import { loadLeagueInput, type LeagueInputOptions } from './league-input.js';

export interface RankCliOptions extends LeagueInputOptions {
  readonly format: 'text' | 'json' | 'csv' | 'md' | 'xlsx';
  readonly failOn: readonly Verdict[];
  /** -o: the file to write instead of standard output (needed by xlsx). */
  readonly output?: string;
}

/** --decimals and --weeks, where given. */
export const display = (options: { readonly decimals?: number; readonly weeks?: 'key' | 'number' | 'range' }) => ({
  ...(options.decimals !== undefined ? { decimals: options.decimals } : {}),
  ...(options.weeks !== undefined ? { weeks: options.weeks } : {}),
});

export async function runRank(inputs: readonly string[], options: RankCliOptions, terminal: Output, stdin: Readable): Promise<number> {
  if (options.format === 'xlsx' && options.output === undefined) {
    terminal.err(wordsOf(options.lang).cli.xlsxNeedsOutput);
    return 2;
  }
  const input = await loadLeagueInput(inputs, options, terminal, stdin);
  if (input === 2) return 2;
  const { standard, league, scorecards, rejected } = input;
  // Inspections in no period (a holiday, between terms) are a warning, not a failure: the exit code stays.
  for (const line of leftOutWarnings(league.leftOut ?? [], options.lang)) terminal.err(line);
  const file = options.output !== undefined ? fileOutput(terminal) : undefined;
  const out = file ?? terminal;

  if (options.format === 'xlsx') {
    if (!(await writeOutputFile(options.output!, await leagueWorkbook(league, standard, options.lang), terminal, wordsOf(options.lang).cli.cannotWrite))) return 2;
  } else if (options.format === 'json') {
    // The problems printed on stderr (the first --max-problems), and how many more there were.
    out.out(JSON.stringify({ ...league, rejected: rejected.listed, ...(rejected.notListed > 0 ? { rejectedNotListed: rejected.notListed } : {}) }, null, 2));
  } else out.out((options.format === 'csv' ? '\uFEFF' : '') + renderLeague(league, standard, { format: options.format, locale: options.lang, ...display(options) }));
  if (file !== undefined && options.format !== 'xlsx' && !(await writeOutputFile(options.output!, file.written(), terminal, wordsOf(options.lang).cli.cannotWrite))) return 2;
  const failOn = options.failOn.some((v) => scorecards.some((c) => c.verdict === v));
  return rejected.records > 0 || failOn ? 1 : 0;
}
