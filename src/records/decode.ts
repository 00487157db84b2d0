/**
 * Bytes → text. UTF-8 (with or without BOM) unless the bytes are not valid UTF-8, in which case
 * GB18030 (a superset of GBK: what Excel writes on a Chinese Windows machine); or as told.
 */
export type TextEncodingName = 'utf-8' | 'gb18030' | 'gbk';

export interface DecodedText {
  readonly text: string;
  readonly encoding: 'utf-8' | 'gb18030';
}

/**
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { decodeText } from 'scoresheet/records';
 *
 * const { text, encoding } = decodeText(readFileSync('excel-export.csv')); // GBK from Excel is detected
 * console.log(encoding, text.length);
 * ```
 */
export function decodeText(bytes: Uint8Array, encoding?: TextEncodingName): DecodedText {
  if (encoding === 'gbk' || encoding === 'gb18030') {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
  try {
    // TextDecoder drops a leading BOM by default.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch (error) {
    if (encoding === 'utf-8') throw error;
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** True when the bytes are valid UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
