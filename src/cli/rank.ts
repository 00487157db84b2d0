/**
 * `scoresheet rank --standard S --period P [records…]`: league tables per period and group, with
 * awards. Exit codes as `score`: 0 all records scored; 1 some rejected or --fail-on matched; 2 could not run.
 */
import { renderLeague } from '../report/render.js';
import type { Verdict } from '../score/scorecard.js';
import type { Readable } from 'node:stream';
import { wordsOf } from '../messages/locales.js';
import { leagueWorkbook } from '../report/xlsx.js';
import { leftOutWarnings, tooLargeWarnings } from '../report/league.js';
import { fileOutput, printable, writeOutputFile, type Output } from './io.js';
import { outLines, writeLines } from './write-lines.js';
import { jsonPieces } from '../report/json-pieces.js';
import { linesNotKept } from '../aggregate/aggregate.js';
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
  // Nothing here reads a scorecard beyond the league and the --fail-on verdicts: each is fed to the league as it is scored.
  // Only JSON prints the results' traced lines; the tables show a row's vetoes alone, so the league keeps no other line.
  const input = await loadLeagueInput(inputs, options, terminal, stdin, { hold: false, watch: options.failOn, traced: options.format === 'json' ? 'all' : 'vetoes' });
  if (input === 2) return 2;
  const { standard, league, verdicts, rejected } = input;
  // Inspections in no period (a holiday, between terms) are a warning, not a failure: the exit code stays.
  for (const line of leftOutWarnings(league.leftOut ?? [], options.lang)) terminal.err(line);
  // A score refused as beyond the exact range shows as an unranked row: said here too, as a warning.
  for (const line of tooLargeWarnings(league, options.lang)) terminal.err(line);
  // -o: the output held and written at the end, but JSON's, which is written as it is made.
  const file = options.output !== undefined && options.format !== 'json' ? fileOutput(terminal) : undefined;
  const out = file ?? terminal;

  if (options.format === 'xlsx') {
    if (!(await writeOutputFile(options.output!, await leagueWorkbook(league, standard, options.lang), terminal, wordsOf(options.lang).cli.cannotWrite))) return 2;
  } else if (options.format === 'json') {
    // The problems printed on stderr (the first --max-problems), and how many more there were.
    const pieces = leagueJsonPieces({ ...league, rejected: rejected.listed, ...(rejected.notListed > 0 ? { rejectedNotListed: rejected.notListed } : {}) });
    if (options.output === undefined) await outLines(out, pieces);
    // To the file as written, not held to the end (control characters escaped as fileOutput does).
    else if (!(await writeOutputLines(options.output, pieces, terminal, wordsOf(options.lang).cli.cannotWrite))) return 2;
  } else out.out((options.format === 'csv' ? '\uFEFF' : '') + renderLeague(league, standard, { format: options.format, locale: options.lang, ...display(options) }));
  if (file !== undefined && options.format !== 'xlsx' && !(await writeOutputFile(options.output!, file.written(), terminal, wordsOf(options.lang).cli.cannotWrite))) return 2;
  const failOn = options.failOn.some((v) => verdicts.has(v));
  return rejected.records > 0 || failOn ? 1 : 0;
}

/**
 * A league (with what else `rank --format json` prints) as the pieces of `JSON.stringify(value, null, 2)`:
 * a large run's league is longer than one string can be, and each result's traced lines are made as it is
 * written and are garbage after, never all kept by the results at once (linesNotKept).
 */
export const leagueJsonPieces = (value: Readonly<Record<string, unknown>>): Generator<string> => jsonPieces(value, { list: (holder, key) => (key === 'lines' ? linesNotKept(holder) : undefined) });

/** Writes `lines` to `path` as writeLines does, each printable; false, with the reason on stderr, when it cannot. */
async function writeOutputLines(path: string, lines: Iterable<string>, out: Output, cannotWrite: (file: string, detail: string) => string): Promise<boolean> {
  const shown = function* () {
    for (const line of lines) yield printable(line);
  };
  try {
    await writeLines(path, shown());
    return true;
  } catch (error) {
    out.err(cannotWrite(path, (error as Error).message));
    return false;
  }
}
