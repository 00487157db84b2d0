/**
 * Many records → scorecards and diagnostics: edition selection, standard-specific checks,
 * duplicate record ids, and superseding records (a corrected sheet, the outcome of an appeal, 复核).
 */
import type { Locale } from '../messages/types.js';
import { recordDiagnostic, type RecordDiagnostic } from '../records/diagnostics.js';
import type { StreamItem } from '../records/read.js';
import type { LocatedRecord } from '../records/validate.js';
import type { StandardSet } from './editions.js';
import { scoreRecord } from './score.js';
import type { Scorecard } from './scorecard.js';

export interface ScoredRecord {
  readonly scorecard: Scorecard;
  readonly source: LocatedRecord['source'];
}

export type ScoreItem = ScoredRecord | { readonly diagnostics: readonly RecordDiagnostic[] };

/** Scores one located record under the edition that applies to it. */
export function scoreLocated(set: StandardSet, located: LocatedRecord, locale: Locale): ScoreItem {
  const scorer = set.select(located.record);
  if (!('standard' in scorer)) {
    const code = scorer.messageId === 'record.no_edition' ? 'no_edition' : 'unknown_standard';
    return { diagnostics: [recordDiagnostic(located.source, scorer.messageId === 'record.no_edition' ? 'date' : 'standard', scorer, locale, code)] };
  }
  const result = scoreRecord(scorer, located.record);
  if (result.ok) return { scorecard: result.scorecard, source: located.source };
  // Each problem names its field, and so its own line (recordDiagnostic places it).
  return { diagnostics: result.problems.map((p) => recordDiagnostic(located.source, p.field, p.message, locale)) };
}

/**
 * Tracks record ids: a second record with an id already seen is reported, not scored. A stream of a
 * million records keeps only each id and its first line (and the file, where it is not the first
 * record's file), so memory grows by little more than the ids themselves.
 */
export class RecordIds {
  private readonly firstLine = new Map<string, number>();
  private readonly otherFile = new Map<string, string>();
  private file: string | undefined;

  duplicate(located: LocatedRecord, locale: Locale): RecordDiagnostic | undefined {
    const id = located.record.id;
    if (id === undefined) return undefined;
    const line = this.firstLine.get(id);
    if (line === undefined) {
      this.file ??= located.source.file;
      this.firstLine.set(id, located.source.line);
      if (located.source.file !== this.file) this.otherFile.set(id, located.source.file);
      return undefined;
    }
    const first = `${this.otherFile.get(id) ?? this.file}:${line}`;
    return recordDiagnostic(located.source, 'id', { messageId: 'record.duplicate', data: { id, first } }, locale, 'duplicate_record');
  }
}

/**
 * Scores a whole batch. A record superseded by another in the batch is dropped; the superseding
 * record's scorecard names it (`supersedes`).
 *
 * @example
 * ```ts
 * import { readRecords, scoreBatch, type StandardSet } from 'scoresheet';
 *
 * declare const set: StandardSet;
 * const { records } = readRecords('[]', { format: 'json', precheck: set.precheck });
 * const { scored, diagnostics } = scoreBatch(set, records, 'en');
 * console.log(scored.map((s) => s.scorecard.total), diagnostics.length);
 * ```
 */
export function scoreBatch(set: StandardSet, records: readonly LocatedRecord[], locale: Locale): { scored: ScoredRecord[]; diagnostics: RecordDiagnostic[] } {
  const ids = new RecordIds();
  const diagnostics: RecordDiagnostic[] = [];
  const kept: LocatedRecord[] = [];
  for (const located of records) {
    const duplicate = ids.duplicate(located, locale);
    if (duplicate) diagnostics.push(duplicate);
    else kept.push(located);
  }
  const superseded = new Set(kept.map((r) => r.record.supersedes).filter((s): s is string => s !== undefined));
  const scored: ScoredRecord[] = [];
  for (const located of kept) {
    if (located.record.id !== undefined && superseded.has(located.record.id)) continue;
    const item = scoreLocated(set, located, locale);
    if ('scorecard' in item) scored.push(item);
    else diagnostics.push(...item.diagnostics);
  }
  return { scored, diagnostics };
}

/**
 * Streams: each record is scored as it arrives (supersedes is reported on the scorecard, for aggregation to apply).
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * import { scoreStream, streamRecords, type StandardSet } from 'scoresheet';
 *
 * declare const set: StandardSet;
 * for await (const item of scoreStream(set, streamRecords(createReadStream('week.ndjson'), { file: 'week.ndjson' }), 'zh-CN')) {
 *   if ('scorecard' in item) console.log(JSON.stringify(item.scorecard));
 * }
 * ```
 */
export async function* scoreStream(set: StandardSet, items: AsyncIterable<StreamItem>, locale: Locale): AsyncGenerator<ScoreItem> {
  const ids = new RecordIds();
  for await (const item of items) {
    if (!('record' in item)) {
      yield item;
      continue;
    }
    const duplicate = ids.duplicate(item, locale);
    if (duplicate) yield { diagnostics: [duplicate] };
    else yield scoreLocated(set, item, locale);
  }
}
