/**
 * The CLI's record streams, scored with history when a standard has any (`rectify`, `repeat`,
 * `foundLate`): `score`, `rank` and `report` then charge what is late and repeated. A standard
 * without history is scored by scoreStream itself, untouched.
 */
import type { Locale } from '../messages/locales.js';
import type { StreamItem } from '../records/read.js';
import { RecordIds, scoreStream, type ScoreItem } from '../score/batch.js';
import type { StandardSet } from '../score/editions.js';
import { HistoryScorer, usesHistory } from './history.js';

/**
 * scoreStream, with each unit's history when one of the set's standards has any: then each unit's
 * records must come in date order (`record.history_order` otherwise); the state kept is per unit.
 * `ids` finds duplicate record ids (as scoreStream's). Give a `history` (made with the set's `select`) to read its ledger afterwards.
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * import { streamRecords, type StandardSet } from 'scoresheet';
 * import { scoreHistoryStream } from 'scoresheet/league';
 *
 * declare const set: StandardSet;
 * for await (const item of scoreHistoryStream(set, streamRecords(createReadStream('term.ndjson'), { file: 'term.ndjson' }), 'zh-CN')) {
 *   if ('scorecard' in item) console.log(item.scorecard.total);
 * }
 * ```
 */
export function scoreHistoryStream(set: StandardSet, items: AsyncIterable<StreamItem>, locale: Locale, ids: RecordIds = new RecordIds(), history?: HistoryScorer): AsyncGenerator<ScoreItem> {
  // Without history, scoreStream itself (no layer of its own here: it takes a reader's items a chunk at a time).
  if (!set.scorers.some(usesHistory)) return scoreStream(set, items, locale, ids);
  return historyStream(items, locale, ids, history ?? new HistoryScorer((record) => set.select(record)));
}

async function* historyStream(items: AsyncIterable<StreamItem>, locale: Locale, ids: RecordIds, history: HistoryScorer): AsyncGenerator<ScoreItem> {
  for await (const item of items) {
    if (!('record' in item)) {
      yield item;
      continue;
    }
    const duplicate = ids.duplicate(item, locale);
    if (duplicate) {
      yield { diagnostics: [duplicate] };
      continue;
    }
    const result = history.score(item.record, { source: item.source, locale });
    yield result.ok ? { scorecard: result.scorecard, source: item.source } : { diagnostics: result.diagnostics };
  }
}
