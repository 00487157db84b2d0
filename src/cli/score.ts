/**
 * `scoresheet score --standard S [records…|-]`: records in, scorecards out.
 * Exit 0: every record scored and no --fail-on matched; 1: some rejected or --fail-on matched; 2: could not run.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Locale } from '../messages/types.js';
import type { TextEncodingName } from '../records/decode.js';
import { formatRecordDiagnostic, type RecordDiagnostic } from '../records/diagnostics.js';
import { formatOfPath, streamNdjsonRecords, type RecordFormat } from '../records/read.js';
import { scoreBatch, scoreStream, type ScoredRecord } from '../score/batch.js';
import type { StandardSet } from '../score/editions.js';
import type { Scorecard, Verdict } from '../score/scorecard.js';
import { formatScorecardText } from '../report/text.js';
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
  const set = await loadStandardSet(options.standards, options.lang, out);
  if (!set) return 2;
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
    if (format === 'ndjson' && options.format === 'ndjson') {
      // Streaming: each scorecard is written as soon as its record has been read and scored.
      const stream = source === '-' ? stdin : createReadStream(source);
      try {
        for await (const item of scoreStream(set, assignStream(streamNdjsonRecords(stream, { file: source === '-' ? '<stdin>' : source, locale: options.lang }), roster, options.lang), options.lang)) {
          if ('scorecard' in item) {
            count(item.scorecard);
            out.out(JSON.stringify(item.scorecard));
          } else {
            reject(item.diagnostics);
            for (const d of item.diagnostics) out.err(formatRecordDiagnostic(d));
          }
        }
      } catch (error) {
        out.err(`cannot read ${source}: ${(error as Error).message}`);
        return 2;
      }
      continue;
    }
    const read = await readRecordSource(source, format, options, stdin);
    if ('error' in read) {
      out.err(read.error);
      return 2;
    }
    reject(read.diagnostics);
    const assigned = assignFindings(read.records, roster, options.lang);
    reject(assigned.diagnostics);
    const batch = scoreBatch(set, assigned.records, options.lang);
    reject(batch.diagnostics);
    for (const item of batch.scored) {
      count(item.scorecard);
      scored.push(item);
    }
  }
  summary.rejected = rejectedRecords.size;
  rejected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.index - b.index || a.line - b.line);

  if (options.format !== 'ndjson') out.out(render(set, scored, rejected, summary, options));
  else for (const d of rejected) if (!d.file) out.err(formatRecordDiagnostic(d));

  const failOnMatched = options.failOn.some((v) => summary[v] > 0);
  return summary.rejected > 0 || failOnMatched ? 1 : 0;
}

function render(set: StandardSet, scored: readonly ScoredRecord[], rejected: readonly RecordDiagnostic[], summary: Summary, options: ScoreOptions): string {
  switch (options.format) {
    case 'json':
      return JSON.stringify({ scorecards: scored.map((s) => s.scorecard), rejected, summary }, null, 2);
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
