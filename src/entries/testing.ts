/** `scoresheet/testing`: a standard's test cases (`standards/tests/*.test.yaml`) — parse, run, coverage.
 *
 * @module scoresheet/testing
 */
export { parseTestFile, runCase, coverageTargets } from '../testing/cases.js';
export type { LocatedCase, CaseResult, Mismatch, TestFileOptions, Expectation, TestCase } from '../testing/cases.js';
