/** Small collection helpers shared by the modules that group things. */

/** Appends `value` to the list under `key`, starting the list when there is none (no copying). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Appends every item of `items` to `target`, one by one: spreading them into one push call passes each
 * item as an argument on the call stack and overflows it for a data-sized list (about 150,000 items).
 */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

/** The least and the greatest of `values` (a loop: spreading a long list into Math.min overflows the stack); undefined when empty. */
export function extent(values: Iterable<number>): { min: number; max: number } | undefined {
  let range: { min: number; max: number } | undefined;
  for (const v of values) {
    if (range === undefined) range = { min: v, max: v };
    else {
      if (v < range.min) range.min = v;
      if (v > range.max) range.max = v;
    }
  }
  return range;
}

/**
 * `{ ...source }`, for a copy that gets keys added afterwards. On V8 (Node 20) each key added to a spread's
 * copy costs about 1 µs (the copies do share one map: the cost is in how V8 adds the key); `Object.assign`
 * into a literal builds the copy through the ordinary transitions (~0.05 µs). The same own enumerable keys, values and order, except
 * that assigning an own `__proto__` key would set the copy's prototype: such a source is spread.
 */
export function copyOwn<T extends object>(source: T | undefined): T {
  return source !== undefined && Object.hasOwn(source, '__proto__') ? { ...source } : Object.assign({}, source);
}

/**
 * The string's internalized copy (V8 keeps one of each in its string table, as it does property names):
 * compared with another internalized string by reference, looked up as a key without a table lookup.
 */
export function internalize(text: string): string {
  return Object.keys({ [text]: true })[0]!;
}
