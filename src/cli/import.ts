/**
 * `scoresheet import lives <dir> [--standard S] [-o out.ndjson] [--compare]`: a LIVES feed (Yelp's
 * Local Inspector Value-Entry Specification: businesses.csv, inspections.csv, violations.csv,
 * feed_info.csv) → inspection records as NDJSON, or scored directly with --standard (printed as
 * `score` prints), or compared with the feed's official scores (--compare).
 * Exit 0: done; 1: records rejected, --fail-on matched, or (--compare) a score differs; 2: could not run.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { agreementReport, formatAgreement, type AgreementEntry } from '../import/agreement.js';
import { LIVES_FILE_NAMES, livesDate, livesToRecords, type LivesFileName, type LivesFiles, type LivesProblem } from '../import/lives.js';
import { wordsOf } from '../messages/locales.js';
import type { Locale } from '../messages/locales.js';
import { formatDiagnostic, renderDiagnostic } from '../diagnostics.js';
import { readSideFile } from '../files.js';
import { DEFAULT_MAX_FILE_BYTES } from '../records/read.js';
import { scoreBatch } from '../score/batch.js';
import type { Verdict } from '../score/scorecard.js';
import type { Output } from './io.js';
import { formatSummary, renderScored, type Summary } from './score.js';
import { loadStandardSet, standardLoadOptions } from './standards.js';
import { renderMessage } from '../messages/render.js';
import { systemFailure } from '../messages/library.js';

export type ImportOutputFormat = 'text' | 'json' | 'ndjson' | 'md';

export interface ImportOptions {
  readonly standards?: readonly string[];
  /** Where the records go (NDJSON); without --standard, standard output when not given. */
  readonly output?: string;
  readonly format: ImportOutputFormat;
  readonly lang: Locale;
  readonly failOn: readonly Verdict[];
  /** Compare each computed total with the official score and print the agreement table. */
  readonly compare?: boolean;
  /** --allow-root: folders where `extends:` may also find a base. */
  readonly allowRoot?: readonly string[];
  /** The largest feed file read, in bytes (default DEFAULT_MAX_FILE_BYTES); a larger one is `file_too_large`. */
  readonly maxFileBytes?: number;
}

/** Files a LIVES directory must hold (feed_info.csv is optional). */
const REQUIRED_FILES: readonly LivesFileName[] = ['businesses', 'inspections', 'violations'];

export async function runImport(source: string, dir: string, options: ImportOptions, out: Output): Promise<number> {
  if (source !== 'lives') {
    out.err(wordsOf(options.lang).cli.unknownImportFormat(source));
    return 2;
  }
  const standards = options.standards ?? [];
  if (options.compare && standards.length === 0) {
    out.err(wordsOf(options.lang).cli.compareNeedsStandard);
    return 2;
  }

  const files: Partial<Record<LivesFileName, string>> = {};
  const names: Partial<Record<LivesFileName, string>> = {};
  for (const which of Object.keys(LIVES_FILE_NAMES) as LivesFileName[]) {
    const path = join(dir, LIVES_FILE_NAMES[which]);
    names[which] = path;
    // Each file is read whole (csv-parse/sync, then the join): bounded like a JSON or YAML input.
    const read = readSideFile(path, 'feed', options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, options.lang);
    if ('bytes' in read) files[which] = read.bytes.toString('utf8');
    else if (REQUIRED_FILES.includes(which) || read.diagnostic.code !== 'file_not_found') {
      out.err(renderDiagnostic(read.diagnostic, options.lang));
      return 2;
    }
  }
  const imported = livesToRecords(files as LivesFiles, { names, locale: options.lang });
  for (const p of imported.problems) out.err(formatProblem(p));
  if (imported.fatal) return 2;

  const s = imported.stats;
  const feed = imported.feed;
  out.err(
    wordsOf(options.lang).cli.livesSummary({
      ...(feed?.municipality_name ? { municipality: feed.municipality_name } : {}),
      ...(feed?.feed_date ? { date: livesDate(feed.feed_date) ?? feed.feed_date } : {}),
      ...(feed?.feed_version ? { version: feed.feed_version } : {}),
      businesses: s.businesses,
      inspections: s.inspections,
      violations: s.violations,
      records: s.records,
      ambiguousKeys: s.ambiguousKeys,
      ambiguousRecords: s.ambiguousRecords,
      uncertainRecords: s.uncertainRecords,
    }),
  );

  const ndjson = imported.records.map((r) => JSON.stringify(r.record)).join('\n') + (imported.records.length > 0 ? '\n' : '');
  if (options.output !== undefined) {
    try {
      await writeFile(options.output, ndjson);
    } catch (error) {
      out.err(wordsOf(options.lang).cli.cannotWrite(options.output, renderMessage({ messageId: 'library.system', data: systemFailure(error) }, options.lang)));
      return 2;
    }
  }
  if (standards.length === 0) {
    if (options.output === undefined && ndjson !== '') out.out(ndjson.slice(0, -1));
    return 0;
  }

  const set = await loadStandardSet(standards, standardLoadOptions(options), out);
  if (!set) return 2;
  const batch = scoreBatch(set, imported.records, options.lang);
  const summary: Summary = { scored: 0, rejected: 0, pass: 0, fail: 0, indeterminate: 0, not_eligible: 0 };
  for (const item of batch.scored) {
    summary.scored++;
    summary[item.scorecard.verdict]++;
  }
  summary.rejected = new Set(batch.diagnostics.map((d) => d.index)).size;

  if (options.compare) {
    const byIndex = new Map(batch.scored.map((item) => [item.source.index, item.scorecard]));
    const entries: AgreementEntry[] = imported.records.map((r) => {
      const scorecard = byIndex.get(r.source.index);
      return scorecard ? { record: r.record, scorecard } : { record: r.record };
    });
    const report = agreementReport(entries, set.scorers[0]!.standard, options.lang);
    if (options.format === 'json' || options.format === 'ndjson') out.out(JSON.stringify({ agreement: report, summary }, null, options.format === 'json' ? 2 : undefined));
    else out.out(formatAgreement(report, options.format === 'md' ? 'md' : 'text', options.lang) + '\n\n' + formatSummary(summary, options.lang));
    return report.counts.differs > 0 ? 1 : 0;
  }

  switch (options.format) {
    case 'ndjson':
      for (const item of batch.scored) out.out(JSON.stringify(item.scorecard));
      for (const d of batch.diagnostics) out.err(formatDiagnostic(d));
      break;
    default:
      // text, md and json exactly as `score` writes them
      out.out(renderScored(set, batch.scored, batch.diagnostics, summary, options.format, options.lang));
  }
  const failOnMatched = options.failOn.some((v) => summary[v] > 0);
  return summary.rejected > 0 || failOnMatched ? 1 : 0;
}

/** `file:line:col  warning  code  message`, as every problem is printed. */
export function formatProblem(p: LivesProblem): string {
  return formatDiagnostic(p);
}
