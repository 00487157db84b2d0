/** Small collection helpers shared by the modules that group things. */

/** Appends `value` to the list under `key`, starting the list when there is none (no copying). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
