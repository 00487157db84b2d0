#!/usr/bin/env node
/** argv → API → stdout/stderr → exit code. No logic of its own: each command lives in src/cli/. */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runCheck } from './cli/check.js';
import { runScore, type ScoreOutputFormat } from './cli/score.js';
import { runRank } from './cli/rank.js';
import { runReport, type ReportFormat } from './cli/report.js';
import { runTests } from './cli/test.js';
import { runDiff } from './cli/diff.js';
import { runImport, type ImportOutputFormat } from './cli/import.js';
import { runTemplate } from './cli/template.js';
import type { Verdict } from './score/scorecard.js';
import { exitQuietlyOnBrokenPipe, processOutput } from './cli/io.js';
import { SCORESHEET_VERSION } from './version.js';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_RECORD_BYTES } from './records/read.js';
import { DEFAULT_MAX_PROBLEMS } from './cli/problems.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];
const VERDICTS = ['fail', 'indeterminate', 'not_eligible'];
const collectVerdict = (value: string, previous: Verdict[] | undefined): Verdict[] => {
  if (!VERDICTS.includes(value)) throw new InvalidArgumentError(`expected one of ${VERDICTS.join(', ')}`);
  return [...(previous ?? []), value as Verdict];
};

/** A size in bytes: a whole number, or one with a binary suffix (64k, 1M, 2G). */
const byteSize = (value: string): number => {
  const m = /^(\d+)([kKmMgG]?)$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a number of bytes, such as 1048576 or 1M');
  return Number(m[1]) * 1024 ** ' kmg'.indexOf((m[2] || ' ').toLowerCase());
};
const count = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return n;
};
/** The limits of every command that reads records: its input, and the problems it prints (see docs/records.md#limits). */
const recordLimits = (command: Command): Command =>
  command
    .addOption(new Option('--max-problems <n>', 'print this many problems on stderr as they are found, then only their count').argParser(count).default(DEFAULT_MAX_PROBLEMS))
    .addOption(new Option('--max-record-bytes <bytes>', 'refuse an NDJSON line or CSV record longer than this (record_too_large)').argParser(byteSize).default(DEFAULT_MAX_RECORD_BYTES, '1M'))
    .addOption(new Option('--max-file-bytes <bytes>', 'refuse a JSON or YAML file larger than this (file_too_large): they are read whole').argParser(byteSize).default(DEFAULT_MAX_FILE_BYTES, '64M'));

/** Exit codes (as ESLint): 0 ok, 1 problems found, 2 could not run. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('scoresheet')
    .description('Score inspections against YAML standards.')
    .version(SCORESHEET_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  const lang = () => new Option('--lang <locale>', 'language of messages').choices(['en', 'zh-CN']).default('en');
  /** Every command that loads standards takes it (docs/standard-format.md, "Overlays"). */
  const allowRoot = () => new Option('--allow-root <dir>', 'a folder where `extends:` may also find a base, besides the working directory and the standard\'s own (repeatable)').argParser(collect);

  program
    .command('check')
    .description('validate standards: every error with file:line:col, all at once')
    .argument('<standards...>', 'standard files, or directories of *.yaml standards')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(lang())
    .option('--no-frame', 'no code frame under each diagnostic')
    .addOption(allowRoot())
    .action(async (paths: string[], opts: { format: 'text' | 'json'; lang: 'en' | 'zh-CN'; frame: boolean; allowRoot?: string[] }) => {
      exitCode = await runCheck(paths, { format: opts.format, lang: opts.lang, frames: opts.frame && process.stdout.isTTY === true, ...(opts.allowRoot ? { allowRoot: opts.allowRoot } : {}) }, processOutput);
    });

  recordLimits(program
    .command('score'))
    .description('score inspection records (JSON, YAML, NDJSON, CSV; - for stdin)')
    .argument('[records...]', 'record files, or - for standard input')
    .addOption(new Option('--standard <file|dir>', 'a standard, or a directory of them (repeatable)').argParser(collect).makeOptionMandatory())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'ndjson', 'csv', 'md']).default('text'))
    .addOption(lang())
    .addOption(new Option('--fail-on <verdict>', 'exit 1 when any scorecard has this verdict: fail, indeterminate, not_eligible (repeatable)').argParser(collectVerdict))
    .addOption(new Option('--input-format <format>', 'format of the records (default: from the file name)').choices(['json', 'yaml', 'ndjson', 'csv']))
    .addOption(new Option('--encoding <encoding>', 'encoding of the input (default: UTF-8, or GB18030 when the bytes are not UTF-8)').choices(['utf-8', 'gbk', 'gb18030']))
    .addOption(new Option('--output-encoding <encoding>', 'encoding of CSV output (default UTF-8 with BOM, for Excel)').choices(['utf-8', 'gb18030']))
    .option('--map <file>', 'CSV mapping file (see `scoresheet template`)')
    .option('--units <file>', 'the units an inspection round covers (YAML or CSV)')
    .option('--roster <file>', 'who is responsible for which area when (YAML or CSV)')
    .addOption(allowRoot())
    .action(async (inputs: string[], opts: { units?: string; roster?: string; allowRoot?: string[]; standard: string[]; format: ScoreOutputFormat; lang: 'en' | 'zh-CN'; failOn?: Verdict[]; inputFormat?: 'json' | 'yaml' | 'ndjson' | 'csv'; encoding?: 'utf-8' | 'gbk' | 'gb18030'; outputEncoding?: 'utf-8' | 'gb18030'; map?: string; maxProblems: number; maxRecordBytes: number; maxFileBytes: number }) => {
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
        ...(opts.units ? { units: opts.units } : {}),
        ...(opts.roster ? { roster: opts.roster } : {}),
        ...(opts.allowRoot ? { allowRoot: opts.allowRoot } : {}),
      }, processOutput);
    });

  program
    .command('template')
    .description('write the blank CSV sheet for a standard and its --map file')
    .addOption(new Option('--standard <file>', 'the standard').makeOptionMandatory())
    .addOption(new Option('--layout <layout>', 'wide: one row per inspection, a column per item; long: one row per finding').choices(['wide', 'long']).makeOptionMandatory())
    .option('-o, --out <dir>', 'directory to write <standard>.<layout>.csv and .map.yaml into', '.')
    .addOption(new Option('--lang <locale>', 'language of the headers and item names').choices(['en', 'zh-CN']).default('zh-CN'))
    .option('--force', 'overwrite files already there', false)
    .addOption(allowRoot())
    .action(async (opts: { standard: string; layout: 'wide' | 'long'; out: string; lang: 'en' | 'zh-CN'; force: boolean; allowRoot?: string[] }) => {
      exitCode = await runTemplate({ standard: opts.standard, layout: opts.layout, out: opts.out, lang: opts.lang, force: opts.force, ...(opts.allowRoot ? { allowRoot: opts.allowRoot } : {}) }, processOutput);
    });

  recordLimits(program
    .command('rank'))
    .description('league tables: rank units per period and group, with awards (流动红旗), boards and warnings')
    .argument('[records...]', 'record files, or - for standard input')
    .addOption(new Option('--standard <file|dir>', 'the standard (repeatable for editions)').argParser(collect).makeOptionMandatory())
    .addOption(new Option('--period <period>', 'the period to rank').choices(['week', 'month', 'quarter', 'term', 'year']).makeOptionMandatory())
    .option('--group-by <key>', 'rank within each value of unit.group.<key> (a grade, a street)')
    .addOption(new Option('--ties <policy>', 'tie policy (default: the standard\'s)').choices(['competition', 'dense', 'ordinal', 'fractional']))
    .option('--units <file>', 'the units to rank (YAML or CSV): each appears, inspected or not')
    .option('--roster <file>', 'who is responsible for which area when (YAML or CSV)')
    .option('--calendar <file>', 'school terms (YAML): term periods and 第n周')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv', 'md']).default('text'))
    .addOption(lang())
    .addOption(new Option('--fail-on <verdict>', 'exit 1 when any scorecard has this verdict (repeatable)').argParser(collectVerdict))
    .addOption(new Option('--input-format <format>', 'format of the records').choices(['json', 'yaml', 'ndjson', 'csv']))
    .addOption(new Option('--encoding <encoding>', 'encoding of the input').choices(['utf-8', 'gbk', 'gb18030']))
    .option('--map <file>', 'CSV mapping file')
    .addOption(allowRoot())
    .action(async (inputs: string[], opts: { allowRoot?: string[]; standard: string[]; period: 'week' | 'month' | 'quarter' | 'term' | 'year'; groupBy?: string; ties?: 'competition' | 'dense' | 'ordinal' | 'fractional'; units?: string; roster?: string; calendar?: string; format: 'text' | 'json' | 'csv' | 'md'; lang: 'en' | 'zh-CN'; failOn?: Verdict[]; inputFormat?: 'json' | 'yaml' | 'ndjson' | 'csv'; encoding?: 'utf-8' | 'gbk' | 'gb18030'; map?: string; maxProblems: number; maxRecordBytes: number; maxFileBytes: number }) => {
      const { standard, failOn, ...rest } = opts;
      exitCode = await runRank(inputs, { ...rest, standards: standard, failOn: failOn ?? [] }, processOutput);
    });

  recordLimits(program
    .command('report'))
    .description('the league as a report people look at: one self-contained HTML file (tables, red flags, boards, trends, every deduction), Markdown, or an A4 PDF')
    .argument('[records...]', 'record files, or - for standard input')
    .addOption(new Option('--standard <file|dir>', 'the standard (repeatable for editions)').argParser(collect).makeOptionMandatory())
    .addOption(new Option('--period <period>', 'the period to rank').choices(['week', 'month', 'quarter', 'term', 'year']).makeOptionMandatory())
    .option('--group-by <key>', 'rank within each value of unit.group.<key> (a grade, a street)')
    .addOption(new Option('--ties <policy>', 'tie policy (default: the standard\'s)').choices(['competition', 'dense', 'ordinal', 'fractional']))
    .option('--units <file>', 'the units to rank (YAML or CSV): each appears, inspected or not')
    .option('--roster <file>', 'who is responsible for which area when (YAML or CSV)')
    .option('--calendar <file>', 'school terms (YAML): term periods and 第n周')
    .option('--at <period>', 'the period the report is as of, e.g. 2024-W11 (default: the latest); later periods are left out')
    .addOption(new Option('--top <n>', 'how many of the costliest items to list').argParser((v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
      return n;
    }))
    .addOption(new Option('--format <format>', 'output format (pdf: headless Chromium, needs -o)').choices(['html', 'md', 'pdf']).default('html'))
    .option('-o, --output <file>', 'write the report to this file (default: standard output)')
    .addOption(new Option('--lang <locale>', 'language of the report').choices(['en', 'zh-CN']).default('zh-CN'))
    .addOption(new Option('--input-format <format>', 'format of the records').choices(['json', 'yaml', 'ndjson', 'csv']))
    .addOption(new Option('--encoding <encoding>', 'encoding of the input').choices(['utf-8', 'gbk', 'gb18030']))
    .option('--map <file>', 'CSV mapping file')
    .addOption(allowRoot())
    .action(async (inputs: string[], opts: { allowRoot?: string[]; standard: string[]; period: 'week' | 'month' | 'quarter' | 'term' | 'year'; groupBy?: string; ties?: 'competition' | 'dense' | 'ordinal' | 'fractional'; units?: string; roster?: string; calendar?: string; at?: string; top?: number; format: ReportFormat; output?: string; lang: 'en' | 'zh-CN'; inputFormat?: 'json' | 'yaml' | 'ndjson' | 'csv'; encoding?: 'utf-8' | 'gbk' | 'gb18030'; map?: string; maxProblems: number; maxRecordBytes: number; maxFileBytes: number }) => {
      const { standard, ...rest } = opts;
      exitCode = await runReport(inputs, { ...rest, standards: standard }, processOutput);
    });

  program
    .command('test')
    .description("run standards' test cases (tests/<name>.test.yaml beside each standard)")
    .argument('[paths...]', 'standards, directories of standards, or *.test.yaml files', ['standards'])
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'junit']).default('text'))
    .option('--coverage', 'list every rule and outcome no case exercises, and fail when there is one', false)
    .addOption(lang())
    .addOption(allowRoot())
    .action(async (paths: string[], opts: { format: 'text' | 'json' | 'junit'; coverage: boolean; lang: 'en' | 'zh-CN'; allowRoot?: string[] }) => {
      exitCode = await runTests(paths, opts, processOutput);
    });

  program
    .command('diff')
    .description('what differs between two standards (an overlay and its base, or two editions)')
    .argument('<a>', 'the first standard')
    .argument('<b>', 'the second standard')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'md']).default('text'))
    .addOption(lang())
    .option('--exit-code', 'exit 1 when the standards differ', false)
    .addOption(new Option('--records <file>', 're-score these records under both (repeatable)').argParser(collect))
    .addOption(new Option('--period <period>', 'with --records: compare ranks per period').choices(['week', 'month', 'quarter', 'term', 'year']))
    .option('--group-by <key>', 'with --period: rank within each value of unit.group.<key>')
    .option('--units <file>', 'units (YAML or CSV)')
    .option('--roster <file>', 'area responsibility roster (YAML or CSV)')
    .addOption(allowRoot())
    .action(async (a: string, b: string, opts: { allowRoot?: string[]; format: 'text' | 'json' | 'md'; lang: 'en' | 'zh-CN'; exitCode: boolean; records?: string[]; period?: 'week' | 'month' | 'quarter' | 'term' | 'year'; groupBy?: string; units?: string; roster?: string }) => {
      exitCode = await runDiff(a, b, opts, processOutput);
    });

  program
    .command('import')
    .description('convert a published inspection feed to records (NDJSON), or score it directly; format: lives (businesses.csv, inspections.csv, violations.csv, feed_info.csv)')
    .argument('<source>', 'the feed format: lives')
    .argument('<dir>', 'the directory holding the feed\'s files')
    .addOption(new Option('--standard <file|dir>', 'score the records against this standard instead of writing them (repeatable)').argParser(collect))
    .option('-o, --output <file>', 'write the records here as NDJSON (default without --standard: standard output)')
    .addOption(new Option('--format <format>', 'output format of scorecards (with --standard)').choices(['text', 'json', 'ndjson', 'md']).default('text'))
    .option('--compare', 'with --standard: compare each total with the feed\'s official score and print the agreement table and band counts (exit 1 when one differs)', false)
    .addOption(lang())
    .addOption(new Option('--fail-on <verdict>', 'with --standard: exit 1 when any scorecard has this verdict (repeatable)').argParser(collectVerdict))
    .addOption(allowRoot())
    .action(async (source: string, dir: string, opts: { allowRoot?: string[]; standard?: string[]; output?: string; format: ImportOutputFormat; compare: boolean; lang: 'en' | 'zh-CN'; failOn?: Verdict[] }) => {
      exitCode = await runImport(source, dir, {
        ...(opts.standard ? { standards: opts.standard } : {}),
        ...(opts.output ? { output: opts.output } : {}),
        format: opts.format,
        lang: opts.lang,
        failOn: opts.failOn ?? [],
        compare: opts.compare,
        ...(opts.allowRoot ? { allowRoot: opts.allowRoot } : {}),
      }, processOutput);
    });

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; every usage error is "could not run".
      return error.exitCode === 0 ? 0 : 2;
    }
    processOutput.err(`scoresheet: internal error: ${(error as Error).stack ?? String(error)}`);
    return 2;
  }
  return exitCode;
}

exitQuietlyOnBrokenPipe();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`scoresheet: internal error: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
