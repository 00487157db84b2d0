/**
 * The browser builds' stand-in for Node's `Buffer` global (tsup `inject`), for the one dependency that
 * names it where a browser has none: csv-stringify builds its byte-order mark with `Buffer.from` when
 * loaded and asks `Buffer.isBuffer` of its options. No Buffer ever reaches it in a browser.
 */
export const Buffer = {
  from: (bytes: ArrayLike<number>): Uint8Array => Uint8Array.from(bytes),
  isBuffer: (_value: unknown): boolean => false,
};
