/** `scoresheet/import`: records from other systems' data — the LIVES restaurant-inspection feed — and how well the official scores agree.
 *
 * @module scoresheet/import
 */
export { livesToRecords } from '../import/lives.js';
export type { LivesFiles, LivesOptions, LivesImport, LivesProblem, LivesStats } from '../import/lives.js';
export { agreementReport, formatAgreement } from '../import/agreement.js';
export type { AgreementReport, AgreementEntry, AgreementClass, BandCount, Difference } from '../import/agreement.js';
