/**
 * `scoresheet score --standard S [records…|-]`: records in, scorecards out.
 * Exit 0: every record scored and no --fail-on matched; 1: some rejected or --fail-on matched; 2: could not run.
 */
import type { Readable } from 'node:stream';
import { wordsOf } from '../messages/locales.js';
import type { Locale } from '../messages/locales.js';
import type { TextEncodingName } from '../records/decode.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { formatOfPath, type RecordFormat } from '../records/read.js';
import { loadMapping, type CsvMapping } from '../records/mapping.js';
import { RecordIds, type ScoredRecord } from '../score/batch.js';
import { scoreHistoryStream } from '../history/stream.js';
import type { StandardSet } from '../score/editions.js';
import type { Scorecard, Verdict } from '../score/scorecard.js';
import { formatScorecardText } from '../report/text.js';
import { dimensionColumns, formatScorecardsCsv } from '../report/csv.js';
import { formatScorecardsMarkdown } from '../report/markdown.js';
import iconv from 'iconv-lite';
import { fileOutput, writeOutputFile, type Output } from './io.js';
import { scorecardsWorkbook } from '../report/xlsx.js';
import { assignStream, loadRoster, ndjsonIdCheck, recordItems, SourceError } from './inputs.js';
import { DEFAULT_MAX_PROBLEMS, problemPrinter, rejectedRecordCounter } from './problems.js';
import { itemNamer, loadStandardSet, standardLoadOptions } from './standards.js';

export type ScoreOutputFormat = 'text' | 'json' | 'ndjson' | 'csv' | 'md' | 'xlsx';

export interface ScoreOptions {
  readonly standards: readonly string[];
  readonly format: ScoreOutputFormat;
  readonly lang: Locale;
  readonly failOn: readonly Verdict[];
  readonly inputFormat?: RecordFormat;
  readonly encoding?: TextEncodingName;
  /** Encoding of CSV output. */
  readonly outputEncoding?: 'utf-8' | 'gb18030';
  readonly map?: string;
  /** xlsx: the sheet to read (--sheet). */
  readonly sheet?: string;
  readonly units?: string;
  readonly roster?: string;
  /** --allow-root: folders where `extends:` may also find a base. */
  readonly allowRoot?: readonly string[];
  /** How many problems to print on stderr before only counting them (text, csv, ndjson). */
  readonly maxProblems?: number;
  readonly maxRecordBytes?: number;
  readonly maxFileBytes?: number;
  /** -o: the file to write instead of standard output (needed by xlsx). */
  readonly output?: string;
}

export interface Summary {
  scored: number;
  rejected: number;
  pass: number;
  fail: number;
  indeterminate: number;
  not_eligible: number;
}

export async function runScore(inputs: readonly string[], options: ScoreOptions, terminal: Output, stdin: Readable): Promise<number> {
  if (options.format === 'xlsx' && options.output === undefined) {
    terminal.err(wordsOf(options.lang).cli.xlsxNeedsOutput);
    return 2;
  }
  const file = options.output !== undefined && options.format !== 'xlsx' ? fileOutput(terminal) : undefined;
  const out = file ?? terminal;
  if (options.outputEncoding !== undefined && options.format !== 'csv') {
    out.err(wordsOf(options.lang).cli.outputEncodingCsvOnly);
    return 2;
  }
  const set = await loadStandardSet(options.standards, standardLoadOptions(options), out);
  if (!set) return 2;
  let mapping: CsvMapping | undefined;
  if (options.map !== undefined) {
    const loaded = await loadMapping(options.map, options.lang);
    if (!loaded.ok) {
      for (const d of loaded.diagnostics) out.err(formatDiagnostic(d));
      return 2;
    }
    mapping = loaded.mapping;
  }
  const roster = await loadRoster(options, options.lang);
  if ('error' in roster) {
    out.err(roster.error);
    return 2;
  }
  const sources = inputs.length === 0 ? ['-'] : inputs;
  const summary: Summary = { scored: 0, rejected: 0, pass: 0, fail: 0, indeterminate: 0, not_eligible: 0 };
  const sink = scoreSink(set, options, out);
  const rejected = rejectedRecordCounter();
  const reject = (diagnostics: readonly Diagnostic[]) => {
    for (const d of diagnostics) {
      rejected.add(d);
      sink.problem(d);
    }
    summary.rejected = rejected.count();
  };

  for (const source of sources) {
    const format = options.inputFormat ?? formatOfPath(source);
    if (format === undefined) {
      out.err(wordsOf(options.lang).cli.unknownInputFormat(source));
      return 2;
    }
    const records = recordItems(source, format, { ...options, precheck: set.precheck, ...(mapping ? { mapping } : {}) }, stdin);
    try {
      // Each scorecard is written as soon as its record has been read and scored (json and md: at the end).
      for await (const item of scoreHistoryStream(set, assignStream(records, roster, options.lang), options.lang, new RecordIds(source === '-' ? {} : { verify: ndjsonIdCheck(options.maxRecordBytes) }))) {
        if ('scorecard' in item) {
          summary.scored++;
          summary[item.scorecard.verdict]++;
          sink.scored(item);
        } else reject(item.diagnostics);
        // A reader slower than scoring (a pipe): wait for it rather than hold what it has not read.
        const ready = out.ready?.();
        if (ready !== undefined) await ready;
      }
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      out.err(error.message);
      return 2;
    }
  }
  sink.end(summary);
  if (options.output !== undefined) {
    const data = sink.cards ? await scorecardsWorkbook(sink.cards, options.lang, itemNamer(set, options.lang)) : file!.written();
    if (!(await writeOutputFile(options.output, data, terminal, wordsOf(options.lang).cli.cannotWrite))) return 2;
  }

  const failOnMatched = options.failOn.some((v) => summary[v] > 0);
  return summary.rejected > 0 || failOnMatched ? 1 : 0;
}

interface ScoreSink {
  scored(item: ScoredRecord): void;
  problem(d: Diagnostic): void;
  end(summary: Summary): void;
  /** xlsx: the scorecards, for the workbook written at the end. */
  readonly cards?: Scorecard[];
}

/**
 * Where `score` writes, by format. Text, CSV and NDJSON are written as they come, scorecards to
 * stdout and problems to stderr (the first --max-problems of them, then their count), so memory
 * does not grow with the input; JSON and Markdown are one document, written at the end.
 */
function scoreSink(set: StandardSet, options: ScoreOptions, out: Output): ScoreSink {
  const names = itemNamer(set, options.lang);
  if (options.format === 'json' || options.format === 'md') {
    const scored: ScoredRecord[] = [];
    const rejected: Diagnostic[] = [];
    return {
      scored: (item) => scored.push(item),
      problem: (d) => rejected.push(d),
      end: (summary) => {
        rejected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.index ?? 0) - (b.index ?? 0) || a.line - b.line);
        out.out(renderScored(set, scored, rejected, summary, options.format, options.lang));
      },
    };
  }
  const problems = problemPrinter(out, options.maxProblems ?? DEFAULT_MAX_PROBLEMS, options.lang);
  if (options.format === 'xlsx') {
    // The workbook is written at the end (runScore); the problems and the summary go to stderr as for csv.
    const cards: Scorecard[] = [];
    return {
      cards,
      scored: (item) => cards.push(item.scorecard),
      problem: problems.print,
      end: (summary) => {
        problems.end();
        out.err(formatSummary(summary, options.lang));
      },
    };
  }
  let count = 0;
  // Excel on a Chinese Windows machine reads UTF-8 with a BOM, or the local GB18030 without one.
  const gb18030 = options.outputEncoding === 'gb18030' && out.bytes !== undefined;
  const csv = (text: string) => (gb18030 ? out.bytes!(iconv.encode(text + '\n', 'gb18030')) : out.out(text));
  const dimensions = dimensionColumns(set.scorers.map((s) => s.standard));
  const csvHeader = () => csv((gb18030 ? '' : '\uFEFF') + formatScorecardsCsv([], options.lang, names, { dimensions }));
  const write = (card: Scorecard) => {
    if (options.format === 'ndjson') out.out(JSON.stringify(card));
    else if (options.format === 'csv') {
      if (count === 0) csvHeader();
      csv(formatScorecardsCsv([card], options.lang, names, { header: false, dimensions }));
    } else out.out((count === 0 ? '' : '\n') + formatScorecardText(card, options.lang, names));
  };
  return {
    scored: (item) => {
      write(item.scorecard);
      count++;
    },
    problem: problems.print,
    end: (summary) => {
      problems.end();
      // The summary follows the scorecards in text; stdout of csv and ndjson is the data alone.
      if (options.format === 'text') out.out((count === 0 ? '' : '\n') + formatSummary(summary, options.lang));
      else if (options.format === 'csv') {
        if (count === 0) csvHeader();
        out.err(formatSummary(summary, options.lang));
      }
    },
  };
}

/** Scorecards, the rejected records and the summary as JSON, Markdown or text (`score` and `import` alike). */
export function renderScored(set: StandardSet, scored: readonly ScoredRecord[], rejected: readonly Diagnostic[], summary: Summary, format: string, lang: Locale): string {
  const options = { lang };
  switch (format) {
    case 'json':
      return JSON.stringify({ scorecards: scored.map((s) => s.scorecard), rejected, summary }, null, 2);
    case 'md':
      return formatScorecardsMarkdown(scored.map((s) => s.scorecard), rejected, formatSummary(summary, options.lang), options.lang, itemNamer(set, options.lang)).trimEnd();
    default: {
      const names = itemNamer(set, options.lang);
      const blocks = scored.map((s) => formatScorecardText(s.scorecard, options.lang, names));
      if (rejected.length > 0) blocks.push([wordsOf(options.lang).cli.rejectedRecords, ...rejected.map((d) => '  ' + formatDiagnostic(d))].join('\n'));
      blocks.push(formatSummary(summary, options.lang));
      return blocks.join('\n\n');
    }
  }
}

export function formatSummary(s: Summary, lang: Locale): string {
  return wordsOf(lang).cli.scoreSummary(s);
}

