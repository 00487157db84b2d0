/**
 * A stream of items made a chunk at a time. The NDJSON and CSV readers turn each chunk into all the
 * items it completes at once; handed on one by one through an async generator, every item would cost
 * an async step (a promise and a microtask) at each layer it passes — more than reading it. So a
 * reader's stream also carries its batches, and a consumer that knows (scoreStream) takes them
 * instead and pays one step per chunk; any other consumer iterates the items as before.
 */

/** The batches behind a stream of items, while nobody has read it. */
const BATCHES = Symbol('scoresheet.batches');

interface Batched<T> extends AsyncGenerator<T> {
  [BATCHES]?: () => AsyncIterable<readonly T[]> | undefined;
}

/** Items from batches: an async generator of the items, whose batches `batchesOf` can take before it is read. */
export function batchedStream<T>(batches: AsyncGenerator<readonly T[]>): AsyncGenerator<T> {
  // Which side reads the batches: the items' generator (started) or a consumer that took them.
  let reader: 'items' | 'batches' | undefined;
  const items: Batched<T> = (async function* () {
    if (reader === 'batches') return;
    reader = 'items';
    for await (const batch of batches) for (const item of batch) yield item;
  })();
  items[BATCHES] = () => {
    if (reader !== undefined) return undefined;
    reader = 'batches';
    return batches;
  };
  return items;
}

/** The batches of a stream made by batchedStream that nothing has read yet; else undefined (read the items). */
export function batchesOf<T>(items: AsyncIterable<T>): AsyncIterable<readonly T[]> | undefined {
  return (items as Batched<T>)[BATCHES]?.();
}

/** A stream's items a batch at a time: its reader's batches where it has them (batchesOf), else each item alone. */
export async function* batchesFrom<T>(items: AsyncIterable<T>): AsyncGenerator<readonly T[]> {
  const batches = batchesOf(items);
  if (batches !== undefined) yield* batches;
  else for await (const item of items) yield [item];
}
