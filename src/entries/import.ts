/** `scoresheet/import`: records from other systems' data — the LIVES restaurant-inspection feed — and how well the official scores agree. */
export { livesToRecords } from '../import/lives.js';
export type { LivesFiles, LivesOptions, LivesImport, LivesProblem, LivesStats } from '../import/lives.js';
export { agreementReport, formatAgreement } from '../import/agreement.js';
export type { AgreementReport, AgreementEntry } from '../import/agreement.js';
