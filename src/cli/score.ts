/**
 * `scoresheet score --standard S [records…|-]`: records in, scorecards out.
 * Exit 0: every record scored and no --fail-on matched; 1: some rejected or --fail-on matched; 2: could not run.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Locale } from '../messages/types.js';
import type { TextEncodingName } from '../records/decode.js';
import { formatRecordDiagnostic, type RecordDiagnostic } from '../records/diagnostics.js';
import { formatOfPath, type RecordFormat } from '../records/read.js';
import { streamRecords } from '../records/records.js';
import { CsvMappingError } from '../records/csv.js';
import { loadMapping, type CsvMapping } from '../records/mapping.js';
import { scoreBatch, scoreStream, type ScoredRecord } from '../score/batch.js';
import type { StandardSet } from '../score/editions.js';
import type { Scorecard, Verdict } from '../score/scorecard.js';
import { formatScorecardText } from '../report/text.js';
import { formatScorecardsCsv } from '../report/csv.js';
import { formatScorecardsMarkdown } from '../report/markdown.js';
import iconv from 'iconv-lite';
import type { Output } from './io.js';
import { assignStream, loadRoster, readRecordSource } from './inputs.js';
import { assignFindings } from '../aggregate/responsibility.js';
import { itemNamer, loadStandardSet } from './standards.js';

export type ScoreOutputFormat = 'text' | 'json' | 'ndjson' | 'csv' | 'md';

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
  readonly units?: string;
  readonly roster?: string;
}

export interface Summary {
  scored: number;
  rejected: number;
  pass: number;
  fail: number;
  indeterminate: number;
  not_eligible: number;
}

export async function runScore(inputs: readonly string[], options: ScoreOptions, out: Output, stdin: Readable = process.stdin): Promise<number> {
  if (options.outputEncoding !== undefined && options.format !== 'csv') {
    out.err('--output-encoding applies to --format csv only');
    return 2;
  }
  const set = await loadStandardSet(options.standards, options.lang, out);
  if (!set) return 2;
  let mapping: CsvMapping | undefined;
  if (options.map !== undefined) {
    const loaded = await loadMapping(options.map);
    if (!loaded.ok) {
      for (const error of loaded.errors) out.err(error);
      return 2;
    }
    mapping = loaded.mapping;
  }
  const roster = await loadRoster(options);
  if ('error' in roster) {
    out.err(roster.error);
    return 2;
  }
  const sources = inputs.length === 0 ? ['-'] : inputs;
  const summary: Summary = { scored: 0, rejected: 0, pass: 0, fail: 0, indeterminate: 0, not_eligible: 0 };
  const scored: ScoredRecord[] = [];
  const rejected: RecordDiagnostic[] = [];
  const rejectedRecords = new Set<string>();
  const count = (card: Scorecard) => {
    summary.scored++;
    summary[card.verdict]++;
  };
  const reject = (diagnostics: readonly RecordDiagnostic[]) => {
    for (const d of diagnostics) {
      rejected.push(d);
      rejectedRecords.add(`${d.file}#${d.index}`);
    }
  };

  for (const source of sources) {
    const format = options.inputFormat ?? formatOfPath(source);
    if (format === undefined) {
      out.err(`cannot tell the format of ${source}: use --input-format json|yaml|ndjson|csv`);
      return 2;
    }
    if ((format === 'ndjson' || format === 'csv') && options.format === 'ndjson') {
      // Streaming: each scorecard is written as soon as its record has been read and scored.
      const stream = source === '-' ? stdin : createReadStream(source);
      const file = source === '-' ? '<stdin>' : source;
      const records = streamRecords(stream, { file, format, locale: options.lang, precheck: set.precheck, ...(mapping ? { mapping } : {}), ...(options.encoding ? { encoding: options.encoding } : {}) });
      try {
        for await (const item of scoreStream(set, assignStream(records, roster, options.lang), options.lang)) {
          if ('scorecard' in item) {
            count(item.scorecard);
            out.out(JSON.stringify(item.scorecard));
          } else {
            reject(item.diagnostics);
            for (const d of item.diagnostics) out.err(formatRecordDiagnostic(d));
          }
        }
      } catch (error) {
        out.err(error instanceof CsvMappingError ? error.message : `cannot read ${source}: ${(error as Error).message}`);
        return 2;
      }
      continue;
    }
    const read = await readRecordSource(source, format, { ...options, precheck: set.precheck, ...(mapping ? { mapping } : {}) }, stdin);
    if ('error' in read) {
      out.err(read.error);
      return 2;
    }
    const assigned = assignFindings(read.records, roster, options.lang);
    const batch = scoreBatch(set, assigned.records, options.lang);
    // Each problem names the row or node its field came from (recordDiagnostic places it).
    const problems = [...read.diagnostics, ...assigned.diagnostics, ...batch.diagnostics];
    reject(problems);
    for (const item of batch.scored) count(item.scorecard);
    if (options.format === 'ndjson') {
      // A whole-file source (JSON, YAML) written as NDJSON too: its scorecards, and its problems on stderr.
      for (const item of batch.scored) out.out(JSON.stringify(item.scorecard));
      for (const d of problems) out.err(formatRecordDiagnostic(d));
    } else scored.push(...batch.scored);
  }
  summary.rejected = rejectedRecords.size;
  rejected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.index - b.index || a.line - b.line);

  if (options.format === 'csv') {
    // stdout is the sheet alone; what was left out, and the summary, go to stderr.
    const sheet = formatScorecardsCsv(scored.map((s) => s.scorecard), options.lang, itemNamer(set, options.lang));
    // Excel on a Chinese Windows machine reads UTF-8 with a BOM, or the local GB18030 without one.
    if (options.outputEncoding === 'gb18030' && out.bytes) out.bytes(iconv.encode(sheet + '\n', 'gb18030'));
    else out.out('\uFEFF' + sheet);
    for (const d of rejected) out.err(formatRecordDiagnostic(d));
    out.err(formatSummary(summary, options.lang));
  } else if (options.format !== 'ndjson') out.out(renderScored(set, scored, rejected, summary, options.format, options.lang));

  const failOnMatched = options.failOn.some((v) => summary[v] > 0);
  return summary.rejected > 0 || failOnMatched ? 1 : 0;
}

/** Scorecards, the rejected records and the summary as JSON, Markdown or text (`score` and `import` alike). */
export function renderScored(set: StandardSet, scored: readonly ScoredRecord[], rejected: readonly RecordDiagnostic[], summary: Summary, format: string, lang: Locale): string {
  const options = { lang };
  switch (format) {
    case 'json':
      return JSON.stringify({ scorecards: scored.map((s) => s.scorecard), rejected, summary }, null, 2);
    case 'md':
      return formatScorecardsMarkdown(scored.map((s) => s.scorecard), rejected, formatSummary(summary, options.lang), options.lang, itemNamer(set, options.lang)).trimEnd();
    default: {
      const names = itemNamer(set, options.lang);
      const blocks = scored.map((s) => formatScorecardText(s.scorecard, options.lang, names));
      if (rejected.length > 0) blocks.push([options.lang === 'zh-CN' ? '被拒绝的记录：' : 'Rejected records:', ...rejected.map((d) => '  ' + formatRecordDiagnostic(d))].join('\n'));
      blocks.push(formatSummary(summary, options.lang));
      return blocks.join('\n\n');
    }
  }
}

export function formatSummary(s: Summary, lang: Locale): string {
  return lang === 'zh-CN'
    ? `已评分 ${s.scored}，被拒绝 ${s.rejected}；通过 ${s.pass}，不通过 ${s.fail}，无法判定 ${s.indeterminate}，不具备资格 ${s.not_eligible}`
    : `scored ${s.scored}, rejected ${s.rejected}; pass ${s.pass}, fail ${s.fail}, indeterminate ${s.indeterminate}, not eligible ${s.not_eligible}`;
}

