/** `scoresheet/records`: CSV mapping files (`--map`), their errors, decoding bytes (UTF-8 or GBK), and workbooks (.xlsx).
 *
 * @module scoresheet/records
 */
export { parseMapping, loadMapping } from '../records/mapping.js';
export type { CsvMapping, CsvMappingInput, MappingResult } from '../records/mapping.js';
export { DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_FILE_BYTES } from '../records/read.js';
export { decodeText } from '../records/decode.js';
export { readXlsxRecords } from '../records/xlsx.js';
export type { XlsxReadOptions } from '../records/xlsx.js';
export type { DecodedText, TextEncodingName } from '../records/decode.js';
