/**
 * Many records → scorecards and diagnostics: edition selection, standard-specific checks,
 * duplicate record ids, and superseding records (a corrected sheet, the outcome of an appeal, 复核).
 */
import type { Scorer } from '../compile/standard.js';
import type { Locale } from '../messages/locales.js';
import type { InspectionRecord } from '../record-schema.js';
import type { Diagnostic } from '../diagnostics.js';
import { inlineSource, placeProblems, recordDiagnostic, type RecordSource } from '../records/diagnostics.js';
import type { StreamItem } from '../records/read.js';
import { checkRecordInput, type LocatedRecord } from '../records/validate.js';
import { IdSet, type Fingerprint } from '../records/id-set.js';
import { batchesFrom } from '../records/batches.js';
import { editionProblem, StandardSet } from './editions.js';
import { scoreChecked } from './score.js';
import type { Scorecard, ScoreAttempt, ScoreResult } from './scorecard.js';
import { pushAll } from '../collections.js';
import { supersededIds } from './scorecard.js';

export interface ScoredRecord {
  readonly scorecard: Scorecard;
  readonly source: LocatedRecord['source'];
}

export type ScoreItem = ScoredRecord | { readonly diagnostics: readonly Diagnostic[] };

export interface ScoreRecordOptions {
  /** The language of the diagnostics' words (each can be rendered again in another, renderDiagnostic). Default: en. */
  readonly locale?: Locale;
  /**
   * Where the value came from (a LocatedRecord's `source`, from readRecords): each diagnostic is then
   * placed at the file, line and column its field was read from. Without it a diagnostic names the file
   * `<inline>`, the record's start (line 1, column 1), index 0, and the field's path.
   */
  readonly source?: RecordSource;
}

/**
 * Scores one inspection record given as any value, as the CLI scores a record read from a file: the
 * record schema, the edition in force on its date (or the one it names), the standard's own checks.
 * Never throws: whatever the value, a record that cannot be scored comes back with its diagnostics
 * (the one Diagnostic every API reports: code, file:line:col, index, path, message id and data).
 *
 * @example
 * ```ts
 * import { compileStandard, renderDiagnostic, scoreRecord, type Standard } from 'scoresheet';
 *
 * declare const standard: Standard;
 * const result = scoreRecord(compileStandard(standard), {
 *   unit: { id: 'g1-3', name: '高一(3)班', group: { grade: '高一' } },
 *   date: '2024-03-04',
 *   findings: [{ item: 'tool-corner', points: 2, note: '扫帚散落' }],
 * }, { locale: 'zh-CN' });
 * if (result.ok) console.log(result.scorecard.total, result.scorecard.verdict);
 * else console.error(result.diagnostics.map((d) => renderDiagnostic(d)).join('\n')); // <inline>:1:1  error  points_out_of_range  [#0] findings[0].points: …
 * ```
 */
export function scoreRecord(scorer: Scorer, input: unknown, options: ScoreRecordOptions = {}): ScoreResult {
  const attempt = attemptRecord(scorer, input);
  if (attempt.ok) return attempt;
  return { ok: false, diagnostics: placeProblems(options.source ?? inlineSource(), attempt.problems, options.locale ?? 'en') };
}

function attemptRecord(scorer: Scorer, input: unknown): ScoreAttempt {
  try {
    const set = soleSet(scorer);
    const checked = checkRecordInput(input, set.precheck);
    if (!checked.ok) return checked;
    return scoreUnder(set, checked.record);
  } catch {
    // A value the schema let through by reference (a fact's getter, a Proxy) threw while it was read.
    return { ok: false, problems: [{ code: 'record_invalid', field: '', path: [], message: { messageId: 'record.unreadable' } }] };
  }
}

const soleSets = new WeakMap<Scorer, StandardSet>();
/** The last scorer asked about and its set (held until another is asked about): a loop over records asks about one scorer, and skips the WeakMap lookup. */
let lastSole: { readonly scorer: Scorer; readonly set: StandardSet } | undefined;
function soleSet(scorer: Scorer): StandardSet {
  if (lastSole?.scorer === scorer) return lastSole.set;
  let set = soleSets.get(scorer);
  if (set === undefined) soleSets.set(scorer, (set = new StandardSet([scorer])));
  lastSole = { scorer, set };
  return set;
}

/** A record that passed the record schema: its edition (or why there is none), then the standard's checks and the score. */
function scoreUnder(set: StandardSet, record: InspectionRecord): ScoreAttempt {
  const scorer = set.select(record);
  if (!('standard' in scorer)) return { ok: false, problems: [editionProblem(scorer)] };
  return scoreChecked(scorer, record);
}

/** Scores one located record under the edition that applies to it. */
export function scoreLocated(set: StandardSet, located: LocatedRecord, locale: Locale): ScoreItem {
  const result = scoreUnder(set, located.record);
  if (result.ok) return { scorecard: result.scorecard, source: located.source };
  // Each problem names its field, and so its own line (recordDiagnostic places it).
  return { diagnostics: placeProblems(located.source, result.problems, locale) };
}

/** Where the first record with an id was read: enough to read it again (its byte offset, for an NDJSON line). */
export interface FirstRecord {
  readonly file: string;
  readonly line: number;
  readonly offset: number;
}

export interface RecordIdsOptions {
  /**
   * Whether the record read at `first` has the id `id` (re-read there). Asked when a record's id has
   * the fingerprint of an earlier record that has an offset; false means a different id that shares
   * the fingerprint, and the record is not a duplicate. Without it, or for a record without an
   * offset (stdin, CSV, JSON, YAML), a fingerprint hit is a duplicate (docs/records.md#duplicate-record-ids).
   */
  readonly verify?: (id: string, first: FirstRecord) => boolean;
  /** The 64-bit fingerprint of an id (tests give one that collides). */
  readonly fingerprint?: Fingerprint;
}

/**
 * Tracks record ids: a second record with an id already seen is reported, not scored. Ids are kept as
 * 64-bit fingerprints with their first line (IdSet), about 16 bytes each, so a stream of a million
 * records holds no id string.
 */
export class RecordIds {
  private readonly ids: IdSet;
  private readonly files: string[] = [];
  private readonly verify: RecordIdsOptions['verify'];

  constructor(options: RecordIdsOptions = {}) {
    this.ids = new IdSet(options.fingerprint);
    this.verify = options.verify;
  }

  duplicate(located: LocatedRecord, locale: Locale): Diagnostic | undefined {
    const id = located.record.id;
    if (id === undefined) return undefined;
    const { file: name, line } = located.source;
    let file = this.files.length > 0 && this.files[this.files.length - 1] === name ? this.files.length - 1 : this.files.indexOf(name);
    if (file === -1) file = this.files.push(name) - 1;
    const { ids, verify } = this;
    const same =
      verify === undefined
        ? undefined
        : (entry: number) => {
            const offset = ids.offsetOf(entry);
            return offset === undefined || verify(id, { file: this.files[ids.fileOf(entry)]!, line: ids.lineOf(entry), offset });
          };
    // An offset is kept only where it can serve: for re-reading on a hit.
    const earlier = ids.addOrFind(id, line, verify === undefined ? undefined : located.offset, file, same);
    if (earlier === -1) return undefined;
    const first = `${this.files[ids.fileOf(earlier)]}:${ids.lineOf(earlier)}`;
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
export function scoreBatch(set: StandardSet, records: readonly LocatedRecord[], locale: Locale): { scored: ScoredRecord[]; diagnostics: Diagnostic[] } {
  const ids = new RecordIds();
  const diagnostics: Diagnostic[] = [];
  const kept: LocatedRecord[] = [];
  for (const located of records) {
    const duplicate = ids.duplicate(located, locale);
    if (duplicate) diagnostics.push(duplicate);
    else kept.push(located);
  }
  const superseded = supersededIds(kept.map((r) => r.record));
  const scored: ScoredRecord[] = [];
  for (const located of kept) {
    if (located.record.id !== undefined && superseded.has(located.record.id)) continue;
    const item = scoreLocated(set, located, locale);
    if ('scorecard' in item) scored.push(item);
    else pushAll(diagnostics, item.diagnostics);
  }
  return { scored, diagnostics };
}

/**
 * Streams: each record is scored as it arrives (supersedes is reported on the scorecard, for aggregation to apply).
 * `ids` holds the record ids seen, to report duplicates (by default: a fingerprint hit is a duplicate;
 * the CLI passes one that reads an NDJSON file's earlier line again, docs/records.md#duplicate-record-ids).
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
export function scoreStream(set: StandardSet, items: AsyncIterable<StreamItem>, locale: Locale, ids: RecordIds = new RecordIds()): AsyncGenerator<ScoreItem> {
  return new ScoreItems(batchesFrom(items), (item) => {
    if (!('record' in item)) return item;
    const duplicate = ids.duplicate(item, locale);
    return duplicate ? { diagnostics: [duplicate] } : scoreLocated(set, item, locale);
  });
}

/**
 * scoreStream's items: what an `async function*` looping over the batches would give (the same
 * items, errors, `return` and `throw`, one request at a time), without a generator's steps per item.
 * An item of a batch already read is handed over in a promise already resolved; an async generator
 * took several promises and microtasks per `yield`, a tenth of a streamed record's time.
 */
class ScoreItems implements AsyncGenerator<ScoreItem> {
  private batch: readonly StreamItem[] = [];
  private at = 0;
  private done = false;
  /** Settles when the request that waits for the next batch has its answer: later requests wait for it. */
  private pending: Promise<unknown> | undefined;

  constructor(
    private readonly batches: AsyncGenerator<readonly StreamItem[]>,
    private readonly score: (item: StreamItem) => ScoreItem,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<ScoreItem>> {
    return this.pending !== undefined ? this.queue(() => this.answer()) : this.answer();
  }

  return(value?: unknown): Promise<IteratorResult<ScoreItem>> {
    const end = () => this.close().then((): IteratorResult<ScoreItem> => ({ value, done: true }));
    return this.pending !== undefined ? this.queue(end) : end();
  }

  throw(error: unknown): Promise<IteratorResult<ScoreItem>> {
    return this.pending !== undefined ? this.queue(() => this.fail(error)) : this.fail(error);
  }

  /** The next item: at once from the batch in hand, else once the next batch is read (later requests queued behind). */
  private answer(): Promise<IteratorResult<ScoreItem>> {
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    if (this.at < this.batch.length) {
      try {
        return Promise.resolve({ value: this.score(this.batch[this.at++]!), done: false });
      } catch (error) {
        return this.fail(error);
      }
    }
    return this.pending !== undefined ? this.pull() : this.queue(() => this.pull());
  }

  private async pull(): Promise<IteratorResult<ScoreItem>> {
    while (!this.done && this.at >= this.batch.length) {
      let next: IteratorResult<readonly StreamItem[]>;
      try {
        next = await this.batches.next();
      } catch (error) {
        this.done = true;
        throw error;
      }
      if (next.done) this.done = true;
      else {
        this.batch = next.value;
        this.at = 0;
      }
    }
    return this.answer();
  }

  /** Ends the items, closing the reader (as a generator's loop left by return, throw or an error does). */
  private close(): Promise<unknown> {
    if (this.done) return Promise.resolve();
    this.done = true;
    this.batch = [];
    return this.batches.return(undefined);
  }

  private fail(error: unknown): Promise<never> {
    return this.close().then(() => Promise.reject(error));
  }

  /** Runs `step` after the pending request, and makes it the pending one until it settles. */
  private queue<T>(step: () => Promise<T>): Promise<T> {
    const run = (this.pending ?? Promise.resolve()).then(step);
    const settled: Promise<unknown> = run.then(
      () => this.settle(settled),
      () => this.settle(settled),
    );
    this.pending = settled;
    return run;
  }

  private settle(settled: Promise<unknown>): void {
    if (this.pending === settled) this.pending = undefined;
  }
}
