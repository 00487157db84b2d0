/** `scoresheet/records`: CSV mapping files (`--map`), their errors, and decoding bytes (UTF-8 or GBK). */
export { parseMapping, loadMapping } from '../records/mapping.js';
export type { CsvMapping, CsvMappingInput } from '../records/mapping.js';
export { CsvMappingError } from '../records/csv.js';
export { decodeText } from '../records/decode.js';
export type { DecodedText, TextEncodingName } from '../records/decode.js';
