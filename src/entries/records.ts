/** `scoresheet/records`: CSV mapping files (`--map`), their errors, and decoding bytes (UTF-8 or GBK).
 *
 * @module scoresheet/records
 */
export { parseMapping, loadMapping } from '../records/mapping.js';
export type { CsvMapping, CsvMappingInput, MappingResult } from '../records/mapping.js';
export { DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_FILE_BYTES } from '../records/read.js';
export { decodeText } from '../records/decode.js';
export type { DecodedText, TextEncodingName } from '../records/decode.js';
