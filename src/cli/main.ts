/**
 * argv → API → stdout/stderr → exit code. No logic of its own: each command lives in src/cli/. It takes
 * the process through `io` (stdin, stdout, stderr, env) and never touches `process` itself, so it runs in
 * a test as it runs behind the binary (src/cli.ts, which alone sets the exit status).
 */
import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { runCheck } from './check.js';
import { runScore, type ScoreOutputFormat } from './score.js';
import { runRank } from './rank.js';
import { runReport, type ReportFormat } from './report.js';
import { runTests } from './test.js';
import { runDiff } from './diff.js';
import { runImport, type ImportOutputFormat } from './import.js';
import { runDraft } from './draft.js';
import { runTemplate } from './template.js';
import { runActions, type ActionsOptions } from './actions.js';
import { runSettle, type SettleOptions } from './settle.js';
import { runCompile } from './compile.js';
import { runAssess, type AssessCliOptions } from './assess.js';
import { runForm, runPlayground } from './pages.js';
import type { Verdict } from '../score/scorecard.js';
import { lineOutput, type CliIo } from './io.js';
import { defaultLocale, localeOf, LOCALE_IDS, wordsOf } from '../messages/locales.js';
import { SCORESHEET_VERSION } from '../version.js';
import { isCalendarDate } from '../common-schema.js';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_RECORD_BYTES } from '../records/read.js';
import { DEFAULT_MAX_PROBLEMS } from './problems.js';
import { renderMessage } from '../messages/render.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];
const VERDICTS = ['fail', 'indeterminate', 'not_eligible'];
const collectVerdict = (value: string, previous: Verdict[] | undefined): Verdict[] => {
  if (!VERDICTS.includes(value)) throw new InvalidArgumentError(`expected one of ${VERDICTS.join(', ')}`);
  return [...(previous ?? []), value as Verdict];
};

/**
 * Runs the CLI on `argv` (the arguments after the program's name) and resolves to its exit code
 * (as ESLint): 0 ok, 1 problems found, 2 could not run. It never exits the process.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const output = lineOutput(io);
  // --help speaks the language the command would: --lang when given (before parsing, as help is built first), else the default.
  const langArg = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const locale = localeOf(langArg < 0 ? undefined : argv[langArg]!.includes('=') ? argv[langArg]!.slice('--lang='.length) : argv[langArg + 1]) ?? defaultLocale(io.env);
  const help = wordsOf(locale).help;
  /** A usage error as commander words it (English), said when it ends the run: in the catalogue's words, by its code. */
  let usageError: string | undefined;
  const program = new Command()
    .name('scoresheet')
    .description(help.description)
    .version(SCORESHEET_VERSION, '-V, --version', help.version)
    .helpOption('-h, --help', help.helpOption)
    .helpCommand('help [command]', help.helpCommand)
    .configureHelp({
      styleTitle: (title) => help.titles[title as keyof typeof help.titles] ?? title,
      // Commander adds "(choices: …, default: …)" in English after a description: those two words from the catalogue too.
      optionDescription: (option) => {
        const full = Help.prototype.optionDescription.call(new Help(), option);
        return option.description + full.slice(option.description.length).replace('choices: ', help.choices).replace('default: ', help.default);
      },
      argumentDescription: (argument) => {
        const full = Help.prototype.argumentDescription.call(new Help(), argument);
        return argument.description + full.slice(argument.description.length).replace('choices: ', help.choices).replace('default: ', help.default);
      },
    })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      getOutHelpWidth: () => (io.stdout.isTTY ? io.stdout.columns : undefined) ?? 80,
      getErrHelpWidth: () => (io.stderr.isTTY ? io.stderr.columns : undefined) ?? 80,
      // The help has no colours of its own (its titles are plain words from the catalogue); saying so
      // keeps commander from asking process.env and the process's own streams.
      getOutHasColors: () => false,
      getErrHasColors: () => false,
      outputError: (text) => {
        usageError = text;
      },
    });

  /** Every command's --lang: one default for all (README, "Language"). */
  const lang = (description = help.langMessages) =>
    new Option('--lang <locale>', description).choices(LOCALE_IDS).default(defaultLocale(io.env), help.langDefault);
  /** Every command that loads standards takes it (docs/standard-format.md, "Overlays"). */
  const allowRoot = () => new Option('--allow-root <dir>', help.allowRoot).argParser(collect);

  /** A size in bytes: a whole number, or one with a binary suffix (64k, 1M, 2G). */
  const byteSize = (value: string): number => {
    const m = /^(\d+)([kKmMgG]?)$/.exec(value.trim());
    if (!m) throw new InvalidArgumentError(help.bytesExpected);
    return Number(m[1]) * 1024 ** ' kmg'.indexOf((m[2] || ' ').toLowerCase());
  };
  const count = (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(help.wholeNumberExpected);
    return n;
  };
  /** The limits of every command that reads records: its input, and the problems it prints (see docs/records.md#limits). */
  const recordLimits = (command: Command): Command =>
    command
      .addOption(new Option('--max-problems <n>', help.maxProblems).argParser(count).default(DEFAULT_MAX_PROBLEMS))
      .addOption(new Option('--max-record-bytes <bytes>', help.maxRecordBytes).argParser(byteSize).default(DEFAULT_MAX_RECORD_BYTES, '1M'))
      .addOption(new Option('--max-file-bytes <bytes>', help.maxFileBytes).argParser(byteSize).default(DEFAULT_MAX_FILE_BYTES, '64M'));

  /**
   * The side files that describe records (docs/records.md#formats-and-encodings): a CSV's map, the
   * units a round covers, who answers for which area. One definition for every command that reads
   * records; `words` says what each means to that command.
   */
  const recordSideFiles = (command: Command, words: { map: string; units: string; roster: string }): Command =>
    command
      .option('--map <file>', words.map)
      .option('--units <file>', words.units)
      .option('--roster <file>', words.roster);

  /** rank and report: records ranked per period and group, with the same inputs and limits. */
  const leagueCommand = (name: string, description: string): Command =>
    recordLimits(program
      .command(name))
      .description(description)
      .argument('[records...]', help.score_records)
      .addOption(new Option('--standard <file|dir>', help.rank_standard).argParser(collect).makeOptionMandatory())
      .addOption(new Option('--period <period>', help.rank_period).choices(['week', 'month', 'quarter', 'term', 'year']).makeOptionMandatory())
      .option('--group-by <key>', help.rank_groupBy)
      .addOption(new Option('--ties <policy>', help.rank_ties).choices(['competition', 'dense', 'ordinal', 'fractional']))
      .option('--roll-up <id>', help.rank_rollup)
      .addOption(new Option('--also <file|dir>', help.rank_also).argParser(collect))
      .option('--sheet <name>', help.score_sheet)
      .addOption(new Option('--decimals <n>', help.rank_decimals).argParser((v: string) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 4) throw new InvalidArgumentError(help.decimalsRange);
        return n;
      }))
      .addOption(new Option('--weeks <label>', help.rank_weeks).choices(['key', 'number', 'range']));
  /** rank's and report's side files: the map, units and roster as every reader of records, and the school calendar. */
  const leagueSideFiles = (command: Command): Command =>
    recordSideFiles(command, { map: help.rank_map, units: help.rank_units, roster: help.score_roster }).option('--calendar <file>', help.rank_calendar);

  program
    .command('check')
    .description(help.check_description)
    .argument('<standards...>', help.check_standards)
    .addOption(new Option('--format <format>', help.format).choices(['text', 'json']).default('text'))
    .addOption(lang())
    .option('--no-frame', help.check_noFrame)
    .addOption(allowRoot())
    .action(async (paths: string[], opts: { format: 'text' | 'json'; lang: 'en' | 'zh-CN'; frame: boolean; allowRoot?: string[] }) => {
      exitCode = await runCheck(paths, { format: opts.format, lang: opts.lang, frames: opts.frame && io.stdout.isTTY === true, ...(opts.allowRoot ? { allowRoot: opts.allowRoot } : {}) }, output);
    });

  const scoreCommand = recordLimits(program
    .command('score'))
    .description(help.score_description)
    .argument('[records...]', help.score_records)
    .addOption(new Option('--standard <file|dir>', help.score_standard).argParser(collect).makeOptionMandatory())
    .addOption(new Option('--format <format>', help.format).choices(['text', 'json', 'ndjson', 'csv', 'md', 'xlsx']).default('text'))
    .option('-o, --output <file>', help.output)
    .addOption(lang())
    .addOption(new Option('--fail-on <verdict>', help.score_failOn).argParser(collectVerdict))
    .addOption(new Option('--input-format <format>', help.score_inputFormat).choices(['json', 'yaml', 'ndjson', 'csv', 'xlsx']))
    .addOption(new Option('--encoding <encoding>', help.score_encoding).choices(['utf-8', 'gbk', 'gb18030']))
    .addOption(new Option('--output-encoding <encoding>', help.score_outputEncoding).choices(['utf-8', 'gb18030']))
    .option('--sheet <name>', help.score_sheet);
  recordSideFiles(scoreCommand, { map: help.score_map, units: help.score_units, roster: help.score_roster })
    .addOption(allowRoot())
    .action(async (inputs: string[], opts: { units?: string; roster?: string; allowRoot?: string[]; standard: string[]; format: ScoreOutputFormat; lang: 'en' | 'zh-CN'; failOn?: Verdict[]; inputFormat?: 'json' | 'yaml' | 'ndjson' | 'csv' | 'xlsx'; encoding?: 'utf-8' | 'gbk' | 'gb18030'; outputEncoding?: 'utf-8' | 'gb18030'; map?: string; sheet?: string; output?: string; maxProblems: number; maxRecordBytes: number; maxFileBytes: number }) => {
      exitCode = await runScore(inputs, {
        maxProblems: opts.maxProblems,
        maxRecordBytes: opts.maxRecordBytes,
        maxFileBytes: opts.maxFileBytes,
        standards: opts.standard,
        format: opts.format,
        lang: opts.lang,
        failOn: opts.failOn ?? [],
        ...(opts.inputFormat ? { inputFormat: opts.inputFormat } : {}),
        ...(opts.encoding ? { encoding: opts.encoding } : {}),
        ...(opts.outputEncoding ? { outputEncoding: opts.outputEncoding } : {}),
        ...(opts.map ? { map: opts.map } : {}),
        ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
        ...(opts.output !== undefined ? { output: opts.output } : {}),
        ...(opts.units ? { units: opts.units } : {}),
        ...(opts.roster ? { roster: opts.roster } : {}),
        ...(opts.allowRoot ? { allowRoot: opts.allowRoot } : {}),
      }, output, io.stdin);
    });

  program
    .command('template')
    .description(help.template_description)
    .addOption(new Option('--standard <file>', help.template_standard).makeOptionMandatory())
    .addOption(new Option('--layout <layout>', help.template_layout).choices(['wide', 'long']).makeOptionMandatory())
    .addOption(new Option('--format <format>', help.template_format).choices(['csv', 'xlsx']).default('csv'))
    .option('--units <file>', help.template_units)
    .option('-o, --out <dir>', help.template_out, '.')
    .addOption(lang(help.langHeaders))
    .option('--force', help.template_force, false)
    .addOption(new Option('--group-by <key>', help.template_groupBy).argParser((v: string, previous: string[] | undefined) => {
      // As a map reads it: unit.group.<key>, a key without dots or spaces.
      if (!/^[^.\s]+$/.test(v)) throw new InvalidArgumentError(help.groupKey);
      return collect(v, previous);
    }))
    .addOption(allowRoot())
    .action(async (opts: { standard: string; layout: 'wide' | 'long'; format: 'csv' | 'xlsx'; units?: string; out: string; lang: 'en' | 'zh-CN'; force: boolean; groupBy?: string[]; allowRoot?: string[] }) => {
      exitCode = await runTemplate({ standard: opts.standard, layout: opts.layout, format: opts.format, out: opts.out, lang: opts.lang, force: opts.force, ...(opts.units !== undefined ? { units: opts.units } : {}), ...(opts.groupBy ? { groups: opts.groupBy } : {}), ...(opts.allowRoot ? { allowRoot: opts.allowRoot } : {}) }, output);
    });

  program
    .command('compile')
    .description(help.compile_description)
    .argument('<standards...>', help.compile_standards)
    .addOption(new Option('--emit <what>', help.compile_emit).choices(['js']).makeOptionMandatory())
    .addOption(lang())
    .addOption(allowRoot())
    .action(async (standards: string[], opts: { emit: 'js'; lang: 'en' | 'zh-CN'; allowRoot?: string[] }) => {
      exitCode = await runCompile({ standards, emit: opts.emit, lang: opts.lang, ...(opts.allowRoot ? { allowRoot: opts.allowRoot } : {}) }, output);
    });

  const actionsCommand = recordLimits(program.command('actions'))
    .description(help.actions_description)
    .argument('[records...]', help.score_records)
    .addOption(new Option('--standard <file|dir>', help.actions_standard).argParser(collect).makeOptionMandatory())
    .addOption(new Option('--as-of <date>', help.actions_asOf).argParser((v: string) => { if (!isCalendarDate(v)) throw new InvalidArgumentError(help.actions_dateExpected); return v; }))
    .addOption(new Option('--format <format>', help.actions_format).choices(['text', 'json', 'csv', 'md', 'html']).default('text'))
    .addOption(new Option('--input-format <format>', help.rank_inputFormat).choices(['json', 'yaml', 'ndjson', 'csv', 'xlsx']))
    .addOption(new Option('--encoding <encoding>', help.rank_encoding).choices(['utf-8', 'gbk', 'gb18030']))
    .option('--sheet <name>', help.score_sheet)
    .addOption(lang());
  recordSideFiles(actionsCommand, { map: help.score_map, units: help.score_units, roster: help.score_roster })
    .addOption(allowRoot())
    .action(async (inputs: string[], { standard, ...opts }: Omit<ActionsOptions, 'standards'> & { standard: string[] }) => {
      exitCode = await runActions(inputs, { ...opts, standards: standard }, output, io.stdin);
    });

  recordLimits(program.command('settle'))
    .description(help.settle_description)
    .argument('[records...]', help.score_records)
    .addOption(new Option('--standard <file|dir>', help.settle_standard).argParser(collect).makeOptionMandatory())
    .addOption(new Option('--month <month>', help.settle_month).argParser((v: string) => { if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) throw new InvalidArgumentError(help.settle_monthExpected); return v; }))
    .addOption(new Option('--format <format>', help.settle_format).choices(['text', 'json', 'csv', 'md']).default('text'))
    .addOption(new Option('--input-format <format>', help.rank_inputFormat).choices(['json', 'yaml', 'ndjson', 'csv', 'xlsx']))
    .addOption(new Option('--encoding <encoding>', help.rank_encoding).choices(['utf-8', 'gbk', 'gb18030']))
    .option('--map <file>', help.score_map)
    .option('--sheet <name>', help.score_sheet)
    .addOption(lang())
    .addOption(allowRoot())
    .action(async (inputs: string[], { standard, ...opts }: Omit<SettleOptions, 'standards'> & { standard: string[] }) => {
      exitCode = await runSettle(inputs, { ...opts, standards: standard }, output, io.stdin);
    });

  leagueSideFiles(leagueCommand('rank', help.rank_description))
    .addOption(new Option('--format <format>', help.format).choices(['text', 'json', 'csv', 'md', 'xlsx']).default('text'))
    .option('-o, --output <file>', help.output)
    .addOption(lang())
    .addOption(new Option('--fail-on <verdict>', help.rank_failOn).argParser(collectVerdict))
    .addOption(new Option('--input-format <format>', help.rank_inputFormat).choices(['json', 'yaml', 'ndjson', 'csv', 'xlsx']))
    .addOption(new Option('--encoding <encoding>', help.rank_encoding).choices(['utf-8', 'gbk', 'gb18030']))
    .addOption(allowRoot())
    .action(async (inputs: string[], opts: { allowRoot?: string[]; standard: string[]; period: 'week' | 'month' | 'quarter' | 'term' | 'year'; groupBy?: string; ties?: 'competition' | 'dense' | 'ordinal' | 'fractional'; units?: string; roster?: string; calendar?: string; rollUp?: string; also?: string[]; sheet?: string; output?: string; decimals?: number; weeks?: 'key' | 'number' | 'range'; format: 'text' | 'json' | 'csv' | 'md' | 'xlsx'; lang: 'en' | 'zh-CN'; failOn?: Verdict[]; inputFormat?: 'json' | 'yaml' | 'ndjson' | 'csv' | 'xlsx'; encoding?: 'utf-8' | 'gbk' | 'gb18030'; map?: string; maxProblems: number; maxRecordBytes: number; maxFileBytes: number }) => {
      const { standard, failOn, ...rest } = opts;
      exitCode = await runRank(inputs, { ...rest, standards: standard, failOn: failOn ?? [] }, output, io.stdin);
    });

  recordLimits(program.command('assess'))
    .description(help.assess_description)
    .argument('[records...]', help.score_records)
    .addOption(new Option('--standard <file>', help.assess_standard).makeOptionMandatory())
    .addOption(new Option('--period <period>', help.assess_period).choices(['week', 'month', 'quarter', 'term', 'year']).makeOptionMandatory())
    .addOption(new Option('--format <format>', help.format).choices(['text', 'json', 'csv', 'md', 'html']).default('text'))
    .option('--calendar <file>', help.rank_calendar)
    .addOption(new Option('--input-format <format>', help.rank_inputFormat).choices(['json', 'yaml', 'ndjson', 'csv', 'xlsx']))
    .addOption(new Option('--encoding <encoding>', help.rank_encoding).choices(['utf-8', 'gbk', 'gb18030']))
    .option('--map <file>', help.rank_map)
    .option('--sheet <name>', help.score_sheet)
    .addOption(lang())
    .addOption(allowRoot())
    .action(async (inputs: string[], opts: AssessCliOptions) => {
      exitCode = await runAssess(inputs, opts, output, io.stdin);
    });

  leagueSideFiles(leagueCommand('report', help.report_description))
    .option('--at <period>', help.report_at)
    .addOption(new Option('--top <n>', help.report_top).argParser((v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(help.positiveWholeNumber);
      return n;
    }))
    .addOption(new Option('--format <format>', help.report_format).choices(['html', 'md', 'pdf', 'xlsx']).default('html'))
    .option('-o, --output <file>', help.report_output)
    .addOption(lang(help.langReport))
    .addOption(new Option('--input-format <format>', help.rank_inputFormat).choices(['json', 'yaml', 'ndjson', 'csv', 'xlsx']))
    .addOption(new Option('--encoding <encoding>', help.rank_encoding).choices(['utf-8', 'gbk', 'gb18030']))
    .addOption(allowRoot())
    .action(async (inputs: string[], opts: { allowRoot?: string[]; standard: string[]; period: 'week' | 'month' | 'quarter' | 'term' | 'year'; groupBy?: string; ties?: 'competition' | 'dense' | 'ordinal' | 'fractional'; units?: string; roster?: string; calendar?: string; rollUp?: string; also?: string[]; sheet?: string; decimals?: number; weeks?: 'key' | 'number' | 'range'; at?: string; top?: number; format: ReportFormat; output?: string; lang: 'en' | 'zh-CN'; inputFormat?: 'json' | 'yaml' | 'ndjson' | 'csv' | 'xlsx'; encoding?: 'utf-8' | 'gbk' | 'gb18030'; map?: string; maxProblems: number; maxRecordBytes: number; maxFileBytes: number }) => {
      const { standard, ...rest } = opts;
      exitCode = await runReport(inputs, { ...rest, standards: standard, ...(io.env.SCORESHEET_CHROMIUM ? { chromium: io.env.SCORESHEET_CHROMIUM } : {}) }, output, io.stdin);
    });

  // Issue 20: the pages — the offline inspection form and the playground (src/cli/pages.ts).
  program
    .command('form')
    .description(help.form_description)
    .addOption(new Option('--standard <file>', help.form_standard).makeOptionMandatory())
    .option('--units <file>', help.form_units)
    .addOption(new Option('-o, --output <file>', help.form_output).makeOptionMandatory())
    .addOption(lang())
    .addOption(allowRoot())
    .action(async (opts: { standard: string; units?: string; output: string; lang: 'en' | 'zh-CN'; allowRoot?: string[] }) => {
      exitCode = await runForm({ standard: opts.standard, output: opts.output, lang: opts.lang, ...(opts.units ? { units: opts.units } : {}), ...(opts.allowRoot ? { allowRoot: opts.allowRoot } : {}) }, output);
    });
  program
    .command('playground')
    .description(help.playground_description)
    .addOption(new Option('-o, --output <file>', help.playground_output).makeOptionMandatory())
    .addOption(lang())
    .action(async (opts: { output: string; lang: 'en' | 'zh-CN' }) => {
      exitCode = await runPlayground(opts, output);
    });

  program
    .command('test')
    .description(help.test_description)
    .argument('[paths...]', help.test_paths, ['standards'])
    .addOption(new Option('--format <format>', help.format).choices(['text', 'json', 'junit']).default('text'))
    .option('--coverage', help.test_coverage, false)
    .addOption(lang())
    .addOption(allowRoot())
    .action(async (paths: string[], opts: { format: 'text' | 'json' | 'junit'; coverage: boolean; lang: 'en' | 'zh-CN'; allowRoot?: string[] }) => {
      exitCode = await runTests(paths, opts, output);
    });

  program
    .command('diff')
    .description(help.diff_description)
    .argument('<a>', help.diff_a)
    .argument('<b>', help.diff_b)
    .addOption(new Option('--format <format>', help.format).choices(['text', 'json', 'md']).default('text'))
    .addOption(lang())
    .option('--exit-code', help.diff_exitCode, false)
    .addOption(new Option('--records <file>', help.diff_records).argParser(collect))
    .addOption(new Option('--period <period>', help.diff_period).choices(['week', 'month', 'quarter', 'term', 'year']))
    .option('--group-by <key>', help.diff_groupBy)
    .option('--units <file>', help.diff_units)
    .option('--roster <file>', help.diff_roster)
    .addOption(allowRoot())
    .action(async (a: string, b: string, opts: { allowRoot?: string[]; format: 'text' | 'json' | 'md'; lang: 'en' | 'zh-CN'; exitCode: boolean; records?: string[]; period?: 'week' | 'month' | 'quarter' | 'term' | 'year'; groupBy?: string; units?: string; roster?: string }) => {
      exitCode = await runDiff(a, b, opts, output, io.stdin);
    });

  program
    .command('import')
    .description(help.import_description)
    .argument('<source>', help.import_source)
    .argument('<dir>', help.import_dir)
    .addOption(new Option('--standard <file|dir>', help.import_standard).argParser(collect))
    .option('-o, --output <file>', help.import_output)
    .addOption(new Option('--format <format>', help.import_format).choices(['text', 'json', 'ndjson', 'md']).default('text'))
    .option('--compare', help.import_compare, false)
    .addOption(lang())
    .addOption(new Option('--fail-on <verdict>', help.import_failOn).argParser(collectVerdict))
    .addOption(allowRoot())
    .addOption(new Option('--max-file-bytes <bytes>', help.import_maxFileBytes).argParser(byteSize).default(DEFAULT_MAX_FILE_BYTES, '64M'))
    .action(async (source: string, dir: string, opts: { allowRoot?: string[]; standard?: string[]; output?: string; format: ImportOutputFormat; compare: boolean; lang: 'en' | 'zh-CN'; failOn?: Verdict[]; maxFileBytes: number }) => {
      exitCode = await runImport(source, dir, {
        ...(opts.standard ? { standards: opts.standard } : {}),
        ...(opts.output ? { output: opts.output } : {}),
        format: opts.format,
        lang: opts.lang,
        failOn: opts.failOn ?? [],
        compare: opts.compare,
        ...(opts.allowRoot ? { allowRoot: opts.allowRoot } : {}),
        maxFileBytes: opts.maxFileBytes,
      }, output);
    });

  program
    .command('draft')
    .description(help.draft_description)
    .argument('<sheet>', help.draft_sheet)
    .option('-o, --output <file>', help.draft_output)
    .option('--sheet <name>', help.draft_sheetName)
    .addOption(lang())
    .action(async (sheet: string, opts: { output?: string; sheet?: string; lang: 'en' | 'zh-CN' }) => {
      exitCode = await runDraft(sheet, { lang: opts.lang, ...(opts.output !== undefined ? { output: opts.output } : {}), ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}) }, output);
    });

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander's words are English: its code and the names it quotes go through the catalogue (en says them as commander did).
      if (usageError !== undefined) {
        const quoted = [...usageError.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
        io.stderr.write(`${renderMessage({ messageId: 'usage.error', data: { code: error.code, detail: usageError.replace(/\n$/, ''), quoted } }, locale)}\n`);
      }
      // --help and --version end with exit code 0; every usage error is "could not run".
      return error.exitCode === 0 ? 0 : 2;
    }
    output.err(`scoresheet: internal error: ${(error as Error).stack ?? String(error)}`);
    return 2;
  }
  return exitCode;
}

