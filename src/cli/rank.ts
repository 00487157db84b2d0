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
  // Nothing here reads a scorecard beyond the league and the --fail-on verdicts: each is fed to the league as it is scored.
  // Only JSON prints the results' traced lines; the tables show a row's vetoes alone, so the league keeps no other line.
  const input = await loadLeagueInput(inputs, options, terminal, stdin, { hold: false, watch: options.failOn, traced: options.format === 'json' ? 'all' : 'vetoes' });
  if (input === 2) return 2;
  const { standard, league, verdicts, rejected } = input;
  // Inspections in no period (a holiday, between terms) are a warning, not a failure: the exit code stays.
  for (const line of leftOutWarnings(league.leftOut ?? [], options.lang)) terminal.err(line);
  // A score refused as beyond the exact range shows as an unranked row: said here too, as a warning.
  for (const line of tooLargeWarnings(league, options.lang)) terminal.err(line);
  const file = options.output !== undefined ? fileOutput(terminal) : undefined;
  const out = file ?? terminal;

  if (options.format === 'xlsx') {
    if (!(await writeOutputFile(options.output!, await leagueWorkbook(league, standard, options.lang), terminal, wordsOf(options.lang).cli.cannotWrite))) return 2;
  } else if (options.format === 'json') {
    // The problems printed on stderr (the first --max-problems), and how many more there were.
    // In pieces: a large run's league is longer than one string can be.
    for (const piece of jsonPieces({ ...league, rejected: rejected.listed, ...(rejected.notListed > 0 ? { rejectedNotListed: rejected.notListed } : {}) })) out.out(piece);
  } else out.out((options.format === 'csv' ? '\uFEFF' : '') + renderLeague(league, standard, { format: options.format, locale: options.lang, ...display(options) }));
  if (file !== undefined && options.format !== 'xlsx' && !(await writeOutputFile(options.output!, file.written(), terminal, wordsOf(options.lang).cli.cannotWrite))) return 2;
  const failOn = options.failOn.some((v) => verdicts.has(v));
  return rejected.records > 0 || failOn ? 1 : 0;
}

/**
 * `JSON.stringify(value, null, 2)` in lines of pieces (joined by line breaks, the same text): each member
 * of the object, each element of a member that is an array, so that no piece is the whole value.
 */
export function* jsonPieces(value: Readonly<Record<string, unknown>>): Generator<string> {
  const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);
  // A member JSON leaves out (undefined, a function, a symbol, a toJSON giving undefined), found without
  // making the member's whole text: the results of a large run are the longest part of the league.
  const members = Object.entries(value).filter(([, v]) => (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function' ? true : JSON.stringify(v) !== undefined));
  if (members.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (let m = 0; m < members.length; m++) {
    const [key, member] = members[m]!;
    const comma = m < members.length - 1 ? ',' : '';
    if (!Array.isArray(member) || member.length === 0) {
      yield `  ${JSON.stringify(key)}: ${indent(JSON.stringify(member, null, 2), '  ')}${comma}`;
      continue;
    }
    yield `  ${JSON.stringify(key)}: [`;
    for (let i = 0; i < member.length; i++) yield `    ${indent(JSON.stringify(member[i], null, 2) ?? 'null', '    ')}${i < member.length - 1 ? ',' : ''}`;
    yield `  ]${comma}`;
  }
  yield '}';
}
